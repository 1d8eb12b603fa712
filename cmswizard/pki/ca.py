"""The small built-in CA, as `pki selfsigned` and `pki sign` on the MMP (used for the DB cluster)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cmswizard.pki.csr import build_name
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.files import OutputFile, check_can_write, write_files
from cmswizard.pki.keys import (
    PrivateKey,
    generate_private_key,
    private_key_pem,
    public_key_der,
    signature_hash_for,
)
from cmswizard.pki.loader import load_file, load_private_key
from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS, Usage
from cmswizard.pki.spec import DB_CLIENT_CN, CsrSpec

__all__ = [
    "CA_DAYS",
    "LEAF_DAYS",
    "SignedCertificate",
    "Usage",
    "issue_certificate",
    "make_self_signed_ca",
    "sign_csr_file",
    "usage_for",
    "write_self_signed_ca",
]

_T = TypeVar("_T")
# Backdate a little: a CMS whose clock runs a few minutes slow must not see "not yet valid".
_BACKDATE = dt.timedelta(minutes=5)


_USAGE_OIDS = {
    Usage.SERVER_CLIENT: [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH],
    Usage.SERVER: [ExtendedKeyUsageOID.SERVER_AUTH],
    Usage.CLIENT: [ExtendedKeyUsageOID.CLIENT_AUTH],
}


def usage_for(csr: x509.CertificateSigningRequest) -> Usage:
    """Client-only for the DB client (CN postgres); server and client for everything else."""
    names = csr.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names and names[0].value == DB_CLIENT_CN:
        return Usage.CLIENT
    return Usage.SERVER_CLIENT


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


_LAST_MOMENT = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)  # the end of X.509 GeneralizedTime


def _end_of_validity(start: dt.datetime, days: int) -> dt.datetime:
    if days < 1:
        raise CmsInputError("--days", N_("must be at least 1"))
    most = (_LAST_MOMENT - start).days
    if days > most:
        raise CmsInputError(
            "--days",
            Text(
                N_("{days} days would end after the year 9999, where certificate dates end; use at most {most}"),
                days=days,
                most=most,
            ),
        )
    return start + dt.timedelta(days=days)


def make_self_signed_ca(
    spec: CsrSpec, *, days: int = CA_DAYS, key: PrivateKey | None = None, now: dt.datetime | None = None
) -> tuple[PrivateKey, x509.Certificate]:
    """A CA certificate (CA:TRUE, keyCertSign + cRLSign, both critical) and its new key."""
    start = (now or _now()) - _BACKDATE
    end = _end_of_validity(start, days)
    key = key or generate_private_key(spec.key_type)
    name = build_name(spec)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski), critical=False)
    )
    if spec.san:
        from cmswizard.pki.csr import san_extension

        builder = builder.add_extension(san_extension(spec.san), critical=False)
    return key, builder.sign(key, signature_hash_for(key))


def write_self_signed_ca(
    spec: CsrSpec, folder: Path, *, days: int = CA_DAYS, force: bool = False
) -> tuple[Path, Path, x509.Certificate]:
    key_path, cert_path = folder / f"{spec.basename}.key", folder / f"{spec.basename}.crt"
    check_can_write([OutputFile(key_path, b"", private=True, replace=force), OutputFile(cert_path, b"", replace=force)])
    key, certificate = make_self_signed_ca(spec, days=days)
    write_files(
        [
            OutputFile(key_path, private_key_pem(key), private=True, replace=force),
            OutputFile(cert_path, certificate.public_bytes(Encoding.PEM), replace=force),
        ]
    )
    return key_path, cert_path, certificate


@dataclass(frozen=True)
class SignedCertificate:
    certificate: x509.Certificate
    notes: tuple[str, ...]


def _check_issuer(ca_key: PrivateKey, ca_cert: x509.Certificate, where: str) -> None:
    try:
        constraints = ca_cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or not constraints.ca:
        raise CmsInputError(where, N_("is not a CA certificate (basicConstraints CA:TRUE missing); sign with a CA"))
    if public_key_der(ca_key.public_key()) != public_key_der(ca_cert.public_key()):
        raise CmsInputError(where, N_("does not belong to the CA key given; use the CA's own .key and .crt"))


def issue_certificate(
    csr: x509.CertificateSigningRequest,
    ca_key: PrivateKey,
    ca_cert: x509.Certificate,
    *,
    days: int = LEAF_DAYS,
    usage: Usage | None = None,
    now: dt.datetime | None = None,
    where: str = "CSR",
) -> SignedCertificate:
    """Sign a CSR, carrying every SAN it requests into the certificate."""
    if not csr.is_signature_valid:
        raise CmsInputError(where, N_("has a signature that does not verify (altered or damaged); make a new CSR"))
    _check_issuer(ca_key, ca_cert, "CA certificate")
    if public_key_der(csr.public_key()) == public_key_der(ca_key.public_key()):
        raise CmsInputError(
            where,
            N_(
                "requests a certificate for the CA's own key; a CA does not sign itself a leaf — make a new key and CSR"
            ),
        )
    notes: list[str] = []
    start = (now or _now()) - _BACKDATE
    end = _end_of_validity(start, days)
    if end > ca_cert.not_valid_after_utc:
        end = ca_cert.not_valid_after_utc
        notes.append(f"validity shortened to the CA's own expiry, {end:%Y-%m-%d}")
    if ca_cert.not_valid_after_utc < start + _BACKDATE:
        raise CmsInputError(
            "CA certificate",
            Text(
                N_("expired on {not_valid_after_utc:%Y-%m-%d}; make a new CA"),
                not_valid_after_utc=ca_cert.not_valid_after_utc,
            ),
        )
    usage = usage or usage_for(csr)
    public_key = csr.public_key()
    is_rsa = isinstance(public_key, rsa.RSAPublicKey)  # keyEncipherment means RSA key transport; never Ed25519/EC
    try:
        ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        aki = x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski)
    except x509.ExtensionNotFound:
        aki = x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key())
    builder = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=is_rsa,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage(_USAGE_OIDS[usage]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(aki, critical=False)
    )
    try:
        san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        san = None
    if san is not None:
        builder = builder.add_extension(san.value, critical=san.critical)
    return SignedCertificate(builder.sign(ca_key, signature_hash_for(ca_key)), tuple(notes))


def _the_only(items: Sequence[_T], path: Path, want: str) -> _T:
    """The one CSR or CA certificate a file must hold."""
    if len(items) != 1:
        found = as_message(N_("nothing of that kind")) if not items else Text(N_("{count} of them"), count=len(items))
        raise CmsInputError(
            str(path), Text(N_("should hold {want} but holds {found}"), want=as_message(want), found=found)
        )
    return items[0]


def sign_csr_file(
    basename: str,
    ca_basename: str,
    folder: Path,
    *,
    days: int = LEAF_DAYS,
    usage: Usage | None = None,
    force: bool = False,
) -> tuple[Path, SignedCertificate]:
    """`pki sign <basename> <ca-basename>`: <basename>.csr + <ca>.key/.crt → <basename>.crt."""
    from cmswizard.pki.spec import check_basename

    basename, ca_basename = check_basename(basename), check_basename(ca_basename)
    if basename == ca_basename:
        raise CmsInputError(
            basename,
            N_(
                "is the CA itself: its certificate would be replaced by a CA:FALSE leaf; sign another request, or make a new CA with pki selfsigned"
            ),
        )
    csr_path = folder / f"{basename}.csr"
    out_path = folder / f"{basename}.crt"
    check_can_write([OutputFile(out_path, b"", replace=force)])
    csr = _the_only(load_file(csr_path).csrs, csr_path, N_("one CSR"))
    ca_path = folder / f"{ca_basename}.crt"
    ca_cert = _the_only(load_file(ca_path).certificates, ca_path, N_("one CA certificate"))
    ca_key = load_private_key(folder / f"{ca_basename}.key")
    signed = issue_certificate(csr, ca_key, ca_cert, days=days, usage=usage, where=str(csr_path))
    write_files([OutputFile(out_path, signed.certificate.public_bytes(Encoding.PEM), replace=force)])
    return out_path, signed
