"""Bundles exactly as CMS wants them, and a checker for bundles people already have.

Bytes: PEM blocks with 64-character base64 lines, LF only, no blank lines, nothing between blocks,
exactly one newline after each `-----END CERTIFICATE-----`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.pki.chain import ChainItem, Role, auto_order, check_order, collect, role_of, validity_problem
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.loader import load_bytes
from cmswizard.pki.profiles import TrustContent

__all__ = [
    "KEY_SUFFIX",
    "SUFFIXES",
    "BundleIssue",
    "BundleKind",
    "BundleReport",
    "bundle_bytes",
    "check_bundle",
    "select_for_bundle",
    "select_peer_trust",
    "suggested_name",
]


class BundleKind(enum.Enum):
    FULL_CHAIN = "fullchain"  # entity → intermediates → root: Web Bridge 3, TURN
    CA_BUNDLE = "ca-bundle"  # intermediates → root: third argument of webadmin/callbridge/xmpp/turn certs
    ENTITY = "entity"  # the certificate alone


def select_for_bundle(chain: Sequence[ChainItem], kind: BundleKind, *, include_root: bool = True) -> list[ChainItem]:
    """The members of `chain` (entity first) that a bundle of `kind` holds, in order."""
    items = list(chain)
    if kind is BundleKind.ENTITY:
        return items[:1]
    if not include_root and len(items) > 1 and role_of(items[-1]) is Role.ROOT:
        items = items[:-1]
    if kind is BundleKind.CA_BUNDLE:
        items = items[1:]
    return items


def select_peer_trust(chains: Sequence[Sequence[ChainItem]], content: TrustContent) -> list[ChainItem]:
    """A peer trust file: every peer's part (`content`), in peer order, each certificate once."""
    chosen: list[ChainItem] = []
    seen: set[bytes] = set()
    for chain in chains:
        if not chain:
            continue
        if content is TrustContent.LEAF:
            members = list(chain[:1])
        elif content is TrustContent.ROOT:
            if role_of(chain[-1]) is not Role.ROOT:
                raise CmsInputError(
                    chain[0].subject_cn,
                    N_(
                        "its chain does not reach a root CA; add the root certificate or choose the peers' certificates"
                    ),
                )
            members = [chain[-1]]
        else:
            members = list(chain)
        for item in members:
            if item.fingerprint not in seen:
                seen.add(item.fingerprint)
                chosen.append(item)
    return chosen


def bundle_bytes(items: Sequence[ChainItem]) -> bytes:
    """The exact file content: each certificate's PEM, one newline after each, nothing else."""
    if not items:
        raise CmsInputError("bundle", N_("would be empty; add the certificates it should hold"))
    return b"".join(item.certificate.public_bytes(Encoding.PEM) for item in items)


@dataclass(frozen=True)
class BundleIssue:
    line: int | None  # 1-based line in the file, when the problem has one
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class BundleReport:
    issues: tuple[BundleIssue, ...]
    fixed: bytes | None  # the corrected bytes; None when the bundle cannot be fixed automatically
    count: int

    @property
    def clean(self) -> bool:
        return not self.issues


_BEGIN, _END = "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]{8,}")
_MAX_OUTSIDE_REPORTED = 3


