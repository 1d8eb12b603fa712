"""The licence and the third-party notices: MIT for cmswizard, and every package it installs at run time
named in THIRD-PARTY-NOTICES.md (a dependency added to pyproject.toml without its notice fails here)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["gui"]]
    names = [re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement) for requirement in requirements]
    return [name.group(0) for name in names if name]


def test_the_licence_is_mit_and_declared_so() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n") and 'THE SOFTWARE IS PROVIDED "AS IS"' in licence
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE", "THIRD-PARTY-NOTICES.md"]


def test_every_runtime_dependency_has_a_notice() -> None:
    notices = (ROOT / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")
    rows = [line for line in notices.splitlines() if line.startswith("| ") and not line.startswith("| Package")]
    listed = {name.strip().lower() for row in rows for name in re.split(r"[,|()]", row.split("|")[1])}
    requirements = _runtime_requirements()
    assert "PySide6-Essentials" in requirements and "cryptography" in requirements
    missing = [name for name in requirements if name.lower() not in listed]
    assert not missing, f"THIRD-PARTY-NOTICES.md names no licence for {missing}"
    assert "LGPL-3.0" in notices and "download.qt.io" in notices  # Qt's terms and where its source is
