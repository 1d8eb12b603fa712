"""Certificate chains: which certificate issued which, in any order a person puts them.

`collect()` merges a pile of loaded files, `auto_order()` finds entity → intermediates → root for
every entity in it (in time linear in the pile), and `check_order()` explains, link by link, what is
right or wrong with an order the user chose.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from cmswizard.pki.certfacts import (
    MAX_DEPTH,
    SelfSignature,
    anchor_notes_of,
    common_name,
    is_ca,
    key_id,
    self_signature_of,
    signed_by,
)
from cmswizard.pki.certfacts import basic_constraints as _constraints
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.loader import LoadedFile

__all__ = [
    "MAX_DEPTH",
    "Chain",
    "ChainItem",
    "IssuerIndex",
    "LinkStatus",
    "Ordering",
    "Role",
    "SelfSignature",
    "anchor_notes",
    "auto_order",
    "check_link",
    "check_order",
    "collect",
    "common_name",
    "incomplete_reason",
    "role_of",
]


class Role(enum.Enum):
    ENTITY = N_("entity")
    INTERMEDIATE = N_("intermediate")
    ROOT = N_("root")


@dataclass(frozen=True)
class ChainItem:
    """One distinct certificate of the pile, with every file it came from."""

    certificate: x509.Certificate
    sources: tuple[str, ...]
    fingerprint: bytes

    @property
    def subject_cn(self) -> str:
        return common_name(self.certificate.subject)

    @property
    def issuer_cn(self) -> str:
        return common_name(self.certificate.issuer)

    @cached_property
    def is_ca(self) -> bool:
        return is_ca(self.certificate)

    @cached_property
    def is_self_issued(self) -> bool:
        return self.certificate.issuer == self.certificate.subject

    @cached_property
    def self_signature(self) -> SelfSignature:
        """Checked once per certificate: a root's own signature is never verified twice."""
        return self_signature_of(self.certificate)

    @property
    def is_self_signed(self) -> bool:
        """Self-signed as OpenSSL decides a trust anchor: its own signature counts only if it is wrong."""
        return self.self_signature in (SelfSignature.VALID, SelfSignature.WEAK)


def anchor_notes(item: ChainItem) -> list[str]:
    """What is weak about a trust anchor that OpenSSL (and CMS) accept anyway."""
    return anchor_notes_of(item.certificate)


def make_item(certificate: x509.Certificate, sources: Iterable[str] = ()) -> ChainItem:
    return ChainItem(certificate, tuple(sources), certificate.fingerprint(hashes.SHA256()))


def collect(files: Iterable[LoadedFile]) -> list[ChainItem]:
    """Distinct certificates in first-seen order; duplicates merge and remember all their sources."""
    by_fingerprint: dict[bytes, tuple[x509.Certificate, list[str]]] = {}
    for loaded in files:
        for certificate in loaded.certificates:
            fingerprint = certificate.fingerprint(hashes.SHA256())
            entry = by_fingerprint.setdefault(fingerprint, (certificate, []))
            if loaded.name not in entry[1]:
                entry[1].append(loaded.name)
    return [ChainItem(cert, tuple(sources), fp) for fp, (cert, sources) in by_fingerprint.items()]


def issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    """The parent's key signed the child (two CAs may share a name)."""
    return _signature_ok(child, parent)


def _signature_ok(child: x509.Certificate, parent: x509.Certificate) -> bool:
    return signed_by(child, parent)  # once per pair of certificates in the process


def role_of(item: ChainItem) -> Role:
    if not item.is_ca:
        return Role.ENTITY
    if item.is_self_signed:
        return Role.ROOT
    return Role.INTERMEDIATE


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def validity_problem(certificate: x509.Certificate, at: dt.datetime | None = None) -> str | None:
    moment = at or _now()
    if certificate.not_valid_after_utc < moment:
        return Text(N_("expired on {date}"), date=f"{certificate.not_valid_after_utc:%Y-%m-%d}")
    if certificate.not_valid_before_utc > moment:
        return Text(N_("not yet valid (valid from {date})"), date=f"{certificate.not_valid_before_utc:%Y-%m-%d}")
    return None


@dataclass(frozen=True)
class LinkStatus:
    """Is `child` (position i) issued by `parent` (position i + 1)?"""

    ok: bool
    reason: str


SIGNED_BY_NEXT = N_("signed by the next certificate")


