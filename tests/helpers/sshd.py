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
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.servers import ProcessServer

SSHD = Path("/usr/sbin/sshd")


def sshd_missing_reason() -> str | None:
    if not SSHD.exists():
        return "OpenSSH server not installed (apt-get install openssh-server; .ci/run does it)"
    if os.geteuid() != 0:
        return "sshd must run as root to log a test user in (CI runs as root)"
    if shutil.which("useradd") is None or shutil.which("chpasswd") is None:
        return "useradd/chpasswd not found"
    return None


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


class _Sshd(ProcessServer):
    """sshd -D from a temporary config, host key, login user (with a password and an authorized key) and
    upload folder, all made in `prepare()` and removed in `clean_up()`, the user included."""

    name = "sshd"
    attempts = 3  # the port may be taken between picking it and sshd binding it

    def __init__(self, sftp_options: str) -> None:
        super().__init__("127.0.0.1")
        self.sftp_options = sftp_options
        self.root = Path(tempfile.mkdtemp(prefix="cmswizard-sshd-"))
        self.root.chmod(0o755)  # the login user reads authorized_keys and works in upload/
        self.user = f"cmswt{secrets.token_hex(3)}"
        self.password = "pw-" + secrets.token_urlsafe(12)
        self.user_made = False

    @property
    def upload(self) -> Path:
        return self.root / "upload"

    def prepare(self) -> None:
        root = self.root
        Path("/run/sshd").mkdir(mode=0o755, parents=True, exist_ok=True)  # sshd's privilege-separation folder
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "host_key"))
        _run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(root / "client_key"))
        shutil.copy(root / "client_key.pub", root / "authorized_keys")
        (root / "authorized_keys").chmod(0o644)
        _run("useradd", "--no-create-home", "--home-dir", str(self.upload), "--shell", "/bin/sh", self.user)
        self.user_made = True
        _run("chpasswd", stdin=f"{self.user}:{self.password}\n")
        self.upload.mkdir()
        shutil.chown(self.upload, self.user, self.user)

    def command(self) -> list[str]:
        root = self.root
        (root / "sshd_config").write_text(
            f"Port {self.port}\n"
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
            f"AllowUsers {self.user}\n"
            "MaxAuthTries 3\n"
            f"Subsystem sftp internal-sftp -d {self.upload} {self.sftp_options}\n"
        )
        return [str(SSHD), "-D", "-e", "-f", str(root / "sshd_config")]

    def popen(self, argv: list[str]) -> subprocess.Popen[bytes]:
        with open(self.root / "sshd.log", "wb") as log:  # the child keeps its own copy of the descriptor
            return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=log)

    def exited(self) -> str | None:
        if self.process is None or self.process.poll() is None:
            return None
        return (self.root / "sshd.log").read_text()

    def server(self) -> SshServer:
        assert self.process is not None
        root = self.root
        return SshServer(
            self.port,
            self.user,
            self.password,
            root / "host_key.pub",
            root / "client_key",
            self.upload,
            self.process,
            root,
        )

    def stop(self) -> None:
        if self.process is not None:
            SshServer(0, self.user, "", self.root, self.root, self.upload, self.process, self.root).cut_connections()
        super().stop()

    def clean_up(self) -> None:
        if os.path.ismount(self.upload):
            subprocess.run(["umount", str(self.upload)], capture_output=True, check=False)
        if self.user_made:
            subprocess.run(["userdel", self.user], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def running_sshd(sftp_options: str = "") -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        raise RuntimeError(reason)
    with _Sshd(sftp_options) as sshd:
        yield sshd.server()
