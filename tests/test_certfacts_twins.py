"""Facts about a certificate are worked out once per certificate, not once per object (issue 24): the
same CA read again from another file (a new object, the same bytes) finds them; a different
certificate never does, even one that copies a real certificate's signature."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.pki import certfacts
from cmswizard.pki.certfacts import SelfSignature, forget_facts, is_root, self_signature_of, subject_cn
from cmswizard.pki.verify import verify_certificate

from helpers.factory import hierarchy


def _again(certificate: x509.Certificate) -> x509.Certificate:
    """The same certificate read again: a new object with the very same bytes."""
    return x509.load_der_x509_certificate(certificate.public_bytes(Encoding.DER))


def _forged(certificate: x509.Certificate) -> x509.Certificate:
    """Another certificate carrying this one's signature: its name (issuer and subject) changed."""
    der = certificate.public_bytes(Encoding.DER).replace(b"Test Root CA", b"Fake Root CA")
    forged = x509.load_der_x509_certificate(der)
    assert forged.signature == certificate.signature and forged != certificate
    return forged


@pytest.fixture(autouse=True)
def cold() -> None:
    forget_facts()


def test_a_root_read_again_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    root = hierarchy(depth=1).root.cert
    checked: list[x509.Certificate] = []
    real = certfacts._self_signature

    def counting(certificate: x509.Certificate) -> SelfSignature:
        checked.append(certificate)
        return real(certificate)

    monkeypatch.setattr(certfacts, "_self_signature", counting)
    copies = [_again(root) for _ in range(5)]
    assert all(is_root(copy) for copy in copies)
    assert [self_signature_of(copy) for copy in copies] == [SelfSignature.VALID] * 5
    assert checked == [copies[0]]


def test_a_certificate_copying_a_signature_gets_facts_of_its_own() -> None:
    root = hierarchy(depth=1).root.cert
    assert self_signature_of(root) is SelfSignature.VALID and subject_cn(root) == "Test Root CA"
    forged = _forged(root)
    assert self_signature_of(forged) is SelfSignature.INVALID
    assert not is_root(forged)
    assert subject_cn(forged) == "Fake Root CA"
    assert self_signature_of(_again(root)) is SelfSignature.VALID  # and the real one keeps its own


def test_verify_with_every_object_new_and_with_a_forged_twin_in_the_bundle() -> None:
    h = hierarchy(depth=1)
    moment = dt.datetime.now(dt.UTC)
    for _ in range(3):  # all objects new each time, as a check page reading the files again
        result = verify_certificate(_again(h.leaf.cert), [_again(c.cert) for c in h.chain[1:]], at=moment)
        assert result.ok, result.reason
        assert [c.public_bytes(Encoding.DER) for c in result.path] == [
            c.cert.public_bytes(Encoding.DER) for c in h.chain
        ]
    forged = _forged(h.root.cert)
    result = verify_certificate(h.leaf.cert, [forged, *(c.cert for c in h.chain[1:])], at=moment)
    assert result.ok, result.reason  # the real root still anchors the chain
    assert result.path[-1] == h.root.cert and "Fake" not in result.reason
    only_forged = verify_certificate(h.leaf.cert, [h.intermediates[0].cert, forged], at=moment)
    assert not only_forged.ok


def test_auto_order_pauses_the_collector_and_puts_it_back() -> None:
    """Ordering makes many short-lived objects; full collections meanwhile would walk the whole pile
    again and again (the ordering of 10,000 certificates grew faster than the pile)."""
    import gc

    from cmswizard.pki.chain import auto_order, make_item

    h = hierarchy(depth=1)
    items = [make_item(c.cert) for c in h.chain]
    seen: list[bool] = []
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            found = auto_order(items, progress=lambda _done, _total: seen.append(gc.isenabled()))
            assert len(found.chains) == 1
            assert gc.isenabled() is enabled
        finally:
            gc.enable()
    assert seen == [False, False]


def test_a_link_read_again_is_verified_once_a_forged_one_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from cmswizard.pki.certfacts import signed_by

    h = hierarchy(depth=1)
    checked: list[tuple[x509.Certificate, x509.Certificate]] = []
    real = certfacts._verify_link

    def counting(child: x509.Certificate, parent: x509.Certificate) -> bool:
        checked.append((child, parent))
        return real(child, parent)

    monkeypatch.setattr(certfacts, "_verify_link", counting)
    pairs = [(_again(h.intermediates[0].cert), _again(h.root.cert)) for _ in range(4)]
    assert all(signed_by(child, parent) for child, parent in pairs)
    assert len(checked) == 1
    forged_root = _forged(h.root.cert)
    assert not signed_by(h.intermediates[0].cert, forged_root)  # another key's name: not its issuer
    assert len(checked) == 2
    assert not signed_by(h.root.cert, h.intermediates[0].cert)
    assert signed_by(h.intermediates[0].cert, h.root.cert)  # the real pair still verified
