"""What a folder holds for the deployment pages: its certificate-job files, its keys and its certificates.

`scan_folder` is the work a page hands to the task runner (it reads the first block of each .pem, so it
never runs on the GUI thread); it checks the runner's cancel token between files, so a folder typed over
by the next keystroke stops being read at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cmswizard.pki.bundle import KEY_SUFFIX
from cmswizard.pki.errors import CmsInputError

__all__ = ["CERTIFICATE_SUFFIXES", "FILE_SUFFIXES", "FolderFiles", "is_key_file", "scan_folder"]

FILE_SUFFIXES = frozenset({".key", ".crt", ".cer", ".pem", ".csr", ".p7b", ".pfx", ".p12", ".txt"})
CERTIFICATE_SUFFIXES = frozenset({".crt", ".cer", ".pem"})  # what an MMP certs/trust command can take (PEM)


def is_key_file(path: Path) -> bool:
    """A private key by name (.key) or, for .pem, by its first block."""
    if path.name.endswith(KEY_SUFFIX):
        return True
    if path.suffix.lower() != ".pem":
        return False
    from cmswizard.pki.files import holds_private_key, read_input_file

    try:  # the one reading function: a FIFO or a device named .pem never blocks the page
        return holds_private_key(read_input_file(path))
    except CmsInputError:
        return False


@dataclass(frozen=True)
class FolderFiles:
    folder: Path
    files: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    names: frozenset[str] = field(default_factory=frozenset)


def scan_folder(folder: Path, check_cancelled: Callable[[], None] = lambda: None) -> FolderFiles:
    """The folder's files by kind; an unreadable or missing folder holds none. `check_cancelled` raises
    (the runner's Cancelled) when the scan is no longer wanted."""
    try:
        paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
    except OSError:
        paths = []
    keys = []
    for path in paths:
        check_cancelled()
        if is_key_file(path):
            keys.append(path.name)
    certificates = [p.name for p in paths if p.suffix.lower() in CERTIFICATE_SUFFIXES and p.name not in keys]
    names = [p.name for p in paths]
    return FolderFiles(folder, tuple(names), tuple(keys), tuple(certificates), frozenset(names))
