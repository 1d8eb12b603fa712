"""Issue 29, High: the pages refuse a leaf-only file where a full chain is needed (with one click into the
chain builder, the file loaded) and a certificate for another key, as a person meets them, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard

from cmswizard.cms.file_pairs import PairFault
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.pki.ca import Usage, issue_certificate
from cmswizard.pki.loader import load_file

from helpers.factory import Issued, hierarchy
from helpers.journey import (
    activate,
    choose_flow,
    click,
    finish_tasks,
    forward_button,
    make_wizard,
    press_mnemonic,
    press_next,
    type_into,
)

YEAR = dt.date.today().year


def choose_in_combo(qtbot, combo: QComboBox, text: str) -> None:
    """Click the box (its list opens), close the list, then arrow down to the entry that reads `text`,
    as a keyboard user picks from a list."""
    row = combo.findText(text)
    assert row >= 0, f"{text!r} is not offered"
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    assert not combo.view().isVisible()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == row


def test_deploy_page_refuses_a_leaf_only_web_bridge_3_file_and_opens_the_chain_builder(
    qtbot, lang: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    tree = hierarchy(depth=1, leaf_cn="join.example.com")
    (out / "webbridge3-2026.key").write_bytes(tree.leaf.key_pem)
    (out / "webbridge3-2026.cer").write_bytes(tree.leaf.pem)  # only the CA's answer, no chain
    activate(qtbot, wizard)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    type_into(qtbot, page.nodes, "cms1.example.com")
    assert page.table.rowCount() == 1  # suggested from the file names
    shown = page.message.plain_text()
    assert "webbridge3-2026.cer" in shown
    if lang == "en":
        assert "build the full chain first" in shown
    else:
        assert "先建立完整憑證信任鏈" in shown
    assert not forward_button(wizard).isEnabled()
    assert page.sheet_box.toPlainText() == ""
    assert any(getattr(p, "fault", None) is PairFault.NOT_FULL_CHAIN for p in page.problems)
    assert page.full_chain_button.isVisible()
    click(qtbot, page.full_chain_button)  # Tab reaches it too; every letter of it is taken on this page
    assert wizard.currentId() == PageId.CHAIN
    chain = wizard.currentPage()
    finish_tasks(qtbot, chain.host.tasks, timeout=10_000)
    assert chain.model.rowCount() == 1
    assert chain.basename.text() == "webbridge3-2026"
    # Complete it in the chain builder's folder: the full chain is then accepted
    (out / "webbridge3-2026-fullchain.crt").write_bytes(b"".join(c.pem for c in tree.chain))


def test_deploy_page_refuses_a_certificate_of_another_key(qtbot, lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    first, second = hierarchy(depth=1), hierarchy(depth=1)
    (out / "callbridge-2026.key").write_bytes(second.leaf.key_pem)  # the key of another request
    (out / "callbridge-2026.crt").write_bytes(first.leaf.pem)
    (out / "callbridge-2026-bundle.crt").write_bytes(first.intermediates[0].pem + first.root.pem)
    activate(qtbot, wizard)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    type_into(qtbot, page.nodes, "cms1.example.com")
    shown = page.message.plain_text()
    assert "callbridge-2026.key" in shown and "callbridge-2026.crt" in shown
    assert ("is not the key of" if lang == "en" else "不是") in shown
    assert not forward_button(wizard).isEnabled()
    assert "callbridge certs" not in page.sheet_box.toPlainText()
    assert not page.full_chain_button.isVisible()


def test_renewal_of_web_bridge_3_refuses_the_cas_der_leaf(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    tree = hierarchy(depth=1, leaf_cn="join.example.com", rsa_bits=2048)
    old = out / "webbridge3-2025.crt"
    old.write_bytes(b"".join(c.pem for c in tree.chain))
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    activate(qtbot, wizard)
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    request = wizard.currentPage()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, request.choose_button)
    press_next(qtbot, wizard)
    generate = wizard.currentPage()
    with qtbot.waitSignal(generate.generated, timeout=60_000):
        press_mnemonic(qtbot, wizard, generate.generate_button)
    basename = request.basename.text()
    csr = load_file(out / f"{basename}.csr").csrs[0]
    issuer = tree.intermediates[0]
    answer = issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate
    certnew = tmp_path / "downloads" / "certnew.cer"  # the CA's DER answer, elsewhere
    certnew.parent.mkdir()
    certnew.write_bytes(Issued(answer, issuer.key).der)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [certnew])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    # A Web Bridge 3 renewal lists the trust stores that hold it, not the Call Bridge's CUCM trust (issue 29 Low)
    assert "CallManager" not in generate.trust.text() and "webbridge3 c2w trust" not in generate.trust.text()
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_SHEET
    sheet_page = wizard.currentPage()
    # webbridge3-2025.crt names its service: it is chosen already (issue 29 Medium 7), never Web Admin
    assert sheet_page.service.currentData() == "webbridge3"
    shown = sheet_page.message.plain_text()
    assert "certnew.cer" in shown
    assert ("build the full chain first" if lang == "en" else "先建立完整憑證信任鏈") in shown
    assert sheet_page.sheet.toPlainText() == ""  # no `webbridge3 https certs … certnew.cer` to copy
    assert not sheet_page.copy_button.isEnabled()
    press_mnemonic(qtbot, wizard, sheet_page.full_chain_button)
    assert wizard.currentId() == PageId.CHAIN
    chain = wizard.currentPage()
    finish_tasks(qtbot, chain.host.tasks, timeout=10_000)
    assert chain.model.rowCount() >= 1
    assert chain.basename.text() == "certnew"
    assert wizard.button(QWizard.WizardButton.BackButton).isVisible()
