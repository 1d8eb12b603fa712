"""Issue 29, Medium 5: under a dark palette every coloured text stays readable (WCAG AA, 4.5:1): the check
page's Problems list is rendered and each colour in it is measured against the background it sits on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette

from cmswizard.gui import dialogs, style
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.check import CheckPage

from helpers.factory import hierarchy, issue
from helpers.journey import choose_flow, click, make_wizard


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#2b2b2b"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2a82da"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp) -> Iterator[QPalette]:
    before = qapp.palette()
    qapp.setPalette(_dark())
    yield qapp.palette()
    qapp.setPalette(before)


@pytest.mark.parametrize("role", list(style.Role))
@pytest.mark.parametrize("background", ["#ffffff", "#f0f0f0", "#1e1e1e", "#2b2b2b", "#000000", "#3c3f41"])
def test_every_role_reaches_aa_on_light_and_dark(role: style.Role, background: str) -> None:
    shade = style.colour_on(role, QColor(background))
    assert style.contrast_ratio(shade, QColor(background)) >= style.AA_CONTRAST


def test_the_check_pages_problems_are_readable_on_a_dark_palette(
    qtbot, dark: QPalette, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = hierarchy(depth=1)
    expired = issue("old.example.com", tree.intermediates[0], end=tree.leaf.cert.not_valid_before_utc)
    files = {"cms1.crt": tree.leaf.pem, "old.crt": expired.pem, "root.crt": tree.root.pem}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: [tmp_path / name for name in files])
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.page_as(PageId.CHECK, CheckPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    shown = page.problems_view.toHtml() + page.summary.text()
    colours = {QColor(found).name() for found in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", shown)}
    assert colours, "the problems are coloured"
    base = page.problems_view.palette().color(QPalette.ColorRole.Base)
    window = page.palette().color(QPalette.ColorRole.Window)
    assert base.lightnessF() < 0.5 and window.lightnessF() < 0.5  # the dark palette is what the page uses
    for found in colours:
        for background in (base, window):
            ratio = style.contrast_ratio(QColor(found), background)
            assert ratio >= style.AA_CONTRAST, f"{found} on {background.name()}: {ratio:.2f}:1"
    for legacy in ("#b00020", "#2e7d32", "#a86400", "#505050"):  # the light-only colours of before
        assert legacy not in colours
