"""Reading and writing files safely: the one reading function and the one writing function of the tool.

Reading (`read_input_file`): regular files only, judged on the open descriptor (opened with
O_NONBLOCK, so a FIFO or a device never blocks), and never more than the limit plus one byte.

Writing (`write_files`): every file is written to a temporary name in the target folder (created 0600
when it holds a private key, judged by content, never chmod'ed afterwards), flushed and fsync'ed,
and only then given its final name. A set of files (a key and its CSR) is written both or neither:
files it replaced are restored on any failure, SIGINT and SIGTERM are held until the set is complete
or rolled back, and concurrent writers into one folder take turns (a lock on the folder). Links at an
output path are never followed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.leftovers import holding, old_name, remove_leftovers, temp_name
from cmswizard.pki.safe_text import has_control

if TYPE_CHECKING:
    from types import FrameType

__all__ = [
    "LIVE_KEY_WARNING",
    "MAX_INPUT_BYTES",
    "MAX_PASSWORD_BYTES",
    "OutputFile",
    "check_can_write",
    "holds_private_key",
    "password_problem",
    "read_input_file",
    "read_password_file",
    "utf16_bytes",
    "write_files",
]

LIVE_KEY_WARNING = N_(
    "reusing the name of a key that a CMS service is using breaks that service at once; "
    "choose a new basename, or confirm the overwrite (--force) if this key is not in use"
)
# Larger inputs are not certificates; refuse before reading them into memory.
MAX_INPUT_BYTES = 10 * 1024 * 1024
MAX_PASSWORD_BYTES = 64 * 1024
_MAX_NAME_BYTES = 255  # one path component, on every file system CMS admins use
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def holds_private_key(data: bytes) -> bool:
    """Does this content hold a private key, wherever it hides: PEM in any wrapping (PKCS#1, SEC1, PKCS#8,
    encrypted, OpenSSH), PuTTY, DER anywhere in the data (also after a .p7b or before a PEM block),
    PKCS#12 (any length form), bare base64 of a DER key, or any of these saved as UTF-16 text?"""
    if _holds_key_bytes(data):
        return True
    text = utf16_bytes(data)
    if text is not None and _holds_key_bytes(text):
        return True
    bare = _bare_base64(text if text is not None else data)
    return bare is not None and _holds_key_bytes(bare)


