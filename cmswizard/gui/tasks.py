"""The one task runner, owned by the wizard: work runs on its thread pool, never touching widgets;
results, errors and progress arrive on the GUI thread.

- A failure is logged with its traceback (bad input, a CmsInputError, without one: it is expected)
  and handed to the task's `on_error`, or announced with `failed` for the wizard to show.
- A task that writes files is marked `writes=True`; the wizard does not close while one runs.
- Callbacks of an owner (a page) that was deleted are dropped; nothing is emitted on a dead object.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from cmswizard.pki.errors import Cancelled, CmsInputError

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
# A report repaints its progress bar on the GUI thread at once (QProgressBar.setValue): a burst of
# them would hold the window for tens of ms, and no one reads a bar faster than this anyway.
REPORT_INTERVAL = 0.05  # seconds


class _Relay(QObject):
    """Created in the GUI thread; a signal emitted from the worker is queued back to it."""

    finished = Signal(bool, object)  # ok, result or exception
    progressed = Signal(int, int, str)


class CancelToken:
    """Handed to cancellable work: `check()` raises Cancelled once the task was cancelled, so the work
    stops where it is (between files, between certificates). Thread-safe: an Event underneath."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled


class Task:
    """One piece of background work and where its outcome goes."""

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None,
        on_progress: Progress | None,
        writes: bool,
        token: CancelToken | None = None,
    ) -> None:
        self.owner = owner
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress
        self.writes = writes
        self.relay = _Relay()
        self.dropped = False  # the owner is gone or the runner shut down: deliver nothing
        self.closed = False  # the relay is going away: the worker must not emit on it
        self.token = token or CancelToken()

    def cancel(self) -> None:
        """Stop the work at its next check and deliver nothing of it (no result, no error)."""
        self.token.cancel()
        self.dropped = True


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], task: Task, lock: threading.Lock) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._task = task
        self._lock = lock

    def run(self) -> None:
        last_report = -REPORT_INTERVAL
        held: tuple[int, int, str] | None = None  # the newest report not sent yet: sent before the result

        def send(done: int, total: int, what: str) -> None:
            self._emit(lambda relay: relay.progressed.emit(done, total, what))

        def report(done: int, total: int, what: str) -> None:
            nonlocal last_report, held
            now = time.monotonic()
            if now - last_report < REPORT_INTERVAL:
                held = (done, total, what)
                return
            last_report, held = now, None
            send(done, total, what)

        ok, value = True, None
        try:
            value = self._work(report)
        except Exception as error:  # delivered to the GUI, never lost in a worker
            if isinstance(error, Cancelled):
                log.debug("task cancelled")
            elif isinstance(error, CmsInputError):
                log.info("task failed: %s", error)
            else:
                log.error("task failed", exc_info=error)
            ok, value = False, error
        if held is not None:  # the bar ends where the work got to
            send(*held)
        self._emit(lambda relay: relay.finished.emit(ok, value))

    def _emit(self, send: Callable[[_Relay], None]) -> None:
        with self._lock:  # the GUI thread never deletes a relay while a worker emits on it
            relay = self._task.relay
            if not self._task.closed and shiboken6.isValid(relay):
                send(relay)


class TaskRunner(QObject):
    started = Signal()
    idle = Signal()  # no task left running
    failed = Signal(str)  # an unexpected failure nobody handled: the wizard shows it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._tasks: set[Task] = set()
        self._lock = threading.Lock()

    def run(
        self,
        owner: QObject,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        writes: bool = False,
    ) -> Task:
        """Run `work()` off the GUI thread; `on_done(result)` or `on_error(exception)` on the GUI thread."""
        return self._start(owner, lambda _report: work(), on_done, on_error, None, writes)

    def run_with_progress(
        self,
        owner: QObject,
        work: Callable[[Progress], Any],
        on_progress: Progress,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        writes: bool = False,
    ) -> Task:
        """Like `run`, for work that reports (done, total, what); reports arrive on the GUI thread."""
        return self._start(owner, work, on_done, on_error, on_progress, writes)

    def run_cancellable(
        self,
        owner: QObject,
        work: Callable[[CancelToken], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> Task:
        """Like `run`, for work that checks `token.check()` as it goes; `task.cancel()` stops it and
        drops its outcome (a folder scan superseded by the next keystroke)."""
        token = CancelToken()
        return self._start(owner, lambda _report: work(token), on_done, on_error, None, False, token)

    def run_cancellable_with_progress(
        self,
        owner: QObject,
        work: Callable[[CancelToken, Progress], Any],
        on_progress: Progress,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> Task:
        """`run_cancellable` for work that also reports (done, total, what), as `run_with_progress`:
        reading a file into the chain builder, checking its pile. Nothing of a cancelled task arrives,
        its reports neither."""
        token = CancelToken()
        return self._start(owner, lambda report: work(token, report), on_done, on_error, on_progress, False, token)

    def running(self) -> int:
        return len(self._tasks)

    def writing(self) -> bool:
        return any(task.writes for task in self._tasks)

    def shutdown(self) -> None:
        """Drop every callback and wait for the workers: nothing arrives after this."""
        with self._lock:
            for task in self._tasks:
                task.dropped = task.closed = True
        self._pool.waitForDone()
        for task in list(self._tasks):
            self._forget(task)

    def _start(
        self,
        owner: QObject,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None,
        on_progress: Progress | None,
        writes: bool,
        token: CancelToken | None = None,
    ) -> Task:
        task = Task(owner, on_done, on_error, on_progress, writes, token)
        task.relay.finished.connect(lambda ok, value: self._finished(task, ok, value))
        task.relay.progressed.connect(lambda done, total, what: self._progressed(task, done, total, what))
        owner.destroyed.connect(lambda *_: self._drop(task))
        self._tasks.add(task)
        if len(self._tasks) == 1:
            self.started.emit()
        self._pool.start(_Job(work, task, self._lock))
        return task

    def _drop(self, task: Task) -> None:
        with self._lock:
            task.dropped = True

    def _alive(self, task: Task) -> bool:
        return not task.dropped and shiboken6.isValid(task.owner)

    def _progressed(self, task: Task, done: int, total: int, what: str) -> None:
        if task.on_progress is not None and self._alive(task):
            task.on_progress(done, total, what)

    def _finished(self, task: Task, ok: bool, value: Any) -> None:
        deliver = self._alive(task)
        self._forget(task)
        try:
            if not deliver:
                return
            if ok:
                task.on_done(value)
            elif task.on_error is not None:
                task.on_error(value)
            else:
                self.failed.emit(str(value))
        except Exception as error:  # a bug in a page's callback: logged and shown, the wizard keeps running
            log.error("task callback failed", exc_info=error)
            self.failed.emit(str(error))
        finally:
            if not self._tasks and shiboken6.isValid(self):  # the wizard may be gone with its runner
                self.idle.emit()

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.discard(task)
            with self._lock:
                task.dropped = task.closed = True
                if shiboken6.isValid(task.relay):
                    task.relay.deleteLater()
