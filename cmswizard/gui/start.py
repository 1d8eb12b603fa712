"""The start page: what do you want to do? Only flows that work are offered."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget, QWizardPage

from cmswizard.gui.wizard import PageId


@dataclass(frozen=True)
class Flow:
    key: str
    title: str
    description: str
    first_page: PageId


def _t(text: str) -> str:
    return QCoreApplication.translate("Flows", text)


def available_flows() -> list[Flow]:
    return [
        Flow(
            "csr",
            _t("Create a private key and CSR for CMS services"),
            _t(
                "Propose certificates for Web Admin, Call Bridge, Web Bridge, TURN … and make the key and "
                "request here, or get the exact pki csr command to type on the CMS."
            ),
            PageId.DEPLOYMENT,
        ),
        Flow(
            "bundle",
            _t("Build a certificate bundle"),
            _t(
                "Drop what your CA sent back (DER .cer, .p7b, .pfx, PEM), put it in order with every link checked, "
                "and save the exact full chain or CA bundle CMS wants."
            ),
            PageId.CHAIN,
        ),
        Flow(
            "dbcluster",
            _t("Create database-cluster certificates"),
            _t(
                "Make dbca, dbserver and dbclient for a CMS database cluster and get the exact database cluster "
                "commands for every node, first set-up or renewal."
            ),
            PageId.DB_CLUSTER,
        ),
        Flow(
            "check",
            _t("Check certificates (inspect, match, verify)"),
            _t(
                "Drop keys, CSRs, certificates and bundles: see expiry, which key belongs to which certificate, "
                "and whether each chain verifies, link by link."
            ),
            PageId.CHECK,
        ),
        Flow(
            "deploy",
            _t("Deployment commands and export to a USB stick"),
            _t(
                "Say which file each service uses, get the exact MMP commands per node, and copy exactly those files "
                "to a stick, verified, with the commands and a README."
            ),
            PageId.DEPLOY_SHEET,
        ),
        Flow(
            "export",
            _t("Export files to a USB stick"),
            _t(
                "Copy keys, certificates and bundles to a stick or folder: written safely, read back and checked, "
                "with SHA256SUMS."
            ),
            PageId.EXPORT,
        ),
    ]


class StartPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What do you want to do?"))
        self.setSubTitle(self.tr("Certificates for Cisco Meeting Server, from request to the files on the server."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.flows = available_flows()
        for number, flow in enumerate(self.flows):
            button = QRadioButton(f"&{number + 1}  {flow.title}", self)
            button.setAccessibleName(flow.title)
            description = QLabel(flow.description, self)
            description.setWordWrap(True)
            description.setIndent(28)
            self.group.addButton(button, number)
            layout.addWidget(button)
            layout.addWidget(description)
            layout.addSpacing(8)
        layout.addStretch()
        self.group.button(0).setChecked(True)
        self.group.idToggled.connect(lambda *_: self.completeChanged.emit())

    def choose(self, key: str) -> None:
        number = next(n for n, flow in enumerate(self.flows) if flow.key == key)
        self.group.button(number).setChecked(True)

    def chosen(self) -> Flow:
        return self.flows[max(self.group.checkedId(), 0)]

    def isComplete(self) -> bool:
        return self.group.checkedId() >= 0

    def nextId(self) -> int:
        return int(self.chosen().first_page)
