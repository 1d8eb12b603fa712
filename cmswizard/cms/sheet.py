"""The deployment sheet: the MMP commands that put the user's files to work (§4–§6), node by node.

`Deployment` is the whole deployment model (what runs where, with which files, on which ports);
`build_sheet()` turns it into commands; `DeploymentSheet.text(translate)` renders them, explanations in
the interface language through the `translate` hook. Every command comes from a Cisco document listed
in docs/cms-reference.md; commands without a confirmed syntax are printed commented out.
"""

from __future__ import annotations

import enum
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cmswizard.cms.lines import (
    MmpLine,
    Translate,
    command,
    mmp_base_name,
    mmp_file_name,
    note,
    render_lines,
    unconfirmed,
)
from cmswizard.cms.nodes import CORE_FIELD, EDGE_FIELD, check_listed, check_topology
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology, services_for
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message, name_list
from cmswizard.pki.names import check_fqdn
from cmswizard.pki.profiles import TrustContent
from cmswizard.pki.safe_text import escape, has_control

if TYPE_CHECKING:
    from cmswizard.cms.dbcluster import DbCluster

__all__ = [
    "Deployment",
    "DeploymentSheet",
    "Listen",
    "NodeSheet",
    "PeerTrustFile",
    "ServiceFiles",
    "TrustContent",
    "TrustKind",
    "build_sheet",
    "mmp_file_name",
    "node_services",
    "pinned_off_side",
]


@dataclass(frozen=True)
class ServiceFiles:
    """The files one service uses. For full-chain services (Web Bridge 3, Scheduler) `certificate` is the
    full-chain file and `bundle` stays None."""

    service: Service
    key: str
    certificate: str
    bundle: str | None = None
    node: str = ""  # "" for every node that runs the service; else only this node (e.g. Web Admin per node)

    def __post_init__(self) -> None:
        # A name becomes part of an MMP command line: a newline in it must never start a command of its
        # own. Front ends refuse such names with a message; this is the last guard (shown escaped).
        for name in ("key", "certificate", "bundle", "node"):
            value = getattr(self, name)
            if value and has_control(value):
                object.__setattr__(self, name, escape(value))

    def files(self) -> list[str]:
        return [name for name in (self.key, self.certificate, self.bundle) if name]


def pinned_off_side(files: ServiceFiles, topology: Topology, edge_nodes: Sequence[str]) -> Text | None:
    """Why a row for one server names a server that does not run its service (in a core + edge
    deployment each service runs on one side: `Service.edge_side`); None when the row is fine."""
    if topology is not Topology.EDGE or not files.node:
        return None
    on_edge = files.node in edge_nodes
    if files.service.edge_side == on_edge:
        return None
    template = (
        N_(
            "the {service} row is for this edge server, but {service} runs on the core servers: give the row "
            "a core server, or no server so that every core gets it"
        )
        if on_edge
        else N_(
            "the {service} row is for this core server, but {service} runs on the edge servers: give the row "
            "an edge server, or no server so that every edge gets it"
        )
    )
    return Text(template, service=files.service.label)


@dataclass(frozen=True)
class Listen:
    """Interfaces and ports are site choices (§5): these are the defaults the sheet starts from."""

    interface: str = "a"
    webadmin_port: int = 443
    webadmin_port_beside_web_bridge: int = 445  # Web Admin moves here on a box whose web bridge has its port
    webbridge_port: int = 443  # Web Bridge 2
    webbridge3_port: int = 443  # Web Bridge 3 HTTPS
    c2w_port: int = 6000  # site-chosen (TAC 221729 uses 6000); the same as in the c2w:// URL
    # Never the web bridge's port on the same interface (CMS 2.0 Scalable and Resilient Deployment Guide,
    # "Deploying TURN servers": else "select a non-standard port for the TURN server, for example: turn tls 447").
    turn_tls_port: int = 447
    scheduler_port: int = 9443  # `scheduler https listen a 9443` (TAC 217367)

    def check(self) -> Listen:
        if not self.interface.isalnum() or len(self.interface) > 8:
            raise CmsInputError("interface", N_("is an MMP interface letter such as a, b, c or d"))
        for name in ("webadmin_port", "webadmin_port_beside_web_bridge", "webbridge_port", "webbridge3_port"):
            _check_port(name, getattr(self, name))
        _check_port("c2w_port", self.c2w_port)
        _check_port("turn_tls_port", self.turn_tls_port)
        _check_port("scheduler_port", self.scheduler_port)
        return self


