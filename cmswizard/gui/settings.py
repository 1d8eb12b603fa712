"""Settings declared once, each with its type and default; stored with QSettings.

Tests build `Settings` on a temporary INI file so they never touch the user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


OPTIONS = {
    option.key: option
    for option in (
        Option("subject/O", "", str),
        Option("subject/OU", "", str),
        Option("subject/L", "", str),
        Option("subject/ST", "", str),
        Option("subject/C", "", str),
        Option("output/folder", str(Path.home()), str),
        Option("key/type", "rsa2048", str),
        Option("cms/version", "3.x", str),
        Option("ui/language", "", str),  # "" follows the system locale
        Option("plans/recent", "", str),  # plan files, newest first, one per line
        Option("ssh/known_hosts", str(Path.home() / ".ssh" / "known_hosts"), str),
    )
}


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings("cmswizard", "cmswizard")

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._store.value(key, option.default)
        try:
            return option.kind(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        option = OPTIONS[key]
        self._store.setValue(key, option.kind(value))

    def sync(self) -> None:
        self._store.sync()
