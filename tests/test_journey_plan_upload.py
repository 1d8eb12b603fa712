"""Plan files, the upload page and PKCS#12 in the wizard, driven as a person does, in English and
Traditional Chinese: open a plan on the start page, see the deployment page pre-filled, save the plan,
`plan apply` it twice (the second run writes nothing, the sheet is byte-identical to the wizard's),
then upload a node's files to a real OpenSSH server on 127.0.0.1 (first a wrong password)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard

from cmswizard.cms.plan import plan_text, read_plan
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.i18n import translated
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.start import StartPage
from cmswizard.gui.pages.upload import UploadPage
from cmswizard.pki.spec import KeyType
from cmswizard.remote.sftp import Outcome

from helpers.factory import Hierarchy, hierarchy
from helpers.journey import activate, click, make_wizard, openssl, press_mnemonic, press_next, type_into
from helpers.site import example_site
from helpers.sshd import SshServer, running_sshd, sshd_missing_reason


@pytest.fixture(scope="module")
def ca() -> Hierarchy:
    return hierarchy(depth=1, prefix="Example", rsa_bits=2048)


@pytest.fixture
def sshd() -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        pytest.skip(reason)
    with running_sshd() as server:
        yield server


def _open_plan(qtbot, wizard, monkeypatch, path: Path) -> StartPage:
    start = wizard.page_as(PageId.START, StartPage)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [path])
    click(qtbot, start.open_plan_button)
    return start


def _choose_deploy(qtbot, wizard) -> DeploySheetPage:
    from helpers.journey import choose_flow

    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    return wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)


@pytest.mark.sshd
def test_plan_round_trip_and_upload_journey(
    qtbot, lang: str, ca: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli, sshd: SshServer
) -> None:
    site = tmp_path / "site"
    plan_path = example_site(site, ca)
    engine_sheet = (site / "cms-commands.txt").read_bytes()
    wizard = make_wizard(qtbot, tmp_path / "out")
    known_hosts = tmp_path / "known_hosts"
    wizard.settings.set("ssh/known_hosts", str(known_hosts))

    # Open the plan on the start page: every flow starts from it.
    start = _open_plan(qtbot, wizard, monkeypatch, plan_path)
    assert "site.toml" in start.plan_note.text() and "3" in start.plan_note.text()
    assert start.recent.currentData() == str(plan_path.resolve())
    page = _choose_deploy(qtbot, wizard)
    assert page.nodes.text() == "cms1.example.com cms2.example.com"
    assert page.edges.text() == "edge1.example.com" and page.edge.isChecked()
    assert page.folder.text() == str(site) and page.db.isChecked()
    assert page.table.rowCount() == 5
    assert page.sheet is not None
    assert page.sheet.text().encode() == engine_sheet  # the wizard's sheet is the engine's, byte for byte
    # the admin picks the interface language for the sheet's explanations; the plan remembers that choice
    page.sheet_language.setFocus()
    while page.sheet_language.currentData() != lang:
        qtbot.keyClick(page.sheet_language, Qt.Key.Key_Down)

    # Save the plan from the wizard (by click), and the sheet (by Alt+S).
    saved = site / "saved-plan.toml"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: saved)
    click(qtbot, page.save_plan_button)
    assert read_plan(saved).deployment() == read_plan(plan_path).deployment()
    press_mnemonic(qtbot, wizard, page.save_button)
    wizard_sheet = (site / "cms-commands.txt").read_bytes()
    assert (wizard_sheet == engine_sheet) is (lang == "en")
    assert read_plan(saved).sheet_language == lang

    # `plan apply` the saved plan twice in a copy of the folder without the sheet: the second run writes nothing.
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    (copy / "cms-commands.txt").unlink()
    first = cli("plan", "apply", str(saved), "--dir", str(copy))
    assert first.code == 0, first.out + first.err
    assert [line.split()[1] for line in first.out.splitlines() if line.startswith("made  ")] == ["cms-commands.txt"]
    assert (copy / "cms-commands.txt").read_bytes() == wizard_sheet
    second = cli("plan", "apply", str(saved), "--dir", str(copy))
    assert "nothing was written" in second.out

    # On to the upload page: only cms1, pointed at the loopback SSH server.
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.UPLOAD
    upload = wizard.page_as(PageId.UPLOAD, UploadPage)
    for node in ("cms2.example.com", "edge1.example.com"):
        click(qtbot, upload.send_box(node))
        assert not upload.send_box(node).isChecked()
    for column, value in ((upload.ADDRESS, "127.0.0.1"), (upload.PORT, str(sshd.port)), (upload.USER, sshd.user)):
        field = upload.cell_edit("cms1.example.com", column)
        field.selectAll()
        type_into(qtbot, field, value)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, value)
        assert field.text() == value
    asked: list[str] = []

    def trust(_parent, node: str, key_type: str, fingerprint: str) -> bool:
        asked.append(fingerprint)
        return True

    monkeypatch.setattr(dialogs, "confirm_host_key", trust)
    type_into(qtbot, upload.password, "not the password")
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        click(qtbot, upload.upload_button)
    assert asked == [sshd.host_fingerprint()]  # shown and asked before anything was sent
    assert upload.cell_edit("cms1.example.com", upload.FINGERPRINT).text() == sshd.host_fingerprint()
    lines = upload.result_lines("cms1.example.com")
    assert len(lines) == 12 and all(line.endswith(translated(Outcome.LOGIN_REFUSED.label)) for line in lines)
    assert os.listdir(sshd.upload_dir) == []

    upload.password.clear()
    type_into(qtbot, upload.password, sshd.password)
    from cmswizard.remote import sftp

    given: list[str] = []
    real_upload = sftp.upload_files

    def recording(*args, trust, **kwargs):
        given.append(trust.fingerprint)
        return real_upload(*args, trust=trust, **kwargs)

    monkeypatch.setattr(sftp, "upload_files", recording)
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        press_mnemonic(qtbot, wizard, upload.upload_button)
    # The fingerprint the wizard filled in after the accept is not one "given": known_hosts holds it, so a
    # later mismatch names that file, never "not the fingerprint you gave" (issue 29 Low)
    assert given == [""]
    lines = upload.result_lines("cms1.example.com")
    assert len(lines) == 12 and all(line.endswith(translated(Outcome.VERIFIED.label)) for line in lines), lines
    result = upload.result_text("cms1.example.com")  # the count, not the user@host the row already shows
    assert "12" in result and sshd.user not in result and not result.startswith(("：", ":")), result
    for name in os.listdir(sshd.upload_dir):
        assert (sshd.upload_dir / name).read_bytes() == (site / name).read_bytes()
    top = upload.results.topLevelItem(0)
    assert top is not None
    for index in range(top.childCount()):
        row = top.child(index)
        assert row is not None and row.toolTip(2) == row.text(2) and row.toolTip(1) == row.text(1)
        # each file name fits its column: 'webadmin-cms1-…' cut to 'webad…' would look like its neighbours
        needed = upload.results.fontMetrics().horizontalAdvance(row.text(0)) + upload.results.indentation()
        assert upload.results.columnWidth(0) >= needed, row.text(0)
    assert "callbridge certs callbridge-2026.key" in upload.node_sheet.toPlainText()

    # Upload again: every file is already there byte for byte; nothing is sent, and all is well.
    all_verified = QCoreApplication.translate("UploadPage", "all verified")
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        press_mnemonic(qtbot, wizard, upload.upload_button)
    lines = upload.result_lines("cms1.example.com")
    assert len(lines) == 12 and all(line.endswith(translated(Outcome.IDENTICAL.label)) for line in lines), lines
    assert upload.results.topLevelItem(0).text(1) == all_verified
    # A different file of the same name on the MMP is left as it is until replacing is chosen.
    held = sshd.upload_dir / "callbridge-2026.crt"
    held.write_bytes(b"the certificate the Call Bridge uses now\n")
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        press_mnemonic(qtbot, wizard, upload.upload_button)
    lines = upload.result_lines("cms1.example.com")
    assert f"callbridge-2026.crt: {translated(Outcome.EXISTS.label)}" in lines
    metrics = upload.results.fontMetrics()
    for index in range(upload.results.topLevelItem(0).childCount()):  # the outcome whole, the reason on the row
        row = upload.results.topLevelItem(0).child(index)
        assert upload.results.columnWidth(1) >= metrics.horizontalAdvance(row.text(1)), row.text(1)
    assert upload.results.wordWrap() and upload.results.textElideMode() == Qt.TextElideMode.ElideNone
    assert sum(line.endswith(translated(Outcome.IDENTICAL.label)) for line in lines) == 11
    assert upload.results.topLevelItem(0).text(1) != all_verified
    assert held.read_bytes() == b"the certificate the Call Bridge uses now\n"
    counted = {
        "en": "11 already there, 1 differs on the MMP (not replaced)",
        "zh_TW": "11 個已在 MMP 上，1 個與 MMP 上的不同（未取代）",
    }
    assert upload.result_text("cms1.example.com") == counted[lang]  # never "0 of 12 file(s) uploaded"
    click(qtbot, upload.replace)
    listed: list[list[str]] = []
    monkeypatch.setattr(dialogs, "confirm_replace_files", lambda _p, _where, names: listed.append(names) or False)
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        press_mnemonic(qtbot, wizard, upload.upload_button)
    assert listed == [["callbridge-2026.crt"]]  # the one that differs, named before anything is replaced
    assert held.read_bytes() == b"the certificate the Call Bridge uses now\n"  # said no: left as it is
    monkeypatch.setattr(dialogs, "confirm_replace_files", lambda _p, _where, names: listed.append(names) or True)
    with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
        press_mnemonic(qtbot, wizard, upload.upload_button)
    assert f"callbridge-2026.crt: {translated(Outcome.VERIFIED.label)}" in upload.result_lines("cms1.example.com")
    assert held.read_bytes() == (site / "callbridge-2026.crt").read_bytes()
    click(qtbot, upload.replace)
    wizard.settings.sync()
    ini = tmp_path / "out-settings.ini"
    assert ini.is_file() and sshd.password not in ini.read_text()  # the password is never stored
    assert known_hosts.read_text() == sshd.host_key_line  # accepted once, remembered as ssh does

    # Back on the sheet page, Save plan keeps what was typed for the upload (never the password).
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    click(qtbot, page.save_plan_button)
    node = read_plan(saved).node("cms1.example.com")
    assert (node.ssh_host, node.ssh_port, node.ssh_user) == ("127.0.0.1", sshd.port, sshd.user)
    assert node.fingerprint == sshd.host_fingerprint()
    assert read_plan(saved).node("cms2.example.com").ssh_host == ""
    assert sshd.password not in saved.read_text()

    # A fresh wizard opens the saved plan from the recent list and shows the same sheet.
    again = make_wizard(qtbot, tmp_path / "out")
    again_start = again.page_as(PageId.START, StartPage)
    assert again_start.recent.findData(str(saved.resolve())) == 1  # the newest first
    activate(qtbot, again)
    again_start.recent.setFocus()
    with qtbot.waitSignal(again_start.recent.activated, timeout=2_000):
        qtbot.keyClick(again_start.recent, Qt.Key.Key_Down)
    assert again.flows.plan_path == saved.resolve()
    page2 = _choose_deploy(qtbot, again)
    assert page2.sheet is not None and page2.sheet.text(page2.translate).encode() == wizard_sheet
    click(qtbot, again.button(QWizard.WizardButton.CancelButton))


def test_a_bad_plan_gets_one_line_on_the_start_page(qtbot, lang: str, tmp_path: Path, monkeypatch) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[cms]\nversion = "4.x"\ntopology = "single"\n')
    wizard = make_wizard(qtbot, tmp_path / "out")
    start = _open_plan(qtbot, wizard, monkeypatch, bad)
    assert "cms.version" in start.plan_note.text() and "4.x" in start.plan_note.text()
    assert wizard.flows.plan is None


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, showing a real dialog
def test_export_p12_from_the_bundle_page(qtbot, lang: str, ca: Hierarchy, tmp_path: Path, monkeypatch) -> None:
    leaf = ca.leaf
    files = {"cms1.cer": leaf.der, "chain.pem": ca.intermediates[0].pem + ca.root.pem, "cms1.key": leaf.key_pem}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [tmp_path / n for n in files])
    target = tmp_path / "out" / "cms1.p12"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: target)
    from helpers.journey import choose_flow

    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    click(qtbot, page.auto_button)
    filled: list[str] = []

    def fill_dialog() -> None:
        from cmswizard.gui.p12_dialog import P12Dialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, P12Dialog)
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.keyClicks(dialog.password, "s3cret-pass")
        assert dialog.password.displayText() != "s3cret-pass"  # never echoed
        qtbot.keyClicks(dialog.again, "s3cret-pas")
        assert not save.isEnabled() and dialog.note.text() == dialog.tr("The two passwords differ.")
        qtbot.keyClicks(dialog.again, "s")
        click(qtbot, dialog.legacy)
        filled.append(dialog.note.text())
        click(qtbot, save)

    QTimer.singleShot(200, fill_dialog)
    click(qtbot, page.p12_button)
    assert filled == [""]
    assert target.is_file() and oct(target.stat().st_mode & 0o777) == "0o600"
    password_file = tmp_path / "pw"
    password_file.write_text("s3cret-pass\n")
    info = openssl("pkcs12", "-info", "-in", str(target), "-passin", f"file:{password_file}", "-nokeys", "-legacy")
    assert "pbeWithSHA1And3-KeyTripleDES-CBC" in info and info.count("BEGIN CERTIFICATE") == 3
    assert str(target) in page.message.text()


def test_csr_flow_starts_from_the_plans_names_subject_and_key_type(
    qtbot, lang: str, tmp_path: Path, monkeypatch
) -> None:
    """A renewal plan (next year's basenames, its own subject defaults and key type) opened on the start page:
    the CSR flow proposes the plan's basenames and fills the plan's subject and key type, not the last typed."""
    from cmswizard.gui.pages.csr import DeploymentPage, SubjectPage

    from helpers.journey import choose_flow

    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3,
            ("cms1.example.com", "cms2.example.com"),
            ("edge1.example.com",),
            "join.example.com",
            key_type=KeyType.EC384,
            subject=(("O", "Plan Org"), ("ST", "Taiwan"), ("C", "TW")),
            today=dt.date(2031, 1, 1),  # basenames of a year the wizard would not propose today
        )
    )
    path = tmp_path / "renew.toml"
    path.write_text(plan_text(plan))
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.settings.set("subject/O", "Typed Last Time")
    wizard.settings.set("key/type", KeyType.RSA4096.value)
    _open_plan(qtbot, wizard, monkeypatch, path)
    choose_flow(qtbot, wizard, FlowKey.CSR)
    deployment = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
    shown = [deployment.proposals.topLevelItem(i).text(0) for i in range(deployment.proposals.topLevelItemCount())]
    assert shown == [c.basename for c in plan.certificates], shown
    press_next(qtbot, wizard)
    subject = wizard.page_as(PageId.SUBJECT, SubjectPage)
    assert subject.basename.text() == plan.certificates[0].basename
    assert (subject.o.text(), subject.st.text(), subject.country.code()) == ("Plan Org", "Taiwan", "TW")
    assert subject.ou.text() == ""
    assert subject.key_type.currentData() == KeyType.EC384.value
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
