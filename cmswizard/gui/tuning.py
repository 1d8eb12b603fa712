"""What the wizard does only to stay quick, in one place, each with why: interpreter settings that keep
the window responsive while workers run, and the one hook the bench (bench/run.py) uses to time the
first window. Nothing here changes what the wizard shows or writes.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["BENCH_FIRST_PAINT", "freeze_long_lived", "quit_after_first_paint_when_timed", "short_gil_turns"]

# Set by bench/run.py: the wizard quits once its first window is painted, so the bench can time a start.
BENCH_FIRST_PAINT = "CMSWIZARD_QUIT_AFTER_FIRST_PAINT"


def short_gil_turns() -> None:
    """Workers (file loading, chain checks) hold the GIL between library calls; the GUI thread must get
    it back within a frame, not after Python's default 5 ms per request (several per repaint)."""
    sys.setswitchinterval(0.0005)


def freeze_long_lived() -> None:
    """Move every object alive now out of the garbage collector's reach. Called when what exists will
    live long: after start-up (everything made lives as long as the window) and after a pile of
    thousands of certificates is read (hundreds of thousands of objects that live as long as the pile).
    A full collection stops every thread, the window's too (~40 ms at 10,000 certificates); frozen
    objects are not walked by it. They are still freed as usual when nothing refers to them."""
    gc.freeze()


def quit_after_first_paint_when_timed(app: QApplication, window: QWidget) -> None:
    """Under the bench (BENCH_FIRST_PAINT set): quit as soon as `window` first paints."""
    if not os.environ.get(BENCH_FIRST_PAINT):
        return
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
