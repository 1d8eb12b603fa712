"""Golden deployment sheets (reviewed against docs/cms-reference.md), and the rules they pin."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import ServiceFiles, SheetPlan, TrustKind, build_sheet
from cmswizard.pki.errors import CmsInputError

from helpers.golden_cases import (
    CASES,
    CORES,
    GOLDEN,
    cluster_edges_db_v3,
    db_renewal_enterprise_ca,
    deploy_argv,
    single_v3,
    webbridge2_and_3_v29,
)

S = Service


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


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_deploy_prints_the_golden_sheet(cli, name: str) -> None:
    _, plan = CASES[name]()
    result = cli(*deploy_argv(plan), "--out", "sheet.txt")
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
