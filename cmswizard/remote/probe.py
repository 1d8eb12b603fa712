"""The live check: connect to each TLS endpoint of a CMS and read what it presents, nothing more.

The probe trusts nothing and sends nothing beyond the handshake (and, for XMPP, the STARTTLS request
that precedes it). It reads the certificate chain even when the server then demands a client
certificate: the chain is taken from the handshake as it arrives, before the server decides.
It never sends application data and never closes with anything but a socket close.

This module returns facts (`cms.probe_report.EndpointFacts`); `cms.probe_report.judge()` says what they mean.
"""

from __future__ import annotations

import concurrent.futures
import re
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from typing import Any

from cmswizard.cms.probe_report import EndpointFacts
from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
from cmswizard.pki.errors import N_, Text

__all__ = ["parse_certificate_message", "probe", "probe_target"]

_XMPP_LIMIT = 64 * 1024
# Endpoints read at once. A probe mostly waits (connect, handshake: round trips to each node), so a
# fleet's endpoints are all in flight together and the whole probe takes about as long as its slowest
# endpoint, not the sum of batches of a few (50 endpoints 50 ms away: ~0.1 s, not 7 batches of 8).
# Bounded, so that a list of thousands does not open thousands of sockets and threads at once.
MOST_AT_ONCE = 64
_HANDSHAKE, _CERTIFICATE, _CERTIFICATE_REQUEST = 22, 11, 13


def parse_certificate_message(message: bytes, tls13: bool) -> list[bytes]:
    """DER certificates of a TLS Certificate handshake message (with its 4-byte header).

    TLS 1.3 adds a request context before the list and extensions after each entry (RFC 8446 §4.4.2).
    """
    if len(message) < 4 or message[0] != _CERTIFICATE:
        raise ValueError("not a Certificate message")
    body = message[4 : 4 + int.from_bytes(message[1:4], "big")]
    offset = 0
    if tls13:
        offset = 1 + body[0]
    total = int.from_bytes(body[offset : offset + 3], "big")
    offset += 3
    end = offset + total
    if end > len(body):
        raise ValueError("truncated Certificate message")
    found = []
    while offset < end:
        length = int.from_bytes(body[offset : offset + 3], "big")
        offset += 3
        found.append(body[offset : offset + length])
        offset += length
        if tls13:
            offset += 2 + int.from_bytes(body[offset : offset + 2], "big")
    return found


