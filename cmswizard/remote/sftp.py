"""Upload files to a CMS node's MMP over SFTP, each one read back and compared by SHA-256.

Order matters for safety: the server's host key is checked (known_hosts, or the fingerprint the
admin read from the MMP) before the password or key is offered and before any byte of a file is
sent. A file whose name already exists on the MMP is not replaced unless the caller names it:
replacing the file of a live key or certificate breaks that service at once. The report says, per
file, only what was verified: a file is "verified" when the bytes read back over SFTP have the
same SHA-256 as the local file, or "identical" when the MMP already held exactly those bytes (read
and compared, never rewritten); nothing else is called done. This module uploads; it never
runs MMP commands.

paramiko is used (not asyncssh) because the upload is a short sequential job on a worker thread:
its blocking `Transport` lets us check the host key between the key exchange and authentication,
and it is packaged by every Linux distribution.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import errno
import hashlib
import os
import secrets
import socket
import stat
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_, CmsCheckFailed, CmsInputError, Text, as_message, shorten
from cmswizard.pki.files import holds_private_key, read_input_file
from cmswizard.pki.safe_text import has_control

if TYPE_CHECKING:
    import paramiko

__all__ = [
    "Credentials",
    "FileResult",
    "HostKey",
    "HostTrust",
    "Outcome",
    "SshTarget",
    "UnknownHostKey",
    "UploadReport",
    "default_known_hosts",
    "normalise_fingerprint",
    "remember_host_key",
    "upload_files",
]

CHUNK = 32 * 1024
ProgressCallback = Callable[[str, int, int], None]  # file name, bytes sent, file size


@dataclass(frozen=True)
class SshTarget:
    host: str
    port: int = 22
    username: str = "admin"  # the MMP's administrator account

    @property
    def label(self) -> str:
        """The name known_hosts files use: `host`, or `[host]:port` off port 22."""
        return self.host if self.port == 22 else f"[{self.host}]:{self.port}"


@dataclass(frozen=True)
class HostTrust:
    """How the server's host key is checked; with neither, every key is unknown and the caller must ask."""

    known_hosts: Path | None = None
    fingerprint: str = ""  # "SHA256:…" (or MD5 aa:bb:…) as the admin read it on the MMP


@dataclass(frozen=True)
class Credentials:
    """Password or private key; held only in memory for one upload, never printed (repr hides them)."""

    password: str | None = field(default=None, repr=False)
    key_file: Path | None = None
    key_passphrase: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class HostKey:
    label: str  # host or [host]:port
    key_type: str  # ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa
    key_base64: str

    @property
    def fingerprint(self) -> str:
        digest = hashlib.sha256(base64.b64decode(self.key_base64)).digest()
        return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")

    @property
    def md5_fingerprint(self) -> str:
        digest = hashlib.md5(base64.b64decode(self.key_base64), usedforsecurity=False).hexdigest()
        return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))

    def matches(self, fingerprint: str) -> bool:
        wanted = normalise_fingerprint(fingerprint)
        return wanted in (self.fingerprint, "MD5:" + self.md5_fingerprint)

    @property
    def known_hosts_line(self) -> str:
        return f"{self.label} {self.key_type} {self.key_base64}\n"


class UnknownHostKey(CmsCheckFailed):
    """The server's key is in no known_hosts entry and no fingerprint was given: ask the admin."""

    def __init__(self, host_key: HostKey, other_types: tuple[str, ...] = ()) -> None:
        self.host_key = host_key
        # known_hosts holds a key of another type for this host: OpenSSH warns at a terminal and refuses without
        self.other_types = other_types
        if other_types:
            self.message = Text(
                N_(
                    "{host}: the server offered a {key_type} host key ({fingerprint}), but known_hosts holds a "
                    "{known} key for this host; nothing was sent. Compare the fingerprint with the MMP's, or give "
                    "it (--fingerprint)"
                ),
                host=host_key.label,
                key_type=host_key.key_type,
                fingerprint=host_key.fingerprint,
                known=", ".join(other_types),
            )
        else:
            self.message = Text(
                N_(
                    "{host}: the host key is not known yet ({key_type} {fingerprint}); compare it with the "
                    "fingerprint the MMP shows and accept it, or give that fingerprint (--fingerprint)"
                ),
                host=host_key.label,
                key_type=host_key.key_type,
                fingerprint=host_key.fingerprint,
            )
        super().__init__(self.message)


