"""The open plan file, owned by the wizard: opening, saving and closing it happen here only, so the
start page, the deployment-sheet page and the File menu do the same thing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cmswizard.gui import dialogs
from cmswizard.gui.flows import Flows
from cmswizard.gui.i18n import error_text
from cmswizard.gui.recent import recent_plans, remember_plan
from cmswizard.gui.settings import Settings
from cmswizard.pki.errors import CmsInputError

if TYPE_CHECKING:
    from cmswizard.cms.plan import Plan


class PlanDocument(QObject):
    changed = Signal()  # a plan was opened, saved under a name or closed

    def __init__(self, settings: Settings, flows: Flows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.flows = flows

    @property
    def path(self) -> Path | None:
        return self.flows.plan_path

    def recent(self) -> list[Path]:
        return recent_plans(self.settings)

    def start_folder(self) -> Path:
        return self.flows.plan_path or Path(self.settings.get("output/folder"))

    def choose(self, parent: QWidget) -> Path | None:
        """Ask which plan file to open; None if the user cancels."""
        chosen = dialogs.open_file_names(
            parent, self.tr("Open a deployment plan"), self.start_folder(), self.tr("Plan files (*.toml)")
        )
        return chosen[0] if chosen else None

    def open(self, path: Path) -> str:
        """Read a plan; every flow started afterwards begins from it. Returns "" or why it cannot be read."""
        from cmswizard.cms.plan import read_plan

        try:
            plan = read_plan(path)
        except CmsInputError as error:
            return error_text(error)
        self.flows.open_plan(plan, path.resolve())
        remember_plan(self.settings, path)
        self.changed.emit()
        return ""

    def close(self) -> None:
        """No plan: flows started afterwards begin from empty fields."""
        self.flows.plan = None
        self.flows.plan_path = None
        self.changed.emit()

    def save(self, parent: QWidget, plan: Plan, *, ask: bool, start: Path | None = None) -> Path | None:
        """Write `plan`; with `ask` (or no file yet) ask where first. None if cancelled; CmsInputError
        if it cannot be written."""
        from cmswizard.cms.plan import plan_text
        from cmswizard.pki.files import OutputFile, write_files

        target = self.flows.plan_path
        if ask or target is None:
            target = dialogs.save_file_name(
                parent,
                self.tr("Save the deployment plan"),
                self.flows.plan_path or start or self.start_folder() / "cms-plan.toml",
                self.tr("Plan files (*.toml)"),
            )
            if target is None:
                return None
            if target.suffix.lower() != ".toml":
                target = target.with_name(target.name + ".toml")
        write_files([OutputFile(target, plan_text(plan).encode(), replace=True)])
        self.flows.open_plan(plan, target.resolve())  # now the open plan, as if opened from there
        remember_plan(self.settings, target)
        self.changed.emit()
        return target