class _Stop(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _remaining(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Stop(Text(N_("no answer within {seconds} s (timeout)"), seconds=f"{timeout:g}"))
    return left


def _read_until(sock: socket.socket, pattern: re.Pattern[bytes], deadline: float, timeout: float) -> bytes:
    data = b""
    while not pattern.search(data):
        if len(data) > _XMPP_LIMIT:
            raise _Stop(N_("the XMPP server sent too much before STARTTLS; is this an XMPP port?"))
        sock.settimeout(_remaining(deadline, timeout))
        chunk = sock.recv(4096)
        if not chunk:
            raise _Stop(N_("the XMPP server closed the connection before STARTTLS"))
        data += chunk
    return data


_FEATURES_END = re.compile(rb"</(?:stream:)?features>|<stream:error|</stream:stream>")
_PROCEED_OR_FAILURE = re.compile(rb"<proceed[^>]*>|<failure[^>]*>|<stream:error|</stream:stream>")


_STREAM_ERROR = re.compile(rb"<stream:error[^>]*>\s*<([A-Za-z-]{1,64})")


def _stream_error(data: bytes) -> _Stop | None:
    """A `<stream:error>` is the server refusing the stream, with its reason (RFC 6120 §4.9.3): report it as such."""
    if b"<stream:error" not in data:
        return None
    found = _STREAM_ERROR.search(data)
    condition = found.group(1).decode("ascii") if found else "undefined-condition"
    if condition == "host-unknown":
        return _Stop(
            Text(
                N_(
                    "the XMPP server ended the stream with host-unknown: it does not serve this XMPP domain; "
                    "give the domain clients use with --xmpp-domain"
                )
            )
        )
    return _Stop(Text(N_("the XMPP server ended the stream with the error {condition}"), condition=condition))


def _xmpp_starttls(sock: socket.socket, domain: str, deadline: float, timeout: float) -> None:
    """RFC 6120 §5.4: open a client stream, ask for STARTTLS, wait for <proceed/>."""
    sock.settimeout(_remaining(deadline, timeout))
    sock.sendall(
        (
            f"<?xml version='1.0'?><stream:stream to='{domain}' version='1.0' xmlns='jabber:client' "
            "xmlns:stream='http://etherx.jabber.org/streams'>"
        ).encode()
    )
    features = _read_until(sock, _FEATURES_END, deadline, timeout)
    refused = _stream_error(features)
    if refused is not None:
        raise refused
    if b"urn:ietf:params:xml:ns:xmpp-tls" not in features:
        raise _Stop(N_("the XMPP server does not offer STARTTLS"))
    sock.sendall(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    answer = _read_until(sock, _PROCEED_OR_FAILURE, deadline, timeout)
    refused = _stream_error(answer)
    if refused is not None:
        raise refused
    if b"<proceed" not in answer:
        raise _Stop(N_("the XMPP server refused STARTTLS"))


_SSL_REQUEST = (8).to_bytes(4, "big") + (80877103).to_bytes(4, "big")  # PostgreSQL protocol: SSLRequest


def _postgres_ssl_request(sock: socket.socket, deadline: float, timeout: float) -> None:
    """PostgreSQL answers an SSLRequest with one byte, S (TLS follows) or N (no TLS), before any TLS."""
    sock.settimeout(_remaining(deadline, timeout))
    sock.sendall(_SSL_REQUEST)
    answer = sock.recv(1)
    if answer == b"N":
        raise _Stop(N_("the database answers without TLS (SSLRequest refused): its certificates are not set"))
    if answer != b"S":
        raise _Stop(N_("no PostgreSQL answer to the SSLRequest: is this the database port (5432)?"))


def _context(messages: list[tuple[int, int, bytes]]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # we look; judging the chain is done afterwards, in plain words
    context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
    context.set_ciphers("ALL:@SECLEVEL=0")  # read old servers too: their weak keys become findings

    def record(_conn: Any, direction: str, version: int, content_type: int, msg_type: int, data: bytes) -> None:
        if direction == "read" and content_type == _HANDSHAKE:
            messages.append((version, msg_type, bytes(data)))

    # The handshake messages as they arrive (private in 3.8-3.13, stable): the CertificateRequest tells
    # us the server wants a client certificate, and the Certificate message is our fallback chain source.
    context._msg_callback = record  # type: ignore[attr-defined]
    return context


def _native_chain(tls: ssl.SSLSocket) -> list[bytes] | None:
    """The chain as OpenSSL received it (public in Python 3.13, on the private object in 3.10-3.12)."""
    getter = getattr(tls, "get_unverified_chain", None) or getattr(
        getattr(tls, "_sslobj", None), "get_unverified_chain", None
    )
    if getter is None:
        return None
    try:
        chain = getter()
    except ValueError:
        return None
    if not chain:
        return None
    return [c if isinstance(c, bytes) else c.public_bytes(ssl._ssl.ENCODING_DER) for c in chain]  # type: ignore[attr-defined]


def _chain_from(tls: ssl.SSLSocket, messages: list[tuple[int, int, bytes]]) -> list[bytes]:
    native = _native_chain(tls)
    if native:
        return native
    for version, msg_type, data in messages:
        if msg_type == _CERTIFICATE:
            try:
                return parse_certificate_message(data, version >= 0x0304)
            except (ValueError, IndexError):
                return []
    return []


def _leave_quietly(tls: ssl.SSLSocket) -> None:
    """Close the socket with a FIN, not a reset. A TLS 1.3 server sends its session tickets after the
    handshake, which the probe never reads; a socket closed with unread bytes makes the kernel answer with
    a reset (RFC 2525 section 2.17), which the server logs as "connection reset by peer" (ssl before Python
    3.13 hid it as an end of file; 3.13's test servers saw it). So what has already arrived is read once and
    dropped, below TLS: nothing is sent (no close_notify, no data), and one read of 64 KiB bounds it even
    against a server that floods. Bytes that arrive after the close cannot turn it into a reset: the FIN
    went first."""
    try:
        tls.setblocking(False)
        socket.socket.recv(tls, 65536)  # the kernel's buffer, not a TLS record: nothing is answered
    except OSError:  # nothing waiting (BlockingIOError), or the server already left: close all the same
        pass
    tls.close()


def _connect(address: tuple[Any, ...], family: int, target: ProbeTarget, timeout: float) -> EndpointFacts:
    deadline = time.monotonic() + timeout
    result = EndpointFacts(target, str(address[0]))
    messages: list[tuple[int, int, bytes]] = []
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except TimeoutError:
            raise _Stop(
                Text(
                    N_("no answer within {seconds} s (timeout): a firewall, or the wrong address"),
                    seconds=f"{timeout:g}",
                )
            ) from None
        except ConnectionRefusedError:
            raise _Stop(
                Text(
                    N_("connection refused: nothing listens on port {port} (is the service enabled?)"), port=target.port
                )
            ) from None
        except OSError as error:
            raise _Stop(Text(N_("cannot connect: {reason}"), reason=error.strerror or str(error))) from None
        if target.service.starttls_xmpp:
            _xmpp_starttls(sock, target.xmpp_domain or target.server_name or target.host, deadline, timeout)
        if target.service.postgres_ssl_request:
            _postgres_ssl_request(sock, deadline, timeout)
        context = _context(messages)
        tls = context.wrap_socket(sock, server_hostname=target.server_name, do_handshake_on_connect=False)
        tls.settimeout(_remaining(deadline, timeout))
        try:
            tls.do_handshake()
            result.tls_version = tls.version() or ""
        except TimeoutError:
            result.late_error = Text(N_("no answer within {seconds} s (timeout)"), seconds=f"{timeout:g}")
        except (ssl.SSLEOFError, ConnectionResetError, BrokenPipeError):
            result.late_error = N_(
                "the server closed the connection during the TLS handshake (is this a TLS port? is the service enabled?)"
            )
        except ssl.SSLError as error:
            reason = getattr(error, "reason", None) or str(error)
            result.late_error = Text(
                N_("the TLS handshake failed: {reason}"), reason=str(reason).replace("_", " ").lower()
            )
        except OSError as error:
            result.late_error = Text(N_("the connection failed: {reason}"), reason=error.strerror or str(error))
        result.der_chain = _chain_from(tls, messages)
        result.client_certificate_requested = any(t == _CERTIFICATE_REQUEST for _, t, _ in messages)
        if not result.tls_version and messages:
            result.tls_version = {0x0303: "TLSv1.2", 0x0304: "TLSv1.3"}.get(messages[-1][0], "")
        _leave_quietly(tls)
    except _Stop as stop:
        result.error = stop.message
    except OSError as error:
        result.error = Text(N_("the connection failed: {reason}"), reason=error.strerror or str(error))
    finally:
        sock.close()
    if result.late_error and not result.der_chain:
        result.error, result.late_error = result.late_error, None
    return result


def _addresses(target: ProbeTarget, options: ProbeOptions) -> tuple[list[tuple[int, tuple[Any, ...]]], str | None]:
    families = [f for f, wanted in ((socket.AF_INET, options.ipv4), (socket.AF_INET6, options.ipv6)) if wanted]
    try:
        infos = socket.getaddrinfo(target.host.strip("[]"), target.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        return [], Text(
            N_("cannot resolve {host}: {reason}"), host=target.host, reason=getattr(error, "strerror", str(error))
        )
    found: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for family, _type, _proto, _name, sockaddr in infos:
        if family in families:
            found.setdefault(str(sockaddr[0]), (family, sockaddr))
    if not found:
        wanted = "IPv4" if families == [socket.AF_INET] else "IPv6" if families == [socket.AF_INET6] else "IP"
        return [], Text(N_("{host} has no {family} address"), host=target.host, family=wanted)
    return list(found.values()), None


def probe_target(target: ProbeTarget, options: ProbeOptions | None = None) -> list[EndpointFacts]:
    """Read one endpoint on every address its name resolves to (IPv4 and IPv6)."""
    options = options or ProbeOptions()
    addresses, error = _addresses(target, options)
    if error:
        return [EndpointFacts(target, "", error=error)]
    return [_connect(sockaddr, family, target, options.timeout) for family, sockaddr in addresses]


def probe(
    targets: Sequence[ProbeTarget],
    options: ProbeOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[EndpointFacts]:
    """Read every target in parallel (up to MOST_AT_ONCE at a time); the facts keep the order of `targets`."""
    options = options or ProbeOptions()
    if not targets:
        return []
    done = 0
    by_index: dict[int, list[EndpointFacts]] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(MOST_AT_ONCE, len(targets))) as pool:
        futures = {pool.submit(probe_target, target, options): index for index, target in enumerate(targets)}
        for future in concurrent.futures.as_completed(futures):
            by_index[futures[future]] = future.result()
            done += 1
            if progress is not None:
                progress(done, len(targets))
    return [facts for index in sorted(by_index) for facts in by_index[index]]
