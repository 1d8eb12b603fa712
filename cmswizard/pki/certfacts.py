"""Facts read from one certificate: its CN, whether it is a CA, whether it signs itself (checked once
per certificate in the process), what is weak about it as a trust anchor.

A module of its own, free of `dataclasses` and the chain builder, so `pki verify` starts fast: it
needs these facts and, when a chain verifies, nothing else of the engine.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.x509.oid import NameOID

from cmswizard.pki.errors import N_, Text

__all__ = [
    "MAX_DEPTH",
    "SelfSignature",
    "anchor_notes_of",
    "basic_constraints",
    "common_name",
    "is_ca",
    "is_root",
    "key_id",
    "self_signature_of",
    "signed_by",
    "subject_cn",
    "weak_hash_name",
]

_T = TypeVar("_T")
MAX_DEPTH = 100  # as OpenSSL's default verify depth; real chains have 2 to 5 certificates


def common_name(name: x509.Name) -> str:
    """The CN, or the whole name when there is none (some roots have only O/OU)."""
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if values:
        return str(values[0].value)
    return name.rfc4514_string() or "(empty name)"


class SelfSignature(enum.Enum):
    NOT_SELF_ISSUED = "not self-issued"
    VALID = "valid"
    WEAK = "weak"  # SHA-1 or MD5: the library will not check it; OpenSSL never checks an anchor's own signature
    INVALID = "invalid"  # self-issued, but the signature does not verify with its own key


_WEAK_HASHES = {"sha1", "md5", "md2", "md4"}


# Facts worked out once per certificate: keyed by id(), holding the object itself so the id cannot be
# reused while the entry lives. A certificate read again (a new object with the very same bytes: the
# same CA in every file a check page or a bundle check reads) finds the facts of its twin, the first
# object seen with those bytes: one look-up by signature and one comparison of the DER per new object,
# instead of its self-signature, extensions and names worked out again (issue 24: a root's signature is
# checked once per root).
_Table = dict[int, tuple[x509.Certificate, _T]]
_LIMIT = 16384  # certificates remembered per table; a table that fills up starts again (a 10,000-certificate
# pile fits: facts forgotten in the middle of one ordering would be worked out again, so it would grow faster
# than the pile; what it keeps alive once a pile is gone is freed as the next piles take its place)
_TWINS: _Table[x509.Certificate] = {}  # object → the first object seen with the same DER
# First objects seen, by signature: a signature is as good as unique (it covers all the rest) and the
# library keeps it as bytes, whose hash is cheap and kept; whether it is the same certificate is then
# decided by the whole DER (a forged certificate can copy a real one's signature, never its bytes).
_FIRST_SEEN: dict[bytes, x509.Certificate] = {}
_SELF_SIGNATURES: _Table[SelfSignature] = {}
_ROOTS: _Table[bool] = {}
_SUBJECT_CNS: _Table[str] = {}
_KEY_IDS: dict[type[x509.ExtensionType], _Table[bytes | None]] = {
    x509.SubjectKeyIdentifier: {},
    x509.AuthorityKeyIdentifier: {},
}


def _remember(table: _Table[_T], certificate: x509.Certificate, value: _T) -> _T:
    if len(table) >= _LIMIT:
        table.clear()
    table[id(certificate)] = (certificate, value)
    return value


def _twin(certificate: x509.Certificate) -> x509.Certificate:
    entry = _TWINS.get(id(certificate))
    if entry is not None and entry[0] is certificate:
        return entry[1]
    first = _FIRST_SEEN.get(certificate.signature)
    if first is None or first != certificate:  # new, or another certificate with that signature
        if len(_FIRST_SEEN) >= _LIMIT:
            _FIRST_SEEN.clear()
        _FIRST_SEEN[certificate.signature] = first = certificate
    return _remember(_TWINS, certificate, first)


def _memo(table: _Table[_T], certificate: x509.Certificate, work: Callable[[x509.Certificate], _T]) -> _T:
    entry = table.get(id(certificate))
    if entry is not None and entry[0] is certificate:
        return entry[1]
    twin = _twin(certificate)
    if twin is not certificate:
        entry = table.get(id(twin))
        if entry is not None and entry[0] is twin:
            return _remember(table, certificate, entry[1])
    return _remember(table, certificate, work(certificate))


# Whether one certificate's key signed another, once per pair of certificates (by their twins): the
# same CA links come back in every chain a probe reads and in every file a check page reads again.
_LINKS: dict[tuple[int, int], tuple[x509.Certificate, x509.Certificate, bool]] = {}


def signed_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    """`child`'s signature verifies with `parent`'s key (and names it as issuer)."""
    child, parent = _twin(child), _twin(parent)
    entry = _LINKS.get((id(child), id(parent)))
    if entry is not None and entry[0] is child and entry[1] is parent:
        return entry[2]
    if len(_LINKS) >= _LIMIT:
        _LINKS.clear()
    verified = _verify_link(child, parent)
    _LINKS[(id(child), id(parent))] = (child, parent, verified)
    return verified


def _verify_link(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def forget_facts() -> None:
    """Drop every fact worked out so far: the next question about any certificate starts cold, as
    in a new process (the bench compares against a library that keeps nothing)."""
    tables: list[dict[Any, Any]] = [
        _SELF_SIGNATURES,
        _ROOTS,
        _SUBJECT_CNS,
        *_KEY_IDS.values(),
        _TWINS,
        _FIRST_SEEN,
        _LINKS,
    ]
    for table in tables:
        table.clear()


def subject_cn(certificate: x509.Certificate) -> str:
    """`common_name` of the subject, worked out once per certificate (names are parsed on every access)."""
    return _memo(_SUBJECT_CNS, certificate, lambda c: common_name(c.subject))


def self_signature_of(certificate: x509.Certificate) -> SelfSignature:
    """Verified once per certificate in the process: a check page, a bundle check and `verify`
    all ask about the same roots again and again."""
    return _memo(_SELF_SIGNATURES, certificate, _self_signature)


def is_root(certificate: x509.Certificate) -> bool:
    """A CA that signs itself (validly, or with a weak hash OpenSSL accepts in an anchor): the
    certificate `role_of` calls a root, worked out once per certificate."""
    return _memo(
        _ROOTS,
        certificate,
        lambda c: is_ca(c) and self_signature_of(c) in (SelfSignature.VALID, SelfSignature.WEAK),
    )


def _self_signature(certificate: x509.Certificate) -> SelfSignature:
    if certificate.issuer != certificate.subject:
        return SelfSignature.NOT_SELF_ISSUED
    aki, ski = key_id(certificate, x509.AuthorityKeyIdentifier), key_id(certificate, x509.SubjectKeyIdentifier)
    if aki is not None and ski is not None and aki != ski:
        return SelfSignature.NOT_SELF_ISSUED  # same name, another key: issued by a predecessor
    try:
        certificate.verify_directly_issued_by(certificate)
    except ValueError:
        return SelfSignature.WEAK if weak_hash_name(certificate) else SelfSignature.INVALID
    except (TypeError, InvalidSignature):
        return SelfSignature.INVALID
    return SelfSignature.VALID


def weak_hash_name(certificate: x509.Certificate) -> str | None:
    """ "SHA-1" or "MD5" when the certificate is signed with a broken hash, else None."""
    try:
        algorithm = certificate.signature_hash_algorithm
    except Exception:  # an algorithm the library does not even name (MD2, MD4)
        oid_name = str(getattr(certificate.signature_algorithm_oid, "_name", "")).lower()
        return next((h.upper() for h in _WEAK_HASHES if h in oid_name), None)
    if algorithm is not None and algorithm.name in _WEAK_HASHES:
        return algorithm.name.upper().replace("SHA1", "SHA-1")
    return None


def basic_constraints(certificate: x509.Certificate) -> x509.BasicConstraints | None:
    try:
        return certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return None
    except ValueError:
        return None


def is_ca(certificate: x509.Certificate) -> bool:
    constraints = basic_constraints(certificate)
    if constraints is None and certificate.version is x509.Version.v1:
        # OpenSSL: a self-signed version 1 certificate is a CA (old roots predate extensions).
        return self_signature_of(certificate) in (SelfSignature.VALID, SelfSignature.WEAK)
    return bool(constraints and constraints.ca)


def key_id(certificate: x509.Certificate, kind: type[x509.ExtensionType]) -> bytes | None:
    """The subject or authority key identifier, looked up once per certificate (every link check
    and every `verify` asks for both ends' identifiers)."""
    table = _KEY_IDS.get(kind)
    if table is None:
        return _key_id(certificate, kind)
    return _memo(table, certificate, lambda c: _key_id(c, kind))


def _key_id(certificate: x509.Certificate, kind: type[x509.ExtensionType]) -> bytes | None:
    try:
        value = certificate.extensions.get_extension_for_class(kind).value
    except (x509.ExtensionNotFound, ValueError):
        return None
    if isinstance(value, x509.SubjectKeyIdentifier):
        return value.digest
    if isinstance(value, x509.AuthorityKeyIdentifier):
        return value.key_identifier
    return None


def anchor_notes_of(certificate: x509.Certificate) -> list[str]:
    """What is weak about a trust anchor that OpenSSL (and CMS) accept anyway."""
    notes: list[str] = []
    if self_signature_of(certificate) is SelfSignature.WEAK:
        notes.append(
            Text(
                N_(
                    "root {name} signs itself with {hash} (weak); accepted as a trust anchor, as OpenSSL does, since an anchor's own signature is not checked — plan to replace it"
                ),
                name=common_name(certificate.subject),
                hash=weak_hash_name(certificate) or "?",
            )
        )
    if certificate.version is x509.Version.v1:
        notes.append(
            Text(
                N_(
                    "root {name} is a version 1 certificate (no extensions); accepted as a trust anchor, as OpenSSL does"
                ),
                name=common_name(certificate.subject),
            )
        )
    return notes
