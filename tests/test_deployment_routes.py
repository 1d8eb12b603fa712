"""Issue 23: one function builds the `Deployment` (cms.deployment.build_deployment). The same deployment,
given as a plan file, as `deploy`/`renew sheet` options, typed into the wizard's deployment page and (one
service) into the renewal sheet page, gives equal models."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtWidgets import QComboBox

from cmswizard.cli.deployment_options import add_deployment_arguments, deployment_from_args
from cmswizard.cms.dbcluster import make_db_cluster
from cmswizard.cms.plan import read_plan
from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import Deployment, Listen, ServiceFiles, TrustKind
from cmswizard.gui.flows import PageId
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.profiles import TrustContent

from helpers.deploy_page import fill_deploy_page, open_deploy_page, write_case_files

NODES = ("cms1.example.com", "cms2.example.com")

# One Web Admin certificate shared by a cluster, renewed with its own backup name: what all four routes can say.
SHARED_WEBADMIN = Deployment(
    CmsVersion.V3,
    Topology.CLUSTER,
    NODES,
    (ServiceFiles(Service.WEBADMIN, "webadmin-2026.key", "webadmin-2026.crt", "ca-bundle.crt"),),
    backup_name="before-renewal",
)

SHARED_WEBADMIN_PLAN = """
schema = 1
[cms]
version = "3.x"
topology = "cluster"
backup_name = "before-renewal"

[[node]]
name = "cms1.example.com"

[[node]]
name = "cms2.example.com"

[[service]]
service = "webadmin"
key = "webadmin-2026.key"
certificate = "webadmin-2026.crt"
bundle = "ca-bundle.crt"
"""

# Everything the deployment page has a field for: edge servers, a pinned row, the database cluster, SIP
# trust, a port moved off its default, the peer trust files' content and a name of one.
EDGE_SITE = Deployment(
    CmsVersion.V3,
    Topology.EDGE,
    NODES,
    (
        # in the order of the service options' (the CLI reads them service by service)
        ServiceFiles(Service.WEBADMIN, "webadmin.key", "webadmin.crt", "ca-bundle.crt"),
        ServiceFiles(Service.CALLBRIDGE, "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
        ServiceFiles(Service.WEBBRIDGE3, "wb3.key", "wb3-fullchain.crt", None, node="edge1.example.com"),
    ),
    ("edge1.example.com",),
    db=make_db_cluster("example.com", "cms1.example.com", ["cms2.example.com"]),
    trust_content=TrustContent.LEAF,
    trust_names=((TrustKind.WEBBRIDGE3, "trust-edges.crt"),),
    listen=Listen(turn_tls_port=447),
    sip_trust="ca-bundle.crt",
    backup_name="before-2026",
    callbridge_cn="cms.example.com",
)

EDGE_SITE_PLAN = """
schema = 1
[cms]
version = "3.x"
topology = "edge"
sip_trust = "ca-bundle.crt"
callbridge_cn = "cms.example.com"
backup_name = "before-2026"

[listen]
turn_tls_port = 447

[trust]
content = "leaf"
webbridge3 = "trust-edges.crt"

[[node]]
name = "cms1.example.com"
role = "core"

[[node]]
name = "cms2.example.com"
role = "core"

[[node]]
name = "edge1.example.com"
role = "edge"

[database]
domain = "example.com"
primary = "cms1.example.com"
join = ["cms2.example.com"]

[[service]]
service = "webadmin"
key = "webadmin.key"
certificate = "webadmin.crt"
bundle = "ca-bundle.crt"

[[service]]
service = "callbridge"
key = "callbridge.key"
certificate = "callbridge.crt"
bundle = "ca-bundle.crt"

