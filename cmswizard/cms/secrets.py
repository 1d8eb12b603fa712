"""Secrets a plan names (ACME account keys, EAB MAC keys, TSIG keys): never in the plan, never printed.

A reference is a file path (relative to the plan's folder) or `keyring:<service>/<name>` (the OS keyring
through the `keyring` package, when it is installed). Files are read with the one safe reader
(`pki/files.py`) and refused unless only their owner may read them (mode 0600 or stricter; POSIX).
Messages name the file or the keyring entry, never its content.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from cmswizard.pki.errors import N_, CmsInputError, Text

__all__ = ["KEYRING_PREFIX", "TsigKey", "ensure_account_key", "parse_tsig_key", "read_secret", "secret_path"]

KEYRING_PREFIX = "keyring:"
MAX_SECRET_BYTES = 64 * 1024


def secret_path(reference: str, folder: Path) -> Path | None:
    """The file a reference names (None for a keyring entry)."""
    if reference.startswith(KEYRING_PREFIX):
        return None
    path = Path(reference).expanduser()
    return path if path.is_absolute() else folder / path


def check_private_mode(path: Path) -> None:
    """Refuse a secret file that others may read (a key handed to every local user is no secret)."""
    if os.name == "nt":  # Windows has ACLs, not modes; the platform's ACL check covers it
        return
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        raise CmsInputError(str(path), N_("does not exist; check the name and folder")) from None
    except OSError as error:
        raise CmsInputError(str(path), Text(N_("cannot be read: {p}"), p=error.strerror or "error")) from None
    if mode & 0o077:
        raise CmsInputError(
            str(path),
            Text(
                N_("holds a secret but others may read it (mode {mode}); run chmod 600 on it"),
                mode=f"{mode:04o}",
            ),
        )


def read_secret(reference: str, folder: Path) -> bytes:
    """The secret's bytes: from a 0600 file or the OS keyring. Never logged."""
    path = secret_path(reference, folder)
    if path is None:
        service, _, name = reference[len(KEYRING_PREFIX) :].partition("/")
        try:
            import keyring
        except ImportError:
            raise CmsInputError(
                reference, N_("the keyring package is not installed (pip install keyring), or use a 0600 file")
            ) from None
        try:
            value = keyring.get_password(service, name)
        except Exception as error:  # the keyring back-end's own errors vary by OS
            raise CmsInputError(
                reference, Text(N_("the OS keyring did not answer ({kind})"), kind=type(error).__name__)
            ) from None
        if not value:
            raise CmsInputError(reference, N_("is not in the OS keyring; add it (keyring set SERVICE NAME)"))
        return str(value).encode()
    check_private_mode(path)
    from cmswizard.pki.files import read_input_file

    return read_input_file(path, limit=MAX_SECRET_BYTES)


@dataclass(frozen=True)
class TsigKey:
    name: str
    algorithm: str
    secret: str = ""  # base64; kept out of repr

    def __repr__(self) -> str:
        return f"TsigKey({self.name!r}, {self.algorithm!r}, secret=…)"


_KEY = re.compile(
    rb'key\s+"?(?P<name>[^"\s{]+)"?\s*\{[^}]*?algorithm\s+"?(?P<algorithm>[\w.-]+)"?\s*;[^}]*?secret\s+"(?P<secret>[A-Za-z0-9+/=]+)"\s*;',
    re.S,
)


def parse_tsig_key(data: bytes, source: str) -> TsigKey:
    """A BIND key statement as `tsig-keygen` writes it: `key "name" { algorithm hmac-sha256; secret "…"; };`."""
    found = _KEY.search(data)
    if not found:
        raise CmsInputError(
            source,
            N_('is not a TSIG key file; write key "name" { algorithm hmac-sha256; secret "…"; }; (tsig-keygen does)'),
        )
    return TsigKey(
        found.group("name").decode("ascii", "replace").rstrip("."),
        found.group("algorithm").decode("ascii", "replace").lower(),
        found.group("secret").decode("ascii"),
    )


def ensure_account_key(reference: str, folder: Path) -> bytes:
    """The ACME account key; a file named but not there yet is made (EC P-256, mode 0600) on first use."""
    path = secret_path(reference, folder)
    if path is not None and not path.exists() and not path.is_symlink():
        from cmswizard.pki.files import OutputFile, write_files
        from cmswizard.pki.keys import generate_private_key, private_key_pem
        from cmswizard.pki.spec import KeyType

        write_files([OutputFile(path, private_key_pem(generate_private_key(KeyType.EC256)), private=True)])
    return read_secret(reference, folder)
