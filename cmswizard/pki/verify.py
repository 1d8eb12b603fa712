"""`pki match` and `pki verify`: does a key fit, and does a chain hold, in plain words.

Path validation is `cryptography.x509.verification` with a policy for CMS: private CAs, DB
certificates without SAN, any EKU (the MMP checks the chain, not the purpose). When it says no,
the chain is rebuilt link by link to say which link failed and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.x509.verification import (
    Criticality,
    ExtensionPolicy,
    PolicyBuilder,
    Store,
    VerificationError,
)

from cmswizard.pki.chain import (
    MAX_DEPTH,
    ChainItem,
    IssuerIndex,
    Role,
    SelfSignature,
    anchor_notes,
    check_order,
    common_name,
    incomplete_reason,
    make_item,
    role_of,
    validity_problem,
)
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.keys import PrivateKey, public_key_der

__all__ = ["VerifyResult", "key_matches", "verify_certificate"]


def key_matches(key: PrivateKey, other: x509.Certificate | x509.CertificateSigningRequest) -> bool:
    """Compare public keys (SPKI), so RSA and EC alike are judged the same way."""
    return public_key_der(key.public_key()) == public_key_der(other.public_key())


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    chain: tuple[ChainItem, ...]  # leaf first, as far as it could be built
    reason: str  # "verified: …" or the failing link in words


def _ca_key_usage(_policy: Any, _certificate: x509.Certificate, usage: x509.KeyUsage | None) -> None:
    if usage is not None and not usage.key_cert_sign:
        raise ValueError("CA key usage lacks keyCertSign")


def _cms_policies() -> tuple[ExtensionPolicy, ExtensionPolicy]:
    ca_policy = (
        ExtensionPolicy.permit_all()
        .require_present(x509.BasicConstraints, Criticality.AGNOSTIC, None)
        .may_be_present(x509.KeyUsage, Criticality.AGNOSTIC, _ca_key_usage)
    )
    return ca_policy, ExtensionPolicy.permit_all()


def _explain(
    leaf: ChainItem, pile: list[ChainItem], roots: list[ChainItem], at: dt.datetime
) -> tuple[tuple[ChainItem, ...], str]:
    """Rebuild the path by hand and name the first thing wrong with it."""
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
    leaf_item = make_item(leaf, [source])
    items = [make_item(c) for c in others if c != leaf]
    roots = [i for i in items if role_of(i) is Role.ROOT]
    intermediates = [i for i in items if role_of(i) is not Role.ROOT]
    if not roots:
        path, why = _explain(leaf_item, intermediates, [], moment)
        return VerifyResult(False, path, why or N_("no root CA in the bundle: add the self-signed root certificate"))
    ca_policy, ee_policy = _cms_policies()
    verifier = (
        PolicyBuilder()
        .store(Store([r.certificate for r in roots]))
        .time(moment)
        .max_chain_depth(MAX_DEPTH)
        .extension_policies(ca_policy=ca_policy, ee_policy=ee_policy)
        .build_client_verifier()
    )
    try:
        verified = verifier.verify(leaf, [i.certificate for i in intermediates])
    except VerificationError as error:
        path, why = _explain(leaf_item, intermediates, roots, moment)
        if not why and any(anchor_notes(path[-1])):
            # The library refuses an anchor OpenSSL accepts (SHA-1/MD5 self-signature, version 1): every
            # link, date and CA flag was checked by hand above, exactly as OpenSSL checks them.
            return _verified(path)
        library_reason = str(error).split(" (encountered")[0].split("\n")[0]
        return VerifyResult(False, path, why or Text(N_("chain rejected: {reason}"), reason=library_reason))
    return _verified(tuple(make_item(c) for c in verified.chain))


def _verified(chain: tuple[ChainItem, ...]) -> VerifyResult:
    names = " → ".join(item.subject_cn for item in chain)
    reason = Text(N_("verified: {names}"), names=names)
    notes = anchor_notes(chain[-1]) if chain else []
    if notes:
        reason = Text(N_("{reason} (note: {notes})"), reason=reason, notes="; ".join(notes))
    return VerifyResult(True, chain, reason)
