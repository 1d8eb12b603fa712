"""Issue 30 (Medium 5–9, 14 and the upload faults): the SSH client against a hostile peer.

A server that is no SSH server, one that never greets, one whose login never answers, one whose SFTP
stalls, one whose files never end, one that offers another host-key type than known_hosts holds;
each is one line in the report, within the time limit, with nothing on stderr from paramiko.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    PrivateFormat,
    load_ssh_private_key,
)

from cmswizard.pki.errors import CmsInputError
from cmswizard.remote.sftp import (
    Credentials,
    HostTrust,
    Outcome,
    SshTarget,
    UnknownHostKey,
    upload_files,
)

from helpers.hostile_ssh import hostile_ssh
from helpers.sshd import SshServer, running_sshd, sshd_missing_reason


@pytest.fixture
def one_file(tmp_path: Path) -> Path:
    path = tmp_path / "local" / "cb.crt"
    path.parent.mkdir()
    path.write_bytes(b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" * 20)
    return path


def _upload(port: int, files: list[Path], trust: HostTrust, password: str = "x", timeout: float = 1.5):
    return upload_files(
        SshTarget("127.0.0.1", port, "admin"),
        files,
        trust=trust,
        credentials=Credentials(password=password),
        timeout=timeout,
    )


def _any_key() -> HostTrust:
    return HostTrust(fingerprint="SHA256:" + "A" * 43)


@pytest.mark.parametrize("mode", ["garbage", "flood"])
def test_not_an_ssh_server_is_one_line_and_no_traceback(mode: str, one_file: Path, capfd) -> None:
    with hostile_ssh(mode) as server:
        started = time.monotonic()
        report = _upload(server.port, [one_file], _any_key())
    assert time.monotonic() - started < 10
    result = report.results[0]
    assert result.outcome is Outcome.NOT_SENT
    assert "is not an SSH server" in result.detail or "sent no SSH greeting" in result.detail
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err and captured.err == ""


def test_a_silent_port_is_a_missing_greeting_within_the_limit(one_file: Path, capfd) -> None:
    with hostile_ssh("silent") as server:
        started = time.monotonic()
        report = _upload(server.port, [one_file], _any_key(), timeout=1.0)
    assert time.monotonic() - started < 6
    assert "127.0.0.1 port" in report.results[0].detail
    assert "sent no SSH greeting within 1 s" in report.results[0].detail
    assert capfd.readouterr().err == ""


def test_a_login_that_never_answers_is_no_refused_login(one_file: Path) -> None:
    with hostile_ssh("stall_login") as server:
        started = time.monotonic()
        report = _upload(
            server.port, [one_file], HostTrust(fingerprint=server.fingerprint("ed25519")), server.password, 1.0
        )
    assert time.monotonic() - started < 8
    result = report.results[0]
    assert result.outcome is Outcome.NOT_SENT, result.line
    assert "did not answer the login within 1 s" in result.detail


def test_a_stalled_sftp_session_ends_within_the_limit(one_file: Path, tmp_path: Path) -> None:
    root = tmp_path / "mmp"
    root.mkdir()
    with hostile_ssh("sftp", root=root, stall=True) as server:
        started = time.monotonic()
        report = _upload(
            server.port, [one_file], HostTrust(fingerprint=server.fingerprint("ed25519")), server.password, 1.0
        )
    assert time.monotonic() - started < 10
    result = report.results[0]
    assert result.outcome in (Outcome.NOT_SENT, Outcome.CONNECTION_LOST), result.line
    assert not result.verified
    assert list(root.iterdir()) == []


def test_endless_read_back_is_capped_and_never_verified(one_file: Path, tmp_path: Path) -> None:
    root = tmp_path / "mmp"
    root.mkdir()
    with hostile_ssh("sftp", root=root, endless_read=True) as server:
        trust = HostTrust(fingerprint=server.fingerprint("ed25519"))
        report = _upload(server.port, [one_file], trust, server.password, 5.0)
        result = report.results[0]
        assert result.outcome is Outcome.MISMATCH, result.line
        assert f"read back {len(one_file.read_bytes())}+ byte(s)" in result.detail
        assert list(root.iterdir()) == []  # the temporary was removed, nothing under the name
        # the same size already there, but endless: never "identical"
        (root / one_file.name).write_bytes(b"x" * len(one_file.read_bytes()))
        again = _upload(server.port, [one_file], trust, server.password, 5.0)
    assert again.results[0].outcome is Outcome.EXISTS, again.results[0].line


def test_host_key_types_known_hosts_holds_are_preferred(one_file: Path, tmp_path: Path) -> None:
    """The server has ed25519 and RSA keys; known_hosts holds only its RSA key: the RSA key is negotiated."""
    root = tmp_path / "mmp"
    root.mkdir()
    known = tmp_path / "known_hosts"
    with hostile_ssh("sftp", root=root, key_types=("ed25519", "rsa")) as server:
        known.write_text(server.known_hosts_line("rsa"))
        report = _upload(server.port, [one_file], HostTrust(known_hosts=known), server.password, 5.0)
    assert report.host_key is not None and report.host_key.key_type == "ssh-rsa"
    assert report.results[0].outcome is Outcome.VERIFIED, report.results[0].line


def test_another_key_type_than_known_is_refused_not_just_unknown(one_file: Path, tmp_path: Path) -> None:
    """known_hosts holds the host's ed25519 key; the server (a swap) offers only RSA."""
    root = tmp_path / "mmp"
    root.mkdir()
    known = tmp_path / "known_hosts"
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as real:
        known.write_text(real.known_hosts_line("ed25519").replace(str(real.port), "PORT"))
    with hostile_ssh("sftp", root=root, key_types=("rsa",)) as swapped:
        known.write_text(known.read_text().replace("PORT", str(swapped.port)))
        with pytest.raises(UnknownHostKey) as raised:
            _upload(swapped.port, [one_file], HostTrust(known_hosts=known), swapped.password, 5.0)
    assert raised.value.other_types == ("ssh-ed25519",)
    assert "known_hosts holds a ssh-ed25519 key for this host" in raised.value.message
    assert list(root.iterdir()) == []


