"""Deployment plan files: new → apply → (CA signs) → apply → check → upload, and every bad plan in one line."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.plan import plan_text, read_plan, read_plan_text
from cmswizard.pki.ca import issue_certificate
from cmswizard.pki.loader import load_private_key
from cmswizard.pki.profiles import Usage

from helpers.factory import Issued, hierarchy, issue
from helpers.sshd import SshServer, running_sshd, sshd_missing_reason

CORES = ["cms1.example.com", "cms2.example.com", "cms3.example.com"]
EDGES = ["edge1.example.com", "edge2.example.com"]


def _new(cli, plan: str = "site.toml", *extra: str):
    return cli(
        "plan",
        "new",
        plan,
        "--core",
        *CORES,
        "--edge",
        *EDGES,
        "--join-url",
        "join.example.com",
        "--db",
        "--subject",
        "O:Example Inc.",
        "C:TW",
        "--year",
        "2026",
        *extra,
    )


def _snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()
    }


def _sign_all(folder: Path, ca: Issued, *, der: bool = True, days: int = 400) -> list[str]:
    """What the admin's CA does: sign every CSR the plan made (not the DB ones) and hand back .cer files."""
    signed = []
    for csr_path in sorted(folder.glob("*-2026.csr")):
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
        cert = issue_certificate(csr, ca.key, ca.cert, days=days, usage=Usage.SERVER_CLIENT).certificate
        out = folder / (csr_path.stem + ".cer")
        out.write_bytes(cert.public_bytes(Encoding.DER if der else Encoding.PEM))
        signed.append(out.name)
    return signed


@pytest.fixture
def ca() -> tuple[Issued, Issued]:
    chain = hierarchy(depth=1, prefix="Example", rsa_bits=2048)
    return chain.intermediates[0], chain.root


def _put_ca(folder: Path, ca: tuple[Issued, Issued]) -> None:
    (folder / "example-ca-chain.pem").write_bytes(ca[0].pem + ca[1].pem)


def test_new_apply_sign_apply_check(cli, tmp_path: Path, ca) -> None:
    done = _new(cli)
    assert done.code == 0, done.err
    assert "5 node(s), 7 key(s) to make" in done.out
    plan = read_plan(tmp_path / "site.toml")
    assert plan_text(plan) == (tmp_path / "site.toml").read_text()  # the writer is exact
    done = cli("plan", "check", "site.toml")
    assert done.code == 1 and "missing       callbridge-2026.key" in done.out

    first = cli("plan", "apply", "site.toml")
    assert first.code == 0, first.err
    for name in (
        "callbridge-2026.key",
        "callbridge-2026.csr",
        "webbridge3-2026.key",
        "turn-edge2-2026.csr",
        "dbca.crt",
        "dbserver.key",
        "dbclient.crt",
        "cms-commands.txt",
    ):
        assert (tmp_path / name).is_file(), name
    assert oct((tmp_path / "callbridge-2026.key").stat().st_mode & 0o777) == "0o600"
    assert "needs the certificate of callbridge-2026.key" in first.out
    csr = subprocess.run(
        ["openssl", "req", "-in", str(tmp_path / "callbridge-2026.csr"), "-noout", "-subject", "-verify"],
        capture_output=True,
        text=True,
    )
    assert csr.returncode == 0 and "CN = cms1.example.com" in csr.stdout and "O = Example Inc." in csr.stdout

    before = _snapshot(tmp_path)
    again = cli("plan", "apply", "site.toml")
    assert again.code == 0 and "nothing was written" in again.out
    assert _snapshot(tmp_path) == before

    _put_ca(tmp_path, ca)
    _sign_all(tmp_path, ca[0])
    keys_before = {n: b for n, (_, _, b) in _snapshot(tmp_path).items() if n.endswith(".key")}
    done = cli("plan", "apply", "site.toml")
    assert done.code == 0, done.out + done.err
    for name in (
        "callbridge-2026.crt",
        "callbridge-2026-bundle.crt",
        "webbridge3-2026-fullchain.crt",
        "turn-edge1-2026-bundle.crt",
        "trust-webbridge3.crt",
        "trust-c2w-clients.crt",
    ):
        assert f"made          {name}" in done.out
    assert {n: b for n, (_, _, b) in _snapshot(tmp_path).items() if n.endswith(".key")} == keys_before

    # what was made works for a real consumer, byte-exact
    root = tmp_path / "root.pem"
    root.write_bytes(ca[1].pem)
    for base in ("callbridge-2026", "webadmin-cms2-2026", "turn-edge1-2026"):
        verify = subprocess.run(
            [
                "openssl",
                "verify",
                "-CAfile",
                str(root),
                "-untrusted",
                str(tmp_path / f"{base}-bundle.crt"),
                str(tmp_path / f"{base}.crt"),
            ],
            capture_output=True,
            text=True,
        )
        assert verify.returncode == 0, verify.stdout + verify.stderr
    fullchain = (tmp_path / "webbridge3-2026-fullchain.crt").read_bytes()
    assert (
        fullchain.count(b"-----BEGIN CERTIFICATE-----") == 3
        and fullchain.endswith(b"-----\n")
        and b"\r" not in fullchain
    )
    assert (tmp_path / "trust-c2w-clients.crt").read_bytes().count(b"BEGIN CERTIFICATE") == 3

    before = _snapshot(tmp_path)
    again = cli("plan", "apply", "site.toml")
    assert again.code == 0 and "nothing was written" in again.out
    assert _snapshot(tmp_path) == before
    check = cli("plan", "check", "site.toml")
    assert check.code == 0, check.out
    assert "missing" not in check.out and "inconsistent" not in check.out


