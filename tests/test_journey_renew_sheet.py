"""Issue 29 Medium 8: a certificate shared by a cluster is renewed for all its nodes in one sheet (space or
comma between the names), and the commands can be saved, the page saying where they went — typed and clicked
as a person does, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.pki.loader import load_file

from helpers.factory import hierarchy
from helpers.journey import choose_flow, make_wizard, press_mnemonic, type_into
from helpers.renew_journey import to_the_renewal_commands


def test_a_shared_certificate_is_renewed_on_every_node_and_saved_where_said(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, page = to_the_renewal_commands(qtbot, tmp_path, monkeypatch)
    assert page.service.currentData() == "callbridge"  # named in callbridge-2025.crt
    type_into(qtbot, page.node, "")
    page.node.selectAll()
    qtbot.keyClicks(page.node, "cms1.example.com, cms2.example.com")
    text = page.sheet.toPlainText()
    assert page.message.plain_text() == "", page.message.plain_text()
    assert "cms1.example.com" in text and "cms2.example.com" in text
    assert text.count("callbridge restart") == 2  # one per node
    target = tmp_path / "saved-commands.txt"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: target)
    press_mnemonic(qtbot, wizard, page.save_button)
    assert target.read_text() == text
    assert str(target) in page.saved.text()  # where the commands went, said on the page


def test_the_certificate_in_use_can_be_typed(qtbot, lang: str, tmp_path: Path) -> None:
    """Issue 29 Low: the "Certificate in use" field took focus and ignored typing; a typed path and Enter load it."""
    from PySide6.QtCore import Qt

    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    tree = hierarchy(depth=1, leaf_cn="cms1.example.com")
    (tmp_path / "webadmin-2025.crt").write_bytes(tree.leaf.pem)
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    request = wizard.currentPage()
    type_into(qtbot, request.old_file, str(tmp_path / "webadmin-2025.crt"))
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        qtbot.keyClick(request.old_file, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.RENEW_REQUEST  # Enter loaded the file, it did not press Next
    assert request.cn.text() == "cms1.example.com"
    assert request.basename.text().startswith("webadmin-")


def test_the_servers_that_trust_a_shared_certificate_load_the_rebuilt_trust_file(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 29 Medium 8: the Call Bridge certificate of two nodes renewed in one sheet, with the Web Bridge 3
    trust file (every Call Bridge and Scheduler) rebuilt from the new certificate and loaded on every Web
    Bridge 3 — a server that is renewed too gets it in its own section; the file is written and said."""
    import datetime as dt

    wizard, page = to_the_renewal_commands(qtbot, tmp_path, monkeypatch)
    page.node.selectAll()
    qtbot.keyClicks(page.node, "cms1.example.com cms2.example.com")
    assert page.peers.isEnabled()
    type_into(qtbot, page.peers, "edge1.example.com, cms2.example.com")
    assert page.message.plain_text() == "", page.message.plain_text()
    trust = f"trust-c2w-clients-{dt.date.today().year}.crt"
    text = page.sheet.toPlainText()
    assert text.count(f"webbridge3 c2w trust {trust}") == 2  # edge1 and cms2
    sections = text.split("# ===== ")
    edge = next(s for s in sections if s.startswith("edge1.example.com"))
    assert "backup snapshot" in edge and "webbridge3 restart" in edge and "callbridge certs" not in edge
    cms2 = next(s for s in sections if s.startswith("cms2.example.com"))
    assert cms2.index("callbridge restart") < cms2.index(f"webbridge3 c2w trust {trust}")
    assert not any(s.startswith("cms1.example.com") and trust in s for s in sections)
    out = tmp_path / "out"
    assert not (out / trust).exists()  # written when the commands are kept, never while typing
    target = tmp_path / "saved-commands.txt"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: target)
    press_mnemonic(qtbot, wizard, page.save_button)
    new = load_file(out / "callbridge-new.crt").certificates[0]
    assert load_file(out / trust).certificates[0] == new  # the renewed certificate is in the rebuilt file
    assert trust in page.trust_written.text() and str(out) in page.trust_written.text()


def test_only_services_other_servers_trust_ask_for_those_servers(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wizard, page = to_the_renewal_commands(qtbot, tmp_path, monkeypatch)
    page.service.setCurrentIndex(page.service.findData("webadmin"))
    assert not page.peers.isEnabled()
    page.service.setCurrentIndex(page.service.findData("callbridge"))
    type_into(qtbot, page.peers, "edge1..example.com")
    assert "edge1..example.com" in page.message.plain_text()
    assert not page.save_button.isEnabled()
