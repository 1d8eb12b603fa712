"""The chain builder: model, moves, drops, keyboard, saving, and the bytes it writes."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from cmswizard.gui import dialogs
from cmswizard.gui.flows import PageId
from cmswizard.gui.models import chain as chain_model
from cmswizard.gui.models.chain import SYNC_LIMIT, ChainModel, ChainRole
from cmswizard.gui.pages import bundle as bundle_page
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.errors import Cancelled
from cmswizard.pki.loader import load_bytes

from helpers.factory import Hierarchy, hierarchy
from helpers.journey import finish_tasks


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    return hierarchy(depth=2, rsa_bits=2048)


@pytest.fixture
def model(qtmodeltester, pki: Hierarchy) -> ChainModel:
    chain_model = ChainModel()
    shuffled = [pki.root, pki.leaf, pki.intermediates[0], pki.intermediates[1]]
    chain_model.add_files([load_bytes(c.pem, f"{n}.pem") for n, c in enumerate(shuffled)])
    qtmodeltester.check(chain_model)
    return chain_model


def _subjects(model: ChainModel) -> list[str]:
    return [model.index(r).data() for r in range(model.rowCount())]


def test_model_keeps_user_order_and_auto_orders_on_request(qtmodeltester, model: ChainModel) -> None:
    assert _subjects(model) == ["Test Root CA", "cms1.example.com", "Test Issuing CA 1", "Test Issuing CA 2"]
    assert not model.ordering().ok
    model.auto_order()
    qtmodeltester.check(model)
    assert _subjects(model) == ["cms1.example.com", "Test Issuing CA 2", "Test Issuing CA 1", "Test Root CA"]
    assert model.ordering().ok
    texts = [model.index(r).data(ChainRole.LINK_TEXT) for r in range(4)]
    assert texts[:3] == ["✓ signed by the next certificate"] * 3 and texts[3] == ""
    roles = [model.index(r).data(ChainRole.ROLE) for r in range(4)]
    assert roles == ["entity", "intermediate", "intermediate", "root"]


def test_wrong_order_is_broken_at_the_right_link(model: ChainModel) -> None:
    model.auto_order()
    assert model.move(2, 1)  # swap the two intermediates
    assert _subjects(model) == ["cms1.example.com", "Test Issuing CA 1", "Test Issuing CA 2", "Test Root CA"]
    assert model.index(0).data(ChainRole.LINK_OK) is False
    assert model.index(0).data(ChainRole.LINK_TEXT) == (
        "✗ not issued by the next certificate (issuer is Test Issuing CA 2, next is Test Issuing CA 1)"
    )
    assert "issuer is Test Root CA, next is Test Issuing CA 2" in model.index(1).data(ChainRole.LINK_TEXT)
    assert "issuer is Test Issuing CA 1, next is Test Root CA" in model.index(2).data(ChainRole.LINK_TEXT)
    model.move(1, 2)  # put it right again: every link checks out
    assert [model.index(r).data(ChainRole.LINK_OK) for r in range(4)] == [True, True, True, None]


def test_moves_through_moverows_and_internal_drop(qtmodeltester, model: ChainModel) -> None:
    model.auto_order()
    assert model.moveRows(QModelIndex(), 3, 1, QModelIndex(), 0)  # root to the top, Qt's way
    assert _subjects(model)[0] == "Test Root CA"
    qtmodeltester.check(model)
    data = model.mimeData([model.index(0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 4, 0, QModelIndex()) is False  # moved; no removal
    assert _subjects(model) == ["cms1.example.com", "Test Issuing CA 2", "Test Issuing CA 1", "Test Root CA"]
    assert model.rowCount() == 4


def test_unrelated_certificates_are_marked_and_removable(model: ChainModel) -> None:
    other = hierarchy(depth=0, prefix="Other")
    model.add_files([load_bytes(other.root.pem, "other.pem")])
    model.auto_order()
    assert model.index(4).data(ChainRole.UNRELATED) is True
    assert "unrelated" in model.index(4).data(ChainRole.LINK_TEXT)
    assert model.ordering().ok
    model.remove_unrelated()
    assert model.rowCount() == 4


@pytest.fixture
def page(qtbot, tmp_path: Path):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(tmp_path))
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.start_flow("bundle")
    assert wizard.currentId() == PageId.CHAIN
    yield wizard.currentPage()  # the wizard stays referenced (alive) while the test runs


def _files(pki: Hierarchy, tmp_path: Path) -> list[Path]:
    leaf = tmp_path / "leaf.cer"
    leaf.write_bytes(pki.leaf.der)
    source = tmp_path / "ints.pem"
    source.write_bytes(b"".join(i.pem for i in pki.intermediates))
    p7b = tmp_path / "intermediates.p7b"
    subprocess.run(
        ["openssl", "crl2pkcs7", "-nocrl", "-certfile", str(source), "-outform", "DER", "-out", str(p7b)], check=True
    )
    source.unlink()
    root = tmp_path / "root.crt"
    root.write_bytes(pki.root.pem.replace(b"\n", b"\r\n"))
    return [root, p7b, leaf]


def test_drop_of_file_urls_loads_them(qtbot, page, pki: Hierarchy, tmp_path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in _files(pki, tmp_path)])
    assert page.model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.model.rowCount() == 4 and page.loading == 0


def test_end_to_end_equals_cli_and_openssl_accepts(
    qtbot, page, pki: Hierarchy, tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(pki, tmp_path)
    page.load_paths(files)
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.model.rowCount() == 4 and page.loading == 0
    page.auto_button.click()
    assert "Every link checks out" in page.summary.text()
    page.full.setChecked(True)
    page.basename.setText("webbridge3-2026")
    assert page.file_name() == "webbridge3-2026-fullchain.crt"
    assert "webbridge3 https certs" in page.usage.text()
    saved = tmp_path / page.file_name()
    offered: list[Path] = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda _p, _c, start, _f: offered.append(start) or saved)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert [path.name for path in offered] == [saved.name] and str(saved) in page.message.text()
    assert page.preview.toPlainText().encode() == saved.read_bytes()
    result = cli("bundle", *[str(f) for f in files], "--fullchain", str(tmp_path / "cli.pem"))
    assert result.code == 0
    assert saved.read_bytes() == (tmp_path / "cli.pem").read_bytes()
    root = tmp_path / "root-only.pem"
    root.write_bytes(pki.root.pem)
    done = subprocess.run(
        ["openssl", "verify", "-CAfile", str(root), "-untrusted", str(saved), str(saved)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    page.ca_bundle.setChecked(True)
    page.include_root.setChecked(False)
    assert page.file_name() == "webbridge3-2026-bundle.crt"
    assert page.bundle_bytes() == pki.intermediates[1].pem + pki.intermediates[0].pem


def test_buttons_and_shortcuts_reorder(qtbot, page, pki: Hierarchy) -> None:
    page.model.add_files([load_bytes(c.pem, "x.pem") for c in pki.chain])
    page.view.setCurrentIndex(page.model.index(0))
    page.down_button.click()
    assert _subjects(page.model)[1] == "cms1.example.com"
    assert page.view.currentIndex().row() == 1
    page.up_button.click()
    assert _subjects(page.model)[0] == "cms1.example.com"
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _subjects(page.model)[1] == "cms1.example.com"
    qtbot.keyClick(page.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _subjects(page.model)[0] == "cms1.example.com"


def test_saving_a_broken_order_asks_first(
    qtbot, page, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.model.add_files(
        [load_bytes(c.pem, "x.pem") for c in (pki.leaf, pki.intermediates[0], pki.intermediates[1], pki.root)]
    )
    assert "problem" in page.summary.text()
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    target = tmp_path / "broken.crt"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_args: target)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not target.exists()
    assert "not issued by the next certificate" in asked[0]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert target.exists()


def test_paste_and_key_match(qtbot, page, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QGuiApplication.clipboard().setText(b"".join(c.pem for c in pki.chain).decode())
    page.paste_button.click()
    assert page.model.rowCount() == 4
    key = tmp_path / "cms1.key"
    key.write_bytes(pki.leaf.key_pem)
    page.load_paths([key])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0
    assert "matches the entity certificate" in page.key_status.text()
    other = tmp_path / "other.key"
    other.write_bytes(pki.root.key_pem)
    page.load_paths([other])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0
    assert "does NOT match" in page.key_status.text()


def test_pfx_asks_for_password(qtbot, page, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    pfx = tmp_path / "cms1.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"cms1",
            pki.leaf.key,
            pki.leaf.cert,
            [c.cert for c in pki.intermediates] + [pki.root.cert],
            BestAvailableEncryption(b"s3cret"),
        )
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("s3cret", True))
    page.load_paths([pfx])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.model.rowCount() == 4 and page.loading == 0
    assert "matches the entity certificate" in page.key_status.text()
    assert page.basename.text() == "cms1"


def test_bad_file_message_names_it(qtbot, page, tmp_path: Path) -> None:
    bad = tmp_path / "garbage.cer"
    bad.write_bytes(b"\x00\x01garbage" * 10)
    page.load_paths([bad])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0
    assert "garbage.cer" in page.message.text() and "not a certificate" in page.message.text()
    assert page.model.rowCount() == 0


def test_from_csr_flow_key_is_expected(qtbot, tmp_path: Path, pki: Hierarchy) -> None:
    settings = Settings.at(tmp_path / "s.ini")
    wizard = CmsWizard(settings)
    qtbot.addWidget(wizard)
    key = tmp_path / "webbridge3-2026.key"
    key.write_bytes(pki.leaf.key_pem)
    wizard.flows.start_bundle_with_key(key, "webbridge3-2026")
    wizard.go_to(PageId.CHAIN)
    page = wizard.currentPage()
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0
    page.model.add_files([load_bytes(pki.leaf.der, "webbridge3-2026.cer")])
    assert "matches the entity certificate" in page.key_status.text()
    assert page.file_name() == "webbridge3-2026-fullchain.crt"


@pytest.fixture(scope="module")
def big_pile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two files of 100 certificates each (25 chains of 4), shuffled: above SYNC_LIMIT, so checked on a worker."""
    folder = tmp_path_factory.mktemp("piles")
    files = []
    for name in ("a", "b"):
        chains = [hierarchy(depth=2, prefix=f"{name}{n}", leaf_cn=f"cms{n}.{name}.example.com") for n in range(25)]
        certificates = [c.pem for chain in chains for c in reversed(chain.chain)]  # roots first: badly ordered
        path = folder / f"{name}.pem"
        path.write_bytes(b"".join(certificates))
        files.append(path)
    return files[0], files[1]


