"""`cmswizard plan apply` as a user runs it (a process, the rsa2048 default, a new plan in a fresh folder)
against one process making the same keys, CSRs and database-cluster certificates with cryptography,
every file fsynced (plan_floor.py), at 50 and 100 nodes (issue 24).

The plans are written once by `cmswizard plan new` (half cores with a database cluster, half edges);
one untimed apply per size gives the floor its list of what to make. Then every run, of either side,
starts in a new folder holding only the plan; the four (two sizes × two sides) alternate, the order
reversed every other round. RSA keys are random: the runs are many keys each (52 and 102), so a
run's time is already an average over its keys.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from figures import CMSWIZARD, PY, QUICK, Row, abba, paired, seconds

BENCH = Path(__file__).parent


def _new_plan(folder: Path, nodes: int) -> Path:
    half = nodes // 2
    subprocess.run(
        [
            *CMSWIZARD,
            "plan",
            "new",
            "site.toml",
            *("--core", *(f"cms{n}.example.com" for n in range(1, nodes - half + 1))),
            *("--edge", *(f"edge{n}.example.com" for n in range(1, half + 1))),
            *("--join-url", "join.example.com", "--db", "--subject", "O:Example", "C:TW"),
        ],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return folder / "site.toml"


def _apply(folder: Path) -> None:
    subprocess.run([*CMSWIZARD, "plan", "apply", "site.toml"], cwd=folder, check=True, capture_output=True)


def bench_plan_apply(row: Row) -> None:
    from plan_floor import manifest

    sizes = (10, 20) if QUICK else (50, 100)
    with tempfile.TemporaryDirectory(prefix="cmswizard-plan-apply-bench-") as work_name:
        work = Path(work_name)
        plans: dict[int, str] = {}
        manifests: dict[int, Path] = {}
        keys: dict[int, int] = {}
        for nodes in sizes:
            reference = work / f"reference-{nodes}"
            reference.mkdir()
            plans[nodes] = _new_plan(reference, nodes).read_text()
            _apply(reference)
            items = manifest(reference)
            keys[nodes] = len(items)
            manifests[nodes] = work / f"manifest-{nodes}.json"
            manifests[nodes].write_text(json.dumps(items))
        samples: dict[tuple[int, str], list[float]] = {(n, side): [] for n in sizes for side in ("ours", "floor")}
        counter = iter(range(1_000_000))
        for number in range(3 if QUICK else 7):
            for nodes, side in abba(list(samples), number):
                folder = work / f"run-{next(counter)}"
                folder.mkdir()
                if side == "ours":
                    (folder / "site.toml").write_text(plans[nodes])
                    argv = [*CMSWIZARD, "plan", "apply", "site.toml"]
                else:
                    argv = [PY, str(BENCH / "plan_floor.py"), str(manifests[nodes])]
                started = time.perf_counter()
                subprocess.run(argv, cwd=folder, check=True, capture_output=True)
                samples[(nodes, side)].append(time.perf_counter() - started)
                subprocess.run(["rm", "-rf", str(folder)], check=True)
    small, large = sizes
    ratio, shown = paired(samples[(small, "ours")], samples[(small, "floor")])
    large_ratio, large_shown = paired(samples[(large, "ours")], samples[(large, "floor")])
    row(
        f"`plan apply`, {small} nodes, rsa2048 (the default), whole process",
        f"{seconds(samples[(small, 'ours')])} ({keys[small]} keys)",
        f"one process making the same keys, CSRs and DB-cluster certificates with cryptography, every file "
        f"fsynced {seconds(samples[(small, 'floor')])} → {shown}",
        "≤ 1.3× floor",
        ratio <= 1.3,
    )
    growth, growth_shown = paired(samples[(large, "ours")], samples[(small, "ours")])
    _, floor_shown = paired(samples[(large, "floor")], samples[(small, "floor")])
    row(
        f"`plan apply`, {small} → {large} nodes",
        f"{seconds(samples[(large, 'ours')])} at {large} nodes ({keys[large]} keys): growth {growth_shown}",
        f"the floor at {large} nodes {seconds(samples[(large, 'floor')])} → {large_shown}; the floor's growth "
        f"{floor_shown}",
        f"linear: growth ≤ ×2.2, and ≤ 1.3× floor at {large}",
        growth <= 2.2 and large_ratio <= 1.3,
    )
