"""Renewing a certificate the CMS way: same names, a new basename, and the sheet that swaps it in.

Here the old certificate is read, the request is derived from it, the certificate that
comes back is compared with the old one, and the replacement commands are written: `backup snapshot`
first, the new file names in each `certs` line, the restarts, the status lines and the probe to run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from cmswizard.cms.endpoints import TlsService, endpoint_for
from cmswizard.cms.lines import LineKind, MmpLine, note
from cmswizard.cms.mmp_syntax import render
from cmswizard.cms.renewal_trust import with_peer_trust
from cmswizard.cms.services import Service
from cmswizard.cms.sheet import Deployment, DeploymentSheet, build_sheet, node_services
from cmswizard.pki.chain import Role, make_item, role_of
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.inspect import Facts, describe_certificate
from cmswizard.pki.keys import describe_public_key
from cmswizard.pki.loader import load_file
from cmswizard.pki.safe_text import escape
from cmswizard.pki.spec import CsrSpec, KeyType, Problem, Severity, SpecCheck, SubjectInput, check_subject

__all__ = [
    "Comparison",
    "ComparisonRow",
    "OldCertificate",
    "RenewalRequest",
    "basename_for",
    "compare_certificates",
    "key_type_of",
    "load_old_certificate",
    "renewal_basename",
    "renewal_request",
    "replacement_sheet",
    "request_mismatches",
    "spec_changes",
]

# Security strength in bits (NIST SP 800-57 part 1, table 2): decides "same or stronger".
_STRENGTH = {
    KeyType.RSA2048: 112,
    KeyType.RSA3072: 128,
    KeyType.RSA4096: 140,
    KeyType.EC256: 128,
    KeyType.EC384: 192,
}
_YEAR_SUFFIX = re.compile(r"[-_]?(?P<year>(?:19|20)\d\d)(?:[-_](?P<number>\d+))?$")
_EKU_NAMES = {ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth", ExtendedKeyUsageOID.CLIENT_AUTH: "clientAuth"}


def key_type_of(certificate: x509.Certificate) -> KeyType | None:
    """The offered key type matching the certificate's key (RSA rounded up to a size we make)."""
    key = certificate.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        for candidate in (KeyType.RSA2048, KeyType.RSA3072, KeyType.RSA4096):
            if key.key_size <= candidate.bits:
                return candidate
        return KeyType.RSA4096
    if isinstance(key, ec.EllipticCurvePublicKey):
        return KeyType.EC384 if key.curve.key_size >= 384 else KeyType.EC256
    return None


def _strength_of(certificate: x509.Certificate) -> int:
    key = certificate.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return 80 if key.key_size < 2048 else 112 if key.key_size < 3072 else 128 if key.key_size < 4096 else 140
    if isinstance(key, ec.EllipticCurvePublicKey):
        return key.curve.key_size // 2
    return 0


def renewal_basename(old_basename: str, year: int) -> str:
    """`webadmin-2025` → `webadmin-2026`; `cms1` → `cms1-2026`; `webadmin-2026` → `webadmin-2026-2`.

    Never the old name (it holds the live key), nor an earlier name of the same year.
    """
    found = _YEAR_SUFFIX.search(old_basename)
    stem = old_basename[: found.start()] if found and found.start() else old_basename
    if found and found.start() and int(found.group("year")) == year:
        return f"{stem}-{year}-{int(found.group('number') or 1) + 1}"
    return f"{stem}-{year}"


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _names_not_carried(certificate: x509.Certificate) -> list[str]:
    """SAN entries of other kinds (URI, directory name, other name…), as text."""
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    kept = (x509.DNSName, x509.IPAddress, x509.RFC822Name)
    return [
        f"URI:{entry.value}" if isinstance(entry, x509.UniformResourceIdentifier) else type(entry).__name__
        for entry in san
        if not isinstance(entry, kept)
    ]


def _san_texts(certificate: x509.Certificate) -> list[str]:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    texts = [str(v) for v in san.get_values_for_type(x509.DNSName)]
    texts += [str(v) for v in san.get_values_for_type(x509.IPAddress)]
    texts += [str(v) for v in san.get_values_for_type(x509.RFC822Name)]
    return texts


