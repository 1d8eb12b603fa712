"""Golden deployment sheets (reviewed against docs/cms-reference.md), and the rules they pin."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from cmswizard.cms.dbcluster import DbFiles
from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import Deployment, Listen, ServiceFiles, TrustKind, build_sheet
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
    files, deployment = CASES[name]()
    sheet = build_sheet(deployment, export_files=files)
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
    _, deployment = CASES[name]()
    result = cli(*deploy_argv(deployment), "--out", "sheet.txt")
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
    files, deployment = single_v3()
    with pytest.raises(CmsInputError) as caught:
        build_sheet(deployment, export_files=[f for f in files if f != "cms1-bundle.crt"])
    assert caught.value.where == "cms1-bundle.crt"
    assert "not in the export set" in caught.value.message


def test_xmpp_does_not_exist_on_v3() -> None:
    deployment = Deployment(
        CmsVersion.V3, Topology.SINGLE, ("cms.example.com",), (ServiceFiles(S.XMPP, "x.key", "x.crt"),)
    )
    with pytest.raises(CmsInputError, match=r"does not exist on CMS 3\.x"):
        build_sheet(deployment)


def test_webbridge3_exists_from_2_9_beside_web_bridge_2() -> None:
    _, deployment = webbridge2_and_3_v29()
    text = build_sheet(deployment).text()
    assert "webbridge3 https certs join3.key join3-fullchain.crt" in text
    assert "webbridge certs cms.key cms.crt bundle.crt" in text
    assert "webbridge trust cms.crt" in text  # TAC 213821: guest joins fail without it
    with pytest.raises(CmsInputError, match=r"does not exist on CMS 2\.0–2\.8"):
        build_sheet(replace(deployment, version=CmsVersion.V2))


def test_each_node_assigns_its_own_web_admin_files() -> None:
    """A row for one node wins over a row for every node, and never runs three times on one node."""
    _, deployment = cluster_edges_db_v3()
    shared = ServiceFiles(S.WEBADMIN, "shared.key", "shared.crt", "ca-bundle.crt")
    sheet = build_sheet(replace(deployment, services=(shared, *deployment.services)))
    for number, node in enumerate(sheet.nodes[:3], 1):
        assigned = [line.text for line in node.lines if line.text.startswith("webadmin certs")]
        assert assigned == [f"webadmin certs webadmin-cms{number}.key webadmin-cms{number}.crt ca-bundle.crt"]


def test_trust_files_hold_every_peer() -> None:
    _, deployment = cluster_edges_db_v3()
    sheet = build_sheet(deployment)
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
    _, deployment = db_renewal_enterprise_ca()
    text = build_sheet(deployment).text()
    backup = text.index("backup snapshot before-certificates")
    assert backup < text.index("database cluster remove") < text.index("database cluster certs")
    assert text.count("database cluster remove") == 3
    removal = text[text.index("database cluster status") :]
    # per role, the plan's names only a suggestion to confirm: the primary may have moved since (issue 29 Low)
    assert "where the status says otherwise, follow the status" in removal
    connect = removal.index("# first, on each node that only connects to the database (the plan: cms3.example.com)")
    replicas = removal.index("# then, on each replica: every database node the status did not show as the primary")
    primary = removal.index("# last, on the primary: the node the status showed as (me): Connected Primary (the plan:")
    assert connect < replicas < primary
    assert "(the plan: cms2.example.com)" in removal[replicas:primary]
    assert "(the plan: cms1.example.com; it may have moved)" in removal[primary:]
    assert "# on cms" not in removal[: removal.index("# ===== cms1")]  # no step assumes a node is still the primary
    assert "initialize on the node that was the primary (the plan: cms1.example.com)" in removal
    assert "capital Y" in text and "overwritten" in text
    assert "database cluster certs cmsdb-client-2026.key cmsdb-client-2026.cer corp-ca-chain.pem" in text
    assert "dbserver" not in text and "dbca" not in text
    # every node is backed up, and each backup downloaded, before the first remove (TAC 215421 steps 1-4)
    assert deployment.db is not None
    before_remove = text[: text.index("database cluster remove")]
    assert before_remove.count("backup snapshot before-certificates") == len(deployment.db.nodes) == 3
    for node in deployment.db.nodes:
        assert f"download before-certificates.bak (and before-certificates.json where it exists) from {node}" in (
            before_remove
        )
    assert "pki inspect cmsdb-server-2026.cer;" in before_remove
    # no node's section takes a later backup that would replace the one taken before the removal
    sheet = build_sheet(deployment)
    for node in sheet.nodes[1:]:
        assert "backup snapshot" not in sheet.node_text(node)


def test_unconfirmed_commands_are_never_exact_lines() -> None:
    services = (
        ServiceFiles(S.CALLBRIDGE, "cb.key", "cb.crt", "b.crt"),
        ServiceFiles(S.UCM, "cb.key", "cb.crt", "b.crt"),
        ServiceFiles(S.LOADBALANCER, "lb.key", "lb.crt", "b.crt"),
    )
    text = build_sheet(Deployment(CmsVersion.V2, Topology.SINGLE, ("cms.example.com",), services)).text()
    for line in text.splitlines():
        assert not line.startswith(("loadbalancer", "trunk", "callbridge ucm", "tls sip", "scheduler enable")), line
    assert "callbridge ucm" not in text  # no readable Cisco text gives it: never printed, not even commented out
    assert "no readable Cisco document gives a command to assign cb.crt for CUCM" in text
    assert "no Cisco document here gives the command; assign lb.key, lb.crt and b.crt" in text


def test_sheet_comments_go_through_the_language_hook() -> None:
    _, deployment = cluster_edges_db_v3()
    sheet = build_sheet(deployment)
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


def _reference_tables() -> tuple[set[str], list[list[str]]]:
    """docs/cms-reference.md: the short names of its sources table, and every other table row's cells."""
    reference = (Path(__file__).parent.parent / "docs" / "cms-reference.md").read_text()
    sources = reference[reference.index("## Sources") : reference.index("## Making keys")]
    names = {row.split("|")[1].strip() for row in sources.splitlines() if row.startswith("| ") and "---" not in row}
    names.discard("Short name")
    rows = [
        [cell.strip() for cell in row.split("|")[1:-1]]
        for row in reference[reference.index("## Making keys") :].splitlines()
        if row.startswith("| ") and not row.startswith("|---")
    ]
    return names, rows


