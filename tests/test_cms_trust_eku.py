"""Peer trust files hold every peer; each service's certificate is checked for the EKU it needs (PA 12.x Security)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from cmswizard.cms.services import CmsVersion, Service, Topology, check_service_eku, eku_report
from cmswizard.cms.sheet import Deployment, ServiceFiles, TrustKind, build_sheet
from cmswizard.cms.trust import check_sheet_files, write_trust_files
from cmswizard.pki.loader import load_file
from cmswizard.pki.profiles import TrustContent

from helpers.factory import hierarchy, issue

SERVER_ONLY = [ExtendedKeyUsageOID.SERVER_AUTH]


@pytest.fixture
def two_edges(tmp_path: Path) -> tuple[Path, Deployment]:
    """A core with a Call Bridge and two edges, each with its own Web Bridge 3 certificate from one CA."""
    h = hierarchy(depth=1, leaf_cn="cms1.example.com")
    issuer = h.intermediates[0]
    chain_tail = issuer.pem + h.root.pem
    (tmp_path / "callbridge.key").write_bytes(h.leaf.key_pem)
    (tmp_path / "callbridge.crt").write_bytes(h.leaf.pem)
    (tmp_path / "ca-bundle.crt").write_bytes(chain_tail)
    for n in (1, 2):
        edge = issue(f"edge{n}.example.com", issuer, eku=SERVER_ONLY)
        (tmp_path / f"wb3-edge{n}.key").write_bytes(edge.key_pem)
        (tmp_path / f"wb3-edge{n}-fullchain.crt").write_bytes(edge.pem + chain_tail)
        (tmp_path / f"wb3-edge{n}.crt").write_bytes(edge.pem)
    services = (
        ServiceFiles(Service.CALLBRIDGE, "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
        *(
            ServiceFiles(
                Service.WEBBRIDGE3, f"wb3-edge{n}.key", f"wb3-edge{n}-fullchain.crt", node=f"edge{n}.example.com"
            )
            for n in (1, 2)
        ),
    )
    deployment = Deployment(
        CmsVersion.V3,
        Topology.EDGE,
        ("cms1.example.com",),
        services,
        edge_nodes=("edge1.example.com", "edge2.example.com"),
    )
    return tmp_path, deployment


def _verify(trust: Path, leaf: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["openssl", "verify", *extra, "-CAfile", str(trust), str(leaf)], capture_output=True, text=True
    )


@pytest.mark.parametrize("content", list(TrustContent))
def test_callbridge_trust_holds_both_edges(two_edges, content: TrustContent) -> None:
    folder, deployment = two_edges
    from dataclasses import replace

    deployment = replace(deployment, trust_content=content)
    written = write_trust_files(deployment, folder)
    assert sorted(p.name for p in written) == ["trust-c2w-clients.crt", "trust-webbridge3.crt"]
    trust = folder / "trust-webbridge3.crt"
    count = len(load_file(trust).certificates)
    assert count == {TrustContent.FULL_CHAIN: 4, TrustContent.LEAF: 2, TrustContent.ROOT: 1}[content]
    for n in (1, 2):  # openssl, acting as the Call Bridge, accepts each edge with this one file
        extra = ("-partial_chain",) if content is TrustContent.LEAF else ()
        done = _verify(
            trust,
            folder / f"wb3-edge{n}.crt",
            *extra,
            *(("-untrusted", str(folder / "ca-bundle.crt")) if content is TrustContent.ROOT else ()),
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert trust.read_bytes().count(b"\n-----END CERTIFICATE-----\n") == count  # byte-exact: one LF each


def test_every_core_and_edge_gets_its_trust_file(two_edges) -> None:
    _, deployment = two_edges
    sheet = build_sheet(deployment)
    by_node = {node.node: [line.text for line in node.lines] for node in sheet.nodes}
    assert "callbridge trust c2w trust-webbridge3.crt" in by_node["cms1.example.com"]
    for edge in ("edge1.example.com", "edge2.example.com"):
        assert "webbridge3 c2w trust trust-c2w-clients.crt" in by_node[edge]
    assert {t.kind for t in sheet.trust_files} == {TrustKind.WEBBRIDGE3, TrustKind.C2W_CLIENTS}


def test_callbridge_without_client_auth_is_refused(two_edges, cli) -> None:
    folder, deployment = two_edges
    h = hierarchy(depth=1)
    public_ca_style = issue("cms1.example.com", h.intermediates[0], eku=SERVER_ONLY)
    (folder / "callbridge.crt").write_bytes(public_ca_style.pem)
    (folder / "callbridge.key").write_bytes(public_ca_style.key_pem)  # its own key: only the EKU is wrong
    problem = check_service_eku(Service.CALLBRIDGE, public_ca_style.cert, "callbridge.crt")
    assert problem is not None and "clientAuth" in problem and "Chrome Root Program" in problem
    assert check_service_eku(Service.WEBBRIDGE3, public_ca_style.cert) is None
    errors = [p for p in check_sheet_files(deployment, folder) if p.severity.value == "error"]
    assert [p.field for p in errors] == ["Call Bridge"]
    result = cli(
        "deploy",
        "--node",
        "cms1.example.com",
        "--callbridge",
        "callbridge.key",
        "callbridge.crt",
        "ca-bundle.crt",
        "--files-in",
        str(folder),
    )
    assert result.code == 1
    assert "callbridge.crt: the Call Bridge needs clientAuth" in result.err and "enterprise CA" in result.err
    (folder / "cb.pem").write_bytes(public_ca_style.pem)
    inspect = cli("pki", "inspect", str(folder / "cb.pem"), "--service", "callbridge")
    assert inspect.code == 1 and "needs clientAuth" in inspect.err
    assert "NOT for Call Bridge, Scheduler (C2W), CUCM trunk (Call Bridge)" in inspect.out
    assert cli("pki", "inspect", str(folder / "cb.pem"), "--service", "webadmin").code == 0
    check = cli("bundle", "--check", str(folder / "cb.pem"), "--service", "callbridge")
    assert check.code == 1 and "Chrome Root Program" in check.err
    report = eku_report(public_ca_style.cert)
    assert "fits Web Admin, Web Bridge 3, TURN" in report[0]


def test_missing_ca_bundle_is_flagged(two_edges) -> None:
    folder, deployment = two_edges
    from dataclasses import replace

    bare = replace(deployment, services=(ServiceFiles(Service.CALLBRIDGE, "callbridge.key", "callbridge.crt"),))
    warnings = check_sheet_files(bare, folder)
    assert [p.severity.value for p in warnings] == ["warning"]
    assert "has no CA bundle" in warnings[0].message


def test_xmpp_cluster_peers_without_client_auth_get_a_warning_not_a_refusal(tmp_path: Path) -> None:
    """No readable Cisco text says whether XMPP cluster peers check clientAuth: warn, never refuse."""
    h = hierarchy(depth=1, leaf_cn="cms1.example.com")
    issuer = h.intermediates[0]
    (tmp_path / "bundle.crt").write_bytes(issuer.pem + h.root.pem)
    services = []
    for n in (1, 2):
        node = f"cms{n}.example.com"
        leaf = issue(node, issuer, eku=SERVER_ONLY)
        (tmp_path / f"xmpp{n}.key").write_bytes(leaf.key_pem)
        (tmp_path / f"xmpp{n}.crt").write_bytes(leaf.pem)
        services.append(ServiceFiles(Service.XMPP, f"xmpp{n}.key", f"xmpp{n}.crt", "bundle.crt", node=node))
    deployment = Deployment(CmsVersion.V2, Topology.CLUSTER, ("cms1.example.com", "cms2.example.com"), tuple(services))
    problems = check_sheet_files(deployment, tmp_path)
    assert [p.severity.value for p in problems] == ["warning", "warning"]
    assert "no readable Cisco text says whether they need it" in str(problems[0].message)
    alone = Deployment(CmsVersion.V2, Topology.SINGLE, ("cms1.example.com",), (services[0],))
    assert check_sheet_files(alone, tmp_path) == []  # one XMPP node: no peers, nothing to say
