"""Type a node's sheet lines on its MMP safely: read first, confirm, one command at a time, stop at the
first thing that is not a plain success, and know how to put the old settings back.

`apply_node()` is the engine for one node (the CLI `mmp run`, the *Apply on the server* page and the
renewal run call it); `apply_nodes()` runs several in order and stops at the first node that stopped;
`put_back()` types the put-back lines of a result; `read_node()` is `mmp check` (status commands and
`pki list` only).

The order for one node:
1. log in (host key checked as `upload` does; UnknownHostKey goes to the caller, who asks);
2. read and record the state: `pki list` and the status command of every service the lines touch;
3. refuse the whole node, before any change, when a line prompts (`database cluster remove`, `user …`)
   or is not a command cmswizard prints: the person types those;
4. show what will change and ask once for the node (or `yes`);
5. type each line; read-only and backup lines without asking; a restart only when the node does not
   already serve the expected certificate (the probe decides, not whether this run changed something),
   not above the plan's active call legs, inside the plan's window or confirmed each time; a `disable`
   is decided together with its `enable`, so a deferred restart never leaves a service off;
6. after the lines, probe each endpoint whose certificate the lines assign.
What each decision means is `cms/mmp_commands.py` and `cms/mmp_state.py`; this module only talks.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.lines import MmpLine
from cmswizard.cms.mmp_commands import (
    LineClass,
    Verdict,
    classify,
    parse_answer,
    sendable,
    service_of,
    unconfirmed_steps,
)
from cmswizard.cms.mmp_state import (
    NodeState,
    RestartWindow,
    endpoints,
    endpoints_of,
    putback_lines,
    setting_of,
    status_commands,
)
from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.files import read_input_file
from cmswizard.pki.safe_text import escape
from cmswizard.remote.mmp_api import ApiAccess, active_call_legs
from cmswizard.remote.mmp_shell import MmpSession, SessionProblem, Transcript
from cmswizard.remote.probe import probe_target
from cmswizard.remote.sftp import Credentials, HostKey, HostTrust, SshTarget

__all__ = [
    "Decisions",
    "NodeOutcome",
    "NodeResult",
    "NodeTarget",
    "ProbeCheck",
    "RunOptions",
    "Step",
    "StepStatus",
    "apply_node",
    "apply_nodes",
    "put_back",
    "read_node",
]


@dataclass(frozen=True)
class NodeTarget:
    node: str  # the node's name on the sheet
    ssh: SshTarget
    probe_host: str = ""  # where its TLS ports answer (default: the SSH host)
    ports: dict[str, int] = field(default_factory=dict)  # endpoint -> port, overriding what the lines say
    api: ApiAccess | None = None


class Decisions(Protocol):
    """The person's answers; the CLI asks on the terminal, the GUI with buttons."""

    def confirm_changes(self, node: str, changes: Sequence[str]) -> bool: ...

    def confirm_restart(self, node: str, command: str, why: str) -> bool: ...


@dataclass(frozen=True)
class RunOptions:
    dry_run: bool = False  # log in, read the state, say what would change; send nothing else
    yes: bool = False  # the per-node confirmation of changes is given (restarts still need a window or a yes each)
    window: RestartWindow | None = None
    files_dir: Path | None = None  # where the local copies of the files are (to know the expected certificates)
    step_timeout: float = 120.0
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    probe_timeout: float = 5.0
    cancel: threading.Event | None = None  # set by a Stop button: no further line is sent


class StepStatus(enum.Enum):
    OK = "ok"
    FAILED = "failed"
    UNKNOWN_ANSWER = "unknown-answer"
    LOST = "lost"
    DEFERRED = "deferred"  # a restart not run now (window, calls, not confirmed): still needed
    NOT_NEEDED = "not-needed"  # a restart the node does not need (it serves the expected certificate), or an initialize done
    NOT_SENT = "not-sent"


