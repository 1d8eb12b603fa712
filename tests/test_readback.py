"""The export's read-back goes past the cache where the platform allows it (export/readback.py). Linux
runs for real here; macOS's F_NOCACHE path runs with sys.platform faked and fcntl recorded; the Windows
path (FILE_FLAG_NO_BUFFERING) runs only on a Windows machine."""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

import pytest

from cmswizard.export import readback


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "cb.crt"
    path.write_bytes(os.urandom(3 * 1024 * 1024 + 17))  # more than one chunk, not a whole number of sectors
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: posix_fadvise")
def test_linux_drops_the_cached_pages_then_reads(written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    advised: list[tuple[int, int, int]] = []
    real = os.posix_fadvise

    def record(fd: int, offset: int, length: int, advice: int) -> None:
        advised.append((offset, length, advice))
        real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", record)
    assert readback.bypass_method() == "POSIX_FADV_DONTNEED"
    assert readback.read_back(written) == written.read_bytes()
    assert advised == [(0, 0, os.POSIX_FADV_DONTNEED)]  # the whole file, before the read


def test_macos_turns_the_cache_off_on_the_descriptor(written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, command, value: calls.append((command, value)) or 0)
    assert readback.bypass_method() == "F_NOCACHE"
    assert readback.read_back(written) == written.read_bytes()
    assert calls == [(getattr(fcntl, "F_NOCACHE", 48), 1)]


def test_windows_is_named_and_a_missing_file_is_an_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert readback.bypass_method() == "FILE_FLAG_NO_BUFFERING"
    monkeypatch.undo()
    with pytest.raises(OSError):
        readback.read_back(tmp_path / "gone.crt")
