"""A DB set signed by the enterprise CA (TAC 210530) is checked like every other certificate (issue 14
item 3): the DB client needs clientAuth and the CN postgres, the DB server serverAuth. A real PostgreSQL
shows these are exactly the sets it refuses, so `deploy` exits 1 on them with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from helpers.factory import Issued, issue
from helpers.pg import postgres_bin, running_postgres

SERVER, CLIENT = ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH


def _write(folder: Path, name: str, issued: Issued) -> None:
    (folder / f"{name}.crt").write_bytes(issued.pem)
    (folder / f"{name}.key").write_bytes(issued.key_pem)
    (folder / f"{name}.key").chmod(0o600)


@pytest.fixture
def db_set(tmp_path: Path) -> Path:
    """Good and bad enterprise-CA DB certificates, named as an admin might name them."""
    folder = tmp_path / "files"
    folder.mkdir()
    root = issue("Corp Root CA", ca=True)
    (folder / "corp-ca.pem").write_bytes(root.pem)
    for name, cn, eku in (
        ("cmsdb-server", "cms1.example.com", [SERVER]),
        ("cmsdb-server-clientonly", "cms1.example.com", [CLIENT]),
        ("cmsdb-client", "postgres", [CLIENT]),
        ("cmsdb-client-serveronly", "postgres", [SERVER]),
        ("cmsdb-client-wrongcn", "cms1.example.com", [CLIENT]),
    ):
        _write(folder, name, issue(cn, root, eku=eku))
    return folder


def _deploy(cli, folder: Path, server: str, client: str):
    return cli(
        "deploy",
        *("--node", "cms1.example.com", "--node", "cms2.example.com"),
        *("--db-primary", "cms1.example.com", "--db-join", "cms2.example.com", "--db-enterprise-ca"),
        *("--db-files", f"{server}.key", f"{server}.crt", f"{client}.key", f"{client}.crt", "corp-ca.pem"),
        *("--files-in", str(folder)),
    )


def test_deploy_accepts_a_right_enterprise_db_set(cli, db_set: Path) -> None:
    done = _deploy(cli, db_set, "cmsdb-server", "cmsdb-client")
    assert done.code == 0, done.err
    assert (
        "database cluster certs cmsdb-server.key cmsdb-server.crt cmsdb-client.key cmsdb-client.crt corp-ca.pem"
        in done.out
    )


@pytest.mark.parametrize(
    ("server", "client", "reason"),
    [
        (
            "cmsdb-server",
            "cmsdb-client-serveronly",
            "cmsdb-client-serveronly.crt: the database client needs clientAuth",
        ),
        ("cmsdb-server", "cmsdb-client-wrongcn", "CN must be exactly postgres, not cms1.example.com"),
        (
            "cmsdb-server-clientonly",
            "cmsdb-client",
            "cmsdb-server-clientonly.crt: the database server needs serverAuth",
        ),
    ],
)
def test_deploy_refuses_a_db_set_postgresql_refuses(cli, db_set: Path, server: str, client: str, reason: str) -> None:
    done = _deploy(cli, db_set, server, client)
    assert done.code == 1
    assert reason in done.err
    assert "Traceback" not in done.err and done.out == ""


@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL is not installed (.ci/run installs it)")
def test_postgresql_refuses_exactly_what_the_check_flags(db_set: Path) -> None:
    ca = db_set / "corp-ca.pem"
    with running_postgres(db_set / "cmsdb-server.crt", db_set / "cmsdb-server.key", ca) as server:
        for client, connects in (
            ("cmsdb-client", True),
            ("cmsdb-client-serveronly", False),
            ("cmsdb-client-wrongcn", False),
        ):
            done = server.connect(ca, db_set / f"{client}.crt", db_set / f"{client}.key")
            assert (done.returncode == 0) is connects, (client, done.stdout + done.stderr)
    with running_postgres(db_set / "cmsdb-server-clientonly.crt", db_set / "cmsdb-server-clientonly.key", ca) as server:
        done = server.connect(ca, db_set / "cmsdb-client.crt", db_set / "cmsdb-client.key")
        assert done.returncode != 0 and "certificate verify failed" in done.stderr


def test_dbcluster_renewal_says_remove_before_making_the_set_on_the_box(cli, tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    done = cli(
        "dbcluster",
        *("--domain", "example.com", "--primary", "cms1.example.com", "--join", "cms2.example.com"),
        *("--dir", str(tmp_path / "db"), "--renewal"),
    )
    assert done.code == 0, done.err
    out = done.out
    assert out.index("database cluster remove") < out.index("#   pki selfsigned dbca CN:example.com")
    assert out.index("#   pki sign dbclient dbca") < out.index("database cluster certs dbserver.key")
