"""The command line: the MMP's `pki` syntax, plus bundles and export. Never imports Qt.

Exit codes: 0 success, 1 a check said no, 2 bad input (one line naming the token or file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from cmswizard import __version__
from cmswizard.pki.errors import CmsCheckFailed, CmsInputError
from cmswizard.pki.safe_text import escape, one_line, shown

if TYPE_CHECKING:
    from cryptography import x509

    from cmswizard.pki.loader import LoadedFile
    from cmswizard.pki.spec import CsrSpec, KeyType, Purpose

__all__ = ["main"]

EXIT_OK, EXIT_NO, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


# Choices come from the engine's enums, imported only when a parser needs them (start-up time).
def _key_choices() -> list[str]:
    from cmswizard.pki.spec import KeyType

    return [k.value for k in KeyType]


def _service_choices() -> list[str]:
    from cmswizard.cms.services import Service

    return [s.value for s in Service if s is not Service.DATABASE]


def _columns() -> int:
    """The terminal width as `shutil.get_terminal_size` finds it, without importing shutil (and with
    it bz2 and lzma) on every start."""
    import os

    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, width or max(_columns(), 1) - 2)


class _Parser(argparse.ArgumentParser):
    """argparse, but every usage error is one line and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise CmsInputError(self.prog, f"{message} (see '{self.prog} --help')")


def _say(text: str = "") -> None:
    """Print one line for the user: anything in it that could start a line of its own or drive the
    terminal (newline, ESC, OSC, BEL, bidi) is escaped here, whatever its values."""
    _print(escape(text))


def _say_block(text: str) -> None:
    """Print text of several lines that this program composed (a sheet, JSON) from escaped or
    validated values; each line is still escaped, so nothing in it drives the terminal."""
    _print("\n".join(escape(line) for line in text.split("\n")))


def _print(text: str) -> None:
    try:
        print(text)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _OutputFailed(error) from None


class _OutputFailed(Exception):
    """Standard output cannot be written (a full disk, a closed terminal)."""


def _warn(text: str) -> None:
    """One readable line on stderr, whatever the values in it."""
    print(one_line(text, 360), file=sys.stderr)


def _checked_spec(tokens: Sequence[str], purpose: Purpose, key_type: KeyType) -> CsrSpec:
    """Parse tokens into a spec, printing the warnings and notes a valid spec may still carry."""
    from cmswizard.pki.command import read_tokens
    from cmswizard.pki.spec import check_subject

    checked = check_subject(read_tokens(tokens, purpose=purpose, key_type=key_type), purpose=purpose)
    spec = checked.require()
    for problem in checked.problems:
        _warn(f"{problem.severity.value}: {problem}")
    return spec


def _cmd_csr(args: argparse.Namespace) -> int:
    from cmswizard.pki.command import mmp_key_note, render
    from cmswizard.pki.csr import generate_key_and_csr
    from cmswizard.pki.spec import KeyType, Purpose

    key_type = KeyType(args.key)
    spec = _checked_spec(args.tokens, Purpose.CSR, key_type)
    result = generate_key_and_csr(spec, Path(args.dir), force=args.force)
    _say(f"command: {render(spec)}")
    key_note = mmp_key_note(key_type)
    if key_note is not None:
        _warn(f"note: {key_note}")
    _say(f"wrote {shown(result.key_path, 300)} (private key, mode 0600, {key_type.label})")
    _say(f"wrote {shown(result.csr_path, 300)} (send this file to your certificate authority)")
    return EXIT_OK


def _cmd_selfsigned(args: argparse.Namespace) -> int:
    from cmswizard.pki.ca import write_self_signed_ca
    from cmswizard.pki.command import render
    from cmswizard.pki.spec import KeyType, Purpose

    spec = _checked_spec(args.tokens, Purpose.CA, KeyType(args.key))
    key_path, cert_path, certificate = write_self_signed_ca(spec, Path(args.dir), days=args.days, force=args.force)
    _say(f"command: {render(spec, 'selfsigned')}")
    _say(f"wrote {shown(key_path, 300)} (CA private key, mode 0600; keep it safe)")
    _say(f"wrote {shown(cert_path, 300)} (CA certificate, valid until {certificate.not_valid_after_utc:%Y-%m-%d})")
    return EXIT_OK


