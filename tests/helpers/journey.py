"""Driving the wizard as a person does: real clicks, typing and Alt+letter, waiting on signals."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
    QWizard,
)

from cmswizard.gui.flows import FLOWS, FlowKey
from cmswizard.gui.settings import Settings
from cmswizard.gui.tasks import TaskRunner
from cmswizard.gui.wizard import CmsWizard

LEFT = Qt.MouseButton.LeftButton


def make_wizard(qtbot, folder: Path) -> CmsWizard:
    folder.mkdir(parents=True, exist_ok=True)
    settings = Settings.at(folder.parent / f"{folder.name}-settings.ini")
    settings.set("output/folder", str(folder))
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    activate(qtbot, wizard)  # typing, Alt+letter and shortcuts go to the active window
    return wizard


def activate(qtbot, window: QWidget) -> None:
    """Make `window` the active window and wait for the application's signal that it is (`focusWindowChanged`
    to its window); at once when it already is. For `make_wizard`, and after a menu, a dialog or another window
    took the activation. (Not `waitActive`: a closed menu or the help window, both the wizard's transient
    children, still count as the wizard's window being active, though the wizard is not the active window.)"""
    if QApplication.activeWindow() is not window:
        with qtbot.waitSignal(
            QGuiApplication.instance().focusWindowChanged,
            check_params_cb=lambda focused: focused is window.windowHandle(),
            timeout=5_000,
        ):
            window.activateWindow()
    assert QApplication.activeWindow() is window


def finish_tasks(qtbot, tasks: TaskRunner, timeout: int = 60_000) -> None:
    """Wait for the task runner's `idle` signal (no task left, including any a finished one started):
    the work's own signal, not a poll. Nothing to wait for if no task runs. The runner's signals arrive
    on the GUI thread, which is this one, so `idle` cannot come between the check and the wait."""
    if tasks.running():
        with qtbot.waitSignal(tasks.idle, timeout=timeout):
            pass


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be clicked"
    if isinstance(button, QRadioButton | QCheckBox):  # stretched by the layout: aim at the indicator
        qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, LEFT)


def forward_button(wizard: CmsWizard) -> QAbstractButton:
    """Next, or the commit button where the page is a point of no return."""
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    return commit if commit.isVisible() else wizard.button(QWizard.WizardButton.NextButton)


def press_next(qtbot, wizard: CmsWizard) -> None:
    click(qtbot, forward_button(wizard))


def mnemonic_of(text: str) -> Qt.Key:
    """The key of '&x' in a label (zh_TW puts it in brackets: 儲存(&S))."""
    at = text.replace("&&", "").index("&")
    return Qt.Key(ord(text.replace("&&", "")[at + 1].upper()))


def press_mnemonic(qtbot, window: QWidget, button: QAbstractButton) -> None:
    """Alt+letter, as underlined on the button in the current language; the button animates its click,
    so wait for it (a letter two controls share would only move the focus, and this times out)."""
    with qtbot.waitSignal(button.clicked, timeout=2_000):
        QTest.keyClick(window, mnemonic_of(button.text()), Qt.KeyboardModifier.AltModifier)


def choose_flow(qtbot, wizard: CmsWizard, key: FlowKey) -> None:
    """On the start page: click the flow's radio button, then Next."""
    start = wizard.currentPage()
    number = next(n for n, flow in enumerate(FLOWS) if flow.key is key)
    button = start.group.button(number)
    click(qtbot, button)
    assert button.isChecked()
    press_next(qtbot, wizard)


def click_item(qtbot, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())
    assert tree.currentItem() is item


def type_into(qtbot, field: QWidget, text: str) -> None:
    qtbot.mouseClick(field, LEFT)
    qtbot.keyClicks(field, text)


def openssl(*args: str) -> str:
    done = subprocess.run(["openssl", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr
