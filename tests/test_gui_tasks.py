"""The wizard's task runner: results on the GUI thread, failures logged and shown, no close in the
middle of a write, nothing delivered to a page that is gone."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread

from cmswizard.gui.settings import Settings
from cmswizard.gui.tasks import REPORT_INTERVAL, CancelToken, TaskRunner
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.errors import Cancelled, CmsInputError


@pytest.fixture
def runner(qtbot) -> TaskRunner:
    made = TaskRunner()
    yield made
    made.shutdown()


def test_work_runs_off_the_gui_thread_and_the_result_arrives_on_it(qtbot, runner: TaskRunner) -> None:
    owner = QObject()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = QThread.currentThread()
        return 42

    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.run(owner, work, lambda value: seen.update(result=value, done=QThread.currentThread()))
        assert runner.running() == 1
    assert seen["result"] == 42
    assert seen["done"] is QThread.currentThread() and seen["work"] is not QThread.currentThread()
    assert runner.running() == 0


def test_progress_arrives_in_order_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    owner = QObject()
    reports: list[tuple[int, int, str, bool]] = []

    def work(report) -> str:
        for step in range(5):
            report(step + 1, 5, f"file{step}")
            time.sleep(REPORT_INTERVAL * 1.2)
        return "done"

    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.run_with_progress(
            owner,
            work,
            lambda d, t, w: reports.append((d, t, w, QThread.currentThread() is owner.thread())),
            lambda _value: None,
        )
    assert reports == [(n, 5, f"file{n - 1}", True) for n in range(1, 6)]


def test_cancelled_work_stops_at_its_next_check_and_delivers_nothing(qtbot, runner: TaskRunner) -> None:
    """The chain builder's reads and checks, the deployment page's folder scans: the runner's own token."""
    owner = QObject()
    reported = threading.Event()
    stopped: list[bool] = []
    delivered: list[object] = []

    def work(token: CancelToken, report) -> str:
        report(1, 2, "first")
        reported.set()
        try:
            while True:  # as a long read does: check between steps
                token.check()
                time.sleep(0.005)
        except Cancelled:
            stopped.append(token.cancelled)
            raise

    task = runner.run_cancellable_with_progress(
        owner, work, lambda *report: delivered.append(report), delivered.append, delivered.append
    )
    assert reported.wait(10)
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        task.cancel()
    assert stopped == [True]
    assert delivered == []  # no result, no error, not even the report already sent


def test_a_burst_of_reports_repaints_once(qtbot, runner: TaskRunner) -> None:
    """10,000 reports within a few ms reach the GUI as two (the first and the last): each would repaint a
    progress bar there."""
    owner, reports, took = QObject(), [], []

    def work(report) -> None:
        started = time.monotonic()
        for n in range(10_000):
            report(n, 10_000, "")
        took.append(time.monotonic() - started)

    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.run_with_progress(owner, work, lambda done, _total, _what: reports.append(done), lambda _v: None)
    assert reports[0] == 0 and reports[-1] == 9_999  # the first at once, the last before the result
    assert len(reports) <= 2 + took[0] / REPORT_INTERVAL, (len(reports), took)  # and one per interval between


def test_an_unexpected_failure_is_logged_with_its_traceback_and_shown(
    qtbot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    owner = QObject()
    errors: list[Exception] = []
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.run(owner, lambda: 1 / 0, lambda _v: None, errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
    failures = [r for r in caplog.records if r.name == "cmswizard.gui.tasks" and r.levelno == logging.ERROR]
    assert failures and failures[0].exc_info is not None and failures[0].exc_info[0] is ZeroDivisionError
    # Nobody handles it: the runner announces it for the wizard to show.
    with qtbot.waitSignal(runner.failed, timeout=10_000) as shown:
        runner.run(owner, lambda: 1 / 0, lambda _v: None)
    assert shown.args == ["division by zero"]


def test_bad_input_is_logged_without_a_traceback(qtbot, runner: TaskRunner, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cmswizard.gui.tasks")
    errors: list[Exception] = []

    def work() -> None:
        raise CmsInputError("CN", "is empty")

    with qtbot.waitSignal(runner.idle, timeout=10_000):
        runner.run(QObject(), work, lambda _v: None, errors.append)
    assert str(errors[0]) == "CN: is empty"
    records = [r for r in caplog.records if r.name == "cmswizard.gui.tasks"]
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.INFO, None)]


def test_a_failing_callback_is_logged_and_shown(qtbot, runner: TaskRunner, caplog: pytest.LogCaptureFixture) -> None:
    def broken(_value: object) -> None:
        raise KeyError("page bug")

    with qtbot.waitSignal(runner.failed, timeout=10_000) as shown:
        runner.run(QObject(), lambda: 1, broken)
    assert "page bug" in shown.args[0]
    assert any(r.exc_info and r.exc_info[0] is KeyError for r in caplog.records)


def test_callbacks_of_a_deleted_owner_are_dropped(qtbot, runner: TaskRunner) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[object] = []
    runner.run(owner, lambda: release.wait(10), delivered.append, delivered.append)
    shiboken6.delete(owner)
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        release.set()
    assert delivered == []


def test_shutdown_waits_for_workers_and_delivers_nothing(qtbot, runner: TaskRunner) -> None:
    owner = QObject()
    finished = threading.Event()
    delivered: list[object] = []

    def work() -> str:
        QThread.msleep(200)
        finished.set()
        return "late"

    runner.run(owner, work, delivered.append)
    runner.shutdown()
    assert finished.is_set() and runner.running() == 0
    qtbot.wait(50)
    assert delivered == []


def test_the_window_does_not_close_in_the_middle_of_a_write(
    qtbot, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(wizard)
    wizard.show()
    release = threading.Event()
    written: list[str] = []

    def write() -> str:
        release.wait(10)
        (tmp_path / "file.txt").write_text("complete")
        return "file.txt"

    wizard.tasks.run(wizard.currentPage(), write, written.append, writes=True)
    assert wizard.tasks.writing()
    wizard.close()
    assert wizard.isVisible(), "closed while a file was being written"
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        release.set()
    assert not wizard.isVisible()
    assert written == ["file.txt"] and (tmp_path / "file.txt").read_text() == "complete"
    assert "Signal source has been deleted" not in "".join(capfd.readouterr())


def test_closing_while_files_load_prints_nothing(qtbot, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    wizard.show()
    release = threading.Event()
    started = threading.Event()

    def load() -> int:
        started.set()
        release.wait(10)
        return 1

    wizard.tasks.run(wizard.currentPage(), load, lambda _v: None)
    started.wait(5)
    threading.Timer(0.2, release.set).start()  # the worker ends while the window is closing
    wizard.close()
    assert not wizard.isVisible()
    shiboken6.delete(wizard)
    qtbot.wait(300)
    err = "".join(capfd.readouterr())
    assert "Signal source has been deleted" not in err and "RuntimeError" not in err


def test_the_wizard_shows_a_failure_no_page_handles(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmswizard.gui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_failure", lambda _parent, message: shown.append(message))
    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        wizard.tasks.run(wizard.currentPage(), lambda: {}["missing"], lambda _v: None)
    assert shown == ["'missing'"]
