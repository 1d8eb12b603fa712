"""The wizard's "Check a running server" and "Renew a certificate" flows, driven through the real widgets
against TLS servers on 127.0.0.1 and ::1, in English and Traditional Chinese."""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QWizard

from cmswizard.cms.endpoints import TlsService
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.i18n import translated
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.ca import Usage, issue_certificate
from cmswizard.pki.errors import N_, Text
from cmswizard.pki.loader import load_file

from helpers.factory import NOW, Hierarchy, Issued, hierarchy, issue, new_key
from helpers.journey import (
    activate,
    choose_flow,
    click,
    click_item,
    make_wizard,
    mnemonic_of,
    press_mnemonic,
    press_next,
    type_into,
)
from helpers.tls_servers import python_tls_server, server_context, xmpp_starttls_server

pytestmark = pytest.mark.tls
CN = "cms1.example.com"
YEAR = dt.date.today().year


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    h = hierarchy(depth=1, leaf_cn=CN, rsa_bits=2048)
    h.extra["other-ca"] = issue("Test Issuing CA 2", h.root, ca=True, key=new_key(2048))
    return h


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> CmsWizard:
    return make_wizard(qtbot, tmp_path)


def test_check_a_server_then_renew_its_certificate(
    qtbot, wizard: CmsWizard, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    full = tmp_path / "full.pem"
    full.write_bytes(b"".join(c.pem for c in pki.chain))
    leaf = tmp_path / "leaf-and-root.pem"  # the intermediate left out: a real gap (a missing root alone is normal)
    leaf.write_bytes(pki.leaf.pem + pki.root.pem)
    key = tmp_path / "leaf.key"
    key.write_bytes(pki.leaf.key_pem)
    with (
        python_tls_server("::1", server_context(full, key)) as good,
        python_tls_server("127.0.0.1", server_context(leaf, key)) as leaf_only,
    ):
        choose_flow(qtbot, wizard, FlowKey.PROBE)
        assert wizard.currentId() == PageId.PROBE
        setup = wizard.currentPage()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no server typed yet
        type_into(qtbot, setup.hosts, f"[::1]:{good}, 127.0.0.1:{leaf_only}")
        for service, box in setup.service_boxes.items():  # only Web Admin: host:port is then Web Admin
            if box.isChecked() != (service is TlsService.WEBADMIN):
                click(qtbot, box)
        type_into(qtbot, setup.names, "join.example.com")
        result_page = wizard.page_at(PageId.PROBE_RESULT)
        with qtbot.waitSignal(result_page.finished, timeout=30_000):
            press_next(qtbot, wizard)
        report = wizard.flows.probe.report
        assert report is not None and [r.ok for r in report.results] == [True, False]
        tree = result_page.tree
        assert tree.topLevelItemCount() == 2
        # the endpoint with a problem is listed first, though it was probed second
        assert tree.topLevelItem(0).text(0).startswith(f"✗ 127.0.0.1:{leaf_only}")
        assert tree.topLevelItem(1).text(0).startswith(f"✓ [::1]:{good}")
        shown = [tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())]
        incomplete = translated(next(f.text for f in report.results[1].problems() if f.topic == "chain"))
        assert f"✗ {incomplete}" in shown
        if lang == "zh_TW":
            assert incomplete.startswith("不完整：缺少 Test Issuing CA 1 的憑證")
            assert "有問題" in result_page.summary.text()
        else:
            assert "1 of 2 endpoint(s) have problems" in result_page.summary.text()
        # the calendar of what the servers presented
        ics = tmp_path / "servers.ics"
        monkeypatch.setattr(dialogs, "save_file_name", lambda *args: ics)
        with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
            press_mnemonic(qtbot, wizard, result_page.calendar_button)
        events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
        assert len(events) == 3  # leaf, issuing CA, root: each once though two servers sent the leaf
        press_mnemonic(qtbot, wizard, result_page.copy_button)
        assert QGuiApplication.clipboard().text() == report.text()
        click_item(qtbot, tree, tree.topLevelItem(1))  # renew what [::1] presents
        click(qtbot, result_page.renew_button)
    assert wizard.currentId() == PageId.RENEW_REQUEST
    request = wizard.currentPage()
    assert request.cn.text() == CN
    assert request.basename.text() == f"cms1-{YEAR}"
    assert request.san.text() == f"{CN},join.example.com"
    assert request.old_file.text() == f"[::1]:{good}"
    assert request.key_type.currentData() == "rsa2048"
    type_into(qtbot, request.san, "")
    request.san.end(False)
    qtbot.keyClicks(request.san, ",meet.example.com")
    assert "+ meet.example.com" in request.changes.text()
    assert request.command.toPlainText() == (
        f'pki csr cms1-{YEAR} CN:{CN} O:"Test Org" subjectAltName:{CN},join.example.com,meet.example.com'
    )
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_GENERATE
    generate = wizard.currentPage()
    with qtbot.waitSignal(generate.generated, timeout=60_000):
        press_mnemonic(qtbot, wizard, generate.generate_button)
    csr_path = tmp_path / f"cms1-{YEAR}.csr"
    assert (tmp_path / f"cms1-{YEAR}.key").stat().st_mode & 0o777 == 0o600
    verified = subprocess.run(["openssl", "req", "-in", csr_path, "-verify", "-noout"], capture_output=True, text=True)
    assert "verify OK" in verified.stdout + verified.stderr
    # the CA answers from another intermediate
    other = pki.extra["other-ca"]
    new = issue_certificate(load_file(csr_path).csrs[0], other.key, other.cert, usage=Usage.SERVER_CLIENT).certificate
    new_file = tmp_path / "cms1-new.crt"
    new_file.write_bytes(Issued(new, other.key).pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [new_file])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    comparison = wizard.flows.renew.comparison
    assert comparison is not None and comparison.issuer_changed and comparison.ok
    assert generate.comparison.topLevelItemCount() == len(comparison.rows)
    cucm = translated(comparison.trust_updates[-4])
    assert "CallManager" in cucm and cucm in generate.trust.text()
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_SHEET
    sheet_page = wizard.currentPage()
    assert sheet_page.service.currentData() == "webadmin"  # the probe read it as Web Admin
    assert sheet_page.node.text() == CN
    type_into(qtbot, sheet_page.bundle, "bundle-2026.crt")
    text = sheet_page.sheet.toPlainText()
    commands = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert commands[0] == f"backup snapshot before-renewal-{dt.date.today():%Y%m%d}"
    assert f"webadmin certs cms1-{YEAR}.key cms1-new.crt bundle-2026.crt" in commands
    assert text.rstrip().endswith(f"# cmswizard probe {CN}:443 --service webadmin --expect cms1-new.crt")
    press_mnemonic(qtbot, wizard, sheet_page.copy_button)
    assert QGuiApplication.clipboard().text() == text
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()  # on to Apply on the server
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.APPLY  # the same commands, to type over SSH
    applied = {node.node: [line.text for line in node.lines] for node in wizard.currentPage().nodes()}
    assert f"webadmin certs cms1-{YEAR}.key cms1-new.crt bundle-2026.crt" in applied[CN]
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()


