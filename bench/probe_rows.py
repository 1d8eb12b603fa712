"""`probe` of 50 endpoints, each 50 ms away, against the slowest single endpoint (issue 24).

The endpoints: 50 loopback ports served by one asyncio process (probe_fleet.py) that waits 50 ms
before each handshake. Ours: the probe of all 50 and its report, in process (`judge(probe(...))`, what
the CLI and the probe page run). The floor: the same for one endpoint alone — a different one each
round, all of them in turn; every endpoint is served alike, so the slowest single endpoint is any
one of them, measured without picking the worst of several noisy runs. The two alternate (ABBA).
"""

from __future__ import annotations

import concurrent.futures
import json
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import PY, QUICK, Row, alternate, ms, paired

BENCH = Path(__file__).parent
ENDPOINTS = 50
DELAY = 0.05


def bench_probe(row: Row) -> None:
    from cmswizard.cms.endpoints import TlsService
    from cmswizard.cms.probe_report import judge
    from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
    from cmswizard.remote.probe import probe

    from helpers.factory import hierarchy, issue

    h = hierarchy(depth=1, leaf_cn="cms0.example.com")
    with tempfile.TemporaryDirectory(prefix="cmswizard-probe-bench-") as work:
        for number in range(ENDPOINTS):  # each node its own leaf (and key) under one CA
            name = f"cms{number}.example.com"
            leaf = issue(name, h.intermediates[0], san=[name, "join.example.com"])
            (Path(work) / f"chain-{number}.pem").write_bytes(leaf.pem + b"".join(c.pem for c in h.chain[1:]))
            (Path(work) / f"key-{number}.pem").write_bytes(leaf.key_pem)
        fleet = subprocess.Popen(
            [PY, str(BENCH / "probe_fleet.py"), str(ENDPOINTS), str(DELAY), work],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert fleet.stdout is not None
            ports = json.loads(fleet.stdout.readline())
            options = ProbeOptions(timeout=10, ipv6=False, roots=(h.root.cert,))
            targets = [
                ProbeTarget("127.0.0.1", port, TlsService.WEBADMIN, sni=f"cms{number}.example.com")
                for number, port in enumerate(ports)
            ]
            turn = iter(range(1_000_000))

            cpu: list[float] = []

            def whole() -> None:
                started = time.process_time()  # every thread of this process: the handshakes and the report
                report = judge(probe(targets, options), options)
                cpu.append(time.process_time() - started)
                missing = [r.problems for r in report.results if not r.chain]
                assert len(report.results) == ENDPOINTS and not missing, missing[:2]

            def single() -> None:
                report = judge(probe([targets[next(turn) % ENDPOINTS]], options), options)
                assert len(report.results) == 1 and report.results[0].chain

            def bare_handshakes() -> None:
                """The same 50 handshakes with Python's ssl alone, all at once, nothing read or judged."""

                def one(target: ProbeTarget) -> None:
                    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
                    with socket.create_connection(("127.0.0.1", target.port), timeout=10) as raw:
                        context.wrap_socket(raw, server_hostname=target.sni).close()

                with concurrent.futures.ThreadPoolExecutor(max_workers=ENDPOINTS) as pool:
                    list(pool.map(one, targets))

            samples = alternate({"whole": whole, "single": single, "bare": bare_handshakes}, 7 if QUICK else 21)
        finally:
            if fleet.stdin is not None:
                fleet.stdin.close()
            fleet.wait(10)
    ratio, shown = paired(samples["whole"], samples["single"])
    _, bare_shown = paired(samples["bare"], samples["single"])
    row(
        f"`probe` of {ENDPOINTS} endpoints, each {DELAY * 1000:.0f} ms away, with its report (in process)",
        ms(samples["whole"]),
        f"one endpoint alone (a different one each round) {ms(samples['single'])} → {shown}; the whole probe's "
        f"own CPU time (its 50 handshakes and the report, all threads) {ms(cpu)}; the 50 handshakes alone with "
        f"Python's ssl, all at once (no reading, no report) {ms(samples['bare'])} → {bare_shown}",
        "≤ 2× the slowest single endpoint",
        ratio <= 2.0,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH.parent / "tests"))

    def _print(what: str, ours: str, reference: str, target: str, met: bool | None) -> None:
        print(f"| {what} | {ours} | {reference} | {target} | {met} |")

    bench_probe(_print)
