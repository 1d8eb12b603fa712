"""Small widgets the pages share: field messages, the country box, the SAN editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCollator, QEvent, QLocale, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmswizard.gui import style
from cmswizard.gui.i18n import field_name, labelled, translated, translated_into
from cmswizard.pki.countries import COMMON_MISTAKES, COUNTRIES
from cmswizard.pki.errors import CmsInputError, Text
from cmswizard.pki.names import classify_san
from cmswizard.pki.spec import Problem, Severity

_ROLES = {Severity.ERROR: style.Role.ERROR, Severity.WARNING: style.Role.WARNING, Severity.NOTE: style.Role.NOTE}
_SYMBOLS = {Severity.ERROR: "✗", Severity.WARNING: "⚠", Severity.NOTE: "ℹ"}


def monospace_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class FieldMessage(QLabel):
    """The engine's words about one field, right under it; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, *, reserve_line: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.linkActivated.connect(self._open_help)
        self.reserve_line = reserve_line  # under a field being typed in: a message must not move the fields below
        if reserve_line:  # one line as tall as one with a message (the symbols may come from a taller font)
            self.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{"".join(_SYMBOLS.values())} Xg</span>'
            )
            self.setMinimumHeight(self.sizeHint().height())
            self.clear()
        else:
            self.hide()

    def show_problems(self, problems: Sequence[Problem], *, with_field: bool = False) -> None:
        if not problems:
            self.clear()
            self.setAccessibleDescription("")
            self.setVisible(self.reserve_line)
            return
        help_text = _escape(self.tr("Help"))
        lines = [
            f'<span style="color:{style.hex_colour(_ROLES[p.severity], self)}">{_SYMBOLS[p.severity]} '
            f"{_escape(_message_text(p, with_field=with_field))}</span>"
            f' <a href="help:{_escape(p.field)}">{help_text}</a>'
            for p in problems
        ]
        self.setText("<br>".join(lines))
        self.setAccessibleDescription(self.plain_text())  # a screen reader reads the words, not the markup
        self.show()

    def plain_text(self) -> str:
        """What the label says, without markup."""
        import re

        doc = re.sub(r" <a href=[^>]*>[^<]*</a>", "", self.text()).replace("<br>", "\n")
        return re.sub(r"<[^>]+>", "", doc).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    def _open_help(self, link: str) -> None:
        """The field's rule in the page's help (the wizard window offers show_help)."""
        show_help = getattr(self.window(), "show_help", None)
        if callable(show_help):
            show_help(link.removeprefix("help:"))


