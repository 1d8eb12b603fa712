"""Throwaway servers for the probe tests, on loopback only (127.0.0.1 and ::1), stopped at the end.

Python `ssl` servers run in a thread; `openssl s_server` runs as a child process. Each serves on a
free port the system picks and answers every connection until the `with` block ends.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOOPBACKS = ("127.0.0.1", "::1")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host: str) -> int:
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def threaded_server(host: str, handle: Callable[[socket.socket], None], *, accept: bool = True) -> Iterator[int]:
    """Listen on a free loopback port; run `handle(conn)` for each connection (or never accept)."""
    listener = socket.socket(_family(host), socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            ready, _, _ = select.select([listener], [], [], 0.05)
            if not ready:
                continue
            conn, _ = listener.accept()
            conn.settimeout(10)
            with conn, contextlib.suppress(OSError, ssl.SSLError):
                handle(conn)

    thread = threading.Thread(target=serve, daemon=True)
    if accept:
        thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        if accept:
            thread.join(10)
        listener.close()


def server_context(
    chain_file: Path, key_file: Path, *, client_ca: Path | None = None, tls12: bool = False
) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain_file, key_file)  # sends the file's extra certificates in file order
    if client_ca is not None:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    if tls12:
        context.maximum_version = ssl.TLSVersion.TLSv1_2
    return context


@contextlib.contextmanager
def python_tls_server(host: str, context: ssl.SSLContext) -> Iterator[int]:
    def handle(conn: socket.socket) -> None:
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1)  # wait for the client to leave (the probe sends no data)

    with threaded_server(host, handle) as port:
        yield port


@contextlib.contextmanager
def closing_server(host: str) -> Iterator[int]:
    """Accepts, then closes at once, before any TLS."""
    with threaded_server(host, lambda conn: None) as port:
        yield port


@contextlib.contextmanager
def silent_server(host: str) -> Iterator[int]:
    """A port whose connections are queued by the kernel and never answered."""
    with threaded_server(host, lambda conn: None, accept=False) as port:
        yield port


XMPP_FEATURES = (
    b"<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
    b"id='probe-test' from='%s' version='1.0'><stream:features>%s</stream:features>"
)
STARTTLS = b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"


@contextlib.contextmanager
def xmpp_starttls_server(
    host: str, context: ssl.SSLContext, domain: str, *, offer: bool = True, openings: list[bytes] | None = None
) -> Iterator[int]:
    """A minimal XMPP server (RFC 6120 §5.4): stream features with STARTTLS, <proceed/>, then TLS.
    `openings` collects each client's stream header (its `to` is the XMPP domain asked for)."""

    def read_until(conn: socket.socket, marker: bytes) -> bytes:
        data = b""
        while marker not in data:
            chunk = conn.recv(4096)
            if not chunk:
                raise ConnectionError("client left")
            data += chunk
        return data

    def handle(conn: socket.socket) -> None:
        opening = read_until(conn, b">")
        assert b"<stream:stream" in opening or b"<?xml" in opening
        if b"<stream:stream" not in opening:
            opening += read_until(conn, b">")
        if openings is not None:
            openings.append(opening)
        conn.sendall(XMPP_FEATURES % (domain.encode(), STARTTLS if offer else b""))
        if not offer:
            conn.recv(4096)
            return
        read_until(conn, b"urn:ietf:params:xml:ns:xmpp-tls")
        conn.sendall(b"<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.recv(1)

    with threaded_server(host, handle) as port:
        yield port


@contextlib.contextmanager
def openssl_server(host: str, cert: Path, key: Path, *extra: str) -> Iterator[int]:
    """`openssl s_server` on a free loopback port, until the block ends."""
    for _attempt in range(5):
        port = free_port(host)
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        process = subprocess.Popen(
            ["openssl", "s_server", "-accept", where, "-cert", str(cert), "-key", str(key), "-quiet", *extra],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            with socket.socket(_family(host), socket.SOCK_STREAM) as client:
                client.settimeout(1)
                if client.connect_ex((host, port)) == 0:
                    break
            time.sleep(0.05)
        if process.poll() is None:
            break
        process.communicate(timeout=5)  # the port was taken in the meantime: try another
    else:
        raise RuntimeError("openssl s_server did not start")
    try:
        yield port
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
