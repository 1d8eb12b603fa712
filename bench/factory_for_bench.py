"""Files for the verify benchmarks: a 3-level chain, and a trust file with many roots."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from helpers.factory import hierarchy, issue, new_key


def chain_files(work: Path) -> tuple[Path, Path, Path, Path]:
    """leaf, CA bundle (intermediates + root), root alone, leaf + intermediates (what a server sends)."""
    h = hierarchy(depth=2, rsa_bits=2048)
    leaf, bundle, root, sent = (work / n for n in ("leaf.pem", "ca-bundle.pem", "root.pem", "sent.pem"))
    leaf.write_bytes(h.leaf.pem)
    bundle.write_bytes(b"".join(c.pem for c in h.chain[1:]))
    root.write_bytes(h.root.pem)
    sent.write_bytes(b"".join(c.pem for c in h.chain[:-1]))
    return leaf, bundle, root, sent


def many_roots(work: Path, real_root: Path, count: int) -> Path:
    roots = [issue(f"Bench Root {n}", ca=True).pem for n in range(count - 1)]
    path = work / "roots.pem"
    path.write_bytes(b"".join(roots[: count // 2]) + real_root.read_bytes() + b"".join(roots[count // 2 :]))
    return path


def rsa_chain_objects() -> tuple[x509.Certificate, list[x509.Certificate], x509.Certificate]:
    """leaf, intermediates (issuer of the leaf first), root: RSA-2048, 3 levels, as certificate objects."""
    h = hierarchy(depth=2, rsa_bits=2048)
    return h.leaf.cert, [c.cert for c in reversed(h.intermediates)], h.root.cert


def rsa_leaves_under_one_ca(count: int) -> tuple[list[bytes], list[bytes]]:
    """`count` different leaves (each its own name, serial and signature; one RSA-2048 key among them,
    which verification never uses) issued by one RSA-2048 3-level CA, as DER; and the CA certificates
    (issuer of the leaves first, the root last), as DER: what a check page reads from many files."""
    h = hierarchy(depth=2, rsa_bits=2048)
    issuer, key = h.intermediates[-1], new_key(2048)
    leaves = [
        issue(f"cms{n}.example.com", issuer, key=key, san=[f"cms{n}.example.com", "join.example.com"])
        for n in range(count)
    ]
    return [leaf.cert.public_bytes(Encoding.DER) for leaf in leaves], [
        c.cert.public_bytes(Encoding.DER) for c in (*reversed(h.intermediates), h.root)
    ]
