"""Peer trust files built from the peers' own files, and the checks a deployment's files must pass.

A peer trust file holds every peer (TAC 217367): every Web Bridge 3 for `callbridge trust c2w`, every
Call Bridge and Scheduler for `webbridge3 c2w trust`, every XMPP node for `xmpp cluster trust`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography import x509

from cmswizard.cms.dbcluster import DbFiles
from cmswizard.cms.file_pairs import pair_problems
from cmswizard.cms.services import Eku, Service, check_service_eku, eku_of
from cmswizard.cms.sheet import Deployment, PeerTrustFile, ServiceFiles, TrustKind, node_services
from cmswizard.pki.bundle import bundle_bytes, select_peer_trust
from cmswizard.pki.certfacts import is_ca, subject_cn
from cmswizard.pki.chain import auto_order, collect, common_name, issued_by
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.files import OutputFile, write_files
from cmswizard.pki.loader import LoadedFile, load_file
from cmswizard.pki.spec import DB_CLIENT_CN, Problem, Severity

__all__ = ["callbridge_cn", "check_sheet_files", "trust_file_bytes", "write_trust_files"]


def _load(folder: Path, name: str) -> LoadedFile:
    path = folder / name
    if not path.is_file():
        raise CmsInputError(name, Text(N_("is not in {folder}; make it or choose another file"), folder=str(folder)))
    return load_file(path)


def _peer_groups(deployment: Deployment, trust: PeerTrustFile) -> list[list[str]]:
    """The files of each peer, one group per service row, so each peer's chain is ordered on its own."""
    wanted = {
        TrustKind.WEBBRIDGE3: (Service.WEBBRIDGE3,),
        TrustKind.C2W_CLIENTS: (Service.CALLBRIDGE, Service.SCHEDULER),
        TrustKind.CALLBRIDGE: (Service.CALLBRIDGE,),
        TrustKind.XMPP: (Service.XMPP,),
    }[trust.kind]
    groups: list[list[str]] = []
    for files in deployment.services:
        if files.service in wanted:
            group = [n for n in (files.certificate, files.bundle) if n]
            if group not in groups:
                groups.append(group)
    return groups


def trust_file_bytes(deployment: Deployment, trust: PeerTrustFile, folder: Path) -> bytes:
    """The bytes of one peer trust file, from the peers' files in `folder`."""
    chains = []
    for group in _peer_groups(deployment, trust):
        pile = collect([_load(folder, name) for name in group])
        found = auto_order(pile)
        if not found.chains:
            raise CmsInputError(group[0], N_("holds no certificate for the trust file"))
        chains.append(list(found.chains[0].items))
    return bundle_bytes(select_peer_trust(chains, trust.content))


def write_trust_files(
    deployment: Deployment, folder: Path, *, force: bool = False, trusts: Sequence[PeerTrustFile] | None = None
) -> list[Path]:
    """Write every peer trust file the deployment needs (or `trusts`: the ones a sheet names) into `folder`, all or
    nothing."""
    outputs = [
        OutputFile(folder / trust.name, trust_file_bytes(deployment, trust, folder), replace=force)
        for trust in (deployment.trust_files() if trusts is None else trusts)
    ]
    return write_files(outputs) if outputs else []


def callbridge_cn(services: Sequence[ServiceFiles], folder: Path) -> str:
    """The Call Bridge certificate's CN (the CUCM trunk's X.509 Subject Name), when its file is at hand."""
    for files in services:
        if files.service is Service.CALLBRIDGE and (folder / files.certificate).is_file():
            try:
                certificates = load_file(folder / files.certificate).certificates
            except CmsInputError:
                return ""
            return common_name(certificates[0].subject) if certificates else ""
    return ""


def _certificates_in(path: Path) -> list[x509.Certificate]:
    try:
        return load_file(path).certificates
    except (CmsInputError, OSError):
        return []


def shared_ca_bundle(folder: Path, certificate: str, candidates: Sequence[str]) -> str:
    """The one file among `candidates` holding only CA certificates, one of them the certificate's issuer
    (a ca-bundle.crt beside the services' files); "" when none or several do."""
    leaf = _certificates_in(folder / certificate)
    if not leaf:
        return ""
    found = []
    for name in candidates:
        held = _certificates_in(folder / name)
        if held and all(is_ca(c) for c in held) and any(issued_by(leaf[0], c) for c in held):
            found.append(name)
    return found[0] if len(found) == 1 else ""


