"""The deployment page's part that shares its height between the files table and the command preview.

Five table rows when the preview can spare them; with the database fields shown on a small screen the preview
keeps six lines first. Once the person drags the splitter's handle, their split stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from cmswizard.gui.deploy_rows import ServiceFilesView
    from cmswizard.gui.page import WizardPage
    from cmswizard.gui.widgets import CommandBox, FieldMessage

    _Page = WizardPage
else:
    _Page = object


class TableAndPreview(_Page):
    """The splitter with the files table above and the database fields, message and commands below."""

    table: ServiceFilesView
    version: QComboBox
    add_row: QPushButton
    remove_row: QPushButton
    db: QCheckBox
    db_details: list[QWidget]
    message: FieldMessage
    full_chain_button: QPushButton
    sheet_box: CommandBox
    node_tabs: QTabWidget

    def _lay_out_splitter(self, db_grid: QGridLayout) -> None:
        """The table and the command preview share the height; the table starts with room for five rows."""
        table_row = QHBoxLayout()
        table_row.addWidget(self.table, 1)
        row_buttons = QVBoxLayout()
        row_buttons.addWidget(self.add_row)
        row_buttons.addWidget(self.remove_row)
        row_buttons.addStretch()
        table_row.addLayout(row_buttons)
        table_part = QWidget(self)
        table_part.setLayout(table_row)
        table_row.setContentsMargins(0, 0, 0, 0)
        self.preview_part = QWidget(self)
        preview = QVBoxLayout(self.preview_part)
        preview.setContentsMargins(0, 0, 0, 0)
        preview.addLayout(db_grid)
        preview.addWidget(self.message)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.full_chain_button)
        fix_row.addStretch()
        preview.addLayout(fix_row)
        preview.addWidget(self.node_tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(table_part)
        self.splitter.addWidget(self.preview_part)
        self.splitter.setStretchFactor(0, 0)  # five rows; the handle gives the table more when needed
        self.splitter.setStretchFactor(1, 1)
        # _share_height gives it five rows when the preview can spare them
        self.table.setMinimumHeight(self.table.height_for(3, self.version))
        self.user_split = False  # the person dragged the handle: their split stays
        self.splitter.splitterMoved.connect(self._split_by_hand)
        self.db.toggled.connect(self._show_db_fields)
        self._show_db_fields(self.db.isChecked())
        self.node_tabs.setMinimumHeight(90)

    def _show_db_fields(self, shown: bool) -> None:
        for widget in self.db_details:
            widget.setVisible(shown)
        if not self.user_split:
            self._share_height()

    def _split_by_hand(self) -> None:
        self.user_split = True

    def _share_height(self) -> None:
        """Five table rows; with the database fields shown, the command preview keeps six lines first and the
        table goes down to three rows on a small screen (960×720: it scrolls; the handle gives it more)."""
        table = self.table.height_for(5, self.version)
        if self.db.isChecked():
            total = self.splitter.height() - self.splitter.handleWidth()
            lines = self.sheet_box.fontMetrics().lineSpacing() * 6 + 2 * self.sheet_box.frameWidth() + 8
            tabs = self.node_tabs.tabBar().sizeHint().height()
            around = self.preview_part.sizeHint().height() - self.node_tabs.sizeHint().height()  # DB fields, message
            table = max(self.table.height_for(3, self.version), min(table, total - around - tabs - lines))
        self.table.setMinimumHeight(table)  # kept when a longer message below asks for room
        self.splitter.setSizes([table, max(self.splitter.height() - self.splitter.handleWidth() - table, 0)])
