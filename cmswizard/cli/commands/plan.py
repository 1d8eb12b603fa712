"""`cmswizard plan new|check|apply PLAN`: a whole deployment in one TOML file (docs/plan-format.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.inputs import plan_folder
from cmswizard.cli.output import ExitCode, say, warn
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _subject(tokens: list[str]) -> tuple[tuple[str, str], ...]:
    from cmswizard.cms.plan import SUBJECT_KEYS

    found: dict[str, str] = {}
    for token in tokens:
        key, sep, value = token.partition(":")
        if not sep or key.upper() not in SUBJECT_KEYS:
            raise CmsInputError(
                token, f"is not a subject default; write KEY:value with KEY one of {', '.join(SUBJECT_KEYS)}"
            )
        found[key.upper()] = value
    return tuple((key, found[key]) for key in SUBJECT_KEYS if key in found)


def _cmd_new(args: argparse.Namespace) -> int:
    import datetime as dt
    from dataclasses import replace

    from cmswizard.cms.plan import plan_text
    from cmswizard.cms.plan_making import PlanAnswers, new_plan
    from cmswizard.cms.services import CmsVersion, Service
    from cmswizard.pki.files import OutputFile, write_files
    from cmswizard.pki.spec import KeyType

    services: frozenset[Service] = frozenset()
    if args.services:
        try:
            services = frozenset(Service(name.strip()) for name in args.services.split(",") if name.strip())
        except ValueError as error:
            raise CmsInputError(
                "--services", f"{error}; use names such as webadmin,callbridge,webbridge3,turn"
            ) from None
    plan = new_plan(
        PlanAnswers(
            CmsVersion(args.version),
            tuple(args.core),
            tuple(args.edge),
            args.join_url or "",
            args.xmpp_domain or "",
            services,
            KeyType(args.key),
            _subject(args.subject),
            args.db,
            args.db_domain or "",
            args.combined,
            dt.date(args.year, 1, 1) if args.year else None,
        )
    )
    plan = replace(plan, sheet_language=args.sheet_lang)
    from cmswizard.cli.issuer_options import issuers_from_args

    plan = issuers_from_args(args, plan)
    path = Path(args.plan)
    if path.suffix.lower() != ".toml":
        raise CmsInputError(str(path), "a plan file ends in .toml; choose such a name")
    write_files([OutputFile(path, plan_text(plan).encode(), replace=args.force)])
    say(
        f"wrote {path}: {len(plan.nodes)} node(s), {len(plan.certificates)} key(s) to make, {len(plan.services)} service assignment(s)"
    )
    say(
        f"next: cmswizard plan apply {path}   (makes the keys and CSRs; run it again when the CA's certificates are in the folder)"
    )
    return ExitCode.OK


def _cmd_check(args: argparse.Namespace) -> int:
    from cmswizard.catalogue import translator
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import check_plan
    from cmswizard.cms.plan_names import lookalike_notes

    plan = read_plan(args.plan)
    for note in lookalike_notes(plan):
        warn(f"note: {note}")
    items = check_plan(plan, plan_folder(args), warn_days=args.days, translate=translator(plan.sheet_language))
    for item in items:
        say(item.line)
    counts: dict[str, int] = {}
    for item in items:
        counts[item.state.value] = counts.get(item.state.value, 0) + 1
    say(", ".join(f"{count} {state}" for state, count in counts.items()))
    return ExitCode.CHECK_FAILED if any(item.state.needs_attention for item in items) else ExitCode.OK


def _cmd_apply(args: argparse.Namespace) -> int:
    import sys

    from cmswizard.catalogue import translator
    from cmswizard.cli.output import interrupted
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import ApplyInterrupted, ItemState, apply_plan

    plan = read_plan(args.plan)
    folder = plan_folder(args)
    try:
        items = apply_plan(
            plan,
            folder,
            progress=lambda name: print(f"  making {shown(name)}…", file=sys.stderr),
            translate=translator(plan.sheet_language),
        )
    except ApplyInterrupted as stop:
        return interrupted(stop, stop.made, f"cmswizard plan apply {args.plan}")
    made = [item for item in items if item.state is ItemState.MADE]
    for item in items:
        say(item.line)
    if not made:
        say("nothing to make: everything the plan can make is in the folder (nothing was written)")
    else:
        say(f"made {len(made)} file(s) in {folder}")
    left = [item for item in items if item.state is not ItemState.MADE]
    if left:
        say(f"{len(left)} item(s) still need you; `cmswizard plan check {args.plan}` lists everything")
    return ExitCode.CHECK_FAILED if any(item.state is ItemState.INCONSISTENT for item in items) else ExitCode.OK


def register(commands: Commands) -> None:
    from cmswizard.catalogue import SHEET_LANGUAGES
    from cmswizard.cms.services import CmsVersion
    from cmswizard.pki.spec import KeyType

    plan = commands.add_parser("plan", help="a whole deployment in one plan file: new, check, apply")
    verbs = plan.add_subparsers(dest="verb", required=True, parser_class=type(plan))

    new = verbs.add_parser("new", help="write a plan from a few answers (the certificates each service needs)")
    new.add_argument("plan", help="the plan file to write (.toml)")
    new.add_argument(
        "--version",
        choices=[v.value for v in CmsVersion],
        default=CmsVersion.V3.value,
        help="CMS version (default 3.x): " + "; ".join(f"{v.value} = {v.choice_label}" for v in CmsVersion),
    )
    new.add_argument(
        "--core", nargs="+", required=True, metavar="FQDN", help="core servers (the first is the DB primary)"
    )
    new.add_argument("--edge", nargs="*", default=[], metavar="FQDN", help="edge servers (Web Bridge 3, TURN)")
    new.add_argument("--join-url", help="the host name users type to join (join.example.com)")
    new.add_argument("--xmpp-domain", help="the XMPP domain (2.x)")
    new.add_argument(
        "--services", help="comma-separated services (default: webadmin,callbridge,webbridge3, +turn with edges)"
    )
    new.add_argument(
        "--key",
        choices=[k.value for k in KeyType],
        default=KeyType.RSA2048.value,
        help="key type for every key (default rsa2048)",
    )
    new.add_argument("--subject", nargs="*", default=[], metavar="KEY:value", help="CSR defaults: O:… OU:… ST:… C:…")
    new.add_argument("--db", action="store_true", help="a database cluster on the cores (first core is the primary)")
    new.add_argument("--db-domain", help="the DB CA's name (default: the first core's domain)")
    new.add_argument("--combined", action="store_true", help="one certificate for every service")
    new.add_argument("--year", type=int, help="the year in the basenames (default: this year; next year to renew)")
    new.add_argument("--force", action="store_true", help="replace an existing plan file")
    new.add_argument(
        "--sheet-lang", choices=SHEET_LANGUAGES, default="en", help="language of the sheet's # lines (default en)"
    )
    from cmswizard.cli.issuer_options import add_issuer_arguments

    add_issuer_arguments(new)
    new.set_defaults(run=_cmd_new)

    check = verbs.add_parser("check", help="what exists, what is missing, expiring or inconsistent")
    check.add_argument("plan", help="the plan file (.toml)")
    check.add_argument("--dir", help="the folder with the files (default: the plan's folder)")
    check.add_argument("--days", type=int, default=30, help="warn about certificates expiring within DAYS (default 30)")
    check.set_defaults(run=_cmd_check)

    apply = verbs.add_parser("apply", help="make what is missing: keys+CSRs, DB files, bundles, trust files, sheet")
    apply.add_argument("plan", help="the plan file (.toml)")
    apply.add_argument("--dir", help="the folder with the files (default: the plan's folder)")
    apply.set_defaults(run=_cmd_apply)
