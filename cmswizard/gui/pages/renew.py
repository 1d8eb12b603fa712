"""The "Renew a certificate" flow: the request from the old certificate, the comparison when the new
one comes back, and the commands that swap it in (backup first, the probe to run last)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from cmswizard.cms.deployment import build_deployment
from cmswizard.cms.endpoints import endpoint_for
from cmswizard.cms.file_pairs import PairFault, PairProblem, key_fault, pair_problems_at
from cmswizard.cms.mmp_syntax import render
from cmswizard.cms.renewal import (
    Comparison,
    OldCertificate,
    RenewalRequest,
    compare_certificates,
    load_old_certificate,
    renewal_basename,
    renewal_request,
    replacement_sheet,
    request_mismatches,
    spec_changes,
)
from cmswizard.cms.renewal_trust import peer_trust_kind, renewal_trust_names, write_sheet_trust_files
from cmswizard.cms.services import CmsVersion, Service, service_named_in
from cmswizard.cms.sheet import Deployment, ServiceFiles, TrustKind
from cmswizard.gui import dialogs, style
from cmswizard.gui.flows import PageId, RenewFlowState
from cmswizard.gui.i18n import error_text, listed, shown_value, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import CellEdit, CommandBox, FieldMessage
from cmswizard.pki.csr import CsrResult, generate_key_and_csr
from cmswizard.pki.errors import CmsInputError, Text
from cmswizard.pki.spec import KeyType, Problem, Severity, SubjectInput

_SERVICES = [s for s in Service if endpoint_for(s) is not None]


def _error(text: str) -> str:
    return style.coloured(f"✗ {html.escape(text)}", style.Role.ERROR)


class _RenewPage(WizardPage):
    @property
    def state(self) -> RenewFlowState:
        return self.host.flows.renew

    def flow_state(self) -> object:
        return self.state


class RenewRequestPage(_RenewPage):
    next_page = PageId.RENEW_GENERATE

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Renew a certificate"))
        self.setSubTitle(
            self.tr(
                "The new request keeps the subject and names of the certificate in use, under a new name, so the "
                "live key is never overwritten."
            )
        )
        self.old_file = CellEdit(self)  # Choose…, or type the path and press Enter (Enter stays here, never Next)
        self.old_file.setPlaceholderText(self.tr("type the file's path and press Enter, or Choose…"))
        self.old_file.returnPressed.connect(self._typed_path)
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.live_basename = QLineEdit(self)
        self.basename = QLineEdit(self)
        self.cn = QLineEdit(self)
        self.san = QLineEdit(self)
        self.key_type = QComboBox(self)
        self.folder = QLineEdit(self)
        self.folder_button = QPushButton(self.tr("Brows&e…"), self)
        self.changes = QLabel(self)
        self.changes.setWordWrap(True)
        self.problems = FieldMessage(self)
        self.command = CommandBox(self)
        self.command.setMaximumHeight(64)
        self.command.setAccessibleName(self.tr("The request as an MMP command"))
        old_row = QHBoxLayout()
        old_row.addWidget(self.old_file, 1)
        old_row.addWidget(self.choose_button)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_button)
        form = QFormLayout()
        for text, buddy, field in (
            (self.tr("Certificate in &use:"), self.choose_button, old_row),
            (self.tr("Basename of the &live key:"), self.live_basename, self.live_basename),
            (self.tr("Ne&w basename:"), self.basename, self.basename),
            (self.tr("CN (hos&t name):"), self.cn, self.cn),
            (self.tr("&Subject alt names:"), self.san, self.san),
            (self.tr("&Key type:"), self.key_type, self.key_type),
            (self.tr("F&older:"), self.folder, folder_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.facts)
        layout.addWidget(self.changes)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel(self.tr("The same request, typed on the CMS:"), self))
        layout.addWidget(self.command)
        layout.addStretch()
        self.choose_button.clicked.connect(self._choose)
        self.folder_button.clicked.connect(self._choose_folder)
        self.live_basename.textEdited.connect(self._live_name_edited)
        for field in (self.basename, self.cn, self.san, self.folder):
            field.textChanged.connect(self._recheck)
        self.key_type.currentIndexChanged.connect(self._recheck)
        self.loading = False
        self.old: OldCertificate | None = None
        self._offer_key_types(list(KeyType))

    def reset(self) -> None:
        self.old = None
        for field in (self.old_file, self.live_basename, self.basename, self.cn, self.san):
            field.clear()
        self._offer_key_types(list(KeyType))
        self.facts.clear()
        self.changes.clear()
        self.command.clear()
        self.problems.show_problems([])
        self.folder.setText(str(self.state.folder))

    def enter(self) -> None:
        if self.state.old is not None and self.state.old is not self.old:
            self._show_old(self.state.old)

    def has_unsaved_input(self) -> bool:
        return self.old is not None and self.state.result is None

    def _choose(self) -> None:
        chosen = dialogs.open_file_names(self, self.tr("The certificate in use"), self.state.folder)
        if not chosen:
            return
        path = chosen[0]
        self.loading = True
        self.host.tasks.run(self, lambda: load_old_certificate(path), self._loaded, self._load_failed)

    def _typed_path(self) -> None:
        path = Path(self.old_file.text().strip()).expanduser()
        if not self.old_file.text().strip():
            return
        if not path.is_file():
            self.facts.setText(
                _error(self.tr("{path} is not a file; type the certificate's path, or Choose…").format(path=str(path)))
            )
            return
        self.loading = True
        self.host.tasks.run(self, lambda: load_old_certificate(path), self._loaded, self._load_failed)

    def _loaded(self, old: OldCertificate) -> None:
        self.loading = False
        self.state.old = old
        self._show_old(old)

    def _load_failed(self, error: Exception) -> None:
        self.loading = False
        self.facts.setText(_error(error_text(error)))

    def _choose_folder(self) -> None:
        chosen = dialogs.existing_folder(self, self.tr("Folder for the new key and CSR"), self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _show_old(self, old: OldCertificate) -> None:
        self.old = old
        self.old_file.setText(old.source)
        self.facts.setText(
            "<br>".join(
                f"<b>{html.escape(translated(label))}:</b> {html.escape(shown_value(value))}"
                for label, value in old.facts().rows()
                if label in ("Subject", "Issuer", "Subject alt names", "Valid until", "Status", "Key")
            )
        )
        request = renewal_request(old.certificate, old.basename)
        self.live_basename.setText(old.basename)
        self._offer_key_types(old.key_types())
        self.basename.setText(request.typed.basename)
        self.cn.setText(request.typed.cn)
        self.san.setText(",".join(request.typed.san))
        self._recheck()

    def _offer_key_types(self, key_types: list[KeyType]) -> None:
        """The choices, the first selected: the chosen certificate's own type, or RSA-2048 before one is chosen."""
        self.key_type.blockSignals(True)
        self.key_type.clear()
        for key_type in key_types:
            self.key_type.addItem(key_type.label, key_type.value)
        self.key_type.setCurrentIndex(0)
        self.key_type.blockSignals(False)

    def _live_name_edited(self) -> None:
        self.basename.setText(renewal_basename(self.live_basename.text().strip(), dt.date.today().year))

    def _typed(self) -> tuple[RenewalRequest, SubjectInput]:
        assert self.old is not None
        request = renewal_request(self.old.certificate, self.live_basename.text().strip() or self.old.basename)
        key_type = KeyType(self.key_type.currentData()) if self.key_type.currentData() else request.typed.key_type
        typed = replace(
            request.typed,
            basename=self.basename.text().strip(),
            cn=self.cn.text().strip(),
            san=tuple(part for part in self.san.text().replace(" ", ",").split(",") if part),
            key_type=key_type,
        )
        return request, typed

    def _recheck(self) -> None:
        if self.old is None:
            self.completeChanged.emit()
            return
        request, typed = self._typed()
        checked = request.check(typed)
        problems: list[Problem] = list(checked.problems)
        if not self.folder.text().strip() or not Path(self.folder.text().strip()).is_dir():
            problems.append(Problem("folder", Severity.ERROR, self.tr("choose an existing folder")))
        self.problems.show_problems(problems, with_field=True)
        spec = checked.spec
        self.state.spec = spec if not any(p.severity is Severity.ERROR for p in problems) else None
        if spec is not None:
            self.command.setPlainText(render(spec))
            changes = spec_changes(request.original(spec.basename), spec)
            self.changes.setText(
                self.tr("Changed against the certificate in use:")
                + "<br>"
                + "<br>".join(html.escape(c) for c in changes)
                if changes
                else self.tr("Same subject, names and key type as the certificate in use.")
            )
        else:
            self.command.clear()
            self.changes.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.spec is not None and not self.loading

    def validatePage(self) -> bool:
        self.state.folder = Path(self.folder.text().strip())
        self.state.result = None
        return self.state.spec is not None


