"""Small widgets the pages share: field messages, the country box, the SAN editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmswizard.gui.i18n import translated
from cmswizard.pki.countries import COUNTRIES
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.names import classify_san
from cmswizard.pki.spec import Problem, Severity

_COLOURS = {Severity.ERROR: "#b00020", Severity.WARNING: "#8a5a00", Severity.NOTE: "#505050"}
_SYMBOLS = {Severity.ERROR: "✗", Severity.WARNING: "⚠", Severity.NOTE: "ℹ"}


def monospace_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class FieldMessage(QLabel):
    """The engine's words about one field, right under it; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.linkActivated.connect(self._open_help)
        self.hide()

    def show_problems(self, problems: Sequence[Problem], *, with_field: bool = False) -> None:
        if not problems:
            self.clear()
            self.setAccessibleDescription("")
            self.hide()
            return
        help_text = _escape(self.tr("Help"))
        lines = [
            f'<span style="color:{_COLOURS[p.severity]}">{_SYMBOLS[p.severity]} '
            f"{_escape(f'{p.field}: ' if with_field else '')}{_escape(translated(p.message))}</span>"
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CountryBox(QComboBox):
    """Searchable list of ISO 3166 codes with names; typing 'tai' or 'TW' finds Taiwan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for code, name in sorted(COUNTRIES.items(), key=lambda item: item[1]):
            self.addItem(f"{code} — {name}", code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        editor = self.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("e.g. TW"))

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


class SanEditor(QWidget):
    """Typed rows of subject alternative names: add, remove, paste a list. The type is detected."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name or address"), self.tr("Type")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Subject alternative names"))
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("&Add"), self)
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
