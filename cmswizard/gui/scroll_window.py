"""A screen smaller than the wizard (a netbook, 1366×768 at 150 %, QT_SCALE_FACTOR=2 on 1024×768): the
wizard is shown inside a scrolling window that fits the screen, so the mouse reaches every button."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from cmswizard.gui.wizard import CmsWizard


class ScrollWindow(QScrollArea):
    """The top-level window around the wizard: its title and icon, and closing goes through the
    wizard's own rules (ask before losing typed input, never in the middle of a write)."""

    def __init__(self, wizard: CmsWizard) -> None:
        super().__init__()
        self.wizard = wizard
        # Scrolling is there anyway: keep the wizard at its normal size (960×720), where every page's
        # text has room, rather than squeezing it to its bare minimum.
        wizard.setMinimumSize(wizard.size().expandedTo(wizard.minimumSize()))
        self.setWidgetResizable(True)  # the wizard fills the window, but never below that size
        self.setWidget(wizard)
        self.setWindowTitle(wizard.windowTitle())
        self.setWindowIcon(wizard.windowIcon())
        wizard.windowTitleChanged.connect(self.setWindowTitle)
        wizard.windowIconChanged.connect(self.setWindowIcon)
        wizard.finished.connect(self._wizard_finished)

    def show_help(self, field: str = "") -> None:
        """A field message's help link asks its window (this one) for the help."""
        self.wizard.show_help(field)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wizard.isVisible():
            self.wizard.reject()  # asks, or waits for a write; hides the wizard when it may close
        if self.wizard.isVisible():
            event.ignore()
        else:
            event.accept()

    def _wizard_finished(self) -> None:
        self.close()


def fits(wizard: QWidget, available: QRect) -> bool:
    """Whether the wizard's minimum size fits the screen's available area."""
    needed = wizard.minimumSize().expandedTo(wizard.minimumSizeHint())
    return needed.width() <= available.width() and needed.height() <= available.height()


def show_wizard(wizard: CmsWizard, available: QRect | None = None) -> QWidget:
    """Show the wizard as its own window, or inside a ScrollWindow filling `available` (the screen's
    available area by default) when it does not fit. Returns the window shown."""
    if available is None:
        available = wizard.screen().availableGeometry()
    if fits(wizard, available):
        wizard.show()
        return wizard
    window = ScrollWindow(wizard)
    window.resize(available.size())
    window.move(available.topLeft())
    window.show()
    # The title bar and borders come on top of the size asked for; keep the whole frame on the screen.
    frame = window.frameGeometry().size() - window.geometry().size()
    if frame.width() > 0 or frame.height() > 0:
        window.resize(available.size() - frame)
        window.move(available.topLeft())
    return window
