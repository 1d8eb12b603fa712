"""Traditional Chinese is complete and reviewed; the wizard really starts in it."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from cmswizard.gui.flows import PageId

ROOT = Path(__file__).parent.parent
TS = ROOT / "resources" / "translations" / "cmswizard_zh_TW.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_source_string_has_a_finished_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "cmswizard").rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-tr-function-alias", "QT_TR_NOOP=N_", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = _messages(fresh)
    committed = _messages(TS)
    assert len(wanted) > 400
    missing = [source for key, source in ((k, k[1]) for k in wanted) if key not in committed]
    assert missing == [], f"not in {TS.name} (run make update-translations, then translate): {missing[:5]}"
    unfinished = [
        key[1]
        for key, message in committed.items()
        if key in wanted
        and (
            message.find("translation").get("type") == "unfinished"
            or not (message.findtext("translation") or "").strip()
        )
    ]
    assert unfinished == [], f"unfinished translations: {unfinished[:5]}"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    for (_, source), message in _messages(TS).items():
        translation = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source
        if re.search(r"&\w", source.replace("&&", "")):
            assert re.search(r"&\w", translation), f"mnemonic lost: {source!r} → {translation!r}"
        assert "\n" not in source or source.count("\n") <= translation.count("\n") + 1, source


def test_glossary_terms_are_cisco_zh_tw() -> None:
    text = TS.read_text(encoding="utf-8")
    for term in (
        "憑證",
        "憑證簽署請求",
        "私密金鑰",
        "憑證套件組合",
        "主體別名",
        "萬用字元",
        "中繼憑證",
        "根 CA",
        "資料庫叢集",
        "完整網域名稱",
    ):
        assert term in text, term
    for wrong in ("证书", "私钥", "證書"):  # simplified Chinese, or the mainland/HK word for certificate
        assert wrong not in text, wrong


@pytest.fixture
def zh_tw(qapp: QApplication):
    from cmswizard.gui.i18n import install_language

    assert install_language(qapp, "zh_TW") == "zh_TW"
    yield
    install_language(qapp, "en")


def test_wizard_starts_in_traditional_chinese(qtbot, zh_tw, tmp_path: Path) -> None:
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "CMS 憑證精靈"
    assert wizard.currentPage().title() == "您想要做什麼？"
    assert "下一步" in wizard.button(QWizard.WizardButton.NextButton).text()
    assert "取消" in wizard.button(QWizard.WizardButton.CancelButton).text()
    wizard.next()
    page = wizard.page_at(PageId.DEPLOYMENT)
    assert page.title() == "您的 CMS 部署"
    page.nodes.setPlainText("https://cms1.example.com")
    assert "看起來像 URL" in page.message.plain_text()  # an engine message, translated
    assert "上一步" in wizard.button(QWizard.WizardButton.BackButton).text()


def test_engine_messages_are_translated(zh_tw) -> None:
    from cmswizard.cms.mmp_syntax import parse
    from cmswizard.gui.i18n import error_text, translated
    from cmswizard.pki.errors import CmsInputError
    from cmswizard.pki.spec import SubjectInput, check_subject

    checked = check_subject(SubjectInput("cms1", "cms1.example.com", c="UK"))
    assert translated(checked.for_field("C")[0].message) == "'UK' 不是 ISO 3166 代碼；您是指 GB（英國）嗎？"
    with pytest.raises(CmsInputError) as raised:
        parse("pki csr cms1 CN:cms1.example.com DC:example")
    assert error_text(raised.value) == "'DC:'：未知的欄位；MMP 沒有 DC 欄位；請省略"


def test_data_in_a_message_is_never_translated(zh_tw) -> None:
    """A CA whose CN is "root" stays "root"; the role word "root" (one of our phrases) is translated."""
    from cmswizard.gui.i18n import translated
    from cmswizard.pki.chain import Role
    from cmswizard.pki.errors import N_, Text, as_message

    message = Text(N_("{role} {name} {reason}"), role=as_message(Role.ROOT.value), name="root", reason="root")
    shown = translated(message)
    assert shown.startswith(translated(Role.ROOT.value)) and shown.count("root") == 2
    assert translated(Role.ROOT.value) != "root"


def test_pseudo_translation_stretches_every_string(qapp: QApplication, qtbot, tmp_path: Path) -> None:
    from cmswizard.gui.i18n import install_language
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    install_language(qapp, "en", pseudo=True)
    try:
        wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
        qtbot.addWidget(wizard)
        title = wizard.page_at(PageId.START).title()
        assert title.startswith("[What do you want to do?") and len(title) >= len("What do you want to do?") * 1.3
    finally:
        install_language(qapp, "en")


def test_language_choice() -> None:
    from cmswizard.gui.i18n import choose_language

    assert choose_language("zh_TW", "en") == "zh_TW"
    assert choose_language(None, "zh_TW") == "zh_TW"
    assert choose_language(None, "") in ("en", "zh_TW")
    assert choose_language("xx", "") in ("en", "zh_TW")


def test_a_service_named_in_a_probe_finding_is_translated(zh_tw, tmp_path: Path) -> None:
    """The service is one of our phrases: 'TLS server' must not stay English inside a Chinese line."""
    from cmswizard.cms.endpoints import TlsService
    from cmswizard.cms.probe_report import judge
    from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
    from cmswizard.gui.i18n import translated
    from cmswizard.remote.probe import probe

    from helpers.factory import hierarchy
    from helpers.tls_servers import python_tls_server, server_context

    h = hierarchy(leaf_cn="cms1.example.com")
    full, key = tmp_path / "full.pem", tmp_path / "leaf.key"
    full.write_bytes(b"".join(item.pem for item in h.chain))
    key.write_bytes(h.leaf.key_pem)
    with python_tls_server("127.0.0.1", server_context(full, key)) as port:
        report = judge(probe([ProbeTarget("127.0.0.1", port, TlsService.TLS, sni="cms1.example.com")], ProbeOptions()))
    (eku,) = [finding.text for finding in report.results[0].findings if finding.topic == "eku"]
    assert translated(eku) == "延伸金鑰使用方法適用於 TLS 伺服器"
