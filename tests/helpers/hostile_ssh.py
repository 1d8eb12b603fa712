"""A hostile SSH server on 127.0.0.1 (a free port): what a peer on the network may do to the client.

    with hostile_ssh("garbage") as server:        # server.port, server.host
        ...
    with hostile_ssh("sftp", key_types=("rsa",), root=folder) as server:
        server.known_hosts_line("rsa")             # "[127.0.0.1]:PORT ssh-rsa AAAA…\n"
        server.password, server.user                # any user; this password logs in

Modes (what the server does after accepting a connection):
- "garbage":      sends bytes that are no SSH banner (an HTTP answer and binary noise), then closes
- "flood":        sends endless text lines, never a banner
- "silent":       accepts and never sends a byte (a stall before the banner)
- "drip":         sends "SSH-2.0-" and then one byte every 0.2 s, never ending the line (slowloris)
- "stall_login":  a real SSH server whose password/key check never answers
- "sftp":         a real SSH + SFTP server on `root` (a plain folder); with `stall` set, every SFTP
                  call waits until the server stops; with `endless_read`, reading any file never
                  reaches its end (stat reports the file's true size)
`key_types`: the host keys it offers, any of "ed25519", "rsa", "ecdsa" (a key-type swap: give known_hosts
one type and the server another). `server.connections` counts accepted connections.
Every thread stops at the end of the `with`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import paramiko
from paramiko.sftp_attr import SFTPAttributes
from paramiko.sftp_handle import SFTPHandle
from paramiko.sftp_server import SFTPServer
from paramiko.sftp_si import SFTPServerInterface

__all__ = ["HostileSsh", "hostile_ssh"]

PASSWORD = "hostile-test-password"
_KEY_NAMES = {"ed25519": "ssh-ed25519", "rsa": "ssh-rsa", "ecdsa": "ecdsa-sha2-nistp256"}


def _new_key(kind: str) -> paramiko.PKey:
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    private = {
        "ed25519": lambda: ed25519.Ed25519PrivateKey.generate(),
        "rsa": lambda: rsa.generate_private_key(65537, 2048),
        "ecdsa": lambda: ec.generate_private_key(ec.SECP256R1()),
    }[kind]()
    import io

    text = private.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()).decode()
    loader = {"ed25519": paramiko.Ed25519Key, "rsa": paramiko.RSAKey, "ecdsa": paramiko.ECDSAKey}[kind]
    return loader.from_private_key(io.StringIO(text))


@dataclass
class HostileSsh:
    mode: str
    port: int
    root: Path | None
    host_keys: dict[str, paramiko.PKey]
    stall: bool = False
    endless_read: bool = False
    user: str = "admin"
    password: str = PASSWORD
    host: str = "127.0.0.1"
    connections: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)

    def known_hosts_line(self, kind: str) -> str:
        key = self.host_keys[kind]
        return f"[{self.host}]:{self.port} {key.get_name()} {key.get_base64()}\n"

    def fingerprint(self, kind: str) -> str:
        import base64
        import hashlib

        digest = hashlib.sha256(self.host_keys[kind].asbytes()).digest()
        return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


class _Interface(paramiko.ServerInterface):
    def __init__(self, server: HostileSsh) -> None:
        self.server = server

    def get_allowed_auths(self, username: str) -> str:
        return "password,publickey"

    def check_auth_password(self, username: str, password: str) -> int:
        if self.server.mode == "stall_login":
            self.server.stopping.wait()
        ok = password == self.server.password
        return paramiko.AUTH_SUCCESSFUL if ok else paramiko.AUTH_FAILED

    def check_auth_publickey(self, username: str, key: paramiko.PKey) -> int:
        if self.server.mode == "stall_login":
            self.server.stopping.wait()
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        return paramiko.OPEN_SUCCEEDED if kind == "session" else paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


class _EndlessHandle(SFTPHandle):
    """Reads never reach the end: every read returns as many bytes as asked."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def read(self, offset: int, length: int) -> bytes:
        return b"A" * length

    def stat(self) -> SFTPAttributes:
        attr = SFTPAttributes()
        attr.st_size = self.size
        return attr


class _FileHandle(SFTPHandle):
    def stat(self) -> SFTPAttributes | int:
        try:
            return SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))  # type: ignore[attr-defined]
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)


