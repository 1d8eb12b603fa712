"""`[renewal] deploy = "ssh"`: a renewed Web Bridge 3 certificate uploaded to the (simulated) MMP, read back,
assigned by the MMP runner, restarted inside the restart window and seen on its ports: the run ends at ok.
pebble + BIND issue it for real; the MMP is tests/helpers/mmp_sim.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.acme_bed import bed_missing_reason, running_bed
from helpers.mmp_sim import USER, running_mmp

pytestmark = pytest.mark.skipif(bed_missing_reason() is not None, reason=str(bed_missing_reason()))
NODE = "cms1.test.example"


def renew(plan: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cmswizard", "renew", "run", "--plan", str(plan), *options],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=180,
    )


@pytest.mark.parametrize("window, calls", [("00:00-00:00", None), ("", None), ("00:00-00:00", 3)])
def test_renewed_certificate_deployed_over_ssh_and_seen(tmp_path: Path, window: str, calls: int | None) -> None:
    """`calls`: the plan's [apply] names a CMS API user (limit 1 active call leg) and the API answers this
    many: the restart waits, inside the window too (the API itself is tests/helpers/mmp_api_server.py)."""
    import contextlib

    from helpers.factory import hierarchy
    from helpers.mmp_api_server import running_api

    with contextlib.ExitStack() as stack:
        bed = stack.enter_context(running_bed())
        simulator = stack.enter_context(running_mmp(NODE))
        api = stack.enter_context(running_api(hierarchy(depth=1, prefix="Api"), legs=calls)) if calls else None
        server = simulator[NODE]
        folder = tmp_path / "site"
        plan = bed.plan(folder)
        key = folder / "mmp-admin.key"
        shutil.copyfile(simulator.write_client_key(), key)
        key.chmod(0o600)
        known = simulator.write_known_hosts(folder / "known_hosts")
        text = plan.read_text().replace(
            f'[[node]]\nname = "{NODE}"\n',
            f'[[node]]\nname = "{NODE}"\nssh_host = "127.0.0.1"\nssh_port = {server.port}\nssh_user = "{USER}"\n',
        )
        text = text.replace(
            "\n[[node]]",
            f"\n[listen]\nwebbridge3_port = {server.tls_ports['webbridge3 https']}\n"
            f"c2w_port = {server.tls_ports['webbridge3 c2w']}\n\n[[node]]",
            1,
        )
        text += f'\n[renewal]\ndeploy = "ssh"\nssh_key = "mmp-admin.key"\nknown_hosts = "{known.name}"\n'
        if window:
            text += f'restart_window = "{window}"\n'
        if api is not None:
            shutil.copyfile(api.root_file, folder / "api-ca.pem")
            (folder / "api.pw").write_text("api-secret\n")
            (folder / "api.pw").chmod(0o600)
            text += (
                f'\n[apply]\napi_user = "apiuser"\napi_password = "api.pw"\napi_port = {api.port}\n'
                'api_ca = "api-ca.pem"\nmax_active_calls = 1\n'
            )
        plan.write_text(text)

        first = renew(plan, "--issue-only")
        assert first.returncode == 0, first.stdout + first.stderr
        # the node runs this first certificate (as if deployed by hand)
        node = server.node
        for name in ("webbridge3-2026.key", "webbridge3-2026-fullchain.crt"):
            shutil.copyfile(folder / name, node.store / name)
        for part in ("https", "c2w"):
            node.configure("webbridge3", f"{part} listen", "a:443" if part == "https" else "a:6000")
            node.configure("webbridge3", f"{part} certs.key", "webbridge3-2026.key")
            node.configure("webbridge3", f"{part} certs.cert", "webbridge3-2026-fullchain.crt")
        state_file = folder / "site.renewal.json"
        state = json.loads(state_file.read_text())
        state["certificates"]["webbridge3-2026"]["step"] = "ok"
        state_file.write_text(json.dumps(state))

        done = renew(plan, "--due", "47d")  # due now: renewed, then deployed
        if api is not None:  # inside the window, but 3 call legs are active: the restart waits
            assert done.returncode == 1, done.stdout + done.stderr
            assert "restart still to do" in done.stdout and "webbridge3 restart" in done.stdout
            assert api.seen and api.seen[0][0] == "/api/v1/system/status"
            assert "api-secret" not in done.stdout + done.stderr
            return
        if not window:  # no restart window: the restart waits for a person, the step stays
            assert done.returncode == 1, done.stdout + done.stderr
            assert "restart still to do" in done.stdout and "webbridge3 restart" in done.stdout
            assert json.loads(state_file.read_text())["certificates"]["webbridge3-2026"]["step"] == "uploaded"
            return
        assert done.returncode == 0, done.stdout + done.stderr
        assert "deployed as webbridge3-2026-2 and seen on every port" in done.stdout
        assert node.in_use("webbridge3", "https certs.cert") == "webbridge3-2026-2-fullchain.crt"
        assert (node.store / "webbridge3-2026-2.key").read_bytes() == (folder / "webbridge3-2026-2.key").read_bytes()
        entry = json.loads(state_file.read_text())["certificates"]["webbridge3-2026"]
        assert entry["step"] == "ok" and entry["current"] == "webbridge3-2026-2"
        assert renew(plan).stdout.startswith("nothing due")
        assert bed.bind.all_txt() == []
