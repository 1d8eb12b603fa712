"""Test certificate hierarchies, built in the tests (EC keys: fast, and the chain logic is the same)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def name(cn: str) -> x509.Name:
    return x509.Name(
        [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Org"), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    )


@dataclass
class Issued:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(Encoding.PEM)

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(Encoding.DER)

    @property
    def key_pem(self) -> bytes:
        return self.key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def new_key(rsa_bits: int = 0) -> ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey:
    if rsa_bits:
        return rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
    return ec.generate_private_key(ec.SECP256R1())


def issue(
    cn: str,
    issuer: Issued | None = None,
    *,
    ca: bool = False,
    path_length: int | None = None,
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    san: list[str] | None = None,
    key_cert_sign: bool = True,
    subject: x509.Name | None = None,
    eku: list[x509.ObjectIdentifier] | None = None,
) -> Issued:
    key = key or new_key()
    subject_name = subject or name(cn)
    issuer_name = issuer.cert.subject if issuer else subject_name
    signing_key = issuer.key if issuer else key
    start = start or NOW - dt.timedelta(days=1)
    end = end or NOW + dt.timedelta(days=365)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject_name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()), critical=False)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(True, False, False, False, False, key_cert_sign, True, False, False), critical=True
        )
    else:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage(eku or [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in (san or [cn])]), critical=False
        )
    return Issued(builder.sign(signing_key, hashes.SHA256()), key)


@dataclass
class Hierarchy:
    root: Issued
    intermediates: list[Issued]  # top-down: [issued by root, ..., issuer of leaf]
    leaf: Issued
    extra: dict[str, Issued] = field(default_factory=dict)

    @property
    def chain(self) -> list[Issued]:
        """Leaf first, root last: the full-chain order."""
        return [self.leaf, *reversed(self.intermediates), self.root]


def hierarchy(depth: int = 1, prefix: str = "Test", leaf_cn: str = "cms1.example.com", rsa_bits: int = 0) -> Hierarchy:
    root = issue(f"{prefix} Root CA", ca=True, key=new_key(rsa_bits))
    intermediates = []
    parent = root
    for level in range(depth):
        parent = issue(f"{prefix} Issuing CA {level + 1}", parent, ca=True, key=new_key(rsa_bits))
        intermediates.append(parent)
    leaf = issue(leaf_cn, parent, key=new_key(rsa_bits), san=[leaf_cn, "join.example.com"])
    return Hierarchy(root, intermediates, leaf)
