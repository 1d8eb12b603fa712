"""Typing a whole deployment sheet on simulated nodes, as an admin would, and checking the end state.

`sheet_sections()` splits a sheet into (node, [(line number, command)]); `sheet_files()` makes, with the
test factory, every file the sheet names (keys that fit their certificates, chains that verify against
their bundles); `type_sheet()` uploads them by SFTP and types each command over SSH (answering the
capital-Y question of `database cluster remove` the way the sheet tells the admin to);
`end_state_problems()` says what is wrong at the end: a FAILURE, a setting still waiting for a restart
(naming the sheet line that set it), a service not using the files the sheet assigned.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import paramiko
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from cmswizard.cms.lines import UNCONFIRMED_PREFIX
from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget, upload_files

from helpers.factory import Hierarchy, hierarchy, issue, new_key
from helpers.mmp_sim import USER, MmpSimulator, SimServer

__all__ = [
    "SheetRun",
    "Typist",
    "end_state_problems",
    "expected_run",
    "sheet_files",
    "sheet_sections",
    "type_sheet",
    "typed_by_a_person",
    "unconfirmed_commands",
    "upload_sheet_files",
]

_SECTION = re.compile(r"^# ===== (.+?) \((.+)\) =====$")
_ON_NODE = re.compile(r"^# on (?:the primary )?([A-Za-z0-9.-]+\.[A-Za-z]+)\b")
_FQDN = re.compile(r"\b([a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]+)\b")
_CERTS = re.compile(
    r"^(webadmin|callbridge|webbridge|xmpp|turn|webbridge3 https|webbridge3 c2w|scheduler c2w|scheduler https) certs (.+)$"
)


def sheet_sections(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    """(node, [(sheet line number, command)]) in sheet order; a section for "every database node" is split
    into the nodes its notes name ("on the primary X", "on X:")."""
    sections: list[tuple[str, list[tuple[int, str]]]] = []
    current: list[list[tuple[int, str]]] = []  # the sections the next commands go to
    shared = False  # inside a section for several nodes: its notes say where each command goes
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        header = _SECTION.match(line)
        if header:
            name = header.group(1)
            shared = not _FQDN.fullmatch(name)
            current = [] if shared or name.startswith("elsewhere") else [[]]
            if current:
                sections.append((name, current[0]))
            continue
        if shared and line.startswith("#"):
            target = _ON_NODE.match(line) or re.search(r"on the primary ([a-z0-9.-]+[a-z])", line)
            # a step per role (the DB renewal): the plan's names of that role, in a bracket
            role = re.search(r"(?:\(the plan: |（計畫中為：)([a-z0-9., -]+[a-z])", line)
            nodes = [target.group(1)] if target else role.group(1).split(", ") if role else []
            if nodes:
                current = [[] for _ in nodes]
                sections += list(zip(nodes, current, strict=True))
            continue
        if line and not line.startswith("#"):
            for lines in current:
                lines.append((number, line))
    return [(node, lines) for node, lines in sections if lines]


_UNCONFIRMED = f"# {UNCONFIRMED_PREFIX} "


def unconfirmed_commands(text: str) -> list[tuple[int, str]]:
    """(sheet line number, command) of every UNCONFIRMED command the sheet prints commented out."""
    return [
        (number, raw.strip().removeprefix(_UNCONFIRMED).strip())
        for number, raw in enumerate(text.splitlines(), 1)
        if raw.strip().startswith(_UNCONFIRMED)
    ]


def typed_by_a_person(text: str) -> str:
    """The sheet as a person runs it: each UNCONFIRMED step (a command the sheet hands to the person to check
    in the MMP guide and type) typed exactly as the sheet writes it, uncommented, in its place (line numbers
    kept). UNCONFIRMED notes without a command ("UNCONFIRMED step: …") stay comments."""
    out = []
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        out.append(raw.replace(_UNCONFIRMED, "", 1) if stripped.startswith(_UNCONFIRMED) else raw)
    return "".join(out)


def _uploads(text: str) -> dict[str, list[str]]:
    files: dict[str, list[str]] = {}
    node = ""
    for raw in text.splitlines():
        header = _SECTION.match(raw.strip())
        if header:
            node = header.group(1)
        elif raw.startswith("# files to upload here: ") and node:
            files[node] = [name.strip() for name in raw.split(":", 1)[1].split(",")]
    return files


@dataclass
class _Roles:
    key_of: dict[str, str] = field(default_factory=dict)  # certificate file -> key file
    full_chain: set[str] = field(default_factory=set)
    bundles: set[str] = field(default_factory=set)


def _roles(text: str) -> _Roles:
    roles = _Roles()
    for raw in text.splitlines():
        line = raw.removeprefix("# UNCONFIRMED, check it in your CMS MMP guide before typing: ").strip()
        certs = _CERTS.match(line)
        words = line.split()
        if certs:
            names = certs.group(2).split()
            roles.key_of[names[1]] = names[0]
            if " " in certs.group(1) or certs.group(1).startswith("scheduler"):
                roles.full_chain.add(names[1])
            roles.bundles.update(names[2:])
        elif line.startswith("pki match "):
            roles.key_of[words[3]] = words[2]
        elif line.startswith("pki verify "):
            roles.bundles.add(words[3])
        elif line.startswith("database cluster certs "):
            names = words[3:]
            for key, cert in zip(names[0:-1:2], names[1:-1:2], strict=False):
                roles.key_of[cert] = key
            roles.bundles.add(names[-1])
        elif line.startswith(("tls sip trust ", "callbridge trust c2w ", "webbridge3 c2w trust ")) or re.match(
            r"^(scheduler c2w trust|xmpp cluster trust|webbridge trust) ", line
        ):
            roles.bundles.add(words[-1])
    for name in roles.key_of:
        if "fullchain" in name:
            roles.full_chain.add(name)
    return roles


def sheet_files(text: str, ca: Hierarchy | None = None) -> dict[str, dict[str, bytes]]:
    """node -> {file name: bytes} for every file the sheet lists for that node, made to fit together."""
    ca = ca or hierarchy(depth=1, prefix="Sheet")
    issuer = ca.intermediates[-1]
    bundle = issuer.pem + ca.root.pem
    roles = _roles(text)
    keys: dict[str, object] = {}
    made: dict[str, bytes] = {}

    def key_for(name: str) -> object:
        if name not in keys:
            keys[name] = new_key()
        return keys[name]

    for cert_name, key_name in roles.key_of.items():
        key = key_for(key_name)
        cn = cert_name.rsplit(".", 1)[0] + ".example.com"
        leaf = issue(cn, issuer, key=key)  # type: ignore[arg-type]
        made[cert_name] = leaf.pem + (bundle if cert_name in roles.full_chain else b"")
        made[key_name] = leaf.key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    files: dict[str, dict[str, bytes]] = {}
    for node, names in _uploads(text).items():
        files[node] = {name: made.get(name, bundle) for name in names}
    return files


def _upload(server: SimServer, files: dict[str, bytes], known_hosts: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="mmp-sheet-") as folder:
        paths = []
        for name, data in files.items():
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(path)
        report = upload_files(
            SshTarget("127.0.0.1", server.port, USER),
            paths,
            trust=HostTrust(known_hosts=known_hosts),
            credentials=Credentials(password=server.password),
        )
    assert report.ok, [result.line for result in report.results]


class Typist:
    """A person at the MMP prompt over SSH: types a line, waits for the prompt, answers Y when asked."""

    def __init__(self, server: SimServer) -> None:
        self.server = server
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # a test client of our own simulator
        self.client.connect(
            "127.0.0.1", server.port, USER, server.password, look_for_keys=False, allow_agent=False, timeout=10
        )
        self.channel = self.client.invoke_shell()
        self.channel.settimeout(10)
        self._read_until((server.node.prompt,))

    def _read_until(self, endings: tuple[str, ...]) -> str:
        data = b""
        deadline = time.monotonic() + 20
        while not data.decode(errors="replace").endswith(endings):
            if time.monotonic() > deadline:
                raise TimeoutError(data[-300:])
            data += self.channel.recv(65536)
        return data.decode(errors="replace")

    def type(self, line: str) -> str:
        from helpers.mmp_sim_node import REMOVE_QUESTION

        self.channel.sendall(line.encode() + b"\n")
        answer = self._read_until((self.server.node.prompt, REMOVE_QUESTION))
        if answer.endswith(REMOVE_QUESTION):
            self.channel.sendall(b"Y\n")
            answer += self._read_until((self.server.node.prompt,))
        return answer

    def close(self) -> None:
        self.client.close()


@dataclass
class SheetRun:
    name: str
    sheet_lines: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(dict)
    )  # node -> command no. -> sheet line
    assigned: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(dict)
    )  # node -> item -> files
    db_role: dict[str, str] = field(default_factory=dict)


def prepare_renewal(simulator: MmpSimulator, text: str) -> None:
    """A DB renewal sheet starts on nodes that are in a cluster already: give them one."""
    if "database cluster remove" not in text:
        return
    primary = re.search(r"on the primary ([a-z0-9.-]+[a-z])", text)
    for name, server in simulator.servers.items():
        server.node.db.role = "primary" if primary and name == primary.group(1) else "replica"
        server.node.db.primary = primary.group(1) if primary else name


def upload_sheet_files(simulator: MmpSimulator, text: str) -> None:
    """Each node gets the files its section lists (made to fit together), by SFTP as `upload` sends them;
    a DB renewal sheet's nodes start in a cluster."""
    known_hosts = simulator.write_known_hosts()
    for node, files in sheet_files(text).items():
        _upload(simulator[node], files, known_hosts)
    prepare_renewal(simulator, text)


