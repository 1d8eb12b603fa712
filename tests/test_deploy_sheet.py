"""Golden deployment sheets (reviewed against docs/cms-reference.md), and the rules they pin."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from cmswizard.cms.dbcluster import DbFiles, plan_db_cluster
from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import Listen, ServiceFiles, SheetPlan, TrustKind, build_sheet
from cmswizard.pki.errors import CmsInputError

GOLDEN = Path(__file__).parent / "golden"
S = Service


def single_v3():
    files = ["cms1.key", "cms1.crt", "cms1-bundle.crt", "cms1-fullchain.crt"]
    services = (
        ServiceFiles(S.WEBADMIN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "cms1.key", "cms1-fullchain.crt"),
        ServiceFiles(S.TURN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
    )
    plan = SheetPlan(CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), services, callbridge_cn="cms1.example.com")
    return files, plan


CORES = ("cms1.example.com", "cms2.example.com", "cms3.example.com")


def cluster_edges_db_v3():
    """3 cores + 2 edges, each edge with its own Web Bridge 3 certificate, and a DB cluster."""
    files = [
        *(f"webadmin-cms{n}.{ext}" for n in (1, 2, 3) for ext in ("key", "crt")),
        "callbridge.key",
        "callbridge.crt",
        "scheduler.key",
        "scheduler-fullchain.crt",
        "ca-bundle.crt",
        "webbridge3-edge1.key",
        "webbridge3-edge1-fullchain.crt",
        "webbridge3-edge2.key",
        "webbridge3-edge2-fullchain.crt",
        "turn.key",
        "turn.crt",
        "dbca.crt",
        "dbserver.key",
        "dbserver.crt",
        "dbclient.key",
        "dbclient.crt",
    ]
    services = (
        *(
            ServiceFiles(
                S.WEBADMIN, f"webadmin-cms{n}.key", f"webadmin-cms{n}.crt", "ca-bundle.crt", node=f"cms{n}.example.com"
            )
            for n in (1, 2, 3)
        ),
        ServiceFiles(S.CALLBRIDGE, "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
        ServiceFiles(S.SCHEDULER, "scheduler.key", "scheduler-fullchain.crt", node="cms1.example.com"),
        *(
            ServiceFiles(
                S.WEBBRIDGE3,
                f"webbridge3-edge{n}.key",
                f"webbridge3-edge{n}-fullchain.crt",
                node=f"edge{n}.example.com",
            )
            for n in (1, 2)
        ),
        ServiceFiles(S.TURN, "turn.key", "turn.crt", "ca-bundle.crt"),
    )
    db = plan_db_cluster("example.com", "cms1.example.com", ["cms2.example.com", "cms3.example.com"])
    plan = SheetPlan(
        CmsVersion.V3,
        Topology.EDGE,
        CORES,
        services,
        edge_nodes=("edge1.example.com", "edge2.example.com"),
        db=db,
        sip_trust="ca-bundle.crt",
        callbridge_cn="cms.example.com",
    )
    return files, plan


def webbridge2_and_3_v29():
    """2.9: Web Bridge 2 beside Web Bridge 3 on one server, on different HTTPS ports."""
    files = ["cms.key", "cms.crt", "bundle.crt", "join3.key", "join3-fullchain.crt"]
    services = (
        ServiceFiles(S.WEBADMIN, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "join3.key", "join3-fullchain.crt"),
    )
    listen = Listen(webbridge3_port=8443, c2w_port=9999)
    return files, SheetPlan(
        CmsVersion.V2_9, Topology.SINGLE, ("cms.example.com",), services, listen=listen, callbridge_cn="cms.example.com"
    )


def xmpp_three_nodes_v2():
    """2.x: XMPP on three nodes, each with its own certificate, in one cluster trust file."""
    files = ["cms.key", "cms.crt", "bundle.crt", *(f"xmpp-cms{n}.{ext}" for n in (1, 2, 3) for ext in ("key", "crt"))]
    services = (
        ServiceFiles(S.WEBADMIN, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        *(
            ServiceFiles(S.XMPP, f"xmpp-cms{n}.key", f"xmpp-cms{n}.crt", "bundle.crt", node=f"cms{n}.example.com")
            for n in (1, 2, 3)
        ),
    )
    return files, SheetPlan(CmsVersion.V2, Topology.CLUSTER, CORES, services, callbridge_cn="cms.example.com")


def db_renewal_enterprise_ca():
    """Renewing DB certificates signed by the enterprise CA, with the admin's own file names."""
    names = DbFiles(
        "cmsdb-server-2026.key",
        "cmsdb-server-2026.cer",
        "cmsdb-client-2026.key",
        "cmsdb-client-2026.cer",
        "corp-ca-chain.pem",
    )
    files = list(names.for_server())
    db = plan_db_cluster(
        "example.com", "cms1.example.com", ["cms2.example.com"], ["cms3.example.com"], files=names, enterprise_ca=True
    )
    plan = SheetPlan(CmsVersion.V3, Topology.CLUSTER, CORES[:2], db=db, db_renewal=True)
    return files, plan


