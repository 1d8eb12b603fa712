"""`pki match` and `pki verify`: does a key fit, and does a chain hold, in plain words.

Path validation is `cryptography.x509.verification` with a policy for CMS: private CAs, DB
certificates without SAN, any EKU (the MMP checks the chain, not the purpose). When it says no,
the chain is rebuilt link by link to say which link failed and why.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.x509.verification import (
    Criticality,
    ExtensionPolicy,
    PolicyBuilder,
    Store,
    VerificationError,
)

from cmswizard.pki.certfacts import (
    MAX_DEPTH,
    SelfSignature,
    anchor_notes_of,
    common_name,
    is_root,
    key_id,
    subject_cn,
)
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.keys import PrivateKey, public_key_der

if TYPE_CHECKING:
    from cmswizard.pki.chain import ChainItem

__all__ = ["VerifyResult", "key_matches", "verify_certificate"]


def key_matches(key: PrivateKey, other: x509.Certificate | x509.CertificateSigningRequest) -> bool:
    """Compare public keys (SPKI), so RSA and EC alike are judged the same way."""
    return public_key_der(key.public_key()) == public_key_der(other.public_key())


class VerifyResult:
    """The answer. A plain class: the chain builder (and `dataclasses`) stay out of `pki verify`'s start-up."""

    __slots__ = ("ok", "path", "reason", "source")

    def __init__(self, ok: bool, path: tuple[x509.Certificate, ...], reason: str, source: str = "") -> None:
        self.ok = ok
        self.path = path  # leaf first, as far as it could be built
        self.reason = reason  # "verified: …" or the failing link in words
        self.source = source  # the leaf's file

    def __repr__(self) -> str:
        return f"VerifyResult(ok={self.ok}, reason={self.reason!r})"

    @property
    def chain(self) -> tuple[ChainItem, ...]:
        """The path as chain items (fingerprinted only when someone asks)."""
        from cmswizard.pki.chain import make_item

        return tuple(make_item(c, [self.source] if n == 0 and self.source else []) for n, c in enumerate(self.path))


def _ca_key_usage(_policy: Any, _certificate: x509.Certificate, usage: x509.KeyUsage | None) -> None:
    if usage is not None and not usage.key_cert_sign:
        raise ValueError("CA key usage lacks keyCertSign")


_policies: tuple[ExtensionPolicy, ExtensionPolicy] | None = None


def _cms_policies() -> tuple[ExtensionPolicy, ExtensionPolicy]:
    global _policies  # made once: policies are immutable, and a check page verifies many certificates
    if _policies is None:
        ca_policy = (
            ExtensionPolicy.permit_all()
            .require_present(x509.BasicConstraints, Criticality.AGNOSTIC, None)
            .may_be_present(x509.KeyUsage, Criticality.AGNOSTIC, _ca_key_usage)
        )
        _policies = ca_policy, ExtensionPolicy.permit_all()
    return _policies


