"""The runner against the simulated MMP: a 3-node cluster end to end, a FAILURE and its put-back, a lost
link, a wrong host key, a prompting command, a dry run, restart windows and hostile answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cmswizard.cms.mmp_state import RestartWindow
from cmswizard.remote.mmp_runner import (
    NodeOutcome,
    RunOptions,
    StepStatus,
    apply_node,
    apply_nodes,
    put_back,
)
from cmswizard.remote.mmp_shell import Transcript

from helpers.mmp_cluster import Cluster, make_cluster, node_lines
from helpers.mmp_sim import running_mmp

NODES = ("cms1.example.com", "cms2.example.com", "cms3.example.com")
STATUS_ONLY = {"pki list", "webadmin", "callbridge", "webbridge3"}


@dataclass
class Person:
    """Answers the runner's questions and remembers them."""

    changes: bool = True
    restarts: bool = True
    asked: list[tuple[str, str]] = field(default_factory=list)

    def confirm_changes(self, node: str, changes: Sequence[str]) -> bool:
        self.asked.append((node, "changes"))
        return self.changes

    def confirm_restart(self, node: str, command: str, why: str) -> bool:
        self.asked.append((node, command))
        return self.restarts


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    with running_mmp(*NODES) as simulator:
        yield make_cluster(simulator, tmp_path / "files")


def _lines() -> dict[str, list[str]]:
    return {node: node_lines(node.split(".")[0]) for node in NODES}


def _run(cluster: Cluster, person: Person, **options: object) -> list:
    return apply_nodes(
        [cluster.target(node) for node in NODES],
        _lines(),
        trust=cluster.trust,
        credentials=cluster.credentials,
        decisions=person,
        options=RunOptions(files_dir=cluster.files_dir, step_timeout=10, **options),  # type: ignore[arg-type]
    )


def test_three_nodes_applied_end_to_end(cluster: Cluster) -> None:
    person = Person()
    results = _run(cluster, person)
    assert [r.outcome for r in results] == [NodeOutcome.DONE] * 3, [r.stop_reason for r in results]
    for node, result in zip(NODES, results, strict=True):
        sim = cluster.simulator[node].node
        short = node.split(".")[0]
        assert sim.pending() == []
        assert sim.in_use("callbridge", "certs.cert") == f"{short}-new.crt"
        assert sim.in_use("webbridge3", "https certs.cert") == f"{short}-new-fullchain.crt"
        assert sim.prompting_received == [] and sim.failures == []
        # the state was read before any change, and the old files recorded for the put-back
        assert sim.received[: len(STATUS_ONLY)] == ["pki list", "webadmin", "callbridge", "webbridge3"]
        assert f"callbridge certs {short}-old.key {short}-old.crt ca-bundle.crt" in [
            line.text for line in result.putback
        ]
        # webbridge3 was running: its `enable` became `restart` (enable would not apply the new files)
        assert "webbridge3 restart" in sim.received and "webbridge3 enable" not in sim.received
        assert all(check.served_expected for check in result.probes), result.probes
        assert {check.endpoint for check in result.probes} >= {"webadmin", "callbridge", "webbridge3 https"}
    # one confirmation of changes per node, each restart confirmed on its own
    assert person.asked.count((NODES[0], "changes")) == 1
    assert (NODES[0], "callbridge restart") in person.asked


def test_failure_on_node_2_stops_and_put_back_restores_nodes_1_and_2(cluster: Cluster) -> None:
    cluster.simulator[NODES[1]].node.fail_once.add("webbridge3 https certs")
    results = _run(cluster, Person())
    assert [r.outcome for r in results] == [NodeOutcome.DONE, NodeOutcome.STOPPED]
    stopped = results[1]
    assert (
        "cms2.example.com, line 17 `webbridge3 https certs cms2-new.key cms2-new-fullchain.crt`" in stopped.stop_reason
    )
    assert "FAILURE: simulated failure" in stopped.stop_reason
    assert cluster.simulator[NODES[2]].node.received == []  # node 3 untouched
    assert stopped.steps[-1].status is StepStatus.FAILED
    assert all(step.status is StepStatus.NOT_SENT for step in stopped.steps[17:])
    for node, result in zip(NODES[:2], results, strict=True):
        back = put_back(cluster.target(node), result, trust=cluster.trust, credentials=cluster.credentials())
        assert back.outcome is NodeOutcome.DONE, back.stop_reason
        sim = cluster.simulator[node].node
        short = node.split(".")[0]
        assert sim.in_use("callbridge", "certs.cert") == f"{short}-old.crt"
        assert sim.in_use("webadmin", "certs.cert") == f"{short}-old.crt"
        assert sim.pending() == []


