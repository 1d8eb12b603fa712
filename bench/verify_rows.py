"""In-process verify: `verify_certificate` against cryptography's own `PolicyBuilder` on the same
chains, batches of 100 that alternate (ABBA), chains per second.

The verdict is for every object new (issue 24): 100 different leaves under one RSA-2048 3-level CA,
every certificate of every chain parsed again from its DER before the batch (outside the timing),
as a check page or a bundle check reads them from files. Beside it: the CA objects shared (only the
leaves new), the very same objects again, and the library plus reading what our extra checks need of
each new leaf (its extensions for the key identifiers OpenSSL links by, its subject for the message).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from figures import QUICK, Row, abba, median, paired

BATCH = 100


def bench_verify_in_process(row: Row) -> None:
    from cryptography import x509
    from cryptography.x509.verification import PolicyBuilder, Store
    from factory_for_bench import rsa_leaves_under_one_ca

    from cmswizard.pki import verify as verify_module
    from cmswizard.pki.certfacts import forget_facts

    leaf_ders, ca_ders = rsa_leaves_under_one_ca(BATCH)
    moment = dt.datetime.now(dt.UTC)
    ca_policy, ee_policy = verify_module._cms_policies()
    Chain = list[x509.Certificate]  # leaf, intermediates (issuer of the leaf first), root

    def all_new() -> list[Chain]:
        return [[x509.load_der_x509_certificate(der) for der in (leaf, *ca_ders)] for leaf in leaf_ders]

    shared_cas = [x509.load_der_x509_certificate(der) for der in ca_ders]

    def leaves_new() -> list[Chain]:
        return [[x509.load_der_x509_certificate(leaf), *shared_cas] for leaf in leaf_ders]

    same = all_new()

    def ours(chains: list[Chain]) -> float:
        started = time.perf_counter()
        for leaf, *others in chains:
            assert verify_module.verify_certificate(leaf, others, at=moment).ok
        return time.perf_counter() - started

    def library(chains: list[Chain], reads: bool = False) -> float:
        started = time.perf_counter()
        for leaf, *cas in chains:
            (
                PolicyBuilder()
                .store(Store([cas[-1]]))
                .time(moment)
                .max_chain_depth(100)
                .extension_policies(ca_policy=ca_policy, ee_policy=ee_policy)
                .build_client_verifier()
                .verify(leaf, cas[:-1])
            )
            if reads:
                leaf.extensions  # noqa: B018 - reading is the point
                leaf.subject  # noqa: B018
        return time.perf_counter() - started

    def fresh_facts(action: Callable[[], float]) -> Callable[[], float]:
        def run() -> float:
            forget_facts()  # nothing this process worked out before: as a new check
            return action()

        return run

    sides: dict[str, Callable[[], float]] = {}
    for name, make in (("all new", all_new), ("leaves new", leaves_new)):
        sides[f"ours, {name}"] = fresh_facts(lambda make=make: ours(make()))  # type: ignore[misc]
        sides[f"library, {name}"] = lambda make=make: library(make())  # type: ignore[misc]
    sides["library + reads, all new"] = lambda: library(all_new(), reads=True)
    sides["ours, same objects again"] = lambda: ours(same)
    sides["library, same objects again"] = lambda: library(same)
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for number in range(9 if QUICK else 41):
        for name in abba(list(sides), number):
            samples[name].append(sides[name]())
    rate = {name: BATCH / median(times) for name, times in samples.items()}

    def against(ours_name: str, library_name: str) -> tuple[float, str]:
        return paired(samples[library_name], samples[ours_name])  # a time ratio is a throughput ratio

    ratio, shown = against("ours, all new", "library, all new")
    _, reads_shown = against("ours, all new", "library + reads, all new")
    _, shared_shown = against("ours, leaves new", "library, leaves new")
    _, same_shown = against("ours, same objects again", "library, same objects again")
    row(
        "in-process verify (RSA-2048, 3-level chain), every object new, 100 leaves under one CA",
        f"{rate['ours, all new']:,.0f} chains/s (median of {len(samples['ours, all new'])} batches of {BATCH})",
        f"PolicyBuilder on the same chains {rate['library, all new']:,.0f}/s → {shown}; PolicyBuilder + reading "
        f"each new leaf's extensions and subject (what our extra checks need) {rate['library + reads, all new']:,.0f}/s "
        f"→ {reads_shown}; the CA objects shared (only the leaves new): {rate['ours, leaves new']:,.0f}/s → "
        f"{shared_shown}; the very same objects again: {rate['ours, same objects again']:,.0f}/s → {same_shown}",
        "≥ 0.8× (throughput)",
        ratio >= 0.8,
    )
