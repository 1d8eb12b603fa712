"""In-app help: F1 and the Help button on every page, in English and Traditional Chinese; field
messages link to their rule; the zh_TW help is complete and keeps commands exactly as typed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWizard

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.help import _HEADINGS, HELP, PageHelp
from cmswizard.gui.i18n import install_language, translated
from cmswizard.gui.pages.dbcluster import DbClusterPage
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import PAGES, CmsWizard
from cmswizard.pki.spec import CsrSpec

from helpers.journey import activate

CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"<code>(.*?)</code>")


@pytest.fixture(params=["en", "zh_TW"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_language(app, request.param) == request.param
    yield request.param
    install_language(app, "en")


@pytest.fixture
def wizard(qtbot, tmp_path: Path, language: str) -> CmsWizard:
    window = CmsWizard(Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _plain(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _show(wizard: CmsWizard, qtbot, page_id: PageId, folder: Path) -> None:
    """Open the wizard on that page. The database result page is reached as the user does (it writes
    files on entry); the others start the wizard there, with the state their flow hands them."""
    if page_id is PageId.DB_RESULT:
        wizard.setStartId(PageId.START)
        wizard.start_flow(FlowKey.DBCLUSTER)
        page = wizard.page_as(PageId.DB_CLUSTER, DbClusterPage)
        page.domain.setText("tplab.local")
        page.primary.setText("cmscore1.example.com")
        page.folder.setText(str(folder / "db"))
        with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    else:
        wizard.flows.csr.spec = CsrSpec(basename="callbridge-2026", cn="cms1.example.com")
        wizard.page_at(page_id)
        wizard.setStartId(page_id)
        wizard.restart()
    assert wizard.currentId() == page_id


def _expect_help_of(wizard: CmsWizard, qtbot, language: str) -> None:
    page = wizard.currentPage()
    help_ = page.page_help()
    assert isinstance(help_, PageHelp), f"{type(page).__name__} has no help: add it to cmswizard/gui/help.py"
    window = wizard.help_window
    assert window is not None, f"no help on {type(page).__name__}; active: {QApplication.activeWindow()}"
    assert window.isVisible()  # F1, the Help button and a message's link show it as they are pressed
    assert page.title() in window.windowTitle()
    shown = window.browser.toPlainText()
    assert _plain(translated(help_.purpose)) in shown
    assert _plain(translated(help_.on_cms)) in shown
    for rule in help_.rules:
        assert translated(rule.text) in shown
    if language == "zh_TW":
        assert _plain(translated(help_.purpose)) != _plain(help_.purpose)
        assert translated(_HEADINGS[0]) in shown and _HEADINGS[0] not in shown


def test_f1_on_every_page_shows_that_pages_help(wizard: CmsWizard, qtbot, language: str, tmp_path: Path) -> None:
    for page_id in sorted(PAGES, key=lambda p: p is PageId.DB_RESULT):  # the one that writes files last
        _show(wizard, qtbot, page_id, tmp_path)
        activate(qtbot, wizard)
        qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_F1)
        _expect_help_of(wizard, qtbot, language)
        wizard.help_window.close()


def test_help_button_shows_the_current_pages_help(wizard: CmsWizard, qtbot, language: str, tmp_path: Path) -> None:
    _show(wizard, qtbot, PageId.CHAIN, tmp_path)
    button = wizard.button(QWizard.WizardButton.HelpButton)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _expect_help_of(wizard, qtbot, language)


def test_a_field_message_links_to_its_rule(wizard: CmsWizard, qtbot, language: str, tmp_path: Path) -> None:
    _show(wizard, qtbot, PageId.SUBJECT, tmp_path)
    page = wizard.currentPage()
    page.cn.clear()
    qtbot.keyClicks(page.cn, "bad name!")
    label = page.messages["CN"]
    assert label.isVisible()  # the page checks the field as it is typed in
    link_text = QCoreApplication.translate("FieldMessage", "Help")
    assert f">{link_text}</a>" in label.text()
    # Click the link: the last word of the message's one line.
    metrics = QFontMetrics(label.font())
    first_line = _plain(label.text().split("<br>")[0])
    label.setFixedWidth(metrics.horizontalAdvance(first_line) + 40)
    qtbot.wait(10)
    x = label.contentsRect().left() + metrics.horizontalAdvance(first_line) - metrics.horizontalAdvance(link_text) // 2
    qtbot.mouseClick(
        label, Qt.MouseButton.LeftButton, pos=QPoint(x, label.contentsRect().top() + metrics.height() // 2)
    )
    window = wizard.help_window
    assert window is not None
    assert window.isVisible()
    cn_rule = next(rule for rule in page.page_help().rules if rule.anchor == "CN")
    assert translated(cn_rule.text) in window.browser.toPlainText()
    assert window.anchor == "rule-CN"


def _help_texts() -> Iterator[str]:
    yield from _HEADINGS
    for help_ in HELP.values():
        yield help_.purpose
        yield help_.on_cms
        for rule in help_.rules:
            yield rule.text
            yield rule.source


def test_zh_tw_help_is_complete_with_commands_kept(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "zh_TW")
    try:
        for text in set(_help_texts()):
            chinese = translated(text)
            assert chinese != text and CJK.search(chinese), f"not translated: {text!r}"
            assert CODE.findall(chinese) == CODE.findall(text), f"commands changed: {text!r}"
            assert re.findall(r"\{\w+\}", chinese) == re.findall(r"\{\w+\}", text), text
    finally:
        install_language(app, "en")


def test_every_rule_names_a_source_listed_in_the_cms_reference() -> None:
    reference = (Path(__file__).parent.parent / "docs" / "cms-reference.md").read_text()
    table = reference.split("## Sources", 1)[1].split("\n## ", 1)[0]
    short_names = [row.split("|")[1].strip() for row in table.splitlines() if row.startswith("| ") and "---" not in row]
    assert {"TAC 214618", "TAC 221729", "FN74345", "FAQ", "none"} <= set(short_names)
    for page, help_ in HELP.items():
        for rule in help_.rules:
            # each source starts with its short name: "TAC 217367: Configure CMS Scheduler (...)"
            assert rule.source.split(":")[0] in short_names, f"{page} {rule.anchor}: {rule.source}"
