"""`pki list`: the keys, CSRs and certificates in a folder, and which key belongs to which."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cmswizard.pki.chain import common_name
from cmswizard.pki.errors import N_, CmsInputError
from cmswizard.pki.inspect import expiry_status
from cmswizard.pki.keys import public_key_der
from cmswizard.pki.loader import PasswordRequired, load_file

__all__ = ["ListedFile", "list_folder"]

_SUFFIXES = {".key", ".csr", ".crt", ".cer", ".pem", ".der", ".p7b", ".p7c", ".pfx", ".p12", ".req"}


@dataclass(frozen=True)
class ListedFile:
    name: str
    kind: str  # "private key", "CSR", "certificate", "bundle (3 certificates)", "unreadable"
    cn: str
    expiry: str
    matches: tuple[str, ...]  # the other files holding the same public key
    note: str = ""


def list_folder(folder: Path, *, at: dt.datetime | None = None) -> list[ListedFile]:
    if not folder.is_dir():
        raise CmsInputError(str(folder), N_("is not a folder"))
    rows: list[tuple[Path, str, str, str, bytes | None, str]] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES):
        try:
            loaded = load_file(path)
        except PasswordRequired:
            rows.append((path, "password-protected", "", "", None, "needs a password: use pki inspect"))
            continue
        except CmsInputError as error:
            rows.append((path, "unreadable", "", "", None, error.message))
            continue
        if loaded.certificates:
            first = loaded.certificates[0]
            count = len(loaded.certificates)
            kind = "certificate" if count == 1 else f"bundle ({count} certificates)"
            rows.append(
                (
                    path,
                    kind,
                    common_name(first.subject),
                    expiry_status(first, at),
                    public_key_der(first.public_key()),
                    "",
                )
            )
        elif loaded.csrs:
            csr = loaded.csrs[0]
            rows.append((path, "CSR", common_name(csr.subject), "", public_key_der(csr.public_key()), ""))
        else:
            rows.append((path, "private key", "", "", public_key_der(loaded.keys[0].public_key()), ""))
    listed = []
    for path, kind, cn, expiry, spki, note in rows:
        partners = tuple(
            other.name for other, _, _, _, other_spki, _ in rows if other != path and spki and other_spki == spki
        )
        listed.append(ListedFile(path.name, kind, cn, expiry, partners, note))
    return listed
