"""Starting the wizard: the application object, logging of Qt's messages, and a plain message when
there is no display to open a window on, or no PySide6 (a headless install without the `gui` extra).
Importing this module does not import Qt."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.gui import tuning

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from cmswizard.gui.wizard import CmsWizard

log = logging.getLogger("cmswizard.qt")

NO_GUI_MESSAGE = (
    "cmswizard: the wizard needs PySide6, which this installation left out; install the GUI with "
    "pip install 'cmswizard[gui]' (or pipx install 'cmswizard[gui]'), or use the command line: cmswizard --help"
)


def gui_installed() -> bool:
    return importlib.util.find_spec("PySide6") is not None


def _has_display() -> bool:
    """A display Qt can open: named, and (for a local X server or Wayland) answering. Qt's xcb plugin
    aborts the process (SIGABRT, a message about xcb) when DISPLAY names a server that is not there."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland and _answers(Path(os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}")) / wayland):
        return True
    return _x_server_answers(os.environ.get("DISPLAY", ""))


def _x_server_answers(display: str) -> bool:
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local is None:
        return bool(display)  # a remote display (host:0, ssh -X): Qt finds out itself
    socket_path = f"/tmp/.X11-unix/X{local.group(1)}"
    return _answers(Path(socket_path)) or _answers("\0" + socket_path)  # the file, or Linux's abstract socket


def _answers(address: Path | str) -> bool:
    """Does a Unix socket accept a connection here (the connection is closed at once, nothing is sent)?"""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        try:
            probe.connect(str(address) if isinstance(address, Path) else address)
        except OSError:
            return False
    return True


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qInstallMessageHandler(lambda kind, _context, message: log.log(levels.get(kind, logging.INFO), message))


def create_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from cmswizard.gui.wizard import ICON_PATH

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    tuning.short_gil_turns()
    app.setApplicationName("cmswizard")
    app.setOrganizationName("cmswizard")
    app.setApplicationDisplayName("CMS Certificate Wizard")
    if ICON_PATH.exists():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    return app


