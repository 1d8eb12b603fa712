"""The live check: connect to each TLS endpoint of a CMS and read what it presents, nothing more.

The probe trusts nothing and sends nothing beyond the handshake (and, for XMPP, the STARTTLS request
that precedes it). It reads the certificate chain even when the server then demands a client
certificate: the chain is taken from the handshake as it arrives, before the server decides.
It never sends application data and never closes with anything but a socket close.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import enum
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.endpoints import TlsService
from cmswizard.pki.chain import Role, auto_order, check_order, common_name, make_item, role_of
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.inspect import days_left
from cmswizard.pki.names import check_fqdn
from cmswizard.pki.safe_text import escape
from cmswizard.pki.verify import verify_certificate

__all__ = [
    "DEFAULT_SERVICES",
    "DEFAULT_TIMEOUT",
    "EndpointResult",
    "Finding",
    "LocalCopy",
    "PresentedCertificate",
    "ProbeOptions",
    "ProbeReport",
    "ProbeTarget",
    "Severity",
    "SummaryRow",
    "build_targets",
    "name_covered",
    "parse_certificate_message",
    "parse_endpoint",
    "probe",
    "probe_target",
]

DEFAULT_TIMEOUT = 4.0
EXPIRY_WARNING_DAYS = 30
_XMPP_LIMIT = 64 * 1024
_HANDSHAKE, _CERTIFICATE, _CERTIFICATE_REQUEST = 22, 11, 13


class Severity(enum.Enum):
    OK = "ok"
    INFO = "info"
    WARNING = "warning"
    PROBLEM = "problem"

    @property
    def mark(self) -> str:
        return {"ok": "✓", "info": "·", "warning": "!", "problem": "✗"}[self.value]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    topic: str  # connect, chain, order, expiry, names, eku, local, trust, client-certificate
    text: str  # a Text (translatable) or a plain English string


@dataclass(frozen=True)
class LocalCopy:
    """A file the server should be presenting (e.g. the full-chain file given to `webbridge3 https certs`)."""

    name: str
    certificates: tuple[x509.Certificate, ...]


@dataclass(frozen=True)
class ProbeTarget:
    host: str  # a DNS name (every address it resolves to is probed) or an IP address
    port: int
    service: TlsService = TlsService.TLS
    sni: str | None = None  # server name sent in the handshake; default: `host`, or the first of `names`
    names: tuple[str, ...] = ()  # names users type (join URL, …); the SNI name is always checked too
    xmpp_domain: str | None = None  # the `to` of the XMPP stream; default: the SNI name
    local: LocalCopy | None = None

    @property
    def host_name(self) -> str | None:
        """The host as a DNS name; None when it was given as an address."""
        return None if _is_ip(self.host) else self.host

    @property
    def server_name(self) -> str | None:
        if self.sni:
            return self.sni
        if not _is_ip(self.host):
            return self.host
        return self.names[0] if self.names else None  # connecting by address: send the name users type

    @property
    def expected_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.server_name, *self.names) if n))

    @property
    def display(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True)
class ProbeOptions:
    timeout: float = DEFAULT_TIMEOUT
    ipv4: bool = True
    ipv6: bool = True
    roots: tuple[x509.Certificate, ...] = ()
    roots_name: str = ""
    warn_days: int = EXPIRY_WARNING_DAYS
    at: dt.datetime | None = None


@dataclass(frozen=True)
class PresentedCertificate:
    position: int  # 1 = first certificate the server sent
    certificate: x509.Certificate
    role: Role
    days_left: int

    @property
    def subject_cn(self) -> str:
        return escape(common_name(self.certificate.subject))  # a stranger's data: never drive the terminal

    @property
    def not_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc

    @property
    def der(self) -> bytes:
        return self.certificate.public_bytes(Encoding.DER)

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "subject": escape(self.certificate.subject.rfc4514_string()),
            "issuer": escape(self.certificate.issuer.rfc4514_string()),
            "role": self.role.value,
            "not_after": f"{self.not_after:%Y-%m-%dT%H:%M:%SZ}",
            "days_left": self.days_left,
            "serial": f"{self.certificate.serial_number:X}",
        }


@dataclass
class EndpointResult:
    target: ProbeTarget
    address: str  # the IP address connected to ("" when the name did not resolve)
    chain: tuple[PresentedCertificate, ...] = ()
    tls_version: str = ""
    client_certificate_requested: bool = False
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems()

    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.PROBLEM]

    @property
    def family(self) -> str:
        if not self.address:
            return ""
        return "IPv6" if ":" in self.address else "IPv4"

    @property
    def label(self) -> str:
        if not self.address or self.address == self.target.host:
            return self.target.display
        address = f"[{self.address}]" if ":" in self.address else self.address
        return f"{self.target.host} {address}:{self.target.port}"

    @property
    def earliest(self) -> PresentedCertificate | None:
        return min(self.chain, key=lambda item: item.days_left, default=None)

    def chain_pem(self) -> bytes:
        return b"".join(item.certificate.public_bytes(Encoding.PEM) for item in self.chain)

    def add(self, severity: Severity, topic: str, text: str) -> None:
        self.findings.append(Finding(severity, topic, text))

    def as_dict(self) -> dict[str, Any]:
        return {
            "host": self.target.host,
            "address": self.address,
            "port": self.target.port,
            "service": self.target.service.value,
            "sni": self.target.server_name,
            "names": list(self.target.expected_names),
            "tls_version": self.tls_version,
            "client_certificate_requested": self.client_certificate_requested,
            "ok": self.ok,
            "chain": [item.as_dict() for item in self.chain],
            "findings": [{"severity": f.severity.value, "topic": f.topic, "text": str(f.text)} for f in self.findings],
        }


@dataclass(frozen=True)
class SummaryRow:
    days_left: int | None  # None: nothing was read
    not_after: str
    endpoint: str
    service: TlsService
    certificate: str  # CN of the certificate that expires first
    role: str
    problems: int


@dataclass
class ProbeReport:
    results: list[EndpointResult]

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    def summary(self) -> list[SummaryRow]:
        """Every endpoint, soonest expiry first; endpoints that presented nothing on top."""
        rows = []
        for result in self.results:
            first = result.earliest
            rows.append(
                SummaryRow(
                    first.days_left if first else None,
                    f"{first.not_after:%Y-%m-%d}" if first else "",
                    result.label,
                    result.target.service,
                    first.subject_cn if first else "",
                    first.role.value if first else "",
                    len(result.problems()),
                )
            )
        return sorted(rows, key=lambda row: (row.days_left is not None, row.days_left or 0, row.endpoint))

    def certificates(self) -> list[tuple[x509.Certificate, str]]:
        """Distinct certificates presented, each with the first endpoint that presented it."""
        seen: dict[bytes, tuple[x509.Certificate, str]] = {}
        for result in self.results:
            for item in result.chain:
                seen.setdefault(item.der, (item.certificate, result.label))
        return list(seen.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "endpoints": [result.as_dict() for result in self.results],
            "summary": [
                {
                    "days_left": row.days_left,
                    "not_after": row.not_after,
                    "endpoint": row.endpoint,
                    "service": row.service.value,
                    "certificate": row.certificate,
                    "role": row.role,
                    "problems": row.problems,
                }
                for row in self.summary()
            ],
        }

    def text(self) -> str:
        """The report as the CLI prints it (English)."""
        out: list[str] = []
        for result in self.results:
            warnings = sum(f.severity is Severity.WARNING for f in result.findings)
            state = (
                f"{len(result.problems())} PROBLEM(S)"
                if not result.ok
                else f"OK, {warnings} WARNING(S)"
                if warnings
                else "OK"
            )
            version = f"  {result.tls_version}" if result.tls_version else ""
            out.append(f"{result.label}  {result.target.service.label}{version}  {state}")
            if result.target.server_name:
                out.append(f"  SNI {result.target.server_name}")
            for item in result.chain:
                out.append(
                    f"  {item.position}. {item.role.value:<12} {item.subject_cn}  "
                    f"(expires {item.not_after:%Y-%m-%d}, {_days_text(item.days_left)})"
                )
            out += [f"  {finding.severity.mark} {finding.text}" for finding in result.findings]
            out.append("")
        out.append("Summary (soonest expiry first)")
        table = [("Days left", "Expires", "Endpoint", "Service", "Certificate", "Problems")]
        for row in self.summary():
            table.append(
                (
                    "-" if row.days_left is None else str(row.days_left),
                    row.not_after or "-",
                    row.endpoint,
                    row.service.label,
                    f"{row.certificate} ({row.role})" if row.certificate else "-",
                    str(row.problems),
                )
            )
        widths = [max(len(line[col]) for line in table) for col in range(len(table[0]))]
        for line in table:
            cells = [line[0].rjust(widths[0])] + [cell.ljust(w) for cell, w in zip(line[1:], widths[1:], strict=True)]
            out.append("  ".join(cells).rstrip())
        return "\n".join(out) + "\n"


def _days_text(days: int) -> str:
    return f"EXPIRED {-days} day(s) ago" if days < 0 else f"{days} day(s) left"


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return True


def parse_endpoint(text: str, default_port: int | None = None) -> tuple[str, int | None]:
    """`host`, `host:port`, `[v6]:port` or a bare IPv6 address → (host, port or default)."""
    value = text.strip()
    where = Text(N_("endpoint {value}"), value=value)
    if not value:
        raise CmsInputError("endpoint", N_("is empty; give a host name or address, e.g. cms1.example.com:445"))
    if "://" in value:  # a pasted URL: https://join.example.com:443/path
        scheme, _, value = value.partition("://")
        value = value.split("/", 1)[0]
        if default_port is None and scheme.lower() == "https" and not value.endswith("]") and value.count(":") != 1:
            default_port = 443
    port_text = ""
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise CmsInputError(where, N_("write an IPv6 address with a port as [2001:db8::1]:445"))
        port_text = rest[1:]
    elif value.count(":") == 1:
        host, _, port_text = value.partition(":")
    else:
        host = value
    if _is_ip(host):
        host = ipaddress.ip_address(host).compressed
    else:
        host = check_fqdn(host, where, allow_wildcard=False, allow_single_label=True)
    if not port_text:
        return host, default_port
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise CmsInputError(where, N_("the port must be a number from 1 to 65535"))
    return host, int(port_text)


_BY_PORT = {445: TlsService.WEBADMIN, 8443: TlsService.WEBADMIN, 5061: TlsService.CALLBRIDGE, 5222: TlsService.XMPP}
DEFAULT_SERVICES = (TlsService.WEBADMIN, TlsService.WEBBRIDGE3, TlsService.CALLBRIDGE)


def build_targets(
    endpoints: Sequence[str],
    services: Sequence[tuple[TlsService, int | None]] = (),
    *,
    sni: str | None = None,
    names: Sequence[str] = (),
    xmpp_domain: str | None = None,
    local: LocalCopy | None = None,
) -> list[ProbeTarget]:
    """What to probe, from what the user typed (the CLI's arguments, the wizard's fields).

    A HOST is probed on each service's port (its default unless given); a HOST:PORT on that port only,
    as the one service chosen, or as the CMS service that port is known for.
    """
    if not endpoints:
        raise CmsInputError("servers", N_("give at least one host name or address, e.g. cms1.example.com"))
    chosen = list(services) or [(service, None) for service in DEFAULT_SERVICES]
    checked_names = tuple(check_fqdn(n, "names users type", allow_single_label=True) for n in names)
    checked_sni = check_fqdn(sni, "SNI", allow_wildcard=False, allow_single_label=True) if sni else None
    # it becomes the `to` of the XMPP stream: a name, never markup
    checked_domain = (
        check_fqdn(xmpp_domain, "XMPP domain", allow_wildcard=False, allow_single_label=True) if xmpp_domain else None
    )
    targets = []
    for endpoint in endpoints:
        host, port = parse_endpoint(endpoint)
        if port is None:
            pairs = [(service, given or service.default_port) for service, given in chosen]
        elif len(services) == 1:
            pairs = [(services[0][0], port)]
        else:
            pairs = [(_BY_PORT.get(port, TlsService.WEBBRIDGE3 if port == 443 else TlsService.TLS), port)]
        targets += [
            ProbeTarget(host, service_port, service, checked_sni, checked_names, checked_domain, local)
            for service, service_port in pairs
        ]
    return targets


def name_covered(certificate: x509.Certificate, name: str) -> bool:
    """Does the certificate's subjectAltName cover `name` the way TLS clients check it (RFC 6125)?"""
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return False
    if _is_ip(name):
        wanted = ipaddress.ip_address(name.strip("[]"))
        return any(address == wanted for address in san.get_values_for_type(x509.IPAddress))
    host = name.lower().rstrip(".")
    for pattern in san.get_values_for_type(x509.DNSName):
        pattern = pattern.lower().rstrip(".")
        if pattern == host:
            return True
        if pattern.startswith("*.") and "." in host:
            label, _, parent = host.partition(".")
            if label and parent == pattern[2:] and parent.count(".") >= 1:
                return True
    return False


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