def _one_file_per_name(deployment: Deployment) -> None:
    """Two different files with one base name would land on the MMP as one: refuse it."""
    paths = [n for f in deployment.services for n in f.files()] + (
        [deployment.sip_trust] if deployment.sip_trust else []
    )
    seen: dict[str, tuple[str, str]] = {}
    for path in paths:
        same = posixpath.normpath(path.replace("\\", "/"))  # ./cb.key and cb.key are one file
        first, first_same = seen.setdefault(mmp_file_name(path), (path, same))
        if first_same != same:
            raise CmsInputError(
                mmp_file_name(path),
                Text(
                    N_(
                        "is the name of two different files ({first} and {second}); on the MMP they would be one "
                        "file: rename one of them"
                    ),
                    first=first,
                    second=path,
                ),
            )


def _check_port(name: str, value: int) -> None:
    if not 1 <= value <= 65535:
        raise CmsInputError(name.replace("_", " "), Text(N_("{value} is not a port; give 1 to 65535"), value=value))


class TrustKind(enum.Enum):
    """Peer trust files: one file holding every peer, never only one of them (TAC 217367)."""

    WEBBRIDGE3 = "webbridge3"  # `callbridge trust c2w`, `scheduler c2w trust`: every Web Bridge 3
    C2W_CLIENTS = "c2w-clients"  # `webbridge3 c2w trust`: every Call Bridge and Scheduler
    CALLBRIDGE = "callbridge"  # `webbridge trust` (2.x): the Call Bridge certificates
    XMPP = "xmpp"  # `xmpp cluster trust`: every XMPP node (TAC 213479)

    @property
    def default_name(self) -> str:
        return {
            "webbridge3": "trust-webbridge3.crt",
            "c2w-clients": "trust-c2w-clients.crt",
            "callbridge": "trust-callbridge.crt",
            "xmpp": "trust-xmpp-cluster.crt",
        }[self.value]

    @property
    def label(self) -> str:  # a Text: translated also where it is a parameter of another message
        labels = {
            "webbridge3": N_("every Web Bridge 3 certificate"),
            "c2w-clients": N_("every Call Bridge and Scheduler certificate"),
            "callbridge": N_("the Call Bridge certificates"),
            "xmpp": N_("every XMPP node certificate"),
        }
        return as_message(labels[self.value])


@dataclass(frozen=True)
class PeerTrustFile:
    """A trust file the wizard builds from the peers' files (`cms.trust.build_trust_file`)."""

    kind: TrustKind
    name: str
    sources: tuple[str, ...]  # the peers' certificate (and CA bundle) files, in order
    content: TrustContent


