"""The deployment page at the window sizes admins use: the database cluster fields are labelled and reached
by their mnemonics, nothing is cut, and the files table shows five rows with whole server names.

Walk findings 2 and 11 (Xvfb, 1024×768): clicks, mnemonics and typing only, in English and Traditional Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from cmswizard.gui.flows import FlowKey
from cmswizard.gui.i18n import install_language

from helpers.factory import hierarchy, issue
from helpers.journey import click, make_wizard, mnemonic_of
from helpers.layout import SMALLEST, cut_off

NODES = "cmscore1.example.com cmscore2.example.com cmscore3.example.com"


@pytest.fixture(params=["en", "zh_TW"])
def language(request, qapp: QApplication):
    assert install_language(qapp, request.param) == request.param
    yield request.param
    install_language(qapp, "en")


def _open_deploy_page(qtbot, folder: Path, size: tuple[int, int]):
    from helpers.journey import choose_flow

    wizard = make_wizard(qtbot, folder)
    wizard.resize(*size)
    if not wizard.isActiveWindow():
        with qtbot.waitActive(wizard):  # mnemonics need the active window
            wizard.activateWindow()
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    return wizard, wizard.currentPage()


def _type_by_mnemonic(qtbot, wizard, label: QLabel, text: str) -> None:
    QTest.keyClick(wizard, mnemonic_of(label.text()), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is label.buddy(), label.text()
    qtbot.keyClicks(label.buddy(), text)


@pytest.mark.parametrize("size", [SMALLEST, (960, 720), (1024, 768)])
def test_database_cluster_fields_are_labelled_reached_by_mnemonic_and_not_cut(
    qtbot, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    wizard, page = _open_deploy_page(qtbot, tmp_path / "files", size)
    click(qtbot, page.cluster)
    qtbot.keyClicks(page.nodes, NODES)
    click(qtbot, page.db)
    primary, join, connect, _files = page.db_labels
    assert (primary.buddy(), join.buddy(), connect.buddy()) == (page.db_primary, page.db_join, page.db_connect)
    _type_by_mnemonic(qtbot, wizard, primary, "cmscore1.example.com")
    _type_by_mnemonic(qtbot, wizard, join, "cmscore2.example.com cmscore3.example.com")
    _type_by_mnemonic(qtbot, wizard, connect, "cmsedge1.example.com")
    assert page.db_plan() is not None
    assert page.db_plan().joining == ("cmscore2.example.com", "cmscore3.example.com")
    QApplication.processEvents()
    assert cut_off(page) == []  # "Signed by the enterprise CA", "Renewal" and the labels whole
    if size >= (960, 720):  # the default window: two joining FQDNs are seen whole, not scrolled
        shown = page.db_join.cursorRect().width() + page.db_join.width()
        assert page.db_join.fontMetrics().horizontalAdvance(page.db_join.text()) < shown - 8


@pytest.mark.parametrize("size", [(960, 720), (1024, 768)])
def test_the_files_table_shows_five_rows_and_whole_node_names(
    qtbot, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    h = hierarchy(depth=1, leaf_cn="cms.example.com")
    for service in ("callbridge", "webadmin", "webbridge3", "scheduler", "turn"):
        leaf = issue("cmscore1.example.com", h.intermediates[0])
        (folder / f"{service}-cmscore1-2026.key").write_bytes(leaf.key_pem)
        (folder / f"{service}-cmscore1-2026.crt").write_bytes(leaf.pem)
    _wizard, page = _open_deploy_page(qtbot, folder, size)
    click(qtbot, page.cluster)
    qtbot.keyClicks(page.nodes, NODES)
    QApplication.processEvents()
    table = page.table
    assert table.rowCount() >= 5
    for row in range(5):  # every row fully inside the viewport, without scrolling
        assert table.visualRect(table.model().index(row, 0)).bottom() <= table.viewport().height()
    node_box = table.cellWidget(0, 1)
    assert node_box.currentText() == "cmscore1.example.com"  # guessed from the key's name
    assert table.columnWidth(1) >= node_box.sizeHint().width()
    assert node_box.width() >= node_box.fontMetrics().horizontalAdvance(node_box.currentText())


def _services_folder(folder: Path, services: tuple[str, ...]) -> Path:
    folder.mkdir(parents=True)
    h = hierarchy(depth=1, leaf_cn="cms.example.com")
    for service in services:
        leaf = issue("cmscore1.example.com", h.intermediates[0])
        (folder / f"{service}-2026.key").write_bytes(leaf.key_pem)
        (folder / f"{service}-2026.crt").write_bytes(leaf.pem)
    return folder


def _keys(page) -> list[str]:
    return [page.table.cellWidget(row, 2).currentText() for row in range(page.table.rowCount())]


def _choose_folder_by_typing(qtbot, page, folder: Path) -> None:
    """Type the folder; the page reads it once the typing pauses (on the task runner): wait for that."""
    qtbot.mouseClick(page.folder, Qt.MouseButton.LeftButton)
    page.folder.selectAll()
    with qtbot.waitSignal(page.scanned, timeout=5_000):
        qtbot.keyClicks(page.folder, str(folder))


FIVE = ("callbridge", "webadmin", "webbridge3", "scheduler", "turn")


def test_another_folder_brings_its_suggestions_and_keeps_the_rows_the_user_edited(
    qtbot, tmp_path: Path, language: str
) -> None:
    first = _services_folder(tmp_path / "outzh", ("webadmin",))
    second = _services_folder(tmp_path / "out", FIVE)
    (first / "site-bundle.crt").write_bytes(hierarchy(depth=1).root.pem)
    _wizard, page = _open_deploy_page(qtbot, first, (1024, 768))
    assert _keys(page) == ["webadmin-2026.key"]

    _choose_folder_by_typing(qtbot, page, second)
    assert sorted(_keys(page)) == sorted(f"{s}-2026.key" for s in FIVE)  # the untouched suggestion replaced

    _choose_folder_by_typing(qtbot, page, first)
    assert _keys(page) == ["webadmin-2026.key"]
    bundle = page.table.cellWidget(0, 4)  # the user types a CA bundle: the row is theirs now
    qtbot.mouseClick(bundle.lineEdit(), Qt.MouseButton.LeftButton)
    bundle.lineEdit().selectAll()
    qtbot.keyClicks(bundle.lineEdit(), "site-bundle.crt")
    click(qtbot, page.add_row)  # and a row of their own
    assert page.table.rowCount() == 2

    _choose_folder_by_typing(qtbot, page, second)
    keys = _keys(page)
    assert keys[:2] == ["webadmin-2026.key", "—"]  # both kept, the typed bundle too
    assert page.table.cellWidget(0, 4).currentText() == "site-bundle.crt"
    assert sorted(keys[2:]) == sorted(f"{s}-2026.key" for s in FIVE if s != "webadmin")  # never twice


def test_a_ca_bundle_beside_the_files_is_suggested_for_the_certificates_it_issued(
    qtbot, tmp_path: Path, language: str
) -> None:
    folder = _services_folder(tmp_path / "out", FIVE)
    h = hierarchy(depth=1, leaf_cn="cms.example.com")
    (folder / "ca-bundle.crt").write_bytes(h.intermediates[0].pem + h.root.pem)
    for service in FIVE:  # the services' certificates from this CA; Call Bridge's from another one
        issuer = hierarchy(depth=1).intermediates[0] if service == "callbridge" else h.intermediates[0]
        leaf = issue("cmscore1.example.com", issuer)
        (folder / f"{service}-2026.key").write_bytes(leaf.key_pem)
        (folder / f"{service}-2026.crt").write_bytes(leaf.pem)
    _wizard, page = _open_deploy_page(qtbot, folder, (1024, 768))
    qtbot.keyClicks(page.nodes, "cmscore1.example.com")
    bundles = {page.table.cellWidget(row, 2).currentText(): page.table.cellWidget(row, 4) for row in range(5)}
    assert all(box.findText("ca-bundle.crt") >= 0 for box in bundles.values())  # offered on every row
    assert bundles["callbridge-2026.key"].currentText() == "—"  # not its issuer: not suggested
    for key in ("webadmin-2026.key", "turn-2026.key"):  # Web Bridge 3 and Scheduler take a full chain
        assert bundles[key].currentText() == "ca-bundle.crt", key
    flagged = page.message.plain_text()
    assert "callbridge-2026.crt" in flagged
    assert "webadmin-2026.crt" not in flagged and "turn-2026.crt" not in flagged
