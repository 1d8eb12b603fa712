"""A node's current settings read from its status commands, and the lines that would put them back.

No Cisco document gives the labels the no-argument status commands (`callbridge`, `webbridge3`, …) print;
cms-reference.md only says they "print the files in use". The labels below are the ones the simulated
MMP prints (docs/mmp-runner.md). A setting whose label is not in the answer is *unreadable*: the runner
will not change it, since it could not put it back (the careful path); `cmswizard mmp check` shows the
raw answers so an admin can see what a real node prints.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cmswizard.cms.lines import MmpLine, command
from cmswizard.cms.mmp_commands import STATUS_SERVICES
from cmswizard.pki.errors import N_, CmsInputError, Text

__all__ = [
    "PROBE_ENDPOINTS",
    "SETTINGS",
    "NodeState",
    "RestartWindow",
    "Setting",
    "parse_status",
    "probe_port",
    "putback_lines",
    "setting_of",
    "webadmin_port",
]


@dataclass(frozen=True)
class Setting:
    """One setting a line assigns: the command prefix that sets it and the status labels that show it."""

    prefix: str  # e.g. "callbridge certs", "webbridge3 c2w trust"
    service: str
    labels: tuple[str, ...]  # status labels, in argument order

    def line(self, values: Sequence[str]) -> str:
        return f"{self.prefix} {' '.join(values)}"


def _s(prefix: str, *labels: str) -> Setting:
    return Setting(prefix, prefix.split()[0], labels)


_CERTS = ("Key file", "Certificate file", "CA Bundle file")
SETTINGS: tuple[Setting, ...] = (
    _s("webadmin certs", *_CERTS),
    _s("webadmin listen", "TLS listening interface and port"),
    _s("callbridge certs", *_CERTS),
    _s("callbridge listen", "Listening interfaces"),
    _s("callbridge trust c2w", "C2W trusted certificates"),
    _s("webbridge certs", *_CERTS),
    _s("webbridge listen", "Listening interfaces and ports"),
    _s("webbridge trust", "Trust bundle"),
    _s("webbridge3 https certs", "HTTPS Key file", "HTTPS Full chain certificate file"),
    _s("webbridge3 https listen", "HTTPS listening ports and interfaces"),
    _s("webbridge3 c2w certs", "C2W Key file", "C2W Full chain certificate file"),
    _s("webbridge3 c2w listen", "C2W listening ports and interfaces"),
    _s("webbridge3 c2w trust", "C2W Trusted CA Bundle"),
    _s("xmpp certs", *_CERTS),
    _s("xmpp cluster trust", "Cluster trust bundle"),
    _s("turn certs", *_CERTS),
    _s("turn tls", "TLS listening port"),
    _s("scheduler https certs", "HTTPS Key file", "HTTPS Full chain certificate file"),
    _s("scheduler https listen", "HTTPS listening ports and interfaces"),
    _s("scheduler c2w certs", "C2W Key file", "C2W Full chain certificate file"),
    _s("scheduler c2w trust", "C2W Trusted CA Bundle"),
)
_BY_LENGTH = sorted(SETTINGS, key=lambda setting: -len(setting.prefix))
_ROW = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 ()/-]*?)\s*:\s*(.*?)\s*$")


def setting_of(line: str) -> Setting | None:
    text = " ".join(line.split())
    return next((s for s in _BY_LENGTH if text.startswith(s.prefix + " ")), None)


def parse_status(lines: Iterable[str]) -> dict[str, str]:
    """`Label : value` rows of a status answer (labels compared case-insensitively); other lines ignored."""
    rows: dict[str, str] = {}
    for line in lines:
        match = _ROW.match(line)
        if match:
            rows.setdefault(match.group(1).lower(), match.group(2))
    return rows


@dataclass
class NodeState:
    """What the status commands said before any change: raw answers and the readable settings."""

    node: str
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # status command -> answer lines (escaped)
    unavailable: dict[str, str] = field(default_factory=dict)  # status command -> why (FAILURE text)

    def rows(self, service: str) -> dict[str, str] | None:
        answer = self.answers.get(service)
        return None if answer is None else parse_status(answer)

    def enabled(self, service: str) -> bool | None:
        rows = self.rows(service)
        value = None if rows is None else rows.get("enabled")
        return None if value is None else value.lower() in ("true", "yes", "enabled")

    def value(self, setting: Setting) -> tuple[str, ...] | None:
        """The setting's arguments as the node holds them; None when not readable from the status answer."""
        rows = self.rows(setting.service)
        if rows is None:
            return None
        values = [rows.get(label.lower()) for label in setting.labels]
        if any(value is None for value in values):
            return None
        return tuple(v for v in values if v)

    def files_in_use(self) -> list[str]:
        """One line per readable setting, for the record and for `mmp check`."""
        out = []
        for setting in SETTINGS:
            value = self.value(setting)
            if value is not None:
                out.append(f"{setting.prefix}: {' '.join(value) or '-'}")
        return out


