"""Logging in to an MMP from the command line: credentials and the host-key question.

The host key is checked before anything is sent; an unknown key is shown and, at a terminal, the
admin is asked to compare it with the MMP's. Passwords are read without echo or from a file, and
never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.remote.sftp import Credentials, SshTarget

__all__ = ["ask_to_trust", "credentials"]


def credentials(args: argparse.Namespace, target: SshTarget) -> Credentials:
    """From --identity (and its passphrase in --password-file), --password-file, or asked at the terminal."""
    from cmswizard.pki.files import read_password_file
    from cmswizard.remote.sftp import Credentials

    if args.identity:
        passphrase = None
        if args.password_file:
            passphrase = read_password_file(args.password_file).decode("utf-8")
        return Credentials(key_file=Path(args.identity), key_passphrase=passphrase)
    if args.password_file:
        return Credentials(password=read_password_file(args.password_file).decode("utf-8"))
    if not sys.stdin.isatty():
        raise CmsInputError(
            "password", "no terminal to ask for the password; give --password-file FILE or --identity KEY"
        )
    from cmswizard.cli.inputs import typed_secret
    from cmswizard.pki.files import password_problem

    typed = typed_secret(f"Password for {target.username}@{target.label}: ")
    problem = password_problem(typed)
    if problem:
        raise CmsInputError("password", problem)
    return Credentials(password=typed.decode("utf-8"))


def ask_to_trust(error: Exception, known_hosts: Path) -> bool:
    """Show an unknown host key and ask whether it is the MMP's; remember it in known_hosts if so."""
    from cmswizard.remote.sftp import UnknownHostKey, remember_host_key

    assert isinstance(error, UnknownHostKey)
    key = error.host_key
    if error.other_types:  # as OpenSSH: a key of another type is known for this host
        print(
            f"WARNING: known_hosts holds a {shown(', '.join(error.other_types))} key for {shown(key.label)}, "
            f"but the server offered {shown(key.key_type)}: if you did not change the MMP's keys, stop here.",
            file=sys.stderr,
        )
    print(f"The host key of {shown(key.label)} is not known yet:", file=sys.stderr)
    print(f"  {key.key_type} {key.fingerprint}", file=sys.stderr)
    print("Compare it with the fingerprint the MMP shows before you go on.", file=sys.stderr)
    try:
        answer = input("Is it the same? Type yes to trust it and remember it in known_hosts: ").strip().lower()
    except EOFError:  # Ctrl-D: no answer is no
        return False
    if answer != "yes":
        return False
    remember_host_key(known_hosts, key)
    print(f"remembered in {shown(known_hosts)}", file=sys.stderr)
    return True