def _type_by_mnemonic(qtbot, wizard: CmsWizard, field: QLineEdit, text: str) -> None:
    """Alt+the letter of the field's label (in the current language), then type: the label leads there."""
    label = next(label for label in wizard.currentPage().findChildren(QLabel) if label.buddy() is field)
    QTest.keyClick(wizard, mnemonic_of(label.text()), Qt.KeyboardModifier.AltModifier)
    assert field.hasFocus(), label.text()
    field.selectAll()
    qtbot.keyClicks(field, text)


def _only(qtbot, setup, service: TlsService) -> None:
    for each, box in setup.service_boxes.items():
        if box.isChecked() != (each is service):
            click(qtbot, box)


def test_probe_sends_the_sni_and_the_xmpp_domain_typed(
    qtbot, wizard: CmsWizard, pki: Hierarchy, tmp_path: Path, lang: str
) -> None:
    full = tmp_path / "full.pem"
    full.write_bytes(b"".join(c.pem for c in pki.chain))
    key = tmp_path / "leaf.key"
    key.write_bytes(pki.leaf.key_pem)
    sent_names: list[str | None] = []
    context = server_context(full, key)
    context.sni_callback = lambda _sock, server_name, _context: sent_names.append(server_name)
    openings: list[bytes] = []
    activate(qtbot, wizard)  # Alt+letter goes to the active window
    with (
        python_tls_server("::1", context) as web_admin,
        xmpp_starttls_server("127.0.0.1", server_context(full, key), "example.com", openings=openings) as xmpp,
    ):
        choose_flow(qtbot, wizard, FlowKey.PROBE)
        setup = wizard.currentPage()
        result_page = wizard.page_at(PageId.PROBE_RESULT)
        # By address, the name sent is the one typed as SNI (with no name users type, none would be sent).
        type_into(qtbot, setup.hosts, f"[::1]:{web_admin}")
        _only(qtbot, setup, TlsService.WEBADMIN)
        _type_by_mnemonic(qtbot, wizard, setup.sni, CN)
        with qtbot.waitSignal(result_page.finished, timeout=30_000):
            press_next(qtbot, wizard)
        assert sent_names == [CN]
        assert wizard.flows.probe.report is not None and wizard.flows.probe.report.results[0].ok
        # The XMPP stream asks for the domain typed, then the handshake sends the SNI.
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
        assert wizard.currentId() == PageId.PROBE
        setup.hosts.selectAll()
        qtbot.keyClicks(setup.hosts, f"127.0.0.1:{xmpp}")
        _only(qtbot, setup, TlsService.XMPP)
        _type_by_mnemonic(qtbot, wizard, setup.xmpp_domain, "example.com")
        with qtbot.waitSignal(result_page.finished, timeout=30_000):
            press_next(qtbot, wizard)
        assert len(openings) == 1 and b"to='example.com'" in openings[0], openings
        report = wizard.flows.probe.report
        assert report is not None and report.results[0].target.xmpp_domain == "example.com"
        assert report.results[0].chain, [translated(f.text) for f in report.results[0].findings]
        # A typo is one line naming the field, and nothing is probed.
        click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
        _type_by_mnemonic(qtbot, wizard, setup.xmpp_domain, "example com")
        press_next(qtbot, wizard)
        assert wizard.currentId() == PageId.PROBE and len(openings) == 1
        assert setup.message.text().startswith("✗ " + translated("XMPP domain")), setup.message.text()


