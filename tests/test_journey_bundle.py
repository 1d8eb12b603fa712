"""The bundle flow as a person drives it, in English and Traditional Chinese: choose it on the start
page, add the CA's files, auto-order, click Save bundle… (item 1: it used to save nothing) and check
the file with openssl; a later bundle flow starts empty (item 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.bundle import ChainBuilderPage

from helpers.factory import Hierarchy, hierarchy
from helpers.journey import choose_flow, click, make_wizard, openssl, press_mnemonic


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    return hierarchy(depth=1, rsa_bits=2048)


def _ca_files(pki: Hierarchy, folder: Path) -> list[Path]:
    """What a CA sends back: the certificate as DER .cer, the chain as PEM, in no useful order."""
    files = {
        "Test Root CA.pem": pki.root.pem,
        "cms1.cer": pki.leaf.der,
        "issuing.crt": pki.intermediates[0].pem,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def test_bundle_journey_saves_what_openssl_verifies(
    qtbot, lang: str, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = make_wizard(qtbot, tmp_path / "out")
    files = _ca_files(pki, tmp_path)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: files)
    offered: list[Path] = []

    def save_as(_parent, _caption, start: Path, _filters) -> Path:
        offered.append(start)
        return tmp_path / "out" / start.name

    monkeypatch.setattr(dialogs, "save_file_name", save_as)

    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    assert wizard.currentId() == PageId.CHAIN
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
    assert not page.save_button.isEnabled()  # nothing to save yet
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert page.model.rowCount() == 3
    click(qtbot, page.auto_button)
    assert [item.subject_cn for item in page.model.chain_items()] == [
        "cms1.example.com",
        "Test Issuing CA 1",
        "Test Root CA",
    ]
    assert "✓" in page.summary.text()

    click(qtbot, page.save_button)  # item 1: clicked(bool) used to reach save(path=False)
    saved = tmp_path / "out" / "cms1-fullchain.crt"
    assert offered == [tmp_path / "cms1-fullchain.crt"]  # beside the certificates loaded, not the output folder
    assert saved.read_bytes() == pki.leaf.pem + pki.intermediates[0].pem + pki.root.pem
    root = tmp_path / "Test Root CA.pem"
    assert "OK" in openssl("verify", "-CAfile", str(root), "-untrusted", str(saved), str(saved))
    assert str(saved) in page.message.text()

    # The same with the keyboard: the CA bundle kind, then Alt+S (the underlined letter in this language).
    click(qtbot, page.ca_bundle)
    press_mnemonic(qtbot, wizard, page.save_button)
    ca_bundle = tmp_path / "out" / offered[-1].name
    assert len(offered) == 2 and " " not in offered[-1].name
    assert ca_bundle.read_bytes() == pki.intermediates[0].pem + pki.root.pem
    assert "OK" in openssl("verify", "-CAfile", str(ca_bundle), str(saved))

    # Item 5: back to the start page and into the bundle flow again: nothing of the last run stays.
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PageId.START
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    assert page.model.rowCount() == 0 and page.key_status.text() == "" and page.basename.text() == ""
    assert not page.save_button.isEnabled()


def test_a_name_from_a_ca_with_spaces_is_a_valid_file_name(
    qtbot, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 5: with no basename, the name comes from the first card's CN, made file-safe."""
    wizard = make_wizard(qtbot, tmp_path / "out")
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: _ca_files(pki, tmp_path)[::2])  # root, issuing CA
    offered: list[Path] = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda _p, _c, start, _f: offered.append(start))
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    click(qtbot, page.auto_button)
    click(qtbot, page.ca_bundle)
    click(qtbot, page.save_button)
    assert [path.name for path in offered] == ["Test-Issuing-CA-1-bundle.crt"]


def test_start_over_drops_the_key_from_the_csr_flow(qtbot, pki: Hierarchy, tmp_path: Path) -> None:
    """Item 5: a key handed over by the CSR flow can be dropped with Start over."""
    wizard = make_wizard(qtbot, tmp_path / "out")
    key = tmp_path / "other.key"
    key.write_bytes(hierarchy(depth=0).leaf.key_pem)
    wizard.flows.start_bundle_with_key(key, "webbridge3-2026")
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        wizard.go_to(PageId.CHAIN)
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
    page.model.add_files([])  # nothing new; the key is loaded
    from cmswizard.pki.loader import load_bytes

    page.model.add_files([load_bytes(pki.leaf.pem, "cms1.pem")])
    assert "NOT match" in page.key_status.text()
    click(qtbot, page.start_over_button)
    assert page.key_status.text() == "" and page.model.rowCount() == 0


def test_each_file_added_is_described_in_words(
    qtbot, lang: str, pki: Hierarchy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'a private key', '1 new certificate', '2 new certificates and a private key': never '0 new certificate(s)'."""
    files = {
        "cms1.key": pki.leaf.key_pem,
        "cms1.crt": pki.leaf.pem,
        "chain-and-key.pem": pki.intermediates[0].pem + pki.root.pem + pki.leaf.key_pem,
        "again.crt": pki.leaf.pem,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    chosen = [[tmp_path / name] for name in files]
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: chosen.pop(0))
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    page = wizard.page_as(PageId.CHAIN, ChainBuilderPage)

    def said(template: str, **values: object) -> str:
        return QCoreApplication.translate("ChainBuilderPage", template).format(**values)

    expected = [
        said("{name}: a private key", name="cms1.key"),
        said("{name}: 1 new certificate", name="cms1.crt"),
        said("{name}: {count} new certificates and a private key", name="chain-and-key.pem", count=2),
        said("{name}: no new certificate (each one is in the list already)", name="again.crt"),
    ]
    shown = []
    for _ in files:
        with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
            press_mnemonic(qtbot, wizard, page.add_button)
        shown.append(re.sub(r"<[^>]+>", "", page.message.text()))
    assert shown == expected
    assert page.model.rowCount() == 3
    if lang == "en":
        assert shown[:3] == [
            "cms1.key: a private key",
            "cms1.crt: 1 new certificate",
            "chain-and-key.pem: 2 new certificates and a private key",
        ]
    else:
        assert all("(s)" not in line and "new" not in line for line in shown), shown
