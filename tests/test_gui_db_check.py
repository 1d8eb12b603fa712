"""The database-cluster and check flows in the wizard, end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.i18n import labelled
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.loader import load_file
from cmswizard.pki.verify import verify_certificate

from helpers.factory import NOW, hierarchy, issue
from helpers.journey import choose_flow, click, finish_tasks, press_mnemonic
from helpers.pg import postgres_bin, running_postgres


@pytest.fixture
def wizard(qtbot, tmp_path: Path):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(tmp_path))
    window = CmsWizard(settings)
    qtbot.addWidget(window)
    window.show()
    yield window


def _db_flow(qtbot, wizard: CmsWizard, folder: Path, renewal: bool = False) -> None:
    wizard.start_flow("dbcluster")
    assert wizard.currentId() == PageId.DB_CLUSTER
    page = wizard.page_at(PageId.DB_CLUSTER)
    page.domain.setText("tplab.local")
    page.primary.setText("cmscore1.example.com")
    page.joining.setPlainText("cmscore2.example.com\ncmscore3.example.com")
    page.connecting.setPlainText("cmsedge1.example.com")
    page.folder.setText(str(folder))
    page.renewal.setChecked(renewal)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == PageId.DB_RESULT
    finish_tasks(qtbot, wizard.tasks, timeout=60_000)
    assert not wizard.page_at(PageId.DB_RESULT).running
    assert wizard.page_at(PageId.DB_RESULT).error is None


def test_db_flow_three_cores_and_a_connect_only_core(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    folder = tmp_path / "db"
    wizard.start_flow("dbcluster")
    assert wizard.page_at(PageId.DB_CLUSTER).commands.toPlainText() == ""
    _db_flow(qtbot, wizard, folder)
    assert wizard.page_at(PageId.DB_CLUSTER).commands.toPlainText().splitlines() == [
        "pki selfsigned dbca CN:tplab.local",
        "pki csr dbserver CN:cmscore1.example.com subjectAltName:cmscore1.example.com,cmscore2.example.com,"
        "cmscore3.example.com",
        "pki csr dbclient CN:postgres",
        "pki sign dbserver dbca",
        "pki sign dbclient dbca",
    ]
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "dbca.crt",
        "dbca.key",
        "dbclient.crt",
        "dbclient.csr",
        "dbclient.key",
        "dbserver.crt",
        "dbserver.csr",
        "dbserver.key",
    ]
    for key in ("dbca.key", "dbserver.key", "dbclient.key"):
        assert (folder / key).stat().st_mode & 0o777 == 0o600
    ca = load_file(folder / "dbca.crt").certificates
    for name in ("dbserver", "dbclient"):
        assert verify_certificate(load_file(folder / f"{name}.crt").certificates[0], ca).ok
    sheet = wizard.page_at(PageId.DB_RESULT).sheet.toPlainText()
    primary = sheet.split("# on cmscore2.example.com")[0]
    assert "database cluster certs dbserver.key dbserver.crt dbclient.key dbclient.crt dbca.crt" in primary
    assert "database cluster localnode a\ndatabase cluster initialize\ndatabase cluster status" in primary
    joining = sheet.split("# on cmscore3.example.com")[0].split("# on cmscore2.example.com")[1]
    assert "database cluster join cmscore1.example.com" in joining
    edge = sheet.split("# on cmsedge1.example.com")[1]
    assert "copy dbclient.key, dbclient.crt, dbca.crt" in edge
    assert (
        "database cluster certs dbclient.key dbclient.crt dbca.crt\ndatabase cluster localnode a\n"
        "database cluster connect cmscore1.example.com" in edge
    )
    assert "✓" in wizard.page_at(PageId.DB_RESULT).status.text()
    assert "database cluster remove" not in sheet


def test_db_renewal_starts_with_remove(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    _db_flow(qtbot, wizard, tmp_path / "renew", renewal=True)
    sheet = wizard.page_at(PageId.DB_RESULT).sheet.toPlainText()
    first = sheet.index("database cluster remove")
    assert sheet.index("database cluster status") < first < sheet.index("database cluster certs")
    assert sheet.count("database cluster remove") == 3  # one step per role: connect-only, replicas, the primary
    assert "(the plan: cmscore2.example.com, cmscore3.example.com)" in sheet  # names to confirm, not assumed
    assert sheet.index("backup snapshot") < sheet.index("database cluster remove")
    assert "delete or rename the old files" in sheet and "backup snapshot" in sheet


def test_db_existing_keys_ask_first(qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "live"
    folder.mkdir()
    (folder / "dbserver.key").write_text("live")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.No)
    wizard.start_flow("dbcluster")
    page = wizard.page_at(PageId.DB_CLUSTER)
    page.domain.setText("tplab.local")
    page.primary.setText("cmscore1.example.com")
    page.folder.setText(str(folder))
    wizard.next()
    assert wizard.currentId() == PageId.DB_CLUSTER
    assert (folder / "dbserver.key").read_text() == "live"


def test_db_page_rejects_bad_names(wizard: CmsWizard) -> None:
    wizard.start_flow("dbcluster")
    page = wizard.page_at(PageId.DB_CLUSTER)
    page.domain.setText("tplab.local")
    page.primary.setText("cms core 1")
    assert "contains a space" in page.message.plain_text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.primary.setText("cmscore1.example.com")
    page.connecting.setPlainText("cmscore1.example.com")
    assert "also a database core" in page.message.plain_text()


@pytest.mark.postgres
@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL is not installed (.ci/run installs it)")
def test_gui_db_certificates_work_with_postgres(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    folder = tmp_path / "pg"
    _db_flow(qtbot, wizard, folder)
    with running_postgres(folder / "dbserver.crt", folder / "dbserver.key", folder / "dbca.crt") as server:
        done = server.connect(folder / "dbca.crt", folder / "dbclient.crt", folder / "dbclient.key")
        assert done.returncode == 0, done.stderr
        assert "connected over TLS" in done.stdout


def test_check_flow_explains_each_problem(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    h = hierarchy(depth=1, leaf_cn="cms1.example.com")
    expired = issue(
        "old.example.com", h.intermediates[0], start=NOW - dt.timedelta(days=400), end=NOW - dt.timedelta(days=3)
    )
    other_key = hierarchy(depth=0, prefix="Other").leaf
    files = {
        "cms1.crt": h.leaf.pem,
        "old.crt": expired.pem,
        "root.crt": h.root.pem,  # the intermediate is missing on purpose
        "wrong.key": other_key.key_pem,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    wizard.start_flow("check")
    assert wizard.currentId() == PageId.CHECK
    page = wizard.page_at(PageId.CHECK)
    page.add_paths([tmp_path / name for name in files])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0 and len(wizard.flows.check.loaded) == 4
    problems = "\n".join(page.report.problems() + wizard.flows.check.errors)
    assert "wrong.key matches none of the certificates or CSRs given" in problems
    assert 'missing intermediate for issuer "Test Issuing CA 1"' in problems
    assert "old.example.com" in problems and "expired on" in problems
    assert "EXPIRED 3 days ago" in page.report.as_text()
    assert f"✗ {len(page.report.problems() + wizard.flows.check.errors)} problem(s) found" in page.summary.text()
    expiry = [page.expiry.topLevelItem(i).text(3) for i in range(page.expiry.topLevelItemCount())]
    assert expiry[0] == "old.example.com"
    page.copy_button.click()
    assert "Problems:" in QGuiApplication.clipboard().text()
    # Adding the intermediate and the right key clears those problems.
    (tmp_path / "int.crt").write_bytes(h.intermediates[0].pem)
    (tmp_path / "cms1.key").write_bytes(h.leaf.key_pem)
    page.add_paths([tmp_path / "int.crt", tmp_path / "cms1.key"])
    finish_tasks(qtbot, page.host.tasks, timeout=10_000)
    assert page.loading == 0 and len(wizard.flows.check.loaded) == 6
    texts = "\n".join(page.report.problems() + wizard.flows.check.errors)
    assert "cms1.key matches" not in texts
    assert any(m.matches and m.key_file.endswith("cms1.key") for m in page.report.matches)
    ok = [row for row in page.report.verifications if row.cn == "cms1.example.com"]
    assert ok and ok[0].result.ok


def test_check_flow_bad_file(qtbot, wizard: CmsWizard, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pem"
    bad.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n")
    wizard.start_flow("check")
    wizard.page_at(PageId.CHECK).add_paths([bad])
    finish_tasks(qtbot, wizard.tasks, timeout=10_000)
    assert wizard.page_at(PageId.CHECK).loading == 0
    assert any("broken.pem" in text and "truncated" in text for text in wizard.flows.check.errors)


def test_check_results_show_each_chain_once(
    qtbot, wizard: CmsWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    h = hierarchy(depth=1, leaf_cn="cms1.example.com")
    (tmp_path / "full.pem").write_bytes(b"".join(c.pem for c in h.chain))
    (tmp_path / "leaf.pem").write_bytes(h.leaf.pem)
    (tmp_path / "root.pem").write_bytes(h.root.pem)
    chosen = [[tmp_path / "full.pem"], [tmp_path / "leaf.pem", tmp_path / "root.pem"]]
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: chosen.pop(0))
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.CHECK
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.add_button)
    shown = page.problems_view.toPlainText()
    assert shown.count("cms1.example.com → Test Issuing CA 1 → Test Root CA") == 1, shown
    chain_word = QCoreApplication.translate("CheckPage", "chain")
    assert labelled(chain_word, "") not in shown
    # A chain that fails: the reason names the link, and the line under it how far the chain got, once.
    click(qtbot, page.clear_button)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, page.add_button)
    lines = page.problems_view.toPlainText().splitlines()
    assert lines.count(labelled(chain_word, "cms1.example.com")) == 1, lines
    assert any(line.startswith("✗ cms1.example.com") and "Test Issuing CA 1" in line for line in lines), lines
