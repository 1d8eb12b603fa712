"""The honest floor for `pki csr --key ec256`: the same cryptography calls in a bare script (EC key,
PKCS#8 PEM, CSR with SAN, two files written), no argument parsing or checks (run by bench/run.py)."""

import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

base = sys.argv[1]
key = ec.generate_private_key(ec.SECP256R1())
csr = (
    x509.CertificateSigningRequestBuilder()
    .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cms1.example.com")]))
    .add_extension(x509.SubjectAlternativeName([x509.DNSName("cms1.example.com")]), critical=False)
    .sign(key, hashes.SHA256())
)
descriptor = os.open(f"{base}.key", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(descriptor, "wb") as out:
    out.write(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
with open(f"{base}.csr", "wb") as out:
    out.write(csr.public_bytes(serialization.Encoding.PEM))
