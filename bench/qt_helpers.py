"""Driving the real wizard from bench scripts: wait for a condition, click a button, start like `launch()`."""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def wait_until(condition, timeout: float = 600.0) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: condition() and loop.quit())
    poll.start()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout * 1000))
    loop.exec()
    poll.stop()
    if not condition():
        raise SystemExit("timed out")


def pause(seconds: float) -> None:
    """Let the event loop run for `seconds`, as the application's own loop would."""
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end, timeout=seconds + 5)


def human_click(button) -> None:  # type: ignore[no-untyped-def]
    """Press, let the loop turn for 60 ms (a quick human click), release: two events, as a mouse sends them."""
    QTest.mousePress(button, Qt.MouseButton.LeftButton)
    pause(0.06)
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton)


def click(button) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def start_wizard() -> tuple[QApplication, object]:
    """As `cmswizard.gui.launch.launch()` starts it (language, fonts), with settings in a temp folder."""
    from cmswizard.gui.i18n import choose_language, install_language
    from cmswizard.gui.launch import create_application
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    app = create_application()
    folder = Path(tempfile.mkdtemp(prefix="cmswizard-bench-"))
    settings = Settings.at(folder / "settings.ini")
    settings.set("output/folder", str(folder))
    install_language(app, choose_language(None, settings.get("ui/language")))
    wizard = CmsWizard(settings)
    wizard.resize(1000, 760)
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    gc.freeze()  # as launch() does once the window is up
    return app, wizard
