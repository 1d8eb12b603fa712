"""Lines of MMP text: a command to type, an explanation, or a command whose syntax has no Cisco source.

Explanations are `Text` (an `N_()` template plus values) so a translator hook can render them in the
interface language; commands are data and are never translated.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.safe_text import has_control

__all__ = [
    "LineKind",
    "MmpLine",
    "Translate",
    "command",
    "mmp_base_name",
    "mmp_file_name",
    "note",
    "render_lines",
    "unconfirmed",
]

Translate = Callable[[Text], str]  # the language hook: English by default (`str`)


class LineKind(enum.Enum):
    COMMAND = "command"  # exactly what to type, from a Cisco document (docs/cms-reference.md)
    NOTE = "note"  # an explanation, printed after '# '
    UNCONFIRMED = "unconfirmed"  # a command without a confirmed syntax: printed commented out, never as exact


UNCONFIRMED_PREFIX = N_("UNCONFIRMED, check it in your CMS MMP guide before typing:")


@dataclass(frozen=True)
class MmpLine:
    kind: LineKind
    text: str  # the command (COMMAND, UNCONFIRMED) or a Text (NOTE)

    def render(self, translate: Translate = str) -> str:
        if self.kind is LineKind.COMMAND:
            return self.text
        if self.kind is LineKind.UNCONFIRMED:
            prefix = translate(Text(UNCONFIRMED_PREFIX))
            # no space after a full-width colon (the zh_TW glossary's punctuation rule)
            return f"# {prefix}{'' if prefix.endswith('：') else ' '}{self.text}"
        return f"# {translate(self.text) if isinstance(self.text, Text) else self.text}"


def command(text: str) -> MmpLine:
    return MmpLine(LineKind.COMMAND, _one_command(text))


def note(template: str, /, **values: object) -> MmpLine:
    return MmpLine(LineKind.NOTE, Text(template, **values))


def unconfirmed(text: str) -> MmpLine:
    return MmpLine(LineKind.UNCONFIRMED, _one_command(text))


def _one_command(text: str) -> str:
    """Every command line is built here: a value holding a line break or any control character (from a plan
    file or an argument) would type a command of its own at the MMP, so it is refused, whichever field it came from."""
    if has_control(text):
        raise CmsInputError(
            "MMP command",
            Text(
                N_("{command} would hold a control character (a line break?) from a name you gave; retype that name"),
                command=text,
            ),
        )
    return text


def mmp_base_name(path: str) -> str:
    """The name a file lands under on the MMP (SFTP puts files in its top folder): `./cb.key`, `.\\cb.crt` and
    `C:\\certs\\ca.crt` become `cb.key`, `cb.crt`, `ca.crt`. No check: for files no command names (the
    folder's other files, which may hold spaces and never reach an MMP line)."""
    name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or path


def mmp_file_name(path: str) -> str:
    """The name the MMP knows a file by, for a file an MMP line names (`mmp_base_name`, then refused if it
    holds a space). Every path a sheet names (service files, trust bundles, database files) goes through
    here (issue 25 item 6)."""
    name = mmp_base_name(path)
    if any(ch.isspace() for ch in name) and not has_control(name):
        # `webadmin certs a b.key a.crt` would give the MMP three file names (issue 30); control characters
        # are refused where the command is built, with their own message
        raise CmsInputError(
            name, N_("holds a space; the MMP would read it as two words: rename the file with '-' or '_'")
        )
    return name


def render_lines(lines: Iterable[MmpLine], translate: Translate = str) -> list[str]:
    return [line.render(translate) for line in lines]
