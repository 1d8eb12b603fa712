"""The deployment page's files table: the view that shows `ServiceFilesModel`'s rows with one box per cell,
and the page's part that fills the model (rows suggested from the folder's file names, the servers, the
version, the rows for a server that does not run their service).

The truth is the model (`gui/models/service_files.py`): a box writes what the user picks or types into it,
and shows what the model holds when anything else changes it (another folder, the servers, the version).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPushButton, QTableView, QWidget

from cmswizard.cms.services import CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import ServiceFiles, pinned_off_side
from cmswizard.cms.trust import shared_ca_bundle
from cmswizard.gui import style
from cmswizard.gui.i18n import labelled, translated
from cmswizard.gui.models.service_files import (
    FILE_COLUMNS,
    NONE,
    Column,
    ServiceFileRow,
    ServiceFilesModel,
    names,
)
from cmswizard.gui.widgets import chain_tab_order
from cmswizard.pki.bundle import KEY_SUFFIX, SUFFIXES, BundleKind

if TYPE_CHECKING:
    from cmswizard.gui.page import WizardPage

    _Page = WizardPage
else:
    _Page = object

__all__ = ["NONE", "ServiceFilesView", "ServiceRows", "fill_file_box", "names"]


def fill_file_box(combo: QComboBox, files: Sequence[str], current: str) -> None:
    """A file box: "—", then the files; what was typed stays chosen even when the folder lacks it."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItems([NONE, *files])
    if current and current != NONE and combo.findText(current) < 0:
        combo.addItem(current)
    combo.setCurrentText(current or NONE)
    combo.blockSignals(False)


