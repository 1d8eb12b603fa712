"""The deployment sheet: the MMP commands that put the user's files to work (§5–§7), per node.

Every command names a file from the export set; a sheet that would name any other file is refused,
so what the admin carries on the stick is exactly what the commands need.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cmswizard.pki.dbcluster import DbClusterPlan
from cmswizard.pki.deployment import CmsVersion, Service, Topology, services_for
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.names import check_fqdn

__all__ = ["DeploymentSheet", "NodeSheet", "ServiceFiles", "SheetLine", "build_sheet"]


@dataclass(frozen=True)
class ServiceFiles:
    """The files one service uses. For Web Bridge 3 `certificate` is the full-chain file."""

    service: Service
    key: str
    certificate: str
    bundle: str | None = None
    node: str = ""  # "" for every node that runs the service; else only this node (e.g. Web Admin per node)
    entity: str | None = None  # the certificate alone, for the c2w trust commands (default: `certificate`)

    def files(self) -> list[str]:
        return [name for name in (self.key, self.certificate, self.bundle) if name]

    @property
    def trust_file(self) -> str:
        return self.entity or self.certificate


@dataclass(frozen=True)
class SheetLine:
    """A command to type, or (command == "") a comment line explaining the commands after it."""

    command: str
    comment: str = ""

    def text(self) -> str:
        return self.command or f"# {self.comment}"


@dataclass
class NodeSheet:
    node: str
    role: str
    files: list[str] = field(default_factory=list)
    lines: list[SheetLine] = field(default_factory=list)

    def note(self, comment: str) -> None:
        self.lines.append(SheetLine("", comment))

    def add(self, command: str, *files: str) -> None:
        if SheetLine(command) not in self.lines or not command.startswith("pki "):
            self.lines.append(SheetLine(command))
        for name in files:
            if name and name not in self.files:
                self.files.append(name)


@dataclass(frozen=True)
class DeploymentSheet:
    version: CmsVersion
    nodes: tuple[NodeSheet, ...]

    def referenced_files(self) -> set[str]:
        return {name for node in self.nodes for name in node.files}

    def node_text(self, node: NodeSheet) -> str:
        out = [f"# ===== {node.node} ({node.role}) ====="]
        if node.files:
            out.append(f"# files to upload here: {', '.join(node.files)}")
        return "\n".join(out + [line.text() for line in node.lines]) + "\n"

    def text(self) -> str:
        out = [
            f"# Cisco Meeting Server {self.version.value}: certificate commands (made by cmswizard)",
            "# 1. Upload the files listed for each node with SFTP to the MMP (log in as the admin user).",
            "# 2. Type the commands at the MMP prompt, in order. Lines starting with # are explanations: skip them.",
            "# Each certs/enable/restart step answers SUCCESS or FAILURE. On FAILURE stop, and check the file",
            "# names with 'pki list', the key with 'pki match' and the chain with 'pki verify'.",
        ]
        return "\n".join(out) + "\n" + "".join("\n" + self.node_text(node) for node in self.nodes)


def _checks(sheet: NodeSheet, services: Sequence[ServiceFiles]) -> None:
    sheet.note("Check first: the files are on this node, each key fits its certificate, each chain verifies")
    sheet.add("pki list")
    for files in services:
        sheet.add(f"pki inspect {files.certificate}")
        sheet.add(f"pki match {files.key} {files.certificate}")
        if files.bundle:
            sheet.add(f"pki verify {files.certificate} {files.bundle}")


def _assign(
    sheet: NodeSheet,
    files: ServiceFiles,
    version: CmsVersion,
    callbridge: ServiceFiles | None,
    webbridge3: ServiceFiles | None,
) -> None:
    key, cert, bundle = files.key, files.certificate, files.bundle or ""
    tail = f" {bundle}" if bundle else ""
    label = files.service.label
    sheet.files.extend(name for name in files.files() if name not in sheet.files)
    if files.service is Service.WEBBRIDGE3:
        sheet.note(
            f"{label}: the full-chain file for HTTPS and for the Call Bridge link (c2w), trust the "
            "Call Bridge, restart (expect SUCCESS)"
        )
        sheet.add(f"webbridge3 https certs {key} {cert}")
        sheet.add(f"webbridge3 c2w certs {key} {cert}")
        if callbridge is not None:
            sheet.add(f"webbridge3 c2w trust {callbridge.trust_file}", callbridge.trust_file)
        sheet.add("webbridge3 restart")
        return
    if files.service is Service.CALLBRIDGE:
        trust = " and trust the Web Bridge 3 certificate" if webbridge3 is not None else ""
        sheet.note(f"{label}: assign key, certificate and CA bundle{trust}, then restart (calls in progress drop)")
        sheet.add(f"callbridge certs {key} {cert}{tail}")
        if webbridge3 is not None and version is CmsVersion.V3:
            sheet.add(f"callbridge trust c2w {webbridge3.trust_file}", webbridge3.trust_file)
        sheet.add("callbridge restart")
        return
    if files.service is Service.LOADBALANCER:
        sheet.note(f"{label}: replace <name> with the name of your trunk / load balancer")
        sheet.add(f"loadbalancer edit <name> certs {key} {cert}{tail}")
        return
    name = {Service.WEBADMIN: "webadmin", Service.WEBBRIDGE: "webbridge", Service.XMPP: "xmpp", Service.TURN: "turn"}[
        files.service
    ]
    sheet.note(f"{label}: disable, assign key, certificate and CA bundle, enable (expect SUCCESS)")
    sheet.add(f"{name} disable")
    sheet.add(f"{name} certs {key} {cert}{tail}")
    sheet.add(f"{name} enable")


def _node_services(service: Service, topology: Topology) -> str:
    """Where a service runs: 'core' or 'edge'."""
    if topology is Topology.EDGE and service in (
        Service.WEBBRIDGE3,
        Service.TURN,
        Service.WEBBRIDGE,
        Service.LOADBALANCER,
    ):
        return "edge"
    return "core"


def build_sheet(
    version: CmsVersion,
    topology: Topology,
    nodes: Sequence[str],
    services: Sequence[ServiceFiles],
    *,
    edge_nodes: Sequence[str] = (),
    db: DbClusterPlan | None = None,
    db_renewal: bool = False,
    export_files: Iterable[str] | None = None,
) -> DeploymentSheet:
    """The ordered commands for every node. Raises if a service does not exist on `version` or a file
    it names is not in `export_files` (when given)."""
    cores = [check_fqdn(n, "server FQDNs", allow_wildcard=False) for n in nodes if n.strip()]
    edges = [check_fqdn(n, "edge FQDNs", allow_wildcard=False) for n in edge_nodes if n.strip()]
    if not cores:
        raise CmsInputError("server FQDNs", N_("enter at least one server name"))
    available = services_for(version)
    for files in services:
        if files.service not in available:
            raise CmsInputError(
                files.service.label, Text(N_("does not exist on CMS {value}; remove it"), value=version.value)
            )
    for files in services:
        if files.node and files.node not in (*cores, *edges):
            raise CmsInputError(
                files.node, Text(N_("({label}) is not one of the servers; check the name"), label=files.service.label)
            )
    by_service = {files.service: files for files in services if not files.node}
    by_service.update({files.service: files for files in services if files.service not in by_service})
    callbridge, webbridge3 = by_service.get(Service.CALLBRIDGE), by_service.get(Service.WEBBRIDGE3)
    role = "core" if topology is Topology.EDGE else ("server" if topology is Topology.SINGLE else "cluster node")
    sheets = [NodeSheet(node, role) for node in cores] + [NodeSheet(node, "edge") for node in edges]
    for sheet in sheets:
        place = "edge" if sheet.role == "edge" else "core"
        here = [f for f in services if _node_services(f.service, topology) == place and f.node in ("", sheet.node)]
        if not here:
            continue
        _checks(sheet, here)
        for files in here:
            _assign(sheet, files, version, callbridge, webbridge3)
    if db is not None:
        by_node = {sheet.node: sheet for sheet in sheets}
        if db_renewal:
            first = NodeSheet("every database node", "renewal: do this first")
            first.note(
                "Find the primary, then remove the cluster on every node: connect-only and joining nodes "
                "first, the primary last. Each remove asks for confirmation: answer with a capital Y."
            )
            first.add("database cluster status")
            for node in (*db.connecting, *db.joining, db.primary):
                first.note(f"on {node}")
                first.lines.append(SheetLine("database cluster remove"))
            sheets.insert(0, first)
        for node in db.nodes:
            if node not in by_node:
                by_node[node] = NodeSheet(node, "database node")
                sheets.append(by_node[node])
            sheet = by_node[node]
            role_note = (
                "this node is the primary"
                if node == db.primary
                else "this node joins the cluster"
                if node in db.joining
                else "this node only connects to the database"
            )
            sheet.note(f"Database cluster: {role_note}")
            for number, command in enumerate(db.node_commands(node)):
                sheet.add(command, *(db.files_for(node) if number == 0 else ()))
            if node == db.primary:
                sheet.note("database cluster status must show this node as: (me): Connected Primary")
    sheet_set = DeploymentSheet(version, tuple(s for s in sheets if s.lines))
    if export_files is not None:
        exported = set(export_files)
        missing = sorted(sheet_set.referenced_files() - exported)
        if missing:
            raise CmsInputError(
                missing[0], N_("is used by a command but not in the export set; add it or change the file")
            )
    return sheet_set
