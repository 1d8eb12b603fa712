"""`cmswizard mmp run|check`: type a node's sheet lines at its MMP over SSH, safely; or only look.

`run` reads the node's state first, shows what will change, asks once per node (or `--yes`), asks for
each restart (or runs restarts only inside `--restart-window`), never sends a line that prompts, stops at
the first FAILURE / unreadable answer / lost link and offers to put the recorded settings back. The
transcript of every byte (timestamps, secrets redacted) is saved beside the plan or sheet.
`check` logs in and runs only the status commands and `pki list` (docs/mmp-runner.md says why).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.output import ExitCode, say, say_block, warn
from cmswizard.cli.ssh import ask_to_trust, credentials
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands
    from cmswizard.cms.apply_settings import ApplySettings
    from cmswizard.cms.lines import MmpLine
    from cmswizard.remote.mmp_runner import NodeResult, NodeTarget
    from cmswizard.remote.mmp_shell import Transcript
    from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget

__all__ = ["register"]


class _Terminal:
    """The person at the terminal: `yes` typed in full, nothing else counts."""

    def __init__(self, yes: bool) -> None:
        self.yes = yes

    def confirm_changes(self, node: str, changes: Sequence[str]) -> bool:
        say(f"{node}: these lines change the node:")
        for change in changes:
            say(f"  {change}")
        if not sys.stdin.isatty():
            raise CmsInputError("--yes", "no terminal to confirm the changes; give --yes to apply them")
        return input(f"Apply them on {shown(node)}? Type yes: ").strip().lower() == "yes"

    def confirm_restart(self, node: str, command: str, why: str) -> bool:
        say(f"{node}: `{command}` ({why}); calls in progress may drop")
        if not sys.stdin.isatty():
            say("  no terminal to confirm it: deferred (give --restart-window to run restarts unattended)")
            return False
        return input(f"Run `{shown(command)}` now? Type yes: ").strip().lower() == "yes"


def _trust(args: argparse.Namespace, fingerprint: str) -> HostTrust:
    from cmswizard.remote.sftp import HostTrust, check_fingerprint, default_known_hosts

    known_hosts = Path(args.known_hosts) if args.known_hosts else default_known_hosts()
    given = args.fingerprint or fingerprint
    return HostTrust(known_hosts=known_hosts, fingerprint=check_fingerprint(given) if given else "")


def _check_numbers(args: argparse.Namespace) -> None:
    for name, value in (("--port", args.port), ("--api-port", getattr(args, "api_port", None))):
        if value is not None and not 1 <= value <= 65535:
            raise CmsInputError(name, f"{value} is not a port; give 1 to 65535")
    if (getattr(args, "max_call_legs", None) or 0) < 0:
        raise CmsInputError("--max-call-legs", f"{args.max_call_legs}: give 0 or more active call legs")


def _webadmin_port(lines: list[MmpLine]) -> int:
    """The Web Admin port the node's lines set (`webadmin listen a 445`), where the API answers; else 443."""
    from cmswizard.cms.mmp_state import webadmin_port

    return webadmin_port(line.text for line in lines)


def _api_password(args: argparse.Namespace, settings: ApplySettings, ssh: SshTarget, user: str) -> str:
    """--api-password-file, else the plan's `[apply].api_password` (a 0600 file or keyring entry) when the
    user is the plan's `api_user` (not another one given with --api-user), else asked at the terminal, as
    the SSH password is; never from the plan's text itself."""
    from cmswizard.pki.files import password_problem, read_password_file

    if args.api_password_file:
        return read_password_file(args.api_password_file).decode("utf-8")
    if settings.api_password and settings.api_user == user:  # the plan's password is its own user's only
        from cmswizard.cms.apply_settings import plan_api_password

        return plan_api_password(settings, Path(args.plan).resolve().parent)
    if not sys.stdin.isatty():
        raise CmsInputError(
            "--api-password-file",
            "no terminal to ask for the API user's password; give --api-password-file FILE "
            "(or api_password = a 0600 file in the plan's folder or keyring:cmswizard/<name> in the plan's [apply])",
        )
    from cmswizard.cli.inputs import typed_secret

    typed = typed_secret(f"CMS API password for {shown(user)} on {shown(ssh.host)}: ")
    if problem := password_problem(typed):
        raise CmsInputError("API password", problem)
    return typed.decode("utf-8")


