"""The *Apply on the server* page, driven as a person does against the simulated MMP, in English and
Traditional Chinese: the deployment sheet, Next past the upload, then Apply: confirm the node's changes and
each restart with the real buttons, watch the live transcript; then a FAILURE, and Put back."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from cmswizard.gui.flows import PageId
from cmswizard.gui.pages.apply import ApplyPage
from cmswizard.gui.pages.deploy import DeploySheetPage

from helpers.factory import hierarchy, issue
from helpers.journey import click, make_wizard, press_next, type_into
from helpers.mmp_sim import MmpSimulator, running_mmp

NODE = "cms1.example.com"


@pytest.fixture
def simulator() -> Iterator[MmpSimulator]:
    with running_mmp(NODE) as sim:
        yield sim


def _files(folder: Path, store: Path) -> None:
    """New files in the admin's folder (and on the node, as after the upload); the node runs old ones."""
    folder.mkdir(parents=True, exist_ok=True)
    ca = hierarchy(depth=1)
    bundle = ca.intermediates[0].pem + ca.root.pem
    new, old = ca.leaf, issue(NODE, ca.intermediates[0], san=[NODE])
    for place in (folder, store):
        (place / "callbridge-2026.key").write_bytes(new.key_pem)
        (place / "callbridge-2026.crt").write_bytes(new.pem)
        (place / "callbridge-2026-bundle.crt").write_bytes(bundle)
        (place / "webbridge3-2026.key").write_bytes(new.key_pem)
        (place / "webbridge3-2026-fullchain.crt").write_bytes(new.pem + bundle)
    (store / "old.key").write_bytes(old.key_pem)
    (store / "old.crt").write_bytes(old.pem)
    (store / "old-fullchain.crt").write_bytes(old.pem + bundle)
    (store / "old-bundle.crt").write_bytes(bundle)


def _running_old(simulator: MmpSimulator) -> None:
    node = simulator[NODE].node
    for item, value in {
        ("callbridge", "listen"): "a",
        ("callbridge", "certs.key"): "old.key",
        ("callbridge", "certs.cert"): "old.crt",
        ("callbridge", "certs.bundle"): "old-bundle.crt",
        ("callbridge", "trust c2w"): "old-bundle.crt",
        ("webbridge3", "https listen"): "a:443",
        ("webbridge3", "https certs.key"): "old.key",
        ("webbridge3", "https certs.cert"): "old-fullchain.crt",
        ("webbridge3", "c2w listen"): "a:6000",
        ("webbridge3", "c2w certs.key"): "old.key",
        ("webbridge3", "c2w certs.cert"): "old-fullchain.crt",
        ("webbridge3", "c2w trust"): "old-bundle.crt",
    }.items():
        node.configure(*item, value)


def _to_apply_page(
    qtbot, tmp_path: Path, simulator: MmpSimulator, *, sip_trust: bool = False, plan: object = None
) -> tuple[object, ApplyPage]:
    folder = tmp_path / "made"
    _files(folder, simulator[NODE].node.store)
    _running_old(simulator)
    wizard = make_wizard(qtbot, folder)
    wizard.settings.set("ssh/known_hosts", str(simulator.write_known_hosts()))
    wizard.start_flow("deploy")
    sheet = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    type_into(qtbot, sheet.nodes, NODE)
    if sip_trust:  # the CA bundle the folder holds, chosen as the SIP TLS trust
        sheet.sip_trust.setCurrentIndex(1)
        assert "tls sip trust" in sheet.sheet_box.toPlainText()
    assert "callbridge restart" in sheet.sheet_box.toPlainText()
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.UPLOAD
    for item in wizard.flows.deploy.export_extra:  # the peer trust files, as the upload page would send them
        (simulator[NODE].node.store / item.name).write_bytes(item.data)
    assert wizard.flows.deploy.export_extra
    if plan is not None:  # as if the plan file were open (its folder holds the files)
        wizard.flows.plan, wizard.flows.plan_path = plan, folder / "site.toml"
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.APPLY
    page = wizard.page_as(PageId.APPLY, ApplyPage)
    server = simulator[NODE]
    for column, value in ((page.ADDRESS, "127.0.0.1"), (page.PORT, str(server.port))):
        field = page.cell_edit(NODE, column)
        field.clear()
        type_into(qtbot, field, value)
    type_into(qtbot, page.password, server.password)
    return wizard, page


def _answer_yes(qtbot, page: ApplyPage, asked: list[str]) -> None:
    def clicked(kind: str) -> None:
        asked.append(kind)
        QTimer.singleShot(0, lambda: click(qtbot, page.yes_button))

    page.question_asked.connect(clicked)


def tr(text: str) -> str:
    return QCoreApplication.translate("ApplyPage", text)


