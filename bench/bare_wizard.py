"""The floor for the first window: a bare PySide6 QWizard with one page, importing cryptography as
cmswizard does (run as a process by bench/run.py). `--no-crypto`: the wizard alone. `--rss`: print
its peak RSS (MB) once the window is shown, then quit."""

import resource
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

if "--no-crypto" not in sys.argv:
    import cryptography.x509  # noqa: F401 - the library every cmswizard start loads

app = QApplication(sys.argv[:1])
wizard = QWizard()
page = QWizardPage()
page.setTitle("Certificates for Cisco Meeting Server")
QVBoxLayout(page).addWidget(QLabel("What do you want to do?"))
wizard.addPage(page)
wizard.resize(900, 640)
wizard.show()
if "--rss" in sys.argv:

    def report() -> None:
        print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
        app.quit()

    QTimer.singleShot(300, report)
app.exec()
