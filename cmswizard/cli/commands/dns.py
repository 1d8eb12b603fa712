"""`cmswizard dns test --plan P`: DNS-01 set-up of the plan's ACME issuers, tested end to end (publish a
TXT record, read it back from every authoritative server, remove it). Never imports Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.output import ExitCode, say
from cmswizard.cli.unattended import ask_at_terminal, progress_printer
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _cmd_dns_test(args: argparse.Namespace) -> int:
    from cmswizard.cms.issuers import IssuerType
    from cmswizard.cms.plan import read_plan
    from cmswizard.remote.dns01 import DnsSession, dns_self_test

    plan_path = Path(args.plan)
    plan = read_plan(plan_path)
    folder = plan_path.resolve().parent
    issuers = [i for i in plan.issuers if i.type is IssuerType.ACME and (not args.issuer or i.name == args.issuer)]
    if not issuers:
        raise CmsInputError(args.plan, "has no acme issuer with a [issuers.<name>.dns] set-up to test")
    for issuer in issuers:
        if issuer.dns is None:
            raise CmsInputError(f"issuers.{issuer.name}.dns", "is missing; add the DNS-01 set-up (docs/renewal.md)")
        names = (
            args.name
            or sorted(
                {name for c in plan.certificates if c.issuer == issuer.name for name in (c.cn, *c.san) if "." in name}
            )[:1]
        )
        if not names:
            raise CmsInputError(f"issuers.{issuer.name}", "signs no certificate; give --name to test a name")
        session = DnsSession(issuer.dns, folder, progress=progress_printer(False, args.verbose), ask=ask_at_terminal)
        for line in dns_self_test(session, names):
            say(f"{shown(issuer.name)}: {line}")
    say("DNS-01 works: records are published, seen on every authoritative server and removed")
    return ExitCode.OK


def register(commands: Commands) -> None:
    dns = commands.add_parser("dns", help="DNS-01 for ACME: test the plan's set-up")
    verbs = dns.add_subparsers(dest="dns_verb", parser_class=type(dns), required=True)
    test = verbs.add_parser(
        "test",
        help="publish a test TXT record, read it back from every authoritative server, remove it",
        description="Says exactly what failed: a refused update, a bad TSIG key, a record not visible on which server.",
    )
    test.add_argument("--plan", required=True, help="the plan file (.toml)")
    test.add_argument("--issuer", help="only this issuer's DNS set-up (default: every acme issuer)")
    test.add_argument("--name", action="append", default=[], help="the name to test (default: the first one signed)")
    test.add_argument("--verbose", action="store_true", help="progress on stderr also when it is not a terminal")
    test.set_defaults(run=_cmd_dns_test)
