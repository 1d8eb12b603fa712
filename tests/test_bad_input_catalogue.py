"""The catalogue of what cmswizard rejects and why: one table across the CLI and the engine.

Every row is a bad input, the exit code, and the words the user sees. Each must be one line, name the
field or file, never show a traceback, and leave no file behind. The README links here.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)

from helpers import hostile_files
from helpers.csr_bad_inputs import BAD_INPUTS as CSR_ROWS
from helpers.factory import hierarchy
from helpers.hostile_plans import plan_text

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
    "notepad.crt": b"\xff\xfe" + _H.leaf.pem.decode().encode("utf-16-le"),
    "long.pw": b"a long enough password\n",
    "ssh.key": _H.leaf.key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()),
    "nul.pw": b"sec\x00ret-password\n",
    "latin1.pw": b"p\xe4ssword-latin1\n",
    "wrong-first.pw": b"wrong\nright\n",
    "node.sheet": b"# ===== cms1.example.com (server) =====\ncallbridge\n",
    "esc.sheet": b"# ===== cms1.example.com (server) =====\ncallbridge\x1b[2J restart\n",
}

# Plans as an attacker mails them (issue 30): each names one file outside its folder or in two roles.
PLANS: dict[str, str] = {
    "up.toml": plan_text(cb_cert="../outside/x.crt"),
    "abs.toml": plan_text(cb_key="/root/.ssh/id_rsa"),
    "back.toml": plan_text(cb_bundle="..\\windows\\x.crt"),
    "drive.toml": plan_text(wb3_chain="C:x.crt"),
    "newline.toml": plan_text(wa_cert="cb\n.crt"),
    "esc.toml": plan_text(wa_key="cb\x1b[2J.key"),
    "space.toml": plan_text(cb_cert="cb other.crt"),
    "nbsp.toml": plan_text(cb_cert="cb\u3000.crt"),
    "dots.toml": plan_text(cb_bundle="cb..crt"),
    "star.toml": plan_text(wa_bundle="cb*.crt"),
    "long.toml": plan_text(wa_cert="c" * 120 + ".crt"),
    "trust.toml": plan_text(trust_wb3="../trust.crt"),
    "sip.toml": plan_text(sip_trust="/etc/ssl/certs/ca.crt"),
    "sheetpath.toml": plan_text(sheet="../.bashrc"),
    "sheetkey.toml": plan_text(sheet="cb.key"),
    "self.toml": plan_text(sheet="self.toml"),
    "sheetcsr.toml": plan_text(sheet="cb.csr"),
    "bundlecert.toml": plan_text(cb_bundle="cb.crt"),
    "twochains.toml": plan_text(sched_key="other.key", sched_chain="cb-fullchain.crt"),
    "twokeys.toml": plan_text(wa_key="wa.key"),
    "case.toml": plan_text(wa_key="CB.key"),
    "trustkey.toml": plan_text(trust_wb3="cb.key"),
    "sipcert.toml": plan_text(sip_trust="cb.crt"),
    "chaincert.toml": plan_text(wb3_chain="cb.crt"),
    "keycsr.toml": plan_text(wa_key="cb.csr"),
    "user-esc.toml": plan_text(ssh_user="admin\x1b]0;pwned\x07"),
    "host-nl.toml": plan_text(ssh_host="cms1.example.com\nwebadmin disable"),
    "fp.toml": plan_text(fingerprint="SHA256:not-a-fingerprint"),
    "deep.toml": "schema = 1\nx = " + "[" * 3000 + "]" * 3000 + "\n",
    "deeptable.toml": "schema = 1\nx = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    # renewal (issue 28): a good plan, a public ACME issuer on the Call Bridge, a key written into the plan
    "good.toml": plan_text(),
    "acme-cb.toml": plan_text()
    .replace("schema = 1", "schema = 2")
    .replace('"webadmin", "webbridge3"]', '"webadmin", "webbridge3"]\nissuer = "public"')
    + '\n[issuers.public]\ntype = "acme"\ndirectory = "https://acme.example.com/dir"\naccount_key = "acme.key"\n',
    # [apply] (issue 27): how mmp run --plan and the Apply page run the lines
    "apply-window.toml": plan_text() + '\n[apply]\nrestart_window = "Sa 02:00-04:00"\n',
    "apply-calls.toml": plan_text() + '\n[apply]\napi_user = "api"\nmax_active_calls = -1\n',
    "apply-nouser.toml": plan_text() + "\n[apply]\nmax_active_calls = 2\n",
    "apply-port.toml": plan_text() + '\n[apply]\napi_user = "api"\napi_port = 70000\n',
    "apply-pem.toml": plan_text() + '\n[apply]\napi_user = "api"\napi_password = "-----BEGIN X-----"\n',
    "apply-nopw.toml": plan_text() + '\n[apply]\napi_user = "api"\n',
    "apply-pgpass.toml": plan_text() + '\n[apply]\napi_user = "api"\napi_password = "~/.pgpass"\n',
    "apply-keyring.toml": plan_text() + '\n[apply]\napi_user = "api"\napi_password = "keyring:login/mail"\n',
    "apply-typo.toml": plan_text() + '\n[apply]\nrestart_windw = "02:00-04:00"\n',
    "acme-secret.toml": plan_text().replace("schema = 1", "schema = 2")
    + '\n[issuers.public]\ntype = "acme"\ndirectory = "https://acme.example.com/dir"\n'
    + 'account_key = "-----BEGIN PRIVATE KEY-----"\n',
}


def _dsa_pair() -> tuple[bytes, bytes]:
    """A DSA root and a leaf it signed: the verifying library refuses DSA with a dump of its structures."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import dsa, ec
    from cryptography.x509.oid import NameOID

    with warnings.catch_warnings():  # cryptography 51 deprecates DSA; the fixture is a hostile DSA root on purpose
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)  # CryptographyDeprecationWarning is a UserWarning
        root_key = dsa.generate_private_key(2048)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "DSA Root")])
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    start, end = dt.datetime(2020, 1, 1), dt.datetime(2045, 1, 1)
    root = (
        x509.CertificateBuilder(root_name, root_name, root_key.public_key(), 1, start, end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    leaf_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "leaf.example.com")])
    leaf = (
        x509.CertificateBuilder(root_name, leaf_name, leaf_key.public_key(), 2, start, end)  # issuer, subject
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("leaf.example.com")]), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return root.public_bytes(Encoding.PEM), leaf.public_bytes(Encoding.PEM)


