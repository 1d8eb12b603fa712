"""`cmswizard pki csr|selfsigned|sign|inspect|match|verify|list`: the MMP's `pki` syntax, run on this computer.

`pki verify` and `pki csr` run in scripts and loops, so this module's start-up imports stay lean: the
engine is imported inside the handlers.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.inputs import load
from cmswizard.cli.output import ExitCode, say, say_block, warn
from cmswizard.pki.errors import CmsCheckFailed, CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cryptography import x509

    from cmswizard.cli.commands import Commands
    from cmswizard.pki.spec import CsrSpec, KeyType, Purpose

__all__ = ["QUICK_VERBS", "register"]


# Choices come from the engine's enums, imported only when a parser needs them (start-up time).
def _key_choices() -> list[str]:
    from cmswizard.pki.spec import KeyType

    return [k.value for k in KeyType]


def _service_choices() -> list[str]:
    from cmswizard.cms.services import Service

    return [s.value for s in Service if s is not Service.DATABASE]


def _checked_spec(tokens: Sequence[str], purpose: Purpose, key_type: KeyType) -> CsrSpec:
    """Parse tokens into a spec, printing the warnings and notes a valid spec may still carry."""
    from cmswizard.cms.mmp_syntax import read_tokens
    from cmswizard.pki.spec import check_subject

    checked = check_subject(read_tokens(tokens, purpose=purpose, key_type=key_type), purpose=purpose)
    spec = checked.require()
    for problem in checked.problems:
        warn(f"{problem.severity.value}: {problem}")
    return spec


def _cmd_csr(args: argparse.Namespace) -> int:
    from cmswizard.cms.mmp_syntax import mmp_key_note, render
    from cmswizard.pki.csr import generate_key_and_csr
    from cmswizard.pki.spec import KeyType, Purpose

    key_type = KeyType(args.key)
    spec = _checked_spec(args.tokens, Purpose.CSR, key_type)
    result = generate_key_and_csr(spec, Path(args.dir), force=args.force)
    say(f"command: {render(spec)}")
    key_note = mmp_key_note(key_type)
    if key_note is not None:
        warn(f"note: {key_note}")
    say(f"wrote {shown(result.key_path, 300)} (private key, mode 0600, {key_type.label})")
    say(f"wrote {shown(result.csr_path, 300)} (send this file to your certificate authority)")
    return ExitCode.OK


def _cmd_selfsigned(args: argparse.Namespace) -> int:
    from cmswizard.cms.mmp_syntax import render
    from cmswizard.pki.ca import write_self_signed_ca
    from cmswizard.pki.spec import KeyType, Purpose

    spec = _checked_spec(args.tokens, Purpose.CA, KeyType(args.key))
    key_path, cert_path, certificate = write_self_signed_ca(spec, Path(args.dir), days=args.days, force=args.force)
    say(f"command: {render(spec, 'selfsigned')}")
    say(f"wrote {shown(key_path, 300)} (CA private key, mode 0600; keep it safe)")
    say(f"wrote {shown(cert_path, 300)} (CA certificate, valid until {certificate.not_valid_after_utc:%Y-%m-%d})")
    return ExitCode.OK


def _cmd_sign(args: argparse.Namespace) -> int:
    from cmswizard.pki.ca import sign_csr_file
    from cmswizard.pki.profiles import Usage

    usage = Usage(args.eku) if args.eku else None
    out_path, signed = sign_csr_file(
        args.basename, args.ca_basename, Path(args.dir), days=args.days, usage=usage, force=args.force
    )
    for note in signed.notes:
        warn(f"note: {note}")
    certificate = signed.certificate
    say(
        f"wrote {shown(out_path, 300)} (valid until {certificate.not_valid_after_utc:%Y-%m-%d}, signed by {args.ca_basename})"
    )
    return ExitCode.OK


def _cmd_inspect(args: argparse.Namespace) -> int:
    import json

    from cmswizard.cli.checks import check_service
    from cmswizard.pki.inspect import describe_loaded

    loaded = load(args.file, args)
    facts = describe_loaded(loaded)
    if args.json:
        say_block(json.dumps([f.as_dict() for f in facts], indent=2, ensure_ascii=False))
    else:
        for number, item in enumerate(facts):
            if number:
                say()
            if len(facts) > 1:
                say(f"[{number + 1}/{len(facts)}]")
            for line in item.lines():
                say(line)
            if number == 0 and loaded.certificates and not item.basic_constraints.startswith("CA:TRUE"):
                from cmswizard.cms.services import eku_report

                for text in eku_report(loaded.certificates[0]):
                    say(f"{'EKU check:':<20}{text}")
    return check_service(args, loaded.certificates[:1], args.file)


def _cmd_match(args: argparse.Namespace) -> int:
    from cmswizard.pki.chain import common_name
    from cmswizard.pki.verify import key_matches

    key_file = load(args.keyfile, args)
    if not key_file.keys:
        raise CmsInputError(args.keyfile, "holds no private key; name the .key file first, then the certificate")
    other = load(args.certfile, args)
    target: x509.Certificate | x509.CertificateSigningRequest
    if other.certificates:
        target = other.certificates[0]
    elif other.csrs:
        target = other.csrs[0]
    else:
        raise CmsInputError(args.certfile, "holds no certificate or CSR to compare the key with")
    what = "certificate" if other.certificates else "CSR"
    if key_matches(key_file.keys[0], target):
        say(
            f"match: {shown(args.keyfile)} is the private key of the {what} {shown(args.certfile)}"
            f" ({shown(common_name(target.subject))})"
        )
        return ExitCode.OK
    raise CmsCheckFailed(f"no match: {shown(args.keyfile)} is not the private key of the {what} {shown(args.certfile)}")


def _parse_when(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CmsInputError("--at", f"'{shown(text, 40)}' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _cmd_verify(args: argparse.Namespace) -> int:
    from cmswizard.pki.verify import verify_certificate

    leaf_file = load(args.cert, args)
    if not leaf_file.certificates:
        raise CmsInputError(args.cert, "holds no certificate to verify")
    bundle = load(args.bundle, args)
    if not bundle.certificates:
        raise CmsInputError(args.bundle, "holds no CA certificate; give the CA bundle or root certificate")
    leaf, *rest = leaf_file.certificates
    result = verify_certificate(leaf, [*rest, *bundle.certificates], at=_parse_when(args.at), source=args.cert)
    if result.ok:
        say(f"{shown(args.cert)}: {result.reason}")
        return ExitCode.OK
    raise CmsCheckFailed(f"{shown(args.cert)}: verification failed: {result.reason}")


def _cmd_list(args: argparse.Namespace) -> int:
    from cmswizard.pki.leftovers import remove_leftovers
    from cmswizard.pki.listing import list_folder

    if Path(args.folder).is_dir():
        remove_leftovers(Path(args.folder))  # says what it removed, and names what it could not
    rows = list_folder(Path(args.folder))
    if not rows:
        say(f"no keys, CSRs or certificates in {shown(args.folder)}")
        return ExitCode.OK
    header = ("File", "Type", "CN", "Expiry", "Same key as")
    table = [header] + [(r.name, r.kind, r.cn, r.expiry or r.note, ", ".join(r.matches)) for r in rows]
    widths = [max(len(row[col]) for row in table) for col in range(len(header))]
    for row in table:
        say("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return ExitCode.OK


def _add_csr(verbs: Commands) -> None:
    csr = verbs.add_parser(
        "csr",
        help="new private key <basename>.key and request <basename>.csr",
        description="pki csr <basename> CN:<fqdn> [OU:<v>] [O:<v>] [L:<v>] [ST:<v>] [C:<code>] [subjectAltName:<a>,<b>]"
        ' (values with spaces in double quotes: O:"Example Inc."; the SAN may hold e-mail addresses)',
    )
    csr.add_argument("tokens", nargs="+", metavar="basename-and-fields")
    csr.add_argument("--dir", default=".", help="folder for the files (default: current folder)")
    csr.add_argument("--key", choices=_key_choices(), default="rsa2048", help="key type (default rsa2048)")
    csr.add_argument("--force", action="store_true", help="replace an existing <basename>.key")
    csr.set_defaults(run=_cmd_csr)


def _add_selfsigned(verbs: Commands) -> None:
    from cmswizard.pki.profiles import CA_DAYS

    selfsigned = verbs.add_parser(
        "selfsigned",
        help="new CA key <basename>.key and self-signed CA certificate <basename>.crt",
        description="pki selfsigned <basename> CN:<name> [OU:<v>] [O:<v>] [L:<v>] [ST:<v>] [C:<code>]",
    )
    selfsigned.add_argument("tokens", nargs="+", metavar="basename-and-fields")
    selfsigned.add_argument("--dir", default=".", help="folder for the files")
    selfsigned.add_argument("--key", choices=_key_choices(), default="rsa2048", help="key type (default rsa2048)")
    selfsigned.add_argument("--days", type=int, default=CA_DAYS, help=f"validity in days (default {CA_DAYS})")
    selfsigned.add_argument("--force", action="store_true", help="replace existing files")
    selfsigned.set_defaults(run=_cmd_selfsigned)


def _add_sign(verbs: Commands) -> None:
    from cmswizard.pki.profiles import LEAF_DAYS, Usage

    sign = verbs.add_parser("sign", help="sign <basename>.csr with the CA <ca-basename> into <basename>.crt")
    sign.add_argument("basename")
    sign.add_argument("ca_basename", metavar="ca-basename")
    sign.add_argument("--dir", default=".", help="folder holding the CSR and the CA files")
    sign.add_argument("--days", type=int, default=LEAF_DAYS, help=f"validity in days (default {LEAF_DAYS})")
    sign.add_argument(
        "--eku",
        choices=[u.value for u in Usage],
        help="extended key usage (default: client for CN postgres, else server,client)",
    )
    sign.add_argument("--force", action="store_true", help="replace an existing <basename>.crt")
    sign.set_defaults(run=_cmd_sign)


def _add_inspect(verbs: Commands) -> None:
    inspect = verbs.add_parser("inspect", help="show a certificate, CSR, key or bundle (any format)")
    inspect.add_argument("file")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.add_argument("--password-file", help="file holding the PKCS#12 or key password")
    inspect.add_argument("--service", choices=_service_choices(), help="exit 1 unless the EKU fits this CMS service")
    inspect.set_defaults(run=_cmd_inspect)


def _add_match(verbs: Commands) -> None:
    match = verbs.add_parser("match", help="does this key belong to this certificate or CSR?")
    match.add_argument("keyfile")
    match.add_argument("certfile", metavar="cert-or-csr")
    match.add_argument("--password-file", help="file holding the key password")
    match.set_defaults(run=_cmd_match)


def _add_verify(verbs: Commands) -> None:
    verify = verbs.add_parser("verify", help="is this certificate issued by this CA bundle or root?")
    verify.add_argument("cert")
    verify.add_argument("bundle", metavar="bundle-or-root")
    verify.add_argument("--at", help="check at this date (YYYY-MM-DD) instead of now")
    verify.add_argument("--password-file", help="file holding a PKCS#12 password")
    verify.set_defaults(run=_cmd_verify)


def _add_list(verbs: Commands) -> None:
    listing = verbs.add_parser("list", help="keys, CSRs and certificates in a folder, and which belong together")
    listing.add_argument("folder", nargs="?", default=".")
    listing.set_defaults(run=_cmd_list)


_VERBS: dict[str, Callable[[Commands], None]] = {
    "csr": _add_csr,
    "selfsigned": _add_selfsigned,
    "sign": _add_sign,
    "inspect": _add_inspect,
    "match": _add_match,
    "verify": _add_verify,
    "list": _add_list,
}

# Verbs run in scripts and loops: for these the parser holds only their own sub-parser, since
# argparse takes about a millisecond per sub-parser, more than `pki verify` itself needs.
QUICK_VERBS = frozenset({"csr", "verify"})


def register(commands: Commands, *, only: str | None = None) -> None:
    """`pki` and its verbs; `only` (one of QUICK_VERBS) adds that verb alone."""
    pki = commands.add_parser("pki", help="the CMS MMP pki commands, run on this computer")
    verbs = pki.add_subparsers(dest="verb", parser_class=type(pki), required=True)
    for verb, add in _VERBS.items():
        if only is None or verb == only:
            add(verbs)