def _explain(
    leaf_certificate: x509.Certificate,
    pile_certificates: list[x509.Certificate],
    root_certificates: list[x509.Certificate],
    at: dt.datetime,
    source: str,
) -> tuple[tuple[ChainItem, ...], str]:
    """Rebuild the path by hand and name the first thing wrong with it (only when the library said no)."""
    from cmswizard.pki.chain import (
        IssuerIndex,
        Role,
        check_order,
        incomplete_reason,
        make_item,
        role_of,
        validity_problem,
    )

    leaf = make_item(leaf_certificate, [source])
    pile = [make_item(c) for c in pile_certificates]
    roots = [make_item(c) for c in root_certificates]
    index = IssuerIndex([leaf, *pile, *roots], at)
    path = index.path_up(leaf, set())
    root_prints = {r.fingerprint for r in roots}
    for position, item in enumerate(path):
        problem = validity_problem(item.certificate, at)
        if problem:
            if position == 0:
                return path, Text(N_("the certificate {reason}"), reason=as_message(problem))
            return path, Text(
                N_("{role} {name} {reason}"),
                role=as_message(role_of(item).value),
                name=item.subject_cn,
                reason=as_message(problem),
            )
    top = path[-1]
    if top.fingerprint not in root_prints or role_of(top) is not Role.ROOT:
        if len(path) >= MAX_DEPTH:  # stopped by the depth limit, not by a missing or wrong issuer
            return path, Text(N_("the chain is incomplete: {reason}"), reason=incomplete_reason(path))
        candidates = index.by_subject.get(top.certificate.issuer.public_bytes(), [])
        if candidates and top.self_signature is SelfSignature.NOT_SELF_ISSUED:
            parent = candidates[0]
            link = check_order([top, parent], at=at, expect_root=False).links[0]
            return path, Text(
                N_("{name} is not issued by {issuer}: {reason}"),
                name=top.subject_cn,
                issuer=parent.subject_cn,
                reason=as_message(link.reason),
            )
        if top.self_signature is SelfSignature.INVALID:
            return path, Text(
                N_(
                    "{name} names itself as issuer but its signature does not verify with its own key (damaged, or not a real root)"
                ),
                name=top.subject_cn,
            )
        if len(path) >= MAX_DEPTH:
            return path, Text(N_("the chain is incomplete: {reason}"), reason=incomplete_reason(path))
        if top.is_self_signed:
            return path, Text(
                N_("{name} is self-signed but not in the trusted file; add it there"), name=top.subject_cn
            )
        return path, Text(
            N_('missing intermediate for issuer "{name}": add it to the bundle'),
            name=common_name(top.certificate.issuer),
        )
    ordering = check_order(path, at=at)
    for number, link in enumerate(ordering.links):
        if not link.ok:
            return path, Text(
                N_("{name} → {issuer}: {reason}"),
                name=path[number].subject_cn,
                issuer=path[number + 1].subject_cn,
                reason=as_message(link.reason),
            )
    return path, ""


def verify_certificate(
    leaf: x509.Certificate,
    others: Sequence[x509.Certificate],
    *,
    at: dt.datetime | None = None,
    source: str = "",
) -> VerifyResult:
    """Verify `leaf` against a bundle: self-signed certificates in `others` are trusted roots,
    the rest are intermediates (as `pki verify <cert> <bundle/root>` takes them)."""
    moment = at or dt.datetime.now(dt.UTC)
    if leaf in others:  # a self-signed certificate checked against a file that holds it: trusted as listed
        from cmswizard.pki.certfacts import self_signature_of
        from cmswizard.pki.chain import validity_problem

        if self_signature_of(leaf) in (SelfSignature.VALID, SelfSignature.WEAK):
            problem = validity_problem(leaf, moment)
            if problem:
                return VerifyResult(
                    False, (leaf,), Text(N_("the certificate {reason}"), reason=as_message(problem)), source
                )
            return _verified((leaf,), source)
    roots: list[x509.Certificate] = []
    intermediates: list[x509.Certificate] = []
    for certificate in others:
        # the leaf itself in the bundle is left out; signatures first: comparing whole certificates costs more
        if certificate.signature != leaf.signature or certificate != leaf:
            (roots if is_root(certificate) else intermediates).append(certificate)
    if not roots:
        path, why = _explain(leaf, intermediates, [], moment, source)
        return VerifyResult(
            False,
            _certificates(path),
            why or N_("no root CA in the bundle: add the self-signed root certificate"),
            source,
        )
    try:
        verified = _library_verify(leaf, intermediates, roots, moment)
    except VerificationError as library_error:
        refusal: VerificationError = library_error
        path, why = _explain(leaf, intermediates, roots, moment, source)
        if not why and any(anchor_notes_of(path[-1].certificate)):
            # The library refuses an anchor OpenSSL accepts (SHA-1/MD5 self-signature, version 1): every
            # link, date and CA flag was checked by hand above, exactly as OpenSSL checks them; what only the
            # library checks (name constraints, critical extensions) is checked by it below the anchor.
            below = _below_anchor_problem(leaf, intermediates, _certificates(path), moment)
            if below is None:
                return _verified(_certificates(path), source)
            refusal = below
        return VerifyResult(False, _certificates(path), why or _library_reason(refusal), source)
    chain = _as_given(verified.chain, (leaf, *intermediates, *roots))
    mismatch = _key_identifier_mismatch(chain)
    if mismatch:
        return VerifyResult(False, chain, mismatch, source)
    return _verified(chain, source)