def _line_issues(text: str) -> list[BundleIssue]:
    issues: list[BundleIssue] = []
    lines = text.split("\n")
    crlf_lines = [n for n, line in enumerate(lines, 1) if line.endswith("\r")]
    if crlf_lines:
        issues.append(
            BundleIssue(
                crlf_lines[0],
                Text(N_("Windows line endings (CRLF) on {count} line(s); CMS needs LF"), count=len(crlf_lines)),
            )
        )
    inside = False
    outside_lines = 0
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        is_last = number == len(lines)
        if line.startswith("-----BEGIN "):
            if line != _BEGIN:
                issues.append(
                    BundleIssue(number, Text(N_("{p} block: a bundle must hold certificates only"), p=line.strip("-")))
                )
            inside = True
        elif line.startswith("-----END "):
            inside = False
        elif not line.strip():
            if not is_last:
                issues.append(BundleIssue(number, N_("blank line; remove it")))
        elif not inside:
            outside_lines += 1
            if outside_lines > _MAX_OUTSIDE_REPORTED:
                continue
            if _BASE64_LINE.fullmatch(line.strip()):
                # Could be key material from a block whose BEGIN line is damaged: never echo it.
                issues.append(
                    BundleIssue(
                        number,
                        N_(
                            "base64 text outside any block (a damaged block? if it is a private key, keep it secret); remove it"
                        ),
                    )
                )
            else:
                issues.append(
                    BundleIssue(
                        number, Text(N_("text outside a certificate block ({shown!r}); remove it"), shown=line[:40])
                    )
                )
        elif re.search(r"[^A-Za-z0-9+/=]", line):
            issues.append(BundleIssue(number, N_("invalid character inside a certificate block")))
        elif len(line) > 64:
            issues.append(
                BundleIssue(number, Text(N_("base64 line of {count} characters; PEM uses 64"), count=len(line)))
            )
    if outside_lines > _MAX_OUTSIDE_REPORTED:
        issues.append(
            BundleIssue(
                None,
                Text(
                    N_("{count} more line(s) of text outside certificate blocks; remove them"),
                    count=outside_lines - _MAX_OUTSIDE_REPORTED,
                ),
            )
        )
    if text and not text.endswith("\n"):
        issues.append(BundleIssue(len(lines), N_("no line break after the last certificate; add exactly one")))
    elif text.endswith("\n\n") or text.endswith("\r\n\r\n"):
        issues.append(BundleIssue(len(lines) - 1, N_("extra blank line(s) at the end; keep exactly one line break")))
    return issues


def check_bundle(data: bytes, name: str, *, at: dt.datetime | None = None) -> BundleReport:
    """Everything that would make CMS reject or misread this bundle, and the fixed bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        issues = [BundleIssue(1, N_("starts with a UTF-8 byte-order mark; remove it"))]
        data = data[3:]
    else:
        issues = []
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        text = None
    loaded = load_bytes(data, name)
    if text is None or b"-----BEGIN" not in data:
        issues.append(
            BundleIssue(None, Text(N_("is {value}, not PEM text; CMS needs a PEM bundle"), value=loaded.format.value))
        )
    else:
        issues.extend(_line_issues(text))
    if loaded.keys:
        issues.append(BundleIssue(None, N_("contains a private key; a bundle must never carry it")))
    distinct = collect([loaded])
    if len(distinct) < len(loaded.certificates):
        issues.append(
            BundleIssue(
                None,
                Text(N_("{p} duplicate certificate(s); keep each once"), p=len(loaded.certificates) - len(distinct)),
            )
        )
    for item in distinct:
        problem = validity_problem(item.certificate, at)
        if problem:
            issues.append(
                BundleIssue(None, Text(N_("{subject_cn}: {problem}"), subject_cn=item.subject_cn, problem=problem))
            )
    as_given = check_order(distinct, at=at, expect_root=False)
    broken_links = [link for link in as_given.links if not link.ok]
    fixed_items = distinct
    if broken_links:
        found = auto_order(distinct, at=at)
        in_chain = [c for c in found.chains if len(c.items) == len(distinct)]
        if in_chain:
            issues.append(
                BundleIssue(None, N_("certificates are in the wrong order; CMS needs entity → intermediates → root"))
            )
            fixed_items = list(in_chain[0].items)
        else:
            for index, link in enumerate(as_given.links):
                if not link.ok:
                    issues.append(
                        BundleIssue(
                            None,
                            Text(
                                N_("{subject_cn}: {reason}"), subject_cn=distinct[index].subject_cn, reason=link.reason
                            ),
                        )
                    )
            fixed_items = []
    fixed = bundle_bytes(fixed_items) if fixed_items else None
    return BundleReport(tuple(issues), fixed, len(distinct))


# The one place file suffixes are decided: the bundle page, the CLI and the deployment page's guesses.
SUFFIXES = {BundleKind.FULL_CHAIN: "-fullchain.crt", BundleKind.CA_BUNDLE: "-bundle.crt", BundleKind.ENTITY: ".crt"}
KEY_SUFFIX = ".key"


def suggested_name(basename: str, kind: BundleKind) -> str:
    return f"{basename}{SUFFIXES[kind]}"
