"""The MMP shell logs in with the same handshake as `upload` (`ssh_login.start_client`): against the
hostile SSH fixture a port that is no SSH server, a silent one, a dripped greeting and a login that never
answers are each one line within the limit, with nothing on stderr; the host-key types known_hosts holds
are asked for first, and a key-type swap is refused before any password is offered."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cmswizard.remote.mmp_runner import NodeOutcome, NodeTarget, RunOptions, apply_node
from cmswizard.remote.mmp_shell import MmpSession, SessionProblem, Transcript
from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget, UnknownHostKey

from helpers.hostile_ssh import hostile_ssh

ANY_KEY = HostTrust(fingerprint="SHA256:" + "A" * 43)


def _open(port: int, trust: HostTrust, password: str = "x", timeout: float = 1.5) -> MmpSession:
    session = MmpSession(
        SshTarget("127.0.0.1", port, "admin"),
        trust=trust,
        credentials=Credentials(password=password),
        transcript=Transcript(),
        node="cms1",
        timeout=timeout,
    )
    session.open()
    return session


@pytest.mark.parametrize(
    "mode, expected",
    [
        ("garbage", "is not an SSH server (it answered: HTTP/1.1 400 Bad Request"),
        ("flood", "is not an SSH server (it answered: not a banner"),
        ("silent", "sent no SSH greeting within 1.5 s; is it an SSH server?"),
        ("drip", "did not finish its SSH greeting within 1.5 s (a stalling server?)"),
    ],
)
def test_a_peer_that_is_no_ssh_server_is_one_line_within_the_limit(mode: str, expected: str, capfd) -> None:
    with hostile_ssh(mode) as server:
        started = time.monotonic()
        with pytest.raises(SessionProblem) as raised:
            _open(server.port, ANY_KEY)
    assert time.monotonic() - started < 10
    assert raised.value.kind == "connect" and expected in raised.value.message
    assert "\n" not in raised.value.message and raised.value.host_key is None
    assert capfd.readouterr().err == ""


def test_a_login_that_never_answers_is_said_as_such(capfd) -> None:
    with hostile_ssh("stall_login") as server:
        started = time.monotonic()
        with pytest.raises(SessionProblem) as raised:
            _open(server.port, HostTrust(fingerprint=server.fingerprint("ed25519")), server.password, 1.0)
    assert time.monotonic() - started < 10
    assert raised.value.kind == "login"
    assert "did not answer the login within 1 s; nothing was sent" in raised.value.message
    assert capfd.readouterr().err == ""


def test_the_known_host_key_type_is_asked_for_first(tmp_path: Path) -> None:
    """The server has ed25519 and RSA keys; known_hosts holds only its RSA key: the RSA key is negotiated, so
    the key check passes and the login goes on (this fixture then refuses a PTY: no shell)."""
    known = tmp_path / "known_hosts"
    with hostile_ssh("sftp", root=tmp_path, key_types=("ed25519", "rsa")) as server:
        known.write_text(server.known_hosts_line("rsa"))
        with pytest.raises(SessionProblem) as raised:
            _open(server.port, HostTrust(known_hosts=known), server.password, 5.0)
    assert raised.value.host_key is not None and raised.value.host_key.key_type == "ssh-rsa"
    assert raised.value.kind == "login" and "did not open a shell" in raised.value.message


def test_a_key_type_swap_is_refused_before_any_login(tmp_path: Path) -> None:
    known = tmp_path / "known_hosts"
    with hostile_ssh("sftp", root=tmp_path, key_types=("ed25519",)) as real:
        line = real.known_hosts_line("ed25519")
    with hostile_ssh("stall_login", key_types=("rsa",)) as swapped:  # a login would hang: none is tried
        known.write_text(line.replace(f"]:{real.port} ", f"]:{swapped.port} "))
        started = time.monotonic()
        with pytest.raises(UnknownHostKey) as raised:
            _open(swapped.port, HostTrust(known_hosts=known), swapped.password, 5.0)
    assert time.monotonic() - started < 4
    assert raised.value.other_types == ("ssh-ed25519",)


def test_the_runner_reports_a_hostile_peer_in_one_line(capfd) -> None:
    class Never:
        def confirm_changes(self, node: str, changes: object) -> bool:
            raise AssertionError("no change may be asked for")

        def confirm_restart(self, node: str, command: str, why: str) -> bool:
            raise AssertionError("no restart may be asked for")

    with hostile_ssh("garbage") as server:
        result = apply_node(
            NodeTarget("cms1", SshTarget("127.0.0.1", server.port, "admin")),
            ["callbridge restart"],
            trust=ANY_KEY,
            credentials=Credentials(password="x"),
            decisions=Never(),
            options=RunOptions(yes=True, step_timeout=2),
        )
    assert result.outcome is NodeOutcome.NOT_CONNECTED
    assert "is not an SSH server" in result.stop_reason and "\n" not in result.stop_reason
    assert capfd.readouterr().err == ""
