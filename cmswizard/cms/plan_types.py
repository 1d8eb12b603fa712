"""The plan's data types: what a plan file holds once read (`Plan`, its nodes, certificates and database
section). Apart from the reader and writer (cms/plan.py), so that the modules the reader uses (issuers,
plan names) can name these types without importing the reader back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmswizard.cms.apply_settings import ApplySettings
from cmswizard.cms.dbcluster import DbCluster, DbFiles, make_db_cluster
from cmswizard.cms.deployment import build_deployment
from cmswizard.cms.issuers import Issuer, RenewalSettings
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology
from cmswizard.cms.sheet import Deployment, Listen, ServiceFiles, TrustKind
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.profiles import TrustContent
from cmswizard.pki.spec import CsrSpec, KeyType, SubjectInput, make_spec

__all__ = ["SHEET_NAME", "DatabaseSection", "Plan", "PlanCertificate", "PlanNode"]

SHEET_NAME = "cms-commands.txt"


@dataclass(frozen=True)
class PlanNode:
    """A CMS server: its FQDN, its role, and how to reach its MMP over SSH for the upload."""

    name: str
    role: str = "core"  # "core" or "edge"
    ssh_host: str = ""  # "" = the name
    ssh_port: int = 22
    ssh_user: str = "admin"
    fingerprint: str = ""  # the MMP's SSH host key fingerprint, once known (SHA256:…)

    @property
    def address(self) -> str:
        return self.ssh_host or self.name


@dataclass(frozen=True)
class PlanCertificate:
    """A key and CSR `plan apply` makes (never twice: an existing key is kept)."""

    basename: str
    cn: str
    san: tuple[str, ...] = ()
    services: tuple[Service, ...] = ()
    node: str = ""  # "" when shared by every node running its services
    issuer: str = ""  # an [issuers.<name>] of the plan (schema 2); "" = by hand (CSR out, certificate in)


@dataclass(frozen=True)
class DatabaseSection:
    domain: str  # dbca's CN
    primary: str
    join: tuple[str, ...] = ()
    connect: tuple[str, ...] = ()
    renewal: bool = False
    files: DbFiles = field(default_factory=DbFiles)
    enterprise_ca: bool = False


@dataclass(frozen=True)
class Plan:
    version: CmsVersion
    topology: Topology
    nodes: tuple[PlanNode, ...]
    join_url: str = ""
    xmpp_domain: str = ""
    key_type: KeyType = KeyType.RSA2048
    subject: tuple[tuple[str, str], ...] = ()  # defaults for every CSR: O, OU, L, ST, C
    listen: Listen = field(default_factory=Listen)
    trust_content: TrustContent = TrustContent.FULL_CHAIN
    trust_names: tuple[tuple[TrustKind, str], ...] = ()
    certificates: tuple[PlanCertificate, ...] = ()
    services: tuple[ServiceFiles, ...] = ()
    database: DatabaseSection | None = None
    sip_trust: str = ""
    backup_name: str = BACKUP_NAME
    callbridge_cn: str = ""
    sheet: str = SHEET_NAME
    sheet_language: str = "en"
    issuers: tuple[Issuer, ...] = ()
    renewal: RenewalSettings | None = None
    apply: ApplySettings | None = None  # [apply]: how `mmp run --plan` and the Apply page run the lines

    @property
    def schema(self) -> int:
        return 2 if self.issuers or self.renewal or any(c.issuer for c in self.certificates) else 1

    def issuer_of(self, certificate: PlanCertificate) -> Issuer | None:
        return next((i for i in self.issuers if i.name == certificate.issuer), None)

    @property
    def cores(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.nodes if n.role == "core")

    @property
    def edges(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.nodes if n.role == "edge")

    def node(self, name: str) -> PlanNode:
        for node in self.nodes:
            if node.name == name.strip().lower().rstrip("."):
                return node
        known = ", ".join(n.name for n in self.nodes)
        raise CmsInputError(name, Text(N_("is not a node of this plan; the nodes are: {known}"), known=known))

    def db_plan(self) -> DbCluster | None:
        db = self.database
        if db is None:
            return None
        return make_db_cluster(
            db.domain,
            db.primary,
            db.join,
            db.connect,
            key_type=self.key_type,
            files=db.files,
            enterprise_ca=db.enterprise_ca,
        )

    def deployment(self) -> Deployment:
        """The deployment model the sheet and the trust files are made from."""
        return build_deployment(
            self.version,
            self.cores,
            self.services,
            edges=self.edges,
            topology=self.topology,
            db=self.db_plan(),
            db_renewal=self.database.renewal if self.database else False,
            trust_content=self.trust_content,
            trust_names=self.trust_names,
            listen=self.listen,
            sip_trust=self.sip_trust,
            backup_name=self.backup_name,
            callbridge_cn=self.callbridge_cn,
            xmpp_domain=self.xmpp_domain,
        )

    def csr_spec(self, certificate: PlanCertificate) -> CsrSpec:
        subject = dict(self.subject)
        return make_spec(
            SubjectInput(
                basename=certificate.basename,
                cn=certificate.cn,
                ou=subject.get("OU", ""),
                o=subject.get("O", ""),
                l=subject.get("L", ""),
                st=subject.get("ST", ""),
                c=subject.get("C", ""),
                san=certificate.san,
                key_type=self.key_type,
            )
        )
