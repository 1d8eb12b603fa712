"""The command line: the MMP's `pki` syntax, bundles, deployment sheets, plans, uploads, probes and
renewals. Never imports Qt. Without a command it starts the wizard.

The parser is built from the command modules listed in `cli/commands/__init__.py` (one `register()`
each); what they print goes through `cli/output.py`, which also holds the exit codes (`ExitCode`):
0 success, 1 a check said no, 2 bad input (one line naming the token or file), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from cmswizard import __version__
from cmswizard.cli.output import ExitCode, OutputFailed, Terminated, flush, interrupted, report_leftovers, warn
from cmswizard.pki.errors import CmsCheckFailed, CmsInputError
from cmswizard.pki.safe_text import shown

__all__ = ["gui_main", "main"]

# The options of the program itself (before any command) that take no value.
_WIZARD_FLAGS = ("--pseudo", "--self-test", "--debug", "--reference")


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


def _program_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """argv split into the program's own options (before any command) and the rest."""
    rest = list(argv)
    own: list[str] = []
    while rest:
        token = rest[0]
        if token == "--lang" and len(rest) > 1:
            own += rest[:2]
            del rest[:2]
        elif token in _WIZARD_FLAGS or token.startswith("--lang="):
            own.append(rest.pop(0))
        else:
            break
    return own, rest


# Qt's own command-line options (QApplication and QGuiApplication document them): passed to Qt, not argparse.
_QT_OPTIONS_WITH_VALUE = frozenset(
    {
        "-style",
        "-stylesheet",
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-session",
        "-display",
        "-geometry",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-qmljsdebugger",
    }
)
_QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """argv split into Qt's own options (-style Fusion, -style=Fusion, -reverse …) and the rest."""
    qt: list[str] = []
    rest: list[str] = []
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        name = token.split("=", 1)[0]
        if name in _QT_OPTIONS_WITH_VALUE and "=" in token:
            qt.append(token)
        elif token in _QT_OPTIONS_WITH_VALUE and tokens:
            qt += [token, tokens.pop(0)]
        elif token in _QT_FLAGS:
            qt.append(token)
        else:
            rest.append(token)
    return qt, rest


def _wants_debug(argv: Sequence[str]) -> bool:
    return "--debug" in _program_options(argv)[0]


def _english_argparse() -> None:
    """The command line speaks English: argparse's own gettext look-ups (a search of the locale folders
    for each of its strings, and importing `locale` for the first) cost 1-2 ms of every start for nothing."""
    argparse._ = lambda message: message  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, count: singular if count == 1 else plural  # type: ignore[attr-defined]


def _command_module(name: str) -> Any:
    import importlib

    return importlib.import_module(f"cmswizard.cli.commands.{name}")


def _build_parser(argv: Sequence[str] = ()) -> _Parser:
    _english_argparse()
    own, rest = _program_options(argv)
    if len(rest) >= 2 and rest[0] == "pki" and set(own) <= {"--debug"}:
        pki = _command_module("pki")
        if rest[1] in pki.QUICK_VERBS:  # run in loops: a parser with that verb alone
            parser = _Parser(prog="cmswizard")
            parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
            pki.register(parser.add_subparsers(dest="command", parser_class=_Parser), only=rest[1])
            return parser
    parser = _Parser(prog="cmswizard", description="Certificates for Cisco Meeting Server.")
    parser.add_argument("--version", action="version", version=f"cmswizard {__version__}")
    parser.add_argument("--lang", choices=("en", "zh_TW"), help="language of the wizard (default: the system's)")
    parser.add_argument(
        "--pseudo", action="store_true", help="pseudo-translate the wizard (40%% longer) to check layouts"
    )
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)  # packaging smoke test
    parser.add_argument(
        "--debug", action="store_true", help="log at debug level and show the traceback of an unexpected error"
    )
    parser.add_argument(
        "--reference", action="store_true", help="print where the CMS command reference (cms-reference.md) is"
    )
    if not rest:  # no command: the commands' parsers (and the engine they import) are not needed
        parser.set_defaults(command=None)
        return parser
    from cmswizard.cli.commands import SUMMARIES

    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    for command, (module, summary) in SUMMARIES.items():
        if command == rest[0]:
            _command_module(module).register(commands)
        else:  # listed by --help and among the choices, never parsed: its module stays unimported
            commands.add_parser(command, help=summary)
    return parser


