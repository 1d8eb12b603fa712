"""The database-cluster and check flows as a person drives them, in English and Traditional Chinese:
typed into the real fields, clicked through, files checked with openssl."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.check import CheckPage
from cmswizard.gui.pages.dbcluster import DbClusterPage, DbResultPage

from helpers.factory import hierarchy
from helpers.journey import choose_flow, click, forward_button, make_wizard, openssl, type_into


def test_db_cluster_journey(qtbot, lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    choose_flow(qtbot, wizard, FlowKey.DBCLUSTER)
    page = wizard.page_as(PageId.DB_CLUSTER, DbClusterPage)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    type_into(qtbot, page.domain, "tplab.local")
    type_into(qtbot, page.primary, "cmscore1.example.com")
    type_into(qtbot, page.joining, "cmscore2.example.com cmscore3.example.com")
    type_into(qtbot, page.connecting, "cmsedge1.example.com")
    folder = Path(page.folder.text())
    assert folder.parent == out and folder.name.startswith("dbcluster-")
    assert "pki sign dbserver dbca" in page.commands.toPlainText()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
        click(qtbot, forward_button(wizard))
    result = wizard.page_as(PageId.DB_RESULT, DbResultPage)
    assert wizard.currentId() == PageId.DB_RESULT and result.error is None
    for name in ("dbca", "dbserver", "dbclient"):
        assert stat.S_IMODE((folder / f"{name}.key").stat().st_mode) == 0o600
    ca = str(folder / "dbca.crt")
    assert "OK" in openssl("verify", "-CAfile", ca, str(folder / "dbserver.crt"), str(folder / "dbclient.crt"))
    assert "CN=tplab.local" in openssl("x509", "-in", ca, "-noout", "-subject").replace(" = ", "=")
    sheet = result.sheet.toPlainText()
    for node in ("cmscore1.example.com", "cmscore2.example.com", "cmscore3.example.com", "cmsedge1.example.com"):
        assert node in sheet
    assert "database cluster join cmscore1.example.com" in sheet
    click(qtbot, result.copy_button)
    assert QGuiApplication.clipboard().text() == sheet
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # on to Apply on the server
    # A second run of the flow starts with empty fields, not the last cluster's names.
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    click(qtbot, wizard.button(QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PageId.START
    choose_flow(qtbot, wizard, FlowKey.DBCLUSTER)
    assert page.domain.text() == "" and page.primary.text() == "" and page.joining.toPlainText() == ""
    assert not next_button.isEnabled()


def test_check_journey(qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pki = hierarchy(depth=1)
    files = {"cms1.cer": pki.leaf.der, "root.crt": pki.root.pem, "cms1.key": pki.leaf.key_pem}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "issuing.pem").write_bytes(pki.intermediates[0].pem)
    chosen = [tmp_path / name for name in files]
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: chosen)
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.CHECK)
    page = wizard.page_as(PageId.CHECK, CheckPage)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert page.files.count() == 3
    # openssl agrees: without the issuing CA the leaf does not verify, and the page says what is missing.
    leaf_pem = tmp_path / "cms1.pem"
    leaf_pem.write_bytes(pki.leaf.pem)
    refused = subprocess.run(
        ["openssl", "verify", "-CAfile", str(tmp_path / "root.crt"), str(leaf_pem)], capture_output=True
    )
    assert refused.returncode != 0
    results = page.problems_view.toPlainText()
    assert "Test Issuing CA 1" in results and "cms1.example.com" in results  # data shown as it is
    assert [row.result.ok for row in page.report.verifications] == [False]
    assert [match.matches for match in page.report.matches] == [True]
    chosen[:] = [tmp_path / "issuing.pem"]
    with qtbot.waitSignal(wizard.tasks.idle, timeout=30_000):
        click(qtbot, page.add_button)
    assert "OK" in openssl(
        "verify", "-CAfile", str(tmp_path / "root.crt"), "-untrusted", str(tmp_path / "issuing.pem"), str(leaf_pem)
    )
    assert [row.result.ok for row in page.report.verifications if row.cn == "cms1.example.com"] == [True]
    click(qtbot, page.copy_button)
    assert "cms1.example.com" in QGuiApplication.clipboard().text()
    click(qtbot, page.clear_button)
    assert page.files.count() == 0 and wizard.flows.check.loaded == []