def test_dropped_connection_stops_naming_node_and_line(cluster: Cluster) -> None:
    cluster.simulator[NODES[0]].faults.drop_on.add("callbridge restart")
    results = _run(cluster, Person())
    assert len(results) == 1 and results[0].outcome is NodeOutcome.STOPPED
    assert results[0].steps[-1].status is StepStatus.LOST
    assert "cms1.example.com, line 14 `callbridge restart`" in results[0].stop_reason
    assert results[0].putback  # the recorded state can still be put back


def test_wrong_host_key_refused_before_login(cluster: Cluster) -> None:
    server = cluster.simulator[NODES[0]]
    server.change_host_key()
    results = _run(cluster, Person())
    assert results[0].outcome is NodeOutcome.NOT_CONNECTED
    assert "differs from the one in" in results[0].stop_reason
    assert server.auth_attempts == 0 and server.node.received == []


def test_prompting_command_is_never_sent(cluster: Cluster) -> None:
    lines = ["database cluster status", "database cluster remove", "database cluster status"]
    result = apply_node(
        cluster.target(NODES[0]),
        lines,
        trust=cluster.trust,
        credentials=cluster.credentials(),
        decisions=Person(),
        options=RunOptions(yes=True),
    )
    sim = cluster.simulator[NODES[0]].node
    assert result.outcome is NodeOutcome.REFUSED
    assert "`database cluster remove` is never sent by cmswizard" in result.stop_reason
    assert sim.prompting_received == [] and sim.received == ["pki list"]


def test_dry_run_sends_only_status_commands(cluster: Cluster) -> None:
    person = Person()
    results = _run(cluster, person, dry_run=True)
    assert [r.outcome for r in results] == [NodeOutcome.READ_ONLY] * 3
    for node, result in zip(NODES, results, strict=True):
        assert set(cluster.simulator[node].node.received) <= STATUS_ONLY
        short = node.split(".")[0]
        assert any(f"was: {short}-old.key {short}-old.crt ca-bundle.crt" in c for c in result.changes)
    assert person.asked == []


def test_restart_outside_the_window_is_deferred_and_not_lost_on_the_next_run(cluster: Cluster) -> None:
    window = RestartWindow.parse("02:00-04:00")
    outside = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
    inside = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)
    target = cluster.target(NODES[0])
    sim = cluster.simulator[NODES[0]].node

    def run(moment: dt.datetime) -> object:
        return apply_node(
            target,
            node_lines("cms1"),
            trust=cluster.trust,
            credentials=cluster.credentials(),
            decisions=Person(restarts=False),
            options=RunOptions(yes=True, window=window, now=lambda: moment, files_dir=cluster.files_dir),
        )

    first = run(outside)
    assert first.outcome is NodeOutcome.DONE_WITH_DEFERRED  # type: ignore[attr-defined]
    assert "callbridge restart" in first.deferred  # type: ignore[attr-defined]
    assert "webadmin disable" not in sim.received  # a deferred restart never leaves Web Admin off
    assert sim.in_use("callbridge", "certs.cert") == "cms1-old.crt" and sim.pending()
    # next run: the files are already assigned, but the node still serves the old certificate
    second = run(inside)
    assert second.outcome is NodeOutcome.DONE  # type: ignore[attr-defined]
    assert sim.pending() == [] and sim.in_use("callbridge", "certs.cert") == "cms1-new.crt"
    # and a third run finds nothing to restart: the node serves what it should
    sim.received.clear()
    third = run(outside)
    assert third.outcome is NodeOutcome.DONE  # type: ignore[attr-defined]
    assert "callbridge restart" not in sim.received
    restarts = [s for s in third.steps if s.command == "callbridge restart"]  # type: ignore[attr-defined]
    assert restarts[0].status is StepStatus.NOT_NEEDED


