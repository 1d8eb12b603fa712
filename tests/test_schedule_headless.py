"""`schedule install|show` write only where asked (a temporary home here, never the real system), and the
headless commands (`renew run`, `dns test`, `schedule`, `mmp`, `plan`) run with PySide6 unimportable."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

BLOCK_QT = """
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked: this host has no Qt")
        return None
sys.meta_path.insert(0, NoQt())
from cmswizard.cli import main
code = main(sys.argv[1:])
assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules), "Qt was imported"
sys.exit(code)
"""


def headless(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home)}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-c", BLOCK_QT, *argv], capture_output=True, text=True, env=env, timeout=120, cwd=home
    )


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    done = headless(
        home,
        "plan",
        "new",
        str(tmp_path / "site.toml"),
        "--core",
        "cms1.example.com",
        "--join-url",
        "join.example.com",
        "--acme",
        "https://acme.example.com/directory",
        "--dns-provider",
        "rfc2136",
        "--tsig-key",
        "tsig.key",
    )
    assert done.returncode == 0, done.stderr
    return tmp_path / "site.toml"


def test_schedule_nothing_until_asked_then_systemd_cron_windows(plan: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    shown = headless(home, "schedule", "show", "--plan", str(plan))
    assert shown.returncode == 1 and "no schedule installed" in shown.stdout
    assert not (home / ".config").exists()

    done = headless(home, "schedule", "install", "--plan", str(plan), "--systemd")
    assert done.returncode == 0, done.stderr
    units = home / ".config" / "systemd" / "user"
    service = (units / "cmswizard-renew.service").read_text()
    timer = (units / "cmswizard-renew.timer").read_text()
    assert "Type=oneshot" in service
    assert f'ExecStart="{sys.executable}" "-m" "cmswizard" "renew" "run" "--plan" "{plan}"' in service
    assert "OnCalendar=daily" in timer and "Persistent=true" in timer and "RandomizedDelaySec=3600" in timer
    assert "systemctl --user daemon-reload && systemctl --user enable --now cmswizard-renew.timer" in done.stdout

    cron = headless(home, "schedule", "install", "--plan", str(plan), "--cron")
    assert cron.returncode == 0, cron.stderr
    line = next(x for x in (plan.parent / "cmswizard-renew.cron").read_text().splitlines() if not x.startswith("#"))
    minute, hour, *stars, command = line.split(" ", 5)
    assert 0 <= int(minute) < 60 and hour == "3" and stars == ["*", "*", "*"]
    assert command.endswith(f"renew run --plan {plan}")

    task = headless(home, "schedule", "install", "--plan", str(plan), "--windows-task")
    assert task.returncode == 0, task.stderr
    root = ET.fromstring((plan.parent / "cmswizard-renew.xml").read_bytes())
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.findtext(".//t:StartWhenAvailable", namespaces=ns) == "true"
    assert root.findtext(".//t:RandomDelay", namespaces=ns) == "PT60M"
    assert root.findtext(".//t:Arguments", namespaces=ns).endswith(f"renew run --plan {plan}")

    again = headless(home, "schedule", "install", "--plan", str(plan), "--systemd")
    assert again.returncode == 2 and again.stderr.count("\n") == 1  # never replaced silently
    listed = headless(home, "schedule", "show", "--plan", str(plan))
    assert listed.returncode == 0, listed.stderr
    assert [line.split(":")[0] for line in listed.stdout.splitlines()[:3]] == ["systemd", "cron", "Windows task"]


def test_headless_commands_run_without_qt(plan: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert headless(home, "plan", "check", str(plan)).returncode in (0, 1)
    run = headless(home, "renew", "run", "--plan", str(plan), "--dry-run")
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr
    dns = headless(home, "dns", "test", "--plan", str(plan))
    assert dns.returncode == 2 and "tsig.key: does not exist" in dns.stderr  # read the plan, reached the key
    for argv in (("mmp", "--help"), ("schedule", "show"), ("renew", "run", "--help")):
        done = headless(home, *argv)
        assert done.returncode in (0, 1), done.stderr
