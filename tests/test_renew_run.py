"""`renew run` against real parts: pebble (an RFC 8555 CA) validating DNS-01 against BIND with a TSIG key
limited to TXT records. No mock of the CA or the DNS."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.acme_bed import WB3_NAMES, AcmeBed, bed_missing_reason, running_bed
from helpers.pebble import BLOCKED

pytestmark = pytest.mark.skipif(bed_missing_reason() is not None, reason=str(bed_missing_reason()))


@pytest.fixture(scope="module")
def bed() -> Iterator[AcmeBed]:
    with running_bed() as started:
        yield started


def cmswizard(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cmswizard", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_web_bridge_3_issued_bundled_verified_then_nothing_due(bed: AcmeBed, tmp_path: Path) -> None:
    plan = bed.plan(tmp_path)
    done = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "✓ webbridge3-2026 (public): issued and bundled as webbridge3-2026\n"
    key = tmp_path / "webbridge3-2026.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "acme-account.key").stat().st_mode) == 0o600
    full = (tmp_path / "webbridge3-2026-fullchain.crt").read_bytes()
    assert full.count(b"-----BEGIN CERTIFICATE-----") == 3  # entity, intermediate, root: CMS order
    root = bed.pebble.root_pem()
    assert full.endswith(root if root.endswith(b"\n") else root + b"\n")
    # the full chain as CMS takes it: `pki verify` and openssl agree
    verified = cmswizard(
        "pki", "verify", str(tmp_path / "webbridge3-2026.crt"), str(tmp_path / "webbridge3-2026-fullchain.crt")
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    roots = tmp_path / "pebble-roots.pem"
    chain = (tmp_path / "webbridge3-2026-acme.pem").read_bytes()
    intermediate = tmp_path / "intermediate.pem"
    intermediate.write_bytes(chain[chain.index(b"-----BEGIN", 10) :])
    openssl = subprocess.run(
        [
            "openssl",
            "verify",
            "-CAfile",
            str(roots),
            "-untrusted",
            str(intermediate),
            str(tmp_path / "webbridge3-2026.crt"),
        ],
        capture_output=True,
        text=True,
    )
    assert openssl.returncode == 0 and openssl.stdout.strip().endswith(": OK"), openssl.stdout + openssl.stderr
    intermediate.unlink()
    text = subprocess.run(
        ["openssl", "x509", "-noout", "-ext", "subjectAltName", "-in", str(tmp_path / "webbridge3-2026.crt")],
        capture_output=True,
        text=True,
    ).stdout
    assert all(f"DNS:{name}" in text for name in WB3_NAMES)
    assert bed.bind.all_txt() == []  # every challenge record removed again

    before = snapshot(tmp_path)
    again = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("nothing due: 1 certificate(s) valid, nothing written")
    assert again.stdout.count("\n") == 1
    assert snapshot(tmp_path) == before  # bytes and mtimes

    # without --issue-only the deployment needs a person (no MMP runner in this plan): exit 1 with the list
    deploy = cmswizard("renew", "run", "--plan", str(plan), "--json")
    assert deploy.returncode == 1
    report = json.loads(deploy.stdout)
    assert report["ok"] is False
    (row,) = report["certificates"]
    assert row["state"] == "bundled" and "upload webbridge3-2026.key" in row["needs_person"]
    assert snapshot(tmp_path) == before


def test_dns_test_says_what_works(bed: AcmeBed, tmp_path: Path) -> None:
    plan = bed.plan(tmp_path, [("turn-2026", "alias.test.example", ["alias.test.example"], ["turn"])])
    done = cmswizard("dns", "test", "--plan", str(plan))
    assert done.returncode == 0, done.stderr
    assert "via CNAME to alias.acme-dns.example." in done.stdout  # the delegated zone took the record
    assert "removed again, gone from every server" in done.stdout
    assert bed.bind.all_txt() == []


def _one_line_failure(done: subprocess.CompletedProcess[str], code: int) -> str:
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout + done.stderr


def test_wrong_tsig_key_one_line_nothing_half_written(bed: AcmeBed, tmp_path: Path) -> None:
    wrong = tmp_path.parent / "wrong.key"
    good = bed.bind.key_file.read_text()
    secret = good.split('secret "')[1].split('"')[0]
    wrong.write_text(good.replace(secret, "A" * 43 + "="))
    plan = bed.plan(tmp_path, tsig_key=wrong)
    tested = cmswizard("dns", "test", "--plan", str(plan))
    out = _one_line_failure(tested, 1)
    assert "refused the TSIG signature of acme-tsig.key (PeerBadSignature)" in out
    assert secret[:10] not in out and "A" * 20 not in out
    done = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    out = _one_line_failure(done, 1)
    assert "need a person" in done.stdout and "TSIG signature" in done.stdout
    assert not (tmp_path / "webbridge3-2026-acme.pem").exists() and not (tmp_path / "webbridge3-2026.crt").exists()
    state = json.loads((tmp_path / "site.renewal.json").read_text())
    assert state["certificates"]["webbridge3-2026"]["step"] == "ordered"  # the order is kept for the next run
    assert bed.bind.all_txt() == []


def test_txt_never_visible_names_the_server(bed: AcmeBed, tmp_path: Path) -> None:
    plan = bed.plan(tmp_path, [("turn-2026", "www.lagging.example", ["www.lagging.example"], ["turn"])], wait_seconds=2)
    done = cmswizard("dns", "test", "--plan", str(plan))
    out = _one_line_failure(done, 1)
    assert "DNS: TXT _acme-challenge.www.lagging.example. not visible on ns2.lagging.example. (127.0.0.2:" in out
    assert bed.bind.all_txt() == []
    run = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    assert "not visible on ns2.lagging.example." in _one_line_failure(run, 1)
    assert not (tmp_path / "turn-2026.crt").exists()
    assert bed.bind.all_txt() == []


def test_ca_refusal_one_line(bed: AcmeBed, tmp_path: Path) -> None:
    plan = bed.plan(tmp_path, [("turn-2026", "turn.test.example", ["turn.test.example", BLOCKED], ["turn"])])
    done = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    out = _one_line_failure(done, 1)
    assert "ACME: the CA refused the order: rejectedIdentifier" in out
    assert done.stderr == ""
    assert not (tmp_path / "turn-2026.crt").exists() and not (tmp_path / "turn-2026-acme.pem").exists()
    state = json.loads((tmp_path / "site.renewal.json").read_text())
    assert state["certificates"]["turn-2026"]["step"] == "key"  # the key is kept; no order was made
    assert bed.bind.all_txt() == []


@pytest.mark.parametrize(
    ("content", "mode", "code", "message"),
    [
        (b"not a key at all\n", 0o600, 2, "acme-account.key: is not an unencrypted PEM private key"),
        (None, 0o644, 2, "acme-account.key: holds a secret but others may read it (mode 0644); run chmod 600 on it"),
    ],
)
def test_bad_account_key_one_line(
    bed: AcmeBed, tmp_path: Path, content: bytes | None, mode: int, code: int, message: str
) -> None:
    plan = bed.plan(tmp_path)
    key = tmp_path / "acme-account.key"
    if content is None:
        cmswizard("renew", "run", "--plan", str(plan), "--issue-only", "--dry-run")
        from cmswizard.pki.keys import generate_private_key, private_key_pem
        from cmswizard.pki.spec import KeyType

        key.write_bytes(private_key_pem(generate_private_key(KeyType.EC256)))
    else:
        key.write_bytes(content)
    key.chmod(mode)
    before = snapshot(tmp_path)
    done = cmswizard("renew", "run", "--plan", str(plan), "--issue-only")
    assert done.returncode == code, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and message in done.stderr
    assert snapshot(tmp_path).keys() - before.keys() <= {
        "site.renewal.json",
        "webbridge3-2026.key",
        "webbridge3-2026.csr",
    }
    assert not (tmp_path / "webbridge3-2026.crt").exists()


def test_refused_update_names_the_server_and_why(bed: AcmeBed, tmp_path: Path) -> None:
    plan = bed.plan(tmp_path, [("turn-2026", "www.locked.example", ["www.locked.example"], ["turn"])])
    done = cmswizard("dns", "test", "--plan", str(plan))
    out = _one_line_failure(done, 1)
    assert f"DNS: adding TXT _acme-challenge.www.locked.example. at 127.0.0.1:{bed.bind.port}: REFUSED" in out
    assert "its update-policy does not grant this key TXT records here" in out
