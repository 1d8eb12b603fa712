"""Every golden sheet, typed on the simulated MMP as a person runs it, ends with no FAILURE, nothing waiting
for a restart and every service using the files the sheet assigned; a sheet that changes something after
the last restart, or leaves out a step, fails naming the line.

A sheet prints a command without a readable Cisco source (the Scheduler's `scheduler enable`, `tls sip
trust`, …) as UNCONFIRMED, commented out: it hands that step to the person, who checks it in the MMP guide
and types it. So the golden check types each UNCONFIRMED step exactly as the sheet writes it, uncommented
and in its place; and a separate test proves the runner itself never sends such a line and hands it back in
`for_a_person`, so nothing the sheet leaves to a person is ever claimed done by cmswizard."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.cms.lines import LineKind
from cmswizard.cms.mmp_commands import sheet_node_lines
from cmswizard.remote.mmp_runner import NodeOutcome, NodeTarget, RunOptions, apply_node
from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget

from helpers.mmp_sim import USER, running_mmp
from helpers.mmp_sim_sheet import (
    Typist,
    end_state_problems,
    expected_run,
    sheet_sections,
    type_sheet,
    typed_by_a_person,
    unconfirmed_commands,
    upload_sheet_files,
)

GOLDEN = Path(__file__).parent / "golden"
SHEETS = sorted(GOLDEN.glob("*.txt"))
SCHEDULER_SHEET = GOLDEN / "cluster-edges-db-v3.txt"


class _Yes:
    """The person at the runner's questions: yes to each node's changes and to each restart."""

    def confirm_changes(self, node: str, changes: object) -> bool:
        return True

    def confirm_restart(self, node: str, command: str, why: str) -> bool:
        return True


def _nodes(text: str) -> list[str]:
    return list(dict.fromkeys(node for node, _ in sheet_sections(text)))


@pytest.mark.parametrize("sheet", SHEETS, ids=[path.stem for path in SHEETS])
def test_golden_sheet_runs_clean_on_the_simulator(sheet: Path) -> None:
    text = typed_by_a_person(sheet.read_text())
    with running_mmp(*_nodes(text)) as simulator:
        run = type_sheet(simulator, text, sheet.name)
        assert end_state_problems(simulator, run) == []
        typed = [line for server in simulator.servers.values() for line in server.node.received]
        for server in simulator.servers.values():
            assert server.node.prompting_received == [] or "database cluster remove" in text
            assert server.exec_requests == []
    # the person's steps were typed, not skipped
    assert {step for _, step in unconfirmed_commands(sheet.read_text())} <= set(typed)


def test_the_runner_never_types_an_unconfirmed_step_and_hands_it_to_a_person(tmp_path: Path) -> None:
    text = SCHEDULER_SHEET.read_text()
    node = "cms1.example.com"
    lines = sheet_node_lines(text, node)
    steps = [line.text for line in lines if line.kind is LineKind.UNCONFIRMED]
    assert "scheduler enable" in steps and "tls sip trust ca-bundle.crt" in steps
    with running_mmp(*_nodes(text)) as simulator:
        upload_sheet_files(simulator, text)
        server = simulator[node]

        result = apply_node(
            NodeTarget(node, SshTarget("127.0.0.1", server.port, USER), ports=dict(server.tls_ports)),
            lines,
            trust=HostTrust(known_hosts=simulator.write_known_hosts()),
            credentials=Credentials(password=server.password),
            decisions=_Yes(),
            options=RunOptions(yes=True, step_timeout=10),
        )
        received = list(server.node.received)
        pending = [setting.line for setting in server.node.pending()]
        # the person then types exactly what the run handed over: nothing is left waiting
        person = Typist(server)
        try:
            for step in result.for_a_person:
                person.type(step)
        finally:
            person.close()
        left = [setting.line for setting in server.node.pending()]
        failures = list(server.node.failures)
    assert result.outcome is NodeOutcome.DONE, result.stop_reason
    assert not [step for step in steps if step in received]  # never sent
    # the person's steps in sheet order, and the sheet's restart that puts the tls steps to work: the
    # runner's own `callbridge restart` ran before them
    assert result.for_a_person == [
        "tls sip trust ca-bundle.crt",
        "tls sip verify enable",
        "callbridge restart",
        "scheduler enable",
    ]
    assert not result.ok  # the node is not done while a person's step is left
    # what the person still has to type is visible in the node's state too: the Scheduler waits for it
    assert "scheduler https certs scheduler.key scheduler-fullchain.crt" in pending
    assert left == [] and failures == []


def test_a_change_after_the_last_restart_fails_naming_the_line() -> None:
    text = (GOLDEN / "single-v3.txt").read_text()
    marker = "# ===== elsewhere"
    late = "tls sip trust cms1-bundle.crt\n"
    text = text.replace(marker, late + "\n" + marker)
    number = text.splitlines().index(late.strip()) + 1
    with running_mmp("cms1.example.com") as simulator:
        run = type_sheet(simulator, typed_by_a_person(text), "late-tls.txt")
        problems = end_state_problems(simulator, run)
    assert problems == [
        f"late-tls.txt line {number} on cms1.example.com: `tls sip trust cms1-bundle.crt` is configured but waits "
        "for a restart (tls sip trust)"
    ]


def test_a_sheet_that_leaves_out_the_persons_step_fails_naming_the_lines_it_strands() -> None:
    """Typing the person's steps does not hide a missing one: without `scheduler enable` the Scheduler's
    settings stay waiting, each named by its sheet line."""
    original = SCHEDULER_SHEET.read_text()
    text = "\n".join("" if line.endswith(": scheduler enable") else line for line in original.splitlines()) + "\n"
    numbers = {
        line: number
        for number, line in enumerate(text.splitlines(), 1)
        if line.startswith(("scheduler https", "scheduler c2w"))
    }
    with running_mmp(*_nodes(text)) as simulator:
        run = type_sheet(simulator, typed_by_a_person(text), "no-enable.txt")
        problems = end_state_problems(simulator, run)
    assert len(numbers) == 4
    for line, number in numbers.items():
        assert any(
            problem.startswith(f"no-enable.txt line {number} on cms1.example.com: `{line}` is configured but waits")
            for problem in problems
        ), problems


@pytest.mark.parametrize(
    "sheet",
    [path for path in SHEETS if "database cluster remove" not in path.read_text()],  # that one is typed by hand
    ids=lambda path: path.stem,
)
def test_golden_sheet_applied_by_the_runner_then_the_person_ends_clean(sheet: Path) -> None:
    """The runner types each node's lines (node by node, in sheet order); the person then types exactly what
    the run handed over (`for_a_person`). The end state is the golden check's: no FAILURE, nothing waiting
    for a restart, every service on its files, the database roles set."""
    text = sheet.read_text()
    with running_mmp(*_nodes(text)) as simulator:
        upload_sheet_files(simulator, text)
        trust = HostTrust(known_hosts=simulator.write_known_hosts())
        for node in _nodes(text):
            server = simulator[node]
            result = apply_node(
                NodeTarget(node, SshTarget("127.0.0.1", server.port, USER), ports=dict(server.tls_ports)),
                sheet_node_lines(text, node),
                trust=trust,
                credentials=Credentials(password=server.password),
                decisions=_Yes(),
                options=RunOptions(yes=True, step_timeout=10),
            )
            assert result.outcome is NodeOutcome.DONE, result.stop_reason
            if result.for_a_person:
                person = Typist(server)
                try:
                    for step in result.for_a_person:
                        person.type(step)
                finally:
                    person.close()
            assert server.exec_requests == [] and server.node.prompting_received == []
        assert end_state_problems(simulator, expected_run(text, sheet.name)) == []
