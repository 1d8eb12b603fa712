"""Peak RSS of the wizard with 1,000 certificates loaded into the chain builder (run as a process).

Prints: peak MB before loading, peak MB after loading and auto-ordering, seconds to load+order."""

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pile import shuffled_pile
from PySide6.QtCore import QCoreApplication

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.launch import create_application
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.loader import FileFormat, LoadedFile


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


app = create_application()
pile = shuffled_pile(1000)
wizard = CmsWizard(Settings.at(Path("/tmp/cmswizard-bench-settings.ini")))
wizard.show()
wizard.start_flow(FlowKey.BUNDLE)
QCoreApplication.processEvents()
before = peak_mb()
started = time.perf_counter()
loaded = LoadedFile("pile.pem", FileFormat.PEM, certificates=pile)
page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
page.model.add_files([loaded])
page.model.auto_order()
QCoreApplication.processEvents()
wizard.grab()
elapsed = time.perf_counter() - started
print(f"{before:.1f} {peak_mb():.1f} {elapsed:.3f}")