def test_check_reports_expiring_inconsistent_and_absent(cli, tmp_path: Path, ca) -> None:
    assert _new(cli).code == 0
    assert cli("plan", "apply", "site.toml").code == 0
    _put_ca(tmp_path, ca)
    _sign_all(tmp_path, ca[0], days=10)
    assert cli("plan", "apply", "site.toml").code == 0
    # a certificate that does not match its key, and an assigned file that is gone
    stranger = issue("cms2.example.com", ca[0])
    (tmp_path / "webadmin-cms2-2026.crt").write_bytes(stranger.pem)
    (tmp_path / "turn-edge2-2026-bundle.crt").unlink()
    os.unlink(tmp_path / "dbclient.key")
    done = cli("plan", "check", "site.toml")
    assert done.code == 1
    lines = done.out.splitlines()
    assert any(
        line.startswith("expiring") and "callbridge-2026.crt" in line and "expires in 9 day(s)" in line
        for line in lines
    ), done.out
    assert any(
        line.startswith("inconsistent")
        and "webadmin-cms2-2026.crt" in line
        and "does not belong to webadmin-cms2-2026.key" in line
        for line in lines
    )
    assert any(line.startswith("missing") and "turn-edge2-2026-bundle.crt" in line for line in lines)
    assert any(line.startswith("inconsistent") and "dbclient.key" in line for line in lines)
    # apply remakes the bundle but never touches the mismatched certificate or half a DB set
    done = cli("plan", "apply", "site.toml")
    assert "made          turn-edge2-2026-bundle.crt" in done.out
    assert done.code == 1 and "inconsistent  dbclient.key" in done.out
    assert (tmp_path / "webadmin-cms2-2026.crt").read_bytes() == stranger.pem
    assert not (tmp_path / "dbclient.key").exists()


def test_check_names_a_file_assigned_but_absent(cli, tmp_path: Path) -> None:
    assert (
        cli("plan", "new", "site.toml", "--core", CORES[0], "--join-url", "join.example.com", "--year", "2026").code
        == 0
    )
    text = (tmp_path / "site.toml").read_text()
    text += '\n[[service]]\nservice = "turn"\nkey = "turn-old.key"\ncertificate = "turn-old.crt"\n'
    (tmp_path / "site.toml").write_text(text)
    (tmp_path / "turn-old.key").write_bytes(hierarchy(depth=0).leaf.key_pem)
    done = cli("plan", "check", "site.toml")
    assert done.code == 1
    assert "exists        turn-old.key" in done.out
    assert "missing       turn-old.crt  TURN uses it, but it is not in the folder" in done.out


