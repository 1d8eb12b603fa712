"""Renewal: old certificate → request (checked by openssl) → new certificate from another CA → comparison,
and the replacement sheet; the expiry calendar parsed back with icalendar; the calendar on the stick."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import icalendar
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from cmswizard.cms.renewal import compare_certificates, renewal_basename, renewal_request, spec_changes
from cmswizard.cms.services import Service
from cmswizard.export.calendar import CALENDAR_NAME, ExpiryEntry, expiry_calendar, parse_alarm_days
from cmswizard.pki.ca import Usage, issue_certificate
from cmswizard.pki.csr import build_csr
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.keys import generate_private_key
from cmswizard.pki.loader import load_file
from cmswizard.pki.spec import KeyType

from helpers.factory import NOW, Hierarchy, Issued, hierarchy, issue, new_key

CN = "join.example.com"
SANS = [CN, "cms1.example.com", "cms2.example.com"]


def _subject() -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "TW"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Inc."),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "IT"),
            x509.NameAttribute(NameOID.COMMON_NAME, CN),
        ]
    )


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    h = hierarchy(depth=1, rsa_bits=2048)
    h.extra["old"] = issue(
        CN, h.intermediates[0], key=new_key(3072), san=SANS, subject=_subject(), end=NOW + dt.timedelta(days=12)
    )
    h.extra["other-ca"] = issue("Test Issuing CA 2", h.root, ca=True, key=new_key(2048))
    return h


def test_basenames_are_year_stamped_and_never_the_live_name() -> None:
    assert renewal_basename("webbridge3-2025", 2026) == "webbridge3-2026"
    assert renewal_basename("cms1", 2026) == "cms1-2026"
    assert renewal_basename("cms_2024_2", 2026) == "cms-2026"
    assert renewal_basename("webadmin-2026", 2026) == "webadmin-2026-2"
    assert renewal_basename("webadmin-2026-2", 2026) == "webadmin-2026-3"


def test_request_keeps_subject_sans_and_key(pki: Hierarchy) -> None:
    request = renewal_request(pki.extra["old"].cert, "webbridge3-2025", today=dt.date(2026, 11, 27))
    spec = request.spec
    assert (spec.basename, spec.cn, spec.ou, spec.o, spec.c) == ("webbridge3-2026", CN, "IT", "Example Inc.", "TW")
    assert [e.value for e in spec.san] == SANS
    assert spec.key_type is KeyType.RSA3072
    assert request.command() == (
        'pki csr webbridge3-2026 CN:join.example.com OU:IT O:"Example Inc." C:TW '
        "subjectAltName:join.example.com,cms1.example.com,cms2.example.com"
    )


def test_request_refuses_a_weaker_key_and_the_live_name(pki: Hierarchy) -> None:
    with pytest.raises(CmsInputError, match="RSA 2048 is weaker than the old key \\(RSA 3072\\)"):
        renewal_request(pki.extra["old"].cert, "wb3", key_type=KeyType.RSA2048)
    stronger = renewal_request(pki.extra["old"].cert, "wb3", key_type=KeyType.EC384)
    assert stronger.spec.key_type is KeyType.EC384
    from dataclasses import replace

    request = renewal_request(pki.extra["old"].cert, "wb3")
    checked = request.check(replace(request.typed, basename="wb3"))
    assert checked.spec is None
    assert "is the name of the live key" in str(checked.errors[0])


def test_edits_are_shown_as_a_diff(pki: Hierarchy) -> None:
    from dataclasses import replace

    request = renewal_request(pki.extra["old"].cert, "wb3")
    edited = request.check(
        replace(request.typed, san=(CN, "cms1.example.com", "meet.example.com"), key_type=KeyType.RSA4096)
    )
    assert spec_changes(request.spec, edited.require()) == [
        "- cms2.example.com",
        "+ meet.example.com",
        "key: RSA 3072 → RSA 4096",
    ]


def _openssl(*args: str) -> str:
    done = subprocess.run(["openssl", *args], capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def test_round_trip_through_the_cli(cli, pki: Hierarchy, tmp_path: Path) -> None:
    old = pki.extra["old"]
    (tmp_path / "webbridge3-2025.crt").write_bytes(old.pem + pki.intermediates[0].pem + pki.root.pem)
    done = cli("renew", "spec", "webbridge3-2025.crt", "--dir", ".")
    assert done.code == 0, done.err
    year = dt.date.today().year
    assert f"command: pki csr webbridge3-{year} CN:join.example.com OU:IT" in done.out
    csr_path = tmp_path / f"webbridge3-{year}.csr"
    key_path = tmp_path / f"webbridge3-{year}.key"
    assert key_path.stat().st_mode & 0o777 == 0o600
    assert "verify OK" in _openssl("req", "-in", str(csr_path), "-verify", "-noout")
    text = _openssl("req", "-in", str(csr_path), "-noout", "-text")
    assert "DNS:join.example.com, DNS:cms1.example.com, DNS:cms2.example.com" in text
    assert "Public-Key: (3072 bit)" in text
    # The CA answers from another intermediate.
    csr = load_file(csr_path).csrs[0]
    other = pki.extra["other-ca"]
    new = issue_certificate(csr, other.key, other.cert, days=397, usage=Usage.SERVER_CLIENT).certificate
    (tmp_path / "new.crt").write_bytes(Issued(new, other.key).pem)
    compared = cli("renew", "compare", "webbridge3-2025.crt", "new.crt", "--service", "webbridge3")
    assert compared.code == 0, compared.err
    assert "~ Issuer:" in compared.out and "Test Issuing CA 2" in compared.out
    assert "= Subject alt names:" in compared.out
    assert "CUCM: upload the new issuing CA and root to CallManager-trust" in compared.out
    assert "Expressway-C and -E: add the new issuing CA and root" in compared.out
    assert "every Call Bridge: rebuild its 'callbridge trust c2w' file" in compared.out
    assert "The issuer changed" in compared.out
    assert "if the new issuing CA is under another root, add that root" in compared.out  # same root here
    answers = cli("renew", "compare", "webbridge3-2025.crt", "new.crt", "--csr", csr_path.name)
    assert answers.code == 0 and "✗" not in answers.out, answers.out
    # The CA answered another request: another key, and a name of this request left out.
    stranger = issue("join.example.com", other, san=["join.example.com", "cms1.example.com"])
    (tmp_path / "stranger.crt").write_bytes(stranger.pem)
    refused = cli("renew", "compare", "webbridge3-2025.crt", "stranger.crt", "--csr", csr_path.name)
    assert refused.code == 1
    assert "✗ stranger.crt is not for the key made with this request" in refused.out
    assert "✗ stranger.crt lacks names this request asked for: cms2.example.com;" in refused.out
    not_a_csr = cli("renew", "compare", "webbridge3-2025.crt", "new.crt", "--csr", "new.crt")
    assert (not_a_csr.code, not_a_csr.err) == (
        2,
        "cmswizard: new.crt: holds no certificate request; give the .csr sent to the CA\n",
    )


def test_comparison_flags_lost_names_usage_and_key(pki: Hierarchy) -> None:
    old = pki.extra["old"].cert
    poorer = issue(CN, pki.intermediates[0], key=new_key(2048), san=[CN], subject=_subject())
    key = generate_private_key(KeyType.RSA2048)
    server_only_csr = build_csr(renewal_request(poorer.cert, "x", key_type=KeyType.RSA2048).spec, key)
    server_only = issue_certificate(
        server_only_csr, pki.intermediates[0].key, pki.intermediates[0].cert, usage=Usage.SERVER
    ).certificate
    comparison = compare_certificates(old, server_only, services=[Service.CALLBRIDGE])
    assert not comparison.ok
    problems = {row.label: str(row.note) for row in comparison.problems()}
    assert problems["Subject alt names"].startswith(
        "missing in the new certificate: cms1.example.com, cms2.example.com"
    )
    assert problems["Extended key usage"].startswith("clientAuth is gone")
    assert problems["Key"] == "the new key is weaker than the old one"
    assert not comparison.issuer_changed
    assert (
        comparison.trust_updates[-1] == "trust files that hold only the root CA need no change: the issuer is the same"
    )


def test_compare_cli_exit_code_on_problems(cli, pki: Hierarchy, tmp_path: Path) -> None:
    (tmp_path / "old.crt").write_bytes(pki.extra["old"].pem)
    (tmp_path / "poor.crt").write_bytes(issue(CN, pki.intermediates[0], san=[CN]).pem)
    done = cli("renew", "compare", "old.crt", "poor.crt", "--json")
    assert done.code == 1
    assert '"issuer_changed": false' in done.out


def test_replacement_sheet(cli) -> None:
    done = cli(
        "renew", "sheet", "--node", "cms1.example.com", "--webadmin", "webadmin-2026.key", "webadmin-2026.crt", "bundle-2026.crt",
        "--webbridge3", "wb3-2026.key", "wb3-2026-fullchain.crt", "--backup-name", "before-renewal",
    )  # fmt: skip
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    node = lines.index("# ===== cms1.example.com (server) =====")
    commands = [line for line in lines[node:] if not line.startswith("#")]
    assert commands[0] == "backup snapshot before-renewal"
    assert "webadmin certs webadmin-2026.key webadmin-2026.crt bundle-2026.crt" in commands
    assert "webbridge3 https certs wb3-2026.key wb3-2026-fullchain.crt" in commands
    assert commands.index("webadmin") > commands.index("webadmin enable")  # the status line shows the files in use
    assert commands[-2:] == ["webbridge3 restart", "webbridge3"]  # it runs already: restart loads the new files
    # A renewal swaps files only: no listen line retyped from defaults moves a service off its port.
    assert not [c for c in commands if " listen " in c], commands
    assert "# renewal: the services keep their ports and interfaces; only the key and certificate files change" in lines
    assert not [line for line in lines[node:] if "listen" in line or "moves to" in line]
    assert any(line.startswith("# simplest alternative (TAC 214618)") for line in lines)
    assert lines[-4:] == [
        "# Then, from your computer, check what the node presents (exit code 0: all good):",
        "# cmswizard probe cms1.example.com:445 --service webadmin --expect webadmin-2026.crt",
        "# cmswizard probe cms1.example.com:443 --service webbridge3 --expect wb3-2026-fullchain.crt",
        "# cmswizard probe cms1.example.com:6000 --service c2w --expect wb3-2026-fullchain.crt",
    ]


def test_replacement_sheet_for_expired_db_certificates(cli) -> None:
    done = cli("renew", "sheet", "--db-primary", "cms1.example.com", "--db-join", "cms2.example.com")
    assert done.code == 0, done.err
    text = done.out
    assert text.index("backup snapshot before-renewal-") < text.index("database cluster remove")
    assert text.count("database cluster remove") == 2
    assert "database cluster join cms1.example.com" in text


def test_cli_renews_a_certificate_whose_fields_pki_csr_refuses(cli, tmp_path: Path) -> None:
    """The old CN has spaces and the file name has dots: --cn and --basename fix them, and the diff says so."""
    (tmp_path / "cms1.example.com.crt").write_bytes(hierarchy(depth=1, leaf_cn="CMS Web Admin").leaf.pem)
    fixes = ("--cn", "cms1.example.com", "--san", "cms1.example.com", "--basename", "webadmin-2027")
    done = cli("renew", "spec", "cms1.example.com.crt", *fixes)
    assert done.code == 0, done.err
    assert "command: pki csr webadmin-2027 CN:cms1.example.com" in done.out
    assert "CN: CMS Web Admin → cms1.example.com" in done.out and "- CMS Web Admin" in done.out
    refused = cli("renew", "spec", "cms1.example.com.crt")
    assert refused.code == 2 and refused.err.count("\n") == 1  # one line naming the field, no traceback


def test_renew_bad_input(cli, tmp_path: Path) -> None:
    (tmp_path / "ca.crt").write_bytes(hierarchy().root.pem)
    done = cli("renew", "spec", "ca.crt")
    assert done.code == 2
    assert (
        done.err
        == "cmswizard: ca.crt: holds no server certificate; give the .crt (or full-chain file) of the service\n"
    )
    (tmp_path / "cms1.crt").write_bytes(hierarchy().leaf.pem)
    done = cli("renew", "spec", "cms1.crt", "--basename", "cms1")
    assert done.code == 2 and "is the name of the live key" not in done.out  # said once, on stderr
    assert done.err.count("is the name of the live key") == 1
    done = cli("renew", "sheet", "--node", "cms1.example.com", "--backup-name", "a b", "--webadmin", "a.key", "a.crt")
    assert done.code == 2 and "backup name: use letters, digits" in done.err


# --- the expiry calendar -----------------------------------------------------------------------------


def test_calendar_one_event_per_certificate_with_exact_alarms(pki: Hierarchy) -> None:
    entries = [ExpiryEntry(c.cert, "full.pem") for c in pki.chain] + [ExpiryEntry(pki.leaf.cert, "again.pem")]
    entries.append(ExpiryEntry(pki.extra["old"].cert, "probe 127.0.0.1:445"))
    data = expiry_calendar(entries, now=dt.datetime(2026, 11, 27, 4, 0, tzinfo=dt.UTC))
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 4  # the leaf listed twice is one event
    by_uid = {str(e["UID"]): e for e in events}
    for certificate in (pki.root.cert, pki.intermediates[0].cert, pki.leaf.cert, pki.extra["old"].cert):
        event = by_uid[f"{certificate.fingerprint(hashes.SHA256()).hex()}@cmswizard"]
        start = event.decoded("DTSTART")
        assert start == certificate.not_valid_after_utc.replace(microsecond=0)
        assert start.utcoffset() == dt.timedelta(0)
        alarms = [start + alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]
        assert alarms == [start - dt.timedelta(days=d) for d in (60, 30, 7)]
    assert b"DTSTART:" in data and b"Z\r\n" in data  # UTC written with Z, no time zone blocks
    assert b"VTIMEZONE" not in data
    first = events[0]
    assert str(first["SUMMARY"]) == f"Certificate expires: {CN} / 憑證到期：{CN}"  # the old one expires first


def test_calendar_alarm_days_are_configurable() -> None:
    leaf = hierarchy().leaf.cert
    calendar = icalendar.Calendar.from_ical(
        expiry_calendar([ExpiryEntry(leaf, "x")], alarm_days=parse_alarm_days("14, 90"))
    )
    event = next(iter(calendar.walk("VEVENT")))
    assert [-a.decoded("TRIGGER").days for a in event.walk("VALARM")] == [90, 14]
    with pytest.raises(CmsInputError, match="give whole numbers of days"):
        parse_alarm_days("sixty")
    with pytest.raises(CmsInputError, match="out of range"):
        parse_alarm_days("5000")


def test_calendar_goes_on_the_stick(cli, pki: Hierarchy, tmp_path: Path) -> None:
    (tmp_path / "cms1.crt").write_bytes(pki.leaf.pem)
    (tmp_path / "bundle.crt").write_bytes(pki.intermediates[0].pem + pki.root.pem)
    (tmp_path / "cms1.key").write_bytes(pki.leaf.key_pem)
    (tmp_path / "cms1.key").chmod(0o600)
    done = cli("export", "cms1.crt", "bundle.crt", "cms1.key", "--to", "stick", "--name", "out", "--alarm-days", "30")
    assert done.code == 2  # the stick folder does not exist yet
    (tmp_path / "stick").mkdir()
    done = cli("export", "cms1.crt", "bundle.crt", "cms1.key", "--to", "stick", "--name", "out", "--alarm-days", "30")
    assert done.code == 0, done.err
    out = tmp_path / "stick" / "out"
    events = list(icalendar.Calendar.from_ical((out / CALENDAR_NAME).read_bytes()).walk("VEVENT"))
    assert len(events) == 3
    assert all([-a.decoded("TRIGGER").days for a in e.walk("VALARM")] == [30] for e in events)
    assert CALENDAR_NAME in (out / "SHA256SUMS").read_text()
    assert "calendar of certificate expiry dates" in (out / "README.txt").read_text()
    done = cli("export", "cms1.crt", "--to", "stick", "--name", "plain", "--no-calendar")
    assert done.code == 0
    assert not (tmp_path / "stick" / "plain" / CALENDAR_NAME).exists()


def test_renewal_probe_lines_cover_xmpp_c2w_and_the_database(cli) -> None:
    """The probe after a renewal reads every endpoint the swap touched: XMPP with its domain, the DB on 5432."""
    done = cli(
        "renew", "sheet", "--version", "2.x", "--node", "cms1.example.com", "--xmpp", "xmpp-2026.key",
        "xmpp-2026.crt", "--xmpp-domain", "example.com", "--webadmin", "wa.key", "wa.crt",
        "--db-primary", "cms1.example.com",
    )  # fmt: skip
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert (
        "# cmswizard probe cms1.example.com:5222 --service xmpp --expect xmpp-2026.crt --xmpp-domain example.com"
        in lines
    )
    assert "# cmswizard probe cms1.example.com:443 --service webadmin --expect wa.crt" in lines  # no web bridge here
    assert "# cmswizard probe cms1.example.com:5432 --service database --expect dbserver.crt" in lines


def test_a_shared_web_bridge_3_certificate_is_renewed_on_every_edge_with_the_call_bridges_trust(
    cli, tmp_path: Path
) -> None:
    """Issue 29 Medium 8, CLI: one --node per server, --trusted-by for the Call Bridges; --make-trust writes the
    rebuilt trust file (every Web Bridge 3) and each Call Bridge loads it, then restarts."""
    tree = hierarchy(depth=1, leaf_cn="join.example.com")
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "wb3-2026.key").write_bytes(tree.leaf.key_pem)
    (folder / "wb3-2026.crt").write_bytes(b"".join(c.pem for c in tree.chain))
    done = cli(
        "renew", "sheet", "--node", "edge1.example.com", "--node", "edge2.example.com",
        "--webbridge3", "wb3-2026.key", "wb3-2026.crt", "--trusted-by", "cms1.example.com",
        "--trusted-by", "cms2.example.com", "--files-in", str(folder), "--make-trust", "--backup-name", "b",
    )  # fmt: skip
    assert done.code == 0, done.err
    text = done.out
    assert text.count("webbridge3 https certs wb3-2026.key wb3-2026.crt") == 2
    for node in ("cms1.example.com", "cms2.example.com"):
        section = text.split(f"# ===== {node} (trusts the renewed certificate) =====")[1].split("# =====")[0]
        commands = [line for line in section.splitlines() if line and not line.startswith("#")]
        assert commands == ["backup snapshot b", "callbridge trust c2w trust-webbridge3.crt", "callbridge restart"]
    written = load_file(folder / "trust-webbridge3.crt").certificates
    assert written[0] == tree.leaf.cert  # the renewed certificate with its chain
    assert "wrote" in done.err and "trust-webbridge3.crt" in done.err


def test_several_servers_in_one_node_option_are_named_as_such(cli) -> None:
    done = cli("renew", "sheet", "--node", "cms1.example.com,cms2.example.com", "--webadmin", "a.key", "a.crt")
    assert done.code == 2
    assert "names several servers: give one server per --node and repeat the option" in done.err
    assert "label" not in done.err
