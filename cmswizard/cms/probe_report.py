"""The verdicts on what a CMS endpoint presented: order, completeness, expiry, names, EKU, the local
copy and trust. `remote.probe` only reads (the chain, the TLS version, whether a client certificate was
asked for, why a connection failed); everything said about it is decided here.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.endpoints import TlsService
from cmswizard.cms.probe_targets import LocalCopy, ProbeOptions, ProbeTarget, name_covered
from cmswizard.pki.chain import Role, auto_order, check_order, common_name, make_item, role_of
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.inspect import days_left
from cmswizard.pki.safe_text import escape
from cmswizard.pki.verify import verify_certificate

__all__ = [
    "EndpointFacts",
    "EndpointResult",
    "Finding",
    "PresentedCertificate",
    "ProbeReport",
    "Severity",
    "SummaryRow",
    "judge",
    "judge_endpoint",
]


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


@dataclass
class EndpointFacts:
    """What one connection to one address found: read by `remote.probe`, judged by `judge_endpoint`."""

    target: ProbeTarget
    address: str  # the IP address connected to ("" when the name did not resolve)
    der_chain: list[bytes] = field(default_factory=list)
    tls_version: str = ""
    client_certificate_requested: bool = False
    error: str | None = None  # why no certificate could be read (a Text)
    late_error: str | None = None  # the handshake failed after the certificates arrived


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
    # Completeness. A server may leave out its root (RFC 8446 §4.4.2: the root "MAY be omitted"); CMS's full-chain
    # rule is about the file given to the MMP (--expect compares with it), not about what a server sends.
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
            Severity.WARNING,
            "chain",
            Text(
                N_(
                    "the server sends only its own certificate: if {name} is an intermediate CA, clients that lack "
                    "it fail (put the full chain in the bundle or full-chain file); if {name} is the root, this is normal"
                ),
                name=common_name(leaf.issuer),
            ),
        )
    elif chain is not None and not chain.complete and roles[-1] is Role.INTERMEDIATE and in_order:
        result.add(
            Severity.OK,
            "chain",
            Text(
                N_("in CMS order: {names}; root not sent (normal: clients hold the root, here {root})"),
                names=" → ".join(item.subject_cn for item in chain.items),
                root=chain.missing_issuer,
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
    if why and target.service.eku_undecided:
        result.add(
            Severity.WARNING, "eku", Text(N_("{why} (no readable Cisco text decides this for this service)"), why=why)
        )
    elif why:
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


def judge_endpoint(facts: EndpointFacts, options: ProbeOptions | None = None) -> EndpointResult:
    """The findings for what one connection read (`remote.probe`): problems first, in the order an admin fixes them."""
    options = options or ProbeOptions()
    result = EndpointResult(facts.target, facts.address, tls_version=facts.tls_version)
    result.client_certificate_requested = facts.client_certificate_requested
    if facts.error:
        result.add(Severity.PROBLEM, "connect", facts.error)
        return result
    certificates = []
    for der in facts.der_chain:
        try:
            certificates.append(x509.load_der_x509_certificate(der))
        except ValueError:
            result.add(Severity.PROBLEM, "chain", N_("the server sent a certificate that cannot be read (damaged DER)"))
    if not certificates:
        result.add(Severity.PROBLEM, "chain", N_("the server sent no certificate"))
        return result
    if facts.client_certificate_requested:
        result.add(
            Severity.INFO,
            "client-certificate",
            N_("the server asks for a client certificate (mutual TLS); its chain was read before that, none was sent"),
        )
    elif facts.late_error:
        # the chain came, then the handshake failed: a client would not get a connection either (not OK)
        result.add(Severity.PROBLEM, "connect", facts.late_error)
    _judge(result, certificates, options)
    return result


def judge(facts: Sequence[EndpointFacts], options: ProbeOptions | None = None) -> ProbeReport:
    """The report on everything `remote.probe.probe()` read, in the order it was read."""
    return ProbeReport([judge_endpoint(one, options) for one in facts])
