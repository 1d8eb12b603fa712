"""Filling the wizard's deployment page from a `Deployment`, the way a person fills it: the start page and
buttons are clicked, names are typed; the table's combo boxes are set to the wanted entries (a popup list
cannot be driven offscreen). Used by the golden sheets and by the test that every route builds the same model."""

from __future__ import annotations

from pathlib import Path

from cryptography.x509.oid import ExtendedKeyUsageOID
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QRadioButton, QWidget, QWizard

from cmswizard.cms.services import BACKUP_NAME, Service, Topology
from cmswizard.cms.sheet import Deployment, Listen
from cmswizard.gui.flows import FLOWS, FlowKey, PageId
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.profiles import TrustContent

from helpers.factory import hierarchy, issue

__all__ = ["click_at", "deploy_page_filled", "fill_deploy_page", "open_deploy_page", "write_case_files"]


def write_case_files(folder: Path, names: list[str], deployment: Deployment) -> None:
    """Real keys and certificates under the names the deployment uses (the page reads them for its checks)."""
    h = hierarchy(depth=1)
    issuer, tail = h.intermediates[0], h.intermediates[0].pem + h.root.pem
    callbridge = {f.certificate for f in deployment.services if f.service is Service.CALLBRIDGE}
    keys: dict[str, object] = {}  # one key per key file: every certificate named with it is issued for it
    for files in deployment.services:
        if (folder / files.certificate).exists():
            continue
        cn = deployment.callbridge_cn if files.certificate in callbridge else "host.example.com"
        leaf = issue(cn, issuer, key=keys.get(files.key))
        keys.setdefault(files.key, leaf.key)
        (folder / files.key).write_bytes(issue(cn, issuer, key=keys[files.key]).key_pem)
        (folder / files.certificate).write_bytes(leaf.pem + (tail if files.service.takes_full_chain else b""))
        if files.bundle:
            (folder / files.bundle).write_bytes(tail)
    if deployment.db is not None:  # the DB set as PostgreSQL takes it: dbclient is CN postgres, clientAuth
        db = deployment.db.files
        for key, certificate, cn, eku in (
            (db.server_key, db.server_certificate, deployment.db.primary, ExtendedKeyUsageOID.SERVER_AUTH),
            (db.client_key, db.client_certificate, "postgres", ExtendedKeyUsageOID.CLIENT_AUTH),
        ):
            leaf = issue(cn, issuer, eku=[eku])
            (folder / key).write_bytes(leaf.key_pem)
            (folder / certificate).write_bytes(leaf.pem)
    for name in names:
        if not (folder / name).exists():
            (folder / name).write_bytes(h.root.pem)


def click_at(qtbot, widget: QWidget) -> None:
    position = QPoint(8, widget.height() // 2) if isinstance(widget, QRadioButton) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)


def _choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def open_deploy_page(qtbot, wizard: CmsWizard):
    """From the start page, the deployment flow chosen and Next clicked: the deployment sheet page."""
    start = wizard.currentPage()
    click_at(qtbot, start.group.button(next(i for i, f in enumerate(FLOWS) if f.key is FlowKey.DEPLOY)))
    click_at(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    return wizard.currentPage()


def fill_deploy_page(qtbot, page, deployment: Deployment) -> None:
    """Type and click `deployment` into the page (an empty table first: the deployment names every row)."""
    _choose(page.version, deployment.version.value)
    click_at(
        qtbot,
        {Topology.SINGLE: page.single, Topology.CLUSTER: page.cluster, Topology.EDGE: page.edge}[deployment.topology],
    )
    qtbot.keyClicks(page.nodes, " ".join(deployment.nodes))
    if deployment.edge_nodes:
        qtbot.keyClicks(page.edges, " ".join(deployment.edge_nodes))
    while page.table.rowCount():
        click_at(qtbot, page.remove_row)
    for files in deployment.services:
        click_at(qtbot, page.add_row)
        row = page.table.rowCount() - 1
        service, node, key, certificate, bundle = (page.table.cellWidget(row, column) for column in range(5))
        _choose(service, files.service.value)
        _choose(node, files.node)
        key.setCurrentText(files.key)
        certificate.setCurrentText(files.certificate)
        if files.bundle:
            bundle.setCurrentText(files.bundle)
    if deployment.sip_trust:
        page.sip_trust.setCurrentText(deployment.sip_trust)
    if deployment.trust_content is not TrustContent.FULL_CHAIN:
        _choose(page.trust_content, deployment.trust_content.value)
    for kind, name in deployment.trust_names:
        qtbot.keyClicks(page.trust_names[kind], name)
    if deployment.backup_name != BACKUP_NAME:
        qtbot.keyClicks(page.backup_name, deployment.backup_name)
    defaults = Listen()
    for field, spin in page.ports.items():
        if getattr(deployment.listen, field) != getattr(defaults, field):
            spin.selectAll()
            qtbot.keyClicks(spin, str(getattr(deployment.listen, field)))
    if deployment.db is not None:
        click_at(qtbot, page.db)
        qtbot.keyClicks(page.db_primary, deployment.db.primary)
        qtbot.keyClicks(page.db_join, " ".join(deployment.db.joining))
        qtbot.keyClicks(page.db_connect, " ".join(deployment.db.connecting))
        if deployment.db_renewal:
            click_at(qtbot, page.db_renewal)
        if deployment.db.enterprise_ca:
            click_at(qtbot, page.db_enterprise)
        for field, combo in page.db_files.items():
            combo.setCurrentText(getattr(deployment.db.files, field))


def deploy_page_filled(qtbot, settings_file: Path, folder: Path, deployment: Deployment):
    """A wizard whose files are in `folder`, 1280×900, on the deployment page filled with `deployment`."""
    from cmswizard.gui.settings import Settings

    settings = Settings.at(settings_file)
    settings.set("output/folder", str(folder))
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 900)
    wizard.show()
    page = open_deploy_page(qtbot, wizard)
    fill_deploy_page(qtbot, page, deployment)
    return wizard, page
