"""What a CSR (or a self-signed CA) should contain, and the CMS rules that decide whether it may.

`check_subject()` turns the text a person typed into a `CsrSpec` plus a list of problems, each tied
to a field, so the GUI can show them beside the fields and the CLI can print the first error.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from cmswizard.pki.countries import COMMON_MISTAKES, COUNTRIES
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message, shorten
from cmswizard.pki.names import SanEntry, SanKind, check_fqdn, classify_san, to_unicode

__all__ = [
    "DB_CLIENT_CN",
    "CsrSpec",
    "KeyType",
    "Problem",
    "Purpose",
    "Severity",
    "SpecCheck",
    "SubjectInput",
    "check_subject",
    "make_spec",
]

_T = TypeVar("_T")
DB_CLIENT_CN = "postgres"
_BASENAME = re.compile(r"^[A-Za-z0-9_-]+$")
_MAX_BASENAME = 64
# Device names Windows reserves in every folder, whatever the case and extension (CON, con.key, Com1.csr):
# a key written as `nul.key` on Windows goes nowhere. Refused for every platform, since keys travel.
WINDOWS_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³"}
)
# RFC 5280 upper bounds (ub-common-name and friends).
MAX_LENGTH = {"CN": 64, "OU": 64, "O": 64, "L": 128, "ST": 128}
# Refuse absurd input before doing any work on it (a pasted file, a runaway script).
_MAX_RAW = 4096


class KeyType(enum.Enum):
    """Key algorithms offered; RSA-2048 is what on-box `pki csr` is believed to make."""

    RSA2048 = "rsa2048"
    RSA3072 = "rsa3072"
    RSA4096 = "rsa4096"
    EC256 = "ec256"
    EC384 = "ec384"

    @property
    def is_ec(self) -> bool:
        return self in (KeyType.EC256, KeyType.EC384)

    @property
    def bits(self) -> int:
        return {"rsa2048": 2048, "rsa3072": 3072, "rsa4096": 4096, "ec256": 256, "ec384": 384}[self.value]

    @property
    def label(self) -> str:
        return f"ECDSA P-{self.bits}" if self.is_ec else f"RSA {self.bits}"


class Severity(enum.Enum):
    ERROR = "error"  # blocks generation
    WARNING = "warning"  # allowed, but the user should know (e.g. ECDSA, spaces)
    NOTE = "note"  # something was adjusted for the user (CN added to SAN, duplicate removed)


class Purpose(enum.Enum):
    CSR = "csr"  # a service certificate: CN is a host name (or `postgres`)
    CA = "selfsigned"  # a CA made with `pki selfsigned`: CN is a name, often the domain


@dataclass(frozen=True)
class Problem:
    field: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class CsrSpec:
    """A valid request, in canonical form. Build it with `make_spec()` or `check_subject()`."""

    basename: str
    cn: str
    ou: str | None = None
    o: str | None = None
    st: str | None = None
    c: str | None = None
    san: tuple[SanEntry, ...] = ()
    key_type: KeyType = KeyType.RSA2048
    l: str | None = None  # locality (city): the Cisco Meeting Server FAQ lists it among the CSR fields  # noqa: E741

    @property
    def cn_display(self) -> str:
        return to_unicode(self.cn)


@dataclass(frozen=True)
class SubjectInput:
    """The fields as a person typed them (GUI) or as tokens carried them (CLI)."""

    basename: str = ""
    cn: str = ""
    ou: str = ""
    o: str = ""
    st: str = ""
    c: str = ""
    san: tuple[str, ...] = ()
    key_type: KeyType = KeyType.RSA2048
    l: str = ""  # locality (city)  # noqa: E741


@dataclass(frozen=True)
class SpecCheck:
    spec: CsrSpec | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def for_field(self, name: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.field == name)

    def require(self) -> CsrSpec:
        """The spec, or the first error raised as a `CmsInputError`."""
        if self.spec is None:
            first = self.errors[0]
            raise CmsInputError(first.field, first.message)
        return self.spec


def _joiner_in_context(value: str, at: int) -> bool:
    """A zero-width joiner or non-joiner right after a virama is part of how Devanagari, Bengali, Tamil …
    are written (the CONTEXTJ rule of RFC 5892, A.1/A.2), not an invisible control character."""
    import unicodedata

    return value[at] in "\u200c\u200d" and at > 0 and unicodedata.combining(value[at - 1]) == 9


def _check_text(value: str, name: str) -> None:
    """Rules every typed value shares: UTF-8, printable, typeable at the MMP prompt."""
    if len(value) > _MAX_RAW:
        raise CmsInputError(
            name, Text(N_("is {count} characters long; the limit is {p}"), count=len(value), p=MAX_LENGTH.get(name, 64))
        )
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise CmsInputError(name, N_("contains bytes that are not valid UTF-8; retype the value"))
    if any(not ch.isprintable() and not _joiner_in_context(value, at) for at, ch in enumerate(value)):
        raise CmsInputError(name, N_("contains a control character (tab, newline …); retype the value"))
    if '"' in value or "\\" in value:
        raise CmsInputError(name, N_('contains " or \\, which cannot be typed in a pki command; remove it'))


def check_basename(value: str) -> str:
    name = value.strip()
    _check_text(name, "basename")
    if not name:
        raise CmsInputError("basename", N_("is required: the file name for the key and CSR, e.g. cms1"))
    if "." in name:
        stem = name.split(".")[0]
        hint = Text(N_(", e.g. {stem}"), stem=stem) if stem and _BASENAME.match(stem) else ""
        raise CmsInputError(
            "basename",
            Text(N_("{value} contains '.'; give the name without extension{hint}"), value=shorten(name), hint=hint),
        )
    if not _BASENAME.match(name):
        raise CmsInputError(
            "basename",
            Text(N_("{value} may contain only letters, digits, '-' and '_' (no spaces)"), value=shorten(name)),
        )
    if len(name) > _MAX_BASENAME:
        raise CmsInputError(
            "basename",
            Text(N_("is longer than {MAX_BASENAME} characters; use a shorter name"), MAX_BASENAME=_MAX_BASENAME),
        )
    if name.upper() in WINDOWS_RESERVED_NAMES:
        raise CmsInputError(
            "basename",
            Text(
                N_("{value} is a device name on Windows (CON, NUL, COM1 …), where no file can have it; choose another"),
                value=name,
            ),
        )
    return name


def _check_cn(value: str, purpose: Purpose, problems: list[Problem]) -> str:
    cn = value.strip()
    _check_text(cn, "CN")
    if not cn:
        raise CmsInputError("CN", N_("is required: the fully qualified domain name of the service"))
    if purpose is Purpose.CA:
        if len(cn) > MAX_LENGTH["CN"]:
            raise CmsInputError("CN", Text(N_("is {count} characters long; RFC 5280 allows at most 64"), count=len(cn)))
        if " " in cn:
            problems.append(_space_warning("CN"))
        return cn
    if cn.lower() == DB_CLIENT_CN:
        return DB_CLIENT_CN
    try:
        fqdn = check_fqdn(cn, "CN")
    except CmsInputError:
        if cn.replace(".", "").isdigit() or (":" in cn and all(c in "0123456789abcdefABCDEF:" for c in cn)):
            raise CmsInputError(
                "CN",
                Text(
                    N_("{value} is an IP address; use the host name as CN and put the address in the SAN"),
                    value=shorten(cn),
                ),
            ) from None
        raise
    if fqdn != cn.lower().rstrip("."):
        problems.append(
            Problem(
                "CN",
                Severity.NOTE,
                Text(
                    N_("{value} is written as {alabel} (IDNA 2008, UTS 46); it reads {display}"),
                    value=cn,
                    alabel=fqdn,
                    display=to_unicode(fqdn),
                ),
            )
        )
    if len(fqdn) > MAX_LENGTH["CN"]:
        raise CmsInputError(
            "CN",
            Text(
                N_(
                    "is {count} characters long; RFC 5280 allows at most 64 — use a shorter name as CN and put the long one in the SAN"
                ),
                count=len(fqdn),
            ),
        )
    return fqdn


def _space_warning(name: str) -> Problem:
    return Problem(
        name,
        Severity.NOTE,
        N_('contains spaces: it is typed in double quotes, e.g. O:"Example Inc." (Cisco Meeting Server FAQ)'),
    )


def _check_optional(value: str, name: str, problems: list[Problem]) -> str | None:
    text = value.strip()
    _check_text(text, name)
    if not text:
        return None
    if len(text) > MAX_LENGTH[name]:
        raise CmsInputError(
            name,
            Text(
                N_("is {count} characters long; RFC 5280 allows at most {item}"), count=len(text), item=MAX_LENGTH[name]
            ),
        )
    if " " in text:
        problems.append(_space_warning(name))
    return text


def check_country(value: str) -> str | None:
    text = value.strip()
    _check_text(text, "C")
    if not text:
        return None
    code = text.upper()
    if code in COUNTRIES:
        return code
    if code in COMMON_MISTAKES:
        right = COMMON_MISTAKES[code]
        raise CmsInputError(
            "C",
            Text(
                N_("{value} is not an ISO 3166 code; did you mean {right} ({item})?"),
                value=shorten(text),
                right=right,
                item=as_message(COUNTRIES[right]),
            ),
        )
    by_name = [k for k, v in COUNTRIES.items() if v.lower() == text.lower()]
    if by_name:
        raise CmsInputError(
            "C", Text(N_("use the two-letter code {item}, not the name {value}"), item=by_name[0], value=shorten(text))
        )
    raise CmsInputError(
        "C", Text(N_("{value} is not a two-letter ISO 3166 country code (e.g. TW, US, GB)"), value=shorten(text))
    )


def _check_san(entries: Iterable[str], cn: str, purpose: Purpose, problems: list[Problem]) -> tuple[SanEntry, ...]:
    result: list[SanEntry] = []
    for raw in entries:
        _check_text(raw, "subjectAltName")
        entry = classify_san(raw)
        typed = raw.strip().removeprefix("[").removesuffix("]").lower().rstrip(".")
        if entry.kind is SanKind.DNS and entry.value != typed:
            # UTS 46 maps look-alikes (ﬁ → fi, Ⓐ → a, full-width digits) and U-labels to A-labels: never silently
            problems.append(
                Problem(
                    "subjectAltName",
                    Severity.NOTE,
                    Text(
                        N_("{value} is written as {alabel} (IDNA 2008, UTS 46); it reads {display}"),
                        value=raw.strip(),
                        alabel=entry.value,
                        display=entry.display,
                    ),
                )
            )
        if entry in result:
            problems.append(
                Problem(
                    "subjectAltName",
                    Severity.NOTE,
                    Text(N_("{display} was listed twice; kept once"), display=entry.display),
                )
            )
            continue
        result.append(entry)
    if result and cn != DB_CLIENT_CN and purpose is Purpose.CSR:
        cn_entry = SanEntry(SanKind.DNS, cn)
        if cn_entry not in result:
            result.insert(0, cn_entry)
            problems.append(
                Problem(
                    "subjectAltName",
                    Severity.NOTE,
                    Text(N_("added the CN {p}: CMS needs the CN in the SAN"), p=to_unicode(cn)),
                )
            )
    if not result and purpose is Purpose.CSR and cn != DB_CLIENT_CN:
        problems.append(
            Problem(
                "subjectAltName",
                Severity.WARNING,
                N_("is empty: browsers and XMPP clients reject such a certificate; add at least the CN"),
            )
        )
    return tuple(result)


def check_subject(typed: SubjectInput, *, purpose: Purpose = Purpose.CSR) -> SpecCheck:
    """Check every field; return the spec (if no field has an error) and all problems found."""
    problems: list[Problem] = []

    def attempt(check: Callable[[], _T]) -> _T | None:
        """The checked value, or None with the error recorded (so every field is checked at once)."""
        try:
            return check()
        except CmsInputError as error:
            problems.append(Problem(error.where, Severity.ERROR, error.message))
            return None

    basename = attempt(lambda: check_basename(typed.basename))
    cn = attempt(lambda: _check_cn(typed.cn, purpose, problems))
    ou = attempt(lambda: _check_optional(typed.ou, "OU", problems))
    o = attempt(lambda: _check_optional(typed.o, "O", problems))
    locality = attempt(lambda: _check_optional(typed.l, "L", problems))
    st = attempt(lambda: _check_optional(typed.st, "ST", problems))
    c = attempt(lambda: check_country(typed.c))
    san = attempt(lambda: _check_san(typed.san, cn, purpose, problems)) if cn is not None else None
    if locality:
        # One answer for L everywhere (CSR page, CLI, renewal): the FAQ lists a locality among a CSR's fields,
        # but the pki csr syntax of TAC 214618 has no L and the MMP Command Reference is not readable here.
        problems.append(
            Problem(
                "L",
                Severity.WARNING,
                N_(
                    "L: is UNCONFIRMED on the MMP (the pki csr syntax of TAC 214618 has no L): check pki csr in "
                    "your MMP Command Reference, or leave L out when you type the line on the CMS"
                ),
            )
        )
    if typed.key_type.is_ec:
        problems.append(
            Problem(
                "key type",
                Severity.WARNING,
                Text(
                    N_("{label}: check that your CMS version accepts ECDSA keys before you use it"),
                    label=typed.key_type.label,
                ),
            )
        )
    if basename is None or cn is None or any(p.severity is Severity.ERROR for p in problems):
        return SpecCheck(None, tuple(problems))
    spec = CsrSpec(basename, cn, ou, o, st, c, san or (), typed.key_type, locality)
    return SpecCheck(spec, tuple(problems))


def make_spec(typed: SubjectInput, *, purpose: Purpose = Purpose.CSR) -> CsrSpec:
    """Like `check_subject`, but raise the first error: for the CLI and for code."""
    return check_subject(typed, purpose=purpose).require()
