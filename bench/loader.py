"""Loader speed: `load_bytes` on one PEM file of 10,000 certificates against the library's own
`load_pem_x509_certificates` on the same bytes, and 10 MB of hostile PEM (refused in one pass).

`python bench/loader.py` prints one line per figure; `bench/run.py` can call `bench_loader(row)`.
Runs alternate, the order reversed every other round (AB BA AB…), so both sides see the same machine
state; a ratio is the median of the per-round ratios (run.py's `paired`).
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

REPEATS = 9


def _alternating(ours: Callable[[], object], theirs: Callable[[], object]) -> tuple[list[float], list[float]]:
    mine: list[float] = []
    reference: list[float] = []
    sides = [(ours, mine), (theirs, reference)]
    for number in range(REPEATS):
        for action, samples in sides if number % 2 == 0 else sides[::-1]:
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return mine, reference


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms ({min(samples) * 1000:.1f}–{max(samples) * 1000:.1f}, {len(samples)} runs)"


def bench_loader(row: Callable[[str, str, str, str], None]) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import Encoding
    from figures import paired
    from pile import shuffled_pile

    from cmswizard.pki.chain import collect
    from cmswizard.pki.errors import CmsInputError
    from cmswizard.pki.loader import load_bytes

    data = b"".join(c.public_bytes(Encoding.PEM) for c in shuffled_pile(10_000))
    mine, theirs = _alternating(lambda: load_bytes(data, "pile.pem"), lambda: x509.load_pem_x509_certificates(data))
    _, shown = paired(mine, theirs)
    row(
        "load 10,000 certificates (one PEM)",
        _ms(mine),
        f"load_pem_x509_certificates {_ms(theirs)} → {shown}",
        "≤ 1.5×",
    )

    def parse_with_extensions() -> None:
        # The loader refuses a malformed or duplicate extension at load time, naming the file:
        # the library doing that same work is the floor for a loader that checks this.
        for certificate in x509.load_pem_x509_certificates(data):
            certificate.extensions  # noqa: B018 - parsing is the work measured

    mine, theirs = _alternating(lambda: load_bytes(data, "pile.pem"), parse_with_extensions)
    _, shown = paired(mine, theirs)
    row(
        "load 10,000 certificates, against the same checks",
        _ms(mine),
        f"load_pem_x509_certificates + every certificate's extensions parsed {_ms(theirs)} → {shown}",
        "reported (the floor of the row above)",
    )
    loaded = load_bytes(data, "pile.pem")
    mine, theirs = _alternating(
        lambda: collect([loaded]), lambda: [c.fingerprint(hashes.SHA256()) for c in loaded.certificates]
    )
    row("collect 10,000 (dedupe, one fingerprint each)", _ms(mine), f"the fingerprints alone {_ms(theirs)}", "—")

    def refused(hostile: bytes) -> Callable[[], None]:
        def attempt() -> None:
            with contextlib.suppress(CmsInputError):
                load_bytes(hostile, "hostile.pem")

        return attempt

    for what, hostile in (
        ("10 MB of BEGIN lines, no END", b"-----BEGIN CERTIFICATE-----\n" * (10 * 1024 * 1024 // 28)),
        ("10 MB of BEGIN + base64, no END", b"-----BEGIN CERTIFICATE-----\nMIIB" * (10 * 1024 * 1024 // 32)),
    ):
        samples, _ = _alternating(refused(hostile), lambda: None)
        row(f"refuse {what}", _ms(samples), "linear scan", "well under 1 s")


def main() -> None:
    def row(what: str, ours: str, reference: str, target: str) -> None:
        print(f"{what} | {ours} | {reference} | {target}")

    bench_loader(row)


if __name__ == "__main__":
    main()
