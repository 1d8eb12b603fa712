"""One interactive MMP shell over SSH: typed one command at a time, every byte in a transcript.

Why a shell on a PTY and not an SSH exec channel: no readable Cisco document says the MMP accepts exec
requests; the documents show a person typing at a prompt (docs/mmp-runner.md). The host key is checked
exactly as `remote/sftp.py` does it (the same functions, before any password or key is offered); the
password is used for the login only, never stored, and never written to the transcript.

Everything the server sends is hostile: each step has one deadline, an answer is at most `MAX_ANSWER`
bytes, and the text handed back is decoded with replacement (the caller escapes it before showing it).
The session returns facts (answer text, or why there is none); what they mean is `cms/mmp_commands.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import paramiko

from cmswizard.pki.errors import N_, CmsCheckFailed, Text
from cmswizard.pki.safe_text import escape
from cmswizard.remote.sftp import (
    Credentials,
    HostKey,
    HostTrust,
    SshTarget,
    _authenticate,
    _check_host_key,
)

__all__ = ["MAX_ANSWER", "MmpSession", "SessionProblem", "Transcript"]

MAX_ANSWER = 256 * 1024
_PROMPT = re.compile(rb"(?:^|\n)([A-Za-z0-9_.-]{1,64}> ?)$")


class SessionProblem(CmsCheckFailed):
    """The shell could not be used: connection, host key, login, a lost link, a stall or endless output."""

    def __init__(self, message: str, *, kind: str, host_key: HostKey | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # "connect", "host-key", "login", "lost", "timeout", "too-long", "unexpected"
        self.host_key = host_key


@dataclass
class Transcript:
    """Every byte sent and received, with UTC timestamps; secrets replaced before anything is kept."""

    secrets: list[bytes] = field(default_factory=list, repr=False)
    entries: list[tuple[dt.datetime, str, str, bytes]] = field(default_factory=list)  # time, node, direction, bytes
    listener: Callable[[str], None] | None = None  # the GUI's live view: gets each rendered line
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def redact(self, data: bytes) -> bytes:
        for secret in self.secrets:
            if secret:
                data = data.replace(secret, b"[redacted]")
        return data

    def record(self, node: str, direction: str, data: bytes) -> None:
        data = self.redact(data)
        entry = (dt.datetime.now(dt.UTC), node, direction, data)
        with self._lock:
            self.entries.append(entry)
        if self.listener is not None:
            self.listener(self._render(entry))

    def note(self, node: str, text: str) -> None:
        self.record(node, "#", text.encode())

    @staticmethod
    def _render(entry: tuple[dt.datetime, str, str, bytes]) -> str:
        moment, node, direction, data = entry
        shown = escape(data.decode("utf-8", errors="backslashreplace"))
        return f"{moment:%Y-%m-%dT%H:%M:%S.%f}Z {escape(node)} {direction} {shown}"

    def text(self) -> str:
        with self._lock:
            return "".join(self._render(entry) + "\n" for entry in self.entries)


class MmpSession:
    """`open()` logs in and waits for the prompt; `send(command)` returns the answer text (echo and prompt
    removed) or raises SessionProblem. Never a second command while an answer is unread."""

    def __init__(
        self,
        target: SshTarget,
        *,
        trust: HostTrust,
        credentials: Credentials,
        transcript: Transcript,
        node: str = "",
        timeout: float = 20.0,
    ) -> None:
        self.target = target
        self.trust = trust
        self.credentials = credentials
        self.transcript = transcript
        self.node = node or target.host
        self.timeout = timeout
        self.host_key: HostKey | None = None
        self.prompt = b""
        self._transport: paramiko.Transport | None = None
        self._channel: paramiko.Channel | None = None
        if credentials.password:
            transcript.secrets.append(credentials.password.encode())
        if credentials.key_passphrase:
            transcript.secrets.append(credentials.key_passphrase.encode())

    def _problem(self, kind: str, message: str) -> SessionProblem:
        self.transcript.note(self.node, f"[{kind}] {message}")
        return SessionProblem(message, kind=kind, host_key=self.host_key)

    def open(self) -> None:
        """Log in as `upload` does (`ssh_login.start_client`: the same handshake, the same one-line answers
        for garbage, silence, a dripped greeting; the known host-key types asked for first), check the host
        key before any secret is offered, then open the shell and learn its prompt."""
        from cmswizard.remote.sftp import _known_keys
        from cmswizard.remote.ssh_login import HandshakeFailed, load_identity, start_client

        target, credentials = self.target, self.credentials
        # read before the first packet: a bad key file or known_hosts is bad input, not a network fault
        key = load_identity(credentials.key_file, credentials.key_passphrase) if credentials.key_file else None
        trust = self.trust
        known = _known_keys(trust.known_hosts, target.label) if trust.known_hosts and not trust.fingerprint else {}
        try:
            transport, key_seen = start_client(target.host, target.port, known, self.timeout)
        except HandshakeFailed as failed:
            raise self._problem("connect", failed.reason) from None
        self._transport = transport
        self.host_key = HostKey(target.label, key_seen.get_name(), key_seen.get_base64())
        try:
            refused = _check_host_key(self.host_key, self.trust)  # raises UnknownHostKey: the caller asks
        except Exception:
            self.close()
            raise
        if refused is not None:
            self.close()
            raise self._problem("host-key", refused)
        try:
            login_problem = _authenticate(transport, target, credentials, key)
        except TimeoutError:  # a login that never answers is no refused login
            self.close()
            raise self._problem(
                "login",
                Text(
                    N_("the MMP did not answer the login within {seconds} s; nothing was sent"),
                    seconds=f"{self.timeout:g}",
                ),
            ) from None
        except (paramiko.SSHException, OSError, EOFError) as error:
            self.close()
            raise self._problem("login", Text(N_("the connection closed during login: {p}"), p=str(error))) from None
        except Exception:
            self.close()
            raise
        if login_problem is not None:
            self.close()
            raise self._problem("login", login_problem)
        try:
            channel = transport.open_session(timeout=self.timeout)
            channel.get_pty(term="dumb", width=200, height=50)
            channel.invoke_shell()
        except (paramiko.SSHException, OSError, EOFError) as error:
            self.close()
            raise self._problem("login", Text(N_("the MMP did not open a shell: {p}"), p=str(error))) from None
        channel.settimeout(0.2)
        self._channel = channel
        self.transcript.note(
            self.node, f"logged in as {target.username}@{target.label}, host key {self.host_key.fingerprint}"
        )
        banner = self._read_to_prompt(time.monotonic() + self.timeout, learn=True)
        self.prompt = _PROMPT.search(banner).group(1)  # type: ignore[union-attr]

    def _read_to_prompt(self, deadline: float, *, learn: bool = False) -> bytes:
        assert self._channel is not None
        data = b""
        while True:
            ended = (
                _PROMPT.search(data.replace(b"\r\n", b"\n"))
                if learn
                else data.replace(b"\r\n", b"\n").endswith(b"\n" + self.prompt)
            )
            if ended:
                if learn:  # a prompt-like line: wait a moment to be sure nothing follows it
                    more = self._recv(min(deadline, time.monotonic() + 0.3))
                    if more:
                        data += more
                        continue
                return data
            if time.monotonic() > deadline:
                raise self._problem(
                    "timeout",
                    Text(
                        N_("no prompt came back within the time allowed; last bytes: {tail}"), tail=escape(data[-120:])
                    ),
                )
            if len(data) > MAX_ANSWER:
                raise self._problem(
                    "too-long", Text(N_("the answer went on past {size} bytes without a prompt"), size=MAX_ANSWER)
                )
            data += self._recv(deadline)

    def _recv(self, deadline: float) -> bytes:
        assert self._channel is not None
        while time.monotonic() < deadline:
            try:
                chunk: bytes = self._channel.recv(16384)
            except TimeoutError:
                continue
            except (OSError, EOFError, paramiko.SSHException) as error:
                raise self._problem(
                    "lost", Text(N_("the connection was lost: {p}"), p=str(error) or "closed")
                ) from None
            if not chunk:
                raise self._problem("lost", N_("the server closed the connection"))
            self.transcript.record(self.node, "<", chunk)
            return chunk
        return b""

    def send(self, command_text: str, *, step_timeout: float = 120.0) -> str:
        """Type one line and read up to the next prompt; the answer without the echo line."""
        if self._channel is None:
            raise self._problem("lost", N_("the session is not open"))
        if self._channel.recv_ready():  # bytes after the last prompt: the last answer was not what it seemed
            stray = self._recv(time.monotonic() + 0.5)
            raise self._problem(
                "unexpected", Text(N_("the server sent more after its prompt: {tail}"), tail=escape(stray[:120]))
            )
        data = command_text.encode() + b"\r"
        self.transcript.record(self.node, ">", data)
        try:
            self._channel.sendall(data)
        except (OSError, EOFError, paramiko.SSHException) as error:
            raise self._problem("lost", Text(N_("the connection was lost: {p}"), p=str(error) or "closed")) from None
        raw = self._read_to_prompt(time.monotonic() + step_timeout)
        text = raw.replace(b"\r\n", b"\n")[: -len(self.prompt)].decode("utf-8", errors="replace")
        first, _, rest = text.partition("\n")
        return rest if first.strip() == command_text.strip() else text

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        self._transport = None
        self._channel = None