@pytest.mark.parametrize(
    ("fault", "words"),
    [
        ("flood_on", "without a prompt"),
        ("stall_on", "no prompt came back"),
        ("garbage_on", "cannot read"),
    ],
)
def test_hostile_answers_stop_the_run(cluster: Cluster, fault: str, words: str) -> None:
    getattr(cluster.simulator[NODES[0]].faults, fault).add("callbridge listen")
    transcript = Transcript()
    result = apply_node(
        cluster.target(NODES[0]),
        node_lines("cms1"),
        trust=cluster.trust,
        credentials=cluster.credentials(),
        decisions=Person(),
        options=RunOptions(yes=True, step_timeout=4, files_dir=cluster.files_dir),
        transcript=transcript,
    )
    assert result.outcome is NodeOutcome.STOPPED
    assert "line 11 `callbridge listen a`" in result.stop_reason and words in result.stop_reason
    text = transcript.text()
    assert "\x1b" not in text and "\x07" not in text  # escaped, never raw control characters
    assert cluster.simulator[NODES[0]].password not in text


def test_transcript_has_every_byte_with_timestamps_and_no_password(cluster: Cluster) -> None:
    transcript = Transcript()
    apply_node(
        cluster.target(NODES[0]),
        ["pki list", "callbridge"],
        trust=cluster.trust,
        credentials=cluster.credentials(),
        decisions=Person(),
        transcript=transcript,
    )
    text = transcript.text()
    assert "cms1.example.com > callbridge\\x0d" in text
    assert "Key file" in text
    assert cluster.simulator[NODES[0]].password not in text
    assert text.splitlines()[0][:4].isdigit() and "Z cms1.example.com" in text.splitlines()[0]


def test_restart_waits_while_calls_are_active_above_the_plan_limit(cluster: Cluster) -> None:
    import base64
    from dataclasses import replace

    from cmswizard.remote.mmp_api import ApiAccess

    from helpers.mmp_api_server import running_api

    with running_api(cluster.ca, legs=3) as api:
        access = ApiAccess("apiuser", "api-secret", port=api.port, limit=0, cafile=api.root_file)
        target = replace(cluster.target(NODES[0]), probe_host="localhost", api=access)
        sim = cluster.simulator[NODES[0]].node

        def run() -> object:
            return apply_node(
                target,
                node_lines("cms1"),
                trust=cluster.trust,
                credentials=cluster.credentials(),
                decisions=Person(),
                options=RunOptions(yes=True, files_dir=cluster.files_dir),
            )

        busy = run()
        restart = next(s for s in busy.steps if s.command == "callbridge restart")  # type: ignore[attr-defined]
        assert restart.status is StepStatus.DEFERRED and "3 call legs are active" in restart.reason
        assert sim.in_use("callbridge", "certs.cert") == "cms1-old.crt"
        assert api.seen[0] == ("/api/v1/system/status", "Basic " + base64.b64encode(b"apiuser:api-secret").decode())
        api.legs = 0
        quiet = run()
        assert quiet.outcome is NodeOutcome.DONE  # type: ignore[attr-defined]
        assert sim.in_use("callbridge", "certs.cert") == "cms1-new.crt"


def test_a_shell_that_never_shows_a_prompt_is_not_typed_into(cluster: Cluster) -> None:
    server = cluster.simulator[NODES[0]]
    server.faults.no_prompt = True
    result = apply_node(
        cluster.target(NODES[0]),
        node_lines("cms1"),
        trust=cluster.trust,
        credentials=cluster.credentials(),
        decisions=Person(),
        options=RunOptions(yes=True, step_timeout=2),
    )
    assert result.outcome is NodeOutcome.NOT_CONNECTED
    assert "no prompt came back" in result.stop_reason
    assert bytes(server.bytes_received) == b""  # not one byte typed


@pytest.mark.parametrize(("delay", "outcome"), [(0.3, NodeOutcome.READ_ONLY), (6.0, NodeOutcome.STOPPED)])
def test_slow_answers_are_waited_for_up_to_the_step_deadline(cluster: Cluster, delay: float, outcome) -> None:
    cluster.simulator[NODES[0]].faults.slow_seconds = delay
    result = apply_node(
        cluster.target(NODES[0]),
        node_lines("cms1"),
        trust=cluster.trust,
        credentials=cluster.credentials(),
        decisions=Person(),
        options=RunOptions(dry_run=True, step_timeout=4),  # generous: the machine may be busy
    )
    assert result.outcome is outcome, result.stop_reason
    if outcome is NodeOutcome.STOPPED:
        assert "reading its state" in result.stop_reason and "no prompt came back" in result.stop_reason