def test_key_type_swap_through_the_cli_refuses_without_a_terminal(cli, one_file: Path, tmp_path: Path) -> None:
    known = tmp_path / "known_hosts"
    password = tmp_path / "pw"
    with hostile_ssh("sftp", root=tmp_path, key_types=("ed25519",)) as real:
        line = real.known_hosts_line("ed25519")
    with hostile_ssh("sftp", root=tmp_path, key_types=("rsa",)) as swapped:
        known.write_text(line.replace(f"]:{real.port} ", f"]:{swapped.port} "))
        password.write_text(swapped.password + "\n")
        before = known.read_bytes()
        result = cli(
            *["upload", "--host", "127.0.0.1", "--port", str(swapped.port), "--known-hosts", str(known)],
            *["--password-file", str(password), str(one_file)],
        )
    assert result.code == 1
    assert "known_hosts holds a ssh-ed25519 key for this host; nothing was sent" in result.err
    assert known.read_bytes() == before  # nothing remembered


# ---------------------------------------------------------------- a passphrase-protected identity, real sshd


@pytest.fixture
def sshd() -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        pytest.skip(reason)
    with running_sshd() as server:
        yield server


@pytest.mark.sshd
def test_a_passphrase_protected_identity_logs_in(sshd: SshServer, one_file: Path, tmp_path: Path) -> None:
    plain = load_ssh_private_key(sshd.client_key.read_bytes(), None)
    locked = tmp_path / "locked_key"
    locked.write_bytes(
        plain.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, BestAvailableEncryption(b"s3cret phrase"))
    )
    locked.chmod(0o600)
    trust = HostTrust(fingerprint=sshd.host_fingerprint())
    target = SshTarget("127.0.0.1", sshd.port, sshd.user)
    report = upload_files(
        target, [one_file], trust=trust, credentials=Credentials(key_file=locked, key_passphrase="s3cret phrase")
    )
    assert report.results[0].outcome is Outcome.VERIFIED, report.results[0].line
    with pytest.raises(CmsInputError, match="wrong passphrase for this SSH key"):
        upload_files(target, [one_file], trust=trust, credentials=Credentials(key_file=locked, key_passphrase="no"))
    with pytest.raises(CmsInputError, match="is protected by a passphrase"):
        upload_files(target, [one_file], trust=trust, credentials=Credentials(key_file=locked))


def test_an_interrupted_uploads_temporary_on_the_mmp_is_removed_and_said(cli, one_file: Path, tmp_path: Path) -> None:
    root = tmp_path / "mmp"
    root.mkdir()
    (root / ".cmswizard-upload-0123456789ab.tmp").write_bytes(b"half a key\n")
    (root / ".profile").write_bytes(b"the MMP's own\n")
    password = tmp_path / "pw"
    with hostile_ssh("sftp", root=root) as server:
        password.write_text(server.password + "\n")
        result = cli(
            *[
                "upload",
                "--host",
                "127.0.0.1",
                "--port",
                str(server.port),
                "--fingerprint",
                server.fingerprint("ed25519"),
            ],
            *["--password-file", str(password), str(one_file)],
        )
    assert result.code == 0, result.out + result.err
    assert "removed 1 temporary file(s) an interrupted upload left on the MMP" in result.out
    assert sorted(p.name for p in root.iterdir()) == [".profile", one_file.name]


def test_a_greeting_dripped_one_byte_at_a_time_ends_within_the_limit(one_file: Path, capfd) -> None:
    with hostile_ssh("drip") as server:
        started = time.monotonic()
        report = _upload(server.port, [one_file], _any_key(), timeout=1.5)
    assert time.monotonic() - started < 8
    assert report.results[0].outcome is Outcome.NOT_SENT
    assert "did not finish its SSH greeting within 1.5 s" in report.results[0].detail
    assert capfd.readouterr().err == ""