@dataclass
class Step:
    number: int  # position among the node's lines (1-based)
    command: str
    line_class: LineClass
    status: StepStatus = StepStatus.NOT_SENT
    answer: tuple[str, ...] = ()  # escaped
    reason: str = ""  # a Text


class NodeOutcome(enum.Enum):
    DONE = "done"
    DONE_WITH_DEFERRED = "deferred"  # every change made; restarts still to do
    STOPPED = "stopped"  # a FAILURE, an unreadable answer or a lost link: see stop_reason
    REFUSED = "refused"  # a prompting or unknown line: nothing changed, the person types it
    DECLINED = "declined"  # the person said no: nothing changed
    NOT_CONNECTED = "not-connected"
    READ_ONLY = "read-only"  # dry run or check: nothing but status commands was sent


@dataclass(frozen=True)
class ProbeCheck:
    endpoint: str
    port: int
    expected: str  # the certificate file
    served_expected: bool | None  # None when it could not be read
    detail: str = ""


@dataclass
class NodeResult:
    node: str
    outcome: NodeOutcome = NodeOutcome.NOT_CONNECTED
    steps: list[Step] = field(default_factory=list)
    state: NodeState | None = None
    stop_reason: str = ""  # a Text naming node, line and what the server said
    host_key: HostKey | None = None
    changes: list[str] = field(default_factory=list)  # what the confirmation showed
    changed: list[str] = field(default_factory=list)  # change lines the node answered OK
    putback: list[MmpLine] = field(default_factory=list)
    putback_problems: list[str] = field(default_factory=list)
    probes: list[ProbeCheck] = field(default_factory=list)
    # The sheet's UNCONFIRMED steps for this node: never typed, so a person checks and types each; while
    # any is left the node is not done (the Scheduler's enable step, `tls sip trust`, …).
    for_a_person: list[str] = field(default_factory=list)

    @property
    def deferred(self) -> list[str]:
        return [step.command for step in self.steps if step.status is StepStatus.DEFERRED]

    @property
    def ok(self) -> bool:
        return (
            self.outcome in (NodeOutcome.DONE, NodeOutcome.READ_ONLY)
            and all(check.served_expected is not False for check in self.probes)
            and (self.outcome is NodeOutcome.READ_ONLY or not self.for_a_person)
        )


def _commands(lines: Sequence[MmpLine | str]) -> list[str]:
    out = []
    for line in lines:
        if isinstance(line, str):
            text = line.strip()
            if text and not text.startswith("#"):
                out.append(" ".join(text.split()))
        elif sendable(line):
            out.append(" ".join(line.text.split()))
    return out


def _read_state(session: MmpSession, node: str, commands: Sequence[str], step_timeout: float) -> NodeState:
    state = NodeState(node)
    for status in commands:
        answer = parse_answer(status, session.send(status, step_timeout=step_timeout))
        if answer.verdict is Verdict.OK:
            state.answers[status] = answer.lines
        else:
            state.unavailable[status] = answer.reason
    return state


def _describe_changes(state: NodeState, commands: Sequence[str]) -> list[str]:
    changes = []
    for text in commands:
        kind = classify(text)
        if kind is LineClass.CHANGE:
            setting = setting_of(text)
            before = state.value(setting) if setting else None
            if setting is not None and before is not None:
                old = " ".join(before) or "none"
                new = text[len(setting.prefix) + 1 :]
                changes.append(f"{text}    ({'unchanged' if old == new else 'was: ' + old})")
            elif text.startswith("database cluster join "):
                changes.append(f"{text}    (replaces this node's database with the primary's copy)")
            else:
                changes.append(text)
        elif kind is LineClass.RESTART:
            changes.append(f"{text}    (restart: asked separately)")
    return changes


_PRIMARY = re.compile(r"\(me\)\s*:\s*Connected Primary", re.IGNORECASE)
_ME = re.compile(r"\(me\)\s*:\s*(?P<role>\S.*)", re.IGNORECASE)  # this node's line in the status (TAC 214618)
_DB_STATUS = "database cluster status"
_DB_JOINS = ("database cluster join", "database cluster connect")


