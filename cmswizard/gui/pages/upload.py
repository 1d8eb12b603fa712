"""Upload to the CMS: each node's files to its MMP over SFTP, each one read back and compared.

The host key is checked before anything is sent (a first connection shows the fingerprint and
asks); the password stays in its field and is never stored. Nothing is run on the MMP: the node's
commands are shown beside its result, to type there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cmswizard.cms.plan import PlanNode
from cmswizard.gui import dialogs
from cmswizard.gui.flows import DeployFlowState, PageId
from cmswizard.gui.i18n import current_language, error_text, listed, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import CellEdit, CommandBox, FieldMessage, chain_tab_order, node_table
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.spec import Problem, Severity
from cmswizard.remote.sftp import (
    Credentials,
    HostTrust,
    Outcome,
    SshTarget,
    UnknownHostKey,
    UploadReport,
    remember_host_key,
    summary_parts,
)

_SEND, _NODE, _ADDRESS, _PORT, _USER, _FINGERPRINT, _RESULT = range(7)


@dataclass(frozen=True)
class _NodeJob:
    node: str
    target: SshTarget
    fingerprint: str
    files: tuple[Path, ...]


class UploadPage(WizardPage):
    """After the sheet: send every node its files, verified, with per-node progress and results."""

    next_page = PageId.APPLY
    upload_finished = Signal()  # a round of uploads ended (results shown, questions answered)

    @property
    def state(self) -> DeployFlowState:
        return self.host.flows.deploy

    def flow_state(self) -> object:
        return self.state

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Upload to the CMS"))
        self.setSubTitle(
            self.tr(
                "Each node's files go to its MMP over SFTP and are read back and compared. Nothing is run on "
                "the MMP: type the commands shown beside each result. Next: copy to a USB stick instead."
            )
        )
        columns = [
            self.tr("Send"),
            self.tr("Node"),
            self.tr("Address"),
            self.tr("Port"),
            self.tr("User"),
            self.tr("Host key fingerprint"),
            self.tr("Result"),
        ]
        self.table = node_table(self, columns, (_SEND, _NODE, _PORT, _USER), self.tr("Nodes to upload to"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("MMP password"))
        self.key_file = QLineEdit(self)
        self.key_file.setAccessibleName(self.tr("SSH key file"))
        self.key_file.setPlaceholderText(self.tr("optional: log in with an SSH key instead"))
        self.browse_key = QPushButton(self.tr("Bro&wse…"), self)
        self.replace = QCheckBox(
            self.tr("&Replace files that already exist on the MMP (a live key's file breaks its service)"), self
        )
        self.upload_button = QPushButton(self.tr("&Upload"), self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = FieldMessage(self)
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels([self.tr("Node / file"), self.tr("Result"), self.tr("Details")])
        self.results.setAccessibleName(self.tr("Upload results"))
        self.results.setWordWrap(True)  # the reason is read on the row, not only in its tooltip
        self.results.setUniformRowHeights(False)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        # The selected row's whole outcome and reason, wrapped: the tree's columns are narrow beside the commands
        # (a read-only box of four lines: a wrapped QLabel in a splitter is not given the height its text needs)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 4 + 12)
        self.details.setAccessibleName(self.tr("Details of the selected file"))
        self.node_sheet = CommandBox(self)
        self.node_sheet.setAccessibleName(self.tr("Commands for the selected node"))

        form = QFormLayout()
        password_label = QLabel(self.tr("MMP &password:"), self)
        password_label.setBuddy(self.password)
        form.addRow(password_label, self.password)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_file, 1)
        key_row.addWidget(self.browse_key)
        key_label = QLabel(self.tr("SSH &key file:"), self)
        key_label.setBuddy(self.key_file)
        form.addRow(key_label, key_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace, 1)
        buttons.addWidget(self.upload_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        results_side = QWidget(split)
        results_box = QVBoxLayout(results_side)
        results_box.setContentsMargins(0, 0, 0, 0)
        results_box.addWidget(self.results, 1)
        results_box.addWidget(self.details)
        split.addWidget(results_side)
        split.addWidget(self.node_sheet)
        split.setStretchFactor(0, 3)  # the results (and their reasons) get the wider side
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(split, 3)

        self.upload_button.clicked.connect(self._upload_clicked)
        self.browse_key.clicked.connect(self._choose_key)
        self.results.currentItemChanged.connect(self._show_node_sheet)
        self.results.currentItemChanged.connect(self._show_details)
        self.table.currentCellChanged.connect(self._show_node_sheet)
        self.reports: dict[str, UploadReport] = {}
        self.accepted_here: dict[str, str] = {}  # node → the fingerprint the admin accepted on this page

    # --- life cycle ----------------------------------------------------------------------------
    def reset(self) -> None:
        self.table.setRowCount(0)
        self.results.clear()
        self.reports = {}
        self.password.clear()
        self.key_file.clear()
        self.replace.setChecked(False)
        self.message.show_problems([])

    def enter(self) -> None:
        sheet = self.state.sheet
        known = {node.name: node for node in (self.state.plan.nodes if self.state.plan else ())}
        names = [node.node for node in sheet.nodes if node.files] if sheet is not None else []
        shown = [self._cell(row, _NODE) for row in range(self.table.rowCount())]
        if shown != names:
            self.table.setRowCount(0)
            for name in names:
                self._add_node(known.get(name, PlanNode(name)))
            chain_tab_order(self.table, self.password)
        self._show_node_sheet()

    def _add_node(self, node: PlanNode) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = {
            _NODE: node.name,
            _ADDRESS: node.address,
            _PORT: str(node.ssh_port),
            _USER: node.ssh_user,
            _FINGERPRINT: node.fingerprint,
        }
        for column, value in values.items():
            header = self.table.horizontalHeaderItem(column)
            if column == _NODE:  # the name as the sheet has it: shown whole, not edited here
                name = QLabel(value, self.table)
                name.setAccessibleName(f"{header.text() if header else ''} {node.name}")
                self.table.setCellWidget(row, column, name)
                continue
            edit = CellEdit(value, self.table)  # Enter commits the cell, never the wizard's Next
            edit.setAccessibleName(f"{header.text() if header else ''} {node.name}")
            if column == _PORT:
                edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("655350") + 12)
            self.table.setCellWidget(row, column, edit)
        result = QLabel(self.tr("not uploaded"), self.table)
        self.table.setCellWidget(row, _RESULT, result)
        send = QCheckBox(self.table)
        send.setChecked(True)
        send.setAccessibleName(self.tr("Upload to {node}").format(node=node.name))
        self.table.setCellWidget(row, _SEND, send)

    def _cell(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        return widget.text().strip() if isinstance(widget, (QLineEdit, QLabel)) else ""

    def send_box(self, node: str) -> QCheckBox:
        for row in range(self.table.rowCount()):
            if self._cell(row, _NODE) == node:
                widget = self.table.cellWidget(row, _SEND)
                assert isinstance(widget, QCheckBox)
                return widget
        raise KeyError(node)

    def result_text(self, node: str) -> str:
        """The node row's result, as shown."""
        for row in range(self.table.rowCount()):
            if self._cell(row, _NODE) == node:
                label = self.table.cellWidget(row, _RESULT)
                assert isinstance(label, QLabel)
                return label.text()
        raise KeyError(node)

    def cell_edit(self, node: str, column: int) -> QLineEdit:
        """The editable field of one node (address, port, user, fingerprint)."""
        for row in range(self.table.rowCount()):
            if self._cell(row, _NODE) == node:
                widget = self.table.cellWidget(row, column)
                assert isinstance(widget, QLineEdit)
                return widget
        raise KeyError(node)

    def _choose_key(self) -> None:
        chosen = dialogs.open_file_names(self, self.tr("SSH private key"), Path.home() / ".ssh")
        if chosen:
            self.key_file.setText(str(chosen[0]))

    def _show_details(self) -> None:
        """The current row in full: the file, its outcome and the reason (a node row: its summary)."""
        item = self.results.currentItem()
        if item is None:
            self.details.clear()
            return
        if item.parent() is None:  # a node: what the Result column of the nodes table says, whole
            self.details.setPlainText(f"{item.text(0)}: {item.text(1)} — {self.result_text(item.text(0))}")
            return
        text = f"{item.text(0)}: {item.text(1)}"
        self.details.setPlainText(f"{text} — {item.text(2)}" if item.text(2) else text)

    def _show_node_sheet(self) -> None:
        sheet = self.state.sheet
        if sheet is None:
            self.node_sheet.setPlainText("")
            return
        item = self.results.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        node = item.text(0) if item is not None else ""
        if not node and self.table.currentRow() >= 0:
            node = self._cell(self.table.currentRow(), _NODE)
        chosen = next((n for n in sheet.nodes if n.node == node), sheet.nodes[0] if sheet.nodes else None)
        self.node_sheet.setPlainText(sheet.node_text(chosen, translated) if chosen is not None else "")

    # --- uploading -------------------------------------------------------------------------------
    def _jobs(self, only: set[str] | None = None) -> list[_NodeJob]:
        sheet = self.state.sheet
        if sheet is None:
            return []
        files = {node.node: node.files for node in sheet.nodes}
        folder = self.state.folder
        jobs = []
        for row in range(self.table.rowCount()):
            node = self._cell(row, _NODE)
            if only is not None and node not in only:
                continue
            send = self.table.cellWidget(row, _SEND)
            if isinstance(send, QCheckBox) and not send.isChecked():
                continue
            port_text = self._cell(row, _PORT) or "22"
            if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
                raise CmsInputError(
                    f"{node} {self.tr('port')}",
                    self.tr("{value} is not a port; give 1 to 65535").format(value=port_text),
                )
            target = SshTarget(self._cell(row, _ADDRESS) or node, int(port_text), self._cell(row, _USER) or "admin")
            jobs.append(_NodeJob(node, target, self._cell(row, _FINGERPRINT), tuple(folder / n for n in files[node])))
        return jobs

    ADDRESS, PORT, USER, FINGERPRINT = _ADDRESS, _PORT, _USER, _FINGERPRINT

    def _credentials(self) -> Credentials:
        key = self.key_file.text().strip()
        if key:
            return Credentials(key_file=Path(key), key_passphrase=self.password.text() or None)
        if not self.password.text():
            raise CmsInputError(self.tr("MMP password"), self.tr("type the MMP password, or choose an SSH key file"))
        return Credentials(password=self.password.text())

    def _upload_clicked(self) -> None:
        self.upload()

    def _remember_nodes(self) -> None:
        """What was typed here goes into the plan when it is saved (never the password)."""
        for row in range(self.table.rowCount()):
            name = self._cell(row, _NODE)
            port = self._cell(row, _PORT)
            self.state.ssh_nodes[name] = PlanNode(
                name,
                ssh_host="" if self._cell(row, _ADDRESS) in ("", name) else self._cell(row, _ADDRESS),
                ssh_port=int(port) if port.isdigit() and 1 <= int(port) <= 65535 else 22,
                ssh_user=self._cell(row, _USER) or "admin",
                fingerprint=self._cell(row, _FINGERPRINT),
            )

    def cleanupPage(self) -> None:  # Back to the sheet: Save plan there keeps these
        self._remember_nodes()
        super().cleanupPage()

    def upload(self, only: set[str] | None = None) -> None:
        try:
            jobs, credentials = self._jobs(only), self._credentials()
            if not jobs:
                raise CmsInputError(self.tr("nodes"), self.tr("tick at least one node to upload to"))
        except CmsInputError as error:
            self.message.show_problems([Problem("upload", Severity.ERROR, error_text(error))])
            self.upload_finished.emit()
            return
        self.message.show_problems([])
        replace = set()
        if self.replace.isChecked():
            replace = {path.name for job in jobs for path in job.files}
            # The files the last upload found different on the MMP: listed and confirmed before any is replaced
            differing = sorted(
                {
                    result.name
                    for job in jobs
                    if isinstance(self.reports.get(job.node), UploadReport)
                    for result in self.reports[job.node].results
                    if result.outcome is Outcome.EXISTS
                }
            )
            if differing:
                nodes = ", ".join(job.node for job in jobs)
                if not dialogs.confirm_replace_files(self, nodes, differing):
                    self.upload_finished.emit()
                    return
                replace = set(differing)
        known_hosts = Path(self.host.settings.get("ssh/known_hosts"))
        extra = {item.name: item.data for item in self.state.export_extra}
        total = sum(len(job.files) for job in jobs)
        accepted = dict(self.accepted_here)

        def work(report: object) -> dict[str, UploadReport | UnknownHostKey]:
            from cmswizard.pki.files import OutputFile, write_files
            from cmswizard.remote.sftp import upload_files

            assert callable(report)
            # peer trust files exist in memory until now: put the missing ones beside the others first
            missing = {p for job in jobs for p in job.files if not p.exists() and p.name in extra}
            if missing:
                write_files([OutputFile(path, extra[path.name]) for path in sorted(missing)])
            outcome: dict[str, UploadReport | UnknownHostKey] = {}
            sent = [0]  # files sent so far, across nodes
            for job in jobs:
                # A fingerprint the wizard filled in after the admin accepted the key is in known_hosts already:
                # not one "given", so a later mismatch names the known_hosts file, not "the fingerprint you gave"
                given = "" if accepted.get(job.node) == job.fingerprint else job.fingerprint
                trust = HostTrust(known_hosts=known_hosts, fingerprint=given)

                def progress(name: str, done: int, size: int, job: _NodeJob = job) -> None:
                    if done == size:
                        sent[0] += 1
                        report(sent[0], total, f"{job.node}: {name}")

                before = sent[0]
                try:
                    outcome[job.node] = upload_files(
                        job.target, job.files, trust=trust, credentials=credentials, replace=replace, progress=progress
                    )
                except UnknownHostKey as unknown:
                    outcome[job.node] = unknown  # asked on the GUI thread: a new key, or another type (a swap)
                sent[0] = before + len(job.files)
                report(sent[0], total, job.node)
            return outcome

        self.upload_button.setEnabled(False)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.host.tasks.run_with_progress(self, work, self._progress, self._done, self._failed, writes=True)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%v / %m  {what}")

    def _failed(self, error: Exception) -> None:
        self.upload_button.setEnabled(True)
        self.progress.hide()
        self.message.show_problems([Problem("upload", Severity.ERROR, error_text(error))])
        self.upload_finished.emit()

    def _accepted(self, node: str, unknown: UnknownHostKey) -> bool:
        """The admin's answer: a first key is compared and accepted; a key of another type than known_hosts holds
        (a key-type swap) gets the warning OpenSSH gives, defaulting to No."""
        key = unknown.host_key
        if unknown.other_types:
            return dialogs.confirm_changed_host_key_type(
                self, node, key.key_type, key.fingerprint, listed(unknown.other_types)
            )
        return dialogs.confirm_host_key(self, node, key.key_type, key.fingerprint)

    def _done(self, outcome: dict[str, UploadReport | UnknownHostKey]) -> None:
        self.upload_button.setEnabled(True)
        self.progress.hide()
        trusted_again: set[str] = set()
        for node, result in outcome.items():
            if isinstance(result, UnknownHostKey):
                if self._accepted(node, result):
                    key = result.host_key
                    self.cell_edit(node, _FINGERPRINT).setText(key.fingerprint)
                    self.accepted_here[node] = key.fingerprint
                    known_hosts = Path(self.host.settings.get("ssh/known_hosts"))
                    try:  # as ssh does: the next connection checks against it without asking
                        remember_host_key(known_hosts, key)
                    except OSError as error:
                        self.message.show_problems([Problem("host", Severity.WARNING, f"{known_hosts}: {error}")])
                    trusted_again.add(node)
                elif result.other_types:
                    self._set_result(node, self.tr("not sent: the host key type changed and was not accepted"))
                else:
                    self._set_result(node, self.tr("not sent: host key not accepted"))
                continue
            self.reports[node] = result
            self._show_report(node, result)
        self._remember_nodes()
        if trusted_again:  # the admin compared and accepted the fingerprint: now upload those nodes
            self.upload(trusted_again)
            return
        self.upload_finished.emit()

    def _set_result(self, node: str, text: str) -> None:
        for row in range(self.table.rowCount()):
            if self._cell(row, _NODE) == node:
                label = self.table.cellWidget(row, _RESULT)
                if isinstance(label, QLabel):
                    label.setText(text)
                    label.setToolTip(text)
                    label.setWordWrap(True)  # "11 uploaded and verified, 1 differs…" whole, on two lines
                    # the row takes the wrapped text's height (a cell widget's size hint does not say it)
                    needed = label.heightForWidth(self.table.columnWidth(_RESULT)) + 4
                    self.table.setRowHeight(row, max(self.table.rowHeight(row), needed))

    def _show_report(self, node: str, report: UploadReport) -> None:
        separator = "，" if current_language().startswith("zh") else ", "
        self._set_result(node, separator.join(translated(part) for part in summary_parts(report)))
        for index in range(self.results.topLevelItemCount()):
            existing = self.results.topLevelItem(index)
            if existing is not None and existing.text(0) == node:
                self.results.takeTopLevelItem(index)
                break
        top = QTreeWidgetItem([node, self.tr("all verified") if report.ok else self.tr("NOT all verified"), ""])
        for result in report.results:
            row = QTreeWidgetItem(top, [result.name, translated(result.outcome.label), translated(result.detail)])
            for column in range(3):  # long details and outcomes stay readable in a narrow window
                row.setToolTip(column, row.text(column))
        self.results.addTopLevelItem(top)
        top.setExpanded(True)
        self.results.resizeColumnToContents(0)  # file names whole: three cut to 'webad…' cannot be told apart
        self.results.resizeColumnToContents(1)  # the outcome whole; the details wrap in the rest of the width
        # the first file that did not verify is selected, so its reason is read in the details below at once
        children = [top.child(i) for i in range(top.childCount())]
        first_problem = next((c for c, r in zip(children, report.results, strict=True) if not r.verified), None)
        self.results.setCurrentItem(first_problem or top)

    def result_lines(self, node: str) -> list[str]:
        """What the results show for one node: 'file: outcome' per file (for tests and screen readers)."""
        for index in range(self.results.topLevelItemCount()):
            top = self.results.topLevelItem(index)
            if top is not None and top.text(0) == node:
                children = [top.child(i) for i in range(top.childCount())]
                return [f"{child.text(0)}: {child.text(1)}" for child in children if child is not None]
        return []

    def has_unsaved_input(self) -> bool:
        return False
