"""The TLS endpoints a CMS presents (domain reference §3, §5), their default ports and EKU rule.

Ports are site choices: the defaults come from the sheet's `Listen` (Web Admin beside a web bridge on
445, 443 without one; C2W 6000; TURN TLS 447) plus SIP TLS 5061, XMPP 5222 and the database on 5432;
every caller lets the user change them.
The EKU rule of each endpoint is the rule of the service behind it (`cms.services`).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from cmswizard.cms.services import EkuProblem, Service, check_service_eku
from cmswizard.cms.sheet import Listen
from cmswizard.pki.errors import N_

if TYPE_CHECKING:
    from cryptography import x509

__all__ = ["TlsService", "endpoint_for"]

_LISTEN = Listen()


class TlsService(enum.Enum):
    """A TLS listener of a CMS node; `value` is the name used on the command line."""

    WEBADMIN = "webadmin"
    WEBBRIDGE3 = "webbridge3"
    C2W = "c2w"
    CALLBRIDGE = "callbridge"
    TURN = "turn"
    XMPP = "xmpp"
    WEBBRIDGE = "webbridge"
    DATABASE = "database"
    TLS = "tls"

    @property
    def label(self) -> str:
        return {
            "webadmin": N_("Web Admin"),
            "webbridge3": N_("Web Bridge 3 HTTPS"),
            "c2w": N_("Web Bridge 3 C2W"),
            "callbridge": N_("Call Bridge SIP TLS"),
            "turn": N_("TURN TLS"),
            "xmpp": N_("XMPP (STARTTLS)"),
            "webbridge": N_("Web Bridge (2.x)"),
            "database": N_("Database cluster (PostgreSQL TLS)"),
            "tls": N_("TLS server"),
        }[self.value]

    @property
    def default_port(self) -> int:
        return {
            "webadmin": _LISTEN.webadmin_port_beside_web_bridge,
            "webbridge3": _LISTEN.webbridge3_port,
            "c2w": _LISTEN.c2w_port,
            "callbridge": 5061,
            "turn": _LISTEN.turn_tls_port,
            "xmpp": 5222,
            "webbridge": _LISTEN.webbridge_port,
            "database": 5432,  # PostgreSQL's port: the database cluster link between the cores
            "tls": 443,
        }[self.value]

    @property
    def service(self) -> Service:
        """The MMP service whose certificate this endpoint presents (a plain TLS server: serverAuth, as Web Admin)."""
        return {
            "webadmin": Service.WEBADMIN,
            "webbridge3": Service.WEBBRIDGE3,
            "c2w": Service.WEBBRIDGE3,
            "callbridge": Service.CALLBRIDGE,
            "turn": Service.TURN,
            "xmpp": Service.XMPP,
            "webbridge": Service.WEBBRIDGE,
            "database": Service.DATABASE,
            "tls": Service.WEBADMIN,
        }[self.value]

    @property
    def starttls_xmpp(self) -> bool:
        return self is TlsService.XMPP

    @property
    def postgres_ssl_request(self) -> bool:
        """PostgreSQL starts plain and switches to TLS after an SSLRequest (PostgreSQL protocol, "SSL Session
        Encryption")."""
        return self is TlsService.DATABASE

    @property
    def eku_undecided(self) -> bool:
        """No readable Cisco text says which EKU the database server certificate needs (PA 12.x asks only for
        clientAuth on the DB client): a missing one is a warning, never a refusal."""
        return self is TlsService.DATABASE

    def eku_problem(self, certificate: x509.Certificate, source: str = "") -> EkuProblem | None:
        return check_service_eku(self.service, certificate, source)


def endpoint_for(service: Service) -> TlsService | None:
    """The endpoint to probe after `service` got a new certificate (None: nothing listens with it)."""
    return {
        Service.WEBADMIN: TlsService.WEBADMIN,
        Service.CALLBRIDGE: TlsService.CALLBRIDGE,
        Service.WEBBRIDGE3: TlsService.WEBBRIDGE3,
        Service.WEBBRIDGE: TlsService.WEBBRIDGE,
        Service.TURN: TlsService.TURN,
        Service.XMPP: TlsService.XMPP,
        Service.DATABASE: TlsService.DATABASE,
    }.get(service)
