"""PKCS#12 (.p12/.pfx) for importers that want key, certificate and chain in one file: Windows,
load balancers, other appliances. CMS itself takes PEM files; this is for everything around it.

Two encryptions: modern (AES-256-CBC with PBKDF2-SHA256, HMAC-SHA256 MAC), which Windows 10
1709+/Server 2019+ and OpenSSL 1.1.1+ read, and legacy (3DES with SHA-1 and a SHA-1 MAC) for older
Windows and appliances that reject the modern one.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12

from cmswizard.pki.chain import ChainItem, Role, auto_order, collect, role_of
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.files import OutputFile, password_problem, write_files
from cmswizard.pki.keys import PrivateKey
from cmswizard.pki.loader import LoadedFile
from cmswizard.pki.safe_text import escape, has_control
from cmswizard.pki.verify import key_matches

__all__ = ["P12Encryption", "P12Result", "p12_bytes", "p12_from_chain", "write_p12"]

# PBKDF2 rounds for the modern profile: what OpenSSL 3 uses by default (2048) is low; Windows
# imports 10,000+ without delay.
_MODERN_ROUNDS = 20_000
_LEGACY_ROUNDS = 2048  # what old importers were tested with


class P12Encryption(enum.Enum):
    MODERN = "aes256"
    LEGACY = "3des"

    @property
    def label(self) -> str:
        return {
            "aes256": N_("modern: AES-256, PBKDF2 (Windows 10 1709+ / Server 2019+)"),
            "3des": N_("legacy: 3DES, SHA-1 (older Windows and appliances)"),
        }[self.value]


@dataclass(frozen=True)
class P12Result:
    path: Path
    subject_cn: str
    chain_names: tuple[str, ...]  # the CA certificates included, issuer first
    encryption: P12Encryption


def _encryption(password: bytes, encryption: P12Encryption) -> object:
    builder = PrivateFormat.PKCS12.encryption_builder()
    if encryption is P12Encryption.MODERN:
        builder = (
            builder.kdf_rounds(_MODERN_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
        )
    else:
        builder = (
            builder.kdf_rounds(_LEGACY_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
            .hmac_hash(hashes.SHA1())
        )
    return builder.build(password)


def _check_password(password: bytes) -> None:
    problem = password_problem(password)
    if problem:
        raise CmsInputError("password", problem)
    if not password:
        raise CmsInputError("password", N_("is empty; a PKCS#12 file carries the private key, so give it a password"))
    if len(password) < 8:
        raise CmsInputError(
            "password", N_("is shorter than 8 characters; the file carries the private key: choose a longer one")
        )


def p12_bytes(
    key: PrivateKey,
    files: Sequence[LoadedFile],
    *,
    password: bytes,
    encryption: P12Encryption = P12Encryption.MODERN,
    include_root: bool = True,
    friendly_name: str = "",
) -> tuple[bytes, P12Result]:
    """Key + its certificate + the chain found in `files`, encrypted; the entity is the one matching the key."""
    _check_password(password)
    pile = collect(files)
    entities = [item for item in pile if key_matches(key, item.certificate)]
    if not entities:
        names = ", ".join(f.name for f in files) or "-"
        raise CmsInputError(
            names, N_("holds no certificate for this private key; give the certificate your CA issued for it")
        )
    found = auto_order(pile)
    chain = next(
        (c.items for c in found.chains if c.items[0].fingerprint == entities[0].fingerprint),
        (entities[0],),
    )
    return p12_from_chain(
        key,
        chain,
        password=password,
        encryption=encryption,
        include_root=include_root,
        friendly_name=friendly_name,
    )


def p12_from_chain(
    key: PrivateKey,
    chain: Sequence[ChainItem],
    *,
    password: bytes,
    encryption: P12Encryption = P12Encryption.MODERN,
    include_root: bool = True,
    friendly_name: str = "",
) -> tuple[bytes, P12Result]:
    """Key + an ordered chain (entity first, as the chain builder shows it), encrypted."""
    _check_password(password)
    if not chain or not key_matches(key, chain[0].certificate):
        raise CmsInputError(
            chain[0].subject_cn if chain else "PKCS#12",
            N_("is not the certificate of this private key; choose the key that belongs to it"),
        )
    cas = list(chain[1:])
    if not include_root and cas and role_of(cas[-1]) is Role.ROOT:
        cas = cas[:-1]
    if has_control(friendly_name):
        raise CmsInputError(
            "friendly name",
            Text(
                N_("{value} holds control characters; Windows and OpenSSL show it as typed: retype it"),
                value=friendly_name,
            ),
        )
    # A CN is data from a file: escaped, so no ESC, BEL or bidi override reaches whoever lists the store.
    name = (friendly_name or escape(chain[0].subject_cn)).encode()
    data = pkcs12.serialize_key_and_certificates(
        name,
        key,  # type: ignore[arg-type]
        chain[0].certificate,
        [item.certificate for item in cas] or None,
        _encryption(password, encryption),  # type: ignore[arg-type]
    )
    # Read it back before anyone gets it: the key and certificate must come out as they went in.
    back = pkcs12.load_pkcs12(data, password)
    if back.key is None or back.cert is None or not key_matches(back.key, back.cert.certificate):  # type: ignore[arg-type]
        raise CmsInputError("PKCS#12", N_("did not read back correctly; nothing was written"))
    if len(back.additional_certs) != len(cas):
        raise CmsInputError("PKCS#12", N_("did not read back correctly; nothing was written"))
    return data, P12Result(Path(), chain[0].subject_cn, tuple(item.subject_cn for item in cas), encryption)


def write_p12(
    out: Path,
    key: PrivateKey,
    files: Sequence[LoadedFile],
    *,
    password: bytes,
    encryption: P12Encryption = P12Encryption.MODERN,
    include_root: bool = True,
    friendly_name: str = "",
    replace: bool = False,
) -> P12Result:
    """Write the PKCS#12 file atomically, mode 0600 (it holds the private key)."""
    if out.suffix.lower() not in (".p12", ".pfx"):
        raise CmsInputError(str(out), N_("should end in .p12 or .pfx so importers recognise it"))
    data, result = p12_bytes(
        key, files, password=password, encryption=encryption, include_root=include_root, friendly_name=friendly_name
    )
    write_files([OutputFile(out, data, private=True, replace=replace)])
    return P12Result(out, result.subject_cn, result.chain_names, encryption)
