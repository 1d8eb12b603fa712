"""Plan files at scale: a 50-node plan (25 cores + 25 edges) checked and applied, against 10 nodes.

`python bench/plan_scale.py` prints the figures; bench/run.py calls `bench_plan(row)` for its table.
The CA step stands in for the admin's CA: every CSR the plan made is signed by a test CA, so the
second apply builds every bundle, full chain and trust file, and the last check sees a full folder.
Every run is a new plan in a fresh folder; the two sizes alternate, at least 15 runs each (5, and
smaller plans, with BENCH_QUICK=1); figures are median (min–max).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.plan import Plan, plan_text
from cmswizard.cms.plan_files import apply_plan, check_plan
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.pki.ca import issue_certificate, make_self_signed_ca
from cmswizard.pki.profiles import Usage
from cmswizard.pki.spec import KeyType, Purpose, SubjectInput, make_spec

Row = Callable[[str, str, str, str], None]


def _plan(nodes: int, key_type: KeyType) -> Plan:
    half = nodes // 2
    return new_plan(
        PlanAnswers(
            CmsVersion.V3,
            tuple(f"cms{i}.example.com" for i in range(1, nodes - half + 1)),
            tuple(f"edge{i}.example.com" for i in range(1, half + 1)),
            "join.example.com",
            key_type=key_type,
            subject=(("O", "Example"), ("C", "TW")),
            database=True,
            today=dt.date(2026, 1, 1),
        )
    )


def _sign_everything(folder: Path) -> None:
    spec = make_spec(SubjectInput(basename="benchca", cn="Bench Root CA", key_type=KeyType.EC256), purpose=Purpose.CA)
    ca_key, ca_cert = make_self_signed_ca(spec, days=3650)
    (folder / "bench-root.pem").write_bytes(ca_cert.public_bytes(Encoding.PEM))
    for csr_path in folder.glob("*-2026.csr"):
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
        signed = issue_certificate(csr, ca_key, ca_cert, usage=Usage.SERVER_CLIENT)
        (folder / f"{csr_path.stem}.cer").write_bytes(signed.certificate.public_bytes(Encoding.DER))


PHASES = ("apply_keys", "apply_bundles", "apply_again", "check_full")


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_once(nodes: int, key_type: KeyType = KeyType.EC256) -> dict[str, float]:
    """One plan in a fresh folder, start to end; seconds per phase (signing is not timed)."""
    plan = _plan(nodes, key_type)
    with tempfile.TemporaryDirectory(prefix="cmswizard-plan-bench-") as work:
        folder = Path(work)
        (folder / "site.toml").write_text(plan_text(plan))
        figures = {"apply_keys": _timed(lambda: apply_plan(plan, folder))}
        _sign_everything(folder)
        figures["apply_bundles"] = _timed(lambda: apply_plan(plan, folder))
        figures["apply_again"] = _timed(lambda: apply_plan(plan, folder))
        figures["check_full"] = _timed(lambda: check_plan(plan, folder))
    return figures


def folder_size(nodes: int, key_type: KeyType = KeyType.EC256) -> tuple[int, int]:
    """Files in a full folder, and keys the plan makes."""
    plan = _plan(nodes, key_type)
    with tempfile.TemporaryDirectory(prefix="cmswizard-plan-bench-") as work:
        folder = Path(work)
        (folder / "site.toml").write_text(plan_text(plan))
        apply_plan(plan, folder)
        _sign_everything(folder)
        apply_plan(plan, folder)
        return sum(1 for _ in folder.iterdir()), len(plan.certificates)


def measure(small: int, large: int, runs: int) -> dict[int, dict[str, list[float]]]:
    """`runs` plans of each size, the sizes alternating, the order reversed every other round."""
    samples: dict[int, dict[str, list[float]]] = {n: {phase: [] for phase in PHASES} for n in (small, large)}
    for number in range(runs):
        for nodes in (small, large) if number % 2 == 0 else (large, small):
            for phase, seconds in run_once(nodes).items():
                samples[nodes][phase].append(seconds)
    return samples


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms ({min(samples) * 1000:.1f}–{max(samples) * 1000:.1f}, {len(samples)} runs)"


def _growth(large: list[float], small: list[float]) -> str:
    ratios = [big / little for big, little in zip(large, small, strict=True)]
    return (
        f"×{statistics.median(ratios):.1f} (median of {len(ratios)} paired rounds, {min(ratios):.1f}–{max(ratios):.1f})"
    )


def bench_plan(row: Row) -> None:
    quick = os.environ.get("BENCH_QUICK") == "1"
    small, large = (4, 20) if quick else (10, 50)
    runs = 5 if quick else 15  # keys are random: at least 15 runs of each (a fresh folder each)
    samples = measure(small, large, runs)
    files, keys = folder_size(large)
    times = f"for ×{large // small} nodes"

    def beside(phase: str) -> str:
        return f"{small} nodes {_ms(samples[small][phase])} → {_growth(samples[large][phase], samples[small][phase])} {times}"

    row(
        f"plan check, {large} nodes, full folder",
        f"{_ms(samples[large]['check_full'])} ({files} files, {keys} keys)",
        beside("check_full"),
        "< 1 s, linear (×~5)",
    )
    row(
        f"plan apply, {large} nodes: bundles, trust files, sheet",
        _ms(samples[large]["apply_bundles"]),
        beside("apply_bundles"),
        "linear (×~5)",
    )
    row(
        f"plan apply, {large} nodes: keys + CSRs (ec256) + DB set",
        _ms(samples[large]["apply_keys"]),
        beside("apply_keys"),
        "linear (×~5)",
    )
    row(
        f"plan apply again, {large} nodes (writes nothing)",
        _ms(samples[large]["apply_again"]),
        beside("apply_again"),
        "< 1 s",
    )


def _print_row(what: str, ours: str, reference: str, target: str) -> None:
    print(f"| {what} | {ours.strip()} | {reference} | {target} |")


if __name__ == "__main__":
    sys.exit(bench_plan(_print_row))
