"""Export to a stick: real mounted file systems, verified by hash, and every failure left clean."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cmswizard.export.copy import README_NAME, SUMS_NAME, ExportItem, export_files, export_items
from cmswizard.export.readme import COMMANDS_NAME, export_readme
from cmswizard.export.volumes import is_removable
from cmswizard.pki.errors import CmsInputError

from helpers.factory import hierarchy
from helpers.mounts import remount_read_only, stick, why_not


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("source")
    h = hierarchy(depth=1, rsa_bits=2048)
    files = {
        "cms1.key": h.leaf.key_pem,
        "cms1.crt": h.leaf.pem,
        "cms1-bundle.crt": h.intermediates[0].pem + h.root.pem,
        "cms1-fullchain.crt": b"".join(c.pem for c in h.chain),
    }
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    (folder / "cms1.key").chmod(0o600)
    return paths


def _export(paths: list[Path], destination: Path, **kwargs):
    items = export_items(paths, [ExportItem(COMMANDS_NAME, b"webadmin disable\n")])
    return items, export_files(items, destination, readme=export_readme(items), **kwargs)


def _assert_verified(destination: Path, items) -> None:
    names = sorted(p.name for p in destination.iterdir())
    assert names == sorted([*(i.name for i in items), SUMS_NAME, README_NAME])
    for item in items:
        assert (destination / item.name).read_bytes() == item.data
    done = subprocess.run(["sha256sum", "-c", SUMS_NAME], cwd=destination, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == len(items)
    readme = (destination / README_NAME).read_text(encoding="utf-8")
    assert "PRIVATE KEY" in readme and "私密金鑰" in readme and "pki list" in readme
    assert "full chain" in readme and "憑證套件組合" in readme


def test_export_to_a_folder(source: list[Path], tmp_path: Path) -> None:
    steps = []
    items, result = _export(source, tmp_path / "out", progress=lambda done, total, name: steps.append((done, total)))
    assert result.ok, result.summary()
    _assert_verified(tmp_path / "out", items)
    assert (tmp_path / "out" / "cms1.key").stat().st_mode & 0o777 == 0o600
    assert steps[0] == (0, 7) and steps[-1] == (7, 7)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_name_clash_is_refused_before_copying(source: list[Path], tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "cms1.crt").write_text("keep me")
    with pytest.raises(CmsInputError, match="already exists"):
        _export(source, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["cms1.crt"]
    assert (tmp_path / "out" / "cms1.crt").read_text() == "keep me"
    items, result = _export(source, tmp_path / "out", overwrite=True)
    assert result.ok
    _assert_verified(tmp_path / "out", items)


def test_target_removed_mid_copy_leaves_no_partial_file(source: list[Path], tmp_path: Path) -> None:
    destination = tmp_path / "out"

    def pull_out(done: int, total: int, name: str) -> None:
        if done == 2:
            for path in destination.iterdir():
                path.unlink()
            destination.rmdir()

    _, result = _export(source, destination, progress=pull_out)
    assert not result.ok
    assert result.copied == ["cms1.key", "cms1.crt"]
    assert "cms1-bundle.crt" in result.not_copied and README_NAME in result.not_copied
    assert "drive removed" in result.error or "does not exist" in result.error
    assert not destination.exists()


def test_cli_export(source: list[Path], tmp_path: Path, cli) -> None:
    sheet = tmp_path / "sheet.txt"
    sheet.write_text("webadmin disable\n")
    result = cli("export", "--to", str(tmp_path), "--name", "stick", "--sheet", str(sheet), *map(str, source))
    assert result.code == 0, result.err
    assert "copied and verified 8 file(s)" in result.out  # with certificate-expiry.ics
    assert (tmp_path / "stick" / "certificate-expiry.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "cms1.key is a private key" in result.err
    assert (tmp_path / "stick" / COMMANDS_NAME).read_text() == "webadmin disable\n"
    again = cli("export", "--to", str(tmp_path), "--name", "stick", *map(str, source))
    assert again.code == 2 and "already exists" in again.err
    bad = cli("export", "--to", str(tmp_path / "missing"), *map(str, source))
    assert bad.code == 2 and "does not exist" in bad.err


def test_removable_detection(tmp_path: Path) -> None:
    sys_block = tmp_path / "block"
    (sys_block / "sdz").mkdir(parents=True)
    (sys_block / "sdz" / "removable").write_text("1\n")
    (sys_block / "sdy").mkdir()
    (sys_block / "sdy" / "removable").write_text("0\n")
    assert is_removable("/dev/sdz", Path("/mnt/x"), sys_root=sys_block)
    assert is_removable("/dev/sdz1", Path("/mnt/x"), sys_root=sys_block)  # a partition of the stick
    assert not is_removable("/dev/sdy2", Path("/mnt/x"), sys_root=sys_block)  # a fixed disk
    assert is_removable("tmpfs", Path("/media/alice/STICK"))
    assert is_removable("tmpfs", Path("/run/media/alice/STICK"))
    assert not is_removable("tmpfs", Path("/"))


@pytest.mark.parametrize("kind", ["tmpfs", "ext4", "fat"])
def test_export_to_a_mounted_stick(source: list[Path], kind: str) -> None:
    reason = why_not(kind)
    if reason:
        pytest.skip(reason)
    with stick(kind, size_kb=4096) as point:
        items, result = _export(source, point / "cms-certificates")
        assert result.ok, result.summary()
        _assert_verified(point / "cms-certificates", items)


@pytest.mark.parametrize("kind", ["tmpfs", "ext4"])
def test_too_small_stick_says_not_enough_space(source: list[Path], kind: str) -> None:
    reason = why_not(kind)
    if reason:
        pytest.skip(reason)
    with stick(kind, size_kb=256 if kind == "tmpfs" else 1024) as point:
        big = point.parent / "big.crt"
        big.write_bytes(b"x" * 3 * 1024 * 1024)
        with pytest.raises(CmsInputError, match="not enough space"):
            _export([*source, big], point / "out")
        assert not (point / "out").exists()


def test_disk_full_during_write_leaves_no_partial_file(tmp_path: Path) -> None:
    reason = why_not("tmpfs")
    if reason:
        pytest.skip(reason)
    from cmswizard.pki.files import OutputFile, write_files

    with stick("tmpfs", size_kb=64) as point:
        with pytest.raises(CmsInputError, match="disk is full"):
            write_files([OutputFile(point / "big.crt", b"x" * 200 * 1024)])
        assert list(point.iterdir()) == []


@pytest.mark.parametrize("kind", ["tmpfs", "ext4"])
def test_read_only_stick_is_refused_up_front(source: list[Path], kind: str) -> None:
    reason = why_not(kind)
    if reason:
        pytest.skip(reason)
    with stick(kind) as point:
        remount_read_only(point)
        with pytest.raises(CmsInputError, match="read-only"):
            _export(source, point / "out")


def test_an_interrupted_export_leaves_no_half_export(source: list[Path], tmp_path: Path) -> None:
    """Ctrl+C after two of seven files: the CLI says 'nothing was left half-written', so nothing is."""
    import os
    import signal

    destination = tmp_path / "out"

    def interrupt(done: int, total: int, name: str) -> None:
        if done == 2:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        _export(source, destination, progress=interrupt)
    assert not destination.exists()
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "notes.txt").write_text("mine")
    with pytest.raises(KeyboardInterrupt):
        _export(source, tmp_path / "kept", progress=interrupt)
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["notes.txt"]


def test_macos_counts_only_removable_local_volumes() -> None:
    from cmswizard.export.volumes import macos_is_stick

    stick = {"BusProtocol": "USB", "Internal": False, "RemovableMedia": True, "Ejectable": True}
    usb_ssd = {"BusProtocol": "USB", "Internal": False, "RemovableMedia": False, "Ejectable": True}
    sd_card = {"BusProtocol": "Secure Digital", "Internal": True, "RemovableMedia": True}  # built-in reader
    dmg = {"BusProtocol": "Disk Image", "Internal": False, "RemovableMedia": True, "Ejectable": True}
    internal = {"BusProtocol": "Apple Fabric", "Internal": True, "RemovableMedia": False}
    assert macos_is_stick("/dev/disk4s1", Path("/Volumes/STICK"), stick)
    assert macos_is_stick("/dev/disk5s2", Path("/Volumes/SSD"), usb_ssd)
    assert not macos_is_stick("/dev/disk6s1", Path("/Volumes/Installer"), dmg)  # a mounted .dmg
    assert not macos_is_stick("/dev/disk1s1", Path("/Volumes/Data"), internal)
    assert not macos_is_stick("//alice@nas/share", Path("/Volumes/share"), None)  # smbfs/afpfs: no /dev/disk
    assert not macos_is_stick("/dev/disk4s1", Path("/Volumes/STICK"), None)  # diskutil could not say
    assert not macos_is_stick("/dev/disk4s1", Path("/private/tmp/x"), stick)  # not under /Volumes
    # A card in the built-in reader: the reader is internal, the medium removable.
    assert macos_is_stick("/dev/disk7s1", Path("/Volumes/CARD"), sd_card)


def test_windows_counts_removable_drives_and_usb_disks_that_say_fixed() -> None:
    from cmswizard.export.volumes import BUS_TYPE_USB, DRIVE_FIXED, DRIVE_REMOVABLE, windows_is_stick

    sata, nvme, network, cdrom = 11, 17, 4, 5
    assert windows_is_stick(DRIVE_REMOVABLE, None)
    assert windows_is_stick(DRIVE_FIXED, BUS_TYPE_USB)  # a USB stick or SSD that reports itself as fixed
    assert not windows_is_stick(DRIVE_FIXED, sata)
    assert not windows_is_stick(DRIVE_FIXED, nvme)
    assert not windows_is_stick(DRIVE_FIXED, None)  # the bus type could not be read: not a stick
    assert not windows_is_stick(network, None) and not windows_is_stick(cdrom, None)
