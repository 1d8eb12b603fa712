"""`cmswizard upload`: a node's files to its MMP over SFTP, each one read back and compared.

The host key is checked before anything is sent; an unknown key is shown and, at a terminal,
the admin is asked to compare it with the MMP's. Passwords are read without echo or from a file,
and never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget, UploadReport

__all__ = ["add_parser", "run_upload"]


def _credentials(args: argparse.Namespace, target: SshTarget) -> Credentials:
    from cmswizard.pki.files import read_input_file
    from cmswizard.remote.sftp import Credentials

    if args.identity:
        passphrase = None
        if args.password_file:
            passphrase = read_input_file(args.password_file).rstrip(b"\r\n").decode("utf-8", "replace")
        return Credentials(key_file=Path(args.identity), key_passphrase=passphrase)
    if args.password_file:
        return Credentials(password=read_input_file(args.password_file).rstrip(b"\r\n").decode("utf-8", "replace"))
    if not sys.stdin.isatty():
        raise CmsInputError(
            "password", "no terminal to ask for the password; give --password-file FILE or --identity KEY"
        )
    import getpass

    return Credentials(password=getpass.getpass(f"Password for {target.username}@{target.label}: "))


def _ask_to_trust(error: Exception, known_hosts: Path) -> bool:
    from cmswizard.remote.sftp import UnknownHostKey, remember_host_key

    assert isinstance(error, UnknownHostKey)
    key = error.host_key
    print(f"The host key of {shown(key.label)} is not known yet:", file=sys.stderr)
    print(f"  {key.key_type} {key.fingerprint}", file=sys.stderr)
    print("Compare it with the fingerprint the MMP shows before you go on.", file=sys.stderr)
    answer = input("Is it the same? Type yes to trust it and remember it in known_hosts: ").strip().lower()
    if answer != "yes":
        return False
    remember_host_key(known_hosts, key)
    print(f"remembered in {shown(known_hosts)}", file=sys.stderr)
    return True


def run_upload(target: SshTarget, files: list[Path], args: argparse.Namespace, replace: set[str]) -> UploadReport:
    """Upload with the CLI's trust dialogue; the report is printed by the caller."""
    from cmswizard.remote.sftp import HostTrust, UnknownHostKey, check_fingerprint, default_known_hosts, upload_files

    known_hosts = Path(args.known_hosts) if args.known_hosts else default_known_hosts()
    trust: HostTrust = HostTrust(
        known_hosts=known_hosts, fingerprint=check_fingerprint(args.fingerprint) if args.fingerprint else ""
    )
    credentials = _credentials(args, target)

    def progress(name: str, sent: int, total: int) -> None:
        if sent == total:
            print(f"  sent {shown(name)} ({total} bytes), reading it back…", file=sys.stderr)

    try:
        return upload_files(target, files, trust=trust, credentials=credentials, replace=replace, progress=progress)
    except UnknownHostKey as error:
        if not sys.stdin.isatty() or not _ask_to_trust(error, known_hosts):
            raise
        return upload_files(target, files, trust=trust, credentials=credentials, replace=replace, progress=progress)


def print_report(report: UploadReport) -> int:
    from cmswizard.cli import _say
    from cmswizard.remote.sftp import Outcome

    if report.host_key is not None:
        refused = any(r.outcome is Outcome.HOST_KEY_MISMATCH for r in report.results)
        verdict = "REFUSED: not the expected key, nothing was sent" if refused else "checked before anything was sent"
        _say(f"host key: {report.host_key.key_type} {report.host_key.fingerprint} ({verdict})")
    for result in report.results:
        _say(result.line)
    _say(report.summary)
    return 0 if report.ok else 1


def _cmd_upload(args: argparse.Namespace) -> int:
    from cmswizard.remote.sftp import SshTarget

    if args.plan:
        from cmswizard.cli_plan import upload_from_plan

        if args.files:
            raise CmsInputError(args.files[0], "with --plan the files come from the plan; leave the file names out")
        return upload_from_plan(args)
    if not args.host or not args.files:
        raise CmsInputError("upload", "give --host HOST and the files, or --plan PLAN --node NAME")
    target = SshTarget(args.host, args.port or 22, args.user or "admin")
    report = run_upload(target, [Path(name) for name in args.files], args, set(args.replace))
    return print_report(report)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