class RenewGeneratePage(_RenewPage):
    next_page = PageId.RENEW_SHEET
    generated = Signal()
    compared = Signal()

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("New key and request, then the new certificate"))
        self.setSubTitle(
            self.tr(
                "Make the key and CSR here (or type the line on the CMS), send the CSR to your CA, then choose the "
                "certificate it returns to compare it with the one in use."
            )
        )
        self.command = CommandBox(self)
        self.command.setMaximumHeight(64)
        self.generate_button = QPushButton(self.tr("&Generate the key and CSR here"), self)
        self.generated_label = QLabel(self)
        self.generated_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&Open the new certificate…"), self)
        self.compare_summary = QLabel(self)
        self.compare_summary.setWordWrap(True)
        self.comparison = QTreeWidget(self)
        self.comparison.setRootIsDecorated(False)
        self.comparison.setHeaderLabels([self.tr("Field"), self.tr("In use"), self.tr("New")])
        header = self.comparison.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.trust = QLabel(self)
        self.trust.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Or type this on the CMS:"), self))
        layout.addWidget(self.command)
        row = QHBoxLayout()
        row.addWidget(self.generate_button)
        row.addWidget(self.new_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.generated_label)
        layout.addWidget(self.compare_summary)
        layout.addWidget(self.comparison, 1)
        layout.addWidget(self.trust)
        self.generate_button.clicked.connect(self.generate)
        self.new_button.clicked.connect(self._choose_new)
        self.running = False
        self.wrong_key: PairProblem | None = None  # the new certificate is for another key: the flow stops

    def reset(self) -> None:
        self.wrong_key = None
        self.generated_label.clear()
        self.compare_summary.clear()
        self.comparison.clear()
        self.trust.clear()

    def enter(self) -> None:
        spec = self.state.spec
        self.command.setPlainText(render(spec) if spec is not None else "")
        self.generate_button.setEnabled(spec is not None and self.state.result is None)
        if self.state.result is None:
            self.generated_label.clear()

    def isComplete(self) -> bool:
        return not self.running and self.wrong_key is None

    def generate(self) -> None:
        spec, folder = self.state.spec, self.state.folder
        if spec is None or self.running:
            return
        self.running = True
        self.generate_button.setEnabled(False)
        self.completeChanged.emit()
        self.host.tasks.run(
            self, lambda: generate_key_and_csr(spec, folder), self._generated, self._generate_failed, writes=True
        )

    def _generated(self, result: CsrResult) -> None:
        self.running = False
        self.state.result = result
        self.generated_label.setText(
            self.tr("✓ Wrote {key} (private key, mode 0600) and {csr}: send the CSR to your CA.").format(
                key=result.key_path.name, csr=result.csr_path.name
            )
        )
        self.completeChanged.emit()
        self.generated.emit()

    def _generate_failed(self, error: Exception) -> None:
        self.running = False
        self.generate_button.setEnabled(True)
        self.generated_label.setText(_error(error_text(error)))
        self.completeChanged.emit()
        self.generated.emit()

    def _choose_new(self) -> None:
        chosen = dialogs.open_file_names(self, self.tr("The new certificate from your CA"), self.state.folder)
        old = self.state.old
        if not chosen or old is None:
            return
        path = chosen[0]

        made = self.state.result

        def work() -> tuple[OldCertificate, Comparison, list[Text], PairProblem | None]:
            new = load_old_certificate(path)
            served = old.service or service_named_in(old.basename)  # the probe's, else the file name's
            services = [served] if served is not None else []
            against = request_mismatches(made.csr, new.certificate, new.source) if made is not None else []
            # The key made here is on disk: a certificate for another key can only be replaced.
            wrong_key = key_fault(old.service or Service.CALLBRIDGE, made.key_path, path) if made is not None else None
            return new, compare_certificates(old.certificate, new.certificate, services=services), against, wrong_key

        self.host.tasks.run(self, work, lambda outcome: self._compared(outcome, path), self._compare_failed)

    def _compared(
        self, outcome: tuple[OldCertificate, Comparison, list[Text], PairProblem | None], path: Path | None = None
    ) -> None:
        new, comparison, against_request, wrong_key = outcome
        self.wrong_key = wrong_key
        self.state.new_file = new.source
        self.state.new_path = path
        self.state.comparison = comparison
        if wrong_key is not None:  # Next stays grey: the only way on is the certificate issued for this key
            said: list[str] = [*against_request] or [wrong_key.message]
            text = "<br>".join(html.escape(f"✗ {translated(line)}") for line in said)
            stop = html.escape(self.tr("Open the certificate your CA issued for this request to go on."))
            self.compare_summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{text}<br><b>{stop}</b></span>'
            )
        elif against_request:
            text = "<br>".join(html.escape(f"✗ {translated(line)}") for line in against_request)
            self.compare_summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{text}</span>'
            )
        elif comparison.ok:
            text = self.tr("✓ {file} keeps every name and usage of the certificate in use").format(file=new.source)
            self.compare_summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.OK, self)}">{html.escape(text)}</span>'
            )
        else:
            text = self.tr("✗ {file} loses what the certificate in use had: see the marked rows").format(
                file=new.source
            )
            self.compare_summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{html.escape(text)}</span>'
            )
        self.comparison.clear()
        for row in comparison.rows:
            # A value is data (a subject, names) unless the engine built it as one of our phrases.
            old_value, new_value = (translated(v) if isinstance(v, Text) else v for v in (row.old, row.new))
            item = QTreeWidgetItem([translated(row.label), old_value, new_value])
            item.setToolTip(1, old_value)
            item.setToolTip(2, new_value)
            colour = style.colour(
                style.Role.ERROR if row.severity is Severity.ERROR else style.Role.WARNING, self.comparison
            )
            if row.severity is Severity.ERROR or row.changed:
                for column in range(3):
                    item.setForeground(column, colour)
            self.comparison.addTopLevelItem(item)
            if row.note:  # the why, on its own line under the row, across the columns
                note = QTreeWidgetItem([f"    {translated(row.note)}"])
                note.setForeground(0, colour)
                item.addChild(note)
                note.setFirstColumnSpanned(True)
                item.setExpanded(True)
        lines = [html.escape(translated(line)) for line in comparison.trust_updates]
        heading = (
            self.tr("The issuer changed: update this trust elsewhere")
            if comparison.issuer_changed
            else self.tr("Trust to update")
        )
        self.trust.setText(f"<b>{heading}</b><ul>{''.join(f'<li>{line}</li>' for line in lines)}</ul>" if lines else "")
        self.completeChanged.emit()
        self.compared.emit()

    def _compare_failed(self, error: Exception) -> None:
        self.compare_summary.setText(_error(error_text(error)))
        self.compared.emit()


