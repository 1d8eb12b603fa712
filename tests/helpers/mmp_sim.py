"""A simulated CMS MMP over SSH on 127.0.0.1: an interactive shell on a PTY with the node's prompt, SFTP
into the node's file store, and the TLS ports of its services (serving the files in use), for tests and
the bench.

Why paramiko's server side and not asyncssh: the project already depends on paramiko (the client of
`remote/sftp.py` and of the runner), so the simulator adds no package, and its blocking `Transport` runs
one thread per connection, which makes fault injection (cut the link in the middle of a command, answer
slowly, stall, flood) a few plain lines in the shell loop. asyncssh would need its own event loop
thread beside pytest-qt's and a new dependency for no gain here.

What the shell does per line is `mmp_sim_node.SimNode.run()`; docs/mmp-runner.md lists each command and
the Cisco document its grammar and answers come from. The server refuses SSH exec requests: whether the
real MMP accepts one is not documented, so the runner must work through the interactive shell.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import paramiko
from paramiko.sftp_attr import SFTPAttributes
from paramiko.sftp_handle import SFTPHandle
from paramiko.sftp_server import SFTPServer
from paramiko.sftp_si import SFTPServerInterface

from helpers.mmp_sim_node import SimNode

__all__ = ["Faults", "MmpSimulator", "SimServer", "running_mmp"]

USER = "admin"
PASSWORD = "mmp-test-password"


@dataclass
class Faults:
    """Fault injection: each takes a command prefix (the first command starting with it triggers it once)."""

    drop_on: set[str] = field(default_factory=set)  # the link is cut after the command is echoed
    stall_on: set[str] = field(default_factory=set)  # the command is echoed, then nothing ever comes back
    flood_on: set[str] = field(default_factory=set)  # endless output, never a prompt
    garbage_on: set[str] = field(default_factory=set)  # an answer no document describes, then the prompt
    slow_seconds: float = 0.0  # every answer waits this long
    banner: bytes = b"Cisco Meeting Server simulated MMP\r\n"
    no_prompt: bool = False  # the shell never shows a prompt (the banner only)

    def take(self, kind: set[str], line: str) -> bool:
        for prefix in sorted(kind):
            if line.startswith(prefix):
                kind.discard(prefix)
                return True
        return False


class _Handle(SFTPHandle):
    def stat(self) -> SFTPAttributes | int:
        try:
            return SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))  # type: ignore[attr-defined]
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)

    def chattr(self, attr: SFTPAttributes) -> int:
        return paramiko.SFTP_OK  # the MMP's file modes are its own business


class _Sftp(SFTPServerInterface):
    """SFTP into one folder: the node's file store (the MMP shows one flat folder)."""

    def __init__(self, server: object, *args: object, root: Path, **kwargs: object) -> None:
        super().__init__(server, *args, **kwargs)
        self.root = root

    def _real(self, path: str) -> str:
        parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
        if ".." in parts:
            raise PermissionError
        return str(self.root.joinpath(*parts))

    def canonicalize(self, path: str) -> str:
        parts = [p for p in path.split("/") if p not in ("", ".", "..")]
        return "/" + "/".join(parts)

    def list_folder(self, path: str) -> list[SFTPAttributes] | int:
        try:
            real = self._real(path)
            found = []
            for name in os.listdir(real):
                attr = SFTPAttributes.from_stat(os.stat(os.path.join(real, name)))
                attr.filename = name
                found.append(attr)
            return found
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)

    def stat(self, path: str) -> SFTPAttributes | int:
        try:
            return SFTPAttributes.from_stat(os.stat(self._real(path)))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)

    lstat = stat

    def open(self, path: str, flags: int, attr: SFTPAttributes) -> SFTPHandle | int:
        try:
            real = self._real(path)
            fd = os.open(real, flags, 0o600)
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)
        if flags & os.O_WRONLY:
            mode = "ab" if flags & os.O_APPEND else "wb"
        elif flags & os.O_RDWR:
            mode = "a+b" if flags & os.O_APPEND else "r+b"
        else:
            mode = "rb"
        handle = _Handle(flags)
        stream = os.fdopen(fd, mode)
        handle.readfile = stream  # type: ignore[attr-defined]
        handle.writefile = stream  # type: ignore[attr-defined]
        handle.filename = real  # type: ignore[attr-defined]
        return handle

    def remove(self, path: str) -> int:
        try:
            os.remove(self._real(path))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)
        return paramiko.SFTP_OK

    def rename(self, oldpath: str, newpath: str) -> int:
        try:
            os.rename(self._real(oldpath), self._real(newpath))
        except OSError as error:
            return SFTPServer.convert_errno(error.errno or 1)
        return paramiko.SFTP_OK

    def chattr(self, path: str, attr: SFTPAttributes) -> int:
        return paramiko.SFTP_OK