def restart_command(language: str) -> list[str]:
    """The command line that starts the wizard again in `language`. The packaged app (PyInstaller sets
    sys.frozen) is its own executable and takes the options directly; from source it is `python -m cmswizard`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--lang", language]
    return [sys.executable, "-m", "cmswizard", "--lang", language]


def start_detached(command: list[str]) -> subprocess.Popen[bytes]:
    """Start `command` as a separate process that outlives this one and a terminal's Ctrl+C: its own
    session on POSIX, its own process group without our console on Windows. Popen quotes each argument
    for the platform (os.execv on Windows passes them as one unquoted string: a path with a space in it
    arrives in pieces)."""
    if sys.platform == "win32":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
        return subprocess.Popen(command, creationflags=flags, close_fds=True)
    return subprocess.Popen(command, start_new_session=True, close_fds=True, stdin=subprocess.DEVNULL)


def restart(language: str) -> None:
    """Start a new wizard in `language` and quit this one (the caller saved what must survive)."""
    from PySide6.QtWidgets import QApplication

    start_detached(restart_command(language))
    QApplication.quit()


def close_on_terminate(wizard: CmsWizard) -> None:
    """`kill`, logout: close the wizard as its window's close button would, without a question, after any
    write in progress. A Python signal handler only runs when Python does, so a timer wakes it while
    Qt waits for events (the CLI's own SIGTERM handler would never run in an idle event loop)."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGTERM, lambda _signum, _frame: QTimer.singleShot(0, wizard.close_when_idle))
    waker = QTimer(wizard)
    waker.timeout.connect(_wake)
    waker.start(250)


def _wake() -> None:
    """Nothing: running Python lets a pending signal handler run."""


_showing_error = False


def _show_unexpected_error(error: BaseException, log_path: Path | None) -> None:
    """The excepthook's dialog, once at a time: an error raised while it is open is only logged."""
    global _showing_error
    if _showing_error:
        return
    from PySide6.QtWidgets import QApplication

    from cmswizard.gui import dialogs

    _showing_error = True
    try:
        dialogs.show_unexpected_error(QApplication.activeWindow(), error, log_path)
    finally:
        _showing_error = False


def install_failure_hook(*, debug: bool = False) -> None:
    """Log records and unexpected errors go to the per-user log file too (a windowed build has no
    terminal); an error nothing caught in the GUI thread shows a dialog naming that file."""
    from cmswizard.failure_log import configure_logging, install_excepthook

    configure_logging(debug=debug, to_file=True)
    install_excepthook(show=_show_unexpected_error)


def launch(
    lang: str | None = None, *, pseudo: bool = False, debug: bool = False, qt_options: Sequence[str] = ()
) -> int:
    """The wizard. `lang` chosen on the command line is remembered, as the start page's choice is;
    `qt_options` (-style Fusion, -reverse …) go to Qt as they were typed."""
    if not gui_installed():
        print(NO_GUI_MESSAGE, file=sys.stderr)
        return 2
    if not _has_display():
        print(
            "cmswizard: no display found, so the wizard cannot open a window. Run it in a desktop session, "
            "or use the command line: cmswizard pki csr <basename> CN:<fqdn> ... (see cmswizard --help)",
            file=sys.stderr,
        )
        return 2
    install_failure_hook(debug=debug)
    _route_qt_messages()
    app = create_application([sys.argv[0], *qt_options])
    from cmswizard.gui.i18n import choose_language, install_language
    from cmswizard.gui.scroll_window import show_wizard
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    settings = Settings()
    if lang:  # the next start without --lang keeps it, as the README says
        settings.set("ui/language", lang)
    install_language(
        app,
        choose_language(lang, settings.get("ui/language")),
        pseudo=pseudo or bool(os.environ.get("CMSWIZARD_PSEUDO")),
    )
    wizard = CmsWizard(settings)
    close_on_terminate(wizard)
    tuning.quit_after_first_paint_when_timed(app, wizard)
    window = show_wizard(wizard)  # the scroll window of a small screen lives as long as this reference
    tuning.freeze_long_lived()  # what start-up made lives as long as the window
    code = int(app.exec())
    del window
    return code


def self_test(lang: str | None = None) -> int:
    """Build the wizard in `lang` (default: both languages), paint its first page and print its title,
    then build every other page: the smoke test of the packaged app and of an installed wheel."""
    import tempfile

    if not gui_installed():
        print(NO_GUI_MESSAGE, file=sys.stderr)
        return 2
    if not _has_display():
        # The self-test proves the package builds and paints its pages; a server or a build machine
        # without X11/Wayland can do that offscreen (Qt's xcb plugin would abort with a misleading message).
        print("self-test: no display found, painting offscreen (QT_QPA_PLATFORM=offscreen)", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from cmswizard.gui.i18n import install_language
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import PAGES, CmsWizard

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        for language in (lang,) if lang else ("en", "zh_TW"):
            if install_language(app, language) != language:
                print(f"self-test: could not load {language}", file=sys.stderr)
                return 1
            wizard = CmsWizard(Settings.at(Path(folder) / "settings.ini"))
            wizard.show()
            app.processEvents()
            if wizard.grab().isNull() or not wizard.currentPage().title():
                print("self-test: the first page did not paint", file=sys.stderr)
                return 1
            if language == "zh_TW" and wizard.currentPage().title() == "What do you want to do?":
                print("self-test: the zh_TW catalogue is missing", file=sys.stderr)
                return 1
            if language == "zh_TW" and _standard_cancel_text() == "Cancel":
                print("self-test: Qt's own zh_TW catalogue (qtbase_zh_TW.qm) is missing", file=sys.stderr)
                return 1
            print(f"self-test: {language}: {wizard.currentPage().title()}")
            untitled = [page_id.name for page_id in PAGES if not wizard.page_at(page_id).title()]
            if untitled:  # every page module is in the package and builds (pages are built lazily)
                print(f"self-test: pages without a title: {', '.join(untitled)}", file=sys.stderr)
                return 1
            wizard.close()
    print("self-test: ok")
    return 0


def _standard_cancel_text() -> str:
    """A standard button's text, which comes from Qt's own catalogue."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()
