"""Finishing a database-cluster set that an interrupted run left half made.

`write_db_cluster` writes the whole set in one all-or-nothing write, but a kill -9 while the files are
linked into place leaves some of them. With the set's own CA (dbca.key and dbca.crt, a matching pair)
still there, the rest can be made exactly as the first run would have: a key (kept when it is there),
its request, and its certificate signed by dbca. Without the CA nothing is made: that is someone's set,
not a half-made one of this tool, and the admin decides.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.dbcluster import DbCluster
from cmswizard.pki.ca import issue_certificate
from cmswizard.pki.csr import build_csr
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, read_input_file, write_files
from cmswizard.pki.keys import PrivateKey, generate_private_key, private_key_pem, public_key_der
from cmswizard.pki.loader import load_bytes
from cmswizard.pki.profiles import LEAF_DAYS, Usage

__all__ = ["can_finish", "finish_db_cluster"]

CA_KEY, CA_CERTIFICATE = "dbca.key", "dbca.crt"


def _ca(folder: Path) -> tuple[PrivateKey, x509.Certificate] | None:
    """The set's CA, when both its files are there and belong together."""
    try:
        key_file = load_bytes(read_input_file(folder / CA_KEY), CA_KEY)
        cert_file = load_bytes(read_input_file(folder / CA_CERTIFICATE), CA_CERTIFICATE)
    except CmsInputError:
        return None
    if not key_file.keys or not cert_file.certificates:
        return None
    key, certificate = key_file.keys[0], cert_file.certificates[0]
    if public_key_der(key.public_key()) != public_key_der(certificate.public_key()):
        return None
    return key, certificate


def _own_key(folder: Path, name: str) -> PrivateKey | None:
    try:
        loaded = load_bytes(read_input_file(folder / name), name)
    except CmsInputError:
        return None
    return loaded.keys[0] if loaded.keys else None


def can_finish(plan: DbCluster, folder: Path) -> bool:
    """Is this partial set one `finish_db_cluster` completes (its CA there, no certificate without key)?"""
    if plan.enterprise_ca or _ca(folder) is None:
        return False
    for spec in (plan.server, plan.client):
        key, crt = folder / f"{spec.basename}.key", folder / f"{spec.basename}.crt"
        if crt.exists() and not key.exists():
            return False
        if key.exists() and _own_key(folder, key.name) is None:
            return False
    return True


def finish_db_cluster(plan: DbCluster, folder: Path, *, days: int = LEAF_DAYS) -> list[Path]:
    """Make what is missing of the set from its CA, in one all-or-nothing write; the files made."""
    found = _ca(folder)
    if found is None or not can_finish(plan, folder):
        return []
    ca_key, ca_certificate = found
    outputs: list[OutputFile] = []
    for spec, usage in ((plan.server, Usage.SERVER_CLIENT), (plan.client, Usage.CLIENT)):
        key_name, csr_name, crt_name = (f"{spec.basename}.{suffix}" for suffix in ("key", "csr", "crt"))
        if (folder / crt_name).exists() and (folder / csr_name).exists():
            continue
        key = _own_key(folder, key_name) if (folder / key_name).exists() else None
        if key is None:
            key = generate_private_key(spec.key_type)
            outputs.append(OutputFile(folder / key_name, private_key_pem(key), private=True))
        csr = build_csr(spec, key)
        if not (folder / csr_name).exists():
            outputs.append(OutputFile(folder / csr_name, csr.public_bytes(Encoding.PEM)))
        if not (folder / crt_name).exists():
            signed = issue_certificate(csr, ca_key, ca_certificate, days=days, usage=usage)
            outputs.append(OutputFile(folder / crt_name, signed.certificate.public_bytes(Encoding.PEM)))
    return write_files(outputs) if outputs else []
