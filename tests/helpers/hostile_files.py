"""Files an attacker or an unlucky admin hands the tool: built once, written into a test's folder on demand."""

from __future__ import annotations

import base64
import os
import warnings
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from helpers.factory import NOW, Hierarchy, Issued, hierarchy, issue, new_key


def _pem(der: bytes) -> bytes:
    return b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(der) + b"-----END CERTIFICATE-----\n"


def _duplicate_san(h: Hierarchy) -> bytes:
    """A certificate whose extensions hold subjectAltName twice (a private OID renamed after signing)."""
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "dup.example.com")]))
        .issuer_name(h.root.cert.subject)
        .public_key(h.leaf.key.public_key())
        .serial_number(7)
        .not_valid_before(h.leaf.cert.not_valid_before_utc)
        .not_valid_after(h.leaf.cert.not_valid_after_utc)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("dup.example.com")]), False)
        .add_extension(
            x509.UnrecognizedExtension(x509.ObjectIdentifier("1.2.3.4"), b"\x30\x11\x82\x0fdup.example.com"), False
        )
        .sign(h.root.key, h.root.cert.signature_hash_algorithm)  # type: ignore[arg-type]
    )
    der = certificate.public_bytes(Encoding.DER)
    return _pem(der.replace(b"\x06\x03\x2a\x03\x04", b"\x06\x03\x55\x1d\x11"))


def _broken_self_signature() -> tuple[Issued, Issued]:
    """A CA that names itself as issuer but whose signature does not verify, and a leaf it issued."""
    ca = issue("Broken Root CA", ca=True)
    der = bytearray(ca.der)
    der[-3] ^= 0x01  # inside the signature value
    broken = Issued(x509.load_der_x509_certificate(bytes(der)), ca.key)
    leaf = issue("broken-leaf.example.com", ca)
    return broken, leaf


def _named(cn: str, h: Hierarchy) -> Issued:
    with warnings.catch_warnings():  # the library warns about CNs over 64 characters; that is the point
        warnings.simplefilter("ignore", UserWarning)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn, _validate=False)])
    return issue("x.example.com", h.intermediates[0], subject=subject)


def _many_leaves(h: Hierarchy, count: int) -> bytes:
    key = new_key()
    return b"".join(issue(f"leaf{n}.example.com", h.root, key=key).pem for n in range(count))


def build(h: Hierarchy) -> dict[str, bytes]:
    """Name → content of every hostile file the catalogue rows use (written only when a row names it)."""
    broken, broken_leaf = _broken_self_signature()
    deep = hierarchy(depth=3, prefix="Deep")
    ca = h.intermediates[0]
    from cmswizard.pki.csr import build_csr
    from cmswizard.pki.spec import CsrSpec

    return {
        "begins.pem": b"-----BEGIN CERTIFICATE-----\n" * 40_000,
        "begins-base64.pem": b"-----BEGIN CERTIFICATE-----\nMIIB" * 30_000,
        "end-only.pem": h.leaf.pem + b"-----END CERTIFICATE-----\n",
        "mismatch.pem": b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END PRIVATE KEY-----\n",
        "huge.pem": b"A" * (10 * 1024 * 1024 + 10),
        "dup.crt": _duplicate_san(h),
        "broken-root.crt": broken.pem,
        "broken-leaf.crt": broken_leaf.pem,
        "gap.pem": b"".join(c.pem for c in deep.chain if c is not deep.intermediates[1]),
        "gap-leaf.crt": deep.leaf.pem,
        "evil.crt": _named("evil.example.com\ncmswizard: verified: all good\x1b]0;pwned\x07", h).pem,
        "long-cn.crt": _named("x" * 65_000, h).pem,
        "leaves.pem": _many_leaves(h, 300),
        "caself.csr": build_csr(CsrSpec("caself", "ca.example.com"), ca.key).public_bytes(Encoding.PEM),
        "many-keys.pem": h.leaf.key_pem * 17,
        "a:b": h.leaf.pem,
        "q?": h.leaf.pem,
        "a\nb.crt": h.leaf.pem,
        "notes\x1b[2J.crt": h.leaf.pem,
    }


def make_special(folder: Path, argv: list[str]) -> None:
    """A FIFO, links and a plain file where folders are expected, for the rows that name them."""
    text = " ".join(argv)
    if "pipe.pem" in text:
        os.mkfifo(folder / "pipe.pem")
    if "dangling" in text:
        (folder / "dangling.crt").symlink_to(folder / "nowhere.crt")
    if "vanished" in text:
        (folder / "vanished.key").symlink_to(folder / "nowhere" / "vanished.key")
    if "link.crt" in text:
        (folder / "link.crt").symlink_to(folder / "leaf.crt")
    if "afile" in text:
        (folder / "afile").write_bytes(b"a file, not a folder\n")
    # export folders on a stick with something in the way (issue 30): found before copying
    if "stick-link" in text:
        (folder / "stick-link").mkdir()
        (folder / "stick-link" / "SHA256SUMS").symlink_to(folder / "nowhere-sums")
    if "stick-dir" in text:
        (folder / "stick-dir" / "leaf.crt").mkdir(parents=True)
    if "stick-case" in text:
        (folder / "stick-case").mkdir()
        (folder / "stick-case" / "LEAF.CRT").write_bytes(b"another file\n")


__all__ = ["NOW", "build", "make_special"]
