"""Apply on the server: type each node's commands at its MMP over SSH, with the person deciding.

The engine is `remote/mmp_runner.apply_node()`, run off the GUI thread. Its questions (apply this node's
changes? run this restart now? trust this host key?) come back here as a panel with two buttons and the
worker waits for the answer; Stop answers no and sends no further line. Every byte goes to the live
transcript (escaped, the password never in it), saved beside the plan when the run ends. After a node
stops, Put back types the settings recorded before the run on the nodes this run changed.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from cmswizard.cms.lines import MmpLine, command
from cmswizard.cms.plan import PlanNode
from cmswizard.gui.flows import DeployFlowState, FlowKey, PageId
from cmswizard.gui.help import NO_CISCO_TEXT, PageHelp, Rule
from cmswizard.gui.i18n import error_text, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import FieldMessage, node_table
from cmswizard.pki.errors import N_, CmsInputError
from cmswizard.pki.safe_text import escape
from cmswizard.pki.spec import Problem, Severity

if TYPE_CHECKING:
    from collections.abc import Callable

    from cmswizard.cms.apply_settings import ApplySettings
    from cmswizard.remote.mmp_api import ApiAccess
    from cmswizard.remote.mmp_runner import NodeResult, NodeTarget, RunOptions
    from cmswizard.remote.sftp import Credentials

_APPLY, _NODE, _ADDRESS, _PORT, _USER, _FINGERPRINT, _RESULT = range(7)


@dataclass(frozen=True)
class ApplyNode:
    node: str
    lines: tuple[MmpLine, ...]
    ssh: PlanNode


class ApplyPage(WizardPage):
    """The last page of a flow that ends in commands: apply them node by node, or only look."""

    next_page = PageId.EXPORT
    run_finished = Signal()  # a run (or a put-back) ended and its results are shown
    question_asked = Signal(str)  # "changes", "restart" or "host key": the panel waits for Yes or No
    _asked = Signal(str, str, str)  # from the worker: kind, title, details
    _line = Signal(str)  # from the worker: one transcript line

    help_content = PageHelp(
        N_(
            "Type each node's commands at its MMP over SSH: the node's state is read and recorded first, every "
            "change is shown and confirmed per node, every restart separately, and the run stops at the first "
            "FAILURE or answer it cannot read."
        ),
        N_(
            "Commands that ask a question (database cluster remove, user …) are never sent: type them yourself. "
            "After a stop, Put back types the settings recorded before the run."
        ),
        (
            Rule(
                "host",
                N_("The server's host key is checked before the password is sent, as for the upload."),
                NO_CISCO_TEXT,
            ),
            Rule(
                "restart",
                N_(
                    "A restart runs only when the node does not already serve the new certificate; calls in "
                    "progress may drop, so it is confirmed each time or runs only inside the window you give."
                ),
                NO_CISCO_TEXT,  # no readable Cisco text says whether a restart drops calls: assume it does
            ),
        ),
    )

    @property
    def state(self) -> DeployFlowState:
        return self.host.flows.deploy

    def flow_state(self) -> object:
        flows = self.host.flows
        if flows.active is FlowKey.RENEW:
            return flows.renew
        if flows.active is FlowKey.DBCLUSTER:
            return flows.db
        return flows.deploy

    def nextId(self) -> int:
        """After the deployment sheet the stick comes next; the renewal and database flows end here."""
        return int(PageId.EXPORT) if self.host.flows.active is FlowKey.DEPLOY else -1

    def files_dir(self) -> Path:
        flows = self.host.flows
        if flows.active is FlowKey.RENEW:
            return flows.renew.folder
        if flows.active is FlowKey.DBCLUSTER:
            return flows.db.folder or flows.folder
        return self.state.folder

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Apply on the server"))
        self.setSubTitle(
            self.tr(
                "Type each node's commands at its MMP over SSH. The state is read first; you confirm each node's "
                "changes and each restart. Next: copy to a USB stick instead."
            )
        )
        columns = [
            self.tr("Apply"),
            self.tr("Node"),
            self.tr("Address"),
            self.tr("Port"),
            self.tr("User"),
            self.tr("Host key fingerprint"),
            self.tr("Result"),
        ]
        self.table = node_table(self, columns, (_APPLY, _NODE, _PORT, _USER), self.tr("Nodes to apply the commands on"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("MMP password"))
        self.key_file = QLineEdit(self)
        self.key_file.setAccessibleName(self.tr("SSH key file"))
        self.key_file.setPlaceholderText(self.tr("optional: log in with an SSH key instead"))
        self.restart_window = QLineEdit(self)
        self.restart_window.setAccessibleName(self.tr("Restart window"))
        self.restart_window.setPlaceholderText(
            self.tr("optional: [days] HH:MM-HH:MM (UTC), e.g. Sat 02:00-04:00; restarts run unasked only inside it")
        )
        self.api_user = QLineEdit(self)
        self.api_user.setAccessibleName(self.tr("API user"))
        self.api_user.setPlaceholderText(
            self.tr("optional: a CMS API user; restarts wait while more calls than the limit are active")
        )
        self.api_password = QLineEdit(self)
        self.api_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_password.setAccessibleName(self.tr("API password"))
        self.api_port = QLineEdit(self)
        self.api_port.setAccessibleName(self.tr("API port (Web Admin)"))
        self.api_port.setPlaceholderText(self.tr("auto"))
        self.api_port.setToolTip(self.tr("Empty: the Web Admin port each node's lines set (webadmin listen), else 443"))
        self.api_port.setMaximumWidth(self.api_port.fontMetrics().horizontalAdvance("655350") + 12)
        self.call_limit = QSpinBox(self)
        self.call_limit.setRange(0, 100000)
        self.call_limit.setAccessibleName(self.tr("Most active call legs for a restart"))
        self.api_ca = QLineEdit(self)
        self.api_ca.setAccessibleName(self.tr("CA bundle of the Web Admin certificate"))
        self.api_ca.setPlaceholderText(self.tr("optional: the CA bundle file (default: the system's CAs)"))
        self.dry_run = QCheckBox(self.tr("&Only read the state and show what would change"), self)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setEnabled(False)
        self.put_back_button = QPushButton(self.tr("P&ut back"), self)
        self.put_back_button.setEnabled(False)
        self.put_back_button.setToolTip(self.tr("Type the settings recorded before this run on the nodes it changed"))
        self.message = FieldMessage(self)
        self.question = QGroupBox(self)
        self.question_text = QLabel(self.question)
        self.question_text.setWordWrap(True)
        self.question_details = QPlainTextEdit(self.question)
        self.question_details.setReadOnly(True)
        self.question_details.setMaximumHeight(120)
        self.yes_button = QPushButton(self.tr("&Yes, go on"), self.question)
        self.no_button = QPushButton(self.tr("No, &don't"), self.question)
        question_buttons = QHBoxLayout()
        question_buttons.addStretch(1)
        question_buttons.addWidget(self.yes_button)
        question_buttons.addWidget(self.no_button)
        question_layout = QVBoxLayout(self.question)
        question_layout.addWidget(self.question_text)
        question_layout.addWidget(self.question_details)
        question_layout.addLayout(question_buttons)
        self.question.hide()
        self.transcript = QPlainTextEdit(self)
        self.transcript.setReadOnly(True)
        self.transcript.setAccessibleName(self.tr("Transcript"))
        self.transcript.setMaximumBlockCount(20000)

        form = QFormLayout()
        for text, field in (
            (self.tr("MMP &password:"), self.password),
            (self.tr("SSH &key file:"), self.key_file),
            (self.tr("Restart &window:"), self.restart_window),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        api_row = QHBoxLayout()
        api_row.addWidget(self.api_user, 2)
        password_label = QLabel(self.tr("Pa&ssword:"), self)
        password_label.setBuddy(self.api_password)
        api_row.addWidget(password_label)
        api_row.addWidget(self.api_password, 1)
        port_label = QLabel(self.tr("Po&rt:"), self)
        port_label.setBuddy(self.api_port)
        api_row.addWidget(port_label)
        api_row.addWidget(self.api_port)
        limit_label = QLabel(self.tr("Most &calls:"), self)
        limit_label.setBuddy(self.call_limit)
        api_row.addWidget(limit_label)
        api_row.addWidget(self.call_limit)
        api_label = QLabel(self.tr("CMS AP&I user:"), self)
        api_label.setBuddy(self.api_user)
        form.addRow(api_label, api_row)
        ca_label = QLabel(self.tr("API CA bundl&e:"), self)
        ca_label.setBuddy(self.api_ca)
        form.addRow(ca_label, self.api_ca)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_run, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.put_back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.question)
        layout.addWidget(self.transcript, 3)

        self.apply_button.clicked.connect(self._apply_clicked)
        self.stop_button.clicked.connect(self._stop_clicked)
        self.put_back_button.clicked.connect(self._put_back_clicked)
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        self._asked.connect(self._show_question)
        self._line.connect(self.transcript.appendPlainText)
        self._reply = threading.Event()
        self._reply_value = False
        self._cancel = threading.Event()
        self.results: dict[str, NodeResult] = {}  # node -> the last run's result
        self.saved_transcript: Path | None = None
        self._prefilled: object = None  # the plan whose [apply] filled the fields (once: the person's edits win)

    # --- life cycle ----------------------------------------------------------------------------
    def reset(self) -> None:
        self.table.setRowCount(0)
        self.transcript.clear()
        self.password.clear()
        self.key_file.clear()
        self.restart_window.clear()
        self.api_user.clear()
        self.api_password.clear()
        self.api_ca.clear()
        self.results = {}
        self.put_back_button.setEnabled(False)
        self.message.show_problems([])

    def nodes(self) -> list[ApplyNode]:
        """Each node and its lines, from the flow that led here."""
        flows = self.host.flows
        known = {node.name: node for node in (flows.plan.nodes if flows.plan else ())}
        known.update(self.state.ssh_nodes)
        if flows.active is FlowKey.DBCLUSTER:
            made = flows.db.result
            if made is None:
                return []
            # a renewal starts with `database cluster remove` on every node: it asks for a capital Y, so the
            # runner refuses the node before any change and the person types it (then runs this page again)
            first = [command("database cluster remove")] if flows.db.renewal else []
            return [
                ApplyNode(node, (*first, *made.cluster.node_lines(node)), known.get(node, PlanNode(node)))
                for node in made.cluster.nodes
            ]
        sheet = flows.renew.sheet if flows.active is FlowKey.RENEW else self.state.sheet
        if sheet is None:
            return []
        return [
            ApplyNode(node.node, tuple(node.lines), known.get(node.node, PlanNode(node.node)))
            for node in sheet.nodes
            if isinstance(node.node, str) and node.lines
        ]

    def _plan_apply(self) -> tuple[ApplySettings | None, Path]:
        flows = self.host.flows
        folder = flows.plan_path.parent if flows.plan_path else self.files_dir()
        return (flows.plan.apply if flows.plan else None), folder

    def _prefill_from_plan(self) -> None:
        """An open plan's `[apply]` fills the fields once; what the person then types wins (as a CLI option
        wins over the plan). The API password is never in the plan: only named, read when Apply is clicked."""
        settings, folder = self._plan_apply()
        if settings is None or self._prefilled is self.host.flows.plan:
            return
        self._prefilled = self.host.flows.plan
        for field, value in ((self.restart_window, settings.restart_window), (self.api_user, settings.api_user)):
            if value and not field.text().strip():
                field.setText(value)
        if settings.api_port:
            self.api_port.setText(str(settings.api_port))
        if settings.max_active_calls:
            self.call_limit.setValue(settings.max_active_calls)
        if settings.api_ca and not self.api_ca.text().strip():
            self.api_ca.setText(str(folder / settings.api_ca))
        if settings.api_password:
            self.api_password.setPlaceholderText(self.tr("empty: from the plan"))
            self.api_password.setToolTip(
                self.tr("Left empty, the password is read from the file or keyring entry the plan's [apply] names")
            )

    def _plan_api_password(self, user: str) -> str:
        """The API password the plan names (a 0600 file or keyring entry) for this user; else ask for one."""
        settings, folder = self._plan_apply()
        if settings is None or not settings.api_password or settings.api_user != user:
            raise CmsInputError(self.tr("API password"), self.tr("type the API user's password"))
        from cmswizard.cms.apply_settings import plan_api_password

        return plan_api_password(settings, folder)

    def enter(self) -> None:
        self._prefill_from_plan()
        wanted = self.nodes()
        shown = [self._cell(row, _NODE) for row in range(self.table.rowCount())]
        if shown != [node.node for node in wanted]:
            self.table.setRowCount(0)
            for node in wanted:
                self._add_node(node.ssh)

    def _add_node(self, node: PlanNode) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = {
            _ADDRESS: node.address,
            _PORT: str(node.ssh_port),
            _USER: node.ssh_user,
            _FINGERPRINT: node.fingerprint,
        }
        name = QLabel(node.name, self.table)
        self.table.setCellWidget(row, _NODE, name)
        for column, value in values.items():
            header = self.table.horizontalHeaderItem(column)
            edit = QLineEdit(value, self.table)
            edit.setAccessibleName(f"{header.text() if header else ''} {node.name}")
            self.table.setCellWidget(row, column, edit)
        self.table.setCellWidget(row, _RESULT, QLabel(self.tr("not applied"), self.table))
        apply = QCheckBox(self.table)
        apply.setChecked(True)
        apply.setAccessibleName(self.tr("Apply on {node}").format(node=node.name))
        self.table.setCellWidget(row, _APPLY, apply)

    def _cell(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        return widget.text().strip() if isinstance(widget, (QLineEdit, QLabel)) else ""

    def _row(self, node: str) -> int:
        for row in range(self.table.rowCount()):
            if self._cell(row, _NODE) == node:
                return row
        raise KeyError(node)

    def apply_box(self, node: str) -> QCheckBox:
        widget = self.table.cellWidget(self._row(node), _APPLY)
        assert isinstance(widget, QCheckBox)
        return widget

    def cell_edit(self, node: str, column: int) -> QLineEdit:
        widget = self.table.cellWidget(self._row(node), column)
        assert isinstance(widget, QLineEdit)
        return widget

    def result_text(self, node: str) -> str:
        widget = self.table.cellWidget(self._row(node), _RESULT)
        assert isinstance(widget, QLabel)
        return widget.text()

    ADDRESS, PORT, USER, FINGERPRINT = _ADDRESS, _PORT, _USER, _FINGERPRINT

    def _set_result(self, node: str, text: str) -> None:
        widget = self.table.cellWidget(self._row(node), _RESULT)
        if isinstance(widget, QLabel):
            widget.setText(text)
            widget.setToolTip(text)

    # --- questions from the worker ---------------------------------------------------------------
    def ask(self, kind: str, title: str, details: str) -> bool:
        """Called on the worker thread: show the question here and wait for Yes, No or Stop."""
        if self._cancel.is_set():
            return False
        self._reply.clear()
        self._asked.emit(kind, title, details)
        self._reply.wait()
        return self._reply_value and not self._cancel.is_set()

    def _show_question(self, kind: str, title: str, details: str) -> None:
        self.question.setTitle(
            {"changes": self.tr("Apply these changes?"), "restart": self.tr("Restart now?")}.get(
                kind, self.tr("Is this the MMP you mean?")
            )
        )
        self.question_text.setText(title)
        self.question_details.setPlainText(details)
        self.question.show()
        self.yes_button.setFocus()
        self.question_asked.emit(kind)

    def _answer(self, value: bool) -> None:
        self.question.hide()
        self._reply_value = value
        self._reply.set()

    def _stop_clicked(self) -> None:
        self._cancel.set()
        self._answer(False)

    # --- the run ---------------------------------------------------------------------------------
    def _targets(self) -> list[tuple[ApplyNode, NodeTarget]]:
        from cmswizard.remote.mmp_runner import NodeTarget
        from cmswizard.remote.sftp import SshTarget

        chosen: list[tuple[ApplyNode, NodeTarget]] = []
        by_name = {node.node: node for node in self.nodes()}
        for row in range(self.table.rowCount()):
            name = self._cell(row, _NODE)
            box = self.table.cellWidget(row, _APPLY)
            if not isinstance(box, QCheckBox) or not box.isChecked() or name not in by_name:
                continue
            port = self._cell(row, _PORT) or "22"
            if not port.isdigit() or not 1 <= int(port) <= 65535:
                raise CmsInputError(
                    f"{name} {self.tr('port')}", self.tr("{value} is not a port; give 1 to 65535").format(value=port)
                )
            ssh = SshTarget(self._cell(row, _ADDRESS) or name, int(port), self._cell(row, _USER) or "admin")
            chosen.append((by_name[name], NodeTarget(name, ssh, api=self._api(by_name[name].lines))))
        if not chosen:
            raise CmsInputError(self.tr("nodes"), self.tr("tick at least one node to apply the commands on"))
        return chosen

    def _api(self, lines: Sequence[MmpLine]) -> ApiAccess | None:
        """The CMS API login for the call-leg check before each restart; None when no API user is given. The
        port: the field, else the Web Admin port the node's lines set, else 443 (as `mmp run`)."""
        from cmswizard.cms.mmp_state import webadmin_port
        from cmswizard.remote.mmp_api import ApiAccess

        user = self.api_user.text().strip()
        if not user:
            return None
        port = self.api_port.text().strip() or str(webadmin_port(line.text for line in lines))
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            raise CmsInputError(
                self.tr("API port (Web Admin)"), self.tr("{value} is not a port; give 1 to 65535").format(value=port)
            )
        password = self.api_password.text() or self._plan_api_password(user)
        ca = self.api_ca.text().strip()
        return ApiAccess(user, password, int(port), self.call_limit.value(), Path(ca) if ca else None)

    def _credentials(self) -> Credentials:
        from cmswizard.remote.sftp import Credentials

        key = self.key_file.text().strip()
        if key:
            return Credentials(key_file=Path(key), key_passphrase=self.password.text() or None)
        if not self.password.text():
            raise CmsInputError(self.tr("MMP password"), self.tr("type the MMP password, or choose an SSH key file"))
        return Credentials(password=self.password.text())

    def _apply_clicked(self) -> None:
        self.start(put_back=False)

    def _put_back_clicked(self) -> None:
        self.start(put_back=True)

    def start(self, *, put_back: bool) -> None:
        from cmswizard.cms.mmp_state import RestartWindow
        from cmswizard.remote.mmp_runner import RunOptions

        try:
            targets, credentials = self._targets(), self._credentials()
            window = RestartWindow.parse(self.restart_window.text()) if self.restart_window.text().strip() else None
        except CmsInputError as error:
            self.message.show_problems([Problem("apply", Severity.ERROR, error_text(error))])
            self.run_finished.emit()
            return
        self.message.show_problems([])
        self._cancel.clear()
        options = RunOptions(
            dry_run=self.dry_run.isChecked(), window=window, files_dir=self.files_dir(), cancel=self._cancel
        )
        fingerprints = {node.node: self.cell_edit(node.node, _FINGERPRINT).text().strip() for node, _t in targets}
        known_hosts = Path(self.host.settings.get("ssh/known_hosts"))
        previous: dict[str, NodeResult] = dict(self.results)
        self.apply_button.setEnabled(False)
        self.put_back_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        work = self._work(targets, credentials, options, fingerprints, known_hosts, previous if put_back else None)
        self.host.tasks.run(self, work, self._done, self._failed, writes=True)

    def _work(
        self,
        targets: list[tuple[ApplyNode, NodeTarget]],
        credentials: Credentials,
        options: RunOptions,
        fingerprints: dict[str, str],
        known_hosts: Path,
        previous: dict[str, NodeResult] | None,
    ) -> Callable[[], dict[str, object]]:
        page = self
        changes_question = self.tr("{node}: these lines change the node. Apply them?")
        restart_question = self.tr("{node}: run `{command}` now? Calls in progress may drop.")
        host_question = self.tr("{node} is not known yet. Its SSH host key is shown below.")

        class Person:
            def confirm_changes(self, node: str, changes: Sequence[str]) -> bool:
                title = changes_question.format(node=node)
                return page.ask("changes", title, "\n".join(escape(c) for c in changes))

            def confirm_restart(self, node: str, command: str, why: str) -> bool:
                title = restart_question.format(node=node, command=escape(command))
                return page.ask("restart", title, translated(why))

        def work() -> dict[str, object]:
            from cmswizard.pki.files import OutputFile, write_files
            from cmswizard.remote.mmp_runner import NodeOutcome, NodeResult, apply_node, put_back
            from cmswizard.remote.mmp_shell import Transcript
            from cmswizard.remote.sftp import HostTrust, UnknownHostKey, remember_host_key

            transcript = Transcript(listener=self._line.emit)
            results: dict[str, object] = {}  # node -> NodeResult, and "__transcript__" -> its saved path
            try:
                for node, target in targets:
                    trust = HostTrust(known_hosts=known_hosts, fingerprint=fingerprints.get(node.node, ""))
                    for _attempt in range(2):
                        try:
                            if previous is not None:
                                before = previous.get(node.node)
                                if before is None or not before.putback:
                                    break
                                result = put_back(
                                    target, before, trust=trust, credentials=credentials, transcript=transcript
                                )
                            else:
                                result = apply_node(
                                    target,
                                    node.lines,
                                    trust=trust,
                                    credentials=credentials,
                                    decisions=Person(),
                                    options=options,
                                    transcript=transcript,
                                )
                            results[node.node] = result
                            break
                        except UnknownHostKey as unknown:
                            key = unknown.host_key
                            question = host_question.format(node=node.node)
                            if not page.ask("host key", question, f"{key.key_type} {key.fingerprint}"):
                                break
                            remember_host_key(known_hosts, key)
                    else:
                        continue
                    done = results.get(node.node)
                    stopped = (NodeOutcome.STOPPED, NodeOutcome.REFUSED, NodeOutcome.NOT_CONNECTED)
                    if previous is None and isinstance(done, NodeResult) and done.outcome in stopped:
                        break
            finally:
                stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
                path = (options.files_dir or Path.home()) / f"mmp-{stamp}.transcript.txt"
                write_files([OutputFile(path, transcript.text().encode())])
                results["__transcript__"] = path
            return results

        return work

    def _failed(self, error: Exception) -> None:
        self.apply_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.question.hide()
        self.message.show_problems([Problem("apply", Severity.ERROR, error_text(error))])
        self.run_finished.emit()

    def _done(self, results: dict[str, object]) -> None:
        from cmswizard.remote.mmp_runner import NodeOutcome, NodeResult

        self.apply_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.question.hide()
        transcript = results.pop("__transcript__", None)
        self.saved_transcript = transcript if isinstance(transcript, Path) else None
        labels = {
            NodeOutcome.DONE: self.tr("done"),
            NodeOutcome.DONE_WITH_DEFERRED: self.tr("changes made; restarts still to do"),
            NodeOutcome.STOPPED: self.tr("STOPPED"),
            NodeOutcome.REFUSED: self.tr("not applied: type it yourself"),
            NodeOutcome.DECLINED: self.tr("not applied: you said no"),
            NodeOutcome.NOT_CONNECTED: self.tr("not connected"),
            NodeOutcome.READ_ONLY: self.tr("read only"),
        }
        problems = []
        for node, result in results.items():
            assert isinstance(result, NodeResult)
            left = result.for_a_person and result.outcome is NodeOutcome.DONE
            self._set_result(
                node, self.tr("done, but for the UNCONFIRMED steps below") if left else labels[result.outcome]
            )
            if result.host_key is not None:
                self.cell_edit(node, _FINGERPRINT).setText(result.host_key.fingerprint)
            if result.stop_reason:
                problems.append(Problem("apply", Severity.ERROR, translated(result.stop_reason)))
            if result.for_a_person and result.outcome is not NodeOutcome.READ_ONLY:
                steps = "; ".join(escape(step) for step in result.for_a_person)
                problems.append(
                    Problem(
                        "apply",
                        Severity.WARNING,
                        self.tr(
                            "{node}: not typed (UNCONFIRMED on the sheet): check them in your MMP guide, then type in this order: {steps}"
                        ).format(node=node, steps=steps),
                    )
                )
            for check in result.probes:  # after the run: what each changed port presents now
                verdict = {
                    True: self.tr("serves the new certificate"),
                    False: self.tr("does NOT serve the new certificate"),
                    None: self.tr("could not be compared"),
                }[check.served_expected]
                self.transcript.appendPlainText(
                    self.tr("{node}: {endpoint} port {port} {verdict} ({file})").format(
                        node=node,
                        endpoint=check.endpoint,
                        port=check.port,
                        verdict=verdict,
                        file=escape(check.expected),
                    )
                )
            self.results[node] = result
        if self.saved_transcript is not None:
            self.transcript.appendPlainText(self.tr("transcript saved: {path}").format(path=self.saved_transcript))
        self.message.show_problems(problems)
        self.put_back_button.setEnabled(
            any(r.outcome is NodeOutcome.STOPPED for r in self.results.values())
            and any(r.putback for r in self.results.values())
        )
        self.run_finished.emit()

    def has_unsaved_input(self) -> bool:
        return False
