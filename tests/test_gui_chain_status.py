"""The chain builder's status lines as a person sees them while a big file is read and checked, in
English and Traditional Chinese: the bar says what it does, the counts are those being checked, a
file is said to be added once it is in the list, the list keeps its place, and the keyboard focus
does not wander to Start over or Back when a button goes grey."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.models import chain as chain_model
from cmswizard.gui.models.chain import ChainRole
from cmswizard.gui.pages import bundle as bundle_page_module
from cmswizard.gui.pages.bundle import ChainBuilderPage

from helpers.factory import Hierarchy, hierarchy, issue, new_key
from helpers.journey import choose_flow, click, make_wizard


@pytest.fixture(scope="module")
def piles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two files of 100 certificates (25 chains of 4): above SYNC_LIMIT, so checked on a worker."""
    folder = tmp_path_factory.mktemp("piles")
    files = []
    for name in ("a", "b"):
        chains = [hierarchy(depth=2, prefix=f"{name}{n}", leaf_cn=f"cms{n}.{name}.example.com") for n in range(25)]
        path = folder / f"{name}.pem"
        path.write_bytes(b"".join(c.pem for chain in chains for c in reversed(chain.chain)))
        files.append(path)
    return files[0], files[1]


def said(template: str, **values: object) -> str:
    return QCoreApplication.translate("ChainBuilderPage", template).format(**values)


def plain(label_text: str) -> str:
    return re.sub(r"<[^>]+>", "", label_text)


def bundle_page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chosen: list[list[Path]]):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: chosen.pop(0))
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    return wizard, wizard.page_as(PageId.CHAIN, ChainBuilderPage)


def wait_checked(qtbot, page: ChainBuilderPage) -> None:  # type: ignore[no-untyped-def]
    if page.model.busy():
        with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
            pass


def test_a_file_added_to_a_big_pile_is_counted_and_said_once_checked(
    qtbot, lang: str, piles: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [[piles[0]], [piles[1]]])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        click(qtbot, page.add_button)
    assert plain(page.message.text()) == said("{name}: {count} new certificates", name="a.pem", count=100)
    unrelated = page.model.unrelated_count()
    assert unrelated > 1 and plain(page.summary.text()).endswith(
        said("{n} unrelated certificates will be left out.", n=unrelated)
    )
    list_place = page.view.geometry()

    release = threading.Event()
    engine_order = chain_model.auto_order

    def held_auto_order(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(30)  # the check of the second file waits here while the test looks at the page
        return engine_order(*args, **kwargs)

    monkeypatch.setattr(chain_model, "auto_order", held_auto_order)
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        click(qtbot, page.add_button)
    # The 200 being checked, not the 100 shown; the bar names its work; b.pem is not said to be in yet.
    assert plain(page.summary.text()) == said("Checking {n} certificates…", n=200)
    assert page.progress.isVisible() and page.cancel_button.isVisible() and not page.message.isVisible()
    assert page.progress.text() == said("Checking the certificates… %p%").replace("%p", "0")
    assert "b.pem" not in page.message.text() and page.model.rowCount() == 100
    assert page.view.geometry() == list_place
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        release.set()
    assert page.model.rowCount() == 200 and page.message.isVisible() and not page.progress.isVisible()
    assert plain(page.message.text()) == said("{name}: {count} new certificates", name="b.pem", count=100)
    assert page.view.geometry() == list_place


def test_cancel_drops_what_the_file_would_have_said(
    qtbot, lang: str, piles: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [[piles[0]], [piles[1]]])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        click(qtbot, page.add_button)
    summary = page.summary.text()
    release = threading.Event()
    engine_order = chain_model.auto_order
    monkeypatch.setattr(chain_model, "auto_order", lambda *a, **k: (release.wait(30), engine_order(*a, **k))[1])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        click(qtbot, page.add_button)
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running):
        click(qtbot, page.cancel_button)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        release.set()
    assert page.model.rowCount() == 100
    assert plain(page.message.text()) == said("Cancelled: the list is as it was.")
    assert page.summary.text() == summary and page.message.isVisible() and not page.progress.isVisible()


