"""The "Keep certificates renewed" flow: a plan's certificates, who issues them, when they expire, where
their renewal stands and what comes next; *Dry run*, *Renew now* (with progress and Cancel, on the task
runner), the DNS test, and the daily schedule. The work is `cms/renewal_run.py` with the ACME and DNS
parts of `remote/`, exactly what `cmswizard renew run` does.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cmswizard.gui import dialogs, style
from cmswizard.gui.flows import KeepRenewedFlowState
from cmswizard.gui.i18n import error_text, listed, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import BusyBar
from cmswizard.pki.errors import Cancelled, CmsCheckFailed, CmsInputError

_RED, _GREEN, _AMBER = style.Role.ERROR, style.Role.OK, style.Role.WARNING


def _renew(plan_path: Path, dry_run: bool, report: Any, cancel: threading.Event) -> list[Any]:
    """The run, off the GUI thread; every progress line is a point where Cancel stops it (the state file
    keeps the last step; the TXT records published so far are removed)."""
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.renewal_run import RunOptions, run_renewal
    from cmswizard.remote.acme import connect_issuer
    from cmswizard.remote.renewal_deploy import deployer_for

    def progress(text: str) -> None:
        if cancel.is_set():
            raise Cancelled
        report(0, 0, text)

    plan = read_plan(plan_path)
    folder = plan_path.parent
    return run_renewal(
        plan,
        plan_path,
        folder,
        connect=lambda issuer: connect_issuer(issuer, folder, progress=progress),
        options=RunOptions(dry_run=dry_run),
        progress=progress,
        deployer=deployer_for(plan, folder, progress),
    )


def _dns_test(plan_path: Path, report: Any, cancel: threading.Event) -> list[str]:
    from cmswizard.cms.issuers import IssuerType
    from cmswizard.cms.plan import read_plan
    from cmswizard.remote.dns01 import DnsSession, dns_self_test

    def progress(text: str) -> None:
        if cancel.is_set():
            raise Cancelled
        report(0, 0, text)

    plan = read_plan(plan_path)
    lines: list[str] = []
    for issuer in plan.issuers:
        if issuer.type is not IssuerType.ACME or issuer.dns is None:
            continue
        names = sorted({n for c in plan.certificates if c.issuer == issuer.name for n in (c.cn, *c.san) if "." in n})
        if names:
            session = DnsSession(issuer.dns, plan_path.parent, progress=progress)
            lines += [f"{issuer.name}: {line}" for line in dns_self_test(session, names[:1])]
    if not lines:
        raise CmsInputError(plan_path.name, "has no acme issuer with a DNS set-up that signs a certificate")
    return lines


class KeepRenewedPage(WizardPage):
    finished = Signal()  # a run, a dry run or the DNS test ended (the table and the status line are filled)

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Keep certificates renewed"))
        self.setSubTitle(
            self.tr(
                "The plan says which issuer signs each certificate. Certificates from an ACME issuer are renewed "
                "when due, with DNS-01; the others are listed when a person must renew them."
            )
        )
        self.plan_field = QLineEdit(self)
        self.plan_field.setPlaceholderText(self.tr("the plan file (.toml)"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Certificate"), self.tr("Issuer"), self.tr("Expires"), self.tr("State"), self.tr("Next step")]
        )
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.dry_run = QPushButton(self.tr("&Dry run"), self)
        self.renew_now = QPushButton(self.tr("&Renew now"), self)
        self.dns_test = QPushButton(self.tr("&Test DNS"), self)
        self.cancel = QPushButton(self.tr("Cancel this r&un"), self)
        self.scheduler = QComboBox(self)
        self.scheduler.addItem(self.tr("systemd timer (daily)"), "systemd")
        self.scheduler.addItem(self.tr("cron line (daily)"), "cron")
        self.scheduler.addItem(self.tr("Windows task (daily)"), "windows-task")
        self.schedule = QPushButton(self.tr("Write &schedule"), self)
        self.bar = BusyBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        plan_row = QHBoxLayout()
        plan_row.addWidget(QLabel(self.tr("Plan:"), self))
        plan_row.addWidget(self.plan_field, 1)
        plan_row.addWidget(self.browse)
        actions = QHBoxLayout()
        for button in (self.dry_run, self.renew_now, self.dns_test, self.cancel):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.scheduler)
        actions.addWidget(self.schedule)
        layout = QVBoxLayout(self)
        layout.addLayout(plan_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self._cancel = threading.Event()
        self._busy = False
        self.browse.clicked.connect(self._browse)
        self.dry_run.clicked.connect(lambda: self._start_run(dry_run=True))
        self.renew_now.clicked.connect(lambda: self._start_run(dry_run=False))
        self.dns_test.clicked.connect(self._start_dns_test)
        self.cancel.clicked.connect(self._cancel_clicked)
        self.schedule.clicked.connect(self._write_schedule)
        self.plan_field.textChanged.connect(self._update_buttons)
        self._set_busy(False)

    @property
    def state(self) -> KeepRenewedFlowState:
        return self.host.flows.keep_renewed

    def flow_state(self) -> object:
        return self.state

    def reset(self) -> None:
        self.table.setRowCount(0)
        self.status.clear()
        self.plan_field.setText(str(self.state.plan_path) if self.state.plan_path else "")

    def _plan_path(self) -> Path | None:
        text = self.plan_field.text().strip()
        return Path(text) if text else None

    def _browse(self) -> None:
        chosen = dialogs.open_file_names(self, self.tr("Open plan"), self.state.folder, self.tr("Plan files (*.toml)"))
        if chosen:
            self.plan_field.setText(str(chosen[0]))

    def _update_buttons(self) -> None:
        ready = self._plan_path() is not None and not self._busy
        for button in (self.dry_run, self.renew_now, self.dns_test, self.schedule):
            button.setEnabled(ready)
        self.cancel.setEnabled(self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.bar.setVisible(busy)
        self._update_buttons()

    def _say(self, text: str, colour: style.Role | None = None) -> None:
        shade = style.hex_colour(colour, self.status) if colour is not None else ""
        self.status.setStyleSheet(f"color: {shade}" if shade else "")
        self.status.setText(text)

    def _progress(self, _done: int, _total: int, what: str) -> None:
        self._say(what)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled. The renewal state keeps the last finished step; a run goes on from there."))
        elif isinstance(error, CmsInputError | CmsCheckFailed):
            self._say(
                error_text(error)
                if isinstance(error, CmsInputError)
                else translated(error.args[0] if error.args else str(error)),
                _RED,
            )
        else:
            self._say(self.tr("Unexpected error: {error}").format(error=str(error)), _RED)
        self.finished.emit()

    def _start_run(self, *, dry_run: bool) -> None:
        path = self._plan_path()
        if path is None:
            return
        self._cancel.clear()
        self._set_busy(True)
        self._say(self.tr("Looking at the certificates…") if dry_run else self.tr("Renewing what is due…"))
        cancel = self._cancel
        self.host.tasks.run_with_progress(
            self,
            lambda report: _renew(path, dry_run, report, cancel),
            self._progress,
            self._show_outcomes,
            self._failed,
            writes=not dry_run,
        )

    def _show_outcomes(self, outcomes: list[Any]) -> None:
        self._set_busy(False)
        self.table.setRowCount(len(outcomes))
        for row, outcome in enumerate(outcomes):
            expires = f"{outcome.expires:%Y-%m-%d}" if outcome.expires else self.tr("none yet")
            cells = [
                outcome.certificate,
                outcome.issuer,
                expires,
                self._step_names().get(outcome.step.value, outcome.step.value),
                translated(outcome.needs_person or outcome.line),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        people = sum(1 for o in outcomes if o.needs_person)
        if people:
            self._say(self.tr("Certificates that need a person: {count}. See Next step.").format(count=people), _AMBER)
        else:
            self._say(self.tr("Every certificate is valid; nothing needs a person."), _GREEN)
        self.finished.emit()

    def _step_names(self) -> dict[str, str]:
        return {
            "ok": self.tr("valid"),
            "due": self.tr("due"),
            "key": self.tr("key and CSR made"),
            "ordered": self.tr("ordered"),
            "issued": self.tr("issued"),
            "bundled": self.tr("issued and bundled"),
            "uploaded": self.tr("uploaded"),
            "assigned": self.tr("assigned"),
        }

    def _start_dns_test(self) -> None:
        path = self._plan_path()
        if path is None:
            return
        self._cancel.clear()
        self._set_busy(True)
        self._say(self.tr("Publishing a test record…"))
        cancel = self._cancel
        self.host.tasks.run_with_progress(
            self, lambda report: _dns_test(path, report, cancel), self._progress, self._dns_done, self._failed
        )

    def _dns_done(self, lines: list[str]) -> None:
        self._set_busy(False)
        self._say(
            self.tr("DNS-01 works: the record was published, seen on every authoritative server and removed.")
            + "\n"
            + "\n".join(lines),
            _GREEN,
        )
        self.finished.emit()

    def _cancel_clicked(self) -> None:
        self._cancel.set()
        self._say(self.tr("Cancelling after the current step…"))

    def _write_schedule(self) -> None:
        from cmswizard.cms.plan import read_plan
        from cmswizard.cms.schedule import SchedulerKind, renew_command, schedule_files
        from cmswizard.pki.files import OutputFile, write_files

        path = self._plan_path()
        if path is None:
            return
        try:
            plan = path.resolve()
            read_plan(plan)
            kind = SchedulerKind(self.scheduler.currentData())
            files = schedule_files(kind, renew_command(sys.executable, plan), plan)
            folder = Path.home() / ".config" / "systemd" / "user" if kind is SchedulerKind.SYSTEMD else plan.parent
            folder.mkdir(parents=True, exist_ok=True)
            write_files(
                [
                    OutputFile(folder / f.name, f.text.encode("utf-16") if f.name.endswith(".xml") else f.text.encode())
                    for f in files
                ]
            )
        except CmsInputError as error:
            self._say(error_text(error), _RED)
            return
        except OSError as error:
            self._say(str(error), _RED)
            return
        self._say(
            self.tr("Wrote {files} in {folder}; activate it as docs/renewal.md says (nothing was started).").format(
                files=listed(f.name for f in files), folder=str(folder)
            ),
            _GREEN,
        )