@dataclass
class _Handshake:
    der_chain: list[bytes] = field(default_factory=list)
    version: str = ""
    client_certificate_requested: bool = False
    error: str | None = None  # why no certificate could be read (a Text)
    late_error: str | None = None  # the handshake failed after the certificates arrived


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
    if b"urn:ietf:params:xml:ns:xmpp-tls" not in features:
        raise _Stop(N_("the XMPP server does not offer STARTTLS"))
    sock.sendall(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    answer = _read_until(sock, _PROCEED_OR_FAILURE, deadline, timeout)
    if b"<proceed" not in answer:
        raise _Stop(N_("the XMPP server refused STARTTLS"))


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


def _connect(address: tuple[Any, ...], family: int, target: ProbeTarget, timeout: float) -> _Handshake:
    deadline = time.monotonic() + timeout
    result = _Handshake()
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
        context = _context(messages)
        tls = context.wrap_socket(sock, server_hostname=target.server_name, do_handshake_on_connect=False)
        tls.settimeout(_remaining(deadline, timeout))
        try:
            tls.do_handshake()
            result.version = tls.version() or ""
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
        if not result.version and messages:
            result.version = {0x0303: "TLSv1.2", 0x0304: "TLSv1.3"}.get(messages[-1][0], "")
        tls.close()  # no close_notify, no data: just the socket
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


def _judge(result: EndpointResult, certificates: list[x509.Certificate], options: ProbeOptions) -> None:
    """The findings for one presented chain, problems first in the order an admin fixes them."""
    target, at = result.target, options.at or dt.datetime.now(dt.UTC)
    items = [make_item(c) for c in certificates]
    result.chain = tuple(
        PresentedCertificate(n, item.certificate, role_of(item), days_left(item.certificate, at))
        for n, item in enumerate(items, 1)
    )
    leaf = certificates[0]
    roles = [presented.role for presented in result.chain]
    # Order: each certificate signed by the next, as CMS wants its bundles.
    ordering = check_order(items, at=at, expect_root=False)
    in_order = all(link.ok for link in ordering.links) and (roles[0] is Role.ENTITY or Role.ENTITY not in roles)
    found = auto_order(items, at=at)
    if not in_order:
        right = ""
        if len(found.chains) == 1 and len(found.chains[0].items) == len(items):
            right = " → ".join(item.subject_cn for item in found.chains[0].items)
        if right:
            text = Text(
                N_("the chain is not in CMS order (certificate, intermediates, root); the right order is {order}"),
                order=right,
            )
        else:
            details = "; ".join(ordering.problems()) or N_("the certificate itself is not first")
            text = Text(
                N_("the chain is not in CMS order (certificate, intermediates, root): {details}"), details=details
            )
        result.add(Severity.PROBLEM, "order", text)
    # Completeness: CMS 3.0 and later present the full chain, root included.
    chain = found.chains[0] if found.chains else None
    if len(certificates) == 1 and leaf.issuer == leaf.subject:
        result.add(
            Severity.WARNING,
            "chain",
            N_(
                "self-signed: browsers and peers trust it only if they hold this very certificate; "
                "for users, use a certificate from your CA"
            ),
        )
    elif len(certificates) == 1 and roles[0] is not Role.ROOT:
        result.add(
            Severity.PROBLEM,
            "chain",
            Text(
                N_(
                    "incomplete: the server sends only its own certificate, no intermediates or root (missing {name}); put the full chain in the bundle or full-chain file"
                ),
                name=common_name(leaf.issuer),
            ),
        )
    elif chain is not None and not chain.complete:
        result.add(
            Severity.PROBLEM,
            "chain",
            Text(
                N_("incomplete: the certificate of {name} is missing; add it to the bundle or full-chain file"),
                name=chain.missing_issuer,
            ),
        )
    elif chain is not None and in_order:
        result.add(
            Severity.OK,
            "chain",
            Text(N_("complete and in CMS order: {names}"), names=" → ".join(item.subject_cn for item in chain.items)),
        )
    # Expiry, per certificate.
    for presented in result.chain:
        if presented.days_left < 0:
            result.add(
                Severity.PROBLEM,
                "expiry",
                Text(
                    N_("{name} EXPIRED on {date}"),
                    name=presented.subject_cn,
                    date=f"{presented.not_after:%Y-%m-%d}",
                ),
            )
        elif presented.certificate.not_valid_before_utc > at:
            result.add(
                Severity.PROBLEM,
                "expiry",
                Text(
                    N_("{name} is not valid yet (from {date}): check the clocks"),
                    name=presented.subject_cn,
                    date=f"{presented.certificate.not_valid_before_utc:%Y-%m-%d}",
                ),
            )
        elif presented.days_left <= options.warn_days:
            result.add(
                Severity.WARNING,
                "expiry",
                Text(
                    N_("{name} expires in {days} day(s), on {date}: renew it now"),
                    name=presented.subject_cn,
                    days=presented.days_left,
                    date=f"{presented.not_after:%Y-%m-%d}",
                ),
            )
    first = result.earliest
    if first is not None and first.days_left > options.warn_days:
        result.add(
            Severity.OK,
            "expiry",
            Text(
                N_("valid; the first to expire is {name} in {days} day(s), on {date}"),
                name=first.subject_cn,
                days=first.days_left,
                date=f"{first.not_after:%Y-%m-%d}",
            ),
        )
    # Names users type.
    entity = next((p.certificate for p in result.chain if p.role is Role.ENTITY), leaf)
    names = target.expected_names
    if not names:
        result.add(
            Severity.INFO, "names", N_("no host name to check (connected by address): give the names users type")
        )
    for name in names:
        if name_covered(entity, name):
            result.add(Severity.OK, "names", Text(N_("{name} is covered by the certificate"), name=name))
        else:
            result.add(
                Severity.PROBLEM,
                "names",
                Text(
                    N_(
                        "{name} is NOT in the certificate's subjectAltName: clients that type it get a warning or refuse"
                    ),
                    name=name,
                ),
            )
    # Purpose.
    why = target.service.eku_problem(entity, escape(common_name(entity.subject)))
    if why:
        result.add(Severity.PROBLEM, "eku", why)
    else:
        result.add(
            Severity.OK,
            "eku",
            Text(N_("the extended key usage suits {service}"), service=as_message(target.service.label)),
        )
    # The file the admin loaded: is the server really presenting it?
    if target.local is not None:
        _compare_local(result, target.local)
    # Trust, only against roots the user gave.
    if options.roots:
        intermediates = [c for c, r in zip(certificates, roles, strict=True) if r is Role.INTERMEDIATE]
        verdict = verify_certificate(entity, [*intermediates, *options.roots], at=at)
        if verdict.ok:
            result.add(
                Severity.OK,
                "trust",
                Text(N_("verifies against {roots}: {reason}"), roots=options.roots_name, reason=verdict.reason),
            )
        else:
            result.add(
                Severity.PROBLEM,
                "trust",
                Text(
                    N_("does NOT verify against {roots}: {reason}"),
                    roots=options.roots_name,
                    reason=_foreign_root(entity, intermediates, certificates, roles, options, at) or verdict.reason,
                ),
            )
    else:
        result.add(
            Severity.INFO, "trust", N_("not checked against a trusted root (none given); the chain was only read")
        )


def _foreign_root(
    entity: x509.Certificate,
    intermediates: list[x509.Certificate],
    certificates: Sequence[x509.Certificate],
    roles: Sequence[Role],
    options: ProbeOptions,
    at: dt.datetime,
) -> Text | None:
    """The chain is sound but ends at a root the server sent and the user does not trust: say that,
    not "missing intermediate" (the verifier never takes the server's own root as an anchor)."""
    for certificate, role in zip(certificates, roles, strict=True):
        if (
            role is Role.ROOT
            and certificate not in options.roots
            and verify_certificate(entity, [*intermediates, certificate], at=at).ok
        ):
            return Text(
                N_(
                    "the chain ends at the server's root {root}, which is not in {roots}: the server's CA is "
                    "not the one you trust (if it should be, add {root} to {roots})"
                ),
                root=escape(common_name(certificate.subject)),
                roots=options.roots_name,
            )
    return None


def _compare_local(result: EndpointResult, local: LocalCopy) -> None:
    presented = [item.certificate for item in result.chain]
    if not local.certificates:
        return
    mine = local.certificates[0]
    if presented[0] != mine:
        server = presented[0]
        result.add(
            Severity.PROBLEM,
            "local",
            Text(
                N_(
                    "the server presents another certificate than {file} (serial {served}, expires {served_date}; "
                    "the file: serial {serial}, expires {date}): the service still uses the old one; check its certs line and restart it"
                ),
                file=local.name,
                served=f"{server.serial_number:X}",
                served_date=f"{server.not_valid_after_utc:%Y-%m-%d}",
                serial=f"{mine.serial_number:X}",
                date=f"{mine.not_valid_after_utc:%Y-%m-%d}",
            ),
        )
    elif len(local.certificates) > 1 and list(local.certificates) != presented:
        result.add(
            Severity.WARNING,
            "local",
            Text(
                N_(
                    "same certificate as {file}, but the chain differs (the server sends {served}, the file holds {count})"
                ),
                file=local.name,
                served=len(presented),
                count=len(local.certificates),
            ),
        )
    else:
        result.add(
            Severity.OK,
            "local",
            Text(
                N_("byte-identical to {file} ({count} certificate(s))"), file=local.name, count=len(local.certificates)
            ),
        )


def probe_target(target: ProbeTarget, options: ProbeOptions | None = None) -> list[EndpointResult]:
    """Probe one endpoint on every address its name resolves to (IPv4 and IPv6)."""
    options = options or ProbeOptions()
    addresses, error = _addresses(target, options)
    if error:
        result = EndpointResult(target, "")
        result.add(Severity.PROBLEM, "connect", error)
        return [result]
    results = []
    for family, sockaddr in addresses:
        handshake = _connect(sockaddr, family, target, options.timeout)
        result = EndpointResult(target, str(sockaddr[0]), tls_version=handshake.version)
        result.client_certificate_requested = handshake.client_certificate_requested
        if handshake.error:
            result.add(Severity.PROBLEM, "connect", handshake.error)
            results.append(result)
            continue
        certificates = []
        for der in handshake.der_chain:
            try:
                certificates.append(x509.load_der_x509_certificate(der))
            except ValueError:
                result.add(
                    Severity.PROBLEM, "chain", N_("the server sent a certificate that cannot be read (damaged DER)")
                )
        if not certificates:
            result.add(Severity.PROBLEM, "chain", N_("the server sent no certificate"))
            results.append(result)
            continue
        if handshake.client_certificate_requested:
            result.add(
                Severity.INFO,
                "client-certificate",
                N_(
                    "the server asks for a client certificate (mutual TLS); its chain was read before that, none was sent"
                ),
            )
        elif handshake.late_error:
            result.add(Severity.WARNING, "connect", handshake.late_error)
        _judge(result, certificates, options)
        results.append(result)
    return results


def probe(
    targets: Sequence[ProbeTarget],
    options: ProbeOptions | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ProbeReport:
    """Probe every target in parallel (a few at a time); results keep the order of `targets`."""
    options = options or ProbeOptions()
    if not targets:
        return ProbeReport([])
    done = 0
    by_index: dict[int, list[EndpointResult]] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(8, len(targets))) as pool:
        futures = {pool.submit(probe_target, target, options): index for index, target in enumerate(targets)}
        for future in concurrent.futures.as_completed(futures):
            by_index[futures[future]] = future.result()
            done += 1
            if progress is not None:
                progress(done, len(targets))
    return ProbeReport([result for index in sorted(by_index) for result in by_index[index]])
