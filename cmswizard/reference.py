"""Where the CMS command reference (docs/cms-reference.md) is on this machine: every command sheet points
to it, and an installed user has no source tree. The wheel carries a copy in cmswizard/docs/ (setup.py);
an editable install or a source checkout reads docs/ beside the package; the packaged app carries it
in the same place inside its folder."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
NAME = "cms-reference.md"


def reference_path() -> Path | None:
    """The reference's file, or None when this copy of cmswizard was installed without it."""
    for candidate in (PACKAGE / "docs" / NAME, PACKAGE.parent / "docs" / NAME):
        if candidate.is_file():
            return candidate
    return None
