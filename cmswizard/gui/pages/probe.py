"""The "Check a running server" flow: what each TLS endpoint really presents, read-only.

The setup page turns what the user typed into probe targets (the engine parses them, as the CLI
does); the result page runs the probe off the GUI thread and shows every finding, the summary by
days left, and offers the calendar and the renewal of a certificate it read.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from cmswizard.cms.endpoints import TlsService
from cmswizard.cms.probe_report import EndpointResult, ProbeReport, Severity, judge
from cmswizard.cms.probe_targets import ProbeOptions, build_targets, expected_copy, probe_endpoints, trusted_roots
from cmswizard.cms.sheet import Deployment
from cmswizard.gui import dialogs, style
from cmswizard.gui.calendar import save_expiry_calendar
from cmswizard.gui.flows import PageId, ProbeFlowState
from cmswizard.gui.i18n import error_text, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import BusyBar
from cmswizard.pki.errors import CmsInputError
from cmswizard.remote.probe import probe

_ROLES = {
    Severity.PROBLEM: style.Role.ERROR,
    Severity.WARNING: style.Role.WARNING,
    Severity.OK: style.Role.OK,
    Severity.INFO: style.Role.NOTE,
}
# The services offered on the page, in the order of the domain reference (a plain TLS port: type host:port).
_OFFERED = [s for s in TlsService if s is not TlsService.TLS]
_CHECKED_BY_DEFAULT = {TlsService.WEBADMIN, TlsService.WEBBRIDGE3, TlsService.CALLBRIDGE}


class _ProbePage(WizardPage):
    @property
    def state(self) -> ProbeFlowState:
        return self.host.flows.probe

    def flow_state(self) -> object:
        return self.state


def _file_row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


class ProbeSetupPage(_ProbePage):
    next_page = PageId.PROBE_RESULT

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Check a running server"))
        self.setSubTitle(
            self.tr(
                "Connects to each TLS service and reads the certificates it presents. Nothing is trusted and "
                "nothing is sent beyond the handshake."
            )
        )
        self.hosts = QLineEdit(self)
        self.hosts.setPlaceholderText("cms1.example.com, 192.0.2.10, [2001:db8::10]:8443")
        self.names = QLineEdit(self)
        self.names.setPlaceholderText("join.example.com")
        self.sni = QLineEdit(self)
        self.sni.setPlaceholderText(
            self.tr("optional; default: each server's name, or for an address the first name users type")
        )
        self.xmpp_domain = QLineEdit(self)
        self.xmpp_domain.setPlaceholderText(self.tr("optional; default: the server name sent"))
        self.expect = QLineEdit(self)
        self.expect_button = QPushButton(self.tr("Bro&wse…"), self)
        self.roots = QLineEdit(self)
        self.roots_button = QPushButton(self.tr("Brows&e…"), self)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setRange(0.5, 60.0)
        self.timeout.setSingleStep(0.5)
        self.timeout.setSuffix(self.tr(" s"))
        self.ipv4 = QCheckBox(self.tr("IPv&4"), self)
        self.ipv6 = QCheckBox(self.tr("IPv&6"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {style.hex_colour(style.Role.ERROR, self)}")
        services = QGroupBox(self.tr("Services and ports"), self)
        grid = QGridLayout(services)
        self.service_boxes: dict[TlsService, QCheckBox] = {}
        self.ports: dict[TlsService, QSpinBox] = {}
        for number, service in enumerate(_OFFERED):
            box = QCheckBox(translated(service.label), services)
            port = QSpinBox(services)
            port.setRange(1, 65535)
            port.setAccessibleName(self.tr("Port of {service}").format(service=translated(service.label)))
            self.service_boxes[service] = box
            self.ports[service] = port
            grid.addWidget(box, number // 2, (number % 2) * 2)
            grid.addWidget(port, number // 2, (number % 2) * 2 + 1)
            box.toggled.connect(self._changed)
        form = QFormLayout()
        family = QHBoxLayout()
        family.addWidget(self.timeout)
        family.addWidget(self.ipv4)
        family.addWidget(self.ipv6)
        family.addStretch()
        for text, buddy, field in (
            (self.tr("&Servers:"), self.hosts, self.hosts),
            (self.tr("Na&mes users type:"), self.names, self.names),
            (self.tr("Server name to sen&d (SNI):"), self.sni, self.sni),
            (self.tr("&XMPP domain:"), self.xmpp_domain, self.xmpp_domain),
            (self.tr("File it should &present:"), self.expect, _file_row(self.expect, self.expect_button)),
            (self.tr("&Trusted root CA:"), self.roots, _file_row(self.roots, self.roots_button)),
            (self.tr("T&imeout:"), self.timeout, family),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        hint = QLabel(
            self.tr(
                "Several servers: separate them with commas or spaces. A server written as host:port is checked on "
                "that port only."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(services)
        layout.addWidget(self.message)
        layout.addStretch()
        self.hosts.textChanged.connect(self._changed)
        self.expect_button.clicked.connect(self._choose_expected)
        self.roots_button.clicked.connect(self._choose_roots)
        self.reset()

    def reset(self) -> None:
        self.hosts.clear()
        self.names.clear()
        self.sni.clear()
        self.xmpp_domain.clear()
        self.expect.clear()
        self.roots.clear()
        self.timeout.setValue(4.0)
        self.ipv4.setChecked(True)
        self.ipv6.setChecked(True)
        self.message.clear()
        for service in _OFFERED:
            self.service_boxes[service].setChecked(service in _CHECKED_BY_DEFAULT)
            self.ports[service].setValue(service.default_port)

    def enter(self) -> None:
        if self.state.hosts and not self.hosts.text():
            self.hosts.setText(self.state.hosts)
        plan = self.host.flows.plan
        if plan is not None and not self.hosts.text():
            self._seed_from(plan.deployment())

    def _seed_from(self, deployment: Deployment) -> None:
        """An opened plan: its servers, and by default every TLS service it runs (C2W, TURN, the database
        included) on the ports it chose."""
        self.hosts.setText(" ".join((*deployment.nodes, *deployment.edge_nodes)))
        for service, port in probe_endpoints(deployment).items():
            self.service_boxes[service].setChecked(True)
            self.ports[service].setValue(port)

    def has_unsaved_input(self) -> bool:
        return bool(self.hosts.text().strip())

    def _changed(self) -> None:
        self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.hosts.text().strip()) and any(box.isChecked() for box in self.service_boxes.values())

    def _choose_expected(self) -> None:
        chosen = dialogs.open_file_names(
            self, self.tr("The certificate the server should present"), self.host.flows.folder
        )
        if chosen:
            self.expect.setText(str(chosen[0]))

    def _choose_roots(self) -> None:
        chosen = dialogs.open_file_names(self, self.tr("Trusted root CA"), self.host.flows.folder)
        if chosen:
            self.roots.setText(str(chosen[0]))

    def validatePage(self) -> bool:
        services = [(s, self.ports[s].value()) for s in _OFFERED if self.service_boxes[s].isChecked()]
        endpoints = [part for part in self.hosts.text().replace(",", " ").split() if part]
        names = [part for part in self.names.text().replace(",", " ").split() if part]
        try:
            expect, roots_file = self.expect.text().strip(), self.roots.text().strip()
            local = expected_copy(expect) if expect else None
            roots = trusted_roots(roots_file) if roots_file else ()
            targets = build_targets(
                endpoints,
                services,
                sni=self.sni.text().strip() or None,
                names=names,
                xmpp_domain=self.xmpp_domain.text().strip() or None,
                local=local,
            )
        except CmsInputError as error:
            self.message.setText("✗ " + html.escape(error_text(error)))
            return False
        if not (self.ipv4.isChecked() or self.ipv6.isChecked()):
            self.message.setText("✗ " + self.tr("Choose IPv4, IPv6 or both."))
            return False
        self.state.hosts = self.hosts.text()
        self.state.targets = targets
        self.state.options = ProbeOptions(
            timeout=self.timeout.value(),
            ipv4=self.ipv4.isChecked(),
            ipv6=self.ipv6.isChecked(),
            roots=roots,
            roots_name=Path(roots_file).name if roots else "",
        )
        self.state.report = None
        return True


class ProbeResultPage(_ProbePage):
    next_page = None
    finished = Signal()  # the results are on screen (tests wait on it)

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("What the servers present"))
        self.setSubTitle(
            self.tr("Every endpoint and address, with what is wrong first. Nothing was sent but the handshake.")
        )
        self.busy = BusyBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Endpoint and findings"), self.tr("Service"), self.tr("Days left")])
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setWordWrap(True)  # a finding is a sentence: wrap it rather than cut it off
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.expiry = QTreeWidget(self)
        self.expiry.setRootIsDecorated(False)
        self.expiry.setHeaderLabels(
            [self.tr("Days left"), self.tr("Expires"), self.tr("Endpoint"), self.tr("Service"), self.tr("Certificate")]
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tree, self.tr("F&indings"))
        self.tabs.addTab(self.expiry, self.tr("E&xpiry (soonest first)"))
        self.again_button = QPushButton(self.tr("Check &again"), self)
        self.copy_button = QPushButton(self.tr("&Copy as text"), self)
        self.calendar_button = QPushButton(self.tr("Save ca&lendar (.ics)…"), self)
        self.renew_button = QPushButton(self.tr("&Renew the selected certificate…"), self)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.again_button, self.copy_button, self.calendar_button, self.renew_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)
        self.again_button.clicked.connect(self.run_probe)
        self.copy_button.clicked.connect(self.copy_text)
        self.calendar_button.clicked.connect(self.save_calendar)
        self.renew_button.clicked.connect(self.renew_selected)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.running = False
        self._set_buttons()

    def enter(self) -> None:
        if self.state.report is None:
            self.run_probe()
        else:
            self._show(self.state.report)

    def isComplete(self) -> bool:
        return not self.running

    def run_probe(self) -> None:
        if self.running or not self.state.targets:
            return
        self.running = True
        self.busy.show()
        self.tree.clear()
        self.expiry.clear()
        self.saved.clear()
        count = len(self.state.targets)
        self.summary.setText(self.tr("Checking {count} endpoint(s)…").format(count=count))
        self._set_buttons()
        self.completeChanged.emit()
        targets, options = list(self.state.targets), self.state.options
        self.host.tasks.run(self, lambda: judge(probe(targets, options), options), self._done, self._failed)

    def _done(self, report: ProbeReport) -> None:
        self.running = False
        self.state.report = report
        self._show(report)
        self.completeChanged.emit()
        self.finished.emit()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.busy.hide()
        self.summary.setText(
            f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {html.escape(error_text(error))}</span>'
        )
        self._set_buttons()
        self.completeChanged.emit()
        self.finished.emit()

    @staticmethod
    def _problems_first(report: ProbeReport) -> list[tuple[int, EndpointResult]]:
        """Endpoints with problems, then those needing attention, then the fine ones (each in probe order)."""

        def rank(pair: tuple[int, EndpointResult]) -> int:
            result = pair[1]
            if not result.ok:
                return 0
            return 1 if any(f.severity is Severity.WARNING for f in result.findings) else 2

        return sorted(enumerate(report.results), key=rank)

    def _show(self, report: ProbeReport) -> None:
        self.busy.hide()
        bad = [r for r in report.results if not r.ok]
        if bad:
            text = self.tr("✗ {bad} of {count} endpoint(s) have problems").format(
                bad=len(bad), count=len(report.results)
            )
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{html.escape(text)}</span>'
            )
        elif attention := [r for r in report.results if any(f.severity is Severity.WARNING for f in r.findings)]:
            text = self.tr("! No problems, but {warned} of {count} endpoint(s) need attention (marked !)").format(
                warned=len(attention), count=len(report.results)
            )
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.WARNING, self)}">{html.escape(text)}</span>'
            )
        else:
            text = self.tr("✓ All {count} endpoint(s) are fine").format(count=len(report.results))
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.OK, self)}">{html.escape(text)}</span>'
            )
        self.tree.clear()
        for index, result in self._problems_first(report):
            first = result.earliest
            warned = result.ok and any(f.severity is Severity.WARNING for f in result.findings)
            mark = "!" if warned else "✓" if result.ok else "✗"
            top = QTreeWidgetItem(
                [
                    f"{mark} {result.label}  {result.tls_version}".rstrip(),
                    translated(result.target.service.label),
                    "" if first is None else str(first.days_left),
                ]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, index)
            colour = style.colour(
                style.Role.WARNING if warned else style.Role.OK if result.ok else style.Role.ERROR, self
            )
            top.setForeground(0, colour)  # a certificate to renew soon is not "all good" at a glance
            for item in result.chain:
                child = QTreeWidgetItem(
                    [
                        f"{item.position}. {translated(item.role.value)}: {item.subject_cn}",
                        f"{item.not_after:%Y-%m-%d}",
                        str(item.days_left),
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, index)
                top.addChild(child)
            for finding in result.findings:
                child = QTreeWidgetItem([f"{finding.severity.mark} {translated(finding.text)}", "", ""])
                child.setToolTip(0, translated(finding.text))
                child.setData(0, Qt.ItemDataRole.UserRole, index)
                if finding.severity is Severity.PROBLEM:
                    child.setForeground(0, style.colour(style.Role.ERROR, self))
                elif finding.severity is Severity.WARNING:
                    child.setForeground(0, style.colour(style.Role.WARNING, self))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(not result.ok or len(report.results) <= 3)
        self.expiry.clear()
        for row in report.summary():
            days = "-" if row.days_left is None else str(row.days_left)
            line = QTreeWidgetItem(
                [days, row.not_after or "-", row.endpoint, translated(row.service.label), row.certificate or "-"]
            )
            if row.days_left is None or row.days_left < 0:
                line.setForeground(0, style.colour(style.Role.ERROR, self))
            elif row.days_left <= 30:
                line.setForeground(0, style.colour(style.Role.WARNING, self))
            self.expiry.addTopLevelItem(line)
        for column in range(5):
            self.expiry.resizeColumnToContents(column)
        for position in range(self.tree.topLevelItemCount()):  # the first endpoint shown that sent a chain
            shown = self.tree.topLevelItem(position)
            if shown is not None and report.results[shown.data(0, Qt.ItemDataRole.UserRole)].chain:
                self.tree.setCurrentItem(shown)
                break
        self._set_buttons()

    def _selected_result(self) -> int | None:
        item = self.tree.currentItem()
        report = self.state.report
        if item is None or report is None:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        return index if isinstance(index, int) and report.results[index].chain else None

    def _selection_changed(self) -> None:
        self._set_buttons()

    def _set_buttons(self) -> None:
        report = self.state.report if not self.running else None
        self.again_button.setEnabled(not self.running and bool(self.state.targets))
        self.copy_button.setEnabled(report is not None)
        self.calendar_button.setEnabled(report is not None and bool(report.certificates()))
        self.renew_button.setEnabled(report is not None and self._selected_result() is not None)

    def copy_text(self) -> None:
        if self.state.report is not None:
            QGuiApplication.clipboard().setText(self.state.report.text())

    def save_calendar(self) -> None:
        from cmswizard.export.calendar import ExpiryEntry

        report = self.state.report
        if report is None:
            return
        save_expiry_calendar(
            self,
            [ExpiryEntry(certificate, where) for certificate, where in report.certificates()],
            self.saved,
            title=self.tr("Save the expiry calendar"),
            file_filter=self.tr("Calendar (*.ics)"),
            saved=self.tr("✓ Saved {file}: one event per certificate, reminders 60, 30 and 7 days before"),
        )

    def renew_selected(self) -> None:
        index = self._selected_result()
        report = self.state.report
        if index is None or report is None:
            return
        result = report.results[index]
        self.host.flows.start_renewal_from_probe(result)
        self.host.go_to(PageId.RENEW_REQUEST)
