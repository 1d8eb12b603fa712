"""The wizard window: builds each page (and imports its module) the first time it is needed, owns
the flow states and the task runner, and asks before closing would lose work."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QToolButton, QWidget, QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, Flows, PageId, flow
from cmswizard.gui.i18n import error_text
from cmswizard.gui.page import WizardPage
from cmswizard.gui.plan_document import PlanDocument
from cmswizard.gui.settings import Settings
from cmswizard.gui.tasks import TaskRunner
from cmswizard.pki.errors import CmsInputError

if TYPE_CHECKING:
    from cmswizard.gui.help_window import HelpWindow

P = TypeVar("P", bound=WizardPage)

ICON_PATH = Path(__file__).parent / "icons" / "cmswizard.svg"

# Where each page lives; a module is imported when its first page is built.
PAGES: dict[PageId, tuple[str, str]] = {
    PageId.START: ("cmswizard.gui.pages.start", "StartPage"),
    PageId.DEPLOYMENT: ("cmswizard.gui.pages.csr", "DeploymentPage"),
    PageId.SUBJECT: ("cmswizard.gui.pages.csr", "SubjectPage"),
    PageId.PREVIEW: ("cmswizard.gui.pages.csr", "PreviewPage"),
    PageId.GENERATE: ("cmswizard.gui.pages.csr", "GeneratePage"),
    PageId.ON_CMS: ("cmswizard.gui.pages.csr", "OnCmsPage"),
    PageId.CHAIN: ("cmswizard.gui.pages.bundle", "ChainBuilderPage"),
    PageId.DB_CLUSTER: ("cmswizard.gui.pages.dbcluster", "DbClusterPage"),
    PageId.DB_RESULT: ("cmswizard.gui.pages.dbcluster", "DbResultPage"),
    PageId.CHECK: ("cmswizard.gui.pages.check", "CheckPage"),
    PageId.DEPLOY_SHEET: ("cmswizard.gui.pages.deploy", "DeploySheetPage"),
    PageId.EXPORT: ("cmswizard.gui.pages.export", "ExportPage"),
    PageId.PROBE: ("cmswizard.gui.pages.probe", "ProbeSetupPage"),
    PageId.PROBE_RESULT: ("cmswizard.gui.pages.probe", "ProbeResultPage"),
    PageId.RENEW_REQUEST: ("cmswizard.gui.pages.renew", "RenewRequestPage"),
    PageId.RENEW_GENERATE: ("cmswizard.gui.pages.renew", "RenewGeneratePage"),
    PageId.RENEW_SHEET: ("cmswizard.gui.pages.renew", "RenewSheetPage"),
    PageId.UPLOAD: ("cmswizard.gui.pages.upload", "UploadPage"),
    PageId.APPLY: ("cmswizard.gui.pages.apply", "ApplyPage"),
    PageId.KEEP_RENEWED: ("cmswizard.gui.pages.keep_renewed", "KeepRenewedPage"),
}


class CmsWizard(QWizard):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.flows = Flows(Path(settings.get("output/folder")))
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(self._show_failure)
        self.tasks.idle.connect(self._close_if_waiting)
        self._close_when_idle = False
        self._replaying = False  # go_to() steps through pages the user has passed: no flow starts
        self.plans = PlanDocument(settings, self.flows, self)
        self.plans.changed.connect(self._plan_changed)
        self._build_file_menu()
        self._show_title()
        if ICON_PATH.exists():
            self.setWindowIcon(QIcon(str(ICON_PATH)))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("&Help"))
        self.helpRequested.connect(self._help_asked)
        self._help_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
        self._help_shortcut.activated.connect(self._help_asked)
        self.help_window: HelpWindow | None = None
        # Our own wording, so zh_TW reads 下一步/上一步 as Cisco's and Windows' documents do.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.HelpButton,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CommitButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.currentIdChanged.connect(self._update_file_actions)
        self.setMinimumSize(QSize(820, 620))
        self.resize(960, 720)
        self.page_at(PageId.START)
        self.setStartId(PageId.START)

    # --- pages, built when first needed ------------------------------------------------------
    def page_at(self, page_id: PageId) -> WizardPage:
        """The page for `page_id`, built (and its module imported) on first use."""
        existing = self.page(page_id)
        if isinstance(existing, WizardPage):
            return existing
        module, name = PAGES[page_id]
        page: WizardPage = getattr(importlib.import_module(module), name)(self)
        self.setPage(page_id, page)
        page.completeChanged.connect(self._update_file_actions)  # e.g. the deployment sheet was built
        return page

    def page_as(self, page_id: PageId, kind: type[P]) -> P:
        """`page_at` for callers that need the page's own type (screenshots, tests)."""
        page = self.page_at(page_id)
        assert isinstance(page, kind), f"{page_id!r} is a {type(page).__name__}"
        return page

    def validateCurrentPage(self) -> bool:
        # go_to() steps through pages the user already passed: their validatePage (settings writes,
        # dialogs, flow-state writes) ran when the user pressed Next, and is not run again.
        if not self._replaying and not super().validateCurrentPage():
            return False
        page = self.currentPage()
        target = page.nextId() if page is not None else -1
        if target == -1 and not self._replaying and not self._keep_commands():
            return False
        if target in PAGES:
            self.page_at(PageId(target))
        return True

    # --- flows ---------------------------------------------------------------------------------
    def begin_flow(self, key: FlowKey) -> None:
        """Next on the start page: the chosen flow starts afresh (nothing of an earlier run stays)."""
        if not (self._replaying and self.flows.active is FlowKey(key)):
            self.flows.start(key, Path(self.settings.get("output/folder")))

    def start_flow(self, key: FlowKey) -> None:
        """Start a flow afresh and show its first page, as if chosen on the start page."""
        self.flows.start(key, Path(self.settings.get("output/folder")))
        self.go_to(flow(key).first_page)

    def go_to(self, target: PageId) -> None:
        """Show `target` of the active flow: restart and step forward, so every page on the way
        re-reads its flow state (without validating it again: see validateCurrentPage)."""
        self._replaying = True
        try:
            self.restart()
            for _ in range(len(PAGES)):
                if self.currentId() == target:
                    return
                self.next()
        finally:
            self._replaying = False

    # --- the File menu: the open plan, from every page ---------------------------------------
    def _build_file_menu(self) -> None:
        self.file_menu = QMenu(self)
        self.open_action = self._file_action(self.tr("&Open plan…"), "Ctrl+O")
        self.open_action.triggered.connect(self._open_chosen)
        self.recent_menu = self.file_menu.addMenu(self.tr("&Recent plans"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_action = self._file_action(self.tr("&Save plan"), "Ctrl+S")
        self.save_action.triggered.connect(self._save)
        self.save_as_action = self._file_action(self.tr("Save plan &as…"), "Ctrl+Shift+S")
        self.save_as_action.triggered.connect(self._save_as)
        self.close_action = self._file_action(self.tr("&Close plan"), "")
        self.close_action.triggered.connect(self.plans.close)
        self.file_button = QToolButton(self)
        # Every letter a mnemonic could use is taken on some page; F10 opens it, as it opens a menu bar.
        # The arrow as part of the text: the style's menu indicator was drawn over the last letter (1× and 2×)
        self.file_button.setText(self.tr("File") + " ▾")
        self.file_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.file_button.setToolTip(self.tr("Open, save or close a plan file (F10)"))
        self.file_button.setAccessibleName(self.tr("File"))
        self.file_button.setMenu(self.file_menu)
        self.file_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.file_menu.aboutToShow.connect(self._update_file_actions)
        self.setButton(QWizard.WizardButton.CustomButton1, self.file_button)
        self._file_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F10), self)
        self._file_shortcut.activated.connect(self.file_button.showMenu)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self._fill_recent_menu()
        self._update_file_actions()

    def _file_action(self, text: str, key: str) -> QAction:
        action = self.file_menu.addAction(text)
        if key:
            action.setShortcut(QKeySequence(key))  # spelled out: Windows has no standard Save As key
            self.addAction(action)  # the shortcut works while the menu is closed
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.plans.recent():
            action = self.recent_menu.addAction(path.name + "  —  " + str(path.parent))
            action.triggered.connect(self._recent_opener(path))
        self.recent_menu.setEnabled(bool(self.plans.recent()))

    def _recent_opener(self, path: Path) -> Callable[[], object]:
        return lambda: self.open_plan(path)

    def _update_file_actions(self) -> None:
        page = self.currentPage()
        has_plan = self.flows.plan is not None
        page_plan = isinstance(page, WizardPage) and page.can_save_plan()
        self.save_action.setEnabled(has_plan or page_plan)
        self.save_as_action.setEnabled(has_plan or page_plan)
        self.close_action.setEnabled(has_plan)

    def _plan_changed(self) -> None:
        self._show_title()
        self._fill_recent_menu()
        self._update_file_actions()

    def _show_title(self) -> None:
        title = self.tr("CMS Certificate Wizard")
        path = self.plans.path
        self.setWindowTitle(f"{path.name} — {title}" if path is not None else title)

    def _open_chosen(self) -> None:
        chosen = self.plans.choose(self)
        if chosen is not None:
            self.open_plan(chosen)

    def open_plan(self, path: Path) -> bool:
        """Open a plan from any page; a flow under way starts again from it (after asking, when that
        would lose typed input)."""
        active = self.flows.active
        on_start = self.currentId() in (PageId.START, -1)
        if not on_start and self._unsaved_input() and not dialogs.confirm_restart_from_plan(self):
            return False
        problem = self.plans.open(path)
        if problem:
            dialogs.show_problem(self, self.tr("This plan cannot be opened"), problem)
            return False
        if not on_start and active is not None:
            self.start_flow(active)
        return True

    def _save(self) -> None:
        self._save_plan(ask=False)

    def _save_as(self) -> None:
        self._save_plan(ask=True)

    def _save_plan(self, *, ask: bool) -> bool:
        """True when the plan was written."""
        page = self.currentPage()
        try:
            plan = page.plan_to_save() if isinstance(page, WizardPage) else None
            plan = plan or self.flows.plan
            if plan is None:
                return False
            return self.plans.save(self, plan, ask=ask) is not None
        except CmsInputError as error:
            dialogs.show_problem(self, self.tr("The plan was not saved"), error_text(error))
            return False

    # --- help ------------------------------------------------------------------------------------
    def _help_asked(self) -> None:
        self.show_help()

    def show_help(self, field: str = "") -> None:
        """F1 and the Help button: the current page's help; a field message's link opens its rule."""
        page = self.currentPage()
        if not isinstance(page, WizardPage):
            return
        if self.help_window is None:
            from cmswizard.gui.help_window import HelpWindow  # with its pages, only when help is asked for

            self.help_window = HelpWindow(self)
        self.help_window.show_page(page.title(), page.page_help(), field)

    # --- closing -------------------------------------------------------------------------------
    def _keep_commands(self) -> bool:
        """Finish on a flow's last page: commands made on the way (the renewal's, the database cluster's, the
        deployment sheet) that are neither copied, saved nor on the stick are offered for saving first, and
        where they went is said. False: stay (Cancel, or the save did not happen)."""
        pages = [self.page(page_id) for page_id in self.visitedIds()]
        holding = [page for page in pages if isinstance(page, WizardPage) and page.unkept_commands()]
        if not holding:
            return True
        answer = dialogs.ask_save_commands(self)
        if answer != "save":
            return answer == "discard"
        for page in holding:
            saved = page.save_commands()
            if saved is None:
                return False
            dialogs.tell_commands_saved(self, saved)
        return True

    def _unsaved_input(self) -> bool:
        pages = [self.page(page_id) for page_id in self.visitedIds()]
        return any(isinstance(page, WizardPage) and page.has_unsaved_input() for page in pages)

    def reject(self) -> None:
        """Escape, Cancel and the window's close button: never in the middle of a write, and not
        without asking when typed input would be lost."""
        if self.tasks.writing():
            self._close_when_idle = True
            self.setEnabled(False)
            return
        changed = self._unsaved_plan()
        if changed is not None:  # an open plan the page has changed (its language, a row): as every editor asks
            answer = dialogs.ask_save_plan(self, changed.name)
            if answer == "cancel":
                return
            if answer == "save" and not self._save_plan(ask=False):
                return
        elif self._unsaved_input() and not dialogs.confirm_discard(self):
            return
        super().reject()

    def _unsaved_plan(self) -> Path | None:
        """The open plan's path when the current page would save something else than what is on disk."""
        page, opened, path = self.currentPage(), self.flows.plan, self.flows.plan_path
        if opened is None or path is None or not isinstance(page, WizardPage) or not page.can_save_plan():
            return None
        from cmswizard.cms.plan import plan_text  # only with a plan open: closing a fresh wizard imports no engine

        try:
            shown = page.plan_to_save()
            return path if shown is not None and plan_text(shown) != plan_text(opened) else None
        except CmsInputError:
            return path  # the page holds input that makes no plan yet: still worth the question

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if self._close_when_idle:
            event.ignore()

    def close_when_idle(self) -> None:
        """The session ends (SIGTERM): close without asking, but never in the middle of a write."""
        self._close_when_idle = True
        self.setEnabled(False)
        self._close_if_waiting()

    def _close_if_waiting(self) -> None:
        if self._close_when_idle and not self.tasks.writing():
            self._close_when_idle = False
            self.setEnabled(True)
            super().reject()

    def _show_failure(self, message: str) -> None:
        dialogs.show_failure(self, message)
