"""PKCS#12 export, read back by the real `openssl pkcs12 -info`, with and without -legacy."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers.factory import hierarchy

PASSWORD = "correct horse battery"


@pytest.fixture
def pki_files(tmp_path: Path) -> dict[str, Path]:
    chain = hierarchy(depth=1, rsa_bits=2048)
    files = {
        "key": tmp_path / "callbridge-2026.key",
        "cert": tmp_path / "callbridge-2026.crt",
        "bundle": tmp_path / "callbridge-2026-bundle.crt",
        "password": tmp_path / "p12-password.txt",
    }
    files["key"].write_bytes(chain.leaf.key_pem)
    files["cert"].write_bytes(chain.leaf.pem)
    files["bundle"].write_bytes(chain.intermediates[0].pem + chain.root.pem)
    files["password"].write_text(PASSWORD + "\n")
    return files


def _openssl_info(p12: Path, password_file: Path, *, legacy: bool) -> subprocess.CompletedProcess[str]:
    argv = ["openssl", "pkcs12", "-info", "-in", str(p12), "-passin", f"file:{password_file}", "-nodes"]
    if legacy:
        argv.append("-legacy")
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("legacy_reader", [False, True], ids=["openssl", "openssl-legacy"])
@pytest.mark.parametrize(
    ("flag", "cipher", "mac"),
    [
        ((), "PBES2, PBKDF2, AES-256-CBC", "MAC: sha256"),
        (("--legacy",), "pbeWithSHA1And3-KeyTripleDES-CBC", "MAC: sha1"),
    ],
    ids=["modern", "legacy"],
)
def test_export_p12_reads_back_with_openssl(cli, pki_files, flag, cipher, mac, legacy_reader) -> None:
    out = pki_files["key"].parent / "callbridge-2026.p12"
    done = cli(
        "export-p12",
        "--key",
        str(pki_files["key"]),
        "--cert",
        str(pki_files["cert"]),
        "--chain",
        str(pki_files["bundle"]),
        "--out",
        str(out),
        "--password-file",
        str(pki_files["password"]),
        *flag,
    )
    assert done.code == 0, done.err
    assert "chain:       Test Issuing CA 1" in done.out and "chain:       Test Root CA" in done.out
    assert PASSWORD not in done.out + done.err
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    info = _openssl_info(out, pki_files["password"], legacy=legacy_reader)
    assert info.returncode == 0, info.stderr
    assert mac in info.stderr
    assert cipher in info.stderr
    assert info.stdout.count("-----BEGIN CERTIFICATE-----") == 3
    assert "-----BEGIN PRIVATE KEY-----" in info.stdout
    assert "friendlyName: cms1.example.com" in info.stdout
    # the key that came out is the key that went in
    key_out = subprocess.run(
        ["openssl", "pkcs12", "-in", str(out), "-passin", f"file:{pki_files['password']}", "-nocerts", "-nodes"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ours = subprocess.run(
        ["openssl", "pkey", "-in", str(pki_files["key"]), "-pubout"], capture_output=True, text=True, check=True
    ).stdout
    theirs = subprocess.run(
        ["openssl", "pkey", "-pubout"], input=key_out, capture_output=True, text=True, check=True
    ).stdout
    assert ours == theirs


def test_export_p12_without_root_and_wrong_password(cli, pki_files) -> None:
    out = pki_files["key"].parent / "cb.pfx"
    done = cli(
        "export-p12",
        "--key",
        str(pki_files["key"]),
        "--cert",
        str(pki_files["cert"]),
        "--chain",
        str(pki_files["bundle"]),
        "--out",
        str(out),
        "--password-file",
        str(pki_files["password"]),
        "--no-root",
    )
    assert done.code == 0, done.err
    assert "Test Root CA" not in done.out
    info = _openssl_info(out, pki_files["password"], legacy=False)
    assert info.stdout.count("-----BEGIN CERTIFICATE-----") == 2
    wrong = pki_files["password"].parent / "wrong.txt"
    wrong.write_text("not the password\n")
    assert _openssl_info(out, wrong, legacy=False).returncode != 0


def test_export_p12_bad_inputs_are_one_line(cli, pki_files, tmp_path: Path) -> None:
    other = hierarchy(depth=0, leaf_cn="other.example.com")
    stranger = tmp_path / "other.crt"
    stranger.write_bytes(other.leaf.pem)
    out = tmp_path / "x.p12"
    base = [
        "export-p12",
        "--key",
        str(pki_files["key"]),
        "--out",
        str(out),
        "--password-file",
        str(pki_files["password"]),
    ]
    done = cli(*base, "--cert", str(stranger))
    assert done.code == 2 and "holds no certificate for this private key" in done.err
    assert done.err.count("\n") == 1
    short = tmp_path / "short.txt"
    short.write_text("abc\n")
    done = cli(
        "export-p12",
        "--key",
        str(pki_files["key"]),
        "--cert",
        str(pki_files["cert"]),
        "--out",
        str(out),
        "--password-file",
        str(short),
    )
    assert done.code == 2 and "password: is shorter than 8 characters" in done.err
    done = cli(*base, "--cert", str(pki_files["cert"]), "--out", str(tmp_path / "x.pem"))
    assert done.code == 2 and "should end in .p12 or .pfx" in done.err
    assert not out.exists()
    assert cli(*base, "--cert", str(pki_files["cert"])).code == 0
    done = cli(*base, "--cert", str(pki_files["cert"]))
    assert done.code == 2 and "already exists" in done.err


def test_export_p12_asks_twice_without_echo(cli, pki_files, monkeypatch) -> None:
    import getpass
    import sys

    answers = iter(["first password", "second password"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    out = pki_files["key"].parent / "asked.p12"
    done = cli("export-p12", "--key", str(pki_files["key"]), "--cert", str(pki_files["cert"]), "--out", str(out))
    assert done.code == 2 and "the two passwords differ" in done.err
    assert len(prompts) == 2 and not out.exists()
