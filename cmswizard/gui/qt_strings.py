"""Qt's own file dialog strings that Qt's zh_TW catalogue (qtbase_zh_TW) lacks: listed here so lupdate puts
them in our catalogue under Qt's contexts, and the non-native file dialog reads all Chinese ("Look in:" and
"Files of type:" stayed English). Older Qt (6.7.0, the floor) has them without a mnemonic ("Look in:"; its catalogue then
says 尋找於：): both forms are here, so every Qt the floors allow shows the same words. Nothing imports
this module: lupdate reads it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Folder"),
)
