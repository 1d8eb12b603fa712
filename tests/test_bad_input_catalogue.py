"""The catalogue of what cmswizard rejects and why: one table across the CLI and the engine.

Every row is a bad input, the exit code, and the words the user sees. Each must be one line, name the
field or file, never show a traceback, and leave no file behind. The README links here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12
from test_csr_cli import BAD_INPUTS as CSR_ROWS

from factory import hierarchy

_H = hierarchy(depth=1)
_OTHER = hierarchy(depth=0, prefix="Other")


def _csr() -> bytes:
    from cmswizard.pki.csr import build_csr
    from cmswizard.pki.spec import CsrSpec

    return build_csr(CsrSpec("x", "x.example.com"), _H.leaf.key).public_bytes(Encoding.PEM)


FILES: dict[str, bytes] = {
    "leaf.crt": _H.leaf.pem,
    "leaf.key": _H.leaf.key_pem,
    "chain.pem": b"".join(c.pem for c in _H.chain),
    "other-leaf.crt": _OTHER.leaf.pem,
    "root.crt": _H.root.pem,
    "request.csr": _csr(),
    "empty.crt": b"",
    "garbage.bin": bytes(range(256)) * 4,
    "truncated.pem": b"-----BEGIN CERTIFICATE-----\nMIIB\n",
    "locked.pfx": pkcs12.serialize_key_and_certificates(
        b"x", _H.leaf.key, _H.leaf.cert, None, BestAvailableEncryption(b"right")
    ),
    "wrong.pw": b"wrong\n",
    "text.txt": b"just some notes\n",
}

# (argv, exit code, what the one line must say)
CATALOGUE: list[tuple[list[str], int, str]] = [
    *[(["pki", "csr", *tokens], 2, expected) for tokens, expected in CSR_ROWS],
    # selfsigned
    (["pki", "selfsigned", "dbca"], 2, "CN: is required"),
    (["pki", "selfsigned", "dbca", "CN:tplab.local", "--days", "0"], 2, "--days: must be at least 1"),
    (["pki", "selfsigned", "db.ca", "CN:tplab.local"], 2, "give the name without extension"),
    (["pki", "selfsigned", "dbca", 'CN:"quoted"'], 2, "cannot be typed in a pki command"),
    (["pki", "selfsigned", "dbca", "CN:" + "x" * 70], 2, "RFC 5280 allows at most 64"),
    # sign
    (["pki", "sign", "missing", "ca"], 2, "missing.csr: does not exist"),
    (["pki", "sign", "request", "nosuchca"], 2, "nosuchca.crt: does not exist"),
    (["pki", "sign", "request", "leaf"], 2, "is not a CA certificate"),
    (["pki", "sign", "request", "ca", "--eku", "code"], 2, "invalid choice: 'code'"),
    (["pki", "sign", "leaf", "ca"], 2, "leaf.crt: already exists; choose another name or allow overwriting"),
    (["pki", "sign", "cms9", "ca"], 2, "cms9.csr: does not exist"),
    # inspect
    (["pki", "inspect", "nothere.crt"], 2, "nothere.crt: does not exist; check the name and folder"),
    (["pki", "inspect", "."], 2, ".: is a folder; name a file"),
    (["pki", "inspect", "empty.crt"], 2, "empty.crt: is empty"),
    (["pki", "inspect", "garbage.bin"], 2, "garbage.bin: is not a certificate, key or CSR file"),
    (["pki", "inspect", "truncated.pem"], 2, "truncated.pem: has a PEM block without its -----END line"),
    (["pki", "inspect", "text.txt"], 2, "text.txt: is text without a -----BEGIN CERTIFICATE----- block"),
    (["pki", "inspect", "locked.pfx"], 2, "locked.pfx: is a PKCS#12 (.pfx) file protected by a password"),
    (["pki", "inspect", "locked.pfx", "--password-file", "wrong.pw"], 2, "locked.pfx: wrong password"),
    (["pki", "inspect", "locked.pfx", "--password-file", "missing.pw"], 2, "missing.pw: does not exist"),
    # match
    (["pki", "match", "leaf.key", "other-leaf.crt"], 1, "no match: leaf.key is not the private key"),
    (["pki", "match", "leaf.crt", "leaf.crt"], 2, "leaf.crt: holds no private key"),
    (["pki", "match", "leaf.key", "leaf.key"], 2, "leaf.key: holds no certificate or CSR"),
    (["pki", "match", "gone.key", "leaf.crt"], 2, "gone.key: does not exist"),
    # verify
    (["pki", "verify", "leaf.crt", "root.crt"], 1, 'missing intermediate for issuer "Test Issuing CA 1"'),
    (["pki", "verify", "other-leaf.crt", "chain.pem"], 1, "verification failed"),
    (["pki", "verify", "leaf.crt", "chain.pem", "--at", "tomorrow"], 2, "--at: 'tomorrow' is not a date"),
    (["pki", "verify", "leaf.crt", "chain.pem", "--at", "2099-01-01"], 1, "expired on"),
    (["pki", "verify", "leaf.crt", "leaf.key"], 2, "leaf.key: holds no CA certificate"),
    (["pki", "verify", "leaf.key", "root.crt"], 2, "leaf.key: holds no certificate to verify"),
    # list
    (["pki", "list", "leaf.crt"], 2, "leaf.crt: is not a folder"),
    # bundle
    (["bundle"], 2, "bundle: name the certificate files"),
    (["bundle", "leaf.crt", "other-leaf.crt"], 2, "found 2 entity certificates"),
    (["bundle", "request.csr"], 2, "request.csr: holds a CSR, not a certificate"),
    (["bundle", "leaf.key"], 2, "leaf.key: holds a private key but no certificate"),
    (["bundle", "--check", "none.pem"], 2, "none.pem: does not exist"),
    (["bundle", "chain.pem", "--fullchain", "nofolder/out.pem"], 2, "nofolder: folder does not exist"),
    (["bundle", "chain.pem", "--fullchain", "chain.pem"], 2, "chain.pem: already exists"),
    # database cluster
    (["dbcluster", "--domain", "tplab.local"], 2, "the following arguments are required: --primary"),
    (["dbcluster", "--domain", 'tp"lab', "--primary", "cms1.example.com"], 2, 'CN: contains " or \\'),
    (["dbcluster", "--domain", "tplab.local", "--primary", "cms1"], 2, "is not fully qualified"),
    (
        ["dbcluster", "--domain", "tplab.local", "--primary", "cms1.example.com", "--connect", "cms1.example.com"],
        2,
        "cms1.example.com is also a database core",
    ),
    # deployment sheet
    (["deploy", "--node", "cms1.example.com"], 2, "name at least one service"),
    (["deploy", "--node", "cms1.example.com", "--xmpp", "a.key", "a.crt"], 2, "XMPP: does not exist on CMS 3.x"),
    (["deploy", "--node", "cms1.example.com", "--webadmin", "a.key"], 2, "--webadmin: takes KEY CERTIFICATE"),
    (["deploy", "--node", "https://cms1", "--webadmin", "a.key", "a.crt"], 2, "looks like a URL"),
    (
        ["deploy", "--node", "cms1.example.com", "--webadmin", "a.key", "a.crt", "--files-in", "."],
        2,
        "a.crt: is used by a command but not in the export set",
    ),
    (["deploy", "--version", "4.x", "--node", "cms1.example.com"], 2, "invalid choice: '4.x'"),
    # export
    (["export", "leaf.crt"], 2, "the following arguments are required: --to"),
    (["export", "--to", "nowhere", "leaf.crt"], 2, "nowhere: does not exist (is the stick plugged in"),
    (["export", "--to", "."], 2, "export: name the files to copy"),
    (["export", "--to", ".", "--name", "a/b", "leaf.crt"], 2, "--name: is a folder name, not a path"),
    (["export", "--to", ".", "leaf.crt", "sub/leaf.crt"], 2, "leaf.crt: is named twice in the export"),
    (["export", "--to", ".", "missing.crt"], 2, "missing.crt: does not exist"),
    # the command line itself
    (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
    (["pki"], 2, "the following arguments are required: verb"),
    (["pki", "csr"], 2, "the following arguments are required: basename-and-fields"),
]


def test_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 60


@pytest.mark.parametrize(
    "argv, code, expected", CATALOGUE, ids=[f"{i:02d}-{' '.join(r[0])[:40]}" for i, r in enumerate(CATALOGUE)]
)
def test_bad_input(cli, tmp_path: Path, argv: list[str], code: int, expected: str) -> None:
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "leaf.crt").write_bytes(_H.leaf.pem)
    (tmp_path / "ca.crt").write_bytes(_H.intermediates[0].pem)
    (tmp_path / "ca.key").write_bytes(_H.intermediates[0].key_pem)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    result = cli(*argv)
    assert result.code == code, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert lines, "no message"
    assert expected in lines[-1], lines
    assert "Traceback" not in result.err + result.out
    assert len(lines[-1]) < 400
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
