"""Starting the program: no display, version, module entry, pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update({k: v for k, v in changes.items() if v is not None})
    return env


def test_no_display_says_so_and_points_to_the_cli() -> None:
    if sys.platform != "linux":
        return
    done = subprocess.run([sys.executable, "-m", "cmswizard"], capture_output=True, text=True, env=_env(), timeout=60)
    assert done.returncode == 2
    assert "no display found" in done.stderr and "cmswizard pki csr" in done.stderr
    assert "Traceback" not in done.stderr


def test_version_and_help() -> None:
    done = subprocess.run([sys.executable, "-m", "cmswizard", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("cmswizard ")
    helped = subprocess.run([sys.executable, "-m", "cmswizard", "pki", "csr", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "CN:<fqdn>" in helped.stdout


def test_self_test_offscreen() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cmswizard", "--self-test"],
        capture_output=True,
        text=True,
        env=_env(QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout


def test_self_test_without_a_display_paints_offscreen() -> None:
    """A build machine or server without X11/Wayland: Qt's xcb plugin would abort (SIGABRT, with a message
    about xcb); the self-test says in one line that it paints offscreen, and passes."""
    if sys.platform != "linux":
        return
    done = subprocess.run(
        [sys.executable, "-m", "cmswizard", "--lang", "zh_TW", "--self-test"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "self-test: no display found, painting offscreen (QT_QPA_PLATFORM=offscreen)"
    assert "xcb" not in done.stderr.replace("QT_QPA_PLATFORM", "") and "self-test: ok" in done.stdout


def _free_display_number() -> str:
    number = 900 + os.getpid() % 90
    while Path(f"/tmp/.X11-unix/X{number}").exists():
        number += 1
    return f":{number}"


def test_a_display_that_does_not_answer_is_no_display() -> None:
    """DISPLAY names an X server that is not there (a closed ssh -X session, a stale variable): Qt's xcb
    plugin would abort (SIGABRT); the wizard says so in one line and the self-test paints offscreen."""
    if sys.platform != "linux":
        return
    env = _env(DISPLAY=_free_display_number())
    done = subprocess.run([sys.executable, "-m", "cmswizard"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "no display found" in done.stderr and len(done.stderr.splitlines()) == 1
    tested = subprocess.run(
        [sys.executable, "-m", "cmswizard", "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert tested.returncode == 0, tested.stderr
    assert tested.stderr.splitlines()[0].startswith("self-test: no display found, painting offscreen")


def test_a_display_that_answers_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A listening socket where the X server's would be counts (the check connects and closes, nothing more)."""
    import socket

    from cmswizard.gui import launch

    path = tmp_path / "X5"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        assert launch._answers(path)
    assert not launch._answers(path)  # closed: no one answers
    assert launch._x_server_answers("remote.example.com:10.0")  # remote: Qt finds out itself
    assert not launch._x_server_answers("")


def test_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    from helpers.factory import hierarchy

    chain = tmp_path / "chain.pem"
    chain.write_bytes(b"".join(c.pem for c in hierarchy(depth=3).chain) * 20)
    done = subprocess.run(
        f"{sys.executable} -m cmswizard pki inspect {chain} | head -1", shell=True, capture_output=True, text=True
    )
    assert done.stdout.startswith("[1/")
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr


def test_qt_options_pass_through_and_lang_is_remembered(tmp_path: Path) -> None:
    """Issue 29 Low: `-style Fusion` (a standard Qt option) was refused as "invalid choice"; `--lang zh_TW`
    was forgotten at the next start. Started as a person starts it, under Xvfb, closing after the first paint."""
    import shutil

    from cmswizard.cli import split_qt_options

    assert split_qt_options(["-style", "Fusion", "--lang", "zh_TW", "-reverse", "-style=Windows"]) == (
        ["-style", "Fusion", "-reverse", "-style=Windows"],
        ["--lang", "zh_TW"],
    )
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("QT_QPA_PLATFORM", None)
    env["CMSWIZARD_QUIT_AFTER_FIRST_PAINT"] = "1"
    started = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-m", "cmswizard", "-style", "Fusion", "--lang", "zh_TW"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert started.returncode == 0, started.stderr
    assert "invalid choice" not in started.stderr
    stored = (tmp_path / "config" / "cmswizard" / "cmswizard.conf").read_text()
    assert "language=zh_TW" in stored
    refused = subprocess.run(
        [sys.executable, "-m", "cmswizard", "-style", "Fusion", "pki", "list"], capture_output=True, text=True, env=env
    )
    assert refused.returncode == 2 and "applies to the wizard only" in refused.stderr