class _Sftp(SFTPServerInterface):
    def __init__(self, interface: object, *args: object, hostile: HostileSsh, **kwargs: object) -> None:
        super().__init__(interface, *args, **kwargs)
        self.server = hostile
        assert hostile.root is not None
        self.root = hostile.root

    def _wait(self) -> None:
        if self.server.stall:
            self.server.stopping.wait()

    def _real(self, path: str) -> str:
        return str(self.root / path.lstrip("/"))

    def canonicalize(self, path: str) -> str:
        return "/" + path.lstrip("/")

    def stat(self, path: str) -> SFTPAttributes | int:
        self._wait()
        try:
            return SFTPAttributes.from_stat(os.stat(self._real(path)))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)

    def lstat(self, path: str) -> SFTPAttributes | int:
        self._wait()
        try:
            return SFTPAttributes.from_stat(os.lstat(self._real(path)))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)

    def open(self, path: str, flags: int, attr: SFTPAttributes) -> SFTPHandle | int:
        self._wait()
        real = self._real(path)
        if self.server.endless_read and not flags & (os.O_WRONLY | os.O_RDWR):
            try:
                return _EndlessHandle(os.stat(real).st_size)
            except OSError as error:
                return SFTPServer.convert_errno(error.errno)
        try:
            fd = os.open(real, flags | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)
        mode = "wb" if flags & os.O_WRONLY else "r+b" if flags & os.O_RDWR else "rb"
        handle = _FileHandle(flags)
        stream = os.fdopen(fd, mode)
        handle.readfile = stream  # type: ignore[attr-defined]
        handle.writefile = stream  # type: ignore[attr-defined]
        return handle

    def remove(self, path: str) -> int:
        self._wait()
        try:
            os.remove(self._real(path))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)
        return paramiko.SFTP_OK

    def rename(self, oldpath: str, newpath: str) -> int:
        self._wait()
        if os.path.lexists(self._real(newpath)):
            return paramiko.SFTP_FAILURE  # SFTP v3 rename never replaces
        try:
            os.rename(self._real(oldpath), self._real(newpath))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)
        return paramiko.SFTP_OK

    def posix_rename(self, oldpath: str, newpath: str) -> int:
        self._wait()
        try:
            os.replace(self._real(oldpath), self._real(newpath))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno)
        return paramiko.SFTP_OK

    def chattr(self, path: str, attr: SFTPAttributes) -> int:
        return paramiko.SFTP_OK

    def list_folder(self, path: str) -> list[SFTPAttributes] | int:
        self._wait()
        found = []
        for name in os.listdir(self._real(path)):
            attr = SFTPAttributes.from_stat(os.lstat(os.path.join(self._real(path), name)))
            attr.filename = name
            found.append(attr)
        return found


def _serve(server: HostileSsh, sock: socket.socket) -> None:
    with contextlib.closing(sock):
        if server.mode == "garbage":
            with contextlib.suppress(OSError):
                sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" + bytes(range(256)) * 4)
            return
        if server.mode == "flood":
            with contextlib.suppress(OSError):
                while not server.stopping.is_set():
                    sock.sendall(b"not a banner, not yet, not ever\r\n" * 64)
            return
        if server.mode == "silent":
            server.stopping.wait()
            return
        if server.mode == "drip":  # a greeting one byte at a time, never finished: each read gets something
            with contextlib.suppress(OSError):
                for byte in b"SSH-2.0-" + b"x" * 100_000:
                    if server.stopping.wait(0.2):
                        return
                    sock.sendall(bytes([byte]))
            return
        transport = paramiko.Transport(sock)
        try:
            for key in server.host_keys.values():
                transport.add_server_key(key)
            if server.root is not None:
                transport.set_subsystem_handler("sftp", SFTPServer, _Sftp, hostile=server)
            try:
                transport.start_server(server=_Interface(server))
            except (paramiko.SSHException, OSError, EOFError):
                return
            channels = []  # held: a dropped channel object closes the session
            while transport.is_active() and not server.stopping.is_set():
                channel = transport.accept(0.2)
                if channel is not None:
                    channels.append(channel)
        finally:
            transport.close()


@contextlib.contextmanager
def hostile_ssh(
    mode: str,
    *,
    key_types: tuple[str, ...] = ("ed25519",),
    root: Path | None = None,
    stall: bool = False,
    endless_read: bool = False,
) -> Iterator[HostileSsh]:
    if mode not in ("garbage", "flood", "silent", "drip", "stall_login", "sftp"):
        raise ValueError(mode)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    server = HostileSsh(
        mode,
        int(listener.getsockname()[1]),
        root,
        {kind: _new_key(kind) for kind in key_types},
        stall=stall,
        endless_read=endless_read,
    )
    threads: list[threading.Thread] = []

    def accept() -> None:
        while not server.stopping.is_set():
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server.connections += 1
            worker = threading.Thread(target=_serve, args=(server, sock), daemon=True)
            threads.append(worker)
            worker.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield server
    finally:
        server.stopping.set()
        acceptor.join(5)
        listener.close()
        for worker in threads:
            worker.join(5)
