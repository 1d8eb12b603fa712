"""Making the private key and the certificate signing request, as `pki csr` does on the CMS."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from cmswizard.pki.files import OutputFile, check_can_write, write_files
from cmswizard.pki.keys import PrivateKey, generate_private_key, private_key_pem, signature_hash_for
from cmswizard.pki.names import SanEntry, SanKind
from cmswizard.pki.spec import CsrSpec

__all__ = ["CsrResult", "build_csr", "build_name", "csr_file_paths", "generate_key_and_csr", "san_extension"]


@dataclass(frozen=True)
class CsrResult:
    key_path: Path
    csr_path: Path
    csr: x509.CertificateSigningRequest


def build_name(spec: CsrSpec) -> x509.Name:
    """Subject in the conventional order (C, ST, L, O, OU, CN), as `openssl` and the MMP print it."""
    attributes = [
        (NameOID.COUNTRY_NAME, spec.c),
        (NameOID.STATE_OR_PROVINCE_NAME, spec.st),
        (NameOID.LOCALITY_NAME, spec.l),
        (NameOID.ORGANIZATION_NAME, spec.o),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, spec.ou),
        (NameOID.COMMON_NAME, spec.cn),
    ]
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes if value is not None])


def _general_name(entry: SanEntry) -> x509.GeneralName:
    if entry.kind is SanKind.IP:
        return x509.IPAddress(ipaddress.ip_address(entry.value))
    if entry.kind is SanKind.EMAIL:
        return x509.RFC822Name(entry.value)
    return x509.DNSName(entry.value)


def san_extension(entries: tuple[SanEntry, ...]) -> x509.SubjectAlternativeName:
    return x509.SubjectAlternativeName([_general_name(entry) for entry in entries])


def build_csr(spec: CsrSpec, key: PrivateKey) -> x509.CertificateSigningRequest:
    builder = x509.CertificateSigningRequestBuilder().subject_name(build_name(spec))
    if spec.san:
        builder = builder.add_extension(san_extension(spec.san), critical=False)
    return builder.sign(key, signature_hash_for(key))


def csr_file_paths(spec: CsrSpec, folder: Path, *, force: bool = False) -> tuple[Path, Path]:
    """The key and CSR paths; raises before any key is made if the key exists and force is off."""
    key_path = folder / f"{spec.basename}.key"
    csr_path = folder / f"{spec.basename}.csr"
    check_can_write([OutputFile(key_path, b"", private=True, replace=force), OutputFile(csr_path, b"", replace=True)])
    return key_path, csr_path


def generate_key_and_csr(
    spec: CsrSpec, folder: Path, *, force: bool = False, key: PrivateKey | None = None
) -> CsrResult:
    """Write `<basename>.key` (0600) and `<basename>.csr` into `folder`, both or neither. `key`: a key
    just made by `generate_private_key(spec.key_type)`, for a caller that uses it again afterwards."""
    key_path, csr_path = csr_file_paths(spec, folder, force=force)
    key = key or generate_private_key(spec.key_type)
    csr = build_csr(spec, key)
    write_files(
        [
            OutputFile(key_path, private_key_pem(key), private=True, replace=force),
            OutputFile(csr_path, csr.public_bytes(Encoding.PEM), replace=True),
        ]
    )
    return CsrResult(key_path, csr_path, csr)
