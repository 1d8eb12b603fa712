"""Recently opened or saved plan files (newest first), kept in the settings."""

from __future__ import annotations

from pathlib import Path

from cmswizard.gui.settings import Settings

MAX_RECENT = 8


def recent_plans(settings: Settings) -> list[Path]:
    return [Path(line) for line in str(settings.get("plans/recent")).splitlines() if line.strip()]


def remember_plan(settings: Settings, path: Path) -> None:
    path = path.resolve()
    kept = [p for p in recent_plans(settings) if p != path]
    settings.set("plans/recent", "\n".join(str(p) for p in [path, *kept][:MAX_RECENT]))