def type_sheet(simulator: MmpSimulator, text: str, name: str = "sheet") -> SheetRun:
    """Upload each node's files, then type its commands; returns what the check needs."""
    upload_sheet_files(simulator, text)
    run = SheetRun(name)
    for node, lines in sheet_sections(text):
        typist = Typist(simulator[node])
        try:
            for number, line in lines:
                typist.type(line)
                run.sheet_lines[node][len(simulator[node].node.received)] = number
                certs = _CERTS.match(line)
                if certs:
                    run.assigned[node][certs.group(1)] = certs.group(2).split()
                elif line.startswith(
                    ("database cluster initialize", "database cluster join", "database cluster connect")
                ):
                    run.db_role[node] = line.split()[2]
        finally:
            typist.close()
    return run


def expected_run(text: str, name: str = "sheet") -> SheetRun:
    """What `type_sheet` records, from the sheet alone (for a sheet applied some other way, e.g. the runner):
    the files each service should end with and the database roles."""
    run = SheetRun(name)
    for node, lines in sheet_sections(text):
        for _number, line in lines:
            certs = _CERTS.match(line)
            if certs:
                run.assigned[node][certs.group(1)] = certs.group(2).split()
            elif line.startswith(("database cluster initialize", "database cluster join", "database cluster connect")):
                run.db_role[node] = line.split()[2]
    return run


