"""Page ids, the flows the start page offers, and one state object per flow.

Pages read and write only their own flow's state (never another page's widgets). Starting a flow
gives it a fresh state; what one flow hands to another (the key just made, the deployment typed in
the CSR flow) is passed here, when the next flow starts, not by pages reaching into each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_
from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS

if TYPE_CHECKING:  # the states' types: imported when a flow runs, not to show the start page
    from cmswizard.cms.dbcluster import DbCluster, WrittenDbCluster
    from cmswizard.cms.deployment import DeploymentOutline, ProposedCertificate
    from cmswizard.cms.plan import Plan, PlanNode
    from cmswizard.cms.probe_report import EndpointResult, ProbeReport
    from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
    from cmswizard.cms.renewal import Comparison, OldCertificate
    from cmswizard.cms.sheet import Deployment, DeploymentSheet
    from cmswizard.export.copy import ExportItem
    from cmswizard.pki.csr import CsrResult
    from cmswizard.pki.loader import LoadedFile
    from cmswizard.pki.spec import CsrSpec, Problem


class PageId(enum.IntEnum):
    START = 0
    DEPLOYMENT = 10
    SUBJECT = 11
    PREVIEW = 12
    GENERATE = 13
    ON_CMS = 14
    CHAIN = 20
    DB_CLUSTER = 30
    DB_RESULT = 31
    CHECK = 40
    DEPLOY_SHEET = 50
    EXPORT = 51
    PROBE = 60
    PROBE_RESULT = 61
    RENEW_REQUEST = 70
    RENEW_GENERATE = 71
    RENEW_SHEET = 72
    UPLOAD = 52  # after the deployment sheet, before the stick
    APPLY = 53  # after the upload: type the commands over SSH (or Next: the stick)
    KEEP_RENEWED = 80


def _new_deployment() -> DeploymentOutline:
    from cmswizard.cms.deployment import DeploymentOutline

    return DeploymentOutline()


class FlowKey(enum.StrEnum):
    CSR = "csr"
    BUNDLE = "bundle"
    DBCLUSTER = "dbcluster"
    CHECK = "check"
    DEPLOY = "deploy"
    EXPORT = "export"
    PROBE = "probe"
    RENEW = "renew"
    KEEP_RENEWED = "keep_renewed"


@dataclass(frozen=True)
class Flow:
    key: FlowKey
    title: str
    description: str
    first_page: PageId


FLOWS: tuple[Flow, ...] = (
    Flow(
        FlowKey.CSR,
        N_("Create a private key and CSR for CMS services"),
        N_(
            "Propose certificates for Web Admin, Call Bridge, Web Bridge, TURN … and make the key and "
            "request here, or get the exact pki csr command to type on the CMS."
        ),
        PageId.DEPLOYMENT,
    ),
    Flow(
        FlowKey.BUNDLE,
        N_("Build a certificate bundle"),
        N_(
            "Drop what your CA sent back (DER .cer, .p7b, .pfx, PEM), put it in order with every link checked, "
            "and save the exact full chain or CA bundle CMS wants."
        ),
        PageId.CHAIN,
    ),
    Flow(
        FlowKey.DBCLUSTER,
        N_("Create database-cluster certificates"),
        N_(
            "Make dbca, dbserver and dbclient for a CMS database cluster and get the exact database cluster "
            "commands for every node, first set-up or renewal."
        ),
        PageId.DB_CLUSTER,
    ),
    Flow(
        FlowKey.CHECK,
        N_("Check certificates (inspect, match, verify)"),
        N_(
            "Drop keys, CSRs, certificates and bundles: see expiry, which key belongs to which certificate, "
            "and whether each chain verifies, link by link."
        ),
        PageId.CHECK,
    ),
    Flow(
        FlowKey.DEPLOY,
        N_("Deployment commands and export to a USB stick"),
        N_(
            "Say which file each service uses, get the exact MMP commands per node, and copy exactly those files "
            "to a stick, verified, with the commands and a README."
        ),
        PageId.DEPLOY_SHEET,
    ),
    Flow(
        FlowKey.EXPORT,
        N_("Export files to a USB stick"),
        N_(
            "Copy keys, certificates and bundles to a stick or folder: written safely, read back and checked, "
            "with SHA256SUMS."
        ),
        PageId.EXPORT,
    ),
    Flow(
        FlowKey.PROBE,
        N_("Check a running server"),
        N_(
            "Connect to Web Admin, Web Bridge 3, the Call Bridge, TURN or XMPP and see the chain each presents: "
            "complete and in order, days to expiry, the names users type, the key usage, the file you loaded."
        ),
        PageId.PROBE,
    ),
    Flow(
        FlowKey.RENEW,
        N_("Renew a certificate"),
        N_(
            "From the certificate in use: the same names under a new key name, the comparison when the new "
            "certificate comes back, and the commands that swap it in (backup first, the check last)."
        ),
        PageId.RENEW_REQUEST,
    ),
    Flow(
        FlowKey.KEEP_RENEWED,
        N_("Keep certificates renewed"),
        N_(
            "For a plan: every certificate with its issuer, expiry and renewal state; a dry run, renewal now "
            "through ACME and DNS-01, the DNS test and the daily schedule."
        ),
        PageId.KEEP_RENEWED,
    ),
)


def flow(key: FlowKey) -> Flow:
    return next(f for f in FLOWS if f.key is FlowKey(key))


@dataclass
class CsrFlowState:
    """What the CSR flow's pages hand to each other. The spec is the one object the preview shows
    and the generate step hands to the engine."""

    folder: Path = field(default_factory=Path.home)
    deployment: DeploymentOutline = field(default_factory=lambda: _new_deployment())
    proposals: list[ProposedCertificate] = field(default_factory=list)
    current: int = 0
    spec: CsrSpec | None = None
    problems: tuple[Problem, ...] = ()  # the subject page's warnings and notes for that spec
    generate_here: bool = True
    overwrite_key: bool = False
    result: CsrResult | None = None
    made: set[int] = field(default_factory=set)  # proposals whose key and CSR were made in this flow

    @property
    def proposal(self) -> ProposedCertificate | None:
        return self.proposals[self.current] if 0 <= self.current < len(self.proposals) else None

    def next_to_make(self) -> int | None:
        """The next proposal not made yet, after the current one (wrapping round), or None when all are made."""
        count = len(self.proposals)
        for step in range(1, count + 1):
            candidate = (self.current + step) % count
            if candidate not in self.made:
                return candidate
        return None


@dataclass
class BundleFlowState:
    """The chain builder. `expected_key` is the key the CSR flow just made (None when started here)."""

    folder: Path = field(default_factory=Path.home)
    expected_key: Path | None = None
    basename: str = ""
    saved: Path | None = None
    preload: tuple[Path, ...] = ()  # certificates to load at once (a leaf-only file to complete)


@dataclass
class DbClusterFlowState:
    folder: Path | None = None  # None: the page proposes one in the output folder
    plan: DbCluster | None = None
    ca_days: int = CA_DAYS
    days: int = LEAF_DAYS
    renewal: bool = False
    force: bool = False  # the user agreed to replace existing keys
    result: WrittenDbCluster | None = None


@dataclass
class CheckFlowState:
    loaded: list[LoadedFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class DeployFlowState:
    """Deployment sheet and export. Seeded, when the flow starts, from what the CSR and database
    flows learnt in this session; the sheet hands the export page exactly the files it names."""

    folder: Path = field(default_factory=Path.home)
    deployment: DeploymentOutline | None = None
    db_plan: DbCluster | None = None
    export_paths: list[Path] | None = None  # None: the export page offers the output folder's files
    export_extra: list[ExportItem] = field(default_factory=list)
    export_name: str = ""
    plan: Plan | None = None  # the open plan file's deployment: the sheet page starts from it
    sheet_deployment: Deployment | None = None  # what the sheet page shows, for the upload page and "Save plan"
    sheet: DeploymentSheet | None = None
    ssh_nodes: dict[str, PlanNode] = field(default_factory=dict)  # addresses etc. typed on the upload page
    exported_commands: str = ""  # the sheet as the export copied it to the stick (and verified)


@dataclass
class ProbeFlowState:
    hosts: str = ""
    targets: list[ProbeTarget] = field(default_factory=list)
    options: ProbeOptions | None = None  # set by the setup page
    report: ProbeReport | None = None


@dataclass
class RenewFlowState:
    """The certificate in use, the request for its successor, and the successor when it comes back."""

    folder: Path = field(default_factory=Path.home)
    old: OldCertificate | None = None
    spec: CsrSpec | None = None
    result: CsrResult | None = None
    new_file: str = ""
    new_path: Path | None = None  # where the new certificate was opened from (it may be another folder)
    comparison: Comparison | None = None
    sheet: DeploymentSheet | None = None  # the replacement commands shown: the Apply page types them


@dataclass
class KeepRenewedFlowState:
    """The plan whose certificates are kept renewed (the open plan, or one chosen on the page)."""

    folder: Path = field(default_factory=Path.home)
    plan_path: Path | None = None


class Flows:
    """Every flow's state; `start()` gives a flow a fresh one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.active: FlowKey | None = None
        self.plan: Plan | None = None  # an open plan file pre-fills every flow
        self.plan_path: Path | None = None
        self._csr: CsrFlowState | None = None
        self.bundle = BundleFlowState(folder)
        self.db = DbClusterFlowState()
        self.check = CheckFlowState()
        self.deploy = DeployFlowState(folder)
        self.probe = ProbeFlowState()
        self.renew = RenewFlowState(folder)
        self.keep_renewed = KeepRenewedFlowState(folder)

    @property
    def csr(self) -> CsrFlowState:
        """Made when first asked for: the start page shows before the deployment model is imported."""
        if self._csr is None:
            self._csr = CsrFlowState(self.folder)
        return self._csr

    @csr.setter
    def csr(self, state: CsrFlowState) -> None:
        self._csr = state

    def start(self, key: FlowKey, folder: Path | None = None) -> None:
        key = FlowKey(key)
        if folder is not None and self.plan is None:  # with a plan open, its folder is the working folder
            self.folder = folder
        self.active = key
        if key is FlowKey.CSR:
            self.csr = CsrFlowState(self.folder)
        elif key is FlowKey.BUNDLE:
            self.bundle = BundleFlowState(self.folder)
        elif key is FlowKey.DBCLUSTER:
            self.db = DbClusterFlowState()
        elif key is FlowKey.CHECK:
            self.check = CheckFlowState()
        elif key is FlowKey.PROBE:
            self.probe = ProbeFlowState()
        elif key is FlowKey.RENEW:
            self.renew = RenewFlowState(self.folder)
        elif key is FlowKey.KEEP_RENEWED:
            self.keep_renewed = KeepRenewedFlowState(self.folder, self.plan_path)
        else:
            deployment = self.csr.deployment if self.csr.deployment.nodes else None
            self.deploy = DeployFlowState(self.csr.folder, deployment, self.db.plan)
            if self.plan is not None:
                self.deploy.plan = self.plan
                self.deploy.folder = self.folder
                self.deploy.db_plan = self.plan.db_plan()
        if self.plan is not None:
            self._seed_from_plan(key, self.plan)

    def open_plan(self, plan: Plan, path: Path) -> None:
        """A plan file was opened: its folder becomes the working folder, and flows start from it."""
        self.plan = plan
        self.plan_path = path
        self.folder = path.parent

    def _seed_from_plan(self, key: FlowKey, plan: Plan) -> None:
        from cmswizard.cms.deployment import DeploymentOutline

        deployment = DeploymentOutline(
            plan.version,
            plan.topology,
            frozenset(s for c in plan.certificates for s in c.services) or DeploymentOutline().services,
            plan.cores,
            plan.edges,
            plan.join_url,
            plan.xmpp_domain,
        )
        if key is FlowKey.CSR:
            self.csr.deployment = deployment
        elif key is FlowKey.DBCLUSTER:
            self.db.folder = self.folder
            self.db.plan = plan.db_plan()
        elif key is FlowKey.DEPLOY:
            self.deploy.deployment = deployment

    def start_bundle_with_key(self, key: Path, basename: str) -> None:
        """From the CSR flow's last page: a fresh bundle flow that matches the certificate against this key;
        its files come back to the key's folder, where Add files and Save open."""
        self.start(FlowKey.BUNDLE, key.parent)
        self.bundle.expected_key = key
        self.bundle.basename = basename

    def start_bundle_for_full_chain(self, certificate: Path, key: Path | None) -> None:
        """A leaf-only file given where a full chain is needed: a fresh chain builder with that file (and its
        key, to match against) loaded, saving beside it under the file's own name."""
        self.start(FlowKey.BUNDLE, certificate.parent)
        self.bundle.expected_key = key if key is not None and key.is_file() else None
        self.bundle.basename = certificate.stem
        self.bundle.preload = (certificate,)

    def start_renewal_from_probe(self, result: EndpointResult) -> None:
        """From the probe's results: a fresh renewal of the certificate this endpoint presents."""
        from cmswizard.cms.renewal import OldCertificate, basename_for
        from cmswizard.pki.chain import Role, common_name

        self.start(FlowKey.RENEW)
        entity = next((item for item in result.chain if item.role is Role.ENTITY), result.chain[0])
        node = result.target.host_name or common_name(entity.certificate.subject)
        self.renew.old = OldCertificate(
            entity.certificate, result.label, basename_for(entity.certificate), node, result.target.service.service
        )
