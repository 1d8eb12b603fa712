"""`pki inspect`: the facts of a certificate, CSR or key, for people (text) and programs (JSON).

Private key material is never part of the output: only the key's type, size and fingerprint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID

from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.keys import PrivateKey, describe_public_key, public_key_der
from cmswizard.pki.loader import LoadedFile
from cmswizard.pki.safe_text import shown

__all__ = [
    "Facts",
    "days_left",
    "describe_certificate",
    "describe_csr",
    "describe_key",
    "describe_loaded",
    "expiry_status",
]

_EKU_NAMES = {
    ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth",
    ExtendedKeyUsageOID.CLIENT_AUTH: "clientAuth",
    ExtendedKeyUsageOID.CODE_SIGNING: "codeSigning",
    ExtendedKeyUsageOID.EMAIL_PROTECTION: "emailProtection",
    ExtendedKeyUsageOID.TIME_STAMPING: "timeStamping",
    ExtendedKeyUsageOID.OCSP_SIGNING: "OCSPSigning",
}
_KEY_USAGE_FIELDS = (
    ("digital_signature", "digitalSignature"),
    ("content_commitment", "nonRepudiation"),
    ("key_encipherment", "keyEncipherment"),
    ("data_encipherment", "dataEncipherment"),
    ("key_agreement", "keyAgreement"),
    ("key_cert_sign", "keyCertSign"),
    ("crl_sign", "cRLSign"),
)


@dataclass(frozen=True)
class Facts:
    kind: str  # "certificate", "certificate request", "private key"
    source: str
    subject: str = ""
    issuer: str = ""
    san: list[str] = field(default_factory=list)
    not_before: str = ""
    not_after: str = ""
    days_left: int | None = None
    status: str = ""
    key: str = ""
    signature_algorithm: str = ""
    serial: str = ""
    sha256: str = ""
    sha1: str = ""
    basic_constraints: str = ""
    key_usage: list[str] = field(default_factory=list)
    extended_key_usage: list[str] = field(default_factory=list)
    public_key_sha256: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs that apply; the labels are N_() texts the GUI translates, and so is a value
        that is a Text (the type, the status); any other value is data (a name, a file, a date)."""
        rows = [
            (N_("Type"), as_message(self.kind) if self.kind else ""),
            (N_("File"), self.source),
            (N_("Subject"), self.subject),
            (N_("Issuer"), self.issuer),
            (N_("Subject alt names"), _listed(self.san)),
            (N_("Valid from"), self.not_before),
            (N_("Valid until"), self.not_after),
            (N_("Status"), as_message(self.status) if self.status else ""),
            (N_("Key"), self.key),
            (N_("Signature"), self.signature_algorithm),
            (N_("Serial"), self.serial),
            ("SHA-256", self.sha256),
            ("SHA-1", self.sha1),
            (N_("Basic constraints"), self.basic_constraints),
            (N_("Key usage"), ", ".join(self.key_usage)),
            (N_("Extended key usage"), ", ".join(self.extended_key_usage)),
            (N_("Public key SHA-256"), self.public_key_sha256),
        ]
        return [(label, value) for label, value in rows if value]

    def lines(self) -> list[str]:
        """Readable `label: value` lines (English), skipping what does not apply."""
        return [f"{label + ':':<20}{shown(value, 1000)}" for label, value in self.rows()]


_MAX_LISTED = 50


def _listed(names: list[str]) -> str:
    """Names for one readable line: a certificate with 100,000 SANs is shown, not dumped (--json has all)."""
    if len(names) <= _MAX_LISTED:
        return ", ".join(names)
    return ", ".join(names[:_MAX_LISTED]) + f", … and {len(names) - _MAX_LISTED} more"


def _colon_hex(data: bytes) -> str:
    return ":".join(f"{byte:02X}" for byte in data)


def _general_names(names: x509.SubjectAlternativeName) -> list[str]:
    shown = []
    for name in names:
        if isinstance(name, x509.DNSName):
            shown.append(f"DNS:{name.value}")
        elif isinstance(name, x509.IPAddress):
            shown.append(f"IP:{name.value}")
        elif isinstance(name, x509.RFC822Name):
            shown.append(f"email:{name.value}")
        elif isinstance(name, x509.UniformResourceIdentifier):
            shown.append(f"URI:{name.value}")
        else:
            shown.append(f"{type(name).__name__}:{name.value}")
    return shown


def _extension(source: x509.Certificate | x509.CertificateSigningRequest, kind: type[Any]) -> Any:
    try:
        return source.extensions.get_extension_for_class(kind).value
    except (x509.ExtensionNotFound, ValueError):
        return None


