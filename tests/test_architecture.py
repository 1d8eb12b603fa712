"""Layering: the engine and the CLI never import Qt (the CLI must start fast and run headless)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "cmswizard"


def _engine_modules() -> list[str]:
    names = []
    for folder in ("pki", "export"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            stem = path.stem
            names.append(f"cmswizard.{folder}" if stem == "__init__" else f"cmswizard.{folder}.{stem}")
    return names


def test_engine_source_has_no_qt_import() -> None:
    offenders = []
    for folder in ("pki", "export"):
        for path in (PACKAGE / folder).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                modules = []
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules = [node.module]
                offenders += [f"{path.name}: {m}" for m in modules if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert offenders == []


def test_engine_and_cli_import_without_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {[*_engine_modules(), 'cmswizard.cli']!r}: importlib.import_module(name)\n"
        "from cmswizard.cli import main\n"
        "assert main(['pki', 'list', '.']) == 0\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_gui_does_not_use_cryptography_directly() -> None:
    offenders = []
    for path in (PACKAGE / "gui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cryptography"):
                offenders.append(path.name)
            if isinstance(node, ast.Import) and any(a.name.startswith("cryptography") for a in node.names):
                offenders.append(path.name)
    assert offenders == []


def test_every_mnemonic_label_has_a_buddy(qtbot, tmp_path) -> None:
    """A label showing '&' literally (no buddy) is a layout bug a person sees at once."""
    from PySide6.QtWidgets import QLabel

    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(wizard)
    orphans = [
        label.text()
        for label in wizard.findChildren(QLabel)
        if "&" in label.text()
        and "&amp;" not in label.text()
        and label.buddy() is None
        and not label.text().startswith("<")
    ]
    assert orphans == []
