"""What the probe is asked to do: the endpoints, the names to check, the options (no network here).

`cmswizard probe` and the wizard's probe page turn what the user typed into `ProbeTarget`s with
`build_targets`; `remote.probe` connects and reads (facts only); `cms.probe_report` judges what was read.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509

from cmswizard.cms.endpoints import TlsService
from cmswizard.cms.services import Service
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.names import check_fqdn

if TYPE_CHECKING:
    from cmswizard.cms.sheet import Deployment

__all__ = [
    "DEFAULT_SERVICES",
    "DEFAULT_TIMEOUT",
    "EXPIRY_WARNING_DAYS",
    "LocalCopy",
    "ProbeOptions",
    "ProbeTarget",
    "build_targets",
    "expected_copy",
    "is_ip",
    "name_covered",
    "parse_endpoint",
    "probe_endpoints",
    "trusted_roots",
]

DEFAULT_TIMEOUT = 4.0
EXPIRY_WARNING_DAYS = 30


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
        return None if is_ip(self.host) else self.host

    @property
    def server_name(self) -> str | None:
        if self.sni:
            return self.sni
        if not is_ip(self.host):
            return self.host
        return self.names[0] if self.names else None  # connecting by address: send the name users type

    @property
    def expected_names(self) -> tuple[str, ...]:
        """The names the certificate must cover; for XMPP also the XMPP domain clients ask for (RFC 6120 §13.7.1.2)."""
        domain = self.xmpp_domain if self.service.starttls_xmpp else None
        return tuple(dict.fromkeys(n for n in (self.server_name, *self.names, domain) if n))

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


def is_ip(text: str) -> bool:
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
        if not port_text:  # `host:` — a port was meant and left out: never a silent default
            raise CmsInputError(where, N_("ends with ':' but no port; give the port (host:445) or leave the ':' out"))
    else:
        host = value
    if is_ip(host):
        host = ipaddress.ip_address(host).compressed
    else:
        host = check_fqdn(host, where, allow_wildcard=False, allow_single_label=True)
    if not port_text:
        return host, default_port
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise CmsInputError(where, N_("the port must be a number from 1 to 65535"))
    return host, int(port_text)


_BY_PORT = {
    445: TlsService.WEBADMIN,
    8443: TlsService.WEBADMIN,
    5061: TlsService.CALLBRIDGE,
    5222: TlsService.XMPP,
    5432: TlsService.DATABASE,
}
DEFAULT_SERVICES = (TlsService.WEBADMIN, TlsService.WEBBRIDGE3, TlsService.CALLBRIDGE)


def _default_port(service: TlsService, chosen: Sequence[tuple[TlsService, int | None]]) -> int:
    """Web Admin moves off 443 only where a web bridge has it (Listen); probed without one, it is on 443."""
    if service is TlsService.WEBADMIN and not {s for s, _ in chosen} & {TlsService.WEBBRIDGE3, TlsService.WEBBRIDGE}:
        return 443
    return service.default_port


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
            pairs = [(service, given or _default_port(service, chosen)) for service, given in chosen]
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
    if is_ip(name):
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


def probe_endpoints(deployment: Deployment) -> dict[TlsService, int]:
    """Every TLS endpoint a deployment runs, with the port it listens on: what to probe by default (C2W, TURN
    and the database included when the deployment has them)."""
    listen = deployment.listen
    services = {files.service for files in deployment.services}
    web_bridge = bool(services & {Service.WEBBRIDGE3, Service.WEBBRIDGE})
    found: dict[TlsService, int] = {}
    if Service.WEBADMIN in services:
        found[TlsService.WEBADMIN] = listen.webadmin_port_beside_web_bridge if web_bridge else listen.webadmin_port
    if Service.CALLBRIDGE in services:
        found[TlsService.CALLBRIDGE] = TlsService.CALLBRIDGE.default_port
    if Service.WEBBRIDGE3 in services:
        found[TlsService.WEBBRIDGE3] = listen.webbridge3_port
        found[TlsService.C2W] = listen.c2w_port
    if Service.WEBBRIDGE in services:
        found[TlsService.WEBBRIDGE] = listen.webbridge_port
    if Service.TURN in services:
        found[TlsService.TURN] = listen.turn_tls_port
    if Service.XMPP in services:
        found[TlsService.XMPP] = TlsService.XMPP.default_port
    if deployment.db is not None:
        found[TlsService.DATABASE] = TlsService.DATABASE.default_port
    return found


def expected_copy(path: str) -> LocalCopy:
    """The certificate (or full chain) the server should present, read from `path`: the CLI's --expect
    and the probe page's field read it the same way, with the same message."""
    from cmswizard.pki.loader import load_file

    loaded = load_file(path)
    if not loaded.certificates:
        raise CmsInputError(path, N_("holds no certificate to compare with; give the .crt or full-chain file"))
    return LocalCopy(Path(path).name, tuple(loaded.certificates))


def trusted_roots(path: str) -> tuple[x509.Certificate, ...]:
    """The root CA(s), and any intermediates, a chain is verified against (the CLI's --roots, the page's field)."""
    from cmswizard.pki.loader import load_file

    certificates = tuple(load_file(path).certificates)
    if not certificates:
        raise CmsInputError(path, N_("holds no certificate; give the root CA (and intermediates) you trust"))
    return certificates
