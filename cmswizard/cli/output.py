"""What the command line prints, and the exit codes it ends with. Every command prints through here.

Everything printed passes `pki/safe_text.py`'s escaper: a value from a certificate, a file name or a
server's answer cannot start a line of its own or drive the terminal (newline, ESC, OSC, BEL, bidi).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import IntEnum

from cmswizard.pki.safe_text import escape, one_line

__all__ = [
    "ExitCode",
    "OutputFailed",
    "Terminated",
    "flush",
    "interrupted",
    "report_leftovers",
    "say",
    "say_block",
    "warn",
]


class ExitCode(IntEnum):
    """How a run ended, for scripts: the numbers are part of the command line's interface."""

    OK = 0
    CHECK_FAILED = 1  # a check said no (a finding marked ✗, a mismatch, an incomplete plan)
    BAD_INPUT = 2  # one line on stderr names the token or file and the fix; also an unexpected error
    INTERRUPTED = 130  # Ctrl+C: writes rolled back (128 + SIGINT, as shells report it)
    TERMINATED = 143  # SIGTERM: the same, 128 + SIGTERM


class OutputFailed(Exception):
    """Standard output cannot be written (a full disk, a closed terminal)."""


def say(text: str = "") -> None:
    """Print one line for the user: anything in it that could start a line of its own or drive the
    terminal (newline, ESC, OSC, BEL, bidi) is escaped here, whatever its values."""
    _print(escape(text))


def say_block(text: str) -> None:
    """Print text of several lines that this program composed (a sheet, JSON) from escaped or
    validated values; each line is still escaped, so nothing in it drives the terminal."""
    _print("\n".join(escape(line) for line in text.split("\n")))


def warn(text: str) -> None:
    """One readable line on stderr, whatever the values in it."""
    print(one_line(text, 360), file=sys.stderr)


def flush() -> None:
    """Push out what is still buffered, so that a full disk is reported before the exit code says 0."""
    if sys.stdout is None:  # started with standard output closed (`>&-`): nothing printed reached anyone
        raise OutputFailed(OSError(9, "standard output is closed"))
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error) from None


def _print(text: str) -> None:
    try:
        print(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error) from None


class Terminated(KeyboardInterrupt):
    """SIGTERM: ends the run the way Ctrl+C does (writes roll back, one line), with exit code 143."""


def report_leftovers(folder: object, removed: list[str], failed: list[str]) -> None:
    """An interrupted run's hidden temporaries (they may hold a private key): what was removed, and
    what could not be (named, so the admin removes it)."""
    if removed:
        warn(
            f"cmswizard: removed {len(removed)} temporary file(s) an interrupted run left in {folder}: {', '.join(removed)}"
        )
    if failed:
        warn(
            f"cmswizard: could not remove {len(failed)} temporary file(s) an interrupted run left in {folder} "
            f"(they may hold a private key; remove them yourself): {', '.join(failed)}"
        )


def interrupted(stop: BaseException, made: Sequence[str] = (), again: str = "") -> int:
    """The one line after Ctrl+C or SIGTERM, and its exit code (130 / 143). `made`: files complete
    before the interruption; `again`: the command that finishes the work."""
    cause = getattr(stop, "cause", stop)
    what = "terminated (SIGTERM)" if isinstance(cause, Terminated) else "interrupted"
    if made:
        shown_made = ", ".join(made[:6]) + (f" and {len(made) - 6} more" if len(made) > 6 else "")
        tail = f"; run `{again}` again to make the rest" if again else ""
        warn(f"cmswizard: {what}; made before that, each complete: {shown_made}{tail}")
    else:
        warn(f"cmswizard: {what}; nothing was left half-written" + (f"; run `{again}` again" if again else ""))
    return ExitCode.TERMINATED if isinstance(cause, Terminated) else ExitCode.INTERRUPTED
