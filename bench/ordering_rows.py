"""The engine's Auto-order on shuffled piles (10 → 10,000 certificates, its growth judged at 1,000 →
10,000), and `cmswizard bundle` on a 10,000-certificate file against the engine doing the same in
process (load, fingerprint, Auto-order)."""

from __future__ import annotations

import gc
import subprocess
import tempfile
import time
from pathlib import Path

from figures import CMSWIZARD, QUICK, Row, abba, ms, paired, seconds


def bench_ordering(row: Row) -> None:
    """`auto_order` on shuffled piles, cold every run as a user's is: each run gets certificate objects
    freshly parsed from DER (outside the timed part), so no fact worked out in an earlier run is found
    again (`forget_facts`); the sizes alternate within each round, a full collection before each."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pile import shuffled_pile

    from cmswizard.pki.certfacts import forget_facts
    from cmswizard.pki.chain import auto_order, make_item

    sizes = (10, 100, 1_000, 10_000)
    ders = {size: [c.public_bytes(Encoding.DER) for c in shuffled_pile(size)] for size in sizes}
    samples: dict[int, list[float]] = {size: [] for size in sizes}
    for number in range(3 if QUICK else 7):
        for size in abba(list(sizes), number):
            forget_facts()
            items = [make_item(x509.load_der_x509_certificate(der)) for der in ders[size]]
            gc.collect()
            started = time.perf_counter()
            auto_order(items)
            samples[size].append(time.perf_counter() - started)
            del items
    for previous, size in zip((None, *sizes), sizes, strict=False):
        if previous is None:
            row(f"engine auto-order, shuffled pile of {size:,}", ms(samples[size]), "—", "reported", None)
            continue
        growth, shown = paired(samples[size], samples[previous])
        judged = size == 10_000
        row(
            f"engine auto-order, shuffled pile of {size:,}",
            ms(samples[size]),
            f"growth over {previous:,} certificates: {shown}",
            "growth ≤ ×10.5 (linear)" if judged else "reported",
            growth <= 10.5 if judged else None,
        )


def bench_cli_bundle(cache: Path, row: Row) -> None:
    """One chain among `size` certificates (the others CA certificates: a CA store's contents), the
    full chain written; the engine side loads, fingerprints and orders the same file in this process."""
    from pile import pile_file

    from cmswizard.pki.certfacts import forget_facts
    from cmswizard.pki.chain import auto_order, collect
    from cmswizard.pki.loader import load_file

    size = 2_000 if QUICK else 10_000
    pile = pile_file(size, cache, entities=1)

    def engine() -> None:
        forget_facts()
        found = auto_order(collect([load_file(pile)]))
        assert len(found.chains) == 1

    with tempfile.TemporaryDirectory(prefix="cmswizard-bundle-bench-") as work:
        cli = [*CMSWIZARD, "bundle", str(pile), "--fullchain", str(Path(work) / "fc.pem"), "--force"]
        samples: dict[str, list[float]] = {"cli": [], "engine": []}
        for number in range(3 if QUICK else 7):
            for side in abba(["cli", "engine"], number):
                gc.collect()
                started = time.perf_counter()
                if side == "cli":
                    subprocess.run(cli, check=True, capture_output=True)
                else:
                    engine()
                samples[side].append(time.perf_counter() - started)
    ratio, shown = paired(samples["cli"], samples["engine"])
    row(
        f"`cmswizard bundle` of a {size:,}-certificate file (one chain, the rest CA certificates), whole process",
        seconds(samples["cli"]),
        f"the engine in process on the same file (load + fingerprint + auto_order) {seconds(samples['engine'])} → {shown}",
        "≤ 1.2× the engine",
        ratio <= 1.2,
    )
