"""Loaders fed garbage and mutated real files: only our own error, with a message; never a crash."""

from __future__ import annotations

import os

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
