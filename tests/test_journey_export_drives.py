"""Issue 29, High 3: a stick that goes away takes the selection with it (never onto the system disk), and
private keys go to a drive that is not removable only after the user says yes to a question naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cmswizard.export.volumes import Volume
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.export import ExportPage

from helpers.factory import hierarchy
from helpers.journey import activate, choose_flow, click, make_wizard
from helpers.mounts import stick, why_not


def _click_row(qtbot, export: ExportPage, text: str) -> None:
    for row in range(export.volumes.count()):
        item = export.volumes.item(row)
        if text in item.text():
            rect = export.volumes.visualItemRect(item)
            qtbot.mouseClick(export.volumes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"no drive {text!r} listed")


def _check_row(qtbot, export: ExportPage, name: str) -> None:
    """Tick a file in the list with the space bar, as a keyboard user does."""
    for row in range(export.files.count()):
        item = export.files.item(row)
        if item.text().startswith(name):
            export.files.setFocus()
            export.files.setCurrentItem(item)
            qtbot.keyClick(export.files, Qt.Key.Key_Space)
            assert item.checkState() == Qt.CheckState.Checked
            return
    raise AssertionError(f"no file {name!r} listed")


@pytest.fixture
def drives(tmp_path: Path) -> dict[str, Volume]:
    stick, system = tmp_path / "STICK", tmp_path / "system"
    stick.mkdir()
    system.mkdir()
    return {
        "stick": Volume(stick, "STICK", "vfat", 64 * 1024 * 1024, True, False),
        "system": Volume(system, "system", "ext4", 10**10, False, False),
    }


def _export_page(qtbot, tmp_path: Path, mounted: list[Volume]) -> tuple[object, ExportPage]:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    tree = hierarchy(depth=1)
    (out / "callbridge-2026.key").write_bytes(tree.leaf.key_pem)
    (out / "callbridge-2026.crt").write_bytes(tree.leaf.pem)
    wizard.page_as(PageId.EXPORT, ExportPage).volume_source = lambda: list(mounted)
    activate(qtbot, wizard)
    choose_flow(qtbot, wizard, FlowKey.EXPORT)
    assert wizard.currentId() == PageId.EXPORT
    return wizard, wizard.currentPage()


def test_a_stick_that_goes_away_clears_the_selection(qtbot, lang: str, tmp_path: Path, drives) -> None:
    mounted = [drives["stick"], drives["system"]]
    _wizard, export = _export_page(qtbot, tmp_path, mounted)
    click(qtbot, export.show_all)
    _click_row(qtbot, export, "STICK")
    assert export.chosen_volume() == drives["stick"] and export.copy_button.isEnabled()
    mounted.remove(drives["stick"])  # unmounted: the next look at the drives (every 2 s) sees it gone
    with qtbot.waitSignal(export.timer.timeout, timeout=5_000):
        pass
    assert export.chosen_volume() is None
    assert export.volumes.currentRow() == -1
    assert not export.copy_button.isEnabled()
    assert export.drive_note.isVisible()
    assert ("STICK is gone" if lang == "en" else "STICK 已不在") in export.drive_note.text()
    mounted.insert(0, drives["stick"])  # remounted: still nothing chosen until the user picks it
    with qtbot.waitSignal(export.timer.timeout, timeout=5_000):
        pass
    assert export.chosen_volume() is None and not export.copy_button.isEnabled()
    assert not list(drives["system"].root.iterdir())


def test_private_keys_to_a_fixed_drive_ask_first_naming_it(
    qtbot, lang: str, tmp_path: Path, drives, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, list[str]]] = []
    answer = {"yes": False}

    def confirm(parent, drive: str, keys: list[str]) -> bool:
        asked.append((drive, keys))
        return answer["yes"]

    monkeypatch.setattr(dialogs, "confirm_keys_to_fixed_drive", confirm)
    _wizard, export = _export_page(qtbot, tmp_path, [drives["system"]])
    click(qtbot, export.show_all)
    _click_row(qtbot, export, "system")
    _check_row(qtbot, export, "callbridge-2026.key")
    click(qtbot, export.copy_button)
    assert len(asked) == 1 and "system" in asked[0][0] and asked[0][1] == ["callbridge-2026.key"]
    assert not list(drives["system"].root.iterdir())  # said no: nothing written
    answer["yes"] = True
    with qtbot.waitSignal(export.host.tasks.idle, timeout=20_000):
        click(qtbot, export.copy_button)
    folder = drives["system"].root / export.name.text()
    assert (folder / "callbridge-2026.key").is_file() and (folder / "SHA256SUMS").is_file()


def test_a_removable_stick_takes_keys_without_the_question(
    qtbot, tmp_path: Path, drives, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm_keys_to_fixed_drive", lambda *a: pytest.fail("asked for a stick"))
    _wizard, export = _export_page(qtbot, tmp_path, [drives["stick"]])
    assert export.chosen_volume() == drives["stick"]  # the one stick plugged in is chosen for the user
    _check_row(qtbot, export, "callbridge-2026.key")
    with qtbot.waitSignal(export.host.tasks.idle, timeout=20_000):
        click(qtbot, export.copy_button)
    assert (drives["stick"].root / export.name.text() / "callbridge-2026.key").is_file()


@pytest.mark.skipif(why_not("fat") is not None, reason=str(why_not("fat")))
def test_a_full_fat_folder_is_said_and_the_export_is_not_called_done(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 29 Medium 6: fusefat drops names once a folder is full; that was reported as "the folder does not
    exist (was the drive removed?)" and the copy called done without SHA256SUMS."""
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    for number in range(40):
        (out / f"a-rather-long-certificate-file-name-number-{number:03d}.crt").write_bytes(b"x" * 100)
    with stick("fat", size_kb=16384) as point:
        export = wizard.page_as(PageId.EXPORT, ExportPage)
        export.volume_source = lambda: []
        monkeypatch.setattr(dialogs, "existing_folder", lambda *_a: point)
        activate(qtbot, wizard)
        choose_flow(qtbot, wizard, FlowKey.EXPORT)
        click(qtbot, export.other)
        with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
            click(qtbot, export.copy_button)
        said = export.summary.toPlainText()
        assert said.startswith("✗") and "✓" not in said.splitlines()[0]
        assert ("folder is full" if lang == "en" else "資料夾已滿") in said
        assert "was the drive removed" not in said
        folder = point / export.name.text()
        assert not (folder / "SHA256SUMS").exists()


