"""The commands of the command line, one module each, in the order `cmswizard --help` lists them.

Each module has one `register(commands)` that adds its sub-parser(s) to `commands` (the top-level
sub-parsers) and sets `run=` to its handler, `(argparse.Namespace) -> int` (an `ExitCode`). A command
module imports the engine and the shared modules (`cli.output`, `cli.inputs`, `cli.ssh`,
`cli.deployment_options`), never `cmswizard.cli` itself nor another command module
(tests/test_architecture.py checks it). To add a command: write `commands/<name>.py` with its
`register()` and add the command, its module and its help line to `SUMMARIES`.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

__all__ = ["COMMANDS", "SUMMARIES", "Commands"]

# Each command as `cmswizard --help` lists it (name → its module, its one line of help), so that the
# list needs none of the command modules and the engine they import: `--help`, or a command, imports
# only the module of the command given (issue 24). tests/test_import_budget.py keeps these lines the
# same as the ones each module's `register()` gives its parser.
SUMMARIES: dict[str, tuple[str, str]] = {
    "pki": ("pki", "the CMS MMP pki commands, run on this computer"),
    "bundle": ("bundle", "order certificates and write CMS bundles (any input format)"),
    "dbcluster": ("dbcluster", "dbca, dbserver and dbclient for a CMS database cluster"),
    "deploy": ("deploy", "print the MMP commands that assign your files to the services"),
    "export": ("export", "copy files to a USB stick or folder, verified, with SHA256SUMS"),
    "plan": ("plan", "a whole deployment in one plan file: new, check, apply"),
    "upload": (
        "upload",
        "copy files to a CMS node's MMP over SFTP, each read back and compared (runs no MMP commands)",
    ),
    "mmp": ("mmp", "type a node's sheet lines at its MMP over SSH, safely (or only look)"),
    "export-p12": ("export_p12", "key + certificate + chain in one password-protected PKCS#12 (.p12/.pfx) file"),
    "probe": ("probe", "connect to running CMS services and check the certificates they present (read-only)"),
    "renew": ("renew", "renew a certificate: request, comparison, replacement commands"),
    "dns": ("dns", "DNS-01 for ACME: test the plan's set-up"),
    "schedule": ("schedule", "run `renew run` daily: systemd timer, cron or Windows task"),
}
# Module names under cmswizard.cli.commands; a module is imported only when its command is given.
COMMANDS = tuple(module for module, _help in SUMMARIES.values())

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
