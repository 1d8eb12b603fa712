"""The CSR flow: deployment → subject → preview → generate (or run it on the CMS)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from cmswizard.cms.deployment import DeploymentOutline, ProposedCertificate, propose_certificates
from cmswizard.cms.mmp_syntax import mmp_key_note, render
from cmswizard.cms.plan import Plan
from cmswizard.cms.services import CmsVersion, Service, Topology, services_for
from cmswizard.gui import dialogs
from cmswizard.gui.flows import CsrFlowState, PageId
from cmswizard.gui.i18n import error_text, facts_text, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.widgets import BusyBar, CommandBox, CountryBox, FieldMessage, SanEditor
from cmswizard.pki.csr import CsrResult, generate_key_and_csr
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.inspect import Facts, describe_csr
from cmswizard.pki.loader import load_file
from cmswizard.pki.spec import CsrSpec, KeyType, Problem, Severity, SpecCheck, SubjectInput, check_subject


def _lines(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.replace(",", " ").split() if part)


class _CsrPage(WizardPage):
    @property
    def state(self) -> CsrFlowState:
        return self.host.flows.csr

    def flow_state(self) -> object:
        return self.state

    def has_unsaved_input(self) -> bool:
        return self.state.result is None and self.typed_something()

    def typed_something(self) -> bool:
        return False


class DeploymentPage(_CsrPage):
    """Version, topology, services and names → the certificates to make."""

    next_page = PageId.SUBJECT

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Your CMS deployment"))
        self.setSubTitle(self.tr("Tell the wizard about the servers; it proposes the certificates each service needs."))
        self.version = QComboBox(self)
        self.version.addItem(self.tr("CMS 3.x (Web Bridge 3)"), CmsVersion.V3.value)
        self.version.addItem(self.tr("CMS 2.9 (Web Bridge, Web Bridge 3, XMPP)"), CmsVersion.V2_9.value)
        self.version.addItem(self.tr("CMS 2.0–2.8 (Web Bridge, XMPP)"), CmsVersion.V2.value)
        self.version.setAccessibleName(self.tr("CMS version"))
        self.single = QRadioButton(self.tr("&Single combined server"), self)
        self.cluster = QRadioButton(self.tr("C&luster of combined servers"), self)
        self.edge = QRadioButton(self.tr("Core and &edge servers"), self)
        self.topology = QButtonGroup(self)
        for number, button in enumerate((self.single, self.cluster, self.edge)):
            self.topology.addButton(button, number)
        self.single.setChecked(True)
        self.services_box = QGroupBox(self.tr("Services to cover"), self)
        self.services_layout = QGridLayout(self.services_box)
        self.service_checks: dict[Service, QCheckBox] = {}
        self.nodes = QPlainTextEdit(self)
        self.nodes.setPlaceholderText(self.tr("cms1.example.com (one per line)"))
        self.nodes.setAccessibleName(self.tr("Server FQDNs"))
        self.nodes.setTabChangesFocus(True)
        self.nodes.setMaximumHeight(70)
        self.edges = QPlainTextEdit(self)
        self.edges.setPlaceholderText(self.tr("edge1.example.com (one per line)"))
        self.edges.setAccessibleName(self.tr("Edge server FQDNs"))
        self.edges.setTabChangesFocus(True)
        self.edges.setMaximumHeight(56)
        self.join_url = QLineEdit(self)
        self.join_url.setPlaceholderText(self.tr("join.example.com"))
        self.join_url.setAccessibleName(self.tr("Join URL host"))
        self.xmpp = QLineEdit(self)
        self.xmpp.setPlaceholderText(self.tr("example.com"))
        self.xmpp.setAccessibleName(self.tr("XMPP domain"))
        self.combined = QCheckBox(self.tr("One c&ombined certificate for every service"), self)
        self.message = FieldMessage(self)
        self.proposals = QTreeWidget(self)
        self.proposals.setHeaderLabels([self.tr("Basename"), self.tr("CN"), self.tr("SAN"), self.tr("For")])
        self.proposals.setRootIsDecorated(False)
        self.proposals.setAccessibleName(self.tr("Proposed certificates"))
        self.proposals.setMinimumHeight(120)
        # Every column whole, "For" (the services and the server) included: each sized to its text, the
        # subject alt names one per line (a cluster's list on one line pushed "For" off to "…").
        self.proposals.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.proposals.setAlternatingRowColors(True)  # where a row of several lines ends

        form = QFormLayout()
        form.addRow(self.tr("CMS &version:"), self.version)
        topology_row = QHBoxLayout()
        for button in (self.single, self.cluster, self.edge):
            topology_row.addWidget(button)
        topology_row.addStretch()
        form.addRow(self.tr("Topology:"), topology_row)
        form.addRow(self.services_box)
        form.addRow(self.tr("Se&rver FQDNs:"), self.nodes)
        self.edges_label = QLabel(self.tr("E&dge FQDNs:"), self)
        self.edges_label.setBuddy(self.edges)
        form.addRow(self.edges_label, self.edges)
        form.addRow(self.tr("&Join URL host:"), self.join_url)
        self.xmpp_label = QLabel(self.tr("&XMPP domain:"), self)
        self.xmpp_label.setBuddy(self.xmpp)
        form.addRow(self.xmpp_label, self.xmpp)
        form.addRow("", self.combined)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        proposals_label = QLabel(self.tr("&Certificates to make (choose the one to start with):"), self)
        proposals_label.setBuddy(self.proposals)
        layout.addWidget(proposals_label)
        layout.addWidget(self.proposals, 1)

        self.version.currentIndexChanged.connect(self._rebuild_services)
        self.topology.idToggled.connect(self._refresh)
        for edit in (self.nodes, self.edges):
            edit.textChanged.connect(self._refresh)
        for line in (self.join_url, self.xmpp):
            line.textChanged.connect(self._refresh)
        self.combined.toggled.connect(self._refresh)
        self.proposals.currentItemChanged.connect(self._choice_changed)
        self._found: list[ProposedCertificate] = []

    def _choice_changed(self) -> None:
        self.completeChanged.emit()

    def reset(self) -> None:
        self.single.setChecked(True)
        for edit in (self.nodes, self.edges):
            edit.clear()
        for line in (self.join_url, self.xmpp):
            line.clear()
        self.combined.setChecked(False)
        saved = self.host.settings.get("cms/version")
        self.version.setCurrentIndex(max(self.version.findData(saved), 0))
        for box in self.service_checks.values():
            box.setParent(None)
            box.deleteLater()
        self.service_checks = {}
        self._rebuild_services()
        given = self.state.deployment
        if given.nodes:  # an open plan file: start from its deployment
            self.version.setCurrentIndex(max(self.version.findData(given.version.value), 0))
            (self.single, self.cluster, self.edge)[list(Topology).index(given.topology)].setChecked(True)
            self.nodes.setPlainText("\n".join(given.nodes))
            self.edges.setPlainText("\n".join(given.edge_nodes))
            self.join_url.setText(given.join_url)
            self.xmpp.setText(given.xmpp_domain)
            for service, box in self.service_checks.items():
                box.setChecked(service in given.services)

    def typed_something(self) -> bool:
        return bool(self.nodes.toPlainText().strip() or self.join_url.text().strip())

    def enter(self) -> None:
        wanted = self.proposals.topLevelItem(self.state.current)
        if wanted is not None:  # coming back for the next certificate: keep the flow's place
            self.proposals.setCurrentItem(wanted)

    def _rebuild_services(self) -> None:
        version = CmsVersion(self.version.currentData())
        previous = {s for s, box in self.service_checks.items() if box.isChecked()}
        for box in self.service_checks.values():
            box.setParent(None)
            box.deleteLater()
        self.service_checks = {}
        defaults = {Service.WEBADMIN, Service.CALLBRIDGE, Service.WEBBRIDGE, Service.WEBBRIDGE3, Service.XMPP}
        for number, service in enumerate(s for s in services_for(version) if s not in (Service.DATABASE, Service.UCM)):
            box = QCheckBox(translated(service.label), self.services_box)
            box.setChecked(service in previous if previous else service in defaults)
            box.toggled.connect(self._refresh)
            self.services_layout.addWidget(box, number // 4, number % 4)
            self.service_checks[service] = box
        self.xmpp.setVisible(Service.XMPP in services_for(version))
        self.xmpp_label.setVisible(Service.XMPP in services_for(version))
        self._refresh()

    def deployment(self) -> DeploymentOutline:
        topology = (Topology.SINGLE, Topology.CLUSTER, Topology.EDGE)[max(self.topology.checkedId(), 0)]
        return DeploymentOutline(
            version=CmsVersion(self.version.currentData()),
            topology=topology,
            services=frozenset(s for s, box in self.service_checks.items() if box.isChecked()),
            nodes=_lines(self.nodes.toPlainText()),
            edge_nodes=_lines(self.edges.toPlainText()) if topology is Topology.EDGE else (),
            join_url=self.join_url.text(),
            xmpp_domain=self.xmpp.text() if self.xmpp.isVisible() else "",
            combined=self.combined.isChecked(),
        )

    def _refresh(self) -> None:
        is_edge = self.topology.checkedId() == 2
        self.edges.setVisible(is_edge)
        self.edges_label.setVisible(is_edge)
        self.proposals.clear()
        self._found = []
        deployment = self.deployment()
        if not deployment.nodes:
            self.message.show_problems([])
        else:
            try:
                self._found = _as_planned(propose_certificates(deployment), self.host.flows.plan)
            except CmsInputError as error:
                from cmswizard.pki.spec import Problem

                self.message.show_problems([Problem(error.where, Severity.ERROR, error_text(error))])
            else:
                self.message.show_problems([])
        for proposal in self._found:
            who = proposal.node or self.tr("all servers")
            item = QTreeWidgetItem(
                [
                    proposal.basename,
                    proposal.cn,
                    "\n".join(proposal.san),
                    f"{', '.join(translated(s.label) for s in proposal.services)} ({who})",
                ]
            )
            item.setToolTip(3, translated(proposal.why))
            for column in range(4):  # a row's first line beside its first name, not centred on its names
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.proposals.addTopLevelItem(item)
        first = self.proposals.topLevelItem(0)
        if first is not None:
            self.proposals.setCurrentItem(first)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self._found) and self.proposals.currentItem() is not None

    def validatePage(self) -> bool:
        state = self.state
        state.deployment = self.deployment()
        state.proposals = list(self._found)
        current = self.proposals.currentItem()
        state.current = self.proposals.indexOfTopLevelItem(current) if current is not None else 0
        self.host.settings.set("cms/version", state.deployment.version.value)
        return True


class SubjectPage(_CsrPage):
    """Every field of the request, checked by the engine as it is typed."""

    next_page = PageId.PREVIEW

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Subject of the certificate"))
        self.setSubTitle(self.tr("Fields are checked against the CMS rules as you type."))
        self.basename = QLineEdit(self)
        self.cn = QLineEdit(self)
        self.ou = QLineEdit(self)
        self.o = QLineEdit(self)
        self.locality = QLineEdit(self)
        self.st = QLineEdit(self)
        self.country = CountryBox(self)
        self.san = SanEditor(self)
        self.key_type = QComboBox(self)
        for key_type in KeyType:
            label = key_type.label + (self.tr(" (default)") if key_type is KeyType.RSA2048 else "")
            if key_type.is_ec:
                label += self.tr(" — check your CMS accepts ECDSA")
            self.key_type.addItem(label, key_type.value)
        self.messages = {
            name: FieldMessage(self, reserve_line=True)
            for name in ("basename", "CN", "OU", "O", "L", "ST", "C", "subjectAltName", "key type")
        }
        self.basename.setPlaceholderText(self.tr("e.g. callbridge-2026 (letters, digits, - and _)"))
        self.cn.setPlaceholderText(self.tr("fully qualified domain name, e.g. cms1.example.com"))
        self.locality.setPlaceholderText(self.tr("city, e.g. New Taipei"))
        self.st.setPlaceholderText(self.tr("state, province or county, e.g. Taipei City"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            (self.tr("Bas&ename:"), self.basename, "basename", self.tr("Basename")),
            (self.tr("&Common name (CN):"), self.cn, "CN", self.tr("Common name")),
            (self.tr("Organi&zational unit (OU):"), self.ou, "OU", self.tr("Organizational unit")),
            (self.tr("&Organization (O):"), self.o, "O", self.tr("Organization")),
            (self.tr("&Locality / city (L):"), self.locality, "L", self.tr("Locality or city")),
            (self.tr("&State / province (ST):"), self.st, "ST", self.tr("State or province")),
            (self.tr("Countr&y (C):"), self.country, "C", self.tr("Country")),
            (self.tr("Subject &alt names:"), self.san, "subjectAltName", self.tr("Subject alternative names")),
            (self.tr("&Key type:"), self.key_type, "key type", self.tr("Key type")),
        ]
        for label, widget, key, accessible in rows:
            widget.setAccessibleName(accessible)
            cell = QWidget(self)
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            stack.addWidget(widget)
            stack.addWidget(self.messages[key])
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            form.addRow(caption, cell)
        for line in (self.basename, self.cn, self.ou, self.o, self.locality, self.st):
            line.textChanged.connect(self._recheck)
        self.country.editTextChanged.connect(self._recheck)
        self.country.currentIndexChanged.connect(self._recheck)
        self.san.changed.connect(self._recheck)
        self.key_type.currentIndexChanged.connect(self._recheck)
        self.checked = SpecCheck(None)
        self._loaded: tuple[str, int] | None = None

    def reset(self) -> None:
        self._loaded = None

    def enter(self) -> None:
        state = self.state
        proposal = state.proposal
        key = (proposal.basename if proposal else "", state.current)
        if proposal is not None and key != self._loaded:
            self.load_proposal(proposal)
            self._loaded = key
        self._recheck()

    def typed_something(self) -> bool:
        return bool(self.cn.text().strip() or self.basename.text().strip())

    def load_proposal(self, proposal: ProposedCertificate) -> None:
        settings = self.host.settings
        plan = self.host.flows.plan
        # an open plan's subject defaults and key type come before the last ones typed
        planned = dict(plan.subject) if plan is not None else {}

        def default(field: str) -> str:
            return planned[field] if plan is not None and field in planned else str(settings.get(f"subject/{field}"))

        self.basename.setText(proposal.basename)
        self.cn.setText(proposal.cn)
        self.ou.setText(default("OU"))
        self.o.setText(default("O"))
        self.locality.setText(default("L"))
        self.st.setText(default("ST"))
        self.country.set_code(default("C"))
        self.san.set_entries(proposal.san)
        key_type = plan.key_type.value if plan is not None else settings.get("key/type")
        index = self.key_type.findData(key_type)
        self.key_type.setCurrentIndex(max(index, 0))

    def typed(self) -> SubjectInput:
        return SubjectInput(
            basename=self.basename.text(),
            cn=self.cn.text(),
            ou=self.ou.text(),
            o=self.o.text(),
            st=self.st.text(),
            c=self.country.code(),
            l=self.locality.text(),
            san=tuple(self.san.entries()),
            key_type=KeyType(self.key_type.currentData()),
        )

    def _recheck(self) -> None:
        self.checked = check_subject(self.typed())
        for name, label in self.messages.items():
            label.show_problems(self.checked.for_field(name))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.checked.spec is not None

    def validatePage(self) -> bool:
        if self.checked.spec is None:
            return False
        self.state.spec = self.checked.spec
        self.state.problems = self.checked.problems
        settings = self.host.settings
        spec = self.checked.spec
        settings.set("subject/O", spec.o or "")
        settings.set("subject/OU", spec.ou or "")
        settings.set("subject/L", spec.l or "")
        settings.set("subject/ST", spec.st or "")
        settings.set("subject/C", spec.c or "")
        settings.set("key/type", spec.key_type.value)
        return True


class PreviewPage(_CsrPage):
    """The exact `pki csr` line: the same spec object the engine will run."""

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("The command"))
        self.setSubTitle(self.tr("This is exactly what runs: type it on the CMS, or let the wizard run it here."))
        self.command = CommandBox(self)
        self.command.setAccessibleName(self.tr("pki csr command"))
        self.command.setMaximumHeight(90)
        self.copy_button = QPushButton(self.tr("&Copy command"), self)
        self.copy_button.clicked.connect(self._copy)
        self.notes = FieldMessage(self)
        self.here = QRadioButton(self.tr("Generate the key and CSR on &this computer"), self)
        self.on_cms = QRadioButton(self.tr("I will &run this command on the CMS (over SSH to the MMP)"), self)
        self.here.setChecked(True)
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Output folder"))
        self.browse = QPushButton(self.tr("Bro&wse…"), self)
        self.browse.clicked.connect(self._choose_folder)
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.command, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.notes)
        layout.addSpacing(8)
        layout.addWidget(self.here)
        folder_row = QHBoxLayout()
        folder_label = QLabel(self.tr("Save in &folder:"), self)
        folder_label.setBuddy(self.folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        layout.addLayout(folder_row)
        layout.addWidget(self.files_label)
        layout.addWidget(self.on_cms)
        layout.addStretch()
        self.here.toggled.connect(self._mode_changed)
        self.folder.textChanged.connect(self._update_files)

    def enter(self) -> None:
        spec = self.state.spec
        if spec is None:  # opened with no subject typed (tooling, a restart on it): say so, do not crash
            self.command.clear()
            self.notes.show_problems([])
            self.files_label.setText(self.tr("No request yet: go back and fill in the subject first."))
            self.completeChanged.emit()
            return
        self.command.setPlainText(render(spec))
        shown = [p for p in self.state.problems if p.severity is not Severity.ERROR]
        key_note = mmp_key_note(spec.key_type)  # the MMP line cannot choose the key type
        if key_note is not None:
            shown.append(Problem("key type", Severity.NOTE, key_note))
        self.notes.show_problems(shown, with_field=True)
        self.folder.setText(str(self.state.folder))
        self._mode_changed()

    def shown_command(self) -> str:
        return self.command.toPlainText()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.shown_command())
        self.copy_button.setText(self.tr("Copied ✓"))

    def _choose_folder(self) -> None:
        chosen = dialogs.existing_folder(self, self.tr("Folder for the key and CSR"), self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _mode_changed(self) -> None:
        here = self.here.isChecked()
        for widget in (self.folder, self.browse, self.files_label):
            widget.setEnabled(here)
        # Only writing the key is a point of no return; the command for the CMS keeps Back.
        self.setCommitPage(here)
        self.setButtonText(
            QWizard.WizardButton.CommitButton,
            self.tr("&Generate key and CSR") if here else self.tr("&Next"),
        )
        self._update_files()

    def _update_files(self) -> None:
        spec = self.state.spec
        if spec is None:
            return
        folder = Path(self.folder.text().strip() or ".")
        key = folder / f"{spec.basename}.key"
        text = self.tr("Writes {key} (private key, readable only by you) and {csr}.").format(
            key=key, csr=folder / f"{spec.basename}.csr"
        )
        if key.exists():
            text += " " + self.tr("⚠ {key} already exists.").format(key=key.name)
        self.files_label.setText(text)

    def isComplete(self) -> bool:
        return self.state.spec is not None

    def nextId(self) -> int:
        return int(PageId.GENERATE if self.here.isChecked() else PageId.ON_CMS)

    def validatePage(self) -> bool:
        state = self.state
        state.generate_here = self.here.isChecked()
        state.overwrite_key = False
        if not state.generate_here:
            return True
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir():
            dialogs.show_problem(
                self,
                self.tr("Folder not found"),
                self.tr("The folder {folder} does not exist. Choose another folder.").format(folder=folder),
            )
            return False
        assert state.spec is not None
        key = folder / f"{state.spec.basename}.key"
        if key.exists():
            if not dialogs.confirm_risky(
                self,
                self.tr("Replace the existing key?"),
                self.tr(
                    "{key} already exists.\n\nIf a CMS service uses a key of this name, replacing it breaks "
                    "that service at once. Renewing in production? Go back and choose a new basename.\n\n"
                    "Replace the key anyway?"
                ).format(key=key),
            ):
                return False
            state.overwrite_key = True
        state.folder = folder
        self.host.settings.set("output/folder", str(folder))
        return True


def _generate_and_read_back(spec: CsrSpec, folder: Path, force: bool) -> tuple[CsrResult, Facts]:
    """On a worker: make the key and CSR, then read the CSR back from disk (what the page shows)."""
    result = generate_key_and_csr(spec, folder, force=force)
    return result, describe_csr(load_file(result.csr_path).csrs[0], str(result.csr_path))


class GeneratePage(_CsrPage):
    """Key generation in the background, then what was written and what to do next."""

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Key and CSR"))
        self.setSubTitle(self.tr("The key is made on this computer and never sent anywhere."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = BusyBar(self)
        self.files = QLabel(self)
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("&Open folder"), self)
        self.open_folder.clicked.connect(self._open_folder)
        self.details = CommandBox(self)
        self.details.setAccessibleName(self.tr("CSR read back from disk"))
        self.next_steps = QLabel(self)
        self.next_steps.setWordWrap(True)
        self.another = QPushButton(self.tr("Make the ne&xt certificate"), self)
        self.another.clicked.connect(self._make_next)
        self.to_bundle = QPushButton(self.tr("B&uild the bundle (when the certificate is back)"), self)
        self.to_bundle.clicked.connect(self._build_bundle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.next_steps)
        buttons = QHBoxLayout()  # both always there, in the same place: nothing moves under the next click
        buttons.addWidget(self.to_bundle)
        buttons.addWidget(self.another)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.running = False
        self.error: str | None = None

    def enter(self) -> None:
        state = self.state
        spec, folder, force = state.spec, state.folder, state.overwrite_key
        state.result = None
        if spec is None:  # opened with no subject typed (tooling, a restart on it): nothing to make
            self.running = False
            self.progress.hide()
            for widget in (self.files, self.open_folder, self.details, self.next_steps, self.another, self.to_bundle):
                widget.hide()
            self.status.setText(self.tr("No request yet: go back and fill in the subject first."))
            self.completeChanged.emit()
            return
        self.error = None
        self.running = True
        self.status.setText(
            self.tr("Generating a {key} key and the request… this can take a few seconds.").format(
                key=spec.key_type.label
            )
        )
        self.progress.show()
        for widget in (self.files, self.open_folder, self.details, self.next_steps, self.another, self.to_bundle):
            widget.hide()
        self.completeChanged.emit()
        self.host.tasks.run(
            self, lambda: _generate_and_read_back(spec, folder, force), self._generated, self._failed, writes=True
        )

    def _generated(self, outcome: tuple[CsrResult, Facts]) -> None:
        self._done(*outcome)

    def _done(self, result: CsrResult, facts: Facts) -> None:
        self.running = False
        state = self.state
        state.result = result
        state.made.add(state.current)
        self.progress.hide()
        self.status.setText(self.tr("✓ Done: both files are written and read back."))
        self.files.setText(
            self.tr("Private key: {key}\nRequest: {csr}").format(key=result.key_path, csr=result.csr_path)
        )
        self.details.setPlainText(facts_text(facts))
        self.next_steps.setText(
            self.tr(
                "Next: send {csr} to your certificate authority. With a Microsoft CA, ask for a template that "
                "allows both server and client authentication. When the certificate comes back, build the bundle "
                "and copy the files to the CMS."
            ).format(csr=result.csr_path.name)
        )
        upcoming = state.next_to_make()
        self.another.setEnabled(upcoming is not None)
        self.another.setToolTip(
            self.tr("Next: {name}").format(name=state.proposals[upcoming].basename)
            if upcoming is not None
            else self.tr("Every proposed certificate is made.")
        )
        for widget in (self.files, self.open_folder, self.details, self.next_steps, self.to_bundle, self.another):
            widget.show()
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.error = str(error)
        self.progress.hide()
        message = (
            error_text(error) if isinstance(error, CmsInputError) else self.tr("Unexpected error: {e}").format(e=error)
        )
        self.status.setText(self.tr("✗ Nothing was written. {message}").format(message=message))
        self.completeChanged.emit()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.state.folder)))

    def _make_next(self) -> None:
        upcoming = self.state.next_to_make()
        if upcoming is None:
            return
        self.state.current = upcoming
        self.state.result = None
        self.host.go_to(PageId.SUBJECT)

    def _build_bundle(self) -> None:
        result, spec = self.state.result, self.state.spec
        assert result is not None and spec is not None
        self.host.flows.start_bundle_with_key(result.key_path, spec.basename)
        self.host.go_to(PageId.CHAIN)

    def isComplete(self) -> bool:
        return not self.running and self.state.result is not None


class OnCmsPage(_CsrPage):
    """For admins who make the key on the CMS itself: the command and the steps around it."""

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Run it on the CMS"))
        self.setSubTitle(
            self.tr("Nothing is written on this computer: the key is made on the CMS and never leaves it.")
        )
        self.command = CommandBox(self)
        self.command.setMaximumHeight(80)
        self.copy_button = QPushButton(self.tr("&Copy command"), self)
        self.copy_button.clicked.connect(self._copy)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.command, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.steps)
        layout.addStretch()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command.toPlainText())

    def enter(self) -> None:
        spec = self.state.spec
        self.copy_button.setEnabled(spec is not None)
        if spec is None:  # e.g. opened by F1 tooling or a restart with no subject typed: say so, do not crash
            self.command.clear()
            self.steps.setText(self.tr("No request yet: go back and fill in the subject first."))
            return
        self.command.setPlainText(render(spec))
        self.steps.setText(
            self.tr(
                "<ol>"
                "<li>Connect to the CMS MMP with SSH (e.g. PuTTY) and log in as an administrator.</li>"
                "<li>Type <tt>pki list</tt> first: if <tt>{name}.key</tt> is listed and in use, choose a new basename "
                "— reusing the name of a key that a CMS service is using breaks that service at once.</li>"
                "<li>Paste the command above and press Enter.</li>"
                "<li>Download <tt>{name}.csr</tt> with SFTP and send it to your certificate authority.</li>"
                "</ol>"
            ).format(name=spec.basename)
        )


def _as_planned(found: list[ProposedCertificate], plan: Plan | None) -> list[ProposedCertificate]:
    """With a plan open, a proposal the plan also has takes the plan's basename, CN and SAN (a renewal
    plan names next year's files; the proposal would name this year's)."""
    if plan is None:
        return found
    planned = {(frozenset(c.services), c.node): c for c in plan.certificates}
    result = []
    for proposal in found:
        certificate = planned.get((frozenset(proposal.services), proposal.node))
        if certificate is not None:
            proposal = replace(proposal, basename=certificate.basename, cn=certificate.cn, san=certificate.san)
        result.append(proposal)
    return result
