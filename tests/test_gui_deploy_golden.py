"""The deployment page produces the golden sheets (the CLI's side is in test_deploy_sheet.py).

The page is filled the way a person fills it: the start page and buttons are clicked, names are typed;
the table's combo boxes are set to the wanted entries (a popup list cannot be driven offscreen).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from helpers.deploy_page import deploy_page_filled, write_case_files
from helpers.golden_cases import CASES, GOLDEN

PAGE_CASES = sorted(CASES)


@pytest.mark.parametrize("name", PAGE_CASES)
def test_deployment_page_produces_the_golden_sheet(qtbot, tmp_path: Path, name: str) -> None:
    names, deployment = CASES[name]()
    folder = tmp_path / "files"
    folder.mkdir()
    write_case_files(folder, names, deployment)
    wizard, page = deploy_page_filled(qtbot, tmp_path / "settings.ini", folder, deployment)

    assert page.sheet is not None, page.message.plain_text()
    assert page.sheet_box.toPlainText() == (GOLDEN / f"{name}.txt").read_text(), page.message.plain_text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