def end_state_problems(simulator: MmpSimulator, run: SheetRun) -> list[str]:
    """Empty when every node answered no FAILURE, nothing waits for a restart and every service runs with
    the files the sheet assigned it; else one line per problem, naming the sheet line."""
    problems: list[str] = []
    for node, server in simulator.servers.items():
        sim = server.node
        for command, answer in sim.failures:
            problems.append(f"{run.name} on {node}: `{command}` answered {answer.splitlines()[-1]}")
        for pending in sim.pending():
            line = run.sheet_lines[node].get(pending.number, "?")
            problems.append(
                f"{run.name} line {line} on {node}: `{pending.line}` is configured but waits for a restart "
                f"({pending.service} {pending.item})"
            )
        for item, names in run.assigned[node].items():
            service, _, part = item.partition(" ")
            prefix = f"{part} certs" if part else "certs"
            in_use = [sim.in_use(service, f"{prefix}.key"), sim.in_use(service, f"{prefix}.cert")]
            if in_use != names[:2]:
                problems.append(f"{run.name} on {node}: {item} runs with {in_use}, the sheet assigned {names[:2]}")
        wanted = {"initialize": "primary", "join": "replica", "connect": "connected"}
        if node in run.db_role and sim.db.role != wanted[run.db_role[node]]:
            problems.append(
                f"{run.name} on {node}: database role is {sim.db.role or 'none'}, not {wanted[run.db_role[node]]}"
            )
    return problems
