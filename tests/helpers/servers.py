"""One way to run a throwaway server for a test: on a free loopback port, wait until it listens, stop it.

`LoopbackServer` does the steps every server shares; a subclass says how its server starts and stops.
`ProcessServer` is one run as a child process (sshd, `openssl s_server`); `ThreadedServer` answers
connections from a thread of the test process (the probe's TLS and XMPP servers); PostgreSQL is a
`LoopbackServer` whose start and stop are `pg_ctl`'s. Every port is picked by the system at run time
(several test runs share a machine); nothing listens on anything but loopback.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable
from types import TracebackType

__all__ = ["LoopbackServer", "ProcessServer", "ServerExited", "ThreadedServer", "family", "free_port"]


def family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (another process may take it before the server binds it: see `attempts`)."""
    with socket.socket(family(host), socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class ServerExited(RuntimeError):
    """The server stopped before it listened (its own words in the message)."""


class LoopbackServer:
    """A server on `host`:`port` for the length of a `with` block.

    Entering: `prepare()` once, then for each attempt a free port, `start()`, and a wait until a client can
    connect (`ready()`), giving up after `startup_seconds`. An attempt whose server exits before it listens
    (`exited()` says why; usually the port was taken in between) is stopped and the next one gets a new
    port. Leaving: `stop()`, then `clean_up()`, whatever happened.
    """

    name = "server"
    startup_seconds = 20.0
    attempts = 1

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0

    # What a subclass says about its server.
    def prepare(self) -> None:
        """Work done once, before the first start (keys, users, data folders)."""

    def start(self) -> None:
        raise NotImplementedError

    def exited(self) -> str | None:
        """Why the server is gone, or None while it runs."""
        return None

    def ready(self) -> bool:
        with socket.socket(family(self.host), socket.SOCK_STREAM) as client:
            client.settimeout(1)
            return client.connect_ex((self.host, self.port)) == 0

    def stop(self) -> None:
        raise NotImplementedError

    def clean_up(self) -> None:
        """Undo `prepare()`."""

    # The steps every server shares.
    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.startup_seconds
        while True:
            reason = self.exited()
            if reason is not None:
                raise ServerExited(f"{self.name} exited: {reason}")
            if self.ready():
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start listening on {self.host}:{self.port}")
            time.sleep(0.05)

    def __enter__(self) -> LoopbackServer:
        try:
            self.prepare()
            for attempt in range(1, self.attempts + 1):
                self.port = free_port(self.host)
                self.start()
                try:
                    self._wait_until_ready()
                    return self
                except ServerExited:
                    self.stop()
                    if attempt == self.attempts:
                        raise
        except BaseException:
            self._finish()
            raise
        raise AssertionError("unreachable")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._finish()

    def _finish(self) -> None:
        try:
            self.stop()
        finally:
            self.clean_up()


class ProcessServer(LoopbackServer):
    """A server run as a child process: `command()` for the port in `self.port`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__(host)
        self.process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def popen(self, argv: list[str]) -> subprocess.Popen[bytes]:
        """How the child is started (a subclass may send its output to a log file)."""
        return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        self.process = self.popen(self.command())

    def exited(self) -> str | None:
        if self.process is None or self.process.poll() is None:
            return None
        _, err = self.process.communicate(timeout=5)
        return f"exit code {self.process.returncode}; {(err or b'').decode(errors='replace')[-2000:]}"

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


class ThreadedServer(LoopbackServer):
    """A listener of the test process: `handle(conn)` runs for each connection, in one thread, until the
    block ends (`accept=False`: connections are queued by the kernel and never answered). The socket is
    bound to port 0 itself, so no other process can take the port in between."""

    def __init__(self, host: str, handle: Callable[[socket.socket], None], *, accept: bool = True) -> None:
        super().__init__(host)
        self.handle = handle
        self.accept = accept
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        listener = socket.socket(family(self.host), socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, 0))
        listener.listen(8)
        self._listener = listener
        self.port = int(listener.getsockname()[1])
        if self.accept:
            self._thread = threading.Thread(target=self._serve, args=(listener,), daemon=True)
            self._thread.start()

    def ready(self) -> bool:
        return self._listener is not None  # listening since bind(): a test connection would be served

    def _serve(self, listener: socket.socket) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([listener], [], [], 0.05)
            if not ready:
                continue
            conn, _ = listener.accept()
            conn.settimeout(10)
            with conn, contextlib.suppress(OSError, ssl.SSLError):
                self.handle(conn)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
