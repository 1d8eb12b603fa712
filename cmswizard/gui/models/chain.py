"""The chain builder's model: certificates in the user's order, each link checked by the engine.

Drag and drop, the Up/Down buttons, the keyboard shortcuts and Auto-order all go through
`move()` (or `apply_order()`), so there is one way the order changes.

Speed (10,000 certificates): membership is by fingerprint in sets and dicts, never `in` on a list;
the signature checks of one pile are kept in an `IssuerIndex` and reused by every later check and
Auto-order of the same pile; per-certificate facts (role, expiry) are worked out only for rows the
view shows. Above `SYNC_LIMIT` certificates the checking runs on a worker thread with progress and
Cancel; the rows move at once and their link texts follow.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from cmswizard.gui.i18n import translated
from cmswizard.gui.tasks import CancelToken, Task, TaskRunner
from cmswizard.pki.bundle import BundleKind, bundle_bytes, select_for_bundle
from cmswizard.pki.chain import (
    ChainItem,
    IssuerIndex,
    Ordering,
    Role,
    auto_order,
    check_order,
    collect,
    role_of,
    validity_problem,
)
from cmswizard.pki.errors import Cancelled
from cmswizard.pki.inspect import days_left
from cmswizard.pki.keys import PrivateKey, describe_public_key
from cmswizard.pki.loader import LoadedFile
from cmswizard.pki.verify import key_matches

log = logging.getLogger(__name__)
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


SYNC_LIMIT = 64  # up to this many certificates a check takes a few milliseconds: done at once


@dataclass(frozen=True)
class Analysis:
    """What the engine says about one order of one pile (made on a worker thread for big piles)."""

    order: tuple[ChainItem, ...]  # the order these facts are for (Auto-order's result, or the user's)
    unrelated: frozenset[bytes]
    ordering: Ordering  # the related certificates, checked link by link
    position: dict[bytes, int]  # fingerprint -> position among the related certificates
    index: IssuerIndex  # built for this pile; the next check of the same pile reuses its work


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def analyse(
    items: Sequence[ChainItem],
    index: IssuerIndex | None,
    *,
    auto: bool = False,
    at: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    known: dict[tuple[bytes, bytes], bool] | None = None,
) -> Analysis:
    """Qt-free: which certificates are unrelated, and every link of the related ones checked.
    With `auto`, first put the pile in the engine's order (the entity's chain first). One
    `auto_order` pass either way. `index`: one built for exactly `items` (its signature checks are
    reused), or None to build one, starting from the signature checks `known` from before."""
    if index is None:
        index = IssuerIndex(list(items), at or _now(), signature_cache=known if known is not None else {})
    found = auto_order(items, at=at, index=index, progress=progress)
    order: Sequence[ChainItem] = items
    if auto:
        placed: set[bytes] = set()
        ordered: list[ChainItem] = []
        for chain in found.chains:
            for item in chain.items:
                if item.fingerprint not in placed:
                    placed.add(item.fingerprint)
                    ordered.append(item)
        ordered.extend(item for item in items if item.fingerprint not in placed)
        order = ordered
        # The chains do not depend on the order of their pile, only which one comes first does.
        found = auto_order(order, at=at, index=index)
    chains = [c for c in found.chains if len(c.items) > 1] or list(found.chains)
    unrelated: frozenset[bytes] = frozenset()
    if chains:
        on_chain = {item.fingerprint for item in chains[0].items}
        unrelated = frozenset(item.fingerprint for item in order if item.fingerprint not in on_chain)
    related = [item for item in order if item.fingerprint not in unrelated]
    return Analysis(
        tuple(order),
        unrelated,
        check_order(related, at=at),
        {item.fingerprint: number for number, item in enumerate(related)},
        index,
    )


@dataclass(frozen=True)
class KeyMatch:
    source: str
    matches: bool


def _merged(items: Sequence[ChainItem], new_items: Sequence[ChainItem]) -> tuple[list[ChainItem], int]:
    """`items` then the new ones; a certificate already here only gains the new file as a source."""
    position = {item.fingerprint: number for number, item in enumerate(items)}
    merged = list(items)
    for item in new_items:
        number = position.get(item.fingerprint)
        if number is None:
            position[item.fingerprint] = len(merged)
            merged.append(item)
        else:
            known = merged[number]
            sources = known.sources + tuple(s for s in item.sources if s not in known.sources)
            if sources != known.sources:
                merged[number] = ChainItem(known.certificate, sources, known.fingerprint)
    return merged, len(merged) - len(items)


class _Pending:
    """A check running on a worker: what it is for, and how to stop it."""

    def __init__(self, generation: int, keys: Sequence[tuple[str, PrivateKey]], count: int) -> None:
        self.generation = generation
        self.count = count  # certificates in the pile being checked (those shown and the new ones)
        self.keys = list(keys)  # keys of the files being added: kept only if the check completes
        self.task: Task | None = None  # on the task runner: cancelling it stops the check where it is


class ChainModel(QAbstractListModel):
    """The pile in the user's order. Changes to a pile above `SYNC_LIMIT` are checked on a worker:
    an added file or Auto-order shows only once its check is complete (Cancel leaves everything as
    it was), and while a check runs the pile cannot be changed (the page disables editing), though
    the view scrolls."""

    files_dropped = Signal(list)  # paths dropped from the file manager; the page loads them
    order_changed = Signal()
    checking = Signal(bool)  # a check runs on a worker (True) or is done / cancelled (False)
    progressed = Signal(int, int)  # (done, total) of the check that runs

    def __init__(self, parent: object | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._tasks = tasks if tasks is not None else TaskRunner(self)  # the wizard's, or one of its own
        self._items: list[ChainItem] = []
        self._keys: list[tuple[str, PrivateKey]] = []
        self.at: dt.datetime | None = None
        self._analysis = analyse([], None)
        self._roles: dict[bytes, Role] = {}  # per certificate, filled as rows are shown
        self._validity_cache: dict[bytes, str | None] = {}
        self._generation = 0  # bumped by every check: an older worker result is dropped
        # chain_items() of the order and check shown: asked for several times per refresh (10,000 rows)
        self._chain_cache: tuple[list[ChainItem], Analysis, list[ChainItem]] | None = None
        self._version = 0
        self._pending: _Pending | None = None
        self._queued: list[tuple[list[ChainItem], list[tuple[str, PrivateKey]]]] = []

    # --- contents -------------------------------------------------------------------------
    def items(self) -> list[ChainItem]:
        return list(self._items)

    def add_files(self, loaded: Sequence[LoadedFile]) -> int:
        """Add certificates (merged with those already here) and keys; returns how many are new."""
        keys = [(file.name, key) for file in loaded for key in file.keys]
        return self.add_items(collect(loaded), keys)

    def add_items(self, new_items: Sequence[ChainItem], keys: Sequence[tuple[str, PrivateKey]] = ()) -> int:
        """Add certificates already fingerprinted (by a worker); returns how many are new."""
        if self._pending is not None:  # another file is being checked: this one follows it
            self._queued.append((list(new_items), list(keys)))
            known = {item.fingerprint for item in self._items}
            return sum(1 for item in new_items if item.fingerprint not in known)
        merged, added = _merged(self._items, new_items)
        self._start(merged, auto=False, new_pile=True, keys=keys)
        return added

    def remove(self, row: int) -> None:
        if self._pending is None and 0 <= row < len(self._items):
            self._start([*self._items[:row], *self._items[row + 1 :]], auto=False, new_pile=True)

    def remove_unrelated(self) -> None:
        unrelated = self._analysis.unrelated
        if self._pending is None and unrelated:
            self._start([i for i in self._items if i.fingerprint not in unrelated], auto=False, new_pile=True)

    def clear(self) -> None:
        self.cancel()
        self._keys = []
        self._start([], auto=False, new_pile=True)

    # --- order ----------------------------------------------------------------------------
    def move(self, row: int, to: int) -> bool:
        """Move one certificate from `row` so that it ends up at position `to`."""
        count = len(self._items)
        if self._pending is not None or not (0 <= row < count and 0 <= to < count) or row == to:
            return False
        order = list(self._items)
        order.insert(to, order.pop(row))
        if len(order) > SYNC_LIMIT:
            self._start(order, auto=False, new_pile=False)
            return True
        destination = to + 1 if to > row else to  # Qt counts the destination before the move
        if not self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination):
            return False
        self._items = order
        self._analysis = self._analyse(order, auto=False, new_pile=False)
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
        if self._pending is None:
            self._start(list(self._items), auto=True, new_pile=False)

    def apply_order(self, ordered: Sequence[ChainItem]) -> None:
        if self._pending is None and [i.fingerprint for i in ordered] != [i.fingerprint for i in self._items]:
            self._start(list(ordered), auto=False, new_pile=False)

    # --- what the engine says ---------------------------------------------------------------
    def _analyse(
        self,
        items: list[ChainItem],
        *,
        auto: bool,
        new_pile: bool,
        progress: Callable[[int, int], None] | None = None,
    ) -> Analysis:
        """One check; a pile that did not change reuses the index (and its signature checks)."""
        index = None if new_pile else self._analysis.index
        return analyse(
            items, index, auto=auto, at=self.at, progress=progress, known=self._analysis.index.signature_cache
        )

    def _start(
        self, items: list[ChainItem], *, auto: bool, new_pile: bool, keys: Sequence[tuple[str, PrivateKey]] = ()
    ) -> None:
        """Check `items` (a new pile or a new order); show them with the result. Small piles at once."""
        self._generation += 1
        self._validity_cache.clear()  # `at` may have changed
        if len(items) <= SYNC_LIMIT:
            self._show(self._analyse(items, auto=auto, new_pile=new_pile), keys)
            return
        pending = _Pending(self._generation, keys, len(items))
        self._pending = pending
        # The worker gets copies: what it learns must not be written into the index the model shows from
        # (a cancelled worker may still be adding to them); the result brings its own index back.
        index = None if new_pile else self._analysis.index.copy()
        known, at = dict(self._analysis.index.signature_cache), self.at

        def work(token: CancelToken, report: Callable[[int, int, str], None]) -> Analysis:
            def progress(done: int, total: int) -> None:
                token.check()
                report(done, total, "")

            return analyse(items, index, auto=auto, at=at, progress=progress, known=known)

        self.checking.emit(True)
        pending.task = self._tasks.run_cancellable_with_progress(
            self,
            work,
            lambda done, total, _what: self._progress(pending, done, total),
            lambda result: self._checked(pending, result),
            lambda error: self._check_failed(pending, error),
        )

    def _show(self, result: Analysis, keys: Sequence[tuple[str, PrivateKey]]) -> None:
        """Show a checked pile: one reset for a new pile, one layout change for a new order."""
        same_pile = len(result.order) == len(self._items) and {i.fingerprint for i in result.order} == {
            i.fingerprint for i in self._items
        }
        if same_pile:
            self.layoutAboutToBeChanged.emit()
            self._items, self._analysis = list(result.order), result
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._items, self._analysis = list(result.order), result
            self.endResetModel()
        self._keys.extend(keys)
        self._links_changed()

    def busy(self) -> bool:
        return self._pending is not None

    def checking_count(self) -> int:
        """How many certificates the running check is for: with a file being added, more than are shown."""
        return self._pending.count if self._pending is not None else len(self._items)

    def cancel(self) -> None:
        """Stop the check that runs (and drop files waiting for it): the pile stays as it was."""
        pending, self._pending = self._pending, None
        self._queued.clear()
        if pending is not None:
            if pending.task is not None:
                pending.task.cancel()  # stops at its next report; neither its result nor an error arrives
            self.checking.emit(False)

    def _progress(self, pending: _Pending, done: int, total: int) -> None:
        if pending is self._pending:
            self.progressed.emit(done, total)

    def _checked(self, pending: _Pending, result: Analysis) -> None:
        if pending is not self._pending:
            return  # cancelled meanwhile
        self._pending = None
        self._show(result, pending.keys)
        self.checking.emit(False)
        self._next_queued()

    def _check_failed(self, pending: _Pending, error: Exception) -> None:
        if pending is self._pending:
            self._pending = None
            self.checking.emit(False)
        if not isinstance(error, Cancelled):
            log.error("checking the chain failed", exc_info=error)

    def _next_queued(self) -> None:
        if self._queued:
            queued, self._queued = self._queued, []
            self.add_items([i for items, _ in queued for i in items], [k for _, keys in queued for k in keys])

    def version(self) -> int:
        """Bumped whenever what the pile shows changes (order, check, keys): a view redraws only then."""
        return self._version

    def _links_changed(self) -> None:
        self._version += 1
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))
        self.order_changed.emit()

    def ordering(self) -> Ordering:
        return self._analysis.ordering

    def chain_items(self) -> list[ChainItem]:
        """The user's order without the unrelated certificates: what a bundle is made of."""
        items, analysis = self._items, self._analysis
        cached = self._chain_cache
        if cached is None or cached[0] is not items or cached[1] is not analysis:  # a new order or check
            chain = [i for i in items if i.fingerprint not in analysis.unrelated]
            cached = self._chain_cache = (items, analysis, chain)
        return list(cached[2])

    def unrelated_count(self) -> int:
        return len(self._analysis.unrelated)  # all in the pile shown (a new pile shows with its check)

    def bundle(self, kind: BundleKind, include_root: bool) -> bytes:
        return bundle_bytes(select_for_bundle(self.chain_items(), kind, include_root=include_root))

    def key_matches(self) -> list[KeyMatch]:
        if not self._keys:
            return []
        entity = next((i for i in self.chain_items() if role_of(i) is Role.ENTITY), None)
        if entity is None:
            return []
        return [KeyMatch(source, key_matches(key, entity.certificate)) for source, key in self._keys]

    def matching_key(self) -> PrivateKey | None:
        """A loaded private key that belongs to the entity certificate (for PKCS#12), if any."""
        entity = next((i for i in self.chain_items() if role_of(i) is Role.ENTITY), None)
        if entity is None:
            return None
        return next((key for _, key in self._keys if key_matches(key, entity.certificate)), None)

    def _role(self, item: ChainItem) -> Role:
        role = self._roles.get(item.fingerprint)
        if role is None:
            role = self._roles[item.fingerprint] = role_of(item)
        return role

    def _validity(self, item: ChainItem) -> str | None:
        if item.fingerprint not in self._validity_cache:
            self._validity_cache[item.fingerprint] = validity_problem(item.certificate, self.at)
        return self._validity_cache[item.fingerprint]

    def _link(self, item: ChainItem) -> tuple[bool | None, str]:
        """(ok, text) of the link from this certificate to the next, as of the last check."""
        analysis = self._analysis
        if item.fingerprint in analysis.unrelated:
            return False, self.tr("unrelated: not part of this chain; it will be left out")
        number = analysis.position.get(item.fingerprint)
        ordering = analysis.ordering
        if number is None:
            return None, ""
        if number < len(ordering.links):
            link = ordering.links[number]
            return link.ok, ("✓ " if link.ok else "✗ ") + translated(link.reason)
        if ordering.last_problem and number == len(ordering.items) - 1:
            return False, "✗ " + translated(ordering.last_problem)
        return None, ""

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
        if role == ChainRole.ROLE:
            return self._role(item).value
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
            return item.fingerprint in self._analysis.unrelated
        if role == ChainRole.LINK_OK:
            return self._link(item)[0]
        if role == ChainRole.LINK_TEXT:
            return self._link(item)[1]
        if role == ChainRole.VALIDITY_PROBLEM:
            validity = self._validity(item)
            return translated(validity) if validity else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{translated(self._role(item).value)}: {item.subject_cn}, {self._link(item)[1]}"
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
