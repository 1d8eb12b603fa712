"""Failures leave a trace: a per-user log file in the platform's log folder, the traceback of every
unexpected error written to it, and the hook that does so for errors nothing else caught.

A windowed build has no terminal, so stderr alone loses what went wrong; the file outlives the run and
the user can attach it to a report. What is written: the time, the version, the exception's type,
message and traceback (file, line, function and source line; never the values of local variables), and
log records. Neither carries a password, passphrase or key: the engine's messages never hold secrets
(the project rule), and secrets only ever live in local variables.

No Qt and no third-party import: the command line reads this module only when something failed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from cmswizard import __version__

__all__ = ["LOG_NAME", "configure_logging", "install_excepthook", "log_file", "log_folder", "record_failure"]

LOG_NAME = "cmswizard.log"
_MAX_BYTES = 1_000_000  # then the file becomes cmswizard.log.1 (one old generation kept)
_write_lock = threading.Lock()


def log_folder() -> Path:
    """Where the platform keeps an application's logs (what platformdirs' user_log_dir names)."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "cmswizard" / "Logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "cmswizard"
    state = os.environ.get("XDG_STATE_HOME", "").strip()
    base_state = Path(state) if state and Path(state).is_absolute() else home / ".local" / "state"
    return base_state / "cmswizard" / "log"


def log_file() -> Path:
    return log_folder() / LOG_NAME


def _append(text: str) -> Path | None:
    """Add text to the log file (made 0600 in a 0700 folder); None when it cannot be written, since a
    failure to record a failure must not hide the failure itself."""
    path = log_file()
    try:
        with _write_lock:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                if path.stat().st_size > _MAX_BYTES:
                    os.replace(path, path.with_name(LOG_NAME + ".1"))
            except FileNotFoundError:
                pass
            descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(descriptor, "a", encoding="utf-8", errors="replace") as stream:
                stream.write(text)
    except OSError:
        return None
    return path


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_failure(error: BaseException, where: str = "") -> Path | None:
    """Write the traceback of an unexpected error to the log file; its path, or None if it could not be written."""
    heading = f"{_stamp()} cmswizard {__version__} (Python {sys.version.split()[0]}, {sys.platform})"
    if where:
        heading += f" in {where}"
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return _append(f"{heading}: unexpected error\n{trace}\n")


class _LogFileHandler(logging.Handler):
    """Log records into the log file, through the same 0600 appender."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            _append(self.format(record) + "\n")
        except Exception:  # logging must never raise into the code that logs
            self.handleError(record)


def configure_logging(*, debug: bool, to_file: bool) -> None:
    """Warnings to stderr and, with `to_file`, to the log file as well; with `debug`, also this program's
    own debug records. Libraries stay at warnings even then: their debug output (SSH, HTTP, ACME wire
    traffic) is theirs to vouch for, and nothing that might carry a secret goes into the file."""
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    logging.getLogger("cmswizard").setLevel(logging.DEBUG if debug else logging.NOTSET)
    if not any(getattr(handler, "_cmswizard", False) for handler in root.handlers):
        handlers: list[logging.Handler] = [logging.StreamHandler()]
        handlers[0].setFormatter(logging.Formatter("%(name)s: %(message)s"))
        if to_file:
            handlers.append(_LogFileHandler())
            handlers[-1].setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
        for handler in handlers:
            handler._cmswizard = True  # type: ignore[attr-defined]  # ours, so a second call adds none
            root.addHandler(handler)


Shower = Callable[[BaseException, Path | None], None]


def install_excepthook(show: Shower | None = None) -> None:
    """Errors nothing caught (a bug in a slot, a thread's crash): their traceback goes to the log file
    and to stderr as before; `show(error, path)` then tells the user (the GUI's dialog), for errors of
    the main thread only (a dialog belongs to the GUI thread)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        path = record_failure(error)
        previous(kind, error, trace)
        if show is not None and not isinstance(error, KeyboardInterrupt):
            show(error, path)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            record_failure(args.exc_value, where=f"thread {args.thread.name if args.thread else '?'}")
        previous_thread(args)

    previous_thread = threading.excepthook
    sys.excepthook = hook
    threading.excepthook = thread_hook
