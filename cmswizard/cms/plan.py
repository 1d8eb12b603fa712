"""The deployment plan file: one TOML file that holds a whole CMS deployment (docs/plan-format.md).

Read with `tomllib`, written by the small exact writer below (a fixed layout with comments, so a
plan saved twice is byte-identical and reads back to the same `Plan`). Every bad plan gets one line
that names the key (`site.toml: node[2].role`) and says how to fix it. The types a plan is read into
are in cms/plan_types.py (re-exported here).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from cmswizard.cms.apply_settings import apply_lines, read_apply
from cmswizard.cms.dbcluster import DbFiles, make_db_cluster
from cmswizard.cms.issuers import (
    check_certificate_issuer,
    issuer_lines,
    read_issuers,
    read_renewal,
    renewal_lines,
)
from cmswizard.cms.nodes import NodeName, check_node_names
from cmswizard.cms.plan_names import first_name_problem, plain_name_problem, ssh_value_problem
from cmswizard.cms.plan_types import SHEET_NAME, DatabaseSection, Plan, PlanCertificate, PlanNode
from cmswizard.cms.services import BACKUP_NAME, CmsVersion, Service, Topology, services_for
from cmswizard.cms.sheet import Listen, ServiceFiles, TrustKind, pinned_off_side
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message, shorten
from cmswizard.pki.names import check_fqdn
from cmswizard.pki.profiles import TrustContent
from cmswizard.pki.safe_text import has_control
from cmswizard.pki.spec import KeyType

__all__ = [
    "SCHEMA",
    "SHEET_NAME",
    "DatabaseSection",
    "Plan",
    "PlanCertificate",
    "PlanNode",
    "plan_text",
    "read_plan",
    "read_plan_text",
]

SCHEMA = 2  # schema 1 (no issuers) is read unchanged and written as 1 while a plan names no issuer
SCHEMAS = (1, 2)
SHEET_LANGUAGES = ("en", "zh_TW")  # of the sheet's # lines; commands and file names are never translated
SUBJECT_KEYS = ("O", "OU", "L", "ST", "C")
_T = TypeVar("_T")


# ---------------------------------------------------------------- reading


class _Reader:
    """Walks the parsed TOML, naming every key it complains about as `file: path.key`."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> CmsInputError:
        return CmsInputError(f"{self.source}: {where}" if where else self.source, message)

    def table(self, value: object, where: str, known: Iterable[str]) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(
                where, Text(N_("must be a table ([{where}]); it is {kind}"), where=where, kind=_kind(value))
            )
        allowed = list(known)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"{where}.{key}" if where else key,
                    Text(N_("unknown key; the keys here are: {known} (check the spelling)"), known=", ".join(allowed)),
                )
        return value

    def get(self, table: Mapping[str, Any], where: str, key: str, kind: type[_T], default: _T | None = None) -> _T:
        path = f"{where}.{key}" if where else key
        if key not in table:
            if default is None:
                raise self.fail(path, N_("is missing; add it (see docs/plan-format.md)"))
            return default
        value = table[key]
        if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
            raise self.fail(
                path,
                Text(
                    N_("must be {wanted}, not {kind}"), wanted=_KIND_NAMES.get(kind, kind.__name__), kind=_kind(value)
                ),
            )
        return value

    def strings(self, table: Mapping[str, Any], where: str, key: str) -> tuple[str, ...]:
        values = self.get(table, where, key, list, [])
        for number, item in enumerate(values):
            if not isinstance(item, str):
                raise self.fail(f"{where}.{key}[{number}]", Text(N_("must be a string, not {kind}"), kind=_kind(item)))
        return tuple(values)

    def choice(
        self,
        table: Mapping[str, Any],
        where: str,
        key: str,
        choices: Callable[[str], _T],
        names: Sequence[str],
        default: str | None = None,
    ) -> _T:
        value = self.get(table, where, key, str, default)
        try:
            return choices(value)
        except ValueError:
            path = f"{where}.{key}" if where else key
            raise self.fail(
                path, Text(N_("{value} is not one of: {choices}"), value=shorten(value), choices=", ".join(names))
            ) from None

    def rows(self, document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = document.get(key, [])
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise self.fail(key, Text(N_("must be written as [[{key}]] tables"), key=key))
        return value


_KIND_NAMES = {str: "a string", int: "a whole number", bool: "true or false", list: "a list", dict: "a table"}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {str: "a string", int: "a number", float: "a decimal number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _fqdn(reader: _Reader, value: str, where: str) -> str:
    try:
        return check_fqdn(value, where, allow_wildcard=False)
    except CmsInputError as error:
        raise reader.fail(where, error.message) from None


def read_plan_text(text: str, source: str = "plan", plan_name: str = "") -> Plan:
    """Parse and check a plan; raises CmsInputError naming `source: key` on the first problem.
    `plan_name`: the plan file's own name, which no file the plan names may take."""
    reader = _Reader(source)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise reader.fail("", Text(N_("is not valid TOML ({p}); fix that line"), p=str(error))) from None
    except RecursionError:  # tomllib recurses once per nesting level: a plan is never that deep
        raise reader.fail("", N_("nests tables or lists too deeply to be a plan; is this the right file?")) from None
    known = (
        "schema",
        "cms",
        "subject",
        "listen",
        "trust",
        "node",
        "database",
        "certificate",
        "service",
        "sheet",
        "sheet_language",
        "issuers",
        "renewal",
        "apply",
    )
    top = reader.table(document, "", known)
    schema = reader.get(top, "", "schema", int)
    if schema not in SCHEMAS:
        raise reader.fail(
            "schema",
            Text(
                N_("is {value}; this cmswizard reads plan schema {known}: update cmswizard or save the plan again"),
                value=schema,
                known=" or ".join(str(n) for n in SCHEMAS),
            ),
        )
    cms = reader.table(
        top.get("cms", {}),
        "cms",
        ("version", "topology", "join_url", "xmpp_domain", "key_type", "sip_trust", "backup_name", "callbridge_cn"),
    )
    version = reader.choice(cms, "cms", "version", CmsVersion, [v.value for v in CmsVersion])
    topology = reader.choice(cms, "cms", "topology", Topology, [t.value for t in Topology])
    key_type = reader.choice(cms, "cms", "key_type", KeyType, [k.value for k in KeyType], KeyType.RSA2048.value)
    join_url = reader.get(cms, "cms", "join_url", str, "")
    xmpp_domain = reader.get(cms, "cms", "xmpp_domain", str, "")
    if join_url:
        join_url = _fqdn(reader, join_url, "cms.join_url")
    if xmpp_domain:
        xmpp_domain = _fqdn(reader, xmpp_domain, "cms.xmpp_domain")

    subject_table = reader.table(top.get("subject", {}), "subject", SUBJECT_KEYS)
    subject = tuple(
        (key, reader.get(subject_table, "subject", key, str)) for key in SUBJECT_KEYS if key in subject_table
    )

    listen_table = reader.table(top.get("listen", {}), "listen", Listen.__dataclass_fields__)
    defaults = Listen()
    listen = Listen(
        **{
            name: reader.get(listen_table, "listen", name, type(getattr(defaults, name)), getattr(defaults, name))
            for name in Listen.__dataclass_fields__
        }
    )
    try:
        listen.check()
    except CmsInputError as error:
        raise reader.fail(f"listen.{error.where.replace(' ', '_')}", error.message) from None

    trust_table = reader.table(top.get("trust", {}), "trust", ("content", *(kind.value for kind in TrustKind)))
    trust_content = reader.choice(
        trust_table, "trust", "content", TrustContent, [c.value for c in TrustContent], TrustContent.FULL_CHAIN.value
    )
    trust_names = tuple(
        (kind, reader.get(trust_table, "trust", kind.value, str)) for kind in TrustKind if kind.value in trust_table
    )

    nodes = _read_nodes(reader, top)
    names = [node.name for node in nodes]
    if topology is Topology.SINGLE and len([n for n in nodes if n.role == "core"]) > 1:
        raise reader.fail("node", N_('a single combined server has one node; set cms.topology to "cluster"'))
    if topology is Topology.EDGE and not any(n.role == "edge" for n in nodes):
        raise reader.fail("node", N_('an edge deployment needs at least one node with role = "edge"'))
    if topology is not Topology.EDGE and any(n.role == "edge" for n in nodes):
        raise reader.fail("node", N_('edge nodes need cms.topology = "edge"; change the topology or the role'))

    database = _read_database(reader, top, names)
    issuers = read_issuers(reader, top) if schema >= 2 else ()
    if schema < 2 and "issuers" in top:
        raise reader.fail("issuers", N_("needs schema = 2 (plan schema 1 has no issuers)"))
    if schema < 2 and "renewal" in top:
        raise reader.fail("renewal", N_("needs schema = 2 (plan schema 1 has no renewal settings)"))
    renewal = read_renewal(reader, top)
    certificates = _read_certificates(reader, top, version, names, schema)
    for number, certificate in enumerate(certificates):
        check_certificate_issuer(reader, issuers, certificate.issuer, certificate.services, f"certificate[{number}]")
    edges = [node.name for node in nodes if node.role == "edge"]
    services = _read_services(reader, top, version, names, topology, edges)
    plan = Plan(
        version,
        topology,
        nodes,
        join_url=join_url,
        xmpp_domain=xmpp_domain,
        key_type=key_type,
        subject=subject,
        listen=listen,
        trust_content=trust_content,
        trust_names=trust_names,
        certificates=certificates,
        services=services,
        database=database,
        sip_trust=reader.get(cms, "cms", "sip_trust", str, ""),
        backup_name=reader.get(cms, "cms", "backup_name", str, BACKUP_NAME),
        callbridge_cn=reader.get(cms, "cms", "callbridge_cn", str, ""),
        sheet=_sheet_name(reader, reader.get(top, "", "sheet", str, SHEET_NAME)),
        sheet_language=reader.choice(top, "", "sheet_language", _sheet_language, SHEET_LANGUAGES, "en"),
        issuers=issuers,
        renewal=renewal,
        apply=read_apply(reader, top),
    )
    for number, certificate in enumerate(certificates):
        try:
            plan.csr_spec(certificate)
        except CmsInputError as error:
            raise reader.fail(f"certificate[{number}] ({certificate.basename}): {error.where}", error.message) from None
    name_problem = first_name_problem(plan, plan_name)
    if name_problem is not None:
        raise reader.fail(*name_problem)
    try:
        plan.deployment().checked()
    except CmsInputError as error:
        raise reader.fail(error.where, error.message) from None
    return plan


def _sheet_name(reader: _Reader, name: str) -> str:
    """The sheet is made (and remade) beside the plan: a plan file someone sent must not name a path
    that replaces a file elsewhere (`../.bashrc`)."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or has_control(name):
        raise reader.fail(
            "sheet", Text(N_("{value}: give a plain file name (the sheet is written beside the plan)"), value=name)
        )
    return name


def _plain_name(reader: _Reader, name: str, where: str) -> str:
    problem = plain_name_problem(name)
    if problem:
        raise reader.fail(where, Text("{name}: {problem}", name=name, problem=as_message(problem)))
    return name


def _read_nodes(reader: _Reader, top: Mapping[str, Any]) -> tuple[PlanNode, ...]:
    nodes: list[PlanNode] = []
    given: list[NodeName] = []
    for number, row in enumerate(reader.rows(top, "node")):
        where = f"node[{number}]"
        reader.table(row, where, ("name", "role", "ssh_host", "ssh_port", "ssh_user", "fingerprint"))
        role = reader.choice(row, where, "role", _role, ("core", "edge"), "core")
        given.append(NodeName(reader.get(row, where, "name", str), role, f"{where}.name"))
        try:
            name = check_node_names(given)[-1]  # each name, and that it is not an earlier row's
        except CmsInputError as error:
            raise reader.fail(error.where, error.message) from None
        port = reader.get(row, where, "ssh_port", int, 22)
        if not 1 <= port <= 65535:
            raise reader.fail(f"{where}.ssh_port", Text(N_("{value} is not a port; give 1 to 65535"), value=port))
        fingerprint = reader.get(row, where, "fingerprint", str, "")
        ssh_host = reader.get(row, where, "ssh_host", str, "")
        ssh_user = reader.get(row, where, "ssh_user", str, "admin")
        for key, value in (("ssh_host", ssh_host), ("ssh_user", ssh_user), ("fingerprint", fingerprint)):
            problem = ssh_value_problem(key, value)
            if problem:
                raise reader.fail(f"{where}.{key}", Text("{value}: {problem}", value=value, problem=problem))
        nodes.append(PlanNode(name, role, ssh_host, port, ssh_user, fingerprint))
    if not nodes:
        raise reader.fail("node", N_("the plan has no [[node]]; add one per CMS server"))
    return tuple(nodes)


def _role(value: str) -> str:
    if value not in ("core", "edge"):
        raise ValueError(value)
    return value


def _node_name(reader: _Reader, value: str, where: str, names: Sequence[str]) -> str:
    if not value:
        return ""
    name = _fqdn(reader, value, where)
    if name not in names:
        raise reader.fail(
            where,
            Text(
                N_("{name} is on no [[node]]; add that node or fix the name (nodes: {known})"),
                name=name,
                known=", ".join(names),
            ),
        )
    return name


def _read_database(reader: _Reader, top: Mapping[str, Any], names: Sequence[str]) -> DatabaseSection | None:
    if "database" not in top:
        return None
    table = reader.table(
        top["database"],
        "database",
        ("domain", "primary", "join", "connect", "renewal", "enterprise_ca", *DbFiles.__dataclass_fields__),
    )
    primary = _node_name(reader, reader.get(table, "database", "primary", str), "database.primary", names)
    join = tuple(_node_name(reader, n, "database.join", names) for n in reader.strings(table, "database", "join"))
    connect = tuple(
        _node_name(reader, n, "database.connect", names) for n in reader.strings(table, "database", "connect")
    )
    files = DbFiles(
        **{
            name: reader.get(table, "database", name, str, getattr(DbFiles(), name))
            for name in DbFiles.__dataclass_fields__
        }
    )
    section = DatabaseSection(
        reader.get(table, "database", "domain", str),
        primary,
        join,
        connect,
        reader.get(table, "database", "renewal", bool, False),
        files,
        reader.get(table, "database", "enterprise_ca", bool, False),
    )
    try:
        make_db_cluster(section.domain, primary, join, connect, files=files, enterprise_ca=section.enterprise_ca)
    except CmsInputError as error:
        raise reader.fail(f"database ({error.where})", error.message) from None
    return section


def _service(reader: _Reader, value: str, where: str, version: CmsVersion) -> Service:
    available = [s for s in services_for(version) if s is not Service.DATABASE]
    try:
        service = Service(value)
    except ValueError:
        service = None
    if service not in available:
        raise reader.fail(
            where,
            Text(
                N_("{value} is not a service of CMS {version}; use one of: {choices}"),
                value=shorten(value),
                version=version.value,
                choices=", ".join(s.value for s in available),
            ),
        )
    assert service is not None
    return service


def _read_certificates(
    reader: _Reader, top: Mapping[str, Any], version: CmsVersion, names: Sequence[str], schema: int = 1
) -> tuple[PlanCertificate, ...]:
    found: list[PlanCertificate] = []
    basenames: set[str] = set()
    for number, row in enumerate(reader.rows(top, "certificate")):
        where = f"certificate[{number}]"
        reader.table(row, where, ("basename", "cn", "san", "services", "node", *(("issuer",) if schema >= 2 else ())))
        basename = reader.get(row, where, "basename", str)
        if basename in basenames:
            raise reader.fail(
                f"{where}.basename", Text(N_("{name} is used twice; give each key its own basename"), name=basename)
            )
        basenames.add(basename)
        services = tuple(
            _service(reader, value, f"{where}.services[{i}]", version)
            for i, value in enumerate(reader.strings(row, where, "services"))
        )
        found.append(
            PlanCertificate(
                basename,
                reader.get(row, where, "cn", str),
                reader.strings(row, where, "san"),
                services,
                _node_name(reader, reader.get(row, where, "node", str, ""), f"{where}.node", names),
                reader.get(row, where, "issuer", str, ""),
            )
        )
    return tuple(found)


def _read_services(
    reader: _Reader,
    top: Mapping[str, Any],
    version: CmsVersion,
    names: Sequence[str],
    topology: Topology,
    edges: Sequence[str],
) -> tuple[ServiceFiles, ...]:
    found: list[ServiceFiles] = []
    for number, row in enumerate(reader.rows(top, "service")):
        where = f"service[{number}]"
        reader.table(row, where, ("service", "node", "key", "certificate", "bundle"))
        service = _service(reader, reader.get(row, where, "service", str), f"{where}.service", version)
        bundle = reader.get(row, where, "bundle", str, "")
        if bundle and service.takes_full_chain:
            raise reader.fail(
                f"{where}.bundle",
                Text(
                    N_("{service} takes one full-chain file as its certificate; remove bundle"), service=service.label
                ),
            )
        files = ServiceFiles(  # checked raw: ServiceFiles escapes control characters into backslashes
            service,
            _plain_name(reader, reader.get(row, where, "key", str), f"{where}.key"),
            _plain_name(reader, reader.get(row, where, "certificate", str), f"{where}.certificate"),
            _plain_name(reader, bundle, f"{where}.bundle") if bundle else None,
            _node_name(reader, reader.get(row, where, "node", str, ""), f"{where}.node", names),
        )
        off_side = pinned_off_side(files, topology, edges)
        if off_side is not None:
            raise reader.fail(f"{where}.node ({files.node})", off_side)
        found.append(files)
    return tuple(found)


def read_plan(path: Path | str) -> Plan:
    from cmswizard.pki.files import read_input_file

    data = read_input_file(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CmsInputError(str(path), N_("is not UTF-8 text; save the plan as UTF-8")) from None
    return read_plan_text(text, str(path), Path(path).name)


# ---------------------------------------------------------------- writing


def _string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(type(value))


def _sheet_language(value: str) -> str:
    if value not in SHEET_LANGUAGES:
        raise ValueError(value)
    return value


def plan_text(plan: Plan) -> str:
    """The plan as TOML, in one fixed layout (saving twice gives the same bytes)."""
    lines = [
        "# cmswizard deployment plan: see docs/plan-format.md",
        "# `cmswizard plan check` says what exists and what is missing; `plan apply` makes what is missing.",
        f"schema = {plan.schema}",
        f"sheet = {_string(plan.sheet)}",
        *([f"sheet_language = {_string(plan.sheet_language)}"] if plan.sheet_language != "en" else []),
        "",
        "[cms]",
        f"version = {_string(plan.version.value)}",
        f"topology = {_string(plan.topology.value)}",
        f"join_url = {_string(plan.join_url)}",
    ]
    if plan.xmpp_domain:
        lines.append(f"xmpp_domain = {_string(plan.xmpp_domain)}")
    lines.append(f"key_type = {_string(plan.key_type.value)}")
    for key, value in (("sip_trust", plan.sip_trust), ("callbridge_cn", plan.callbridge_cn)):
        if value:
            lines.append(f"{key} = {_string(value)}")
    lines.append(f"backup_name = {_string(plan.backup_name)}")
    lines += ["", "[subject]  # defaults for every CSR"]
    lines += [f"{key} = {_string(value)}" for key, value in plan.subject]
    lines += ["", "[listen]"]
    lines += [f"{name} = {_value(getattr(plan.listen, name))}" for name in Listen.__dataclass_fields__]
    lines += ["", "[trust]", f"content = {_string(plan.trust_content.value)}"]
    lines += [f"{kind.value} = {_string(name)}" for kind, name in plan.trust_names]
    for node in plan.nodes:
        lines += ["", "[[node]]", f"name = {_string(node.name)}", f"role = {_string(node.role)}"]
        if node.ssh_host:
            lines.append(f"ssh_host = {_string(node.ssh_host)}")
        if node.ssh_port != 22:
            lines.append(f"ssh_port = {node.ssh_port}")
        if node.ssh_user != "admin":
            lines.append(f"ssh_user = {_string(node.ssh_user)}")
        if node.fingerprint:
            lines.append(f"fingerprint = {_string(node.fingerprint)}")
    if plan.database is not None:
        db = plan.database
        lines += [
            "",
            "[database]",
            f"domain = {_string(db.domain)}",
            f"primary = {_string(db.primary)}",
            f"join = {_value(db.join)}",
            f"connect = {_value(db.connect)}",
            f"renewal = {_value(db.renewal)}",
        ]
        if db.enterprise_ca:
            lines.append("enterprise_ca = true")
        lines += [
            f"{name} = {_string(getattr(db.files, name))}"
            for name in DbFiles.__dataclass_fields__
            if getattr(db.files, name) != getattr(DbFiles(), name)
        ]
    for certificate in plan.certificates:
        lines += [
            "",
            "[[certificate]]",
            f"basename = {_string(certificate.basename)}",
            f"cn = {_string(certificate.cn)}",
            f"san = {_value(certificate.san)}",
            f"services = {_value([s.value for s in certificate.services])}",
        ]
        if certificate.node:
            lines.append(f"node = {_string(certificate.node)}")
        if certificate.issuer:
            lines.append(f"issuer = {_string(certificate.issuer)}")
    lines += issuer_lines(plan.issuers, _string)
    lines += renewal_lines(plan.renewal, _string)
    lines += apply_lines(plan.apply, _string)
    for files in plan.services:
        lines += ["", "[[service]]", f"service = {_string(files.service.value)}"]
        if files.node:
            lines.append(f"node = {_string(files.node)}")
        lines += [f"key = {_string(files.key)}", f"certificate = {_string(files.certificate)}"]
        if files.bundle:
            lines.append(f"bundle = {_string(files.bundle)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- from the wizard