def _library_verify(
    leaf: x509.Certificate,
    intermediates: list[x509.Certificate],
    anchors: list[x509.Certificate],
    moment: dt.datetime,
) -> Any:
    ca_policy, ee_policy = _cms_policies()
    verifier = (
        PolicyBuilder()
        .store(Store(anchors))
        .time(moment)
        .max_chain_depth(MAX_DEPTH)
        .extension_policies(ca_policy=ca_policy, ee_policy=ee_policy)
        .build_client_verifier()
    )
    return verifier.verify(leaf, intermediates)


def _as_given(chain: Sequence[x509.Certificate], given: Sequence[x509.Certificate]) -> tuple[x509.Certificate, ...]:
    """The library's chain as the objects we gave it (it returns new ones, with the very same bytes), so
    what was worked out about them (key identifiers, names) is found again. By signature, which is
    unique among what we gave it unless two of those share one (a forgery): then its own objects."""
    by_signature = {certificate.signature: certificate for certificate in given}
    if len(by_signature) != len(given):
        return tuple(chain)
    return tuple(by_signature.get(certificate.signature, certificate) for certificate in chain)


def _library_reason(error: Exception) -> str:
    text = str(error).split(" (encountered")[0].split("\n")[0]
    if "Forbidden public key algorithm" in text or "Forbidden signature algorithm" in text:
        # the library appends its internal structures (a dump of numbers): say what it means instead
        return N_(
            "chain rejected: a certificate in it uses a key or signature algorithm TLS clients no longer accept "
            "(DSA, or an unsupported curve); the CA must issue with RSA or ECDSA"
        )
    return Text(N_("chain rejected: {reason}"), reason=text.split(": AlgorithmIdentifier")[0][:200])


def _below_anchor_problem(
    leaf: x509.Certificate,
    intermediates: list[x509.Certificate],
    path: tuple[x509.Certificate, ...],
    moment: dt.datetime,
) -> VerificationError | None:
    """The library's verdict on the path with the weak anchor taken off (its issuer trusted in its place)."""
    anchor = path[-1]
    if any(isinstance(extension.value, x509.NameConstraints) for extension in anchor.extensions):
        return VerificationError("the weak root carries name constraints, which cannot be checked without it")
    if len(path) < 3:
        return None  # the leaf hangs off the anchor: nothing below it for the library to check
    try:
        _library_verify(leaf, [c for c in intermediates if c != path[-2]], [path[-2]], moment)
    except VerificationError as error:
        return error
    return None


def _key_identifier_mismatch(chain: tuple[x509.Certificate, ...]) -> str:
    """OpenSSL links a certificate to an issuer only when its authority key identifier names that issuer's
    key; the library does not check this, so a chain it accepts may still fail at CMS."""
    for child, parent in itertools.pairwise(chain):
        child_aki = key_id(child, x509.AuthorityKeyIdentifier)
        parent_ski = key_id(parent, x509.SubjectKeyIdentifier)
        if child_aki is not None and parent_ski is not None and child_aki != parent_ski:
            from cmswizard.pki.chain import check_link  # only on this rare path: `pki verify` starts fast

            return Text(
                N_("{name} → {issuer}: {reason}"),
                name=subject_cn(child),
                issuer=subject_cn(parent),
                reason=as_message(check_link(child, parent).reason),
            )
    return ""


def _certificates(path: tuple[ChainItem, ...]) -> tuple[x509.Certificate, ...]:
    return tuple(item.certificate for item in path)


def _verified(chain: tuple[x509.Certificate, ...], source: str) -> VerifyResult:
    names = " → ".join(subject_cn(certificate) for certificate in chain)
    reason = Text(N_("verified: {names}"), names=names)
    notes = anchor_notes_of(chain[-1]) if chain else []
    if notes:
        reason = Text(N_("{reason} (note: {notes})"), reason=reason, notes="; ".join(notes))
    return VerifyResult(True, chain, reason, source)
