"""The translation catalogue without Qt: the command sheet's `#` lines in a chosen language, for the CLI
(which never imports Qt) and for the wizard when the sheet's language differs from the interface's.

It reads the `.qm` that lrelease compiled into the package (the format QTranslator reads: a magic
number, then tagged blocks; the messages block holds records of tagged fields), or, in a source
checkout where nothing was compiled yet, the reviewed `.ts` itself.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from pathlib import Path

from cmswizard.pki.errors import Text

__all__ = ["SHEET_LANGUAGES", "load_catalogue", "read_qm", "read_ts", "translator"]

SHEET_LANGUAGES = ("en", "zh_TW")
QM_DIR = Path(__file__).parent / "gui" / "translations"
TS_DIR = Path(__file__).parent.parent / "resources" / "translations"

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES_BLOCK = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """{(context, source): translation} from a compiled .qm; ValueError if it is not one."""
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt .qm catalogue")
    found: dict[tuple[str, str], str] = {}
    at = len(_QM_MAGIC)
    while at + 5 <= len(data):
        tag, length = data[at], struct.unpack_from(">I", data, at + 1)[0]
        if tag == _MESSAGES_BLOCK:
            found.update(_messages(data[at + 5 : at + 5 + length]))
        at += 5 + length
    return found


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    at = 0
    translation: str | None = None
    source = context = ""
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _END:
            if translation is not None and source:
                found.setdefault((context, source), translation)
            translation, source, context = None, "", ""
        elif tag == _OBSOLETE1:
            at += 4
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            length = struct.unpack_from(">I", block, at)[0]
            at += 4
            if length == 0xFFFFFFFF:  # a null string
                continue
            raw = block[at : at + length]
            at += length
            if tag == _TRANSLATION and translation is None:  # plural forms follow the first: keep the first
                translation = raw.decode("utf-16-be")
            elif tag == _SOURCE:
                source = raw.decode("utf-8")
            elif tag == _CONTEXT:
                context = raw.decode("utf-8")
        else:
            raise ValueError(f"unknown field tag {tag:#x} in a .qm message")
    return found


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} from a .ts (finished translations only)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if element.text:
                found[(name, message.findtext("source") or "")] = element.text
    return found


@cache
def load_catalogue(language: str) -> dict[str, str]:
    """The engine's messages (context "") in `language`; {} for English or when there is no catalogue."""
    if language == "en":
        return {}
    qm = QM_DIR / f"cmswizard_{language}.qm"
    ts = TS_DIR / f"cmswizard_{language}.ts"
    if qm.exists():
        entries = read_qm(qm.read_bytes())
    elif ts.exists():
        entries = read_ts(ts)
    else:
        return {}
    return {source: text for (context, source), text in entries.items() if context == ""}


def translator(language: str) -> Callable[[Text], str]:
    """A `translate` hook for cms/ renderers: each Text in `language`, its Text values too; data strings
    (file names, FQDNs) stay as they are."""
    catalogue = load_catalogue(language)

    def translate(value: Text) -> str:
        template = catalogue.get(value.template, value.template)
        values = {key: translate(item) if isinstance(item, Text) else item for key, item in value.params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation must never hide the message
            return str(value)

    return translate