def _message_text(problem: Problem, *, with_field: bool) -> str:
    """The message, with its field in front when asked, or when it needs one to read as a sentence
    ('is 70 characters long; …'), even right under the field."""
    fragment = isinstance(problem.message, Text) and problem.message.template[:1].islower()
    if with_field or fragment:
        return labelled(field_name(problem.field), translated(problem.message))
    return translated(problem.message)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CountryBox(QComboBox):
    """Searchable list of ISO 3166 codes with names. Typing a code, a common mistake ('UK'), or part of
    the name in English or Traditional Chinese ('tai', '臺灣', '台灣') offers the countries, best match first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        collator = QCollator(QLocale())
        entries = sorted(COUNTRIES.items(), key=lambda item: collator.sortKey(translated(item[1])))
        self.addItem("", "")
        self._keys: list[tuple[str, set[str], set[str]]] = []  # shown text, codes and names in lower case
        aliases: dict[str, list[str]] = {}
        for typo, code in COMMON_MISTAKES.items():
            aliases.setdefault(code, []).append(typo.lower())
        for code, name in entries:
            shown = f"{code} — {translated(name)}"
            self.addItem(shown, code)
            names = {name.lower(), _fold(translated(name).lower()), _fold(translated_into("zh_TW", name))}
            self._keys.append((shown, {code.lower(), *aliases.get(code, [])}, names))
        editor = self.lineEdit()
        assert editor is not None
        editor.setCompleter(None)  # type: ignore[arg-type]  # QComboBox's inline completion would append "UA — Ukraine" to "U"
        editor.setPlaceholderText(self.tr("e.g. TW"))
        self._matches = QStringListModel(self)
        self.completer_popup = QCompleter(self._matches, self)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setWidget(editor)
        self.completer_popup.activated[str].connect(self._accept_match)  # type: ignore[index]
        # After the page has reacted to the text (a wizard page re-checks and updates its buttons, which
        # closes an open popup), so the offer stays on screen.
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(0)
        self._offer_timer.timeout.connect(self._offer_typed)
        editor.textEdited.connect(self._offer_timer.start)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The focus went to another field (a mnemonic, a click): the matches go with it."""
        popup = self.completer_popup.popup()
        if popup is not None and popup.isVisible() and new is not None and new not in (self.lineEdit(), popup):
            popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab, Shift+Tab and Alt+letter while the matches are shown: close them, then let the key do what it
        does everywhere else (move on; the label's mnemonic), instead of the popup keeping the keys."""
        popup = self.completer_popup.popup()
        editor = self.lineEdit()
        focused = QApplication.focusWidget()
        elsewhere = focused is not None and focused not in (self, editor, popup)
        if watched is popup and event.type() == QEvent.Type.Hide and popup is not None:
            popup.removeEventFilter(self)  # filtered only while shown (see _offer_matches)
            return False
        if watched is popup and event.type() == QEvent.Type.Show and elsewhere and popup is not None:
            QTimer.singleShot(0, popup.hide)  # it came up late (the first CJK font): the focus has moved on
        typed_elsewhere = watched is popup and event.type() == QEvent.Type.KeyPress and elsewhere
        if typed_elsewhere and isinstance(event, QKeyEvent) and popup is not None and focused is not None:
            popup.hide()  # typed for the field that has the focus now
            QApplication.sendEvent(focused, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
            return True
        if watched is popup and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            leaving = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            mnemonic = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier) and event.key() != Qt.Key.Key_Alt
            editor = self.lineEdit()
            if (leaving or mnemonic) and editor is not None:
                popup.hide()
                again = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
                QApplication.sendEvent(editor, again)  # not spontaneous: shortcuts are tried first
                return True
        return super().eventFilter(watched, event)

    def matches(self, typed: str) -> list[str]:
        """The entries for what was typed, best first: the code (or the code a common mistake means),
        then names that start with it, then names with a word that starts with it, then any other."""
        query = _fold(typed.strip().lower())
        if not query:
            return []
        ranked: list[tuple[int, int, str]] = []
        for order, (shown, codes, names) in enumerate(self._keys):
            if query in codes:
                rank = 0
            elif any(name.startswith(query) for name in names):
                rank = 1
            elif any(part.startswith(query) for name in names for part in name.replace("(", " ").split()):
                rank = 2
            elif any(query in name for name in names):
                rank = 3
            else:
                continue
            ranked.append((rank, order, shown))
        return [shown for _, _, shown in sorted(ranked)]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down or Up after typing opens the matches for what was typed; it never steps to the list's
        neighbour of the last entry ('UK' + Down must not become the next country in the list)."""
        arrow = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        plain = not event.modifiers() & Qt.KeyboardModifier.AltModifier
        if arrow and plain and self.currentText() != self.itemText(self.currentIndex()):
            self._offer_matches(self.currentText())
            popup = self.completer_popup.popup()
            if popup is not None and popup.isVisible():
                row = 0 if event.key() == Qt.Key.Key_Down else self._matches.rowCount() - 1
                popup.setCurrentIndex(self._matches.index(row))
            event.accept()
            return
        super().keyPressEvent(event)

    def _offer_typed(self) -> None:
        editor = self.lineEdit()
        if editor is not None and editor.hasFocus():
            self._offer_matches(editor.text())

    def _offer_matches(self, typed: str) -> None:
        found = self.matches(typed)
        self._matches.setStringList(found)
        if found:
            popup = self.completer_popup.popup()
            if popup is not None:
                # Its keys are ours while it is shown: installed after the completer's own filter, so it sees them
                # first. Only while shown: a hidden popup is a window of its own that still gets the application's
                # posted events (a language change), and a Python filter on it then crashed the test run under
                # gc.freeze (tests/test_journey_keyboard.py after a zh_TW test).
                popup.removeEventFilter(self)
                popup.installEventFilter(self)
            self.completer_popup.complete()
        else:
            popup = self.completer_popup.popup()
            if popup is not None:
                popup.hide()

    def _accept_match(self, shown: str) -> None:
        index = self.findText(shown)
        if index >= 0:
            self.setCurrentIndex(index)

    def code(self) -> str:
        """The two-letter code if a list entry is chosen, else exactly what was typed (the engine judges it)."""
        text = self.currentText().strip()
        head = text.split(" — ")[0].strip()
        return head if " — " in text and head.upper() in COUNTRIES else text

    def set_code(self, code: str) -> None:
        index = self.findData(code.upper()) if code else 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


def _fold(text: str) -> str:
    """臺 and 台 are written interchangeably in Taiwan: match either."""
    return text.replace("臺", "台")


class LeavingTable(QTableWidget):
    """A table that Tab leaves, as every Qt dialog's fields do: arrows move between cells; Tab (and Tab
    while a cell is edited: the cell is committed) moves on to the next field after the table."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setTabKeyNavigation(False)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        leaving = hint in (
            QAbstractItemDelegate.EndEditHint.EditNextItem,
            QAbstractItemDelegate.EndEditHint.EditPreviousItem,
        )
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if leaving else hint)
        if leaving:
            QWidget.focusNextPrevChild(self, hint is QAbstractItemDelegate.EndEditHint.EditNextItem)