@dataclass(frozen=True)
class Deployment:
    """Everything the sheet is made from: the deployment model a plan file stores."""

    version: CmsVersion
    topology: Topology
    nodes: tuple[str, ...]  # core servers (all servers when there is no edge)
    services: tuple[ServiceFiles, ...] = ()
    edge_nodes: tuple[str, ...] = ()
    db: DbCluster | None = None
    db_renewal: bool = False
    trust_content: TrustContent = TrustContent.FULL_CHAIN
    trust_names: tuple[tuple[TrustKind, str], ...] = ()  # overrides of TrustKind.default_name
    listen: Listen = Listen()
    sip_trust: str | None = None  # CA bundle for `tls sip trust` (SIP mutual TLS)
    backup_name: str = BACKUP_NAME
    callbridge_cn: str = ""  # for the CUCM trunk's X.509 Subject Name; "" when not known
    xmpp_domain: str = ""  # 2.x: the XMPP domain clients use (the probe's STARTTLS `to`); "" when not given

    def trust_name(self, kind: TrustKind) -> str:
        return dict(self.trust_names).get(kind, kind.default_name)

    def checked(self) -> Deployment:
        """The deployment with canonical node names; raises on the first bad input."""
        cores, edges = check_listed(self.nodes, self.edge_nodes, CORE_FIELD, EDGE_FIELD)
        check_topology(self.topology, cores, edges, CORE_FIELD, EDGE_FIELD)
        if not re.fullmatch(r"[A-Za-z0-9_-]+", self.backup_name):
            # it becomes `backup snapshot <name>`: a space, ';' or a line break would change the command
            raise CmsInputError(
                "backup name", Text(N_("{value}: use letters, digits, '-' and '_' only"), value=self.backup_name)
            )
        if self.xmpp_domain:
            check_fqdn(self.xmpp_domain, "XMPP domain", allow_wildcard=False, allow_single_label=True)
        if self.topology is not Topology.EDGE:
            edges = ()
        available = services_for(self.version)
        for files in self.services:
            if files.service not in available or files.service is Service.DATABASE:
                raise CmsInputError(
                    files.service.label,
                    Text(N_("does not exist on {version}; remove it"), version=self.version.label),
                )
            if files.node and files.node not in (*cores, *edges):
                raise CmsInputError(
                    files.node,
                    Text(N_("({label}) is not one of the servers; check the name"), label=files.service.label),
                )
            off_side = pinned_off_side(files, self.topology, edges)
            if off_side is not None:
                raise CmsInputError(files.node, off_side)
        checked = replace(
            self,
            nodes=cores,
            edge_nodes=edges,
            listen=self.listen.check(),
            services=tuple(
                replace(
                    f,
                    key=mmp_file_name(f.key),
                    certificate=mmp_file_name(f.certificate),
                    bundle=mmp_file_name(f.bundle) if f.bundle else None,
                )
                for f in self.services
            ),
            sip_trust=mmp_file_name(self.sip_trust) if self.sip_trust else None,
        )
        _one_file_per_name(self)
        checked.check_ports()
        checked.check_scheduler()
        return checked

    def check_ports(self) -> None:
        """TURN TLS and a web bridge on the same interface and port cannot both listen: refuse the clash
        (Deployment Guide 2.0, Scalable and Resilient, "Deploying TURN servers": separate servers, or other
        interfaces and subnets, or another TURN port such as 447)."""
        for node in (*self.nodes, *self.edge_nodes):
            here = node_services(self, node)
            if Service.TURN in here and self.listen.turn_tls_port in _web_ports(here, self.listen):
                raise CmsInputError(
                    "turn tls port",
                    Text(
                        N_(
                            "{port} is the port the web bridge listens on at {node} (interface {interface}): "
                            "TURN TLS and the web bridge cannot share it; give TURN another port, e.g. 447"
                        ),
                        port=self.listen.turn_tls_port,
                        node=node,
                        interface=self.listen.interface,
                    ),
                )

    def check_scheduler(self) -> None:
        """The Scheduler calls the Call Bridge API over the loopback interface: it runs only on a server
        that hosts a Call Bridge (TAC 217367, "Scheduler C2W - Web Bridge Connection Explained")."""
        for node in self.running(Service.SCHEDULER):
            if Service.CALLBRIDGE not in node_services(self, node):
                raise CmsInputError(
                    node,
                    N_(
                        "runs the Scheduler but no Call Bridge: the Scheduler reaches the Call Bridge over the "
                        "loopback interface, so put it on a server with a Call Bridge"
                    ),
                )

    def trust_files(self) -> list[PeerTrustFile]:
        """The peer trust files this deployment needs, each with every peer in it."""

        def sources(*services: Service) -> tuple[str, ...]:
            names: list[str] = []
            for files in self.services:
                if files.service in services:
                    names += [n for n in (files.certificate, files.bundle) if n and n not in names]
            return tuple(names)

        present = {files.service for files in self.services}
        found = []
        if Service.WEBBRIDGE3 in present and present & {Service.CALLBRIDGE, Service.SCHEDULER}:
            found.append((TrustKind.WEBBRIDGE3, sources(Service.WEBBRIDGE3), self.trust_content))
            found.append((TrustKind.C2W_CLIENTS, sources(Service.CALLBRIDGE, Service.SCHEDULER), self.trust_content))
        if Service.WEBBRIDGE in present and len(self.callbridge_certificates()) > 1:
            found.append((TrustKind.CALLBRIDGE, sources(Service.CALLBRIDGE), TrustContent.LEAF))
        if Service.XMPP in present and len(self.running(Service.XMPP)) > 1:
            found.append((TrustKind.XMPP, sources(Service.XMPP), self.trust_content))
        return [PeerTrustFile(kind, self.trust_name(kind), names, content) for kind, names, content in found]

    def callbridge_certificates(self) -> list[str]:
        return list(dict.fromkeys(f.certificate for f in self.services if f.service is Service.CALLBRIDGE))

    def running(self, service: Service) -> list[str]:
        """The nodes on which `service` runs."""
        return [node for node in (*self.nodes, *self.edge_nodes) if node_services(self, node).get(service)]


