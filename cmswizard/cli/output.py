"""What the command line prints, and the exit codes it ends with. Every command prints through here.

Everything printed passes `pki/safe_text.py`'s escaper: a value from a certificate, a file name or a
server's answer cannot start a line of its own or drive the terminal (newline, ESC, OSC, BEL, bidi).
"""

from __future__ import annotations

import sys
from enum import IntEnum

from cmswizard.pki.safe_text import escape, one_line

__all__ = ["ExitCode", "OutputFailed", "flush", "say", "say_block", "warn"]


class ExitCode(IntEnum):
    """How a run ended, for scripts: the numbers are part of the command line's interface."""

    OK = 0
    CHECK_FAILED = 1  # a check said no (a finding marked ✗, a mismatch, an incomplete plan)
    BAD_INPUT = 2  # one line on stderr names the token or file and the fix; also an unexpected error
    INTERRUPTED = 130  # Ctrl+C or SIGTERM: writes rolled back (128 + SIGINT, as shells report it)


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