def _db_membership(state: NodeState | None) -> str:
    """This node's role as `database cluster status` (read before any change) lists it ("" when it lists no
    `(me)` line: not in a cluster, or the status was not read)."""
    if state is None:
        return ""
    for line in state.answers.get(_DB_STATUS, []):
        if found := _ME.search(line):
            return found.group("role").strip()
    return ""


def _rejoin_problem(commands: Sequence[str], state: NodeState | None) -> tuple[str, str] | None:
    """A join/connect line for a node the status already lists as a cluster member: (line, role). Joining
    overwrites the joining node's database, and no readable Cisco text gives a replica's or a connect-only
    node's status words, so the runner cannot tell a second run of the same lines from a node in the wrong
    cluster: it sends neither and leaves the decision to the person (the careful path)."""
    role = _db_membership(state)
    if not role:
        return None
    line = next((c for c in commands if c.startswith(_DB_JOINS)), None)
    return (line, role) if line is not None else None


class _Node:
    """One node's run (state for the decisions in the module docstring)."""

    def __init__(
        self,
        target: NodeTarget,
        commands: list[str],
        session: MmpSession,
        decisions: Decisions,
        options: RunOptions,
        result: NodeResult,
    ) -> None:
        self.target, self.commands, self.session = target, commands, session
        self.decisions, self.options, self.result = decisions, options, result
        self.endpoints = endpoints(commands)
        self.skipped_services: dict[str, tuple[StepStatus, str]] = {}  # disable/enable pairs not run, and why

    def expected_leaf(self, certificate: str) -> bytes | None:
        if self.options.files_dir is None:
            return None
        try:
            data = read_input_file(self.options.files_dir / certificate)
        except CmsInputError:
            return None
        try:
            certs = (
                x509.load_pem_x509_certificates(data)
                if b"-----BEGIN" in data
                else [x509.load_der_x509_certificate(data)]
            )
        except ValueError:
            return None
        return certs[0].public_bytes(Encoding.DER) if certs else None

    def probe(self, endpoint: str) -> ProbeCheck | None:
        port, certificate = self.endpoints.get(endpoint, (None, ""))
        port = self.target.ports.get(endpoint, port)
        if not certificate or port is None:
            return None
        expected = self.expected_leaf(certificate)
        host = self.target.probe_host or self.target.ssh.host
        facts = probe_target(
            ProbeTarget(host, port, sni=self.target.node), ProbeOptions(timeout=self.options.probe_timeout)
        )
        chain = next((f.der_chain for f in facts if f.der_chain), [])
        if not chain or expected is None:
            problem = next((f.error for f in facts if f.error), None)
            detail = problem or (N_("no local copy of the certificate to compare") if expected is None else "")
            return ProbeCheck(endpoint, port, certificate, None, detail)
        return ProbeCheck(endpoint, port, certificate, chain[0] == expected)

    def restart_needed(self, service: str) -> tuple[bool, str]:
        """Needed unless every endpoint of the service already serves the expected certificate and the run
        changed no setting the probe cannot see (trust, listen, TLS)."""
        for text in self.result.changed:
            setting = setting_of(text)
            if service_of(text) == service and (setting is None or "certs" not in setting.prefix):
                before = self.result.state.value(setting) if (setting and self.result.state) else None
                if before is None or " ".join(before) != text[len(setting.prefix) + 1 :]:  # type: ignore[union-attr]
                    return True, Text(N_("{line} changed a setting the probe cannot see"), line=text)
        checks = [self.probe(endpoint) for endpoint in endpoints_of(service) if endpoint in self.endpoints]
        known = [check for check in checks if check is not None]
        if not known:
            return True, N_("what the node serves could not be compared")
        if all(check.served_expected for check in known):
            return False, N_("the node already serves the expected certificate")
        return True, N_("the node does not serve the expected certificate yet")

    def allowed_to_restart(self, command_text: str, why: str) -> tuple[bool, str]:
        api = self.target.api
        if api is not None:
            legs = active_call_legs(self.target.probe_host or self.target.ssh.host, api)
            if legs.count is None:
                return False, legs.problem
            if legs.count > api.limit:
                return False, Text(
                    N_("{count} call legs are active (the plan's limit is {limit})"), count=legs.count, limit=api.limit
                )
        window = self.options.window
        if window is not None:
            if window.contains(self.options.now()):
                return True, Text(N_("inside the restart window {window}"), window=window.label)
            return False, Text(N_("outside the restart window {window}"), window=window.label)
        if self.decisions.confirm_restart(self.target.node, command_text, why):
            return True, N_("confirmed")
        return False, N_("not confirmed")

    def decide_restart(self, step: Step, service: str) -> bool:
        needed, why = self.restart_needed(service)
        if not needed:
            step.status, step.reason = StepStatus.NOT_NEEDED, why
            self.session.transcript.note(self.target.node, f"not sent: {step.command} ({why})")
            return False
        allowed, reason = self.allowed_to_restart(step.command, why)
        if not allowed:
            step.status, step.reason = StepStatus.DEFERRED, reason
            self.session.transcript.note(self.target.node, f"deferred: {step.command} ({reason})")
        return allowed

    def send(self, step: Step) -> bool:
        try:
            raw = self.session.send(step.command, step_timeout=self.options.step_timeout)
        except SessionProblem as problem:
            step.status, step.reason = StepStatus.LOST, problem.message
            self.stop(step, problem.message)
            return False
        answer = parse_answer(step.command, raw)
        step.answer = answer.lines
        if answer.verdict is Verdict.OK and not self.primary_shown(step):
            step.status = StepStatus.UNKNOWN_ANSWER
            step.reason = N_(
                "after database cluster initialize the status must show this node as (me): Connected Primary"
            )
            self.stop(step, step.reason)
            return False
        if answer.verdict is Verdict.OK:
            step.status = StepStatus.OK
            if step.line_class is LineClass.CHANGE:
                self.result.changed.append(step.command)
            return True
        step.status = StepStatus.FAILED if answer.verdict is Verdict.FAILURE else StepStatus.UNKNOWN_ANSWER
        step.reason = answer.reason
        self.stop(step, answer.reason)
        return False

    def primary_shown(self, step: Step) -> bool:
        """The check the sheet asks for after `database cluster initialize` (tech note §6): the status shows
        `(me): Connected Primary`. Other status answers are not judged here."""
        if step.command != "database cluster status" or "database cluster initialize" not in self.result.changed:
            return True
        return any(_PRIMARY.search(line) for line in step.answer)

    def already_primary(self) -> bool:
        """`database cluster status`, read before any change, shows this node as `(me): Connected Primary`
        (TAC 214618). Other roles have no documented status text: their lines are sent as they are."""
        state = self.result.state
        return state is not None and any(_PRIMARY.search(line) for line in state.answers.get(_DB_STATUS, []))

    def stop(self, step: Step, why: str) -> None:
        self.result.outcome = NodeOutcome.STOPPED
        self.result.stop_reason = Text(
            N_("{node}, line {number} `{line}`: {why}"),
            node=self.target.node,
            number=step.number,
            line=escape(step.command),
            why=why,
        )

    def run(self) -> None:
        commands, state = self.commands, self.result.state
        assert state is not None
        for number, text in enumerate(commands, 1):
            step = Step(number, text, classify(text))
            self.result.steps.append(step)
            if self.options.cancel is not None and self.options.cancel.is_set():
                step.reason = N_("stopped by you before this line")
                self.stop(step, step.reason)
                return
            if text == "database cluster initialize" and self.already_primary():
                # a second run of the same lines (after a deferred restart) would get a FAILURE here
                step.status = StepStatus.NOT_NEEDED
                step.reason = N_(
                    "this node is already the database primary ((me): Connected Primary); initialize is not repeated"
                )
                continue
            if step.line_class is LineClass.RESTART:
                service = text.split()[0]
                if service in self.skipped_services:
                    step.status, step.reason = self.skipped_services[service]
                    continue
                if text.endswith(" enable") and f"{service} disable" in commands[:number]:
                    pass  # decided at the disable line
                elif not self.decide_restart(step, service):
                    continue
                elif text.endswith(" enable") and state.enabled(service):
                    step.command = f"{service} restart"  # already running: enable would not apply it (sheet note)
            if step.command.endswith(" disable") and f"{step.command.split()[0]} enable" in commands[number:]:
                service = step.command.split()[0]
                if not self.decide_restart(step, service):
                    self.skipped_services[service] = (step.status, step.reason)
                    continue
            if not self.send(step):
                return
        self.result.outcome = NodeOutcome.DONE_WITH_DEFERRED if self.result.deferred else NodeOutcome.DONE


