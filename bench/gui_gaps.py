"""The longest gap between event-loop turns of the real wizard while it works (run as a process).

`chain FILE`: the chain builder loads FILE (as after Add files…), then Auto-order is clicked.
`generate`: the CSR flow is clicked through to the Generate page with an RSA-4096 key; the gaps are
those while the key is made (after the page's first paint); the click with that paint (the page
built, shown and painted) is timed apart and printed third.
`idle`: the same wizard doing nothing, for the machine's own floor.
A 1 ms timer on the GUI thread notes every turn; a Python slot needs the GIL, so a worker thread
that holds it too long shows here as well. Prints the longest gap in milliseconds and the seconds
the work took.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard
from qt_helpers import click, human_click, pause, start_wizard, wait_until

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.gui.pages.csr import DeploymentPage, GeneratePage, SubjectPage
from cmswizard.gui.wizard import CmsWizard


class GapMonitor:
    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)) * 1000


def next_page(wizard: CmsWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    click(button)


def main() -> None:
    what = sys.argv[1]
    app, wizard = start_wizard()
    app.processEvents()
    monitor = GapMonitor()
    if what == "idle":
        monitor.start()
        pause(1.0)  # the event loop itself (QTest.qWait would sleep 10 ms between its turns)
        print(f"{monitor.stop():.2f} 1.0")
        return
    if what == "chain":
        wizard.start_flow(FlowKey.BUNDLE)
        page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
        app.processEvents()
        monitor.start()
        started = time.perf_counter()
        page.load_paths([Path(sys.argv[2])])
        wait_until(lambda: page.loading == 0 and not page.model.busy() and page.model.rowCount() > 0)
        human_click(page.auto_button)
        wait_until(lambda: not page.model.busy())
        elapsed = time.perf_counter() - started
        print(f"{monitor.stop():.2f} {elapsed:.3f}")
        return
    if what == "generate":
        wizard.start_flow(FlowKey.CSR)
        deployment = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
        deployment.single.setChecked(True)
        deployment.nodes.setPlainText("cms1.example.com")
        deployment.join_url.setText("join.example.com")
        next_page(wizard)
        subject = wizard.page_as(PageId.SUBJECT, SubjectPage)
        subject.key_type.setCurrentIndex(subject.key_type.findData("rsa4096"))
        next_page(wizard)  # → preview
        app.processEvents()
        started = time.perf_counter()
        next_page(wizard)  # → Generate: the page is built and shown, the key is started in the background
        app.processEvents()  # its first paint
        page_change = time.perf_counter() - started
        monitor.start()
        page = wizard.page_as(PageId.GENERATE, GeneratePage)
        wait_until(lambda: not page.running)
        elapsed = time.perf_counter() - started
        if page.error:
            raise SystemExit(page.error)
        print(f"{monitor.stop():.2f} {elapsed:.3f} {page_change * 1000:.2f}")
        return
    raise SystemExit(f"unknown: {what}")


if __name__ == "__main__":
    main()
