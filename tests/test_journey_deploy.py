"""The deployment-commands and export flow as a person drives it, in English and Traditional Chinese:
choose it on the start page, type the node, click Save, Next, Other folder…, Copy to stick; the sheet
and the copied files are checked on disk (sha256sum, openssl), not through the page's attributes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from cmswizard.cms.sheet import TrustKind
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.export import ExportPage

from helpers.factory import hierarchy
from helpers.journey import (
    activate,
    choose_flow,
    click,
    forward_button,
    make_wizard,
    openssl,
    press_mnemonic,
    type_into,
)


def _made_files(folder: Path) -> None:
    """What the CSR and bundle flows leave in the output folder once the CA has answered."""
    h = hierarchy(depth=1)
    (folder / "callbridge-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "callbridge-2026.crt").write_bytes(h.leaf.pem)
    (folder / "callbridge-2026-bundle.crt").write_bytes(h.intermediates[0].pem + h.root.pem)
    (folder / "webbridge3-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "webbridge3-2026-fullchain.crt").write_bytes(b"".join(c.pem for c in h.chain))


def test_deploy_journey_saves_the_sheet_and_copies_what_it_names(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    _made_files(out)
    stick = tmp_path / "STICK"
    stick.mkdir()
    monkeypatch.setattr(dialogs, "existing_folder", lambda *_args: stick)

    activate(qtbot, wizard)  # the window the user types in (Alt+letter goes to the active window)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    type_into(qtbot, page.nodes, "cms1.example.com")
    assert forward_button(wizard).isEnabled(), page.message.plain_text()
    # Interfaces, ports and names are the site's choice (§5): open them and type the site's values
    assert not page.interface.isVisible()
    press_mnemonic(qtbot, wizard, page.advanced_button)
    assert page.interface.isVisible()
    type_into(qtbot, page.interface, "")
    for key in (Qt.Key.Key_End, Qt.Key.Key_Backspace):  # the default "a" out, as a person would
        qtbot.keyClick(page.interface, key)
    qtbot.keyClicks(page.interface, "b")
    type_into(qtbot, page.backup_name, "before-2026")
    type_into(qtbot, page.trust_names[TrustKind.WEBBRIDGE3], "edges-2026.crt")
    press_mnemonic(qtbot, wizard, page.save_button)
    sheet = (out / "cms-commands.txt").read_text()
    assert sheet == page.sheet_box.toPlainText()
    for line in (
        "callbridge certs callbridge-2026.key callbridge-2026.crt callbridge-2026-bundle.crt",
        "webbridge3 https certs webbridge3-2026.key webbridge3-2026-fullchain.crt",
        "webbridge3 https listen b:443",
        "backup snapshot before-2026",
        "callbridge trust c2w edges-2026.crt",
    ):
        assert line in sheet  # commands stay exactly as typed on the MMP, in both languages
    assert "before-certificates" not in sheet and "trust-webbridge3.crt" not in sheet and " a:" not in sheet

    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.UPLOAD  # upload over SFTP, or Next: the stick
    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.APPLY  # apply over SSH, or Next: the stick
    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.EXPORT
    export = wizard.page_as(PageId.EXPORT, ExportPage)
    click(qtbot, export.other)  # no stick in CI: a folder, as the user would choose one
    with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
        click(qtbot, export.copy_button)
    target = stick / export.name.text()
    assert (target / "cms-commands.txt").read_text() == sheet
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=target, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for name in ("callbridge-2026.key", "callbridge-2026.crt", "webbridge3-2026-fullchain.crt", "cms-commands.txt"):
        assert f"{name}: OK" in checked.stdout
    certificate, key = str(target / "callbridge-2026.crt"), str(target / "callbridge-2026.key")
    assert openssl("x509", "-in", certificate, "-noout", "-pubkey") == openssl("pkey", "-in", key, "-pubout")
    fullchain = str(target / "webbridge3-2026-fullchain.crt")
    assert "OK" in openssl("verify", "-CAfile", str(target / "callbridge-2026-bundle.crt"), fullchain)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_row_for_a_server_that_does_not_run_its_service_is_refused_beside_it(
    qtbot, lang: str, tmp_path: Path
) -> None:
    from cmswizard.cms.services import Service, Topology
    from cmswizard.cms.sheet import ServiceFiles, pinned_off_side
    from cmswizard.gui.i18n import labelled, translated

    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    _made_files(out)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    click(qtbot, page.edge)
    type_into(qtbot, page.nodes, "cms1.example.com")
    type_into(qtbot, page.edges, "edge1.example.com")
    assert forward_button(wizard).isEnabled(), page.message.plain_text()
    row = next(r for r in range(page.table.rowCount()) if page.table.cellWidget(r, 0).currentData() == "callbridge")
    node_box = page.table.cellWidget(row, 1)
    assert [node_box.itemText(i) for i in range(1, node_box.count())] == ["cms1.example.com", "edge1.example.com"]
    node_box.setFocus()
    for _ in range(2):  # all servers → cms1 → edge1, by the keyboard
        qtbot.keyClick(node_box, Qt.Key.Key_Down)
    assert node_box.currentText() == "edge1.example.com"
    why = translated(
        pinned_off_side(
            ServiceFiles(Service.CALLBRIDGE, "", "", node="edge1.example.com"), Topology.EDGE, ["edge1.example.com"]
        )
    )
    assert labelled("edge1.example.com", why) in page.message.plain_text()  # one line naming the node and the fix
    assert node_box.toolTip() == f"✗ {labelled('edge1.example.com', why)}"  # and on the row itself
    assert "#b00020" in node_box.styleSheet()
    assert not forward_button(wizard).isEnabled()
    assert page.sheet is None and page.sheet_box.toPlainText() == ""
    if lang == "zh_TW":
        assert "Call Bridge" in why and "the " not in why
    qtbot.keyClick(node_box, Qt.Key.Key_Up)  # the core server: accepted
    assert node_box.currentText() == "cms1.example.com"
    assert node_box.toolTip() == "" and node_box.styleSheet() == ""
    assert forward_button(wizard).isEnabled(), page.message.plain_text()
    shown = page.sheet_box.toPlainText()
    core, edge = shown.index("===== cms1.example.com"), shown.index("===== edge1.example.com")
    assert core < shown.index("callbridge certs callbridge-2026.key callbridge-2026.crt") < edge
