"""The longest gap between event-loop turns of the real wizard while it works (run as a process).

`chain FILE`: the chain builder loads FILE (as after Add files…), then Auto-order is clicked.
`generate`: the CSR flow is clicked through to the Generate page with an RSA-4096 key. Watched from
the press of Next; prints the longest gap while the key is made (after the page's first paint), the
seconds, the click's own time (page built, shown, painted, key started) and the longest gap of all,
that click included.
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
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard
from qt_helpers import click, human_click, pause, start_wizard, wait_until

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.gui.pages.csr import DeploymentPage, GeneratePage, SubjectPage
from cmswizard.gui.wizard import CmsWizard

AFTER = 0.3  # seconds the monitor keeps watching once the work is done: its results are laid out and painted


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

    def stop(self, since: float = 0.0) -> float:
        """The longest gap in ms (of those that began at `since` or later)."""
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False) if a >= since) * 1000


def next_button(wizard: CmsWizard):  # type: ignore[no-untyped-def]
    button = wizard.button(QWizard.WizardButton.CommitButton)
    return button if button.isVisible() else wizard.button(QWizard.WizardButton.NextButton)


def next_page(wizard: CmsWizard) -> None:
    click(next_button(wizard))


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
        pause(AFTER)
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
        pause(0.2)
        monitor.start()  # from the click that opens the Generate page
        button = next_button(wizard)
        QTest.mousePress(button, Qt.MouseButton.LeftButton)
        pause(0.06)
        started = time.perf_counter()
        QTest.mouseRelease(button, Qt.MouseButton.LeftButton)  # → Generate: built, shown, key started
        app.processEvents()  # its first paint
        page_change = time.perf_counter() - started
        page = wizard.page_as(PageId.GENERATE, GeneratePage)
        wait_until(lambda: not page.running)
        elapsed = time.perf_counter() - started
        if page.error:
            raise SystemExit(page.error)
        pause(AFTER)
        painted = started + page_change
        during = monitor.stop(since=painted)
        with_click = max(during, max(b - a for a, b in zip(monitor.ticks, monitor.ticks[1:], strict=False)) * 1000)
        print(f"{during:.2f} {elapsed:.3f} {page_change * 1000:.2f} {with_click:.2f}")
        return
    raise SystemExit(f"unknown: {what}")


if __name__ == "__main__":
    main()
