"""A plan opened on the start page fills the deployment page's fields, and what the user then changes there
is what the sheet says (the listen interface, the backup name, the DB file names of an enterprise-CA set):
an opened plan must never silently win over a field the user can see and edit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from cmswizard.cms.dbcluster import DbFiles
from cmswizard.cms.plan import Plan, plan_text
from cmswizard.cms.plan_files import apply_plan
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.cms.sheet import Listen, TrustKind
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.start import StartPage
from cmswizard.pki.ca import issue_certificate
from cmswizard.pki.profiles import Usage

from helpers.factory import hierarchy, issue, new_key
from helpers.journey import choose_flow, click, make_wizard, press_mnemonic

ENTERPRISE_DB = DbFiles("cmsdb-server.key", "cmsdb-server.cer", "cmsdb-client.key", "cmsdb-client.cer", "corp-ca.pem")


def _retype(qtbot, field: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def _sign_everything(site: Path, plan: Plan) -> None:
    """The site as it is once the CA has answered: keys, signed certificates, CA bundle, the DB set."""
    ca = hierarchy(depth=1, prefix="Corp")
    issuer = ca.intermediates[0]
    apply_plan(plan, site)
    for csr_path in site.glob("*-2026.csr"):
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
        signed = issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate
        (site / f"{csr_path.stem}.cer").write_bytes(signed.public_bytes(Encoding.PEM))
    for key, certificate, cn, eku in (
        ("cmsdb-server.key", "cmsdb-server.cer", "cms1.example.com", ExtendedKeyUsageOID.SERVER_AUTH),
        ("cmsdb-client.key", "cmsdb-client.cer", "postgres", ExtendedKeyUsageOID.CLIENT_AUTH),
        ("cmsdb-client.key", "cmsdb-client-2027.cer", "postgres", ExtendedKeyUsageOID.CLIENT_AUTH),
    ):
        leaf = issue(cn, issuer, eku=[eku], key=new_key())
        (site / key).write_bytes(leaf.key_pem)
        (site / certificate).write_bytes(leaf.pem)
    (site / "corp-ca.pem").write_bytes(issuer.pem + ca.root.pem)
    apply_plan(plan, site)


def test_an_opened_plan_fills_the_fields_and_the_fields_make_the_sheet(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3,
            ("cms1.example.com", "cms2.example.com"),
            ("edge1.example.com",),
            "join.example.com",
            database=True,
            today=dt.date(2026, 1, 1),
        )
    )
    assert plan.database is not None
    plan = dataclasses.replace(
        plan,
        listen=Listen(interface="b", c2w_port=9443),
        backup_name="before-2026",
        sip_trust="corp-ca.pem",
        trust_names=((TrustKind.WEBBRIDGE3, "edges.crt"),),
        database=dataclasses.replace(plan.database, files=ENTERPRISE_DB, enterprise_ca=True),
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.toml").write_text(plan_text(plan))
    _sign_everything(site, plan)

    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [site / "site.toml"])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)

    # what the plan chose is on the page, where the user can see and change it
    assert page.db.isChecked() and page.db_enterprise.isChecked()
    assert {name: combo.currentText() for name, combo in page.db_files.items()} == dataclasses.asdict(ENTERPRISE_DB)
    assert page.interface.text() == "b" and page.ports["c2w_port"].value() == 9443
    assert page.backup_name.text() == "before-2026" and page.sip_trust.currentText() == "corp-ca.pem"
    assert page.trust_names[TrustKind.WEBBRIDGE3].text() == "edges.crt"
    assert page.sheet is not None, page.message.plain_text()
    sheet = page.sheet_box.toPlainText()
    assert (
        "database cluster certs cmsdb-server.key cmsdb-server.cer cmsdb-client.key cmsdb-client.cer corp-ca.pem"
        in sheet
    )
    assert "callbridge listen b" in sheet and "webbridge3 c2w listen b:9443" in sheet
    assert "tls sip trust corp-ca.pem" in sheet
    assert "callbridge trust c2w edges.crt" in sheet and "backup snapshot before-2026" in sheet

    # the user renames the client certificate and moves the services to interface c
    _retype(qtbot, page.db_files["client_certificate"].lineEdit(), "cmsdb-client-2027.cer")
    press_mnemonic(qtbot, wizard, page.advanced_button)
    _retype(qtbot, page.interface, "c")
    _retype(qtbot, page.backup_name, "before-2027")
    sheet = page.sheet_box.toPlainText()
    assert (
        "database cluster certs cmsdb-server.key cmsdb-server.cer cmsdb-client.key cmsdb-client-2027.cer corp-ca.pem"
        in sheet
    )
    assert "callbridge listen c" in sheet and "webbridge3 c2w listen c:9443" in sheet
    assert "backup snapshot before-2027" in sheet
    # and turns SIP mutual TLS off (the first entry: none)
    page.sip_trust.setFocus()
    qtbot.keyClick(page.sip_trust, Qt.Key.Key_Home)
    assert "tls sip trust" not in page.sheet_box.toPlainText()
    assert "cmsdb-client.cer" not in sheet and "callbridge listen b" not in sheet and "before-2026" not in sheet


def test_turn_on_the_web_bridge_port_is_refused_on_the_page(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TURN TLS and Web Bridge 3 on one port of one interface cannot both listen: the page says so and
    offers no Next until the port changes (S&R guide 2.0: turn tls 447)."""
    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3, ("cms1.example.com",), ("edge1.example.com",), "join.example.com",
            today=dt.date(2026, 1, 1),
        )
    )  # fmt: skip
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.toml").write_text(plan_text(plan))
    _sign_everything(site, plan)
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [site / "site.toml"])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    assert page.ports["turn_tls_port"].value() == 447 and "turn tls 447" in page.sheet_box.toPlainText()
    spin = page.ports["turn_tls_port"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "443")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    said = page.message.plain_text()
    assert "TURN TLS" in said and "443" in said and "447" in said, said  # the clash, and the port to take
    assert not page.isComplete()