def days_left(certificate: x509.Certificate, at: dt.datetime | None = None) -> int:
    """Whole days until expiry; negative for an expired certificate (whole days since it expired)."""
    moment = at or dt.datetime.now(dt.UTC)
    if certificate.not_valid_after_utc >= moment:
        return (certificate.not_valid_after_utc - moment).days
    return -(moment - certificate.not_valid_after_utc).days


def expiry_status(certificate: x509.Certificate, at: dt.datetime | None = None) -> str:
    moment = at or dt.datetime.now(dt.UTC)
    if certificate.not_valid_after_utc < moment:
        return Text(N_("EXPIRED on {date}"), date=f"{certificate.not_valid_after_utc:%Y-%m-%d}")
    if certificate.not_valid_before_utc > moment:
        return Text(N_("NOT YET VALID (from {date})"), date=f"{certificate.not_valid_before_utc:%Y-%m-%d}")
    left = days_left(certificate, moment)
    return Text(N_("valid, expires in {days} day(s)"), days=left)


def _signature_name(source: x509.Certificate | x509.CertificateSigningRequest) -> str:
    oid = source.signature_algorithm_oid
    return oid._name if oid._name != "Unknown OID" else oid.dotted_string


def _public_key_hash(key: Any) -> str:
    return hashlib.sha256(public_key_der(key)).hexdigest()


def describe_certificate(certificate: x509.Certificate, source: str = "", at: dt.datetime | None = None) -> Facts:
    san = _extension(certificate, x509.SubjectAlternativeName)
    constraints = _extension(certificate, x509.BasicConstraints)
    usage = _extension(certificate, x509.KeyUsage)
    eku = _extension(certificate, x509.ExtendedKeyUsage)
    if constraints is None:
        constraints_text = N_("not present (not a CA)")
    elif constraints.ca:
        limit = "" if constraints.path_length is None else f", pathlen {constraints.path_length}"
        constraints_text = f"CA:TRUE{limit}"
    else:
        constraints_text = "CA:FALSE"
    key_usage = []
    if usage is not None:
        key_usage = [label for attribute, label in _KEY_USAGE_FIELDS if getattr(usage, attribute)]
    return Facts(
        kind=N_("certificate"),
        source=source,
        subject=certificate.subject.rfc4514_string(),
        issuer=certificate.issuer.rfc4514_string(),
        san=_general_names(san) if san is not None else [],
        not_before=f"{certificate.not_valid_before_utc:%Y-%m-%d %H:%M:%S} UTC",
        not_after=f"{certificate.not_valid_after_utc:%Y-%m-%d %H:%M:%S} UTC",
        days_left=days_left(certificate, at),
        status=expiry_status(certificate, at),
        key=describe_public_key(certificate.public_key()),
        signature_algorithm=_signature_name(certificate),
        serial=f"{certificate.serial_number:X}",
        sha256=_colon_hex(certificate.fingerprint(hashes.SHA256())),
        sha1=_colon_hex(certificate.fingerprint(hashes.SHA1())),
        basic_constraints=constraints_text,
        key_usage=key_usage,
        extended_key_usage=[_EKU_NAMES.get(oid, oid.dotted_string) for oid in eku] if eku is not None else [],
        public_key_sha256=_public_key_hash(certificate.public_key()),
    )


def describe_csr(csr: x509.CertificateSigningRequest, source: str = "") -> Facts:
    san = _extension(csr, x509.SubjectAlternativeName)
    return Facts(
        kind=N_("certificate request"),
        source=source,
        subject=csr.subject.rfc4514_string(),
        san=_general_names(san) if san is not None else [],
        status=N_("signature verifies")
        if csr.is_signature_valid
        else N_("SIGNATURE DOES NOT VERIFY (damaged or altered)"),
        key=describe_public_key(csr.public_key()),
        signature_algorithm=_signature_name(csr),
        public_key_sha256=_public_key_hash(csr.public_key()),
    )


def describe_key(key: PrivateKey, source: str = "") -> Facts:
    return Facts(
        kind=N_("private key"),
        source=source,
        key=describe_public_key(key.public_key()),
        public_key_sha256=_public_key_hash(key.public_key()),
    )


def describe_loaded(loaded: LoadedFile, at: dt.datetime | None = None) -> list[Facts]:
    return (
        [describe_certificate(c, loaded.name, at) for c in loaded.certificates]
        + [describe_csr(c, loaded.name) for c in loaded.csrs]
        + [describe_key(k, loaded.name) for k in loaded.keys]
    )
