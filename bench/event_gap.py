"""The longest gap between event-loop turns while an RSA-4096 key is made in the background.

Prints one gap in milliseconds per run (run as a process by bench/run.py)."""

import itertools
import time

from PySide6.QtCore import QTimer

from cmswizard.gui.launch import create_application
from cmswizard.gui.tasks import run_in_background
from cmswizard.pki.keys import generate_private_key
from cmswizard.pki.spec import KeyType

app = create_application()
gaps: list[float] = []


def one_run(remaining: int) -> None:
    if remaining == 0:
        print(" ".join(f"{g:.2f}" for g in gaps))
        app.quit()
        return
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def finished(_result: object) -> None:
        timer.stop()
        ticks.append(time.perf_counter())
        gaps.append(max(b - a for a, b in itertools.pairwise(ticks)) * 1000)
        QTimer.singleShot(0, lambda: one_run(remaining - 1))

    timer.start()
    run_in_background(lambda: generate_private_key(KeyType.RSA4096), finished, lambda error: finished(error))
    one_run.timer = timer  # type: ignore[attr-defined]  # keep it alive


QTimer.singleShot(0, lambda: one_run(5))
app.exec()
