"""The deployment page's files table as a model: one row per service (and node) with its key, certificate and
CA bundle, and what the row's boxes may offer (the version's services, the servers, the folder's keys and
certificates).

The rows are plain Python (`ServiceFileRow`); the page's table shows them through one box per cell
(`gui.deploy_rows.ServiceFilesView`) and writes what the user picks or types back here, so the page reads
the deployment's service files from the model, never from its widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from cmswizard.cms.services import CmsVersion, Service, services_for
from cmswizard.cms.sheet import ServiceFiles
from cmswizard.gui.i18n import translated

__all__ = ["FILE_COLUMNS", "NONE", "Column", "ServiceFileRow", "ServiceFilesModel", "names"]

NONE = "—"  # the "no file" entry of a file box

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    SERVICE = 0
    NODE = 1
    KEY = 2
    CERTIFICATE = 3  # or the full chain, for the services that take one
    BUNDLE = 4


FILE_COLUMNS = (Column.KEY, Column.CERTIFICATE, Column.BUNDLE)


def names(text: str) -> list[str]:
    """Server names typed with spaces or commas between them."""
    return [part for part in text.replace(",", " ").split() if part]


def _chosen(value: str) -> str | None:
    """A file box's text as a file name: None when it names no file."""
    value = value.strip()
    return None if value in ("", NONE) else value


@dataclass(frozen=True)
class ServiceFileRow:
    """One row of the table, as the user sees it."""

    service: Service
    node: str = ""  # "" for every server
    key: str = ""  # the file names as picked or typed ("" for none)
    certificate: str = ""
    bundle: str = ""
    suggested: bool = False  # the row came from the folder's file names
    follows_servers: bool = False  # a suggested row whose node the user has not chosen: re-guessed as servers change
    edited: bool = False  # the user picked or typed in one of its boxes: kept when the folder changes
    problem: str = ""  # why its node cannot run its service, in the user's language ("" when it can)

    @property
    def untouched_suggestion(self) -> bool:
        return self.suggested and not self.edited

    def files(self) -> ServiceFiles | None:
        """What the Deployment gets from this row: None until it names a key and a certificate."""
        key, certificate = _chosen(self.key), _chosen(self.certificate)
        if key is None or certificate is None:
            return None
        bundle = None if self.service.takes_full_chain else _chosen(self.bundle)
        return ServiceFiles(self.service, key, certificate, bundle, node=self.node)

    def value(self, column: Column) -> str:
        """The cell's value: the service's name, the node ("" for all), the file name ("" for none)."""
        if column is Column.SERVICE:
            return self.service.value
        return (self.node, self.key, self.certificate, self.bundle)[column - 1]


