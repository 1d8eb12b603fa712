"""The deployment page's rows of service files: one row per service (and node) with its key, certificate and
CA bundle, suggested from the folder's file names, kept when the user has touched them.

A mixin of the deployment page (`DeploySheetPage`), kept apart so the page module stays readable; it works
on the page's own widgets (its table, server fields and folder lists) and never on another page's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableWidget

from cmswizard.cms.services import CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import ServiceFiles, pinned_off_side
from cmswizard.cms.trust import shared_ca_bundle
from cmswizard.gui import style
from cmswizard.gui.i18n import labelled, translated
from cmswizard.gui.widgets import chain_tab_order
from cmswizard.pki.bundle import KEY_SUFFIX, SUFFIXES, BundleKind

if TYPE_CHECKING:
    from cmswizard.gui.page import WizardPage

    _Page = WizardPage
else:
    _Page = object

NONE = "—"  # the "no file" entry of a file box
KEY_COLUMN, FILE_COLUMNS = 2, (2, 3, 4)
_AUTO = "auto_node"  # a suggested row whose node the user has not chosen: follows the server list
_SUGGESTED = "suggested"  # on a row's service box: the row came from the folder's file names
_EDITED = "edited"  # on a box the user picked or typed in: its row is the user's, kept when the folder changes


def names(text: str) -> list[str]:
    """Server names typed with spaces or commas between them."""
    return [part for part in text.replace(",", " ").split() if part]


class ServiceRows(_Page):
    """The table of service files, on the deployment page's widgets."""

    table: QTableWidget
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

    def _untouched_suggestion(self, row: int) -> bool:
        boxes = [self.table.cellWidget(row, column) for column in range(5)]
        if not isinstance(boxes[0], QComboBox) or not boxes[0].property(_SUGGESTED):
            return False
        return not any(isinstance(box, QComboBox) and box.property(_EDITED) for box in boxes)

    def _row_edited(self) -> None:
        """The user picked or typed in one of the row's boxes: the row is theirs from now on."""
        sender = self.sender()
        box = sender.parent() if isinstance(sender, QLineEdit) else sender
        if isinstance(box, QComboBox):
            box.setProperty(_EDITED, True)

    def _fill_files(self, combo: QComboBox, current: str, column: int) -> None:
        """The Key column lists keys only; the certificate columns list certificates only."""
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([NONE, *(self.keys if column == KEY_COLUMN else self.certificates)])
        if current and current != NONE and combo.findText(current) < 0:
            combo.addItem(current)
        combo.setCurrentText(current or NONE)
        combo.blockSignals(False)

    def _fill_services(self, combo: QComboBox, current: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        for service in services_for(CmsVersion(self.version.currentData())):
            if service is not Service.DATABASE:
                combo.addItem(translated(service.label), service.value)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

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
        row = self.table.rowCount()
        self.table.insertRow(row)
        services = QComboBox(self.table)
        # As wide as a service name, not as the longest entry of the list: the file columns need the room
        # (at 960 px the CA bundle column was cut to "a-bundle.crt")
        services.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        services.setMinimumContentsLength(len("Web Bridge 3") + 1)
        services.setProperty(_SUGGESTED, auto)
        self._fill_services(services, service.value if service else None)
        services.currentIndexChanged.connect(self.refresh)
        services.activated.connect(self._row_edited)
        self.table.setCellWidget(row, 0, services)
        nodes = QComboBox(self.table)
        nodes.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the whole FQDN in the Node column
        nodes.setProperty(_AUTO, auto)
        self._fill_nodes(nodes, node)
        nodes.currentIndexChanged.connect(self.refresh)
        nodes.activated.connect(self._node_chosen)
        nodes.activated.connect(self._row_edited)
        self.table.setCellWidget(row, 1, nodes)
        for column, value in ((2, key), (3, certificate), (4, bundle)):
            combo = QComboBox(self.table)
            combo.setEditable(True)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            self._fill_files(combo, value, column)
            combo.currentTextChanged.connect(self.refresh)
            combo.activated.connect(self._row_edited)
            line = combo.lineEdit()
            if line is not None:
                line.textEdited.connect(self._row_edited)
            self.table.setCellWidget(row, column, combo)
        if auto:
            self._guess_node(row)
        chain_tab_order(self.table, self.add_row)  # Tab goes through the rows, then on to Add row
        self.refresh()

    def _node_chosen(self) -> None:
        """The user picked a node: that row no longer follows the guesses."""
        combo = self.sender()
        if isinstance(combo, QComboBox):
            combo.setProperty(_AUTO, False)

    def _fill_nodes(self, combo: QComboBox, current: str) -> None:
        """Every core and edge server, on every row (suggested rows included)."""
        combo.blockSignals(True)
        combo.clear()
        # in the page's own translation context, where the catalogue has it
        combo.addItem(QCoreApplication.translate("DeploySheetPage", "all servers"), "")
        for name in dict.fromkeys(names(self.nodes.text()) + names(self.edges.text())):
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        combo.blockSignals(False)

    def _guess_node(self, row: int) -> None:
        """A suggested row whose key names one server (webadmin-cms2-2026.key) is for that server only."""
        nodes, key = self.table.cellWidget(row, 1), self.table.cellWidget(row, KEY_COLUMN)
        if not isinstance(nodes, QComboBox) or not isinstance(key, QComboBox) or not nodes.property(_AUTO):
            return
        words = set(Path(key.currentText()).stem.lower().split("-"))
        named = [n for n in names(self.nodes.text()) + names(self.edges.text()) if n.split(".")[0].lower() in words]
        nodes.blockSignals(True)
        nodes.setCurrentIndex(max(nodes.findData(named[0]), 0) if len(named) == 1 else 0)
        nodes.blockSignals(False)

    def _servers_changed(self) -> None:
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 1)
            if isinstance(combo, QComboBox):
                self._fill_nodes(combo, combo.currentData() or "")
                self._guess_node(row)
        self.refresh()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.refresh()

    def _suggest_rows(self, *, rescan: bool = True) -> None:
        """Guess rows from file names like callbridge-2026.key / .crt / -bundle.crt in the folder."""
        if rescan:
            self._folder_changed()
        stems = {name[: -len(KEY_SUFFIX)] for name in self.keys if name.endswith(KEY_SUFFIX)}
        entity = SUFFIXES[BundleKind.ENTITY]
        kept = set()  # the rows already there: never suggested twice
        for row in range(self.table.rowCount()):
            service_box, key_box = self.table.cellWidget(row, 0), self.table.cellWidget(row, KEY_COLUMN)
            if isinstance(service_box, QComboBox) and isinstance(key_box, QComboBox):
                kept.add((service_box.currentData(), key_box.currentText()))
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
        chosen = []
        for row in range(self.table.rowCount()):
            boxes = [self.table.cellWidget(row, column) for column in range(5)]
            combos = [box for box in boxes if isinstance(box, QComboBox)]
            if len(combos) != 5:
                continue
            service_box, node_box, key_box, cert_box, bundle_box = combos
            values = [box.currentText().strip() for box in (key_box, cert_box, bundle_box)]
            key, cert, bundle = (None if v in ("", NONE) else v for v in values)
            if key is None or cert is None:
                continue
            service = Service(service_box.currentData())
            node = node_box.currentData() if node_box.currentIndex() > 0 else ""
            chosen.append(
                ServiceFiles(service, key, cert, None if service.takes_full_chain else bundle, node=node or "")
            )
        return chosen

    def _mark_off_side_rows(self, topology: Topology, edges: tuple[str, ...]) -> None:
        """A row for a server that does not run its service: its Node box in red, saying why (the line under
        the table says it too, once the row is complete)."""
        for row in range(self.table.rowCount()):
            service_box, node_box = self.table.cellWidget(row, 0), self.table.cellWidget(row, 1)
            if not isinstance(service_box, QComboBox) or not isinstance(node_box, QComboBox):
                continue
            node = node_box.currentData() if node_box.currentIndex() > 0 else ""
            problem = (
                pinned_off_side(ServiceFiles(Service(service_box.currentData()), "", "", node=node), topology, edges)
                if service_box.currentData() and node
                else None
            )
            why = labelled(node, translated(problem)) if problem is not None else ""
            red = style.colour(style.Role.ERROR, node_box).name()
            node_box.setStyleSheet(f"QComboBox {{ color: {red}; }}" if why else "")
            node_box.setToolTip(f"✗ {why}" if why else "")
            node_box.setAccessibleDescription(why)