_DSA_ROOT, _DSA_LEAF = _dsa_pair()
FILES["dsa-root.crt"], FILES["dsa-leaf.crt"] = _DSA_ROOT, _DSA_LEAF

HOSTILE = hostile_files.build(_H)
LONG_DIR = "d" * 5000
NODE = "cms1.example.com"
CSR = ["pki", "csr", "x", "CN:x.example.com"]

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
    (["dbcluster", "--domain", 'tp"lab', "--primary", "cms1.example.com"], 2, 'CA domain: contains " or \\'),
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
    (
        [
            "deploy",
            "--node",
            "cms1.example.com",
            "--webbridge3",
            "j.key",
            "j.crt",
            "--turn",
            "t.key",
            "t.crt",
            "--turn-tls-port",
            "443",
        ],
        2,
        "turn tls port: 443 is the port the web bridge listens on at cms1.example.com",
    ),
    (
        [
            "deploy",
            "--node",
            "cms1.example.com",
            "--webadmin",
            "a/cms.key",
            "a/cms.crt",
            "--callbridge",
            "b/cms.key",
            "a/cms.crt",
        ],
        2,
        "cms.key: is the name of two different files (a/cms.key and b/cms.key)",
    ),
    (
        [
            "deploy",
            "--node",
            "cms1.example.com",
            "--node",
            "cms2.example.com",
            "--callbridge",
            "cb.key",
            "cb.crt",
            "@cms1.example.com",
            "--scheduler",
            "s.key",
            "s.crt",
            "@cms2.example.com",
        ],
        2,
        "cms2.example.com: runs the Scheduler but no Call Bridge",
    ),
    # export
    (["export", "leaf.crt"], 2, "the following arguments are required: --to"),
    (["export", "--to", "nowhere", "leaf.crt"], 2, "nowhere: does not exist (is the stick plugged in"),
    (["export", "--to", "."], 2, "export: name the files to copy"),
    (["export", "--to", ".", "--name", "a/b", "leaf.crt"], 2, "--name: is a folder name, not a path"),
    (["export", "--to", ".", "leaf.crt", "sub/leaf.crt"], 2, "leaf.crt: is named twice in the export"),
    (["export", "--to", ".", "missing.crt"], 2, "missing.crt: does not exist"),
    # Windows and its file systems (issue 25): device names, names that differ only in case
    (["pki", "csr", "Com1", "CN:x.example.com"], 2, "basename: Com1 is a device name on Windows"),
    (["pki", "csr", "nul", "CN:x.example.com"], 2, "basename: nul is a device name on Windows"),
    (["export", "--to", ".", "leaf.crt", "sub/LEAF.crt"], 2, "LEAF.crt: is named twice in the export"),
    # the command line itself
    (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
    (["pki"], 2, "the following arguments are required: verb"),
    (["pki", "csr"], 2, "the following arguments are required: basename-and-fields"),
    # --- hostile input (issue 15) ---
    # reading: regular files only, never more than the limit
    (["pki", "inspect", "/dev/zero"], 2, "/dev/zero: is a device, not a file; name a regular file"),
    (["pki", "inspect", "/dev/urandom"], 2, "/dev/urandom: is a device, not a file"),
    (["pki", "inspect", "pipe.pem"], 2, "pipe.pem: is a named pipe (FIFO), not a file"),
    (["pki", "inspect", "locked.pfx", "--password-file", "/dev/zero"], 2, "/dev/zero: is a device"),
    (["pki", "inspect", "locked.pfx", "--password-file", "pipe.pem"], 2, "pipe.pem: is a named pipe"),
    (["pki", "inspect", "locked.pfx", "--password-file", "."], 2, ".: is a folder; name a file"),
    (
        ["pki", "inspect", "locked.pfx", "--password-file", "leaves.pem"],
        2,
        "leaves.pem: is 213 KB; certificate files are far smaller (at most 64 KB is read)",
    ),
    (["pki", "inspect", "huge.pem"], 2, "huge.pem: is 10 MB; certificate files are far smaller"),
    (["pki", "inspect", "dangling.crt"], 2, "nowhere.crt, which does not exist"),
    (["pki", "match", "/dev/zero", "leaf.crt"], 2, "/dev/zero: is a device"),
    (["pki", "verify", "leaf.crt", "/dev/urandom"], 2, "/dev/urandom: is a device"),
    (["pki", "verify", "pipe.pem", "chain.pem"], 2, "pipe.pem: is a named pipe"),
    (["bundle", "/dev/urandom"], 2, "/dev/urandom: is a device"),
    (["bundle", "pipe.pem"], 2, "pipe.pem: is a named pipe"),
    (["bundle", "."], 2, ".: is a folder; name a file"),
    (["bundle", "--check", "/dev/zero"], 2, "/dev/zero: is a device"),
    (["bundle", "--check", "pipe.pem"], 2, "pipe.pem: is a named pipe"),
    (["export", "--to", ".", "/dev/zero"], 2, "/dev/zero: is a device"),
    (["export", "--to", ".", "pipe.pem"], 2, "pipe.pem: is a named pipe"),
    (["export", "--to", ".", "leaf.crt", "--sheet", "/dev/zero"], 2, "/dev/zero: is a device"),
    (["export", "--to", ".", "leaf.crt", "--sheet", "pipe.pem"], 2, "pipe.pem: is a named pipe"),
    # PEM scanning: linear, refused at once
    (["pki", "inspect", "begins.pem"], 2, "begins.pem: has a PEM block without its -----END line"),
    (["pki", "inspect", "begins-base64.pem"], 2, "has a PEM block without its -----END line"),
    (["bundle", "begins.pem"], 2, "begins.pem: has a PEM block without its -----END line"),
    (["bundle", "--check", "begins-base64.pem"], 2, "has a PEM block without its -----END line"),
    (["pki", "inspect", "end-only.pem"], 2, "end-only.pem: has an -----END line without its -----BEGIN line"),
    (["pki", "inspect", "mismatch.pem"], 2, "begins as CERTIFICATE but ends as PRIVATE KEY"),
    (["pki", "inspect", "many-keys.pem"], 2, "many-keys.pem: holds 17 private keys; give a file with the one key"),
    (["pki", "match", "many-keys.pem", "leaf.crt"], 2, "holds 17 private keys"),
    (["pki", "inspect", "dup.crt"], 2, "dup.crt: item 1 has the extension subjectAltName twice"),
    (["bundle", "dup.crt"], 2, "has the extension subjectAltName twice"),
    (["pki", "verify", "dup.crt", "root.crt"], 2, "has the extension subjectAltName twice"),
    # writing: links, names, folders
    (["bundle", "chain.pem", "--fullchain", "dangling.crt"], 2, "is a symbolic link to"),
    (["bundle", "chain.pem", "--fullchain", "link.crt", "--force"], 2, "cmswizard never writes through links"),
    (["bundle", "chain.pem", "--fullchain", "o.pem", "--ca-bundle", "o.pem"], 2, "o.pem: is named for two outputs"),
    (["bundle", "chain.pem", "--fullchain", "afile/o.pem"], 2, "afile: is a file, not a folder"),
    (["bundle", "chain.pem", "--fullchain", "x\ny.pem"], 2, "the file name holds control characters"),
    (["bundle", "chain.pem", "--fullchain", "n" * 300 + ".pem"], 2, "the file name is 304 bytes"),
    (["bundle", "chain.pem", "--fullchain", LONG_DIR + "/o.pem"], 2, "too long for the file system"),
    ([*CSR, "--dir", "afile"], 2, "afile: is a file, not a folder; choose a folder"),
    ([*CSR, "--dir", LONG_DIR], 2, "the name or path is too long for the file system"),
    (["pki", "csr", "vanished", "CN:vanished.example.com"], 2, "vanished.key: is a symbolic link to"),
    (["pki", "selfsigned", "x", "CN:x", "--dir", "afile"], 2, "afile: is a file, not a folder"),
    (["pki", "sign", "request", "ca", "--dir", "afile"], 2, "afile: is a file, not a folder"),
    (["dbcluster", "--domain", "tplab.local", "--primary", NODE, "--dir", "afile"], 2, "afile: is a file"),
    (["deploy", "--node", NODE, "--webadmin", "a.key", "a.crt", "--out", "afile/x.txt"], 2, "afile: is a file"),
    (["deploy", "--node", NODE, "--webadmin", "a.key", "a.crt", "--out", "dangling.crt"], 2, "is a symbolic link"),
    # export targets and names a stick (FAT) or Windows cannot hold
    (["export", "--to", "afile", "leaf.crt"], 2, "afile: is a file, not a folder; name the stick's folder"),
    (["export", "--to", "nowhere/deeper", "leaf.crt"], 2, "does not exist (is the stick plugged in"),
    (["export", "--to", ".", "a:b"], 2, "a:b: : cannot be in a name on a USB stick (FAT) or on Windows"),
    (["export", "--to", ".", "q?"], 2, "q?: ? cannot be in a name on a USB stick"),
    (["export", "--to", ".", "a\nb.crt"], 2, "the name holds control characters"),
    (["export", "--to", ".", "notes\x1b[2J.crt"], 2, "the name holds control characters"),
    (["export", "--to", ".", "leaf.crt", "--name", "a:b"], 2, "--name: : cannot be in a name"),
    (["export", "--to", ".", "leaf.crt", "--name", "n" * 300], 2, "--name: is 300 characters long"),
    (["export", "--to", ".", "leaf.crt", "--name", "CON"], 2, "--name: is a name Windows reserves"),
    (["export", "--to", ".", "leaf.crt", "--name", "dot."], 2, "--name: ends with a space or a dot"),
    (["export", "--to", ".", "leaf.crt", "--name", "x\ny"], 2, "--name: the name holds control characters"),
    (["export", "--to", ".", "leaf.crt", "--name", "a\\b"], 2, "--name: is a folder name, not a path"),
    # clear messages instead of "unexpected error"
    (["pki", "selfsigned", "x", "CN:x", "--days", "3000000"], 2, "--days: 3000000 days would end after the year 9999"),
    (["pki", "sign", "request", "ca", "--days", "3000000"], 2, "--days: 3000000 days would end after the year 9999"),
    (["pki", "sign", "request", "ca", "--days", "99999999999"], 2, "would end after the year 9999"),
    (["dbcluster", "--domain", "tplab.local", "--primary", NODE, "--days", "3000000"], 2, "--days: 3000000 days"),
    (["dbcluster", "--domain", "tplab.local", "--primary", NODE, "--ca-days", "9999999"], 2, "after the year 9999"),
    (["pki", "verify", "broken-leaf.crt", "broken-root.crt"], 1, "signature does not verify with its own key"),
    (["pki", "verify", "gap-leaf.crt", "gap.pem"], 1, 'missing intermediate for issuer "Deep Issuing CA 2"'),
    (["pki", "verify", "evil.crt", "root.crt"], 1, "verification failed"),
    (["pki", "match", "leaf.key", "evil.crt"], 1, "no match: leaf.key is not the private key"),
    (["bundle", "evil.crt", "leaf.crt"], 2, "found 2 entity certificates (evil.example.com\\x0acmsw"),
    (["bundle", "long-cn.crt", "leaf.crt"], 2, "found 2 entity certificates"),
    (["bundle", "leaves.pem"], 2, "found 300 entity certificates"),
    (["pki", "inspect", "x" * 5000 + ".crt"], 2, "cannot be read: the name or path is too long"),
    (["pki", "inspect", "x" * 200 + "/" + "y" * 300 + ".crt"], 2, "does not exist; check the name and folder"),
    (["pki", "inspect", "\x1b]0;pwned\x07.crt"], 2, "\\x1b]0;pwned\\x07.crt: does not exist"),
    # foot-guns refused
    (["pki", "sign", "ca", "ca", "--force"], 2, "ca: is the CA itself: its certificate would be replaced"),
    (["pki", "sign", "caself", "ca"], 2, "caself.csr: requests a certificate for the CA's own key"),
    (["bundle", "--fix", "out.pem", "leaf.crt"], 2, "--fix: works with --check FILE only"),
    (
        ["deploy", "--node", NODE, "--node", NODE, "--webadmin", "a.key", "a.crt"],
        2,
        "--node: cms1.example.com is given twice",
    ),
    (["deploy", "--node", NODE, "--node", "CMS1.example.com.", "--webadmin", "a.key", "a.crt"], 2, "is given twice"),
    (
        ["deploy", "--node", NODE, "--edge", NODE, "--webadmin", "a.key", "a.crt"],
        2,
        "--edge: cms1.example.com is both a core and an edge server; a server has one role: list it once",
    ),
    (["deploy", "--node", NODE, "--webadmin", "a.key\nwebadmin disable", "a.crt"], 2, "holds control characters"),
    (["deploy", "--node", NODE, "--webadmin", "a.key", "a.crt\x1b[2J"], 2, "--webadmin: the file name"),
    (["deploy", "--node", NODE, "--callbridge", "a.key", "a.crt\ncallbridge restart"], 2, "holds control characters"),
    # names: IDNA 2008 / UTS 46, no CIDR, no zone, no control characters
    ([*CSR, "subjectAltName:10.0.0.0/8"], 2, "'10.0.0.0/8' is a network (CIDR); a certificate names single addresses"),
    ([*CSR, "subjectAltName:2001:db8::/32"], 2, "is a network (CIDR)"),
    ([*CSR, "subjectAltName:fe80::1%eth0"], 2, "'fe80::1%eth0' has an interface zone"),
    ([*CSR, "subjectAltName:[fe80::1%25eth0]"], 2, "has an interface zone"),
    (
        ["pki", "csr", "x", "CN:xn--abc.example.com"],
        2,
        "has the label 'xn--abc', which is not a valid internationalised",
    ),
    (["pki", "csr", "x", "CN:\U0001f600.example.com"], 2, "which is not a valid internationalised name"),
    ([*CSR, "subjectAltName:\u2603.example.com"], 2, "which is not a valid internationalised name"),
    ([*CSR, "subjectAltName:xn--zz.example.com"], 2, "has the label 'xn--zz'"),
    (["pki", "csr", "x", "CN:a\x1b]0;x\x07.example.com"], 2, "CN: contains a control character"),
    (["pki", "csr", "x", "CN:a\nb.example.com"], 2, "CN: contains a control character"),
    ([*CSR, "O:\x1b[31mRed"], 2, "O: contains a control character"),
    (["pki", "selfsigned", "x", "CN:ca\x07"], 2, "CN: contains a control character"),
    # second round (audit-b): Windows Notepad's "Unicode" (UTF-16) files
    (["pki", "inspect", "notepad.crt"], 2, "notepad.crt: is saved as UTF-16 text"),
    (["bundle", "notepad.crt", "root.crt"], 2, "notepad.crt: is saved as UTF-16 text"),
    (["pki", "inspect", "ssh.key"], 2, "ssh.key: PEM block 1 is an OpenSSH private key (ssh-keygen's format)"),
    (
        [
            *["export-p12", "--key", "leaf.key", "--cert", "leaf.crt", "--out", "x.p12", "--password-file", "long.pw"],
            *["--name", "cms\x1b]0;pwned\x07"],
        ],
        2,
        "friendly name: cms\\x1b]0;pwned\\x07 holds control characters",
    ),
    # a line break in any name that becomes part of an MMP command never types a command of its own
    (
        ["deploy", "--node", NODE, "--webadmin", "a.key", "a.crt", "--backup-name", "x\ncallbridge restart"],
        2,
        "backup name: x\\x0acallbridge restart: use letters, digits, '-' and '_' only",
    ),
    (["deploy", "--node", NODE, "--webadmin", "a.key", "a.crt", "--backup-name", "x y"], 2, "use letters, digits"),
    (
        [
            *["deploy", "--node", NODE, "--callbridge", "a.key", "a.crt", "--webbridge3", "a.key", "a.crt"],
            *["--trust-webbridge3", "t\nwebadmin disable"],
        ],
        2,
        "MMP command: callbridge trust c2w t\\x0awebadmin disable would hold a control character",
    ),
    (
        ["deploy", "--node", NODE, "--callbridge", "a.key", "a.crt", "--sip-trust", "b.crt\nwebadmin disable"],
        2,
        "MMP command: tls sip trust b.crt\\x0awebadmin disable would hold a control character",
    ),
    # --- third round (issue 30) ---
    # High 1: every file name in a plan is a plain name in the plan's folder, refused at read time
    (["plan", "check", "up.toml"], 2, "up.toml: service[0].certificate: ../outside/x.crt: is a path"),
    (["plan", "apply", "up.toml"], 2, "up.toml: service[0].certificate: ../outside/x.crt: is a path"),
    (["plan", "apply", "abs.toml"], 2, "abs.toml: service[0].key: /root/.ssh/id_rsa: is a path"),
    (["plan", "apply", "back.toml"], 2, "service[0].bundle: ..\\windows\\x.crt: is a path"),
    (["plan", "apply", "drive.toml"], 2, "service[2].certificate: C:x.crt: holds ':' (a drive letter or a stream)"),
    (["plan", "apply", "newline.toml"], 2, "service[1].certificate: cb\\x0a.crt: holds control characters"),
    (["plan", "apply", "esc.toml"], 2, "service[1].key: cb\\x1b[2J.key: holds control characters"),
    (["plan", "apply", "space.toml"], 2, "service[0].certificate: cb other.crt: holds a space; the MMP would read it"),
    (["plan", "apply", "nbsp.toml"], 2, "service[0].certificate: cb\\u3000.crt: holds control characters"),
    (["plan", "apply", "dots.toml"], 2, "service[0].bundle: cb..crt: holds '..'"),
    (["plan", "apply", "star.toml"], 2, "service[1].bundle: cb*.crt: holds *, which a USB stick (FAT)"),
    (["plan", "apply", "long.toml"], 2, "is 124 characters long; use at most 100"),
    (["plan", "apply", "trust.toml"], 2, "trust.webbridge3: ../trust.crt: is a path"),
    (["plan", "apply", "sip.toml"], 2, "cms.sip_trust: /etc/ssl/certs/ca.crt: is a path"),
    (["plan", "apply", "sheetpath.toml"], 2, "sheet: ../.bashrc: give a plain file name"),
    (["upload", "--plan", "up.toml", "--node", NODE], 2, "up.toml: service[0].certificate: ../outside/x.crt"),
    (["upload", "--plan", "abs.toml", "--node", NODE], 2, "abs.toml: service[0].key: /root/.ssh/id_rsa: is a path"),
    # High 2: one name, one role; `plan check` no longer hides a second finding
    (["plan", "apply", "sheetkey.toml"], 2, "sheet: cb.key is already the private key (certificate[0].basename)"),
    (["plan", "check", "sheetkey.toml"], 2, "sheet: cb.key is already the private key"),
    (["plan", "apply", "self.toml"], 2, "sheet: self.toml is already the plan file (self.toml)"),
    (["plan", "apply", "sheetcsr.toml"], 2, "sheet: cb.csr is already the CSR (certificate[0].basename)"),
    (["plan", "apply", "bundlecert.toml"], 2, "service[0].bundle: cb.crt is already the certificate"),
    (
        ["plan", "apply", "twochains.toml"],
        2,
        "service[3].certificate: cb-fullchain.crt is the full chain of cb.key (service[2].certificate) "
        "and cannot also be that of other.key",
    ),
    (["plan", "apply", "twokeys.toml"], 2, "cb.crt is the certificate of cb.key (certificate[0].basename)"),
    (["plan", "apply", "case.toml"], 2, "service[1].key: CB.key and cb.key (certificate[0].basename) are one file"),
    (["plan", "apply", "trustkey.toml"], 2, "trust.webbridge3: cb.key is already the private key"),
    (["plan", "apply", "sipcert.toml"], 2, "cms.sip_trust: cb.crt is already the certificate"),
    (["plan", "apply", "chaincert.toml"], 2, "service[2].certificate: cb.crt is already the certificate"),
    (["plan", "apply", "keycsr.toml"], 2, "service[1].key: cb.csr is already the CSR"),
    (["upload", "--plan", "sheetkey.toml", "--node", NODE], 2, "sheet: cb.key is already the private key"),
    # Medium 10: deeply nested TOML is one line, not "unexpected error (RecursionError)"
    (["plan", "check", "deep.toml"], 2, "deep.toml: nests tables or lists too deeply to be a plan"),
    (["plan", "apply", "deeptable.toml"], 2, "deeptable.toml: nests tables or lists too deeply to be a plan"),
    # Medium 5-8, 15 and Low: SSH input read safely, before any connection
    (
        ["upload", "--host", "127.0.0.1", "--port", "9", "--identity", "/dev/zero", "leaf.crt"],
        2,
        "/dev/zero: is a device",
    ),
    (
        ["upload", "--host", "127.0.0.1", "--port", "9", "--identity", "pipe.pem", "leaf.crt"],
        2,
        "pipe.pem: is a named pipe",
    ),
    (
        [
            "upload",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--password-file",
            "long.pw",
            "--known-hosts",
            "pipe.pem",
            "leaf.crt",
        ],
        2,
        "pipe.pem: is a named pipe",
    ),
    (
        [
            "upload",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--password-file",
            "long.pw",
            "--known-hosts",
            "/dev/zero",
            "leaf.crt",
        ],
        2,
        "/dev/zero: is a device",
    ),
    (
        ["upload", "--host", "127.0.0.1", "--port", "9", "--identity", "leaf.crt", "leaf.crt"],
        2,
        "leaf.crt: is not an SSH private key (OpenSSH or PEM RSA, ECDSA, Ed25519)",
    ),
    (
        [
            "upload",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--identity",
            "ssh.key",
            "--password-file",
            "long.pw",
            "leaf.crt",
        ],
        2,
        "ssh.key: is not encrypted; leave the passphrase out",
    ),
    (
        ["upload", "--host", "127.0.0.1", "--port", "70000", "leaf.crt"],
        2,
        "--port: 70000 is not a port; give 1 to 65535",
    ),
    (["upload", "--host", "127.0.0.1", "--port", "0", "leaf.crt"], 2, "--port: 0 is not a port"),
    (
        ["upload", "--host", "127.0.0.1", "--port", "9", "--password-file", "long.pw", "a\x1b[2J.crt"],
        2,
        "a\\x1b[2J.crt: the file name holds control characters; rename the file",
    ),
    (["plan", "check", "user-esc.toml"], 2, "node[0].ssh_user: admin\\x1b]0;pwned\\x07: holds a space or control"),
    (["plan", "check", "host-nl.toml"], 2, "node[0].ssh_host: cms1.example.com\\x0awebadmin disable: holds a space"),
    (
        ["plan", "check", "fp.toml"],
        2,
        "node[0].fingerprint: SHA256:not-a-fingerprint: is not an SSH host key fingerprint",
    ),
    (["upload", "--plan", "user-esc.toml", "--node", NODE], 2, "node[0].ssh_user: admin\\x1b]0;pwned\\x07"),
    # Low: names, numbers and algorithms that looked fine
    ([*CSR, "subjectAltName:0.0.0.0"], 2, "'0.0.0.0' means 'any address' or a group, not a server"),
    ([*CSR, "subjectAltName:::"], 2, "'::' means 'any address' or a group, not a server"),
    ([*CSR, "subjectAltName:[::]"], 2, "'[::]' means 'any address'"),
    ([*CSR, "subjectAltName:224.0.0.1"], 2, "'224.0.0.1' means 'any address' or a group"),
    ([*CSR, "O:a\u200db"], 2, "O: contains a control character"),
    (["probe", "cms1.example.com", "--timeout", "nan"], 2, "--timeout: give seconds from 0.1 to 60"),
    (["probe", "cms1.example.com", "--timeout", "inf"], 2, "--timeout: give seconds from 0.1 to 60"),
    (["probe", "cms1.example.com:"], 2, "endpoint cms1.example.com:: ends with ':' but no port"),
    (
        ["pki", "verify", "dsa-leaf.crt", "dsa-root.crt"],
        1,
        "uses a key or signature algorithm TLS clients no longer accept",
    ),
    (["plan", "check", "abs.toml"], 2, "abs.toml: service[0].key: /root/.ssh/id_rsa: is a path"),
    (["plan", "check", "trust.toml"], 2, "trust.webbridge3: ../trust.crt: is a path"),
    (["plan", "check", "twochains.toml"], 2, "cb-fullchain.crt is the full chain of cb.key"),
    (["plan", "check", "bundlecert.toml"], 2, "service[0].bundle: cb.crt is already the certificate"),
    # Medium 10 outside plans: a space in any file name a sheet names (deploy, the wizard) is refused too
    (
        ["deploy", "--node", NODE, "--webadmin", "a b.key", "a.crt"],
        2,
        "a b.key: holds a space; the MMP would read it as two words",
    ),
    # Low: what is in the way on the stick, found before the first file is copied
    (["export", "--to", ".", "--name", "stick-link", "leaf.crt"], 2, "SHA256SUMS: is a symbolic link on the stick"),
    (["export", "--to", ".", "--name", "stick-dir", "leaf.crt"], 2, "leaf.crt: is a folder in the way of a file"),
    (
        ["export", "--to", ".", "--name", "stick-case", "leaf.crt"],
        2,
        "LEAF.CRT: is the same file as leaf.crt on a USB stick (FAT ignores case)",
    ),
    # High 4: passwords: no NUL, UTF-8 only, the first line of a password file, never echoed
    (
        [*["export-p12", "--key", "leaf.key", "--cert", "leaf.crt", "--out", "x.p12", "--password-file", "nul.pw"]],
        2,
        "nul.pw: the password holds a NUL byte, which no password may hold; give one line of text",
    ),
    (
        [*["export-p12", "--key", "leaf.key", "--cert", "leaf.crt", "--out", "x.p12", "--password-file", "latin1.pw"]],
        2,
        "latin1.pw: the password is not UTF-8 text; save the password file as UTF-8",
    ),
    (["pki", "inspect", "locked.pfx", "--password-file", "nul.pw"], 2, "nul.pw: the password holds a NUL byte"),
    (["pki", "inspect", "locked.pfx", "--password-file", "latin1.pw"], 2, "latin1.pw: the password is not UTF-8"),
    (["pki", "inspect", "locked.pfx", "--password-file", "wrong-first.pw"], 2, "locked.pfx: wrong password"),
    (["pki", "match", "locked.pfx", "leaf.crt", "--password-file", "nul.pw"], 2, "the password holds a NUL byte"),
    (
        ["upload", "--host", "127.0.0.1", "--port", "9", "--password-file", "nul.pw", "leaf.crt"],
        2,
        "nul.pw: the password holds a NUL byte",
    ),
    (
        [
            "upload",
            "--host",
            "127.0.0.1",
            "--port",
            "9",
            "--identity",
            "ssh.key",
            "--password-file",
            "latin1.pw",
            "leaf.crt",
        ],
        2,
        "latin1.pw: the password is not UTF-8 text",
    ),
    # mmp run / check (issue 27): refused before any login
    (["mmp", "run", "--sheet", "text.txt", "--node", NODE, "--host", "127.0.0.1"], 2, "has no section in this sheet"),
    (["mmp", "run", "--sheet", "node.sheet", "--node", NODE], 2, "--sheet FILE --node NAME --host HOST"),
    (["mmp", "check", "--node", NODE], 2, "give --plan PLAN --node NAME, or --host HOST --node NAME"),
    (
        ["mmp", "run", "--sheet", "node.sheet", "--node", NODE, "--host", "127.0.0.1", "--port", "70000"],
        2,
        "--port: 70000 is not a port; give 1 to 65535",
    ),
    (
        ["mmp", "run", "--sheet", "node.sheet", "--node", NODE, "--host", "h", "--restart-window", "25:00-01:00"],
        2,
        "restart window: 25:00-01:00: hours 0-23, minutes 0-59",
    ),
    (
        ["mmp", "run", "--sheet", "esc.sheet", "--node", NODE, "--host", "127.0.0.1"],
        2,
        "would hold a control character",
    ),
    (
        ["mmp", "run", "--sheet", "node.sheet", "--node", NODE, "--host", "h", "--max-call-legs", "-1"],
        2,
        "--max-call-legs: -1: give 0 or more active call legs",
    ),
    (
        ["mmp", "run", "--sheet", "node.sheet", "--node", NODE, "--host", "h", "--probe-port", "sip=5061"],
        2,
        "--probe-port: sip=5061: write ENDPOINT=PORT; the endpoints are: webadmin, callbridge,",
    ),
    (
        ["mmp", "run", "--sheet", "node.sheet", "--node", NODE, "--host", "h", "--probe-port", "callbridge=0"],
        2,
        "--probe-port: 0 is not a port; give 1 to 65535",
    ),
    # [apply] of a plan (issue 27): each problem names its key; refused before any login
    (
        ["plan", "check", "apply-window.toml"],
        2,
        "apply.restart_window: Sa 02:00-04:00: write it as HH:MM-HH:MM (UTC), optionally after the days",
    ),
    (["plan", "check", "apply-calls.toml"], 2, "apply.max_active_calls: -1: give 0 or more active call legs"),
    (["plan", "check", "apply-nouser.toml"], 2, "apply.max_active_calls: needs api_user"),
    (["plan", "check", "apply-port.toml"], 2, "apply.api_port: 70000 is not a port; give 1 to 65535"),
    (["plan", "check", "apply-pem.toml"], 2, "apply.api_password: holds a secret: put it in a file of mode 0600"),
    (["plan", "check", "apply-typo.toml"], 2, "apply.restart_windw: unknown key"),
    # the API password is sent to the plan's servers: only the plan's own file or a cmswizard keyring entry
    (["plan", "check", "apply-pgpass.toml"], 2, "apply.api_password: name a 0600 file in the plan's folder"),
    (["plan", "check", "apply-keyring.toml"], 2, "apply.api_password: a plan may name only keyring entries of"),
    (
        ["mmp", "run", "--plan", "apply-nopw.toml", "--node", NODE, "--host", "127.0.0.1", "--yes"],
        2,
        "--api-password-file: no terminal to ask for the API user's password",
    ),
    (
        ["mmp", "run", "--plan", "apply-window.toml", "--node", NODE, "--host", "127.0.0.1", "--yes"],
        2,
        "apply.restart_window: Sa 02:00-04:00",
    ),
    # renew run / dns test / plan schema 2 (issue 28): refused before any network or file
    (["plan", "check", "acme-cb.toml"], 2, "public is a public ACME CA, which issues serverAuth only; Call Bridge"),
    (["renew", "run", "--plan", "acme-cb.toml"], 2, "Call Bridge is also a TLS client (it needs clientAuth)"),
    (["dns", "test", "--plan", "acme-secret.toml"], 2, "account_key: holds a secret: put it in a file of mode 0600"),
    (["dns", "test", "--plan", "good.toml"], 2, "good.toml: has no acme issuer"),
    (["renew", "run", "--plan", "good.toml", "--due", "soon"], 2, "--due: write auto or a number of days such as 30d"),
    (
        ["renew", "run", "--plan", "good.toml", "--issue-only", "--deploy-only"],
        2,
        "and --deploy-only exclude each other",
    ),
    (
        ["renew", "run", "--plan", "good.toml", "--node", "nosuch.example.com"],
        2,
        "nosuch.example.com: is not a node of this plan; the nodes are: cms1.example.com",
    ),
]


def test_catalogue_is_large_enough() -> None:
    assert len(CATALOGUE) >= 160


@pytest.mark.parametrize(
    "argv, code, expected", CATALOGUE, ids=[f"{i:02d}-{' '.join(r[0])[:40]}" for i, r in enumerate(CATALOGUE)]
)
def test_bad_input(cli, tmp_path: Path, argv: list[str], code: int, expected: str) -> None:
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    for name, text in PLANS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name, data in HOSTILE.items():
        if any(name in arg or name.split(".")[0] == arg for arg in argv):
            (tmp_path / name).write_bytes(data)
    hostile_files.make_special(tmp_path, argv)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "leaf.crt").write_bytes(_H.leaf.pem)
    (tmp_path / "sub" / "LEAF.crt").write_bytes(_H.leaf.pem)  # differs from leaf.crt only in case
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
    # Nothing from a file or an argument drives the terminal or forges a line of its own.
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", result.err + result.out)
    assert not any(line.startswith("cmswizard: verified") for line in (result.err + result.out).splitlines())
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