def _cited(cell: str, names: set[str]) -> list[str]:
    """The source short names a Source cell cites (each citation starts with one; unknown ones come back as-is)."""
    found = []
    for part in re.split(r",\s*|;\s*", re.sub(r"\([^)]*\)", "", cell)):
        part = part.strip()
        if part:
            found.append(next((n for n in sorted(names, key=len, reverse=True) if part.startswith(n)), part))
    return found


def test_every_golden_command_is_in_the_reference() -> None:
    """Each line a golden sheet tells the admin to type has its form (and source) in docs/cms-reference.md, and
    every source a row cites is in the sources table."""
    patterns = _reference_patterns()
    assert len(patterns) > 30
    for golden in sorted(GOLDEN.glob("*.txt")):
        for line in golden.read_text().splitlines():
            if line and not line.startswith("#"):
                assert any(p.fullmatch(line) for p in patterns), (golden.name, line)
    names, rows = _reference_tables()
    assert {"TAC 214618", "TAC 217367", "none"} <= names
    column = None
    for row in rows:
        if row[0] in ("Command", "Rule", "Step", "Help rule", "Was"):  # a table's header row: where its sources are
            column = next((row.index(h) for h in ("Source", "Evidence") if h in row), None)
            continue
        if column is None or column >= len(row) or row[column].startswith(("see ", "this page")):
            continue
        for cited in _cited(row[column], names):
            assert cited in names, (row[0], cited)


def _all_page_help() -> dict[str, object]:
    """HELP, plus the help of pages that carry their own (`help_content`), when the GUI can be imported."""
    import importlib
    import pkgutil

    from cmswizard.gui.help import HELP

    found: dict[str, object] = dict(HELP)
    try:
        import cmswizard.gui.pages as pages
    except ImportError:  # a headless install: HELP is all there is to check
        return found
    for module in pkgutil.iter_modules(pages.__path__):
        loaded = importlib.import_module(f"cmswizard.gui.pages.{module.name}")
        for name, value in vars(loaded).items():
            content = getattr(value, "help_content", None) if isinstance(value, type) else None
            if content is not None and value.__module__ == loaded.__name__:
                found[name] = content
    return found


def test_every_help_rule_has_a_reference_row_with_its_source() -> None:
    names, rows = _reference_tables()
    help_rows = {row[0].strip("`"): row[1] for row in rows if len(row) == 2 and row[0].startswith("`")}
    for page, page_help in _all_page_help().items():
        for rule in page_help.rules:
            short = rule.source.split(":")[0]
            assert short in names, (page, rule.anchor, rule.source)
            assert help_rows.get(f"{page}.{rule.anchor}") == short, (page, rule.anchor)


def test_sip_trust_comes_before_the_call_bridge_restart() -> None:
    """TAC 222766: "A Call Bridge restart is required to apply changes to the tls configuration"."""
    _, deployment = cluster_edges_db_v3()
    for node in build_sheet(deployment).nodes:
        texts = [line.render() for line in node.lines]
        if "callbridge restart" in texts:
            restart = texts.index("callbridge restart")
            sip = [i for i, t in enumerate(texts) if "tls sip" in t]
            assert sip and max(sip) < restart, node.node


