"""`cmswizard upload`: a node's files to its MMP over SFTP, each one read back and compared.

With `--plan PLAN --node NAME` the files are those the node's sheet section lists. The host key is
checked before anything is sent (cli/ssh.py asks about an unknown one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.inputs import plan_folder
from cmswizard.cli.output import ExitCode, say, warn
from cmswizard.cli.ssh import ask_to_trust, credentials
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands
    from cmswizard.remote.sftp import HostTrust, SshTarget, UploadReport

__all__ = ["register"]


def _run_upload(target: SshTarget, files: list[Path], args: argparse.Namespace, replace: set[str]) -> UploadReport:
    """Upload with the CLI's trust dialogue; the report is printed by the caller."""
    from cmswizard.remote.sftp import HostTrust, UnknownHostKey, check_fingerprint, default_known_hosts, upload_files

    known_hosts = Path(args.known_hosts) if args.known_hosts else default_known_hosts()
    trust: HostTrust = HostTrust(
        known_hosts=known_hosts, fingerprint=check_fingerprint(args.fingerprint) if args.fingerprint else ""
    )
    login = credentials(args, target)

    def progress(name: str, sent: int, total: int) -> None:
        if sent == total:
            print(f"  sent {shown(name)} ({total} bytes), reading it back…", file=sys.stderr)

    try:
        return upload_files(target, files, trust=trust, credentials=login, replace=replace, progress=progress)
    except UnknownHostKey as error:
        if not sys.stdin.isatty() or not ask_to_trust(error, known_hosts):
            raise
        return upload_files(target, files, trust=trust, credentials=login, replace=replace, progress=progress)


def _print_report(report: UploadReport) -> int:
    from cmswizard.remote.sftp import Outcome

    if report.host_key is not None:
        refused = any(r.outcome is Outcome.HOST_KEY_MISMATCH for r in report.results)
        verdict = "REFUSED: not the expected key, nothing was sent" if refused else "checked before anything was sent"
        say(f"host key: {report.host_key.key_type} {report.host_key.fingerprint} ({verdict})")
    if report.removed_temporaries:
        say(
            f"removed {len(report.removed_temporaries)} temporary file(s) an interrupted upload left on the MMP: "
            + ", ".join(report.removed_temporaries)
        )
    for result in report.results:
        say(result.line)
    say(report.summary)
    return ExitCode.OK if report.ok else ExitCode.CHECK_FAILED


def _upload_from_plan(args: argparse.Namespace) -> int:
    """`upload --plan PLAN --node NAME`: the node's files (as its sheet section lists them) to its MMP."""
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import missing_files, node_files
    from cmswizard.cms.plan_names import file_in_folder
    from cmswizard.remote.sftp import SshTarget

    if not args.node:
        raise CmsInputError("--node", "name the node to upload to (one of the plan's [[node]] names)")
    plan = read_plan(args.plan)
    node = plan.node(args.node)
    folder = plan_folder(args)
    names = node_files(plan, node.name)
    if not names:
        raise CmsInputError(node.name, "has no files in this plan's sheet; nothing to upload")
    paths = [file_in_folder(folder, name, f"{args.plan}: {node.name}") for name in names]
    absent = missing_files(folder, names)
    if absent:
        raise CmsInputError(
            str(folder / absent[0]),
            f"is not there yet ({len(absent)} of the node's files missing); run `cmswizard plan apply {args.plan}` and check",
        )
    target = SshTarget(args.host or node.address, args.port or node.ssh_port, args.user or node.ssh_user)
    if not args.fingerprint and node.fingerprint:
        args.fingerprint = node.fingerprint
    unknown = sorted(set(args.replace) - set(names))
    if unknown:
        raise CmsInputError(
            "--replace", f"{shown(unknown[0])} is not one of the files the plan sends to {shown(node.name)}"
        )
    warn(f"sending {len(paths)} file(s) from {shown(folder)} to {shown(node.name)}:")
    for path in paths:
        warn(f"  {shown(path.name)}")
    report = _run_upload(target, paths, args, set(args.replace))
    code = _print_report(report)
    sheet = folder / plan.sheet
    if report.ok and sheet.is_file():
        say(f"next: type the commands of {shown(node.name)} from {shown(sheet)} at its MMP (this tool runs none)")
    return code


def _cmd_upload(args: argparse.Namespace) -> int:
    from cmswizard.remote.sftp import SshTarget

    if args.port is not None and not 1 <= args.port <= 65535:
        raise CmsInputError("--port", f"{args.port} is not a port; give 1 to 65535 (SSH listens on 22)")

    if args.plan:
        if args.files:
            raise CmsInputError(args.files[0], "with --plan the files come from the plan; leave the file names out")
        return _upload_from_plan(args)
    if not args.host or not args.files:
        raise CmsInputError("upload", "give --host HOST and the files, or --plan PLAN --node NAME")
    target = SshTarget(args.host, args.port or 22, args.user or "admin")
    report = _run_upload(target, [Path(name) for name in args.files], args, set(args.replace))
    return _print_report(report)


def register(commands: Commands) -> None:
    upload = commands.add_parser(
        "upload",
        help="copy files to a CMS node's MMP over SFTP, each read back and compared (runs no MMP commands)",
    )
    upload.add_argument("files", nargs="*", help="the files to upload (with --host)")
    upload.add_argument("--plan", help="a deployment plan (.toml): upload the files of --node")
    upload.add_argument("--node", help="the plan's node to upload to (its files are those its sheet section lists)")
    upload.add_argument("--dir", default=None, help="where the plan's files are (default: the plan's folder)")
    upload.add_argument("--host", help="the MMP's address (host name or IP; default: the plan's ssh_host or node name)")
    upload.add_argument("--port", type=int, default=None, help="SSH port (default 22, or the plan's ssh_port)")
    upload.add_argument("--user", default=None, help="MMP user (default admin, or the plan's ssh_user)")
    upload.add_argument("--fingerprint", help="the host key fingerprint read on the MMP (SHA256:…)")
    upload.add_argument("--known-hosts", help="known_hosts file (default ~/.ssh/known_hosts)")
    upload.add_argument("--identity", help="log in with this SSH private key instead of a password")
    upload.add_argument(
        "--password-file", help="read the password (or the --identity passphrase) from this file instead of asking"
    )
    upload.add_argument(
        "--replace",
        action="append",
        default=[],
        metavar="NAME",
        help="replace this file if the MMP already has it (never done otherwise; a live key's name breaks its service)",
    )
    upload.set_defaults(run=_cmd_upload)
