"""`make bench`: where a user waits, measured beside a floor or a reference in the same run.

Honest by construction: the two sides of a comparison alternate, the order reversed every other
round (AB BA AB…), and a ratio is the median of the per-round ratios; anything that makes random
keys runs many times; figures are median (min–max); each row names its target and says whether the
run met it. Nothing here fails the build: a slow machine is reported, not hidden. Run on a quiet
machine: the figures are wall-clock times and other processes show in them.

It runs cmswizard as a user's install has it: when started from the editable development venv, it
first makes a regular install beside it (bench/regular_install.py, every module compiled) and runs
itself again with that venv's python. BENCH_QUICK=1: few rounds and small sizes, to try the bench;
BENCH_ONLY=probe,upload: only the parts whose names contain those words.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests"))  # the tests' helpers: certificate factory, sshd, pebble + BIND

from figures import CMSWIZARD, PY, QUICK, alternate, ms, paired  # noqa: E402
from regular_install import imported_from, is_regular_install, regular_python  # noqa: E402

rows: list[tuple[str, str, str, str, str]] = []


def row(what: str, ours: str, reference: str, target: str, met: bool | None) -> None:
    verdict = "—" if met is None else ("met" if met else "NOT met")
    rows.append((what, ours, reference, target, verdict))
    print(f"  {what}: {ours} | {reference} | {target}: {verdict}", file=sys.stderr, flush=True)


def row4(what: str, ours: str, reference: str, target: str) -> None:
    """For the loader and plan-scale modules: met is judged where the target is a ratio ("≤ 1.5×") and
    the figures say it; otherwise it is reported."""
    met: bool | None = None
    limit = re.search(r"≤ ([\d.]+) ?×", target)
    ratio = re.search(r"→ ×?([\d.]+)×?", reference)
    if limit and ratio:
        met = float(ratio.group(1)) <= float(limit.group(1))
    row(what, ours.strip(), reference, target, met)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} CPU(s), {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def bench_package() -> None:
    """The one-folder app of `make package`, when it was built: its size, and its first window against
    the installed package's (offscreen, to the first paint)."""
    app = ROOT / "dist" / "cmswizard" / "cmswizard"
    if not app.exists():
        row("packaged app (dist/cmswizard/)", "not built", "run `make package` first", "≤ 110 MB", None)
        return
    size = sum(p.stat().st_size for p in app.parent.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    row(
        "packaged app folder size (dist/cmswizard/)",
        f"{size:.1f} MB",
        "184 MB before issue 19",
        "≤ 110 MB",
        size <= 110,
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CMSWIZARD_QUIT_AFTER_FIRST_PAINT": "1"}
    with tempfile.TemporaryDirectory() as home:
        env["HOME"] = env["XDG_CONFIG_HOME"] = home  # a first start: no saved settings
        samples = alternate(
            {
                "packaged": lambda: subprocess.run(
                    [str(app), "--lang", "en"], env=env, check=True, capture_output=True
                ),
                "installed": lambda: subprocess.run(
                    [*CMSWIZARD, "--lang", "en"], env=env, check=True, capture_output=True
                ),
            },
            5 if QUICK else 11,
        )
    ratio, shown = paired(samples["packaged"], samples["installed"])
    row(
        "first window, packaged app (process, offscreen, to first paint)",
        ms(samples["packaged"]),
        f"the installed package's cmswizard {ms(samples['installed'])} → {shown}",
        "≤ 1.0× installed",
        ratio <= 1.0,
    )


def measure(work: Path, cache: Path) -> None:
    from cli_rows import bench_cli, bench_rsa
    from gui_rows import bench_chain_page, bench_first_window, bench_gaps, bench_memory
    from loader import bench_loader
    from ordering_rows import bench_cli_bundle, bench_ordering
    from plan_apply import bench_plan_apply
    from plan_scale import bench_plan
    from probe_rows import bench_probe
    from renewal import bench_renewal
    from upload import bench_upload
    from verify_rows import bench_verify_in_process

    parts: list[tuple[str, Callable[[], None]]] = [
        ("CLI", lambda: bench_cli(work, row)),
        ("RSA", lambda: bench_rsa(work, row)),
        ("in-process verify", lambda: bench_verify_in_process(row)),
        ("first window", lambda: bench_first_window(row)),
        ("memory", lambda: bench_memory(cache, row)),
        ("chain builder page", lambda: bench_chain_page(cache, row)),
        ("stalls", lambda: bench_gaps(cache, row)),
        ("engine ordering", lambda: bench_ordering(row)),
        ("cmswizard bundle", lambda: bench_cli_bundle(cache, row)),
        ("probe", lambda: bench_probe(row)),
        ("upload", lambda: bench_upload(row, PY)),
        ("plan apply", lambda: bench_plan_apply(row)),
        ("renewal", lambda: bench_renewal(row)),
        ("loader", lambda: bench_loader(row4)),
        ("plan files", lambda: bench_plan(row4)),
        ("packaged app", bench_package),
    ]
    only = [word.strip().lower() for word in os.environ.get("BENCH_ONLY", "").split(",") if word.strip()]
    for name, part in parts:
        if only and not any(word in name.lower() for word in only):  # BENCH_ONLY=probe,upload: those parts alone
            continue
        try:
            part()
        except Exception as error:  # one part failing still leaves the others' rows
            row(f"{name}: not measured", "the bench failed here", f"{type(error).__name__}: {error}"[:300], "—", None)


def main() -> None:
    if not is_regular_install(PY):
        if os.environ.get("CMSWIZARD_BENCH_INSTALLED"):
            raise SystemExit("the bench's regular install does not import cmswizard from its site-packages")
        print("making a regular install of this tree to measure (bench/regular_install.py)…", file=sys.stderr)
        python = regular_python(Path(sys.prefix))
        os.environ["CMSWIZARD_BENCH_INSTALLED"] = "1"
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])
    if shutil.which("openssl") is None:
        print("openssl is not installed; the comparisons need it", file=sys.stderr)
        sys.exit(2)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    cache = Path(tempfile.gettempdir()) / "cmswizard-bench-piles"
    cache.mkdir(exist_ok=True)
    print("measuring (about ten minutes; keep the machine otherwise quiet)…", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        measure(Path(folder), cache)
    from cli_rows import openssl_binary_version
    from cryptography.hazmat.backends.openssl.backend import backend

    header = ("What", "cmswizard: median (min–max)", "Reference / floor, same run", "Target", "Met")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    print(f"\n{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; {machine()}{' (BENCH_QUICK)' if QUICK else ''}")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    print(
        f"cmswizard {commit.stdout.strip() or '(no git)'} from a regular install, compiled ({imported_from(PY)}). "
        "OpenSSL: cryptography bundles "
        f"{backend.openssl_version_text()}; the `openssl` command is {openssl_binary_version()}"
    )
    print(
        f"Load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other processes show in every "
        f"figure); {time.perf_counter() - started:.0f} s in all.\n"
    )
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
