"""A throwaway PostgreSQL server on 127.0.0.1 with TLS and client-certificate authentication,
set up the way a CMS database cluster uses dbca/dbserver/dbclient."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def postgres_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


@contextlib.contextmanager
def running_postgres(server_cert: Path, server_key: Path, ca_cert: Path) -> Iterator[PgServer]:
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package 'postgresql'; .ci/run installs it)")
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="cmswizard-pg-"))
    data = base / "data"
    try:
        for name, source in (("server.crt", server_cert), ("server.key", server_key), ("ca.crt", ca_cert)):
            shutil.copyfile(source, base / name)
            (base / name).chmod(0o600)
        if as_root:
            shutil.chown(base, "postgres")
            for name in ("server.crt", "server.key", "ca.crt"):
                shutil.chown(base / name, "postgres")
        subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync"],
            check=True,
            capture_output=True,
            timeout=120,
        )
        port = _free_port()
        (data / "pg_hba.conf").write_text(
            "local all all trust\nhostssl all postgres 127.0.0.1/32 cert\n"  # a client certificate, or nothing
        )
        with (data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{base}'\n"
                f"ssl = on\nssl_cert_file = '{base / 'server.crt'}'\nssl_key_file = '{base / 'server.key'}'\n"
                f"ssl_ca_file = '{base / 'ca.crt'}'\nfsync = off\n"
            )
        started = subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-t", "60", "start"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if started.returncode != 0:
            log = (base / "log").read_text() if (base / "log").exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {started.stderr}{log[-2000:]}")
        try:
            yield PgServer(
                port, bindir / "psql" if (bindir / "psql").exists() else Path(shutil.which("psql") or "psql")
            )
        finally:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=120,
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)