_ARMOR_MARKS = (b"PRIVATE KEY-----", b"PuTTY-User-Key-File-")
# Byte patterns a DER private key starts with, after its SEQUENCE header: version 0/1 then the algorithm
# (PKCS#8), version 0 then the modulus (PKCS#1), version 1 then the key octets (SEC1).
_DER_KEY_STARTS = (b"\x02\x01\x00\x30", b"\x02\x01\x01\x30", b"\x02\x01\x00\x02", b"\x02\x01\x01\x04")
# An encrypted PKCS#8 key (or a PKCS#12 bag) names its password-based encryption: PBES2 or PKCS#12 PBE.
_ENCRYPTION_OIDS = (b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d", b"\x06\x0a\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x01")
_MAX_KEY_PROBES = 256  # candidate structures parsed per file: bounded, whatever the file holds
_MAX_KEY_SPOTS = 4096  # pattern hits looked at per file
_BASE64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n\t ")


def _holds_key_bytes(data: bytes) -> bool:
    if any(mark in data for mark in _ARMOR_MARKS):
        return True
    if _pkcs12_header(data) or any(oid in data for oid in _ENCRYPTION_OIDS):
        return True
    return _der_key_inside(data)


def _der_length(data: bytes, at: int) -> tuple[int, int] | None:
    """(header length, content length) of the DER element at `at`, or None."""
    if at + 2 > len(data):
        return None
    first = data[at + 1]
    if first < 0x80:
        return 2, first
    count = first & 0x7F
    if not 1 <= count <= 4 or at + 2 + count > len(data):
        return None
    return 2 + count, int.from_bytes(data[at + 2 : at + 2 + count], "big")


def _pkcs12_header(data: bytes) -> bool:
    """A PFX: SEQUENCE (any length form, also indefinite) then INTEGER 3."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    if data[1] == 0x80:
        return data[2:5] == b"\x02\x01\x03"
    header = _der_length(data, 0)
    return header is not None and data[header[0] : header[0] + 3] == b"\x02\x01\x03"


def _der_key_inside(data: bytes) -> bool:
    probes = spots = 0
    for pattern in _DER_KEY_STARTS:
        found = data.find(pattern)
        while found != -1 and probes < _MAX_KEY_PROBES and spots < _MAX_KEY_SPOTS:
            spots += 1
            for start in range(max(found - 6, 0), found - 1):
                if data[start] != 0x30:
                    continue
                header = _der_length(data, start)
                if header is None or start + header[0] != found:
                    continue
                probes += 1
                if _is_der_key(data[start : start + header[0] + header[1]]):
                    return True
            found = data.find(pattern, found + 1)
    return False


def _is_der_key(candidate: bytes) -> bool:
    from cryptography.hazmat.primitives import serialization

    try:
        serialization.load_der_private_key(candidate, None)
    except TypeError:  # encrypted: still a private key
        return True
    except Exception:
        return False
    return True


def utf16_bytes(data: bytes) -> bytes | None:
    """The ASCII text of a file saved as UTF-16 (Windows Notepad's "Unicode"), or None if it is not one."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    elif len(data) >= 8 and data[1:64:2].count(0) == len(data[1:64:2]) and data[0]:
        encoding = "utf-16-le"
    elif len(data) >= 8 and data[0:64:2].count(0) == len(data[0:64:2]) and data[1]:
        encoding = "utf-16-be"
    else:
        return None
    return data.decode(encoding, "ignore").encode("ascii", "ignore")


def _bare_base64(data: bytes) -> bytes | None:
    """The bytes base64 text without any armor line decodes to (a key pasted from a web page or a JSON value)."""
    if not 64 <= len(data) <= 65536 or not _BASE64.issuperset(data):  # a key's base64 is a few kB
        return None
    import base64
    import binascii

    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return None


class OutputFile:
    """One file to write. A plain class, not a dataclass: `pki verify` reads files through this
    module, and `dataclasses` costs its start-up milliseconds."""

    __slots__ = ("data", "path", "private", "replace")

    def __init__(self, path: Path, data: bytes, private: bool = False, replace: bool = False) -> None:
        self.path = path
        self.data = data
        # A private key: mode 0600 from creation (also when the content holds one, whatever the caller said).
        self.private = private or bool(data and holds_private_key(data))
        self.replace = replace  # may an existing file of that name be replaced?

    def __repr__(self) -> str:
        return f"OutputFile({self.path!r}, {len(self.data)} bytes, private={self.private}, replace={self.replace})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OutputFile):
            return NotImplemented
        return (self.path, self.data, self.private, self.replace) == (
            other.path,
            other.data,
            other.private,
            other.replace,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.data, self.private, self.replace))


def _describe_os_error(error: OSError, path: Path) -> str:
    reasons = {
        errno.ENOSPC: N_("the disk is full; free some space or choose another folder"),
        errno.EDQUOT: N_("the disk quota is exhausted; free some space or choose another folder"),
        errno.EACCES: N_("permission denied; choose a folder you can write to"),
        errno.EPERM: N_("permission denied; choose a folder you can write to"),
        errno.EROFS: N_("the file system is read-only; choose another folder or remount it writable"),
        errno.ENOENT: N_("the folder does not exist (was the drive removed?)"),
        errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
        errno.EIO: N_("input/output error (was the drive removed?)"),
        errno.ENAMETOOLONG: N_("the name or path is too long for the file system; choose a shorter one"),
        errno.EINVAL: N_('the file system does not accept this name (FAT and Windows refuse : ? * " < > |)'),
        errno.ELOOP: N_("is a symbolic link; cmswizard never writes through links: remove it or choose another name"),
        errno.EISDIR: N_("is a folder; choose a file name"),
    }
    if error.errno == errno.ENOENT and path.parent.is_dir():
        # The folder is there, yet a new name in it "does not exist": a FAT folder that holds no more names
        # (fusefat says ENOENT; long names take several entries each)
        return as_message(
            N_(
                "its folder is there but takes no more files: it may be full (a FAT folder holds a limited number "
                "of names, long names take several); nothing more was written there: copy fewer files into it, or "
                "use a stick formatted as exFAT"
            )
        )
    known = reasons.get(error.errno or 0)
    return as_message(known) if known else error.strerror or str(error)


def _check_folder(folder: Path) -> None:
    try:
        status = os.stat(folder)
    except FileNotFoundError:
        raise CmsInputError(str(folder), N_("folder does not exist; create it or choose another")) from None
    except OSError as error:
        raise CmsInputError(str(folder), _describe_os_error(error, folder)) from None
    if not stat.S_ISDIR(status.st_mode):
        raise CmsInputError(str(folder), N_("is a file, not a folder; choose a folder"))


def _check_target(item: OutputFile) -> None:
    path = item.path
    if has_control(path.name):
        raise CmsInputError(str(path), N_("the file name holds control characters (a newline?); choose a plain name"))
    if os.name == "nt":  # NTFS counts a name in UTF-16 code units (a CJK character is 1, not 3 bytes)
        units = len(path.name.encode("utf-16-le", "surrogatepass")) // 2
        if units > _MAX_NAME_BYTES:
            raise CmsInputError(
                str(path),
                Text(
                    N_("the file name is {count} characters long; Windows allows 255: choose a shorter name"),
                    count=units,
                ),
            )
    elif len(os.fsencode(path.name)) > _MAX_NAME_BYTES:
        raise CmsInputError(
            str(path),
            Text(
                N_("the file name is {count} bytes; file systems allow 255: choose a shorter name"),
                count=len(os.fsencode(path.name)),
            ),
        )
    if not os.path.lexists(path):
        return
    if os.path.islink(path):
        target = os.readlink(path)
        if not os.path.exists(path):
            raise CmsInputError(
                str(path),
                Text(
                    N_("is a symbolic link to {target}, which does not exist; remove the link or choose another name"),
                    target=target,
                ),
            )
        raise CmsInputError(
            str(path),
            Text(
                N_(
                    "is a symbolic link to {target}; cmswizard never writes through links: remove it or choose another name"
                ),
                target=target,
            ),
        )
    if os.path.isdir(path):
        raise CmsInputError(str(path), N_("is a folder; choose a file name"))
    if not item.replace:
        if item.private:
            raise CmsInputError(
                str(path), Text(N_("already exists; {LIVE_KEY_WARNING}"), LIVE_KEY_WARNING=LIVE_KEY_WARNING)
            )
        raise CmsInputError(str(path), N_("already exists; choose another name or allow overwriting"))


def check_can_write(files: Sequence[OutputFile]) -> None:
    """Fail before any work is done if a folder is missing, a name is unusable or may not be replaced."""
    seen: set[str] = set()
    for item in files:
        key = os.path.normcase(os.path.abspath(item.path))
        if key in seen:
            raise CmsInputError(str(item.path), N_("is named for two outputs; give each output its own file"))
        seen.add(key)
        _check_folder(item.path.parent)
        _check_target(item)


def _write_temp(item: OutputFile) -> Path:
    # The name cut short so a 255-byte final name still fits; O_EXCL|O_NOFOLLOW: nothing planted is followed.
    temp = item.path.with_name(temp_name(item.path.name))  # recognisable: the next run removes it if left
    mode = 0o600 if item.private else 0o644
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, mode)
    try:
        if item.private and os.name == "nt":  # NTFS ignores the mode: an owner-only ACL before any key byte
            from cmswizard.pki.winacl import protect_private_file

            protect_private_file(temp)
        with os.fdopen(fd, "wb") as stream:
            stream.write(item.data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def _keep_old(item: OutputFile) -> Path | None:
    """A hard link to the file about to be replaced, so a failed set can put it back."""
    if not (item.replace and os.path.lexists(item.path)):
        return None
    backup = item.path.with_name(old_name())
    try:
        os.link(item.path, backup)  # a link there was refused up front
    except OSError:  # FAT has no hard links: move it aside instead (restored the same way)
        os.rename(item.path, backup)
    return backup


def _place(temp: Path, item: OutputFile) -> None:
    if item.replace:
        os.replace(temp, item.path)  # replaces a name, never follows a link there
        return
    try:
        os.link(temp, item.path)  # atomic "create only if absent"
    except FileExistsError:
        raise
    except OSError:
        # FAT and some FUSE file systems have no hard links: check, then rename (a small window).
        if os.path.lexists(item.path):
            raise FileExistsError(errno.EEXIST, "File exists", str(item.path)) from None
        os.rename(temp, item.path)
        return
    temp.unlink()


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename itself
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _HeldSignals:
    """SIGINT/SIGTERM arriving while a set is written are held, then delivered once it is settled."""

    def __init__(self) -> None:
        self.pending: int | None = None
        self.previous: dict[int, object] = {}

    def _hold(self, signum: int, _frame: FrameType | None) -> None:
        if self.pending is None:
            self.pending = signum

    # signal and threading are imported when a set is written: `pki verify` and the loader never need them.
    def install(self) -> None:
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread receives signals (and may set handlers)
        for name in ("SIGINT", "SIGTERM"):
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            current = signal.getsignal(signum)
            if current is signal.SIG_IGN or current is None:
                continue
            self.previous[signum] = current
            signal.signal(signum, self._hold)

    def check(self) -> None:
        """Called between steps: a held signal cancels the set (it is rolled back)."""
        if self.pending is not None:
            raise _Cancelled

    def restore_and_deliver(self) -> None:
        import signal

        for signum, handler in self.previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        if self.pending is not None and self.pending in self.previous:
            signal.raise_signal(self.pending)


class _Cancelled(Exception):
    pass


def write_files(files: Sequence[OutputFile]) -> list[Path]:
    """Write all files or none: on any failure or interruption, every temporary and every newly
    created file is removed and every replaced file is put back."""
    held = _HeldSignals()
    held.install()
    try:
        folders = list(dict.fromkeys(item.path.parent for item in files))
        # writers into one folder take turns, so 20 `--force` runs never mix one key with another's CSR;
        # holding the folder, this run removes what an interrupted run of the tool left there
        with holding(folders):
            for folder in folders:
                remove_leftovers(folder)
            written = _write_set(files, held)
    finally:
        held.restore_and_deliver()
    if not written:  # cancelled by a signal whose handler did not stop us: say so, never claim success
        raise KeyboardInterrupt
    return [item.path for item in files]


def _write_set(files: Sequence[OutputFile], held: _HeldSignals) -> bool:
    check_can_write(files)
    temps: list[Path] = []
    backups: list[tuple[Path, OutputFile]] = []
    placed: list[OutputFile] = []
    current = files[0].path if files else Path()
    try:
        for item in files:
            current = item.path
            temps.append(_write_temp(item))
            held.check()
        for item in files:
            current = item.path
            backup = _keep_old(item)
            if backup is not None:
                backups.append((backup, item))
        for temp, item in zip(temps, files, strict=True):
            current = item.path
            held.check()
            _place(temp, item)
            placed.append(item)
    except _Cancelled:
        _roll_back(temps, backups, placed)
        return False
    except FileExistsError:
        _roll_back(temps, backups, placed)
        raise CmsInputError(str(current), N_("appeared while writing; nothing was written — try again")) from None
    except OSError as error:
        _roll_back(temps, backups, placed)
        raise CmsInputError(
            str(current), Text(N_("could not be written: {p}"), p=_describe_os_error(error, current))
        ) from None
    except BaseException:
        _roll_back(temps, backups, placed)
        raise
    for backup, _ in backups:
        with contextlib.suppress(OSError):
            backup.unlink()
    for folder in {item.path.parent for item in files}:
        _sync_folder(folder)
    return True


def _roll_back(temps: list[Path], backups: list[tuple[Path, OutputFile]], placed: list[OutputFile]) -> None:
    for temp in temps:
        with contextlib.suppress(OSError):
            temp.unlink()
    restored = set()
    for backup, item in backups:
        with contextlib.suppress(OSError):
            os.replace(backup, item.path)
            restored.add(item.path)
        if os.path.lexists(backup):  # a rename onto another link of the same file does nothing
            with contextlib.suppress(OSError):
                backup.unlink()
    for item in placed:
        if item.path not in restored:  # files this call created
            with contextlib.suppress(OSError):
                item.path.unlink()


_KINDS = {
    stat.S_IFCHR: N_("is a device, not a file; name a regular file"),
    stat.S_IFBLK: N_("is a device, not a file; name a regular file"),
    stat.S_IFIFO: N_("is a named pipe (FIFO), not a file; name a regular file"),
    stat.S_IFSOCK: N_("is a socket, not a file; name a regular file"),
}


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
    return f"{max(size // 1024, 1)} KB"


def _too_big(file: Path | str, limit: int, size: int | None) -> CmsInputError:
    if size is None:
        return CmsInputError(
            str(file),
            Text(
                N_("is larger than {limit}; certificate files are far smaller — is this the right file?"),
                limit=_size_text(limit),
            ),
        )
    return CmsInputError(
        str(file),
        Text(
            N_("is {p}; certificate files are far smaller (at most {limit} is read) — is this the right file?"),
            p=_size_text(size),
            limit=_size_text(limit),
        ),
    )


def read_input_file(path: Path | str, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a file a user named: regular files only, at most `limit` bytes, one-line messages."""
    file = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | _BINARY
    try:
        fd = os.open(file, flags)
    except FileNotFoundError:
        if os.path.islink(file):
            raise CmsInputError(
                str(file), Text(N_("is a link to {target}, which does not exist"), target=os.readlink(file))
            ) from None
        raise CmsInputError(str(file), N_("does not exist; check the name and folder")) from None
    except IsADirectoryError:
        raise CmsInputError(str(file), N_("is a folder; name a file")) from None
    except PermissionError:
        if os.path.isdir(file):  # Windows cannot open a folder at all
            raise CmsInputError(str(file), N_("is a folder; name a file")) from None
        raise CmsInputError(str(file), N_("cannot be read: permission denied")) from None
    except OSError as error:
        if error.errno == errno.ELOOP:  # reading follows links: only a loop of links ends here
            raise CmsInputError(
                str(file), N_("is a symbolic link that leads back to itself (a loop); name the real file")
            ) from None
        with contextlib.suppress(OSError):  # a socket or a FIFO opened for writing cannot be opened at all
            kind = stat.S_IFMT(os.stat(file).st_mode)
            if kind in _KINDS:
                raise CmsInputError(str(file), _KINDS[kind]) from None
        raise CmsInputError(str(file), Text(N_("cannot be read: {p}"), p=_describe_os_error(error, file))) from None
    try:
        status = os.fstat(fd)
        kind = stat.S_IFMT(status.st_mode)
        if kind == stat.S_IFDIR:
            raise CmsInputError(str(file), N_("is a folder; name a file"))
        if kind != stat.S_IFREG:
            raise CmsInputError(str(file), _KINDS.get(kind, N_("is not a regular file; name a regular file")))
        if status.st_size > limit:
            raise _too_big(file, limit, status.st_size)
        chunks: list[bytes] = []
        wanted = limit + 1  # one byte more tells a file that grew past the limit
        while wanted > 0:
            chunk = os.read(fd, min(wanted, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        data = b"".join(chunks)
    except CmsInputError:
        raise
    except OSError as error:
        raise CmsInputError(str(file), Text(N_("cannot be read: {p}"), p=_describe_os_error(error, file))) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_big(file, limit, None)
    if not data:
        raise CmsInputError(str(file), N_("is empty (0 bytes); was the download or copy interrupted?"))
    return data


def password_problem(password: bytes) -> str:
    """Why `password` cannot be a password ("" when it can): one rule for typed passwords, password
    files, PKCS#12 and SSH keys. A NUL byte cuts a C string short (and made the PKCS#12 layer panic,
    with the password in its panic text); a password that is not UTF-8 types differently on every
    machine. The message never holds the password."""
    if b"\x00" in password:
        return N_("the password holds a NUL byte, which no password may hold; give one line of text")
    try:
        password.decode("utf-8")
    except UnicodeDecodeError:
        return N_("the password is not UTF-8 text; save the password file as UTF-8")
    return ""


def read_password_file(path: Path | str) -> bytes:
    """The password in `path`: its first line only (as --help says), without the line break, checked
    by `password_problem`. Read through the one safe reader (no FIFO, no device, at most 64 KB)."""
    data = read_input_file(path, limit=MAX_PASSWORD_BYTES)
    first = data.split(b"\n", 1)[0].removesuffix(b"\r")
    problem = password_problem(first)
    if problem:
        raise CmsInputError(str(path), problem)
    return first