def node_services(deployment: Deployment, node: str) -> dict[Service, ServiceFiles]:
    """The files each service uses on `node`: a row for this node wins over a row for every node."""
    is_edge = node in deployment.edge_nodes
    chosen: dict[Service, ServiceFiles] = {}
    for files in deployment.services:
        if files.node:
            if files.node == node:
                chosen[files.service] = files
            continue
        if deployment.topology is Topology.EDGE and files.service.edge_side != is_edge:
            continue
        chosen.setdefault(files.service, files)
    order = services_for(deployment.version)
    return {service: chosen[service] for service in order if service in chosen}


@dataclass
class NodeSheet:
    node: str
    role: str  # an N_() text
    files: list[str] = field(default_factory=list)
    lines: list[MmpLine] = field(default_factory=list)

    def add(self, *lines: MmpLine, files: Iterable[str] = ()) -> None:
        self.lines.extend(lines)
        for name in files:
            if name and name not in self.files:
                self.files.append(name)


@dataclass(frozen=True)
class DeploymentSheet:
    version: CmsVersion
    nodes: tuple[NodeSheet, ...]
    elsewhere: tuple[MmpLine, ...] = ()
    trust_files: tuple[PeerTrustFile, ...] = ()

    def referenced_files(self) -> set[str]:
        return {name for node in self.nodes for name in node.files}

    def node_text(self, node: NodeSheet, translate: Translate = str) -> str:
        name = translate(node.node) if isinstance(node.node, Text) else node.node  # a phrase, or a host name
        role = translate(Text(node.role))
        # Chinese takes full-width brackets, without the space (the zh_TW glossary's punctuation rule)
        role_shown = f"（{role}）" if any(ord(ch) >= 0x3000 for ch in role) else f" ({role})"
        out = [f"# ===== {name}{role_shown} ====="]
        if node.files:
            out.append("# " + translate(Text(N_("files to upload here: {files}"), files=name_list(node.files))))
        return "\n".join(out + render_lines(node.lines, translate)) + "\n"

    def elsewhere_text(self, translate: Translate = str) -> str:
        if not self.elsewhere:
            return ""
        title = translate(Text(N_("elsewhere: CUCM and Expressway")))
        return "\n".join([f"# ===== {title} =====", *render_lines(self.elsewhere, translate)]) + "\n"

    def text(self, translate: Translate = str) -> str:
        header = [
            Text(
                N_("Cisco Meeting Server {version}: certificate commands (made by cmswizard)"),
                version=self.version.value,
            ),
            Text(N_("1. Upload the files listed for each node with SFTP to the MMP (log in as the admin user).")),
            Text(
                N_(
                    "2. Type the commands at the MMP prompt, in order. Lines starting with # are explanations: skip them."
                )
            ),
            Text(
                N_(
                    "Each certs/enable/restart step answers SUCCESS or FAILURE. On FAILURE stop, and check the file "
                    "names with 'pki list', the key with 'pki match' and the chain with 'pki verify'."
                )
            ),
            Text(
                N_(
                    "Every command and its Cisco source: cms-reference.md, installed with cmswizard "
                    "(cmswizard --reference prints where)."
                )
            ),
        ]
        out = "\n".join(f"# {translate(line)}" for line in header) + "\n"
        for trust in self.trust_files:
            out += (
                "# "
                + translate(
                    Text(
                        N_("{name} is a peer trust file made by cmswizard: {what}, as {content}, from {files}"),
                        name=trust.name,
                        what=trust.kind.label,
                        content=trust.content.label,
                        files=name_list(trust.sources),
                    )
                )
                + "\n"
            )
        out += "".join("\n" + self.node_text(node, translate) for node in self.nodes)
        if self.elsewhere:
            out += "\n" + self.elsewhere_text(translate)
        return out


