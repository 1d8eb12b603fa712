"""Issue 29 Low: a GUI message speaks of buttons, not flags — the engine's "(--force)" never reaches a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui.i18n import error_text
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, write_files


def test_an_existing_key_is_explained_without_the_cli_flag(qapp, lang: str, tmp_path: Path) -> None:
    key = tmp_path / "cms1.key"
    key.write_bytes(b"old")
    key.chmod(0o600)
    with pytest.raises(CmsInputError) as refused:
        write_files([OutputFile(key, b"new", replace=False, private=True)])
    assert "--force" in str(refused.value)  # the command line keeps its flag
    shown = error_text(refused.value)
    assert "--force" not in shown and "cms1.key" in shown
    if lang == "zh_TW":
        assert shown != str(refused.value)


def test_pseudo_translation_keeps_file_dialog_filters(qtbot, qapp, tmp_path: Path, monkeypatch) -> None:
    """Issue 29 Low: --pseudo wrapped "Certificates (*.crt …)" in brackets, so Qt listed no files."""
    from cmswizard.gui import dialogs
    from cmswizard.gui.flows import FlowKey, PageId
    from cmswizard.gui.i18n import install_language

    from helpers.journey import choose_flow, click, make_wizard

    install_language(qapp, "en", pseudo=True)
    try:
        seen: list[str] = []
        monkeypatch.setattr(dialogs, "open_file_names", lambda _p, _c, _s, filters="": seen.append(filters) or [])
        wizard = make_wizard(qtbot, tmp_path / "out")
        choose_flow(qtbot, wizard, FlowKey.BUNDLE)
        page = wizard.page_at(PageId.CHAIN)
        assert page.title().startswith("[")  # the pseudo-translation is on
        click(qtbot, page.add_button)
        assert seen and seen[0].startswith("Certificates (*.crt") and not seen[0].startswith("[")
    finally:
        install_language(qapp, "en")


def test_the_file_buttons_arrow_is_beside_its_text(qtbot, lang: str, tmp_path: Path) -> None:
    """Issue 29 Low: the style's menu arrow was drawn over "File" (1× and 2×): the arrow is text now, the
    indicator gone, and the button is wide enough for it (looked at under Xvfb at 1× and 2×)."""
    from helpers.journey import make_wizard

    wizard = make_wizard(qtbot, tmp_path / "out")
    button = wizard.file_button
    assert button.text().endswith(" ▾") and "menu-indicator" in button.styleSheet()
    assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())


def test_the_file_dialog_reads_all_chinese(qtbot, qapp) -> None:
    """Issue 29 Low: "Look in:" and "Files of type:" stayed English (Qt's zh_TW catalogue lacks them)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from cmswizard.gui.i18n import install_language

    def labels() -> dict[str, str]:
        dialog = QFileDialog(None, "x", "/", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        return {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}

    english = labels()  # Qt 6.11: "&Look in:"; 6.7 (the floor): "Look in:", which Qt's catalogue has
    install_language(qapp, "zh_TW")
    try:
        texts = labels()
        assert texts["lookInLabel"] == {"&Look in:": "搜尋位置(&L)：", "Look in:": "搜尋位置："}[english["lookInLabel"]]
        assert texts["fileTypeLabel"] == {"Files of &type:": "檔案類型(&T)：", "Files of type:": "檔案類型："}[
            english["fileTypeLabel"]
        ]
    finally:
        install_language(qapp, "en")


def test_the_renewal_table_says_any_in_the_users_language(qapp, lang: str) -> None:
    """Issue 29 zh_TW: `or "any"` in the renewal comparison was English in both languages."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    from cmswizard.cms.renewal import compare_certificates
    from cmswizard.gui.i18n import translated
    from cmswizard.pki.errors import Text

    from helpers.factory import NOW, new_key

    def without_eku() -> x509.Certificate:
        key = new_key()
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cms1.example.com")])
        return (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW)
            .not_valid_after(NOW.replace(year=NOW.year + 1))
            .sign(key, hashes.SHA256())
        )

    rows = compare_certificates(without_eku(), without_eku()).rows
    (eku,) = [row for row in rows if row.label == "Extended key usage"]
    assert isinstance(eku.old, Text)
    shown = translated(eku.old)
    assert shown == ("any (no extended key usage)" if lang == "en" else "任何（沒有延伸金鑰使用方法）")