[[service]]
service = "webbridge3"
node = "edge1.example.com"
key = "wb3.key"
certificate = "wb3-fullchain.crt"
"""


def _from_plan(tmp_path: Path, text: str) -> Deployment:
    path = tmp_path / "site.toml"
    path.write_text(text)
    return read_plan(path).deployment()


def _from_cli(command: str, argv: list[str]) -> Deployment:
    parser = argparse.ArgumentParser()
    add_deployment_arguments(parser)
    args = parser.parse_args(argv)
    args.command = command
    deployment, _folder, _names = deployment_from_args(args)
    return deployment


def _wizard(qtbot, folder: Path) -> CmsWizard:
    settings = Settings.at(folder.parent / "settings.ini")
    settings.set("output/folder", str(folder))
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 900)
    wizard.show()
    return wizard


def _from_deploy_page(qtbot, folder: Path, deployment: Deployment) -> Deployment | None:
    wizard = _wizard(qtbot, folder)
    page = open_deploy_page(qtbot, wizard)
    fill_deploy_page(qtbot, page, deployment)
    assert page.sheet is not None, page.message.plain_text()
    return page.sheet_deployment


def _choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))
    assert combo.currentData() == data


def _from_renew_page(qtbot, folder: Path, files: ServiceFiles, nodes: str, backup: str) -> Deployment:
    page = _wizard(qtbot, folder).page_at(PageId.RENEW_SHEET)
    _choose(page.version, CmsVersion.V3.value)
    _choose(page.service, files.service.value)
    for field, text in (
        (page.node, nodes),
        (page.key, files.key),
        (page.certificate, files.certificate),
        (page.bundle, files.bundle or ""),
        (page.backup, backup),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    return page.deployment()


def test_a_shared_certificate_makes_one_model_by_all_four_routes(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    write_case_files(folder, [], SHARED_WEBADMIN)
    webadmin = SHARED_WEBADMIN.services[0]
    routes = {
        "plan file": _from_plan(tmp_path, SHARED_WEBADMIN_PLAN),
        "deploy options": _from_cli(
            "deploy",
            [
                "--node",
                NODES[0],
                "--node",
                NODES[1],
                "--webadmin",
                webadmin.key,
                webadmin.certificate,
                "ca-bundle.crt",
                "--backup-name",
                "before-renewal",
            ],
        ),
        "renew sheet options": _from_cli(
            "renew",
            [
                "--node",
                NODES[0],
                "--node",
                NODES[1],
                "--webadmin",
                webadmin.key,
                webadmin.certificate,
                "ca-bundle.crt",
                "--backup-name",
                "before-renewal",
                "--files-in",
                str(folder),
            ],
        ),
        "deployment page": _from_deploy_page(qtbot, folder, SHARED_WEBADMIN),
        "renewal sheet page": _from_renew_page(
            qtbot, folder, webadmin, "cms1.example.com, cms2.example.com", "before-renewal"
        ),
    }
    assert {name: deployment for name, deployment in routes.items() if deployment != SHARED_WEBADMIN} == {}


def test_a_site_with_every_field_makes_one_model_from_a_plan_the_options_and_the_page(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    write_case_files(folder, ["dbca.crt"], EDGE_SITE)  # the Call Bridge certificate carries the CN the CUCM trunk needs
    routes = {
        "plan file": _from_plan(tmp_path, EDGE_SITE_PLAN),
        "deploy options": _from_cli(
            "deploy",
            [
                *("--topology", "edge", "--node", NODES[0], "--node", NODES[1], "--edge", "edge1.example.com"),
                *("--callbridge", "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
                *("--webbridge3", "wb3.key", "wb3-fullchain.crt", "@edge1.example.com"),
                *("--webadmin", "webadmin.key", "webadmin.crt", "ca-bundle.crt"),
                *("--db-primary", "cms1.example.com", "--db-join", "cms2.example.com"),
                *("--trust-content", "leaf", "--trust-webbridge3", "trust-edges.crt", "--turn-tls-port", "447"),
                *("--sip-trust", "ca-bundle.crt", "--backup-name", "before-2026", "--files-in", str(folder)),
            ],
        ),
        "deployment page": _from_deploy_page(qtbot, folder, EDGE_SITE),
    }
    assert {name: deployment for name, deployment in routes.items() if deployment != EDGE_SITE} == {}


XMPP_PLAN = """
schema = 1
[cms]
version = "2.x"
topology = "single"
xmpp_domain = "chat.example.org"
backup_name = "before-renewal"

[[node]]
name = "cms1.example.com"

[[service]]
service = "xmpp"
key = "xmpp.key"
certificate = "xmpp.crt"
bundle = "ca-bundle.crt"
"""


def test_a_plans_xmpp_domain_reaches_the_renewal_probe_as_the_option_does(tmp_path: Path) -> None:
    """2.x: the XMPP domain clients use is the `to` of the probe's STARTTLS. The plan's (cms.xmpp_domain)
    and `--xmpp-domain` make the same model, and the probe line names it rather than a guess from the
    server's name (example.com)."""
    from cmswizard.cms.renewal import replacement_sheet

    from_plan = _from_plan(tmp_path, XMPP_PLAN)
    from_options = _from_cli(
        "renew",
        [
            *("--version", "2.x", "--node", "cms1.example.com", "--xmpp", "xmpp.key", "xmpp.crt", "ca-bundle.crt"),
            *("--xmpp-domain", "chat.example.org", "--backup-name", "before-renewal"),
        ],
    )
    assert from_plan == from_options
    assert from_plan.xmpp_domain == "chat.example.org"
    assert "--xmpp-domain chat.example.org" in replacement_sheet(from_plan).text()


def test_names_the_builder_refuses_still_count_as_typed_input_to_save_or_lose(qtbot, tmp_path: Path) -> None:
    """A server named twice on the deployment page makes no Deployment, but File → Save plan still says why
    (instead of saving the open plan unchanged) and closing still asks about the typed input."""
    from cmswizard.pki.errors import CmsInputError

    folder = tmp_path / "files"
    folder.mkdir()
    write_case_files(folder, [], SHARED_WEBADMIN)
    page = open_deploy_page(qtbot, _wizard(qtbot, folder))
    fill_deploy_page(qtbot, page, SHARED_WEBADMIN)
    assert page.can_save_plan() and page.plan_to_save() is not None
    qtbot.keyClicks(page.nodes, " cms1.example.com")
    assert page.sheet_deployment is None
    assert page.can_save_plan()
    try:
        page.plan_to_save()
    except CmsInputError as refused:
        assert "cms1.example.com is given twice" in str(refused)
    else:
        raise AssertionError("a server named twice was saved")


def test_a_plan_opened_in_the_wizard_fills_the_page_to_the_plans_own_model(qtbot, tmp_path: Path) -> None:
    """The fifth route: a plan opened in the wizard pre-fills the deployment page, and what the page then
    builds (its fields, plus what it has no field for taken from the plan) is the plan's own Deployment."""
    site = tmp_path / "site"
    site.mkdir()
    write_case_files(site, ["dbca.crt"], EDGE_SITE)
    plan_path = site / "site.toml"
    plan_path.write_text(EDGE_SITE_PLAN.replace('version = "3.x"', 'version = "3.x"\nxmpp_domain = "chat.example.org"'))
    expected = read_plan(plan_path).deployment()
    assert expected.xmpp_domain == "chat.example.org"  # the one value the page has no field for
    wizard = _wizard(qtbot, tmp_path / "elsewhere")
    assert wizard.open_plan(plan_path)
    page = open_deploy_page(qtbot, wizard)
    assert page.sheet is not None, page.message.plain_text()
    assert page.sheet_deployment == expected
