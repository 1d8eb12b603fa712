"""Issue 30, faults: what an interrupted or concurrent run leaves, and how the next run deals with it.

Hidden temporaries (they may hold a private key) are removed by the next run and by `plan check`/`pki
list`, which say so; SIGTERM exits 143 and SIGINT 130 with one line that names what was made; a second
`plan apply` on a folder another run holds says so instead of asking for --force.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmswizard.pki.leftovers import is_leftover, temp_name

from helpers.hostile_plans import plan_text

ROOT = Path(__file__).resolve().parent.parent


def _applied_site(cli, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    plan = folder / "site.toml"
    plan.write_text(plan_text())
    assert cli("plan", "apply", str(plan)).code == 0
    return plan


def test_plan_check_removes_an_interrupted_runs_temporaries_and_says_so(cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    plan = _applied_site(cli, site)
    key = site / "cb.key"
    stale_copy = site / temp_name("cb.key")
    stale_copy.write_bytes(key.read_bytes())
    second_link = site / ".cmswizard-0123456789abcdef.old"
    os.link(key, second_link)
    unrelated = site / ".notes.tmp"
    unrelated.write_text("mine\n")
    assert is_leftover(stale_copy.name) and is_leftover(second_link.name) and not is_leftover(unrelated.name)
    result = cli("plan", "check", str(plan))
    assert "removed 2 temporary file(s) an interrupted run left in" in result.err
    assert not stale_copy.exists() and not second_link.exists()
    assert unrelated.exists() and key.stat().st_nlink == 1


def test_every_write_removes_leftovers_first_and_pki_list_names_what_it_cannot(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / temp_name("x.key")
    stale.write_bytes(b"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
    result = cli("pki", "csr", "x", "CN:x.example.com", "--key", "ec256", "--dir", str(tmp_path))
    assert result.code == 0, result.err
    assert "removed 1 temporary file(s)" in result.err and not stale.exists()
    assert not [p for p in tmp_path.iterdir() if is_leftover(p.name)]

    stuck = tmp_path / temp_name("y.key")
    stuck.write_bytes(b"secret\n")
    real_unlink = os.unlink

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        if str(path).endswith(stuck.name):
            raise PermissionError(13, "Permission denied")
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", refuse)
    result = cli("pki", "list", str(tmp_path))
    assert result.code == 0
    assert "could not remove 1 temporary file(s)" in result.err and stuck.name in result.err


def _slow_plan(folder: Path) -> Path:
    """Eight RSA-4096 keys: long enough to be interrupted in the middle."""
    rows = "".join(
        f'\n[[certificate]]\nbasename = "k{n}"\ncn = "cms1.example.com"\nsan = ["cms1.example.com"]\nservices = []\n'
        for n in range(8)
    )
    text = plan_text().replace('topology = "single"', 'topology = "single"\nkey_type = "rsa4096"') + rows
    folder.mkdir(exist_ok=True)
    (folder / "site.toml").write_text(text)
    return folder / "site.toml"


@pytest.mark.parametrize(
    "signum, code, word", [(signal.SIGTERM, 143, "terminated (SIGTERM)"), (signal.SIGINT, 130, "interrupted")]
)
def test_a_signal_mid_apply_exits_with_its_code_and_names_what_was_made(
    tmp_path: Path, signum: int, code: int, word: str
) -> None:
    plan = _slow_plan(tmp_path / "site")
    process = subprocess.Popen(
        [sys.executable, "-m", "cmswizard", "plan", "apply", str(plan)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    assert process.stderr is not None
    seen = 0
    for line in process.stderr:  # wait until two keys are being made: the first is then complete
        if "making" in line:
            seen += 1
            if seen == 3:
                break
    process.send_signal(signum)
    rest = process.stderr.read()
    returncode = process.wait(60)
    process.stderr.close()
    assert process.stdout is not None
    process.stdout.close()
    assert returncode == code, rest
    assert "Traceback" not in rest
    last = rest.strip().splitlines()[-1]
    assert last.startswith(f"cmswizard: {word}; made before that, each complete: cb.key, cb.csr"), last
    assert f"run `cmswizard plan apply {plan}` again" in last
    made = sorted(p.name for p in plan.parent.glob("*.key"))
    for name in made:  # every key has its CSR: both or neither
        assert (plan.parent / name.replace(".key", ".csr")).exists(), made
    assert not [p for p in plan.parent.iterdir() if is_leftover(p.name)]


def test_a_second_apply_on_a_held_folder_says_so(cli, tmp_path: Path) -> None:
    plan = _slow_plan(tmp_path / "site")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(plan.parent)!r}, os.O_RDONLY)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        result = cli("plan", "apply", str(plan))
        assert time.monotonic() - started < 10
        assert result.code == 2
        assert "another run holds the folder" in result.err and "--force" not in result.err
        assert sorted(p.name for p in plan.parent.iterdir()) == ["site.toml"]
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def _db_plan_text() -> str:
    return (
        plan_text().replace('topology = "single"', 'topology = "single"')
        + '\n[database]\ndomain = "example.com"\nprimary = "cms1.example.com"\njoin = []\nconnect = []\nrenewal = false\n'
    )


@pytest.mark.parametrize(
    "lost",
    [
        ("dbserver.crt",),
        ("dbclient.key", "dbclient.csr", "dbclient.crt"),
        ("dbserver.key", "dbserver.csr", "dbserver.crt"),
    ],
)
def test_a_half_made_db_set_with_its_ca_is_finished_and_said(cli, tmp_path: Path, lost: tuple[str, ...]) -> None:
    """A kill at the link step left part of the database-cluster set: the next apply finishes it from dbca."""
    site = tmp_path / "site"
    site.mkdir()
    plan = site / "site.toml"
    plan.write_text(_db_plan_text())
    assert cli("plan", "apply", str(plan)).code == 0
    kept = {name: (site / name).read_bytes() for name in ("dbca.key", "dbca.crt", "dbserver.key")}
    for name in lost:
        (site / name).unlink()
    check = cli("plan", "check", str(plan))
    assert "left the database-cluster set half made; apply finishes it" in check.out
    result = cli("plan", "apply", str(plan))
    assert result.code == 0, result.out + result.err
    assert "restore it, or move the others away" not in result.out
    for name in lost:
        assert (site / name).exists(), name
    assert "finished the database-cluster set an interrupted run left half made" in result.out
    for name, data in kept.items():
        if name not in lost:
            assert (site / name).read_bytes() == data  # what was there is kept
    for node in ("dbserver", "dbclient"):
        assert cli("pki", "match", str(site / f"{node}.key"), str(site / f"{node}.crt")).code == 0
        assert cli("pki", "verify", str(site / f"{node}.crt"), str(site / "dbca.crt")).code == 0


def test_a_db_set_without_its_ca_is_not_finished(cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    plan = site / "site.toml"
    plan.write_text(_db_plan_text())
    assert cli("plan", "apply", str(plan)).code == 0
    (site / "dbca.key").unlink()
    (site / "dbserver.crt").unlink()
    result = cli("plan", "apply", str(plan))
    assert result.code == 1
    assert "restore it, or move the others away" in result.out
    assert not (site / "dbserver.crt").exists()


def test_another_threads_temporaries_are_not_swept_while_it_writes(tmp_path: Path) -> None:
    """A worker thread writing into a folder holds it; a sweep from another thread of the same process
    (a second task on the runner, a concurrent writer) must leave that thread's temporary alone."""
    import threading

    from cmswizard.pki.leftovers import holding, remove_leftovers

    in_progress = tmp_path / temp_name("cb.key")
    holding_now = threading.Event()
    swept = threading.Event()

    def writer() -> None:
        with holding([tmp_path]):
            in_progress.write_bytes(b"half a key")
            holding_now.set()
            swept.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    assert holding_now.wait(10)
    try:
        assert remove_leftovers(tmp_path, report=False) == ([], [])
        assert in_progress.exists()
    finally:
        swept.set()
        thread.join()
    assert remove_leftovers(tmp_path, report=False) == ([in_progress.name], [])
