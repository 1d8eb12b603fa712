"""The command sheet's # lines follow the chosen language (--sheet-lang, the deploy page's choice);
commands and file names stay exactly as typed on the MMP. The Qt-free catalogue reader agrees with Qt."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cmswizard import catalogue
from cmswizard.catalogue import load_catalogue, read_qm, read_ts, translator
from cmswizard.cms.sheet import build_sheet

from helpers.golden_cases import CASES, GOLDEN, deploy_argv

ZH_GOLDEN = GOLDEN / "zh_TW"
CJK = re.compile(r"[\u4e00-\u9fff]")
TS = Path(__file__).parent.parent / "resources" / "translations" / "cmswizard_zh_TW.ts"


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_sheet_in_traditional_chinese(name: str) -> None:
    files, deployment = CASES[name]()
    text = build_sheet(deployment, export_files=files).text(translator("zh_TW"))
    golden = ZH_GOLDEN / f"{name}.txt"
    if os.environ.get("CMSWIZARD_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text)
    assert text == golden.read_text()
    english = (GOLDEN / f"{name}.txt").read_text()
    assert _commands(text) == _commands(english)  # every command and file name exactly as typed
    explanations = [line for line in text.splitlines() if line.startswith("#")]
    assert len(explanations) == len([line for line in english.splitlines() if line.startswith("#")])
    untranslated = [line for line in explanations if not CJK.search(line)]
    assert untranslated == [], f"English left in the zh_TW sheet: {untranslated[:3]}"


@pytest.mark.parametrize("language", ["en", "zh_TW"])
def test_cli_sheet_lang(cli, language: str) -> None:
    name = "cluster-edges-db-v3"
    _, deployment = CASES[name]()
    result = cli(*deploy_argv(deployment), "--sheet-lang", language, "--out", "sheet.txt")
    assert result.code == 0, result.err
    golden = (GOLDEN if language == "en" else ZH_GOLDEN) / f"{name}.txt"
    assert Path("sheet.txt").read_text() == golden.read_text()


def test_cli_sheet_lang_refuses_an_unknown_language(cli) -> None:
    result = cli("deploy", "--node", "cms1.example.com", "--callbridge", "a.key", "a.crt", "--sheet-lang", "fr")
    assert result.code == 2 and "--sheet-lang" in result.err and "Traceback" not in result.err


def test_the_cli_translates_without_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from cmswizard.cli import main\n"
        "main(['deploy', '--sheet-lang', 'zh_TW', '--node', 'cms1.example.com', "
        "'--callbridge', 'cb.key', 'cb.crt', 'cb-bundle.crt'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "callbridge certs cb.key cb.crt cb-bundle.crt" in done.stdout
    assert CJK.search(done.stdout.splitlines()[0])


def test_qm_reader_agrees_with_the_ts_and_with_qt(tmp_path: Path) -> None:
    qm = tmp_path / "zh_TW.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    from_qm = read_qm(qm.read_bytes())
    from_ts = read_ts(TS)
    assert len(from_ts) > 400 and from_qm == from_ts
    from PySide6.QtCore import QTranslator

    qt = QTranslator()
    assert qt.load(str(qm))
    assert [key for key, text in from_qm.items() if qt.translate(key[0], key[1]) != text] == []
    with pytest.raises(ValueError):
        read_qm(b"not a catalogue")


def test_source_checkout_without_qm_reads_the_ts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue, "QM_DIR", tmp_path)  # nothing compiled there
    load_catalogue.cache_clear()
    try:
        entries = load_catalogue("zh_TW")
        assert entries == {source: text for (context, source), text in read_ts(TS).items() if context == ""}
    finally:
        load_catalogue.cache_clear()
    assert load_catalogue("en") == {}


@pytest.fixture
def deploy_wizard(qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QApplication

    from cmswizard.gui.i18n import install_language
    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import CmsWizard

    from helpers.factory import hierarchy

    folder = tmp_path / "made"
    folder.mkdir()
    h = hierarchy(depth=1)
    (folder / "callbridge-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "callbridge-2026.crt").write_bytes(h.leaf.pem)
    (folder / "callbridge-2026-bundle.crt").write_bytes(h.intermediates[0].pem + h.root.pem)
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(folder))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "zh_TW")
    window = CmsWizard(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    install_language(app, "en")


def test_deploy_page_explanations_follow_the_choice(qtbot, deploy_wizard, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from cmswizard.gui.flows import FlowKey, PageId

    wizard = deploy_wizard
    wizard.start_flow(FlowKey.DEPLOY)
    page = wizard.page_at(PageId.DEPLOY_SHEET)
    qtbot.keyClicks(page.nodes, "cms1.example.com")
    chinese = page.sheet_box.toPlainText()
    assert "callbridge certs callbridge-2026.key callbridge-2026.crt callbridge-2026-bundle.crt" in chinese
    assert page.sheet_language.currentData() == "zh_TW"  # the interface's language by default
    assert all(CJK.search(line) for line in chinese.splitlines() if line.startswith("#"))
    qtbot.keyClick(wizard, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # 說明語言(&X)
    assert page.sheet_language.hasFocus()
    qtbot.keyClick(page.sheet_language, Qt.Key.Key_Up)  # English is first
    assert page.sheet_language.currentData() == "en"
    english = page.sheet_box.toPlainText()
    assert _commands(english) == _commands(chinese)
    assert "# 2. Type the commands at the MMP prompt, in order." in english and not CJK.search(english)
    node_tab = page.node_tabs.widget(1).toPlainText()
    assert node_tab.startswith("# ===== cms1.example.com (server) =====")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "made" / "cms-commands.txt").read_text() == english


def _plan_new(cli, name: str, *extra: str):
    return cli(
        "plan", "new", name, "--core", "cms1.example.com", "--join-url", "join.example.com", "--year", "2026", *extra
    )


def test_a_plan_keeps_its_sheet_language(cli, tmp_path: Path) -> None:
    english_folder, chinese_folder = tmp_path / "en", tmp_path / "zh"
    english_folder.mkdir()
    chinese_folder.mkdir()
    assert _plan_new(cli, str(english_folder / "site.toml")).code == 0
    assert _plan_new(cli, str(chinese_folder / "site.toml"), "--sheet-lang", "zh_TW").code == 0
    assert 'sheet_language = "zh_TW"' in (chinese_folder / "site.toml").read_text()
    assert "sheet_language" not in (english_folder / "site.toml").read_text()  # the default is not written
    for folder in (english_folder, chinese_folder):
        assert cli("plan", "apply", str(folder / "site.toml")).code == 0
    english = (english_folder / "cms-commands.txt").read_text()
    chinese = (chinese_folder / "cms-commands.txt").read_text()
    assert _commands(chinese) == _commands(english)
    assert all(CJK.search(line) for line in chinese.splitlines() if line.startswith("#"))
    assert not CJK.search(english)
    checked = cli("plan", "check", str(chinese_folder / "site.toml"))
    sheet_line = next(line for line in checked.out.splitlines() if "cms-commands.txt" in line)
    assert "differs" not in sheet_line and "inconsistent" not in sheet_line, sheet_line


def test_a_plan_with_an_unknown_sheet_language_is_refused(cli, tmp_path: Path) -> None:
    assert _plan_new(cli, "site.toml").code == 0
    text = (
        (tmp_path / "site.toml")
        .read_text()
        .replace('sheet = "cms-commands.txt"', 'sheet = "cms-commands.txt"\nsheet_language = "fr"')
    )
    (tmp_path / "site.toml").write_text(text)
    done = cli("plan", "check", "site.toml")
    assert done.code == 2
    assert done.err.startswith("cmswizard: site.toml: sheet_language: 'fr' is not one of: en, zh_TW"), done.err
    assert done.err.count("\n") == 1


def test_dbcluster_prints_its_explanations_in_the_chosen_language(cli, tmp_path: Path) -> None:
    outputs = {}
    for language in ("en", "zh_TW"):
        argv = ["dbcluster", "--domain", "tplab.local", "--primary", "cms1.example.com", "--join", "cms2.example.com"]
        (tmp_path / language).mkdir()
        done = cli(*argv, "--dir", str(tmp_path / language), "--renewal", "--sheet-lang", language)
        assert done.code == 0, done.err
        outputs[language] = [line for line in done.out.splitlines() if not line.startswith("wrote ")]
    assert _commands("\n".join(outputs["zh_TW"])) == _commands("\n".join(outputs["en"]))
    explanations = [line for line in outputs["zh_TW"] if line.startswith("#") and not line.startswith("#   ")]
    assert explanations and all(CJK.search(line) for line in explanations), explanations
    assert not any(CJK.search(line) for line in outputs["en"])
