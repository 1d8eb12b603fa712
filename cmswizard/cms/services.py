"""CMS versions, services, where each runs and what its certificate must allow (domain reference §3).

Each decision lives here once: the CLI builds its choices from these enums, the GUI its lists, the
sheet its sections, and the EKU checks their rules.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from cmswizard.pki.errors import N_, Text, as_message

if TYPE_CHECKING:  # cryptography is imported when a certificate is checked, so the CLI starts fast
    from cryptography import x509

__all__ = [
    "BACKUP_NAME",
    "CLIENT_AUTH_ADVICE",
    "CmsVersion",
    "Eku",
    "EkuProblem",
    "Service",
    "Topology",
    "check_service_eku",
    "eku_of",
    "eku_report",
    "service_named_in",
    "services_for",
    "services_usable",
]

BACKUP_NAME = "before-certificates"  # `backup snapshot <name>`; the admin downloads <name>.bak


class CmsVersion(enum.Enum):
    V2 = "2.x"  # 2.0 to 2.8: Web Bridge 2 and XMPP
    V2_9 = "2.9"  # Web Bridge 2 and Web Bridge 3 side by side, XMPP still there
    V3 = "3.x"  # Web Bridge 3 only, no XMPP, the Scheduler

    @property
    def label(self) -> str:  # a Text: translated also where it is a parameter of another message
        return as_message({"2.x": N_("CMS 2.0–2.8"), "2.9": N_("CMS 2.9"), "3.x": N_("CMS 3.x")}[self.value])

    @property
    def choice_label(self) -> str:
        """The version as offered in a list: what it brings (TAC 214618 step 3: the DB CA from 2.7; Cisco Live lab:
        Web Bridge 3 from 2.9; TAC 217367: the Scheduler beta in 3.3, supported in 3.4 and 3.5)."""
        return as_message(
            {
                "2.x": N_("CMS 2.0–2.8 (Web Bridge 2, XMPP; database CA from 2.7)"),
                "2.9": N_("CMS 2.9 (Web Bridge 2 and 3, XMPP)"),
                # 3.4: CMS 1000 and virtual; 3.5: CMS 2000 (TAC 217367), said in the help and the reference
                "3.x": N_("CMS 3.x (Web Bridge 3; Scheduler: beta 3.3, from 3.4 / 3.5)"),
            }[self.value]
        )


class Topology(enum.Enum):
    SINGLE = "single"  # one combined server
    CLUSTER = "cluster"  # several combined servers
    EDGE = "edge"  # core servers plus edge servers (Web Bridge 3 / TURN at the edge)


class Eku(enum.Enum):
    SERVER = "serverAuth"
    CLIENT = "clientAuth"


_SERVER, _CLIENT = frozenset({Eku.SERVER}), frozenset({Eku.CLIENT})
_BOTH = _SERVER | _CLIENT


class Service(enum.Enum):
    WEBADMIN = "webadmin"
    CALLBRIDGE = "callbridge"
    WEBBRIDGE = "webbridge"  # Web Bridge 2, up to 2.9
    WEBBRIDGE3 = "webbridge3"  # from 2.9
    SCHEDULER = "scheduler"  # 3.x, its C2W certificate
    XMPP = "xmpp"  # up to 2.9; removed in 3.0
    TURN = "turn"
    UCM = "ucm"  # `callbridge ucm certs`, CUCM trunk where used (unconfirmed)
    LOADBALANCER = "loadbalancer"  # 2.x load balancer / trunk: no sourced command syntax
    DATABASE = "database"

    @property
    def label(self) -> str:  # a Text: translated also where it is a parameter of another message
        return as_message(
            {
                "webadmin": N_("Web Admin"),
                "callbridge": N_("Call Bridge"),
                "webbridge": N_("Web Bridge"),
                "webbridge3": N_("Web Bridge 3"),
                "scheduler": N_("Scheduler (C2W)"),
                "xmpp": N_("XMPP"),
                "turn": N_("TURN"),
                "ucm": N_("CUCM trunk (Call Bridge)"),
                "loadbalancer": N_("Load balancer / trunk"),
                "database": N_("Database cluster"),
            }[self.value]
        )

    @property
    def eku(self) -> frozenset[Eku]:
        """What the certificate's extended key usage must allow: clientAuth where the service is a TLS client."""
        if self in (Service.CALLBRIDGE, Service.SCHEDULER, Service.UCM, Service.LOADBALANCER):
            return _BOTH
        return _SERVER

    @property
    def takes_full_chain(self) -> bool:
        """One full-chain file instead of certificate + CA bundle."""
        return self in (Service.WEBBRIDGE3, Service.SCHEDULER)

    @property
    def confirmed(self) -> bool:
        """False when no Cisco document gives the command's syntax: the sheet never prints it as exact."""
        return self not in (Service.UCM, Service.LOADBALANCER, Service.SCHEDULER)

    @property
    def edge_side(self) -> bool:
        """In a core + edge deployment, runs on the edge servers."""
        return self in (Service.WEBBRIDGE3, Service.WEBBRIDGE, Service.TURN, Service.LOADBALANCER)


