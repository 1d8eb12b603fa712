"""Reading a file back from the stick rather than from the operating system's cache, where the platform
allows it: the export compares these bytes with what it wrote, and bytes served from memory would prove
nothing about the stick.

| Platform | How | Limits |
|---|---|---|
| Linux | posix_fadvise(DONTNEED) after the writer's fsync: the now-clean cached pages are dropped, the read goes to the device | none known (a FUSE file system may keep its own cache) |
| macOS | fcntl(F_NOCACHE) on the descriptor before reading | pages cached before may still be served (Apple documents no drop) |
| Windows | CreateFileW(FILE_FLAG_NO_BUFFERING), sector-aligned reads into page-aligned memory | written, not run on this project's machines (.github/workflows) |
| elsewhere | a plain read | the cache is not bypassed |

`bypass_method()` names the row that applies, for the README and the tests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["bypass_method", "read_back"]

_F_NOCACHE = 48  # <sys/fcntl.h> on macOS; Python's fcntl module names it only on some versions
_CHUNK = 1 << 20  # a multiple of every sector size (512, 4096)


def bypass_method() -> str | None:
    if sys.platform == "win32":
        return "FILE_FLAG_NO_BUFFERING"
    if sys.platform == "darwin":
        return "F_NOCACHE"
    if hasattr(os, "posix_fadvise"):
        return "POSIX_FADV_DONTNEED"
    return None


def read_back(path: Path) -> bytes:
    """The file's bytes, read past the cache where `bypass_method()` says how (OSError as open() raises)."""
    method = bypass_method()
    if method == "FILE_FLAG_NO_BUFFERING":
        return _read_unbuffered_windows(path)
    with open(path, "rb", buffering=0) as stream:
        if method == "F_NOCACHE":
            import fcntl

            fcntl.fcntl(stream.fileno(), getattr(fcntl, "F_NOCACHE", _F_NOCACHE), 1)
        elif method == "POSIX_FADV_DONTNEED":
            os.posix_fadvise(stream.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        return stream.read()


def _read_unbuffered_windows(path: Path) -> bytes:  # pragma: no cover - Windows only
    """FILE_FLAG_NO_BUFFERING demands reads of whole sectors into sector-aligned memory: VirtualAlloc
    gives page-aligned memory, and 1 MiB reads are whole sectors; the last read simply returns less."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.VirtualAlloc.restype = ctypes.c_void_p
    generic_read, share_read, open_existing = 0x80000000, 0x00000001, 3
    no_buffering, sequential = 0x20000000, 0x08000000
    mem_commit_reserve, page_readwrite, mem_release = 0x3000, 0x04, 0x8000
    invalid = wintypes.HANDLE(-1).value
    handle = kernel32.CreateFileW(
        str(path), generic_read, share_read, None, open_existing, no_buffering | sequential, None
    )
    if handle == invalid:
        error = ctypes.get_last_error()  # type: ignore[attr-defined]
        raise OSError(error, ctypes.FormatError(error), str(path))  # type: ignore[attr-defined]
    buffer = kernel32.VirtualAlloc(None, _CHUNK, mem_commit_reserve, page_readwrite)
    try:
        if not buffer:
            raise MemoryError("VirtualAlloc")
        parts: list[bytes] = []
        got = wintypes.DWORD()
        while True:
            if not kernel32.ReadFile(handle, ctypes.c_void_p(buffer), _CHUNK, ctypes.byref(got), None):
                error = ctypes.get_last_error()  # type: ignore[attr-defined]
                raise OSError(error, ctypes.FormatError(error), str(path))  # type: ignore[attr-defined]
            if got.value == 0:
                return b"".join(parts)
            parts.append(ctypes.string_at(buffer, got.value))
    finally:
        if buffer:
            kernel32.VirtualFree(ctypes.c_void_p(buffer), 0, mem_release)
        kernel32.CloseHandle(handle)