def test_renew_key_type_shows_rsa_2048_then_the_chosen_certificates_type(
    qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    old = tmp_path / "callbridge.crt"
    old.write_bytes(hierarchy(depth=1, leaf_cn=CN).leaf.pem)  # an ECDSA P-256 key
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.RENEW_REQUEST
    assert page.key_type.currentText() == "RSA 2048"  # before a certificate is chosen: never blank
    assert page.key_type.count() == 5
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.choose_button)
    assert page.key_type.currentText() == "ECDSA P-256"
    assert [page.key_type.itemData(i) for i in range(page.key_type.count())] == ["ec256", "rsa3072", "rsa4096", "ec384"]
    # Starting the flow again from the start page: the default again, not an empty box.
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    assert wizard.currentPage() is page and page.old_file.text() == ""
    assert page.key_type.currentText() == "RSA 2048"


def test_renew_from_a_file_refuses_the_live_name_and_a_weaker_key(
    qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    h = hierarchy(depth=1, leaf_cn=CN, rsa_bits=3072)
    old = tmp_path / "webadmin-2025.crt"
    old.write_bytes(h.leaf.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.RENEW_REQUEST
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.choose_button)
    assert page.live_basename.text() == "webadmin-2025"
    assert page.basename.text() == f"webadmin-{YEAR}"
    assert [page.key_type.itemData(i) for i in range(page.key_type.count())] == ["rsa3072", "rsa4096", "ec256", "ec384"]
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_into(qtbot, page.basename, "")
    page.basename.selectAll()
    qtbot.keyClicks(page.basename, "webadmin-2025")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    expected = translated(
        "is the name of the live key: pki csr would overwrite it and break the service; use a new name"
    )
    assert expected in page.problems.plain_text()
    if lang == "zh_TW":
        assert "使用中金鑰" in page.problems.plain_text()


def test_check_flow_saves_the_expiry_calendar(
    qtbot, wizard: CmsWizard, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    bundle = tmp_path / "cms1-fullchain.crt"
    bundle.write_bytes(b"".join(c.pem for c in pki.chain))
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [bundle])
    ics = tmp_path / "check.ics"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args: ics)
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.currentPage()
    assert not page.calendar_button.isEnabled()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        click(qtbot, page.add_button)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.calendar_button)
    events = list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert sorted(str(e["SUMMARY"]).split(":")[1].split(" /")[0].strip() for e in events) == sorted(
        [CN, "Test Issuing CA 1", "Test Root CA"]
    )
    assert ics.name in page.calendar_saved.text()


