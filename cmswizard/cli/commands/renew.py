"""`cmswizard renew spec|compare|sheet|run`: renewing a certificate without retyping it, and `run`: renewal
without toil (ACME + DNS-01, docs/renewal.md). Never imports Qt.

Exit codes: 0 done, 1 the comparison found a problem (lost names or usage, weaker key), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmswizard.cli.deployment_options import add_deployment_arguments, deployment_from_args, emit_sheet
from cmswizard.cli.output import ExitCode, say, say_block
from cmswizard.cli.unattended import ask_at_terminal, progress_printer
from cmswizard.cms.services import Service
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown
from cmswizard.pki.spec import KeyType

if TYPE_CHECKING:
    from cryptography import x509

    from cmswizard.cli.commands import Commands

__all__ = ["register"]

_KEY_CHOICES = [k.value for k in KeyType]
_SERVICE_CHOICES = [s.value for s in Service if s is not Service.DATABASE]


def _certificate(path: str) -> x509.Certificate:
    from cmswizard.cms.renewal import load_old_certificate

    return load_old_certificate(path).certificate


def _cmd_spec(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from cmswizard.cms.renewal import renewal_request, spec_changes
    from cmswizard.pki.csr import generate_key_and_csr
    from cmswizard.pki.spec import KeyType

    old = _certificate(args.old)
    old_basename = args.old_basename or Path(args.old).stem
    request = renewal_request(old, old_basename, key_type=KeyType(args.key) if args.key else None)
    typed = request.typed
    if args.basename:
        typed = replace(typed, basename=args.basename)
    if args.cn:
        typed = replace(typed, cn=args.cn)
    if args.san is not None:
        typed = replace(typed, san=tuple(s for s in args.san.split(",") if s))
    checked = request.check(typed)
    refused = checked.errors[0] if checked.spec is None else None
    for problem in checked.problems:
        if problem is not refused:  # that one is the error line below, said once
            say_block(f"{problem.severity.value}: {problem}")
    spec = checked.require()
    for note in request.notes:
        say_block(f"note: {note}")
    changes = spec_changes(request.original(spec.basename), spec)
    if changes:
        say_block("changed against the old certificate:")
        for line in changes:
            say_block(f"  {line}")
    say_block(
        f"old: {shown(args.old)} ({shown(old_basename)}, {request.old_key}, expires {old.not_valid_after_utc:%Y-%m-%d})"
    )
    say_block(f"key: {spec.key_type.label}")
    from cmswizard.cms.mmp_syntax import render

    say_block(f"command: {render(spec)}")
    if args.dir:
        result = generate_key_and_csr(spec, Path(args.dir), force=args.force)
        say_block(f"wrote {shown(result.key_path)} (private key, mode 0600)")
        say_block(f"wrote {shown(result.csr_path)} (send this file to your certificate authority)")
    return ExitCode.OK


def _cmd_compare(args: argparse.Namespace) -> int:
    from cmswizard.cms.renewal import compare_certificates

    services = [Service(name) for name in args.service]
    new = _certificate(args.new)
    comparison = compare_certificates(_certificate(args.old), new, services=services)
    against_request = _against_request(args.csr, new, Path(args.new).name) if args.csr else []
    if args.json:
        say_block(
            json.dumps(
                {
                    "ok": comparison.ok,
                    "issuer_changed": comparison.issuer_changed,
                    "rows": [
                        {
                            "field": row.label,
                            "old": row.old,
                            "new": row.new,
                            "changed": row.changed,
                            "severity": row.severity.value if row.severity else None,
                            "note": str(row.note),
                        }
                        for row in comparison.rows
                    ],
                    "trust_updates": [str(line) for line in comparison.trust_updates],
                    "against_request": [str(line) for line in against_request],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        say_block(comparison.text().rstrip("\n"))
        if comparison.issuer_changed:
            say_block("The issuer changed: update the trust listed above before the old certificate expires.")
        for line in against_request:
            say_block(f"✗ {line}")
    return ExitCode.OK if comparison.ok and not against_request else ExitCode.CHECK_FAILED


def _against_request(csr_path: str, new: x509.Certificate, new_name: str) -> list[Any]:
    from cmswizard.cms.renewal import request_mismatches
    from cmswizard.pki.loader import load_file

    csrs = load_file(csr_path).csrs
    if not csrs:
        raise CmsInputError(csr_path, "holds no certificate request; give the .csr sent to the CA")
    return list(request_mismatches(csrs[0], new, new_name))


def _cmd_sheet(args: argparse.Namespace) -> int:
    from cmswizard.cms.renewal import replacement_sheet

    deployment, folder, _names = deployment_from_args(args)
    return emit_sheet(
        args, deployment, folder, replacement_sheet(deployment, peers=args.trusted_by, peers_field="--trusted-by")
    )


def register(commands: Commands) -> None:
    renew = commands.add_parser("renew", help="renew a certificate: request, comparison, replacement commands")
    verbs = renew.add_subparsers(dest="renew_verb", parser_class=type(renew), required=True)

    spec = verbs.add_parser(
        "spec",
        help="the request for the successor of a certificate: same subject and SANs, a new basename",
        description="Prints the pki csr line for the renewal (and writes key and CSR with --dir).",
    )
    spec.add_argument("old", metavar="OLD-CERT", help="the certificate in use (any format; a full chain is fine)")
    spec.add_argument("--old-basename", help="basename of the live key (default: the file name without extension)")
    spec.add_argument("--basename", help="the new basename (default: the old one stamped with this year)")
    spec.add_argument("--key", choices=_KEY_CHOICES, help="key type (default: the old one; never weaker)")
    spec.add_argument("--cn", help="change the CN (shown as a change)")
    spec.add_argument("--san", metavar="A,B,…", help="replace the SAN list (shown as a diff)")
    spec.add_argument("--dir", help="write <basename>.key and <basename>.csr into this folder")
    spec.add_argument("--force", action="store_true", help="replace an existing key of the new name")
    spec.set_defaults(run=_cmd_spec)

    compare = verbs.add_parser("compare", help="the old certificate against the new one, and the trust to update")
    compare.add_argument("old", metavar="OLD-CERT")
    compare.add_argument("new", metavar="NEW-CERT")
    compare.add_argument(
        "--service",
        action="append",
        default=[],
        choices=_SERVICE_CHOICES,
        help="what the certificate serves (repeat; default callbridge and webbridge3)",
    )
    compare.add_argument(
        "--csr", metavar="FILE", help="the request sent to the CA: the new certificate must answer it (key, names)"
    )
    compare.add_argument("--json", action="store_true", help="machine-readable output")
    compare.set_defaults(run=_cmd_compare)

    sheet = verbs.add_parser(
        "sheet",
        help="the MMP commands that swap in renewed files: backup first, then the probe to run",
        description="The deploy options, for the renewed files (KEY CERTIFICATE [CA-BUNDLE], KEY FULLCHAIN for "
        "Web Bridge 3). A certificate several servers share (Web Bridge 3 on every edge, a Call Bridge "
        "certificate naming every node): one --node per server, one sheet with a section for each. "
        "--trusted-by for each server that keeps it in a trust file (the Call Bridges for Web Bridge 3, the "
        "Web Bridge 3s for a Call Bridge or Scheduler): the trust file is rebuilt from the renewed files "
        "(--make-trust writes it into --files-in) and each of them loads it. "
        "With --db-primary: the sequence for expired database-cluster certificates.",
    )
    add_deployment_arguments(sheet)
    sheet.add_argument(
        "--trusted-by",
        action="append",
        default=[],
        metavar="FQDN",
        help="a server that keeps the renewed certificate in a trust file (repeat): it loads the rebuilt one",
    )
    _register_run(verbs)
    sheet.set_defaults(
        run=_cmd_sheet,
        backup_name=f"before-renewal-{dt.date.today():%Y%m%d}",
        db_renewal=True,  # renewing DB certificates means the remove-and-redo sequence
    )


# ---------------------------------------------------------------- renew run (docs/renewal.md)


def _cmd_run(args: argparse.Namespace) -> int:
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.renewal_run import RunOptions, parse_due, run_renewal
    from cmswizard.remote.acme import connect_issuer
    from cmswizard.remote.renewal_deploy import deployer_for

    if args.issue_only and args.deploy_only:
        raise CmsInputError("--issue-only", "and --deploy-only exclude each other; choose one (or neither)")
    plan_path = Path(args.plan)
    plan = read_plan(plan_path)
    folder = Path(args.dir) if args.dir else plan_path.resolve().parent
    progress = progress_printer(args.json, args.verbose)
    options = RunOptions(parse_due(args.due), args.dry_run, args.node or "", args.issue_only, args.deploy_only)
    outcomes = run_renewal(
        plan,
        plan_path,
        folder,
        connect=lambda issuer: connect_issuer(issuer, folder, progress=progress, ask=ask_at_terminal),
        options=options,
        progress=progress,
        deployer=deployer_for(plan, folder, progress),
    )
    people = [o for o in outcomes if o.needs_person]
    if args.json:
        say_block(
            json.dumps(
                {
                    "ok": not people,
                    "certificates": [
                        {
                            "certificate": o.certificate,
                            "issuer": o.issuer,
                            "current": o.current,
                            "expires": o.expires.isoformat() if o.expires else None,
                            "state": o.step.value,
                            "line": o.line,
                            "needs_person": o.needs_person or None,
                            "changed": o.changed,
                        }
                        for o in outcomes
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return ExitCode.CHECK_FAILED if people else ExitCode.OK
    if not any(o.changed for o in outcomes) and not people:
        soonest = min((o.expires for o in outcomes if o.expires), default=None)
        when = f"; the soonest expiry is {soonest:%Y-%m-%d}" if soonest else ""
        say(f"nothing due: {len(outcomes)} certificate(s) valid, nothing written{when}")
        return ExitCode.OK
    for outcome in outcomes:
        mark = "✗" if outcome.needs_person else "✓"
        say(f"{mark} {shown(outcome.certificate)} ({shown(outcome.issuer)}): {outcome.line}")
    if people:
        say(f"{len(people)} certificate(s) need a person:")
        for outcome in people:
            say(f"  - {shown(outcome.certificate)}: {outcome.needs_person}")
        return ExitCode.CHECK_FAILED
    return ExitCode.OK


def _register_run(verbs: Any) -> None:
    run = verbs.add_parser(
        "run",
        help="renew what is due (ACME + DNS-01), bundle, compare; resumable, idempotent; for a daily timer",
        description="Exit 0: every certificate valid; 1: something needs a person (listed); 2: bad plan or input.",
    )
    run.add_argument("--plan", required=True, help="the plan file (.toml); the state is kept beside it")
    run.add_argument("--dir", help="the folder with the files (default: the plan's folder)")
    run.add_argument("--due", default="auto", help="auto (ARI, else a third of the lifetime left) or days, e.g. 30d")
    run.add_argument("--dry-run", action="store_true", help="say what is due and what a run would do; write nothing")
    run.add_argument("--node", help="only the certificates of this node (and the shared ones)")
    run.add_argument("--issue-only", action="store_true", help="issue and bundle; deploy later")
    run.add_argument("--deploy-only", action="store_true", help="deploy what is issued; order nothing")
    run.add_argument("--json", action="store_true", help="machine-readable output for monitoring")
    run.add_argument("--verbose", action="store_true", help="progress on stderr also when it is not a terminal")
    run.set_defaults(run=_cmd_run)
