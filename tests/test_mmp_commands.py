"""What each MMP line is and how its answer is read (cms/mmp_commands.py, cms/mmp_state.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cmswizard.cms.mmp_commands import LineClass, Verdict, classify, parse_answer
from cmswizard.cms.mmp_state import NodeState, RestartWindow, putback_lines
from cmswizard.pki.errors import CmsInputError

from helpers.mmp_sim_sheet import sheet_sections

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("callbridge", LineClass.READ_ONLY),
        ("pki match a.key a.crt", LineClass.READ_ONLY),
        ("database cluster status", LineClass.READ_ONLY),
        ("backup snapshot before-certificates", LineClass.BACKUP),
        ("callbridge certs a.key a.crt b.crt", LineClass.CHANGE),
        ("webbridge3 c2w trust t.crt", LineClass.CHANGE),
        ("tls sip verify enable", LineClass.CHANGE),
        ("webadmin disable", LineClass.CHANGE),
        ("database cluster join cms1.example.com", LineClass.CHANGE),
        ("callbridge restart", LineClass.RESTART),
        ("webbridge3 enable", LineClass.RESTART),
        ("database cluster remove", LineClass.PROMPTING),
        ("user add bob admin", LineClass.PROMPTING),
        ("shutdown", LineClass.UNKNOWN),
        ("callbridge certs a.key a.crt b.crt; reboot", LineClass.UNKNOWN),
    ],
)
def test_classify(line: str, kind: LineClass) -> None:
    assert classify(line) is kind


def test_every_golden_command_is_classified() -> None:
    for sheet in sorted(GOLDEN.glob("*.txt")):
        for _node, lines in sheet_sections(sheet.read_text()):
            unknown = [line for _, line in lines if classify(line) is LineClass.UNKNOWN]
            assert unknown == [], sheet.name


def test_answers() -> None:
    assert parse_answer("webadmin enable", "SUCCESS: Key and certificate pair match\r\n").verdict is Verdict.OK
    assert parse_answer("webadmin listen a 445", "").verdict is Verdict.OK
    failed = parse_answer("callbridge certs a b", "FAILURE: a does not exist")
    assert failed.verdict is Verdict.FAILURE and "a does not exist" in failed.reason
    odd = parse_answer("callbridge restart", "\x1b]0;x\x07Segmentation fault")
    assert odd.verdict is Verdict.UNKNOWN and "\x1b" not in odd.reason and "\\x1b" in odd.reason
    assert parse_answer("pki match a b", "ok I guess").verdict is Verdict.UNKNOWN
    assert parse_answer("callbridge", "Key file : a.key").verdict is Verdict.OK


def test_putback_only_what_was_readable_and_set() -> None:
    state = NodeState(
        "cms1", answers={"callbridge": ("Key file : old.key", "Certificate file : old.crt", "CA Bundle file : none")}
    )
    lines, problems = putback_lines(state, ["callbridge certs n.key n.crt b.crt", "callbridge trust c2w t.crt"])
    assert [line.text for line in lines] == ["callbridge certs old.key old.crt", "callbridge restart"]
    assert problems == ["callbridge trust c2w: its earlier value could not be read"]


def test_restart_window() -> None:
    window = RestartWindow.parse("22:30-02:00")
    assert window.contains(dt.datetime(2026, 1, 1, 23, 0, tzinfo=dt.UTC))
    assert window.contains(dt.datetime(2026, 1, 1, 1, 59, tzinfo=dt.UTC))
    assert not window.contains(dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC))
    with pytest.raises(CmsInputError):
        RestartWindow.parse("25:00-01:00")


def test_the_api_port_is_the_web_admin_port_the_lines_set() -> None:
    from cmswizard.cms.mmp_state import webadmin_port

    assert webadmin_port(["webadmin listen a 445", "webbridge3 https listen a:443"]) == 445
    assert webadmin_port(["callbridge restart"]) == 443  # nothing said: the usual HTTPS port
    assert webadmin_port(["webadmin listen a 445", "webadmin listen b 8443"]) == 8443  # the last one set wins
