"""`go_to` steps through the pages of the flow to reach its target: each re-reads its flow state, but
none validates again (their validatePage writes settings and may ask questions: issue 23)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.csr import DeploymentPage, PreviewPage, SubjectPage

from helpers.journey import make_wizard


def test_go_to_reaches_its_page_without_validating_the_pages_on_the_way(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated: list[str] = []
    for page in (DeploymentPage, SubjectPage, PreviewPage):
        monkeypatch.setattr(page, "validatePage", lambda self, name=page.__name__: validated.append(name) or True)
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.start_flow(FlowKey.CSR)
    assert wizard.currentId() == PageId.DEPLOYMENT
    wizard.go_to(PageId.PREVIEW)
    assert wizard.currentId() == PageId.PREVIEW
    assert validated == []
    wizard.next()  # the user's own Next still validates
    assert validated == ["PreviewPage"]
