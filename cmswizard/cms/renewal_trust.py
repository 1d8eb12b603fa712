"""After a renewal, the peers that hold the renewed certificate in a trust file: that file rebuilt, and the
commands that load it on every one of them (docs/cms-reference.md, "Trust updates after renewal").

A certificate shared by several servers (Web Bridge 3 on every edge, a Call Bridge certificate whose SAN
lists every node) is renewed on all of them in one sheet; the servers that trust it (the Call Bridges for a
Web Bridge 3, the Web Bridge 3s for a Call Bridge or Scheduler) get a section that loads the rebuilt trust
file and restarts the service that reads it. One trust file holds every peer (TAC 217367): it is made from
the renewed files, and the sheet says to add any peer whose certificate was not renewed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cmswizard.cms.lines import MmpLine, command, note
from cmswizard.cms.nodes import check_listed
from cmswizard.cms.services import CmsVersion, Service, services_for
from cmswizard.cms.sheet import Deployment, DeploymentSheet, NodeSheet, PeerTrustFile, TrustKind
from cmswizard.cms.trust import trust_file_bytes
from cmswizard.pki.errors import N_
from cmswizard.pki.files import OutputFile, read_input_file, write_files
from cmswizard.pki.profiles import TrustContent

__all__ = ["peer_trust_file", "peer_trust_kind", "renewal_trust_names", "with_peer_trust", "write_sheet_trust_files"]


def peer_trust_kind(service: Service, version: CmsVersion) -> TrustKind | None:
    """The trust file of the peers that hold `service`'s certificate: every Call Bridge (and Scheduler) trusts
    every Web Bridge 3; every Web Bridge 3 trusts every Call Bridge and Scheduler; on 2.x without Web Bridge 3
    the Web Bridge trusts the Call Bridges. None: no other server keeps this certificate in a trust file."""
    if service is Service.WEBBRIDGE3:
        return TrustKind.WEBBRIDGE3
    if service is Service.SCHEDULER:
        return TrustKind.C2W_CLIENTS
    if service is Service.CALLBRIDGE:
        return TrustKind.C2W_CLIENTS if Service.WEBBRIDGE3 in services_for(version) else TrustKind.CALLBRIDGE
    return None


def renewal_trust_names(year: int) -> tuple[tuple[TrustKind, str], ...]:
    """Trust file names of a renewal (`trust-webbridge3-2026.crt`): never the name of the file in use."""
    return tuple((kind, kind.default_name.removesuffix(".crt") + f"-{year}.crt") for kind in TrustKind)


def peer_trust_file(deployment: Deployment) -> PeerTrustFile | None:
    """The peers' trust file rebuilt from the renewed files (the deployment's one service row)."""
    if len(deployment.services) != 1:
        return None
    files = deployment.services[0]
    kind = peer_trust_kind(files.service, deployment.version)
    if kind is None:
        return None
    # the Web Bridge (2.x) trusts the Call Bridge certificates themselves (the Cisco Live lab's combined file)
    content = TrustContent.LEAF if kind is TrustKind.CALLBRIDGE else deployment.trust_content
    sources = tuple(name for name in (files.certificate, files.bundle) if name)
    return PeerTrustFile(kind, deployment.trust_name(kind), sources, content)


def _peer_lines(trust: PeerTrustFile, renewed: str) -> list[MmpLine]:
    name = trust.name
    every_peer = note(
        N_(
            "{name} holds {file}, the renewed certificate; one trust file holds every peer (TAC 217367): add any "
            "peer certificate not renewed here to {name} first"
        ),
        name=name,
        file=renewed,
    )
    if trust.kind is TrustKind.WEBBRIDGE3:
        return [
            note(N_("Call Bridge: trust the renewed Web Bridge 3 certificate, restart (calls in progress drop)")),
            every_peer,
            command(f"callbridge trust c2w {name}"),
            command("callbridge restart"),
            note(N_("if the Scheduler runs on this server, type also: scheduler c2w trust {name}"), name=name),
        ]
    if trust.kind is TrustKind.C2W_CLIENTS:
        return [
            note(N_("Web Bridge 3: trust the renewed certificate for the Call Bridge link (C2W), restart")),
            every_peer,
            command(f"webbridge3 c2w trust {name}"),
            command("webbridge3 restart"),
        ]
    return [
        note(N_("Web Bridge: trust the renewed Call Bridge certificate (or guest joins fail)")),
        every_peer,
        command("webbridge disable"),
        command(f"webbridge trust {name}"),
        command("webbridge enable"),
    ]


def with_peer_trust(
    deployment: Deployment, sheet: DeploymentSheet, peers: Sequence[str], *, field: str = "peers"
) -> DeploymentSheet:
    """`sheet` (the replacement sheet of `deployment`) with a section on every peer that loads the rebuilt trust file:
    appended to the server's own section when it is also renewed here, else a section of its own that starts
    with the backup. No peers, or a service no other server trusts: the sheet as it is."""
    trust = peer_trust_file(deployment)
    if trust is None or not any(peer.strip() for peer in peers):
        return sheet
    wanted, _ = check_listed(list(peers), [], field, field)  # canonical, each once
    renewed = deployment.services[0].certificate
    by_node = {node.node: node for node in sheet.nodes}
    nodes = list(sheet.nodes)
    for peer in wanted:
        lines = _peer_lines(trust, renewed)
        existing = by_node.get(peer)
        if existing is not None:
            merged = NodeSheet(existing.node, existing.role, [*existing.files], [*existing.lines, *lines])
            merged.add(files=[trust.name])
            nodes[nodes.index(existing)] = merged
            continue
        section = NodeSheet(peer, N_("trusts the renewed certificate"))
        section.add(
            note(
                N_("Before any change: take a backup, then download {name}.bak with SFTP"), name=deployment.backup_name
            ),
            command(f"backup snapshot {deployment.backup_name}"),
        )
        section.add(*lines, files=[trust.name])
        nodes.append(section)
    return replace(sheet, nodes=tuple(nodes), trust_files=(*sheet.trust_files, trust))


def write_sheet_trust_files(deployment: Deployment, sheet: DeploymentSheet, folder: Path) -> list[Path]:
    """Write the trust files `sheet` names into `folder` (where the renewed files are), all or nothing. A file
    already there with the same bytes is kept as it is; one with other bytes is refused, never replaced."""
    outputs = []
    for trust in sheet.trust_files:
        data = trust_file_bytes(deployment, trust, folder)
        path = folder / trust.name
        if path.is_file() and read_input_file(path) == data:
            continue
        outputs.append(OutputFile(path, data))
    return write_files(outputs) if outputs else []
