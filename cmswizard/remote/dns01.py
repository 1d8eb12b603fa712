"""DNS-01 answers: TXT records at `_acme-challenge.<name>`, published, seen, and always removed.

Providers: `rfc2136` (a dynamic update signed with TSIG, dnspython) and `manual` (a person creates the
record; the tool shows it, waits and checks). An `_acme-challenge` CNAME is followed, so the record goes
into the zone it points at (a small delegated zone the tool may update instead of the main one).

Before the CA is told to look, every authoritative server of the zone is asked directly until it shows
the value (bounded, with progress): a secondary that lags makes a CA fail the validation otherwise.
Everything received from DNS servers is data: answers are bounded by dnspython's parser, names and
texts are escaped before they are shown. The TSIG secret is never printed.

GSS-TSIG (Active Directory DNS): dnspython signs with a GSS-API context but does not negotiate one
(the TKEY exchange with Kerberos); that is not built in. Delegate `_acme-challenge` by CNAME to a zone on
a server that takes HMAC TSIG instead (docs/renewal.md).
"""

from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dns.exception
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdatatype
import dns.resolver
import dns.tsig
import dns.update

from cmswizard.cms.issuers import DnsProvider, DnsSettings
from cmswizard.cms.secrets import parse_tsig_key, read_secret
from cmswizard.pki.errors import N_, CmsCheckFailed, CmsInputError, Text
from cmswizard.pki.safe_text import shown

__all__ = [
    "DnsFailure",
    "DnsSession",
    "TxtRecord",
    "challenge_name",
    "dns_self_test",
]

TTL = 60
QUERY_TIMEOUT = 3.0
MAX_CNAME_HOPS = 8
Progress = Callable[[str], None]
Ask = Callable[[str], None]  # manual provider: show the text, return when the person says it is done


class DnsFailure(CmsCheckFailed):
    """A DNS step said no (refused update, bad TSIG, a record not visible): one line, exit 1."""


@dataclass(frozen=True)
class TxtRecord:
    asked: str  # _acme-challenge.<name>. as the CA asks for it
    owner: str  # where the record really goes (after CNAMEs), absolute, with a trailing dot
    zone: str  # the zone that holds `owner`
    value: str


def challenge_name(domain: str) -> str:
    return f"_acme-challenge.{domain.rstrip('.').removeprefix('*.')}."


def _split_address(text: str, default_port: int) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit() and "]" not in port and host.count(":") == 0:
        return host, int(port)
    return text.strip("[]"), default_port


