"""Names as CMS and X.509 want them: FQDNs (with IDN and wildcards), IP addresses, e-mail addresses.

Internationalised names follow IDNA 2008 with UTS 46 non-transitional mapping (the `idna` package),
as browsers do today: `straße` stays `straße` (xn--strae-oqa), full-width dots and letters are mapped,
and labels IDNA 2008 forbids (emoji, broken `xn--`) are refused rather than silently rewritten.
"""

from __future__ import annotations

import contextlib
import enum
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from cmswizard.pki.errors import N_, CmsInputError, Text, shorten

__all__ = [
    "SanEntry",
    "SanKind",
    "check_fqdn",
    "classify_san",
    "to_unicode",
]

_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_MAX_FQDN = 253


class SanKind(enum.Enum):
    DNS = "DNS"
    IP = "IP"
    EMAIL = "email"


@dataclass(frozen=True, order=True)
class SanEntry:
    """One subject alternative name; `value` is canonical (A-labels, lower case, compressed IPv6)."""

    kind: SanKind
    value: str

    @property
    def display(self) -> str:
        """The form a person reads: Unicode for internationalised names."""
        if self.kind is SanKind.DNS:
            return to_unicode(self.value)
        if self.kind is SanKind.EMAIL:
            local, _, domain = self.value.rpartition("@")
            return f"{local}@{to_unicode(domain)}"
        return self.value


def to_unicode(name: str) -> str:
    """A-labels back to Unicode for display; anything undecodable is shown as stored."""
    if "xn--" not in name.lower():
        return name
    import idna

    labels = []
    for label in name.split("."):
        if label.lower().startswith("xn--"):
            with contextlib.suppress(idna.IDNAError, UnicodeError):
                label = idna.decode(label)
        labels.append(label)
    return ".".join(labels)


