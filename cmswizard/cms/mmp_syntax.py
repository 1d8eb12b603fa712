"""The MMP's `pki` command syntax: `pki csr <basename> CN:<v> [OU:<v>] [O:<v>] [L:<v>] ... [subjectAltName:<a>,<b>]`,
and which MMP command takes which kind of bundle.

`render()` writes the exact line an admin types on the CMS; `parse()` reads such a line (or the
tokens of a command line) back. For every valid spec, `parse(render(spec)) == spec`. The X.509 rules
for the fields themselves are the engine's (`pki/spec.py`); this module knows only how the MMP spells them.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_, CmsInputError, Text, as_message, shorten
from cmswizard.pki.spec import CsrSpec, KeyType, Purpose, SubjectInput, make_spec

if TYPE_CHECKING:
    from cmswizard.pki.bundle import BundleKind

__all__ = ["FIELD_ORDER", "bundle_usage", "mmp_key_note", "parse", "parse_tokens", "read_tokens", "render"]

FIELD_ORDER = ("CN", "OU", "O", "L", "ST", "C", "subjectAltName")
_BY_LOWER = {name.lower(): name for name in FIELD_ORDER}
# Fields people reach for from other tools, with what to do instead.
_UNKNOWN_HINTS = {
    "e": N_("put an e-mail address in subjectAltName instead"),
    "emailaddress": N_("put an e-mail address in subjectAltName instead"),
    "san": N_("write subjectAltName:<name>,<name>"),
    "dns": N_("write subjectAltName:<name>,<name>"),
    "altname": N_("write subjectAltName:<name>,<name>"),
    "subjectaltnames": N_("write subjectAltName (singular)"),
    "s": N_("write ST for the state or province"),
    "state": N_("write ST for the state or province"),
    "country": N_("write C with a two-letter code, e.g. C:TW"),
    "dc": N_("the MMP has no DC field; leave it out"),
}


def _quote(value: str) -> str:
    # Values with spaces are typed in double quotes: O:"Example Inc." (Cisco Meeting Server FAQ).
    return f'"{value}"' if any(ch.isspace() or ch == "'" for ch in value) else value


def render(spec: CsrSpec, verb: str = "csr") -> str:
    """The exact line to type at the MMP prompt."""
    parts = ["pki", verb, spec.basename, f"CN:{_quote(spec.cn)}"]
    for name, value in (("OU", spec.ou), ("O", spec.o), ("L", spec.l), ("ST", spec.st), ("C", spec.c)):
        if value is not None:
            parts.append(f"{name}:{_quote(value)}")
    if spec.san:
        parts.append("subjectAltName:" + ",".join(entry.value for entry in spec.san))
    return " ".join(parts)


def mmp_key_note(key_type: KeyType) -> Text | None:
    """Beside an on-box line: `pki csr` on the MMP picks its own key type, so say when it differs."""
    if key_type is KeyType.RSA2048:
        return None
    return Text(
        N_(
            "the MMP line makes its own key (believed RSA 2048, unconfirmed); typed on the CMS it would not "
            "reproduce this {label} key"
        ),
        label=key_type.label,
    )


def parse(line: str, *, key_type: KeyType = KeyType.RSA2048) -> CsrSpec:
    """Read a whole `pki csr ...` or `pki selfsigned ...` line."""
    try:
        tokens = shlex.split(line)
    except ValueError:
        raise CmsInputError("command", N_("has an unclosed quote; close it or remove it")) from None
    if tokens[:1] == ["pki"]:
        tokens = tokens[1:]
    if not tokens or tokens[0] not in ("csr", "selfsigned"):
        raise CmsInputError("command", N_("must start with 'pki csr' or 'pki selfsigned'"))
    purpose = Purpose.CA if tokens[0] == "selfsigned" else Purpose.CSR
    return parse_tokens(tokens[1:], purpose=purpose, key_type=key_type)


def parse_tokens(
    tokens: Sequence[str], *, purpose: Purpose = Purpose.CSR, key_type: KeyType = KeyType.RSA2048
) -> CsrSpec:
    """Read `<basename> KEY:value ...` tokens, as the shell split them, into a valid spec."""
    return make_spec(read_tokens(tokens, purpose=purpose, key_type=key_type), purpose=purpose)


def read_tokens(
    tokens: Sequence[str], *, purpose: Purpose = Purpose.CSR, key_type: KeyType = KeyType.RSA2048
) -> SubjectInput:
    """Split tokens into fields; syntax errors raise, field rules are left to `check_subject()`."""
    if not tokens or ":" in tokens[0] or "=" in tokens[0]:
        raise CmsInputError(
            "basename",
            Text(
                N_("is missing: after 'pki {value}' comes the file name (e.g. cms1), then CN:<name>"),
                value=purpose.value,
            ),
        )
    basename, rest = tokens[0], tokens[1:]
    found: dict[str, str] = {}
    previous = ""
    for token in rest:
        key, sep, value = token.partition(":")
        if not sep and previous == "subjectAltName" and "=" not in token:
            raise CmsInputError(
                "subjectAltName",
                Text(N_("{value} is separated by a space; join the names with commas only"), value=shorten(token)),
            )
        if not sep:
            if token.startswith("/") and "=" in token:
                raise CmsInputError(
                    shorten(token), N_("a /C=../CN=.. subject string is not MMP syntax; write CN:<value> C:<code> ...")
                )
            if "=" in token:
                name = token.partition("=")[0]
                if not (name.isidentifier() and len(name) <= 20):  # never echo raw control characters
                    name = "KEY"
                raise CmsInputError(
                    shorten(token), Text(N_("write {name}:<value> with a colon, not {name}=<value>"), name=name)
                )
            raise CmsInputError(
                shorten(token),
                N_("is not a KEY:value token; if it belongs to the previous value, put that value in quotes"),
            )
        canonical = _BY_LOWER.get(key.lower())
        if canonical is None:
            hint = _UNKNOWN_HINTS.get(key.lower(), N_("the MMP takes CN, OU, O, L, ST, C and subjectAltName"))
            raise CmsInputError(shorten(key + ":", 30), Text(N_("unknown field; {hint}"), hint=as_message(hint)))
        if canonical in found:
            raise CmsInputError(canonical, N_("is given twice; give each field once"))
        if not value.strip():
            raise CmsInputError(canonical, N_("is empty; give a value after the colon or leave the field out"))
        found[canonical] = value
        previous = canonical
    if "CN" not in found:
        raise CmsInputError("CN", N_("is required: add CN:<fully qualified domain name>, e.g. CN:cms1.example.com"))
    san_text = found.get("subjectAltName", "")
    return SubjectInput(
        basename=basename,
        cn=found["CN"],
        ou=found.get("OU", ""),
        o=found.get("O", ""),
        st=found.get("ST", ""),
        l=found.get("L", ""),
        c=found.get("C", ""),
        san=tuple(san_text.split(",")) if san_text else (),
        key_type=key_type,
    )


def bundle_usage(kind: BundleKind, file_name: str = "<this file>", key_name: str = "<key>") -> str:
    """Which MMP command takes a bundle of this kind, with the file names filled in."""
    from cmswizard.pki.bundle import BundleKind  # not on `pki csr`'s path, which needs only the syntax

    if kind is BundleKind.FULL_CHAIN:
        return Text(
            N_(
                "webbridge3 https certs {key} {file}  (Web Bridge 3; also webbridge3 c2w certs), or turn certs {key} {file}"
            ),
            key=key_name,
            file=file_name,
        )
    if kind is BundleKind.CA_BUNDLE:
        return Text(
            N_("the third argument of webadmin/callbridge/xmpp/turn certs {key} <certificate> {file}"),
            key=key_name,
            file=file_name,
        )
    return Text(
        N_("the second argument of webadmin/callbridge/xmpp/turn certs {key} {file} <CA bundle>"),
        key=key_name,
        file=file_name,
    )
