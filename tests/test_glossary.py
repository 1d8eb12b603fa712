"""The zh_TW glossary holds: a source string with a glossary term has a translation that uses the chosen
rendering (and none of the ones to avoid). Unfinished translations are another test's business."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).parent.parent / "resources" / "translations"

# Literal text that keeps its English words: commands, code, placeholders and file names.
_LITERALS = re.compile(
    r"<code>.*?</code>|`[^`]*`|cmswizard [a-z][a-z -]*|renew (?:sheet|spec|compare|run)|\{[a-z_]+\}"
    r"|&lt;[a-z ]+&gt;|<[a-z ]+>|'[^']*'|\"[^\"]*\"|--[a-z-]+|[\w.-]+\.(?:key|crt|csr|pem|toml|txt)",
    re.S,
)


@dataclass(frozen=True)
class Term:
    english: str
    rendering: str
    avoid: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"(?<![\w-])" + re.escape(self.english) + r"(?![\w-])", re.IGNORECASE)


def glossary() -> list[Term]:
    terms = []
    for line in (TRANSLATIONS / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not line.startswith("|") or cells[0] in ("English", "---") or set(cells[0]) <= {"-"}:
            continue
        avoid = tuple(part.strip() for part in cells[2].split(";") if part.strip())
        terms.append(Term(cells[0], cells[1], avoid))
    return terms


def messages() -> list[tuple[str, str]]:
    root = ET.parse(TRANSLATIONS / "cmswizard_zh_TW.ts").getroot()
    found = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        found.append((message.findtext("source") or "", translation.text or ""))
    return found


def test_the_glossary_is_read() -> None:
    english = [term.english for term in glossary()]
    assert {"full chain", "chain", "key usage", "edge", "trunk", "sheet", "file name", "renew"} <= set(english)


@pytest.mark.parametrize("term", glossary(), ids=lambda term: term.english)
def test_every_translation_uses_the_glossary_rendering(term: Term) -> None:
    wrong = []
    for source, translation in messages():
        running_text = _LITERALS.sub(" ", source.replace("&", ""))
        if not term.pattern.search(running_text):
            continue
        if term.rendering not in translation or any(avoided in translation for avoided in term.avoid):
            wrong.append(f"{source!r} -> {translation!r}")
    assert wrong == [], f"{term.english} must read {term.rendering}"


def test_the_readme_uses_the_glossary() -> None:
    readme = (Path(__file__).parent.parent / "README.zh_TW.md").read_text(encoding="utf-8")
    renderings = {term.rendering for term in glossary()}  # 一般名稱 is avoided for "plain name", right for CN
    for term in glossary():
        for avoided in set(term.avoid) - renderings:
            assert avoided not in readme, f"README.zh_TW.md: {avoided} (use {term.rendering})"


def test_no_space_after_a_full_width_colon_or_inside_full_width_brackets() -> None:
    """The glossary's punctuation rule: 「檔案：名稱」, never 「檔案： 名稱」 or 「（ 核心 ）」."""
    wrong = [translation for _source, translation in messages() if re.search(r"： |（ | ）", translation)]
    assert wrong == []
