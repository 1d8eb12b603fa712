"""The bench's arithmetic and its one way of running sides against each other (used by every bench module).

The sides of a comparison alternate, the order reversed every other round (AB BA AB…); a ratio is
the median of the per-round ratios (each side ran right after its floor, so drift in the machine's
speed between rounds cancels out); figures are median (min–max). Times are Python's own clock
(`time.perf_counter`), wall-clock.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")
QUICK = os.environ.get("BENCH_QUICK") == "1"  # fewer rounds and smaller sizes: to try the bench itself
PY = sys.executable
# The `cmswizard` command as an install has it (the console script pip writes beside the venv's python,
# what a user types), or `python -m cmswizard` where there is none.
_SCRIPT = Path(PY).parent / "cmswizard"
CMSWIZARD = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "cmswizard"]

# One row of the table: what, ours, reference / floor, target, met (None: reported, no verdict).
Row = Callable[[str, str, str, str, "bool | None"], None]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def ms(samples: list[float]) -> str:
    """Median (min–max, how many runs), in milliseconds: every figure says its spread and its runs."""
    return f"{median(samples) * 1000:.1f} ms ({min(samples) * 1000:.1f}–{max(samples) * 1000:.1f}, {len(samples)} runs)"


def seconds(samples: list[float]) -> str:
    return f"{median(samples):.2f} s ({min(samples):.2f}–{max(samples):.2f}, {len(samples)} runs)"


def mb(samples: list[float]) -> str:
    return f"{median(samples):.1f} MB ({min(samples):.1f}–{max(samples):.1f}, {len(samples)} runs)"


def paired(ours: list[float], reference: list[float]) -> tuple[float, str]:
    """Ours / reference per round (the two ran back to back): the median ratio, and how it is shown."""
    ratios = [a / b for a, b in zip(ours, reference, strict=True)]
    ratio = median(ratios)
    return ratio, f"{ratio:.2f}× (median of {len(ratios)} paired rounds, {min(ratios):.2f}–{max(ratios):.2f})"


def abba(sides: list[_T], round_number: int) -> list[_T]:
    """The sides in their order on even rounds, reversed on odd ones (A B, B A, A B …)."""
    return sides if round_number % 2 == 0 else sides[::-1]


def alternate(
    sides: dict[str, Callable[[], object]],
    rounds: int,
    before: Callable[[str], object] | None = None,
) -> dict[str, list[float]]:
    """Run the sides in turn, the order reversed every other round, `rounds` times each; wall-clock
    seconds per run, in round order (sample i of every side is round i). `before(name)` runs untimed
    before each run (emptying a folder, dropping caches)."""
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for number in range(rounds):
        for name, action in abba(list(sides.items()), number):
            if before is not None:
                before(name)
            started = time.perf_counter()
            action()
            samples[name].append(time.perf_counter() - started)
    return samples


def process(argv: list[str], cwd: object = None, env: dict[str, str] | None = None) -> Callable[[], None]:
    return lambda: subprocess.run(argv, cwd=cwd, env=env, check=True, capture_output=True)  # type: ignore[call-overload]
