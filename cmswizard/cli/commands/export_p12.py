"""`cmswizard export-p12`: key + certificate + chain in one PKCS#12 file for Windows and appliances."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.inputs import ask_new_password, load
from cmswizard.cli.output import ExitCode, say
from cmswizard.pki.errors import CmsInputError

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _cmd_export_p12(args: argparse.Namespace) -> int:
    from cmswizard.export.p12 import P12Encryption, write_p12

    key_file = load(args.key, argparse.Namespace(password_file=args.key_password_file))
    if not key_file.keys:
        raise CmsInputError(args.key, "holds no private key; name the .key file with --key")
    files = [load(name, argparse.Namespace(password_file=None)) for name in [args.cert, *args.chain]]
    out = Path(args.out)
    password = ask_new_password(args, out.name)
    encryption = P12Encryption.LEGACY if args.legacy else P12Encryption.MODERN
    result = write_p12(
        out,
        key_file.keys[0],
        files,
        password=password,
        encryption=encryption,
        include_root=not args.no_root,
        friendly_name=args.name or "",
        replace=args.force,
    )
    say(f"wrote {result.path} (PKCS#12, mode 0600, {encryption.label})")
    say(f"  certificate: {result.subject_cn}")
    for name in result.chain_names:
        say(f"  chain:       {name}")
    if not result.chain_names:
        say("  chain:       none found in the files given (add the CA bundle with --chain)")
    return ExitCode.OK


def register(commands: Commands) -> None:
    p12 = commands.add_parser(
        "export-p12", help="key + certificate + chain in one password-protected PKCS#12 (.p12/.pfx) file"
    )
    p12.add_argument("--key", required=True, help="the private key (.key)")
    p12.add_argument("--cert", required=True, help="its certificate (any format; a full chain is fine)")
    p12.add_argument("--chain", nargs="*", default=[], metavar="FILE", help="CA bundle or intermediates and root")
    p12.add_argument("--out", required=True, help="the file to write (.p12 or .pfx)")
    p12.add_argument("--no-root", action="store_true", help="leave the root CA out (the importer already trusts it)")
    p12.add_argument(
        "--legacy", action="store_true", help="3DES/SHA-1 for older Windows and appliances (default: AES-256/PBKDF2)"
    )
    p12.add_argument("--name", help="friendly name shown by importers (default: the certificate's CN)")
    p12.add_argument("--password-file", help="read the new password from this file (first line) instead of asking")
    p12.add_argument("--key-password-file", help="the password of the key file, if it is encrypted")
    p12.add_argument("--force", action="store_true", help="replace an existing file of that name")
    p12.set_defaults(run=_cmd_export_p12)
