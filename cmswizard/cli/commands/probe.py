"""`cmswizard probe`: what each TLS endpoint of a CMS really presents. Never imports Qt.

Exit codes: 0 every endpoint is fine, 1 something is wrong (a finding marked ✗), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmswizard.cli.output import ExitCode, say_block
from cmswizard.cms.endpoints import TlsService
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _service_choice(text: str) -> tuple[TlsService, int | None]:
    """`webadmin` or `webadmin=8443`."""
    name, _, port = text.partition("=")
    try:
        service = TlsService(name.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in TlsService)
        raise CmsInputError("--service", f"'{shown(name)}' is not a service; choose from {names}") from None
    if not port:
        return service, None
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise CmsInputError("--service", f"'{shown(text)}': the port must be a number from 1 to 65535")
    return service, int(port)


def _targets(args: argparse.Namespace) -> list[Any]:
    from cmswizard.cms.probe_targets import build_targets, expected_copy

    local = expected_copy(args.expect) if args.expect else None
    services = [_service_choice(text) for text in args.service]
    return build_targets(
        args.endpoints, services, sni=args.sni, names=args.name, xmpp_domain=args.xmpp_domain or None, local=local
    )


def _cmd_probe(args: argparse.Namespace) -> int:
    from cmswizard.cms.probe_report import judge
    from cmswizard.cms.probe_targets import ProbeOptions, trusted_roots
    from cmswizard.pki.files import OutputFile, write_files
    from cmswizard.remote.probe import probe

    if not 0 < args.timeout <= 60:  # also NaN, which every comparison answers False
        raise CmsInputError("--timeout", "give seconds from 0.1 to 60")
    if args.ipv4_only and args.ipv6_only:
        raise CmsInputError("-4/-6", "choose one of them, or neither for both")
    roots = trusted_roots(args.roots) if args.roots else ()
    targets = _targets(args)
    options = ProbeOptions(
        timeout=args.timeout,
        ipv4=not args.ipv6_only,
        ipv6=not args.ipv4_only,
        roots=roots,
        roots_name=Path(args.roots).name if args.roots else "",
        warn_days=args.warn_days,
    )
    report = judge(probe(targets, options), options)
    outputs = []
    if args.ics:
        from cmswizard.export.calendar import ExpiryEntry, expiry_calendar, parse_alarm_days

        entries = [ExpiryEntry(certificate, where) for certificate, where in report.certificates()]
        if entries:
            ics = expiry_calendar(entries, alarm_days=parse_alarm_days(args.alarm_days))
            outputs.append(OutputFile(Path(args.ics), ics, replace=args.force))
    if args.save_chain:
        folder = Path(args.save_chain)
        stems: dict[str, int] = {}
        for result in report.results:
            if result.chain:
                stem = f"{result.target.host}-{result.address}-{result.target.port}".replace(":", "_")
                # the names are the tool's, not the user's: two endpoints that map to one name (the same
                # one given twice, IPv6 colons) get -2, -3, never "give each output its own file"
                stems[stem] = stems.get(stem, 0) + 1
                if stems[stem] > 1:
                    stem = f"{stem}-{stems[stem]}"
                outputs.append(OutputFile(folder / f"{stem}.pem", result.chain_pem(), replace=args.force))
    written = write_files(outputs) if outputs else []
    if args.json:
        say_block(json.dumps({**report.as_dict(), "written": [str(p) for p in written]}, indent=2, ensure_ascii=False))
    else:
        say_block(report.text().rstrip("\n"))
        for path in written:
            say_block(f"wrote {shown(path)}")
        if args.ics and not any(str(p) == args.ics for p in written):
            say_block(f"no certificate was read, so {shown(args.ics)} was not written")
    return ExitCode.OK if report.ok else ExitCode.CHECK_FAILED


def register(commands: Commands) -> None:
    names = ", ".join(f"{s.value} ({s.default_port})" for s in TlsService)
    parser = commands.add_parser(
        "probe",
        help="connect to running CMS services and check the certificates they present (read-only)",
        description=(
            "Reads the certificate chain each TLS endpoint presents and checks it: complete and in CMS order, "
            "days to expiry, names covered, extended key usage, same as a local file, trusted by given roots. "
            f"Services and default ports: {names}."
        ),
    )
    parser.add_argument(
        "endpoints",
        nargs="+",
        metavar="HOST[:PORT]",
        help="a name (every address is probed), an IPv4 address or [IPv6]:port",
    )
    parser.add_argument(
        "--service",
        action="append",
        default=[],
        metavar="NAME[=PORT]",
        help="a service to probe on each HOST (repeat; default webadmin, webbridge3, callbridge); with HOST:PORT, the service that port runs",
    )
    parser.add_argument("--sni", metavar="NAME", help="server name sent in the handshake (default: HOST)")
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAME",
        help="a name users type (join URL, …): must be in the certificate (repeat)",
    )
    parser.add_argument(
        "--xmpp-domain", metavar="DOMAIN", help="XMPP domain for the STARTTLS stream (default: the SNI name)"
    )
    parser.add_argument("--expect", metavar="FILE", help="the certificate or full-chain file the server should present")
    parser.add_argument(
        "--roots", metavar="FILE", help="root CA(s) to verify the chain against (nothing is trusted otherwise)"
    )
    parser.add_argument("--timeout", type=float, default=4.0, help="seconds per endpoint (default 4)")
    parser.add_argument("-4", dest="ipv4_only", action="store_true", help="IPv4 addresses only")
    parser.add_argument("-6", dest="ipv6_only", action="store_true", help="IPv6 addresses only")
    parser.add_argument(
        "--warn-days", type=int, default=30, help="warn when a certificate expires within this many days (default 30)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--ics", metavar="FILE", help="write a calendar (.ics) with the expiry of every certificate read"
    )
    parser.add_argument(
        "--alarm-days",
        default="60,30,7",
        metavar="DAYS",
        help="calendar reminders, days before expiry (default 60,30,7)",
    )
    parser.add_argument("--save-chain", metavar="DIR", help="write each presented chain as PEM into this folder")
    parser.add_argument("--force", action="store_true", help="replace files written by --ics or --save-chain")
    parser.set_defaults(run=_cmd_probe)
