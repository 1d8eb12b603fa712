"""The renewal flow to its end, as a person does it: the old certificate, a new key and CSR, the CA's answer,
the replacement sheet, then *Apply on the server* against the simulated MMP, clicking the real buttons
(the node's changes and the restart confirmed with Yes), in English and Traditional Chinese."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.apply import ApplyPage
from cmswizard.pki.ca import Usage, issue_certificate
from cmswizard.pki.loader import load_file

from helpers.factory import Issued, hierarchy
from helpers.journey import choose_flow, click, make_wizard, press_next, type_into
from helpers.mmp_sim import MmpSimulator, running_mmp

CN = "cms1.example.com"
YEAR = dt.date.today().year


@pytest.fixture
def simulator() -> Iterator[MmpSimulator]:
    with running_mmp(CN) as sim:
        yield sim


def tr(text: str) -> str:
    return QCoreApplication.translate("ApplyPage", text)


def test_renewal_applied_over_ssh(
    qtbot, tmp_path: Path, simulator: MmpSimulator, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    ca = hierarchy(depth=1, leaf_cn=CN, rsa_bits=2048)
    issuer = ca.intermediates[0]
    bundle = issuer.pem + ca.root.pem
    node = simulator[CN].node
    # the node runs the certificate being renewed
    old = tmp_path / "callbridge-2025.crt"
    old.write_bytes(ca.leaf.pem)
    (node.store / "callbridge-2025.key").write_bytes(ca.leaf.key_pem)
    (node.store / "callbridge-2025.crt").write_bytes(ca.leaf.pem)
    (node.store / "bundle-2025.crt").write_bytes(bundle)
    for item, value in {
        ("callbridge", "listen"): "a",
        ("callbridge", "certs.key"): "callbridge-2025.key",
        ("callbridge", "certs.cert"): "callbridge-2025.crt",
        ("callbridge", "certs.bundle"): "bundle-2025.crt",
    }.items():
        node.configure(*item, value)

    wizard = make_wizard(qtbot, tmp_path)
    wizard.settings.set("ssh/known_hosts", str(simulator.write_known_hosts()))
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    request = wizard.currentPage()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        click(qtbot, request.choose_button)
    assert request.basename.text() == f"callbridge-{YEAR}"
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_GENERATE
    generate = wizard.currentPage()
    with qtbot.waitSignal(generate.generated, timeout=60_000):
        click(qtbot, generate.generate_button)
    csr = load_file(tmp_path / f"callbridge-{YEAR}.csr").csrs[0]
    new = issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate
    new_file = tmp_path / "callbridge-new.crt"
    new_file.write_bytes(Issued(new, issuer.key).pem)
    (tmp_path / "bundle-2026.crt").write_bytes(bundle)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [new_file])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_SHEET
    sheet_page = wizard.currentPage()
    sheet_page.service.setCurrentIndex(sheet_page.service.findData("callbridge"))
    sheet_page.node.clear()
    type_into(qtbot, sheet_page.node, CN)
    type_into(qtbot, sheet_page.bundle, "bundle-2026.crt")
    commands = [line for line in sheet_page.sheet.toPlainText().splitlines() if line and not line.startswith("#")]
    assert f"callbridge certs callbridge-{YEAR}.key callbridge-new.crt bundle-2026.crt" in commands
    assert "callbridge restart" in commands
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.APPLY
    page = wizard.currentPage()
    assert isinstance(page, ApplyPage)
    # the upload put the new files on the node
    for name in (f"callbridge-{YEAR}.key", "callbridge-new.crt", "bundle-2026.crt"):
        shutil.copy(tmp_path / name, node.store / name)
    server = simulator[CN]
    for column, value in ((page.ADDRESS, "127.0.0.1"), (page.PORT, str(server.port))):
        field = page.cell_edit(CN, column)
        field.clear()
        type_into(qtbot, field, value)
    type_into(qtbot, page.password, server.password)
    asked: list[str] = []

    def answer(kind: str) -> None:
        asked.append(kind)
        QTimer.singleShot(0, lambda: click(qtbot, page.yes_button))

    page.question_asked.connect(answer)
    with qtbot.waitSignal(page.run_finished, timeout=60_000):
        click(qtbot, page.apply_button)
    transcript = page.transcript.toPlainText()
    assert page.result_text(CN) == tr("done"), transcript[-3000:]
    assert asked == ["changes", "restart"]  # the node's changes, then the restart: each asked with Yes / No
    assert node.failures == [] and node.pending() == [] and node.prompting_received == []
    assert node.in_use("callbridge", "certs.cert") == "callbridge-new.crt"
    assert node.in_use("callbridge", "certs.key") == f"callbridge-{YEAR}.key"
    assert "callbridge restart" in transcript and server.password not in transcript
    assert page.saved_transcript is not None and page.saved_transcript.parent == tmp_path
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    wizard.close()