# --- sections ---------------------------------------------------------------------------------


def _checks(sheet: NodeSheet, services: Sequence[ServiceFiles]) -> None:
    sheet.add(note(N_("Check first: the files are on this node, each key fits its certificate, each chain verifies")))
    sheet.add(command("pki list"))
    seen: set[str] = set()
    for files in services:
        if files.certificate in seen:
            continue
        seen.add(files.certificate)
        sheet.add(command(f"pki inspect {files.certificate}"), command(f"pki match {files.key} {files.certificate}"))
        if files.bundle:
            sheet.add(command(f"pki verify {files.certificate} {files.bundle}"))


def _web_ports(here: dict[Service, ServiceFiles], listen: Listen) -> set[int]:
    ports = set()
    if Service.WEBBRIDGE in here:
        ports.add(listen.webbridge_port)
    if Service.WEBBRIDGE3 in here:
        ports.add(listen.webbridge3_port)
    return ports


def _section(
    deployment: Deployment,
    sheet: NodeSheet,
    files: ServiceFiles,
    here: dict[Service, ServiceFiles],
    trust: dict[TrustKind, str],
) -> None:
    key, cert, bundle = files.key, files.certificate, files.bundle
    tail = f" {bundle}" if bundle else ""
    listen, interface = deployment.listen, deployment.listen.interface
    label = files.service.label
    sheet.add(files=files.files())
    service = files.service
    if service is Service.WEBADMIN:
        port = listen.webadmin_port
        lines = [note(N_("{label}: disable, listen, assign key, certificate and CA bundle, enable"), label=label)]
        if port in _web_ports(here, listen):
            port = listen.webadmin_port_beside_web_bridge
            lines.append(
                note(
                    N_(
                        "the web bridge uses port {used} on this server: Web Admin moves to {port} (https://{node}:{port})"
                    ),
                    used=listen.webadmin_port,
                    port=port,
                    node=sheet.node,
                )
            )
        sheet.add(
            *lines,
            command("webadmin disable"),
            command(f"webadmin listen {interface} {port}"),
            command(f"webadmin certs {key} {cert}{tail}"),
            command("webadmin enable"),
        )
    elif service is Service.CALLBRIDGE:
        # "trust the peers" only when a trust command follows (Web Bridge 3 peers, SIP trust): 2.x often has none
        heading = (
            N_(
                "{label}: listen, assign key, certificate and CA bundle, trust the peers, restart (calls in progress drop)"
            )
            if TrustKind.WEBBRIDGE3 in trust or deployment.sip_trust
            else N_("{label}: listen, assign key, certificate and CA bundle, restart (calls in progress drop)")
        )
        sheet.add(
            note(heading, label=label),
            command(f"callbridge listen {interface}"),
            command(f"callbridge certs {key} {cert}{tail}"),
        )
        if TrustKind.WEBBRIDGE3 in trust:
            name = trust[TrustKind.WEBBRIDGE3]
            sheet.add(command(f"callbridge trust c2w {name}"), files=[name])
        sheet.add(*_callbridge_trust_steps(deployment), files=[deployment.sip_trust] if deployment.sip_trust else [])
        sheet.add(command("callbridge restart"))
    elif service is Service.WEBBRIDGE:
        sheet.add(
            note(
                N_("{label}: disable, listen, assign, trust the Call Bridge (or guest joins fail), enable"), label=label
            ),
            command("webbridge disable"),
            command(f"webbridge listen {interface}:{listen.webbridge_port}"),
            command(f"webbridge certs {key} {cert}{tail}"),
        )
        callbridges = deployment.callbridge_certificates()
        if callbridges:
            name = trust.get(TrustKind.CALLBRIDGE, callbridges[0])
            sheet.add(command(f"webbridge trust {name}"), files=[name])
        else:
            sheet.add(note(N_("no Call Bridge certificate is listed: add it, then type webbridge trust <its file>")))
        sheet.add(command("webbridge enable"))
    elif service is Service.WEBBRIDGE3:
        sheet.add(
            note(
                N_(
                    "{label}: HTTPS and the Call Bridge link (C2W) with the full-chain file; C2W port {port} must be "
                    "the port of the c2w:// URL set on the Call Bridge through the API"
                ),
                label=label,
                port=listen.c2w_port,
            ),
            command(f"webbridge3 https listen {interface}:{listen.webbridge3_port}"),
            command(f"webbridge3 https certs {key} {cert}"),
            command(f"webbridge3 c2w listen {interface}:{listen.c2w_port}"),
            command(f"webbridge3 c2w certs {key} {cert}"),
        )
        if TrustKind.C2W_CLIENTS in trust:
            name = trust[TrustKind.C2W_CLIENTS]
            sheet.add(command(f"webbridge3 c2w trust {name}"), files=[name])
        sheet.add(
            note(N_("when Web Bridge 3 is already enabled, type webbridge3 restart instead")),
            command("webbridge3 enable"),
        )
    elif service is Service.SCHEDULER:
        sheet.add(
            note(
                N_(
                    "{label}: HTTPS listen and certificate, its C2W client certificate (full chain), trust in every "
                    "Web Bridge 3; it runs only beside a Call Bridge"
                ),
                label=label,
            ),
            command(f"scheduler https listen {interface} {listen.scheduler_port}"),
            command(f"scheduler https certs {key} {cert}"),
            command(f"scheduler c2w certs {key} {cert}"),
        )
        if TrustKind.WEBBRIDGE3 in trust:
            name = trust[TrustKind.WEBBRIDGE3]
            sheet.add(command(f"scheduler c2w trust {name}"), files=[name])
        sheet.add(unconfirmed("scheduler enable"))
    elif service is Service.XMPP:
        sheet.add(
            note(N_("{label}: disable, assign key, certificate and CA bundle, enable"), label=label),
            command("xmpp disable"),
            command(f"xmpp certs {key} {cert}{tail}"),
        )
        if TrustKind.XMPP in trust:
            name = trust[TrustKind.XMPP]
            sheet.add(command(f"xmpp cluster trust {name}"), files=[name])
        sheet.add(command("xmpp enable"))
    elif service is Service.TURN:
        sheet.add(
            note(
                N_("{label}: disable, assign, set the TLS port (the certificate is unused without it), enable"),
                label=label,
            ),
            command("turn disable"),
            command(f"turn certs {key} {cert}{tail}"),
            command(f"turn tls {listen.turn_tls_port}"),
            command("turn enable"),
        )
    elif service is Service.UCM:
        # No readable Cisco text gives a command that assigns CUCM its own certificate (the callbridge status
        # lists a UCM trust store, TAC 221729): never print one; the Call Bridge presents its callbridge certs.
        sheet.add(
            note(
                N_(
                    "{label}: no readable Cisco document gives a command to assign {cert} for CUCM; the Call Bridge "
                    "shows CUCM the certificate of its callbridge certs line. UNCONFIRMED step: the Call Bridge's UCM "
                    "trust store (shown by callbridge): look up its command in the MMP Command Reference"
                ),
                label=label,
                cert=cert,
            )
        )
    elif service is Service.LOADBALANCER:
        sheet.add(
            note(
                N_(
                    "{label}: no Cisco document here gives the command; assign {key}, {cert} and {bundle} as your "
                    "CMS guide for your version says"
                ),
                label=label,
                key=key,
                cert=cert,
                bundle=bundle or "-",
            )
        )
    status = {
        Service.WEBADMIN: "webadmin",
        Service.CALLBRIDGE: "callbridge",
        Service.WEBBRIDGE3: "webbridge3",
        Service.TURN: "turn",
    }.get(service)
    if status:
        sheet.add(note(N_("check: {command} with no argument shows the files in use"), command=status), command(status))