def _is_unset(values: Sequence[str]) -> bool:
    return not values or all(v.lower() in ("none", "-", "") for v in values)


def putback_lines(state: NodeState, changed: Sequence[str]) -> tuple[list[MmpLine], list[str]]:
    """The lines that put back what `changed` (lines sent) altered, then the restarts that apply them;
    and a Text per setting that cannot be put back (unreadable, or unset before: no documented command unsets)."""
    lines: list[MmpLine] = []
    problems: list[str] = []
    done: set[str] = set()
    services: list[str] = []
    for sent in changed:
        setting = setting_of(sent)
        if setting is None or setting.prefix in done:
            continue
        done.add(setting.prefix)
        before = state.value(setting)
        if before is None:
            problems.append(Text(N_("{setting}: its earlier value could not be read"), setting=setting.prefix))
            continue
        values = [v for v in before if v.lower() != "none"]
        if _is_unset(before) or len(values) < min(2, len(setting.labels)):
            problems.append(
                Text(N_("{setting}: was not set before; no documented command unsets it"), setting=setting.prefix)
            )
            continue
        lines.append(command(setting.line(values)))
        if setting.service not in services:
            services.append(setting.service)
    for service in services:
        if service == "callbridge":
            lines.append(command("callbridge restart"))
        elif state.enabled(service) is False:
            continue  # it was off: leave it off
        else:
            lines.append(command(f"{service} restart"))
    return lines, problems


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day(word: str) -> int | None:
    return _DAYS.index(word[:3]) if word[:3] in _DAYS and _DAY_NAMES[_DAYS.index(word[:3])].startswith(word) else None


_WINDOW = re.compile(r"\s*(?:([A-Za-z][A-Za-z,\s-]*?)\s+)?(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")
_WINDOW_FORM = N_(
    "{value}: write it as HH:MM-HH:MM (UTC), optionally after the days it may start on: Sat 02:00-04:00, Mon-Fri 22:00-02:00"
)


def _days(text: str, value: str) -> frozenset[int]:
    """`Sat`, `Sat,Sun`, `Mon-Fri` (Monday = 0); a range may wrap (`Fri-Mon`)."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, dash, last = part.partition("-")
        last = last if dash else first
        start, end = _day(first), _day(last)
        if start is None or end is None or len(first) < 3 or len(last) < 3:
            raise CmsInputError("restart window", Text(_WINDOW_FORM, value=value))
        days.update((start + step) % 7 for step in range((end - start) % 7 + 1))
    return frozenset(days)


@dataclass(frozen=True)
class RestartWindow:
    """Restarts run only between `start` and `end` (UTC, `HH:MM`; may wrap past midnight; equal = all day),
    and, when `days` are given, only in a window that starts on one of them (Monday = 0): `Sat 22:00-02:00`
    includes Sunday 01:00."""

    start: dt.time
    end: dt.time
    days: frozenset[int] = frozenset()  # empty: every day

    @classmethod
    def parse(cls, text: str) -> RestartWindow:
        match = _WINDOW.fullmatch(text)
        if not match:
            raise CmsInputError("restart window", Text(_WINDOW_FORM, value=text))
        a, b, c, d = (int(g) for g in match.groups()[1:])
        if a > 23 or c > 23 or b > 59 or d > 59:
            raise CmsInputError("restart window", Text(N_("{value}: hours 0-23, minutes 0-59"), value=text))
        days = _days(match.group(1), text) if match.group(1) else frozenset()
        return cls(dt.time(a, b), dt.time(c, d), days)

    def _on(self, day: int) -> bool:
        return not self.days or day in self.days

    def contains(self, moment: dt.datetime) -> bool:
        utc = moment.astimezone(dt.UTC)
        now, today = utc.time().replace(tzinfo=None), utc.weekday()
        if self.start == self.end:
            return self._on(today)
        if self.start < self.end:
            return self._on(today) and self.start <= now < self.end
        # past midnight: the part after midnight belongs to the window that started the day before
        return (now >= self.start and self._on(today)) or (now < self.end and self._on((today - 1) % 7))

    @property
    def label(self) -> str:
        days = ",".join(_DAYS[day].capitalize() for day in sorted(self.days))
        return f"{days + ' ' if days else ''}{self.start:%H:%M}-{self.end:%H:%M} UTC"


def status_commands(lines: Iterable[str]) -> list[str]:
    """The status commands to read before a node's lines run: each service they touch (and `pki list`)."""
    wanted: list[str] = []
    for line in lines:
        word = line.split()[0] if line.split() else ""
        service = "callbridge" if word == "tls" else word
        if service in STATUS_SERVICES and service not in wanted:
            wanted.append(service)
    return ["pki list", *wanted]


