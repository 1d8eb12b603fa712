"""Issue 29 Medium 11: at 1024 logical pixels wide (1536×1152 at 150 %) no page needs a horizontal scroll bar,
and the chain builder's buttons stay beside its list — in both languages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.scroll_window import show_wizard
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import PAGES, CmsWizard

AVAILABLE = QRect(0, 0, 1024, 738)  # 1024×768 logical, less a 30 px panel


def _wizard(tmp_path: Path) -> CmsWizard:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(out))
    return CmsWizard(settings)


def test_no_page_is_wider_than_1024(qtbot, lang: str, tmp_path: Path) -> None:
    wizard = _wizard(tmp_path)
    qtbot.addWidget(wizard)
    for page_id in PAGES:
        page = wizard.page_at(page_id)
        # the page, QWizard's side margins (about 24 px each in every style here), and the wizard's own floor
        needed = max(page.minimumSizeHint().width() + 2 * 24, wizard.minimumSize().width())
        assert needed <= AVAILABLE.width(), f"{page_id.name}: {needed} px wide"


def test_the_chain_builders_buttons_stay_beside_its_list(qtbot, lang: str, tmp_path: Path) -> None:
    wizard = _wizard(tmp_path)
    window = show_wizard(wizard, AVAILABLE)
    qtbot.addWidget(window)
    wizard.start_flow(FlowKey.BUNDLE)
    assert wizard.currentId() == PageId.CHAIN
    page = wizard.currentPage()
    qtbot.waitExposed(window)
    view_top = page.view.mapTo(page, page.view.rect().topLeft()).y()
    view_bottom = view_top + page.view.height()
    for button in (page.add_button, page.auto_button, page.up_button, page.down_button):
        top = button.mapTo(page, button.rect().topLeft()).y()
        left = button.mapTo(page, button.rect().topLeft()).x()
        assert view_top <= top <= view_bottom, f"{button.text()} is not beside the list"
        assert left >= page.view.mapTo(page, page.view.rect().topRight()).x(), f"{button.text()} is not to its right"


def test_the_files_table_fits_at_960(qtbot, lang: str, tmp_path: Path) -> None:
    """Issue 29 Low: at 960×720 the CA bundle column was cut to "a-bundle.crt" (the service boxes took the room)."""
    from cmswizard.gui.pages.deploy import DeploySheetPage

    from helpers.factory import hierarchy
    from helpers.journey import type_into

    wizard = _wizard(tmp_path)
    out = tmp_path / "out"
    tree = hierarchy(depth=1)
    (out / "callbridge-2026.key").write_bytes(tree.leaf.key_pem)
    (out / "callbridge-2026.crt").write_bytes(tree.leaf.pem)
    (out / "callbridge-2026-bundle.crt").write_bytes(tree.intermediates[0].pem + tree.root.pem)
    wizard.resize(960, 720)
    wizard.show()
    qtbot.addWidget(wizard)
    qtbot.waitExposed(wizard)
    wizard.start_flow(FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    type_into(qtbot, page.nodes, "cms1.example.com")
    assert page.table.rowCount() == 1
    needed = sum(page.table.columnWidth(column) for column in range(page.table.columnCount()))
    assert needed <= page.table.viewport().width(), (needed, page.table.viewport().width())
    services = page.table.cellWidget(0, 0)
    longest = max(services.fontMetrics().horizontalAdvance(services.itemText(i)) for i in range(services.count()))
    # as wide as a service name and its arrow, not as the list's longest entry with room to spare
    assert page.table.columnWidth(0) < longest + 20, (page.table.columnWidth(0), longest)


def test_the_deployment_page_leaves_the_preview_and_the_database_fields_room_at_960(
    qtbot, lang: str, tmp_path: Path, monkeypatch
) -> None:
    """Issue 29 Low: at 960×720 the command preview showed about three lines and the database primary and
    connect-only fields were a third of the other cores' field. A site of five service rows and a database
    cluster, opened from its plan as a person does."""
    from cmswizard.gui import dialogs
    from cmswizard.gui.pages.deploy import DeploySheetPage
    from cmswizard.gui.pages.start import StartPage

    from helpers.factory import hierarchy
    from helpers.journey import choose_flow, click, make_wizard
    from helpers.site import example_site

    plan_path = example_site(tmp_path / "site", hierarchy(depth=1, prefix="Example", rsa_bits=2048))
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.resize(960, 720)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    page = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
    assert page.table.rowCount() == 5 and page.db.isChecked()
    preview = page.node_tabs.currentWidget()
    lines = preview.viewport().height() // preview.fontMetrics().lineSpacing()
    assert lines >= 6, f"the preview shows {lines} lines"
    assert page.table.height() >= page.table.height_for(3, page.version)  # the table keeps three rows (it scrolls)
    for narrow in (page.db_primary, page.db_connect):  # they were half the other cores' field, 154 px
        assert narrow.width() >= 180, (narrow.width(), page.db_join.width())
    # every file name whole (the CA bundle column was cut to 100 px here): the table scrolls to the rest
    for row in range(page.table.rowCount()):
        for column in (2, 3, 4):
            box = page.table.cellWidget(row, column)
            assert page.table.columnWidth(column) >= box.sizeHint().width(), (row, column, box.currentText())
