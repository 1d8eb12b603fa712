"""Issue 29 Medium 8: Finish never closes the wizard over commands nobody kept. On the last page of every flow
that makes commands (the renewal and the database cluster end on Apply on the server, the deployment on the
stick), Finish asks Save / Discard / Cancel while they are neither copied, saved nor on the stick; Save
writes them and says where they went. Clicked as a person does, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.start import StartPage

from helpers.factory import hierarchy
from helpers.journey import choose_flow, click, finish_tasks, make_wizard, press_next, type_into
from helpers.renew_journey import to_the_renewal_commands
from helpers.site import example_site


class _Answers:
    """The Finish question answered as the test says, and what the wizard then said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: str, target: Path | None = None) -> None:
        self.asked = 0
        self.told: list[Path] = []
        self.answer = answer

        def ask(_parent: object) -> str:
            self.asked += 1
            return self.answer

        monkeypatch.setattr(dialogs, "ask_save_commands", ask)
        monkeypatch.setattr(dialogs, "tell_commands_saved", lambda _parent, path: self.told.append(path))
        if target is not None:
            monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: target)


def _finish(qtbot, wizard) -> None:
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible(), "not on the flow's last page"
    click(qtbot, finish)


def test_finish_after_a_renewal_offers_to_save_its_commands(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, page = to_the_renewal_commands(qtbot, tmp_path, monkeypatch)
    commands = page.sheet.toPlainText()
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.APPLY  # the renewal ends here now
    answers = _Answers(monkeypatch, "cancel")
    _finish(qtbot, wizard)
    assert answers.asked == 1 and wizard.isVisible()  # Cancel: nothing closes
    target = tmp_path / "renewal-commands.txt"
    answers = _Answers(monkeypatch, "save", target)
    _finish(qtbot, wizard)
    assert target.read_text() == commands
    assert answers.told == [target]  # where they went, said before the wizard closes
    assert not wizard.isVisible()


def test_finish_after_commands_were_saved_asks_nothing(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, page = to_the_renewal_commands(qtbot, tmp_path, monkeypatch)
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: tmp_path / "kept.txt")
    click(qtbot, page.save_button)
    press_next(qtbot, wizard)
    answers = _Answers(monkeypatch, "cancel")
    _finish(qtbot, wizard)
    assert answers.asked == 0 and not wizard.isVisible()


def test_finish_after_the_database_cluster_offers_to_save_its_commands(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.DBCLUSTER)
    page = wizard.currentPage()
    type_into(qtbot, page.domain, "example.com")
    type_into(qtbot, page.primary, "cms1.example.com")
    type_into(qtbot, page.joining, "cms2.example.com")
    qtbot.keyClick(page.joining, Qt.Key.Key_Return)
    qtbot.keyClicks(page.joining, "cms3.example.com")
    (tmp_path / "db").mkdir()
    qtbot.mouseClick(page.folder, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.folder, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace the default folder
    qtbot.keyClicks(page.folder, str(tmp_path / "db"))
    press_next(qtbot, wizard)
    result = wizard.currentPage()
    finish_tasks(qtbot, wizard.tasks)
    commands = result.sheet.toPlainText()
    assert "database cluster initialize" in commands
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.APPLY
    target = tmp_path / "db-commands.txt"
    answers = _Answers(monkeypatch, "save", target)
    _finish(qtbot, wizard)
    assert answers.asked == 1 and target.read_text() == commands and answers.told == [target]
    assert not wizard.isVisible()


def test_finish_on_the_stick_page_offers_the_sheet_until_it_is_saved(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    plan_path = example_site(site, hierarchy(depth=1, prefix="Example", rsa_bits=2048))
    (site / "cms-commands.txt").unlink()
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    commands = wizard.currentPage().sheet_box.toPlainText()
    for _page in (PageId.UPLOAD, PageId.APPLY, PageId.EXPORT):
        press_next(qtbot, wizard)
        assert wizard.currentId() == _page
    answers = _Answers(monkeypatch, "discard")
    _finish(qtbot, wizard)
    assert answers.asked == 1 and not wizard.isVisible()  # Discard: closed, as the person chose
    assert not (site / "cms-commands.txt").exists()
    wizard.show()
    answers = _Answers(monkeypatch, "save")
    _finish(qtbot, wizard)
    assert (site / "cms-commands.txt").read_text() == commands  # beside the files, as the sheet's Save writes it
    assert answers.told == [site / "cms-commands.txt"]
