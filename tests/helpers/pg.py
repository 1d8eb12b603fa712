"""A throwaway PostgreSQL server on 127.0.0.1 with TLS and client-certificate authentication,
set up the way a CMS database cluster uses dbca/dbserver/dbclient."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.servers import LoopbackServer


def postgres_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class PgServer:
    port: int
    psql: Path

    def connect(self, root: Path, cert: Path, key: Path) -> subprocess.CompletedProcess[str]:
        """psql as user postgres over TLS with verify-ca, as a CMS node connects."""
        dsn = (
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres sslmode=verify-ca "
            f"sslrootcert={root} sslcert={cert} sslkey={key} connect_timeout=10"
        )
        return subprocess.run(
            [
                str(self.psql),
                dsn,
                "-tAc",
                "select 'connected over ' || version from pg_stat_ssl where pid = pg_backend_pid()",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PGPASSWORD": "", "HOME": "/nonexistent"},
        )


class _Postgres(LoopbackServer):
    """initdb in `prepare()`; each start writes the port into postgresql.conf and runs `pg_ctl start -w`."""

    name = "PostgreSQL"
    startup_seconds = 60.0
    attempts = 3  # the port may be taken between picking it and the postmaster binding it

    def __init__(self, bindir: Path, server_cert: Path, server_key: Path, ca_cert: Path) -> None:
        super().__init__("127.0.0.1")
        self.bindir = bindir
        self.files = {"server.crt": server_cert, "server.key": server_key, "ca.crt": ca_cert}
        as_root = os.geteuid() == 0
        self.as_root = as_root
        self.prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
        self.base = Path(tempfile.mkdtemp(prefix="cmswizard-pg-"))
        self.data = self.base / "data"
        self.failure: str | None = None

    def prepare(self) -> None:
        base = self.base
        for name, source in self.files.items():
            shutil.copyfile(source, base / name)
            (base / name).chmod(0o600)
        if self.as_root:
            shutil.chown(base, "postgres")
            for name in self.files:
                shutil.chown(base / name, "postgres")
        subprocess.run(
            [
                *self.prefix,
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\nhostssl all postgres 127.0.0.1/32 cert\n"  # a client certificate, or nothing
        )
        self.conf = (self.data / "postgresql.conf").read_text()

    def start(self) -> None:
        base = self.base
        (self.data / "postgresql.conf").write_text(
            self.conf + f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{base}'\n"
            f"ssl = on\nssl_cert_file = '{base / 'server.crt'}'\nssl_key_file = '{base / 'server.key'}'\n"
            f"ssl_ca_file = '{base / 'ca.crt'}'\nfsync = off\n"
        )
        started = subprocess.run(
            [
                *self.prefix,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(base / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.failure = None
        if started.returncode != 0:
            log = (base / "log").read_text() if (base / "log").exists() else ""
            self.failure = f"{started.stderr}{log[-2000:]}"

    def exited(self) -> str | None:
        return self.failure

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [*self.prefix, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=120,
            )

    def clean_up(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


@contextlib.contextmanager
def running_postgres(server_cert: Path, server_key: Path, ca_cert: Path) -> Iterator[PgServer]:
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package 'postgresql'; .ci/run installs it)")
    with _Postgres(bindir, server_cert, server_key, ca_cert) as server:
        yield PgServer(
            server.port, bindir / "psql" if (bindir / "psql").exists() else Path(shutil.which("psql") or "psql")
        )