def _xmpp_peer_eku(certificate: x509.Certificate, name: str) -> list[Problem]:
    """XMPP nodes of a cluster connect to each other; no readable Cisco text says whether that link checks
    clientAuth (PA 12.x asks for both EKUs only on certificates that serve both ways): a warning, never a refusal."""
    allowed = eku_of(certificate)
    if allowed is None or Eku.CLIENT in allowed:
        return []
    return [
        Problem(
            Service.XMPP.label,
            Severity.WARNING,
            Text(
                N_(
                    "{file} has no clientAuth: the XMPP nodes of a cluster connect to each other, and no readable "
                    "Cisco text says whether they need it; if the cluster link fails, use a certificate with both"
                ),
                file=name,
            ),
        )
    ]


def check_sheet_files(deployment: Deployment, folder: Path) -> list[Problem]:
    """What is wrong with the files the deployment assigns: EKU per service (error), no CA bundle (warning)."""
    problems: list[Problem] = []
    deployment = deployment.checked()
    seen: set[tuple[Service, str]] = set()
    nodes = (*deployment.nodes, *deployment.edge_nodes)
    for node in nodes:
        for service, files in node_services(deployment, node).items():
            if (service, files.certificate) in seen:
                continue
            seen.add((service, files.certificate))
            path = folder / files.certificate
            if path.is_file():
                try:
                    certificates = load_file(path).certificates
                except CmsInputError as error:
                    problems.append(Problem(files.certificate, Severity.ERROR, error.message))
                    continue
                if not certificates:
                    problems.append(Problem(files.certificate, Severity.ERROR, N_("holds no certificate")))
                    continue
                eku = check_service_eku(service, certificates[0], files.certificate)
                if eku is not None:
                    problems.append(Problem(service.label, Severity.ERROR, eku))
                elif service is Service.XMPP and len(deployment.running(Service.XMPP)) > 1:
                    problems.extend(_xmpp_peer_eku(certificates[0], files.certificate))
                problems.extend(pair_problems(service, folder, files.key, files.certificate))
                has_chain = len(certificates) > 1
            else:
                has_chain = False
            if (
                not service.takes_full_chain
                and service is not Service.LOADBALANCER
                and not files.bundle
                and not has_chain
            ):
                problems.append(
                    Problem(
                        service.label,
                        Severity.WARNING,
                        Text(
                            N_(
                                "{file} has no CA bundle: choose one, or use a full-chain file as the certificate "
                                "(CMS 3.0 and later need the whole chain)"
                            ),
                            file=files.certificate,
                        ),
                    )
                )
    if deployment.db is not None:
        problems.extend(_db_file_problems(deployment.db.files, folder))
    return problems


def _db_file_problems(files: DbFiles, folder: Path) -> list[Problem]:
    """PostgreSQL refuses a DB client certificate without clientAuth or not named postgres, and the
    client refuses a DB server certificate without serverAuth (§3; shown with a real server in the tests)."""
    problems: list[Problem] = []
    for name, need, message in (
        (
            files.server_certificate,
            Eku.SERVER,
            N_(
                "{file}: the database server needs serverAuth in the extended key usage and this certificate has "
                "not; the nodes refuse it: ask the CA for a server certificate"
            ),
        ),
        (
            files.client_certificate,
            Eku.CLIENT,
            N_(
                "{file}: the database client needs clientAuth in the extended key usage and this certificate has "
                "not; PostgreSQL refuses it: ask the CA for a client certificate"
            ),
        ),
    ):
        path = folder / name
        if not path.is_file():
            continue  # made on the box, or not uploaded yet
        try:
            certificates = load_file(path).certificates
        except CmsInputError as error:
            problems.append(Problem(name, Severity.ERROR, error.message))
            continue
        if not certificates:
            problems.append(Problem(name, Severity.ERROR, N_("holds no certificate")))
            continue
        allowed = eku_of(certificates[0])
        if allowed is not None and need not in allowed:
            problems.append(Problem(Service.DATABASE.label, Severity.ERROR, Text(message, file=name)))
        cn = subject_cn(certificates[0])
        if need is Eku.CLIENT and cn != DB_CLIENT_CN:
            problems.append(
                Problem(
                    Service.DATABASE.label,
                    Severity.ERROR,
                    Text(
                        N_(
                            "{file}: the database client certificate's CN must be exactly postgres, not {cn}; "
                            "PostgreSQL refuses any other name"
                        ),
                        file=name,
                        cn=cn or "-",
                    ),
                )
            )
    return problems
