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

__all__ = ["Volume", "is_removable", "space_and_state"]


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
    """A USB stick or card: by the kernel's removable flag, or by where the desktop mounts sticks."""
    if sys.platform == "darwin":
        return str(mount_point).startswith("/Volumes/")
    if sys.platform == "win32":
        import ctypes

        drive_removable = 2
        return bool(ctypes.windll.kernel32.GetDriveTypeW(str(mount_point)) == drive_removable)  # type: ignore[attr-defined]
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


def space_and_state(folder: Path) -> tuple[int, bool]:
    """Free bytes for an unprivileged writer, and whether the file system is mounted read-only."""
    free = shutil.disk_usage(folder).free  # every platform; os.statvfs is POSIX only
    read_only = not os.access(folder, os.W_OK)
    if hasattr(os, "statvfs"):  # the mount's read-only flag, which os.access misses for root
        read_only = read_only or bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return free, read_only
