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

__all__ = ["ask_new_password", "load", "plan_folder", "typed_secret"]


def _password(args: argparse.Namespace) -> bytes | None:
    path = getattr(args, "password_file", None)
    if not path:
        return None
    from cmswizard.pki.files import read_password_file

    return read_password_file(path)


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
        return load_file(path, password=typed_secret(f"Password for {shown(path)}: "))


def ask_new_password(args: argparse.Namespace, what: str) -> bytes:
    """From --password-file, or asked twice at the terminal without echo; never printed or logged."""
    path = getattr(args, "password_file", None)
    if path:
        from cmswizard.pki.files import read_password_file

        return read_password_file(path)
    if not sys.stdin.isatty():
        raise CmsInputError(
            "password", f"no terminal to ask for the {what} password; give it with --password-file FILE"
        )
    first = typed_secret(f"New password for {what}: ")
    second = typed_secret("The same password again: ")
    if first != second:
        raise CmsInputError("password", "the two passwords differ; nothing was written — run the command again")
    return first


def typed_secret(prompt: str) -> bytes:
    """A password typed at the terminal without echo; the prompt escaped (it may hold a name from a
    plan), Ctrl-D a one-line refusal, bytes that are not UTF-8 kept as typed (the password rule says no)."""
    import getpass

    from cmswizard.pki.safe_text import escape

    try:
        typed = getpass.getpass(escape(prompt))
    except EOFError:
        raise CmsInputError("password", "nothing was typed (Ctrl-D); run the command again") from None
    return typed.encode("utf-8", "surrogateescape")


def plan_folder(args: argparse.Namespace) -> Path:
    """Where a plan's files are: --dir, or the plan file's own folder."""
    return Path(args.dir) if args.dir else Path(args.plan).resolve().parent
