"""The database-cluster flow (§6): dbca, dbserver and dbclient, and what to type on each node."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from cmswizard.cms.dbcluster import DbCluster, WrittenDbCluster, make_db_cluster, write_db_cluster
from cmswizard.cms.lines import render_lines
from cmswizard.gui import dialogs
from cmswizard.gui.flows import DbClusterFlowState, PageId
from cmswizard.gui.i18n import error_text, listed, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import BusyBar, CommandBox, FieldMessage
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.loader import load_file
from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS
from cmswizard.pki.spec import Problem, Severity
from cmswizard.pki.verify import verify_certificate


def _names(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part]


class _DbPage(WizardPage):
    @property
    def state(self) -> DbClusterFlowState:
        return self.host.flows.db

    def flow_state(self) -> object:
        return self.state


class DbClusterPage(_DbPage):
    next_page = PageId.DB_RESULT

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Database cluster certificates"))
        self.setSubTitle(
            self.tr("A small CA (dbca) signs dbserver and dbclient, as pki selfsigned and pki sign do on the primary.")
        )
        self.domain = QLineEdit(self)
        self.domain.setPlaceholderText(self.tr("e.g. tplab.local"))
        self.primary = QLineEdit(self)
        self.primary.setPlaceholderText(self.tr("cmscore1.example.com"))
        self.joining = QPlainTextEdit(self)
        self.joining.setPlaceholderText(self.tr("cmscore2.example.com (one per line)"))
        self.joining.setTabChangesFocus(True)
        self.joining.setMaximumHeight(64)
        self.connecting = QPlainTextEdit(self)
        self.connecting.setPlaceholderText(self.tr("cores that only connect to the database (one per line)"))
        self.connecting.setTabChangesFocus(True)
        self.connecting.setMaximumHeight(52)
        self.ca_days = QSpinBox(self)
        self.ca_days.setRange(30, 36500)
        self.ca_days.setValue(CA_DAYS)
        self.ca_days.setSuffix(self.tr(" days"))
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setValue(LEAF_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.renewal = QCheckBox(
            self.tr("&Renewing expired database certificates (start with database cluster remove)"), self
        )
        self.folder = QLineEdit(self)
        self.browse = QPushButton(self.tr("Bro&wse…"), self)
        self.browse.clicked.connect(self._choose_folder)
        self.message = FieldMessage(self)
        self.commands = CommandBox(self)
        self.commands.setAccessibleName(self.tr("Equivalent MMP commands"))
        for widget, name in (
            (self.domain, self.tr("CA domain")),
            (self.primary, self.tr("Primary core")),
            (self.joining, self.tr("Other database cores")),
            (self.connecting, self.tr("Connect-only cores")),
            (self.folder, self.tr("Output folder")),
        ):
            widget.setAccessibleName(name)
        form = QFormLayout()
        form.addRow(self.tr("CA &domain (dbca CN):"), self.domain)
        form.addRow(self.tr("&Primary core FQDN:"), self.primary)
        form.addRow(self.tr("Other database &cores:"), self.joining)
        form.addRow(self.tr("C&onnect-only cores:"), self.connecting)
        validity = QHBoxLayout()
        validity.addWidget(QLabel(self.tr("dbca:"), self))
        validity.addWidget(self.ca_days)
        validity.addWidget(QLabel(self.tr("dbserver / dbclient:"), self))
        validity.addWidget(self.days)
        validity.addStretch()
        form.addRow(self.tr("Validity:"), validity)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        folder_label = QLabel(self.tr("Save in &folder:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.renewal)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("The same on the primary's MMP:"), self))
        layout.addWidget(self.commands, 1)
        for line in (self.domain, self.primary, self.folder):
            line.textChanged.connect(self._refresh)
        for text in (self.joining, self.connecting):
            text.textChanged.connect(self._refresh)
        self.plan: DbCluster | None = None

    def reset(self) -> None:
        for line in (self.domain, self.primary):
            line.clear()
        for text in (self.joining, self.connecting):
            text.clear()
        self.ca_days.setValue(self.state.ca_days)
        self.days.setValue(self.state.days)
        self.renewal.setChecked(False)
        base = Path(self.host.settings.get("output/folder"))
        self.folder.setText(str(self.state.folder or base / f"dbcluster-{dt.date.today():%Y%m%d}"))
        given = self.state.plan
        if given is not None:  # an open plan file: start from its database cluster
            self.domain.setText(given.ca.cn)
            self.primary.setText(given.primary)
            self.joining.setPlainText("\n".join(given.joining))
            self.connecting.setPlainText("\n".join(given.connecting))

    def enter(self) -> None:
        self._refresh()

    def has_unsaved_input(self) -> bool:
        return self.state.result is None and bool(self.domain.text().strip() or self.primary.text().strip())

    def _choose_folder(self) -> None:
        chosen = dialogs.existing_folder(self, self.tr("Folder for the database certificates"), self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _refresh(self) -> None:
        self.plan = None
        if not (self.domain.text().strip() and self.primary.text().strip()):
            self.message.show_problems([])
            self.commands.setPlainText("")
        else:
            try:
                self.plan = make_db_cluster(
                    self.domain.text(),
                    self.primary.text(),
                    _names(self.joining.toPlainText()),
                    _names(self.connecting.toPlainText()),
                )
            except CmsInputError as error:
                self.message.show_problems([Problem(error.where, Severity.ERROR, error_text(error))])
                self.commands.setPlainText("")
            else:
                self.message.show_problems([])
                self.commands.setPlainText("\n".join(self.plan.mmp_commands()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.plan is not None and bool(self.folder.text().strip())

    def validatePage(self) -> bool:
        folder = Path(self.folder.text().strip()).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            dialogs.show_problem(
                self,
                self.tr("Folder"),
                self.tr("Cannot create {folder}: {error}").format(folder=folder, error=error.strerror),
            )
            return False
        existing = [name for name in ("dbca.key", "dbserver.key", "dbclient.key") if (folder / name).exists()]
        state = self.state
        state.force = False
        if existing:
            if not dialogs.confirm_risky(
                self,
                self.tr("Replace existing keys?"),
                self.tr(
                    "{files} already exist in {folder}.\n\nIf these are the keys your database cluster uses, "
                    "replacing them breaks the cluster until every node has the new files. Choose an empty "
                    "folder to keep them.\n\nReplace them?"
                ).format(files=listed(existing), folder=folder),
            ):
                return False
            state.force = True
        state.plan, state.folder = self.plan, folder
        state.ca_days, state.days, state.renewal = self.ca_days.value(), self.days.value(), self.renewal.isChecked()
        state.result = None
        return True


class DbResultPage(_DbPage):
    next_page = PageId.APPLY

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Database cluster files and commands"))
        self.setSubTitle(self.tr("Copy the files to each node, then type its commands on the MMP."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = BusyBar(self)
        self.sheet = CommandBox(self)
        self.sheet.setAccessibleName(self.tr("Commands per node"))
        self.copy_button = QPushButton(self.tr("&Copy all commands"), self)
        self.copy_button.clicked.connect(self._copy)
        self.save_button = QPushButton(self.tr("Save the co&mmands…"), self)
        self.save_button.clicked.connect(self._save_clicked)
        self.saved = QLabel(self)  # where the commands went
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.sheet, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        self.running = False
        self.error: str | None = None
        self.kept = False  # copied or saved: Finish does not ask

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.sheet.toPlainText())
        self.kept = True

    def _save_clicked(self) -> None:
        self.save_commands()

    def save_commands(self) -> Path | None:
        """Save the commands where the user says (the cluster's folder first); the page says where they went."""
        from cmswizard.pki.files import OutputFile, write_files

        start = (self.state.folder or self.host.flows.folder) / "db-cluster-commands.txt"
        target = dialogs.save_file_name(self, self.tr("Save the commands"), start, self.tr("Text files (*.txt)"))
        if target is None:
            return None
        try:
            write_files([OutputFile(target, self.sheet.toPlainText().encode(), replace=True)])
        except CmsInputError as error:
            self.saved.setText(f"✗ {error_text(error)}")
            return None
        self.saved.setText(self.tr("✓ Saved to {path}").format(path=str(target)))
        self.kept = True
        return target

    def unkept_commands(self) -> str:
        return "" if self.kept else self.sheet.toPlainText()

    def enter(self) -> None:
        state = self.state
        plan, folder = state.plan, state.folder
        assert plan is not None and folder is not None
        ca_days, days, force, renewal = state.ca_days, state.days, state.force, state.renewal
        self.running, self.error = True, None
        self.status.setText(self.tr("Making dbca, dbserver and dbclient…"))
        self.progress.show()
        self.sheet.clear()
        self.saved.clear()
        self.kept = False
        self.copy_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.completeChanged.emit()
        self.host.tasks.run(
            self,
            lambda: write_db_cluster(plan, folder, ca_days=ca_days, days=days, force=force),
            lambda made: self._done(made, folder, renewal),
            self._failed,
            writes=True,
        )

    def _done(self, made: WrittenDbCluster, folder: Path, renewal: bool) -> None:
        self.running, self.state.result = False, made
        self.progress.hide()
        ca = load_file(folder / "dbca.crt").certificates
        checks = [
            verify_certificate(load_file(folder / f"{name}.crt").certificates[0], ca)
            for name in ("dbserver", "dbclient")
        ]
        verdict = "✓" if all(c.ok for c in checks) else "✗"
        self.status.setText(
            self.tr("{verdict} Wrote {count} files to {folder}; dbserver and dbclient verify against dbca.").format(
                verdict=verdict, count=len(made.files), folder=folder
            )
        )
        self.sheet.setPlainText(self.sheet_text(made.cluster, renewal))
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.completeChanged.emit()

    def sheet_text(self, plan: DbCluster, renewal: bool) -> str:
        """The engine's one rendering of the DB commands (the sheet and the CLI print the same lines)."""
        sections = [plan.renewal_lines()] if renewal else []
        sections += [[plan.copy_note(node), *plan.node_lines(node)] for node in plan.nodes]
        return "\n\n".join("\n".join(render_lines(section, translated)) for section in sections) + "\n"

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.error = str(error)
        self.progress.hide()
        self.status.setText(self.tr("✗ Nothing was written. {message}").format(message=error_text(error)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running and self.state.result is not None