class Outcome(enum.Enum):
    VERIFIED = "verified"  # uploaded, read back, same SHA-256
    IDENTICAL = "identical"  # not sent: the MMP already holds a file of that name with the same SHA-256
    EXISTS = "exists"  # not sent: a file of that name is on the MMP and replacing it was not chosen
    MISMATCH = "mismatch"  # uploaded, but what was read back differs
    DISK_FULL = "disk-full"  # the MMP could not store it
    REFUSED = "refused"  # the MMP refused to create it (permission, read-only folder)
    CONNECTION_LOST = "connection-lost"  # the connection dropped while this file was being sent or read back
    LOGIN_REFUSED = "login-refused"  # not sent: the user name, password or key was refused
    HOST_KEY_MISMATCH = "host-key-mismatch"  # not sent: the server is not the one you trust
    NOT_SENT = "not-sent"  # not sent: an earlier problem (connection, lost link) stopped the upload
    LOCAL_ERROR = "local-error"  # not sent: the local file could not be read

    @property
    def label(self) -> str:
        return {
            "verified": N_("verified"),
            "identical": N_("already on the MMP, identical"),
            "exists": N_("not sent: already on the MMP"),
            "mismatch": N_("MISMATCH"),
            "disk-full": N_("not stored: disk full"),
            "refused": N_("not stored: refused"),
            "connection-lost": N_("connection lost"),
            "login-refused": N_("not sent: login refused"),
            "host-key-mismatch": N_("not sent: wrong host key"),
            "not-sent": N_("not sent"),
            "local-error": N_("not sent: cannot read it"),
        }[self.value]


@dataclass(frozen=True)
class FileResult:
    name: str
    outcome: Outcome
    detail: str = ""  # a Text or N_() string: why, and what to do
    sha256: str = ""  # of the local file
    size: int = 0

    @property
    def verified(self) -> bool:
        """On the MMP with the local file's SHA-256: uploaded and read back, or already there."""
        return self.outcome in (Outcome.VERIFIED, Outcome.IDENTICAL)

    @property
    def line(self) -> str:
        tail = f" — {self.detail}" if self.detail else ""
        return f"{self.name}: {self.outcome.label}{tail}"


@dataclass(frozen=True)
class UploadReport:
    target: SshTarget
    results: tuple[FileResult, ...]
    host_key: HostKey | None = None  # the key the server showed, when the connection got that far
    removed_temporaries: tuple[str, ...] = ()  # an interrupted upload's hidden leftovers, removed first

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(result.verified for result in self.results)

    @property
    def verified_count(self) -> int:
        return sum(result.verified for result in self.results)

    @property
    def summary(self) -> str:
        """"admin@cms1: 11 uploaded and verified, 1 differs on the MMP (not replaced)": counted per outcome, as
        the wizard counts them, never "0 of 12 file(s)" when they were there already (issue 29)."""
        host = f"{self.target.username}@{self.target.label}"
        counts = ", ".join(summary_parts(self)) or as_message(N_("no file to send"))
        return Text(N_("{host}: {counts}"), host=host, counts=counts)


_PART_OF_SUMMARY = {  # how the GUI counts a node's files: one phrase per outcome, never "file(s)"
    Outcome.VERIFIED: N_("{count} uploaded and verified"),
    Outcome.IDENTICAL: N_("{count} already there"),
    Outcome.EXISTS: N_("{count} differs on the MMP (not replaced)"),
    Outcome.MISMATCH: N_("{count} read back different"),
    Outcome.DISK_FULL: N_("{count} not stored: disk full"),
    Outcome.REFUSED: N_("{count} refused by the MMP"),
    Outcome.CONNECTION_LOST: N_("{count} cut off: connection lost"),
    Outcome.LOGIN_REFUSED: N_("{count} not sent: login refused"),
    Outcome.HOST_KEY_MISMATCH: N_("{count} not sent: wrong host key"),
    Outcome.NOT_SENT: N_("{count} not sent"),
    Outcome.LOCAL_ERROR: N_("{count} not sent: cannot read it"),
}


