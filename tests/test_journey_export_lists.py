"""Issue 29 Low: the export page lists the sheet and the peer trust files it will write (they are made by the
wizard, not found in the folder), marked as such and never untickable; the copy puts exactly them on the stick,
and then Finish has nothing left to offer. Opened from a plan and clicked as a person does, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from cmswizard.export.volumes import Volume
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.export import ExportPage
from cmswizard.gui.pages.start import StartPage
from cmswizard.pki.loader import load_file

from helpers.factory import hierarchy
from helpers.journey import choose_flow, click, make_wizard, press_next
from helpers.site import example_site


def test_the_export_page_lists_the_sheet_and_trust_files_it_writes(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    plan_path = example_site(site, hierarchy(depth=1, prefix="Example", rsa_bits=2048))
    (site / "cms-commands.txt").unlink()  # only the wizard's own copy goes to the stick
    stick = tmp_path / "STICK"
    stick.mkdir()
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    sheet = wizard.currentPage().sheet
    made = ["cms-commands.txt", *(trust.name for trust in sheet.trust_files)]
    assert len(made) == 3  # the sheet, trust-webbridge3.crt and trust-c2w-clients.crt
    wizard.page_as(PageId.EXPORT, ExportPage).volume_source = lambda: [
        Volume(stick, "STICK", "vfat", 64 * 1024 * 1024, True, False)
    ]
    for _page in (PageId.UPLOAD, PageId.APPLY, PageId.EXPORT):
        press_next(qtbot, wizard)
    export = wizard.page_as(PageId.EXPORT, ExportPage)
    rows = [export.files.item(row) for row in range(export.files.count())]
    marked = export.tr("{name}   (made by the wizard)")
    for name in made:
        row = next((item for item in rows if item.text() == marked.format(name=name)), None)
        assert row is not None, f"{name} is not listed as made by the wizard: {[r.text() for r in rows]}"
        assert not row.flags() & Qt.ItemFlag.ItemIsUserCheckable  # always written: nothing to untick
        assert row.toolTip()
    on_disk = {Path(item.data(Qt.ItemDataRole.UserRole)).name for item in rows if item.data(Qt.ItemDataRole.UserRole)}
    assert not on_disk & set(made)  # listed once, as the wizard's, not also as a file of the folder
    assert export.chosen_volume() is not None  # the one stick, chosen for the user
    with qtbot.waitSignal(export.host.tasks.idle, timeout=60_000):
        click(qtbot, export.copy_button)
    folder = stick / export.name.text()
    assert (folder / "cms-commands.txt").read_text() == wizard.page_at(PageId.DEPLOY_SHEET).sheet_box.toPlainText()
    for trust in sheet.trust_files:
        assert load_file(folder / trust.name).certificates  # the trust files themselves, built and copied
    asked: list[object] = []
    monkeypatch.setattr(dialogs, "ask_save_commands", lambda parent: asked.append(parent) or "cancel")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert asked == [] and not wizard.isVisible()  # the sheet is on the stick: nothing to offer