def _target(args: argparse.Namespace) -> tuple[NodeTarget, list[MmpLine], Path, Path, str]:
    """The node, its lines, the folder of its files, where the transcript goes, and a known fingerprint."""
    from cmswizard.cms.apply_settings import ApplySettings
    from cmswizard.cms.mmp_commands import sheet_node_lines
    from cmswizard.pki.files import read_input_file
    from cmswizard.remote.mmp_api import ApiAccess
    from cmswizard.remote.mmp_runner import NodeTarget
    from cmswizard.remote.sftp import SshTarget

    _check_numbers(args)

    def node_target(name: str, ssh: SshTarget, lines: list[MmpLine], settings: ApplySettings | None) -> NodeTarget:
        settings = settings or ApplySettings()
        user = getattr(args, "api_user", None) or settings.api_user
        api = None
        if user and args.verb == "run":
            password = _api_password(args, settings, ssh, user)
            ca = args.api_ca or (str(plan_folder / settings.api_ca) if settings.api_ca else "")
            port = args.api_port or settings.api_port or _webadmin_port(lines)
            limit = args.max_call_legs if args.max_call_legs is not None else settings.max_active_calls
            api = ApiAccess(user, password, port=port, limit=limit, cafile=Path(ca) if ca else None)
        from cmswizard.cms.mmp_state import probe_port

        ports = dict(probe_port(text) for text in getattr(args, "probe_port", None) or [])
        return NodeTarget(name, ssh, probe_host=getattr(args, "probe_host", None) or "", ports=ports, api=api)

    plan_folder = Path(args.plan).resolve().parent if args.plan else Path()
    if args.plan:
        from cmswizard.cms.plan import read_plan
        from cmswizard.cms.sheet import build_sheet

        plan = read_plan(args.plan)
        node = plan.node(args.node)
        sheet = build_sheet(plan.deployment())
        lines = next((list(s.lines) for s in sheet.nodes if s.node == node.name), [])
        folder = Path(args.dir) if args.dir else Path(args.plan).resolve().parent
        ssh = SshTarget(args.host or node.address, args.port or node.ssh_port, args.user or node.ssh_user)
        beside = Path(args.plan).resolve()
        if plan.apply and plan.apply.restart_window and getattr(args, "restart_window", "") is None:
            args.restart_window = plan.apply.restart_window  # the plan's window, unless --restart-window says
        return node_target(node.name, ssh, lines, plan.apply), lines, folder, beside, node.fingerprint
    if not args.sheet or (not args.host and args.verb == "run"):
        raise CmsInputError("mmp", "give --plan PLAN --node NAME, or --sheet FILE --node NAME --host HOST")
    sheet_path = Path(args.sheet)
    text = read_input_file(sheet_path).decode("utf-8", "replace")
    lines = sheet_node_lines(text, args.node)
    ssh = SshTarget(args.host, args.port or 22, args.user or "admin")
    folder = Path(args.dir) if args.dir else sheet_path.resolve().parent
    return node_target(args.node, ssh, lines, None), lines, folder, sheet_path.resolve(), ""


def _with_trust_question(call: Callable[[], NodeResult], args: argparse.Namespace, trust: HostTrust) -> NodeResult:
    from cmswizard.remote.sftp import UnknownHostKey

    try:
        return call()
    except UnknownHostKey as error:
        if not sys.stdin.isatty() or trust.known_hosts is None or not ask_to_trust(error, trust.known_hosts):
            raise
        return call()


def _save_transcript(transcript: Transcript, args: argparse.Namespace, beside: Path, node: str) -> None:
    from cmswizard.pki.files import OutputFile, write_files

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = (
        Path(args.transcript) if args.transcript else beside.with_name(f"{beside.stem}-{node}-{stamp}.transcript.txt")
    )
    write_files([OutputFile(path, transcript.text().encode(), replace=bool(args.transcript))])
    say(f"transcript: {path}")


