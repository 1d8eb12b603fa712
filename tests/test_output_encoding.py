"""What the command line prints reaches the user in UTF-8 or not at all (issue 25, item 5): a sheet
redirected to a file under a legacy code page (Windows' cp1252) is UTF-8, not `???` with exit 0; a
terminal that cannot show a character refuses the run in one line; `--out` files are UTF-8."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

SHEET = ["deploy", "--sheet-lang", "zh_TW", "--node", "cms1.example.com", "--callbridge", "cb.key", "cb.crt"]
FIRST_LINE = "# Cisco Meeting Server 3.x：憑證指令（由 cmswizard 產生）"


def _env(encoding: str) -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": encoding}


def test_a_sheet_redirected_under_cp1252_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "sheet.txt"
    with target.open("wb") as redirected:
        done = subprocess.run(
            [sys.executable, "-m", "cmswizard", *SHEET], stdout=redirected, stderr=subprocess.PIPE, env=_env("cp1252")
        )
    assert done.returncode == 0, done.stderr
    text = target.read_bytes().decode("utf-8")  # strict: any `?` stand-in or cp1252 byte would show
    assert text.splitlines()[0] == FIRST_LINE and "?" not in text.splitlines()[0]


def test_out_file_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cmswizard", *SHEET, "--out", str(tmp_path / "s.txt")],
        capture_output=True,
        env={**_env("ascii"), "LC_ALL": "C"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.txt").read_bytes().decode("utf-8").splitlines()[0] == FIRST_LINE


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_a_terminal_that_cannot_show_the_sheet_refuses_in_one_line() -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cmswizard", *SHEET],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=_env("cp1252"),
            text=True,
            timeout=60,
        )
    finally:
        os.close(follower)
    os.set_blocking(leader, False)
    try:
        shown = os.read(leader, 65536)
    except OSError:  # nothing written (EAGAIN), or nothing left and the terminal closed (EIO)
        shown = b""
    os.close(leader)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "cmswizard: standard output: this terminal's encoding (cp1252) cannot show '\\uff1a' (U+FF1A); write to a "
        "file with --out FILE or > FILE (UTF-8), or use a UTF-8 terminal (PYTHONIOENCODING=utf-8)"
    ]
    assert b"?" not in shown  # nothing was printed with stand-ins


def test_english_output_to_a_cp1252_terminal_still_works() -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cmswizard", "--version"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=_env("cp1252"),
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0 and done.stderr == b""
