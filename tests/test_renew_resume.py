"""Killed at every step (SIGKILL right after the step is saved, like a power cut), `renew run` resumes:
the key made before the crash is the key certified, the order saved before the crash is the order
fetched (no second order), and the state file and the files agree."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cmswizard.pki.loader import load_file, load_private_key

from helpers import power_cut
from helpers.acme_bed import AcmeBed, bed_missing_reason, running_bed

pytestmark = pytest.mark.skipif(bed_missing_reason() is not None, reason=str(bed_missing_reason()))


@pytest.fixture(scope="module")
def bed() -> Iterator[AcmeBed]:
    with running_bed() as started:
        yield started


def renew(plan: Path, kill_after: str = "") -> subprocess.CompletedProcess[str]:
    """`renew run` in its own process, killed (SIGKILL, like a power cut) right after `kill_after` is saved."""
    return subprocess.run(
        [sys.executable, str(power_cut.SCRIPT), kill_after, "renew", "run", "--plan", str(plan), "--issue-only"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _public(key_or_cert: object) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key_or_cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("step", ["due", "key", "ordered", "published", "issued", "bundled"])
def test_killed_after_each_step_resumes(bed: AcmeBed, tmp_path: Path, step: str) -> None:
    plan = bed.plan(tmp_path)
    killed = renew(plan, step)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    state = json.loads((tmp_path / "site.renewal.json").read_text())["certificates"]["webbridge3-2026"]
    if step == "published":  # killed with the DNS-01 records in DNS: they are noted, and left there
        assert state["step"] == "ordered" and len(state["txt"]) == 2
        assert len(bed.bind.all_txt()) == 2
    else:
        assert state["step"] == step
    key_before = (tmp_path / "webbridge3-2026.key").read_bytes() if step != "due" else None
    order_before = state["order"]

    done = renew(plan)
    assert done.returncode == 0, done.stdout + done.stderr
    after = json.loads((tmp_path / "site.renewal.json").read_text())["certificates"]["webbridge3-2026"]
    assert after["step"] == "bundled" and after["renewals"] == 1 and after["current"] == "webbridge3-2026"
    assert after["txt"] == []
    key_path = tmp_path / "webbridge3-2026.key"
    if key_before is not None:
        assert key_path.read_bytes() == key_before  # the key made before the crash: never made again
    assert os.stat(key_path).st_mode & 0o077 == 0
    certificate = load_file(tmp_path / "webbridge3-2026.crt").certificates[0]
    assert _public(certificate) == _public(load_private_key(key_path))
    assert sorted(p.name for p in tmp_path.glob("*.key")) == [
        "acme-account.key",
        "acme-tsig.key",
        "webbridge3-2026.key",
    ]
    full = load_file(tmp_path / "webbridge3-2026-fullchain.crt").certificates
    assert len(full) == 3 and full[0] == certificate
    if order_before:  # the order saved before the crash is the one that was issued: no second order
        from cmswizard.cms.plan import read_plan
        from cmswizard.remote.acme import connect_issuer

        issuer = read_plan(plan).issuers[0]
        status, chain = connect_issuer(issuer, tmp_path).order_status(order_before)
        assert status == "valid"
        assert load_file_bytes(chain)[0] == certificate
    assert bed.bind.all_txt() == []
    # and a third run has nothing to do
    third = renew(plan)
    assert third.returncode == 0 and third.stdout.startswith("nothing due")


def load_file_bytes(data: bytes) -> list[object]:
    from cmswizard.pki.loader import load_bytes

    return list(load_bytes(data, "chain").certificates)
