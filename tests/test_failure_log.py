"""Failures leave a trace (issue 23): an unexpected error's traceback goes to the per-user log file,
the CLI names that file in its one line (the traceback on the terminal only with --debug), and the GUI
shows a dialog naming it. Never a password in either."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

_SECRET = "pw-hunter2-never-logged"

# The command runs for real up to the engine call that a bug breaks (a RuntimeError from the engine).
_CLI = """
import sys
import cmswizard.pki.inspect as inspect_module

def broken(loaded):
    raise RuntimeError("boom in describe_loaded")

inspect_module.describe_loaded = broken
from cmswizard.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _run_cli(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    from helpers.factory import hierarchy

    chain = hierarchy(depth=1)
    p12 = tmp_path / "leaf.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"leaf", chain.leaf.key, chain.leaf.cert, None, BestAvailableEncryption(_SECRET.encode())
        )
    )
    (tmp_path / "password.txt").write_text(_SECRET + "\n")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_STATE_HOME": str(tmp_path / "state")}
    command = [*argv, "pki", "inspect", str(p12), "--password-file", str(tmp_path / "password.txt")]
    return subprocess.run([sys.executable, "-c", _CLI, *command], capture_output=True, text=True, env=env)


def test_cli_unexpected_error_is_one_line_naming_the_log_file_which_holds_the_traceback(tmp_path: Path) -> None:
    done = _run_cli(tmp_path)
    log = tmp_path / "state" / "cmswizard" / "log" / "cmswizard.log"
    assert done.returncode == 2
    assert done.stderr == (
        "cmswizard: unexpected error (RuntimeError: boom in describe_loaded); please report it"
        f" with the log file {log}\n"
    )
    text = log.read_text()
    assert "Traceback (most recent call last):" in text
    assert "RuntimeError: boom in describe_loaded" in text
    assert "in the command line: unexpected error" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    assert _SECRET not in text and _SECRET not in done.stderr + done.stdout


def test_cli_debug_shows_the_traceback_and_still_logs_it(tmp_path: Path) -> None:
    done = _run_cli(tmp_path, "--debug")
    log = tmp_path / "state" / "cmswizard" / "log" / "cmswizard.log"
    assert done.returncode == 2
    assert "Traceback (most recent call last):" in done.stderr
    assert done.stderr.rstrip().endswith(f"please report it with the log file {log}")
    assert "RuntimeError: boom in describe_loaded" in log.read_text()
    assert _SECRET not in done.stderr + log.read_text()


def test_cli_debug_before_a_quick_command_is_accepted(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--debug` is an option of the program, also in front of the commands with a parser of their own."""
    from helpers.factory import hierarchy

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)

    chain = hierarchy(depth=1)
    (tmp_path / "leaf.pem").write_bytes(chain.leaf.pem)
    (tmp_path / "root.pem").write_bytes(b"".join(c.pem for c in chain.chain[1:]))
    ours = logging.getLogger("cmswizard")
    previous = ours.level
    try:
        done = cli("--debug", "pki", "verify", "leaf.pem", "root.pem")
        assert done.code == 0, done.err
        assert logging.getLogger("cmswizard.gui.tasks").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("paramiko.transport").isEnabledFor(logging.DEBUG)  # a library's wire talk
    finally:
        ours.setLevel(previous)  # setLevel, not an attribute: it also empties the loggers' enabled-for caches
        root.setLevel(root.level)


@pytest.mark.qt_no_exception_capture
def test_gui_error_in_a_slot_is_logged_and_shown_in_a_dialog_naming_the_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from cmswizard.gui import dialogs, launch

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test, as are the others
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    shown: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(dialogs, "show_unexpected_error", lambda parent, error, path: shown.append((str(error), path)))
    launch.install_failure_hook()

    def broken_slot() -> None:
        raise ValueError("a bug in a slot")

    button = QPushButton("Go")
    qtbot.addWidget(button)
    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    log = tmp_path / "state" / "cmswizard" / "log" / "cmswizard.log"
    assert shown == [("a bug in a slot", log)]
    text = log.read_text()
    assert "ValueError: a bug in a slot" in text and "in broken_slot" in text
    logging.getLogger("cmswizard.test").warning("a warning for the log file")
    assert "cmswizard.test WARNING: a warning for the log file" in log.read_text()


def test_the_dialog_names_the_log_file_in_both_languages(qtbot, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from cmswizard.gui import dialogs

    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: seen.append((title, text)))
    dialogs.show_unexpected_error(None, ValueError("broken"), Path("/home/u/.local/state/cmswizard/log/cmswizard.log"))
    [(title, text)] = seen
    assert "ValueError: broken" in text and "/home/u/.local/state/cmswizard/log/cmswizard.log" in text
    if lang == "zh_TW":
        assert "The details" not in text and title != "Something went wrong"


def test_a_thread_that_dies_leaves_its_traceback_in_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmswizard.failure_log import install_excepthook, log_file

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # the default would print to stderr
    install_excepthook()

    def work() -> None:
        raise OSError("a worker's unexpected failure")

    thread = threading.Thread(target=work, name="worker-7")
    thread.start()
    thread.join()
    text = log_file().read_text()
    assert "in thread worker-7: unexpected error" in text and "OSError: a worker's unexpected failure" in text