@dataclass(frozen=True)
class OldCertificate:
    """The certificate to renew (or the new one to compare), with where it came from."""

    certificate: x509.Certificate
    source: str  # a file name or the endpoint it was read from
    basename: str  # the live key's basename, as far as it is known
    node: str = ""  # the server that presents it, when the probe read it
    service: Service | None = None  # the service it was read from

    def facts(self) -> Facts:
        return describe_certificate(self.certificate, self.source)

    def key_types(self) -> list[KeyType]:
        """The key types a successor may have: the same, or stronger (never weaker)."""
        old = key_type_of(self.certificate) or KeyType.RSA2048
        floor = max(_STRENGTH[old], _STRENGTH[KeyType.RSA2048])
        ordered = [old, *(k for k in KeyType if k is not old)]
        return [k for k in ordered if _STRENGTH[k] >= floor]


def load_old_certificate(path: Path | str) -> OldCertificate:
    """The entity certificate in a file (a full chain is fine); its name without extension is the basename."""
    loaded = load_file(path)
    entities = [c for c in loaded.certificates if role_of(make_item(c)) is Role.ENTITY]
    if not entities:
        raise CmsInputError(
            Path(path).name, N_("holds no server certificate; give the .crt (or full-chain file) of the service")
        )
    return OldCertificate(entities[0], Path(path).name, Path(path).stem)


def basename_for(certificate: x509.Certificate) -> str:
    """A basename for a certificate read from a server: the first label of its CN (`join` for join.example.com)."""
    cn = _first(certificate.subject, NameOID.COMMON_NAME) or "certificate"
    label = re.sub(r"[^A-Za-z0-9_-]", "-", cn.split(".")[0].replace("*", "wildcard")).strip("-")
    return label or "certificate"


@dataclass(frozen=True)
class RenewalRequest:
    """The request for the successor of `old`: what to type (or generate) and what was adjusted."""

    old_basename: str
    typed: SubjectInput  # the fields, editable; check() turns them into the spec
    old_key: str  # "RSA 2048"
    old_key_type: KeyType
    notes: tuple[str, ...] = ()

    def check(self, typed: SubjectInput | None = None) -> SpecCheck:
        """Check the (possibly edited) fields; refuse a new name equal to the live one, or a weaker key."""
        fields = typed or self.typed
        checked = check_subject(fields)
        problems = list(checked.problems)
        if fields.basename.strip() == self.old_basename:
            problems.append(
                Problem(
                    "basename",
                    Severity.ERROR,
                    N_("is the name of the live key: pki csr would overwrite it and break the service; use a new name"),
                )
            )
        if _STRENGTH[fields.key_type] < _STRENGTH[self.old_key_type]:
            problems.append(
                Problem(
                    "key type",
                    Severity.ERROR,
                    Text(
                        N_("{new} is weaker than the old key ({old}); keep it or choose a stronger one"),
                        new=fields.key_type.label,
                        old=self.old_key,
                    ),
                )
            )
        if any(p.severity is Severity.ERROR for p in problems):
            return SpecCheck(None, tuple(problems))
        return SpecCheck(checked.spec, tuple(problems))

    @property
    def spec(self) -> CsrSpec:
        return self.check().require()

    def original(self, basename: str) -> CsrSpec | SubjectInput:
        """The old certificate's fields, to compare a new request with: checked when pki csr accepts them,
        else as read (a CN with spaces, a live name typed as a file name must not stop the renewal)."""
        return self.check(replace(self.typed, basename=basename)).spec or self.typed

    def command(self) -> str:
        return render(self.spec)


