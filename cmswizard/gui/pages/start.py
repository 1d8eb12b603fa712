"""The start page: what do you want to do? Only flows that work are offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from cmswizard.gui.flows import FLOWS, Flow
from cmswizard.gui.i18n import LANGUAGES, current_language, translated
from cmswizard.gui.page import PageHost, WizardPage


class StartPage(WizardPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("What do you want to do?"))
        self.setSubTitle(self.tr("Certificates for Cisco Meeting Server, from request to the files on the server."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.flows = list(FLOWS)
        for number, flow in enumerate(self.flows):
            button = QRadioButton(f"&{number + 1}  {translated(flow.title)}", self)
            button.setAccessibleName(translated(flow.title))
            description = QLabel(translated(flow.description), self)
            description.setWordWrap(True)
            description.setIndent(28)
            self.group.addButton(button, number)
            layout.addWidget(button)
            layout.addWidget(description)
            layout.addSpacing(4)  # eight flows, the plan and the language fit 960×720 in both languages
        layout.addStretch()
        plan_row = QHBoxLayout()
        self.recent = QComboBox(self)
        self.recent.setAccessibleName(self.tr("Recent plans"))
        self.recent.setMinimumContentsLength(24)
        recent_label = QLabel(self.tr("Pl&an file:"), self)
        recent_label.setBuddy(self.recent)
        self.open_plan_button = QPushButton(self.tr("&Open plan…"), self)
        self.plan_note = QLabel(self)
        self.plan_note.setWordWrap(True)
        plan_row.addWidget(recent_label)
        plan_row.addWidget(self.recent, 1)
        plan_row.addWidget(self.open_plan_button)
        layout.addLayout(plan_row)
        layout.addWidget(self.plan_note)
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
        self.group.idToggled.connect(self._choice_changed)
        self.open_plan_button.clicked.connect(self._open_plan_clicked)
        self.recent.activated.connect(self._recent_chosen)
        self.host.plans.changed.connect(self._plan_changed)
        self._fill_recent()

    def enter(self) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.blockSignals(False)
        if self.host.flows.active is not None:
            number = next(n for n, f in enumerate(self.flows) if f.key is self.host.flows.active)
            self.group.button(number).setChecked(True)

    # --- plan files (opened, saved and closed by the wizard's PlanDocument) ----------------------
    def _fill_recent(self) -> None:
        self.recent.blockSignals(True)
        self.recent.clear()
        self.recent.addItem(self.tr("(no plan: start from empty fields)"), "")
        for path in self.host.plans.recent():
            self.recent.addItem(path.name + "  —  " + str(path.parent), str(path))
        current = self.host.plans.path
        self.recent.setCurrentIndex(max(self.recent.findData(str(current)) if current else 0, 0))
        self.recent.blockSignals(False)

    def _plan_changed(self) -> None:
        self._fill_recent()
        plan, path = self.host.flows.plan, self.host.plans.path
        if plan is None or path is None:
            self.plan_note.setText("")
            return
        self.plan_note.setText(
            self.tr(
                "Open plan: {name}: CMS {version}, {nodes} node(s), files in {folder}. Every flow starts from it."
            ).format(name=path.name, version=plan.version.value, nodes=len(plan.nodes), folder=str(path.parent))
        )

    def _open_plan_clicked(self) -> None:
        chosen = self.host.plans.choose(self)
        if chosen is not None:
            self.open_plan(chosen)

    def _recent_chosen(self) -> None:
        value = self.recent.currentData()
        if value:
            self.open_plan(Path(value))
        else:
            self.host.plans.close()

    def open_plan(self, path: Path) -> bool:
        """Read a plan; every flow started afterwards begins from it."""
        problem = self.host.plans.open(path)
        if problem:
            self.plan_note.setText(problem)
        return not problem

    def _choice_changed(self) -> None:
        self.completeChanged.emit()

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self.host.settings.set("ui/language", code)
        same = code == current_language()
        self.language_note.setText("" if same else self.tr("Takes effect when the wizard restarts."))
        self.restart_button.setVisible(not same)

    def _restart(self) -> None:
        from cmswizard.gui import launch

        self.host.settings.sync()
        launch.restart(self.language.currentData())

    def chosen(self) -> Flow:
        return self.flows[max(self.group.checkedId(), 0)]

    def isComplete(self) -> bool:
        return self.group.checkedId() >= 0

    def validatePage(self) -> bool:
        self.host.begin_flow(self.chosen().key)
        return True

    def nextId(self) -> int:
        return int(self.chosen().first_page)
