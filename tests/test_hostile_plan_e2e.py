"""Issue 30, the four High attacks end to end: a real plan folder (and a real OpenSSH server for the
upload), with a listing and the SHA-256 of every file around it compared before and after.

1. a plan naming files outside its folder writes nothing anywhere;
2. a plan naming one file in two roles (the sheet as the key) never replaces the key;
3. `upload --plan` sends only files inside the plan's folder that the plan names, listed first;
4. a PKCS#12 password with a NUL byte is one line, no traceback, and the password is never shown.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

from cmswizard.cms.plan import read_plan
from cmswizard.cms.plan_files import ItemState, check_plan
from cmswizard.cms.sheet import ServiceFiles

from helpers.factory import Hierarchy, hierarchy
from helpers.hostile_plans import plan_text, signed_site, snapshot
from helpers.sshd import SshServer, running_sshd, sshd_missing_reason

NODE = "cms1.example.com"
SECRET = b"-----BEGIN PRIVATE KEY-----\nthe admin's own key, never to leave this computer\n-----END PRIVATE KEY-----\n"


@pytest.fixture(scope="module")
def ca() -> Hierarchy:
    return hierarchy(depth=1, prefix="Hostile", rsa_bits=2048)


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """tmp_path/site (the plan's folder) beside tmp_path/outside and tmp_path/secret.key."""
    (tmp_path / "site").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.crt").write_bytes(b"someone else's file\n")
    (tmp_path / "secret.key").write_bytes(SECRET)
    (tmp_path / "secret.key").chmod(0o600)
    return tmp_path


def _clean(result_err: str) -> None:
    assert "Traceback" not in result_err
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", result_err)


@pytest.mark.parametrize(
    "changes, where",
    [
        ({"cb_cert": "../outside/x.crt"}, "service[0].certificate"),
        ({"cb_bundle": "../outside/cb-bundle.crt"}, "service[0].bundle"),
        ({"cb_key": "../secret.key"}, "service[0].key"),
        ({"wb3_chain": "/tmp/cmswizard-hostile-fullchain.crt"}, "service[2].certificate"),
        ({"trust_wb3": "../outside/trust.crt"}, "trust.webbridge3"),
        ({"sip_trust": "../outside/sip.crt"}, "cms.sip_trust"),
        ({"wa_bundle": "..\\outside\\wa-bundle.crt"}, "service[1].bundle"),
        ({"sheet": "../outside/cms-commands.txt"}, "sheet"),
    ],
)
def test_high1_a_plan_never_writes_outside_its_folder(
    cli, world: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, str], where: str
) -> None:
    plan = world / "site" / "site.toml"
    plan.write_text(plan_text(**changes))
    before = snapshot(world)
    for verb in ("apply", "check"):
        result = cli("plan", verb, str(plan))
        assert result.code == 2, result.err
        _clean(result.err)
        assert f"site.toml: {where}: " in result.err.strip().splitlines()[-1]
    assert snapshot(world) == before  # nothing made, nothing changed, in the folder or beside it
    assert not Path("/tmp/cmswizard-hostile-fullchain.crt").exists()


def test_high2_the_sheet_never_replaces_the_key(cli, world: Path) -> None:
    site = world / "site"
    good = site / "site.toml"
    good.write_text(plan_text())
    assert cli("plan", "apply", str(good)).code == 0  # the key and CSR, the sheet
    key_before = hashlib.sha256((site / "cb.key").read_bytes()).hexdigest()
    for changes in ({"sheet": "cb.key"}, {"sheet": "cb.csr"}, {"sheet": "site.toml"}, {"cb_bundle": "cb.crt"}):
        hostile = site / "site.toml"
        hostile.write_text(plan_text(**changes))
        before = snapshot(world)
        result = cli("plan", "apply", str(hostile))
        assert result.code == 2, result.err
        _clean(result.err)
        assert "one file cannot be both" in result.err
        assert snapshot(world) == before
    assert hashlib.sha256((site / "cb.key").read_bytes()).hexdigest() == key_before
    good.write_text(plan_text())
    assert cli("pki", "match", str(site / "cb.key"), str(site / "cb.csr")).code == 0


