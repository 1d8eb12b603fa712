"""The CSR flow as a person drives it, in English and Traditional Chinese: every proposed certificate
made in turn with Make the next certificate (item 6), keys and CSRs checked with openssl; Escape and
Cancel ask before typed input is lost (item 7); the Run-on-CMS page keeps Back (item 8)."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages import csr as csr_pages
from cmswizard.gui.pages.csr import DeploymentPage, GeneratePage, OnCmsPage, PreviewPage, SubjectPage
from cmswizard.gui.wizard import CmsWizard

from helpers.journey import (
    choose_flow,
    click,
    click_item,
    forward_button,
    make_wizard,
    openssl,
    press_mnemonic,
    type_into,
)

NODES = "cms1.example.com cms2.example.com cms3.example.com"
CJK_OR_ENGLISH = {"en": str.isascii, "zh_TW": lambda text: not text.isascii()}


def _to_subject(qtbot, wizard: CmsWizard, start_with: str) -> SubjectPage:
    choose_flow(qtbot, wizard, FlowKey.CSR)
    deployment = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
    click(qtbot, deployment.cluster)
    type_into(qtbot, deployment.nodes, NODES)
    type_into(qtbot, deployment.join_url, "join.example.com")
    items = [deployment.proposals.topLevelItem(n) for n in range(deployment.proposals.topLevelItemCount())]
    click_item(qtbot, deployment.proposals, next(item for item in items if item.text(0) == start_with))
    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.SUBJECT
    return wizard.page_as(PageId.SUBJECT, SubjectPage)


def _generate(qtbot, wizard: CmsWizard) -> GeneratePage:
    """From the subject page: Next to the preview, then its Generate button; wait for the task."""
    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.PREVIEW
    with qtbot.waitSignal(wizard.tasks.idle, timeout=60_000):
        click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    generate = wizard.page_as(PageId.GENERATE, GeneratePage)
    assert wizard.currentId() == PageId.GENERATE and generate.error is None
    return generate


def _where(widget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def test_csr_journey_makes_every_proposed_certificate(qtbot, lang: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    subject = _to_subject(qtbot, wizard, "callbridge-2026")
    assert subject.basename.text() == "callbridge-2026"
    type_into(qtbot, subject.o, "Example Corp")
    type_into(qtbot, subject.country.lineEdit(), "TW")
    generate = _generate(qtbot, wizard)
    bundle_at = _where(generate.to_bundle)
    made = [wizard.flows.csr.proposals[wizard.flows.csr.current].basename]
    # Item 6: Make the next certificate walks every proposal once, wrapping round, by click and by Alt+X.
    while generate.another.isEnabled():
        if len(made) % 2:
            click(qtbot, generate.another)
        else:
            press_mnemonic(qtbot, wizard, generate.another)
        assert wizard.currentId() == PageId.SUBJECT
        made.append(subject.basename.text())
        generate = _generate(qtbot, wizard)
        assert _where(generate.to_bundle) == bundle_at, "Build the bundle moved under the cursor"
    assert made == [
        "callbridge-2026",
        "webbridge3-2026",
        "webadmin-cms1-2026",
        "webadmin-cms2-2026",
        "webadmin-cms3-2026",
    ]
    assert generate.another.isVisible() and generate.to_bundle.isEnabled()
    for basename in made:
        key, csr = out / f"{basename}.key", out / f"{basename}.csr"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert "verify OK" in openssl("req", "-in", str(csr), "-verify", "-noout")
        assert openssl("req", "-in", str(csr), "-noout", "-pubkey") == openssl("pkey", "-in", str(key), "-pubout")
        assert "O=Example Corp" in openssl("req", "-in", str(csr), "-noout", "-subject").replace(" = ", "=")
    assert "DNS:join.example.com" in openssl("req", "-in", str(out / "webbridge3-2026.csr"), "-noout", "-text")


def test_run_on_the_cms_keeps_back_and_the_header(qtbot, lang: str, tmp_path: Path) -> None:
    """Item 8: choosing to run the command on the CMS writes nothing, so it is no point of no return."""
    wizard = make_wizard(qtbot, tmp_path / "out")
    subject = _to_subject(qtbot, wizard, "webbridge3-2026")
    type_into(qtbot, subject.country.lineEdit(), "TW")
    click(qtbot, forward_button(wizard))
    preview = wizard.page_as(PageId.PREVIEW, PreviewPage)
    click(qtbot, preview.on_cms)
    click(qtbot, forward_button(wizard))
    assert wizard.currentId() == PageId.ON_CMS
    page = wizard.page_as(PageId.ON_CMS, OnCmsPage)
    assert page.title() and page.subTitle(), "every page has the same header: a title and a subtitle"
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert "pki csr webbridge3-2026 CN:join.example.com" in page.command.toPlainText()
    click(qtbot, back)
    assert wizard.currentId() == PageId.PREVIEW
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("page_id", [PageId.PREVIEW, PageId.GENERATE, PageId.ON_CMS])
def test_csr_pages_without_a_request_say_so(qtbot, lang: str, tmp_path: Path, page_id: PageId) -> None:
    """Shown with no subject typed (F1 tooling, a restart on them) they explain; nothing is written or offered
    (the Run-on-CMS page used to abort the app here)."""
    wizard = make_wizard(qtbot, tmp_path / "out")
    assert wizard.flows.csr.spec is None
    page = wizard.page_at(page_id)
    wizard.setStartId(page_id)
    wizard.restart()
    assert wizard.currentId() == page_id
    said = page.tr("No request yet: go back and fill in the subject first.")
    shown = {PageId.PREVIEW: "files_label", PageId.GENERATE: "status", PageId.ON_CMS: "steps"}[page_id]
    assert getattr(page, shown).text() == said and CJK_OR_ENGLISH[lang](said)
    if page_id is PageId.ON_CMS:
        assert page.command.toPlainText() == "" and not page.copy_button.isEnabled()
    else:
        assert not page.isComplete() and not forward_button(wizard).isEnabled()
    assert list((tmp_path / "out").iterdir()) == []


def test_escape_and_cancel_ask_before_typed_input_is_lost(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 7."""
    answers: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _parent: answers.pop(0))
    wizard = make_wizard(qtbot, tmp_path / "out")
    subject = _to_subject(qtbot, wizard, "webbridge3-2026")
    type_into(qtbot, subject.ou, "Video team")
    answers.append(False)  # "Cancel": stay
    QTest.keyClick(subject.ou, Qt.Key.Key_Escape)
    assert answers == [] and wizard.isVisible() and subject.ou.text() == "Video team"
    answers.append(False)
    click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert answers == [] and wizard.isVisible()
    answers.append(True)  # "Discard"
    with qtbot.waitSignal(wizard.rejected, timeout=2_000):
        click(qtbot, wizard.button(QWizard.WizardButton.CancelButton))
    assert not wizard.isVisible()