class DnsSession:
    """One DNS set-up (the plan's `[issuers.<name>.dns]`), with its TSIG key read once."""

    def __init__(
        self, settings: DnsSettings, folder: Path, *, progress: Progress | None = None, ask: Ask | None = None
    ):
        self.settings = settings
        self.progress = progress or (lambda _text: None)
        self.ask = ask
        self.resolver = dns.resolver.Resolver(configure=not settings.resolver)
        if settings.resolver:
            host, port = _split_address(settings.resolver, 53)
            self.resolver.nameservers = [host]
            self.resolver.port = port
        self.resolver.lifetime = QUERY_TIMEOUT * 2
        self.resolver.cache = None
        self.key: dns.tsig.Key | None = None
        self.key_source = ""
        if settings.provider is DnsProvider.RFC2136:
            data = read_secret(settings.tsig_key, folder)
            parsed = parse_tsig_key(data, settings.tsig_key)
            try:
                self.key = dns.tsig.Key(parsed.name, parsed.secret, parsed.algorithm)
            except Exception:
                raise CmsInputError(
                    settings.tsig_key,
                    "holds a TSIG key dnspython cannot use (algorithm or secret); make it with tsig-keygen",
                ) from None
            self.key_source = settings.tsig_key

    # ------------------------------------------------------------ finding where records go

    def _lookup(self, name: str, rdtype: str) -> list[Any]:
        try:
            return list(self.resolver.resolve(name, rdtype, raise_on_no_answer=False).rrset or [])
        except (dns.resolver.NXDOMAIN, dns.resolver.NoNameservers, dns.resolver.NoAnswer):
            return []
        except dns.exception.Timeout:
            raise DnsFailure(f"DNS: no answer for {shown(name)} {rdtype} from the resolver (timed out)") from None

    def locate(self, domain: str, value: str) -> TxtRecord:
        """Where the TXT for `domain` goes: `_acme-challenge.<domain>`, through CNAMEs, and its zone."""
        asked = owner = challenge_name(domain)
        for _ in range(MAX_CNAME_HOPS):
            targets = self._lookup(owner, "CNAME")
            if not targets:
                break
            owner = str(targets[0].target)
        else:
            raise DnsFailure(f"DNS: {shown(asked)} is a chain of more than {MAX_CNAME_HOPS} CNAMEs (a loop?)")
        try:
            zone = dns.resolver.zone_for_name(owner, resolver=self.resolver)
        except (dns.exception.DNSException, KeyError) as error:
            raise DnsFailure(
                Text(N_("DNS: no zone found for {name} ({kind})"), name=owner, kind=type(error).__name__)
            ) from None
        return TxtRecord(asked, owner, str(zone), value)

    def authoritative(self, zone: str) -> list[tuple[str, str]]:
        """(server name, address) of every NS of the zone."""
        servers: list[tuple[str, str]] = []
        for record in self._lookup(zone, "NS"):
            host = str(record.target)
            addresses = [str(a) for kind in ("A", "AAAA") for a in self._lookup(host, kind)]
            if not addresses:
                raise DnsFailure(f"DNS: the name server {shown(host)} of {shown(zone)} has no address")
            servers += [(host, address) for address in addresses]
        if not servers:
            raise DnsFailure(f"DNS: the zone {shown(zone)} names no NS records")
        return servers

    def _update_server(self, zone: str) -> tuple[str, int]:
        if self.settings.server:
            host, port = _split_address(self.settings.server, self.settings.port)
            if not host[:1].isdigit() and ":" not in host:
                found = self._lookup(host, "A") or self._lookup(host, "AAAA")
                if not found:
                    raise DnsFailure(f"DNS: the update server {shown(host)} has no address")
                host = str(found[0])
            return host, port
        soa = self._lookup(zone, "SOA")
        if not soa:
            raise DnsFailure(f"DNS: no SOA for {shown(zone)}; set server in [issuers.<name>.dns]")
        primary = str(soa[0].mname)
        found = self._lookup(primary, "A") or self._lookup(primary, "AAAA")
        if not found:
            raise DnsFailure(f"DNS: the zone's primary {shown(primary)} has no address; set server")
        return str(found[0]), self.settings.port

    # ------------------------------------------------------------ changing records

    def _update(self, record: TxtRecord, add: bool) -> None:
        assert self.key is not None
        host, port = self._update_server(record.zone)
        update = dns.update.UpdateMessage(record.zone, keyring=self.key)
        relative = dns.name.from_text(record.owner).relativize(dns.name.from_text(record.zone))
        if add:
            update.add(relative, TTL, "TXT", f'"{record.value}"')
        else:
            update.delete(relative, "TXT", f'"{record.value}"')
        where = f"{host}:{port}"
        try:
            answer = dns.query.tcp(update, host, port=port, timeout=QUERY_TIMEOUT)
        except (dns.tsig.PeerBadKey, dns.tsig.PeerBadSignature, dns.tsig.BadSignature, dns.tsig.PeerBadTime) as error:
            raise DnsFailure(
                Text(
                    N_(
                        "DNS: {where} refused the TSIG signature of {key} ({kind}): the key name or secret does not "
                        "match the server's"
                    ),
                    where=where,
                    key=self.key_source,
                    kind=type(error).__name__,
                )
            ) from None
        except (OSError, dns.exception.DNSException) as error:
            raise DnsFailure(f"DNS: the update to {where} failed ({type(error).__name__}: {shown(error)})") from None
        code = answer.rcode()
        if code == dns.rcode.NOERROR:
            return
        name = dns.rcode.to_text(code)
        why = {
            "REFUSED": Text(
                N_("the server refused the update (its update-policy does not grant this key TXT records here)")
            ),
            "NOTAUTH": Text(
                N_(
                    "the server does not accept this TSIG key (unknown key name or wrong secret) or is not "
                    "authoritative for the zone"
                )
            ),
            "NOTZONE": Text(N_("{owner} is not in the zone {zone}"), owner=record.owner, zone=record.zone),
            "SERVFAIL": Text(N_("the server failed (see its log)")),
        }.get(name, Text(N_("the server said no")))
        template = (
            N_("DNS: adding TXT {owner} at {where}: {code}, {why}")
            if add
            else N_("DNS: removing TXT {owner} at {where}: {code}, {why}")
        )
        raise DnsFailure(Text(template, owner=record.owner, where=where, code=name, why=why))

    def publish(self, record: TxtRecord) -> None:
        if self.settings.provider is DnsProvider.MANUAL:
            if self.ask is None:
                raise DnsFailure(
                    f'DNS: create TXT {shown(record.owner)} = "{shown(record.value)}" by hand (manual DNS needs a person)'
                )
            self.ask(
                f'Create this DNS record now, then press Enter:\n  {shown(record.owner)} {TTL} IN TXT "{shown(record.value)}"'
            )
            return
        self._update(record, add=True)
        self.progress(f"published TXT {shown(record.owner)}")

    def remove(self, record: TxtRecord) -> None:
        if self.settings.provider is DnsProvider.MANUAL:
            if self.ask is not None:
                self.ask(f'You may now delete the TXT record {shown(record.owner)} ("{shown(record.value)}").')
            return
        self._update(record, add=False)
        self.progress(f"removed TXT {shown(record.owner)}")

    # ------------------------------------------------------------ seeing them

    def _shows(self, record: TxtRecord, address: str) -> bool:
        query = dns.message.make_query(record.owner, dns.rdatatype.TXT)
        query.flags &= ~0x0100  # no recursion: ask the authoritative server what it holds
        try:
            answer = dns.query.udp(query, address, port=self.settings.port, timeout=QUERY_TIMEOUT)
        except (OSError, dns.exception.DNSException):
            return False
        for rrset in answer.answer:
            if rrset.rdtype == dns.rdatatype.TXT:
                for item in rrset:
                    if b"".join(item.strings).decode("utf-8", "replace") == record.value:
                        return True
        return False

    def wait_visible(self, records: Sequence[TxtRecord], *, present: bool = True, sleep: float = 0.5) -> None:
        """Until every authoritative server shows (or no longer shows) every value; bounded by wait_seconds."""
        deadline = time.monotonic() + self.settings.wait_seconds
        servers = {record.zone: self.authoritative(record.zone) for record in records}
        waiting: list[tuple[TxtRecord, str, str]] = [
            (record, host, address) for record in records for host, address in servers[record.zone]
        ]
        started = time.monotonic()
        while True:
            waiting = [(r, h, a) for r, h, a in waiting if self._shows(r, a) != present]
            if not waiting:
                return
            if time.monotonic() >= deadline:
                record, host, address = waiting[0]
                template = (
                    N_("DNS: TXT {owner} not visible on {host} ({address}) after {seconds} s")
                    if present
                    else N_("DNS: TXT {owner} still visible on {host} ({address}) after {seconds} s")
                )
                raise DnsFailure(
                    Text(
                        template,
                        owner=record.owner,
                        host=host,
                        address=f"{address}:{self.settings.port}",
                        seconds=self.settings.wait_seconds,
                    )
                )
            self.progress(
                f"waiting for {len(waiting)} server/record pair(s) to show the TXT ({time.monotonic() - started:.0f} s)"
            )
            time.sleep(sleep)

    @contextlib.contextmanager
    def published(self, records: Sequence[TxtRecord]) -> Iterator[None]:
        """Publish, wait until visible, yield; the records are removed afterwards in every case
        (failure, Ctrl-C, SIGTERM), and a removal failure never hides the first error."""
        done: list[TxtRecord] = []
        try:
            for record in records:
                done.append(record)  # before the update: a reply lost after the server applied it still cleans up
                self.publish(record)
            self.wait_visible(records)
            yield
        except BaseException:
            self._remove_all(done, quiet=True)  # the first error is the one to show
            raise
        self._remove_all(done, quiet=False)

    def _remove_all(self, records: Sequence[TxtRecord], *, quiet: bool) -> None:
        first: Exception | None = None
        for record in reversed(records):
            try:
                self.remove(record)
            except (DnsFailure, OSError, dns.exception.DNSException) as error:
                first = first or error
        if first is not None and not quiet:
            raise first


def dns_self_test(session: DnsSession, domains: Sequence[str]) -> list[str]:
    """`dns test`: publish a random TXT for each name, read it back from every authoritative server,
    remove it and see it gone. Returns the lines to show; raises DnsFailure saying what failed."""
    lines: list[str] = []
    for domain in domains:
        record = session.locate(domain, f"cmswizard-test-{secrets.token_hex(8)}")
        servers = session.authoritative(record.zone)
        via = f" (via CNAME to {shown(record.owner)})" if record.owner != record.asked else ""
        with session.published([record]):
            lines.append(
                f"✓ {shown(record.asked)}{via}: published in zone {shown(record.zone)}, seen on "
                + ", ".join(f"{shown(h)} ({a})" for h, a in servers)
            )
        if session.settings.provider is DnsProvider.RFC2136:
            session.wait_visible([record], present=False)
            lines.append(f"✓ {shown(record.asked)}: removed again, gone from every server")
    return lines