def check_link(child: x509.Certificate, parent: x509.Certificate, cas_below_parent: int = 0) -> LinkStatus:
    """Explain in plain words whether `parent` issued `child`, as CMS (and OpenSSL) will judge it."""
    if child == parent:  # a server that sends its own certificate twice: say so, not "not issued by"
        return LinkStatus(
            False,
            Text(
                N_("sent twice: the next certificate is this same one ({name}); remove the copy"),
                name=common_name(child.subject),
            ),
        )
    if child.issuer != parent.subject:
        return LinkStatus(
            False,
            Text(
                N_("not issued by the next certificate (issuer is {issuer}, next is {subject})"),
                issuer=common_name(child.issuer),
                subject=common_name(parent.subject),
            ),
        )
    child_aki, parent_ski = key_id(child, x509.AuthorityKeyIdentifier), key_id(parent, x509.SubjectKeyIdentifier)
    if child_aki is not None and parent_ski is not None and child_aki != parent_ski:
        if _signature_ok(child, parent):
            return LinkStatus(
                False,
                Text(
                    N_(
                        "signed by {subject}, but its authority key identifier names another key; OpenSSL (and CMS) will not link them: reissue it"
                    ),
                    subject=common_name(parent.subject),
                ),
            )
        return LinkStatus(
            False,
            Text(
                N_(
                    "signed by a different CA with the same name {subject} (a renewed or another CA: the key identifiers differ)"
                ),
                subject=common_name(parent.subject),
            ),
        )
    if not _signature_ok(child, parent):
        return LinkStatus(False, N_("signature does not match the next certificate's key"))
    constraints = _constraints(parent)
    if not is_ca(parent):
        return LinkStatus(False, N_("the next certificate is not a CA (basicConstraints)"))
    if constraints is not None and constraints.path_length is not None and cas_below_parent > constraints.path_length:
        return LinkStatus(
            False,
            Text(
                N_("path length exceeded: {subject} allows {path_length} CA(s) below it"),
                subject=common_name(parent.subject),
                path_length=constraints.path_length,
            ),
        )
    try:
        usage = parent.extensions.get_extension_for_class(x509.KeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        usage = None
    if usage is not None and not usage.key_cert_sign:
        return LinkStatus(False, N_("the next certificate's CA key usage lacks keyCertSign"))
    return LinkStatus(True, SIGNED_BY_NEXT)


@dataclass(frozen=True)
class Ordering:
    """What is right and wrong with one order of certificates."""

    items: tuple[ChainItem, ...]
    links: tuple[LinkStatus, ...]  # links[i]: items[i] → items[i + 1]
    validity: tuple[str | None, ...]  # per item: None, or "expired on …"
    ends_with_root: bool
    last_problem: str | None  # about the last item (e.g. "root is not self-signed")

    @property
    def ok(self) -> bool:
        return all(link.ok for link in self.links) and not any(self.validity) and self.last_problem is None

    def problems(self) -> list[str]:
        found: list[str] = []
        for index, link in enumerate(self.links):
            if not link.ok:
                found.append(
                    Text(
                        N_("{number} → {next}: {name}: {reason}"),
                        number=index + 1,
                        next=index + 2,
                        name=self.items[index].subject_cn,
                        reason=as_message(link.reason),
                    )
                )
        for index, problem in enumerate(self.validity):
            if problem:
                found.append(
                    Text(
                        N_("{number}: {name}: {reason}"),
                        number=index + 1,
                        name=self.items[index].subject_cn,
                        reason=as_message(problem),
                    )
                )
        if self.last_problem:
            found.append(
                Text(
                    N_("{number}: {name}: {reason}"),
                    number=len(self.items),
                    name=self.items[-1].subject_cn,
                    reason=as_message(self.last_problem),
                )
            )
        return found


def check_order(items: Sequence[ChainItem], *, at: dt.datetime | None = None, expect_root: bool = True) -> Ordering:
    """Check an order the user chose, without changing it."""
    links = []
    for index in range(len(items) - 1):
        cas_below = sum(1 for item in items[1 : index + 1] if item.is_ca)
        links.append(check_link(items[index].certificate, items[index + 1].certificate, cas_below))
    validity = tuple(validity_problem(item.certificate, at) for item in items)
    last_problem = None
    ends_with_root = bool(items) and role_of(items[-1]) is Role.ROOT
    if items and expect_root and len(items) > 1 and not ends_with_root:
        last = items[-1]
        if last.self_signature is SelfSignature.INVALID:
            last_problem = N_("root is not self-signed (its signature does not verify with its own key)")
        elif last.is_ca and any(
            role_of(item) is Role.ROOT and item.certificate.subject == last.certificate.issuer for item in items
        ):
            last_problem = Text(
                N_("the root {name} is there but not at the bottom: move it to the end"), name=last.issuer_cn
            )
        elif last.is_ca:
            last_problem = Text(N_("root is missing: add the certificate of {name}"), name=last.issuer_cn)
        else:
            last_problem = N_("the last certificate is not a CA; the root belongs at the bottom")
    return Ordering(tuple(items), tuple(links), validity, ends_with_root, last_problem)


@dataclass(frozen=True)
class Chain:
    """entity → intermediates → root (as far as the pile allows)."""

    items: tuple[ChainItem, ...]
    missing_issuer: str | None = None  # the name of the certificate needed to go on, if any
    problem: str | None = None  # why the chain stops short of a root, in words (with where)

    @property
    def complete(self) -> bool:
        return self.missing_issuer is None


MAX_SAME_NAME_ISSUERS = 64  # real piles have one or two per name (a renewed CA); more is an attack or a mistake
# Signature checks among the crowded names of one pile, in all: a cap per certificate still let 6,000 CAs
# of one name cost 6,000 x 64 checks (22 s); the whole pile shares this budget instead.
MAX_CROWDED_CHECKS = 512


@dataclass
class IssuerIndex:
    """Who may have issued whom in a pile: subject look-ups and cached signature checks."""

    items: list[ChainItem]
    at: dt.datetime
    by_subject: dict[bytes, list[ChainItem]] = field(default_factory=dict)
    signature_cache: dict[tuple[bytes, bytes], bool] = field(default_factory=dict)
    best_up: dict[bytes, tuple[ChainItem, ...]] = field(default_factory=dict)
    ends_in_root: dict[bytes, bool] = field(default_factory=dict)
    crowded_checks_left: int = MAX_CROWDED_CHECKS
    by_key_id: dict[bytes, dict[bytes | None, list[ChainItem]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for item in self.items:
            self.by_subject.setdefault(item.certificate.subject.public_bytes(), []).append(item)

    def copy(self) -> IssuerIndex:
        """The same findings in caches of its own, for work on another thread: what it learns there does not
        touch this index, which the GUI thread may be reading (the subject table is only read, so shared)."""
        twin = IssuerIndex.__new__(IssuerIndex)
        twin.items, twin.at, twin.by_subject = self.items, self.at, self.by_subject
        twin.signature_cache = dict(self.signature_cache)
        twin.best_up = dict(self.best_up)
        twin.ends_in_root = dict(self.ends_in_root)
        return twin

    def issued(self, child: ChainItem, parent: ChainItem) -> bool:
        if child is parent or child.fingerprint == parent.fingerprint:
            return child.is_self_signed
        key = (child.fingerprint, parent.fingerprint)
        if key not in self.signature_cache:
            aki = key_id(child.certificate, x509.AuthorityKeyIdentifier)
            ski = key_id(parent.certificate, x509.SubjectKeyIdentifier)
            self.signature_cache[key] = (aki is None or ski is None or aki == ski) and _signature_ok(
                child.certificate, parent.certificate
            )
        return self.signature_cache[key]

    def issuers(self, child: ChainItem) -> list[ChainItem]:
        name = child.certificate.issuer.public_bytes()
        candidates = self.by_subject.get(name, [])
        if len(candidates) > MAX_SAME_NAME_ISSUERS:
            # A hostile pile of thousands of CAs with one name would cost a signature check per pair:
            # keep those whose key identifier may match (looked up, not scanned), and spend at most
            # MAX_CROWDED_CHECKS signature checks on such names in the whole pile.
            aki = key_id(child.certificate, x509.AuthorityKeyIdentifier)
            if aki is not None:
                by_id = self._by_key_id(name)
                candidates = by_id.get(aki, []) + by_id.get(None, [])
            allowed = min(MAX_SAME_NAME_ISSUERS, len(candidates))
            if child.is_ca:  # the entities (few, and what the user asked about) always get their look
                allowed = min(allowed, max(self.crowded_checks_left, 0))
                self.crowded_checks_left -= allowed
            candidates = candidates[:allowed]
        return [c for c in candidates if c.fingerprint != child.fingerprint and c.is_ca and self.issued(child, c)]

    def _by_key_id(self, name: bytes) -> dict[bytes | None, list[ChainItem]]:
        """The certificates of one crowded name by subject key identifier, built once per name."""
        if name not in self.by_key_id:
            grouped: dict[bytes | None, list[ChainItem]] = {}
            for item in self.by_subject.get(name, []):
                grouped.setdefault(key_id(item.certificate, x509.SubjectKeyIdentifier), []).append(item)
            self.by_key_id[name] = grouped
        return self.by_key_id[name]

    def path_up(self, item: ChainItem, visiting: set[bytes]) -> tuple[ChainItem, ...]:
        """The best path from `item` to a root, memoised so a pile is ordered in linear time."""
        if item.fingerprint in self.best_up:
            return self.best_up[item.fingerprint]
        if item.is_self_signed:
            path: tuple[ChainItem, ...] = (item,)
            self.ends_in_root[item.fingerprint] = True
        elif len(visiting) >= MAX_DEPTH:
            path = (item,)
            self.ends_in_root[item.fingerprint] = False
        else:
            visiting.add(item.fingerprint)
            options = [c for c in self.issuers(item) if c.fingerprint not in visiting]
            best: tuple[ChainItem, ...] = ()
            best_score: tuple[bool, bool, int, dt.datetime] | None = None
            for candidate in options:
                upward = self.path_up(candidate, visiting)
                score = (
                    self.ends_in_root[candidate.fingerprint],
                    all(validity_problem(c.certificate, self.at) is None for c in upward),
                    # the shorter path: a root beside its cross-certificate is the issuer, as OpenSSL
                    # (trusted first) picks it, not the cross-certificate up to an older root
                    -len(upward),
                    candidate.certificate.not_valid_after_utc,
                )
                if best_score is None or score > best_score:
                    best, best_score = upward, score
            visiting.discard(item.fingerprint)
            path = (item, *best)
            self.ends_in_root[item.fingerprint] = bool(best) and self.ends_in_root[best[0].fingerprint]
        self.best_up[item.fingerprint] = path
        return path


@dataclass(frozen=True)
class AutoOrder:
    chains: tuple[Chain, ...]
    unrelated: tuple[ChainItem, ...]  # in the pile but on no entity's chain: left out of outputs


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a pile is ordered: the ordering makes many short-lived
    objects (none in cycles), and each full collection meanwhile walks every object the pile holds, so
    the work grew faster than the pile (at 10,000 certificates a tenth of it). Put back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def auto_order(
    items: Sequence[ChainItem],
    *,
    at: dt.datetime | None = None,
    index: IssuerIndex | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AutoOrder:
    """Find every entity's chain in an unordered pile. Linear in the pile (each certificate is
    indexed once, and each issuer search is a dictionary look-up plus a signature check).

    `index`: one built for exactly these items, to reuse its signature checks (the chain builder
    keeps one while the pile stays the same). `progress(done, total)` is called now and then; it may
    raise to stop the work."""
    with _collector_paused():
        return _auto_order(items, at, index, progress)


def _auto_order(
    items: Sequence[ChainItem],
    at: dt.datetime | None,
    index: IssuerIndex | None,
    progress: Callable[[int, int], None] | None,
) -> AutoOrder:
    if index is None:
        index = IssuerIndex(list(items), at or _now())
    issuers_of_something: set[bytes] = set()
    for number, item in enumerate(items):
        if progress is not None and number % 256 == 0:
            progress(number, len(items))
        for parent in index.issuers(item):
            issuers_of_something.add(parent.fingerprint)
    entities = [i for i in items if not i.is_ca]
    if not entities:  # only CAs given (a CA bundle): start from the CAs that issued nothing here
        entities = [i for i in items if i.fingerprint not in issuers_of_something and not i.is_self_signed]
    chains = []
    used: set[bytes] = set()
    for entity in entities:
        path = index.path_up(entity, set())
        used.update(item.fingerprint for item in path)
        top = path[-1]
        missing = problem = None
        if not index.ends_in_root[entity.fingerprint]:
            missing = common_name(top.certificate.issuer)
            problem = incomplete_reason(path)
        chains.append(Chain(path, missing, problem))
    unrelated = tuple(item for item in items if item.fingerprint not in used)
    return AutoOrder(tuple(chains), unrelated)


def incomplete_reason(path: Sequence[ChainItem]) -> str:
    """Why a chain ends before a root, naming where: the clear words for "incomplete"."""
    top = path[-1]
    if len(path) >= MAX_DEPTH:
        return Text(
            N_("longer than {count} certificates; stopped at {number}. {name}"),
            count=MAX_DEPTH,
            number=len(path),
            name=top.subject_cn,
        )
    if top.self_signature is SelfSignature.INVALID:
        return Text(
            N_(
                "{number}. {name} names itself as issuer but its signature does not verify with its own key (damaged, or not a real root)"
            ),
            number=len(path),
            name=top.subject_cn,
        )
    return Text(
        N_("after {number}. {name}: missing the certificate of its issuer {issuer}"),
        number=len(path),
        name=top.subject_cn,
        issuer=common_name(top.certificate.issuer),
    )