class _Interface(paramiko.ServerInterface):
    def __init__(self, server: SimServer) -> None:
        self.server = server
        self.shell_requested = threading.Event()

    def get_allowed_auths(self, username: str) -> str:
        return "publickey,password"

    def check_auth_password(self, username: str, password: str) -> int:
        self.server.auth_attempts += 1
        ok = username == USER and password == self.server.password
        return paramiko.AUTH_SUCCESSFUL if ok else paramiko.AUTH_FAILED

    def check_auth_publickey(self, username: str, key: paramiko.PKey) -> int:
        self.server.auth_attempts += 1
        ok = username == USER and any(key.get_base64() == k.get_base64() for k in self.server.authorized)
        return paramiko.AUTH_SUCCESSFUL if ok else paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        return paramiko.OPEN_SUCCEEDED if kind == "session" else paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_pty_request(self, *args: object) -> bool:
        return True

    def check_channel_shell_request(self, channel: paramiko.Channel) -> bool:
        self.shell_requested.set()
        return True

    def check_channel_exec_request(self, channel: paramiko.Channel, command: bytes) -> bool:
        self.server.exec_requests.append(command.decode(errors="replace"))
        return False  # undocumented on the real MMP: the runner must not depend on it


@dataclass
class SimServer:
    """One node's SSH server (its own port and host key) and its TLS service ports."""

    node: SimNode
    faults: Faults = field(default_factory=Faults)
    password: str = PASSWORD
    authorized: list[paramiko.PKey] = field(default_factory=list)
    host_key: paramiko.PKey = field(default_factory=lambda: paramiko.ECDSAKey.generate())
    port: int = 0
    exec_requests: list[str] = field(default_factory=list)
    logins: int = 0
    auth_attempts: int = 0
    bytes_received: bytearray = field(default_factory=bytearray)
    tls_ports: dict[str, int] = field(default_factory=dict)  # "webadmin", "callbridge", "webbridge3 https", ...
    _listener: socket.socket | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _transports: list[paramiko.Transport] = field(default_factory=list)

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def known_hosts_line(self) -> str:
        return f"[127.0.0.1]:{self.port} {self.host_key.get_name()} {self.host_key.get_base64()}\n"

    def change_host_key(self) -> None:
        """Fault: the next connections see another host key (a reinstalled MMP, or another machine)."""
        self.host_key = paramiko.ECDSAKey.generate()

    def cut_connections(self) -> None:
        for transport in list(self._transports):
            transport.close()

    # ---- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.settimeout(0.2)
        self._listener = listener
        self.port = listener.getsockname()[1]
        threading.Thread(target=self._accept, name=f"mmp-sim-{self.node.name}", daemon=True).start()
        for service in ("webadmin", "callbridge", "webbridge3 https", "webbridge3 c2w", "turn", "xmpp", "webbridge"):
            self.tls_ports[service] = _serve_tls(self, service)

    def stop(self) -> None:
        self._stop.set()
        self.cut_connections()
        if self._listener is not None:
            self._listener.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        transport = paramiko.Transport(sock)
        self._transports.append(transport)
        transport.add_server_key(self.host_key)
        root = self.node.store
        transport.set_subsystem_handler("sftp", SFTPServer, _Sftp, root=root)
        interface = _Interface(self)
        try:
            transport.start_server(server=interface)
            channel = transport.accept(20)
            if channel is None:
                return
            self.logins += 1
            if not interface.shell_requested.wait(5):
                return  # an SFTP session: the subsystem thread serves it
            self._shell(channel, transport)
        except (paramiko.SSHException, OSError, EOFError):
            pass
        finally:
            if interface.shell_requested.is_set():
                transport.close()

    # ---- the shell -------------------------------------------------------------------------------
    def _shell(self, channel: paramiko.Channel, transport: paramiko.Transport) -> None:
        node, faults = self.node, self.faults
        channel.sendall(faults.banner + (b"" if faults.no_prompt else node.prompt.encode()))
        pending = b""
        while not self._stop.is_set():
            data = channel.recv(4096)
            if not data:
                return
            self.bytes_received.extend(data)
            pending += data
            while True:
                cut = min((i for i in (pending.find(b"\r"), pending.find(b"\n")) if i >= 0), default=-1)
                if cut < 0:
                    break
                raw, pending = pending[:cut], pending[cut + 1 :].lstrip(b"\n")
                line = raw.decode("utf-8", errors="replace")
                channel.sendall(raw + b"\r\n")  # the PTY echoes what was typed
                if not self._answer(channel, transport, line):
                    return

    def _answer(self, channel: paramiko.Channel, transport: paramiko.Transport, line: str) -> bool:
        node, faults = self.node, self.faults
        command = line.strip()
        if not node.waiting and command:
            if faults.take(faults.drop_on, command):
                node.received.append(command)
                transport.close()
                return False
            if faults.take(faults.stall_on, command):
                node.received.append(command)
                while not self._stop.wait(0.2) and transport.is_active():
                    pass
                return False
            if faults.take(faults.flood_on, command):
                node.received.append(command)
                with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
                    while not self._stop.is_set() and transport.is_active():
                        channel.sendall(b"\x1b[31m" + b"x" * 4000 + b"\r\n")
                return False
            if faults.take(faults.garbage_on, command):
                node.received.append(command)
                channel.sendall(b"\x1b]0;owned\x07Segmentation fault (core dumped)\r\n" + node.prompt.encode())
                return True
        if faults.slow_seconds:
            time.sleep(faults.slow_seconds)
        answer = node.run(line)
        text = answer.text.replace("\n", "\r\n")
        out = (text + "\r\n" if text else "") + (answer.question or node.prompt)
        channel.sendall(out.encode())
        return True


