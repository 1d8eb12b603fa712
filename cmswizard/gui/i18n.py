"""Languages: English and Traditional Chinese, first-class.

- GUI strings go through `tr()`; engine messages are `Text`/`N_()` strings that `translated()` turns
  into the user's language at display time (the engine stays Qt-free).
- `install_language()` loads our catalogue and Qt's own (so standard buttons are translated too),
  picks fonts with Traditional Chinese glyph forms, and offers a pseudo-translation for layout checks.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from cmswizard.pki.errors import FIELD_NAMES, N_, CmsInputError, Text, as_message, name_list

if TYPE_CHECKING:
    from cmswizard.pki.inspect import Facts

LANGUAGES = {"en": "English", "zh_TW": "繁體中文"}
CJK_TC_FONTS = ("Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "Microsoft JhengHei UI", "PingFang TC")
_QM_DIR = Path(__file__).parent / "translations"
_TS_DIR = Path(__file__).parent.parent.parent / "resources" / "translations"
_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|&\w|<[^<>]+>|%\d|\\n)")

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def listed(names: Iterable[str]) -> str:
    """File names listed in a sentence: 「a、b」 in Chinese (the zh_TW glossary's punctuation rule), "a, b" else."""
    joined = name_list(names)
    return translated(joined) if isinstance(joined, Text) else joined  # one name is data: never translated


def translated(value: object) -> str:
    """A message from the engine in the user's language (English if there is no translation)."""
    if isinstance(value, Text):
        # Only a parameter that is itself a message is translated; a CN or a file name is data.
        params = {key: translated(item) if isinstance(item, Text) else item for key, item in value.params.items()}
        try:
            return QCoreApplication.translate("", value.template).format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must never hide the message
            return str(value)
    if isinstance(value, str):
        return QCoreApplication.translate("", value) if value else value
    return str(value)


_catalogues: dict[str, QTranslator | None] = {}


def translated_into(language: str, text: str) -> str:
    """`text` (an N_() string) in `language`, whatever language the wizard shows: searching a list
    by name works in both languages. English if there is no catalogue or no translation."""
    if language not in _catalogues:
        path = _compiled_catalogue(language)
        loaded = QTranslator()
        _catalogues[language] = loaded if path is not None and loaded.load(str(path)) else None
    catalogue = _catalogues[language]
    found = catalogue.translate("", text) if catalogue is not None else ""
    return found or text


def field_name(where: str) -> str:
    """The field an engine message is about, in the user's language; a file name is data and stays as it is."""
    label = FIELD_NAMES.get(where)
    if label is None:
        from cmswizard.cms.fields import DEPLOYMENT_FIELD_NAMES  # cms/ waits until a deployment message needs it

        label = DEPLOYMENT_FIELD_NAMES.get(where)
    return translated(label) if label is not None else where


_LABELLED = N_("{field}: {message}")


def labelled(field: str, message: str) -> str:
    """'field: message' (both already in the user's language), with the colon of that language."""
    return QCoreApplication.translate("", _LABELLED).format(field=field, message=message)


# The engine's words for the command line, said the GUI's way: a window has buttons, not flags.
_GUI_WORDS = {
    "reusing the name of a key that a CMS service is using breaks that service at once; "
    "choose a new basename, or confirm the overwrite (--force) if this key is not in use": N_(
        "reusing the name of a key that a CMS service is using breaks that service at once; choose a new "
        "basename, or replace the key only if it is not in use"
    ),
}


def _for_the_window(message: str) -> str:
    """A message whose parameters hold command-line phrases, with the GUI's phrase in their place."""
    if not isinstance(message, Text):
        return message
    swapped = {
        name: as_message(_GUI_WORDS[str(value)]) if str(value) in _GUI_WORDS else value
        for name, value in message.params.items()
    }
    return Text(message.template, **swapped) if swapped != message.params else message


def error_text(error: Exception) -> str:
    """'where: message' for our errors, translated (a file name in `where` is not); anything else as Python says it."""
    if isinstance(error, CmsInputError):
        return labelled(field_name(error.where), translated(_for_the_window(error.message)))
    return str(error)


def system_language() -> str:
    name = QLocale.system().name()  # e.g. zh_TW, zh_HK, en_US
    if name.startswith(("zh_TW", "zh_HK", "zh_MO")) or "Hant" in QLocale.system().bcp47Name():
        return "zh_TW"
    return "en"


def choose_language(requested: str | None, saved: str) -> str:
    """--lang beats the saved setting, which beats the system locale."""
    for candidate in (requested, saved):
        if candidate and candidate in LANGUAGES:
            return candidate
    return system_language()


_FILE_FILTER = re.compile(r"\(\*[^)]*\)\s*(;;|$)")  # a file dialog's filter: "Name (*.ext …)" entries


class PseudoTranslator(QTranslator):
    """Every string 40% longer (placeholders and mnemonics kept), to find clipped layouts."""

    def __init__(self, factor: float = 1.4) -> None:
        super().__init__()
        self.factor = factor

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source or source.isspace():
            return source
        if _FILE_FILTER.search(source):  # "Certificates (*.crt *.pem);;All files (*)": Qt parses it, keep it whole
            return source
        extra = max(1, int(len(source) * (self.factor - 1)))
        return f"[{source}{'·' * extra}]"

    def isEmpty(self) -> bool:
        return False


def _compiled_catalogue(language: str) -> Path | None:
    """Our .qm, built by pyside6-lrelease (make, the package build); for a source checkout without it,
    build it now into the user's cache."""
    built = _QM_DIR / f"cmswizard_{language}.qm"
    if built.exists():
        return built
    source = _TS_DIR / f"cmswizard_{language}.ts"
    if not source.exists():
        return None
    import secrets
    import shutil
    import subprocess

    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    folder = _private_cache_folder()
    if folder is None:
        return None
    target = folder / built.name
    temp = folder / f".{built.name}.{secrets.token_hex(6)}.tmp"  # a fresh name: nothing planted to follow
    try:
        subprocess.run([tool, str(source), "-qm", str(temp)], check=True, capture_output=True, timeout=60)
        os.replace(temp, target)  # replaces a name; never writes through a link
    except (OSError, subprocess.SubprocessError):
        temp.unlink(missing_ok=True)
        return None
    return target


def _private_cache_folder() -> Path | None:
    """The user's own cache folder for cmswizard (never a shared temp path): created 0700, and used only
    if it is a real folder (not a link) that belongs to this user and nobody else may write to."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "cmswizard"
    try:
        base.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        status = os.lstat(folder)
    except OSError:
        return None
    import stat

    if not stat.S_ISDIR(status.st_mode):
        return None  # a link or a file planted there
    if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o022):
        return None  # someone else's, or writable by others
    return folder


def _prefer_traditional_chinese_fonts(app: QApplication) -> None:
    available = set(QFontDatabase.families())
    preferred = [family for family in CJK_TC_FONTS if family in available]
    if not preferred:
        return
    font = QFont(app.font())
    font.setFamilies([app.font().family(), *preferred])  # Latin from the system font, CJK in TC forms
    app.setFont(font)


def install_language(app: QApplication, language: str, *, pseudo: bool = False) -> str:
    """Load the translators for `language` ('en' or 'zh_TW'); returns the language in effect."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    if pseudo:
        translator = PseudoTranslator()
        app.installTranslator(translator)
        _installed.append(translator)
        return "pseudo"
    if language == "zh_TW":
        QLocale.setDefault(QLocale("zh_TW"))
        qt_own = QTranslator()
        if qt_own.load("qtbase_zh_TW", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        catalogue = _compiled_catalogue("zh_TW")
        ours = QTranslator()
        if catalogue is not None and ours.load(str(catalogue)):
            app.installTranslator(ours)
            _installed.append(ours)
        _prefer_traditional_chinese_fonts(app)
        _current = "zh_TW"
        return "zh_TW"
    QLocale.setDefault(QLocale("en_US"))
    return "en"


def shown_value(value: object) -> str:
    """A value shown next to a label: a message (Text) in the user's language; data exactly as it is."""
    return translated(value) if isinstance(value, Text) else str(value)


def _columns(text: str) -> int:
    """Width in a monospace font: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def facts_text(facts: Facts) -> str:
    """`pki inspect` facts as aligned 'label: value' lines in the user's language."""
    rows = [(translated(label) + ":", shown_value(value)) for label, value in facts.rows()]
    width = max((_columns(label) for label, _ in rows), default=0) + 2
    return "\n".join(label + " " * (width - _columns(label)) + value for label, value in rows)
