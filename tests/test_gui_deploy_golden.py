"""The deployment page produces the golden sheets (the CLI's side is in test_deploy_sheet.py).

The page is filled the way a person fills it: the start page and buttons are clicked, names are typed;
the table's combo boxes are set to the wanted entries (a popup list cannot be driven offscreen).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QRadioButton, QWizard

from cmswizard.cms.services import Service, Topology
from cmswizard.cms.sheet import Deployment, Listen
from cmswizard.gui.flows import FLOWS, FlowKey, PageId
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard

from helpers.factory import hierarchy, issue
from helpers.golden_cases import CASES, GOLDEN

PAGE_CASES = sorted(CASES)


def _write_files(folder: Path, names: list[str], plan: Deployment) -> None:
    """Real keys and certificates under the names the case uses (the page reads them for its checks)."""
    h = hierarchy(depth=1)
    issuer, tail = h.intermediates[0], h.intermediates[0].pem + h.root.pem
    callbridge = {f.certificate for f in plan.services if f.service is Service.CALLBRIDGE}
    keys: dict[str, object] = {}  # one key per key file: every certificate named with it is issued for it
    for files in plan.services:
        if (folder / files.certificate).exists():
            continue
        cn = plan.callbridge_cn if files.certificate in callbridge else "host.example.com"
        leaf = issue(cn, issuer, key=keys.get(files.key))
        keys.setdefault(files.key, leaf.key)
        (folder / files.key).write_bytes(issue(cn, issuer, key=keys[files.key]).key_pem)
        (folder / files.certificate).write_bytes(leaf.pem + (tail if files.service.takes_full_chain else b""))
        if files.bundle:
            (folder / files.bundle).write_bytes(tail)
    if plan.db is not None:  # the DB set as PostgreSQL takes it: dbclient is CN postgres, clientAuth
        db = plan.db.files
        for key, certificate, cn, eku in (
            (db.server_key, db.server_certificate, plan.db.primary, ExtendedKeyUsageOID.SERVER_AUTH),
            (db.client_key, db.client_certificate, "postgres", ExtendedKeyUsageOID.CLIENT_AUTH),
        ):
            leaf = issue(cn, issuer, eku=[eku])
            (folder / key).write_bytes(leaf.key_pem)
            (folder / certificate).write_bytes(leaf.pem)
    for name in names:
        if not (folder / name).exists():
            (folder / name).write_bytes(h.root.pem)


def _click(qtbot, widget) -> None:
    position = QPoint(8, widget.height() // 2) if isinstance(widget, QRadioButton) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)


def _choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


@pytest.mark.parametrize("name", PAGE_CASES)
def test_deployment_page_produces_the_golden_sheet(qtbot, tmp_path: Path, name: str) -> None:
    names, plan = CASES[name]()
    folder = tmp_path / "files"
    folder.mkdir()
    _write_files(folder, names, plan)
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(folder))
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 900)
    wizard.show()
    start = wizard.currentPage()
    _click(qtbot, start.group.button(next(i for i, f in enumerate(FLOWS) if f.key is FlowKey.DEPLOY)))
    _click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    page = wizard.currentPage()

    _choose(page.version, plan.version.value)
    _click(
        qtbot, {Topology.SINGLE: page.single, Topology.CLUSTER: page.cluster, Topology.EDGE: page.edge}[plan.topology]
    )
    qtbot.keyClicks(page.nodes, " ".join(plan.nodes))
    if plan.edge_nodes:
        qtbot.keyClicks(page.edges, " ".join(plan.edge_nodes))
    while page.table.rowCount():  # start from an empty table: the case names every row itself
        _click(qtbot, page.remove_row)
    for files in plan.services:
        _click(qtbot, page.add_row)
        row = page.table.rowCount() - 1
        service, node, key, certificate, bundle = (page.table.cellWidget(row, column) for column in range(5))
        _choose(service, files.service.value)
        _choose(node, files.node)
        key.setCurrentText(files.key)
        certificate.setCurrentText(files.certificate)
        if files.bundle:
            bundle.setCurrentText(files.bundle)
    if plan.sip_trust:
        page.sip_trust.setCurrentText(plan.sip_trust)
    defaults = Listen()
    for field, spin in page.ports.items():
        if getattr(plan.listen, field) != getattr(defaults, field):
            spin.selectAll()
            qtbot.keyClicks(spin, str(getattr(plan.listen, field)))
    if plan.db is not None:
        _click(qtbot, page.db)
        qtbot.keyClicks(page.db_primary, plan.db.primary)
        qtbot.keyClicks(page.db_join, " ".join(plan.db.joining))
        qtbot.keyClicks(page.db_connect, " ".join(plan.db.connecting))
        if plan.db_renewal:
            _click(qtbot, page.db_renewal)
        if plan.db.enterprise_ca:
            _click(qtbot, page.db_enterprise)
        for field, combo in page.db_files.items():
            combo.setCurrentText(getattr(plan.db.files, field))

    assert page.sheet is not None, page.message.plain_text()
    assert page.sheet_box.toPlainText() == (GOLDEN / f"{name}.txt").read_text(), page.message.plain_text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