def _callbridge_trust_steps(deployment: Deployment) -> list[MmpLine]:
    """The Call Bridge's other trust stores, before its restart: TLS settings take effect on a Call Bridge
    restart (TAC 222766, "Note: A Call Bridge restart is required ... tls configuration")."""
    lines: list[MmpLine] = []
    if deployment.sip_trust:
        lines += [
            note(
                N_(
                    "SIP mutual TLS: trust the CA bundle of the SIP peers, then turn verification on (before the "
                    "restart: TLS settings apply when the Call Bridge restarts)"
                )
            ),
            unconfirmed(f"tls sip trust {deployment.sip_trust}"),
            unconfirmed("tls sip verify enable"),
        ]
    if len(deployment.running(Service.CALLBRIDGE)) > 1:
        lines.append(
            note(
                N_(
                    "UNCONFIRMED step: the Call Bridge cluster trust (callbridge shows 'Callbridge cluster trusted "
                    "certs', TAC 221776) must hold every Call Bridge certificate; no readable Cisco text gives its "
                    "command: look it up in the MMP Command Reference"
                )
            )
        )
    lines.append(
        note(
            N_(
                "UNCONFIRMED step, if the Call Bridge reads users over LDAPS: trust the LDAP server's CA with the "
                "tls ldap commands (TAC 222766 names the tls ldap service); look up their syntax in the MMP "
                "Command Reference"
            )
        )
    )
    return lines


