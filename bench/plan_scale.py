"""Plan files at scale: a 50-node plan (25 cores + 25 edges) checked and applied, against 10 nodes.

`python bench/plan_scale.py` prints the figures; bench/run.py calls `bench_plan(row)` for its table.
The CA step stands in for the admin's CA: every CSR the plan made is signed by a test CA, so the
second apply builds every bundle, full chain and trust file, and the last check sees a full folder.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.plan import NewPlanInput, Plan, new_plan, plan_text
from cmswizard.cms.plan_files import apply_plan, check_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.pki.ca import issue_certificate, make_self_signed_ca
from cmswizard.pki.profiles import Usage
from cmswizard.pki.spec import KeyType, Purpose, SubjectInput, make_spec

Row = Callable[[str, str, str, str], None]


def _plan(nodes: int, key_type: KeyType) -> Plan:
    half = nodes // 2
    return new_plan(
        NewPlanInput(
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


def _once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(nodes: int, key_type: KeyType = KeyType.EC256, repeats: int = 5) -> dict[str, float | int]:
    figures: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory(prefix="cmswizard-plan-bench-") as work:
        folder = Path(work)
        figures["new"] = _once(lambda: _plan(nodes, key_type))
        plan = _plan(nodes, key_type)
        (folder / "site.toml").write_text(plan_text(plan))
        figures["check_empty"] = statistics.median(_once(lambda: check_plan(plan, folder)) for _ in range(repeats))
        figures["apply_keys"] = _once(lambda: apply_plan(plan, folder))
        _sign_everything(folder)
        figures["apply_bundles"] = _once(lambda: apply_plan(plan, folder))
        figures["apply_again"] = statistics.median(_once(lambda: apply_plan(plan, folder)) for _ in range(repeats))
        figures["check_full"] = statistics.median(_once(lambda: check_plan(plan, folder)) for _ in range(repeats))
        figures["files"] = sum(1 for _ in folder.iterdir())
        figures["keys"] = len(plan.certificates)
    return figures


def bench_plan(row: Row) -> None:
    small, large = measure(10), measure(50)
    ratio = large["check_full"] / small["check_full"]
    row(
        "plan check, 50 nodes, full folder",
        f"{large['check_full'] * 1000:8.1f} ms ({large['files']} files, {large['keys']} keys)",
        f"10 nodes {small['check_full'] * 1000:.1f} ms → ×{ratio:.1f} for ×5 nodes",
        "< 1 s, linear (×~5)",
    )
    apply_ratio = large["apply_bundles"] / small["apply_bundles"]
    row(
        "plan apply, 50 nodes: bundles, trust files, sheet",
        f"{large['apply_bundles'] * 1000:8.1f} ms",
        f"10 nodes {small['apply_bundles'] * 1000:.1f} ms → ×{apply_ratio:.1f} for ×5 nodes",
        "linear (×~5)",
    )
    row(
        "plan apply, 50 nodes: keys + CSRs (ec256) + DB set",
        f"{large['apply_keys'] * 1000:8.1f} ms",
        f"10 nodes {small['apply_keys'] * 1000:.1f} ms → ×{large['apply_keys'] / small['apply_keys']:.1f}",
        "linear (×~5)",
    )
    row(
        "plan apply again, 50 nodes (writes nothing)",
        f"{large['apply_again'] * 1000:8.1f} ms",
        f"10 nodes {small['apply_again'] * 1000:.1f} ms",
        "< 1 s",
    )


def _print_row(what: str, ours: str, reference: str, target: str) -> None:
    print(f"| {what} | {ours.strip()} | {reference} | {target} |")


if __name__ == "__main__":
    sys.exit(bench_plan(_print_row))