def renewal_request(
    old: x509.Certificate,
    old_basename: str,
    *,
    today: dt.date | None = None,
    key_type: KeyType | None = None,
) -> RenewalRequest:
    """Same subject and SANs as `old`, a year-stamped basename, the same key type or a stronger one."""
    year = (today or dt.date.today()).year
    notes: list[str] = []
    cn = _first(old.subject, NameOID.COMMON_NAME)
    sans = _san_texts(old)
    if not cn:
        dns = [s for s in sans if not s[:1].isdigit() and "@" not in s]
        if not dns:
            raise CmsInputError("certificate", N_("has no CN and no DNS name in its SAN; type the names yourself"))
        cn = dns[0]
        notes.append(Text(N_("the old certificate has no CN; {name} from its SAN is used"), name=cn))
    left_out = _names_not_carried(old)
    if left_out:
        # pki csr (and so the MMP) takes DNS names, addresses and e-mail addresses only: say what is not
        # carried over instead of dropping it silently
        notes.append(
            Text(
                N_("not carried into the new request (a CSR made here holds DNS, IP and e-mail names only): {names}"),
                names=", ".join(left_out),
            )
        )
    old_type = key_type_of(old)
    if old_type is None:
        raise CmsInputError(
            "certificate",
            Text(
                N_("has a {key} key, which CMS does not use; choose RSA 2048 or stronger"),
                key=describe_public_key(old.public_key()),
            ),
        )
    if _strength_of(old) < _STRENGTH[KeyType.RSA2048]:
        notes.append(
            Text(
                N_("the old key ({key}) is too weak today; the new request uses RSA 2048"),
                key=describe_public_key(old.public_key()),
            )
        )
    typed = SubjectInput(
        basename=renewal_basename(old_basename, year),
        cn=cn,
        ou=_first(old.subject, NameOID.ORGANIZATIONAL_UNIT_NAME),
        o=_first(old.subject, NameOID.ORGANIZATION_NAME),
        l=_first(old.subject, NameOID.LOCALITY_NAME),  # kept; its pki csr form is UNCONFIRMED (check_subject says so)
        st=_first(old.subject, NameOID.STATE_OR_PROVINCE_NAME),
        c=_first(old.subject, NameOID.COUNTRY_NAME),
        san=tuple(sans),
        key_type=old_type,
    )
    request = RenewalRequest(old_basename, typed, describe_public_key(old.public_key()), old_type, tuple(notes))
    if key_type is not None:
        request = replace(request, typed=replace(typed, key_type=key_type))
        refused = [p for p in request.check().errors if p.field == "key type"]
        if refused:
            raise CmsInputError("key type", refused[0].message)
    return request


def spec_changes(before: CsrSpec | SubjectInput, after: CsrSpec) -> list[str]:
    """What the user changed against the old certificate (`RenewalRequest.original()`): `- DNS:a`, `+ DNS:b`,
    `CN: a → b`, …"""
    changes = []
    for label, old_value, new_value in (
        ("CN", before.cn, after.cn),
        ("OU", before.ou, after.ou),
        ("O", before.o, after.o),
        ("L", before.l, after.l),
        ("ST", before.st, after.st),
        ("C", before.c, after.c),
    ):
        if (old_value or None) != (new_value or None):
            changes.append(f"{label}: {old_value or '-'} → {new_value or '-'}")
    old_san = [e.display for e in before.san] if isinstance(before, CsrSpec) else list(before.san)
    new_san = [e.display for e in after.san]
    changes += [f"- {name}" for name in old_san if name not in new_san]
    changes += [f"+ {name}" for name in new_san if name not in old_san]
    if before.key_type is not after.key_type:
        changes.append(f"key: {before.key_type.label} → {after.key_type.label}")
    return changes


@dataclass(frozen=True)
class ComparisonRow:
    label: str  # N_() text
    old: str
    new: str
    severity: Severity | None  # None: unchanged or fine; WARNING/ERROR: see note
    note: str = ""

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass
class Comparison:
    rows: list[ComparisonRow] = field(default_factory=list)
    issuer_changed: bool = False
    trust_updates: list[str] = field(default_factory=list)

    def problems(self) -> list[ComparisonRow]:
        return [row for row in self.rows if row.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.problems()

    def text(self) -> str:
        out = []
        width = max(len(row.label) for row in self.rows) + 2
        for row in self.rows:
            mark = "=" if not row.changed else ("✗" if row.severity is Severity.ERROR else "~")
            out.append(f"{mark} {row.label + ':':<{width}}{escape(row.old)}")
            if row.changed:
                out.append(f"  {'':<{width}}→ {escape(row.new)}")
            if row.note:
                out.append(f"  {'':<{width}}{row.note}")
        if self.trust_updates:
            out += ["", "Trust to update elsewhere:"] + [f"  - {line}" for line in self.trust_updates]
        return "\n".join(out) + "\n"


def _san_request(csr: x509.CertificateSigningRequest) -> list[str]:
    try:
        san = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    texts = [str(v) for v in san.get_values_for_type(x509.DNSName)]
    texts += [str(v) for v in san.get_values_for_type(x509.IPAddress)]
    return texts + [str(v) for v in san.get_values_for_type(x509.RFC822Name)]


def request_mismatches(csr: x509.CertificateSigningRequest, new: x509.Certificate, new_file: str) -> list[Text]:
    """What the CA's answer lacks against the request made for it: the old certificate cannot tell
    (a name added for the renewal, or the certificate of another request, the wrong key)."""
    raw, spki = Encoding.DER, PublicFormat.SubjectPublicKeyInfo
    problems = []
    if new.public_key().public_bytes(raw, spki) != csr.public_key().public_bytes(raw, spki):
        problems.append(
            Text(
                N_(
                    "{file} is not for the key made with this request: it answers another CSR, and the service "
                    "would refuse the pair; send this CSR to the CA again"
                ),
                file=new_file,
            )
        )
    missing = [name for name in _san_request(csr) if name not in _san_texts(new)]
    if missing:
        problems.append(
            Text(
                N_("{file} lacks names this request asked for: {names}; clients typing them will fail"),
                file=new_file,
                names=", ".join(escape(name) for name in missing),
            )
        )
    return problems


def _eku(certificate: x509.Certificate) -> list[str]:
    try:
        usages = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return []
    return [_EKU_NAMES.get(oid, oid.dotted_string) for oid in usages]


def _aki(certificate: x509.Certificate) -> str:
    try:
        value = certificate.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    except (x509.ExtensionNotFound, ValueError):
        return ""
    return ":".join(f"{b:02X}" for b in value.key_identifier or b"")


_ANY_EKU = N_("any (no extended key usage)")


def compare_certificates(
    old: x509.Certificate,
    new: x509.Certificate,
    *,
    services: Sequence[Service] = (),
    at: dt.datetime | None = None,
) -> Comparison:
    """Old against new: SANs, EKU, key, validity, issuer and AKI, and the trust that must change.
    A replacement that has expired or is not valid yet (at `at`, default now) is an error."""
    comparison = Comparison()
    rows = comparison.rows
    rows.append(ComparisonRow(N_("Subject"), old.subject.rfc4514_string(), new.subject.rfc4514_string(), None))
    old_san, new_san = _san_texts(old), _san_texts(new)
    lost = [name for name in old_san if name not in new_san]
    rows.append(
        ComparisonRow(
            N_("Subject alt names"),
            ", ".join(old_san),
            ", ".join(new_san),
            Severity.ERROR if lost else None,
            Text(N_("missing in the new certificate: {names}; clients typing them will fail"), names=", ".join(lost))
            if lost
            else "",
        )
    )
    old_eku, new_eku = _eku(old), _eku(new)
    lost_eku = [usage for usage in old_eku if usage not in new_eku] if new_eku else []
    eku_note = ""
    if "clientAuth" in lost_eku:
        eku_note = N_(
            "clientAuth is gone (public CAs dropped it in 2026): the Call Bridge, Scheduler and trunks cannot "
            "use this certificate as a TLS client; get one from a CA that still issues clientAuth"
        )
    elif lost_eku:
        eku_note = Text(N_("lost: {names}"), names=", ".join(lost_eku))
    rows.append(
        ComparisonRow(
            N_("Extended key usage"),
            ", ".join(old_eku) or as_message(_ANY_EKU),  # our word, translated on the page (not data)
            ", ".join(new_eku) or as_message(_ANY_EKU),
            Severity.ERROR if lost_eku else None,
            eku_note,
        )
    )
    weaker = _strength_of(new) < _strength_of(old)
    rows.append(
        ComparisonRow(
            N_("Key"),
            describe_public_key(old.public_key()),
            describe_public_key(new.public_key()),
            Severity.ERROR if weaker else None,
            N_("the new key is weaker than the old one") if weaker else "",
        )
    )
    old_days = (old.not_valid_after_utc - old.not_valid_before_utc).days
    new_days = (new.not_valid_after_utc - new.not_valid_before_utc).days
    ends_earlier = new.not_valid_after_utc <= old.not_valid_after_utc
    moment = at or dt.datetime.now(dt.UTC)
    validity_note: str = N_("the new certificate does not expire later than the old one") if ends_earlier else ""
    validity_severity = Severity.WARNING if ends_earlier else None
    if new.not_valid_after_utc < moment:
        validity_severity = Severity.ERROR
        validity_note = Text(
            N_("the new certificate expired on {date}: it cannot replace anything"),
            date=f"{new.not_valid_after_utc:%Y-%m-%d}",
        )
    elif new.not_valid_before_utc > moment:
        validity_severity = Severity.ERROR
        validity_note = Text(
            N_("the new certificate is not valid before {date}: install it from that day on"),
            date=f"{new.not_valid_before_utc:%Y-%m-%d %H:%M} UTC",
        )
    rows.append(
        ComparisonRow(
            N_("Validity"),
            Text(
                N_("{start} – {end} ({days} days)"),
                start=f"{old.not_valid_before_utc:%Y-%m-%d}",
                end=f"{old.not_valid_after_utc:%Y-%m-%d}",
                days=old_days,
            ),
            Text(
                N_("{start} – {end} ({days} days)"),
                start=f"{new.not_valid_before_utc:%Y-%m-%d}",
                end=f"{new.not_valid_after_utc:%Y-%m-%d}",
                days=new_days,
            ),
            validity_severity,
            validity_note,
        )
    )
    old_issuer, new_issuer = old.issuer.rfc4514_string(), new.issuer.rfc4514_string()
    old_aki, new_aki = _aki(old), _aki(new)
    comparison.issuer_changed = old_issuer != new_issuer or (bool(old_aki or new_aki) and old_aki != new_aki)
    rows.append(
        ComparisonRow(
            N_("Issuer"),
            old_issuer,
            new_issuer,
            Severity.WARNING if old_issuer != new_issuer else None,
            N_("a different CA: see the trust to update below") if old_issuer != new_issuer else "",
        )
    )
    rows.append(
        ComparisonRow(
            N_("Authority key ID"),
            old_aki or "-",
            new_aki or "-",
            Severity.WARNING if old_aki != new_aki else None,
            N_("signed by another CA key (a renewed or another CA)") if old_aki != new_aki else "",
        )
    )
    comparison.trust_updates = _trust_updates(comparison.issuer_changed, services)
    return comparison


def _trust_updates(issuer_changed: bool, services: Sequence[Service]) -> list[str]:
    """Every trust store that holds the renewed certificate (or, when the issuer changed, its CA), and only those."""
    chosen = set(services) or {Service.CALLBRIDGE, Service.WEBBRIDGE3}
    updates: list[str] = []
    if Service.WEBBRIDGE3 in chosen:
        updates += [
            N_(
                "every Call Bridge: rebuild its 'callbridge trust c2w' file with the new Web Bridge 3 certificate "
                "(all Web Bridges in one file), then 'callbridge restart'"
            ),
            N_(
                "every Scheduler: rebuild its 'scheduler c2w trust' file with the new Web Bridge 3 certificate "
                "(all Web Bridges in one file)"
            ),
        ]
    if Service.CALLBRIDGE in chosen or Service.SCHEDULER in chosen:
        updates.append(
            N_(
                "every Web Bridge 3: rebuild its 'webbridge3 c2w trust' file with the new certificate "
                "(all Call Bridges and Schedulers in one file), then 'webbridge3 restart'"
            )
        )
    if Service.CALLBRIDGE in chosen:
        updates += [
            N_("every Web Bridge 2 (2.x): rebuild its 'webbridge trust' file with the new Call Bridge certificate"),
            N_(
                "CUCM: upload the new Call Bridge certificate with its chain as CallManager-trust, then restart "
                "the Cisco CallManager service (TAC 213820)"
            ),
        ]
    if Service.WEBADMIN in chosen:
        updates.append(
            N_(
                "CUCM, when Web Admin has its own certificate: upload the new one with its chain as "
                "CallManager-trust too (TAC 213820)"
            )
        )
    if Service.XMPP in chosen:
        updates.append(N_("every XMPP node (2.x): rebuild its 'xmpp cluster trust' file with the new XMPP certificate"))
    if not issuer_changed:
        if updates:
            updates.append(N_("trust files that hold only the root CA need no change: the issuer is the same"))
        return updates
    updates += [
        N_("CUCM: upload the new issuing CA and root to CallManager-trust, then restart the CallManager service"),
        N_("Expressway-C and -E: add the new issuing CA and root to the trusted CA list"),
        N_("SIP peers that check the Call Bridge ('tls sip trust' on other Call Bridges): add the new CA bundle"),
        N_("trust files that hold only the root CA: if the new issuing CA is under another root, add that root"),
    ]
    return updates


def _probe_lines(deployment: Deployment, node: str) -> list[MmpLine]:
    """`cmswizard probe` lines for what this node presents, with the ports the deployment listens on."""
    here = node_services(deployment, node)
    listen = deployment.listen
    beside_web_bridge = Service.WEBBRIDGE3 in here or Service.WEBBRIDGE in here
    ports = {
        TlsService.WEBADMIN: listen.webadmin_port_beside_web_bridge if beside_web_bridge else listen.webadmin_port,
        TlsService.WEBBRIDGE3: listen.webbridge3_port,
        TlsService.WEBBRIDGE: listen.webbridge_port,
        TlsService.TURN: listen.turn_tls_port,
        TlsService.C2W: listen.c2w_port,
    }
    wanted: list[tuple[TlsService, str]] = []
    for service, files in here.items():
        endpoint = endpoint_for(service)
        if endpoint is not None:
            wanted.append((endpoint, files.certificate))
        if service is Service.WEBBRIDGE3:
            wanted.append((TlsService.C2W, files.certificate))
    if deployment.db is not None and node in (deployment.db.primary, *deployment.db.joining):
        wanted.append((TlsService.DATABASE, deployment.db.files.server_certificate))
    lines = []
    for endpoint, certificate in wanted:
        port = ports.get(endpoint, endpoint.default_port)
        probe = f"cmswizard probe {node}:{port} --service {endpoint.value} --expect {certificate}"
        if endpoint is TlsService.XMPP:
            probe += f" --xmpp-domain {deployment.xmpp_domain or node.partition('.')[2] or node}"
        lines.append(MmpLine(LineKind.NOTE, probe))  # run on the admin's computer: a comment on the MMP
    return lines


# A renewal swaps files only: retyping a listen line from defaults would move a service that runs on
# another port or interface (Web Admin on 8443, C2W on its own port) and break it.
_PORT_COMMAND = re.compile(
    r"(webadmin|callbridge|webbridge|webbridge3 https|webbridge3 c2w|scheduler https) listen |turn tls \d"
)
_PORT_NOTES = {
    N_("the web bridge uses port {used} on this server: Web Admin moves to {port} (https://{node}:{port})"),
    N_("when Web Bridge 3 is already enabled, type webbridge3 restart instead"),
}
# The deployment sheet's section headings name the listen step; the renewal's say what it does instead.
_RENEWAL_HEADINGS = {
    N_("{label}: disable, listen, assign key, certificate and CA bundle, enable"): N_(
        "{label}: disable, assign the new key, certificate and CA bundle, enable"
    ),
    N_("{label}: listen, assign key, certificate and CA bundle, trust the peers, restart (calls in progress drop)"): N_(
        "{label}: assign the new key, certificate and CA bundle, trust the peers, restart (calls in progress drop)"
    ),
    N_("{label}: listen, assign key, certificate and CA bundle, restart (calls in progress drop)"): N_(
        "{label}: assign the new key, certificate and CA bundle, restart (calls in progress drop)"
    ),
    N_("{label}: disable, listen, assign, trust the Call Bridge (or guest joins fail), enable"): N_(
        "{label}: disable, assign the new files, trust the Call Bridge (or guest joins fail), enable"
    ),
    N_(
        "{label}: HTTPS and the Call Bridge link (C2W) with the full-chain file; C2W port {port} must be "
        "the port of the c2w:// URL set on the Call Bridge through the API"
    ): N_("{label}: the new full-chain file for HTTPS and for the Call Bridge link (C2W), then restart"),
    N_("{label}: disable, assign, set the TLS port (the certificate is unused without it), enable"): N_(
        "{label}: disable, assign the new key and certificate, enable"
    ),
    N_(
        "{label}: HTTPS listen and certificate, its C2W client certificate (full chain), trust in every "
        "Web Bridge 3; it runs only beside a Call Bridge"
    ): N_("{label}: the new full-chain file for HTTPS and for its C2W link, then enable it again"),
}


def _keep_ports(lines: Sequence[MmpLine]) -> list[MmpLine]:
    kept: list[MmpLine] = []
    for line in lines:
        if line.kind is LineKind.COMMAND and _PORT_COMMAND.match(line.text):
            continue
        template = getattr(line.text, "template", None)
        if line.kind is LineKind.NOTE and template in _PORT_NOTES:
            continue
        if line.kind is LineKind.NOTE and template in _RENEWAL_HEADINGS and isinstance(line.text, Text):
            line = note(_RENEWAL_HEADINGS[template], label=line.text.params["label"])
        if line.kind is LineKind.COMMAND and line.text == "webbridge3 enable":
            line = MmpLine(LineKind.COMMAND, "webbridge3 restart")  # it runs already: restart loads the new files
        kept.append(line)
    if len(kept) < len(lines):
        at = next((i + 1 for i, line in enumerate(kept) if line.text.startswith("backup snapshot ")), 0)
        kept[at:at] = [
            note(
                N_("renewal: the services keep their ports and interfaces; only the key and certificate files change")
            ),
            note(
                N_(
                    "simplest alternative (TAC 214618): upload the new files under the old names and only restart "
                    "each service; but then the old files are overwritten and there is nothing to put back"
                )
            ),
        ]
    return kept


def replacement_sheet(
    deployment: Deployment, *, peers: Sequence[str] = (), peers_field: str = "peers"
) -> DeploymentSheet:
    """The replacement part of the deployment sheet, for renewed files.

    The deployment sheet already starts each node with `backup snapshot`, puts the file names in each
    `certs` line, restarts and ends each service with its status line; with `deployment.db_renewal` it starts
    with the expired DB-cluster sequence. Renewal adds, per node, the probe to run once it is done:
    it proves the service really presents the new certificate. `peers`: the servers that hold the renewed
    certificate in a trust file; each gets the rebuilt trust file and the commands that load it.
    """
    if not re.fullmatch(r"[A-Za-z0-9_-]+", deployment.backup_name):
        raise CmsInputError("backup name", N_("use letters, digits, '-' and '_' only"))
    sheet = build_sheet(deployment)
    checked = deployment.checked()
    nodes = []
    for node in sheet.nodes:
        node = replace(node, lines=_keep_ports(node.lines))
        probes = _probe_lines(checked, node.node) if node.node in (*checked.nodes, *checked.edge_nodes) else []
        if probes:
            node = replace(
                node,
                lines=[
                    *node.lines,
                    note(N_("Then, from your computer, check what the node presents (exit code 0: all good):")),
                    *probes,
                ],
            )
        nodes.append(node)
    return with_peer_trust(checked, replace(sheet, nodes=tuple(nodes)), peers, field=peers_field)
