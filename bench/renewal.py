"""The renewal of 20 certificates against pebble (DNS-01 through a BIND of our own): `renew run` in
process against a bare loop on the `acme` library and dnspython doing the same orders (same names,
CA, DNS, RSA-2048 keys) with none of cmswizard's checks, state or files. Both sides are the renewal
issue's own bench helpers (tests/helpers/acme_bench.py); each run gets a new folder, and the two
alternate (ABBA) against one running pebble and BIND."""

from __future__ import annotations

import tempfile
from pathlib import Path

from figures import QUICK, Row, paired, seconds


def bench_renewal(row: Row) -> None:
    what = "renewal of 20 certificates against pebble (DNS-01), `renew run --issue-only` in process"
    try:
        from helpers.acme_bed import running_bed
        from helpers.acme_bench import COUNT, bare_acme_loop, cmswizard_renewals
    except ImportError as error:
        row(what, "not measured", f"the renewal bench helpers are not there ({error})", "≤ 1.2×", None)
        return
    samples: dict[str, list[float]] = {"ours": [], "bare": []}
    try:
        with tempfile.TemporaryDirectory(prefix="cmswizard-renewal-bench-") as work, running_bed() as bed:
            counter = iter(range(1_000_000))
            for number in range(2 if QUICK else 5):
                for side in ("ours", "bare") if number % 2 == 0 else ("bare", "ours"):
                    folder = Path(work) / f"run-{next(counter)}"
                    run = cmswizard_renewals if side == "ours" else bare_acme_loop
                    samples[side].append(run(bed, folder, COUNT))
    except (OSError, RuntimeError) as error:  # pebble or BIND missing, or not root
        row(what, "not measured", f"the pebble + BIND bed did not start: {error}", "≤ 1.2×", None)
        return
    ratio, shown = paired(samples["ours"], samples["bare"])
    row(
        what,
        seconds(samples["ours"]),
        f"a bare loop on the acme library + dnspython doing the same orders {seconds(samples['bare'])} → {shown}",
        "≤ 1.2×",
        ratio <= 1.2,
    )
