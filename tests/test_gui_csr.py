"""The CSR wizard, clicked through headless; files checked with the engine and with `openssl`."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWizard

from cmswizard.cms.mmp_syntax import render
from cmswizard.gui.flows import PageId
from cmswizard.gui.pages import csr as pages_csr
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.loader import load_file
from cmswizard.pki.verify import key_matches

from helpers.journey import finish_tasks


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = Settings.at(tmp_path / "settings.ini")
    store.set("output/folder", str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    return store


@pytest.fixture
def wizard(qtbot, settings: Settings) -> CmsWizard:
    window = CmsWizard(settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _next(wizard: CmsWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {wizard.currentId()}"
    button.click()


def _fill_deployment(wizard: CmsWizard, nodes: list[str], cluster: bool, join: str = "join.example.com") -> None:
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.DEPLOYMENT
    (page.cluster if cluster else page.single).setChecked(True)
    page.nodes.setPlainText("\n".join(nodes))
    page.join_url.setText(join)


def _run_flow(qtbot, wizard: CmsWizard, nodes: list[str], cluster: bool, pick: str) -> Path:
    _next(wizard)  # start → deployment (the CSR flow is the default choice)
    _fill_deployment(wizard, nodes, cluster)
    page = wizard.currentPage()
    items = [page.proposals.topLevelItem(i) for i in range(page.proposals.topLevelItemCount())]
    page.proposals.setCurrentItem(next(item for item in items if item.text(0).startswith(pick)))
    _next(wizard)
    assert wizard.currentId() == PageId.SUBJECT
    subject = wizard.currentPage()
    subject.o.setText("Example")
    subject.country.set_code("TW")
    _next(wizard)
    assert wizard.currentId() == PageId.PREVIEW
    _next(wizard)
    assert wizard.currentId() == PageId.GENERATE
    generate = wizard.currentPage()
    finish_tasks(qtbot, generate.host.tasks, timeout=60_000)
    assert not generate.running
    assert generate.error is None
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    return Path(wizard.settings.get("output/folder"))


def _openssl_text(csr: Path) -> str:
    done = subprocess.run(
        ["openssl", "req", "-in", str(csr), "-verify", "-noout", "-text"], capture_output=True, text=True, check=True
    )
    assert "verify OK" in done.stdout + done.stderr
    return done.stdout


def test_single_combined_server_v3(qtbot, wizard: CmsWizard) -> None:
    folder = _run_flow(qtbot, wizard, ["cms1.example.com"], cluster=False, pick="webbridge3")
    year = time.localtime().tm_year
    key, csr = folder / f"webbridge3-{year}.key", folder / f"webbridge3-{year}.csr"
    assert key.stat().st_mode & 0o777 == 0o600
    loaded_key = load_file(key).keys[0]
    request = load_file(csr).csrs[0]
    assert key_matches(loaded_key, request)
    text = _openssl_text(csr)
    assert "CN = join.example.com" in text and "C = TW" in text and "O = Example" in text
    assert "DNS:join.example.com, DNS:cms1.example.com" in text
    page = wizard.currentPage()
    assert str(csr) in page.files.text()
    assert "DNS:join.example.com" in page.details.toPlainText()


def test_three_node_cluster_callbridge(qtbot, wizard: CmsWizard) -> None:
    nodes = ["cms1.example.com", "cms2.example.com", "cms3.example.com"]
    folder = _run_flow(qtbot, wizard, nodes, cluster=True, pick="callbridge")
    year = time.localtime().tm_year
    text = _openssl_text(folder / f"callbridge-{year}.csr")
    assert "DNS:cms1.example.com, DNS:cms2.example.com, DNS:cms3.example.com" in text
    # Then the next proposal, without retyping the deployment.
    page = wizard.currentPage()
    assert page.another.isVisible()
    page.another.click()
    assert wizard.currentId() == PageId.SUBJECT
    assert wizard.currentPage().basename.text().startswith("webbridge3-")


def test_version_changes_services(wizard: CmsWizard) -> None:
    _next(wizard)
    page = wizard.currentPage()
    page.version.setCurrentIndex(page.version.findData("2.x"))
    labels = {s.label for s in page.service_checks}
    assert {"XMPP", "Web Bridge"} <= labels and "Web Bridge 3" not in labels
    assert page.xmpp.isVisible()
    page.version.setCurrentIndex(page.version.findData("3.x"))
    labels = {s.label for s in page.service_checks}
    assert "XMPP" not in labels and "Web Bridge 3" in labels
    assert not page.xmpp.isVisible()


def test_deployment_rejects_bad_names(wizard: CmsWizard) -> None:
    _next(wizard)
    page = wizard.currentPage()
    page.nodes.setPlainText("https://cms1.example.com")
    assert "looks like a URL" in page.message.plain_text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _to_subject(wizard: CmsWizard) -> pages_csr.SubjectPage:
    _next(wizard)
    _fill_deployment(wizard, ["cms1.example.com"], cluster=False)
    _next(wizard)
    return wizard.currentPage()


def test_subject_page_validation_messages_and_next(wizard: CmsWizard) -> None:
    subject = _to_subject(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    subject.country.setEditText("UK")
    assert "did you mean GB" in subject.messages["C"].plain_text()
    assert not next_button.isEnabled()
    subject.country.set_code("GB")
    assert next_button.isEnabled() and subject.messages["C"].plain_text() == ""
    subject.basename.setText("cms1.key")
    assert "give the name without extension" in subject.messages["basename"].plain_text()
    assert not next_button.isEnabled()
    subject.basename.setText("cms1 new")
    assert "only letters, digits" in subject.messages["basename"].plain_text()
    subject.basename.setText("cms1-new")
    assert next_button.isEnabled()
    subject.san.set_entries(["other.example.com"])
    assert "added the CN cms1.example.com" in subject.messages["subjectAltName"].plain_text()
    assert next_button.isEnabled()
    assert subject.checked.spec.san[0].value == "cms1.example.com"
    subject.san.set_entries(["https://x.example.com"])
    assert "looks like a URL" in subject.messages["subjectAltName"].plain_text()
    assert subject.san.table.item(0, 1).text() == "invalid"
    assert not next_button.isEnabled()
    subject.san.set_entries(["10.0.0.5", "admin@example.com"])
    assert [subject.san.table.item(r, 1).text() for r in range(2)] == ["IP", "email"]
    subject.cn.setText("")
    assert "CN: is required" not in subject.messages["CN"].plain_text()  # the field label says CN already
    assert "is required" in subject.messages["CN"].plain_text()
    assert not next_button.isEnabled()


def test_preview_is_what_the_engine_runs(qtbot, wizard: CmsWizard, monkeypatch: pytest.MonkeyPatch) -> None:
    handed = []
    real = pages_csr.generate_key_and_csr

    def spy(spec, folder, *, force=False):
        handed.append(spec)
        return real(spec, folder, force=force)

    monkeypatch.setattr(pages_csr, "generate_key_and_csr", spy)
    subject = _to_subject(wizard)
    subject.o.setText("Example Org")
    subject.san.add_entries(["10.0.0.5"])
    _next(wizard)
    preview = wizard.currentPage()
    shown = preview.shown_command()
    assert 'O:"Example Org"' in shown and "contains spaces" in preview.notes.plain_text()
    _next(wizard)
    finish_tasks(qtbot, wizard.tasks, timeout=60_000)
    assert not wizard.currentPage().running
    assert len(handed) == 1
    assert shown == render(handed[0])


def test_locality_typed_and_key_type_note_beside_the_mmp_line(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    """L: is a field (Cisco FAQ); a key type the MMP line cannot reproduce is said beside the line."""
    subject = _to_subject(wizard)
    qtbot.keyClicks(subject.locality, "New Taipei")
    subject.key_type.setFocus()
    while subject.key_type.currentData() != "ec256":
        qtbot.keyClick(subject.key_type, Qt.Key.Key_Down)
    _next(wizard)
    preview = wizard.currentPage()
    assert 'L:"New Taipei"' in preview.shown_command()
    notes = preview.notes.plain_text()
    assert "would not reproduce this ECDSA P-256 key" in notes
    assert 'typed in double quotes, e.g. O:"Example Inc."' in notes
    _next(wizard)
    finish_tasks(qtbot, wizard.tasks, timeout=60_000)
    assert not wizard.currentPage().running
    csr = Path(wizard.settings.get("output/folder")) / f"{subject.basename.text()}.csr"
    assert "L = New Taipei" in _openssl_text(csr)


def test_existing_key_asks_before_replacing(qtbot, wizard: CmsWizard, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = _to_subject(wizard)
    folder = Path(wizard.settings.get("output/folder"))
    key = folder / f"{subject.basename.text()}.key"
    key.write_text("live key")
    asked = []

    def answer_no(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", answer_no)
    _next(wizard)
    assert "already exists" in wizard.currentPage().files_label.text()
    _next(wizard)
    assert wizard.currentId() == PageId.PREVIEW  # stayed
    assert "breaks that service" in asked[0]
    assert key.read_text() == "live key"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _next(wizard)
    finish_tasks(qtbot, wizard.tasks, timeout=60_000)
    assert not wizard.currentPage().running
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")


def test_run_on_cms_path(wizard: CmsWizard) -> None:
    _to_subject(wizard)
    _next(wizard)
    preview = wizard.currentPage()
    preview.on_cms.setChecked(True)
    _next(wizard)
    assert wizard.currentId() == PageId.ON_CMS
    page = wizard.currentPage()
    assert page.command.toPlainText() == preview.shown_command()
    assert "pki list" in page.steps.text()
    assert list(Path(wizard.settings.get("output/folder")).iterdir()) == []


def test_settings_are_remembered(qtbot, tmp_path: Path, settings: Settings) -> None:
    first = CmsWizard(settings)
    qtbot.addWidget(first)
    first.show()
    subject = _to_subject(first)
    subject.o.setText("Remembered Org")
    subject.ou.setText("Video")
    subject.country.set_code("TW")
    subject.key_type.setCurrentIndex(subject.key_type.findData("rsa3072"))
    _next(first)
    settings.sync()
    again = Settings.at(tmp_path / "settings.ini")
    second = CmsWizard(again)
    qtbot.addWidget(second)
    second.show()
    subject2 = _to_subject(second)
    assert subject2.o.text() == "Remembered Org" and subject2.ou.text() == "Video"
    assert subject2.country.code() == "TW"
    assert subject2.key_type.currentData() == "rsa3072"


def test_keyboard_and_accessibility(wizard: CmsWizard) -> None:
    subject = _to_subject(wizard)
    for widget in (
        subject.basename,
        subject.cn,
        subject.ou,
        subject.o,
        subject.st,
        subject.country,
        subject.san.table,
        subject.key_type,
    ):
        assert widget.accessibleName()
    # Mnemonics: every label in the form has a buddy, so Alt+letter reaches its field.
    from PySide6.QtWidgets import QFormLayout, QLabel

    form = subject.layout()
    assert isinstance(form, QFormLayout)
    buddies = [
        form.itemAt(r, QFormLayout.ItemRole.LabelRole).widget()
        for r in range(form.rowCount())
        if form.itemAt(r, QFormLayout.ItemRole.LabelRole)
    ]
    labelled = [b for b in buddies if isinstance(b, QLabel) and b.text()]
    assert labelled and all("&" in b.text() and b.buddy() is not None for b in labelled)
    assert wizard.windowTitle() and not wizard.windowIcon().isNull()


def test_key_generation_runs_off_the_gui_thread(qtbot, wizard: CmsWizard) -> None:
    subject = _to_subject(wizard)
    subject.key_type.setCurrentIndex(subject.key_type.findData("rsa4096"))
    _next(wizard)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    _next(wizard)
    page = wizard.currentPage()
    started = time.perf_counter()
    finish_tasks(qtbot, page.host.tasks, timeout=120_000)
    assert not page.running
    timer.stop()
    elapsed = time.perf_counter() - started
    during = [t for t in ticks if t >= started]
    # The timer kept firing while the key was generated: the event loop was never blocked for long.
    assert len(during) >= max(3, int(elapsed / 0.010 / 4))
    assert page.error is None
