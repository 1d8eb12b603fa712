"""Names that Windows, FAT and macOS treat differently from Linux (issue 25): device names refused when
the key is made, names that differ only in case refused in one export, and name lengths counted the way
NTFS and FAT count them (UTF-16 code units)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cmswizard.export.copy import ExportItem, check_stick_name, export_items
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, check_can_write
from cmswizard.pki.spec import check_basename


@pytest.mark.parametrize("name", ["con", "CON", "Nul", "prn", "aux", "com1", "COM9", "lpt3", "Lpt1"])
def test_pki_csr_refuses_a_windows_device_name(name: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cmswizard", "pki", "csr", name, "CN:cms1.example.com", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and list(tmp_path.iterdir()) == []
    assert done.stderr.splitlines() == [
        f"cmswizard: basename: {name} is a device name on Windows (CON, NUL, COM1 …), where no file can have it; choose another"
    ]


@pytest.mark.parametrize("name", ["console", "com10", "nul_1", "com", "cms1"])
def test_names_that_only_look_like_devices_are_fine(name: str) -> None:
    assert check_basename(name) == name


def test_an_export_refuses_names_that_differ_only_in_case(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "cb.crt").write_bytes(b"one")
    (tmp_path / "b" / "CB.crt").write_bytes(b"two")
    with pytest.raises(CmsInputError) as refused:
        export_items([tmp_path / "a" / "cb.crt", tmp_path / "b" / "CB.crt"])
    assert str(refused.value) == "CB.crt: is named twice in the export; rename one of the files"
    # ß and SS fold the same way too (case-insensitive file systems fold with Unicode rules)
    with pytest.raises(CmsInputError):
        export_items([], [ExportItem("straße.txt", b"1"), ExportItem("STRASSE.txt", b"2")])


def test_stick_names_are_counted_in_utf16_units() -> None:
    check_stick_name("憑" * 255)  # 255 units (765 bytes in UTF-8): FAT and NTFS take it
    with pytest.raises(CmsInputError, match="is 256 characters long"):
        check_stick_name("憑" * 256)
    with pytest.raises(CmsInputError, match="is 256 characters long"):
        check_stick_name("𝒜" * 128)  # 128 characters outside the BMP: 256 UTF-16 units
    with pytest.raises(CmsInputError, match="device"):
        check_stick_name("nul .txt")  # Windows drops the trailing space of the stem too


def test_the_writer_counts_utf16_units_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "憑" * 200 + ".crt"  # 204 units, 604 bytes in UTF-8
    with pytest.raises(CmsInputError, match="604 bytes"):
        check_can_write([OutputFile(tmp_path / name, b"x")])
    monkeypatch.setattr(os, "name", "nt")
    check_can_write([OutputFile(tmp_path / name, b"x")])  # NTFS: fine
    with pytest.raises(CmsInputError, match="256 characters long; Windows allows 255"):
        check_can_write([OutputFile(tmp_path / ("憑" * 252 + ".crt"), b"x")])


def test_the_stick_readme_says_how_to_check_the_sums_on_windows() -> None:
    from cmswizard.export.readme import export_readme

    lines = export_readme([ExportItem("cb.crt", b"x")]).splitlines()
    assert "      (Windows: certutil -hashfile <file> SHA256, or in PowerShell: Get-FileHash <file>)" in lines
    assert "      （Windows：certutil -hashfile <檔案> SHA256，或在 PowerShell 中：Get-FileHash <檔案>）" in lines
