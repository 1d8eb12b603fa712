"""`cmswizard dbcluster`: dbca, dbserver and dbclient for a CMS database cluster, and the MMP commands
that install them on each node."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.catalogue import translator
from cmswizard.cli.deployment_options import add_sheet_language
from cmswizard.cli.output import ExitCode, say, say_block
from cmswizard.pki.errors import N_, Text
from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS
from cmswizard.pki.safe_text import shown
from cmswizard.pki.spec import KeyType

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _cmd_dbcluster(args: argparse.Namespace) -> int:
    from cmswizard.cms.dbcluster import make_db_cluster, write_db_cluster
    from cmswizard.cms.lines import render_lines

    plan = make_db_cluster(args.domain, args.primary, args.join, args.connect, key_type=KeyType(args.key))
    made = write_db_cluster(plan, Path(args.dir), ca_days=args.ca_days, days=args.days, force=args.force)
    translate = translator(args.sheet_lang)
    for path in made.files:
        say(f"wrote {shown(path, 300)}")
    if args.renewal:  # read top-down: the removal comes before making the set again on the box
        say()
        for text in render_lines(plan.renewal_lines(), translate):
            say_block(text)
    say("# " + translate(Text(N_("The same, typed on the primary's MMP:"))))
    for line in plan.mmp_commands():
        say(f"#   {line}")
    for node in plan.nodes:
        say()
        for text in render_lines([plan.copy_note(node), *plan.node_lines(node)], translate):
            say_block(text)
    return ExitCode.OK


def register(commands: Commands) -> None:
    key_choices = [k.value for k in KeyType]
    db = commands.add_parser("dbcluster", help="dbca, dbserver and dbclient for a CMS database cluster")
    db.add_argument("--domain", required=True, help="CN of the cluster CA, e.g. tplab.local")
    db.add_argument("--primary", required=True, help="FQDN of the primary database core")
    db.add_argument("--join", action="append", default=[], metavar="FQDN", help="another database core")
    db.add_argument("--connect", action="append", default=[], metavar="FQDN", help="a core that only connects")
    db.add_argument("--dir", default=".", help="folder for the files")
    db.add_argument("--key", choices=key_choices, default=KeyType.RSA2048.value, help="key type (default rsa2048)")
    db.add_argument("--days", type=int, default=LEAF_DAYS, help=f"validity of dbserver/dbclient (default {LEAF_DAYS})")
    db.add_argument("--ca-days", type=int, default=CA_DAYS, help=f"validity of dbca (default {CA_DAYS})")
    db.add_argument("--renewal", action="store_true", help="print the renewal steps (backup, remove) first")
    db.add_argument("--force", action="store_true", help="replace existing files")
    add_sheet_language(db)
    db.set_defaults(run=_cmd_dbcluster)
