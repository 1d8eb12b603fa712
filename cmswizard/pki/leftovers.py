"""Temporary files of the one writer, and the folder lock: what an interrupted run leaves, and who may clean.

Every temporary the writer makes (a copy of a file being written, a hard link to a file being replaced)
is named `.cmswizard-<hex>-<name>.tmp` or `.cmswizard-<hex>.old`: recognisable, so that the next run, or
`plan check`, or `pki list`, removes them. They may hold a private key (a kill -9 between writing and
renaming leaves one): on a FAT stick a hidden file is readable by whoever holds the stick.

A temporary is stale only when no run is writing into its folder: writers hold an exclusive advisory
lock (flock) on the folder while they write, so the cleaner takes that lock too, without waiting; where
there are no such locks (Windows), only temporaries older than ten minutes are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

__all__ = [
    "PREFIX",
    "FolderBusy",
    "holding",
    "is_leftover",
    "old_name",
    "remove_leftovers",
    "set_reporter",
    "temp_name",
]

PREFIX = ".cmswizard-"
_LEFTOVER = re.compile(r"\.cmswizard-[0-9a-f]{12,16}(-.{0,40})?\.(tmp|old)", re.DOTALL)
_AGE_WITHOUT_LOCKS = 600.0
# Folders this thread holds the lock of: path → how many holders. Per thread, not per process: flock
# locks belong to an open file, so two threads of one process exclude each other only if each opens
# its own; a process-wide count let a second thread "hold" the folder at once and sweep away the first
# thread's temporaries as leftovers while it was still writing them.
_this_thread = threading.local()


def _held() -> dict[str, int]:
    held: dict[str, int] | None = getattr(_this_thread, "held", None)
    if held is None:
        held = _this_thread.held = {}
    return held


Reporter = Callable[[Path, list[str], list[str]], None]  # folder, removed, could not be removed
_reporter: list[Reporter] = []


class FolderBusy(Exception):
    """Another process holds the folder (a second `plan apply` on the same folder)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder


def temp_name(final_name: str) -> str:
    return f"{PREFIX}{secrets.token_hex(6)}-{final_name[:40]}.tmp"


def old_name() -> str:
    return f"{PREFIX}{secrets.token_hex(8)}.old"


def is_leftover(name: str) -> bool:
    return bool(_LEFTOVER.fullmatch(name))


def set_reporter(reporter: Reporter | None) -> None:
    """Who is told when leftovers are removed (the CLI prints a line); None: nobody."""
    _reporter.clear()
    if reporter is not None:
        _reporter.append(reporter)


@contextlib.contextmanager
def holding(folders: Sequence[Path], *, wait: bool = True) -> Iterator[None]:
    """Hold the folders' locks (re-entrant within this process). With wait=False, raise FolderBusy at
    once when another process holds one."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks on folders
        yield
        return
    descriptors: list[tuple[str, int]] = []
    mine: list[str] = []
    _held_here = _held()
    try:
        for folder in sorted({os.path.abspath(f) for f in folders}):
            if folder in _held_here:
                _held_here[folder] += 1
                mine.append(folder)
                continue
            try:
                fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                os.close(fd)
                raise FolderBusy(Path(folder)) from None
            except OSError:  # a file system without locks: go on unlocked, as before
                pass
            descriptors.append((folder, fd))
            _held_here[folder] = 1
            mine.append(folder)
        yield
    finally:
        for folder in mine:
            _held_here[folder] -= 1
            if not _held_here[folder]:
                del _held_here[folder]
        for _folder, fd in descriptors:
            os.close(fd)  # closing releases the lock


def remove_leftovers(folder: Path, *, report: bool = True) -> tuple[list[str], list[str]]:
    """Remove the writer's stale temporaries in `folder`: (removed, could not be removed). Nothing is
    touched while another process writes there."""
    try:
        names = [name for name in os.listdir(folder) if is_leftover(name)]
    except OSError:
        return [], []
    if not names:
        return [], []
    removed: list[str] = []
    failed: list[str] = []
    try:
        with holding([folder], wait=False):
            locks = _locks_available()
            for name in sorted(names):
                path = folder / name
                try:
                    if not locks and time.time() - os.lstat(path).st_mtime < _AGE_WITHOUT_LOCKS:
                        continue  # perhaps another run's, being written right now
                    os.unlink(path)
                    removed.append(name)
                except FileNotFoundError:
                    continue
                except OSError:
                    failed.append(name)
    except FolderBusy:
        return [], []
    if report and (removed or failed):
        for reporter in _reporter:
            reporter(folder, removed, failed)
    return removed, failed


def _locks_available() -> bool:
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return False
    return True
