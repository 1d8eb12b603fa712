"""A test-only entry to the CLI: run a command (`renew run`) that kills its own process with SIGKILL, like a
power cut, right after the named renewal step is saved. The product's only hook for it is the run's step
observers (`cms.renewal_run.step_saved_observers`); nothing in the product reads a switch for tests.

Run as a script, in a process of its own: `python power_cut.py STEP COMMAND…` (STEP "" cuts nothing).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from cmswizard.cli import main
from cmswizard.cms import renewal_run

__all__ = ["SCRIPT", "cut_power_after"]

SCRIPT = Path(__file__)


def cut_power_after(step: str) -> None:
    """From now on, this process dies (SIGKILL: no clean-up, no flush) once `step` is saved."""

    def observe(saved: str) -> None:
        if saved == step:
            os.kill(os.getpid(), signal.SIGKILL)

    renewal_run.step_saved_observers.append(observe)


if __name__ == "__main__":
    if sys.argv[1]:
        cut_power_after(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
