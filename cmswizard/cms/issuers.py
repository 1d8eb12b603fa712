"""Who signs which certificate (plan schema 2, docs/plan-format.md): `[issuers.<name>]` tables.

Three kinds: `acme` (an RFC 8555 CA reached over the network: a public one such as Let's Encrypt, or an
internal one such as step-ca), `builtin` (this tool's own CA, as for the database cluster) and `manual`
(today's flow: the CSR goes out, the certificate comes back, e.g. from a Microsoft AD CS).

Secrets never live in the plan: an ACME account key, an EAB MAC key and a TSIG key are *files* the plan
names (mode 0600, read through `pki/files.py`) or OS keyring entries (`keyring:<service>/<name>`).
Public CAs issue serverAuth only: a public issuer on a service that is also a TLS client is refused,
naming the service and why (cms-certificates.md §3 and §9).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cmswizard.cms.services import Eku, Service
from cmswizard.pki.errors import N_, CmsInputError, Text, shorten
from cmswizard.pki.safe_text import has_control

__all__ = [
    "DnsSettings",
    "Issuer",
    "IssuerType",
    "check_issuer_fits",
    "issuer_lines",
    "propose_issuer",
    "read_issuers",
    "secret_reference",
]

KEYRING_PREFIX = "keyring:"
# Services a public CA may sign: serverAuth only, never a TLS client (cms-certificates.md §9).
PUBLIC_SERVICES = frozenset({Service.WEBBRIDGE3, Service.WEBBRIDGE, Service.TURN, Service.WEBADMIN})


class IssuerType(enum.Enum):
    ACME = "acme"
    BUILTIN = "builtin"
    MANUAL = "manual"


class DnsProvider(enum.Enum):
    RFC2136 = "rfc2136"  # dynamic update signed with TSIG
    MANUAL = "manual"  # a person creates the TXT record; the tool waits and checks


@dataclass(frozen=True)
class DnsSettings:
    """How DNS-01 answers are published for an ACME issuer (`[issuers.<name>.dns]`)."""

    provider: DnsProvider = DnsProvider.MANUAL
    server: str = ""  # where dynamic updates go (an address or a host name); "" = the zone's primary (SOA MNAME)
    port: int = 53  # of the update server and of every authoritative server asked
    tsig_key: str = ""  # a BIND key file (`tsig-keygen`) or keyring:<service>/<name>
    resolver: str = ""  # address[:port] used to find the zone, its servers and CNAMEs; "" = the system's
    wait_seconds: int = 120  # how long to wait for every authoritative server to show the TXT


@dataclass(frozen=True)
class Issuer:
    name: str
    type: IssuerType
    directory: str = ""  # ACME directory URL
    profile: str = ""  # ACME profile (e.g. "tlsserver"); "" = the CA's default
    contact: tuple[str, ...] = ()  # mailto: addresses for the account
    account_key: str = ""  # file (made 0600 on first use) or keyring:<service>/<name>
    eab_kid: str = ""  # external account binding: key id (not a secret)
    eab_hmac_key: str = ""  # … and the file/keyring entry with its MAC key (base64url)
    public: bool = True  # an ACME CA of the Web PKI (serverAuth only); false for step-ca & co.
    ca_file: str = ""  # a PEM file of roots to trust for the ACME API (an internal CA's TLS); "" = system's
    roots: str = ""  # a PEM file with the root(s) the CA's chains end in: CMS full chains carry the root
    dns: DnsSettings | None = None

    @property
    def issues_server_only(self) -> bool:
        return self.type is IssuerType.ACME and self.public


def _secret_reference(reader: Any, value: str, where: str) -> str:
    """A secret is named, never written: a path (relative to the plan) or keyring:<service>/<name>."""
    if has_control(value) or not value.strip():
        raise reader.fail(where, N_("name a file (mode 0600) or keyring:<service>/<name>; never the secret itself"))
    if value.startswith(KEYRING_PREFIX):
        service, _, name = value[len(KEYRING_PREFIX) :].partition("/")
        if not service or not name:
            raise reader.fail(where, N_("write keyring:<service>/<name> (both parts)"))
    elif value.lstrip().startswith("-----BEGIN") or "\n" in value:
        raise reader.fail(where, N_("holds a secret: put it in a file of mode 0600 and name that file here"))
    return value


secret_reference = _secret_reference  # for other plan sections that name a secret ([apply].api_password)


def _read_dns(reader: Any, value: object, where: str) -> DnsSettings:
    known = ("provider", "server", "port", "tsig_key", "resolver", "wait_seconds")
    table = reader.table(value, where, known)
    provider = reader.choice(table, where, "provider", DnsProvider, [p.value for p in DnsProvider])
    port = reader.get(table, where, "port", int, 53)
    if not 1 <= port <= 65535:
        raise reader.fail(f"{where}.port", Text(N_("{value} is not a port; give 1 to 65535"), value=port))
    wait = reader.get(table, where, "wait_seconds", int, 120)
    if not 1 <= wait <= 3600:
        raise reader.fail(f"{where}.wait_seconds", N_("give 1 to 3600 seconds"))
    tsig = reader.get(table, where, "tsig_key", str, "")
    if provider is DnsProvider.RFC2136 and not tsig:
        raise reader.fail(
            f"{where}.tsig_key", N_("rfc2136 updates are signed: name the TSIG key file (tsig-keygen writes one)")
        )
    return DnsSettings(
        provider,
        reader.get(table, where, "server", str, ""),
        port,
        _secret_reference(reader, tsig, f"{where}.tsig_key") if tsig else "",
        reader.get(table, where, "resolver", str, ""),
        wait,
    )


def read_issuers(reader: Any, top: Mapping[str, Any]) -> tuple[Issuer, ...]:
    """The `[issuers.<name>]` tables; `reader` is the plan reader (it names `file: key` in every error)."""
    if "issuers" not in top:
        return ()
    tables = top["issuers"]
    if not isinstance(tables, dict):
        raise reader.fail("issuers", N_("must be written as [issuers.<name>] tables"))
    found: list[Issuer] = []
    for name, value in tables.items():
        where = f"issuers.{name}"
        if not name or has_control(name) or not name.replace("-", "").replace("_", "").isalnum():
            raise reader.fail(where, N_("an issuer's name is letters, digits, - and _ (e.g. public, internal)"))
        known = (
            "type",
            "directory",
            "profile",
            "contact",
            "account_key",
            "eab_kid",
            "eab_hmac_key",
            "public",
            "ca_file",
            "roots",
            "dns",
        )
        table = reader.table(value, where, known)
        kind = reader.choice(table, where, "type", IssuerType, [t.value for t in IssuerType])
        if kind is not IssuerType.ACME:
            extra = [key for key in table if key != "type"]
            if extra:
                raise reader.fail(
                    f"{where}.{extra[0]}",
                    Text(N_("belongs to an acme issuer; a {kind} issuer has only type"), kind=kind.value),
                )
            found.append(Issuer(name, kind))
            continue
        directory = reader.get(table, where, "directory", str)
        if not directory.startswith("https://") or has_control(directory) or " " in directory:
            raise reader.fail(
                f"{where}.directory",
                Text(N_("{value}: give the CA's https:// directory URL"), value=shorten(directory)),
            )
        contact = reader.strings(table, where, "contact")
        for number, address in enumerate(contact):
            if not address.startswith("mailto:") or has_control(address):
                raise reader.fail(f"{where}.contact[{number}]", N_("write mailto:someone@example.com"))
        eab_kid = reader.get(table, where, "eab_kid", str, "")
        eab_key = reader.get(table, where, "eab_hmac_key", str, "")
        if bool(eab_kid) != bool(eab_key):
            raise reader.fail(
                f"{where}.{'eab_hmac_key' if eab_kid else 'eab_kid'}",
                N_("external account binding needs both eab_kid and eab_hmac_key (a file or keyring entry)"),
            )
        found.append(
            Issuer(
                name,
                kind,
                directory,
                reader.get(table, where, "profile", str, ""),
                contact,
                _secret_reference(reader, reader.get(table, where, "account_key", str), f"{where}.account_key"),
                eab_kid,
                _secret_reference(reader, eab_key, f"{where}.eab_hmac_key") if eab_key else "",
                reader.get(table, where, "public", bool, True),
                reader.get(table, where, "ca_file", str, ""),
                reader.get(table, where, "roots", str, ""),
                _read_dns(reader, table["dns"], f"{where}.dns") if "dns" in table else None,
            )
        )
    return tuple(found)


def check_certificate_issuer(
    reader: Any, issuers: Sequence[Issuer], issuer_name: str, services: Sequence[Service], where: str
) -> None:
    """The plan reader's check of a [[certificate]]'s issuer: it exists, and a public CA signs no TLS client."""
    if not issuer_name:
        return
    names = [issuer.name for issuer in issuers]
    if issuer_name not in names:
        raise reader.fail(
            f"{where}.issuer",
            Text(
                N_("{name} is no [issuers.<name>] of this plan (issuers: {known})"),
                name=shorten(issuer_name),
                known=", ".join(names) or "none",
            ),
        )
    issuer = next(i for i in issuers if i.name == issuer_name)
    problem = check_issuer_fits(issuer, services)
    if problem:
        raise reader.fail(f"{where}.issuer", problem)


def check_issuer_fits(issuer: Issuer, services: Sequence[Service]) -> str:
    """Why `issuer` cannot sign a certificate for `services` ("" when it can)."""
    if not issuer.issues_server_only:
        return ""
    for service in services:
        if Eku.CLIENT in service.eku or service not in PUBLIC_SERVICES:
            return Text(
                N_(
                    "{issuer} is a public ACME CA, which issues serverAuth only; {service} is also a TLS client "
                    "(it needs clientAuth): give this certificate an internal issuer (builtin, manual or an "
                    "acme issuer with public = false)"
                ),
                issuer=issuer.name,
                service=service.label,
            )
    return ""


def propose_issuer(services: Sequence[Service], *, webadmin_public: bool) -> str:
    """`plan new --acme`: "public" for serverAuth-only services (Web Admin only when reached from
    outside), "internal" for anything that is also a TLS client."""
    public = set(PUBLIC_SERVICES) if webadmin_public else set(PUBLIC_SERVICES) - {Service.WEBADMIN}
    return "public" if services and all(s in public for s in services) else "internal"


def issuer_lines(issuers: Sequence[Issuer], quote: Any) -> list[str]:
    """The `[issuers.<name>]` tables as the plan writer lays them out (`quote` is its TOML string writer)."""
    lines: list[str] = []
    for issuer in issuers:
        lines += ["", f"[issuers.{issuer.name}]", f"type = {quote(issuer.type.value)}"]
        if issuer.type is not IssuerType.ACME:
            continue
        lines.append(f"directory = {quote(issuer.directory)}")
        if issuer.profile:
            lines.append(f"profile = {quote(issuer.profile)}")
        if issuer.contact:
            lines.append("contact = [" + ", ".join(quote(c) for c in issuer.contact) + "]")
        lines.append(f"account_key = {quote(issuer.account_key)}  # a file (0600) or keyring:<service>/<name>")
        if issuer.eab_kid:
            lines += [f"eab_kid = {quote(issuer.eab_kid)}", f"eab_hmac_key = {quote(issuer.eab_hmac_key)}"]
        if not issuer.public:
            lines.append("public = false")
        if issuer.ca_file:
            lines.append(f"ca_file = {quote(issuer.ca_file)}")
        if issuer.roots:
            lines.append(f"roots = {quote(issuer.roots)}  # the root(s) the CA's chains end in (full chains carry it)")
        dns = issuer.dns
        if dns is not None:
            lines += ["", f"[issuers.{issuer.name}.dns]", f"provider = {quote(dns.provider.value)}"]
            if dns.server:
                lines.append(f"server = {quote(dns.server)}")
            if dns.port != 53:
                lines.append(f"port = {dns.port}")
            if dns.tsig_key:
                lines.append(f"tsig_key = {quote(dns.tsig_key)}  # a BIND key file (0600) or keyring:<service>/<name>")
            if dns.resolver:
                lines.append(f"resolver = {quote(dns.resolver)}")
            if dns.wait_seconds != 120:
                lines.append(f"wait_seconds = {dns.wait_seconds}")
    return lines


def split_issuers(
    plan: Any,
    acme: Issuer,
    *,
    webadmin_public: bool = False,
    internal: Issuer | None = None,
) -> Any:
    """`plan new --acme URL`: the plan with two issuers, `acme` ("public") for the serverAuth-only
    certificates and `internal` (by default "manual": CSR out, certificate in) for the others."""
    from dataclasses import replace

    internal = internal or Issuer("internal", IssuerType.MANUAL)
    certificates = tuple(
        replace(
            certificate,
            issuer=acme.name
            if propose_issuer(certificate.services, webadmin_public=webadmin_public) == "public"
            else internal.name,
        )
        for certificate in plan.certificates
    )
    used = {c.issuer for c in certificates}
    issuers = tuple(i for i in (acme, internal) if i.name in used)
    return replace(plan, certificates=certificates, issuers=issuers)


@dataclass(frozen=True)
class RenewalSettings:
    """`[renewal]`: how `renew run` deploys what it renewed. "sheet" (the default): it stops for a person
    with the files and the commands; "ssh": it uploads them (SFTP, read back) and types the replacement
    lines through the MMP runner, restarting only inside `restart_window`."""

    deploy: str = "sheet"  # or "ssh"
    ssh_key: str = (
        ""  # the SSH private key file (0600) or keyring:<service>/<name> (a key file's passphrase is not supported)
    )
    known_hosts: str = (
        ""  # the known_hosts file with the MMPs' host keys ("" = ~/.ssh/known_hosts); nodes' fingerprints also count
    )
    restart_window: str = ""  # HH:MM-HH:MM UTC; "" = never restart unattended (the restart waits for a person)


def read_renewal(reader: Any, top: Mapping[str, Any]) -> RenewalSettings | None:
    if "renewal" not in top:
        return None
    table = reader.table(top["renewal"], "renewal", ("deploy", "ssh_key", "known_hosts", "restart_window"))
    deploy = reader.get(table, "renewal", "deploy", str, "sheet")
    if deploy not in ("sheet", "ssh"):
        raise reader.fail(
            "renewal.deploy", Text(N_("{value} is not one of: {choices}"), value=shorten(deploy), choices="sheet, ssh")
        )
    key = reader.get(table, "renewal", "ssh_key", str, "")
    if deploy == "ssh" and not key:
        raise reader.fail("renewal.ssh_key", N_('deploy = "ssh" runs unattended: name the SSH key file (mode 0600)'))
    window = reader.get(table, "renewal", "restart_window", str, "")
    if window:
        from cmswizard.cms.mmp_state import RestartWindow

        try:
            RestartWindow.parse(window)
        except CmsInputError as error:
            raise reader.fail("renewal.restart_window", error.message) from None
    return RenewalSettings(
        deploy,
        _secret_reference(reader, key, "renewal.ssh_key") if key else "",
        reader.get(table, "renewal", "known_hosts", str, ""),
        window,
    )


def renewal_lines(settings: RenewalSettings | None, quote: Any) -> list[str]:
    if settings is None:
        return []
    lines = ["", "[renewal]", f"deploy = {quote(settings.deploy)}"]
    if settings.ssh_key:
        lines.append(f"ssh_key = {quote(settings.ssh_key)}  # a file (0600) or keyring:<service>/<name>")
    if settings.known_hosts:
        lines.append(f"known_hosts = {quote(settings.known_hosts)}")
    if settings.restart_window:
        lines.append(f"restart_window = {quote(settings.restart_window)}  # UTC")
    return lines