class RenewSheetPage(_RenewPage):
    next_page = PageId.APPLY

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Commands that swap in the new certificate"))
        self.setSubTitle(
            self.tr(
                "A backup snapshot first, the new file names in the certs line, the restart, the status line, then the probe to run."
            )
        )
        self.version = QComboBox(self)
        for version in CmsVersion:
            self.version.addItem(translated(version.choice_label), version.value)
        self.version.setCurrentIndex(self.version.findData(CmsVersion.V3.value))
        self.service = QComboBox(self)
        for service in _SERVICES:
            self.service.addItem(translated(service.label), service.value)
        self.node = QLineEdit(self)
        # The servers that keep this certificate in a trust file: the rebuilt file and its commands on each.
        self.peers = QLineEdit(self)
        self.key = QLineEdit(self)
        self.certificate = QLineEdit(self)
        self.bundle = QLineEdit(self)
        self.bundle.setPlaceholderText(self.tr("optional: the CA bundle file"))
        self.backup = QLineEdit(self)
        self.message = FieldMessage(self)
        # A leaf-only file where a full chain is needed: one click into the chain builder with it loaded.
        self.full_chain_button = QPushButton(self.tr("Bui&ld the full chain…"), self)
        self.full_chain_button.hide()
        self.pair_problems: list[PairProblem] = []
        self.sheet = CommandBox(self)
        self.sheet.setAccessibleName(self.tr("Replacement commands"))
        self.copy_button = QPushButton(self.tr("&Copy the commands"), self)
        self.save_button = QPushButton(self.tr("Save the co&mmands…"), self)
        self.saved = QLabel(self)  # where the commands went: said, since Finish closes the wizard
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept = False  # copied or saved: Finish does not ask
        self.trust_written = QLabel(self)  # the rebuilt trust file: where it went
        self.trust_written.setWordWrap(True)
        self.trust_written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sheet_deployment: Deployment | None = None  # what the commands shown were made from
        form = QFormLayout()
        for text, field in (
            (self.tr("CMS &version:"), self.version),
            (self.tr("&Service:"), self.service),
            (self.tr("Se&rvers (FQDN, space between):"), self.node),
            (self.tr("Servers that &trust it:"), self.peers),
            (self.tr("&Key file:"), self.key),
            (self.tr("C&ertificate file:"), self.certificate),
            (self.tr("CA b&undle file:"), self.bundle),
            (self.tr("B&ackup name:"), self.backup),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.full_chain_button)
        fix_row.addStretch()
        layout.addLayout(fix_row)
        layout.addWidget(self.sheet, 1)
        layout.addWidget(self.trust_written)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self._save_clicked)
        for field in (self.node, self.peers, self.key, self.certificate, self.bundle, self.backup):
            field.textChanged.connect(self._update)
        self.version.currentIndexChanged.connect(self._update)
        self.service.currentIndexChanged.connect(self._update)
        self.copy_button.clicked.connect(self.copy_text)
        self.full_chain_button.clicked.connect(self.build_full_chain)

    def enter(self) -> None:
        spec = self.state.spec
        if spec is None:
            return
        old = self.state.old
        # The server the probe read it from; from a file, its CN (the host name it was made for).
        self.node.setText(self.node.text() or (old.node if old is not None and old.node else spec.cn))
        self.key.setText(f"{spec.basename}.key")
        self.certificate.setText(self.state.new_file or f"{spec.basename}.crt")
        self.backup.setText(self.backup.text() or f"before-renewal-{dt.date.today():%Y%m%d}")
        # The service the old certificate served: read by the probe, else named in its file name; when
        # neither tells, nothing is chosen and the page asks (Web Admin by default wrote wrong certs lines).
        served = old.service if old is not None and old.service is not None else None
        if served is None and old is not None:
            served = service_named_in(old.basename)
        self.service.setCurrentIndex(self.service.findData(served.value) if served is not None else -1)
        self._update()

    def deployment(self) -> Deployment:
        """The deployment the typed fields describe (one service, on every server named)."""
        service = Service(self.service.currentData())
        bundle = self.bundle.text().strip() or None
        files = ServiceFiles(
            service,
            self.key.text().strip(),
            self.certificate.text().strip(),
            None if service.takes_full_chain else bundle,
        )
        # A certificate shared by a cluster (the Call Bridge SAN listing every node, Web Bridge 3 on every
        # edge) is renewed on all its servers in one sheet: space or comma between them.
        nodes = [part for part in self.node.text().replace(",", " ").split() if part]
        return build_deployment(
            CmsVersion(self.version.currentData()), nodes, (files,), backup_name=self.backup.text().strip()
        )

    def _update(self) -> None:
        if self.service.currentData() is None:  # the old certificate did not say which service it served
            self.message.show_problems(
                [
                    Problem(
                        "service",
                        Severity.ERROR,
                        self.tr("Choose the service this certificate served: the commands differ per service."),
                    )
                ]
            )
            self.sheet.clear()
            self.copy_button.setEnabled(False)
            self.save_button.setEnabled(False)
            self.full_chain_button.hide()
            return
        full_chain = Service(self.service.currentData()).takes_full_chain
        self.bundle.setEnabled(not full_chain)
        self.bundle.setPlaceholderText(
            self.tr("none: this service takes one full-chain file as its certificate")
            if full_chain
            else self.tr("optional: the CA bundle file")
        )
        self._offer_peers(Service(self.service.currentData()))
        self.pair_problems = self._pair_problems()
        self.full_chain_button.setVisible(any(p.fault is PairFault.NOT_FULL_CHAIN for p in self.pair_problems))
        self.state.sheet = None
        self.sheet_deployment = None
        self.trust_written.clear()
        try:
            deployment = replace(self.deployment(), trust_names=renewal_trust_names(dt.date.today().year))
            peers = self.peers.text().replace(",", " ").split() if self.peers.isEnabled() else []
            sheet = replacement_sheet(deployment, peers=peers, peers_field=self.tr("Servers that trust it"))
        except CmsInputError as error:
            self.message.show_problems(
                [Problem(translated(error.where), Severity.ERROR, error.message), *self.pair_problems], with_field=True
            )
            self.sheet.clear()
            self.copy_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        if self.pair_problems:  # the MMP would take a leaf-only chain, or answer FAILURE: no commands to copy
            self.message.show_problems(self.pair_problems)
            self.sheet.clear()
            self.copy_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        self.message.show_problems([])
        self.state.sheet = sheet
        self.sheet_deployment = deployment
        self.sheet.setPlainText(sheet.text(translated))
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.kept = False  # other commands now: not copied or saved yet

    def _offer_peers(self, service: Service) -> None:
        """The servers that trust this certificate: asked only for a service other servers keep in a trust file."""
        kind = peer_trust_kind(service, CmsVersion(self.version.currentData()))
        self.peers.setEnabled(kind is not None)
        self.peers.setPlaceholderText(
            self.tr("none: no other server keeps this certificate in a trust file")
            if kind is None
            else self.tr("the Call Bridges (FQDN, space between): they trust every Web Bridge 3")
            if kind is TrustKind.WEBBRIDGE3
            else self.tr("the Web Bridge 3 servers (FQDN, space between): they trust every Call Bridge and Scheduler")
            if kind is TrustKind.C2W_CLIENTS
            else self.tr("the Web Bridge servers (FQDN, space between): they trust every Call Bridge")
        )

    def write_trust_files(self) -> bool:
        """The trust files the commands load, written beside the new certificate (said on the page); False
        and the reason on the page when they cannot be written."""
        sheet, deployment = self.state.sheet, self.sheet_deployment
        _key, certificate_path = self._paths()
        if sheet is None or deployment is None or not sheet.trust_files or certificate_path is None:
            return True
        folder = certificate_path.parent
        try:
            write_sheet_trust_files(deployment, sheet, folder)
        except CmsInputError as error:
            self.message.show_problems([Problem(error.where, Severity.ERROR, error.message)], with_field=True)
            return False
        self.trust_written.setText(
            self.tr("✓ {files} in {folder}: upload it to the servers that trust it").format(
                files=listed(t.name for t in sheet.trust_files),
                folder=str(folder),
            )
        )
        return True

    def _paths(self) -> tuple[Path | None, Path | None]:
        """The key and certificate files the fields name: in the renewal's folder, or where the new
        certificate was opened from."""
        folder, opened = self.state.folder, self.state.new_path
        key = self.key.text().strip()
        certificate = self.certificate.text().strip()
        certificate_path = (
            opened
            if opened is not None and certificate == opened.name
            else folder / certificate
            if certificate
            else None
        )
        return (folder / key if key else None), certificate_path

    def _pair_problems(self) -> list[PairProblem]:
        key_path, certificate_path = self._paths()
        if certificate_path is None:
            return []
        return pair_problems_at(Service(self.service.currentData()), key_path, certificate_path)

    def build_full_chain(self) -> None:
        """Build the full chain…: the chain builder, with the new certificate and its key loaded."""
        key_path, certificate_path = self._paths()
        if certificate_path is None:
            return
        self.host.flows.start_bundle_for_full_chain(certificate_path, key_path)
        self.host.go_to(PageId.CHAIN)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.sheet.toPlainText())
        self.kept = True
        self.write_trust_files()

    def _save_clicked(self) -> None:
        self.save_commands()

    def save_commands(self) -> Path | None:
        """Save the commands where the user says (the renewal's folder first); the page says where they went."""
        from cmswizard.pki.files import OutputFile, write_files

        start = self.state.folder / f"renew-{self.key.text().strip().removesuffix('.key') or 'commands'}.txt"
        target = dialogs.save_file_name(self, self.tr("Save the commands"), start, self.tr("Text files (*.txt)"))
        if target is None:
            return None
        try:
            write_files([OutputFile(target, self.sheet.toPlainText().encode(), replace=True)])
        except CmsInputError as error:
            self.message.show_problems([Problem("sheet", Severity.ERROR, error_text(error))])
            return None
        self.saved.setText(self.tr("✓ Saved to {path}").format(path=str(target)))
        self.kept = True
        self.write_trust_files()
        return target

    def unkept_commands(self) -> str:
        """Finish on the flow's last page (Apply on the server) offers to save these when neither copied nor saved."""
        return "" if self.kept else self.sheet.toPlainText()

    def validatePage(self) -> bool:
        """Next: the trust files the commands load are written (the commands travel with the flow)."""
        return self.write_trust_files()