def _wait_checked(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    if page.model.busy():
        with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
            pass


def test_big_pile_is_checked_on_a_worker_then_auto_ordered(qtbot, page, big_pile: tuple[Path, Path]) -> None:
    assert SYNC_LIMIT < 100
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        page.load_paths([big_pile[0]])
    assert page.cancel_button.isVisible() and not page.auto_button.isEnabled()  # the list cannot change meanwhile
    _wait_checked(qtbot, page)
    assert page.model.rowCount() == 100 and not page.cancel_button.isVisible()
    assert _subjects(page.model)[0] == "a0 Root CA"  # the file's order until Auto-order
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    _wait_checked(qtbot, page)
    assert _subjects(page.model)[:4] == ["cms0.a.example.com", "a0 Issuing CA 2", "a0 Issuing CA 1", "a0 Root CA"]
    assert page.model.ordering().ok and page.model.unrelated_count() == 96
    assert "Every link checks out" in page.summary.text()
    assert page.model.index(0).data(ChainRole.LINK_TEXT) == "✓ signed by the next certificate"
    assert page.model.index(4).data(ChainRole.UNRELATED) is True


def test_cancel_leaves_the_list_as_it_was(
    qtbot, page, big_pile: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        page.load_paths([big_pile[0]])
    _wait_checked(qtbot, page)
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    _wait_checked(qtbot, page)
    before = _subjects(page.model)
    release = threading.Event()
    engine_order = chain_model.auto_order

    def held_auto_order(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(30)  # the worker waits here until the test has pressed Cancel
        return engine_order(*args, **kwargs)

    monkeypatch.setattr(chain_model, "auto_order", held_auto_order)
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: running, timeout=60_000):
        page.load_paths([big_pile[1]])
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.host.tasks.idle, timeout=30_000):  # the worker's late result arrives, is dropped
        release.set()
    assert _subjects(page.model) == before and page.model.rowCount() == 100
    assert "Cancelled" in page.message.text() and page.auto_button.isEnabled()


def test_cancel_while_a_file_is_read_stops_the_reading(
    qtbot, page, big_pile: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    release, outcome = threading.Event(), []
    engine_load_file = bundle_page.load_file

    def held_load_file(path, *, password=None, progress=None):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            release.wait(30)  # the worker waits in its first report until the test has pressed Cancel
            progress(done, total)

        try:
            return engine_load_file(path, password=password, progress=held)
        except Exception as error:
            outcome.append(error)
            raise

    monkeypatch.setattr(bundle_page, "load_file", held_load_file)
    page.load_paths([big_pile[0]])
    assert page.cancel_button.isVisible() and page.progress.text().startswith("Reading a.pem…")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert not page.cancel_button.isVisible() and not page.progress.isVisible()
    with qtbot.waitSignal(page.host.tasks.idle, timeout=30_000):
        release.set()
    assert [type(error) for error in outcome] == [Cancelled]  # stopped at its first report, not read to the end
    assert page.model.rowCount() == 0 and "Cancelled" in page.message.text()
    assert not page.progress.isVisible() and page.add_button.isEnabled()


def test_a_long_read_shows_how_far_it_is(
    qtbot, page, big_pile: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    engine_load_file = bundle_page.load_file

    def held_load_file(path, *, password=None, progress=None):  # type: ignore[no-untyped-def]
        def held(done: int, total: int) -> None:
            progress(done, total)
            release.wait(30)  # the worker waits after its first report until the test has seen it

        return engine_load_file(path, password=password, progress=held)

    monkeypatch.setattr(bundle_page, "load_file", held_load_file)
    page.load_paths([big_pile[0]])
    # The reading's own count: 100 certificates read, then every extension checked.
    # The first report sets the bar's range and leaves its value at 0: QProgressBar signals neither, so a poll
    qtbot.waitUntil(lambda: page.progress.maximum() == 200 and page.progress.value() == 0, timeout=10_000)
    assert page.progress.isVisible() and page.progress.text() == "Reading a.pem… 0%"
    with qtbot.waitSignal(page.model.checking, check_params_cb=lambda running: not running, timeout=60_000):
        release.set()
    assert page.model.rowCount() == 100 and not page.progress.isVisible()