class ServiceFilesView(QTableView):
    """The files table: a combo box in every cell, shown from the model and writing the user's choice back.
    Tab leaves it after its last box (the page chains the boxes, `widgets.chain_tab_order`), as it leaves
    every Qt dialog's fields; the boxes are the editors, so the view opens none of its own."""

    edited = Signal()  # a box changed its cell (the user picked or typed, or a test set the box)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._writing: tuple[int, int] | None = None  # the cell whose box is writing: not shown back into it

    def files_model(self) -> ServiceFilesModel:
        model = self.model()
        assert isinstance(model, ServiceFilesModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if isinstance(model, ServiceFilesModel):
            model.rowsInserted.connect(self._rows_inserted)
            model.dataChanged.connect(self._data_changed)

    # --- what tests and the page read as a table's --------------------------------------------------
    def rowCount(self) -> int:
        return self.files_model().rowCount()

    def columnCount(self) -> int:
        return self.files_model().columnCount()

    def cellWidget(self, row: int, column: int) -> QComboBox | None:
        """The box in a cell (None outside the table)."""
        box = self.indexWidget(self.files_model().index(row, column))
        return box if isinstance(box, QComboBox) else None

    def height_for(self, rows: int, box: QWidget) -> int:
        """Header, frame, scroll bar and `rows` rows as tall as `box` (a combo box like those in the cells)."""
        row = max(self.verticalHeader().defaultSectionSize(), box.sizeHint().height())
        self.verticalHeader().setDefaultSectionSize(row)
        frame = 2 * self.frameWidth() + 2
        scroll = self.horizontalScrollBar().sizeHint().height()  # whole file names may need it
        return self.horizontalHeader().sizeHint().height() + rows * row + frame + scroll

    def fit_columns(self) -> None:
        """Every column as wide as its boxes (whole file names: webadmin-cms1-2026.key and
        webadmin-cms2-2026.key must never look alike); the last one stretches over the room left only when
        everything fits. Stretched when it did not fit, the last column was cut to the room left (the CA
        bundle column to 100 px at 960×720 with five rows) instead of scrolling to the whole name."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        needed = sum(self.columnWidth(column) for column in range(header.count()))
        header.setStretchLastSection(needed <= self.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()  # a wider window may now hold every column, a narrower one not

    # --- model → boxes ------------------------------------------------------------------------------
    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            for column in Column:
                self.setIndexWidget(self.files_model().index(row, column), self._make_box(row, column))

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()) -> None:
        values = not roles or Qt.ItemDataRole.EditRole in roles or Qt.ItemDataRole.DisplayRole in roles
        for row in range(top_left.row(), bottom_right.row() + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                box = self.cellWidget(row, column)
                if box is None:
                    continue
                if values and self._writing != (row, column):
                    self._show(box, row, Column(column))
                if column == Column.NODE:
                    self._show_problem(box, row)

    def _show(self, box: QComboBox, row: int, column: Column) -> None:
        model = self.files_model()
        value = model.row(row).value(column)
        choices = model.choices(column)
        if column in FILE_COLUMNS:
            fill_file_box(box, [data for _text, data in choices[1:]], value)
            return
        box.blockSignals(True)
        box.clear()
        for text, data in choices:
            box.addItem(text, data)
        box.setCurrentIndex(max(box.findData(value), 0))
        box.blockSignals(False)

    def _show_problem(self, box: QComboBox, row: int) -> None:
        """A row for a server that does not run its service: its Node box in red, saying why."""
        why = self.files_model().row(row).problem
        red = style.colour(style.Role.ERROR, box).name()
        box.setStyleSheet(f"QComboBox {{ color: {red}; }}" if why else "")
        box.setToolTip(f"✗ {why}" if why else "")
        box.setAccessibleDescription(why)

    def _make_box(self, row: int, column: Column) -> QComboBox:
        box = QComboBox(self)
        cell = QPersistentModelIndex(self.files_model().index(row, column))  # follows the row as others go
        if column is Column.SERVICE:
            # As wide as a service name, not as the longest entry of the list: the file columns need the room
            # (at 960 px the CA bundle column was cut to "a-bundle.crt")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(len("Web Bridge 3") + 1)
        else:  # the whole FQDN in the Node column, whole file names in the others
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if column in FILE_COLUMNS:
            box.setEditable(True)
            box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self._show(box, row, column)
        if column is Column.NODE:
            self._show_problem(box, row)
        if column in FILE_COLUMNS:
            box.currentTextChanged.connect(lambda text: self._write(cell, text))
            line = box.lineEdit()
            if line is not None:
                line.textEdited.connect(lambda: self._mark_edited(cell))
        else:
            box.currentIndexChanged.connect(lambda: self._write(cell, box.currentData() or ""))
        box.activated.connect(lambda: self._mark_edited(cell, node_chosen=column is Column.NODE))
        return box

    # --- boxes → model ------------------------------------------------------------------------------
    def _write(self, cell: QPersistentModelIndex, value: str) -> None:
        if not cell.isValid():  # the row is gone; its box with it
            return
        self._writing = (cell.row(), cell.column())
        try:
            self.files_model().setData(cell, value)
        finally:
            self._writing = None
        self.edited.emit()

    def _mark_edited(self, cell: QPersistentModelIndex, *, node_chosen: bool = False) -> None:
        if cell.isValid():
            self.files_model().mark_edited(cell.row(), node_chosen=node_chosen)


class ServiceRows(_Page):
    """The deployment page's part that fills the files model."""

    table: ServiceFilesView
    rows: ServiceFilesModel
    version: QComboBox
    nodes: QLineEdit
    edges: QLineEdit
    folder: QLineEdit
    add_row: QPushButton
    files: list[str]
    keys: list[str]
    certificates: list[str]

    def refresh(self) -> None:  # the page's own (it comes first in the page's bases)
        raise NotImplementedError

    def _folder_changed(self) -> None:
        raise NotImplementedError

    def add_service_row(
        self,
        service: Service | None = None,
        key: str = "",
        certificate: str = "",
        bundle: str = "",
        node: str = "",
        *,
        auto: bool = False,
    ) -> None:
        first = self.rows.services()[0]
        self.rows.add_row(
            ServiceFileRow(service or first, node, key, certificate, bundle, suggested=auto, follows_servers=auto)
        )
        chain_tab_order(self.table, self.add_row)  # Tab goes through the rows, then on to Add row
        self.refresh()

    def _servers_changed(self) -> None:
        self.rows.set_servers(names(self.nodes.text()) + names(self.edges.text()))
        self.refresh()

    def _remove_row(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            row = self.rows.rowCount() - 1
        if row >= 0:
            self.rows.remove_row(row)
            self.refresh()

    def _suggest_rows(self, *, rescan: bool = True) -> None:
        """Guess rows from file names like callbridge-2026.key / .crt / -bundle.crt in the folder."""
        if rescan:
            self._folder_changed()
        stems = {name[: -len(KEY_SUFFIX)] for name in self.keys if name.endswith(KEY_SUFFIX)}
        entity = SUFFIXES[BundleKind.ENTITY]
        kept = {(row.service.value, row.key) for row in self.rows.rows()}  # never suggested twice
        owned = {stem + suffix for stem in stems for suffix in SUFFIXES.values()}  # another service's files
        shared = [name for name in self.certificates if name not in owned]
        folder = Path(self.folder.text().strip() or ".")
        for service in services_for(CmsVersion(self.version.currentData())):
            for stem in sorted(s for s in stems if s.startswith(service.value + "-") or s == service.value):
                key = stem + KEY_SUFFIX
                if (service.value, key) in kept:
                    continue
                # the CA's answer as saved: .crt, or the .cer / .pem a Windows CA hands out
                leaf = next(
                    (stem + suffix for suffix in (entity, ".cer", ".pem") if stem + suffix in self.certificates),
                    stem + entity,
                )
                if service.takes_full_chain:
                    full = stem + SUFFIXES[BundleKind.FULL_CHAIN]
                    self.add_service_row(service, key, full if full in self.files else leaf, auto=True)
                else:
                    bundle = stem + SUFFIXES[BundleKind.CA_BUNDLE]
                    found = bundle if bundle in self.files else shared_ca_bundle(folder, leaf, shared)
                    self.add_service_row(service, key, leaf, found, auto=True)

    def service_files(self) -> list[ServiceFiles]:
        return self.rows.service_files()

    def _mark_off_side_rows(self, topology: Topology, edges: tuple[str, ...]) -> None:
        """A row for a server that does not run its service: its Node box says why (the line under the
        table says it too, once the row is complete)."""
        problems = []
        for row in self.rows.rows():
            problem = (
                pinned_off_side(ServiceFiles(row.service, "", "", node=row.node), topology, edges) if row.node else None
            )
            problems.append(labelled(row.node, translated(problem)) if problem is not None else "")
        self.rows.set_problems(problems)
