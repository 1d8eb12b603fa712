"""What the commands a scheduler runs (`renew run`, `dns test`) share: progress that only a person at a
terminal (or --verbose) sees, and the manual DNS provider's question, which never waits without one."""

from __future__ import annotations

import sys
from collections.abc import Callable

__all__ = ["ask_at_terminal", "progress_printer"]


def progress_printer(quiet: bool, verbose: bool = False) -> Callable[[str], None]:
    """Progress on stderr: at a terminal or with --verbose (a scheduler's log gets the result lines only)."""
    shown_at_all = verbose or (not quiet and sys.stderr.isatty())

    def say(text: str) -> None:
        if shown_at_all:
            print(f"  {text}", file=sys.stderr, flush=True)

    return say


def ask_at_terminal(text: str) -> None:
    """The manual DNS provider: show the record, wait for Enter (never on a scheduler: no terminal)."""
    if not sys.stdin.isatty():
        from cmswizard.remote.dns01 import DnsFailure

        raise DnsFailure("DNS: the manual provider needs a person at a terminal: " + text.splitlines()[-1].strip())
    print(text, file=sys.stderr, flush=True)
    sys.stdin.readline()
