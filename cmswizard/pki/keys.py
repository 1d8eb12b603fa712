"""Private keys: generation, PEM encoding, and the public-key facts shown to users."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes

# The enums behind `serialization`, without its package import (which pulls in SSH and cipher
# modules: milliseconds the CLI does not need); `cryptography.x509` has loaded this module already.
from cryptography.hazmat.primitives._serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes, PublicKeyTypes

if TYPE_CHECKING:
    from cmswizard.pki.spec import KeyType

__all__ = [
    "PrivateKey",
    "describe_public_key",
    "generate_private_key",
    "private_key_pem",
    "public_key_der",
    "signature_hash_for",
]

PrivateKey = CertificateIssuerPrivateKeyTypes
_CURVES: dict[int, type[ec.EllipticCurve]] = {256: ec.SECP256R1, 384: ec.SECP384R1}


def generate_private_key(key_type: KeyType) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    if key_type.is_ec:
        return ec.generate_private_key(_CURVES[key_type.bits]())
    return rsa.generate_private_key(public_exponent=65537, key_size=key_type.bits)


def private_key_pem(key: PrivateKey) -> bytes:
    """Unencrypted PKCS#8 PEM: CMS must read the key without a pass phrase."""
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def public_key_der(key: PublicKeyTypes) -> bytes:
    """The SubjectPublicKeyInfo: equal bytes mean the same key, whatever the algorithm."""
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


def describe_public_key(key: PublicKeyTypes) -> str:
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size}"
    if isinstance(key, ec.EllipticCurvePublicKey):
        names = {"secp256r1": "ECDSA P-256", "secp384r1": "ECDSA P-384", "secp521r1": "ECDSA P-521"}
        return names.get(key.curve.name, f"ECDSA {key.curve.name}")
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448"
    return type(key).__name__.replace("PublicKey", "")


def signature_hash_for(key: PrivateKey) -> hashes.SHA256 | hashes.SHA384 | None:
    """SHA-256 for RSA and P-256, SHA-384 for P-384 (matching strength); EdDSA takes none."""
    if isinstance(key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        return None
    if isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.key_size >= 384:
        return hashes.SHA384()
    return hashes.SHA256()
