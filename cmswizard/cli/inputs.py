"""What several commands read the same way: files that may need a password, new passwords, the plan's folder.

Passwords come from `--password-file` or are asked at the terminal without echo; they are never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.pki.loader import LoadedFile

__all__ = ["ask_new_password", "load", "plan_folder"]


def _password(args: argparse.Namespace) -> bytes | None:
    path = getattr(args, "password_file", None)
    if not path:
        return None
    from cmswizard.pki.files import MAX_PASSWORD_BYTES, read_input_file

    return read_input_file(path, limit=MAX_PASSWORD_BYTES).rstrip(b"\r\n")


def load(path: str, args: argparse.Namespace) -> LoadedFile:
    """Load a file; ask for a password at the terminal when one is needed and none was given."""
    from cmswizard.pki.loader import PasswordRequired, WrongPassword, load_file

    try:
        return load_file(path, password=_password(args))
    except WrongPassword:
        raise
    except PasswordRequired as error:
        if getattr(args, "password_file", None) or not sys.stdin.isatty():
            raise CmsInputError(path, f"{error.message} (give it with --password-file FILE)") from None
        import getpass

        return load_file(path, password=getpass.getpass(f"Password for {shown(path)}: ").encode())


def ask_new_password(args: argparse.Namespace, what: str) -> bytes:
    """From --password-file, or asked twice at the terminal without echo; never printed or logged."""
    path = getattr(args, "password_file", None)
    if path:
        from cmswizard.pki.files import read_input_file

        return read_input_file(path).rstrip(b"\r\n")
    if not sys.stdin.isatty():
        raise CmsInputError(
            "password", f"no terminal to ask for the {what} password; give it with --password-file FILE"
        )
    import getpass

    first = getpass.getpass(f"New password for {what}: ")
    second = getpass.getpass("The same password again: ")
    if first != second:
        raise CmsInputError("password", "the two passwords differ; nothing was written — run the command again")
    return first.encode()


def plan_folder(args: argparse.Namespace) -> Path:
    """Where a plan's files are: --dir, or the plan file's own folder."""
    return Path(args.dir) if args.dir else Path(args.plan).resolve().parent