@pytest.mark.skipif(why_not("tmpfs") is not None, reason=str(why_not("tmpfs")))
def test_a_stick_pulled_between_choosing_and_copying_gets_nothing_and_the_system_disk_neither(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hostile's follow-up: the page pins the copy to the device the stick was on when it was chosen. Pulled
    before the drive list looks again (every 2 s), its mount point is a plain folder on the system disk that
    still looks like the stick: nothing may land there, and the page says why."""
    import subprocess

    monkeypatch.setattr(dialogs, "confirm_keys_to_fixed_drive", lambda *a: pytest.fail("asked for a stick"))
    with stick("tmpfs", 2048) as point:
        mounted = [Volume(point, "STICK", "tmpfs", 2 * 1024 * 1024, True, False)]
        _wizard, export = _export_page(qtbot, tmp_path, mounted)
        export.timer.stop()  # the drive list has not looked again yet: the stick still shows as chosen
        assert export.chosen_volume() == mounted[0]  # the one stick, chosen for the user
        _check_row(qtbot, export, "callbridge-2026.key")
        subprocess.run(["umount", "-l", str(point)], check=True, capture_output=True)
        with qtbot.waitSignal(export.host.tasks.idle, timeout=20_000):
            click(qtbot, export.copy_button)
        assert list(point.iterdir()) == []  # no key on the computer's own disk
        said = export.summary.toPlainText()
        assert said.startswith("✗"), said
        assert ("no longer on the stick that was chosen" if lang == "en" else "已不在") in said, said
