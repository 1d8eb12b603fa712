"""Peak RSS of the wizard (run as a process by bench/run.py), in MB.

`idle`: the wizard shown on its first page, left to settle. `file FILE`: then the chain builder loads
FILE (as after Add files…) and Auto-order is clicked; the list is drawn before the figure is taken.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from qt_helpers import click, start_wizard, wait_until


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    app, wizard = start_wizard()
    QTest.qWait(300)
    if sys.argv[1] == "file":
        from cmswizard.gui.flows import FlowKey, PageId
        from cmswizard.gui.pages.bundle import ChainBuilderPage

        wizard.start_flow(FlowKey.BUNDLE)
        page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
        page.load_paths([Path(sys.argv[2])])
        wait_until(lambda: page.loading == 0 and not page.model.busy() and page.model.rowCount() > 0)
        click(page.auto_button)
        wait_until(lambda: not page.model.busy())
        page.view.scrollToBottom()
        QTest.qWait(100)
    app.processEvents()
    print(f"{peak_mb():.1f}")


if __name__ == "__main__":
    main()
