"""`cmswizard bundle`: order certificates and write the byte-exact bundles CMS reads, or check one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.inputs import load
from cmswizard.cli.output import ExitCode, say, warn
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


_UNRELATED_SHOWN = 20  # unrelated certificates named one by one; beyond that, how many more


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
            say(f"{shown(args.check)}: {issue}")
        if report.clean:
            say(f"{shown(args.check)}: clean ({report.count} certificate(s), byte-exact for CMS)")
            from cmswizard.cli.checks import check_service
            from cmswizard.pki.loader import load_bytes

            return check_service(args, load_bytes(data, args.check).certificates[:1], args.check)
        if args.fix and report.fixed is not None:
            write_files([OutputFile(Path(args.fix), report.fixed, replace=args.force)])
            say(f"wrote the corrected bundle to {shown(args.fix, 300)}")
        elif report.fixed is None:
            say("the problems above cannot be fixed automatically")
        return ExitCode.CHECK_FAILED
    if not args.files:
        raise CmsInputError("bundle", "name the certificate files (or --check FILE)")
    loaded_files = [load(name, args) for name in args.files]
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
        say(f"{number}. {role_of(item).value:<12} {shown(item.subject_cn)}  ({expiry_status(item.certificate)})")
    for item in found.unrelated[:_UNRELATED_SHOWN]:
        say(f"   unrelated    {shown(item.subject_cn)}  (from {', '.join(shown(s) for s in item.sources)}; left out)")
    if len(found.unrelated) > _UNRELATED_SHOWN:  # a CA store's worth is no list to read: the count says it
        say(f"   and {len(found.unrelated) - _UNRELATED_SHOWN:,} more unrelated certificates, left out")
    for note in anchor_notes(chain.items[-1]):
        warn(f"note: {note}")
    if not chain.complete:
        warn(f"warning: chain incomplete: {chain.problem}")
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
        say(f"wrote {shown(path, 300)}")
    return ExitCode.OK


def register(commands: Commands) -> None:
    from cmswizard.cms.services import Service

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
        "--service",
        choices=[s.value for s in Service if s is not Service.DATABASE],
        help="with --check: exit 1 unless the first certificate's EKU fits it",
    )
    bundle.add_argument("--force", action="store_true", help="replace existing output files")
    bundle.set_defaults(run=_cmd_bundle)
