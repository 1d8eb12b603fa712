"""SFTP upload against a real OpenSSH server on 127.0.0.1 (the tests start and stop it)."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cmswizard.remote.sftp import (
    CHUNK,
    Credentials,
    HostTrust,
    Outcome,
    SshTarget,
    UnknownHostKey,
    remember_host_key,
    upload_files,
)

from helpers.sshd import SshServer, running_sshd, sshd_missing_reason

pytestmark = [
    pytest.mark.sshd,
    pytest.mark.skipif(sshd_missing_reason() is not None, reason=str(sshd_missing_reason())),
]


@pytest.fixture
def sshd() -> Iterator[SshServer]:
    with running_sshd() as server:
        yield server


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    made = []
    for name, data in (
        ("callbridge-2026.key", b"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"),
        ("callbridge-2026.crt", b"-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n"),
        ("callbridge-2026-bundle.crt", os.urandom(70_000)),  # several chunks
    ):
        path = tmp_path / name
        path.write_bytes(data)
        made.append(path)
    return made


def _target(server: SshServer) -> SshTarget:
    return SshTarget("127.0.0.1", server.port, server.user)


def _trusted(server: SshServer) -> HostTrust:
    return HostTrust(fingerprint=server.host_fingerprint())


def _uploaded(server: SshServer) -> list[str]:
    return sorted(os.listdir(server.upload_dir))


def _log(server: SshServer) -> str:
    return (server.root / "sshd.log").read_text()


def test_upload_with_password_reads_every_file_back(sshd: SshServer, files: list[Path]) -> None:
    report = upload_files(_target(sshd), files, trust=_trusted(sshd), credentials=Credentials(password=sshd.password))
    assert [r.outcome for r in report.results] == [Outcome.VERIFIED] * 3, [r.line for r in report.results]
    assert report.ok and report.verified_count == 3
    for path, result in zip(files, report.results, strict=True):
        assert (sshd.upload_dir / path.name).read_bytes() == path.read_bytes()
        assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert report.summary.endswith(": 3 uploaded and verified")
    assert "Accepted password" in _log(sshd)
    modes = {path.name: oct((sshd.upload_dir / path.name).stat().st_mode & 0o777) for path in files}
    assert modes["callbridge-2026.key"] == "0o600", modes  # a key is owner-only on the server too
    assert modes["callbridge-2026.crt"] != "0o600", modes


def test_upload_with_key_and_known_hosts(sshd: SshServer, files: list[Path], tmp_path: Path) -> None:
    known = tmp_path / "known_hosts"
    known.write_text(sshd.host_key_line)
    report = upload_files(
        _target(sshd), files[:1], trust=HostTrust(known_hosts=known), credentials=Credentials(key_file=sshd.client_key)
    )
    assert report.ok, [r.line for r in report.results]
    assert "Accepted publickey" in _log(sshd)


def test_unknown_host_key_is_shown_then_remembered(sshd: SshServer, files: list[Path], tmp_path: Path) -> None:
    known = tmp_path / "ssh" / "known_hosts"
    with pytest.raises(UnknownHostKey) as raised:
        upload_files(
            _target(sshd), files, trust=HostTrust(known_hosts=known), credentials=Credentials(password=sshd.password)
        )
    assert raised.value.host_key.fingerprint == sshd.host_fingerprint()
    assert sshd.host_fingerprint() in str(raised.value)
    assert _uploaded(sshd) == []
    assert "Failed password" not in _log(sshd) and "Accepted" not in _log(sshd)  # no secret offered
    remember_host_key(known, raised.value.host_key)
    assert oct(known.stat().st_mode & 0o777) == "0o600"
    report = upload_files(
        _target(sshd), files, trust=HostTrust(known_hosts=known), credentials=Credentials(password=sshd.password)
    )
    assert report.ok


@pytest.mark.parametrize("how", ["known_hosts", "fingerprint"])
def test_wrong_host_key_refused_before_anything_is_sent(
    sshd: SshServer, files: list[Path], tmp_path: Path, how: str
) -> None:
    impostor = "AAAAC3NzaC1lZDI1NTE5AAAAIE0ZGw2+OU4U6sM+q3T3xkUjvGdEWdZ0QXnK2l2gg9Ld"
    known = tmp_path / "known_hosts"
    known.write_text(f"[127.0.0.1]:{sshd.port} ssh-ed25519 {impostor}\n")
    trust = HostTrust(known_hosts=known) if how == "known_hosts" else HostTrust(fingerprint="SHA256:" + "A" * 43)
    report = upload_files(_target(sshd), files, trust=trust, credentials=Credentials(password=sshd.password))
    assert {r.outcome for r in report.results} == {Outcome.HOST_KEY_MISMATCH}
    assert "nothing was sent" in report.results[0].detail
    assert not report.ok and _uploaded(sshd) == []
    assert "Failed password" not in _log(sshd) and "Accepted" not in _log(sshd)


def test_wrong_password_is_a_refused_login_per_file(sshd: SshServer, files: list[Path]) -> None:
    report = upload_files(_target(sshd), files, trust=_trusted(sshd), credentials=Credentials(password="wrong"))
    assert [r.outcome for r in report.results] == [Outcome.LOGIN_REFUSED] * 3
    assert sshd.user in report.results[0].detail
    assert _uploaded(sshd) == []


def test_read_only_target_refuses_each_file(sshd: SshServer, files: list[Path]) -> None:
    sshd.upload_dir.chmod(0o555)
    report = upload_files(_target(sshd), files, trust=_trusted(sshd), credentials=Credentials(password=sshd.password))
    assert [r.outcome for r in report.results] == [Outcome.REFUSED] * 3, [r.line for r in report.results]
    assert "read-only" in report.results[0].detail
    assert _uploaded(sshd) == []


def test_existing_file_is_kept_unless_replacing_is_chosen(sshd: SshServer, files: list[Path]) -> None:
    live = sshd.upload_dir / files[0].name
    live.write_bytes(b"the key the Call Bridge uses now\n")
    shutil.chown(live, sshd.user, sshd.user)
    credentials = Credentials(password=sshd.password)
    report = upload_files(_target(sshd), files, trust=_trusted(sshd), credentials=credentials)
    assert [r.outcome for r in report.results] == [Outcome.EXISTS, Outcome.VERIFIED, Outcome.VERIFIED]
    assert live.read_bytes() == b"the key the Call Bridge uses now\n"
    assert not report.ok
    # The same bytes again: found identical (size, then SHA-256 read back) and not rewritten.
    before = (sshd.upload_dir / files[2].name).stat().st_mtime_ns
    report = upload_files(_target(sshd), files[1:], trust=_trusted(sshd), credentials=credentials)
    assert [r.outcome for r in report.results] == [Outcome.IDENTICAL, Outcome.IDENTICAL]
    assert report.ok and report.verified_count == 2
    assert (sshd.upload_dir / files[2].name).stat().st_mtime_ns == before
    assert report.summary.endswith(": 2 already there")  # never "0 of 2 file(s) uploaded" (issue 29)
    report = upload_files(
        _target(sshd), files[:1], trust=_trusted(sshd), credentials=credentials, replace={files[0].name}
    )
    assert report.ok
    assert live.read_bytes() == files[0].read_bytes()


def test_connection_cut_mid_transfer_is_reported_truthfully(sshd: SshServer, tmp_path: Path) -> None:
    first, big, last = tmp_path / "a.crt", tmp_path / "big-bundle.crt", tmp_path / "z.crt"
    first.write_bytes(b"first\n")
    big.write_bytes(os.urandom(CHUNK * 40))
    last.write_bytes(b"last\n")
    cut: list[int] = []

    def progress(name: str, sent: int, total: int) -> None:
        if name == big.name and sent >= CHUNK * 3 and not cut:
            cut.append(sent)
            sshd.cut_connections()

    report = upload_files(
        _target(sshd),
        [first, big, last],
        trust=_trusted(sshd),
        credentials=Credentials(password=sshd.password),
        progress=progress,
    )
    assert cut
    assert [r.outcome for r in report.results] == [Outcome.VERIFIED, Outcome.CONNECTION_LOST, Outcome.NOT_SENT]
    assert "it is not under its name on the MMP" in report.results[1].detail
    assert not report.ok and report.verified_count == 1
    assert (sshd.upload_dir / first.name).read_bytes() == b"first\n"
    assert not (sshd.upload_dir / last.name).exists()
    assert not (sshd.upload_dir / big.name).exists()  # written under a temporary name, never renamed
    # the next run removes that temporary, finds the first file identical, and sends the others
    again = upload_files(
        _target(sshd), [first, big, last], trust=_trusted(sshd), credentials=Credentials(password=sshd.password)
    )
    assert [r.outcome for r in again.results] == [Outcome.IDENTICAL, Outcome.VERIFIED, Outcome.VERIFIED]
    assert len(again.removed_temporaries) <= 1
    assert _uploaded(sshd) == sorted([first.name, big.name, last.name])


def test_a_link_on_the_mmp_is_never_written_through(sshd: SshServer, tmp_path: Path) -> None:
    """--replace of a name that is a symbolic link on the server (to a file outside the upload folder,
    or dangling): refused after lstat, and nothing outside the folder changes."""
    outside = sshd.root / "outside.crt"
    outside.write_bytes(b"not yours\n")
    (sshd.upload_dir / "swallowed.crt").symlink_to("/dev/null")
    (sshd.upload_dir / "outside.crt").symlink_to(outside)
    (sshd.upload_dir / "dangling.crt").symlink_to(sshd.root / "nowhere.crt")
    sent = []
    for name in ("swallowed.crt", "outside.crt", "dangling.crt"):
        (tmp_path / name).write_bytes(b"-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n")
        sent.append(tmp_path / name)
    report = upload_files(
        _target(sshd),
        sent,
        trust=_trusted(sshd),
        credentials=Credentials(password=sshd.password),
        replace={"swallowed.crt", "outside.crt", "dangling.crt"},
    )
    assert [r.outcome for r in report.results] == [Outcome.REFUSED] * 3
    assert all("is a symbolic link on the MMP" in r.detail for r in report.results)
    assert outside.read_bytes() == b"not yours\n"
    assert not (sshd.root / "nowhere.crt").exists()
    assert not report.ok


def test_full_disk_is_reported_and_leaves_no_partial_file(sshd: SshServer, tmp_path: Path) -> None:
    sshd.fill_disk(64)
    small, huge = tmp_path / "small.crt", tmp_path / "huge-bundle.crt"
    small.write_bytes(b"small\n")
    huge.write_bytes(os.urandom(256 * 1024))
    report = upload_files(
        _target(sshd), [small, huge], trust=_trusted(sshd), credentials=Credentials(password=sshd.password)
    )
    assert [r.outcome for r in report.results] == [Outcome.VERIFIED, Outcome.DISK_FULL], [
        r.line for r in report.results
    ]
    assert "disk is probably full" in report.results[1].detail
    assert _uploaded(sshd) == ["small.crt"]


def test_unreadable_local_file_and_unreachable_server(sshd: SshServer, files: list[Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.crt"
    report = upload_files(
        _target(sshd), [missing, files[1]], trust=_trusted(sshd), credentials=Credentials(password=sshd.password)
    )
    assert [r.outcome for r in report.results] == [Outcome.LOCAL_ERROR, Outcome.VERIFIED]
    assert "does not exist" in report.results[0].detail
    closed = SshTarget("127.0.0.1", 1, sshd.user)
    report = upload_files(closed, files, trust=_trusted(sshd), credentials=Credentials(password=sshd.password))
    assert {r.outcome for r in report.results} == {Outcome.NOT_SENT}
    assert "could not connect to 127.0.0.1 port 1" in report.results[0].detail


def test_cli_upload_explicit_host_and_files(sshd: SshServer, files: list[Path], cli, tmp_path: Path) -> None:
    secret = tmp_path / "mmp-password"
    secret.write_text(sshd.password + "\n")
    base = [
        "upload",
        "--host",
        "127.0.0.1",
        "--port",
        str(sshd.port),
        "--user",
        sshd.user,
        "--password-file",
        str(secret),
        "--known-hosts",
        str(tmp_path / "known_hosts"),
    ]
    done = cli(*base, *map(str, files))
    assert done.code == 1  # no terminal to ask about the unknown host key
    assert sshd.host_fingerprint() in done.err and "--fingerprint" in done.err
    assert _uploaded(sshd) == []
    done = cli(*base, "--fingerprint", sshd.host_fingerprint(), *map(str, files))
    assert done.code == 0, done.err
    assert f"{files[0].name}: verified" in done.out
    assert ": 3 uploaded and verified" in done.out
    assert sshd.password not in done.out + done.err
    # Sent again: already there, byte for byte, so nothing to choose and nothing wrong.
    done = cli(*base, "--fingerprint", sshd.host_fingerprint(), *map(str, files))
    assert done.code == 0, done.out + done.err
    assert f"{files[0].name}: already on the MMP, identical" in done.out
    assert ": 3 already there" in done.out and "file(s)" not in done.out
    # A different file of that name on the MMP still needs --replace.
    held = sshd.upload_dir / files[0].name
    held.write_bytes(b"the key the Call Bridge uses now\n")
    done = cli(*base, "--fingerprint", sshd.host_fingerprint(), str(files[0]), str(files[1]))
    assert done.code == 1
    assert f"{files[0].name}: not sent: already on the MMP — a different file of this name (33 bytes)" in done.out
    assert f"{files[1].name}: already on the MMP, identical" in done.out
    assert held.read_bytes() == b"the key the Call Bridge uses now\n"
    done = cli(*base, "--fingerprint", sshd.host_fingerprint(), "--replace", files[0].name, str(files[0]))
    assert done.code == 0
    assert held.read_bytes() == files[0].read_bytes()
    done = cli(*base, "--fingerprint", "SHA256:nope", str(files[0]))
    assert done.code == 2 and "fingerprint:" in done.err
    other = "SHA256:" + "A" * 43  # well-formed, but not this server's key
    done = cli(*base, "--fingerprint", other, "--replace", files[1].name, str(files[1]))
    assert done.code == 1 and "not sent: wrong host key" in done.out
    assert "checked before anything was sent" not in done.out and "REFUSED" in done.out  # never reads as accepted


def test_cli_first_connection_shows_the_fingerprint_and_asks(
    sshd: SshServer, files: list[Path], cli, tmp_path: Path, monkeypatch
) -> None:
    import builtins
    import sys

    secret = tmp_path / "mmp-password"
    secret.write_text(sshd.password + "\n")
    known = tmp_path / "known_hosts"
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    answers = iter(["no", "yes"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    base = [
        "upload",
        "--host",
        "127.0.0.1",
        "--port",
        str(sshd.port),
        "--user",
        sshd.user,
        "--password-file",
        str(secret),
        "--known-hosts",
        str(known),
        str(files[1]),
    ]
    done = cli(*base)
    assert done.code == 1 and sshd.host_fingerprint() in done.err
    assert not known.exists() and _uploaded(sshd) == []
    done = cli(*base)
    assert done.code == 0, done.err
    assert known.read_text() == sshd.host_key_line
    assert _uploaded(sshd) == [files[1].name]
