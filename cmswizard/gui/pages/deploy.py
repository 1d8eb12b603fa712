"""Deployment commands and export to a USB stick: the last step of the admin's day."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cmswizard.catalogue import SHEET_LANGUAGES, translator
from cmswizard.cms.dbcluster import DbCluster, DbFiles, default_ca_domain, make_db_cluster
from cmswizard.cms.deployment import build_deployment
from cmswizard.cms.file_pairs import PairFault, PairProblem
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import (
    Deployment,
    DeploymentSheet,
    Listen,
    ServiceFiles,
    TrustKind,
    build_sheet,
)
from cmswizard.cms.trust import callbridge_cn, check_sheet_files, trust_file_bytes
from cmswizard.export.copy import ExportItem
from cmswizard.export.readme import COMMANDS_NAME
from cmswizard.gui import dialogs
from cmswizard.gui.deploy_fields import file_name_box, port_box
from cmswizard.gui.deploy_rows import ServiceFilesView, ServiceRows, fill_file_box, names
from cmswizard.gui.deploy_split import TableAndPreview
from cmswizard.gui.flows import DeployFlowState, PageId
from cmswizard.gui.i18n import LANGUAGES, current_language, error_text, translated
from cmswizard.gui.models.folder_files import FolderFiles, scan_folder
from cmswizard.gui.models.service_files import ServiceFilesModel
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.tasks import Task
from cmswizard.gui.widgets import CommandBox, FieldMessage
from cmswizard.pki.errors import CmsInputError, Text
from cmswizard.pki.profiles import TrustContent
from cmswizard.pki.spec import Problem, Severity

if TYPE_CHECKING:
    from cmswizard.cms.plan import Plan

SCAN_DELAY_MS = 250  # typing pauses this long before the folder is read


class _NothingChosen(Exception):
    """No service row and no database cluster yet: what to do, said as such."""


class _DeployPage(WizardPage):
    @property
    def state(self) -> DeployFlowState:
        return self.host.flows.deploy

    def flow_state(self) -> object:
        return self.state


class DeploySheetPage(_DeployPage, ServiceRows, TableAndPreview):
    """From version, topology and the files per service to the ordered MMP commands per node."""

    scanned = Signal()  # a typed folder was read and the table follows it

    next_page = PageId.UPLOAD

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Commands for the CMS"))
        self.setSubTitle(
            self.tr("Say which file each service uses; the wizard writes the exact MMP commands, node by node.")
        )
        # Created in the order Tab visits them (Qt's focus chain follows creation), laid out afterwards.
        self._make_server_fields()
        self._make_files_table()
        self._make_db_fields()
        port_row = self._make_trust_and_ports()
        self._make_advanced()
        self._make_sheet_area()
        self._name_fields()
        form = self._lay_out_form(port_row)
        db_grid = self._lay_out_db_grid()
        buttons = self._lay_out_buttons()
        self._lay_out_splitter(db_grid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self._connect_fields()
        self.sheet: DeploymentSheet | None = None
        self.sheet_deployment: Deployment | None = None
        # Why the fields make no Deployment (a server named twice…): still input to save or to lose
        self.refused: CmsInputError | None = None
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self.keys: list[str] = []
        self.certificates: list[str] = []
        self.saved_text = ""  # the sheet as last saved: Finish does not ask about it
        self.entered = False  # enter() fills the folder before the table: no suggestions from that
        self._scan: Task | None = None  # the folder scan under way, cancelled by the next keystroke
        self._scan_timer = QTimer(self)  # typing pauses this long before the folder is read
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(SCAN_DELAY_MS)
        self._scan_timer.timeout.connect(self._scan_typed_folder)

    # --- building the page ----------------------------------------------------------------------
    def _make_server_fields(self) -> None:
        """Version, topology, the core and edge servers, the folder with the files."""
        self.version = QComboBox(self)
        for version in (CmsVersion.V3, CmsVersion.V2_9, CmsVersion.V2):
            self.version.addItem(translated(version.choice_label), version.value)
        self.single = QRadioButton(self.tr("Single"), self)
        self.cluster = QRadioButton(self.tr("Cluster"), self)
        self.edge = QRadioButton(self.tr("Core + edge"), self)
        self.topology = QButtonGroup(self)
        for number, button in enumerate((self.single, self.cluster, self.edge)):
            self.topology.addButton(button, number)
        self.single.setChecked(True)
        self.nodes = QLineEdit(self)
        self.nodes.setPlaceholderText(self.tr("cms1.example.com cms2.example.com"))
        self.edges = QLineEdit(self)
        self.edges.setPlaceholderText(self.tr("edge1.example.com"))
        self.folder = QLineEdit(self)
        self.browse = QPushButton(self.tr("Bro&wse…"), self)

    def _make_files_table(self) -> None:
        self.rows = ServiceFilesModel(
            [
                self.tr("Service"),
                self.tr("Node"),
                self.tr("Key"),
                self.tr("Certificate / full chain"),
                self.tr("CA bundle"),
            ],
            self,
        )
        self.rows.set_version(CmsVersion(self.version.currentData()))
        self.table = ServiceFilesView(self)
        self.table.setModel(self.rows)
        # Whole file names: webadmin-cms1-2026.key and webadmin-cms2-2026.key must never look alike.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Files per service"))
        self.add_row = QPushButton(self.tr("&Add row"), self)
        self.remove_row = QPushButton(self.tr("Re&move row"), self)

    def _make_db_fields(self) -> None:
        self.db = QCheckBox(self.tr("&Database cluster"), self)
        self.db_primary = QLineEdit(self)
        self.db_primary.setPlaceholderText(self.tr("primary FQDN"))
        self.db_join = QLineEdit(self)
        self.db_join.setPlaceholderText(self.tr("joining cores"))
        self.db_connect = QLineEdit(self)
        self.db_connect.setPlaceholderText(self.tr("connect-only cores"))
        self.db_renewal = QCheckBox(self.tr("Renewa&l"), self)
        # The five DB files: dbserver/dbclient/dbca from the on-box recipe, or a set the enterprise CA signed.
        self.db_enterprise = QCheckBox(self.tr("Si&gned by the enterprise CA"), self)
        self.db_files: dict[str, QComboBox] = {}
        db_defaults = DbFiles()
        for name, accessible in (
            ("server_key", self.tr("Database server key")),
            ("server_certificate", self.tr("Database server certificate")),
            ("client_key", self.tr("Database client key")),
            ("client_certificate", self.tr("Database client certificate")),
            ("ca", self.tr("Database CA certificate")),
        ):
            self.db_files[name] = file_name_box(self, accessible, getattr(db_defaults, name))

    def _make_trust_and_ports(self) -> QGridLayout:
        """The peer trust files, SIP TLS trust and the four ports most sites look at; returns the ports' row."""
        self.trust_content = QComboBox(self)
        for content in TrustContent:
            self.trust_content.addItem(translated(content.label), content.value)
        self.trust_content.setAccessibleName(self.tr("What the peer trust files hold"))
        self.sip_trust = QComboBox(self)  # tls sip trust <CA bundle> (SIP mutual TLS), or none
        self.sip_trust.setAccessibleName(self.tr("CA bundle for SIP TLS trust"))
        defaults = Listen()
        self.ports: dict[str, QSpinBox] = {}
        port_row = QGridLayout()
        for number, (name, caption, accessible) in enumerate(
            (
                ("webbridge3_port", self.tr("Web Bridge 3 HTTPS"), self.tr("Web Bridge 3 HTTPS port")),
                ("c2w_port", self.tr("C2W"), self.tr("C2W port")),
                ("turn_tls_port", self.tr("TURN TLS"), self.tr("TURN TLS port")),
                (
                    "webadmin_port_beside_web_bridge",
                    self.tr("Web Admin"),
                    self.tr("Web Admin port beside a web bridge"),
                ),
            )
        ):
            spin = port_box(self, getattr(defaults, name), accessible)
            spin.valueChanged.connect(self.refresh)
            self.ports[name] = spin
            # one row: at 960×720 every line of height is a line of the command preview
            port_row.addWidget(QLabel(caption, self), 0, number * 2)
            port_row.addWidget(spin, 0, number * 2 + 1)
        port_row.setColumnStretch(8, 1)
        return port_row

    def _make_advanced(self) -> None:
        """Site choices most deployments keep (§5): behind one button so the page stays compact."""
        self.advanced_button = QPushButton(self.tr("Ad&vanced: ports and names"), self)
        self.advanced_button.setCheckable(True)
        self.advanced = QWidget(self)
        self.advanced.setVisible(False)
        defaults = Listen()
        self.interface = QLineEdit(defaults.interface, self.advanced)
        self.interface.setAccessibleName(self.tr("MMP interface to listen on"))
        self.interface.setMaximumWidth(60)
        for name, caption in (
            ("webadmin_port", self.tr("Web Admin port on a box without a web bridge")),
            ("webbridge_port", self.tr("Web Bridge 2 HTTPS port")),
        ):
            self.ports[name] = port_box(self.advanced, getattr(defaults, name), caption)
            self.ports[name].valueChanged.connect(self.refresh)
        self.trust_names: dict[TrustKind, QLineEdit] = {}
        for kind in TrustKind:
            line = QLineEdit(self.advanced)
            line.setPlaceholderText(kind.default_name)  # a file name: data, never translated
            line.setAccessibleName(self.tr("Trust file name: {peers}").format(peers=translated(kind.label)))
            line.setToolTip(line.accessibleName())
            self.trust_names[kind] = line
        self.backup_name = QLineEdit(self.advanced)
        self.backup_name.setPlaceholderText(BACKUP_NAME)
        self.backup_name.setAccessibleName(self.tr("Name of the backup snapshot"))
        advanced_form = QGridLayout(self.advanced)
        advanced_form.setContentsMargins(0, 0, 0, 0)
        advanced_form.addWidget(QLabel(self.tr("Interface"), self.advanced), 0, 0)
        advanced_form.addWidget(self.interface, 0, 1)
        advanced_form.addWidget(QLabel(self.tr("Web Admin alone"), self.advanced), 0, 2)
        advanced_form.addWidget(self.ports["webadmin_port"], 0, 3)
        advanced_form.addWidget(QLabel(self.tr("Web Bridge 2"), self.advanced), 0, 4)
        advanced_form.addWidget(self.ports["webbridge_port"], 0, 5)
        advanced_form.addWidget(QLabel(self.tr("Backup"), self.advanced), 0, 6)
        advanced_form.addWidget(self.backup_name, 0, 7)
        advanced_form.addWidget(QLabel(self.tr("Trust files"), self.advanced), 1, 0)
        trust_row_names = QHBoxLayout()
        for line in self.trust_names.values():
            trust_row_names.addWidget(line, 1)
        advanced_form.addLayout(trust_row_names, 1, 1, 1, 7)

    def _make_sheet_area(self) -> None:
        """The message, the commands per node and what to do with them."""
        self.message = FieldMessage(self)
        # A leaf-only file where a full chain is needed: one click into the chain builder with it loaded.
        self.full_chain_button = QPushButton(self.tr("Build the full chain…"), self)
        self.full_chain_button.hide()
        self.sheet_box = CommandBox(self)
        self.sheet_box.setAccessibleName(self.tr("Deployment commands"))
        self.node_tabs = QTabWidget(self)  # "All nodes", then one tab per node to copy and paste on its MMP
        self.node_tabs.addTab(self.sheet_box, self.tr("All nodes"))
        self.copy_button = QPushButton(self.tr("&Copy this tab"), self)
        self.save_button = QPushButton(self.tr("&Save as cms-commands.txt"), self)
        self.sheet_language = QComboBox(self)  # the # lines only: commands and file names stay as typed
        for code in SHEET_LANGUAGES:
            self.sheet_language.addItem(LANGUAGES[code], code)
        self.sheet_language.setCurrentIndex(max(self.sheet_language.findData(current_language()), 0))
        self.sheet_language.setAccessibleName(self.tr("Language of the explanations"))
        self.save_plan_button = QPushButton(self.tr("Save &plan…"), self)
        self.save_plan_button.setToolTip(
            self.tr("Save this deployment as a plan file to open again or renew next year")
        )

    def _name_fields(self) -> None:
        for widget, name in (
            (self.nodes, self.tr("Core server FQDNs")),
            (self.edges, self.tr("Edge server FQDNs")),
            (self.folder, self.tr("Folder with the files")),
            (self.db_primary, self.tr("Database primary")),
            (self.db_join, self.tr("Joining cores")),
            (self.db_connect, self.tr("Connect-only cores")),
        ):
            widget.setAccessibleName(name)

    def _lay_out_form(self, port_row: QGridLayout) -> QFormLayout:
        """Above the table: version and topology, servers, trust, ports, the advanced part, the folder."""
        form = QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.version)
        for button in (self.single, self.cluster, self.edge):
            top.addWidget(button)
        top.addStretch()
        form.addRow(self.tr("CMS:"), top)
        form.addRow(self.tr("C&ore servers:"), self.nodes)
        form.addRow(self.tr("&Edge servers:"), self.edges)
        trust_label = QLabel(self.tr("Peer &trust files hold:"), self)
        trust_label.setBuddy(self.trust_content)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_content)
        sip_label = QLabel(self.tr("S&IP TLS trust:"), self)
        sip_label.setBuddy(self.sip_trust)
        trust_row.addWidget(sip_label)
        trust_row.addWidget(self.sip_trust, 1)
        trust_row.addWidget(self.advanced_button)  # here, so the four ports fit on one row even at 820 wide
        form.addRow(trust_label, trust_row)
        form.addRow(self.tr("Ports:"), port_row)
        form.addRow(self.advanced)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        folder_label = QLabel(self.tr("&Files in:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        return form

    def _lay_out_db_grid(self) -> QGridLayout:
        """The database cluster: every field with its label, the check boxes with their whole text."""
        self.db_labels: list[QLabel] = []
        db_grid = QGridLayout()
        for row, column, text, buddy in (
            (0, 1, self.tr("P&rimary core:"), self.db_primary),
            (0, 3, self.tr("Other cl&uster cores:"), self.db_join),
            (1, 1, self.tr("Cores that onl&y connect:"), self.db_connect),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            self.db_labels.append(label)
            db_grid.addWidget(label, row, column)
            db_grid.addWidget(buddy, row, column + 1)
        db_grid.addWidget(self.db, 0, 0)
        db_grid.addWidget(self.db_renewal, 1, 0)
        db_grid.addWidget(self.db_enterprise, 1, 3, 1, 2)
        db_files_label = QLabel(self.tr("Database files:"), self)
        self.db_labels.append(db_files_label)
        db_grid.addWidget(db_files_label, 2, 0)
        db_files_row = QHBoxLayout()
        for combo in self.db_files.values():
            db_files_row.addWidget(combo, 1)
        db_grid.addLayout(db_files_row, 2, 1, 1, 4)
        # the primary and connect-only fields as wide as the other cores' (they were a third of the row)
        db_grid.setColumnStretch(2, 3)
        db_grid.setColumnStretch(4, 5)  # two or more FQDNs usually join
        # shown with the cluster ticked only: at 960×720 their three rows are lines of the command preview
        self.db_details: list[QWidget] = [
            *self.db_labels,
            self.db_primary,
            self.db_join,
            self.db_connect,
            self.db_renewal,
            self.db_enterprise,
            *self.db_files.values(),
        ]
        return db_grid

    def _lay_out_buttons(self) -> QHBoxLayout:
        """Below the preview: copy, save, save plan, and the language of the explanations."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_plan_button)
        buttons.addStretch()
        language_label = QLabel(self.tr("E&xplanations in:"), self)
        language_label.setBuddy(self.sheet_language)
        buttons.addWidget(language_label)
        buttons.addWidget(self.sheet_language)
        return buttons

    def _connect_fields(self) -> None:
        """Every change to a field rebuilds the sheet; the buttons do what they say."""
        self.version.currentIndexChanged.connect(self._version_changed)
        self.topology.idToggled.connect(self.refresh)
        self.table.edited.connect(self.refresh)
        for line in (self.nodes, self.edges):
            line.textChanged.connect(self._servers_changed)
        for line in (self.db_primary, self.db_join, self.db_connect):
            line.textChanged.connect(self.refresh)
        self.trust_content.currentIndexChanged.connect(self.refresh)
        self.sip_trust.currentIndexChanged.connect(self.refresh)
        self.advanced_button.toggled.connect(self.advanced.setVisible)
        for line in (self.interface, self.backup_name, *self.trust_names.values()):
            line.textChanged.connect(self.refresh)
        self.folder.textChanged.connect(self._folder_edited)
        for combo in self.db_files.values():
            combo.currentTextChanged.connect(self.refresh)
        for box in (self.db, self.db_renewal, self.db_enterprise):
            box.toggled.connect(self.refresh)
        self.browse.clicked.connect(self._choose_folder)
        self.add_row.clicked.connect(self._add_row)
        self.remove_row.clicked.connect(self._remove_row)
        self.copy_button.clicked.connect(self.copy_current_tab)
        self.save_button.clicked.connect(self._save_clicked)
        self.sheet_language.currentIndexChanged.connect(self.refresh)
        self.save_plan_button.clicked.connect(self._save_plan_clicked)
        self.full_chain_button.clicked.connect(self.build_full_chain)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_split:
            self._share_height()

    def reset(self) -> None:
        self.entered = False  # clearing the folder below must not suggest rows from the working directory
        for line in (self.folder, self.nodes, self.edges, self.db_primary, self.db_join, self.db_connect):
            line.clear()
        self.db.setChecked(False)
        self.db_enterprise.setChecked(False)
        for name, combo in self.db_files.items():
            combo.setCurrentText(getattr(DbFiles(), name))
        self.rows.clear()
        self._scan_timer.stop()
        if self._scan is not None:
            self._scan.cancel()
            self._scan = None

    def _add_row(self) -> None:
        self.add_service_row()

    def _save_clicked(self) -> None:
        self.save_sheet()

    def _save_plan_clicked(self) -> None:
        self.save_plan()

    def can_save_plan(self) -> bool:
        return self.sheet_deployment is not None or self.refused is not None

    def plan_to_save(self) -> Plan | None:
        """What this page shows as a plan (the sheet `plan apply` makes from it is this one); None
        before the sheet is built. CmsInputError if the page's input makes no valid plan."""
        if self.refused is not None:
            raise self.refused
        if self.sheet_deployment is None:
            return None
        from cmswizard.cms.plan_making import plan_from_sheet
        from cmswizard.pki.spec import KeyType

        state = self.state
        opened = state.plan
        settings = self.host.settings
        return plan_from_sheet(
            self.sheet_deployment,
            join_url=opened.join_url if opened else state.deployment.join_url if state.deployment else "",
            xmpp_domain=opened.xmpp_domain if opened else state.deployment.xmpp_domain if state.deployment else "",
            key_type=opened.key_type if opened else KeyType(settings.get("key/type")),
            subject=opened.subject
            if opened
            else [(k, settings.get(f"subject/{k}")) for k in ("O", "OU", "L", "ST", "C")],
            certificates=opened.certificates if opened else (),
            nodes=[*(opened.nodes if opened else ()), *state.ssh_nodes.values()],  # the upload page's last
            sheet_language=self.sheet_language.currentData() or "en",
            issuers=opened.issuers if opened else (),  # who signs what (plan schema 2) is kept
            renewal=opened.renewal if opened else None,
        )

    def save_plan(self) -> Path | None:
        """Save plan…: write what this page shows as a plan file, asking where."""
        try:
            plan = self.plan_to_save()
            if plan is None:
                return None
            start = Path(self.folder.text().strip() or ".") / "cms-plan.toml"
            target = self.host.plans.save(self, plan, ask=True, start=start)
        except CmsInputError as error:
            self.message.show_problems([Problem("plan", Severity.ERROR, error_text(error))])
            return None
        if target is not None:
            self.save_plan_button.setText(self.tr("Plan saved ✓ {name}").format(name=target.name))
        return target

    def enter(self) -> None:
        state = self.state
        if not self.folder.text():
            self.folder.setText(str(state.folder))
            self._scan_timer.stop()  # filled here, not typed: read at once, below
            self._folder_changed()
        deployment = state.deployment
        if not self.nodes.text() and deployment is not None and deployment.nodes:
            self.nodes.setText(" ".join(deployment.nodes))
            self.edges.setText(" ".join(deployment.edge_nodes))
            self.version.setCurrentIndex(max(self.version.findData(deployment.version.value), 0))
            (self.single, self.cluster, self.edge)[list(Topology).index(deployment.topology)].setChecked(True)
        if state.db_plan is not None and not self.db_primary.text():
            plan = state.db_plan
            self.db.setChecked(True)
            self.db_primary.setText(plan.primary)
            self.db_join.setText(" ".join(plan.joining))
            self.db_connect.setText(" ".join(plan.connecting))
            self.db_enterprise.setChecked(plan.enterprise_ca)
            for name, combo in self.db_files.items():
                combo.setCurrentText(getattr(plan.files, name))
        opened = state.plan
        if opened is not None and self.rows.rowCount() == 0:
            self.db_renewal.setChecked(bool(opened.database and opened.database.renewal))
            self.trust_content.setCurrentIndex(max(self.trust_content.findData(opened.trust_content.value), 0))
            self.sheet_language.setCurrentIndex(max(self.sheet_language.findData(opened.sheet_language), 0))
            base = opened.deployment()  # ports and names the plan chose, shown so they can be changed
            self.interface.setText(base.listen.interface)
            for name, spin in self.ports.items():
                spin.setValue(getattr(base.listen, name))
            for kind, line in self.trust_names.items():
                chosen = base.trust_name(kind)
                line.setText("" if chosen == kind.default_name else chosen)
            self.backup_name.setText("" if base.backup_name == BACKUP_NAME else base.backup_name)
            fill_file_box(self.sip_trust, self.certificates, opened.sip_trust)
            self._folder_changed()
            for files in opened.services:
                self.add_service_row(files.service, files.key, files.certificate, files.bundle or "", files.node)
        if self.rows.rowCount() == 0:
            self._suggest_rows()
        self.entered = True
        self.refresh()

    # --- the table ----------------------------------------------------------------------------
    def _choose_folder(self) -> None:
        chosen = dialogs.existing_folder(self, self.tr("Folder with the files"), self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _folder_edited(self) -> None:
        """Typing in the folder field: one scan once the typing pauses, on the task runner."""
        if self._scan is not None:
            self._scan.cancel()  # the folder it reads is no longer the one typed
            self._scan = None
        self._scan_timer.start()

    def _scan_typed_folder(self) -> None:
        folder = self._folder_path()
        self._scan = self.host.tasks.run_cancellable(
            self, lambda token: scan_folder(folder, token.check), self._typed_folder_scanned
        )

    def _typed_folder_scanned(self, found: FolderFiles) -> None:
        """Another folder: its files, and its suggestions in place of the rows the user has not touched."""
        self._scan = None
        if found.folder != self._folder_path():
            return  # typed over while it was read: the newer scan is on its way
        self._apply_scan(found)
        if self.entered:
            self.rows.remove_untouched_suggestions()
            self._suggest_rows(rescan=False)
            self.refresh()
        self.scanned.emit()

    def _folder_path(self) -> Path:
        return Path(self.folder.text().strip() or ".")

    def _folder_changed(self) -> None:
        """The folder's files, read now (entering the page, opening a plan): once, not per keystroke."""
        self._apply_scan(scan_folder(self._folder_path()))

    def _apply_scan(self, found: FolderFiles) -> None:
        self.files, self.keys, self.certificates = list(found.files), list(found.keys), list(found.certificates)
        self.rows.set_files(self.keys, self.certificates)
        fill_file_box(self.sip_trust, self.certificates, self.sip_trust.currentText())
        for name, combo in self.db_files.items():
            fill_file_box(combo, self.keys if name.endswith("key") else self.certificates, combo.currentText())
        self.refresh()

    def _version_changed(self) -> None:
        # A version without Web Bridge 3 (2.0-2.8) has no such ports: their fields go grey, not silent
        has_webbridge3 = Service.WEBBRIDGE3 in services_for(CmsVersion(self.version.currentData()))
        for name in ("webbridge3_port", "c2w_port"):
            self.ports[name].setEnabled(has_webbridge3)
        self.rows.set_version(CmsVersion(self.version.currentData()))
        self.refresh()

    def db_plan(self) -> DbCluster | None:
        if not self.db.isChecked() or not self.db_primary.text().strip():
            return None
        primary = self.db_primary.text().strip()
        files = DbFiles(**{name: combo.currentText().strip() for name, combo in self.db_files.items()})
        return make_db_cluster(
            default_ca_domain(primary),
            primary,
            names(self.db_join.text()),
            names(self.db_connect.text()),
            files=files,
            enterprise_ca=self.db_enterprise.isChecked(),
        )

    def refresh(self) -> None:
        is_edge = self.edge.isChecked()
        self.edges.setEnabled(is_edge)
        for widget in (self.db_primary, self.db_join, self.db_connect, self.db_renewal, self.db_enterprise):
            widget.setEnabled(self.db.isChecked())
        for combo in self.db_files.values():
            combo.setEnabled(self.db.isChecked())
        self.sheet = None
        self.sheet_deployment = None  # until the fields make one again: never a stale one to save or compare
        self.refused = None
        topology = (Topology.SINGLE, Topology.CLUSTER, Topology.EDGE)[max(self.topology.checkedId(), 0)]
        self._mark_off_side_rows(topology, tuple(names(self.edges.text())) if is_edge else ())
        try:
            services, db = self.service_files(), self.db_plan()
            folder = Path(self.folder.text().strip() or ".")
            if not services and db is None:
                raise _NothingChosen(
                    self.tr("choose a key and a certificate for at least one service, or the database cluster")
                )
            cn, xmpp_domain = callbridge_cn(services, folder), ""
            opened = self.state.plan
            if opened is not None:  # what the page has no fields for comes from the open plan
                cn, xmpp_domain = opened.callbridge_cn, opened.xmpp_domain
                planned = opened.db_plan()
                if (
                    db is not None
                    and planned is not None
                    and (planned.primary, planned.joining, planned.connecting)
                    == (db.primary, db.joining, db.connecting)
                ):  # the plan's CA domain and key type, with the file names the page shows
                    db = replace(planned, files=db.files, enterprise_ca=db.enterprise_ca)
            try:
                deployment = build_deployment(
                    CmsVersion(self.version.currentData()),
                    names(self.nodes.text()),
                    services,
                    edges=names(self.edges.text()) if is_edge else (),
                    topology=topology,
                    db=db,
                    db_renewal=self.db_renewal.isChecked(),
                    trust_content=TrustContent(self.trust_content.currentData()),
                    trust_names=[(kind, line.text().strip()) for kind, line in self.trust_names.items()],
                    listen=Listen(
                        interface=self.interface.text().strip(),
                        **{name: spin.value() for name, spin in self.ports.items()},
                    ),
                    backup_name=self.backup_name.text().strip() or BACKUP_NAME,
                    sip_trust=self.sip_trust.currentText() if self.sip_trust.currentIndex() > 0 else None,
                    callbridge_cn=cn,
                    xmpp_domain=xmpp_domain,
                )
            except CmsInputError as refusal:
                self.refused = refusal
                raise
            self.sheet_deployment = deployment  # what Save plan writes, even before every file is made
            self.sheet = build_sheet(deployment, export_files=self.files)
            # EKU per service (PA 12.x Security) and missing CA bundles, judged from the files themselves
            self.problems = check_sheet_files(deployment, folder)
        except _NothingChosen as nothing:  # a hint in the user's words, no internal field name in front
            untouched = not (self.nodes.text().strip() or self.db.isChecked())
            self.problems = [Problem("", Severity.NOTE if untouched else Severity.ERROR, str(nothing))]
            self.sheet = None
            self.sheet_box.setPlainText("")
            self._set_node_tabs(None)
        except CmsInputError as error:
            # Before the user has named a server, what to do is a hint, not an error in red (the rows
            # may be suggested from the folder's files: that is not the user's input yet).
            untouched = not (self.nodes.text().strip() or self.db.isChecked())
            severity = Severity.NOTE if untouched else Severity.ERROR
            self.problems = [Problem(error.where, severity, error_text(error))]
            self.sheet = None
            self.sheet_box.setPlainText("")
            self._set_node_tabs(None)
        else:
            refused = any(p.severity is Severity.ERROR for p in self.problems)
            # A file the service cannot take: no commands to copy or save until it is fixed (the plan may be).
            self.sheet_box.setPlainText("" if refused else self.sheet.text(self.translate))
            self._set_node_tabs(None if refused else self.sheet)
        self.message.show_problems(self.problems)
        self.full_chain_button.setVisible(self._leaf_only() is not None)
        self.table.fit_columns()
        for button in (self.copy_button, self.save_button):
            button.setEnabled(self.isComplete())
        self.save_plan_button.setEnabled(self.sheet is not None)
        self.completeChanged.emit()

    def _leaf_only(self) -> ServiceFiles | None:
        """The first row whose certificate was refused as not a full chain."""
        refused = {p.field for p in self.problems if isinstance(p, PairProblem) and p.fault is PairFault.NOT_FULL_CHAIN}
        return next((files for files in self.service_files() if files.certificate in refused), None)

    def build_full_chain(self) -> None:
        """Build the full chain…: the chain builder, with the refused file and its key loaded."""
        files = self._leaf_only()
        if files is None:
            return
        folder = Path(self.folder.text().strip() or ".")
        self.host.flows.start_bundle_for_full_chain(folder / files.certificate, folder / files.key)
        self.host.go_to(PageId.CHAIN)

    def translate(self, text: Text) -> str:
        """The sheet's # lines in the chosen language (Qt-free catalogue, as the CLI's --sheet-lang)."""
        return translator(self.sheet_language.currentData() or "en")(text)

    def _set_node_tabs(self, sheet: DeploymentSheet | None) -> None:
        current = self.node_tabs.tabText(self.node_tabs.currentIndex())
        while self.node_tabs.count() > 1:
            widget = self.node_tabs.widget(1)
            self.node_tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        for node in sheet.nodes if sheet is not None else ():
            box = CommandBox(self.node_tabs)
            box.setAccessibleName(self.tr("Commands for {node}").format(node=node.node))
            box.setPlainText(sheet.node_text(node, self.translate) if sheet is not None else "")
            self.node_tabs.addTab(box, node.node)
            if node.node == current:
                self.node_tabs.setCurrentWidget(box)

    def copy_current_tab(self) -> None:
        box = self.node_tabs.currentWidget()
        if isinstance(box, CommandBox):
            QGuiApplication.clipboard().setText(box.toPlainText())

    def save_sheet(self) -> Path | None:
        if self.sheet is None:
            return None
        from cmswizard.pki.files import OutputFile, write_files

        target = Path(self.folder.text().strip()) / COMMANDS_NAME
        text = self.sheet.text(self.translate)
        try:
            write_files([OutputFile(target, text.encode(), replace=True)])
        except CmsInputError as error:
            self.message.show_problems([Problem("sheet", Severity.ERROR, error_text(error))])
            return None
        self.save_button.setText(self.tr("Saved ✓ {name}").format(name=COMMANDS_NAME))
        self.saved_text = text
        return target

    def unkept_commands(self) -> str:
        """The sheet, unless it was saved or copied to the stick as it is now (Finish offers to save it)."""
        text = self.sheet_box.toPlainText()
        return "" if text in ("", self.saved_text, self.state.exported_commands) else text

    def save_commands(self) -> Path | None:
        return self.save_sheet()

    def isComplete(self) -> bool:
        return self.sheet is not None and not any(p.severity is Severity.ERROR for p in self.problems)

    def validatePage(self) -> bool:
        if not self.isComplete() or self.sheet is None:
            return False
        state = self.state
        folder = Path(self.folder.text().strip())
        trust_names = {trust.name for trust in self.sheet.trust_files}
        try:  # the peer trust files are built from the peers' files, straight onto the stick
            trust_items = (
                [
                    ExportItem(trust.name, trust_file_bytes(self.sheet_deployment, trust, folder))
                    for trust in self.sheet.trust_files
                ]
                if self.sheet_deployment is not None
                else []
            )
        except CmsInputError as error:
            self.message.show_problems([Problem(error.where, Severity.ERROR, error_text(error))])
            return False
        state.export_paths = [folder / name for name in sorted(self.sheet.referenced_files() - trust_names)]
        state.export_extra = [ExportItem(COMMANDS_NAME, self.sheet.text(self.translate).encode()), *trust_items]
        nodes = names(self.nodes.text()) + names(self.edges.text())
        state.export_name = nodes[0] if len(nodes) == 1 else ""  # several servers: not named after one of them
        state.sheet, state.sheet_deployment, state.folder = self.sheet, self.sheet_deployment, folder
        return True
