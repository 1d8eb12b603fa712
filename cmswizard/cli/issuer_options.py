"""The options of `plan new --acme URL …`: who signs which certificate (plan schema 2, docs/plan-format.md)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cmswizard.cms.plan import Plan

__all__ = ["add_issuer_arguments", "issuers_from_args"]


def add_issuer_arguments(new: argparse.ArgumentParser) -> None:
    from cmswizard.cms.issuers import DnsProvider, IssuerType

    group = new.add_argument_group(
        "issuers (plan schema 2)",
        "With --acme, serverAuth-only certificates (Web Bridge 3, TURN; Web Admin with --webadmin-public) get a "
        "public ACME issuer and the others (TLS clients: Call Bridge, Scheduler, …) an internal one.",
    )
    group.add_argument("--acme", metavar="DIRECTORY-URL", help="the ACME CA's directory URL (https://…/directory)")
    group.add_argument("--acme-contact", action="append", default=[], metavar="EMAIL", help="account contact (repeat)")
    group.add_argument("--acme-profile", default="", help="ACME profile, e.g. tlsserver (default: the CA's)")
    group.add_argument(
        "--acme-roots",
        default="",
        metavar="FILE",
        help="the CA's root certificate(s), relative to the plan: CMS full chains end with the root",
    )
    group.add_argument(
        "--acme-account-key",
        default="acme-account.key",
        metavar="FILE",
        help="the account key file, relative to the plan (made 0600 on first use), or keyring:SERVICE/NAME",
    )
    group.add_argument("--webadmin-public", action="store_true", help="Web Admin is reached from outside: public CA")
    group.add_argument(
        "--internal",
        choices=[t.value for t in IssuerType if t is not IssuerType.ACME],
        default=IssuerType.MANUAL.value,
        help="the internal issuer (default manual)",
    )
    group.add_argument(
        "--dns-provider",
        choices=[p.value for p in DnsProvider],
        default=DnsProvider.MANUAL.value,
        help="DNS-01 answers",
    )
    group.add_argument("--dns-server", default="", help="where RFC 2136 updates go (default: the zone's primary)")
    group.add_argument("--dns-port", type=int, default=53, help="DNS port of the update and authoritative servers")
    group.add_argument("--tsig-key", default="", metavar="FILE", help="TSIG key file (tsig-keygen), mode 0600")
    group.add_argument("--dns-resolver", default="", metavar="ADDRESS[:PORT]", help="resolver to find zones and CNAMEs")


def issuers_from_args(args: argparse.Namespace, plan: Plan) -> Plan:
    if not args.acme:
        return plan
    from cmswizard.cms.issuers import DnsProvider, DnsSettings, Issuer, IssuerType, split_issuers
    from cmswizard.cms.plan import plan_text, read_plan_text

    dns = DnsSettings(DnsProvider(args.dns_provider), args.dns_server, args.dns_port, args.tsig_key, args.dns_resolver)
    contact = tuple(c if c.startswith("mailto:") else f"mailto:{c}" for c in args.acme_contact)
    acme = Issuer(
        "public",
        IssuerType.ACME,
        args.acme,
        args.acme_profile,
        contact,
        args.acme_account_key,
        roots=args.acme_roots,
        dns=dns,
    )
    split = split_issuers(
        plan, acme, internal=Issuer("internal", IssuerType(args.internal)), webadmin_public=args.webadmin_public
    )
    return read_plan_text(plan_text(split), "new plan")