def _report(result: NodeResult) -> None:
    if result.host_key is not None:
        say(f"host key: {result.host_key.key_type} {result.host_key.fingerprint} (checked before logging in)")
    if result.state is not None:
        say(f"{result.node}: recorded before any change:")
        for line in result.state.files_in_use():
            say(f"  {line}")
    for step in result.steps:
        tail = f" — {step.reason}" if step.reason else ""
        say(f"  [{step.status.value}] {step.command}{tail}")
        if step.status.value in ("failed", "unknown-answer"):
            for answer in step.answer[-5:]:
                say(f"      {answer}")
    for check in result.probes:
        verdict = {True: "serves the new certificate", False: "does NOT serve it", None: "could not be compared"}
        say(f"  probe {check.endpoint} port {check.port}: {verdict[check.served_expected]} ({check.expected})")
    if result.for_a_person:
        say(
            f"{result.node}: not typed by cmswizard (UNCONFIRMED on the sheet): check them in your MMP guide, "
            "then type in this order (a restart listed after them puts them to work):"
        )
        for unconfirmed in result.for_a_person:
            say(f"  {unconfirmed}")


def _cmd_run(args: argparse.Namespace) -> int:
    from cmswizard.cms.mmp_state import RestartWindow
    from cmswizard.remote.mmp_runner import NodeOutcome, RunOptions, apply_node, put_back
    from cmswizard.remote.mmp_shell import Transcript

    target, lines, folder, beside, fingerprint = _target(args)
    window = RestartWindow.parse(args.restart_window) if args.restart_window else None
    trust = _trust(args, fingerprint)
    login: Credentials = credentials(args, target.ssh)
    transcript = Transcript()
    options = RunOptions(dry_run=args.dry_run, yes=args.yes, window=window, files_dir=folder)
    person = _Terminal(args.yes)
    try:
        result = _with_trust_question(
            lambda: apply_node(
                target, lines, trust=trust, credentials=login, decisions=person, options=options, transcript=transcript
            ),
            args,
            trust,
        )
        _report(result)
        if result.outcome is NodeOutcome.DONE:
            say(f"{target.node}: done" if not result.for_a_person else f"{target.node}: done, but for the steps above")
            return ExitCode.OK if result.ok else ExitCode.CHECK_FAILED
        if result.outcome is NodeOutcome.READ_ONLY:
            say(f"{target.node}: dry run; these lines would run:")
            for change in result.changes:
                say(f"  {change}")
            return ExitCode.OK
        if result.outcome is NodeOutcome.DONE_WITH_DEFERRED:
            say(f"{target.node}: changes made; restarts still to do: {', '.join(result.deferred)} (run again later)")
            return ExitCode.CHECK_FAILED
        warn(result.stop_reason or f"{target.node}: {result.outcome.value}")
        if result.putback:
            say("put-back lines (the settings recorded before this run):")
            for line in result.putback:
                say(f"  {line.text}")
            for problem in result.putback_problems:
                say(f"  not restorable: {problem}")
            if sys.stdin.isatty() and input("Put them back now? Type yes: ").strip().lower() == "yes":
                back = put_back(target, result, trust=trust, credentials=login, transcript=transcript)
                _report(back)
                say(f"put-back: {back.outcome.value} {back.stop_reason}")
        return ExitCode.CHECK_FAILED
    finally:
        _save_transcript(transcript, args, beside, target.node)


