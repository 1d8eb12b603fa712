"""Layout checks shared by the GUI layout tests: the smallest window we support, and what is cut off in it."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

__all__ = ["SMALLEST", "cut_off"]

SMALLEST = (820, 620)


def cut_off(root: QWidget) -> list[str]:
    """Visible buttons narrower than their text, and one-line labels narrower than theirs."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text() and button.width() < button.sizeHint().width():
            found.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    for label in root.findChildren(QLabel):
        text = re.sub(r"<[^>]+>", "", label.text())
        if not label.isVisibleTo(root) or label.wordWrap() or not text or "\n" in text:
            continue
        needed = label.fontMetrics().horizontalAdvance(text.replace("&", ""))
        if label.contentsRect().width() < needed:
            found.append(f"label {text!r}: {label.contentsRect().width()} < {needed}")
    return found
