"""One simulated CMS node behind the MMP prompt: its file store, its services and what each answers.

Everything here is test infrastructure. The grammar and the answers follow the Cisco documents listed in
docs/mmp-runner.md ("The simulated MMP"); where no readable document gives an answer's exact text, the
table there says so and the text below is our own, in the `Key : value` / `SUCCESS:` / `FAILURE:` shape
the documents show.

State, as the documents describe it:
- a service's settings (`certs`, `listen`, `trust`, ...) are *configured* at once and shown by its status
  command, but the service keeps running with the old ones until it is restarted: `callbridge restart`
  (TAC 221729), `<service> enable` after `disable` or `<service> restart` for the others; TLS settings
  (`tls sip trust`, `tls sip verify`) wait for a Call Bridge restart (TAC 222766);
- enabling or restarting checks the files (Cisco Live lab: "SUCCESS: Key and certificate pair match",
  "SUCCESS: certificate verified against CA bundle") and answers FAILURE when they do not hold;
- `pki match` and `pki verify` are computed with cryptography on the uploaded files;
- `database cluster remove` asks for a capital Y (TAC 216549, 215421); `user ...` is refused here and
  recorded: a runner must never send a prompting command.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

__all__ = ["SERVICES", "Answer", "PendingSetting", "SimNode"]

# service -> what puts its configured settings to work
SERVICES: dict[str, tuple[str, ...]] = {
    "webadmin": ("enable", "restart"),
    "callbridge": ("restart",),
    "webbridge": ("enable", "restart"),
    "webbridge3": ("enable", "restart"),
    "xmpp": ("enable", "restart"),
    "turn": ("enable", "restart"),
    "scheduler": ("enable", "restart"),  # no readable document says: assumed like the others
}
# status labels per (service, item); the order is the order printed
_LABELS: dict[str, list[tuple[str, str]]] = {
    "webadmin": [
        ("listen", "TLS listening interface and port"),
        ("certs.key", "Key file"),
        ("certs.cert", "Certificate file"),
        ("certs.bundle", "CA Bundle file"),
    ],
    "callbridge": [
        ("listen", "Listening interfaces"),
        ("certs.key", "Key file"),
        ("certs.cert", "Certificate file"),
        ("certs.bundle", "CA Bundle file"),
        ("trust c2w", "C2W trusted certificates"),
    ],
    "webbridge": [
        ("listen", "Listening interfaces and ports"),
        ("certs.key", "Key file"),
        ("certs.cert", "Certificate file"),
        ("certs.bundle", "CA Bundle file"),
        ("trust", "Trust bundle"),
    ],
    "webbridge3": [
        ("https listen", "HTTPS listening ports and interfaces"),
        ("https certs.key", "HTTPS Key file"),
        ("https certs.cert", "HTTPS Full chain certificate file"),
        ("c2w listen", "C2W listening ports and interfaces"),
        ("c2w certs.key", "C2W Key file"),
        ("c2w certs.cert", "C2W Full chain certificate file"),
        ("c2w trust", "C2W Trusted CA Bundle"),
    ],
    "xmpp": [
        ("certs.key", "Key file"),
        ("certs.cert", "Certificate file"),
        ("certs.bundle", "CA Bundle file"),
        ("cluster trust", "Cluster trust bundle"),
    ],
    "turn": [
        ("tls", "TLS listening port"),
        ("certs.key", "Key file"),
        ("certs.cert", "Certificate file"),
        ("certs.bundle", "CA Bundle file"),
    ],
    "scheduler": [
        ("https listen", "HTTPS listening ports and interfaces"),
        ("https certs.key", "HTTPS Key file"),
        ("https certs.cert", "HTTPS Full chain certificate file"),
        ("c2w certs.key", "C2W Key file"),
        ("c2w certs.cert", "C2W Full chain certificate file"),
        ("c2w trust", "C2W Trusted CA Bundle"),
    ],
}
_FILE_ITEMS = ("certs", "https certs", "c2w certs", "trust", "trust c2w", "c2w trust", "cluster trust")
REMOVE_QUESTION = "All database cluster settings on this node will be removed. Continue? (Y/n) "


@dataclass
class Answer:
    text: str  # lines joined with "\n" ("" for no output)
    question: str = ""  # a question the node now waits on (database cluster remove)


@dataclass(frozen=True)
class PendingSetting:
    service: str
    item: str
    value: str
    line: str  # the command that set it
    number: int  # its number among the commands this node received (1-based)

    def __str__(self) -> str:
        return f"command {self.number} `{self.line}`: {self.service} {self.item} = {self.value} is still waiting for a restart"


@dataclass
class _Setting:
    value: str
    line: str
    number: int


@dataclass
class _Db:
    role: str = ""  # "" (no cluster), "primary", "replica", "connected"
    certs: tuple[str, ...] = ()
    localnode: str = ""
    primary: str = ""


@dataclass
class SimNode:
    name: str  # the host name: the prompt is "<name>> "
    store: Path  # the node's file store (what SFTP shows)
    configured: dict[tuple[str, str], _Setting] = field(default_factory=dict)
    active: dict[tuple[str, str], str] = field(default_factory=dict)
    enabled: dict[str, bool] = field(default_factory=dict)
    db: _Db = field(default_factory=_Db)
    received: list[str] = field(default_factory=list)
    prompting_received: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (command, answer) of every FAILURE
    waiting: str = ""  # the command whose question is open
    fail_once: set[str] = field(default_factory=set)  # fault injection: the next command starting with one of these
    on_apply: Callable[[str], None] | None = None  # called with the service name whenever it (re)starts

    @property
    def prompt(self) -> str:
        return f"{self.name.split('.')[0]}> "

    # ---- test-side views -------------------------------------------------------------------------
    def pending(self) -> list[PendingSetting]:
        """Every configured setting the running service does not use yet, with the command that set it."""
        return [
            PendingSetting(service, item, setting.value, setting.line, setting.number)
            for (service, item), setting in sorted(self.configured.items(), key=lambda kv: kv[1].number)
            if self.active.get((service, item)) != setting.value
        ]

    def in_use(self, service: str, item: str) -> str | None:
        return self.active.get((service, item))

    def configure(self, service: str, item: str, value: str, *, running: bool = True) -> None:
        """Set a starting state (a node that already runs with these files)."""
        self.configured[(service, item)] = _Setting(value, "(starting state)", 0)
        if running:
            self.active[(service, item)] = value
            self.enabled[service] = True

    # ---- the prompt ------------------------------------------------------------------------------
    def run(self, line: str) -> Answer:
        line = line.strip()
        if self.waiting:
            return Answer(self._answer_question(line))
        if not line:
            return Answer("")
        self.received.append(line)
        for prefix in sorted(self.fail_once):
            if line.startswith(prefix):
                self.fail_once.discard(prefix)
                return self._failure(line, "FAILURE: simulated failure (fault injection)")
        try:
            words = shlex.split(line)
        except ValueError:
            return self._failure(line, "FAILURE: Unrecognized command")
        answer = self._dispatch(words, line)
        if any(text.startswith("FAILURE") for text in answer.text.splitlines()):
            self.failures.append((line, answer.text))
        return answer

    def _failure(self, line: str, text: str) -> Answer:
        self.failures.append((line, text))
        return Answer(text)

    def _dispatch(self, words: list[str], line: str) -> Answer:
        head = words[0]
        if head == "pki" and len(words) > 1:
            return Answer(self._pki(words[1:]))
        if head == "backup" and len(words) == 3 and words[1] == "snapshot":
            return Answer(self._backup(words[2]))
        if head == "tls" and len(words) >= 3:
            return Answer(self._tls(words[1:], line))
        if head == "database" and len(words) >= 3 and words[1] == "cluster":
            return self._database(words[2:], line)
        if head == "user":
            self.prompting_received.append(line)
            return Answer("FAILURE: user commands are not simulated (they prompt for a password)")
        if head in SERVICES:
            return Answer(self._service(head, words[1:], line))
        return Answer("FAILURE: Unrecognized command")

    # ---- files -----------------------------------------------------------------------------------
    def _path(self, name: str) -> Path | None:
        if "/" in name or name in ("", ".", ".."):
            return None
        path = self.store / name
        return path if path.is_file() else None

    def _certs(self, name: str) -> list[x509.Certificate]:
        path = self._path(name)
        if path is None:
            return []
        data = path.read_bytes()
        try:
            return (
                x509.load_pem_x509_certificates(data)
                if b"-----BEGIN" in data
                else [x509.load_der_x509_certificate(data)]
            )
        except ValueError:
            return []

    def _key(self, name: str) -> object | None:
        path = self._path(name)
        if path is None:
            return None
        data = path.read_bytes()
        try:
            if b"-----BEGIN" in data:
                return serialization.load_pem_private_key(data, None)
            return serialization.load_der_private_key(data, None)
        except (ValueError, TypeError):
            return None

    def _missing(self, names: list[str]) -> str:
        gone = [name for name in names if self._path(name) is None]
        return f"FAILURE: {gone[0]} does not exist" if gone else ""

    def _match(self, key_name: str, cert_name: str) -> str:
        key, certs = self._key(key_name), self._certs(cert_name)
        if key is None:
            return (
                f"FAILURE: {key_name} is not a private key"
                if self._path(key_name)
                else f"FAILURE: {key_name} does not exist"
            )
        if not certs:
            return (
                f"FAILURE: {cert_name} is not a certificate"
                if self._path(cert_name)
                else f"FAILURE: {cert_name} does not exist"
            )
        public = key.public_key()  # type: ignore[attr-defined]
        raw = serialization.PublicFormat.SubjectPublicKeyInfo
        same = public.public_bytes(serialization.Encoding.DER, raw) == certs[0].public_key().public_bytes(
            serialization.Encoding.DER, raw
        )
        return "SUCCESS: Key and certificate pair match" if same else "FAILURE: Key and certificate pair do not match"

    def _verify(self, cert_name: str, bundle_name: str) -> str:
        certs, bundle = self._certs(cert_name), self._certs(bundle_name)
        if not certs:
            return (
                f"FAILURE: {cert_name} does not exist"
                if not self._path(cert_name)
                else f"FAILURE: {cert_name} is not a certificate"
            )
        if not bundle:
            return (
                f"FAILURE: {bundle_name} does not exist"
                if not self._path(bundle_name)
                else f"FAILURE: {bundle_name} is not a certificate"
            )
        pool = certs[1:] + bundle
        current = certs[0]
        for _ in range(10):
            if current.issuer == current.subject:
                try:
                    current.verify_directly_issued_by(current)
                except (ValueError, TypeError, Exception):
                    break
                return "SUCCESS: certificate verified against CA bundle"
            parent = next((c for c in pool if c.subject == current.issuer and _issued(current, c)), None)
            if parent is None:
                break
            current = parent
        return "FAILURE: certificate could not be verified against CA bundle"

    # ---- pki -------------------------------------------------------------------------------------
    def _pki(self, words: list[str]) -> str:
        verb, args = words[0], words[1:]
        if verb == "list" and not args:
            names = sorted(p.name for p in self.store.iterdir() if p.is_file() and p.suffix not in (".bak", ".json"))
            return "User supplied certificates and keys:\n" + "\n".join(names)
        if verb == "inspect" and len(args) == 1:
            certs = self._certs(args[0])
            if not certs:
                return self._missing(args) or f"FAILURE: {args[0]} is not a certificate"
            cert = certs[0]
            return "\n".join(
                [
                    "Checking ...",
                    f"    Subject: {cert.subject.rfc4514_string()}",
                    f"    Issuer: {cert.issuer.rfc4514_string()}",
                    f"    Not before: {cert.not_valid_before_utc:%b %d %H:%M:%S %Y} GMT",
                    f"    Not after: {cert.not_valid_after_utc:%b %d %H:%M:%S %Y} GMT",
                ]
            )
        if verb == "match" and len(args) == 2:
            return self._match(args[0], args[1])
        if verb == "verify" and len(args) == 2:
            return self._verify(args[0], args[1])
        if verb in ("csr", "selfsigned") and len(args) >= 2:
            return self._pki_make(verb, args[0], args[1:])
        if verb == "sign" and len(args) == 2:
            return self._pki_sign(args[0], args[1])
        return "FAILURE: Unrecognized command"

    def _pki_make(self, verb: str, base: str, fields: list[str]) -> str:
        values = dict(field.split(":", 1) for field in fields if ":" in field)
        if "CN" not in values:
            return "FAILURE: CN is required"
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, values["CN"])])
        (self.store / f"{base}.key").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        if verb == "csr":
            csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
            (self.store / f"{base}.csr").write_bytes(csr.public_bytes(serialization.Encoding.PEM))
            return f"Created key file {base}.key and CSR {base}.csr\nCSR file {base}.csr ready for download via SFTP"
        cert = _certificate(subject, subject, key.public_key(), key, ca=True)
        (self.store / f"{base}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return f"Created key file {base}.key and certificate {base}.crt"

    def _pki_sign(self, base: str, ca_base: str) -> str:
        csr_path, ca_certs, ca_key = (
            self._path(f"{base}.csr"),
            self._certs(f"{ca_base}.crt"),
            self._key(f"{ca_base}.key"),
        )
        if csr_path is None or not ca_certs or ca_key is None:
            return f"FAILURE: {base}.csr, {ca_base}.crt and {ca_base}.key are needed"
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
        cert = _certificate(csr.subject, ca_certs[0].subject, csr.public_key(), ca_key, ca=False)
        (self.store / f"{base}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return f"SUCCESS: {base}.crt signed by {ca_base}"

    def _backup(self, name: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            return "FAILURE: invalid backup name"
        (self.store / f"{name}.bak").write_bytes(b"simulated backup of " + self.name.encode())
        (self.store / f"{name}.json").write_text('{"simulated": true}\n')
        return "SUCCESS: backup created"

    # ---- services --------------------------------------------------------------------------------
    def _set(self, service: str, item: str, value: str, line: str) -> None:
        self.configured[(service, item)] = _Setting(value, line, len(self.received))

    def _apply(self, service: str) -> str:
        """Check the configured files, then put the service's settings (and TLS, for the Call Bridge) to work."""
        lines: list[str] = []
        for certs_item in ("certs", "https certs", "c2w certs"):
            setting = self.configured.get((service, f"{certs_item}.key"))
            if setting is None:
                continue
            cert = self.configured[(service, f"{certs_item}.cert")].value
            match = self._match(setting.value, cert)
            lines.append(match)
            if match.startswith("FAILURE"):
                return "\n".join(lines)
            bundle = self.configured.get((service, f"{certs_item}.bundle"))
            if bundle is not None and bundle.value != "none":
                verified = self._verify(cert, bundle.value)
                lines.append(verified)
                if verified.startswith("FAILURE"):
                    return "\n".join(lines)
        for (name, item), setting in list(self.configured.items()):
            if name == service or (service == "callbridge" and name == "tls"):
                self.active[(name, item)] = setting.value
        if self.on_apply is not None:
            self.on_apply(service)
        return "\n".join(lines)

    def _service(self, service: str, args: list[str], line: str) -> str:
        if not args:
            return self._status(service)
        verb = args[0]
        if verb in ("enable", "restart", "disable") and len(args) == 1:
            if verb == "disable":
                self.enabled[service] = False
                return f"SUCCESS: {service} disabled"
            if verb == "restart" and service != "callbridge" and not self.enabled.get(service):
                return f"FAILURE: {service} is not enabled"
            was_enabled = self.enabled.get(service, False)
            if verb == "enable" and was_enabled:
                return f"SUCCESS: {service} enabled"  # already running: its settings wait for a restart
            checked = self._apply(service)
            if checked.startswith("FAILURE") or "\nFAILURE" in checked:
                return checked
            self.enabled[service] = True
            done = f"SUCCESS: {service} {'restarted' if verb == 'restart' else 'enabled'}"
            return f"{checked}\n{done}" if checked else done
        prefix = ""
        if service in ("webbridge3", "scheduler") and verb in ("https", "c2w"):
            prefix, args = verb + " ", args[1:]
            if not args:
                return "FAILURE: Unrecognized command"
            verb = args[0]
        if service == "xmpp" and verb == "cluster" and len(args) == 3 and args[1] == "trust":
            return self._files(service, "cluster trust", [args[2]], line)
        if verb == "certs" and len(args) in (3, 4) and (not prefix or len(args) == 3):
            names = args[1:]
            missing = self._missing(names)
            if missing:
                return missing
            for part, value in zip(("key", "cert", "bundle"), [*names, "none"][:3], strict=False):
                self._set(service, f"{prefix}certs.{part}", value, line)
            return ""
        if verb == "trust" and len(args) == 2:
            return self._files(service, f"{prefix}trust", [args[1]], line)
        if verb == "trust" and len(args) == 3 and service == "callbridge" and args[1] == "c2w":
            return self._files(service, "trust c2w", [args[2]], line)
        if verb == "listen" and len(args) in (2, 3):
            self._set(service, f"{prefix}listen", " ".join(args[1:]), line)
            return ""
        if verb == "tls" and service == "turn" and len(args) == 2 and args[1].isdigit():
            self._set(service, "tls", args[1], line)
            return ""
        return "FAILURE: Unrecognized command"

    def _files(self, service: str, item: str, names: list[str], line: str) -> str:
        missing = self._missing(names)
        if missing:
            return missing
        self._set(service, item, " ".join(names), line)
        return ""

    def _status(self, service: str) -> str:
        shown = {"webadmin", "webbridge", "webbridge3", "xmpp", "turn", "scheduler"}
        rows = [("Enabled", "true" if self.enabled.get(service) else "false")] if service in shown else []
        for item, label in _LABELS[service]:
            setting = self.configured.get((service, item))
            rows.append((label, setting.value if setting else "none"))
        width = max(len(label) for label, _ in rows)
        return "\n".join(f"{label.ljust(width)} : {value}" for label, value in rows)

    def _tls(self, args: list[str], line: str) -> str:
        service, verb = args[0], args[1]
        if service not in ("sip", "ldap", "dtls"):
            return "FAILURE: Unrecognized command"
        if verb == "trust" and len(args) == 3:
            return self._files("tls", f"{service} trust", [args[2]], line)
        if verb == "verify" and len(args) == 3 and args[2] in ("enable", "disable", "ocsp"):
            self._set("tls", f"{service} verify", args[2], line)
            return ""
        return "FAILURE: Unrecognized command"

    # ---- database cluster --------------------------------------------------------------------------
    def _database(self, args: list[str], line: str) -> Answer:
        verb = args[0]
        if verb == "status" and len(args) == 1:
            if not self.db.role:
                return Answer("Status                : Disabled")
            me = {
                "primary": "Connected Primary",
                "replica": "Connected Replica",
                "connected": "Connected (client only)",
            }[self.db.role]
            return Answer(
                "\n".join(
                    [
                        "Status                : Enabled",
                        "Nodes:",
                        f"    {self.name} (me) : {me}",
                        *([f"    {self.db.primary} : Connected Primary"] if self.db.role != "primary" else []),
                        f"Interface             : {self.db.localnode or 'none'}",
                        f"Certificates          : {' '.join(self.db.certs) or 'none'}",
                    ]
                )
            )
        if verb == "certs" and len(args) in (4, 6):
            missing = self._missing(args[1:])
            if missing:
                return Answer(missing)
            self.db.certs = tuple(args[1:])
            return Answer("")
        if verb == "localnode" and len(args) == 2:
            self.db.localnode = args[1]
            return Answer("")
        if verb in ("initialize", "join", "connect"):
            if (verb == "initialize") != (len(args) == 1) or len(args) > 2:
                return Answer("FAILURE: Unrecognized command")
            if not self.db.certs or not self.db.localnode:
                return Answer("FAILURE: set database cluster certs and localnode first")
            if (verb == "connect" and len(self.db.certs) != 3) or (verb != "connect" and len(self.db.certs) != 5):
                return Answer("FAILURE: wrong number of certificate files for this role")
            if self.db.role:
                return Answer("FAILURE: this node is already in a database cluster: database cluster remove first")
            self.db.role = {"initialize": "primary", "join": "replica", "connect": "connected"}[verb]
            self.db.primary = self.name if verb == "initialize" else args[1]
            return Answer(f"SUCCESS: database cluster {verb}")
        if verb == "remove" and len(args) == 1:
            self.prompting_received.append(line)
            self.waiting = line
            return Answer("", REMOVE_QUESTION)
        return Answer("FAILURE: Unrecognized command")

    def _answer_question(self, reply: str) -> str:
        self.waiting = ""
        if reply != "Y":
            return "Aborted: nothing removed"
        self.db = _Db()
        return "SUCCESS: database cluster settings removed"


def _issued(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except Exception:
        return False
    return True


def _certificate(
    subject: x509.Name, issuer: x509.Name, public: object, signer: object, *, ca: bool
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(signer, hashes.SHA256())  # type: ignore[arg-type]
    )
