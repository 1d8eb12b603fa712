"""What each MMP line is (read-only, change, restart, prompting) and what its answer says.

The runner (`remote/mmp_runner.py`) types only lines of the kinds below, one at a time, and reads each
answer with `parse_answer()` before it sends anything else. Which answers Cisco documents: enable/assign
steps answer `SUCCESS:` or `FAILURE:` lines (Cisco Live lab transcripts, cms-certificates.md §5), the
assigning commands print nothing in the lab transcripts, `database cluster remove` asks for a capital Y
and `user add` for a password (TAC 216549, 215421; MMP guide). Everything else an answer may hold is
undocumented, so the runner accepts only what it can classify: an answer it cannot read stops the run.
docs/mmp-runner.md lists the assumptions.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cmswizard.cms.lines import UNCONFIRMED_PREFIX, LineKind, MmpLine
from cmswizard.pki.errors import N_, Text
from cmswizard.pki.safe_text import escape

__all__ = [
    "STATUS_SERVICES",
    "Answer",
    "LineClass",
    "Verdict",
    "classify",
    "parse_answer",
    "restart_service",
    "sendable",
    "service_of",
    "unconfirmed_steps",
]

STATUS_SERVICES = ("webadmin", "callbridge", "webbridge", "webbridge3", "xmpp", "turn", "scheduler")
_SERVICE_WORDS = frozenset(STATUS_SERVICES)


class LineClass(enum.Enum):
    READ_ONLY = "read-only"  # status commands, pki list/inspect/match/verify, database cluster status
    BACKUP = "backup"  # backup snapshot: adds a file, changes no service
    CHANGE = "change"  # certs, trust, listen, tls, disable, database cluster certs/localnode/initialize/join/connect
    RESTART = "restart"  # <service> restart, <service> enable: puts the configured settings to work
    PROMPTING = "prompting"  # waits for a typed answer: never sent by the runner
    UNKNOWN = "unknown"  # not a command cmswizard prints: never sent

    @property
    def label(self) -> str:
        return {
            "read-only": N_("read-only"),
            "backup": N_("backup"),
            "change": N_("change"),
            "restart": N_("restart"),
            "prompting": N_("asks a question: type it yourself"),
            "unknown": N_("not a command cmswizard prints"),
        }[self.value]


_READ_ONLY = re.compile(r"^(pki (list|inspect \S+|match \S+ \S+|verify \S+ \S+)|database cluster status)$")
_CHANGE = re.compile(
    r"^("
    r"(webadmin|callbridge|webbridge|xmpp|turn) certs \S+ \S+( \S+)?"
    r"|(webbridge3|scheduler) (https|c2w) certs \S+ \S+"
    r"|(webbridge3|scheduler) (https|c2w) listen \S+"
    r"|scheduler https listen \S+ \d+"  # TAC 217367 writes the Scheduler's as `a 9443`
    r"|(webbridge3|scheduler) c2w trust \S+"
    r"|webadmin listen \S+ \d+"
    r"|callbridge listen \S+"
    r"|webbridge listen \S+"
    r"|callbridge trust c2w \S+"
    r"|webbridge trust \S+"
    r"|xmpp cluster trust \S+"
    r"|turn tls \d+"
    r"|tls (sip|ldap) trust \S+"
    r"|tls (sip|ldap) verify (enable|disable)"
    r"|(webadmin|webbridge|webbridge3|xmpp|turn|scheduler) disable"
    r"|database cluster (certs( \S+){3}|certs( \S+){5}|localnode \S+|initialize|join \S+|connect \S+)"
    r"|pki (csr|selfsigned) \S+( \S+)+"
    r"|pki sign \S+ \S+"
    r")$"
)
_RESTART = re.compile(r"^(callbridge restart|(webadmin|webbridge|webbridge3|xmpp|turn|scheduler) (enable|restart))$")
_PROMPTING = re.compile(r"^(database cluster remove\b.*|user\b.*|.*\bpassword\b.*)$")


def classify(command: str) -> LineClass:
    text = " ".join(command.split())
    if _PROMPTING.match(text):
        return LineClass.PROMPTING
    if text in _SERVICE_WORDS or _READ_ONLY.match(text):
        return LineClass.READ_ONLY
    if re.fullmatch(r"backup snapshot [A-Za-z0-9_-]+", text):
        return LineClass.BACKUP
    if _RESTART.match(text):
        return LineClass.RESTART
    if _CHANGE.match(text):
        return LineClass.CHANGE
    return LineClass.UNKNOWN


def service_of(command: str) -> str | None:
    """The service whose settings a line changes (`tls …` waits for the Call Bridge restart, TAC 222766)."""
    words = command.split()
    if not words:
        return None
    if words[0] in _SERVICE_WORDS:
        return words[0]
    if words[0] == "tls":
        return "callbridge"
    return None


def restart_service(command: str) -> str | None:
    return service_of(command) if classify(command) is LineClass.RESTART else None


def sendable(line: MmpLine) -> bool:
    """Only exact commands are ever typed: notes and UNCONFIRMED lines stay on the sheet."""
    return line.kind is LineKind.COMMAND


class Verdict(enum.Enum):
    OK = "ok"
    FAILURE = "failure"
    UNKNOWN = "unknown"  # an answer the runner cannot read: it stops


@dataclass(frozen=True)
class Answer:
    verdict: Verdict
    lines: tuple[str, ...]  # the answer's lines, escaped (never raw server bytes)
    reason: str = ""  # a Text: why it is not OK

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


_FAILURE = re.compile(r"^\s*FAILURE\b", re.IGNORECASE)
_SUCCESS = re.compile(r"^\s*SUCCESS\b")


def parse_answer(command: str, raw: str) -> Answer:
    """Read the answer to `command` (without its echo and the prompt); see the module docstring."""
    lines = tuple(escape(line.rstrip()) for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = tuple(line for line in lines if line.strip())
    failures = [line for line in lines if _FAILURE.match(line)]
    if failures:
        return Answer(Verdict.FAILURE, lines, Text(N_("the server answered: {answer}"), answer=failures[0]))
    kind = classify(command)
    text = " ".join(command.split())
    if text.startswith(("pki match ", "pki verify ")):
        if any(_SUCCESS.match(line) for line in lines):
            return Answer(Verdict.OK, lines)
        return Answer(Verdict.UNKNOWN, lines, N_("no SUCCESS line in the answer: the check did not say it passed"))
    if kind is LineClass.READ_ONLY:
        return Answer(Verdict.OK, lines)
    unread = [line for line in lines if not _SUCCESS.match(line)]
    if unread:
        return Answer(
            Verdict.UNKNOWN,
            lines,
            Text(N_("an answer cmswizard cannot read (neither SUCCESS nor FAILURE): {answer}"), answer=unread[0]),
        )
    return Answer(Verdict.OK, lines)


_HEADER = re.compile(r"^# ===== (.+?) \((.+)\) =====$")


def _unconfirmed_step(line: str) -> str:
    """The command of a saved sheet's UNCONFIRMED line (`# UNCONFIRMED, check it …: <command>`, in any sheet
    language), or "" for any other line."""
    from cmswizard.catalogue import SHEET_LANGUAGES, load_catalogue

    if not line.startswith("#"):
        return ""
    text = line[1:].strip()
    for language in SHEET_LANGUAGES:
        prefix = load_catalogue(language).get(UNCONFIRMED_PREFIX, UNCONFIRMED_PREFIX)
        if text.startswith(prefix):
            return " ".join(text[len(prefix) :].split())
    return ""


def unconfirmed_steps(lines: Sequence[MmpLine | str]) -> list[str]:
    """What the person types, in order: each command the sheet prints as UNCONFIRMED (never typed by the
    runner, so the person checks it and types it; a run that skipped them silently would claim a node done
    that is not), and after them the sheet's restart that puts them to work (`tls sip trust` waits for
    `callbridge restart`, TAC 222766): the runner's own restart ran before the person's step, so without
    this one the step would wait for the next restart and a rerun would not find it (the node already
    serves the new certificate)."""
    steps: list[str] = []
    waiting: set[str] = set()  # services with a person's step not yet put to work by a later restart
    for line in lines:
        if not isinstance(line, MmpLine) or line.kind is LineKind.NOTE:
            continue
        text = " ".join(line.text.split())
        service = service_of(text)
        restart = classify(text) is LineClass.RESTART
        if line.kind is LineKind.UNCONFIRMED:
            steps.append(text)
            if service is not None:
                (waiting.discard if restart else waiting.add)(service)
        elif restart and service in waiting:
            steps.append(text)
            waiting.discard(service)
    return steps


def sheet_node_lines(text: str, node: str) -> list[MmpLine]:
    """The commands of one node's section of a saved sheet (`# ===== <node> (…) =====`), each built by
    `cms/lines.py` (a control character in a line refuses the sheet); comments are left out."""
    from cmswizard.cms.lines import command, unconfirmed

    found: list[MmpLine] = []
    inside = seen = False
    for raw in text.splitlines():
        line = raw.strip()
        header = _HEADER.match(line)
        if header:
            inside = header.group(1) == node
            seen = seen or inside
            continue
        if inside and line and not line.startswith("#"):
            found.append(command(" ".join(line.split())))
        elif inside and (step := _unconfirmed_step(line)):
            found.append(unconfirmed(step))
    if not seen:
        from cmswizard.pki.errors import CmsInputError

        raise CmsInputError(node, N_("has no section in this sheet (# ===== <node> (…) =====); check the name"))
    return found
