"""`cmswizard pki csr`: exactly what an admin types on the CMS, checked by the real `openssl`."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cmswizard.pki.errors import CmsInputError

from helpers.csr_bad_inputs import BAD_INPUTS

ACCEPTANCE = (
    "cms1",
    "CN:cms1.example.com",
    "OU:IT",
    "O:Example",
    "C:TW",
    "subjectAltName:cms1.example.com,join.example.com,10.0.0.5",
)


def test_acceptance_command_writes_key_and_csr_that_openssl_verifies(cli, tmp_path: Path) -> None:
    result = cli("pki", "csr", *ACCEPTANCE)
    assert result.code == 0, result.err
    key, csr = tmp_path / "cms1.key", tmp_path / "cms1.csr"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----\n")
    assert b"\r" not in csr.read_bytes() and csr.read_bytes().endswith(b"-----END CERTIFICATE REQUEST-----\n")
    shown = subprocess.run(
        ["openssl", "req", "-in", str(csr), "-verify", "-noout", "-text"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "verify OK" in shown.stderr + shown.stdout
    assert "Subject: C = TW, O = Example, OU = IT, CN = cms1.example.com" in shown.stdout
    assert "DNS:cms1.example.com, DNS:join.example.com, IP Address:10.0.0.5" in shown.stdout
    assert "Public-Key: (2048 bit)" in shown.stdout
    assert "sha256WithRSAEncryption" in shown.stdout
    assert "pki csr cms1 CN:cms1.example.com OU:IT O:Example C:TW subjectAltName:" in result.out


def test_key_matches_csr_per_openssl(cli, tmp_path: Path) -> None:
    assert cli("pki", "csr", *ACCEPTANCE, "--key", "ec256").code == 0
    from_key = subprocess.run(
        ["openssl", "pkey", "-in", str(tmp_path / "cms1.key"), "-pubout"], capture_output=True, check=True
    ).stdout
    from_csr = subprocess.run(
        ["openssl", "req", "-in", str(tmp_path / "cms1.csr"), "-pubkey", "-noout"], capture_output=True, check=True
    ).stdout
    assert from_key == from_csr


@pytest.mark.parametrize("key_type, text", [("rsa3072", "3072 bit"), ("ec384", "NIST CURVE: P-384")])
def test_key_types(cli, tmp_path: Path, key_type: str, text: str) -> None:
    result = cli("pki", "csr", "svc", "CN:svc.example.com", "--key", key_type, "--dir", str(tmp_path))
    assert result.code == 0
    shown = subprocess.run(
        ["openssl", "req", "-in", str(tmp_path / "svc.csr"), "-noout", "-text"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert text in shown
    if key_type.startswith("ec"):
        assert "ECDSA" in result.err


def test_existing_key_is_never_overwritten_without_force(cli, tmp_path: Path) -> None:
    assert cli("pki", "csr", *ACCEPTANCE).code == 0
    before = (tmp_path / "cms1.key").read_bytes()
    again = cli("pki", "csr", *ACCEPTANCE)
    assert again.code == 2
    assert "cms1.key: already exists" in again.err and "breaks that service" in again.err
    assert (tmp_path / "cms1.key").read_bytes() == before
    forced = cli("pki", "csr", *ACCEPTANCE, "--force")
    assert forced.code == 0
    assert (tmp_path / "cms1.key").read_bytes() != before
    assert stat.S_IMODE((tmp_path / "cms1.key").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cms1.csr", "cms1.key"]  # no temporaries left


def test_seed_examples_round_trip() -> None:
    from cmswizard.cms.mmp_syntax import parse, render

    for line in (
        "pki csr dbclient CN:postgres",
        "pki csr dbserver CN:cmscore1.example.com subjectAltName:cmscore1.example.com,cmscore2.example.com,cmscore3.example.com",
        "pki selfsigned dbca CN:tplab.local",
        "pki csr webadmin CN:cms1.example.com subjectAltName:cms1.example.com",
        "pki csr cb CN:cms.example.com OU:IT O:Example ST:Taipei C:TW subjectAltName:cms.example.com,10.0.0.5",
    ):
        verb = line.split()[1]
        assert render(parse(line), verb) == line


def test_tech_note_dbserver_line_gets_cn_added_to_san() -> None:
    from cmswizard.cms.mmp_syntax import parse, render

    spec = parse("pki csr dbserver CN:cmscore1.example.com subjectAltName:cmscore2.example.com,cmscore3.example.com")
    assert render(spec) == (
        "pki csr dbserver CN:cmscore1.example.com "
        "subjectAltName:cmscore1.example.com,cmscore2.example.com,cmscore3.example.com"
    )


def test_idn_is_written_as_a_labels_and_shown_in_unicode() -> None:
    from cmswizard.cms.mmp_syntax import parse, render

    spec = parse("pki csr tw CN:會議.例子.台灣 subjectAltName:會議.例子.台灣")
    assert spec.cn == "xn--2ovu42f.xn--fsqu00a.xn--kpry57d"
    assert spec.cn_display == "會議.例子.台灣"
    assert spec.san[0].display == "會議.例子.台灣"
    assert "xn--kpry57d" in render(spec)


def test_san_entries_are_typed() -> None:
    from cmswizard.cms.mmp_syntax import parse
    from cmswizard.pki.names import SanKind

    spec = parse(
        "pki csr a CN:a.example.com subjectAltName:a.example.com,10.0.0.5,2001:DB8::1,admin@example.com,*.example.com"
    )
    assert [(e.kind, e.value) for e in spec.san] == [
        (SanKind.DNS, "a.example.com"),
        (SanKind.IP, "10.0.0.5"),
        (SanKind.IP, "2001:db8::1"),
        (SanKind.EMAIL, "admin@example.com"),
        (SanKind.DNS, "*.example.com"),
    ]


def test_duplicates_removed_and_reported(cli, tmp_path: Path) -> None:
    result = cli("pki", "csr", "a", "CN:a.example.com", "subjectAltName:a.example.com,A.example.com,b.example.com")
    assert result.code == 0
    assert "listed twice" in result.err
    assert "subjectAltName:a.example.com,b.example.com" in result.out


def test_space_in_value_is_quoted_with_a_note(cli) -> None:
    result = cli("pki", "csr", "a", "CN:a.example.com", "O:Example Org", "subjectAltName:a.example.com")
    assert result.code == 0
    assert 'O:"Example Org"' in result.out
    assert 'note: O: contains spaces: it is typed in double quotes, e.g. O:"Example Inc."' in result.err
    assert "warning" not in result.err


def test_locality_and_email_san_are_accepted(cli, tmp_path: Path) -> None:
    """The Cisco Meeting Server FAQ lists L (city) and an e-mail address among the CSR fields."""
    import subprocess

    result = cli(
        "pki",
        "csr",
        "cms1",
        "CN:cms1.example.com",
        "O:Example Inc.",
        "L:New Taipei",
        "ST:Taiwan",
        "C:TW",
        "subjectAltName:cms1.example.com,admin@example.com",
    )
    assert result.code == 0, result.err
    line = 'pki csr cms1 CN:cms1.example.com O:"Example Inc." L:"New Taipei" ST:Taiwan C:TW subjectAltName:cms1.example.com,admin@example.com'
    assert f"command: {line}" in result.out
    shown = subprocess.run(
        ["openssl", "req", "-in", str(tmp_path / "cms1.csr"), "-noout", "-subject", "-text"],
        capture_output=True,
        text=True,
    ).stdout
    assert "L = New Taipei" in shown and "email:admin@example.com" in shown
    from cmswizard.cms.mmp_syntax import parse, render

    assert render(parse(line)) == line and parse(line).l == "New Taipei"


def test_non_rsa2048_key_gets_a_note_beside_the_mmp_line(cli) -> None:
    result = cli("pki", "csr", "cms1", "CN:cms1.example.com", "--key", "ec256")
    assert result.code == 0
    assert "the MMP line makes its own key" in result.err and "ECDSA P-256" in result.err
    plain = cli("pki", "csr", "cms2", "CN:cms2.example.com")
    assert "its own key" not in plain.err


@pytest.mark.parametrize("tokens, expected", BAD_INPUTS, ids=[str(i) for i in range(len(BAD_INPUTS))])
def test_bad_input_gives_one_line_and_writes_nothing(cli, tmp_path: Path, tokens: list[str], expected: str) -> None:
    result = cli("pki", "csr", *tokens)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert expected in lines[0]
    assert len(lines[0]) < 300
    assert list(tmp_path.iterdir()) == []


def test_bad_input_table_is_large_enough() -> None:
    assert len(BAD_INPUTS) >= 25


def test_real_process_non_utf8_argv_and_no_traceback(tmp_path: Path) -> None:
    argv = [
        sys.executable,
        "-m",
        "cmswizard",
        "pki",
        "csr",
        "cms1",
        b"CN:caf\xe9.example.com".decode("utf-8", "surrogateescape"),
    ]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "not valid UTF-8" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_errors_are_our_type() -> None:
    from cmswizard.cms.mmp_syntax import parse

    with pytest.raises(CmsInputError) as caught:
        parse("pki csr x CN:a.example.com C:UK")
    assert caught.value.where == "C"
