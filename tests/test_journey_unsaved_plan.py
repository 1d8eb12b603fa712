"""Issue 29, Medium 12: changes to an open plan (the sheet language, a row) are never lost silently on
Cancel or the window's close: the wizard asks Save / Discard / Cancel, as every editor does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from cmswizard.cms.plan import read_plan
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.start import StartPage

from helpers.journey import choose_flow, click, finish_tasks, make_wizard
from helpers.site import example_site


def _open_plan_on_the_sheet_page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan_path = example_site(tmp_path / "site")
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    return wizard, page, plan_path


def _choose_the_other_language(qtbot, page: DeploySheetPage) -> str:
    box = page.sheet_language
    before = box.currentData()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(box.view(), Qt.Key.Key_Escape)
    qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() == 0 else Qt.Key.Key_Up)
    assert box.currentData() != before
    return str(box.currentData())


def test_cancel_with_a_changed_plan_asks_and_save_writes_it(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, page, plan_path = _open_plan_on_the_sheet_page(qtbot, tmp_path, monkeypatch)
    asked: list[str] = []
    answers = iter(["cancel", "save"])
    monkeypatch.setattr(dialogs, "ask_save_plan", lambda _p, name: asked.append(name) or next(answers))
    chosen = _choose_the_other_language(qtbot, page)
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert asked == [plan_path.name] and wizard.isVisible()  # Cancel in the question: the wizard stays
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert asked == [plan_path.name] * 2
    finish_tasks(qtbot, wizard.tasks)  # a plan being written: the wizard closes once it is
    assert not wizard.isVisible()
    assert read_plan(plan_path).sheet_language == chosen  # saved in place, then closed


def test_an_unchanged_plan_closes_without_a_question(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, _page, _plan_path = _open_plan_on_the_sheet_page(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(dialogs, "ask_save_plan", lambda *_a: pytest.fail("asked with nothing changed"))
    wizard.close()
    assert not wizard.isVisible()
