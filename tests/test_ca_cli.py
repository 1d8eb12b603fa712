"""The rest of the `pki` family through the CLI, against `openssl` and a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from helpers.pg import postgres_bin, running_postgres

TECH_NOTE_FLOW = [
    ("pki", "selfsigned", "dbca", "CN:tplab.local"),
    ("pki", "csr", "dbserver", "CN:cmscore1.example.com", "subjectAltName:cmscore2.example.com,cmscore3.example.com"),
    ("pki", "csr", "dbclient", "CN:postgres"),
    ("pki", "sign", "dbserver", "dbca"),
    ("pki", "sign", "dbclient", "dbca"),
]


@pytest.fixture
def db_files(cli, tmp_path: Path) -> Path:
    for argv in TECH_NOTE_FLOW:
        result = cli(*argv)
        assert result.code == 0, (argv, result.err)
    return tmp_path


def _openssl_verify(ca: Path, cert: Path, *extra: str) -> bool:
    done = subprocess.run(["openssl", "verify", *extra, "-CAfile", str(ca), str(cert)], capture_output=True, text=True)
    return done.returncode == 0


def test_tech_note_db_flow(cli, db_files: Path) -> None:
    assert cli("pki", "verify", "dbserver.crt", "dbca.crt").code == 0
    assert cli("pki", "verify", "dbclient.crt", "dbca.crt").code == 0
    assert cli("pki", "match", "dbserver.key", "dbserver.crt").code == 0
    assert cli("pki", "match", "dbclient.key", "dbclient.csr").code == 0
    mismatch = cli("pki", "match", "dbclient.key", "dbserver.crt")
    assert mismatch.code == 1 and "no match" in mismatch.err
    server = x509.load_pem_x509_certificate((db_files / "dbserver.crt").read_bytes())
    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == [
        "cmscore1.example.com",
        "cmscore2.example.com",
        "cmscore3.example.com",
    ]
    eku = server.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
    client = x509.load_pem_x509_certificate((db_files / "dbclient.crt").read_bytes())
    assert list(client.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value) == [
        ExtendedKeyUsageOID.CLIENT_AUTH
    ]
    assert server.serial_number.bit_length() <= 159 and server.serial_number > 0
    ca = x509.load_pem_x509_certificate((db_files / "dbca.crt").read_bytes())
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    assert (server.not_valid_after_utc - server.not_valid_before_utc).days == 825
    assert (ca.not_valid_after_utc - ca.not_valid_before_utc).days == 3650
    assert (db_files / "dbca.key").stat().st_mode & 0o777 == 0o600


def test_openssl_agrees_on_valid_and_broken(cli, db_files: Path, tmp_path: Path) -> None:
    # valid
    assert _openssl_verify(db_files / "dbca.crt", db_files / "dbserver.crt")
    assert cli("pki", "verify", "dbserver.crt", "dbca.crt").code == 0
    # wrong CA
    other = tmp_path / "other"
    other.mkdir()
    assert cli("pki", "selfsigned", "dbca", "CN:tplab.local", "--dir", str(other)).code == 0
    assert not _openssl_verify(other / "dbca.crt", db_files / "dbserver.crt")
    wrong = cli("pki", "verify", "dbserver.crt", str(other / "dbca.crt"))
    assert wrong.code == 1 and "a different CA with the same name tplab.local" in wrong.err
    # expired (checked at a later date by both)
    later = "2040-01-01"
    assert not _openssl_verify(db_files / "dbca.crt", db_files / "dbserver.crt", "-attime", "2208988800")
    expired = cli("pki", "verify", "dbserver.crt", "dbca.crt", "--at", later)
    assert expired.code == 1 and "expired on" in expired.err
    # tampered signature
    cert = x509.load_pem_x509_certificate((db_files / "dbserver.crt").read_bytes())
    der = bytearray(cert.public_bytes(Encoding.DER))
    der[-5] ^= 0x55
    tampered = tmp_path / "tampered.der"
    tampered.write_bytes(bytes(der))
    assert not _openssl_verify(db_files / "dbca.crt", tampered)
    broken = cli("pki", "verify", str(tampered), "dbca.crt")
    assert broken.code == 1 and "signature does not match" in broken.err


def test_sign_refuses_broken_csr_and_mismatched_ca(cli, db_files: Path) -> None:
    csr = (db_files / "dbserver.csr").read_bytes()
    loaded = x509.load_pem_x509_csr(csr)
    der = bytearray(loaded.public_bytes(Encoding.DER))
    der[-3] ^= 0x01
    import base64

    body = base64.encodebytes(bytes(der)).replace(b"\n", b"")
    lines = b"\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    (db_files / "bad.csr").write_bytes(
        b"-----BEGIN CERTIFICATE REQUEST-----\n" + lines + b"\n-----END CERTIFICATE REQUEST-----\n"
    )
    result = cli("pki", "sign", "bad", "dbca")
    assert result.code == 2 and "signature that does not verify" in result.err
    assert not (db_files / "bad.crt").exists()
    (db_files / "mixed.key").write_bytes((db_files / "dbserver.key").read_bytes())
    (db_files / "mixed.crt").write_bytes((db_files / "dbca.crt").read_bytes())
    (db_files / "mixed.key").chmod(0o600)
    result = cli("pki", "sign", "dbclient", "mixed", "--force")
    assert result.code == 2 and "does not belong to the CA key" in result.err
    result = cli("pki", "sign", "dbclient", "dbserver", "--force")
    assert result.code == 2 and "is not a CA certificate" in result.err
    again = cli("pki", "sign", "dbclient", "dbca")
    assert again.code == 2 and "already exists" in again.err


def test_inspect_text_and_json(cli, db_files: Path) -> None:
    text = cli("pki", "inspect", "dbserver.crt")
    assert text.code == 0
    for expected in (
        "Subject:            CN=cmscore1.example.com",
        "DNS:cmscore2.example.com",
        "valid, expires in 82",
        "RSA 2048",
        "sha256WithRSAEncryption",
        "CA:FALSE",
        "serverAuth, clientAuth",
        "SHA-1:",
    ):
        assert expected in text.out
    data = json.loads(cli("pki", "inspect", "dbserver.crt", "--json").out)
    assert data[0]["kind"] == "certificate"
    assert data[0]["san"] == ["DNS:cmscore1.example.com", "DNS:cmscore2.example.com", "DNS:cmscore3.example.com"]
    assert 820 <= data[0]["days_left"] <= 825
    key = cli("pki", "inspect", "dbserver.key")
    assert key.code == 0 and "private key" in key.out and "RSA 2048" in key.out
    assert "BEGIN" not in key.out and "PRIVATE" not in key.out
    csr = cli("pki", "inspect", "dbserver.csr")
    assert "signature verifies" in csr.out


def test_inspect_pkcs12_with_password_file(cli, db_files: Path) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, load_pem_private_key

    key = load_pem_private_key((db_files / "dbserver.key").read_bytes(), None)
    cert = x509.load_pem_x509_certificate((db_files / "dbserver.crt").read_bytes())
    ca = x509.load_pem_x509_certificate((db_files / "dbca.crt").read_bytes())
    pfx = pkcs12.serialize_key_and_certificates(b"srv", key, cert, [ca], BestAvailableEncryption(b"s3cret"))  # type: ignore[arg-type]
    (db_files / "srv.pfx").write_bytes(pfx)
    (db_files / "pw").write_text("s3cret\n")
    (db_files / "bad-pw").write_text("nope\n")
    ok = cli("pki", "inspect", "srv.pfx", "--password-file", "pw")
    assert ok.code == 0 and ok.out.count("Type:") == 3 and "CN=tplab.local" in ok.out
    wrong = cli("pki", "inspect", "srv.pfx", "--password-file", "bad-pw")
    assert wrong.code == 2 and "wrong password" in wrong.err
    missing = cli("pki", "inspect", "srv.pfx")
    assert missing.code == 2 and "--password-file" in missing.err


def test_list_shows_pairs(cli, db_files: Path) -> None:
    result = cli("pki", "list")
    assert result.code == 0
    row = next(line for line in result.out.splitlines() if line.startswith("dbserver.key"))
    assert "dbserver.crt" in row and "dbserver.csr" in row and "dbclient" not in row


BAD_FILES = [
    ("empty.crt", b"", "is empty"),
    ("corrupt.pem", b"-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n", "invalid base64"),
    (
        "truncated.pem",
        b"-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n",
        "without its -----END line",
    ),
    ("truncated.der", None, "damaged or truncated"),
    ("garbage.bin", bytes(range(256)) * 4, "not a certificate, key or CSR file"),
    ("text.txt", b"hello, this is not a certificate\n", "without a -----BEGIN CERTIFICATE----- block"),
]


@pytest.mark.parametrize("name, data, expected", BAD_FILES)
def test_bad_files_inspect_and_verify(cli, db_files: Path, name: str, data: bytes | None, expected: str) -> None:
    if data is None:
        data = x509.load_pem_x509_certificate((db_files / "dbca.crt").read_bytes()).public_bytes(Encoding.DER)[:200]
    (db_files / name).write_bytes(data)
    before = sorted(p.name for p in db_files.iterdir())
    for argv in (
        ("pki", "inspect", name),
        ("pki", "verify", name, "dbca.crt"),
        ("pki", "verify", "dbserver.crt", name),
        ("pki", "match", "dbserver.key", name),
    ):
        result = cli(*argv)
        assert result.code == 2, argv
        assert expected in result.err and name in result.err
        assert len(result.err.strip().splitlines()) == 1
    assert sorted(p.name for p in db_files.iterdir()) == before


def test_key_where_certificate_expected(cli, db_files: Path) -> None:
    result = cli("pki", "verify", "dbserver.key", "dbca.crt")
    assert result.code == 2 and "holds no certificate" in result.err
    result = cli("pki", "match", "dbserver.crt", "dbserver.key")
    assert result.code == 2 and "holds no private key" in result.err


@pytest.mark.postgres
@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL is not installed (.ci/run installs it)")
def test_postgres_mutual_tls_accepts_db_certs_and_refuses_others(cli, db_files: Path, tmp_path: Path) -> None:
    from cmswizard.pki.ca import Usage, issue_certificate
    from cmswizard.pki.loader import load_file, load_private_key

    other = tmp_path / "other"
    other.mkdir()
    for argv in (
        ("pki", "selfsigned", "dbca", "CN:evil.local"),
        ("pki", "csr", "dbclient", "CN:postgres"),
        ("pki", "sign", "dbclient", "dbca"),
    ):
        assert cli(*argv, "--dir", str(other)).code == 0
    # An expired client certificate from the right CA.
    ca_key = load_private_key(db_files / "dbca.key")
    ca_cert = load_file(db_files / "dbca.crt").certificates[0]
    csr = load_file(db_files / "dbclient.csr").csrs[0]
    old = issue_certificate(
        csr, ca_key, ca_cert, days=1, usage=Usage.CLIENT, now=dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    )
    (tmp_path / "expired.crt").write_bytes(old.certificate.public_bytes(Encoding.PEM))

    with running_postgres(db_files / "dbserver.crt", db_files / "dbserver.key", db_files / "dbca.crt") as server:
        good = server.connect(db_files / "dbca.crt", db_files / "dbclient.crt", db_files / "dbclient.key")
        assert good.returncode == 0, good.stderr
        assert "connected over TLS" in good.stdout
        foreign = server.connect(db_files / "dbca.crt", other / "dbclient.crt", other / "dbclient.key")
        assert foreign.returncode != 0
        expired = server.connect(db_files / "dbca.crt", tmp_path / "expired.crt", db_files / "dbclient.key")
        assert expired.returncode != 0 and "expired" in expired.stderr
        mismatched = server.connect(db_files / "dbca.crt", db_files / "dbclient.crt", db_files / "dbserver.key")
        assert mismatched.returncode != 0
        # The client also checks the server against dbca (verify-ca): a foreign root is refused.
        wrong_root = server.connect(other / "dbca.crt", db_files / "dbclient.crt", db_files / "dbclient.key")
        assert wrong_root.returncode != 0