def _to_a_label(label: str, where: str, original: str) -> str:
    if label.isascii() and not label.lower().startswith("xn--"):
        return label.lower()
    import idna  # only here: plain ASCII names (nearly all) do not pay for its import

    try:
        if label.isascii():  # an A-label typed as such: it must decode to a valid U-label and back
            lower = label.lower()
            if idna.encode(idna.decode(lower)).decode("ascii") != lower:
                raise idna.IDNAError(lower)
            return lower
        return idna.encode(label, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise CmsInputError(
            where,
            Text(
                N_(
                    "{value} has the label {label}, which is not a valid internationalised name (IDNA 2008: no emoji or symbols, no broken xn--); check the spelling"
                ),
                value=shorten(original),
                label=shorten(label, 30),
            ),
        ) from None


def _uts46_mapped(name: str, where: str) -> str:
    """Full-width letters and dots (。．｡), upper case: mapped as UTS 46 says, before labels are split."""
    if name.isascii():
        return name
    import idna

    try:
        return str(idna.uts46_remap(name, std3_rules=False, transitional=False))
    except (idna.IDNAError, UnicodeError):
        raise CmsInputError(
            where,
            Text(
                N_("{value} holds a character no host name may hold (UTS 46); check the spelling"), value=shorten(name)
            ),
        ) from None


def check_fqdn(text: str, where: str, *, allow_wildcard: bool = True, allow_single_label: bool = False) -> str:
    """Validate a DNS name and return it in canonical form (lower case, A-labels).

    A leftmost `*` label is allowed (a wildcard certificate); nothing else may be a wildcard.
    """
    name = _uts46_mapped(text.strip(), where)
    if not name:
        raise CmsInputError(where, N_("is empty; enter a fully qualified domain name such as cms1.example.com"))
    if name.endswith("."):
        name = name[:-1]  # a trailing root dot is legal in DNS but never belongs in a certificate
    if any(ch.isspace() for ch in name):
        raise CmsInputError(where, Text(N_("{value} contains a space; a domain name has none"), value=shorten(text)))
    if "://" in name or "/" in name:
        raise CmsInputError(
            where,
            Text(N_("{value} looks like a URL; enter only the host name, e.g. join.example.com"), value=shorten(text)),
        )
    if ":" in name:
        raise CmsInputError(
            where, Text(N_("{value} contains ':' (a port?); enter only the host name"), value=shorten(text))
        )
    if "@" in name:
        raise CmsInputError(where, Text(N_("{value} is an e-mail address, not a host name"), value=shorten(text)))
    if ".." in name or name.startswith("."):
        raise CmsInputError(
            where, Text(N_("{value} has an empty label (two dots in a row); remove the extra dot"), value=shorten(text))
        )
    raw_labels = name.split(".")
    labels = [_to_a_label(label, where, text) for label in raw_labels]
    for index, label in enumerate(labels):
        if "*" in label:
            if not allow_wildcard:
                raise CmsInputError(where, Text(N_("{value}: a wildcard is not allowed here"), value=shorten(text)))
            if index != 0:
                raise CmsInputError(
                    where,
                    Text(
                        N_("{value}: only the leftmost label may be a wildcard (e.g. *.example.com)"),
                        value=shorten(text),
                    ),
                )
            if label != "*":
                raise CmsInputError(
                    where,
                    Text(N_("{value}: a wildcard must be the whole label '*', not part of one"), value=shorten(text)),
                )
            if len(labels) < 3:
                raise CmsInputError(
                    where,
                    Text(
                        N_("{value}: a wildcard needs at least two labels after it (*.example.com)"),
                        value=shorten(text),
                    ),
                )
            continue
        if len(label) > 63:
            raise CmsInputError(where, Text(N_("{value} has a label longer than 63 characters"), value=shorten(text)))
        if not _LABEL.match(label):
            raise CmsInputError(
                where,
                Text(
                    N_(
                        "{value} has the label {value2}; use letters, digits and '-' only, not at the start or end of a label"
                    ),
                    value=shorten(text),
                    value2=shorten(label, 20),
                ),
            )
    # after the labels are judged, so the suggestion below is a name that is accepted
    if len(labels) < 2 and not allow_single_label:
        raise CmsInputError(
            where,
            Text(
                N_("{value} is not fully qualified; add the domain, e.g. {item}.example.com"),
                value=shorten(text),
                item=labels[0],
            ),
        )
    if labels[-1].isdigit():
        raise CmsInputError(
            where, Text(N_("{value} is neither a valid IP address nor a domain name"), value=shorten(text))
        )
    canonical = ".".join(labels)
    if len(canonical) > _MAX_FQDN:
        raise CmsInputError(
            where, Text(N_("{value} is longer than {MAX_FQDN} characters"), value=shorten(text), MAX_FQDN=_MAX_FQDN)
        )
    return canonical


def _parses(parse: Callable[..., object], text: str, **options: object) -> bool:
    try:
        parse(text, **options)
    except ValueError:
        return False
    return True


def classify_san(text: str, where: str = "subjectAltName") -> SanEntry:
    """Type one SAN entry as an IP address, an e-mail address or a DNS name, in canonical form."""
    entry = text.strip()
    if not entry:
        raise CmsInputError(where, N_("has an empty entry (two commas in a row?); remove it"))
    if any(ch.isspace() for ch in entry):
        raise CmsInputError(
            where, Text(N_("{value} contains a space; separate names with commas, no spaces"), value=shorten(text))
        )
    if entry.startswith("[") and entry.endswith("]"):
        entry = entry[1:-1]
    if "%" in entry and _parses(ipaddress.ip_address, entry.partition("%")[0]):
        raise CmsInputError(
            where,
            Text(
                N_("{value} has an interface zone (%…); a certificate holds the address alone: remove the zone"),
                value=shorten(text),
            ),
        )
    if "/" in entry and _parses(ipaddress.ip_network, entry, strict=False):
        raise CmsInputError(
            where,
            Text(
                N_("{value} is a network (CIDR); a certificate names single addresses: list each address"),
                value=shorten(text),
            ),
        )
    try:
        address = ipaddress.ip_address(entry)
    except ValueError:
        pass
    else:
        if address.is_unspecified or (address.version == 4 and address.is_multicast):
            # 0.0.0.0 and :: mean "any address" (a listening socket's wildcard): no client ever connects to them
            raise CmsInputError(
                where,
                Text(
                    N_("{value} means 'any address' or a group, not a server; give the server's own address"),
                    value=shorten(text),
                ),
            )
        return SanEntry(SanKind.IP, address.compressed)
    if "@" in entry:
        local, _, domain = entry.rpartition("@")
        if not local or "@" in local or not re.fullmatch(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+", local):
            raise CmsInputError(where, Text(N_("{value} is not a valid e-mail address"), value=shorten(text)))
        canonical_domain = check_fqdn(domain, where, allow_wildcard=False)
        return SanEntry(SanKind.EMAIL, f"{local}@{canonical_domain}")
    if re.fullmatch(r"[0-9.]+:\d+", entry) or re.fullmatch(r"[^:]+:\d+", entry):
        raise CmsInputError(
            where, Text(N_("{value} includes a port; enter the name or address without ':port'"), value=shorten(text))
        )
    if re.fullmatch(r"[0-9.]+", entry):
        raise CmsInputError(
            where, Text(N_("{value} is not a valid IPv4 address (four numbers 0-255)"), value=shorten(text))
        )
    return SanEntry(SanKind.DNS, check_fqdn(entry, where, allow_single_label=True))