def test_one_ca_file_may_serve_every_ca_role(cli, world: Path) -> None:
    """The corporate CA file as CA bundle and as SIP trust: both only read, so one file may be both
    (the role rule keeps apart what the tool writes, not what the admin brings)."""
    plan = world / "site" / "site.toml"
    plan.write_text(plan_text(sip_trust="cb-bundle.crt"))
    result = cli("plan", "check", str(plan))
    assert "one file cannot be both" not in result.err, result.err
    assert result.code in (0, 1), result.err


def test_high2_check_never_hides_a_second_finding_for_a_name(world: Path, ca: Hierarchy) -> None:
    """A plan built in code (no reader) that names cb.crt for two keys: the second row's mismatch shows."""
    site = world / "site"
    issuer = ca.intermediates[0]
    signed_site(site, issuer.key, issuer.cert, issuer.pem + ca.root.pem)
    plan = read_plan(site / "site.toml")
    (site / "wa.key").write_bytes(ca.leaf.key_pem)
    services = list(plan.services)
    services[1] = dataclasses.replace(services[1], key="wa.key")
    items = {item.name: item for item in check_plan(dataclasses.replace(plan, services=tuple(services)), site)}
    assert items["cb.crt"].state is ItemState.INCONSISTENT
    assert "does not belong to wa.key" in items["cb.crt"].detail
    assert isinstance(services[1], ServiceFiles)


def test_plan_check_and_apply_compare_the_csr_with_its_key(cli, world: Path, ca: Hierarchy) -> None:
    """A CSR left by an interrupted run beside a newer key is found by check and made again by apply."""
    site = world / "site"
    plan = site / "site.toml"
    plan.write_text(plan_text())
    assert cli("plan", "apply", str(plan)).code == 0
    from cryptography.hazmat.primitives.serialization import Encoding

    from cmswizard.pki.csr import build_csr
    from cmswizard.pki.spec import CsrSpec

    stale = build_csr(CsrSpec("cb", "cms1.example.com"), ca.leaf.key).public_bytes(Encoding.PEM)
    (site / "cb.csr").write_bytes(stale)
    result = cli("plan", "check", str(plan))
    assert result.code == 1
    assert "cb.csr  is a request for another key, not for cb.key" in result.out
    result = cli("plan", "apply", str(plan))
    assert result.code == 0, result.err
    assert cli("pki", "match", str(site / "cb.key"), str(site / "cb.csr")).code == 0


# ---------------------------------------------------------------- High 3, a real sshd


@pytest.fixture
def sshd() -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        pytest.skip(reason)
    with running_sshd() as server:
        yield server


def _upload_args(sshd: SshServer, plan: Path, password_file: Path) -> list[str]:
    return [
        *["upload", "--plan", str(plan), "--node", NODE, "--host", "127.0.0.1", "--port", str(sshd.port)],
        *["--user", sshd.user, "--password-file", str(password_file), "--fingerprint", sshd.host_fingerprint()],
    ]


