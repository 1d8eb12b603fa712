"""`cmswizard deploy`: the MMP commands that assign your files to the services, as a sheet to type."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cmswizard.cli.deployment_options import add_deployment_arguments, deployment_from_args, emit_sheet

if TYPE_CHECKING:
    from cmswizard.cli.commands import Commands

__all__ = ["register"]


def _cmd_deploy(args: argparse.Namespace) -> int:
    from cmswizard.cms.sheet import build_sheet

    deployment, folder, export_set = deployment_from_args(args)
    return emit_sheet(args, deployment, folder, build_sheet(deployment, export_files=export_set))


def register(commands: Commands) -> None:
    deploy = commands.add_parser(
        "deploy",
        help="print the MMP commands that assign your files to the services",
        description="Each service option takes KEY CERTIFICATE [CA-BUNDLE] (KEY FULLCHAIN for Web Bridge 3 and the "
        "Scheduler), and may end with @NODE to apply to that node only. Repeat an option for several rows.",
    )
    add_deployment_arguments(deploy)
    deploy.set_defaults(run=_cmd_deploy)