def summary_parts(report: UploadReport) -> list[Text]:
    """A node's upload in counted phrases ("6 already there", "1 differs on the MMP (not replaced)"), in
    the order of `Outcome`, leaving out what did not happen."""
    counts = {outcome: 0 for outcome in Outcome}
    for result in report.results:
        counts[result.outcome] += 1
    return [Text(_PART_OF_SUMMARY[outcome], count=n) for outcome, n in counts.items() if n]


def default_known_hosts() -> Path:
    return Path.home() / ".ssh" / "known_hosts"


def normalise_fingerprint(text: str) -> str:
    """'SHA256:abc=' / 'abc' / 'MD5:AA:BB:…' / 'aa:bb:…' → the form HostKey compares with."""
    value = text.strip()
    if value.upper().startswith("MD5:") or (value.count(":") == 15 and len(value) == 47):
        return "MD5:" + value.removeprefix("MD5:").removeprefix("md5:").lower()
    return "SHA256:" + value.removeprefix("SHA256:").rstrip("=")


def check_fingerprint(text: str) -> str:
    """A fingerprint the admin typed, checked for shape; one line naming the fix when it is not one."""
    value = normalise_fingerprint(text)
    if value.startswith("MD5:"):
        return value
    body = value.removeprefix("SHA256:")
    try:
        ok = len(base64.b64decode(body + "=" * (-len(body) % 4), validate=True)) == 32
    except ValueError:
        ok = False
    if not ok:
        raise CmsInputError(
            "fingerprint",
            Text(
                N_("{value} is not an SSH host key fingerprint; copy it as shown, e.g. SHA256:…(43 characters)"),
                value=shorten(text),
            ),
        )
    return value


def remember_host_key(known_hosts: Path, host_key: HostKey) -> None:
    """Append the accepted key to known_hosts (created 0600 in a 0700 folder, as ssh does)."""
    known_hosts.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(known_hosts, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="ascii") as stream:
        stream.write(host_key.known_hosts_line)
        stream.flush()
        os.fsync(stream.fileno())


def _import_paramiko() -> None:
    """Import paramiko when an upload starts (not with this module: the upload page and the CLI's
    parsers import it), and without `invoke`: paramiko's ssh_config module imports it only to run
    `Match exec` lines, which an upload never reads, and it brings unittest.mock, asyncio and a YAML
    parser — about half of paramiko's import time. Blocked only while paramiko loads."""
    if "paramiko" in sys.modules:
        return
    blocked = "invoke" not in sys.modules
    if blocked:
        sys.modules["invoke"] = None  # type: ignore[assignment] # `import invoke` fails at once
    try:
        import paramiko  # noqa: F401 - loaded here once; functions below import it from sys.modules
    finally:
        if blocked and sys.modules.get("invoke", False) is None:
            del sys.modules["invoke"]


def _known_keys(path: Path, label: str) -> dict[str, str]:
    """key type → base64 of the keys known_hosts holds for `label`, read through the safe reader."""
    _import_paramiko()
    from cmswizard.remote.ssh_login import known_keys

    return known_keys(path, label)


def _check_host_key(host_key: HostKey, trust: HostTrust) -> str | None:
    """None when trusted; a reason when the key is refused. Raises UnknownHostKey when nothing says."""
    if trust.fingerprint:
        if host_key.matches(trust.fingerprint):
            return None
        return Text(
            N_(
                "the server's host key is {actual}, not the fingerprint you gave ({given}); nothing was sent. "
                "Check the fingerprint on the MMP: another machine may be answering at this address"
            ),
            actual=host_key.fingerprint,
            given=normalise_fingerprint(trust.fingerprint),
        )
    if trust.known_hosts is not None:
        known = _known_keys(trust.known_hosts, host_key.label)
        if known.get(host_key.key_type) == host_key.key_base64:
            return None
        if host_key.key_type in known:
            from cmswizard.remote.ssh_login import known_entry_line

            line = known_entry_line(trust.known_hosts, host_key.label, host_key.key_type)
            # the entry itself, as OpenSSH names it: file:line and the key type, for that host
            entry = f"{trust.known_hosts}:{line}" if line is not None else str(trust.known_hosts)
            return Text(
                N_(
                    "the server's host key ({fingerprint}) differs from the one in {entry} (the {key_type} key for "
                    "{host}); nothing was sent. If the MMP was reinstalled, compare the new fingerprint with the "
                    "MMP's and replace that line"
                ),
                fingerprint=host_key.fingerprint,
                entry=entry,
                key_type=host_key.key_type,
                host=host_key.label,
            )
        raise UnknownHostKey(host_key, tuple(sorted(known)))
    raise UnknownHostKey(host_key)