def test_the_focus_stays_with_the_button_pressed_not_start_over_or_back(
    qtbot, lang: str, piles: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Auto-order goes grey while it checks: the focus moved on to Start over (Space then emptied the
    list); Cancel goes away when pressed: the focus moved on to Back."""
    wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [[piles[0]]])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        click(qtbot, page.add_button)
    assert QApplication.focusWidget() is page.add_button
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        click(qtbot, page.auto_button)
    assert QApplication.focusWidget() is page.cancel_button
    wait_checked(qtbot, page)
    assert QApplication.focusWidget() is page.auto_button

    release = threading.Event()
    engine_order = chain_model.auto_order
    monkeypatch.setattr(chain_model, "auto_order", lambda *a, **k: (release.wait(30), engine_order(*a, **k))[1])
    second = page.view.visualRect(page.model.index(1)).center()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert page.view.currentIndex().row() == 1
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        click(qtbot, page.remove_button)
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running):
        click(qtbot, page.cancel_button)
    focused = QApplication.focusWidget()
    assert focused is page.remove_button, focused
    assert focused not in (page.start_over_button, wizard.button(QWizard.WizardButton.BackButton))
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        release.set()
    assert page.model.rowCount() == 100


def test_the_file_name_comes_from_the_key_that_matches_not_another_servers(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pki: Hierarchy = hierarchy(depth=1, leaf_cn="webbridge3.example.com")
    other = tmp_path / "callbridge-2026.key"
    other.write_bytes(hierarchy(depth=0).leaf.key_pem)
    chain = tmp_path / "from-the-ca.pem"
    chain.write_bytes(b"".join(c.pem for c in pki.chain))
    matching = tmp_path / "webbridge3-2026.key"
    matching.write_bytes(pki.leaf.key_pem)
    wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [[other, chain], [matching]])
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert "NOT match" in page.key_status.text()
    assert page.basename.text() == ""  # not 'callbridge-2026': that key is another server's
    assert page.file_name() == "webbridge3-fullchain.crt"
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert page.basename.text() == "webbridge3-2026" and page.file_name() == "webbridge3-2026-fullchain.crt"
    page.basename.selectAll()
    qtbot.keyClicks(page.basename, "wb3")
    assert page.basename.text() == "wb3" and page.file_name() == "wb3-fullchain.crt"  # typed: kept


def test_one_unrelated_certificate_and_one_problem_are_said_in_the_singular(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pki = hierarchy(depth=1, prefix="<i>Test</i>")  # a CA's name is data: shown as written, never as markup
    stranger = hierarchy(depth=0, prefix="Other")
    _wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [])
    QGuiApplication.clipboard().setText(
        b"".join(c.pem for c in (pki.leaf, pki.intermediates[0], stranger.root)).decode()
    )
    click(qtbot, page.paste_button)
    summary = plain(page.summary.text())
    assert page.model.unrelated_count() == 1 and len(page.model.ordering().problems()) == 1  # the root is missing
    assert summary.startswith(said("✗ 1 problem: {first}", first="")), summary
    assert summary.endswith(said("1 unrelated certificate will be left out.")), summary
    assert "&lt;i&gt;Test&lt;/i&gt; Issuing CA 1" in page.summary.text()
    if lang == "en":
        assert "(s)" not in summary


def test_a_thousand_certificates_are_counted_as_the_language_writes_numbers(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = [new_key() for _ in range(3)]  # reused by every chain: only the signing counts here
    pem = []
    for n in range(250):  # 250 chains of root, CA, leaf and a second leaf: 1,000 certificates
        root = issue(f"pile {n} root", ca=True, key=keys[0])
        ca = issue(f"pile {n} CA", root, ca=True, key=keys[1])
        pem += [c.pem for c in (issue(f"a{n}.example.com", ca, key=keys[2]), issue(f"b{n}.example.com", ca), ca, root)]
    pile = tmp_path / "pile.pem"
    pile.write_bytes(b"".join(pem))
    _wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [[pile]])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        click(qtbot, page.add_button)
    thousand = QLocale().toString(1000)
    assert plain(page.message.text()) == said("{name}: {count} new certificates", name="pile.pem", count=thousand)
    unrelated = QLocale().toString(page.model.unrelated_count())
    assert plain(page.summary.text()).endswith(said("{n} unrelated certificates will be left out.", n=unrelated))
    if lang == "en":
        assert plain(page.message.text()) == "pile.pem: 1,000 new certificates"
        assert plain(page.summary.text()).endswith("997 unrelated certificates will be left out.")


def test_files_chosen_together_join_the_list_in_the_order_chosen(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They are read side by side: the first one chosen finishing last used to put it last."""
    pki = hierarchy(depth=1)
    files = []
    for name, issued in (("cms1.crt", pki.leaf), ("issuing.crt", pki.intermediates[0]), ("root.crt", pki.root)):
        (tmp_path / name).write_bytes(issued.pem)
        files.append(tmp_path / name)
    others_read, read = threading.Event(), []
    engine_load_file = bundle_page_module.load_file

    def slow_first(path, *, password=None, progress=None):  # type: ignore[no-untyped-def]
        if path.name == "cms1.crt":
            others_read.wait(30)  # the first file chosen is read last
        loaded = engine_load_file(path, password=password, progress=progress)
        read.append(path.name)
        if len(read) == 2:
            others_read.set()
        return loaded

    monkeypatch.setattr(bundle_page_module, "load_file", slow_first)
    wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [files])
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert read[-1] == "cms1.crt"
    assert [page.model.index(row).data() for row in range(3)] == [
        "cms1.example.com",
        "Test Issuing CA 1",
        "Test Root CA",
    ]
    assert page.model.ordering().ok and page.loading == 0 and not page.progress.isVisible()


def test_a_root_pasted_on_top_is_not_called_missing(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pki = hierarchy(depth=1)
    _wizard, page = bundle_page(qtbot, tmp_path, monkeypatch, [])
    QGuiApplication.clipboard().setText(b"".join(c.pem for c in (pki.root, pki.leaf, pki.intermediates[0])).decode())
    click(qtbot, page.paste_button)
    last = page.model.index(2).data(ChainRole.LINK_TEXT)
    wanted = QCoreApplication.translate("", "the root {name} is there but not at the bottom: move it to the end")
    assert last == "✗ " + wanted.format(name="Test Root CA")
    assert "✗" in page.summary.text()
    click(qtbot, page.auto_button)
    assert page.model.ordering().ok and page.model.index(2).data() == "Test Root CA"
