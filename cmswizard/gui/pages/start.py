"""The start page: what do you want to do? Only flows that work are offered."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from cmswizard.gui.i18n import LANGUAGES, translated
from cmswizard.gui.wizard import PageId
from cmswizard.pki.errors import N_


@dataclass(frozen=True)
class Flow:
    key: str
    title: str
    description: str
    first_page: PageId


def available_flows() -> list[Flow]:
    return [
        Flow(
            "csr",
            N_("Create a private key and CSR for CMS services"),
            N_(
                "Propose certificates for Web Admin, Call Bridge, Web Bridge, TURN … and make the key and "
                "request here, or get the exact pki csr command to type on the CMS."
            ),
            PageId.DEPLOYMENT,
        ),
        Flow(
            "bundle",
            N_("Build a certificate bundle"),
            N_(
                "Drop what your CA sent back (DER .cer, .p7b, .pfx, PEM), put it in order with every link checked, "
                "and save the exact full chain or CA bundle CMS wants."
            ),
            PageId.CHAIN,
        ),
        Flow(
            "dbcluster",
            N_("Create database-cluster certificates"),
            N_(
                "Make dbca, dbserver and dbclient for a CMS database cluster and get the exact database cluster "
                "commands for every node, first set-up or renewal."
            ),
            PageId.DB_CLUSTER,
        ),
        Flow(
            "check",
            N_("Check certificates (inspect, match, verify)"),
            N_(
                "Drop keys, CSRs, certificates and bundles: see expiry, which key belongs to which certificate, "
                "and whether each chain verifies, link by link."
            ),
            PageId.CHECK,
        ),
        Flow(
            "deploy",
            N_("Deployment commands and export to a USB stick"),
            N_(
                "Say which file each service uses, get the exact MMP commands per node, and copy exactly those files "
                "to a stick, verified, with the commands and a README."
            ),
            PageId.DEPLOY_SHEET,
        ),
        Flow(
            "export",
            N_("Export files to a USB stick"),
            N_(
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
            button = QRadioButton(f"&{number + 1}  {translated(flow.title)}", self)
            button.setAccessibleName(translated(flow.title))
            description = QLabel(translated(flow.description), self)
            description.setWordWrap(True)
            description.setIndent(28)
            self.group.addButton(button, number)
            layout.addWidget(button)
            layout.addWidget(description)
            layout.addSpacing(8)
        layout.addStretch()
        language_row = QHBoxLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        language_label = QLabel(self.tr("&Language / 語言:"), self)
        language_label.setBuddy(self.language)
        self.language_note = QLabel(self)
        self.restart_button = QPushButton(self.tr("&Restart now"), self)
        self.restart_button.hide()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)
        language_row.addWidget(self.restart_button)
        layout.addLayout(language_row)
        self.group.button(0).setChecked(True)
        self.restart_button.clicked.connect(self._restart)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.group.idToggled.connect(lambda *_: self.completeChanged.emit())

    def initializePage(self) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(self.cms_language()), 0))
        self.language.blockSignals(False)

    def cms_language(self) -> str:
        from cmswizard.gui.i18n import current_language

        return current_language()

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.wizard().settings.set("ui/language", code)  # type: ignore[attr-defined]
        same = code == self.cms_language()
        self.language_note.setText("" if same else self.tr("Takes effect when the wizard restarts."))
        self.restart_button.setVisible(not same)

    def _restart(self) -> None:
        import os
        import sys

        self.wizard().settings.sync()  # type: ignore[attr-defined]
        os.execv(sys.executable, [sys.executable, "-m", "cmswizard", "--lang", self.language.currentData()])

    def choose(self, key: str) -> None:
        number = next(n for n, flow in enumerate(self.flows) if flow.key == key)
        self.group.button(number).setChecked(True)

    def chosen(self) -> Flow:
        return self.flows[max(self.group.checkedId(), 0)]

    def isComplete(self) -> bool:
        return self.group.checkedId() >= 0

    def nextId(self) -> int:
        return int(self.chosen().first_page)
