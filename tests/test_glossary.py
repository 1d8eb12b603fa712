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


_FILE_NAME = r"[A-Za-z0-9_\-]+\.[a-z0-9]{2,4}|\{(?:files|names|keys|present|sources)\}"


def test_file_names_listed_in_a_chinese_sentence_take_the_enumeration_comma() -> None:
    """The glossary's rule: 「a.crt、b.key」 between listed file names, never ", " or "，" (issue 29, zh_TW)."""
    listed = re.compile(rf"({_FILE_NAME})\s*[,，]\s*({_FILE_NAME})")
    wrong = [translation for _source, translation in messages() if listed.search(translation)]
    assert wrong == []


def test_lists_of_file_names_made_in_code_take_the_enumeration_comma_in_chinese() -> None:
    """The names a message lists are joined by the translator: the sheet's 'files to upload here' line, a peer
    trust file's sources, a DB node's copy line; in English they stay "a, b"."""
    from cmswizard.catalogue import translator
    from cmswizard.cms.sheet import build_sheet
    from cmswizard.pki.errors import name_list

    from helpers.golden_cases import CASES

    assert name_list(["a.key", "a.crt", "ca.crt"]) == "a.key, a.crt, ca.crt"
    assert translator("zh_TW")(name_list(["a.key", "a.crt", "ca.crt"])) == "a.key、a.crt、ca.crt"
    files, deployment = CASES["cluster-edges-db-v3"]()
    sheet = build_sheet(deployment, export_files=files)
    chinese = sheet.text(translator("zh_TW"))
    upload_lines = [line for line in chinese.splitlines() if line.startswith("# 要上傳到此節點的檔案：")]
    assert upload_lines and all("、" in line and ", " not in line for line in upload_lines), upload_lines
    trust_lines = [line for line in chinese.splitlines() if "對端信任檔" in line and "製成" in line]
    assert trust_lines and all(", " not in line for line in trust_lines), trust_lines
    assert "# files to upload here: webbridge3-edge1.key, webbridge3-edge1-fullchain.crt" in sheet.text()
    assert "： " not in chinese  # the UNCONFIRMED lines too: 「核對：scheduler enable」


def test_the_wizard_lists_file_names_in_the_users_language(qapp) -> None:
    from cmswizard.gui.i18n import install_language, listed

    try:
        install_language(qapp, "zh_TW")
        assert listed(["webadmin.key", "callbridge.key", "dbserver.key"]) == "webadmin.key、callbridge.key、dbserver.key"
    finally:
        install_language(qapp, "en")
    assert listed(["webadmin.key", "callbridge.key"]) == "webadmin.key, callbridge.key"
