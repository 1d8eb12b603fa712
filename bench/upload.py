"""`cmswizard upload` of 20 files (each read back and compared) against `sftp -b` putting the same
files and getting them back, both whole processes, against the same throwaway OpenSSH server as
the tests use (it needs root, as sshd does to log a user in).

`bench/run.py` calls `bench_upload(row, python, runs)`; `python bench/upload.py` prints the figures.
Before every run of either side the upload folder (and the folder `sftp` reads back into) is
emptied, so both sides always create every file.
"""

from __future__ import annotations

import base64
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import CMSWIZARD, QUICK, Row, ms, paired

BENCH = Path(__file__).parent
FILES = 20
RUNS = 5 if QUICK else 15


def _files(folder: Path) -> list[Path]:
    """20 files of the sizes a node's upload has (certificates, bundles, keys: 1–6 KB of PEM text)."""
    paths = []
    for number in range(FILES):
        body = secrets.token_bytes(900 + 250 * number)
        text = b"".join(base64.b64encode(body[i : i + 48]) + b"\n" for i in range(0, len(body), 48))
        path = folder / f"node{number:02d}.pem"
        path.write_bytes(b"-----BEGIN CERTIFICATE-----\n" + text + b"-----END CERTIFICATE-----\n")
        paths.append(path)
    return paths


def _empty(folder: Path) -> None:
    for entry in folder.iterdir():
        entry.unlink()


def measure(python: str, runs: int) -> dict[str, list[float]] | str:
    """Seconds per run of each side, the order reversed every other round; a reason when it cannot run."""
    from helpers.sshd import running_sshd, sshd_missing_reason  # the tests' server

    if (reason := sshd_missing_reason()) or shutil.which("sftp") is None:
        return reason or "the OpenSSH client (sftp) is not installed"
    with tempfile.TemporaryDirectory(prefix="cmswizard-upload-bench-") as work_name, running_sshd() as server:
        work = Path(work_name)
        files = _files(work)
        back = work / "back"
        back.mkdir()
        known_hosts = work / "known_hosts"
        known_hosts.write_text(server.host_key_line)
        key = work / "client_key"  # ssh refuses a key others can read: our own 0600 copy
        shutil.copy(server.client_key, key)
        key.chmod(0o600)
        ours = [
            *CMSWIZARD,
            *("upload", "--host", "127.0.0.1", "--port", str(server.port)),
            *("--user", server.user, "--identity", str(key), "--known-hosts", str(known_hosts)),
            *(str(path) for path in files),
        ]
        batch = work / "batch"
        batch.write_text(
            "".join(f"put {path} {path.name}\n" for path in files)
            + "".join(f"get {path.name} {back / path.name}\n" for path in files)
        )
        theirs = [
            *("sftp", "-q", "-b", str(batch), "-F", "/dev/null", "-i", str(key), "-P", str(server.port)),
            *("-o", f"UserKnownHostsFile={known_hosts}", "-o", "StrictHostKeyChecking=yes"),
            *("-o", "BatchMode=yes", f"{server.user}@127.0.0.1"),
        ]
        paramiko_floor = [
            *(python, str(BENCH / "upload_floor.py"), "127.0.0.1", str(server.port), server.user, str(key)),
            *(str(known_hosts), *(str(path) for path in files)),
        ]
        sides = {"cmswizard": ours, "sftp": theirs, "paramiko": paramiko_floor}
        samples: dict[str, list[float]] = {name: [] for name in sides}
        env = {**os.environ, "HOME": work_name}
        for number in range(runs):
            for name in list(sides) if number % 2 == 0 else list(sides)[::-1]:
                _empty(server.upload_dir)
                _empty(back)
                started = time.perf_counter()
                done = subprocess.run(sides[name], capture_output=True, text=True, env=env, cwd=work)
                samples[name].append(time.perf_counter() - started)
                if done.returncode != 0:
                    raise RuntimeError(f"upload bench, {name}: {done.stderr.strip()[-300:]}")
                if name == "sftp":  # (the paramiko floor compares what it gets back itself)
                    for path in files:
                        assert (back / path.name).read_bytes() == path.read_bytes()
                assert len(list(server.upload_dir.iterdir())) == FILES, (
                    f"{name} left {list(server.upload_dir.iterdir())}"
                )
        return samples


def bench_upload(row: Row, python: str, runs: int = RUNS) -> None:
    what = f"`upload` of {FILES} files, each read back and compared, whole process"
    samples = measure(python, runs)
    if isinstance(samples, str):
        row(what, "not measured", samples, "≤ 1.1×", None)
        return
    ratio, shown = paired(samples["cmswizard"], samples["sftp"])
    _, paramiko_shown = paired(samples["cmswizard"], samples["paramiko"])
    row(
        what,
        ms(samples["cmswizard"]),
        f"`sftp -b` putting the same files and getting them back (OpenSSH, same server) {ms(samples['sftp'])} "
        f"→ {shown}; paramiko alone doing the same puts and gets (bench/upload_floor.py, no checks, no temporary "
        f"names) {ms(samples['paramiko'])} → {paramiko_shown}",
        "≤ 1.1×",
        ratio <= 1.1,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH.parent / "tests"))

    def _print(what: str, ours: str, reference: str, target: str, met: bool | None) -> None:
        print(f"| {what} | {ours} | {reference} | {target} | {met} |")

    bench_upload(_print, sys.executable, int(sys.argv[1]) if len(sys.argv) > 1 else 5)
