"""Issue 29 Medium 13: a sheet for several Call Bridges names the CUCM trunk's X.509 Subject Name for each."""

from __future__ import annotations

from cmswizard.cms.sheet import build_sheet

from helpers.golden_cases import CASES


def test_every_call_bridge_has_its_trunk_line() -> None:
    files, deployment = CASES["cluster-edges-db-v3"]()
    text = build_sheet(deployment, export_files=files).text(str)
    trunks = [line for line in text.splitlines() if "CUCM SIP trunk" in line]
    assert [next(n for n in deployment.nodes if n in line) for line in trunks] == list(deployment.nodes)
    assert all("X.509 Subject Name must be" in line for line in trunks)


def test_one_call_bridge_keeps_one_line() -> None:
    files, deployment = CASES["single-v3"]()
    text = build_sheet(deployment, export_files=files).text(str)
    assert sum("CUCM SIP trunk" in line for line in text.splitlines()) == 1


def test_a_call_bridge_without_trust_commands_is_not_told_to_trust_peers() -> None:
    """Issue 29 Low: the 2.x Call Bridge comment said "trust the peers" with no trust command after it."""
    for name in ("xmpp-three-nodes-v2", "cluster-edges-db-v3"):
        files, deployment = CASES[name]()
        lines = build_sheet(deployment, export_files=files).text(str).splitlines()
        for number, line in enumerate(lines):
            if line.startswith("# Call Bridge:") and "trust the peers" in line:
                section = lines[number + 1 : number + 12]
                assert any(s.startswith(("callbridge trust", "tls sip trust", "# tls sip trust")) for s in section), (
                    name
                )
