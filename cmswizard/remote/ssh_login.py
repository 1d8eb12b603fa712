"""The SSH peer is hostile until proven otherwise: what the client reads before and while logging in.

- `--identity` and `known_hosts` are read through the project's one safe reader (a FIFO or /dev/zero
  is refused at once, never read until memory runs out), then parsed from memory.
- A passphrase-protected identity is opened with the passphrase as bytes (paramiko's own loader
  wanted bytes where it was given text, so a right passphrase always failed).
- The host-key types known_hosts holds for the host are offered first, as OpenSSH does, so a host
  whose RSA key is known is not met with its ed25519 key instead.
- paramiko's logger is silenced: a port that is no SSH server made its transport thread print a
  traceback on stderr; the caller says it in one line instead (`handshake_problem`).
- `start_client` is the one handshake every SSH client here makes (upload's SFTP and the MMP shell):
  the peer's first bytes are read before paramiko sees them (garbage, silence, a dripped greeting are
  one line within the limit), the known host-key types are asked for first, one limit for every wait.
"""

from __future__ import annotations

import io
import logging
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.files import read_input_file

if TYPE_CHECKING:
    import paramiko

__all__ = [
    "MAX_KNOWN_HOSTS_BYTES",
    "HandshakeFailed",
    "first_bytes",
    "handshake_problem",
    "known_keys",
    "load_identity",
    "prefer_known_types",
    "quiet",
    "start_client",
]

MAX_KNOWN_HOSTS_BYTES = 4 * 1024 * 1024  # tens of thousands of hosts; more is no known_hosts file
MAX_IDENTITY_BYTES = 64 * 1024  # an RSA-16384 OpenSSH key is about 12 KB
_LOGGER = "paramiko"


def quiet() -> None:
    """No paramiko log line reaches the terminal (its thread logs tracebacks of hostile peers)."""
    logger = logging.getLogger(_LOGGER)
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def load_identity(path: Path, passphrase: str | None) -> paramiko.PKey:
    """The SSH private key in `path` (OpenSSH or PEM; RSA, ECDSA, Ed25519), opened with `passphrase`."""
    import paramiko
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    data = read_input_file(path, limit=MAX_IDENTITY_BYTES)
    secret = passphrase.encode("utf-8") if passphrase is not None else None
    try:
        try:
            loaded = serialization.load_ssh_private_key(data, secret)
        except ValueError as first:
            if b"OPENSSH PRIVATE KEY" in data:
                raise first
            loaded = serialization.load_pem_private_key(data, secret)  # type: ignore[assignment]
    except TypeError as error:  # the cryptography way of saying: encrypted, and no passphrase (or one too many)
        if secret is None:
            raise CmsInputError(str(path), N_("is protected by a passphrase; give it with --password-file")) from None
        raise CmsInputError(str(path), N_("is not encrypted; leave the passphrase out")) from error
    except ValueError:
        if secret is not None and _encrypted(data):
            raise CmsInputError(str(path), N_("wrong passphrase for this SSH key")) from None
        raise CmsInputError(str(path), N_("is not an SSH private key (OpenSSH or PEM RSA, ECDSA, Ed25519)")) from None
    except Exception as error:
        raise CmsInputError(str(path), Text(N_("is not an SSH private key: {p}"), p=type(error).__name__)) from None
    kinds: list[tuple[type, type[paramiko.PKey]]] = [
        (rsa.RSAPrivateKey, paramiko.RSAKey),
        (ed25519.Ed25519PrivateKey, paramiko.Ed25519Key),
        (ec.EllipticCurvePrivateKey, paramiko.ECDSAKey),
    ]
    for kind, key_class in kinds:
        if isinstance(loaded, kind):
            plain = loaded.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
            )
            return key_class.from_private_key(io.StringIO(plain.decode("ascii")))
    raise CmsInputError(str(path), N_("holds a key type SSH logins do not use; use an Ed25519, ECDSA or RSA key"))


def _encrypted(data: bytes) -> bool:
    """Does the key file need a passphrase at all? (then a refusal with one means a wrong one)"""
    from cryptography.hazmat.primitives import serialization

    for loader in (serialization.load_ssh_private_key, serialization.load_pem_private_key):
        try:
            loader(data, None)
        except TypeError:
            return True
        except Exception:
            continue
    return False


def _known_entries(path: Path) -> list[tuple[int, paramiko.hostkeys.HostKeyEntry]]:
    """(line number, entry) of every line of known_hosts paramiko can read, through the safe reader."""
    import os

    if not os.path.lexists(path):
        return []
    import paramiko
    from paramiko.hostkeys import HostKeyEntry

    empty = os.path.isfile(path) and os.path.getsize(path) == 0  # a fresh known_hosts; FIFOs are read (refused)
    data = b"" if empty else read_input_file(path, limit=MAX_KNOWN_HOSTS_BYTES)
    found = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            entry = HostKeyEntry.from_line(text, number)
        except (paramiko.SSHException, ValueError, TypeError):
            continue  # a line of a key type paramiko does not know (ssh itself skips such lines too)
        if entry is not None:
            found.append((number, entry))
    return found


