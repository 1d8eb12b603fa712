"""Exit as soon as the wizard has painted its first page (run as a process by bench/run.py)."""

from PySide6.QtCore import QEvent, QObject, QTimer

from cmswizard.gui.launch import create_application
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False


app = create_application()
wizard = CmsWizard(Settings())
watcher = _FirstPaint()
wizard.installEventFilter(watcher)
wizard.show()
app.exec()