def test_nothing_typed_closes_without_a_question(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda parent: asked.append(parent) or True)
    wizard = make_wizard(qtbot, tmp_path / "out")
    with qtbot.waitSignal(wizard.rejected, timeout=2_000):
        QTest.keyClick(wizard, Qt.Key.Key_Escape)
    assert asked == []


def test_closing_during_key_generation_waits_for_the_files(
    qtbot, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 7: closing while the key is written neither leaves half a file nor prints a Qt error."""
    release = threading.Event()
    real = csr_pages.generate_key_and_csr

    def slow_generate(*args, **kwargs):
        release.wait(10)  # the user closes the window while this runs
        return real(*args, **kwargs)

    monkeypatch.setattr(csr_pages, "generate_key_and_csr", slow_generate)
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    subject = _to_subject(qtbot, wizard, "callbridge-2026")
    type_into(qtbot, subject.country.lineEdit(), "TW")
    click(qtbot, forward_button(wizard))
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    assert wizard.tasks.writing()
    wizard.close()
    assert wizard.isVisible(), "the window closed in the middle of writing the key"
    with qtbot.waitSignal(wizard.finished, timeout=60_000):
        release.set()
    assert not wizard.isVisible()
    assert "verify OK" in openssl("req", "-in", str(out / "callbridge-2026.csr"), "-verify", "-noout")
    assert "RuntimeError" not in "".join(capfd.readouterr())


def test_proposals_show_every_column_whole_at_1024x768(qtbot, lang: str, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.resize(1024, 768)
    choose_flow(qtbot, wizard, FlowKey.CSR)
    deployment = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
    click(qtbot, deployment.edge)
    type_into(qtbot, deployment.nodes, "cmscore1.example.com cmscore2.example.com cmscore3.example.com")
    type_into(qtbot, deployment.edges, "cmsedge1.example.com cmsedge2.example.com")
    type_into(qtbot, deployment.join_url, "join.example.com")
    QTest.qWait(0)  # the tree lays out its rows
    tree = deployment.proposals
    assert tree.topLevelItemCount() == 5
    metrics, margin = (
        tree.fontMetrics(),
        2 * (tree.style().pixelMetric(tree.style().PixelMetric.PM_FocusFrameHMargin) + 1),
    )
    right = tree.viewport().width()
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        height = tree.visualItemRect(item).height()
        for column in range(4):
            lines = item.text(column).split("\n")
            needed = max(metrics.horizontalAdvance(line) for line in lines) + margin
            assert tree.columnWidth(column) >= needed, (item.text(column), tree.columnWidth(column), needed)
            assert height >= len(lines) * metrics.lineSpacing(), item.text(column)
        # the "For" text ends inside the tree, seen without scrolling sideways
        assert tree.columnViewportPosition(3) + metrics.horizontalAdvance(item.text(3)) + margin <= right, item.text(3)
    callbridge = next(tree.topLevelItem(r) for r in range(5) if tree.topLevelItem(r).text(0) == "callbridge-2026")
    assert callbridge.text(2).split("\n") == ["cmscore1.example.com", "cmscore2.example.com", "cmscore3.example.com"]
    assert callbridge.text(3).startswith("Call Bridge")