def _open(
    target: NodeTarget,
    trust: HostTrust,
    credentials: Credentials,
    transcript: Transcript,
    result: NodeResult,
    timeout: float = 20.0,
) -> MmpSession | None:
    session = MmpSession(
        target.ssh, trust=trust, credentials=credentials, transcript=transcript, node=target.node, timeout=timeout
    )
    try:
        session.open()
    except SessionProblem as problem:
        result.host_key = problem.host_key
        result.outcome = NodeOutcome.NOT_CONNECTED
        result.stop_reason = Text(N_("{node}: {why}"), node=target.node, why=problem.message)
        return None
    result.host_key = session.host_key
    return session


def apply_node(
    target: NodeTarget,
    lines: Sequence[MmpLine | str],
    *,
    trust: HostTrust,
    credentials: Credentials,
    decisions: Decisions,
    options: RunOptions = RunOptions(),
    transcript: Transcript | None = None,
) -> NodeResult:
    """Apply one node's lines (sheet `MmpLine`s, or plain command strings); see the module docstring.
    Raises UnknownHostKey (from remote.sftp) when the host key is not known yet: ask, then call again."""
    transcript = transcript if transcript is not None else Transcript()
    commands = _commands(lines)
    result = NodeResult(target.node, for_a_person=unconfirmed_steps(lines))
    refused = next((c for c in commands if classify(c) in (LineClass.PROMPTING, LineClass.UNKNOWN)), None)
    session = _open(target, trust, credentials, transcript, result, min(20.0, options.step_timeout))
    if session is None:
        return result
    try:
        try:
            reads = status_commands(commands)
            if "database cluster initialize" in commands or any(c.startswith(_DB_JOINS) for c in commands):
                reads.append(_DB_STATUS)  # already in the cluster? (a second run of the same lines)
            result.state = _read_state(session, target.node, reads, options.step_timeout)
        except SessionProblem as problem:
            result.outcome = NodeOutcome.STOPPED
            result.stop_reason = Text(N_("{node}, reading its state: {why}"), node=target.node, why=problem.message)
            return result
        result.changes = _describe_changes(result.state, commands)
        if (rejoin := _rejoin_problem(commands, result.state)) is not None:
            result.outcome = NodeOutcome.REFUSED
            result.stop_reason = Text(
                N_(
                    "{node}: `{line}` is not sent: database cluster status already lists this node ((me): {role}), "
                    "and joining again overwrites its database; if it must join again, check the status and type "
                    "it yourself. Nothing was changed on this node."
                ),
                node=target.node,
                line=escape(rejoin[0]),
                role=escape(rejoin[1]),
            )
            return result
        if refused is not None:
            result.outcome = NodeOutcome.REFUSED
            why = (
                N_("it asks a question; type it yourself at the MMP prompt and answer it there")
                if classify(refused) is LineClass.PROMPTING
                else N_("it is not a command cmswizard prints; check it and type it yourself")
            )
            result.stop_reason = Text(
                N_("{node}: `{line}` is never sent by cmswizard: {why}. Nothing was changed on this node."),
                node=target.node,
                line=escape(refused),
                why=why,
            )
            return result
        unreadable = [
            text
            for text in commands
            if classify(text) is LineClass.CHANGE
            and (setting := setting_of(text)) is not None
            and result.state.value(setting) is None
        ]
        if unreadable and not options.dry_run:
            result.outcome = NodeOutcome.STOPPED
            result.stop_reason = Text(
                N_(
                    "{node}: the current value of `{line}` could not be read from the status commands, so it could "
                    "not be put back; nothing was changed (cmswizard mmp check shows what the node printed)"
                ),
                node=target.node,
                line=escape(unreadable[0]),
            )
            return result
        if options.dry_run:
            result.outcome = NodeOutcome.READ_ONLY
            return result
        if not options.yes and not decisions.confirm_changes(target.node, result.changes):
            result.outcome = NodeOutcome.DECLINED
            return result
        _Node(target, commands, session, decisions, options, result).run()
        result.putback, result.putback_problems = putback_lines(result.state, result.changed)
        if result.outcome is not NodeOutcome.STOPPED:
            node = _Node(target, commands, session, decisions, options, result)
            result.probes = [check for endpoint in node.endpoints if (check := node.probe(endpoint)) is not None]
        return result
    finally:
        session.close()