def _cmd_sign(args: argparse.Namespace) -> int:
    from cmswizard.pki.ca import sign_csr_file
    from cmswizard.pki.profiles import Usage

    usage = Usage(args.eku) if args.eku else None
    out_path, signed = sign_csr_file(
        args.basename, args.ca_basename, Path(args.dir), days=args.days, usage=usage, force=args.force
    )
    for note in signed.notes:
        _warn(f"note: {note}")
    certificate = signed.certificate
    _say(
        f"wrote {shown(out_path, 300)} (valid until {certificate.not_valid_after_utc:%Y-%m-%d}, signed by {args.ca_basename})"
    )
    return EXIT_OK


def _password(args: argparse.Namespace) -> bytes | None:
    path = getattr(args, "password_file", None)
    if not path:
        return None
    from cmswizard.pki.files import MAX_PASSWORD_BYTES, read_input_file

    return read_input_file(path, limit=MAX_PASSWORD_BYTES).rstrip(b"\r\n")


def _load(path: str, args: argparse.Namespace) -> LoadedFile:
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


def _cmd_inspect(args: argparse.Namespace) -> int:
    import json

    from cmswizard.pki.inspect import describe_loaded

    loaded = _load(args.file, args)
    facts = describe_loaded(loaded)
    if args.json:
        _say_block(json.dumps([f.as_dict() for f in facts], indent=2, ensure_ascii=False))
    else:
        for number, item in enumerate(facts):
            if number:
                _say()
            if len(facts) > 1:
                _say(f"[{number + 1}/{len(facts)}]")
            for line in item.lines():
                _say(line)
            if number == 0 and loaded.certificates and not item.basic_constraints.startswith("CA:TRUE"):
                from cmswizard.cms.services import eku_report

                for text in eku_report(loaded.certificates[0]):
                    _say(f"{'EKU check:':<20}{text}")
    return _check_service(args, loaded.certificates[:1], args.file)


def _check_service(args: argparse.Namespace, certificates: Sequence[x509.Certificate], name: str) -> int:
    """With --service: exit 1 when the certificate's EKU does not allow what that service needs."""
    if not getattr(args, "service", None) or not certificates:
        return EXIT_OK
    from cmswizard.cms.services import Service, check_service_eku

    problem = check_service_eku(Service(args.service), certificates[0], name)
    if problem is not None:
        raise CmsCheckFailed(str(problem))
    _say(f"{name}: the extended key usage fits {Service(args.service).label}")
    return EXIT_OK


def _cmd_match(args: argparse.Namespace) -> int:
    from cmswizard.pki.chain import common_name
    from cmswizard.pki.verify import key_matches

    key_file = _load(args.keyfile, args)
    if not key_file.keys:
        raise CmsInputError(args.keyfile, "holds no private key; name the .key file first, then the certificate")
    other = _load(args.certfile, args)
    target: x509.Certificate | x509.CertificateSigningRequest
    if other.certificates:
        target = other.certificates[0]
    elif other.csrs:
        target = other.csrs[0]
    else:
        raise CmsInputError(args.certfile, "holds no certificate or CSR to compare the key with")
    what = "certificate" if other.certificates else "CSR"
    if key_matches(key_file.keys[0], target):
        _say(
            f"match: {shown(args.keyfile)} is the private key of the {what} {shown(args.certfile)}"
            f" ({shown(common_name(target.subject))})"
        )
        return EXIT_OK
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

    leaf_file = _load(args.cert, args)
    if not leaf_file.certificates:
        raise CmsInputError(args.cert, "holds no certificate to verify")
    bundle = _load(args.bundle, args)
    if not bundle.certificates:
        raise CmsInputError(args.bundle, "holds no CA certificate; give the CA bundle or root certificate")
    leaf, *rest = leaf_file.certificates
    result = verify_certificate(leaf, [*rest, *bundle.certificates], at=_parse_when(args.at), source=args.cert)
    if result.ok:
        _say(f"{shown(args.cert)}: {result.reason}")
        return EXIT_OK
    raise CmsCheckFailed(f"{shown(args.cert)}: verification failed: {result.reason}")


