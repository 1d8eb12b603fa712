"""Which mounted volumes are removable sticks. Qt-free: the GUI lists volumes with QStorageInfo and
asks here; tests feed their own."""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from cmswizard.pki.errors import N_, Text

__all__ = ["Volume", "is_removable", "macos_is_stick", "space_and_state", "windows_is_stick"]


@dataclass(frozen=True)
class Volume:
    root: Path
    label: str
    file_system: str
    free_bytes: int
    removable: bool
    read_only: bool

    def describe(self) -> str:
        free = self.free_bytes / (1024 * 1024)
        size = f"{free / 1024:.1f} GB" if free >= 1024 else f"{free:.0f} MB"
        name = self.label or self.root.name or str(self.root)
        return Text(
            N_("{name} ({fs}, {size} free) — {root}"), name=name, fs=self.file_system, size=size, root=self.root
        )


def _block_device_name(device: str) -> str | None:
    """/dev/sdb1 → sdb; /dev/mmcblk0p1 → mmcblk0; /dev/nvme0n1p2 → nvme0n1; others → None."""
    if not device.startswith("/dev/"):
        return None
    name = os.path.basename(os.path.realpath(device))
    sys_class = Path("/sys/class/block") / name
    if (sys_class / "partition").exists():
        return Path(os.path.realpath(sys_class)).parent.name
    partition = re.fullmatch(r"(sd[a-z]+|vd[a-z]+|hd[a-z]+)\d+|(nvme\d+n\d+|mmcblk\d+)p\d+", name)
    if partition:
        return partition.group(1) or partition.group(2)
    return name


def is_removable(device: str, mount_point: Path, *, sys_root: Path = Path("/sys/block")) -> bool:
    """A USB stick or card: by the kernel's removable flag, or by where the desktop mounts sticks; on
    macOS and Windows by the rules of `macos_is_stick` and `windows_is_stick`, fed by the system."""
    if sys.platform == "darwin":
        return macos_is_stick(device, mount_point, _diskutil_info(device))
    if sys.platform == "win32":
        return windows_is_stick(*_windows_drive_facts(mount_point))
    text = str(mount_point)
    if text.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return True
    name = _block_device_name(device)
    if name is None:
        return False
    flag = sys_root / name / "removable"
    try:
        return flag.read_text().strip() == "1"
    except OSError:
        return False


# macOS: what `diskutil info -plist` says of a device, for the rule below.
_MACOS_STICK_BUSES = {"USB", "Secure Digital", "SD Card", "Thunderbolt"}


def macos_is_stick(device: str, mount_point: Path, disk: dict[str, object] | None) -> bool:
    """Only removable, local volumes under /Volumes count: a network share (//host/share, smbfs, afpfs,
    nfs, webdav: not a /dev/disk device), a mounted disk image (.dmg: BusProtocol "Disk Image") and an
    internal disk are not sticks. `disk` is diskutil's plist (None when it could not be read: no stick)."""
    if not str(mount_point).startswith("/Volumes/") or not device.startswith("/dev/disk") or disk is None:
        return False
    if disk.get("BusProtocol") == "Disk Image" or disk.get("VirtualOrPhysical") == "Virtual":
        return False
    if disk.get("Internal") is True and disk.get("RemovableMedia") is not True:  # a card in a built-in reader counts
        return False
    removable = any(
        disk.get(key) is True for key in ("RemovableMedia", "Removable", "Ejectable", "RemovableMediaOrExternalDevice")
    )
    return removable or disk.get("BusProtocol") in _MACOS_STICK_BUSES


def _diskutil_info(device: str) -> dict[str, object] | None:  # pragma: no cover - macOS only
    import plistlib
    import subprocess

    if not device.startswith("/dev/disk"):
        return None
    try:
        done = subprocess.run(["/usr/sbin/diskutil", "info", "-plist", device], capture_output=True, timeout=10)
        answer = plistlib.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, plistlib.InvalidFileException, ValueError):
        return None
    return answer if isinstance(answer, dict) else None


# Windows: GetDriveTypeW and the storage bus type (STORAGE_BUS_TYPE) of the volume's disk.
DRIVE_REMOVABLE, DRIVE_FIXED = 2, 3
BUS_TYPE_USB, BUS_TYPE_SD, BUS_TYPE_MMC = 7, 12, 13


def windows_is_stick(drive_type: int, bus_type: int | None) -> bool:
    """A removable drive; or a "fixed" one on the USB/SD bus (many USB sticks and every USB SSD report
    themselves as fixed disks). Network drives, CD-ROMs, RAM disks and internal disks are not sticks."""
    if drive_type == DRIVE_REMOVABLE:
        return True
    return drive_type == DRIVE_FIXED and bus_type in (BUS_TYPE_USB, BUS_TYPE_SD, BUS_TYPE_MMC)


def _windows_drive_facts(root: Path) -> tuple[int, int | None]:  # pragma: no cover - Windows only
    """GetDriveTypeW of the root, and for a fixed drive the bus type from IOCTL_STORAGE_QUERY_PROPERTY
    (StorageDeviceProperty) on the volume's device path (None when it cannot be asked)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateFileW.restype = wintypes.HANDLE
    drive_type = int(kernel32.GetDriveTypeW(str(root)))
    if drive_type != DRIVE_FIXED or not str(root)[:2].endswith(":"):
        return drive_type, None
    handle = kernel32.CreateFileW(f"\\\\.\\{str(root)[:2]}", 0, 3, None, 3, 0, None)  # no access rights needed
    if handle == wintypes.HANDLE(-1).value:
        return drive_type, None
    try:
        ioctl_storage_query_property = 0x002D1400
        query = (ctypes.c_uint32 * 3)(0, 0, 0)  # StorageDeviceProperty, PropertyStandardQuery
        descriptor = ctypes.create_string_buffer(1024)
        returned = wintypes.DWORD()
        ok = kernel32.DeviceIoControl(
            handle,
            ioctl_storage_query_property,
            query,
            ctypes.sizeof(query),
            descriptor,
            1024,
            ctypes.byref(returned),
            None,
        )
        if not ok or returned.value < 29:
            return drive_type, None
        return drive_type, descriptor.raw[28]  # STORAGE_DEVICE_DESCRIPTOR.BusType (offset 28)
    finally:
        kernel32.CloseHandle(handle)


def space_and_state(folder: Path) -> tuple[int, bool]:
    """Free bytes for an unprivileged writer, and whether the file system is mounted read-only."""
    free = shutil.disk_usage(folder).free  # every platform; os.statvfs is POSIX only
    read_only = not os.access(folder, os.W_OK)
    if hasattr(os, "statvfs"):  # the mount's read-only flag, which os.access misses for root
        read_only = read_only or bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return free, read_only