def apply_nodes(
    targets: Sequence[NodeTarget],
    lines_by_node: dict[str, Sequence[MmpLine | str]],
    *,
    trust: HostTrust,
    credentials: Callable[[NodeTarget], Credentials],
    decisions: Decisions,
    options: RunOptions = RunOptions(),
    transcript: Transcript | None = None,
) -> list[NodeResult]:
    """Nodes in order; after a node that did not finish (stopped, refused, not connected) the rest are not touched."""
    transcript = transcript if transcript is not None else Transcript()
    results = []
    for target in targets:
        result = apply_node(
            target,
            lines_by_node.get(target.node, ()),
            trust=trust,
            credentials=credentials(target),
            decisions=decisions,
            options=options,
            transcript=transcript,
        )
        results.append(result)
        if result.outcome in (NodeOutcome.STOPPED, NodeOutcome.REFUSED, NodeOutcome.NOT_CONNECTED):
            break
    return results


class _AlwaysYes:
    def confirm_changes(self, node: str, changes: Sequence[str]) -> bool:
        return True

    def confirm_restart(self, node: str, command: str, why: str) -> bool:
        return True


def put_back(
    target: NodeTarget,
    result: NodeResult,
    *,
    trust: HostTrust,
    credentials: Credentials,
    transcript: Transcript | None = None,
    options: RunOptions = RunOptions(),
) -> NodeResult:
    """Type the put-back lines of `result` (the person asked for them: no further questions)."""
    return apply_node(
        target,
        result.putback,
        trust=trust,
        credentials=credentials,
        decisions=_AlwaysYes(),
        options=RunOptions(yes=True, step_timeout=options.step_timeout, files_dir=None, now=options.now),
        transcript=transcript,
    )


def read_node(
    target: NodeTarget,
    *,
    trust: HostTrust,
    credentials: Credentials,
    transcript: Transcript | None = None,
    step_timeout: float = 60.0,
) -> NodeResult:
    """`mmp check`: log in, run `pki list` and every no-argument status command, report what came back."""
    transcript = transcript if transcript is not None else Transcript()
    result = NodeResult(target.node)
    session = _open(target, trust, credentials, transcript, result)
    if session is None:
        return result
    try:
        commands = ["pki list", "webadmin", "callbridge", "webbridge", "webbridge3", "xmpp", "turn", "scheduler"]
        result.state = _read_state(session, target.node, [*commands, "database cluster status"], step_timeout)
        result.outcome = NodeOutcome.READ_ONLY
    except SessionProblem as problem:
        result.outcome = NodeOutcome.STOPPED
        result.stop_reason = Text(N_("{node}: {why}"), node=target.node, why=problem.message)
    finally:
        session.close()
    return result
