"""A throwaway OpenSSH server on 127.0.0.1 with internal-sftp, standing in for a CMS node's MMP.

It runs as root (sshd needs it to switch to the login user) from a temporary config with its own
host key, a temporary local user with a password (set with chpasswd) and its own authorized_keys
file, and an upload folder the user owns. Everything is removed afterwards, the user included.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SSHD = Path("/usr/sbin/sshd")


def sshd_missing_reason() -> str | None:
    if not SSHD.exists():
        return "OpenSSH server not installed (apt-get install openssh-server; .ci/run does it)"
    if os.geteuid() != 0:
        return "sshd must run as root to log a test user in (CI runs as root)"
    if shutil.which("useradd") is None or shutil.which("chpasswd") is None:
        return "useradd/chpasswd not found"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SshServer:
    port: int
    user: str
    password: str
    host_key_public: Path  # "<type> <base64>" as ssh-keygen writes it
    client_key: Path  # an OpenSSH private key in authorized_keys
    upload_dir: Path  # what the user sees as its top folder over SFTP
    process: subprocess.Popen[bytes]
    root: Path

    @property
    def host_key_line(self) -> str:
        key_type, key_base64 = self.host_key_public.read_text().split()[:2]
        return f"[127.0.0.1]:{self.port} {key_type} {key_base64}\n"

    def host_fingerprint(self) -> str:
        done = subprocess.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", str(self.host_key_public)],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.split()[1]

    def session_pids(self) -> list[int]:
        """Every process serving a connection: the listener's children (monitors) and theirs (sessions)."""
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError, IndexError, ValueError):
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    parents[int(entry.name)] = int(fields[1])
        found: list[int] = []
        wanted = {self.process.pid}
        while True:
            children = [pid for pid, parent in parents.items() if parent in wanted and pid not in found]
            if not children:
                return found
            found += children
            wanted = set(children)

    def cut_connections(self) -> None:
        """Kill the sshd processes serving the current connections, as a crash or a lost link would."""
        for pid in self.session_pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def fill_disk(self, size_kb: int) -> None:
        """Put the upload folder on a tmpfs of `size_kb`: a full MMP disk (unmounted at the end)."""
        _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(self.upload_dir))
        shutil.chown(self.upload_dir, self.user, self.user)


def _run(*argv: str, stdin: str | None = None) -> None:
    subprocess.run(list(argv), input=stdin, capture_output=True, text=True, check=True, timeout=60)


@contextlib.contextmanager
def running_sshd(sftp_options: str = "") -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        raise RuntimeError(reason)
    root = Path(tempfile.mkdtemp(prefix="cmswizard-sshd-"))
    root.chmod(0o755)  # the login user reads authorized_keys and works in upload/
    user = f"cmswt{secrets.token_hex(3)}"
    password = "pw-" + secrets.token_urlsafe(12)
    process: subprocess.Popen[bytes] | None = None
    user_made = False
    try:
        Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)  # sshd's privilege-separation folder
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "host_key"))
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "client_key"))
        shutil.copy(root / "client_key.pub", root / "authorized_keys")
        (root / "authorized_keys").chmod(0o644)
        _run("useradd", "--no-create-home", "--home-dir", str(root / "upload"), "--shell", "/bin/sh", user)
        user_made = True
        _run("chpasswd", stdin=f"{user}:{password}\n")
        upload = root / "upload"
        upload.mkdir()
        shutil.chown(upload, user, user)
        port = _free_port()
        (root / "sshd_config").write_text(
            f"Port {port}\n"
            "ListenAddress 127.0.0.1\n"
            f"HostKey {root / 'host_key'}\n"
            f"PidFile {root / 'sshd.pid'}\n"
            "UsePAM no\n"
            "StrictModes no\n"
            f"AuthorizedKeysFile {root / 'authorized_keys'}\n"
            "PasswordAuthentication yes\n"
            "KbdInteractiveAuthentication no\n"
            "PubkeyAuthentication yes\n"
            "PermitRootLogin no\n"
            f"AllowUsers {user}\n"
            "MaxAuthTries 3\n"
            f"Subsystem sftp internal-sftp -d {upload} {sftp_options}\n"
        )
        with open(root / "sshd.log", "wb") as log:  # the child keeps its own copy of the descriptor
            process = subprocess.Popen(
                [str(SSHD), "-D", "-e", "-f", str(root / "sshd_config")], stdout=subprocess.DEVNULL, stderr=log
            )
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"sshd exited: {(root / 'sshd.log').read_text()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("sshd did not start listening")
            time.sleep(0.05)
        yield SshServer(port, user, password, root / "host_key.pub", root / "client_key", upload, process, root)
    finally:
        if process is not None:
            SshServer(0, user, "", root, root, root / "upload", process, root).cut_connections()
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if os.path.ismount(root / "upload"):
            subprocess.run(["umount", str(root / "upload")], capture_output=True, check=False)
        if user_made:
            subprocess.run(["userdel", user], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)
