"""The chain builder under a long session, and the Qt binding's reference counting (issue 13, item 2).

PySide6 6.12.0 on Python 3.11 dropped one reference to None (or True/False) on every
QModelIndex.data() that returned one; after enough paints the interpreter aborted in
CertificateCard.paint. pyproject keeps that release out; this test fails on any binding that
brings the bug back, instead of a user losing an afternoon of work.

From Python 3.12 on, None, True and False are immortal (PEP 683): dropping one of their references can
no longer crash the interpreter, and counting them proves nothing.
What still can crash there is the same fault on an ordinary object, so the check that runs on every
version counts the references of a mortal object that makes the same round trip through QModelIndex.data().
"""

from __future__ import annotations

import gc
import random
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from cmswizard.gui.flows import PageId
from cmswizard.gui.models.chain import ChainModel, ChainRole
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.pki.loader import load_bytes

from helpers.factory import Hierarchy, hierarchy
from helpers.journey import click, make_wizard

SINGLETONS_ARE_IMMORTAL = sys.version_info >= (3, 12)  # PEP 683


def _singleton_counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


class _Token:
    """A mortal object: its reference count moves with every reference taken or dropped."""


class _TokenModel(QAbstractListModel):
    """One row whose user role answers the same Python object every time: what the binding does with
    the object a data() returns (wrap it for C++, hand it back to Python) is what the test counts."""

    def __init__(self) -> None:
        super().__init__()
        self.token = _Token()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return self.token if role == Qt.ItemDataRole.UserRole else None


def test_data_keeps_the_reference_count_of_what_it_returns() -> None:
    model = _TokenModel()
    index = model.index(0)
    assert index.data(Qt.ItemDataRole.UserRole) is model.token
    before = sys.getrefcount(model.token)
    for _ in range(10_000):
        index.data(Qt.ItemDataRole.UserRole)
    drift = sys.getrefcount(model.token) - before
    assert abs(drift) < 50, f"the reference count of the object data() returns moved by {drift}"


@pytest.fixture(scope="module")
def pool() -> list[Hierarchy]:
    return [hierarchy(depth=1, prefix=f"Soak {n}", leaf_cn=f"cms{n}.example.com") for n in range(3)]


def test_data_keeps_the_reference_counts_of_none_and_booleans(qtmodeltester, pool: list[Hierarchy]) -> None:
    model = ChainModel()
    pki, other = pool[0], pool[1]
    model.add_files([load_bytes(c.pem, f"{n}.pem") for n, c in enumerate([*pki.chain, other.root])])
    qtmodeltester.check(model)
    last = model.index(model.rowCount() - 1)
    first = model.index(0)
    # The roles that answer None (no link below the last card, no validity problem, a role nobody
    # asks for) and booleans (unrelated or not, link ok or not), read the way the view reads them.
    reads = [
        (last, ChainRole.LINK_OK),
        (first, ChainRole.VALIDITY_PROBLEM),
        (first, Qt.ItemDataRole.DecorationRole),
        (first, ChainRole.UNRELATED),
        (first, ChainRole.LINK_OK),
        (last, ChainRole.UNRELATED),
    ]
    answers = {index.data(role) for index, role in reads}
    assert answers == {None, True, False}
    before = _singleton_counts()
    for _ in range(10_000 // len(reads) + 1):
        for index, role in reads:
            index.data(role)
    after = _singleton_counts()
    if SINGLETONS_ARE_IMMORTAL:
        # Their counts still move (stable-ABI extensions add and subtract; the interpreter resets them to
        # the immortal value), harmlessly and meaning nothing: the mortal round trip above is the check.
        return
    drift = [b - a for a, b in zip(before, after, strict=True)]
    assert all(abs(d) < 50 for d in drift), f"None/True/False reference counts moved by {drift}"


def _drop(view, mime: QMimeData, position: QPoint) -> None:
    """What the view receives when a card is dragged onto another place: enter, move, drop."""
    viewport = view.viewport()
    action, buttons, mods = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(position, action, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(position, action, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDropEvent(position.toPointF(), action, mime, buttons, mods))


def test_two_thousand_random_edits_on_the_chain_builder(
    qtbot, qtmodeltester, pool: list[Hierarchy], tmp_path: Path
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.start_flow("bundle")
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
    model, view = page.model, page.view
    qtmodeltester.check(model)  # stays attached: every change below is checked as it happens
    certificates = [issued for pki in pool for issued in pki.chain]
    rng = random.Random(13)
    # what earlier tests left (wizards, pages waiting for deleteLater) is freed first: only this test counts
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    none_before = sys.getrefcount(None)
    token_model = _TokenModel()  # read beside every paint: the mortal object's count, on every Python
    token_index = token_model.index(0)
    token_before = sys.getrefcount(token_model.token)
    counts = dict.fromkeys(("add", "drag", "move", "remove", "auto", "repaint", "reordered by drag"), 0)
    for _ in range(2_000):
        rows = model.rowCount()
        choice = rng.choice(["add", "drag", "move", "remove", "repaint", "repaint"] + (["add"] if rows < 3 else []))
        if rows < 2 and choice in ("drag", "move"):
            choice = "add"
        if choice == "add" or (choice == "remove" and rows == 0):
            if rows >= 10:
                choice = "remove"
            else:
                QGuiApplication.clipboard().setText(rng.choice(certificates).pem.decode())
                click(qtbot, page.paste_button)
                choice = "add"
        if choice == "remove" and rows:
            view.setCurrentIndex(model.index(rng.randrange(rows)))
            click(qtbot, page.remove_button)
        elif choice == "drag":
            source = rng.randrange(rows)
            order = [item.fingerprint for item in model.items()]
            mime = model.mimeData([model.index(source)])
            target = view.visualRect(model.index(rng.randrange(rows)))
            _drop(view, mime, target.topLeft() + QPoint(10, rng.choice([2, target.height() - 2])))
            counts["reordered by drag"] += order != [item.fingerprint for item in model.items()]
        elif choice == "move":
            view.setCurrentIndex(model.index(rng.randrange(rows)))
            button = rng.choice([page.up_button, page.down_button])
            if button.isEnabled():
                click(qtbot, button)
        elif choice == "repaint":
            if rng.random() < 0.1 and page.auto_button.isEnabled():
                click(qtbot, page.auto_button)
                choice = "auto"
            view.viewport().repaint()
            token_index.data(Qt.ItemDataRole.UserRole)
        counts[choice] += 1
        assert model.rowCount() == len({item.fingerprint for item in model.items()})
    view.viewport().repaint()
    assert all(counts[kind] > 50 for kind in ("add", "drag", "move", "remove", "repaint", "reordered by drag")), counts
    if not SINGLETONS_ARE_IMMORTAL:  # (see above: on 3.12+ None's count means nothing)
        assert sys.getrefcount(None) > none_before - 50  # more objects may hold None now; none were lost
    assert abs(sys.getrefcount(token_model.token) - token_before) < 50
    assert QModelIndex().data() is None
