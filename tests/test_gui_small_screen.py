"""A screen smaller than the wizard (QT_SCALE_FACTOR=2 on 1024×768 gives a 512×384 desktop; 1366×768 at
150 %): the wizard is shown in a scrolling window that fits, and the mouse reaches Next, Back and Cancel."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QRadioButton, QScrollArea, QWidget, QWizard

from cmswizard.gui.flows import PageId
from cmswizard.gui.scroll_window import ScrollWindow, show_wizard
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.spec import CsrSpec

SMALL = QRect(0, 0, 512, 384)  # QT_SCALE_FACTOR=2 on 1024×768
LAPTOP = QRect(0, 0, 910, 512)  # 1366×768 at 150 %
NORMAL = QRect(0, 0, 1920, 1040)


def _wizard(tmp_path: Path) -> CmsWizard:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(out))
    return CmsWizard(settings)


def _shown(qtbot, tmp_path: Path, available: QRect) -> tuple[CmsWizard, QWidget]:
    wizard = _wizard(tmp_path)
    with qtbot.waitActive(wizard):  # typing needs the active window
        window = show_wizard(wizard, available)
        window.activateWindow()
    qtbot.addWidget(window)
    return wizard, window


def _scrolled_to(window: QWidget, widget: QWidget, point: QPoint | None = None) -> QRect:
    """Scroll `widget` (or its `point`, for a row wider than the window) into view as the user would,
    and return its rectangle on the screen."""
    assert isinstance(window, QScrollArea)
    if point is None:
        window.ensureWidgetVisible(widget, 0, 0)
    else:
        inside = widget.mapTo(window.widget(), point)
        window.ensureVisible(inside.x(), inside.y(), 20, 20)
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _click(qtbot, window: QWidget, button: QWidget, screen: QRect) -> None:
    on_screen = _scrolled_to(window, button)
    visible = window.viewport().rect().translated(window.viewport().mapToGlobal(window.viewport().rect().topLeft()))
    assert screen.contains(on_screen), f"{button.text()} at {on_screen} is off the screen {screen}"
    assert visible.contains(on_screen), f"{button.text()} at {on_screen} is outside the visible part {visible}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_small_screen_scrolls_and_the_mouse_reaches_next_and_back(qtbot, tmp_path: Path) -> None:
    for screen in (SMALL, LAPTOP):
        wizard, window = _shown(qtbot, tmp_path, screen)
        assert isinstance(window, ScrollWindow) and window.widget() is wizard
        assert window.isWindow() and not wizard.isWindow()
        assert screen.contains(window.frameGeometry()), f"{window.frameGeometry()} is larger than {screen}"
        assert window.windowTitle() == wizard.windowTitle() == "CMS Certificate Wizard"
        assert wizard.size().width() >= 960 and wizard.size().height() >= 720  # its normal size: nothing squeezed
        start = wizard.currentId()
        with qtbot.waitSignal(wizard.currentIdChanged):
            _click(qtbot, window, wizard.button(QWizard.WizardButton.NextButton), screen)
        assert wizard.currentId() != start
        with qtbot.waitSignal(wizard.currentIdChanged):
            _click(qtbot, window, wizard.button(QWizard.WizardButton.BackButton), screen)
        assert wizard.currentId() == start
        window.close()


def test_cancel_closes_the_scroll_window(qtbot, tmp_path: Path) -> None:
    wizard, window = _shown(qtbot, tmp_path, SMALL)
    with qtbot.waitSignal(wizard.rejected):
        _click(qtbot, window, wizard.button(QWizard.WizardButton.CancelButton), SMALL)
    assert not window.isVisible()


def test_closing_the_scroll_window_asks_before_losing_typed_input(
    qtbot, tmp_path: Path, monkeypatch, close_without_asking: list[object]
) -> None:
    from cmswizard.gui import dialogs

    wizard, window = _shown(qtbot, tmp_path, SMALL)
    radio = next(r for r in wizard.currentPage().findChildren(QRadioButton) if r.text().startswith("&1 "))
    indicator = QPoint(8, radio.height() // 2)  # the row is wider than the window: click its round button
    _scrolled_to(window, radio, indicator)
    assert SMALL.contains(radio.mapToGlobal(indicator))
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=indicator)
    assert radio.isChecked()
    with qtbot.waitSignal(wizard.currentIdChanged):
        _click(qtbot, window, wizard.button(QWizard.WizardButton.NextButton), SMALL)
    field = wizard.currentPage().nodes  # the service names of a CSR
    _scrolled_to(window, field.viewport(), QPoint(8, 8))
    assert SMALL.contains(field.viewport().mapToGlobal(QPoint(8, 8)))
    qtbot.mouseClick(field.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert field.hasFocus()
    qtbot.keyClicks(field, "cms1.example.com")

    answers: list[object] = []

    def keep(parent: object) -> bool:
        answers.append(parent)
        return False

    monkeypatch.setattr(dialogs, "confirm_discard", keep)
    assert not window.close()  # the user said "keep": the window stays, with the input
    assert answers == [wizard] and window.isVisible() and wizard.isVisible()

    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: answers.append(parent) or True)
    with qtbot.waitSignal(wizard.rejected):
        assert window.close()
    assert answers == [wizard, wizard] and not window.isVisible()


def test_scroll_window_waits_for_a_write_before_closing(qtbot, tmp_path: Path) -> None:
    """Closing in the middle of a write: the window stays until the file is complete, then closes."""
    wizard, window = _shown(qtbot, tmp_path, SMALL)
    release = threading.Event()
    written: list[str] = []

    def write() -> str:
        release.wait(10)
        (tmp_path / "file.txt").write_text("complete")
        return "file.txt"

    wizard.tasks.run(wizard.currentPage(), write, written.append, writes=True)
    assert not window.close()
    assert window.isVisible(), "closed while a file was being written"
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        release.set()
    assert not window.isVisible()
    assert written == ["file.txt"] and (tmp_path / "file.txt").read_text() == "complete"


def test_normal_screen_shows_the_wizard_itself(qtbot, tmp_path: Path) -> None:
    wizard, window = _shown(qtbot, tmp_path, NORMAL)
    assert window is wizard and wizard.isWindow()
    assert not isinstance(wizard.parentWidget(), QWidget)
    assert (wizard.width(), wizard.height()) == (960, 720)


def test_a_field_messages_help_link_works_in_the_scroll_window(qtbot, tmp_path: Path) -> None:
    """The link asks its window for the help: the scroll window passes it to the wizard."""
    wizard = _wizard(tmp_path)
    wizard.flows.csr.spec = CsrSpec(basename="callbridge-2026", cn="cms1.example.com")
    wizard.page_at(PageId.SUBJECT)
    wizard.setStartId(PageId.SUBJECT)
    with qtbot.waitActive(wizard):
        window = show_wizard(wizard, SMALL)
        window.activateWindow()
    qtbot.addWidget(window)
    page = wizard.currentPage()
    _scrolled_to(window, page.cn, QPoint(8, 8))
    qtbot.mouseClick(page.cn, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    page.cn.selectAll()
    qtbot.keyClicks(page.cn, "bad name!")
    label = page.messages["CN"]
    assert label.isVisible()  # the page checks the field as it is typed in
    metrics = QFontMetrics(label.font())
    link_text = QCoreApplication.translate("FieldMessage", "Help")
    first_line = re.sub(r"<[^>]+>", "", label.text().split("<br>")[0]).replace("&amp;", "&")
    label.setFixedWidth(metrics.horizontalAdvance(first_line) + 40)
    qtbot.wait(10)
    x = label.contentsRect().left() + metrics.horizontalAdvance(first_line) - metrics.horizontalAdvance(link_text) // 2
    link = QPoint(x, label.contentsRect().top() + metrics.height() // 2)
    _scrolled_to(window, label, link)
    assert SMALL.contains(label.mapToGlobal(link))
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=link)
    assert wizard.help_window is not None
    assert wizard.help_window.isVisible()  # the link's click shows it
    assert wizard.help_window.anchor == "rule-CN"