def _run(argv: Sequence[str]) -> int:
    qt_options, argv = split_qt_options(argv)
    parser = _build_parser(argv)
    args = parser.parse_args(argv)
    if qt_options and args.command is not None:
        parser.error(f"{qt_options[0]} is one of Qt's options: it applies to the wizard only")
    if args.debug:
        from cmswizard.failure_log import configure_logging

        configure_logging(debug=True, to_file=False)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        if args.command is None and args.reference:
            return _print_reference()
        if args.command is None and args.self_test:
            from cmswizard.gui.launch import self_test

            return int(self_test(args.lang))
        if args.command is None:
            from cmswizard.gui.launch import launch

            return int(launch(lang=args.lang, pseudo=args.pseudo, debug=args.debug, qt_options=qt_options))
        parser.error("choose a command")
    return int(run(args))


def _print_reference() -> int:
    """Every command sheet points here: the installed copy of docs/cms-reference.md (cmswizard/reference.py)."""
    from cmswizard.cli.output import say
    from cmswizard.reference import reference_path

    path = reference_path()
    if path is None:
        raise CmsInputError("--reference", "this installation has no cms-reference.md; reinstall cmswizard")
    say(str(path))
    return ExitCode.OK


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def _quiet_stdout() -> None:
    """Send whatever is still to be printed nowhere, so the interpreter's own flush at exit says nothing."""
    import os

    if sys.stdout is None:  # closed when we started: nothing to quieten
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt as stop:  # Ctrl+C or SIGTERM in the set-up or in a handler below: still one line
        return interrupted(stop)


def _main(argv: Sequence[str] | None) -> int:
    import signal
    import warnings

    arguments = sys.argv[1:] if argv is None else list(argv)
    from cmswizard.cli.streams import prepare_streams

    prepare_streams()  # UTF-8 to files and pipes; a terminal that cannot show a character refuses (streams.py)
    from cmswizard.pki.leftovers import set_reporter

    set_reporter(report_leftovers)
    previous_term = None
    if hasattr(signal, "SIGTERM"):
        try:
            previous_term = signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not the main thread (called from a program's worker): leave signals alone
            previous_term = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # library warnings are not for the user's terminal
            code = _run(arguments)
            flush()
        return code
    except CmsInputError as error:
        warn(f"cmswizard: {error}")
        return ExitCode.BAD_INPUT
    except CmsCheckFailed as error:
        warn(f"cmswizard: {error}")
        return ExitCode.CHECK_FAILED
    except KeyboardInterrupt as stop:
        return interrupted(stop)
    except BrokenPipeError:  # e.g. `cmswizard pki inspect x | head -1`: the reader left, that is fine
        _quiet_stdout()
        return ExitCode.OK
    except OutputFailed as failure:
        _quiet_stdout()  # the unprinted rest goes nowhere, quietly
        reason = failure.args[0].strerror or str(failure.args[0])
        warn(f"cmswizard: could not print to standard output ({reason}); any files the command wrote are complete")
        return ExitCode.BAD_INPUT
    except Exception as error:  # the CLI shows no traceback (unless asked with --debug): the log file has it
        from cmswizard.failure_log import record_failure

        if _wants_debug(arguments):
            import traceback

            traceback.print_exc()
        path = record_failure(error, where="the command line")
        where = f" with the log file {shown(path, 300)}" if path is not None else ""
        warn(f"cmswizard: unexpected error ({type(error).__name__}: {error}); please report it{where}")
        return ExitCode.BAD_INPUT
    except BaseException as error:  # a Rust panic (pyo3's PanicException) is no Exception
        if isinstance(error, (SystemExit, GeneratorExit)):
            raise
        # its text may quote the input (a password): name the kind only
        warn(f"cmswizard: unexpected error inside a library ({type(error).__name__}); please report it")
        return ExitCode.BAD_INPUT
    finally:
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def gui_main() -> int:
    """The `cmswizard-gui` entry point (a gui-script: no console window on Windows): the wizard, with the
    command line's own options (--lang, --pseudo) and messages. Here rather than in gui/, so that the
    command line starts the GUI and never the reverse (no import circle)."""
    return main(sys.argv[1:])
