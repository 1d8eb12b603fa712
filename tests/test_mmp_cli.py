"""`cmswizard mmp run|check` against the simulated MMP, from a saved sheet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.mmp_cluster import Cluster, make_cluster, node_lines
from helpers.mmp_sim import running_mmp

NODE = "cms1.example.com"


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    with running_mmp(NODE) as simulator:
        yield make_cluster(simulator, tmp_path / "files")


def _sheet(cluster: Cluster) -> Path:
    sheet = cluster.files_dir / "cms-commands.txt"
    sheet.write_text(f"# a sheet\n\n# ===== {NODE} (server) =====\n# a note\n" + "\n".join(node_lines("cms1")) + "\n")
    return sheet


def _args(cluster: Cluster, *extra: str) -> list[str]:
    password = cluster.files_dir.parent / "password"
    password.write_text(cluster.credentials().password or "")
    server = cluster.simulator[NODE]
    return [
        "--node", NODE, "--host", "127.0.0.1", "--port", str(server.port),
        "--known-hosts", str(cluster.known_hosts), "--password-file", str(password), *extra,
    ]  # fmt: skip


def test_run_applies_the_node_and_saves_a_transcript_beside_the_sheet(cli, cluster: Cluster) -> None:
    sheet = _sheet(cluster)
    done = cli("mmp", "run", "--sheet", str(sheet), *_args(cluster, "--yes", "--restart-window", "00:00-00:00"))
    sim = cluster.simulator[NODE].node
    assert done.code == 0, done.err + done.out
    assert "cms1.example.com: done" in done.out and "[ok] callbridge restart" in done.out
    assert sim.pending() == [] and sim.in_use("callbridge", "certs.cert") == "cms1-new.crt"
    saved = list(cluster.files_dir.glob("cms-commands-cms1.example.com-*.transcript.txt"))
    assert len(saved) == 1 and "callbridge restart" in saved[0].read_text()
    assert cluster.credentials().password not in saved[0].read_text()


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_unconfirmed_steps_are_never_typed_and_the_node_is_not_called_done(
    cli, cluster: Cluster, lang: str
) -> None:
    """A saved sheet's UNCONFIRMED line (in either sheet language) is left for the person, named, and the
    run exits 1: typed by hand, the admin would have read it; skipped silently, a setting would never apply."""
    from cmswizard.catalogue import translator
    from cmswizard.cms.lines import unconfirmed

    sheet = _sheet(cluster)
    step = unconfirmed("scheduler enable").render(translator(lang))
    sheet.write_text(sheet.read_text() + step + "\n")
    done = cli("mmp", "run", "--sheet", str(sheet), *_args(cluster, "--yes", "--restart-window", "00:00-00:00"))
    assert done.code == 1, done.err + done.out
    assert "not typed by cmswizard (UNCONFIRMED on the sheet)" in done.out and "  scheduler enable" in done.out
    assert "cms1.example.com: done, but for the steps above" in done.out
    assert "scheduler enable" not in cluster.simulator[NODE].node.received
    assert cluster.simulator[NODE].node.pending() == []  # everything it could type, it typed


def test_dry_run_sends_only_status_commands(cli, cluster: Cluster) -> None:
    done = cli("mmp", "run", "--sheet", str(_sheet(cluster)), *_args(cluster, "--dry-run"))
    assert done.code == 0, done.err
    assert "was: cms1-old.key cms1-old.crt ca-bundle.crt" in done.out
    assert set(cluster.simulator[NODE].node.received) <= {"pki list", "webadmin", "callbridge", "webbridge3"}


def test_without_a_terminal_changes_need_yes(cli, cluster: Cluster) -> None:
    done = cli("mmp", "run", "--sheet", str(_sheet(cluster)), *_args(cluster))
    assert done.code == 2 and "--yes" in done.err
    assert set(cluster.simulator[NODE].node.received) <= {"pki list", "webadmin", "callbridge", "webbridge3"}


def test_failure_stops_and_prints_the_put_back(cli, cluster: Cluster) -> None:
    cluster.simulator[NODE].node.fail_once.add("callbridge certs")
    done = cli(
        "mmp", "run", "--sheet", str(_sheet(cluster)), *_args(cluster, "--yes", "--restart-window", "00:00-00:00")
    )
    assert done.code == 1
    assert "line 12 `callbridge certs cms1-new.key cms1-new.crt ca-bundle.crt`" in done.err
    assert "webadmin certs cms1-old.key cms1-old.crt ca-bundle.crt" in done.out


def test_check_runs_only_status_commands(cli, cluster: Cluster) -> None:
    done = cli("mmp", "check", *_args(cluster))
    assert done.code == 0, done.err
    received = cluster.simulator[NODE].node.received
    assert received[0] == "pki list" and "database cluster status" in received
    assert all(not line.endswith(("restart", "enable", "disable")) and " certs " not in line for line in received)
    assert "callbridge certs: cms1-old.key cms1-old.crt ca-bundle.crt" in done.out


def test_a_sheet_without_the_node_is_bad_input(cli, cluster: Cluster) -> None:
    args = _args(cluster, "--yes")
    args[1] = "cms9.example.com"
    done = cli("mmp", "run", "--sheet", str(_sheet(cluster)), *args)
    assert done.code == 2 and "cms9.example.com" in done.err and "Traceback" not in done.err


def test_a_bad_restart_window_is_bad_input(cli, cluster: Cluster) -> None:
    done = cli("mmp", "run", "--sheet", str(_sheet(cluster)), *_args(cluster, "--restart-window", "25:00-01:00"))
    assert done.code == 2 and "restart window" in done.err and "Traceback" not in done.err
    assert cluster.simulator[NODE].node.received == []  # refused before logging in


def test_run_from_a_plan(cli, tmp_path: Path) -> None:
    import shutil

    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import node_files

    from helpers.factory import hierarchy
    from helpers.site import example_site

    site = tmp_path / "site"
    plan_path = example_site(site, hierarchy(depth=1, prefix="Example"))
    names = node_files(read_plan(plan_path), "cms1.example.com")
    with running_mmp(NODE) as simulator:
        server = simulator[NODE]
        for name in names:
            shutil.copy(site / name, server.node.store / name)
        password = tmp_path / "password"
        password.write_text(server.password)
        done = cli(
            "mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1", "--port", str(server.port),
            "--known-hosts", str(simulator.write_known_hosts()), "--password-file", str(password),
            "--yes", "--restart-window", "00:00-00:00",
        )  # fmt: skip
        assert done.code == 0, done.err + done.out[-2000:]
        assert server.node.failures == [] and server.node.prompting_received == []
        assert server.node.db.role == "primary"
        assert server.node.in_use("callbridge", "certs.key") is not None
        assert list(site.glob("site-cms1.example.com-*.transcript.txt"))  # beside the plan


def test_run_waits_for_calls_through_the_api(cli, cluster: Cluster, tmp_path: Path) -> None:
    from helpers.mmp_api_server import running_api

    secret = tmp_path / "api.pw"
    secret.write_text("api-secret\n")
    with running_api(cluster.ca, legs=2) as api:
        done = cli(
            "mmp", "run", "--sheet", str(_sheet(cluster)),
            *_args(cluster, "--yes", "--restart-window", "00:00-00:00", "--probe-host", "localhost"),
            "--api-user", "apiuser", "--api-password-file", str(secret), "--api-port", str(api.port),
            "--api-ca", str(api.root_file), "--max-call-legs", "1",
        )  # fmt: skip
    assert done.code == 1, done.err
    assert "2 call legs are active (the plan's limit is 1)" in done.out
    assert "restarts still to do" in done.out
    assert cluster.simulator[NODE].node.in_use("callbridge", "certs.cert") == "cms1-old.crt"
    assert "api-secret" not in done.out + done.err


def test_run_from_a_plan_takes_window_and_api_from_its_apply_section(cli, tmp_path: Path) -> None:
    """`[apply]` gives the restart window, the API user, its password (a 0600 file named, never written) and
    the call-leg limit; a command-line option overrides the plan's value."""
    import shutil

    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import node_files

    from helpers.factory import hierarchy
    from helpers.mmp_api_server import running_api
    from helpers.site import example_site

    ca = hierarchy(depth=1, prefix="Example")
    site = tmp_path / "site"
    plan_path = example_site(site, ca)
    secret = site / "api.pw"
    secret.write_text("api-secret\n")
    secret.chmod(0o600)
    names = node_files(read_plan(plan_path), NODE)
    plain = plan_path.read_text()

    def run(*extra: str):  # a fresh node each time: the plan also initializes the database cluster
        with running_mmp(NODE) as simulator, running_api(ca, legs=2) as api:
            shutil.copy(api.root_file, site / "api-ca.pem")
            plan_path.write_text(
                plain + '\n[apply]\nrestart_window = "00:00-00:00"\nmax_active_calls = 1\n'
                f'api_user = "apiuser"\napi_password = "api.pw"\napi_port = {api.port}\napi_ca = "api-ca.pem"\n'
            )
            server = simulator[NODE]
            for name in names:
                shutil.copy(site / name, server.node.store / name)
            password = tmp_path / "password"
            password.write_text(server.password)
            done = cli(
                "mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1",
                "--port", str(server.port), "--known-hosts", str(simulator.write_known_hosts()),
                "--password-file", str(password), "--yes",
                "--probe-host", "localhost",  # the API's certificate names localhost
                *extra,
            )  # fmt: skip
            return done, [setting.line for setting in server.node.pending()]

    waited, pending = run()
    assert waited.code == 1, waited.err + waited.out[-3000:]
    assert "2 call legs are active (the plan's limit is 1)" in waited.out
    assert "restarts still to do" in waited.out and pending
    assert "api-secret" not in waited.out + waited.err
    assert "outside the restart window" not in waited.out  # the plan's window (all day) was used
    overridden, pending = run("--max-call-legs", "5")
    assert overridden.code == 0, overridden.err + overridden.out[-2000:]
    assert pending == [] and "[ok] callbridge restart" in overridden.out
    import datetime as dt

    other_day = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[(dt.datetime.now(dt.UTC).weekday() + 3) % 7]
    outside, _pending = run("--max-call-legs", "5", "--restart-window", f"{other_day} 00:00-00:01")
    assert f"outside the restart window {other_day} 00:00-00:01 UTC" in outside.out  # the option wins