def test_renewing_a_certificate_whose_name_cms_refuses_takes_the_fixed_name(
    qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """An old certificate with a CN pki csr refuses ("CMS Web Admin"), or a live key name typed as a
    file name: the request made from it does not check, and fixing the fields must not crash the page."""
    h = hierarchy(depth=1, leaf_cn="CMS Web Admin", rsa_bits=2048)
    old = tmp_path / "webadmin-2025.crt"
    old.write_bytes(h.leaf.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    page = wizard.currentPage()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        click(qtbot, page.choose_button)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # "CMS Web Admin" is no host name
    type_into(qtbot, page.cn, "")
    page.cn.selectAll()
    qtbot.keyClicks(page.cn, CN)
    type_into(qtbot, page.san, "")
    page.san.selectAll()
    qtbot.keyClicks(page.san, CN)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled(), page.problems.plain_text()
    assert f"pki csr webadmin-{YEAR} CN:{CN}" in page.command.toPlainText()
    assert "CMS Web Admin" in page.changes.text() and CN in page.changes.text()
    # The live key typed as its file name: the proposed name is refused until it is fixed, with no crash.
    type_into(qtbot, page.live_basename, "")
    page.live_basename.selectAll()
    qtbot.keyClicks(page.live_basename, "webadmin.example.com")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.basename.selectAll()
    qtbot.keyClicks(page.basename, f"webadmin-{YEAR}")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled(), page.problems.plain_text()


def test_a_ca_answer_for_another_key_or_without_a_requested_name_is_named(
    qtbot, wizard: CmsWizard, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The old certificate cannot tell: the answer is checked against the request made on this page."""
    old = tmp_path / "cms1.crt"
    old.write_bytes(pki.leaf.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    page = wizard.currentPage()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.choose_button)
    qtbot.keyClicks(page.san, ",meet.example.com")
    press_next(qtbot, wizard)
    generate = wizard.currentPage()
    with qtbot.waitSignal(generate.generated, timeout=60_000):
        press_mnemonic(qtbot, wizard, generate.generate_button)
    stranger = issue(CN, pki.extra["other-ca"], san=[CN, "join.example.com"])  # another key; meet.example.com left out
    new_file = tmp_path / "cms1-new.crt"
    new_file.write_bytes(stranger.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [new_file])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    shown = html.unescape(generate.compare_summary.text())
    wrong_key = Text(
        N_(
            "{file} is not for the key made with this request: it answers another CSR, and the service "
            "would refuse the pair; send this CSR to the CA again"
        ),
        file="cms1-new.crt",
    )
    lost = Text(
        N_("{file} lacks names this request asked for: {names}; clients typing them will fail"),
        file="cms1-new.crt",
        names="meet.example.com",
    )
    assert f"✗ {translated(wrong_key)}" in shown and f"✗ {translated(lost)}" in shown
    if lang == "zh_TW":
        assert translated(wrong_key) != str(wrong_key) and translated(lost) != str(lost)
    rows = [generate.comparison.topLevelItem(i) for i in range(generate.comparison.topLevelItemCount())]
    (validity,) = [row for row in rows if row.text(0) == translated(N_("Validity"))]
    days = (stranger.cert.not_valid_after_utc - stranger.cert.not_valid_before_utc).days
    assert validity.text(2).endswith(f"（{days} 天）" if lang == "zh_TW" else f"({days} days)")
    # A certificate for another key can only be replaced: Next stays grey, the page says how to go on.
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    go_on = {
        "en": "Open the certificate your CA issued for this request to go on.",
        "zh_TW": "請開啟 CA 為這份請求簽發的憑證",
    }
    assert go_on[lang] in shown
    csr = load_file(tmp_path / f"cms1-{YEAR}.csr").csrs[0]
    issuer = pki.extra["other-ca"]
    answer = issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate
    new_file.write_bytes(Issued(answer, issuer.key).pem)
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    assert next_button.isEnabled()
    press_next(qtbot, wizard)
    sheet_page = wizard.currentPage()
    assert wizard.currentId() == PageId.RENEW_SHEET
    assert sheet_page.node.text() == CN  # from a file: the CN it was made for, not an empty red field
    # "cms1.crt" names no service: nothing is chosen for the user, the page asks (issue 29 Medium 7)
    assert sheet_page.service.currentIndex() == -1 and sheet_page.sheet.toPlainText() == ""
    assert not sheet_page.copy_button.isEnabled() and sheet_page.message.plain_text()
    qtbot.mouseClick(sheet_page.service, Qt.MouseButton.LeftButton)
    qtbot.keyClick(sheet_page.service.view(), Qt.Key.Key_Escape)
    qtbot.keyClick(sheet_page.service, Qt.Key.Key_Home)  # the first service, chosen with the keyboard
    assert sheet_page.service.currentIndex() == 0
    assert sheet_page.sheet.toPlainText().count("backup snapshot before-renewal-") == 1


def test_a_certificate_to_renew_soon_is_marked_at_a_glance(
    qtbot, wizard: CmsWizard, pki: Hierarchy, tmp_path: Path, lang: str
) -> None:
    soon = issue(CN, pki.intermediates[0], san=[CN], end=NOW + dt.timedelta(days=10))
    chain = tmp_path / "soon.pem"
    chain.write_bytes(soon.pem + b"".join(c.pem for c in pki.chain[1:]))
    key = tmp_path / "soon.key"
    key.write_bytes(soon.key_pem)
    with python_tls_server("127.0.0.1", server_context(chain, key)) as port:
        choose_flow(qtbot, wizard, FlowKey.PROBE)
        setup = wizard.currentPage()
        type_into(qtbot, setup.hosts, f"127.0.0.1:{port}")
        for service, box in setup.service_boxes.items():
            if box.isChecked() != (service is TlsService.WEBADMIN):
                click(qtbot, box)
        type_into(qtbot, setup.names, CN)
        result_page = wizard.page_at(PageId.PROBE_RESULT)
        with qtbot.waitSignal(result_page.finished, timeout=30_000):
            press_next(qtbot, wizard)
    report = wizard.flows.probe.report
    assert report is not None and report.ok  # no problem, but a warning: renew it now
    assert result_page.tree.topLevelItem(0).text(0).startswith(f"! 127.0.0.1:{port}")
    summary = html.unescape(result_page.summary.text())
    assert (
        "沒有問題，但 1 個端點中有 1 個需要注意" if lang == "zh_TW" else "! No problems, but 1 of 1 endpoint(s)"
    ) in summary


def test_an_opened_plan_probes_every_endpoint_it_runs(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a plan open, the check starts from its servers and every TLS service it runs on the plan's ports:
    C2W, TURN and the database included (a core without a web bridge has Web Admin on 443)."""
    from cmswizard.cms.plan import plan_text
    from cmswizard.cms.plan_making import PlanAnswers, new_plan
    from cmswizard.cms.services import CmsVersion
    from cmswizard.gui.pages.start import StartPage

    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3, ("cms1.example.com", "cms2.example.com"), ("edge1.example.com",), "join.example.com",
            database=True, today=dt.date(2026, 1, 1),
        )
    )  # fmt: skip
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.toml").write_text(plan_text(plan))
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [site / "site.toml"])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.PROBE)
    setup = wizard.currentPage()
    assert setup.hosts.text() == "cms1.example.com cms2.example.com edge1.example.com"
    checked = {service for service, box in setup.service_boxes.items() if box.isChecked()}
    assert {TlsService.C2W, TlsService.TURN, TlsService.DATABASE, TlsService.WEBBRIDGE3} <= checked
    assert setup.ports[TlsService.TURN].value() == 447
    assert setup.ports[TlsService.DATABASE].value() == 5432
    assert setup.ports[TlsService.C2W].value() == plan.listen.c2w_port