# The TLS port each service presents its certificate on, and the setting that names that certificate.
_PORT_SETTING = {
    "webadmin": "webadmin listen",
    "webbridge": "webbridge listen",
    "webbridge3 https": "webbridge3 https listen",
    "webbridge3 c2w": "webbridge3 c2w listen",
    "turn": "turn tls",
}
_DEFAULT_PORTS = {"callbridge": 5061, "webadmin": 443, "webbridge": 443, "webbridge3 https": 443, "turn": 443}
_CERT_SETTING = {
    "webadmin": "webadmin certs",
    "callbridge": "callbridge certs",
    "webbridge": "webbridge certs",
    "webbridge3 https": "webbridge3 https certs",
    "webbridge3 c2w": "webbridge3 c2w certs",
    "turn": "turn certs",
}


def endpoints(lines: Sequence[str]) -> dict[str, tuple[int | None, str]]:
    """endpoint ("webadmin", "webbridge3 https", …) -> (TLS port, certificate file) for every certificate the
    lines assign; the port from the lines' listen setting, else the service's usual port (None: unknown).
    The Call Bridge's SIP TLS port 5061 is the SIP default; XMPP (STARTTLS) is not probed here."""
    found: dict[str, tuple[int | None, str]] = {}
    for endpoint, prefix in _CERT_SETTING.items():
        certificate = ""
        port: int | None = _DEFAULT_PORTS.get(endpoint)
        for line in lines:
            text = " ".join(line.split())
            if text.startswith(prefix + " "):
                certificate = text.split()[len(prefix.split()) + 1]
            listen = _PORT_SETTING.get(endpoint)
            if listen and text.startswith(listen + " "):
                digits = re.findall(r"\d+", text.split()[-1])
                port = int(digits[-1]) if digits else port
        if certificate:
            found[endpoint] = (port, certificate)
    return found


def webadmin_port(lines: Iterable[str]) -> int:
    """Where the node's CMS API answers: the Web Admin port its lines set (`webadmin listen a 445`, beside a
    Web Bridge on 443), else 443 (the CMS API is served by the Web Admin, docs/mmp-runner.md)."""
    port = 443
    for line in lines:
        words = line.split()
        if words[:2] == ["webadmin", "listen"] and len(words) == 4 and words[3].isdigit():
            port = int(words[3])
    return port


PROBE_ENDPOINTS = tuple(_CERT_SETTING)


def probe_port(text: str) -> tuple[str, int]:
    """`ENDPOINT=PORT` (`webbridge3-https=8443`; `-` or a space between the words): the port an endpoint's
    TLS answers on for the checks after a run, when not the one the lines set."""
    name, sep, port = text.partition("=")
    endpoint = " ".join(name.replace("-", " ").split()).lower()
    choices = ", ".join(e.replace(" ", "-") for e in PROBE_ENDPOINTS)
    if not sep or endpoint not in PROBE_ENDPOINTS:
        raise CmsInputError(
            "--probe-port",
            Text(N_("{value}: write ENDPOINT=PORT; the endpoints are: {choices}"), value=text, choices=choices),
        )
    if not port.strip().isdigit() or not 1 <= int(port) <= 65535:
        raise CmsInputError("--probe-port", Text(N_("{value} is not a port; give 1 to 65535"), value=port.strip()))
    return endpoint, int(port)


def endpoints_of(service: str) -> tuple[str, ...]:
    return tuple(endpoint for endpoint in _CERT_SETTING if endpoint.split()[0] == service)