def test_a_plan_naming_an_api_user_without_a_password_needs_one(cli, tmp_path: Path) -> None:
    from helpers.factory import hierarchy
    from helpers.site import example_site

    plan_path = example_site(tmp_path / "site", hierarchy(depth=1, prefix="Example"))
    plan_path.write_text(plan_path.read_text() + '\n[apply]\napi_user = "apiuser"\n')
    done = cli("mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1", "--yes")
    assert done.code == 2 and "--api-password-file: no terminal to ask for the API user's password" in done.err
    plan_path.write_text(plan_path.read_text() + 'api_password = "missing.pw"\n')
    done = cli("mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1", "--yes")
    assert done.code == 2 and "apply.api_password (the file or keyring entry it names): does not exist" in done.err
    assert "missing.pw" not in done.err  # what was written there is never echoed: it may be the password


def test_probe_ports_given_on_the_command_line_are_checked_after_the_run(cli, cluster: Cluster) -> None:
    """The node's TLS ports answer elsewhere than the lines say (a NAT, a lab): --probe-port says where, and
    the check after the run compares what each presents with the new certificate."""
    ports = cluster.simulator[NODE].tls_ports
    done = cli(
        "mmp", "run", "--sheet", str(_sheet(cluster)),
        *_args(cluster, "--yes", "--restart-window", "00:00-00:00"),
        "--probe-port", f"callbridge={ports['callbridge']}",
        "--probe-port", f"webbridge3-https={ports['webbridge3 https']}",
    )  # fmt: skip
    assert done.code == 0, done.err + done.out
    assert f"probe callbridge port {ports['callbridge']}: serves the new certificate" in done.out
    assert f"probe webbridge3 https port {ports['webbridge3 https']}: serves the new certificate" in done.out


def test_the_plans_api_password_is_only_for_the_plans_api_user(cli, tmp_path: Path) -> None:
    """--api-user names another user than the plan's [apply]: the plan's password is not sent for it."""
    from helpers.factory import hierarchy
    from helpers.site import example_site

    plan_path = example_site(tmp_path / "site", hierarchy(depth=1, prefix="Example"))
    secret = plan_path.parent / "api.pw"
    secret.write_text("api-secret\n")
    secret.chmod(0o600)
    plan_path.write_text(plan_path.read_text() + '\n[apply]\napi_user = "apiuser"\napi_password = "api.pw"\n')
    done = cli(
        "mmp", "run", "--plan", str(plan_path), "--node", NODE, "--host", "127.0.0.1", "--yes",
        "--api-user", "someone-else",
    )  # fmt: skip
    assert done.code == 2 and "--api-password-file: no terminal to ask for the API user's password" in done.err
