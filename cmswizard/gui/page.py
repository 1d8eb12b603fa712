"""The typed base of every page: what a page may use of the wizard, and the page life cycle.

A page gets a `PageHost` (the wizard, seen through this protocol) and never imports the wizard.
It declares where Next goes (`next_page`, or `nextId()` when it depends on input), reads and writes
its own flow's state (`flow_state()`), and forgets what it showed when that flow starts afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from PySide6.QtWidgets import QWizardPage

from cmswizard.gui.flows import FlowKey, Flows, PageId
from cmswizard.gui.settings import Settings
from cmswizard.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from cmswizard.cms.plan import Plan
    from cmswizard.gui.help import PageHelp
    from cmswizard.gui.plan_document import PlanDocument


class PageHost(Protocol):
    settings: Settings
    flows: Flows
    tasks: TaskRunner
    plans: PlanDocument

    def begin_flow(self, key: FlowKey) -> None: ...

    def start_flow(self, key: FlowKey) -> None: ...

    def go_to(self, target: PageId) -> None: ...


class WizardPage(QWizardPage):
    next_page: PageId | None = None  # None: a final page (Finish)
    help_content: ClassVar[PageHelp | None] = None  # or an entry in gui/help.py HELP under the class name

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        self._state_seen: object | None = None

    def flow_state(self) -> object:
        """This page's flow state; a new object means the flow was started afresh."""
        return None

    def initializePage(self) -> None:
        state = self.flow_state()
        if state is not self._state_seen:
            self._state_seen = state
            self.reset()
        self.enter()

    def reset(self) -> None:
        """A fresh flow: clear what the previous one left in the widgets."""

    def enter(self) -> None:
        """The page is shown (going forward): fill it from the flow state."""

    def plan_to_save(self) -> Plan | None:
        """File → Save on this page: the plan with what the page knows; None: nothing new here (the
        open plan is saved as it is). CmsInputError if the page's input makes no valid plan."""
        return None

    def can_save_plan(self) -> bool:
        """True when plan_to_save() has a plan to give (File → Save is enabled even with no plan open)."""
        return False

    def has_unsaved_input(self) -> bool:
        """True while closing would lose what the user typed or gathered here."""
        return False

    def unkept_commands(self) -> str:
        """Commands this page made that are neither copied nor saved: Finish offers to save them ("" = none)."""
        return ""

    def save_commands(self) -> Path | None:
        """Save this page's commands where the user says; where they went, or None (cancelled, or failed and said)."""
        return None

    def page_help(self) -> PageHelp | None:
        """What F1 and the Help button show for this page (tests require one for every page)."""
        from cmswizard.gui.help import HELP

        return self.help_content or HELP.get(type(self).__name__)

    def nextId(self) -> int:
        return -1 if self.next_page is None else int(self.next_page)
