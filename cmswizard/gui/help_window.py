"""The help window: one page's help (gui/help.py), beside the wizard, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QTextBrowser, QVBoxLayout, QWidget

from cmswizard.gui.help import PageHelp, anchor_for, render


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the user sizes the window
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(QSize(560, 600))
        self.anchor = ""  # the section last scrolled to

    def show_page(self, title: str, help_: PageHelp | None, field: str = "") -> None:
        self.setWindowTitle(self.tr("Help: {page}").format(page=title))
        if help_ is None:
            self.browser.setPlainText(self.tr("No help for this page yet."))
        else:
            self.browser.setHtml(render(title, help_))
            self.anchor = anchor_for(help_, field) if field else "purpose"
            self.browser.scrollToAnchor(self.anchor)
        self.show()
        self.activateWindow()
