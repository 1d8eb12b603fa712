"""Time from process start to its first window being mapped on the X server (run inside Xvfb).

An X client of our own watches the root window for MapNotify (SubstructureNotifyMask) through
libX11, so the moment is the server's, not a poll, and it works for any program (XCA too).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import subprocess
import time
from pathlib import Path

_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_MAP_NOTIFY = 19


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", _MapEvent), ("pad", ctypes.c_long * 24)]


def _xlib() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def _peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def seconds_to_map(argv: list[str], env: dict[str, str] | None = None, timeout: float = 60.0) -> tuple[float, float]:
    """Start `argv`; return the seconds until the X server maps its first top-level window and the
    program's peak RSS (MB) at that moment; then stop it."""
    xlib = _xlib()
    display = xlib.XOpenDisplay(None)
    if not display:
        raise RuntimeError(f"cannot open X display {os.environ.get('DISPLAY')!r}")
    try:
        xlib.XSelectInput(display, xlib.XDefaultRootWindow(display), _SUBSTRUCTURE_NOTIFY_MASK)
        xlib.XSync(display, 0)
        connection = xlib.XConnectionNumber(display)
        event = _Event()
        started = time.perf_counter()
        child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                while xlib.XPending(display):
                    xlib.XNextEvent(display, ctypes.byref(event))
                    if event.type == _MAP_NOTIFY and not event.map.override_redirect:
                        return time.perf_counter() - started, _peak_rss_mb(child.pid)
                left = timeout - (time.perf_counter() - started)
                if left <= 0 or child.poll() is not None:
                    raise RuntimeError(f"{argv[0]}: no window mapped (exit code {child.poll()})")
                select.select([connection], [], [], min(left, 0.05))
        finally:
            child.terminate()
            try:
                child.wait(5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    finally:
        xlib.XCloseDisplay(display)
