"""Throwaway servers for the probe tests, on loopback only (127.0.0.1 and ::1), stopped at the end.

Python `ssl` servers run in a thread; `openssl s_server` runs as a child process (both through
helpers/servers.py). Each serves on a free port the system picks and answers every connection until
the `with` block ends.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

from helpers.servers import ProcessServer, ThreadedServer

LOOPBACKS = ("127.0.0.1", "::1")


@contextlib.contextmanager
def threaded_server(host: str, handle: Callable[[socket.socket], None], *, accept: bool = True) -> Iterator[int]:
    """Listen on a free loopback port; run `handle(conn)` for each connection (or never accept)."""
    with ThreadedServer(host, handle, accept=accept) as server:
        yield server.port


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


class _OpensslServer(ProcessServer):
    name = "openssl s_server"
    startup_seconds = 10.0
    attempts = 5  # the port may be taken between picking it and s_server binding it

    def __init__(self, host: str, cert: Path, key: Path, extra: tuple[str, ...]) -> None:
        super().__init__(host)
        self.cert, self.key, self.extra = cert, key, extra

    def command(self) -> list[str]:
        where = f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"
        return [
            "openssl",
            "s_server",
            "-accept",
            where,
            "-cert",
            str(self.cert),
            "-key",
            str(self.key),
            "-quiet",
            *self.extra,
        ]


@contextlib.contextmanager
def openssl_server(host: str, cert: Path, key: Path, *extra: str) -> Iterator[int]:
    """`openssl s_server` on a free loopback port, until the block ends."""
    with _OpensslServer(host, cert, key, extra) as server:
        yield server.port
