"""Saving the expiry calendar (.ics) from a page: one path for the check and probe flows."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from cmswizard.gui import dialogs, style
from cmswizard.gui.i18n import error_text

if TYPE_CHECKING:
    from cmswizard.export.calendar import ExpiryEntry
    from cmswizard.gui.page import WizardPage


def save_expiry_calendar(
    page: WizardPage,
    entries: Sequence[ExpiryEntry],
    status: QLabel,
    *,
    title: str,
    file_filter: str,
    saved: str,
    beside: Path | None = None,
) -> None:
    """Ask where, write the calendar off the GUI thread, and say in `status` what happened.

    The page passes its own translated words (`saved` has a `{file}` placeholder), so each keeps its
    translation context."""
    from cmswizard.export.calendar import CALENDAR_NAME, expiry_calendar
    from cmswizard.pki.files import OutputFile, write_files

    if not entries:
        return
    # Beside the files the dates come from, when they are files (the probe's come from servers)
    start = (beside if beside is not None and beside.is_dir() else page.host.flows.folder) / CALENDAR_NAME
    target = dialogs.save_file_name(page, title, start, file_filter)
    if target is None:
        return
    chosen: Path = target

    def write() -> Path:
        write_files([OutputFile(chosen, expiry_calendar(list(entries)), replace=True)])
        return chosen

    def done(path: Path) -> None:
        status.setText(saved.format(file=path.name))

    def failed(error: Exception) -> None:
        status.setText(style.coloured(f"✗ {html.escape(error_text(error))}", style.Role.ERROR, status))

    page.host.tasks.run(page, write, done, failed, writes=True)
