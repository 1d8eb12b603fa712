"""Making a plan: from a few answers (`plan new`, the wizard's questions) or from the sheet the deployment
page built. Reading and writing plan files is `cms/plan.py`; this module only composes a `Plan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from cmswizard.cms.dbcluster import default_ca_domain
from cmswizard.cms.deployment import DeploymentOutline, propose_certificates
from cmswizard.cms.issuers import Issuer, RenewalSettings
from cmswizard.cms.nodes import check_listed, topology_of
from cmswizard.cms.plan import (
    SHEET_NAME,
    SUBJECT_KEYS,
    DatabaseSection,
    Plan,
    PlanCertificate,
    PlanNode,
    plan_text,
    read_plan_text,
)
from cmswizard.cms.services import CmsVersion, Service, services_for
from cmswizard.cms.sheet import Deployment, ServiceFiles
from cmswizard.pki.bundle import BundleKind, suggested_name
from cmswizard.pki.errors import N_, CmsInputError
from cmswizard.pki.names import check_fqdn
from cmswizard.pki.spec import KeyType

__all__ = ["PlanAnswers", "default_services", "new_plan", "plan_from_sheet", "service_rows"]


def plan_from_sheet(
    deployment: Deployment,
    *,
    join_url: str = "",
    xmpp_domain: str = "",
    key_type: KeyType = KeyType.RSA2048,
    subject: Sequence[tuple[str, str]] = (),
    certificates: Sequence[PlanCertificate] = (),
    nodes: Sequence[PlanNode] = (),
    sheet: str = SHEET_NAME,
    sheet_language: str = "en",
    issuers: Sequence[Issuer] = (),
    renewal: RenewalSettings | None = None,
) -> Plan:
    """The plan of what the wizard's deployment page shows: the sheet made from it is the same sheet.

    `nodes` carries SSH details (address, port, user, fingerprint) kept from an opened plan."""
    checked = deployment.checked()
    known = {node.name: node for node in nodes}
    plan_nodes = tuple(
        replace(known.get(name, PlanNode(name)), name=name, role=role)
        for names, role in ((checked.nodes, "core"), (checked.edge_nodes, "edge"))
        for name in names
    )
    database = None
    if checked.db is not None:
        db = checked.db
        database = DatabaseSection(
            db.ca.cn, db.primary, db.joining, db.connecting, checked.db_renewal, db.files, db.enterprise_ca
        )
    plan = Plan(
        checked.version,
        checked.topology,
        plan_nodes,
        join_url=join_url,
        xmpp_domain=xmpp_domain,
        key_type=key_type,
        subject=tuple((key, value) for key, value in subject if key in SUBJECT_KEYS and value),
        listen=checked.listen,
        trust_content=checked.trust_content,
        trust_names=checked.trust_names,
        certificates=tuple(certificates),
        services=checked.services,
        database=database,
        sip_trust=checked.sip_trust or "",
        backup_name=checked.backup_name,
        callbridge_cn=checked.callbridge_cn,
        sheet=sheet,
        sheet_language=sheet_language,
        issuers=tuple(issuers),
        renewal=renewal,
    )
    return read_plan_text(plan_text(plan), "plan")


# ---------------------------------------------------------------- a new plan


def service_rows(certificates: Sequence[PlanCertificate]) -> tuple[ServiceFiles, ...]:
    """Which files each service uses, from the keys the plan makes: `<b>.crt` + `<b>-bundle.crt`, or
    `<b>-fullchain.crt` for the full-chain services (Web Bridge 3, Scheduler)."""
    rows = []
    for certificate in certificates:
        base = certificate.basename
        for service in certificate.services:
            if service.takes_full_chain:
                rows.append(
                    ServiceFiles(
                        service, f"{base}.key", suggested_name(base, BundleKind.FULL_CHAIN), None, certificate.node
                    )
                )
            else:
                rows.append(
                    ServiceFiles(
                        service,
                        f"{base}.key",
                        suggested_name(base, BundleKind.ENTITY),
                        suggested_name(base, BundleKind.CA_BUNDLE),
                        certificate.node,
                    )
                )
    return tuple(rows)


@dataclass(frozen=True)
class PlanAnswers:
    version: CmsVersion
    cores: tuple[str, ...]
    edges: tuple[str, ...] = ()
    join_url: str = ""
    xmpp_domain: str = ""
    services: frozenset[Service] = frozenset()  # empty: the usual set for the version and topology
    key_type: KeyType = KeyType.RSA2048
    subject: tuple[tuple[str, str], ...] = ()
    database: bool = False
    db_domain: str = ""
    combined: bool = False
    today: dt.date | None = None
    nodes_ssh: dict[str, PlanNode] = field(default_factory=dict)


def default_services(version: CmsVersion, edge: bool) -> frozenset[Service]:
    wanted = {Service.WEBADMIN, Service.CALLBRIDGE}
    wanted.add(Service.WEBBRIDGE3 if version is not CmsVersion.V2 else Service.WEBBRIDGE)
    if edge:
        wanted.add(Service.TURN)
    return frozenset(s for s in wanted if s in services_for(version))


def new_plan(given: PlanAnswers) -> Plan:
    """A plan from a few answers: the certificates `propose_certificates` suggests, and their files."""
    if given.edges and not given.cores:
        raise CmsInputError("core", N_("an edge deployment needs at least one core server"))
    cores, edges = check_listed(given.cores, given.edges, "core", "edge")
    topology = topology_of(cores, edges)
    services = given.services or default_services(given.version, bool(edges))
    deployment = DeploymentOutline(
        given.version,
        topology,
        frozenset(services),
        cores,
        edges,
        given.join_url,
        given.xmpp_domain,
        given.combined,
    )
    proposals = propose_certificates(deployment, today=given.today)
    certificates = tuple(PlanCertificate(p.basename, p.cn, p.san, p.services, p.node) for p in proposals)
    nodes = tuple(
        replace(given.nodes_ssh.get(name, PlanNode(name)), name=name, role=role)
        for names, role in ((cores, "core"), (edges, "edge"))
        for name in names
    )
    database = None
    if given.database or Service.DATABASE in services:
        domain = given.db_domain or default_ca_domain(cores[0])
        database = DatabaseSection(
            check_fqdn(domain, "database domain", allow_wildcard=False), cores[0], tuple(cores[1:])
        )
    plan = Plan(
        given.version,
        topology,
        nodes,
        join_url=deployment.join_url.strip().lower(),
        xmpp_domain=deployment.xmpp_domain.strip().lower(),
        key_type=given.key_type,
        subject=given.subject,
        certificates=certificates,
        services=service_rows(certificates),
        database=database,
    )
    # the plan must read back exactly: check it the way `read_plan` will
    return read_plan_text(plan_text(plan), "new plan")