@pytest.mark.sshd
def test_high3_upload_sends_only_the_plans_files_from_its_folder(
    cli, world: Path, ca: Hierarchy, sshd: SshServer
) -> None:
    site = world / "site"
    issuer = ca.intermediates[0]
    plan = signed_site(site, issuer.key, issuer.cert, issuer.pem + ca.root.pem)
    password = world / "pw"
    password.write_text(sshd.password + "\n")

    # a hostile plan naming a file outside the folder: refused before any connection
    hostile = site / "hostile.toml"
    for changes in ({"cb_key": "../secret.key"}, {"cb_key": str(world / "secret.key")}, {"sheet": "cb.key"}):
        hostile.write_text(plan_text(**changes))
        before = snapshot(world)
        result = cli(*_upload_args(sshd, hostile, password))
        assert result.code == 2, result.err
        _clean(result.err)
        assert snapshot(world) == before
        assert list(sshd.upload_dir.iterdir()) == []
    hostile.unlink()

    # a link in the folder that leads out of it: refused, nothing sent
    real_key = site / "cb.key.real"
    (site / "cb.key").rename(real_key)
    (site / "cb.key").symlink_to(world / "secret.key")
    before = snapshot(world)
    result = cli(*_upload_args(sshd, plan, password))
    assert result.code == 2, result.err
    assert "is a link to" in result.err and "outside the plan's folder" in result.err
    assert snapshot(world) == before
    assert list(sshd.upload_dir.iterdir()) == []
    (site / "cb.key").unlink()
    real_key.rename(site / "cb.key")

    # the honest plan: the list is shown before sending, and only those files arrive
    before = snapshot(world)
    result = cli(*_upload_args(sshd, plan, password))
    assert result.code == 0, result.err + result.out
    listed = result.err.split("sending ", 1)[1].split("\n")
    assert listed[0].startswith(f"{len(listed)} file(s) from") or "file(s) from" in listed[0]
    sent = sorted(p.name for p in sshd.upload_dir.iterdir())
    names_listed = sorted(line.strip() for line in listed[1:] if line.startswith("  ") and "sent " not in line)
    assert sent == names_listed
    assert set(sent) <= set(snapshot(site))
    assert SECRET not in b"".join(p.read_bytes() for p in sshd.upload_dir.iterdir())
    assert snapshot(world) == before


# ---------------------------------------------------------------- High 4


def test_high4_a_nul_password_is_one_line_and_never_shown(cli, world: Path, ca: Hierarchy) -> None:
    site = world / "site"
    (site / "leaf.key").write_bytes(ca.leaf.key_pem)
    (site / "leaf.crt").write_bytes(ca.leaf.pem)
    (site / "nul.pw").write_bytes(b"sec\x00ret-words\n")
    (site / "locked.p12").write_bytes(
        pkcs12.serialize_key_and_certificates(b"x", ca.leaf.key, ca.leaf.cert, None, BestAvailableEncryption(b"ok-pw"))
    )
    before = snapshot(world)
    for argv in (
        ["export-p12", "--key", "leaf.key", "--cert", "leaf.crt", "--out", "out.p12", "--password-file", "nul.pw"],
        ["pki", "inspect", "locked.p12", "--password-file", "nul.pw"],
    ):
        result = cli(*[str(site / a) if a.endswith((".key", ".crt", ".pw", ".p12")) else a for a in argv])
        assert result.code == 2
        _clean(result.err)
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and "the password holds a NUL byte" in lines[0]
        for leak in ("sec", "ret-words", "115, 101, 99"):
            assert leak not in result.err + result.out
    assert snapshot(world) == before


def test_high4_a_library_panic_is_one_line_without_its_text(
    cli, world: Path, ca: Hierarchy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever else makes the Rust layer panic: caught at the top (it is no Exception), text not shown."""
    locked = pkcs12.serialize_key_and_certificates(
        b"x", ca.leaf.key, ca.leaf.cert, None, BestAvailableEncryption(b"secret")
    )
    try:
        pkcs12.load_pkcs12(locked, b"sec\x00ret")  # the Rust layer unwraps a NulError here
    except BaseException as caught:
        panic = caught
    else:  # pragma: no cover - a cryptography that accepts NUL passwords
        pytest.skip("this cryptography does not panic on a NUL password")
    assert not isinstance(panic, Exception)
    import cmswizard.export.p12 as p12

    def explode(*_args: object, **_kwargs: object) -> None:
        raise panic

    monkeypatch.setattr(p12, "write_p12", explode)
    site = world / "site"
    (site / "leaf.key").write_bytes(ca.leaf.key_pem)
    (site / "leaf.crt").write_bytes(ca.leaf.pem)
    (site / "good.pw").write_text("a long enough password\n")
    result = cli(
        *["export-p12", "--key", str(site / "leaf.key"), "--cert", str(site / "leaf.crt")],
        *["--out", str(site / "o.p12"), "--password-file", str(site / "good.pw")],
    )
    assert result.code == 2
    _clean(result.err)
    assert result.err.strip() == "cmswizard: unexpected error inside a library (PanicException); please report it"
