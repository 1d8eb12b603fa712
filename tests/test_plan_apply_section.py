"""`[apply]` of a plan: read by the one plan reader, written back unchanged, the API password only named;
and the restart window's optional days."""

from __future__ import annotations

import datetime as dt

import pytest

from cmswizard.cms.apply_settings import ApplySettings
from cmswizard.cms.mmp_state import RestartWindow
from cmswizard.cms.plan import plan_text, read_plan_text
from cmswizard.pki.errors import CmsInputError

from helpers.hostile_plans import plan_text as good_plan

APPLY = (
    '\n[apply]\nrestart_window = "Sat 02:00-04:00"\nmax_active_calls = 2\napi_user = "cmsapi"\n'
    'api_password = "keyring:cmswizard/cmsapi"\napi_port = 445\napi_ca = "webadmin-ca.pem"\n'
)


def test_apply_section_is_read_and_written_back() -> None:
    plan = read_plan_text(good_plan() + APPLY, "p")
    assert plan.apply == ApplySettings(
        "Sat 02:00-04:00", 2, "cmsapi", "keyring:cmswizard/cmsapi", 445, "webadmin-ca.pem"
    )
    again = read_plan_text(plan_text(plan), "p")
    assert again.apply == plan.apply
    assert read_plan_text(good_plan(), "p").apply is None
    assert "[apply]" not in plan_text(read_plan_text(good_plan(), "p"))


@pytest.mark.parametrize(
    "extra, expected",
    [
        ('restart_window = "2 to 4"', "p: apply.restart_window: 2 to 4: write it as HH:MM-HH:MM (UTC)"),
        ('api_user = " api"', "p: apply.api_user: write the API user's name only"),
        ('api_password = "secret"', "p: apply.api_user: name the API user the other api_ settings are for"),
        ('api_user = "a"\napi_password = "line\\nbreak"', "p: apply.api_password: name a file (mode 0600)"),
        ('api_user = "a"\napi_ca = "x\\u001b[2J"', "p: apply.api_ca: name a CA file"),
    ],
)
def test_a_bad_apply_value_is_one_line_naming_the_key(extra: str, expected: str) -> None:
    with pytest.raises(CmsInputError) as caught:
        read_plan_text(good_plan() + "\n[apply]\n" + extra + "\n", "p")
    assert str(caught.value).startswith(expected) and "\n" not in str(caught.value)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    monday = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)  # a Monday
    return monday + dt.timedelta(days=day, hours=hour, minutes=minute)


def test_restart_window_days() -> None:
    saturday = RestartWindow.parse("Sat 02:00-04:00")
    assert saturday.contains(_at(5, 3)) and not saturday.contains(_at(4, 3)) and not saturday.contains(_at(5, 5))
    night = RestartWindow.parse("Sat 22:00-02:00")  # the part after midnight belongs to Saturday's window
    assert night.contains(_at(5, 23)) and night.contains(_at(6, 1)) and not night.contains(_at(5, 1))
    weekdays = RestartWindow.parse("mon-fri 00:00-00:00")  # all day, Monday to Friday
    assert [weekdays.contains(_at(day, 12)) for day in range(7)] == [True] * 5 + [False] * 2
    assert RestartWindow.parse("Fri-Mon 01:00-02:00").label == "Mon,Fri,Sat,Sun 01:00-02:00 UTC"
    assert RestartWindow.parse("02:00-04:00").contains(_at(2, 3))  # no days: every day
    for bad in ("Sa 02:00-04:00", "Satx 02:00-04:00", "Sat- 02:00-04:00", "Sat"):
        with pytest.raises(CmsInputError):
            RestartWindow.parse(bad)


def test_a_scheduled_renewal_cannot_ask_for_the_api_password(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """renew run (deploy = "ssh") applies [apply]'s call-leg check; it has nobody to ask for the password."""
    from cmswizard.cms.issuers import RenewalSettings
    from cmswizard.remote.renewal_deploy import SshDeployer

    key = tmp_path / "mmp-admin.key"
    key.write_text("a key file")
    key.chmod(0o600)
    plan = read_plan_text(good_plan() + '\n[apply]\napi_user = "cmsapi"\n', "p")
    with pytest.raises(CmsInputError, match=r"^apply\.api_password: renew run cannot ask"):
        SshDeployer(plan, tmp_path, RenewalSettings("ssh", key.name))
