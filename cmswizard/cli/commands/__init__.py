"""The commands of the command line, one module each, in the order `cmswizard --help` lists them.

Each module has one `register(commands)` that adds its sub-parser(s) to `commands` (the top-level
sub-parsers) and sets `run=` to its handler, `(argparse.Namespace) -> int` (an `ExitCode`). A command
module imports the engine and the shared modules (`cli.output`, `cli.inputs`, `cli.ssh`,
`cli.deployment_options`), never `cmswizard.cli` itself nor another command module
(tests/test_architecture.py checks it). To add a command: write `commands/<name>.py` with its
`register()` and add `<name>` to `COMMANDS`.
"""

from __future__ import annotations

import argparse
from typing import TypeAlias

__all__ = ["COMMANDS", "Commands"]

# Module names under cmswizard.cli.commands; imported only when a command is given (start-up time).
COMMANDS = ("pki", "bundle", "dbcluster", "deploy", "export", "plan", "upload", "mmp", "export_p12", "probe", "renew", "dns")

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