CASES = {
    "single-v3": single_v3,
    "cluster-edges-db-v3": cluster_edges_db_v3,
    "webbridge2-and-3-v2.9": webbridge2_and_3_v29,
    "xmpp-three-nodes-v2": xmpp_three_nodes_v2,
    "db-renewal-enterprise-ca": db_renewal_enterprise_ca,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_sheet(name: str) -> None:
    files, plan = CASES[name]()
    sheet = build_sheet(plan, export_files=files)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("CMSWIZARD_UPDATE_GOLDEN"):
        golden.write_text(sheet.text())
    assert sheet.text() == golden.read_text()
    trust_names = {t.name for t in sheet.trust_files}
    assert sheet.referenced_files() <= set(files) | trust_names
    for line in sheet.text().splitlines():
        if line and not line.startswith("#"):  # every command line names only exported or trust files
            for word in line.split()[2:]:
                if "." in word and not word.endswith(".com"):
                    assert word in files or word in trust_names, (name, line)


def _argv(plan: SheetPlan) -> list[str]:
    """The `cmswizard deploy` arguments for a plan: every field of the model is reachable from the CLI."""
    argv = ["deploy", "--version", plan.version.value, "--topology", plan.topology.value]
    for node in plan.nodes:
        argv += ["--node", node]
    for node in plan.edge_nodes:
        argv += ["--edge", node]
    for files in plan.services:
        argv += [f"--{files.service.value}", *files.files()] + ([f"@{files.node}"] if files.node else [])
    defaults = Listen()
    for name in ("interface", "webadmin_port", "webbridge_port", "webbridge3_port", "c2w_port", "turn_tls_port"):
        if getattr(plan.listen, name) != getattr(defaults, name):
            argv += [f"--{name.replace('_', '-')}", str(getattr(plan.listen, name))]
    if plan.sip_trust:
        argv += ["--sip-trust", plan.sip_trust]
    if plan.callbridge_cn:
        argv += ["--callbridge-cn", plan.callbridge_cn]
    argv += ["--backup-name", plan.backup_name]
    if plan.db is not None:
        db = plan.db
        argv += ["--db-primary", db.primary, "--db-domain", db.ca.cn]
        for node in db.joining:
            argv += ["--db-join", node]
        for node in db.connecting:
            argv += ["--db-connect", node]
        argv += ["--db-files", *db.files.for_server()]
        if db.enterprise_ca:
            argv.append("--db-enterprise-ca")
        if plan.db_renewal:
            argv.append("--db-renewal")
    return argv


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_deploy_prints_the_golden_sheet(cli, name: str) -> None:
    _, plan = CASES[name]()
    result = cli(*_argv(plan), "--out", "sheet.txt")
    assert result.code == 0, result.err
    assert Path("sheet.txt").read_text() == (GOLDEN / f"{name}.txt").read_text()


@pytest.mark.parametrize(
    ("row", "line"),
    [
        (
            ["--callbridge", "cb.key", "cb.crt", "@edge1.example.com"],
            "cmswizard: edge1.example.com: the Call Bridge row is for this edge server, but Call Bridge runs on the "
            "core servers: give the row a core server, or no server so that every core gets it\n",
        ),
        (
            ["--turn", "turn.key", "turn.crt", "@cms1.example.com"],
            "cmswizard: cms1.example.com: the TURN row is for this core server, but TURN runs on the edge servers: "
            "give the row an edge server, or no server so that every edge gets it\n",
        ),
    ],
)
def test_cli_deploy_refuses_a_row_for_a_server_that_does_not_run_its_service(cli, row: list[str], line: str) -> None:
    servers = ["--node", "cms1.example.com", "--edge", "edge1.example.com"]
    refused = cli("deploy", *servers, *row, "--out", "sheet.txt")
    assert (refused.code, refused.out, refused.err) == (2, "", line)
    assert not Path("sheet.txt").exists()
    fixed = [name for name in row if not name.startswith("@")]  # the fix the line names: no server on the row
    assert cli("deploy", *servers, *fixed, "--out", "sheet.txt").code == 0


def test_sheet_refuses_a_file_not_exported() -> None:
    files, plan = single_v3()
    with pytest.raises(CmsInputError) as caught:
        build_sheet(plan, export_files=[f for f in files if f != "cms1-bundle.crt"])
    assert caught.value.where == "cms1-bundle.crt"
    assert "not in the export set" in caught.value.message


def test_xmpp_does_not_exist_on_v3() -> None:
    plan = SheetPlan(CmsVersion.V3, Topology.SINGLE, ("cms.example.com",), (ServiceFiles(S.XMPP, "x.key", "x.crt"),))
    with pytest.raises(CmsInputError, match=r"does not exist on CMS 3\.x"):
        build_sheet(plan)


def test_webbridge3_exists_from_2_9_beside_web_bridge_2() -> None:
    _, plan = webbridge2_and_3_v29()
    text = build_sheet(plan).text()
    assert "webbridge3 https certs join3.key join3-fullchain.crt" in text
    assert "webbridge certs cms.key cms.crt bundle.crt" in text
    assert "webbridge trust cms.crt" in text  # TAC 213821: guest joins fail without it
    with pytest.raises(CmsInputError, match=r"does not exist on CMS 2\.0–2\.8"):
        build_sheet(replace(plan, version=CmsVersion.V2))


def test_each_node_assigns_its_own_web_admin_files() -> None:
    """A row for one node wins over a row for every node, and never runs three times on one node."""
    _, plan = cluster_edges_db_v3()
    shared = ServiceFiles(S.WEBADMIN, "shared.key", "shared.crt", "ca-bundle.crt")
    sheet = build_sheet(replace(plan, services=(shared, *plan.services)))
    for number, node in enumerate(sheet.nodes[:3], 1):
        assigned = [line.text for line in node.lines if line.text.startswith("webadmin certs")]
        assert assigned == [f"webadmin certs webadmin-cms{number}.key webadmin-cms{number}.crt ca-bundle.crt"]


def test_trust_files_hold_every_peer() -> None:
    _, plan = cluster_edges_db_v3()
    sheet = build_sheet(plan)
    trust = {t.kind: t for t in sheet.trust_files}
    assert trust[TrustKind.WEBBRIDGE3].sources == ("webbridge3-edge1-fullchain.crt", "webbridge3-edge2-fullchain.crt")
    assert trust[TrustKind.C2W_CLIENTS].sources == ("callbridge.crt", "ca-bundle.crt", "scheduler-fullchain.crt")
    for node in sheet.nodes:
        commands = [line.text for line in node.lines]
        if node.node.startswith("edge"):
            assert "webbridge3 c2w trust trust-c2w-clients.crt" in commands
        elif node.node in CORES:
            assert "callbridge trust c2w trust-webbridge3.crt" in commands


def test_renewal_backs_up_and_removes_first() -> None:
    _, plan = db_renewal_enterprise_ca()
    text = build_sheet(plan).text()
    backup = text.index("backup snapshot before-certificates")
    assert backup < text.index("database cluster remove") < text.index("database cluster certs")
    assert text.count("database cluster remove") == 3
    assert text.index("# on cms3") < text.index("# on cms2") < text.index("# on cms1")
    assert "capital Y" in text and "overwritten" in text
    assert "database cluster certs cmsdb-client-2026.key cmsdb-client-2026.cer corp-ca-chain.pem" in text
    assert "dbserver" not in text and "dbca" not in text
    # the primary's backup is taken once, before the removal: its section never replaces it with a later one
    sheet = build_sheet(plan)
    primary = next(node for node in sheet.nodes if node.node == "cms1.example.com")
    assert "backup snapshot" not in sheet.node_text(primary)
    assert plan.db is not None
    assert text.count("backup snapshot before-certificates") == len(plan.db.nodes)  # the block, then the others


def test_unconfirmed_commands_are_never_exact_lines() -> None:
    services = (
        ServiceFiles(S.CALLBRIDGE, "cb.key", "cb.crt", "b.crt"),
        ServiceFiles(S.UCM, "cb.key", "cb.crt", "b.crt"),
        ServiceFiles(S.LOADBALANCER, "lb.key", "lb.crt", "b.crt"),
    )
    text = build_sheet(SheetPlan(CmsVersion.V2, Topology.SINGLE, ("cms.example.com",), services)).text()
    for line in text.splitlines():
        assert not line.startswith(("loadbalancer", "trunk", "callbridge ucm", "scheduler c2w certs")), line
    assert (
        "# UNCONFIRMED, check it in your CMS MMP guide before typing: callbridge ucm certs cb.key cb.crt b.crt" in text
    )
    assert "no Cisco document here gives the command; assign lb.key, lb.crt and b.crt" in text


def test_sheet_comments_go_through_the_language_hook() -> None:
    _, plan = cluster_edges_db_v3()
    sheet = build_sheet(plan)
    seen: list[str] = []

    def upper(text) -> str:
        seen.append(text.template)
        return str(text).upper()

    text = sheet.text(upper)
    assert "# FILES TO UPLOAD HERE:" in text
    assert "webbridge3 c2w trust trust-c2w-clients.crt" in text  # commands are never translated
    assert all(isinstance(t, str) and t for t in seen)


def _reference_patterns() -> list[re.Pattern[str]]:
    """The command forms in docs/cms-reference.md's tables, as regular expressions."""
    reference = (Path(__file__).parent.parent / "docs" / "cms-reference.md").read_text()
    patterns = []
    for row in reference.splitlines():
        if not row.startswith("| `"):
            continue
        for form in re.findall(r"`([^`]+)`", row.split("|")[1]):
            text = re.escape(form)
            text = re.sub(r"<[^>]*>", r"\\S+", text)
            text = text.replace(r"\ \[", r"(?:\ ").replace(r"\]", ")?")
            patterns.append(re.compile(text))
    return patterns


def test_every_golden_command_is_in_the_reference() -> None:
    """Each line a golden sheet tells the admin to type has its form (and source) in docs/cms-reference.md."""
    patterns = _reference_patterns()
    assert len(patterns) > 30
    for golden in sorted(GOLDEN.glob("*.txt")):
        for line in golden.read_text().splitlines():
            if line and not line.startswith("#"):
                assert any(p.fullmatch(line) for p in patterns), (golden.name, line)