def _elsewhere(deployment: Deployment, callbridge: ServiceFiles | None) -> tuple[MmpLine, ...]:
    if callbridge is None:
        return ()
    chain = (
        f"{callbridge.certificate} + {callbridge.bundle}"
        if callbridge.bundle
        else Text(N_("{file} with its intermediates and root"), file=callbridge.certificate)
    )
    cn = deployment.callbridge_cn or Text(N_("the CN of {file} (pki inspect {file})"), file=callbridge.certificate)
    webadmin = sorted(
        {f.certificate for f in deployment.services if f.service is Service.WEBADMIN} - {callbridge.certificate}
    )
    lines = [
        note(
            N_(
                "CUCM: upload the Call Bridge certificate with its chain ({chain}) as CallManager-trust (OS "
                "Administration > Security > Certificate Management), then restart the Cisco CallManager service "
                "(TAC 213820)"
            ),
            chain=chain,
        )
    ]
    if webadmin:
        lines.append(
            note(
                N_(
                    "CUCM: Web Admin has its own certificate ({files}): upload it with its chain as CallManager-trust "
                    "too; it must name the conference bridge host name CUCM uses, and not be a wildcard (TAC 213820)"
                ),
                files=name_list(webadmin),
            )
        )
    lines += [
        note(
            N_(
                "Expressway-C and Expressway-E: trust the CA that signed {file} (no readable Cisco text gives the "
                "list; check your Expressway guide)"
            ),
            file=callbridge.certificate,
        ),
    ]
    # One trunk per Call Bridge: name each, with the Subject Name of the certificate that node presents
    bridges = [
        (node, on_node[Service.CALLBRIDGE])
        for node in deployment.nodes
        if Service.CALLBRIDGE in (on_node := node_services(deployment, node))
    ]
    if len(bridges) <= 1:
        lines.append(
            note(N_("CUCM SIP trunk to the Call Bridge: its X.509 Subject Name must be {cn} (TAC 213820)"), cn=cn)
        )
    for node, bridge in bridges if len(bridges) > 1 else ():
        node_cn = (
            cn
            if bridge.certificate == callbridge.certificate
            else Text(N_("the CN of {file} (pki inspect {file})"), file=bridge.certificate)
        )
        lines.append(
            note(
                N_("CUCM SIP trunk to the Call Bridge on {node}: its X.509 Subject Name must be {cn} (TAC 213820)"),
                node=node,
                cn=node_cn,
            )
        )
    return tuple(lines)


