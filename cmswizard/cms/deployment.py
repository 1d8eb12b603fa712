"""The deployment, in two stages: before any file exists, which certificates it needs (domain reference
§3), proposed from a few answers (`DeploymentOutline`, `propose_certificates`); with the files, the model
the sheet is made from (`cms.sheet.Deployment`), built here by `build_deployment` alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cmswizard.cms.nodes import CORE_FIELD, EDGE_FIELD, check_listed, check_topology, topology_of
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import Deployment, Listen, ServiceFiles, TrustKind
from cmswizard.pki.errors import N_
from cmswizard.pki.names import check_fqdn
from cmswizard.pki.profiles import TrustContent

if TYPE_CHECKING:
    from cmswizard.cms.dbcluster import DbCluster

__all__ = ["DeploymentOutline", "ProposedCertificate", "build_deployment", "propose_certificates"]


def build_deployment(
    version: CmsVersion,
    cores: Sequence[str],
    services: Iterable[ServiceFiles] = (),
    *,
    edges: Sequence[str] = (),
    topology: Topology | None = None,
    db: DbCluster | None = None,
    db_renewal: bool = False,
    trust_content: TrustContent = TrustContent.FULL_CHAIN,
    trust_names: Iterable[tuple[TrustKind, str]] = (),
    listen: Listen | None = None,
    sip_trust: str | None = None,
    backup_name: str = BACKUP_NAME,
    callbridge_cn: str = "",
    xmpp_domain: str = "",
    node_fields: tuple[str, str] = (CORE_FIELD, EDGE_FIELD),
) -> Deployment:
    """The deployment model from plain values: the one place a `Deployment` is made, whether from a plan
    (`Plan.deployment`), the CLI's options (`deploy`, `renew sheet`) or the wizard's fields (the deployment
    and the renewal sheet pages), so that the same inputs give the same model by every route.

    Each server is named once and has one role (cms/nodes.py; the messages name `node_fields`: the
    wizard's fields by default, the CLI passes its options). `topology` None: the one the node lists imply.
    Edge servers count only for the Edge topology. Names are kept as given; `Deployment.checked()` makes
    them canonical, with the checks that need the whole model, when the sheet is made. Reads no file:
    what comes from a file (the Call Bridge CN) is read by the caller.
    """
    check_listed(cores, edges, *node_fields)
    chosen = topology if topology is not None else topology_of(cores, edges)
    return Deployment(
        version,
        chosen,
        tuple(cores),
        tuple(services),
        edge_nodes=tuple(edges) if chosen is Topology.EDGE else (),
        db=db,
        db_renewal=db_renewal,
        trust_content=trust_content,
        trust_names=tuple((kind, name) for kind, name in trust_names if name),
        listen=listen if listen is not None else Listen(),
        sip_trust=sip_trust or None,
        backup_name=backup_name,
        callbridge_cn=callbridge_cn,
        xmpp_domain=xmpp_domain,
    )


@dataclass(frozen=True)
class DeploymentOutline:
    """A deployment before any file exists: the answers from which `propose_certificates` says which
    certificates to make. The model with the files (what the sheet is built from) is `cms.sheet.Deployment`."""

    version: CmsVersion = CmsVersion.V3
    topology: Topology = Topology.SINGLE
    services: frozenset[Service] = frozenset({Service.WEBADMIN, Service.CALLBRIDGE, Service.WEBBRIDGE3})
    nodes: tuple[str, ...] = ()  # core servers, FQDNs; the first is where a shared certificate is named
    edge_nodes: tuple[str, ...] = ()
    join_url: str = ""  # the host name users type (join.example.com)
    xmpp_domain: str = ""  # 2.x
    combined: bool = False  # one certificate for every service


@dataclass(frozen=True)
class ProposedCertificate:
    basename: str
    cn: str
    san: tuple[str, ...]
    services: tuple[Service, ...]
    node: str = ""  # the server it is for; "" when shared
    why: str = ""


@dataclass(frozen=True)
class _Names:
    nodes: list[str]
    edges: list[str]
    join: str | None
    xmpp: str | None


def _check_names(deployment: DeploymentOutline) -> _Names:
    nodes, edges = check_listed(deployment.nodes, deployment.edge_nodes, CORE_FIELD, EDGE_FIELD)
    check_topology(deployment.topology, nodes, edges, CORE_FIELD, EDGE_FIELD)
    join = check_fqdn(deployment.join_url, "join URL host") if deployment.join_url.strip() else None
    xmpp = check_fqdn(deployment.xmpp_domain, "XMPP domain") if deployment.xmpp_domain.strip() else None
    return _Names(list(nodes), list(edges), join, xmpp)


def _short(fqdn: str) -> str:
    return fqdn.split(".")[0].replace("*", "wildcard")


def _unique(names: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def propose_certificates(deployment: DeploymentOutline, *, today: dt.date | None = None) -> list[ProposedCertificate]:
    """One certificate per service (node-local ones per node), or one combined certificate.

    Basenames carry the year so a renewal never reuses the name of the key a service is using.
    """
    names = _check_names(deployment)
    year = (today or dt.date.today()).year
    available = set(services_for(deployment.version))
    wanted = [s for s in services_for(deployment.version) if s in deployment.services and s in available]
    wanted_tls = [s for s in wanted if s not in (Service.DATABASE, Service.UCM)]
    if not wanted_tls:
        return []
    first = names.nodes[0]
    web_hosts = names.edges if deployment.topology is Topology.EDGE else names.nodes
    if deployment.combined:
        cn = names.join or first
        san = _unique([cn, *names.nodes, *names.edges, names.join, names.xmpp])
        return [
            ProposedCertificate(
                f"cms-combined-{year}",
                cn,
                san,
                tuple(wanted_tls),
                "",
                N_("one certificate for every service; the CN and every name in the SAN"),
            )
        ]
    proposals: list[ProposedCertificate] = []
    for service in wanted_tls:
        if service is Service.WEBADMIN:
            for node in names.nodes:
                proposals.append(
                    ProposedCertificate(
                        f"webadmin-{_short(node)}-{year}",
                        node,
                        (node,),
                        (service,),
                        node,
                        N_("the name the admin browses to"),
                    )
                )
        elif service is Service.CALLBRIDGE:
            proposals.append(
                ProposedCertificate(
                    f"callbridge-{year}",
                    first,
                    _unique(names.nodes),
                    (service,),
                    "",
                    N_("serverAuth and clientAuth; every Call Bridge in the SAN"),
                )
            )
        elif service in (Service.WEBBRIDGE, Service.WEBBRIDGE3):
            cn = names.join or web_hosts[0]
            proposals.append(
                ProposedCertificate(
                    f"{service.value}-{year}",
                    cn,
                    _unique([cn, names.join, *web_hosts]),
                    (service,),
                    "",
                    N_("every name users type to join"),
                )
            )
        elif service is Service.SCHEDULER:
            proposals.append(
                ProposedCertificate(
                    f"scheduler-{year}",
                    first,
                    _unique(names.nodes),
                    (service,),
                    "",
                    N_("serverAuth and clientAuth; its certificate also goes into the Web Bridge 3 C2W trust"),
                )
            )
        elif service is Service.XMPP:
            cn = names.xmpp or first
            proposals.append(
                ProposedCertificate(
                    f"xmpp-{year}",
                    cn,
                    _unique([names.xmpp, *names.nodes]),
                    (service,),
                    "",
                    N_("XMPP clients need the XMPP domain and server names in the SAN"),
                )
            )
        elif service is Service.TURN:
            for node in web_hosts:
                proposals.append(
                    ProposedCertificate(
                        f"turn-{_short(node)}-{year}", node, (node,), (service,), node, N_("the TURN server's own name")
                    )
                )
        elif service is Service.LOADBALANCER:
            for node in web_hosts:
                proposals.append(
                    ProposedCertificate(
                        f"loadbalancer-{_short(node)}-{year}",
                        node,
                        (node,),
                        (service,),
                        node,
                        N_("serverAuth and clientAuth"),
                    )
                )
    return proposals