def _cmd_check(args: argparse.Namespace) -> int:
    from cmswizard.remote.mmp_runner import NodeOutcome, read_node
    from cmswizard.remote.mmp_shell import Transcript

    args.verb = "check"
    _check_numbers(args)
    if not args.plan and not args.host:
        raise CmsInputError("mmp check", "give --plan PLAN --node NAME, or --host HOST --node NAME")
    if args.plan:
        target, _lines, _folder, _beside, fingerprint = _target(args)
    else:
        from cmswizard.remote.mmp_runner import NodeTarget
        from cmswizard.remote.sftp import SshTarget

        target = NodeTarget(args.node, SshTarget(args.host, args.port or 22, args.user or "admin"))
        fingerprint = ""
    trust = _trust(args, fingerprint)
    login = credentials(args, target.ssh)
    transcript = Transcript()
    result = _with_trust_question(
        lambda: read_node(target, trust=trust, credentials=login, transcript=transcript), args, trust
    )
    if result.outcome is not NodeOutcome.READ_ONLY or result.state is None:
        warn(result.stop_reason)
        return ExitCode.CHECK_FAILED
    if result.host_key is not None:
        say(f"host key: {result.host_key.key_type} {result.host_key.fingerprint}")
    say(f"{target.node}: logged in; the interactive shell answered with a prompt (cmswizard never uses exec channels)")
    for command, answer in result.state.answers.items():
        say(f"$ {command}")
        say_block("\n".join(f"  {line}" for line in answer) or "  (no output)")
    for command, why in result.state.unavailable.items():
        say(f"$ {command}: not available here — {why}")
    readable = result.state.files_in_use()
    say(f"settings cmswizard can read (and so put back): {len(readable)}")
    for line in readable:
        say(f"  {line}")
    return ExitCode.OK


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", help="the deployment plan (.toml)")
    parser.add_argument("--node", required=True, help="the node (its name in the plan or sheet)")
    parser.add_argument("--dir", default=None, help="where the files are (default: beside the plan or sheet)")
    parser.add_argument("--host", help="the MMP's address (default: the plan's ssh_host or the node name)")
    parser.add_argument("--port", type=int, default=None, help="SSH port (default 22, or the plan's)")
    parser.add_argument("--user", default=None, help="MMP user (default admin, or the plan's)")
    parser.add_argument("--fingerprint", help="the host key fingerprint read on the MMP (SHA256:…)")
    parser.add_argument("--known-hosts", help="known_hosts file (default ~/.ssh/known_hosts)")
    parser.add_argument("--identity", help="log in with this SSH private key instead of a password")
    parser.add_argument("--password-file", help="read the password (or the key's passphrase) from this file")


def register(commands: Commands) -> None:
    mmp = commands.add_parser("mmp", help="type a node's sheet lines at its MMP over SSH, safely (or only look)")
    verbs = mmp.add_subparsers(dest="verb", parser_class=type(mmp), required=True)
    run = verbs.add_parser("run", help="apply one node's lines: read first, confirm, stop at the first problem")
    _common(run)
    run.add_argument("--sheet", help="a saved sheet (cms-commands.txt) instead of a plan; needs --host")
    run.add_argument("--dry-run", action="store_true", help="log in, read the state, show what would change")
    run.add_argument("--yes", action="store_true", help="confirm the node's changes (restarts still ask)")
    run.add_argument("--transcript", help="where to save the transcript (default: beside the plan or sheet)")
    run.add_argument(
        "--restart-window",
        help="run restarts unattended only inside [DAYS] HH:MM-HH:MM (UTC), e.g. 'Sat 02:00-04:00' "
        "(default: the plan's [apply].restart_window)",
    )
    run.add_argument(
        "--api-user", help="CMS API user: read the active call legs before each restart (default: the plan's [apply])"
    )
    run.add_argument("--api-password-file", help="the API user's password, in a file")
    run.add_argument(
        "--api-port", type=int, default=None, help="the Web Admin port of the API (default: the sheet's, else 443)"
    )
    run.add_argument("--probe-host", help="where the node's TLS ports answer for the checks (default: --host)")
    run.add_argument(
        "--probe-port",
        action="append",
        metavar="ENDPOINT=PORT",
        help="the port an endpoint answers on for the checks after the run, e.g. webbridge3-https=8443 "
        "(repeatable; default: the port the lines set, else the usual one)",
    )
    run.add_argument("--api-ca", help="CA bundle to verify the Web Admin certificate (default: system trust)")
    run.add_argument(
        "--max-call-legs",
        type=int,
        default=None,
        help="defer restarts above this many call legs (default: the plan's [apply].max_active_calls, else 0)",
    )
    run.set_defaults(run=_cmd_run)
    check = verbs.add_parser("check", help="log in and run only the status commands and pki list; report them")
    _common(check)
    check.set_defaults(run=_cmd_check, sheet=None)