def known_entry_line(path: Path, label: str, key_type: str) -> int | None:
    """The line of known_hosts holding `label`'s key of `key_type` (hashed entries included): the entry a
    mismatch names, so the admin can look at that line (OpenSSH says "Offending … key in file:line")."""
    import paramiko

    for number, entry in _known_entries(path):
        table = paramiko.HostKeys()
        table._entries.append(entry)
        keys = table.lookup(label)
        if keys is not None and key_type in keys:
            return number
    return None


def known_keys(path: Path, label: str) -> dict[str, str]:
    """key type → base64 of the keys known_hosts holds for `label` (hashed entries included)."""
    import paramiko

    entries_read = _known_entries(path)
    if not entries_read:
        return {}
    table = paramiko.HostKeys()
    for _number, entry in entries_read:
        table._entries.append(entry)
    entries = table.lookup(label)
    if entries is None:
        return {}
    return {key_type: key.get_base64() for key_type, key in entries.items()}


def prefer_known_types(transport: paramiko.Transport, known: dict[str, str]) -> None:
    """Ask the server for the host-key types known_hosts holds first (OpenSSH does the same)."""
    if not known:
        return
    options = transport.get_security_options()
    offered = list(options.key_types)
    first = [kind for kind in offered if kind in known or _base_type(kind) in known]
    if first:
        options.key_types = tuple(first + [kind for kind in offered if kind not in first])


def _base_type(kind: str) -> str:
    """rsa-sha2-256/512 are signatures of an ssh-rsa key."""
    return "ssh-rsa" if kind.startswith("rsa-sha2-") else kind


def first_bytes(sock: socket.socket, timeout: float) -> bytes:
    """What the server sent first, left in the socket for paramiko (b"" when it sent nothing in time)."""
    import time

    deadline = time.monotonic() + timeout
    seen = b""
    while len(seen) < 4:  # enough to tell "SSH-" from anything else, however the bytes were split
        left = deadline - time.monotonic()
        if left <= 0:
            break
        sock.settimeout(left)
        try:
            peeked = sock.recv(256, socket.MSG_PEEK)
        except OSError:
            break
        if not peeked or peeked == seen:  # closed, or nothing new yet: wait a little for more
            if not peeked:
                break
            time.sleep(min(0.05, max(left, 0)))
        seen = peeked
    sock.settimeout(timeout)
    return seen


def handshake_problem(
    error: BaseException, host: str, port: int, timeout: float, greeting: bytes = b"", greeted: bool = True
) -> str:
    """One line for a failed SSH handshake, saying what the peer did (never paramiko's traceback).
    `greeting`: the first bytes the peer sent (from `first_bytes`); `greeted`: its greeting line was whole."""
    text = str(error)
    if greeting.startswith(b"SSH-") and not greeted:
        return Text(
            N_("{host} port {port} did not finish its SSH greeting within {seconds} s (a stalling server?)"),
            host=host,
            port=port,
            seconds=f"{timeout:g}",
        )
    if not greeting:
        return Text(
            N_("{host} port {port} sent no SSH greeting within {seconds} s; is it an SSH server?"),
            host=host,
            port=port,
            seconds=f"{timeout:g}",
        )
    if not greeting.startswith(b"SSH-"):
        said = greeting.split(b"\n", 1)[0][:60].decode("ascii", "replace")
        return Text(
            N_("{host} port {port} is not an SSH server (it answered: {answer}); check the address and port"),
            host=host,
            port=port,
            answer=said,
        )
    if isinstance(error, (TimeoutError, EOFError)) or "timeout" in text.lower():
        return Text(
            N_("{host} port {port} stopped answering during the SSH handshake (waited {seconds} s)"),
            host=host,
            port=port,
            seconds=f"{timeout:g}",
        )
    return Text(N_("the SSH handshake with {host} port {port} failed: {p}"), host=host, port=port, p=text or "closed")


class HandshakeFailed(Exception):
    """No SSH session came up: `reason` is one line (a Text) saying what the peer did; nothing was sent."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def start_client(
    host: str, port: int, known: dict[str, str], timeout: float
) -> tuple[paramiko.Transport, paramiko.PKey]:
    """Connect and make the SSH handshake, asking first for the host-key types `known` holds; every wait
    (connect, greeting, key exchange, and later the login) is `timeout`. Returns the transport and the
    server's host key, which the caller checks before any login. Raises HandshakeFailed with one line;
    the socket is closed then."""
    import paramiko

    quiet()
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as error:
        raise HandshakeFailed(
            Text(
                N_("could not connect to {host} port {port}: {p}; check the address and that SSH is reachable"),
                host=host,
                port=port,
                p=error.strerror or str(error),
            )
        ) from None
    greeting = first_bytes(sock, timeout)
    if not greeting.startswith(b"SSH-"):  # silent, or no SSH server: said before paramiko sees it
        sock.close()
        raise HandshakeFailed(handshake_problem(EOFError(), host, port, timeout, greeting))
    transport = paramiko.Transport(sock)
    transport.banner_timeout = transport.handshake_timeout = transport.auth_timeout = timeout
    prefer_known_types(transport, known)
    try:
        transport.start_client(timeout=timeout)
        server_key = transport.get_remote_server_key()  # fails when the peer left right after the exchange
    except (paramiko.SSHException, OSError, EOFError) as error:
        greeted = bool(getattr(transport, "remote_version", ""))
        transport.close()
        raise HandshakeFailed(handshake_problem(error, host, port, timeout, greeting, greeted)) from None
    return transport, server_key
