"""One helper for all background work: run a function on the thread pool, deliver its result (or
its error) on the GUI thread. Workers never touch widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there through the event loop."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[_Relay], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self._relay)
        except Exception as error:  # delivered to the GUI, never lost in a worker
            log.debug("background task failed: %s", type(error).__name__)
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run `work()` off the GUI thread; call `on_done(result)` or `on_error(exception)` on the GUI thread."""
    _start(lambda _relay: work(), on_done, on_error)


def run_with_progress(
    work: Callable[[Callable[[int, int, str], None]], Any],
    on_progress: Callable[[int, int, str], None],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Like `run_in_background`, for work that reports (done, total, what); reports arrive on the GUI thread."""
    _start(lambda relay: work(relay.progressed.emit), on_done, on_error, on_progress)


def _start(
    work: Callable[[_Relay], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> None:
    relay = _Relay()
    _running.add(relay)
    if on_progress is not None:
        relay.progressed.connect(on_progress)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        relay.deleteLater()
        callback(value)

    relay.succeeded.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(_Job(work, relay))
