"""The options that describe a deployment (nodes, service files, trust, ports, database cluster) and the
sheet they end in: shared by `deploy` and `renew sheet`, so that both read the same options the same way.

Choices come from the engine's enums, so the CLI, the wizard and the sheet cannot drift apart.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.catalogue import SHEET_LANGUAGES, translator
from cmswizard.cli.output import ExitCode, say, say_block, warn
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import Listen, TrustKind
from cmswizard.pki.errors import CmsCheckFailed, CmsInputError
from cmswizard.pki.profiles import TrustContent
from cmswizard.pki.safe_text import has_control, shown

if TYPE_CHECKING:
    from cmswizard.cms.dbcluster import DbCluster
    from cmswizard.cms.sheet import Deployment, DeploymentSheet, ServiceFiles

__all__ = ["add_deployment_arguments", "add_sheet_language", "deployment_from_args", "emit_sheet"]

_ALL_SERVICES = [s for s in Service if s is not Service.DATABASE]


def _service_files(args: argparse.Namespace) -> list[ServiceFiles]:
    from cmswizard.cms.sheet import ServiceFiles

    chosen = []
    for service in _ALL_SERVICES:
        for values in getattr(args, service.value, None) or []:
            node = ""
            if values and values[-1].startswith("@"):
                node, values = values[-1][1:], values[:-1]
            option = f"--{service.value}"
            for value in values:
                if has_control(value) or not value.strip():
                    raise CmsInputError(
                        option,
                        f"the file name {shown(value)} holds control characters or is blank; "
                        "it would become a line of its own in the MMP commands: rename the file",
                    )
            if service.takes_full_chain:
                if len(values) != 2:
                    raise CmsInputError(option, "takes KEY FULLCHAIN [@NODE]")
                chosen.append(ServiceFiles(service, values[0], values[1], None, node=node))
            else:
                if len(values) not in (2, 3):
                    raise CmsInputError(option, "takes KEY CERTIFICATE [CA-BUNDLE] [@NODE]")
                chosen.append(
                    ServiceFiles(service, values[0], values[1], values[2] if len(values) == 3 else None, node)
                )
    return chosen


def _db_plan(args: argparse.Namespace) -> DbCluster | None:
    from cmswizard.cms.dbcluster import DbFiles, default_ca_domain, make_db_cluster

    if not args.db_primary:
        return None
    domain = args.db_domain or default_ca_domain(args.db_primary)
    files = DbFiles(*args.db_files) if args.db_files else None
    return make_db_cluster(
        domain, args.db_primary, args.db_join, args.db_connect, files=files, enterprise_ca=args.db_enterprise_ca
    )


def _one_server_per_option(args: argparse.Namespace) -> None:
    """Several servers given to one --node or --edge ("a,b": read as one name it said "has the label 'com,b'").
    Each name is then checked by the builder, whose messages name the option."""
    for option, names in (("--node", args.node), ("--edge", args.edge)):
        for name in names:
            if "," in name or " " in name.strip():
                raise CmsInputError(
                    option,
                    f"{shown(name)} names several servers: give one server per {option} and repeat the option "
                    f"({option} cms1.example.com {option} cms2.example.com)",
                )


def deployment_from_args(args: argparse.Namespace) -> tuple[Deployment, Path | None, list[str] | None]:
    """The deployment model from the options `add_deployment_arguments` added (shared by deploy and renew sheet),
    the --files-in folder and the names in it. The node messages name --node and --edge."""
    from cmswizard.cms.deployment import build_deployment
    from cmswizard.cms.trust import callbridge_cn

    services = _service_files(args)
    _one_server_per_option(args)
    db = _db_plan(args)
    if not services and db is None:
        raise CmsInputError(args.command, "name at least one service (e.g. --webadmin KEY CERT BUNDLE) or --db-primary")
    folder = None
    export_set = None
    if args.files_in:
        folder = Path(args.files_in)
        if not folder.is_dir():
            raise CmsInputError(args.files_in, "is not a folder")
        export_set = [p.name for p in folder.iterdir() if p.is_file()]
    listen = Listen(
        args.interface,
        args.webadmin_port,
        args.webadmin_port_beside_web_bridge,
        args.webbridge_port,
        args.webbridge3_port,
        args.c2w_port,
        args.turn_tls_port,
        args.scheduler_port,
    )
    deployment = build_deployment(
        CmsVersion(args.version),
        args.node or ([db.primary] if db else []),  # --db-primary alone: the sheet for that server
        services,
        edges=args.edge,
        topology=Topology(args.topology) if args.topology else None,  # None: the one the nodes imply
        db=db,
        db_renewal=args.db_renewal,
        trust_content=TrustContent(args.trust_content),
        trust_names=[(kind, getattr(args, f"trust_{kind.name.lower()}")) for kind in TrustKind],
        listen=listen,
        sip_trust=args.sip_trust,
        backup_name=args.backup_name,
        callbridge_cn=args.callbridge_cn or (callbridge_cn(services, folder) if folder is not None else ""),
        xmpp_domain=args.xmpp_domain or "",
        node_fields=("--node", "--edge"),
    )
    return deployment, folder, export_set


def emit_sheet(args: argparse.Namespace, deployment: Deployment, folder: Path | None, sheet: DeploymentSheet) -> int:
    """Check the files a sheet assigns (when their folder is known), make the peer trust files if asked,
    then write or print the sheet: `deploy` and `renew sheet` end the same way."""
    from cmswizard.cms.trust import check_sheet_files, write_trust_files
    from cmswizard.pki.files import OutputFile, write_files
    from cmswizard.pki.spec import Problem, Severity

    if folder is None:  # no --files-in: the files as named, from here, whenever they can be read
        from cmswizard.cms.file_pairs import pair_problems

        problems: list[Problem] = [
            problem
            for files in deployment.services
            for problem in pair_problems(files.service, Path("."), files.key, files.certificate)
        ]
        for problem in problems:
            warn(f"{problem.severity.value}: {problem}")
        if problems:
            raise CmsCheckFailed(f"{len(problems)} file(s) cannot serve the service they are assigned to (see above)")
    else:
        problems = check_sheet_files(deployment, folder)
        for problem in problems:
            warn(f"{problem.severity.value}: {problem}")
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            raise CmsCheckFailed(f"{len(errors)} file(s) cannot serve the service they are assigned to (see above)")
        if args.make_trust:
            for path in write_trust_files(deployment, folder, force=args.force, trusts=sheet.trust_files):
                warn(f"wrote {shown(path, 300)}")
    text = sheet.text(translator(args.sheet_lang))
    if args.out:
        write_files([OutputFile(Path(args.out), text.encode(), replace=args.force)])
        say(f"wrote {shown(args.out, 300)}")
    else:
        say_block(text.rstrip("\n"))
    return ExitCode.OK


def add_deployment_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that describe a deployment (nodes, service files, trust, ports, DB): deploy and renew sheet."""
    parser.add_argument(
        "--version",
        choices=[v.value for v in CmsVersion],
        default=CmsVersion.V3.value,
        help="CMS version: " + "; ".join(f"{v.value} = {v.choice_label}" for v in CmsVersion),
    )
    parser.add_argument(
        "--xmpp-domain", metavar="DOMAIN", help="2.x: the XMPP domain clients use (renewal probe lines)"
    )
    parser.add_argument("--topology", choices=[t.value for t in Topology], help="default: from the nodes given")
    parser.add_argument(
        "--node", action="append", default=[], metavar="FQDN", help="a core server (repeat the option for each)"
    )
    parser.add_argument("--edge", action="append", default=[], metavar="FQDN", help="an edge server (repeat)")
    for service in _ALL_SERVICES:
        files = "KEY FULLCHAIN" if service.takes_full_chain else "KEY CERT [BUNDLE]"
        versions = ", ".join(v.value for v in CmsVersion if service in services_for(v))
        parser.add_argument(
            f"--{service.value}",
            nargs="+",
            action="append",
            metavar="FILE",
            help=f"{files} [@NODE] for {service.label} (CMS {versions})",
        )
    parser.add_argument(
        "--trust-content",
        choices=[c.value for c in TrustContent],
        default=TrustContent.FULL_CHAIN.value,
        help="what the peer trust files hold for each peer (default: full chains)",
    )
    for kind in TrustKind:
        parser.add_argument(
            f"--trust-{kind.value}", metavar="NAME", help=f"file name of the trust file ({kind.default_name})"
        )
    parser.add_argument("--make-trust", action="store_true", help="write the peer trust files into --files-in")
    defaults = Listen()
    parser.add_argument("--interface", default=defaults.interface, help="MMP interface to listen on (default a)")
    for name in (
        "webadmin_port",
        "webadmin_port_beside_web_bridge",
        "webbridge_port",
        "webbridge3_port",
        "c2w_port",
        "turn_tls_port",
        "scheduler_port",
    ):
        value = getattr(defaults, name)
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=value, help=f"default {value}")
    parser.add_argument("--sip-trust", metavar="BUNDLE", help="CA bundle for tls sip trust (SIP mutual TLS)")
    parser.add_argument("--backup-name", default=BACKUP_NAME, help=f"name for backup snapshot (default {BACKUP_NAME})")
    parser.add_argument("--callbridge-cn", help="the Call Bridge CN for the CUCM trunk (default: read from the file)")
    parser.add_argument("--db-primary", metavar="FQDN", help="the database primary (adds the database cluster)")
    parser.add_argument("--db-join", action="append", default=[], metavar="FQDN", help="a joining database core")
    parser.add_argument("--db-connect", action="append", default=[], metavar="FQDN", help="a connect-only core")
    parser.add_argument("--db-domain", help="CN of dbca (default: the primary's domain)")
    parser.add_argument(
        "--db-files",
        nargs=5,
        metavar=("SERVER-KEY", "SERVER-CERT", "CLIENT-KEY", "CLIENT-CERT", "CA"),
        help="the DB file names (default dbserver.key dbserver.crt dbclient.key dbclient.crt dbca.crt)",
    )
    parser.add_argument("--db-enterprise-ca", action="store_true", help="the DB set is signed by the enterprise CA")
    parser.add_argument("--db-renewal", action="store_true", help="renewal: backup, then database cluster remove")
    parser.add_argument(
        "--files-in",
        metavar="DIR",
        help="check the files in this folder (EKU per service, CA bundles) and refuse to name a file that is not there",
    )
    parser.add_argument("--out", metavar="FILE", help="write the sheet here (e.g. cms-commands.txt)")
    parser.add_argument("--force", action="store_true", help="replace --out and trust files if they exist")
    add_sheet_language(parser)


def add_sheet_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sheet-lang",
        choices=SHEET_LANGUAGES,
        default="en",
        help="language of the sheet's # explanation lines (commands and file names are never translated)",
    )
