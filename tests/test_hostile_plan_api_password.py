"""A plan is mailed between admins: its `[apply].api_password` names a password the runner *sends* to the
servers the plan names. It may name only a 0600 file in the plan's own folder or a keyring entry of the
service `cmswizard`; anything else (a path out, a link out, another application's keyring entry) is refused
in one line before any login, and the API server named by the plan receives nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cmswizard.cms.apply_settings import ApplySettings, plan_api_password
from cmswizard.cms.plan import read_plan_text
from cmswizard.pki.errors import CmsInputError

from helpers.hostile_plans import plan_text as good_plan

NODE = "cms1.example.com"
LOCAL_SECRET = "db.example.com:5432:*:postgres:the-local-secret"  # what ~/.pgpass would hold


@pytest.mark.parametrize(
    "reference, expected",
    [
        (
            "/home/admin/.pgpass",
            "apply.api_password: name a 0600 file in the plan's folder (a plain file name, no path)",
        ),
        ("~/.pgpass", "apply.api_password: name a 0600 file in the plan's folder (a plain file name, no path)"),
        ("../secrets/api.pw", "apply.api_password: name a 0600 file in the plan's folder (a plain file name, no path)"),
        ("C:api.pw", "apply.api_password: name a 0600 file in the plan's folder"),
        ("keyring:login/mail", "apply.api_password: a plan may name only keyring entries of the service cmswizard"),
        ("keyring:Cmswizard/api", "apply.api_password: a plan may name only keyring entries of the service cmswizard"),
    ],
)
def test_a_plan_may_name_only_its_own_password_file_or_a_cmswizard_keyring_entry(reference: str, expected: str) -> None:
    plan = good_plan() + f'\n[apply]\napi_user = "cmsapi"\napi_password = "{reference}"\n'
    with pytest.raises(CmsInputError) as caught:
        read_plan_text(plan, "p")
    message = str(caught.value)
    assert message.startswith("p: " + expected) and "\n" not in message
    assert reference not in message  # what was written there is never echoed: it may be the password


def test_its_own_file_and_a_cmswizard_keyring_entry_are_read(tmp_path: Path) -> None:
    for reference in ("api.pw", "keyring:cmswizard/cmsapi"):
        plan = read_plan_text(good_plan() + f'\n[apply]\napi_user = "a"\napi_password = "{reference}"\n', "p")
        assert plan.apply is not None and plan.apply.api_password == reference
    (tmp_path / "api.pw").write_text("api-secret\nsecond line\n")
    (tmp_path / "api.pw").chmod(0o600)
    assert plan_api_password(ApplySettings(api_user="a", api_password="api.pw"), tmp_path) == "api-secret"


def test_a_link_in_the_folder_that_leads_out_is_refused_and_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "home" / ".pgpass"
    outside.parent.mkdir()
    outside.write_text(LOCAL_SECRET + "\n")
    outside.chmod(0o600)
    folder = tmp_path / "site"
    folder.mkdir()
    os.symlink(outside, folder / "api.pw")
    with pytest.raises(CmsInputError) as caught:
        plan_api_password(ApplySettings(api_user="a", api_password="api.pw"), folder)
    assert "outside the plan's folder" in str(caught.value) and LOCAL_SECRET not in str(caught.value)


def test_mmp_run_with_a_link_out_sends_nothing_to_the_plans_api(cli, tmp_path: Path) -> None:
    """End to end: the plan's folder holds `api.pw` linking to the admin's ~/.pgpass; `mmp run --plan`
    stops with one line, and the API server the plan names sees no request (so no password)."""
    from helpers.factory import hierarchy
    from helpers.mmp_api_server import running_api
    from helpers.mmp_sim import running_mmp
    from helpers.site import example_site

    ca = hierarchy(depth=1, prefix="Example")
    site = tmp_path / "site"
    plan_path = example_site(site, ca)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".pgpass").write_text(LOCAL_SECRET + "\n")
    (home / ".pgpass").chmod(0o600)
    os.symlink(home / ".pgpass", site / "api.pw")
    with running_mmp(NODE) as simulator, running_api(ca, legs=0) as api:
        shutil.copy(api.root_file, site / "api-ca.pem")
        plan_path.write_text(
            plan_path.read_text() + '\n[apply]\nrestart_window = "00:00-00:00"\nmax_active_calls = 1\n'
            f'api_user = "apiuser"\napi_password = "api.pw"\napi_port = {api.port}\napi_ca = "api-ca.pem"\n'
        )
        server = simulator[NODE]
        password = tmp_path / "password"
        password.write_text(server.password)
        done = cli(
            "mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1",
            "--port", str(server.port), "--known-hosts", str(simulator.write_known_hosts()),
            "--password-file", str(password), "--yes",
        )  # fmt: skip
        assert done.code == 2, done.err + done.out[-2000:]
        assert "apply.api_password" in done.err and "outside the plan's folder" in done.err
        assert len(done.err.strip().splitlines()) == 1 and "Traceback" not in done.err
        assert api.seen == []  # the plan's API server received nothing
        assert LOCAL_SECRET not in done.out + done.err
