"""Issue 29 Low, chain builder: with only CA certificates it says no entity certificate is loaded (not
"every link checks out") and proposes no full-chain name; a name is proposed once the chain starts at the
service's certificate. Files come in through the Add files button, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId

from helpers.factory import hierarchy
from helpers.journey import choose_flow, click, finish_tasks, make_wizard


def test_only_ca_certificates_get_no_full_chain_name(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = hierarchy(depth=1, prefix="Example")
    (tmp_path / "root.crt").write_bytes(tree.root.pem)
    (tmp_path / "issuing.crt").write_bytes(tree.intermediates[0].pem)
    (tmp_path / "leaf.crt").write_bytes(tree.leaf.pem)
    chosen = [tmp_path / "issuing.crt", tmp_path / "root.crt"]  # in order: every link would check out
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: list(chosen))
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    page = wizard.page_as(PageId.CHAIN, type(wizard.page_at(PageId.CHAIN)))
    with qtbot.waitSignal(wizard.tasks.idle, timeout=20_000):
        click(qtbot, page.add_button)
    assert page.model.rowCount() == 2  # read and checked: the runner went idle
    summary, usage = page.summary.text(), page.usage.text()
    assert "✓" not in summary and "⚠" in summary
    assert "fullchain" not in usage and "Example-Root-CA" not in usage
    chosen[:] = [tmp_path / "leaf.crt"]
    with qtbot.waitSignal(wizard.tasks.idle, timeout=20_000):
        click(qtbot, page.add_button)
    assert page.model.rowCount() == 3
    click(qtbot, page.auto_button)
    finish_tasks(qtbot, wizard.tasks)  # a big pile is checked on a worker; a small one at once
    assert "fullchain" in page.usage.text()
    assert "✓" in page.summary.text()
    assert "Example-Root-CA" not in page.usage.text()


def test_the_save_dialog_opens_beside_the_certificates(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 29 Low: Save opened in the home folder; it opens where the certificates came from."""
    files_dir = tmp_path / "from-the-ca"
    files_dir.mkdir()
    tree = hierarchy(depth=1)
    for name, issued in (("leaf.crt", tree.leaf), ("issuing.crt", tree.intermediates[0]), ("root.crt", tree.root)):
        (files_dir / name).write_bytes(issued.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: sorted(files_dir.iterdir()))
    asked_at: list[Path] = []
    monkeypatch.setattr(dialogs, "save_file_name", lambda _p, _t, start, _f: asked_at.append(start))
    wizard = make_wizard(qtbot, tmp_path / "out")
    choose_flow(qtbot, wizard, FlowKey.BUNDLE)
    page = wizard.page_at(PageId.CHAIN)
    with qtbot.waitSignal(wizard.tasks.idle, timeout=20_000):
        click(qtbot, page.add_button)
    assert page.model.rowCount() == 3
    click(qtbot, page.auto_button)
    finish_tasks(qtbot, wizard.tasks)
    assert page.save_button.isEnabled()
    click(qtbot, page.save_button)
    assert asked_at and asked_at[0].parent == files_dir
