"""Every page fits the wizard's smallest window in both languages, with no text cut off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard

from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.csr import DeploymentPage, PreviewPage, SubjectPage
from cmswizard.gui.wizard import CmsWizard

from helpers.journey import make_wizard
from helpers.layout import SMALLEST, cut_off


def _look(wizard: CmsWizard) -> list[str]:
    wizard.resize(*SMALLEST)
    QApplication.processEvents()
    size = (wizard.width(), wizard.height())
    problems = [f"page {wizard.currentId()} needs {size}, more than {SMALLEST}"] if size > SMALLEST else []
    return [f"{PageId(wizard.currentId()).name}: {p}" for p in problems + cut_off(wizard)]


def test_every_page_fits_the_smallest_window(qtbot, lang: str, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "out")
    problems = _look(wizard)
    wizard.next()
    deployment = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
    deployment.cluster.setChecked(True)
    deployment.nodes.setPlainText("cms1.example.com cms2.example.com cms3.example.com")
    deployment.join_url.setText("join.example.com")
    problems += _look(wizard)
    wizard.next()
    wizard.page_as(PageId.SUBJECT, SubjectPage).country.set_code("TW")
    problems += _look(wizard)
    wizard.next()
    problems += _look(wizard)
    wizard.page_as(PageId.PREVIEW, PreviewPage).on_cms.setChecked(True)
    wizard.next()
    problems += _look(wizard)
    for key in (
        FlowKey.BUNDLE,
        FlowKey.DBCLUSTER,
        FlowKey.CHECK,
        FlowKey.DEPLOY,
        FlowKey.EXPORT,
        FlowKey.PROBE,
        FlowKey.RENEW,
    ):
        wizard.start_flow(key)
        problems += _look(wizard)
    assert wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    assert problems == []


def test_probe_and_renew_pages_fit_with_results(qtbot, lang: str, tmp_path: Path, monkeypatch) -> None:
    """The pages that only fill up after work: probe findings, the renewal request, comparison and sheet."""
    from cmswizard.gui import dialogs
    from cmswizard.gui.pages.probe import ProbeResultPage
    from cmswizard.gui.pages.renew import RenewGeneratePage

    from helpers.factory import hierarchy
    from helpers.tls_servers import python_tls_server, server_context

    h = hierarchy(depth=1, rsa_bits=2048)
    full, key = tmp_path / "full.pem", tmp_path / "leaf.key"
    full.write_bytes(b"".join(c.pem for c in h.chain))
    key.write_bytes(h.leaf.key_pem)
    wizard = make_wizard(qtbot, tmp_path / "out")
    with python_tls_server("127.0.0.1", server_context(full, key)) as port:
        wizard.start_flow(FlowKey.PROBE)
        wizard.currentPage().hosts.setText(f"127.0.0.1:{port}")
        result = wizard.page_as(PageId.PROBE_RESULT, ProbeResultPage)
        with qtbot.waitSignal(result.finished, timeout=30_000):
            wizard.next()
        problems = _look(wizard)
        result.renew_button.click()
    problems += _look(wizard)
    wizard.next()
    generate = wizard.page_as(PageId.RENEW_GENERATE, RenewGeneratePage)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_args: [full])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        generate.new_button.click()
    problems += _look(wizard)
    wizard.next()
    problems += _look(wizard)
    assert wizard.currentId() == PageId.RENEW_SHEET
    assert problems == []
