"""`make bench`: speed and memory of cmswizard, side by side with `openssl` where one exists.

Each figure is the median of repeated runs with its spread (min–max); ratios compare against the
reference measured in the same run. Targets are printed beside the figures; nothing here fails.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).parent.parent
PY = sys.executable
REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))

rows: list[tuple[str, str, str, str]] = []


def timed(action: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def show(samples: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    median = statistics.median(samples) * scale
    return f"{median:8.1f} {unit} ({min(samples) * scale:.1f}–{max(samples) * scale:.1f})"


def row(what: str, ours: str, reference: str, target: str) -> None:
    rows.append((what, ours, reference, target))
    print(f"  {what}: {ours} | {reference}", file=sys.stderr)


def run(argv: list[str], cwd: Path) -> None:
    subprocess.run(argv, cwd=cwd, check=True, capture_output=True)


def _csr_commands(key: str, openssl_key: str, work: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    counter = iter(range(10_000))
    extra = ["-pkeyopt", "ec_paramgen_curve:P-256"] if key == "ec256" else []

    def ours() -> None:
        n = next(counter)
        run(
            [
                PY,
                "-m",
                "cmswizard",
                "pki",
                "csr",
                f"b{key}{n}",
                "CN:cms1.example.com",
                "subjectAltName:cms1.example.com,join.example.com",
                "--key",
                key,
            ],
            work,
        )

    def reference() -> None:
        n = next(counter)
        run(
            [
                "openssl",
                "req",
                "-new",
                "-newkey",
                openssl_key,
                *extra,
                "-nodes",
                "-keyout",
                f"o{key}{n}.key",
                "-out",
                f"o{key}{n}.csr",
                "-subj",
                "/CN=cms1.example.com",
                "-addext",
                "subjectAltName=DNS:cms1.example.com,DNS:join.example.com",
            ],
            work,
        )

    return ours, reference


def bench_csr(work: Path) -> None:
    for key, openssl_key in (("rsa2048", "rsa:2048"), ("rsa4096", "rsa:4096"), ("ec256", "ec")):
        ours, reference = _csr_commands(key, openssl_key, work)
        repeats = REPEATS if key != "rsa4096" else max(3, REPEATS // 2)
        mine, theirs = timed(ours, repeats), timed(reference, repeats)
        ratio = statistics.median(mine) / statistics.median(theirs)
        row(f"key + CSR, {key} (whole process)", show(mine), f"openssl req {show(theirs)} → {ratio:.2f}×", "≤ 1.3×")


def bench_verify(work: Path) -> None:
    from factory_for_bench import chain_files, many_roots

    leaf, bundle, root, sent = chain_files(work)
    mine = timed(lambda: run([PY, "-m", "cmswizard", "pki", "verify", str(leaf), str(bundle)], work))
    theirs = timed(lambda: run(["openssl", "verify", "-CAfile", str(root), "-untrusted", str(bundle), str(leaf)], work))
    ratio = statistics.median(mine) / statistics.median(theirs)
    row("verify leaf, 3-level chain", show(mine), f"openssl verify {show(theirs)} → {ratio:.2f}×", "≤ 1.5×")
    roots = many_roots(work, root, 160)
    mine = timed(lambda: run([PY, "-m", "cmswizard", "pki", "verify", str(sent), str(roots)], work))
    theirs = timed(lambda: run(["openssl", "verify", "-CAfile", str(roots), "-untrusted", str(sent), str(leaf)], work))
    ratio = statistics.median(mine) / statistics.median(theirs)
    row("verify against 160 roots", show(mine), f"openssl verify {show(theirs)} → {ratio:.2f}×", "≤ 1.5×")


def bench_ordering() -> None:
    from pile import shuffled_pile

    from cmswizard.pki.chain import auto_order, make_item

    previous = None
    for size in (10, 100, 1_000, 10_000):
        items = [make_item(c) for c in shuffled_pile(size)]
        samples = timed(lambda items=items: auto_order(items), 3 if size >= 10_000 else REPEATS)
        median = statistics.median(samples)
        growth = f"×{median / previous:.1f} for ×10 certificates" if previous else "—"
        previous = median
        target = "< 2 s, linear (×~10)" if size == 10_000 else "linear (×~10)"
        row(f"auto-order a shuffled pile of {size:,}", show(samples), growth, target)


def bench_startup() -> None:
    engine = timed(lambda: subprocess.run([PY, "-c", "import cmswizard.cli, cmswizard.pki.chain"], check=True))
    bare = timed(lambda: subprocess.run([PY, "-c", "pass"], check=True))
    row("CLI + engine import (process)", show(engine), f"bare python {show(bare)}", "no Qt imported")
    paint = timed(
        lambda: subprocess.run(
            [PY, str(Path(__file__).parent / "first_paint.py")],
            check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ),
        5,
    )
    row("wizard cold start to first paint (process, offscreen)", show(paint), "", "< 0.5 s")


def qt_script(name: str) -> list[float]:
    """Run a bench/ helper with offscreen Qt in its own process; it prints numbers."""
    done = subprocess.run(
        [PY, str(Path(__file__).parent / name)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return [float(x) for x in done.stdout.split()]


def bench_event_loop_gap() -> None:
    gaps = qt_script("event_gap.py")
    row(
        "longest event-loop gap, RSA-4096 in background", show([g / 1000 for g in gaps]), f"{len(gaps)} runs", "< 50 ms"
    )


def bench_chain_memory() -> None:
    runs = [qt_script("chain_memory.py") for _ in range(3)]
    before = statistics.median(r[0] for r in runs)
    after = [r[1] for r in runs]
    seconds = [r[2] for r in runs]
    row(
        "peak RSS, wizard + 1,000 certificates in the chain builder",
        f"{statistics.median(after):8.1f} MB ({min(after):.1f}–{max(after):.1f})",
        f"empty wizard {before:.1f} MB; load+order {statistics.median(seconds):.2f} s",
        "< 200 MB",
    )


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def bench_package() -> None:
    """The one-folder app of `make package`: its size, and its first window against the venv's."""
    app = ROOT / "dist" / "cmswizard" / "cmswizard"
    if not app.exists():
        row("packaged app (dist/cmswizard/)", "not built", "run `make package` first", "≤ 110 MB")
        return
    size = _folder_bytes(app.parent) / 1e6
    row("packaged app folder size (dist/cmswizard/)", f"{size:8.1f} MB", "184 MB before issue 19", "≤ 110 MB")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CMSWIZARD_QUIT_AFTER_FIRST_PAINT": "1"}
    with tempfile.TemporaryDirectory() as home:
        env["HOME"] = env["XDG_CONFIG_HOME"] = home  # a first start: no saved settings
        packaged = timed(lambda: subprocess.run([str(app), "--lang", "en"], check=True, env=env, timeout=60), 5)
        venv = timed(
            lambda: subprocess.run([PY, "-m", "cmswizard", "--lang", "en"], check=True, env=env, timeout=60), 5
        )
    ratio = statistics.median(packaged) / statistics.median(venv)
    row(
        "first window, packaged app (process, offscreen)",
        show(packaged),
        f"venv python -m cmswizard {show(venv)} → {ratio:.2f}×",
        "≤ 1.0× the venv",
    )


def main() -> None:
    if shutil.which("openssl") is None:
        print("openssl is not installed; the ratios need it", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("measuring (this takes a minute or two)…", file=sys.stderr)
        bench_csr(work)
        bench_verify(work)
        bench_ordering()
        bench_startup()
        bench_event_loop_gap()
        bench_chain_memory()
        from plan_scale import bench_plan

        bench_plan(row)
        bench_package()
    widths = [
        max(len(r[i]) for r in [("What", "cmswizard: median (min–max)", "Reference / ratio", "Target"), *rows])
        for i in range(4)
    ]
    header = ("What", "cmswizard: median (min–max)", "Reference / ratio", "Target")
    print()
    for line in (header, tuple("-" * w for w in widths), *rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
