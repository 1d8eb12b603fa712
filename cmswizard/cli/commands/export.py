"""`cmswizard export`: copy files to a USB stick or folder, each read back, with SHA256SUMS and a README."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cli.output import ExitCode, say, warn
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.safe_text import shown

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _cmd_export(args: argparse.Namespace) -> int:
    from cmswizard.export.copy import ExportItem, check_stick_name, export_files, export_items
    from cmswizard.export.readme import COMMANDS_NAME, export_folder_name, export_readme
    from cmswizard.pki.files import read_input_file

    if not args.files:
        raise CmsInputError("export", "name the files to copy")
    extra = [ExportItem(COMMANDS_NAME, read_input_file(args.sheet))] if args.sheet else []
    items = export_items([Path(f) for f in args.files], extra)
    if not args.no_calendar:
        from cmswizard.export.calendar import calendar_item, parse_alarm_days

        calendar = calendar_item(items, alarm_days=parse_alarm_days(args.alarm_days))
        items = export_items([], [*items, calendar]) if calendar else items
    name = args.name or export_folder_name()
    if "/" in name or "\\" in name or name in ("", ".", ".."):
        raise CmsInputError("--name", "is a folder name, not a path")
    check_stick_name(name, "--name")
    destination = Path(args.to) / name
    for item in items:
        if item.private:
            warn(f"note: {shown(item.name)} is a private key; it is copied unencrypted, as CMS needs it")
    result = export_files(
        items,
        destination,
        readme=export_readme(items),
        overwrite=args.force,
        progress=lambda done, total, current: None,
    )
    if not result.ok:
        raise CmsInputError(str(destination), result.summary())
    say(result.summary())
    for copied in result.copied:
        say(f"  {shown(copied, 300)}")
    return ExitCode.OK


def register(commands: Commands) -> None:
    export = commands.add_parser("export", help="copy files to a USB stick or folder, verified, with SHA256SUMS")
    export.add_argument("files", nargs="*", help="the files to copy")
    export.add_argument("--to", required=True, metavar="FOLDER", help="the stick's mount point or any folder")
    export.add_argument("--name", help="folder created on the stick (default cms-certificates-YYYYMMDD)")
    export.add_argument("--sheet", metavar="FILE", help="a deployment sheet to include as cms-commands.txt")
    export.add_argument("--force", action="store_true", help="replace files of the same name")
    export.add_argument("--no-calendar", action="store_true", help="leave out certificate-expiry.ics")
    export.add_argument("--alarm-days", default="60,30,7", metavar="DAYS", help="calendar reminders (default 60,30,7)")
    export.set_defaults(run=_cmd_export)