def build_sheet(deployment: Deployment, *, export_files: Iterable[str] | None = None) -> DeploymentSheet:
    """The ordered commands for every node. Raises if a service does not exist on the deployment's version, a
    node is unknown, or a file a command names is not in `export_files` (when given)."""
    deployment = deployment.checked()
    trust_files = deployment.trust_files()
    trust = {t.kind: t.name for t in trust_files}
    role = (
        N_("core")
        if deployment.topology is Topology.EDGE
        else N_("server")
        if deployment.topology is Topology.SINGLE
        else N_("cluster node")
    )
    sheets = [NodeSheet(node, role) for node in deployment.nodes] + [
        NodeSheet(node, N_("edge")) for node in deployment.edge_nodes
    ]
    for sheet in sheets:
        here = node_services(deployment, sheet.node)
        if not here and not (deployment.db and sheet.node in deployment.db.nodes):
            continue
        # a DB renewal took this node's backup before any `database cluster remove`: never replace it
        if not (deployment.db_renewal and deployment.db and sheet.node in deployment.db.nodes):
            sheet.add(
                note(
                    N_("Before any change: take a backup, then download {name}.bak with SFTP"),
                    name=deployment.backup_name,
                ),
                command(f"backup snapshot {deployment.backup_name}"),
            )
        if here:
            _checks(sheet, list(here.values()))
        for files in here.values():
            _section(deployment, sheet, files, here, trust)
    if deployment.db is not None:
        db = deployment.db
        by_node = {sheet.node: sheet for sheet in sheets}
        if deployment.db_renewal:
            first = NodeSheet(Text(N_("every database node")), N_("renewal: do this first"))
            first.add(*db.renewal_lines(deployment.backup_name))
            sheets.insert(0, first)
        for node in db.nodes:
            if node not in by_node:
                by_node[node] = NodeSheet(node, N_("database node"))
                if not deployment.db_renewal:
                    by_node[node].add(
                        note(
                            N_("Before any change: take a backup, then download {name}.bak with SFTP"),
                            name=deployment.backup_name,
                        ),
                        command(f"backup snapshot {deployment.backup_name}"),
                    )
                sheets.append(by_node[node])
            by_node[node].add(db.role_note(node), *db.node_lines(node), files=db.files_for(node))
    callbridge = next((f for f in deployment.services if f.service is Service.CALLBRIDGE), None)
    result = DeploymentSheet(
        deployment.version, tuple(s for s in sheets if s.lines), _elsewhere(deployment, callbridge), tuple(trust_files)
    )
    if export_files is not None:
        # the folder's other files may hold spaces: only the names the lines use are checked (mmp_file_name)
        exported = {mmp_base_name(name) for name in export_files} | {t.name for t in trust_files}
        needed = result.referenced_files() | {name for t in trust_files for name in t.sources}
        missing = sorted(needed - exported)
        if missing:
            raise CmsInputError(
                missing[0], N_("is used by a command but not in the export set; add it or change the file")
            )
    return result
