"""Plan schema 2: `[issuers.<name>]`, each certificate naming its issuer; schema 1 read unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.cms.issuers import IssuerType
from cmswizard.cms.plan import plan_text, read_plan_text
from cmswizard.pki.errors import CmsInputError

SCHEMA1 = """schema = 1
[cms]
version = "3.x"
topology = "single"
join_url = "join.example.com"
[[node]]
name = "cms1.example.com"
[[certificate]]
basename = "webbridge3-2026"
cn = "join.example.com"
san = ["join.example.com", "cms1.example.com"]
services = ["webbridge3"]
"""

SCHEMA2 = (
    SCHEMA1.replace("schema = 1", "schema = 2")
    + """issuer = "public"
[[certificate]]
basename = "callbridge-2026"
cn = "cms1.example.com"
san = ["cms1.example.com"]
services = ["callbridge"]
issuer = "internal"
[issuers.public]
type = "acme"
directory = "https://acme.example.com/directory"
contact = ["mailto:ops@example.com"]
account_key = "acme-account.key"
profile = "tlsserver"
[issuers.public.dns]
provider = "rfc2136"
server = "127.0.0.1"
port = 5353
tsig_key = "tsig.key"
[issuers.internal]
type = "manual"
"""
)


def test_schema_1_reads_unchanged_and_writes_as_1() -> None:
    plan = read_plan_text(SCHEMA1, "p")
    assert plan.issuers == () and plan.certificates[0].issuer == ""
    assert plan_text(plan).splitlines()[2] == "schema = 1"
    assert plan_text(read_plan_text(plan_text(plan), "p")) == plan_text(plan)


def test_schema_2_round_trip() -> None:
    plan = read_plan_text(SCHEMA2, "p")
    public, internal = plan.issuers
    assert public.type is IssuerType.ACME and public.profile == "tlsserver" and public.dns is not None
    assert public.dns.port == 5353 and public.dns.tsig_key == "tsig.key"
    assert internal.type is IssuerType.MANUAL
    assert plan.issuer_of(plan.certificates[0]) == public
    text = plan_text(plan)
    assert "schema = 2" in text
    assert read_plan_text(text, "p") == plan
    assert plan_text(read_plan_text(text, "p")) == text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('services = ["callbridge"]\nissuer = "internal"', 'services = ["callbridge"]\nissuer = "public"'),
            r"^p: certificate\[1\]\.issuer: public is a public ACME CA, which issues serverAuth only; Call Bridge is also a TLS client",
        ),
        (('issuer = "internal"', 'issuer = "nobody"'), r"certificate\[1\]\.issuer: 'nobody' is no \[issuers.<name>\]"),
        (
            ('account_key = "acme-account.key"', 'account_key = "-----BEGIN PRIVATE KEY-----"'),
            r"issuers\.public\.account_key: holds a secret: put it in a file",
        ),
        (('tsig_key = "tsig.key"\n', ""), r"issuers\.public\.dns\.tsig_key: rfc2136 updates are signed"),
        (('directory = "https://', 'directory = "http://'), r"issuers\.public\.directory: .*https://"),
        (
            ('[issuers.internal]\ntype = "manual"', '[issuers.internal]\ntype = "manual"\nprofile = "x"'),
            r"issuers\.internal\.profile: belongs to an acme issuer",
        ),
        (("schema = 2", "schema = 1"), r"^p: issuers: needs schema = 2"),
    ],
)
def test_bad_issuers_one_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(CmsInputError, match=message):
        read_plan_text(SCHEMA2.replace(*change), "p")


def test_internal_acme_may_sign_a_client(tmp_path: Path) -> None:
    text = SCHEMA2.replace(
        'services = ["callbridge"]\nissuer = "internal"', 'services = ["callbridge"]\nissuer = "public"'
    )
    plan = read_plan_text(text.replace('profile = "tlsserver"', 'profile = "tlsserver"\npublic = false'), "p")
    assert plan.certificates[1].issuer == "public"


def test_plan_new_proposes_the_split_and_check_refuses_public_client(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    done = cli(
        "plan",
        "new",
        "site.toml",
        "--core",
        "cms1.example.com",
        "--edge",
        "edge1.example.com",
        "--join-url",
        "join.example.com",
        "--acme",
        "https://acme.example.com/directory",
        "--acme-contact",
        "ops@example.com",
    )
    assert done.code == 0, done.err
    plan = read_plan_text((tmp_path / "site.toml").read_text(), "site.toml")
    by_service = {c.services[0].value: c.issuer for c in plan.certificates}
    assert by_service == {"webadmin": "internal", "callbridge": "internal", "webbridge3": "public", "turn": "public"}
    text = (tmp_path / "site.toml").read_text()
    bad = text.replace('services = ["callbridge"]\nissuer = "internal"', 'services = ["callbridge"]\nissuer = "public"')
    (tmp_path / "site.toml").write_text(bad)
    done = cli("plan", "check", "site.toml")
    assert done.code == 2
    assert "Call Bridge is also a TLS client (it needs clientAuth)" in done.err
    assert done.err.count("\n") == 1


RENEWAL = '[renewal]\ndeploy = "ssh"\nssh_key = "mmp-admin.key"\nknown_hosts = "known_hosts"\nrestart_window = "02:00-04:00"\n'


def test_renewal_settings_round_trip() -> None:
    plan = read_plan_text(SCHEMA2 + RENEWAL, "p")
    assert plan.renewal is not None and plan.renewal.deploy == "ssh" and plan.renewal.restart_window == "02:00-04:00"
    assert read_plan_text(plan_text(plan), "p") == plan


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('deploy = "ssh"', 'deploy = "ftp"'), r"^p: renewal\.deploy: 'ftp' is not one of: sheet, ssh"),
        (('ssh_key = "mmp-admin.key"\n', ""), r"^p: renewal\.ssh_key: deploy = \"ssh\" runs unattended"),
        (('"02:00-04:00"', '"2 to 4"'), r"^p: renewal\.restart_window: .*HH:MM-HH:MM"),
        (
            ('ssh_key = "mmp-admin.key"', 'ssh_key = "-----BEGIN OPENSSH PRIVATE KEY-----"'),
            r"renewal\.ssh_key: holds a secret",
        ),
    ],
)
def test_bad_renewal_settings_one_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(CmsInputError, match=message):
        read_plan_text(SCHEMA2 + RENEWAL.replace(*change), "p")