def _read_local(files: Sequence[Path]) -> list[tuple[Path, bytes | None, str]]:
    names: dict[str, Path] = {}
    read: list[tuple[Path, bytes | None, str]] = []
    for path in files:
        if path.name in names:
            raise CmsInputError(
                str(path),
                Text(
                    N_("has the same name as {other}; the MMP has one folder: rename one"), other=str(names[path.name])
                ),
            )
        names[path.name] = path
        if has_control(path.name):  # it would become a remote file name holding a line break or ESC
            raise CmsInputError(str(path), N_("the file name holds control characters; rename the file"))
        try:
            read.append((path, read_input_file(path), ""))
        except CmsInputError as error:
            read.append((path, None, error.message))
    return read


def _everything(
    files: Sequence[tuple[Path, bytes | None, str]], outcome: Outcome, detail: str
) -> tuple[FileResult, ...]:
    results = []
    for path, data, problem in files:
        if data is None:
            results.append(FileResult(path.name, Outcome.LOCAL_ERROR, problem))
        else:
            results.append(FileResult(path.name, outcome, detail, hashlib.sha256(data).hexdigest(), len(data)))
    return tuple(results)


def _authenticate(
    transport: paramiko.Transport, target: SshTarget, credentials: Credentials, key: paramiko.PKey | None = None
) -> str | None:
    """None when logged in; otherwise why the login was refused (never echoing the secret). `key`: the
    identity already loaded (else it is loaded from credentials.key_file here)."""
    import paramiko

    if key is None and credentials.key_file is not None:
        from cmswizard.remote.ssh_login import load_identity

        key = load_identity(credentials.key_file, credentials.key_passphrase)

    try:
        if key is not None:
            transport.auth_publickey(target.username, key)
        elif credentials.password is not None:
            transport.auth_password(target.username, credentials.password)
        else:
            raise CmsInputError("login", N_("give a password or an SSH key"))
    except paramiko.BadAuthenticationType as error:
        return Text(
            N_("the server does not accept this kind of login; it allows: {allowed}"),
            allowed=", ".join(error.allowed_types) or "-",
        )
    except paramiko.AuthenticationException as error:
        if "timeout" in str(error).lower():
            raise TimeoutError(str(error)) from None  # a stall is no refusal
        return Text(
            N_("the MMP refused the login of {user}; check the user name and password or key"), user=target.username
        )
    return None


class _LinkLost(Exception):
    pass


def _sftp_error(error: OSError, transport: paramiko.Transport) -> tuple[Outcome, str] | None:
    """Classify an error on a live link; None when the link itself is gone."""
    if not transport.is_active():
        return None
    if error.errno in (errno.EACCES, errno.EPERM):
        return Outcome.REFUSED, N_("the MMP refused to write it (permission denied, or the folder is read-only)")
    if isinstance(error, (socket.timeout, EOFError)) or error.errno in (errno.EPIPE, errno.ECONNRESET):
        return None
    # SFTP v3 reports ENOSPC/EDQUOT only as "Failure": a failure while writing is the disk.
    return Outcome.DISK_FULL, Text(
        N_(
            "the MMP could not store it ({p}): its disk is probably full; free space (remove old logs or files) and upload again"
        ),
        p=str(error.strerror or error),
    )


def _exists(sftp: paramiko.SFTPClient, name: str) -> bool:
    try:
        sftp.stat(name)
    except FileNotFoundError:
        return False
    return True