def _serve_tls(server: SimServer, service: str) -> int:
    """A TLS port presenting the files `service` runs with now (read at each handshake: a restart shows at once)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.2)
    service_name, _, part = service.partition(" ")
    certs_item = f"{part} certs" if part else "certs"

    def loop() -> None:
        while not server._stop.is_set():
            try:
                sock, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with contextlib.closing(sock):
                key = server.node.in_use(service_name, f"{certs_item}.key")
                cert = server.node.in_use(service_name, f"{certs_item}.cert")
                if not key or not cert:
                    continue
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                try:
                    context.load_cert_chain(server.node.store / cert, server.node.store / key)
                    sock.settimeout(5)
                    with context.wrap_socket(sock, server_side=True) as tls:
                        tls.recv(1)
                except (OSError, ssl.SSLError, ValueError):
                    continue
        listener.close()

    threading.Thread(target=loop, name=f"mmp-sim-tls-{service}", daemon=True).start()
    return int(listener.getsockname()[1])


@dataclass
class MmpSimulator:
    """Several nodes, each with its own SSH server; `known_hosts` trusts all of them."""

    root: Path
    servers: dict[str, SimServer] = field(default_factory=dict)
    client_key: paramiko.PKey = field(default_factory=lambda: paramiko.ECDSAKey.generate())

    def add(self, name: str) -> SimServer:
        store = self.root / name
        store.mkdir(parents=True)
        server = SimServer(SimNode(name, store), authorized=[self.client_key])
        server.start()
        self.servers[name] = server
        return server

    def __getitem__(self, name: str) -> SimServer:
        return self.servers[name]

    def write_known_hosts(self, path: Path | None = None) -> Path:
        path = path or self.root / "known_hosts"
        path.write_text("".join(server.known_hosts_line for server in self.servers.values()))
        return path

    def write_client_key(self) -> Path:
        path = self.root / "client_key"
        self.client_key.write_private_key_file(str(path))  # type: ignore[attr-defined]
        path.chmod(0o600)
        return path

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()


@contextlib.contextmanager
def running_mmp(*names: str) -> Iterator[MmpSimulator]:
    """Simulated MMP nodes on loopback (free ports), stopped and removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="cmswizard-mmp-sim-"))
    simulator = MmpSimulator(root)
    try:
        for name in names:
            simulator.add(name)
        yield simulator
    finally:
        simulator.stop()
        import shutil

        shutil.rmtree(root, ignore_errors=True)
