"""First window, timed by the X server's map event (run inside Xvfb by bench/run.py).

Alternates the programs, the order reversed every other round (A B C, C B A, …); prints one JSON
object: seconds per program (run i of each is round i), and the peak RSS (MB) each had when its
window appeared. argv: rounds, then name=command pairs."""

from __future__ import annotations

import json
import os
import shlex
import sys

from xmap import seconds_to_map


def main() -> None:
    rounds = int(sys.argv[1])
    programs = [arg.split("=", 1) for arg in sys.argv[2:]]
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    times: dict[str, list[float]] = {name: [] for name, _ in programs}
    rss: dict[str, list[float]] = {name: [] for name, _ in programs}
    for number in range(rounds):
        for name, command in programs if number % 2 == 0 else programs[::-1]:
            seconds, peak = seconds_to_map(shlex.split(command), env)
            times[name].append(seconds)
            rss[name].append(peak)
    print(json.dumps({"times": times, "rss": rss}))


if __name__ == "__main__":
    main()
