"""The chain builder's model: certificates in the user's order, each link checked by the engine.

Drag and drop, the Up/Down buttons, the keyboard shortcuts and Auto-order all go through
`move()` (or `apply_order()`), so there is one way the order changes.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from cmswizard.gui.i18n import translated
from cmswizard.pki.bundle import BundleKind, bundle_bytes, select_for_bundle
from cmswizard.pki.chain import ChainItem, Ordering, Role, auto_order, check_order, collect, role_of
from cmswizard.pki.inspect import days_left
from cmswizard.pki.keys import PrivateKey, describe_public_key
from cmswizard.pki.loader import LoadedFile
from cmswizard.pki.verify import key_matches

ROW_MIME = "application/x-cmswizard-chain-rows"
Index = QModelIndex | QPersistentModelIndex


class ChainRole(enum.IntEnum):
    ROLE = Qt.ItemDataRole.UserRole + 1
    SUBJECT = enum.auto()
    ISSUER = enum.auto()
    EXPIRY = enum.auto()
    DAYS_LEFT = enum.auto()
    KEY = enum.auto()
    SOURCES = enum.auto()
    LINK_OK = enum.auto()  # None for the last row
    LINK_TEXT = enum.auto()
    UNRELATED = enum.auto()
    VALIDITY_PROBLEM = enum.auto()


@dataclass(frozen=True)
class _RowInfo:
    role: str
    unrelated: bool
    link_ok: bool | None  # None for the last row
    link_text: str
    validity: str | None


@dataclass(frozen=True)
class KeyMatch:
    source: str
    matches: bool


class ChainModel(QAbstractListModel):
    files_dropped = Signal(list)  # paths dropped from the file manager; the page loads them
    order_changed = Signal()

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._items: list[ChainItem] = []
        self._keys: list[tuple[str, PrivateKey]] = []
        self._ordering = check_order([])
        self._unrelated: set[bytes] = set()
        self._rows: list[_RowInfo] = []
        self.at: dt.datetime | None = None

    # --- contents -------------------------------------------------------------------------
    def items(self) -> list[ChainItem]:
        return list(self._items)

    def add_files(self, loaded: Sequence[LoadedFile]) -> int:
        """Add certificates (merged with those already here) and keys; returns how many are new."""
        by_fingerprint = {item.fingerprint: item for item in self._items}
        order = [item.fingerprint for item in self._items]
        for item in collect(loaded):
            known = by_fingerprint.get(item.fingerprint)
            if known is None:
                order.append(item.fingerprint)
                by_fingerprint[item.fingerprint] = item
            else:  # the same certificate again: remember the extra source
                sources = known.sources + tuple(s for s in item.sources if s not in known.sources)
                by_fingerprint[item.fingerprint] = ChainItem(known.certificate, sources, known.fingerprint)
        new = len(order) - len(self._items)
        self.beginResetModel()
        self._items = [by_fingerprint[fingerprint] for fingerprint in order]
        for file in loaded:
            self._keys.extend((file.name, key) for key in file.keys)
        self._recheck()
        self.endResetModel()
        self.order_changed.emit()
        return new

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self._recheck()
            self.endRemoveRows()
            self._links_changed()

    def remove_unrelated(self) -> None:
        for row in reversed(range(len(self._items))):
            if self._items[row].fingerprint in self._unrelated:
                self.remove(row)

    def clear(self) -> None:
        self.beginResetModel()
        self._items, self._keys = [], []
        self._recheck()
        self.endResetModel()
        self.order_changed.emit()

    # --- order ----------------------------------------------------------------------------
    def move(self, row: int, to: int) -> bool:
        """Move one certificate from `row` so that it ends up at position `to`."""
        count = len(self._items)
        if not (0 <= row < count and 0 <= to < count) or row == to:
            return False
        destination = to + 1 if to > row else to  # Qt counts the destination before the move
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination):
            return False
        self._items.insert(to, self._items.pop(row))
        self._recheck()
        self.endMoveRows()
        self._links_changed()
        return True

    def moveRows(
        self, source_parent: Index, source_row: int, count: int, destination_parent: Index, destination_child: int
    ) -> bool:
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        to = destination_child - 1 if destination_child > source_row else destination_child
        return self.move(source_row, to)

    def auto_order(self) -> None:
        """The engine's order: the entity's chain first, then anything unrelated (marked)."""
        found = auto_order(self._items, at=self.at)
        ordered: list[ChainItem] = []
        for chain in found.chains:
            ordered.extend(item for item in chain.items if item not in ordered)
        ordered.extend(item for item in self._items if item not in ordered)
        self.apply_order(ordered)

    def apply_order(self, ordered: Sequence[ChainItem]) -> None:
        if [i.fingerprint for i in ordered] == [i.fingerprint for i in self._items]:
            return
        self.layoutAboutToBeChanged.emit()
        self._items = list(ordered)
        self._recheck()
        self.layoutChanged.emit()
        self._links_changed()

    # --- what the engine says ---------------------------------------------------------------
    def _recheck(self) -> None:
        """Ask the engine once per change; data() then only reads (the view asks for every row often)."""
        self._unrelated = self._unrelated_now()
        related = [i for i in self._items if i.fingerprint not in self._unrelated]
        self._ordering = check_order(related, at=self.at)
        position = {item.fingerprint: number for number, item in enumerate(related)}
        self._rows = []
        for item in self._items:
            role = role_of(item).value
            if item.fingerprint in self._unrelated:
                self._rows.append(
                    _RowInfo(role, True, False, self.tr("unrelated: not part of this chain; it will be left out"), None)
                )
                continue
            number = position[item.fingerprint]
            validity = self._ordering.validity[number]
            ok: bool | None
            if number < len(self._ordering.links):
                link = self._ordering.links[number]
                ok, text = link.ok, ("✓ " if link.ok else "✗ ") + translated(link.reason)
            elif self._ordering.last_problem and number == len(related) - 1:
                ok, text = False, "✗ " + translated(self._ordering.last_problem)
            else:
                ok, text = None, ""
            self._rows.append(_RowInfo(role, False, ok, text, translated(validity) if validity else None))

    def _unrelated_now(self) -> set[bytes]:
        found = auto_order(self._items, at=self.at)
        chains = [c for c in found.chains if len(c.items) > 1] or list(found.chains)
        if not chains:
            return set()
        on_chain = {item.fingerprint for item in chains[0].items}
        return {item.fingerprint for item in self._items if item.fingerprint not in on_chain}

    def _links_changed(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
        self.order_changed.emit()

    def ordering(self) -> Ordering:
        return self._ordering

    def chain_items(self) -> list[ChainItem]:
        """The user's order without the unrelated certificates: what a bundle is made of."""
        return [i for i in self._items if i.fingerprint not in self._unrelated]

    def unrelated_count(self) -> int:
        return len(self._unrelated)

    def bundle(self, kind: BundleKind, include_root: bool) -> bytes:
        return bundle_bytes(select_for_bundle(self.chain_items(), kind, include_root=include_root))

    def key_matches(self) -> list[KeyMatch]:
        entity = next((i for i in self.chain_items() if role_of(i) is Role.ENTITY), None)
        if entity is None:
            return []
        return [KeyMatch(source, key_matches(key, entity.certificate)) for source, key in self._keys]

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        certificate = item.certificate
        if role in (Qt.ItemDataRole.DisplayRole, ChainRole.SUBJECT):
            return item.subject_cn
        if role == Qt.ItemDataRole.ToolTipRole:
            return certificate.subject.rfc4514_string()
        info = self._rows[index.row()]
        if role == ChainRole.ROLE:
            return info.role
        if role == ChainRole.ISSUER:
            return item.issuer_cn
        if role == ChainRole.EXPIRY:
            return f"{certificate.not_valid_after_utc:%Y-%m-%d}"
        if role == ChainRole.DAYS_LEFT:
            return days_left(certificate, self.at)
        if role == ChainRole.KEY:
            return describe_public_key(certificate.public_key())
        if role == ChainRole.SOURCES:
            return ", ".join(Path(s).name for s in item.sources)
        if role == ChainRole.UNRELATED:
            return info.unrelated
        if role == ChainRole.LINK_OK:
            return info.link_ok
        if role == ChainRole.LINK_TEXT:
            return info.link_text
        if role == ChainRole.VALIDITY_PROBLEM:
            return info.validity
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{translated(info.role)}: {item.subject_cn}, {info.link_text}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(ROW_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(ROW_MIME) or data.hasUrls()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if data.hasUrls() and not data.hasFormat(ROW_MIME):
            paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
            return bool(paths)
        if not data.hasFormat(ROW_MIME):
            return False
        rows = [int(r) for r in bytes(data.data(ROW_MIME).data()).decode().split(",") if r]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        source = rows[0]
        self.move(source, target - 1 if target > source else target)
        # Returning False: the move is done; the view must not also remove the source row.
        return False
