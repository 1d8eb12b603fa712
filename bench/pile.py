"""Shuffled piles of certificate chains for the ordering benchmarks (cached as files per size)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import time
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

NOW = dt.datetime.now(dt.UTC)


def _cert(
    cn: str, issuer_cn: str, key: ec.EllipticCurvePrivateKey, signer: ec.EllipticCurvePrivateKey, ca: bool
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer_cn)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(signer, hashes.SHA256())
    )


def shuffled_pile(size: int, depth: int = 4, seed: int = 1, entities: int | None = None) -> list[x509.Certificate]:
    """Exactly `size` certificates: chains root → intermediates → leaf of `depth` certificates
    (the last chain shorter when `size` is not a multiple of `depth`), shuffled. `entities`: only
    that many chains end in a leaf; the others are CA certificates only (a CA store's contents)."""
    keys = [ec.generate_private_key(ec.SECP256R1()) for _ in range(depth)]  # reused: signing is what counts
    pile: list[x509.Certificate] = []
    chain = 0
    while len(pile) < size:
        length = min(depth, size - len(pile))
        names = [f"chain {chain} root"] + [f"chain {chain} CA {level}" for level in range(1, length - 1)]
        if length > 1:
            names.append(f"leaf{chain}.example.com")
        for level, cn in enumerate(names):
            issuer = names[level - 1] if level else cn
            signer = keys[level - 1] if level else keys[0]
            leaf = level == length - 1 and length > 1 and (entities is None or chain < entities)
            pile.append(_cert(cn, issuer, keys[level], signer, ca=not leaf))
        chain += 1
    random.Random(seed).shuffle(pile)
    return pile


# A cached file is named after this module's own bytes, so a change to how piles are made makes new
# files; and it is remade after a week, long before its certificates (365 days) could expire.
VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
MAX_AGE_SECONDS = 7 * 24 * 3600


def pile_file(size: int, folder: Path, entities: int | None = None) -> Path:
    """The pile as one PEM file (what a person adds), made once per size and version of this module."""
    path = folder / f"pile-{VERSION}-{size}{'' if entities is None else f'-{entities}-entities'}.pem"
    if not path.exists() or time.time() - path.stat().st_mtime > MAX_AGE_SECONDS:
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        partial.write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in shuffled_pile(size, entities=entities)))
        partial.replace(path)  # a bench run stopped half-way leaves no half-written pile
    return path