def services_for(version: CmsVersion) -> list[Service]:
    """The services that exist on this CMS version, in the order the sheet configures them."""
    if version is CmsVersion.V2:
        return [
            Service.WEBADMIN,
            Service.CALLBRIDGE,
            Service.WEBBRIDGE,
            Service.XMPP,
            Service.TURN,
            Service.UCM,
            Service.LOADBALANCER,
            Service.DATABASE,
        ]
    if version is CmsVersion.V2_9:
        return [
            Service.WEBADMIN,
            Service.CALLBRIDGE,
            Service.WEBBRIDGE,
            Service.WEBBRIDGE3,
            Service.XMPP,
            Service.TURN,
            Service.UCM,
            Service.LOADBALANCER,
            Service.DATABASE,
        ]
    return [
        Service.WEBADMIN,
        Service.CALLBRIDGE,
        Service.WEBBRIDGE3,
        Service.SCHEDULER,
        Service.TURN,
        Service.UCM,
        Service.DATABASE,
    ]


# --- EKU per service (§3; PA 12.x Security) ------------------------------------------------------------

# Why (TAC 225723: under the Chrome Root Program public CAs issue serverAuth-only certificates) and what Cisco asks
# for CMS (PA 12.x Security: both EKUs). FN74345 is about the same change but lists other products, not CMS.
CLIENT_AUTH_ADVICE = as_message(
    N_(
        "public CAs are dropping clientAuth (Chrome Root Program) and Cisco asks for both: use a CA template "
        "with serverAuth and clientAuth, or your enterprise CA"
    )
)


def eku_of(certificate: x509.Certificate) -> frozenset[Eku] | None:
    """The TLS purposes the certificate allows; None when it has no EKU extension (then any purpose)."""
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID

    oids = {Eku.SERVER: ExtendedKeyUsageOID.SERVER_AUTH, Eku.CLIENT: ExtendedKeyUsageOID.CLIENT_AUTH}
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return None
    if ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE in usage:
        return None
    return frozenset(eku for eku, oid in oids.items() if oid in usage)


class EkuProblem(Text):
    """Why a certificate cannot serve a service, with what to do (a translatable Text)."""


def check_service_eku(service: Service, certificate: x509.Certificate, source: str = "") -> EkuProblem | None:
    """None when the certificate's EKU allows what `service` needs; else the reason and the fix."""
    allowed = eku_of(certificate)
    if allowed is None:
        return None
    missing = [eku for eku in (Eku.SERVER, Eku.CLIENT) if eku in service.eku and eku not in allowed]
    if not missing:
        return None
    names = " + ".join(eku.value for eku in missing)
    if Eku.CLIENT in missing:
        return EkuProblem(
            N_(
                "{file}: the {service} needs {missing} in the extended key usage and this certificate has not; {advice}"
            ),
            file=source or as_message(N_("this certificate")),
            service=as_message(service.label),
            missing=names,
            advice=CLIENT_AUTH_ADVICE,
        )
    return EkuProblem(
        N_(
            "{file}: the {service} needs {missing} in the extended key usage and this certificate has not; ask the CA for a server certificate"
        ),
        file=source or as_message(N_("this certificate")),
        service=as_message(service.label),
        missing=names,
    )


def services_usable(
    certificate: x509.Certificate, version: CmsVersion = CmsVersion.V3
) -> tuple[list[Service], list[Service]]:
    """(services whose EKU rule the certificate meets, services it cannot serve) on `version`."""
    usable: list[Service] = []
    not_usable: list[Service] = []
    for service in services_for(version):
        if service is Service.DATABASE:
            continue
        (not_usable if check_service_eku(service, certificate) else usable).append(service)
    return usable, not_usable


def eku_report(certificate: x509.Certificate, version: CmsVersion = CmsVersion.V3) -> list[Text]:
    """For showing a certificate: which CMS services its EKU fits, which it cannot serve, and what to do."""
    usable, not_usable = services_usable(certificate, version)
    if not not_usable:
        return [Text(N_("fits every CMS service (serverAuth and clientAuth, or no EKU limit)"))]
    lines = [
        Text(N_("CMS services: fits {services}"), services=", ".join(s.label for s in usable) or "-"),
        Text(
            N_("NOT for {services}: they need clientAuth as well; {advice}"),
            services=", ".join(s.label for s in not_usable),
            advice=CLIENT_AUTH_ADVICE,
        ),
    ]
    if not usable or Service.WEBADMIN in not_usable:  # a client-only certificate
        lines[1] = Text(N_("NOT for {services}: they need serverAuth"), services=", ".join(s.label for s in not_usable))
    return lines


def service_named_in(basename: str) -> Service | None:
    """The service a certificate's file name says it served (webbridge3-2025, callbridge-cms1-2026): the
    longest service name the basename starts with, followed by "-" or nothing. None when it names none, so
    the caller asks rather than guesses."""
    lowered = basename.lower()
    named = [
        service
        for service in Service
        if service is not Service.DATABASE and (lowered == service.value or lowered.startswith(service.value + "-"))
    ]
    return max(named, key=lambda service: len(service.value)) if named else None
