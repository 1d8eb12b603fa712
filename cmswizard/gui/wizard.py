"""The wizard window: page ids, the state the pages share, and the flows the start page offers."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget, QWizard

from cmswizard.cms.deployment import Deployment, ProposedCertificate
from cmswizard.gui.settings import Settings
from cmswizard.pki.csr import CsrResult
from cmswizard.pki.spec import CsrSpec, Problem

ICON_PATH = Path(__file__).parent / "icons" / "cmswizard.svg"


class PageId(enum.IntEnum):
    START = 0
    DEPLOYMENT = 10
    SUBJECT = 11
    PREVIEW = 12
    GENERATE = 13
    ON_CMS = 14
    CHAIN = 20
    DB_CLUSTER = 30
    DB_RESULT = 31
    CHECK = 40
    DEPLOY_SHEET = 50
    EXPORT = 51


@dataclass
class CsrFlowState:
    """What the CSR flow's pages hand to each other. The spec is the one object the preview shows
    and the generate step hands to the engine."""

    deployment: Deployment = field(default_factory=Deployment)
    proposals: list[ProposedCertificate] = field(default_factory=list)
    current: int = 0
    spec: CsrSpec | None = None
    problems: tuple[Problem, ...] = ()  # the subject page's warnings and notes for that spec
    folder: Path = field(default_factory=Path.home)
    generate_here: bool = True
    overwrite_key: bool = False
    result: CsrResult | None = None
    made: list[str] = field(default_factory=list)  # basenames generated in this session

    @property
    def proposal(self) -> ProposedCertificate | None:
        return self.proposals[self.current] if 0 <= self.current < len(self.proposals) else None


class CmsWizard(QWizard):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cmswizard.gui import pages_csr
        from cmswizard.gui.chain_page import ChainBuilderPage
        from cmswizard.gui.pages_check import CheckPage
        from cmswizard.gui.pages_db import DbClusterPage, DbResultPage
        from cmswizard.gui.pages_deploy import DeploySheetPage, ExportPage
        from cmswizard.gui.start import StartPage

        self.settings = settings
        self.csr = CsrFlowState(folder=Path(settings.get("output/folder")))
        self.setWindowTitle(self.tr("CMS Certificate Wizard"))
        if ICON_PATH.exists():
            self.setWindowIcon(QIcon(str(ICON_PATH)))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        # Our own wording, so zh_TW reads 下一步/上一步 as Cisco's and Windows' documents do.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.setMinimumSize(QSize(820, 620))
        self.resize(960, 720)
        self.start_page = StartPage(self)
        self.deployment_page = pages_csr.DeploymentPage(self)
        self.subject_page = pages_csr.SubjectPage(self)
        self.preview_page = pages_csr.PreviewPage(self)
        self.generate_page = pages_csr.GeneratePage(self)
        self.on_cms_page = pages_csr.OnCmsPage(self)
        self.chain_page = ChainBuilderPage(self)
        self.db_page = DbClusterPage(self)
        self.db_result_page = DbResultPage(self)
        self.check_page = CheckPage(self)
        self.deploy_page = DeploySheetPage(self)
        self.export_page = ExportPage(self)
        for page_id, page in (
            (PageId.START, self.start_page),
            (PageId.DEPLOYMENT, self.deployment_page),
            (PageId.SUBJECT, self.subject_page),
            (PageId.PREVIEW, self.preview_page),
            (PageId.GENERATE, self.generate_page),
            (PageId.ON_CMS, self.on_cms_page),
            (PageId.CHAIN, self.chain_page),
            (PageId.DB_CLUSTER, self.db_page),
            (PageId.DB_RESULT, self.db_result_page),
            (PageId.CHECK, self.check_page),
            (PageId.DEPLOY_SHEET, self.deploy_page),
            (PageId.EXPORT, self.export_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(PageId.START)

    def start_flow(self, key: str) -> None:
        """Switch to another flow, as if chosen on the start page."""
        self.start_page.choose(key)
        self.go_to(self.start_page.chosen().first_page)

    def go_to(self, target: PageId) -> None:
        """Jump to a page the user has passed (e.g. 'make the next certificate'): restart and step forward,
        so every page in between re-initialises from the shared state."""
        self.restart()
        for _ in range(len(self.pageIds())):
            if self.currentId() == target:
                return
            self.next()
