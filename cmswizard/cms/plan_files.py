"""`plan check` and `plan apply`: what a plan's folder holds, and making what is missing.

The folder is read once (every certificate file loaded once, indexed by public key; one auto-order
over the whole pile), so checking and applying grow linearly with the number of nodes. `apply`
never replaces a key, a certificate, a bundle or a trust file: what exists is kept, what differs
from the plan is reported. Only the sheet, which is the plan rendered, is rewritten when it differs.
A second `apply` therefore writes nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.db_finish import can_finish, finish_db_cluster
from cmswizard.cms.dbcluster import write_db_cluster
from cmswizard.cms.lines import Translate
from cmswizard.cms.plan import Plan, PlanCertificate
from cmswizard.cms.sheet import DeploymentSheet, ServiceFiles, build_sheet
from cmswizard.cms.trust import trust_file_bytes
from cmswizard.pki.bundle import BundleKind, bundle_bytes, select_for_bundle
from cmswizard.pki.chain import Chain, ChainItem, auto_order, collect, make_item
from cmswizard.pki.csr import build_csr, generate_key_and_csr
from cmswizard.pki.errors import N_, CmsInputError, Text, name_list
from cmswizard.pki.files import OutputFile, read_input_file, write_files
from cmswizard.pki.inspect import days_left, expiry_status
from cmswizard.pki.keys import PrivateKey, generate_private_key, public_key_der
from cmswizard.pki.leftovers import FolderBusy, holding, remove_leftovers
from cmswizard.pki.loader import LoadedFile, load_bytes

__all__ = ["EXPIRING_DAYS", "ApplyInterrupted", "ItemState", "PlanItem", "apply_plan", "check_plan"]

EXPIRING_DAYS = 30
_CERT_SUFFIXES = {".crt", ".cer", ".pem", ".der", ".p7b", ".p7c"}
Progress = Callable[[str], None]


class ItemState(enum.Enum):
    EXISTS = "exists"
    MISSING = "missing"
    EXPIRING = "expiring"
    INCONSISTENT = "inconsistent"
    MADE = "made"

    @property
    def label(self) -> str:
        return {
            "exists": N_("exists"),
            "missing": N_("missing"),
            "expiring": N_("expiring"),
            "inconsistent": N_("inconsistent"),
            "made": N_("made"),
        }[self.value]

    @property
    def needs_attention(self) -> bool:
        return self in (ItemState.MISSING, ItemState.EXPIRING, ItemState.INCONSISTENT)


@dataclass(frozen=True)
class PlanItem:
    name: str  # a file name (data, never translated)
    state: ItemState
    detail: str = ""  # a Text / N_() string

    @property
    def line(self) -> str:
        tail = f"  {self.detail}" if self.detail else ""
        return f"{self.state.label:<13} {self.name}{tail}"


class _Folder:
    """The folder read once: certificate files by public key, one chain per entity, keys on demand."""

    def __init__(self, folder: Path, made_keys: dict[str, PrivateKey] | None = None) -> None:
        """`made_keys`: keys this process has just made and written (by file name), so they are not read
        back: loading an RSA key checks it (its primes), which costs most of what making it did."""
        if not folder.is_dir():
            raise CmsInputError(str(folder), N_("is not a folder; create it or give --dir"))
        self.folder = folder
        self.names = {p.name for p in folder.iterdir() if p.is_file()}
        self.problems: dict[str, str] = {}
        self.files: dict[str, LoadedFile] = {}
        for name in sorted(self.names):
            if Path(name).suffix.lower() in _CERT_SUFFIXES:
                try:
                    loaded = load_bytes(read_input_file(folder / name), name)
                except CmsInputError as error:
                    self.problems[name] = error.message
                    continue
                if loaded.certificates:
                    self.files[name] = loaded
        self.pile = collect(self.files.values())
        self.by_key: dict[bytes, list[ChainItem]] = {}
        for item in self.pile:
            self.by_key.setdefault(public_key_der(item.certificate.public_key()), []).append(item)
        found = auto_order(self.pile)
        self.chains: dict[bytes, Chain] = {chain.items[0].fingerprint: chain for chain in found.chains}
        self._keys: dict[str, PrivateKey | str] = dict(made_keys or {})

    def exists(self, name: str) -> bool:
        return name in self.names

    def key(self, name: str) -> PrivateKey | str:
        """The private key in `name`, or why it cannot be used (a message)."""
        if name not in self._keys:
            try:
                loaded = load_bytes(read_input_file(self.folder / name), name)
                self._keys[name] = loaded.keys[0] if loaded.keys else N_("holds no private key")
            except CmsInputError as error:
                self._keys[name] = error.message
        return self._keys[name]

    def csr_problem(self, name: str, key: PrivateKey, key_name: str) -> str:
        """Why the CSR in `name` is not a request for `key` ("" when it is): a run cut off between
        writing a new key and its CSR leaves the old CSR beside the new key."""
        try:
            loaded = load_bytes(read_input_file(self.folder / name), name)
        except CmsInputError as error:
            return error.message
        if not loaded.csrs:
            return N_("holds no CSR")
        if public_key_der(loaded.csrs[0].public_key()) != public_key_der(key.public_key()):
            return Text(
                N_("is a request for another key, not for {key}; apply makes it again from {key}"), key=key_name
            )
        return ""

    def entity_for(self, key: PrivateKey) -> ChainItem | None:
        """The newest end-entity certificate in the folder for this key."""
        items = [i for i in self.by_key.get(public_key_der(key.public_key()), []) if not i.is_ca]
        return max(items, key=lambda i: i.certificate.not_valid_after_utc, default=None)

    def chain(self, entity: ChainItem) -> Chain:
        return self.chains.get(entity.fingerprint, Chain((entity,), entity.issuer_cn))

    def first_certificate(self, name: str) -> ChainItem | None:
        loaded = self.files.get(name)
        if loaded is None:
            return None
        return make_item(loaded.certificates[0], [name])


_SEVERITY = {
    ItemState.EXISTS: 0,
    ItemState.MADE: 0,
    ItemState.MISSING: 1,
    ItemState.EXPIRING: 2,
    ItemState.INCONSISTENT: 3,
}


def _expiry(item: ChainItem, at: dt.datetime, warn_days: int) -> tuple[ItemState, str]:
    left = days_left(item.certificate, at)
    status = expiry_status(item.certificate, at)
    return (ItemState.EXPIRING if left < warn_days else ItemState.EXISTS), status


def _service_rows(plan: Plan) -> list[ServiceFiles]:
    return list(dict.fromkeys(plan.services))


def _wanted_bundles(plan: Plan) -> dict[str, tuple[str, BundleKind]]:
    """file name → (its key's file, what it holds) for every bundle and full chain the services use."""
    wanted: dict[str, tuple[str, BundleKind]] = {}
    for files in _service_rows(plan):
        if files.service.takes_full_chain:
            wanted.setdefault(files.certificate, (files.key, BundleKind.FULL_CHAIN))
        else:
            if files.bundle:
                wanted.setdefault(files.bundle, (files.key, BundleKind.CA_BUNDLE))
    return wanted


def _bundle_data(folder: _Folder, key_name: str, kind: BundleKind) -> tuple[bytes | None, str]:
    key = folder.key(key_name)
    if isinstance(key, str):
        return None, Text(N_("needs its key {key} first"), key=key_name)
    entity = folder.entity_for(key)
    if entity is None:
        return None, Text(N_("needs the certificate of {key} in the folder first"), key=key_name)
    chain = folder.chain(entity)
    if not chain.complete:
        return None, Text(
            N_("needs the certificate of {issuer}: put the CA certificates in the folder"), issuer=chain.missing_issuer
        )
    return bundle_bytes(select_for_bundle(chain.items, kind)), ""


def _sheet(plan: Plan) -> DeploymentSheet:
    return build_sheet(plan.deployment())


def _db_names(plan: Plan) -> list[str]:
    if plan.database is None:
        return []
    files = plan.database.files
    extra = [] if plan.database.enterprise_ca else ["dbca.key"]
    return list(dict.fromkeys([*files.for_server(), *extra]))


def check_plan(
    plan: Plan,
    folder: Path,
    *,
    at: dt.datetime | None = None,
    warn_days: int = EXPIRING_DAYS,
    translate: Translate = str,
) -> list[PlanItem]:
    """One line per file the plan names: exists, missing, expiring or inconsistent, and why."""
    moment = at or dt.datetime.now(dt.UTC)
    if folder.is_dir():
        remove_leftovers(folder)  # an interrupted run's hidden temporaries (they may hold a key)
    index = _Folder(folder)
    items: list[PlanItem] = []
    done: dict[str, int] = {}  # name -> its line in `items`

    def add(name: str, state: ItemState, detail: str = "") -> None:
        """One line per file; a later finding that is worse than the line already there replaces it,
        so a name two rows use never hides a mismatch the second row finds."""
        at = done.get(name)
        if at is None:
            done[name] = len(items)
            items.append(PlanItem(name, state, detail))
        elif _SEVERITY[state] > _SEVERITY[items[at].state]:
            items[at] = PlanItem(name, state, detail)

    for certificate in plan.certificates:
        _check_certificate(index, certificate, moment, warn_days, add)
    for files in _service_rows(plan):
        _check_service(index, files, moment, warn_days, add)
    wanted = _wanted_bundles(plan)
    for name, (key_name, kind) in wanted.items():
        if name in done:
            continue
        if index.exists(name):
            add(name, ItemState.EXISTS)
        else:
            _, why = _bundle_data(index, key_name, kind)
            add(name, ItemState.MISSING, why or N_("apply makes it from the certificates in the folder"))
    _check_db(plan, index, moment, warn_days, add)
    deployment = plan.deployment()
    for trust in deployment.trust_files():
        if index.exists(trust.name):
            add(trust.name, ItemState.EXISTS, trust.kind.label)
        else:
            add(trust.name, ItemState.MISSING, Text(N_("apply makes it: {what}"), what=trust.kind.label))
    sheet_text = _sheet(plan).text(translate)  # the # lines in plan.sheet_language (the caller's hook)
    if not index.exists(plan.sheet):
        add(plan.sheet, ItemState.MISSING, N_("apply writes the MMP commands"))
    elif _read_or_none(folder / plan.sheet) != sheet_text.encode():
        add(plan.sheet, ItemState.INCONSISTENT, N_("differs from the plan; apply writes it again"))
    else:
        add(plan.sheet, ItemState.EXISTS)
    for name, problem in sorted(index.problems.items()):
        add(name, ItemState.INCONSISTENT, problem)
    return items


def _check_certificate(
    index: _Folder, certificate: PlanCertificate, at: dt.datetime, warn_days: int, add: Callable[..., None]
) -> None:
    base = certificate.basename
    key_name, csr_name, crt_name = f"{base}.key", f"{base}.csr", f"{base}.crt"
    if not index.exists(key_name):
        if index.exists(crt_name):
            add(
                key_name,
                ItemState.INCONSISTENT,
                Text(N_("is missing but {file} exists: a certificate without its key"), file=crt_name),
            )
        else:
            add(key_name, ItemState.MISSING, N_("apply makes the key and its CSR"))
        return
    key = index.key(key_name)
    if isinstance(key, str):
        add(key_name, ItemState.INCONSISTENT, key)
        return
    add(key_name, ItemState.EXISTS)
    entity = index.entity_for(key)
    if index.exists(crt_name):
        first = index.first_certificate(crt_name)
        if first is None or public_key_der(first.certificate.public_key()) != public_key_der(key.public_key()):
            add(crt_name, ItemState.INCONSISTENT, Text(N_("does not belong to {key}"), key=key_name))
            return
    if entity is None:
        if not index.exists(csr_name):
            add(csr_name, ItemState.MISSING, Text(N_("apply makes it from the existing {key}"), key=key_name))
        elif problem := index.csr_problem(csr_name, key, key_name):
            add(csr_name, ItemState.INCONSISTENT, problem)
            return
        else:
            add(csr_name, ItemState.EXISTS)
        add(
            crt_name,
            ItemState.MISSING,
            Text(N_("send {csr} to your CA and put the certificate it returns here"), csr=csr_name),
        )
        return
    state, detail = _expiry(entity, at, warn_days)
    if index.exists(crt_name):
        add(crt_name, state, detail)
    else:
        source = entity.sources[0] if entity.sources else "?"
        add(crt_name, ItemState.MISSING, Text(N_("apply writes it from {file}"), file=source))


def _check_service(
    index: _Folder, files: ServiceFiles, at: dt.datetime, warn_days: int, add: Callable[..., None]
) -> None:
    if not index.exists(files.key):
        add(
            files.key,
            ItemState.MISSING,
            Text(
                N_("{service} uses it; apply makes it only for the plan's [[certificate]] rows"),
                service=files.service.label,
            ),
        )
        return
    key = index.key(files.key)
    if isinstance(key, str):
        add(files.key, ItemState.INCONSISTENT, key)
        return
    add(files.key, ItemState.EXISTS)
    if index.exists(files.certificate):
        first = index.first_certificate(files.certificate)
        if first is None:
            add(
                files.certificate,
                ItemState.INCONSISTENT,
                index.problems.get(files.certificate, N_("holds no certificate")),
            )
        elif public_key_der(first.certificate.public_key()) != public_key_der(key.public_key()):
            add(files.certificate, ItemState.INCONSISTENT, Text(N_("does not belong to {key}"), key=files.key))
        else:
            state, detail = _expiry(first, at, warn_days)
            add(files.certificate, state, detail)
    elif not files.service.takes_full_chain:  # full chains are in the bundle list, with who makes them
        add(
            files.certificate,
            ItemState.MISSING,
            Text(N_("{service} uses it, but it is not in the folder"), service=files.service.label),
        )


def _check_db(plan: Plan, index: _Folder, at: dt.datetime, warn_days: int, add: Callable[..., None]) -> None:
    names = _db_names(plan)
    if not names:
        return
    present = [n for n in names if index.exists(n)]
    if not present:
        for name in names:
            add(name, ItemState.MISSING, N_("apply makes the database-cluster set"))
        return
    db_plan = plan.db_plan()
    finishable = db_plan is not None and can_finish(db_plan, index.folder)
    for name in names:
        if not index.exists(name) and finishable:
            add(
                name,
                ItemState.MISSING,
                N_("an interrupted run left the database-cluster set half made; apply finishes it"),
            )
            continue
        if not index.exists(name):
            add(
                name,
                ItemState.INCONSISTENT if present else ItemState.MISSING,
                Text(
                    N_(
                        "missing from the database-cluster set ({present} exist); restore it, or move the others away and apply"
                    ),
                    present=name_list(present),
                ),
            )
            continue
        first = index.first_certificate(name)
        if first is not None:
            state, detail = _expiry(first, at, warn_days)
            add(name, state, detail)
        else:
            add(name, ItemState.EXISTS)


def apply_plan(
    plan: Plan, folder: Path, *, progress: Progress | None = None, translate: Translate = str
) -> list[PlanItem]:
    """Make what is missing; returns what was made and what could not be (with why). Never replaces a
    key or certificate; the sheet is rewritten only when it differs from the plan."""
    if not folder.is_dir():
        raise CmsInputError(str(folder), N_("is not a folder; create it or give --dir"))
    results: list[PlanItem] = []
    try:
        with holding([folder], wait=False):  # one run at a time: the second would see half of the first
            return _apply_held(plan, folder, progress, translate, results)
    except KeyboardInterrupt as stop:  # each set written is whole; say which were made before it
        raise ApplyInterrupted([item.name for item in results if item.state is ItemState.MADE], stop) from None
    except FolderBusy:
        raise CmsInputError(
            str(folder),
            N_(
                "another run holds the folder (plan apply or a pki command is writing there); wait for it and apply again"
            ),
        ) from None


class ApplyInterrupted(KeyboardInterrupt):
    """Ctrl+C or SIGTERM during `apply`: `made` names the files made (each set whole) before it came."""

    def __init__(self, made: list[str], cause: BaseException) -> None:
        super().__init__(", ".join(made))
        self.made = made
        self.cause = cause


def _apply_held(
    plan: Plan, folder: Path, progress: Progress | None, translate: Translate, results: list[PlanItem]
) -> list[PlanItem]:
    say = progress or (lambda _name: None)
    remove_leftovers(folder)
    names = {p.name for p in folder.iterdir() if p.is_file()}
    made_keys: dict[str, PrivateKey] = {}
    # 1. keys and CSRs (a key is never made twice; a missing CSR is made from the existing key)
    for certificate in plan.certificates:
        base = certificate.basename
        key_name, csr_name, crt_name = f"{base}.key", f"{base}.csr", f"{base}.crt"
        if key_name not in names:
            if crt_name in names:
                results.append(
                    PlanItem(
                        key_name,
                        ItemState.INCONSISTENT,
                        Text(
                            N_(
                                "is missing but {file} exists: a certificate without its key; restore the key or move the certificate away"
                            ),
                            file=crt_name,
                        ),
                    )
                )
                continue
            say(key_name)
            spec = plan.csr_spec(certificate)
            made_keys[key_name] = generate_private_key(spec.key_type)
            generate_key_and_csr(spec, folder, key=made_keys[key_name])
            results += [PlanItem(key_name, ItemState.MADE), PlanItem(csr_name, ItemState.MADE)]
            names |= {key_name, csr_name}
    # 2. the database-cluster set, all five files or none
    db_names = _db_names(plan)
    if db_names and plan.database is not None and not plan.database.enterprise_ca:
        present = [n for n in db_names if n in names]
        db_plan = plan.db_plan()
        if not present and db_plan is not None:
            say("database cluster")
            made = write_db_cluster(db_plan, folder)
            results += [PlanItem(path.name, ItemState.MADE) for path in made.files]
        elif len(present) != len(db_names) and db_plan is not None and can_finish(db_plan, folder):
            say("database cluster (finishing)")
            finished = Text(N_("finished the database-cluster set an interrupted run left half made, from its dbca"))
            results += [PlanItem(path.name, ItemState.MADE, finished) for path in finish_db_cluster(db_plan, folder)]
        elif len(present) != len(db_names):
            missing = [n for n in db_names if n not in names]
            results.append(
                PlanItem(
                    missing[0],
                    ItemState.INCONSISTENT,
                    Text(
                        N_(
                            "missing from the database-cluster set ({present} exist); restore it, or move the others away and apply"
                        ),
                        present=name_list(present),
                    ),
                )
            )
    index = _Folder(folder, made_keys)
    outputs: list[OutputFile] = []
    # 3. CSRs for existing keys without a certificate, and <basename>.crt from whatever file the CA sent
    for certificate in plan.certificates:
        base = certificate.basename
        key = index.key(f"{base}.key") if index.exists(f"{base}.key") else None
        if key is None or isinstance(key, str):
            continue
        entity = index.entity_for(key)
        if entity is None:
            csr_name = f"{base}.csr"
            # a CSR that is not the key's own (a run cut off between the two) is made again from the key
            stale = index.exists(csr_name) and bool(index.csr_problem(csr_name, key, f"{base}.key"))
            if stale or not index.exists(csr_name):
                csr = build_csr(plan.csr_spec(certificate), key)
                outputs.append(OutputFile(folder / csr_name, csr.public_bytes(Encoding.PEM), replace=stale))
        if entity is not None and not index.exists(f"{base}.crt"):
            outputs.append(OutputFile(folder / f"{base}.crt", entity.certificate.public_bytes(Encoding.PEM)))
    # 4. CA bundles and full chains from the certificates in the folder
    planned = {o.path.name for o in outputs}
    for name, (key_name, kind) in _wanted_bundles(plan).items():
        if index.exists(name) or name in planned:
            continue
        data, why = _bundle_data(index, key_name, kind)
        if data is None:
            results.append(PlanItem(name, ItemState.MISSING, why))
        else:
            outputs.append(OutputFile(folder / name, data))
    if outputs:
        say(", ".join(o.path.name for o in outputs))
        write_files(outputs)
        results += [PlanItem(o.path.name, ItemState.MADE) for o in outputs]
    # 5. peer trust files (every peer in one file), once their sources are all here
    deployment = plan.deployment()
    on_disk = {p.name for p in folder.iterdir() if p.is_file()}
    trust_outputs = []
    for trust in deployment.trust_files():
        if trust.name in on_disk:
            continue
        absent = [name for name in trust.sources if name not in on_disk]
        if absent:
            results.append(PlanItem(trust.name, ItemState.MISSING, Text(N_("needs {file} first"), file=absent[0])))
            continue
        try:
            trust_outputs.append(OutputFile(folder / trust.name, trust_file_bytes(deployment, trust, folder)))
        except CmsInputError as error:
            results.append(PlanItem(trust.name, ItemState.MISSING, f"{error.where}: {error.message}"))
    if trust_outputs:
        write_files(trust_outputs)
        results += [PlanItem(o.path.name, ItemState.MADE) for o in trust_outputs]
    # 6. the sheet: the plan rendered, rewritten only when it differs
    text = _sheet(plan).text(translate).encode()
    sheet_path = folder / plan.sheet
    if _read_or_none(sheet_path) != text:
        write_files([OutputFile(sheet_path, text, replace=True)])
        results.append(PlanItem(plan.sheet, ItemState.MADE))
    return results


def node_files(plan: Plan, node: str) -> list[str]:
    """The files to upload to one node (its sheet section's list: keys, certificates, bundles, trust, DB)."""
    name = plan.node(node).name
    for section in _sheet(plan).nodes:
        if section.node == name:
            return list(section.files)
    return []


def missing_files(folder: Path, names: Iterable[str]) -> list[str]:
    return [name for name in names if not (folder / name).is_file()]


def _read_or_none(path: Path) -> bytes | None:
    """The file's bytes through the one reading function, or None (missing, not a regular file, too big)."""
    from cmswizard.pki.files import read_input_file

    try:
        return read_input_file(path)
    except CmsInputError:
        return None
