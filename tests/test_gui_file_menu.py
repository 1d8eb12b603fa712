"""The File menu, from every page, in English and Traditional Chinese: open a plan in the middle of a
flow (the flow starts again from it), save it as a new file from the menu, save in place by Ctrl+S,
close it, reopen it from File ▸ Recent plans; on the sheet page Ctrl+O, then Ctrl+Shift+S saves the
plan the page makes. Saved files go through `cmswizard plan check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from cmswizard.cms.plan import read_plan
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.csr import DeploymentPage
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.start import StartPage
from cmswizard.gui.wizard import CmsWizard

from helpers.factory import Hierarchy, hierarchy
from helpers.journey import activate, choose_flow, click, make_wizard, mnemonic_of, press_mnemonic
from helpers.site import example_site


def _choose_from_file_menu(qtbot, wizard: CmsWizard, action: QAction) -> None:
    """Click the File button, then press the action's underlined letter in the menu that pops up."""

    def press() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is wizard.file_menu
        assert action.isEnabled(), action.text()
        qtbot.keyClick(menu, mnemonic_of(action.text()))

    wizard.file_menu.aboutToShow.connect(press, Qt.ConnectionType.QueuedConnection)
    try:
        signal = action.hovered if action.menu() else action.triggered  # a submenu opens, not triggers
        with qtbot.waitSignal(signal, timeout=5_000):
            click(qtbot, wizard.file_button)
    finally:
        wizard.file_menu.aboutToShow.disconnect(press)
    activate(qtbot, wizard)  # the offscreen platform leaves the closed menu as the active window


def _no_dialog(*_args: object) -> None:
    raise AssertionError("no dialog was expected")


def test_open_save_as_and_close_from_the_file_menu(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    plan_path = example_site(tmp_path / "site")
    wizard = make_wizard(qtbot, tmp_path / "out")
    title = wizard.windowTitle()
    # no plan, nothing a page could save: Save is off, Open is on
    assert not wizard.save_action.isEnabled() and not wizard.close_action.isEnabled()

    # In the middle of the CSR flow, with empty fields, open the plan from the File menu.
    choose_flow(qtbot, wizard, FlowKey.CSR)
    page = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
    assert wizard.currentId() == PageId.DEPLOYMENT and page.nodes.toPlainText() == ""
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    _choose_from_file_menu(qtbot, wizard, wizard.open_action)
    # the flow started again from the plan: the page shows its servers
    assert wizard.currentId() == PageId.DEPLOYMENT
    assert page.nodes.toPlainText().split() == ["cms1.example.com", "cms2.example.com"]
    assert page.edges.toPlainText().split() == ["edge1.example.com"] and page.edge.isChecked()
    assert page.join_url.text() == "join.example.com"
    assert wizard.windowTitle() == f"site.toml — {title}"
    assert wizard.save_action.isEnabled() and wizard.close_action.isEnabled()

    # Save as a new file from the menu: this page knows nothing new, so the open plan is saved as it is.
    copy = tmp_path / "site" / "copy"  # no .toml: the wizard adds it
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: copy)
    _choose_from_file_menu(qtbot, wizard, wizard.save_as_action)
    saved = copy.with_name("copy.toml")
    assert saved.read_text() == plan_path.read_text()
    assert wizard.windowTitle() == f"copy.toml — {title}"
    original, again = cli("plan", "check", str(plan_path)), cli("plan", "check", str(saved))
    assert again.code == original.code == 1, again.err  # the CSRs are not signed yet: said, not an error
    assert again.out.replace("copy.toml", "site.toml") == original.out and "webadmin-cms1-2026.key" in again.out

    # Ctrl+S saves the open plan in place, without asking.
    monkeypatch.setattr(dialogs, "save_file_name", _no_dialog)
    saved.write_text("")
    with qtbot.waitSignal(wizard.plans.changed, timeout=5_000):
        qtbot.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.read_text() == plan_path.read_text()

    # The recent list holds both files, newest first, in the menu and on the start page.
    wizard.recent_menu.aboutToShow.emit()
    assert [a.text().split()[0] for a in wizard.recent_menu.actions()] == ["copy.toml", "site.toml"]
    start = wizard.page_as(PageId.START, StartPage)
    assert start.recent.currentData() == str(saved.resolve())

    # Close the plan: a flow started now begins from empty fields; nothing to save.
    _choose_from_file_menu(qtbot, wizard, wizard.close_action)
    assert wizard.windowTitle() == title and wizard.flows.plan is None
    assert not wizard.save_action.isEnabled() and not wizard.close_action.isEnabled()
    wizard.start_flow(FlowKey.CSR)
    assert page.nodes.toPlainText() == ""

    # File ▸ Recent plans ▸ the newest: the flow under way starts again from it.
    def pick_newest() -> None:  # opened by its letter, the submenu has its first entry selected
        qtbot.keyClick(wizard.recent_menu, Qt.Key.Key_Return)

    wizard.recent_menu.aboutToShow.connect(pick_newest, Qt.ConnectionType.QueuedConnection)
    with qtbot.waitSignal(wizard.plans.changed, timeout=5_000):
        _choose_from_file_menu(qtbot, wizard, wizard.recent_menu.menuAction())
    wizard.recent_menu.aboutToShow.disconnect(pick_newest)
    assert wizard.windowTitle() == f"copy.toml — {title}" and wizard.currentId() == PageId.DEPLOYMENT
    assert page.nodes.toPlainText().split() == ["cms1.example.com", "cms2.example.com"]


@pytest.fixture(scope="module")
def ca() -> Hierarchy:
    return hierarchy(depth=1, prefix="Example", rsa_bits=2048)


def test_ctrl_o_on_the_sheet_page_then_ctrl_shift_s_saves_the_sheet_plan(
    qtbot, lang: str, ca: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    plan_path = example_site(tmp_path / "site", ca)  # the journey's site, its CSRs signed
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    with qtbot.waitSignal(wizard.plans.changed, timeout=5_000):
        qtbot.keyClick(wizard, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    assert page.nodes.text() == "cms1.example.com cms2.example.com" and page.db.isChecked()
    assert page.sheet is not None, page.message.plain_text()

    # The user changes the backup name; Save as (Ctrl+Shift+S) writes the plan this page makes.
    page.backup_name.setFocus()
    page.backup_name.selectAll()
    qtbot.keyClicks(page.backup_name, "before-renewal")
    target = tmp_path / "site" / "renewal.toml"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: target)
    with qtbot.waitSignal(wizard.plans.changed, timeout=5_000):
        qtbot.keyClick(wizard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert read_plan(target).backup_name == "before-renewal"
    assert read_plan(target).nodes == read_plan(plan_path).nodes
    done = cli("plan", "check", str(target))
    # the plan asks for the new backup name: the old sheet differs until the page saves it
    assert done.code == 1 and "23 exists, 1 inconsistent" in done.out and "cms-commands.txt" in done.out
    press_mnemonic(qtbot, wizard, page.save_button)
    assert "backup snapshot before-renewal" in (tmp_path / "site" / "cms-commands.txt").read_text()
    done = cli("plan", "check", str(target))
    assert done.code == 0 and "24 exists" in done.out, done.out
    assert wizard.windowTitle().startswith("renewal.toml — ")
