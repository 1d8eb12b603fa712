"""The deployment page's repeated fields, made alike: a box for a file name, a box for a port number.

The caller translates the accessible name (its own `tr` context) and connects the signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget


def file_name_box(parent: QWidget, accessible: str, text: str) -> QComboBox:
    """An editable box of file names showing whole names (dbserver.key and dbclient.key never look alike)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.setAccessibleName(accessible)
    combo.setToolTip(accessible)
    combo.setCurrentText(text)
    return combo


def port_box(parent: QWidget, value: int, accessible: str) -> QSpinBox:
    """A TCP port, 1 to 65535, named for screen readers and in its tooltip."""
    spin = QSpinBox(parent)
    spin.setRange(1, 65535)
    spin.setValue(value)
    spin.setAccessibleName(accessible)
    spin.setToolTip(accessible)
    return spin