def test_initialize_must_leave_the_node_connected_primary(cluster: Cluster) -> None:
    from cmswizard.remote.mmp_runner import StepStatus as Status

    sim = cluster.simulator[NODES[0]].node
    for name in ("dbserver.key", "dbserver.crt", "dbclient.key", "dbclient.crt", "dbca.crt"):
        (sim.store / name).write_bytes(b"x")
    lines = [
        "database cluster certs dbserver.key dbserver.crt dbclient.key dbclient.crt dbca.crt",
        "database cluster localnode a",
        "database cluster initialize",
        "database cluster status",
    ]

    def run() -> object:
        return apply_node(
            cluster.target(NODES[0]),
            lines,
            trust=cluster.trust,
            credentials=cluster.credentials(),
            decisions=Person(),
            options=RunOptions(yes=True),
        )

    assert run().outcome is NodeOutcome.DONE  # type: ignore[attr-defined]
    # the same lines again (a run after a deferred restart): the node is already the primary, so initialize
    # is not repeated (the MMP would answer FAILURE: already in a cluster)
    again = run()
    assert again.outcome is NodeOutcome.DONE, again.stop_reason  # type: ignore[attr-defined]
    step = next(s for s in again.steps if s.command == "database cluster initialize")  # type: ignore[attr-defined]
    assert step.status is Status.NOT_NEEDED and "already the database primary" in step.reason
    assert sim.received.count("database cluster initialize") == 1 and sim.failures == []
    sim.db.role, sim.db.primary = "", ""  # the status no longer shows it: as if initialize had not taken
    sim.fail_once.clear()
    original = sim._database

    def no_primary(args: list[str], line: str):  # type: ignore[no-untyped-def]
        answer = original(args, line)
        if args[0] == "status":
            answer.text = answer.text.replace("Connected Primary", "Connecting")
        return answer

    sim._database = no_primary  # type: ignore[method-assign]
    result = run()
    assert result.outcome is NodeOutcome.STOPPED  # type: ignore[attr-defined]
    assert result.steps[-1].status is Status.UNKNOWN_ANSWER  # type: ignore[attr-defined]
    assert "(me): Connected Primary" in result.stop_reason  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "files, verb, role",
    [
        (("dbserver.key", "dbserver.crt", "dbclient.key", "dbclient.crt", "dbca.crt"), "join", "Connected Replica"),
        (("dbclient.key", "dbclient.crt", "dbca.crt"), "connect", "Connected (client only)"),
    ],
)
def test_a_node_already_in_the_cluster_is_never_joined_again(
    cluster: Cluster, files: tuple[str, ...], verb: str, role: str
) -> None:
    """The same lines run twice (e.g. after a deferred restart): the second run finds the node listed as
    `(me)` in `database cluster status` and sends neither the join/connect (joining overwrites the node's
    database; no readable text gives these roles' status words) nor any other change; the person decides."""
    sim = cluster.simulator[NODES[1]].node
    for name in files:
        (sim.store / name).write_bytes(b"x")
    lines = [
        f"database cluster certs {' '.join(files)}",
        "database cluster localnode a",
        f"database cluster {verb} {NODES[0]}",
    ]

    def run() -> object:
        return apply_node(
            cluster.target(NODES[1]),
            lines,
            trust=cluster.trust,
            credentials=cluster.credentials(),
            decisions=Person(),
            options=RunOptions(yes=True),
        )

    first = run()
    assert first.outcome is NodeOutcome.DONE, first.stop_reason  # type: ignore[attr-defined]
    sent_before = list(sim.received)
    again = run()
    assert again.outcome is NodeOutcome.REFUSED  # type: ignore[attr-defined]
    reason = str(again.stop_reason)  # type: ignore[attr-defined]
    assert f"`database cluster {verb} {NODES[0]}` is not sent" in reason and f"((me): {role})" in reason
    assert "Nothing was changed on this node" in reason
    assert sim.received[len(sent_before) :] == ["pki list", "database cluster status"]  # reads only, no change
    assert sim.received.count(f"database cluster {verb} {NODES[0]}") == 1 and sim.failures == []