class ServiceFilesModel(QAbstractTableModel):
    """The rows, and the choices their boxes offer. Edit role: the cell's value (service name, node, file
    name); display role: the text the box shows; the Node column's tool tip and accessible description say
    why the row's server cannot run its service."""

    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[ServiceFileRow] = []
        self._version = CmsVersion.V3
        self._servers: tuple[str, ...] = ()
        self._keys: tuple[str, ...] = ()
        self._certificates: tuple[str, ...] = ()

    # --- what the boxes offer ---------------------------------------------------------------------
    def services(self) -> list[Service]:
        """The services a row may name on this version (the database cluster has fields of its own)."""
        return [service for service in services_for(self._version) if service is not Service.DATABASE]

    @property
    def servers(self) -> tuple[str, ...]:
        return self._servers

    def choices(self, column: Column) -> list[tuple[str, str]]:
        """The column's entries as (text shown, value): the row's own value may be another (typed) one."""
        if column is Column.SERVICE:
            return [(translated(service.label), service.value) for service in self.services()]
        if column is Column.NODE:
            return [(_all_servers(), ""), *((name, name) for name in self._servers)]
        files = self._keys if column is Column.KEY else self._certificates
        return [(NONE, ""), *((name, name) for name in files)]

    def set_version(self, version: CmsVersion) -> None:
        """Another CMS version: a row whose service it does not run names its first service instead."""
        self._version = version
        offered = self.services()
        for number, row in enumerate(self._rows):
            if row.service not in offered:
                self._rows[number] = replace(row, service=offered[0])
        self._changed_columns(Column.SERVICE, Column.SERVICE)

    def set_servers(self, servers: Iterable[str]) -> None:
        """The core and edge servers typed: a row for a server no longer listed is for every server; a
        suggested row the user has not pinned follows its key's name again."""
        self._servers = tuple(dict.fromkeys(servers))
        for number, row in enumerate(self._rows):
            if row.node not in self._servers:
                self._rows[number] = replace(row, node="")
            self._guess_node(number)
        self._changed_columns(Column.NODE, Column.NODE)

    def set_files(self, keys: Iterable[str], certificates: Iterable[str]) -> None:
        """The folder's keys (the Key column's list) and certificates (the other two); rows keep their files."""
        self._keys, self._certificates = tuple(keys), tuple(certificates)
        self._changed_columns(Column.KEY, Column.BUNDLE)

    # --- rows -------------------------------------------------------------------------------------
    def rows(self) -> list[ServiceFileRow]:
        return list(self._rows)

    def row(self, number: int) -> ServiceFileRow:
        return self._rows[number]

    def add_row(self, row: ServiceFileRow) -> int:
        """Append a row (a service this version does not run: its first; a node not listed: every server);
        a suggested row guesses its node from its key's name. Its number."""
        offered = self.services()
        row = replace(
            row,
            service=row.service if row.service in offered else offered[0],
            node=row.node if row.node in self._servers else "",
        )
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(row)
        self._guess_node(number)
        self.endInsertRows()
        return number

    def remove_row(self, number: int) -> None:
        if 0 <= number < len(self._rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()

    def clear(self) -> None:
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows.clear()
            self.endRemoveRows()

    def remove_untouched_suggestions(self) -> None:
        """Another folder: the rows suggested from the last one's names go, unless the user touched them."""
        for number in reversed(range(len(self._rows))):
            if self._rows[number].untouched_suggestion:
                self.remove_row(number)

    def mark_edited(self, number: int, *, node_chosen: bool = False) -> None:
        """The user picked or typed in one of the row's boxes: the row is theirs, kept when the folder
        changes; a node they picked no longer follows the guesses."""
        row = self._rows[number]
        self._rows[number] = replace(row, edited=True, follows_servers=row.follows_servers and not node_chosen)

    def set_problems(self, problems: Sequence[str]) -> None:
        """Per row: why its server cannot run its service ("" when it can)."""
        for number, problem in enumerate(problems):
            if number < len(self._rows) and self._rows[number].problem != problem:
                self._rows[number] = replace(self._rows[number], problem=problem)
                index = self.index(number, Column.NODE)
                roles = [Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole]
                self.dataChanged.emit(index, index, roles)

    def service_files(self) -> list[ServiceFiles]:
        """The rows that name a key and a certificate, as the Deployment takes them."""
        return [files for files in (row.files() for row in self._rows) if files is not None]

    def _guess_node(self, number: int) -> None:
        """A suggested row whose key names one server (webadmin-cms2-2026.key) is for that server only."""
        row = self._rows[number]
        if not row.follows_servers:
            return
        words = set(Path(row.key).stem.lower().split("-"))
        named = [name for name in self._servers if name.split(".")[0].lower() in words]
        self._rows[number] = replace(row, node=named[0] if len(named) == 1 else "")

    def _changed_columns(self, first: Column, last: Column) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))

    # --- Qt's model interface -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Strings only (never None or a bool for a role it answers): see tests/test_gui_soak.py.
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.EditRole:
            return row.value(column)
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.value(column)
            if column in (Column.SERVICE, Column.NODE):
                return next((text for text, data in self.choices(column) if data == value), value)
            return value or NONE
        if column is Column.NODE and role == Qt.ItemDataRole.ToolTipRole:
            return f"✗ {row.problem}" if row.problem else ""
        if column is Column.NODE and role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return row.problem
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A cell's new value (edit role): a service's name, a node ("" for every server), a file name."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        number, column = index.row(), Column(index.column())
        row = self._rows[number]
        if column is Column.SERVICE:
            service = next((s for s in self.services() if s.value == value), None)
            if service is None:
                return False
            changed = replace(row, service=service)
        elif column is Column.NODE:
            if value and value not in self._servers:
                return False
            changed = replace(row, node=value)
        else:
            name = "" if value == NONE else value
            if column is Column.KEY:
                changed = replace(row, key=name)
            elif column is Column.CERTIFICATE:
                changed = replace(row, certificate=name)
            else:
                changed = replace(row, bundle=name)
        if changed != row:
            self._rows[number] = changed
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if section < len(self._headers) else ""
        return None


def _all_servers() -> str:
    # in the deployment page's translation context, where the catalogue has it
    return QCoreApplication.translate("DeploySheetPage", "all servers")