def test_apply_confirm_restart_and_put_back(qtbot, tmp_path: Path, simulator: MmpSimulator, lang: str) -> None:
    wizard, page = _to_apply_page(qtbot, tmp_path, simulator)
    sim = simulator[NODE].node
    asked: list[str] = []
    _answer_yes(qtbot, page, asked)
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.apply_button)
    assert asked[0] == "changes" and asked.count("restart") == 2, asked  # callbridge, webbridge3
    assert page.result_text(NODE) == tr("done"), page.message
    assert sim.pending() == [] and sim.in_use("callbridge", "certs.cert") == "callbridge-2026.crt"
    assert "webbridge3 restart" in sim.received  # it was running: enable would not have applied the files
    shown = page.transcript.toPlainText()
    assert "callbridge restart" in shown and server_password(simulator) not in shown
    assert page.saved_transcript is not None and page.saved_transcript.is_file()
    after = page.transcript.toPlainText().splitlines()  # the probe of each changed port, after the run
    assert any(line.startswith(NODE) and "callbridge" in line and "5061" in line for line in after), after[-5:]
    assert page.cell_edit(NODE, page.FINGERPRINT).text().startswith("SHA256:")
    assert not page.put_back_button.isEnabled()

    # the next run fails half-way: Stop is offered by the result, Put back restores the recorded files
    _running_old(simulator)
    sim.fail_once.add("webbridge3 https certs")
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.apply_button)
    assert page.result_text(NODE) == tr("STOPPED")
    assert page.put_back_button.isEnabled()
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.put_back_button)
    assert sim.in_use("callbridge", "certs.cert") == "old.crt" and sim.pending() == []
    wizard.close()


def test_unconfirmed_steps_are_left_for_the_person(
    qtbot, tmp_path: Path, simulator: MmpSimulator, lang: str
) -> None:
    """SIP TLS trust chosen: its `tls sip` lines are UNCONFIRMED on the sheet, so the runner never types them,
    and the page says which the person must check and type rather than a plain "done"."""
    wizard, page = _to_apply_page(qtbot, tmp_path, simulator, sip_trust=True)
    sim = simulator[NODE].node
    _answer_yes(qtbot, page, [])
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.apply_button)
    assert page.result_text(NODE) == tr("done, but for the UNCONFIRMED steps below")
    assert not any(line.startswith("tls sip") for line in sim.received), sim.received
    said = page.message.text()
    assert "tls sip trust" in said, said
    # then the restart that puts them to work (the runner's own ran before them)
    assert said.index("callbridge restart") > said.index("tls sip verify enable"), said
    wizard.close()


def test_stop_answers_no_and_sends_nothing_more(qtbot, tmp_path: Path, simulator: MmpSimulator, lang: str) -> None:
    wizard, page = _to_apply_page(qtbot, tmp_path, simulator)
    sim = simulator[NODE].node

    def stop(kind: str) -> None:
        QTimer.singleShot(0, lambda: click(qtbot, page.stop_button))

    page.question_asked.connect(stop)
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.apply_button)
    assert page.result_text(NODE) == tr("not applied: you said no")
    assert set(sim.received) <= {"pki list", "callbridge", "webbridge3"}
    wizard.close()


def server_password(simulator: MmpSimulator) -> str:
    return simulator[NODE].password


def test_page_is_in_the_deploy_flow_after_the_upload() -> None:
    assert shutil.which("true") is not None  # trivial guard: the module imports without a display
    from cmswizard.gui.pages.upload import UploadPage

    assert UploadPage.next_page is PageId.APPLY and ApplyPage.next_page is PageId.EXPORT


@pytest.mark.parametrize("renewal", [False, True], ids=["set-up", "renewal"])
def test_database_cluster_flow_ends_with_apply(qtbot, tmp_path: Path, lang: str, renewal: bool) -> None:
    from PySide6.QtWidgets import QWizard

    from cmswizard.gui.flows import FlowKey
    from cmswizard.gui.pages.dbcluster import DbClusterPage

    from helpers.journey import choose_flow, forward_button

    with running_mmp("cmscore1.example.com", "cmscore2.example.com") as simulator:
        wizard = make_wizard(qtbot, tmp_path / "out")
        wizard.settings.set("ssh/known_hosts", str(simulator.write_known_hosts()))
        choose_flow(qtbot, wizard, FlowKey.DBCLUSTER)
        page = wizard.page_as(PageId.DB_CLUSTER, DbClusterPage)
        type_into(qtbot, page.domain, "tplab.local")
        type_into(qtbot, page.primary, "cmscore1.example.com")
        type_into(qtbot, page.joining, "cmscore2.example.com")
        if renewal:
            click(qtbot, page.renewal)
        folder = Path(page.folder.text())
        with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
            click(qtbot, forward_button(wizard))
        for server in simulator.servers.values():  # the copy step the sheet asks for
            for name in ("dbserver.key", "dbserver.crt", "dbclient.key", "dbclient.crt", "dbca.crt"):
                shutil.copy(folder / name, server.node.store / name)
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        assert wizard.currentId() == PageId.APPLY
        apply = wizard.page_as(PageId.APPLY, ApplyPage)
        for name, server in simulator.servers.items():
            for column, value in ((apply.ADDRESS, "127.0.0.1"), (apply.PORT, str(server.port))):
                field = apply.cell_edit(name, column)
                field.clear()
                type_into(qtbot, field, value)
        type_into(qtbot, apply.password, server_password_of(simulator))
        asked: list[str] = []
        _answer_yes(qtbot, apply, asked)
        with qtbot.waitSignal(apply.run_finished, timeout=60_000):
            click(qtbot, apply.apply_button)
        if renewal:  # `database cluster remove` asks for a capital Y: never sent, the person types it
            assert asked == []
            assert apply.result_text("cmscore1.example.com") == tr("not applied: type it yourself")
            first = simulator["cmscore1.example.com"].node
            # only what reads (the runner reads the database status before any change, 9ba9550)
            assert first.prompting_received == [] and first.received == ["pki list", "database cluster status"]
            assert simulator["cmscore2.example.com"].node.received == []  # the run stopped at the first node
            wizard.close()
            return
        assert asked == ["changes", "changes"]
        assert simulator["cmscore1.example.com"].node.db.role == "primary"
        assert simulator["cmscore2.example.com"].node.db.role == "replica"
        assert apply.result_text("cmscore2.example.com") == tr("done")
        assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()  # the flow ends here
        wizard.close()


