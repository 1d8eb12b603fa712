"""The deployment page as a person drives it: a 3-node cluster, each node with its own Web Admin files.

Issue 13 items 3 and 9, issue 14 (EKU): clicks and typing only, in English and Traditional Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QRadioButton, QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FLOWS, FlowKey, PageId
from cmswizard.gui.i18n import install_language
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard

from helpers.factory import hierarchy, issue
from helpers.journey import finish_tasks

NODES = ("cms1.example.com", "cms2.example.com", "cms3.example.com")


@pytest.fixture(params=["en", "zh_TW"])
def language(request, qapp: QApplication):
    assert install_language(qapp, request.param) == request.param
    yield request.param
    install_language(qapp, "en")


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """What the CSR flow and the CA leave in the output folder for a 3-node cluster."""
    folder = tmp_path / "made"
    folder.mkdir()
    h = hierarchy(depth=1, leaf_cn="cms.example.com")
    issuer, bundle = h.intermediates[0], h.intermediates[0].pem + h.root.pem
    for number, node in enumerate(NODES, 1):
        leaf = issue(node, issuer)
        (folder / f"webadmin-cms{number}-2026.key").write_bytes(leaf.key_pem)
        (folder / f"webadmin-cms{number}-2026.csr").write_bytes(b"-----BEGIN CERTIFICATE REQUEST-----\n")
        (folder / f"webadmin-cms{number}-2026.crt").write_bytes(leaf.pem)
        (folder / f"webadmin-cms{number}-2026-bundle.crt").write_bytes(bundle)
    (folder / "callbridge-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "callbridge-2026.crt").write_bytes(h.leaf.pem)  # no CA bundle: must be flagged
    web = issue("join.example.com", issuer, eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    (folder / "webbridge3-2026.key").write_bytes(web.key_pem)
    (folder / "webbridge3-2026-fullchain.crt").write_bytes(web.pem + bundle)
    return folder


@pytest.fixture
def wizard(qtbot, tmp_path: Path, made: Path, language: str):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(made))
    window = CmsWizard(settings)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _click(qtbot, widget) -> None:
    """A left click on the widget's label or face (a stretched radio button only answers near its text)."""
    if isinstance(widget, QRadioButton):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _open_deploy_page(qtbot, wizard: CmsWizard):
    start = wizard.currentPage()
    index = next(number for number, flow in enumerate(FLOWS) if flow.key is FlowKey.DEPLOY)
    _click(qtbot, start.group.button(index))
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    return wizard.currentPage()


def _rows(page) -> list[list[QComboBox]]:
    return [[page.table.cellWidget(row, column) for column in range(5)] for row in range(page.table.rowCount())]


def test_each_node_of_a_three_node_cluster_assigns_its_own_web_admin_files(qtbot, wizard: CmsWizard) -> None:
    page = _open_deploy_page(qtbot, wizard)
    _click(qtbot, page.cluster)
    page.nodes.setFocus()
    qtbot.keyClicks(page.nodes, " ".join(NODES))

    rows = _rows(page)
    webadmin = [row for row in rows if row[2].currentText().startswith("webadmin-")]
    assert len(webadmin) == 3
    for number, row in enumerate(webadmin, 1):
        node_box = row[1]
        offered = [node_box.itemData(i) for i in range(node_box.count())]
        assert offered == ["", *NODES]  # every node is offered on the suggested rows too
        assert node_box.currentData() == f"cms{number}.example.com"
    for row in rows:
        keys = [row[2].itemText(i) for i in range(row[2].count())]
        assert all(name.endswith(".key") for name in keys[1:]) and len(keys) == 6  # only keys, no .csr/.crt
        certificates = [row[3].itemText(i) for i in range(row[3].count())]
        assert not any(name.endswith((".key", ".csr")) for name in certificates)
        for combo in row[2:]:  # whole names: never "webadmin-…-2026.key"
            assert combo.view().textElideMode() == Qt.TextElideMode.ElideNone
            assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())

    flagged = page.message.plain_text()
    assert "callbridge-2026.crt" in flagged  # a Call Bridge with no CA bundle and no chain is flagged
    assert page.sheet is not None
    tabs = page.node_tabs
    for number, node in enumerate(NODES, 1):
        index = next(i for i in range(tabs.count()) if tabs.tabText(i) == node)
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert tabs.currentIndex() == index
        _click(qtbot, page.copy_button)
        text = QGuiApplication.clipboard().text()
        assigned = [line for line in text.splitlines() if line.startswith("webadmin certs")]
        own = f"webadmin-cms{number}-2026"
        assert assigned == [f"webadmin certs {own}.key {own}.crt {own}-bundle.crt"], text
        assert "callbridge trust c2w trust-webbridge3.crt" in text

    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.UPLOAD  # upload to the CMS, or on to the stick
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.APPLY  # apply over SSH, or on to the stick
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.EXPORT
    exported = {p.name for p in wizard.currentPage().chosen_paths()}
    assert {f"webadmin-cms{n}-2026.key" for n in (1, 2, 3)} <= exported
    assert not any(name.endswith(".csr") for name in exported)


def test_a_call_bridge_certificate_without_client_auth_is_refused(qtbot, wizard: CmsWizard, made: Path) -> None:
    h = hierarchy(depth=1)
    server_only = issue("cms.example.com", h.intermediates[0], eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    (made / "callbridge-2026.crt").write_bytes(server_only.pem)
    (made / "callbridge-2026-bundle.crt").write_bytes(h.intermediates[0].pem + h.root.pem)
    page = _open_deploy_page(qtbot, wizard)
    qtbot.keyClicks(page.nodes, NODES[0])
    message = page.message.plain_text()
    assert "callbridge-2026.crt" in message and "clientAuth" in message and "Chrome Root Program" in message
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    callbridge = next(row for row in _rows(page) if row[2].currentText() == "callbridge-2026.key")
    callbridge[0].setFocus()
    while callbridge[0].currentData() != "webadmin":  # the same certificate serves Web Admin: fine
        qtbot.keyClick(callbridge[0], Qt.Key.Key_Up)
    assert "clientAuth" not in page.message.plain_text()


@pytest.mark.parametrize("flow", [FlowKey.CHECK, FlowKey.BUNDLE])
def test_check_and_bundle_pages_say_which_services_a_certificate_fits(
    qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flow: FlowKey
) -> None:
    """A public-CA style certificate (serverAuth only): fine for Web Admin, not for the Call Bridge (PA 12.x Security)."""
    h = hierarchy(depth=1)
    server_only = issue("cms.example.com", h.intermediates[0], eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    chosen = tmp_path / "public-ca.crt"
    chosen.write_bytes(server_only.pem + h.intermediates[0].pem + h.root.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args, **kwargs: [chosen])  # the OS file dialog
    index = next(number for number, f in enumerate(FLOWS) if f.key is flow)
    _click(qtbot, wizard.currentPage().group.button(index))
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.currentPage()
    _click(qtbot, page.add_button)
    if flow is FlowKey.CHECK:
        finish_tasks(qtbot, wizard.tasks)
        assert page.loading == 0 and wizard.flows.check.loaded
        shown = page.problems_view.toPlainText()
    else:
        finish_tasks(qtbot, wizard.tasks)
        assert page.model.rowCount() == 3
        shown = page.key_status.text()
    assert "Web Admin" in shown and "Call Bridge" in shown and "Chrome Root Program" in shown
