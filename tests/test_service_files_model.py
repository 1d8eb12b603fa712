"""The deployment page's files table as a model (issue 23): its rows, what each role answers, edits, and the
service files the Deployment gets from it; then the view's boxes writing into it and showing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cmswizard.cms.services import CmsVersion, Service
from cmswizard.cms.sheet import ServiceFiles
from cmswizard.gui.deploy_rows import ServiceFilesView
from cmswizard.gui.models.service_files import NONE, Column, ServiceFileRow, ServiceFilesModel

HEADERS = ["Service", "Node", "Key", "Certificate / full chain", "CA bundle"]
SERVERS = ("cms1.example.com", "cms2.example.com")
KEYS = ("callbridge-2026.key", "webadmin-cms2-2026.key")
CERTIFICATES = ("callbridge-2026.crt", "callbridge-2026-bundle.crt", "webadmin-cms2-2026.crt")


@pytest.fixture
def model(qapp: QApplication) -> ServiceFilesModel:
    model = ServiceFilesModel(HEADERS)
    model.set_servers(SERVERS)
    model.set_files(KEYS, CERTIFICATES)
    return model


def _edit(model: ServiceFilesModel, row: int, column: Column, value: str) -> bool:
    return model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)


def test_rows_and_what_each_role_answers(model: ServiceFilesModel, qtmodeltester) -> None:
    model.add_row(
        ServiceFileRow(
            Service.CALLBRIDGE, "", "callbridge-2026.key", "callbridge-2026.crt", "callbridge-2026-bundle.crt"
        )
    )
    model.add_row(ServiceFileRow(Service.WEBADMIN, "cms2.example.com"))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == HEADERS

    def row(number: int, role: Qt.ItemDataRole) -> list[object]:
        return [model.index(number, column).data(role) for column in Column]

    edit, display = Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DisplayRole
    assert row(0, edit) == [
        "callbridge",
        "",
        "callbridge-2026.key",
        "callbridge-2026.crt",
        "callbridge-2026-bundle.crt",
    ]
    assert row(0, display) == ["Call Bridge", "all servers", *row(0, edit)[2:]]
    assert row(1, edit) == ["webadmin", "cms2.example.com", "", "", ""]
    assert row(1, display) == ["Web Admin", "cms2.example.com", NONE, NONE, NONE]  # a file not chosen: "—"
    # The roles a box reads answer strings, never None or a bool (tests/test_gui_soak.py says why)
    node = model.index(0, Column.NODE)
    assert node.data(Qt.ItemDataRole.ToolTipRole) == "" and node.data(Qt.ItemDataRole.AccessibleDescriptionRole) == ""
    assert model.flags(node) & Qt.ItemFlag.ItemIsEditable


def test_the_deployment_gets_the_rows_that_name_a_key_and_a_certificate(model: ServiceFilesModel) -> None:
    model.add_row(ServiceFileRow(Service.CALLBRIDGE, "", " callbridge-2026.key ", "callbridge-2026.crt", NONE))
    model.add_row(ServiceFileRow(Service.WEBADMIN, "cms2.example.com", "webadmin-cms2-2026.key"))  # no certificate
    model.add_row(ServiceFileRow(Service.WEBBRIDGE3, "", "wb3.key", "wb3-fullchain.crt", "ignored-bundle.crt"))
    assert model.service_files() == [
        ServiceFiles(Service.CALLBRIDGE, "callbridge-2026.key", "callbridge-2026.crt", None),  # typed spaces go
        ServiceFiles(Service.WEBBRIDGE3, "wb3.key", "wb3-fullchain.crt", None),  # a full chain: no CA bundle
    ]
    assert _edit(model, 1, Column.CERTIFICATE, "webadmin-cms2-2026.crt")
    assert model.service_files()[1] == ServiceFiles(
        Service.WEBADMIN, "webadmin-cms2-2026.key", "webadmin-cms2-2026.crt", None, node="cms2.example.com"
    )


def test_edits_change_one_cell_and_say_so(model: ServiceFilesModel, qtbot) -> None:
    model.add_row(ServiceFileRow(Service.CALLBRIDGE, "", "callbridge-2026.key", "callbridge-2026.crt"))
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert _edit(model, 0, Column.SERVICE, "webadmin")
    assert changed.args[0] == changed.args[1] == model.index(0, Column.SERVICE)
    assert model.row(0).service is Service.WEBADMIN
    assert _edit(model, 0, Column.NODE, "cms1.example.com") and model.row(0).node == "cms1.example.com"
    assert _edit(model, 0, Column.BUNDLE, "typed-bundle.crt") and model.row(0).bundle == "typed-bundle.crt"
    assert _edit(model, 0, Column.BUNDLE, NONE) and model.row(0).bundle == ""  # "—" is no file
    # What no box offers is refused: a service of no CMS, a server not listed, a value that is no text
    assert not _edit(model, 0, Column.SERVICE, "database")
    assert not _edit(model, 0, Column.NODE, "cms9.example.com")
    assert not model.setData(model.index(0, Column.KEY), 3, Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0, Column.KEY), "x.key", Qt.ItemDataRole.ToolTipRole)
    assert model.row(0).node == "cms1.example.com" and model.row(0).key == "callbridge-2026.key"
    with qtbot.assertNotEmitted(model.dataChanged):  # the same value again: nothing changed
        assert _edit(model, 0, Column.KEY, "callbridge-2026.key")


def test_choices_follow_the_version_the_servers_and_the_folder(model: ServiceFilesModel) -> None:
    assert model.choices(Column.NODE) == [("all servers", ""), *((name, name) for name in SERVERS)]
    assert model.choices(Column.KEY) == [(NONE, ""), *((name, name) for name in KEYS)]
    assert [value for _text, value in model.choices(Column.BUNDLE)][1:] == list(CERTIFICATES)
    assert "database" not in [value for _text, value in model.choices(Column.SERVICE)]  # it has its own fields
    model.add_row(ServiceFileRow(Service.WEBBRIDGE3, "cms2.example.com"))
    model.add_row(ServiceFileRow(Service.WEBADMIN, "cms9.example.com"))  # a server not listed: every server
    assert model.row(1).node == ""
    model.set_version(CmsVersion.V2)  # no Web Bridge 3 before 2.9: the row names the version's first service
    assert model.row(0).service is model.services()[0] and Service.WEBBRIDGE3 not in model.services()
    model.set_servers(["cms1.example.com"])  # cms2 is no longer listed: its row is for every server
    assert model.row(0).node == ""


def test_a_suggested_row_follows_the_servers_until_the_user_picks_its_node(model: ServiceFilesModel) -> None:
    suggested = ServiceFileRow(Service.WEBADMIN, key="webadmin-cms2-2026.key", suggested=True, follows_servers=True)
    model.add_row(suggested)
    assert model.row(0).node == "cms2.example.com"  # guessed from the key's name
    model.set_servers(["cms1.example.com"])
    assert model.row(0).node == ""
    model.set_servers(SERVERS)
    assert model.row(0).node == "cms2.example.com"
    model.mark_edited(0, node_chosen=True)
    assert _edit(model, 0, Column.NODE, "")
    model.set_servers([*SERVERS, "cms3.example.com"])
    assert model.row(0).node == ""  # the user's choice stays


def test_another_folder_removes_only_the_untouched_suggestions(model: ServiceFilesModel) -> None:
    model.add_row(ServiceFileRow(Service.CALLBRIDGE, key="callbridge-2026.key", suggested=True))
    model.add_row(ServiceFileRow(Service.WEBADMIN, key="webadmin-cms2-2026.key", suggested=True))
    model.add_row(ServiceFileRow(Service.TURN))  # the user's own row
    model.mark_edited(1)
    model.remove_untouched_suggestions()
    assert [row.service for row in model.rows()] == [Service.WEBADMIN, Service.TURN]
    model.clear()
    assert model.rowCount() == 0


def test_a_problem_shows_on_the_node_cell_only(model: ServiceFilesModel, qtbot) -> None:
    model.add_row(ServiceFileRow(Service.CALLBRIDGE, "cms2.example.com"))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_problems(["cms2.example.com: an edge server does not run the Call Bridge"])
    assert changed.args[2] == [Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole]
    node = model.index(0, Column.NODE)
    assert node.data(Qt.ItemDataRole.ToolTipRole) == "✗ cms2.example.com: an edge server does not run the Call Bridge"
    assert model.index(0, Column.KEY).data(Qt.ItemDataRole.ToolTipRole) is None
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_problems(["cms2.example.com: an edge server does not run the Call Bridge"])


def test_the_view_boxes_write_into_the_model_and_show_what_it_holds(
    model: ServiceFilesModel, qtbot, tmp_path: Path
) -> None:
    view = ServiceFilesView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.add_row(ServiceFileRow(Service.CALLBRIDGE, "", "callbridge-2026.key", "callbridge-2026.crt"))
    service, node, key, certificate, bundle = (view.cellWidget(0, column) for column in Column)
    assert (view.rowCount(), view.columnCount()) == (1, 5)
    assert [node.itemData(i) for i in range(node.count())] == ["", *SERVERS]
    assert [key.itemText(i) for i in range(key.count())] == [NONE, *KEYS]
    assert (certificate.currentText(), bundle.currentText()) == ("callbridge-2026.crt", NONE)

    with qtbot.waitSignal(view.edited):
        node.setCurrentIndex(2)  # a box the user changes: the model holds it
    assert model.row(0).node == "cms2.example.com"
    with qtbot.waitSignal(view.edited):
        bundle.setCurrentText("callbridge-2026-bundle.crt")
    assert model.row(0).bundle == "callbridge-2026-bundle.crt"
    service.setCurrentIndex(service.findData("webadmin"))
    assert model.row(0).service is Service.WEBADMIN
    assert not model.row(0).edited  # set by the program, not picked: still a suggestion's own
    qtbot.keyClicks(bundle.lineEdit(), "x")  # typed by the user: the row is theirs
    assert model.row(0).edited and model.row(0).bundle == "callbridge-2026-bundle.crtx"

    model.set_files(("other.key",), ())  # another folder: the boxes offer its files, keep the row's
    assert [key.itemText(i) for i in range(key.count())] == [NONE, "other.key", "callbridge-2026.key"]
    model.set_problems(["cms2.example.com: not here"])
    assert node.toolTip() == "✗ cms2.example.com: not here" and node.styleSheet()
    model.remove_row(0)
    assert view.rowCount() == 0 and view.cellWidget(0, 0) is None
