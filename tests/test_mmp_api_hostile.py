"""The CMS API a runner reads before a restart is a peer on the network: hostile. One deadline bounds the
whole exchange, the answer is read bounded, and what it says is never parsed as XML."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cmswizard.remote.mmp_api import ApiAccess, active_call_legs

from helpers.factory import hierarchy, issue


@contextlib.contextmanager
def _tls_server(tmp_path: Path, answer: Callable[[ssl.SSLSocket, threading.Event], None]) -> Iterator[tuple[int, Path]]:
    """A TLS server on loopback whose connection handler is `answer(conn)`; yields (port, root file)."""
    ca = hierarchy(depth=1, prefix="Api")
    leaf = issue("localhost", ca.intermediates[-1], san=["localhost"])
    (tmp_path / "api.pem").write_bytes(leaf.pem + ca.intermediates[-1].pem)
    (tmp_path / "api.key").write_bytes(leaf.key_pem)
    (tmp_path / "root.pem").write_bytes(ca.root.pem)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "api.pem", tmp_path / "api.key")
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                return
            with contextlib.suppress(OSError, ssl.SSLError), context.wrap_socket(raw, server_side=True) as conn:
                conn.recv(65536)  # the request
                answer(conn, stop)
            raw.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield listener.getsockname()[1], tmp_path / "root.pem"
    finally:
        stop.set()
        listener.close()


def _drip(conn: ssl.SSLSocket, stop: threading.Event) -> None:
    """Headers one byte at a time, each well within the socket timeout, never ending."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while not stop.is_set():
        conn.sendall(b"X")
        time.sleep(0.2)


def _huge(conn: ssl.SSLSocket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n")
    with contextlib.suppress(OSError):
        conn.sendall(b"<callLegsActive>0</callLegsActive>" + b" " * 9_000_000)


def _entity(conn: ssl.SSLSocket, stop: threading.Event) -> None:
    body = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY n "7">]><status><callLegsActive>&n;</callLegsActive></status>'
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)


def test_a_server_dripping_its_headers_is_cut_at_the_deadline(tmp_path: Path) -> None:
    with _tls_server(tmp_path, _drip) as (port, root):
        started = time.monotonic()
        legs = active_call_legs("localhost", ApiAccess("api", "pw", port, cafile=root), timeout=1.0, deadline=2.0)
        took = time.monotonic() - started
    assert legs.count is None and "did not answer within 2 s" in str(legs.problem)
    assert took < 6  # the per-read timeout alone would never end: each byte comes within it


@pytest.mark.parametrize(
    "answer, problem",
    [(_huge, "answered more than 64 KiB"), (_entity, "answered without callLegsActive")],
)
def test_a_huge_or_entity_answer_gives_no_count(tmp_path: Path, answer, problem: str) -> None:
    with _tls_server(tmp_path, answer) as (port, root):
        legs = active_call_legs("localhost", ApiAccess("api", "pw", port, cafile=root), timeout=2.0, deadline=10.0)
    assert legs.count is None and problem in str(legs.problem)  # an entity is never expanded into a count
