"""The chain builder's real page against the engine alone, on the same files (run as a process inside
Xvfb by bench/run.py: a real X server, the window shown and painted as on a desktop).

Every round runs four: the engine and the page, on the 1,000- and the 10,000-certificate file, the
order reversed every other round. The page: its file is loaded as after Add files… (read and
fingerprinted on its worker, added, checked), Auto-order is clicked, and the run ends when the page's
model is idle again; then Start over. The engine: load the file, fingerprint, `auto_order`.

Every run starts cold, as a user's first load: what the process worked out about certificates in
earlier runs (the same files, so the same certificates) is forgotten first (`forget_facts`).
The same garbage-collection treatment on both sides: a full collection before each run (untimed);
within it, a pile of 1,000 or more certificates is frozen (`gc.freeze()`) once loaded — the page
does that so its collections skip the pile, and the engine side does the same; after each run
(untimed) everything is unfrozen again. Prints JSON: seconds per run, by size and side.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from qt_helpers import click, start_wizard, wait_until

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.bundle import _BIG_PILE, ChainBuilderPage
from cmswizard.pki.certfacts import forget_facts
from cmswizard.pki.chain import auto_order, collect
from cmswizard.pki.loader import load_file


def engine(path: Path) -> float:
    started = time.perf_counter()
    loaded = load_file(path)
    items = collect([loaded])
    if len(loaded.certificates) >= _BIG_PILE:
        gc.freeze()  # as the page does with a big pile
    auto_order(items)
    return time.perf_counter() - started


def through_page(page: ChainBuilderPage, path: Path) -> float:
    started = time.perf_counter()
    page.load_paths([path])
    wait_until(lambda: page.loading == 0 and not page.model.busy() and page.model.rowCount() > 0)
    click(page.auto_button)
    wait_until(lambda: not page.model.busy())
    elapsed = time.perf_counter() - started
    page.reset()
    return elapsed


def main() -> None:
    app, wizard = start_wizard()
    wizard.start_flow(FlowKey.BUNDLE)  # type: ignore[attr-defined]
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)  # type: ignore[attr-defined]
    app.processEvents()
    rounds = int(sys.argv[3])
    paths = [Path(name) for name in sys.argv[1:3]]
    sizes = [str(len(load_file(path).certificates)) for path in paths]
    sides = [(size, side, path) for size, path in zip(sizes, paths, strict=True) for side in ("engine", "page")]
    figures: dict[str, dict[str, list[float]]] = {size: {"engine": [], "page": []} for size in sizes}
    for number in range(rounds):
        for size, side, path in sides if number % 2 == 0 else sides[::-1]:
            forget_facts()
            gc.collect()
            seconds = engine(path) if side == "engine" else through_page(page, path)
            figures[size][side].append(seconds)
            gc.unfreeze()
            app.processEvents()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
