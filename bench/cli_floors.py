"""The honest floors for the CLI lines: the same cryptography calls in a bare script, with no argument
parsing, checks or messages (run by bench/run.py).

`verify LEAF BUNDLE`: load both PEM files, trust the self-signed ones, verify with PolicyBuilder.
`csr BASENAME [rsa2048]`: an EC P-256 key (or RSA-2048), PKCS#8 PEM, a CSR with a SAN, both files
written and fsynced (the key 0600), as `pki csr` writes them.

Each sub-command imports only what it uses (writing a key pulls in `serialization`: SSH, bcrypt,
dataclasses), so neither floor pays for the other's imports."""

import sys


def verify(leaf_path: str, bundle_path: str) -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.x509.verification import PolicyBuilder, Store

    with open(leaf_path, "rb") as leaf_file, open(bundle_path, "rb") as bundle_file:
        leaf = x509.load_pem_x509_certificates(leaf_file.read())[0]
        others = x509.load_pem_x509_certificates(bundle_file.read())
    roots = [c for c in others if c.issuer == c.subject]
    verifier = PolicyBuilder().store(Store(roots)).time(dt.datetime.now(dt.UTC)).build_client_verifier()
    chain = verifier.verify(leaf, [c for c in others if c not in roots]).chain
    print(" → ".join(c.subject.rfc4514_string() for c in chain))


def _write(name: str, data: bytes, mode: int) -> None:
    import os

    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def csr(base: str, key_type: str) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID

    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if key_type == "rsa2048"
        else ec.generate_private_key(ec.SECP256R1())
    )
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cms1.example.com")]))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("cms1.example.com")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    _write(f"{base}.key", pem, 0o600)
    _write(f"{base}.csr", request.public_bytes(serialization.Encoding.PEM), 0o644)


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3])
    else:
        csr(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "ec256")
