"""The country box's matches popup is filtered by the box only while it is shown: a hidden popup is a window
of its own that still receives the application's posted events (a language change), and a Python filter on it
then crashed the interpreter under gc.freeze (tests/test_journey_keyboard.py after a zh_TW test, 5 runs in 5)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from cmswizard.gui.widgets import CountryBox

from helpers.journey import activate


class _Recording(CountryBox):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.completer_popup.popup():
            self.seen.append(event.type())
        return super().eventFilter(watched, event)


def _language_change_reaches_the_filter(box: _Recording) -> bool:
    box.seen.clear()
    QApplication.postEvent(box.completer_popup.popup(), QEvent(QEvent.Type.LanguageChange))
    QApplication.processEvents()
    return QEvent.Type.LanguageChange in box.seen


def test_the_popup_is_filtered_only_while_its_matches_are_shown(qtbot) -> None:
    box = _Recording()
    qtbot.addWidget(box)
    box.show()
    activate(qtbot, box)
    editor = box.lineEdit()
    popup = box.completer_popup.popup()
    assert not _language_change_reaches_the_filter(box)  # never shown yet: not filtered

    editor.setFocus()
    with qtbot.waitSignal(box._offer_timer.timeout, timeout=2_000):
        qtbot.keyClicks(editor, "TW")
    assert popup.isVisible()
    assert _language_change_reaches_the_filter(box)  # shown: its keys go through the box first

    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert not _language_change_reaches_the_filter(box)  # hidden again: not filtered
