"""The chain builder's model against the engine alone, on the same files (run as a process).

Both files in every round, the order reversed every other round: the engine (load the file, fingerprint, `auto_order`) and the GUI model
(load and fingerprint as the page's worker does, add to the model, wait for its check, Auto-order,
wait again; checks above SYNC_LIMIT run on the model's worker thread). Prints JSON: seconds per run."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop

from cmswizard.gui.launch import create_application
from cmswizard.gui.models.chain import ChainModel
from cmswizard.pki.chain import auto_order, collect
from cmswizard.pki.loader import load_file


def _wait(model: ChainModel) -> None:
    if model.busy():
        loop = QEventLoop()
        model.checking.connect(lambda running: running or loop.quit())
        loop.exec()


def engine(path: Path) -> int:
    items = collect([load_file(path)])
    auto_order(items)
    return len(items)


def through_model(path: Path) -> int:
    model = ChainModel()
    model.add_items(collect([load_file(path)]))
    _wait(model)
    model.auto_order()
    _wait(model)
    count = model.rowCount()
    model.deleteLater()
    return count


def timed(action, *args) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def main() -> None:
    app = create_application()  # as the wizard runs (its GIL switch interval included)
    rounds = int(sys.argv[3])
    paths = [Path(name) for name in sys.argv[1:3]]
    sizes = [str(len(collect([load_file(path)]))) for path in paths]
    # Every round runs all four (engine and model, both files), the order reversed every other round:
    # run i of each list is round i, so ratios and growths can be taken within a round.
    sides = [(size, side, path) for size, path in zip(sizes, paths, strict=True) for side in ("engine", "model")]
    figures: dict[str, dict[str, list[float]]] = {size: {"engine": [], "model": []} for size in sizes}
    for number in range(rounds):
        for size, side, path in sides if number % 2 == 0 else sides[::-1]:
            figures[size][side].append(timed(engine if side == "engine" else through_model, path))
            app.processEvents()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