def test_turn_never_shares_the_web_bridge_port() -> None:
    _, deployment = single_v3()
    assert "turn tls 447" in build_sheet(deployment).text()  # the default beside Web Bridge 3 on 443
    with pytest.raises(CmsInputError, match=r"TURN TLS and the web bridge cannot share it"):
        build_sheet(replace(deployment, listen=Listen(turn_tls_port=443)))
    # on another port the clash is gone
    assert (
        "turn tls 443"
        in build_sheet(replace(deployment, listen=Listen(turn_tls_port=443, webbridge3_port=4443))).text()
    )


def test_cli_refuses_the_turn_clash(cli) -> None:
    refused = cli(
        "deploy",
        "--node",
        "cms1.example.com",
        "--webbridge3",
        "j.key",
        "j.crt",
        "--turn",
        "t.key",
        "t.crt",
        "--turn-tls-port",
        "443",
        "--out",
        "sheet.txt",
    )
    assert refused.code == 2 and "TURN TLS and the web bridge cannot share it" in refused.err
    assert not Path("sheet.txt").exists()


def test_the_scheduler_runs_only_beside_a_call_bridge() -> None:
    services = (
        ServiceFiles(S.CALLBRIDGE, "cb.key", "cb.crt", node="cms1.example.com"),
        ServiceFiles(S.SCHEDULER, "s.key", "s-full.crt", node="cms2.example.com"),
    )
    deployment = Deployment(CmsVersion.V3, Topology.CLUSTER, CORES[:2], services)
    with pytest.raises(CmsInputError, match="runs the Scheduler but no Call Bridge") as caught:
        build_sheet(deployment)
    assert caught.value.where == "cms2.example.com"


@pytest.mark.parametrize("path", ["./cb.key", ".\\cb.key", "C:\\certs\\cb.key", "/home/admin/certs/cb.key"])
def test_paths_become_the_bare_names_the_mmp_knows(path: str) -> None:
    services = (ServiceFiles(S.CALLBRIDGE, path, "certs/cb.crt", "C:\\certs\\ca.crt"),)
    text = build_sheet(Deployment(CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), services)).text()
    assert "callbridge certs cb.key cb.crt ca.crt" in text
    assert "\\" not in text and "/cb" not in text


def test_two_files_with_one_base_name_are_refused(cli) -> None:
    services = (
        ServiceFiles(S.WEBADMIN, "a/cms.key", "a/cms.crt"),
        ServiceFiles(S.CALLBRIDGE, "b/cms.key", "a/cms.crt"),
    )
    with pytest.raises(CmsInputError, match="is the name of two different files") as caught:
        build_sheet(Deployment(CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), services))
    assert caught.value.where == "cms.key"
    same = (ServiceFiles(S.WEBADMIN, "./cms.key", "cms.crt"), ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt"))
    assert build_sheet(Deployment(CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), same))
    refused = cli(
        "deploy",
        "--node",
        "cms1.example.com",
        "--webadmin",
        "a/cms.key",
        "a/cms.crt",
        "--callbridge",
        "b\\cms.key",
        "a/cms.crt",
        "--out",
        "sheet.txt",
    )
    assert refused.code == 2 and "is the name of two different files" in refused.err


def test_callmanager_trust_gets_the_call_bridge_certificate_with_its_chain() -> None:
    """TAC 213820: the Call Bridge certificate and its chain into CallManager-trust, not only the CA bundle."""
    _, deployment = cluster_edges_db_v3()
    elsewhere = build_sheet(deployment).elsewhere_text()
    assert (
        "the Call Bridge certificate with its chain (callbridge.crt + ca-bundle.crt) as CallManager-trust" in elsewhere
    )
    assert "Web Admin has its own certificate (webadmin-cms1.crt, webadmin-cms2.crt, webadmin-cms3.crt)" in elsewhere


def test_database_file_paths_become_bare_names_too() -> None:
    from cmswizard.cms.dbcluster import make_db_cluster

    names = DbFiles("./db/s.key", "C:\\certs\\s.crt", "c.key", "/srv/c.crt", ".\\ca.pem")
    db = make_db_cluster("example.com", "cms1.example.com", files=names, enterprise_ca=True)
    assert db.files.for_server() == ("s.key", "s.crt", "c.key", "c.crt", "ca.pem")
    text = build_sheet(Deployment(CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), db=db)).text()
    assert "database cluster certs s.key s.crt c.key c.crt ca.pem" in text
