"""Writing files the way CMS files must be written: all or nothing, keys private from the first byte.

Every file is written to a temporary name in the target folder (created 0600 for keys, never
chmod'ed afterwards), flushed and fsync'ed, and only then given its final name. A file that may not
be replaced is linked into place, so a file that appears in the meantime is never clobbered.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cmswizard.pki.errors import N_, CmsInputError, Text

__all__ = ["LIVE_KEY_WARNING", "OutputFile", "check_can_write", "read_input_file", "write_files"]

LIVE_KEY_WARNING = N_(
    "reusing the name of a key that a CMS service is using breaks that service at once; "
    "choose a new basename, or confirm the overwrite (--force) if this key is not in use"
)
# Larger inputs are not certificates; refuse before reading them into memory.
MAX_INPUT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class OutputFile:
    path: Path
    data: bytes
    private: bool = False  # a private key: mode 0600 from creation
    replace: bool = False  # may an existing file of that name be replaced?


def _describe_os_error(error: OSError, path: Path) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full; free some space or choose another folder",
        errno.EDQUOT: "the disk quota is exhausted; free some space or choose another folder",
        errno.EACCES: "permission denied; choose a folder you can write to",
        errno.EPERM: "permission denied; choose a folder you can write to",
        errno.EROFS: "the file system is read-only; choose another folder or remount it writable",
        errno.ENOENT: "the folder does not exist (was the drive removed?)",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.EIO: "input/output error (was the drive removed?)",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def check_can_write(files: Sequence[OutputFile]) -> None:
    """Fail before any work is done if a file may not be replaced or its folder is missing."""
    for item in files:
        folder = item.path.parent
        if not folder.is_dir():
            raise CmsInputError(str(folder), N_("folder does not exist; create it or choose another"))
        if item.path.exists() and not item.replace:
            if item.private:
                raise CmsInputError(
                    str(item.path), Text(N_("already exists; {LIVE_KEY_WARNING}"), LIVE_KEY_WARNING=LIVE_KEY_WARNING)
                )
            raise CmsInputError(str(item.path), N_("already exists; choose another name or allow overwriting"))


def _write_temp(item: OutputFile) -> Path:
    temp = item.path.with_name(f".{item.path.name}.{secrets.token_hex(6)}.tmp")
    mode = 0o600 if item.private else 0o644
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(item.data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def _place(temp: Path, item: OutputFile) -> None:
    if item.replace:
        os.replace(temp, item.path)
        return
    try:
        os.link(temp, item.path)  # atomic "create only if absent"
    except FileExistsError:
        raise
    except OSError:
        # FAT and some FUSE file systems have no hard links: check, then rename (a small window).
        if item.path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(item.path)) from None
        os.rename(temp, item.path)
        return
    temp.unlink()


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_files(files: Sequence[OutputFile]) -> list[Path]:
    """Write all files or none: on any failure, every temporary and every newly created file is removed."""
    check_can_write(files)
    temps: list[tuple[Path, OutputFile]] = []
    placed: list[OutputFile] = []
    current = files[0].path if files else Path()
    try:
        for item in files:
            current = item.path
            temps.append((_write_temp(item), item))
        for temp, item in temps:
            current = item.path
            _place(temp, item)
            placed.append(item)
    except FileExistsError:
        _roll_back(temps, placed)
        raise CmsInputError(str(current), N_("appeared while writing; nothing was written — try again")) from None
    except OSError as error:
        _roll_back(temps, placed)
        raise CmsInputError(
            str(current), Text(N_("could not be written: {p}"), p=_describe_os_error(error, current))
        ) from None
    for folder in {item.path.parent for item in files}:
        _sync_folder(folder)
    return [item.path for item in files]


def _roll_back(temps: list[tuple[Path, OutputFile]], placed: list[OutputFile]) -> None:
    for temp, _ in temps:
        with contextlib.suppress(OSError):
            temp.unlink()
    for item in placed:
        if not item.replace:  # only files this call created; a replaced file cannot be restored
            with contextlib.suppress(OSError):
                item.path.unlink()


def read_input_file(path: Path | str) -> bytes:
    """Read a file a user named, with a one-line message for every way that can fail."""
    file = Path(path)
    try:
        if file.is_dir():
            raise CmsInputError(str(file), N_("is a folder; name a file"))
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise CmsInputError(
                str(file),
                Text(
                    N_("is {p} MB; certificate files are far smaller — is this the right file?"),
                    p=size // (1024 * 1024),
                ),
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise CmsInputError(str(file), N_("does not exist; check the name and folder")) from None
    except PermissionError:
        raise CmsInputError(str(file), N_("cannot be read: permission denied")) from None
    except OSError as error:
        raise CmsInputError(str(file), Text(N_("cannot be read: {p}"), p=_describe_os_error(error, file))) from None
    if not data:
        raise CmsInputError(str(file), N_("is empty (0 bytes); was the download or copy interrupted?"))
    return data