def test_apply_never_regenerates_a_key(cli, tmp_path: Path) -> None:
    assert _new(cli).code == 0
    assert cli("plan", "apply", "site.toml").code == 0
    key = (tmp_path / "callbridge-2026.key").read_bytes()
    (tmp_path / "callbridge-2026.csr").unlink()
    done = cli("plan", "apply", "site.toml")
    assert "made          callbridge-2026.csr" in done.out and "made          callbridge-2026.key" not in done.out
    assert (tmp_path / "callbridge-2026.key").read_bytes() == key
    done = subprocess.run(
        ["openssl", "req", "-in", str(tmp_path / "callbridge-2026.csr"), "-noout", "-pubkey"],
        capture_output=True,
        text=True,
        check=True,
    )
    own = subprocess.run(
        ["openssl", "pkey", "-in", str(tmp_path / "callbridge-2026.key"), "-pubout"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == own.stdout
    # a certificate whose key is gone: apply refuses to make a new key under that name
    (tmp_path / "turn-edge1-2026.key").unlink()
    (tmp_path / "turn-edge1-2026.crt").write_bytes(hierarchy(depth=0, leaf_cn="edge1.example.com").leaf.pem)
    done = cli("plan", "apply", "site.toml")
    assert done.code == 1 and "inconsistent  turn-edge1-2026.key" in done.out
    assert not (tmp_path / "turn-edge1-2026.key").exists()


def test_renewal_is_the_same_plan_with_next_years_basenames(cli, tmp_path: Path) -> None:
    assert _new(cli).code == 0
    assert cli("plan", "apply", "site.toml").code == 0
    done = cli(
        "plan",
        "new",
        "renew.toml",
        "--core",
        *CORES,
        "--edge",
        *EDGES,
        "--join-url",
        "join.example.com",
        "--year",
        "2027",
    )
    assert done.code == 0
    done = cli("plan", "apply", "renew.toml")
    assert "made          callbridge-2027.key" in done.out and "2026" not in done.out


_SVC = '\n[[service]]\nservice = "{service}"\nkey = "a.key"\ncertificate = "a.crt"\n'
BAD_PLANS = [  # (find, replace with, the one line expected); "" appends
    (
        [("schema = 1\n", "schema = 1\ncolour = 1\n")],
        "site.toml: colour: unknown key; the keys here are: schema, cms, subject",
    ),
    (
        [('role = "core"', 'role = "core"\nhost = "x"')],
        "site.toml: node[0].host: unknown key; the keys here are: name, role",
    ),
    ([('version = "3.x"', "version = 3")], "site.toml: cms.version: must be a string, not a number"),
    ([('version = "3.x"', 'version = "4.x"')], "site.toml: cms.version: '4.x' is not one of: 2.x, 2.9, 3.x"),
    (
        [('topology = "single"', 'topology = "edge"'), ("", '\n[[node]]\nname = "CMS1.example.com"\nrole = "edge"\n')],
        "site.toml: node[1].name: cms1.example.com is both a core and an edge server; a server has one role: list it once",
    ),
    (
        [("", _SVC.format(service="webadmin") + 'node = "cms9.example.com"\n')],
        "site.toml: service[3].node: cms9.example.com is on no [[node]]; add that node or fix the name",
    ),
    (
        [
            ('topology = "single"', 'topology = "edge"'),
            ("", '\n[[node]]\nname = "edge1.example.com"\nrole = "edge"\n'),
            ("", _SVC.format(service="callbridge") + 'node = "edge1.example.com"\n'),
        ],
        "site.toml: service[3].node (edge1.example.com): the Call Bridge row is for this edge server, but Call Bridge "
        "runs on the core servers: give the row a core server, or no server so that every core gets it",
    ),
    (
        [
            ('topology = "single"', 'topology = "edge"'),
            ("", '\n[[node]]\nname = "edge1.example.com"\nrole = "edge"\n'),
            ("", _SVC.format(service="turn") + 'node = "cms1.example.com"\n'),
        ],
        "site.toml: service[3].node (cms1.example.com): the TURN row is for this core server, but TURN runs on the "
        "edge servers: give the row an edge server, or no server so that every edge gets it",
    ),
    (
        [("", _SVC.format(service="xmpp"))],
        "site.toml: service[3].service: 'xmpp' is not a service of CMS 3.x; use one of",
    ),
    (
        [("", _SVC.format(service="webbridge3") + 'bundle = "b.crt"\n')],
        "site.toml: service[3].bundle: Web Bridge 3 takes one full-chain file",
    ),
    (
        [("", '\n[[node]]\nname = "cms4.example.com"\nssh_port = "22"\n')],
        "site.toml: node[1].ssh_port: must be a whole number, not a string",
    ),
    (
        [("", '\n[[node]]\nname = "cms4.example.com"\nrole = "primary"\n')],
        "site.toml: node[1].role: 'primary' is not one of: core, edge",
    ),
    ([("", '\n[[node]]\nname = "cms4.example.com"\n')], "site.toml: node: a single combined server has one node"),
    ([("c2w_port = 6000", "c2w_port = 70000")], "site.toml: listen.c2w_port: 70000 is not a port"),
    ([("[cms]", "[cms")], "site.toml: is not valid TOML"),
    (
        [('certificate = "callbridge-2026.crt"', "certificate = 5")],
        "site.toml: service[1].certificate: must be a string, not a number",
    ),
]


@pytest.mark.parametrize(
    ("edits", "message"), BAD_PLANS, ids=[m.split(": ")[1] + str(i) for i, (_, m) in enumerate(BAD_PLANS)]
)
def test_bad_plans_get_one_line_naming_the_key(cli, tmp_path: Path, edits, message: str) -> None:
    assert (
        cli("plan", "new", "site.toml", "--core", CORES[0], "--join-url", "join.example.com", "--year", "2026").code
        == 0
    )
    text = (tmp_path / "site.toml").read_text()
    for find, replacement in edits:
        if find:
            assert find in text, find
            text = text.replace(find, replacement, 1)
        else:
            text += replacement
    (tmp_path / "site.toml").write_text(text)
    done = cli("plan", "check", "site.toml")
    assert done.code == 2
    assert done.err.startswith("cmswizard: " + message), done.err
    assert done.err.count("\n") == 1 and "Traceback" not in done.err


def test_schema_and_missing_keys(tmp_path: Path) -> None:
    from cmswizard.pki.errors import CmsInputError

    with pytest.raises(CmsInputError, match=r"^p: schema: is 3; this cmswizard reads plan schema 1 or 2"):
        read_plan_text("schema = 3\n", "p")
    with pytest.raises(CmsInputError, match=r"^p: schema: is missing; add it"):
        read_plan_text("[cms]\n", "p")
    with pytest.raises(CmsInputError, match=r"^p: node: the plan has no \[\[node\]\]"):
        read_plan_text('schema = 1\n[cms]\nversion = "3.x"\ntopology = "single"\n', "p")


@pytest.fixture
def sshd() -> Iterator[SshServer]:
    reason = sshd_missing_reason()
    if reason:
        pytest.skip(reason)
    with running_sshd() as server:
        yield server


@pytest.mark.sshd
def test_done_when_three_cores_two_edges_to_a_verified_upload(cli, tmp_path: Path, ca, sshd: SshServer) -> None:
    """The issue's closing check: plan new → keys, CSRs, DB files, bundles, sheet → verified upload."""
    assert _new(cli).code == 0
    assert cli("plan", "apply", "site.toml").code == 0
    _put_ca(tmp_path, ca)
    _sign_all(tmp_path, ca[0])
    assert cli("plan", "apply", "site.toml").code == 0
    assert cli("plan", "check", "site.toml").code == 0
    # the loopback SSH server stands in for cms1's MMP: point the plan's node at it
    text = (
        (tmp_path / "site.toml")
        .read_text()
        .replace(
            'name = "cms1.example.com"\nrole = "core"\n',
            f'name = "cms1.example.com"\nrole = "core"\nssh_host = "127.0.0.1"\nssh_port = {sshd.port}\n'
            f'ssh_user = "{sshd.user}"\nfingerprint = "{sshd.host_fingerprint()}"\n',
        )
    )
    (tmp_path / "site.toml").write_text(text)
    secret = tmp_path / "mmp-password"
    secret.write_text(sshd.password + "\n")
    done = cli(
        "upload",
        "--plan",
        "site.toml",
        "--node",
        "cms1.example.com",
        "--password-file",
        str(secret),
        "--known-hosts",
        str(tmp_path / "known_hosts"),
    )
    assert done.code == 0, done.out + done.err
    wanted = [
        "webadmin-cms1-2026.key",
        "webadmin-cms1-2026.crt",
        "webadmin-cms1-2026-bundle.crt",
        "callbridge-2026.key",
        "callbridge-2026.crt",
        "callbridge-2026-bundle.crt",
        "trust-webbridge3.crt",
        "dbserver.key",
        "dbserver.crt",
        "dbclient.key",
        "dbclient.crt",
        "dbca.crt",
    ]
    assert ": 12 uploaded and verified" in done.out
    for name in wanted:
        assert f"{name}: verified" in done.out
        assert (sshd.upload_dir / name).read_bytes() == (tmp_path / name).read_bytes()
    assert sorted(os.listdir(sshd.upload_dir)) == sorted(wanted)
    assert "type the commands of cms1.example.com" in done.out + done.err
    done = cli("upload", "--plan", "site.toml", "--node", "cms9.example.com", "--password-file", str(secret))
    assert done.code == 2 and "cms9.example.com: is not a node of this plan" in done.err


def test_plan_round_trip_keeps_every_field(tmp_path: Path) -> None:
    text = """# cmswizard deployment plan: see docs/plan-format.md
# `cmswizard plan check` says what exists and what is missing; `plan apply` makes what is missing.
schema = 1
sheet = "commands.txt"

[cms]
version = "2.9"
topology = "cluster"
join_url = "join.example.com"
xmpp_domain = "example.com"
key_type = "ec256"
sip_trust = "sip-ca.crt"
callbridge_cn = "cb.example.com"
backup_name = "pre-renewal"

[subject]  # defaults for every CSR
O = "Example 台灣 Org"
OU = "IT"
ST = "Taipei"
C = "TW"

[listen]
interface = "b"
webadmin_port = 8443
webadmin_port_beside_web_bridge = 445
webbridge_port = 443
webbridge3_port = 443
c2w_port = 9999
turn_tls_port = 5349
scheduler_port = 9443

[trust]
content = "leaf"
webbridge3 = "wb3-peers.crt"

[[node]]
name = "cms1.example.com"
role = "core"
ssh_host = "10.0.0.1"
ssh_port = 2222
ssh_user = "cert\\"admin\\\\x"
fingerprint = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

[[node]]
name = "cms2.example.com"
role = "core"

[database]
domain = "db.example.com"
primary = "cms1.example.com"
join = ["cms2.example.com"]
connect = []
renewal = true
ca = "corp-ca.crt"

[[certificate]]
basename = "callbridge-2026"
cn = "cms1.example.com"
san = ["cms1.example.com", "cms2.example.com"]
services = ["callbridge"]

[[service]]
service = "callbridge"
key = "callbridge-2026.key"
certificate = "callbridge-2026.crt"
bundle = "callbridge-2026-bundle.crt"

[[service]]
service = "webbridge3"
node = "cms2.example.com"
key = "wb3.key"
certificate = "wb3-fullchain.crt"
"""
    plan = read_plan_text(text, "p")
    assert plan_text(plan) == text
    assert read_plan_text(plan_text(plan), "p") == plan
    assert plan.node("cms1.example.com").address == "10.0.0.1"
    assert plan.deployment().listen.c2w_port == 9999


def test_sheet_languages_match_the_catalogue() -> None:
    from cmswizard.catalogue import SHEET_LANGUAGES
    from cmswizard.cms.plan import SHEET_LANGUAGES as PLAN_LANGUAGES

    assert PLAN_LANGUAGES == SHEET_LANGUAGES


def test_keys_made_by_apply_load(tmp_path: Path, cli) -> None:
    assert cli("plan", "new", "one.toml", "--core", "cms1.example.com", "--key", "ec256").code == 0
    assert cli("plan", "apply", "one.toml").code == 0
    key = load_private_key(tmp_path / f"callbridge-{dt.date.today().year}.key")
    assert key.key_size == 256  # type: ignore[union-attr]