def _cmd_list(args: argparse.Namespace) -> int:
    from cmswizard.pki.listing import list_folder

    rows = list_folder(Path(args.folder))
    if not rows:
        _say(f"no keys, CSRs or certificates in {shown(args.folder)}")
        return EXIT_OK
    header = ("File", "Type", "CN", "Expiry", "Same key as")
    table = [header] + [(r.name, r.kind, r.cn, r.expiry or r.note, ", ".join(r.matches)) for r in rows]
    widths = [max(len(row[col]) for row in table) for col in range(len(header))]
    for row in table:
        _say("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def _cmd_bundle(args: argparse.Namespace) -> int:
    from cmswizard.pki.bundle import BundleKind, bundle_bytes, check_bundle, select_for_bundle
    from cmswizard.pki.chain import anchor_notes, auto_order, collect, role_of
    from cmswizard.pki.files import OutputFile, read_input_file, write_files
    from cmswizard.pki.inspect import expiry_status

    if args.fix and not args.check:
        raise CmsInputError("--fix", "works with --check FILE only (it writes the corrected FILE); add --check")
    if args.check:
        data = read_input_file(args.check)
        report = check_bundle(data, args.check)
        for issue in report.issues:
            _say(f"{shown(args.check)}: {issue}")
        if report.clean:
            _say(f"{shown(args.check)}: clean ({report.count} certificate(s), byte-exact for CMS)")
            from cmswizard.pki.loader import load_bytes

            return _check_service(args, load_bytes(data, args.check).certificates[:1], args.check)
        if args.fix and report.fixed is not None:
            write_files([OutputFile(Path(args.fix), report.fixed, replace=args.force)])
            _say(f"wrote the corrected bundle to {shown(args.fix, 300)}")
        elif report.fixed is None:
            _say("the problems above cannot be fixed automatically")
        return EXIT_NO
    if not args.files:
        raise CmsInputError("bundle", "name the certificate files (or --check FILE)")
    loaded_files = [_load(name, args) for name in args.files]
    for loaded in loaded_files:
        if not loaded.certificates:
            what = (
                "a private key but no certificate; bundles carry certificates only"
                if loaded.keys
                else "a CSR, not a certificate: send it to your CA and use the certificate it returns"
            )
            raise CmsInputError(loaded.name, f"holds {what}")
    pile = collect(loaded_files)
    found = auto_order(pile)
    if len(found.chains) != 1:
        names = ", ".join(shown(chain.items[0].subject_cn, 60) for chain in found.chains[:5])
        if len(found.chains) > 5:
            names += f" and {len(found.chains) - 5} more"
        raise CmsInputError(
            "bundle", f"found {len(found.chains)} entity certificates ({names}); give the files of one chain"
        )
    chain = found.chains[0]
    for number, item in enumerate(chain.items, 1):
        _say(f"{number}. {role_of(item).value:<12} {shown(item.subject_cn)}  ({expiry_status(item.certificate)})")
    for item in found.unrelated:
        _say(f"   unrelated    {shown(item.subject_cn)}  (from {', '.join(shown(s) for s in item.sources)}; left out)")
    for note in anchor_notes(chain.items[-1]):
        _warn(f"note: {note}")
    if not chain.complete:
        _warn(f"warning: chain incomplete: {chain.problem}")
    outputs = []
    include_root = not args.no_root
    for target, kind in (
        (args.fullchain, BundleKind.FULL_CHAIN),
        (args.ca_bundle, BundleKind.CA_BUNDLE),
        (args.entity, BundleKind.ENTITY),
    ):
        if target:
            members = select_for_bundle(chain.items, kind, include_root=include_root)
            outputs.append(OutputFile(Path(target), bundle_bytes(members), replace=args.force))
    for path in write_files(outputs) if outputs else []:
        _say(f"wrote {shown(path, 300)}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:

    from cmswizard.export.copy import ExportItem, check_stick_name, export_files, plan_export
    from cmswizard.export.readme import COMMANDS_NAME, export_folder_name, export_readme
    from cmswizard.pki.files import read_input_file

    if not args.files:
        raise CmsInputError("export", "name the files to copy")
    extra = [ExportItem(COMMANDS_NAME, read_input_file(args.sheet))] if args.sheet else []
    items = plan_export([Path(f) for f in args.files], extra)
    if not args.no_calendar:
        from cmswizard.export.calendar import calendar_item, parse_alarm_days

        calendar = calendar_item(items, alarm_days=parse_alarm_days(args.alarm_days))
        items = plan_export([], [*items, calendar]) if calendar else items
    name = args.name or export_folder_name()
    if "/" in name or "\\" in name or name in ("", ".", ".."):
        raise CmsInputError("--name", "is a folder name, not a path")
    check_stick_name(name, "--name")
    destination = Path(args.to) / name
    for item in items:
        if item.private:
            _warn(f"note: {shown(item.name)} is a private key; it is copied unencrypted, as CMS needs it")
    result = export_files(
        items,
        destination,
        readme=export_readme(items),
        overwrite=args.force,
        progress=lambda done, total, current: None,
    )
    if not result.ok:
        raise CmsInputError(str(destination), result.summary())
    _say(result.summary())
    for copied in result.copied:
        _say(f"  {shown(copied, 300)}")
    return EXIT_OK


def _add_csr(verbs: Any) -> None:
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


def _add_verify(verbs: Any) -> None:
    verify = verbs.add_parser("verify", help="is this certificate issued by this CA bundle or root?")
    verify.add_argument("cert")
    verify.add_argument("bundle", metavar="bundle-or-root")
    verify.add_argument("--at", help="check at this date (YYYY-MM-DD) instead of now")
    verify.add_argument("--password-file", help="file holding a PKCS#12 password")
    verify.set_defaults(run=_cmd_verify)


# Commands run in scripts and loops: for these the parser holds only their own sub-parser, since
# argparse takes about a millisecond per sub-parser, more than `pki verify` itself needs.
_QUICK = {("pki", "csr"): _add_csr, ("pki", "verify"): _add_verify}


def _starts_the_wizard(argv: Sequence[str]) -> bool:
    """Only the wizard's own options (or none): no command, so no command parser is needed."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--lang" and rest:
            rest.pop(0)
        elif token not in ("--pseudo", "--self-test") and not token.startswith("--lang="):
            return False
    return True


def _english_argparse() -> None:
    """The command line speaks English: argparse's own gettext look-ups (a search of the locale folders
    for each of its strings, and importing `locale` for the first) cost 1-2 ms of every start for nothing."""
    argparse._ = lambda message: message  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, count: singular if count == 1 else plural  # type: ignore[attr-defined]


def _build_parser(argv: Sequence[str] = ()) -> _Parser:
    _english_argparse()
    quick = _QUICK.get((argv[0], argv[1])) if len(argv) >= 2 else None
    if quick is not None:
        parser = _Parser(prog="cmswizard")
        pki = parser.add_subparsers(dest="command", parser_class=_Parser).add_parser("pki")
        quick(pki.add_subparsers(dest="verb", parser_class=_Parser, required=True))
        return parser
    parser = _Parser(prog="cmswizard", description="Certificates for Cisco Meeting Server.")
    parser.add_argument("--version", action="version", version=f"cmswizard {__version__}")
    parser.add_argument("--lang", choices=("en", "zh_TW"), help="language of the wizard (default: the system's)")
    parser.add_argument(
        "--pseudo", action="store_true", help="pseudo-translate the wizard (40%% longer) to check layouts"
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)  # packaging smoke test
    if _starts_the_wizard(argv):  # the commands' parsers (and the engine they import) wait for a command
        parser.set_defaults(command=None)
        return parser
    from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS, Usage

    service_choices = _service_choices()
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    pki = commands.add_parser("pki", help="the CMS MMP pki commands, run on this computer")
    verbs = pki.add_subparsers(dest="verb", parser_class=_Parser, required=True)

    _add_csr(verbs)

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

    inspect = verbs.add_parser("inspect", help="show a certificate, CSR, key or bundle (any format)")
    inspect.add_argument("file")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    inspect.add_argument("--password-file", help="file holding the PKCS#12 or key password")
    inspect.add_argument("--service", choices=service_choices, help="exit 1 unless the EKU fits this CMS service")
    inspect.set_defaults(run=_cmd_inspect)

    match = verbs.add_parser("match", help="does this key belong to this certificate or CSR?")
    match.add_argument("keyfile")
    match.add_argument("certfile", metavar="cert-or-csr")
    match.add_argument("--password-file", help="file holding the key password")
    match.set_defaults(run=_cmd_match)

    _add_verify(verbs)

    listing = verbs.add_parser("list", help="keys, CSRs and certificates in a folder, and which belong together")
    listing.add_argument("folder", nargs="?", default=".")
    listing.set_defaults(run=_cmd_list)

    bundle = commands.add_parser("bundle", help="order certificates and write CMS bundles (any input format)")
    bundle.add_argument("files", nargs="*", help="certificate files: PEM, DER, .p7b, .pfx, in any order")
    bundle.add_argument("--fullchain", metavar="OUT", help="write entity → intermediates → root (Web Bridge 3, TURN)")
    bundle.add_argument("--ca-bundle", metavar="OUT", help="write intermediates → root (webadmin/callbridge certs)")
    bundle.add_argument("--entity", metavar="OUT", help="write the entity certificate alone")
    bundle.add_argument("--no-root", action="store_true", help="leave the root CA out of the outputs")
    bundle.add_argument("--password-file", help="file holding the PKCS#12 password")
    bundle.add_argument("--check", metavar="FILE", help="check an existing bundle (exit 1 if problems)")
    bundle.add_argument("--fix", metavar="OUT", help="with --check: write the corrected bundle here")
    bundle.add_argument(
        "--service", choices=service_choices, help="with --check: exit 1 unless the first certificate's EKU fits it"
    )
    bundle.add_argument("--force", action="store_true", help="replace existing output files")
    bundle.set_defaults(run=_cmd_bundle)

    from cmswizard.cli_deploy import add_parsers as add_deploy_parsers

    add_deploy_parsers(commands)

    export = commands.add_parser("export", help="copy files to a USB stick or folder, verified, with SHA256SUMS")
    export.add_argument("files", nargs="*", help="the files to copy")
    export.add_argument("--to", required=True, metavar="FOLDER", help="the stick's mount point or any folder")
    export.add_argument("--name", help="folder created on the stick (default cms-certificates-YYYYMMDD)")
    export.add_argument("--sheet", metavar="FILE", help="a deployment sheet to include as cms-commands.txt")
    export.add_argument("--force", action="store_true", help="replace files of the same name")
    export.add_argument("--no-calendar", action="store_true", help="leave out certificate-expiry.ics")
    export.add_argument("--alarm-days", default="60,30,7", metavar="DAYS", help="calendar reminders (default 60,30,7)")
    export.set_defaults(run=_cmd_export)
    from cmswizard import cli_p12, cli_plan, cli_upload

    for group in (cli_plan, cli_upload, cli_p12):
        group.add_parser(commands)
    from cmswizard import cli_probe, cli_renew

    cli_probe.add_parser(commands)
    cli_renew.add_parser(commands)
    return parser


def _run(argv: Sequence[str]) -> int:
    parser = _build_parser(argv)
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        if args.command is None and args.self_test:
            from cmswizard.gui.launch import self_test

            return int(self_test(args.lang))
        if args.command is None:
            from cmswizard.gui.launch import launch

            return int(launch(lang=args.lang, pseudo=args.pseudo))
        parser.error("choose a command")
    return run(args)


def _terminate(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends the run the way Ctrl+C does: writes roll back, one line


def main(argv: Sequence[str] | None = None) -> int:
    import signal
    import warnings

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    previous_term = None
    if hasattr(signal, "SIGTERM"):
        try:
            previous_term = signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not the main thread (called from a program's worker): leave signals alone
            previous_term = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # library warnings are not for the user's terminal
            code = _run(sys.argv[1:] if argv is None else argv)
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as error:
                raise _OutputFailed(error) from None
        return code
    except CmsInputError as error:
        _warn(f"cmswizard: {error}")
        return EXIT_BAD_INPUT
    except CmsCheckFailed as error:
        _warn(f"cmswizard: {error}")
        return EXIT_NO
    except KeyboardInterrupt:
        _warn("cmswizard: interrupted; nothing was left half-written")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `cmswizard pki inspect x | head -1`: the reader left, that is fine
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except _OutputFailed as failure:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the unprinted rest goes nowhere, quietly
        reason = failure.args[0].strerror or str(failure.args[0])
        _warn(f"cmswizard: could not print to standard output ({reason}); any files the command wrote are complete")
        return EXIT_BAD_INPUT
    except Exception as error:  # the CLI never shows a traceback
        _warn(f"cmswizard: unexpected error ({type(error).__name__}: {error}); please report it")
        return EXIT_BAD_INPUT
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)
