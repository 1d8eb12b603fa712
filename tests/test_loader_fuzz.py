"""Loaders fed garbage and mutated real files: only our own error, with a message; never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs7, pkcs12
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmswizard.pki.bundle import bundle_bytes, check_bundle
from cmswizard.pki.chain import auto_order, collect, make_item
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.loader import load_bytes

from helpers.factory import hierarchy

EXAMPLES = int(os.environ.get("CMSWIZARD_FUZZ_EXAMPLES", "200"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_H = hierarchy(depth=1)
SAMPLES = {
    "pem": b"".join(c.pem for c in _H.chain),
    "der": _H.leaf.der,
    "key": _H.leaf.key_pem,
}


SAMPLES["p7b"] = pkcs7.serialize_certificates([c.cert for c in _H.chain], Encoding.DER)
SAMPLES["pfx"] = pkcs12.serialize_key_and_certificates(
    b"x", _H.leaf.key, _H.leaf.cert, [_H.root.cert], BestAvailableEncryption(b"pw")
)


def _load_or_our_error(data: bytes, password: bytes | None = None) -> None:
    try:
        loaded = load_bytes(data, "fuzz.bin", password=password)
    except CmsInputError as error:
        assert error.message and "\n" not in error.message
        return
    assert loaded.certificates or loaded.keys or loaded.csrs


@fuzz
@given(st.binary(max_size=3000))
def test_fuzz_random_bytes(data: bytes) -> None:
    _load_or_our_error(data)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_fuzz_mutated_real_files(kind: str) -> None:
    original = SAMPLES[kind]

    @fuzz
    @given(
        st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=8),
        st.integers(0, len(original)),
    )
    def mutate(edits: list[tuple[int, int]], cut: int) -> None:
        data = bytearray(original)
        for position, value in edits:
            data[position] = value
        _load_or_our_error(bytes(data), b"pw")
        _load_or_our_error(bytes(data[:cut]), b"pw")

    mutate()


@fuzz
@given(st.permutations([c for c in _H.chain]), st.booleans())
def test_property_bundle_bytes_always_exact(order, crlf: bool) -> None:
    items = [make_item(c.cert) for c in order]
    data = bundle_bytes(items)
    assert data == b"".join(c.pem for c in order)
    messy = data.replace(b"\n", b"\r\n") if crlf else data
    report = check_bundle(messy, "x.pem")
    assert report.fixed == b"".join(c.pem for c in _H.chain)
    found = auto_order(collect([load_bytes(messy, "x.pem")]))
    assert [i.certificate for i in found.chains[0].items] == [c.cert for c in _H.chain]


def test_a_name_kind_cryptography_cannot_read_is_one_line(cli, tmp_path: Path) -> None:
    """A SAN holding an EDIPartyName (found by the fuzzer in a mutated .p7b): cryptography raises
    UnsupportedGeneralNameType, which is no ValueError; it is refused in one line, never a traceback."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import ExtensionOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "edi.example.com")])
    edi_party_name_san = bytes.fromhex("3007a505a1030c0178")  # SAN ::= [5] EDIPartyName { partyName "x" }
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(dt.datetime(2026, 1, 1))
        .not_valid_after(dt.datetime(2027, 1, 1))
        .add_extension(x509.UnrecognizedExtension(ExtensionOID.SUBJECT_ALTERNATIVE_NAME, edi_party_name_san), False)
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / "edi.pem"
    path.write_bytes(cert.public_bytes(Encoding.PEM))
    result = cli("pki", "inspect", str(path))
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"cmswizard: {path}: item 1 has a name of a kind (x400Address or EDIPartyName) that cryptography, "
        "and so this tool, cannot read; have it issued again"
    ]
