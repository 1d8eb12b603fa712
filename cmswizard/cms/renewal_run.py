"""`renew run`: one idempotent pass that keeps every certificate of a plan valid, moving only forward.

Per certificate (cms-certificates.md §9): ok → due → key+CSR (a new year-stamped basename, 0600) →
ordered (the order URL saved *before* finalising) → issued → bundled and compared (`renew compare` as a
gate) → deployed. The state is saved atomically after every step (`renewal_state.py`), so a run killed
anywhere resumes: an existing key is used, never made again; a saved order is fetched, never ordered
twice while its certificate can still be had. A run with nothing due writes nothing.

No network here: the CA is reached through `IssuerPort` (remote/acme.py + remote/dns01.py), which the
caller connects lazily, so a run with nothing due never contacts the CA (unless it offers ARI).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cmswizard.cms.issuers import Issuer, IssuerType
from cmswizard.cms.lines import MmpLine
from cmswizard.cms.plan import Plan, PlanCertificate
from cmswizard.cms.renewal import compare_certificates, renewal_basename, request_mismatches
from cmswizard.cms.renewal_deploy import deployments
from cmswizard.cms.renewal_state import (
    CertificateState,
    Clock,
    RenewalState,
    Step,
    SystemClock,
    read_state,
    save_state,
    state_path,
)
from cmswizard.cms.services import Service
from cmswizard.pki.bundle import BundleKind, bundle_bytes, select_for_bundle, suggested_name
from cmswizard.pki.chain import auto_order, make_item
from cmswizard.pki.errors import N_, CmsCheckFailed, CmsInputError, Text, name_list
from cmswizard.pki.files import OutputFile, write_files
from cmswizard.pki.loader import load_bytes, load_file
from cmswizard.pki.safe_text import shown

__all__ = ["IssuerPort", "Outcome", "RunOptions", "due_moment", "parse_due", "run_renewal"]

# Told the name of each step once it is saved (and "published" once the DNS-01 records are in DNS, the CA
# not yet told): the points where a power cut must leave a state the next run can resume from. The crash
# tests stop the process here; nothing in the product listens.
step_saved_observers: list[Callable[[str], None]] = []
ACME_CHAIN_SUFFIX = "-acme.pem"
Progress = Callable[[str], None]


class IssuerPort(Protocol):
    """What the run needs from an ACME CA (remote/acme.py provides it, DNS-01 included)."""

    def has_ari(self) -> bool: ...

    def renewal_window(self, certificate_pem: bytes) -> tuple[dt.datetime, dt.datetime] | None: ...

    def new_order(self, csr_pem: bytes) -> str: ...

    def order_status(self, url: str) -> tuple[str, bytes]: ...  # (status or "gone", chain once valid)

    def complete(
        self,
        url: str,
        csr_pem: bytes,
        before_publish: Callable[[list[str]], None] | None = None,
        after_publish: Callable[[], None] | None = None,
    ) -> bytes: ...

    def remove_records(self, records: Sequence[str]) -> None: ...


Connect = Callable[[Issuer], IssuerPort]


class DeployPort(Protocol):
    """Unattended deployment (remote/renewal_deploy.py): upload, type the lines, look at the ports."""

    def upload(self, node: str, files: Sequence[str]) -> None: ...

    def assign(self, node: str, lines: Sequence[MmpLine]) -> str: ...  # "" or why a person is needed

    def serves(self, node: str, services: Sequence[Service], certificate_file: str) -> str: ...  # "" or what differs


@dataclass(frozen=True)
class RunOptions:
    due_days: int | None = None  # --due 30d: renew when fewer days remain; None: ARI, else a third of the lifetime
    dry_run: bool = False
    node: str = ""
    issue_only: bool = False
    deploy_only: bool = False


@dataclass(frozen=True)
class Outcome:
    certificate: str  # the plan's basename
    issuer: str
    current: str  # the basename in use
    expires: dt.datetime | None
    step: Step
    line: str  # what happened, or what comes next
    needs_person: str = ""  # why a person is needed ("" when not)
    changed: bool = False  # this run wrote something for it

    @property
    def ok(self) -> bool:
        return not self.needs_person


def parse_due(text: str) -> int | None:
    """`auto` → None; `30d` or `30` → 30."""
    if text == "auto":
        return None
    found = re.fullmatch(r"(\d{1,4})d?", text.strip())
    if not found:
        raise CmsInputError("--due", "write auto or a number of days such as 30d")
    return int(found.group(1))


def due_moment(
    not_before: dt.datetime,
    not_after: dt.datetime,
    *,
    window: tuple[dt.datetime, dt.datetime] | None = None,
    due_days: int | None = None,
) -> dt.datetime:
    """When a certificate is due: `--due` days before it expires, else the CA's ARI window start, else
    when a third of its lifetime remains (Let's Encrypt's advice; 47-day certificates: ~16 days left)."""
    if due_days is not None:
        return not_after - dt.timedelta(days=due_days)
    if window is not None:
        return window[0]
    return not_after - (not_after - not_before) / 3


def _step_saved(step: Step | str) -> None:
    """`step`: a saved step, or "published" (the DNS-01 records are in DNS, the CA not yet told)."""
    for observer in step_saved_observers:
        observer(step.value if isinstance(step, Step) else step)


@contextlib.contextmanager
def _one_run_at_a_time(plan_path: Path) -> Iterator[None]:
    """Two runs on one plan (the timer and a person) would both order: the second waits for none, it stops."""
    try:
        import fcntl
    except ImportError:  # Windows: Task Scheduler runs one instance of a task at a time
        yield
        return
    fd = os.open(plan_path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise CmsCheckFailed(
                f"another renew run is working on {shown(plan_path)}; try again when it ends"
            ) from None
        yield
    finally:
        os.close(fd)


class _Run:
    def __init__(
        self,
        plan: Plan,
        plan_path: Path,
        folder: Path,
        connect: Connect,
        clock: Clock,
        options: RunOptions,
        progress: Progress,
        deployer: Callable[[], DeployPort] | None = None,
    ) -> None:
        self._deployer_factory = deployer
        self._deployer: DeployPort | None = None
        self.plan, self.folder, self.clock, self.options, self.progress = plan, folder, clock, options, progress
        self.path = state_path(plan_path)
        self.state = read_state(self.path)
        self._connect = connect
        self._ports: dict[str, IssuerPort] = {}

    def port(self, issuer: Issuer) -> IssuerPort:
        if issuer.name not in self._ports:
            self.progress(f"connecting to {shown(issuer.directory)}")
            port = self._connect(issuer)
            if not port.has_ari():
                self.state.issuers_without_ari.add(issuer.name)  # saved with the next step: later runs ask no more
            self._ports[issuer.name] = port
        return self._ports[issuer.name]

    def save(self, name: str, entry: CertificateState) -> None:
        self.state.certificates[name] = entry
        save_state(self.path, self.state)
        _step_saved(entry.step)

    # ------------------------------------------------------------ reading the folder

    def certificate_of(self, basename: str) -> x509.Certificate | None:
        for name in (f"{basename}.crt", suggested_name(basename, BundleKind.FULL_CHAIN)):
            path = self.folder / name
            if path.is_file():
                loaded = load_file(path).certificates
                if loaded:
                    return loaded[0]
        return None

    def _due(self, certificate: PlanCertificate, issuer: Issuer, current: x509.Certificate | None) -> tuple[bool, Text]:
        if current is None:
            return True, Text(N_("no certificate yet"))
        not_before, not_after = self.clock.validity(current.not_valid_before_utc, current.not_valid_after_utc)
        window = None
        if self.options.due_days is None and issuer.name not in self.state.issuers_without_ari:
            port = self.port(issuer)
            if port.has_ari():
                window = port.renewal_window(current.public_bytes(Encoding.PEM))
        moment = due_moment(not_before, not_after, window=window, due_days=self.options.due_days)
        if self.clock.now() >= moment:
            why = (
                Text(N_("the CA's renewal window (ARI) has opened"))
                if window
                else Text(N_("due since {date}"), date=f"{moment:%Y-%m-%d}")
            )
            return True, why
        return False, Text(N_("valid until {date}, due {due}"), date=f"{not_after:%Y-%m-%d}", due=f"{moment:%Y-%m-%d}")

    def _next_basename(self, current: str) -> str:
        year = self.clock.now().year
        name = renewal_basename(current, year)
        while any((self.folder / f"{name}{suffix}").exists() for suffix in (".key", ".csr", ".crt")):
            name = renewal_basename(name, year)
        return name

    # ------------------------------------------------------------ the steps

    def run(self, certificates: Sequence[PlanCertificate]) -> list[Outcome]:
        outcomes = []
        for certificate in certificates:
            issuer = self.plan.issuer_of(certificate)
            entry = self.state.get(certificate.basename)
            try:
                outcome = self.one(certificate, issuer, entry)
            except CmsCheckFailed as failure:  # the CA, the DNS or a check said no: this certificate stops
                entry = self.state.get(certificate.basename)
                outcome = self.outcome(
                    certificate, entry, Text(N_("stopped at {step}"), step=entry.step.value), _message(failure)
                )
            outcomes.append(outcome)
        return outcomes

    def outcome(
        self, certificate: PlanCertificate, entry: CertificateState, line: str, person: str = "", changed: bool = False
    ) -> Outcome:
        current = self.certificate_of(entry.current)
        return Outcome(
            certificate.basename,
            certificate.issuer or "by hand",
            entry.current,
            current.not_valid_after_utc if current else None,
            entry.step,
            line,
            person,
            changed,
        )

    def one(self, certificate: PlanCertificate, issuer: Issuer | None, entry: CertificateState) -> Outcome:
        name = certificate.basename
        if issuer is None or issuer.type is not IssuerType.ACME:
            return self.by_hand(certificate, entry)
        changed = False
        if entry.txt:  # a run killed while its DNS-01 records were published: remove them first
            self.progress(f"{shown(name)}: removing {len(entry.txt)} TXT record(s) a stopped run left")
            self.port(issuer).remove_records(entry.txt)
            entry = entry.moved(entry.step, txt=())
            self.save(name, entry)
            changed = True
        # Bundled but not deployed counts as issued for --issue-only: its successor is due in its own time.
        deploying = (Step.BUNDLED, Step.UPLOADED, Step.ASSIGNED)
        if entry.step is Step.OK or (entry.step in deploying and self.options.issue_only):
            if self.options.deploy_only:
                return self.outcome(certificate, entry, Text(N_("nothing to deploy")))
            due, why = self._due(certificate, issuer, self.certificate_of(entry.current))
            if not due:
                pending = "; not deployed yet" if entry.step in deploying else ""
                return self.outcome(
                    certificate, entry, Text(N_("{why}; not deployed yet"), why=why) if pending else why
                )
            if self.options.dry_run:
                return self.outcome(certificate, entry, Text(N_("due ({why}): a run would renew it now"), why=why))
            self.progress(f"{shown(name)}: {why}")
            first = self.certificate_of(entry.current) is None
            entry = entry.moved(Step.DUE, next=entry.current if first else self._next_basename(entry.current))
            self.save(name, entry)
            changed = True
        if self.options.dry_run:
            if entry.step in deploying and not self.options.issue_only and self._deployer_factory is None:
                return self.deploy(certificate, entry, changed=False)  # says what a person must do; writes nothing
            return self.outcome(certificate, entry, Text(N_("a run would go on from {step}"), step=entry.step.value))
        if entry.step in (Step.DUE, Step.KEY, Step.ORDERED, Step.ISSUED) and self.options.deploy_only:
            return self.outcome(
                certificate,
                entry,
                Text(N_("issuing stopped at {step}; run without --deploy-only"), step=entry.step.value),
            )
        if entry.step is Step.DUE:
            self.make_key(certificate, entry.next)
            entry = entry.moved(Step.KEY)
            self.save(name, entry)
            changed = True
        if entry.step is Step.KEY:
            csr = self.csr_pem(entry.next)
            entry = entry.moved(Step.ORDERED, order=self.port(issuer).new_order(csr))
            self.save(name, entry)  # before anything is finalised: a crash now resumes this very order
            changed = True
        if entry.step is Step.ORDERED:
            chain = self.fetch(certificate, issuer, entry)
            write_files([OutputFile(self.folder / f"{entry.next}{ACME_CHAIN_SUFFIX}", chain, replace=True)])
            entry = self.state.get(name).moved(Step.ISSUED, txt=())
            self.save(name, entry)
            changed = True
        if entry.step is Step.ISSUED:
            self.bundle(certificate, issuer, entry)
            entry = entry.moved(
                Step.BUNDLED, current=entry.next, next="", order="", reason="", renewals=entry.renewals + 1
            )
            self.save(name, entry)
            changed = True
        if entry.step in deploying:
            if self.options.issue_only:
                return self.outcome(
                    certificate, entry, Text(N_("issued and bundled as {name}"), name=entry.current), changed=changed
                )
            return self.deploy(certificate, entry, changed)
        return self.outcome(certificate, entry, Text(N_("at {step}"), step=entry.step.value), changed=changed)

    def by_hand(self, certificate: PlanCertificate, entry: CertificateState) -> Outcome:
        current = self.certificate_of(entry.current)
        if current is None:
            return self.outcome(
                certificate,
                entry,
                Text(N_("no certificate yet")),
                Text(
                    N_("request it by hand: cmswizard plan apply (issuer {issuer})"),
                    issuer=certificate.issuer or "none",
                ),
            )
        not_before, not_after = self.clock.validity(current.not_valid_before_utc, current.not_valid_after_utc)
        moment = due_moment(not_before, not_after, due_days=self.options.due_days)
        if self.clock.now() >= moment:
            return self.outcome(
                certificate,
                entry,
                Text(N_("expires {date}"), date=f"{not_after:%Y-%m-%d}"),
                Text(
                    N_("renew it by hand (issuer {issuer}): cmswizard renew spec {file}"),
                    issuer=certificate.issuer or "none",
                    file=f"{entry.current}.crt",
                ),
            )
        return self.outcome(
            certificate, entry, Text(N_("valid until {date} (renewed by hand)"), date=f"{not_after:%Y-%m-%d}")
        )

    def make_key(self, certificate: PlanCertificate, basename: str) -> None:
        """<basename>.key (0600) + .csr; a key already there (a run killed after writing it) is used."""
        from cmswizard.pki.csr import build_csr, generate_key_and_csr

        spec = self.plan.csr_spec(replace(certificate, basename=basename))
        key_path = self.folder / f"{basename}.key"
        if not key_path.exists():
            generate_key_and_csr(spec, self.folder)
            return
        from cmswizard.pki.loader import load_private_key

        key = load_private_key(key_path)
        csr_path = self.folder / f"{basename}.csr"
        if csr_path.exists():
            csrs = load_file(csr_path).csrs
            if csrs and _spki(csrs[0].public_key()) == _spki(key.public_key()):
                return
        write_files([OutputFile(csr_path, build_csr(spec, key).public_bytes(Encoding.PEM), replace=True)])

    def csr_pem(self, basename: str) -> bytes:
        from cmswizard.pki.files import read_input_file

        return read_input_file(self.folder / f"{basename}.csr")

    def fetch(self, certificate: PlanCertificate, issuer: Issuer, entry: CertificateState) -> bytes:
        """The chain of the saved order: downloaded when issued, completed when not, re-ordered only when
        the CA no longer has the order or gave up on it."""
        port = self.port(issuer)
        csr = self.csr_pem(entry.next)
        status, chain = port.order_status(entry.order)
        if status == "valid" and chain:
            self.progress(f"{shown(certificate.basename)}: the order was issued already; downloading it")
            return chain
        if status in ("gone", "invalid", "expired", "deactivated", "revoked"):
            self.progress(f"{shown(certificate.basename)}: the saved order is {status}; ordering again")
            url = port.new_order(csr)
            self.save(certificate.basename, entry.moved(Step.ORDERED, order=url))
            entry = self.state.get(certificate.basename)
        name = certificate.basename

        def noted(records: list[str]) -> None:
            self.save(name, self.state.get(name).moved(self.state.get(name).step, txt=tuple(records)))

        try:
            return port.complete(entry.order, csr, noted, lambda: _step_saved("published"))
        except CmsCheckFailed:
            if self.state.get(name).txt:  # removed again by the DNS session; the note goes too
                self.save(name, self.state.get(name).moved(self.state.get(name).step, txt=()))
            raise

    def bundle(self, certificate: PlanCertificate, issuer: Issuer, entry: CertificateState) -> None:
        """The gate (`renew compare`: names, usage, key, root), then the CMS files in CMS order."""
        from cmswizard.pki.files import read_input_file

        name = entry.next
        received = load_file(self.folder / f"{name}{ACME_CHAIN_SUFFIX}").certificates
        if not received:
            raise CmsCheckFailed(f"{name}{ACME_CHAIN_SUFFIX} holds no certificate (the CA sent nothing usable)")
        new = received[0]
        csrs = load_file(self.folder / f"{name}.csr").csrs
        mismatches = request_mismatches(csrs[0], new, f"{name}{ACME_CHAIN_SUFFIX}") if csrs else []
        if mismatches:
            raise CmsCheckFailed(f"{shown(name)}: the CA's certificate does not answer the request: {mismatches[0]}")
        roots = []
        if issuer.roots:
            path = Path(issuer.roots)
            path = path if path.is_absolute() else self.folder / path
            roots = load_bytes(read_input_file(path), str(path)).certificates
        chains = auto_order([make_item(c) for c in [*received, *roots]]).chains
        chain = next((c for c in chains if c.items[0].certificate == new), None)
        if chain is None or not chain.complete:
            missing = chain.missing_issuer if chain else "its issuer"
            raise CmsCheckFailed(
                f"{shown(name)}: the chain stops at {shown(missing)}: name the CA's root file in roots = … of "
                f"[issuers.{issuer.name}] (CMS full chains end with the root)"
            )
        old = self.certificate_of(entry.current) if entry.current != name else None
        if old is not None:
            comparison = compare_certificates(old, new, services=certificate.services)
            if not comparison.ok:
                problem = comparison.problems()[0]
                raise CmsCheckFailed(
                    f"{shown(name)}: compared with {shown(entry.current)}: {problem.label}: {problem.note or problem.new}"
                )
            old_chain = self._chain_root(old, entry.current, roots)
            if old_chain is not None and old_chain != chain.items[-1].certificate:
                raise CmsCheckFailed(
                    f"{shown(name)}: the new certificate ends in another root than {shown(entry.current)}: "
                    "update the trust on the peers first (renew compare says which), then run again"
                )
        files = [
            OutputFile(
                self.folder / f"{name}.crt",
                bundle_bytes(select_for_bundle(chain.items, BundleKind.ENTITY)),
                replace=True,
            )
        ]
        if any(s.takes_full_chain for s in certificate.services):
            files.append(
                OutputFile(
                    self.folder / suggested_name(name, BundleKind.FULL_CHAIN),
                    bundle_bytes(select_for_bundle(chain.items, BundleKind.FULL_CHAIN)),
                    replace=True,
                )
            )
        if any(not s.takes_full_chain for s in certificate.services):
            files.append(
                OutputFile(
                    self.folder / suggested_name(name, BundleKind.CA_BUNDLE),
                    bundle_bytes(select_for_bundle(chain.items, BundleKind.CA_BUNDLE)),
                    replace=True,
                )
            )
        write_files(files)

    def _chain_root(
        self, certificate: x509.Certificate, basename: str, roots: Sequence[x509.Certificate]
    ) -> x509.Certificate | None:
        """The root the certificate in use chains to (from its full chain or bundle and the roots file)."""
        pile = [certificate, *roots]
        for name in (suggested_name(basename, BundleKind.FULL_CHAIN), suggested_name(basename, BundleKind.CA_BUNDLE)):
            path = self.folder / name
            if path.is_file():
                pile += load_file(path).certificates
        chains = auto_order([make_item(c) for c in pile]).chains
        chain = next((c for c in chains if c.items[0].certificate == certificate), None)
        return chain.items[-1].certificate if chain and chain.complete else None

    def deploy_over_ssh(self, certificate: PlanCertificate, entry: CertificateState, changed: bool) -> Outcome:
        return _deploy_over_ssh(self, certificate, entry, changed)

    def deploy(self, certificate: PlanCertificate, entry: CertificateState, changed: bool) -> Outcome:
        """Upload and assignment go through the MMP runner where the plan allows it (`[renewal] deploy =
        "ssh"`); otherwise the run stops here for a person, saying which files and which commands."""
        if self._deployer_factory is not None and not self.options.dry_run:
            return self.deploy_over_ssh(certificate, entry, changed)
        files = [f"{entry.current}.key", f"{entry.current}.crt"]
        if any(s.takes_full_chain for s in certificate.services):
            files.append(suggested_name(entry.current, BundleKind.FULL_CHAIN))
        if any(not s.takes_full_chain for s in certificate.services):
            files.append(suggested_name(entry.current, BundleKind.CA_BUNDLE))
        nodes = [certificate.node] if certificate.node else [n.name for n in self.plan.nodes]
        services = " ".join(s.value for s in certificate.services)
        person = Text(
            N_(
                "deploy {name} ({services}): upload {files} to {nodes} (cmswizard upload), then type the "
                "replacement commands (cmswizard renew sheet)"
            ),
            name=entry.current,
            services=services,
            files=name_list(files),
            nodes=", ".join(nodes),
        )
        return self.outcome(
            certificate, entry, Text(N_("issued and bundled as {name}"), name=entry.current), person, changed
        )


def _deploy_over_ssh(run: _Run, certificate: PlanCertificate, entry: CertificateState, changed: bool) -> Outcome:
    """bundled → uploaded (every node, read back) → assigned (the runner typed the lines) → ok (every port
    presents the new certificate). A node that needs a person keeps the step; the next run goes on."""
    if run._deployer is None:
        assert run._deployer_factory is not None
        run._deployer = run._deployer_factory()
    port = run._deployer
    name = certificate.basename
    nodes = deployments(run.plan, certificate, entry.current)
    if entry.step is Step.BUNDLED:
        for node in nodes:
            port.upload(node.node, node.files)
        entry = entry.moved(Step.UPLOADED)
        run.save(name, entry)
        changed = True
    if entry.step is Step.UPLOADED:
        problems = [problem for node in nodes if (problem := port.assign(node.node, node.lines))]
        if problems:
            return run.outcome(
                certificate, entry, Text(N_("uploaded; the MMP lines need a person")), "; ".join(problems), changed
            )
        entry = entry.moved(Step.ASSIGNED)
        run.save(name, entry)
        changed = True
    problems = [p for node in nodes if (p := port.serves(node.node, certificate.services, f"{entry.current}.crt"))]
    if problems:
        return run.outcome(
            certificate, entry, Text(N_("assigned; not seen on the ports yet")), "; ".join(problems), changed
        )
    entry = entry.moved(Step.OK)
    run.save(name, entry)
    return run.outcome(
        certificate, entry, Text(N_("deployed as {name} and seen on every port"), name=entry.current), changed=True
    )


def _message(failure: CmsCheckFailed) -> str:
    """The failure's message, a Text when it was built as one (the GUI then shows it translated)."""
    first = failure.args[0] if failure.args else ""
    return first if isinstance(first, str) else str(failure)


def _spki(key: object) -> bytes:
    return key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)  # type: ignore[attr-defined, no-any-return]


def run_renewal(
    plan: Plan,
    plan_path: Path,
    folder: Path,
    *,
    connect: Connect,
    clock: Clock | None = None,
    options: RunOptions | None = None,
    progress: Progress | None = None,
    deployer: Callable[[], DeployPort] | None = None,
) -> list[Outcome]:
    """One pass over the plan's certificates (those of `options.node` only, when named). `deployer` makes
    the unattended deployment port (None: deployment stops for a person)."""
    options = options or RunOptions()
    node = plan.node(options.node).name if options.node else ""  # an unknown node: one line naming the nodes
    certificates = [c for c in plan.certificates if not node or not c.node or c.node == node]
    with _one_run_at_a_time(plan_path):
        run = _Run(
            plan, plan_path, folder, connect, clock or SystemClock(), options, progress or (lambda _t: None), deployer
        )
        return run.run(certificates)


def summary_state(plan_path: Path) -> RenewalState:
    return read_state(state_path(plan_path))
