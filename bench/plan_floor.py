"""The floor of `cmswizard plan apply`: one process making the same keys, CSRs and database-cluster
certificates with `cryptography`, every file written and fsynced (run as a process by bench/plan_apply.py).

`manifest(folder)` reads what one `plan apply` made in `folder` (outside any timing) and lists, per
key: its type and size, and the CSR or certificate made with it (subject, extensions as their DER,
who signs). `python plan_floor.py MANIFEST.json` then makes them all again in the current folder —
nothing else: no plan to read, no checks, no sheet, no messages."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def manifest(folder: Path) -> list[dict[str, Any]]:
    """What the apply in `folder` made, in an order a CA comes before what it signs."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    def subject(name: x509.Name) -> list[list[str]]:
        return [[attribute.oid.dotted_string, str(attribute.value)] for attribute in name]

    def extensions(found: x509.Extensions) -> list[list[Any]]:
        skip = (x509.SubjectKeyIdentifier.oid, x509.AuthorityKeyIdentifier.oid)  # made from the new keys
        return [[e.oid.dotted_string, e.critical, e.value.public_bytes().hex()] for e in found if e.oid not in skip]

    items: list[dict[str, Any]] = []
    for key_path in sorted(folder.glob("*.key")):
        key = load_pem_private_key(key_path.read_bytes(), None)
        item: dict[str, Any] = {"key": key_path.name}
        if isinstance(key, rsa.RSAPrivateKey):
            item["rsa"] = key.key_size
        else:
            assert isinstance(key, ec.EllipticCurvePrivateKey)
            item["ec"] = key.curve.name
        csr_path, crt_path = key_path.with_suffix(".csr"), key_path.with_suffix(".crt")
        if csr_path.exists():
            csr = x509.load_pem_x509_csr(csr_path.read_bytes())
            item["csr"] = {"file": csr_path.name, "subject": subject(csr.subject), "ext": extensions(csr.extensions)}
        if crt_path.exists():
            cert = x509.load_pem_x509_certificate(crt_path.read_bytes())
            item["crt"] = {
                "file": crt_path.name,
                "subject": subject(cert.subject),
                "ext": extensions(cert.extensions),
                "days": (cert.not_valid_after_utc - cert.not_valid_before_utc).days,
                "ca": cert.issuer == cert.subject,
                "issuer": cert.issuer.rfc4514_string(),
            }
        items.append(item)
    return sorted(items, key=lambda item: not item.get("crt", {}).get("ca", False))


def _write(name: str, data: bytes, mode: int) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def make(items: list[dict[str, Any]]) -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    def name(pairs: list[list[str]]) -> x509.Name:
        return x509.Name([x509.NameAttribute(x509.ObjectIdentifier(oid), value) for oid, value in pairs])

    def raw(entries: list[list[Any]]) -> list[tuple[x509.UnrecognizedExtension, bool]]:
        return [
            (x509.UnrecognizedExtension(x509.ObjectIdentifier(oid), bytes.fromhex(der)), crit)
            for oid, crit, der in entries
        ]

    authorities: dict[str, tuple[Any, x509.Name]] = {}
    now = dt.datetime.now(dt.UTC)
    for item in items:
        key: Any = (
            rsa.generate_private_key(public_exponent=65537, key_size=item["rsa"])
            if "rsa" in item
            else ec.generate_private_key(ec.SECP384R1() if item["ec"] == "secp384r1" else ec.SECP256R1())
        )
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _write(item["key"], pem, 0o600)
        csr = None
        if "csr" in item:
            builder = x509.CertificateSigningRequestBuilder().subject_name(name(item["csr"]["subject"]))
            for extension, critical in raw(item["csr"]["ext"]):
                builder = builder.add_extension(extension, critical)
            csr = builder.sign(key, hashes.SHA256())
            _write(item["csr"]["file"], csr.public_bytes(serialization.Encoding.PEM), 0o644)
        if "crt" in item:
            spec = item["crt"]
            subject = name(spec["subject"])
            signer, issuer = (key, subject) if spec["ca"] else authorities[spec["issuer"]]
            builder = (
                x509.CertificateBuilder()
                .subject_name(subject)
                .issuer_name(issuer)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now)
                .not_valid_after(now + dt.timedelta(days=spec["days"]))
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key()), False)
            )
            for extension, critical in raw(spec["ext"]):
                builder = builder.add_extension(extension, critical)
            certificate = builder.sign(signer, hashes.SHA256())
            _write(spec["file"], certificate.public_bytes(serialization.Encoding.PEM), 0o644)
            if spec["ca"]:
                authorities[subject.rfc4514_string()] = (key, subject)


if __name__ == "__main__":
    make(json.loads(Path(sys.argv[1]).read_text()))