def chain_tab_order(table: QTableView, after: QWidget) -> None:
    """Tab through a table's cell widgets row by row, then on to `after` (cell widgets are made after the
    page's other fields, so without this Tab would jump from the last cell to the window's first field)."""
    previous: QWidget = table
    model = table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            cell = table.indexWidget(model.index(row, column))
            if cell is not None and cell.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(previous, cell)
                previous = cell
    QWidget.setTabOrder(previous, after)


class CellEdit(QLineEdit):
    """A field inside a table row: Enter commits what was typed and stays in the cell (it must not reach
    the wizard's default button and move to the next page)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class SanEditor(QWidget):
    """Typed rows of subject alternative names: add, remove, paste a list. The type is detected."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = LeavingTable(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name or address"), self.tr("Type")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Subject alternative names"))
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("A&dd"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.paste_button = QPushButton(self.tr("&Paste list"), self)
        self.paste_button.setToolTip(self.tr("Add names from the clipboard, separated by commas, spaces or lines"))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.paste_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add_empty_row)
        self.remove_button.clicked.connect(self._remove_selected)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.table.itemChanged.connect(self._on_item_changed)
        self.setFocusProxy(self.table)  # the label's mnemonic lands in the table

    def entries(self) -> list[str]:
        values = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            text = item.text().strip() if item else ""
            if text:
                values.append(text)
        return values

    def set_entries(self, values: Sequence[str]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for value in values:
            self._append(value)
        self.table.blockSignals(False)
        self.changed.emit()

    def add_entries(self, values: Sequence[str]) -> None:
        existing = {v.lower() for v in self.entries()}
        self.table.blockSignals(True)
        for value in values:
            if value.strip() and value.strip().lower() not in existing:
                self._append(value.strip())
                existing.add(value.strip().lower())
        self.table.blockSignals(False)
        self.changed.emit()

    def paste_from_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        self.add_entries(text.replace(",", " ").split())

    def _append(self, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(value))
        kind = QTableWidgetItem(self._kind_of(value))
        kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 1, kind)

    @staticmethod
    def _kind_of(value: str) -> str:
        if not value.strip():
            return ""
        try:
            return classify_san(value).kind.value
        except CmsInputError:
            return "invalid"

    def _add_empty_row(self) -> None:
        self.table.blockSignals(True)
        self._append("")
        self.table.blockSignals(False)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        kind = self.table.item(item.row(), 1)
        if kind is not None:
            self.table.blockSignals(True)
            kind.setText(self._kind_of(item.text()))
            self.table.blockSignals(False)
        self.changed.emit()


class BusyBar(QProgressBar):
    """An indeterminate progress bar for work whose length is unknown (key generation, CA signing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)


class CommandBox(QPlainTextEdit):
    """A read-only monospace box for commands the admin copies to the CMS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(monospace_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )


def node_table(parent: QWidget, labels: Sequence[str], fixed: Sequence[int], accessible_name: str) -> LeavingTable:
    """The table of MMP nodes the upload and apply pages share (a tick, node, address, port, user, host key,
    result): columns in `fixed` sized to their contents, the others sharing the width; Tab leaves it."""
    table = LeavingTable(0, len(labels), parent)
    table.setHorizontalHeaderLabels(list(labels))
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents if column in fixed else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)
    table.verticalHeader().hide()
    table.setAccessibleName(accessible_name)
    return table
