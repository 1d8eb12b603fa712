"""Real file systems to stand in for a USB stick (root only): tmpfs, an ext4 loop image, FAT via FUSE."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

IS_ROOT = os.geteuid() == 0


def _run(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=60)


def _unmount(point: Path) -> None:
    for attempt in range(20):
        done = subprocess.run(["umount", str(point)], capture_output=True)
        if done.returncode == 0 or not os.path.ismount(point):
            return
        time.sleep(0.1 * (attempt + 1))


def why_not(kind: str) -> str | None:
    """None if this kind of stick can be mounted here, else the reason (for pytest.skip)."""
    if not IS_ROOT:
        return "mounting needs root (CI runs as root)"
    if kind == "ext4" and (shutil.which("mkfs.ext4") is None or not Path("/dev/loop-control").exists()):
        return "no mkfs.ext4 or loop devices"
    if kind == "fat" and (
        shutil.which("fusefat") is None or shutil.which("mkfs.vfat") is None or not Path("/dev/fuse").exists()
    ):
        return "fusefat, mkfs.vfat or /dev/fuse missing (.ci/run installs fusefat and dosfstools)"
    return None


@contextlib.contextmanager
def stick(kind: str, size_kb: int = 4096) -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix=f"cmswizard-{kind}-"))
    point = base / "mnt"
    point.mkdir()
    try:
        if kind == "tmpfs":
            _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(point))
        elif kind in ("ext4", "fat"):
            image = base / "stick.img"
            with image.open("wb") as handle:
                handle.truncate(size_kb * 1024)
            if kind == "ext4":
                _run("mkfs.ext4", "-q", "-F", str(image))
                _run("mount", "-o", "loop", str(image), str(point))
            else:
                _run("mkfs.vfat", "-n", "CMSSTICK", str(image))
                _run("fusefat", "-o", "rw+", str(image), str(point))
        else:
            raise ValueError(kind)
        yield point
    finally:
        if os.path.ismount(point):
            _unmount(point)
        shutil.rmtree(base, ignore_errors=True)


def remount_read_only(point: Path) -> None:
    _run("mount", "-o", "remount,ro", str(point))
