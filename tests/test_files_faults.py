"""Writing files under failure: nothing half-written under a final name, keys private from the first byte."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from cmswizard.pki import files as files_module
from cmswizard.pki.csr import generate_key_and_csr
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, write_files
from cmswizard.pki.spec import CsrSpec

from helpers.mounts import IS_ROOT, stick, why_not


def _only_final_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_key_is_0600_from_creation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every open() of a key file asks for 0600 at creation: no window where others could read it."""
    seen: list[tuple[str, int]] = []
    real_open = os.open

    def spying_open(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            seen.append((str(path), mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(files_module.os, "open", spying_open)
    old_umask = os.umask(0)  # even with a permissive umask
    try:
        generate_key_and_csr(CsrSpec("cms1", "cms1.example.com"), tmp_path)
    finally:
        os.umask(old_umask)
    key_opens = [mode for path, mode in seen if path.endswith("-cms1.key.tmp")]
    assert key_opens == [0o600]
    assert stat.S_IMODE((tmp_path / "cms1.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "cms1.csr").stat().st_mode) == 0o644


def test_key_temp_file_is_private_while_being_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    modes = []
    real_fsync = os.fsync

    def checking_fsync(fd: int) -> None:
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(files_module.os, "fsync", checking_fsync)
    write_files([OutputFile(tmp_path / "a.key", b"secret", private=True)])
    assert modes and modes[0] == 0o600


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if IS_ROOT:  # root ignores directory modes: make the kernel's answer (EACCES) happen at the same call
        real_open = os.open

        def refuse(path, flags, mode=0o777, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(path).startswith(str(folder)) and flags & os.O_CREAT:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, mode, *args, **kwargs)

        monkeypatch.setattr(files_module.os, "open", refuse)
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(CmsInputError, match="permission denied; choose a folder you can write to"):
            write_files([OutputFile(folder / "x.key", b"data", private=True)])
    finally:
        folder.chmod(0o700)
    assert _only_final_names(folder) == []


def test_folder_removed_mid_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    real_place = files_module._place
    calls = []

    def pull_out_after_first(temp: Path, item: OutputFile) -> None:
        calls.append(item.path.name)
        if len(calls) == 2:
            for leftover in folder.iterdir():
                leftover.unlink()
            folder.rmdir()
        real_place(temp, item)

    monkeypatch.setattr(files_module, "_place", pull_out_after_first)
    with pytest.raises(CmsInputError, match="could not be written"):
        write_files([OutputFile(folder / "a.key", b"k", private=True), OutputFile(folder / "a.csr", b"c")])
    assert not folder.exists()


def test_second_file_fails_first_is_rolled_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_place = files_module._place

    def fail_second(temp: Path, item: OutputFile) -> None:
        if item.path.name == "b.csr":
            raise OSError(28, "No space left on device")
        real_place(temp, item)

    monkeypatch.setattr(files_module, "_place", fail_second)
    with pytest.raises(CmsInputError, match="disk is full"):
        write_files([OutputFile(tmp_path / "b.key", b"k", private=True), OutputFile(tmp_path / "b.csr", b"c")])
    assert _only_final_names(tmp_path) == []


def test_existing_file_race_is_never_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key that appears after the up-front check but before the rename is kept, and we fail cleanly."""
    real_write_temp = files_module._write_temp

    def someone_else_writes(item: OutputFile) -> Path:
        temp = real_write_temp(item)
        item.path.write_bytes(b"the live key")
        return temp

    monkeypatch.setattr(files_module, "_write_temp", someone_else_writes)
    with pytest.raises(CmsInputError, match="appeared while writing"):
        write_files([OutputFile(tmp_path / "live.key", b"new", private=True)])
    assert (tmp_path / "live.key").read_bytes() == b"the live key"
    assert _only_final_names(tmp_path) == ["live.key"]


def test_concurrent_writers_one_wins_cleanly(tmp_path: Path) -> None:
    results: list[str] = []

    def writer(data: bytes) -> None:
        try:
            write_files([OutputFile(tmp_path / "race.key", data, private=True)])
            results.append("ok")
        except CmsInputError:
            results.append("refused")

    threads = [threading.Thread(target=writer, args=(bytes([n]) * 1000,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("ok") == 1 and results.count("refused") == 7
    assert _only_final_names(tmp_path) == ["race.key"]
    assert len(set((tmp_path / "race.key").read_bytes())) == 1  # one writer's bytes, whole


def test_disk_full_on_a_real_tmpfs_for_key_and_csr() -> None:
    reason = why_not("tmpfs")
    if reason:
        pytest.skip(reason)
    with stick("tmpfs", size_kb=8) as point:
        (point / "filler").write_bytes(b"x" * 6 * 1024)
        with pytest.raises(CmsInputError, match="disk is full"):
            generate_key_and_csr(CsrSpec("cms1", "cms1.example.com"), point)
        assert _only_final_names(point) == ["filler"]
