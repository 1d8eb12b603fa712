"""Where every way of starting cmswizard begins: the installed `cmswizard` and `cmswizard-gui` scripts
(pyproject's entry points), `python -m cmswizard` and the packaged app.

The script pip writes imports its entry point at top level, outside any `try`; if that were the command
line itself, Ctrl+C during the imports (cryptography, argparse, ...: the slowest part of a start) would
end in a `KeyboardInterrupt` traceback. This module imports only `os` (already loaded by Python's own
start) and `signal` (~1 ms) before it makes Ctrl+C and SIGTERM end the start with one line and 130 /
143; only then does it import the command line, which handles both itself from then on (cli/output.py
`interrupted`). What Python does before it runs this module cannot be helped from here.
"""

from __future__ import annotations

import os
import signal

TYPE_CHECKING = False  # typing itself takes 5 ms to load, before the handler is in place: names for mypy only
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType
    from typing import NoReturn

__all__ = ["gui_main", "main"]

_STOPPED = {
    signal.SIGINT: "cmswizard: interrupted while starting; nothing was written\n",
    # 143 = 128 + SIGTERM, as shells report it; the command line's own SIGTERM exit is the same
    getattr(signal, "SIGTERM", 15): "cmswizard: terminated (SIGTERM) while starting; nothing was written\n",
}


def _stop_starting(signum: int, _frame: FrameType | None) -> NoReturn:
    """Ends the start: nothing has been written yet. os.write, not sys.stderr: the signal may arrive in
    the middle of a write to sys.stderr, which must not be re-entered."""
    try:  # noqa: SIM105 (contextlib is one more import before the handler is in place)
        os.write(2, _STOPPED.get(signum, _STOPPED[signal.SIGINT]).encode())
    except OSError:  # no stderr (a closed descriptor, pythonw): the exit code says it
        pass
    raise SystemExit(128 + signum)


def _quiet_start() -> None:
    """Ctrl+C and SIGTERM end the start quietly. A signal someone chose to ignore stays ignored (SIGINT
    is SIG_IGN for a job started with `&` by a script, and Python then leaves it so)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _stop_starting)
    if hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _stop_starting)


def _run(command: Callable[[], int]) -> int:
    """Runs the command line with Python's own Ctrl+C (a KeyboardInterrupt, which the command line turns
    into its one line and 130); SIGTERM it sets itself and gives back our handler when it returns."""
    try:
        if signal.getsignal(signal.SIGINT) is _stop_starting:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        return command()
    except KeyboardInterrupt:  # in the instant between the line above and the command line's own `try`
        _stop_starting(signal.SIGINT, None)


def main() -> int:
    """The `cmswizard` script."""
    _quiet_start()
    from cmswizard.cli import main as command_line

    return _run(command_line)


def gui_main() -> int:
    """The `cmswizard-gui` script (a gui-script: no console window on Windows)."""
    _quiet_start()
    from cmswizard.cli import gui_main as wizard

    return _run(wizard)

