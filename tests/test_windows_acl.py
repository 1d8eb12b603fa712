"""The owner-only ACL for key and .p12 files on Windows (pki/winacl.py): the descriptor built from its
inputs, checked here on every platform; the Win32 calls themselves run only on Windows (the workflow in
.github/workflows/windows-macos.yml), with a fake API standing in for them here."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from cmswizard.pki import winacl
from cmswizard.pki.winacl import owner_only_entries, owner_only_sddl, protect_private_file

USER = "S-1-5-21-3623811015-3361044348-30300820-1013"


def test_the_descriptor_grants_the_user_system_and_administrators_only() -> None:
    sddl = owner_only_sddl(USER)
    assert sddl == f"O:{USER}D:P(A;;FA;;;{USER})(A;;FA;;;SY)(A;;FA;;;BA)"
    # "P": protected, so nothing inherited from the folder (Everyone, Users, a share's ACL) survives;
    # no inheritance flags on the entries (the file has no children); no deny entries, no other trustee.
    entries = re.findall(r"\(([^)]*)\)", sddl.split("D:", 1)[1])
    assert [entry.split(";")[-1] for entry in entries] == [USER, "SY", "BA"]
    assert all(entry.split(";")[:2] == ["A", ""] for entry in entries)


@pytest.mark.parametrize("sid", ["S-1-5-18", "S-1-5-32-544"])
def test_no_twin_entry_when_running_as_system_or_administrators(sid: str) -> None:
    assert [entry.trustee for entry in owner_only_entries(sid)] == ["SY", "BA"]
    assert owner_only_sddl(sid) == f"O:{sid}D:P(A;;FA;;;SY)(A;;FA;;;BA)"


@pytest.mark.parametrize("bad", ["", "Everyone", "S-1-5-21-1)(A;;FA;;;WD", "S-1"])
def test_anything_but_a_sid_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        owner_only_sddl(bad)


class FakeApi:
    def __init__(self, fail: bool = False) -> None:
        self.applied: list[tuple[Path, str]] = []
        self.fail = fail

    def current_user_sid(self) -> str:
        return USER

    def apply_sddl(self, path: Path, sddl: str) -> None:
        if self.fail:
            raise OSError(1, "SetNamedSecurityInfo failed (Windows error 1)")  # FAT: no descriptors
        self.applied.append((path, sddl))


def test_protect_applies_the_users_descriptor_to_the_file(tmp_path: Path) -> None:
    api = FakeApi()
    assert protect_private_file(tmp_path / "cb.key", api) is True
    assert api.applied == [(tmp_path / "cb.key", owner_only_sddl(USER))]
    assert protect_private_file(tmp_path / "cb.key", FakeApi(fail=True)) is False


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the real API runs")
def test_elsewhere_nothing_is_called(tmp_path: Path) -> None:
    assert protect_private_file(tmp_path / "cb.key") is False


def test_the_writer_protects_a_key_before_writing_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pki/files.py calls it on the empty temporary file, before any key byte is in it (Windows only:
    os.name is faked here, the ACL API too)."""
    from cmswizard.pki import files

    seen: list[tuple[str, int]] = []

    def protect(path: Path, api: object = None) -> bool:
        seen.append((path.name, path.stat().st_size))
        return True

    monkeypatch.setattr(winacl, "protect_private_file", protect)
    monkeypatch.setattr(files.os, "name", "nt")
    key = b"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n"
    files.write_files([files.OutputFile(tmp_path / "cb.key", key, private=True)])
    files.write_files([files.OutputFile(tmp_path / "cb.crt", b"-----BEGIN CERTIFICATE-----\n")])
    assert len(seen) == 1 and seen[0][0].endswith("-cb.key.tmp") and seen[0][1] == 0
    assert (tmp_path / "cb.key").read_bytes() == key


@pytest.mark.skipif(sys.platform != "win32", reason="the real Win32 calls: Windows only (the workflow file)")
def test_on_windows_a_written_key_has_the_owner_only_acl(tmp_path: Path) -> None:  # pragma: no cover
    import subprocess

    from cmswizard.pki.files import OutputFile, write_files

    key = tmp_path / "cb.key"
    write_files([OutputFile(key, b"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n", private=True)])
    shown = subprocess.run(["icacls", str(key)], capture_output=True, text=True, check=True).stdout
    sid = winacl.Win32Security().current_user_sid()
    assert "(I)" not in shown  # nothing inherited from the folder
    assert "NT AUTHORITY\\SYSTEM:(F)" in shown and "BUILTIN\\Administrators:(F)" in shown
    assert shown.count(":(F)") == 3 - (sid in ("S-1-5-18", "S-1-5-32-544")), shown