def _existing(sftp: paramiko.SFTPClient, name: str, data: bytes) -> tuple[Outcome, str] | None:
    """None when the MMP has no file of this name; IDENTICAL when it holds these very bytes (same size,
    then same SHA-256 read back); EXISTS, left as it is, when it differs or cannot be read."""
    try:
        status = sftp.lstat(name)  # a link is never followed, never written through (also a dangling one)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode or 0):
        return Outcome.REFUSED, N_(
            "is a symbolic link on the MMP; cmswizard never writes through links: remove the link on the MMP"
        )
    size = status.st_size
    if size == len(data):
        try:
            with sftp.open(name, "rb") as existing:
                existing.prefetch(size)  # the size just read: prefetch() alone would ask for it again
                held = _read_capped(existing, size)
        except PermissionError:  # cannot be compared: kept, as a different file would be
            return Outcome.EXISTS, N_(
                "a file of this name is on the MMP and was left as it is (a live key or certificate name "
                "breaks its service when replaced); use a new basename, or choose to replace it"
            )
        digest = hashlib.sha256(data).hexdigest()
        if hashlib.sha256(held).hexdigest() == digest:
            return Outcome.IDENTICAL, Text(
                N_("{size} bytes, SHA-256 {digest}, the same as the local file; not sent again"),
                size=len(data),
                digest=digest,
            )
    return Outcome.EXISTS, Text(
        N_(
            "a different file of this name ({size} bytes) is on the MMP and was left as it is (a live key or "
            "certificate name breaks its service when replaced); use a new basename, or choose to replace it"
        ),
        size=size if size is not None else "?",
    )