def server_password_of(simulator: MmpSimulator) -> str:
    return next(iter(simulator.servers.values())).password


def test_restarts_wait_while_calls_are_active(qtbot, tmp_path: Path, simulator: MmpSimulator, lang: str) -> None:
    from helpers.mmp_api_server import running_api

    wizard, page = _to_apply_page(qtbot, tmp_path, simulator)
    address = page.cell_edit(NODE, page.ADDRESS)
    address.clear()
    type_into(qtbot, address, "localhost")  # the name the API's certificate is for
    with running_api(hierarchy(depth=1, prefix="Api"), legs=3) as api:
        type_into(qtbot, page.api_user, "apiuser")
        type_into(qtbot, page.api_password, "api-secret")
        assert page.api_port.text() == ""  # empty: the Web Admin port of the node's lines, else 443
        assert [target.api.port for _node, target in page._targets()] == [443]  # these lines set none
        type_into(qtbot, page.api_port, str(api.port))
        type_into(qtbot, page.api_ca, str(api.root_file))
        asked: list[str] = []
        _answer_yes(qtbot, page, asked)
        with qtbot.waitSignal(page.run_finished, timeout=60_000):
            click(qtbot, page.apply_button)
    assert "restart" not in asked  # deferred by the API's answer before anyone is asked
    assert page.result_text(NODE) == tr("changes made; restarts still to do")
    assert api.seen and api.seen[0][0] == "/api/v1/system/status"
    sim = simulator[NODE].node
    assert sim.in_use("callbridge", "certs.cert") == "old.crt"  # still the old one: nothing restarted
    assert "api-secret" not in page.transcript.toPlainText()
    wizard.close()


def test_the_plans_apply_section_fills_the_fields(qtbot, tmp_path: Path, simulator: MmpSimulator, lang: str) -> None:
    """An open plan's `[apply]` fills the window, the API user, port, limit and CA; its API password is read
    from the 0600 file the plan names when Apply is clicked (never shown, never in the transcript)."""
    from cmswizard.cms.apply_settings import ApplySettings
    from cmswizard.cms.plan import Plan, PlanNode
    from cmswizard.cms.services import CmsVersion, Topology

    from helpers.mmp_api_server import running_api

    with running_api(hierarchy(depth=1, prefix="Api"), legs=3) as api:
        shutil.copy(api.root_file, tmp_path / "api-ca.pem")
        settings = ApplySettings("00:00-00:00", 5, "apiuser", "api.pw", api.port, "api-ca.pem")
        plan = Plan(CmsVersion.V3, Topology.SINGLE, (PlanNode(NODE),), apply=settings)
        folder = tmp_path / "made"
        folder.mkdir()
        (folder / "api.pw").write_text("api-secret\n")
        (folder / "api.pw").chmod(0o600)
        shutil.move(tmp_path / "api-ca.pem", folder / "api-ca.pem")
        wizard, page = _to_apply_page(qtbot, tmp_path, simulator, plan=plan)
        assert page.restart_window.text() == "00:00-00:00" and page.api_user.text() == "apiuser"
        assert page.api_port.text() == str(api.port) and page.call_limit.value() == 5
        assert page.api_ca.text() == str(folder / "api-ca.pem") and page.api_password.text() == ""
        address = page.cell_edit(NODE, page.ADDRESS)
        address.clear()
        type_into(qtbot, address, "localhost")  # the name the API's certificate is for
        asked: list[str] = []
        _answer_yes(qtbot, page, asked)
        with qtbot.waitSignal(page.run_finished, timeout=60_000):
            click(qtbot, page.apply_button)
    assert "restart" not in asked  # inside the plan's window (all day), under the plan's limit (3 <= 5)
    assert api.seen and api.seen[0][0] == "/api/v1/system/status"
    assert page.result_text(NODE) == tr("done"), page.transcript.toPlainText()[-2000:]
    assert simulator[NODE].node.in_use("callbridge", "certs.cert") == "callbridge-2026.crt"
    assert "api-secret" not in page.transcript.toPlainText()
    wizard.close()
