"""First window, timed by the X server's map event (run inside Xvfb by bench/run.py).

Alternates the programs, the order reversed every other round (A B C, C B A, …); prints one JSON
object: seconds per program (run i of each is round i), and the peak RSS (MB) each had when its
window appeared. argv: [--cold] rounds, then name=command pairs. With --cold every run starts with the
kernel's page cache dropped (as root: `sync`, then 3 into /proc/sys/vm/drop_caches), so the
program's files are read from the disk, as in the first start after a reboot."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path

from xmap import seconds_to_map


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def main() -> None:
    arguments = sys.argv[1:]
    cold = arguments[0] == "--cold"
    if cold:
        arguments = arguments[1:]
    rounds = int(arguments[0])
    programs = [arg.split("=", 1) for arg in arguments[1:]]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    times: dict[str, list[float]] = {name: [] for name, _ in programs}
    rss: dict[str, list[float]] = {name: [] for name, _ in programs}
    for number in range(rounds):
        for name, command in programs if number % 2 == 0 else programs[::-1]:
            if cold:
                drop_caches()
            seconds, peak = seconds_to_map(shlex.split(command), env)
            times[name].append(seconds)
            rss[name].append(peak)
    print(json.dumps({"times": times, "rss": rss}))


if __name__ == "__main__":
    main()