def _read_capped(remote: paramiko.SFTPFile, size: int) -> bytes:
    """At most `size` + 1 bytes: a server whose file never reaches its end cannot fill the memory
    (the one byte more shows that it held more than it said)."""
    chunks: list[bytes] = []
    left = size + 1
    while left > 0:
        chunk = remote.read(min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _collect_writes(sftp: paramiko.SFTPClient, remote: paramiko.SFTPFile) -> None:
    """Wait for the answer to every pipelined write, raising the first refusal (OSError) as an
    unpipelined write would: paramiko itself drops those answers, so a full disk would show only as
    a read-back mismatch and leave the partial file behind."""
    remote.flush()  # the bytes still in the file's buffer go out too
    while remote._reqs:  # paramiko's queue of this file's unanswered writes
        sftp._read_response(remote._reqs.popleft())  # an error status raises here


TEMP_PREFIX = ".cmswizard-upload-"  # every upload's temporary name starts so; the next run removes leftovers


def _write(
    sftp: paramiko.SFTPClient,
    transport: paramiko.Transport,
    remote_name: str,
    data: bytes,
    progress: ProgressCallback | None,
    shown_name: str,
    mode: str = "wbx",
) -> tuple[Outcome, str] | None:
    """Write `data` to `remote_name`; None when every write was acknowledged. A half-written file is
    removed; a lost link raises _LinkLost."""
    created = False
    try:
        with sftp.open(remote_name, mode) as remote:
            created = True
            if holds_private_key(data):  # owner-only before a byte is written; an MMP may ignore it
                with contextlib.suppress(OSError):
                    remote.chmod(0o600)
            remote.set_pipelined(True)  # the writes go out without waiting for each one's answer
            sent = 0
            if progress:
                progress(shown_name, 0, len(data))
            while sent < len(data):
                chunk = data[sent : sent + CHUNK]
                remote.write(chunk)
                sent += len(chunk)
                if progress:
                    progress(shown_name, sent, len(data))
            _collect_writes(sftp, remote)
    except OSError as error:
        problem = _sftp_error(error, transport)
        if problem is None:
            raise _LinkLost from error
        if created:  # never leave a half-written file behind
            with contextlib.suppress(OSError):
                sftp.remove(remote_name)
            return problem
        if problem[0] is Outcome.DISK_FULL:
            return Outcome.REFUSED, Text(N_("the MMP could not create it: {p}"), p=str(error.strerror or error))
        return problem
    return None


def _read_back(sftp: paramiko.SFTPClient, remote_name: str, data: bytes) -> tuple[Outcome, str] | None:
    """None when `remote_name` holds exactly `data`; else MISMATCH and what was read."""
    with sftp.open(remote_name, "rb") as back:
        back.prefetch(len(data))
        stored = _read_capped(back, len(data))
    if stored == data:
        return None
    digest = hashlib.sha256(data).hexdigest()
    return Outcome.MISMATCH, Text(
        N_(
            "read back {got} byte(s) with SHA-256 {stored}, sent {sent} byte(s) with {local}; "
            "do not use this file on the MMP: upload it again"
        ),
        got=f"{len(data)}+" if len(stored) > len(data) else len(stored),
        stored=hashlib.sha256(stored).hexdigest()[:16] + "…",
        sent=len(data),
        local=digest[:16] + "…",
    )


def _send_one(
    sftp: paramiko.SFTPClient,
    transport: paramiko.Transport,
    name: str,
    data: bytes,
    replace: bool,
    progress: ProgressCallback | None,
) -> tuple[Outcome, str]:
    """Write under a temporary name, read it back, and rename it into place only when it matches: a
    cut link or a full disk never leaves a partial file under the name the admin will type."""
    import paramiko

    digest = hashlib.sha256(data).hexdigest()
    verified = Text(N_("{size} bytes, SHA-256 {digest}"), size=len(data), digest=digest)
    try:
        # Never rewritten when identical, even when replacing is chosen: a live file is not truncated for nothing.
        existing = _existing(sftp, name, data)
        if existing is not None and (existing[0] in (Outcome.IDENTICAL, Outcome.REFUSED) or not replace):
            return existing
        temp = f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
        problem = _write(sftp, transport, temp, data, progress, name) or _read_back(sftp, temp, data)
        if problem is not None:
            with contextlib.suppress(OSError):
                sftp.remove(temp)
            return problem
        try:
            if replace:
                sftp.posix_rename(temp, name)  # replaces in one step (OpenSSH's extension)
            else:
                sftp.rename(temp, name)  # SFTP v3 rename never replaces: "create only if absent"
            return Outcome.VERIFIED, verified
        except (OSError, EOFError, paramiko.SSHException) as error:
            if not transport.is_active() or isinstance(error, (TimeoutError, EOFError)):
                raise _LinkLost("rename") from error
        if not replace and _exists(sftp, name):
            with contextlib.suppress(OSError):
                sftp.remove(temp)
            return Outcome.EXISTS, N_("appeared on the MMP while uploading; left as it is")
        # the MMP cannot rename (or not over a file): written under its own name, as the only way left
        with contextlib.suppress(OSError):
            sftp.remove(temp)
        problem = _write(sftp, transport, name, data, progress, name, "wb" if replace else "wbx")
        problem = problem or _read_back(sftp, name, data)
        if problem is not None:
            return problem
        return Outcome.VERIFIED, Text(
            N_("{p} (the MMP cannot rename files, so it was written under its own name)"), p=verified
        )
    except _LinkLost:
        raise
    except (OSError, EOFError, paramiko.SSHException) as error:
        if isinstance(error, TimeoutError) or isinstance(error.__cause__, TimeoutError):
            raise _LinkLost("stalled") from error
        if isinstance(error, OSError):
            problem = _sftp_error(error, transport)
            if problem is not None:
                return problem
        raise _LinkLost from error


def _remove_stale_temporaries(sftp: paramiko.SFTPClient) -> list[str]:
    """Temporaries an earlier, interrupted upload of this tool left in the MMP's folder."""
    removed = []
    with contextlib.suppress(OSError):
        for name in sftp.listdir("."):
            if name.startswith(TEMP_PREFIX) and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    sftp.remove(name)
                    removed.append(name)
    return removed


def upload_files(
    target: SshTarget,
    files: Sequence[Path],
    *,
    trust: HostTrust,
    credentials: Credentials,
    replace: Collection[str] = frozenset(),
    progress: ProgressCallback | None = None,
    timeout: float = 20.0,
) -> UploadReport:
    """Upload `files` into the MMP's top folder and verify each; see the module docstring.

    Raises UnknownHostKey when the host key is neither in known_hosts nor the given fingerprint (the
    caller shows it and asks), CmsInputError for bad local input. Everything else, down to a
    refused login or a lost link, is in the per-file report.
    """
    local = _read_local(files)
    _import_paramiko()
    import paramiko

    from cmswizard.remote.ssh_login import HandshakeFailed, load_identity, quiet, start_client

    quiet()
    # everything local is read before the first packet: a bad key file or known_hosts is bad input
    key = load_identity(credentials.key_file, credentials.key_passphrase) if credentials.key_file else None
    known = _known_keys(trust.known_hosts, target.label) if trust.known_hosts and not trust.fingerprint else {}
    try:
        # one limit for every wait: the greeting, the key exchange, the login, and each SFTP step below
        transport, server_key = start_client(target.host, target.port, known, timeout)
    except HandshakeFailed as failed:
        return UploadReport(target, _everything(local, Outcome.NOT_SENT, failed.reason))
    host_key: HostKey | None = None
    try:
        host_key = HostKey(target.label, server_key.get_name(), server_key.get_base64())
        refused = _check_host_key(host_key, trust)
        if refused is not None:
            return UploadReport(target, _everything(local, Outcome.HOST_KEY_MISMATCH, refused), host_key)
        try:
            login_problem = _authenticate(transport, target, credentials, key)
        except TimeoutError:
            reason = Text(
                N_("the MMP did not answer the login within {seconds} s; nothing was sent"), seconds=f"{timeout:g}"
            )
            return UploadReport(target, _everything(local, Outcome.NOT_SENT, reason), host_key)
        except (paramiko.SSHException, OSError, EOFError) as error:
            reason = Text(N_("the connection closed during login: {p}"), p=str(error) or "closed")
            return UploadReport(target, _everything(local, Outcome.NOT_SENT, reason), host_key)
        if login_problem is not None:
            return UploadReport(target, _everything(local, Outcome.LOGIN_REFUSED, login_problem), host_key)
        try:
            channel = transport.open_session(timeout=timeout)
            channel.settimeout(timeout)  # before the SFTP greeting: a server that never answers it is a stall
            channel.invoke_subsystem("sftp")
            sftp = paramiko.SFTPClient(channel)
        except (paramiko.SSHException, OSError, EOFError) as error:
            reason = Text(N_("the MMP did not open an SFTP session: {p}"), p=str(error) or "timed out")
            return UploadReport(target, _everything(local, Outcome.NOT_SENT, reason), host_key)
        removed = tuple(_remove_stale_temporaries(sftp))
        return UploadReport(target, _send_all(sftp, transport, local, replace, progress), host_key, removed)
    finally:
        transport.close()


def _send_all(
    sftp: paramiko.SFTPClient,
    transport: paramiko.Transport,
    local: Sequence[tuple[Path, bytes | None, str]],
    replace: Collection[str],
    progress: ProgressCallback | None,
) -> tuple[FileResult, ...]:
    results: list[FileResult] = []
    lost = False
    for path, data, problem in local:
        if data is None:
            results.append(FileResult(path.name, Outcome.LOCAL_ERROR, problem))
            continue
        digest, size = hashlib.sha256(data).hexdigest(), len(data)
        if lost:
            detail = N_("the connection was lost before this file; upload it again")
            results.append(FileResult(path.name, Outcome.NOT_SENT, detail, digest, size))
            continue
        try:
            outcome, detail = _send_one(sftp, transport, path.name, data, path.name in replace, progress)
        except _LinkLost as lost_link:
            lost = True
            outcome = Outcome.CONNECTION_LOST
            stage = lost_link.args[0] if lost_link.args else ""
            if stage == "rename":
                detail = N_(
                    "the connection was lost while the complete, verified file was being renamed into place; "
                    "it may or may not be on the MMP: upload again (a file already there is compared, not resent)"
                )
            elif stage == "stalled":
                detail = N_(
                    "the MMP stopped answering while this file was sent or read back; it is not under its name "
                    "on the MMP (a hidden temporary at most, which the next upload removes): upload again"
                )
            else:
                detail = N_(
                    "the connection was lost while sending or reading it back; it is not under its name on "
                    "the MMP (a hidden temporary at most, which the next upload removes): upload again"
                )
        results.append(FileResult(path.name, outcome, detail, digest, size))
    return tuple(results)
