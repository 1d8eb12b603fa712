"""The deployment-sheet and export pages, with a fake stick in the volume list."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from cmswizard.export.volumes import Volume
from cmswizard.gui.flows import PageId
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard

from helpers.factory import hierarchy
from helpers.journey import finish_tasks


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "made"
    folder.mkdir()
    h = hierarchy(depth=1)
    (folder / "callbridge-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "callbridge-2026.crt").write_bytes(h.leaf.pem)
    (folder / "callbridge-2026-bundle.crt").write_bytes(h.intermediates[0].pem + h.root.pem)
    (folder / "webbridge3-2026.key").write_bytes(h.leaf.key_pem)
    (folder / "webbridge3-2026-fullchain.crt").write_bytes(b"".join(c.pem for c in h.chain))
    (folder / "unrelated.crt").write_bytes(h.root.pem)
    return folder


@pytest.fixture
def stick_volumes(tmp_path: Path):
    stick = tmp_path / "STICK"
    stick.mkdir()
    volumes = [
        Volume(stick, "STICK", "vfat", 8 * 1024 * 1024, True, False),
        Volume(Path("/"), "root", "ext4", 10**10, False, False),
    ]
    return volumes


@pytest.fixture
def wizard(qtbot, tmp_path: Path, files: Path, stick_volumes):
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("output/folder", str(files))
    window = CmsWizard(settings)
    window.page_at(PageId.EXPORT).volume_source = lambda: list(stick_volumes)
    qtbot.addWidget(window)
    window.show()
    yield window


def test_deploy_sheet_from_files_then_export(qtbot, wizard: CmsWizard, files: Path, stick_volumes) -> None:
    wizard.start_flow("deploy")
    assert wizard.currentId() == PageId.DEPLOY_SHEET
    page = wizard.page_at(PageId.DEPLOY_SHEET)
    page.nodes.setText("cms1.example.com")
    assert page.table.rowCount() == 2  # suggested from callbridge-2026.* and webbridge3-2026.*
    text = page.sheet_box.toPlainText()
    assert "callbridge certs callbridge-2026.key callbridge-2026.crt callbridge-2026-bundle.crt" in text
    assert "webbridge3 https certs webbridge3-2026.key webbridge3-2026-fullchain.crt" in text
    assert "callbridge trust c2w trust-webbridge3.crt" in text  # every Web Bridge 3, built by the wizard
    assert "webbridge3 c2w trust trust-c2w-clients.crt" in text
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert (files / "cms-commands.txt").read_text() == text
    wizard.next()
    assert wizard.currentId() == PageId.UPLOAD  # upload to the CMS, or Next: the stick
    wizard.next()
    assert wizard.currentId() == PageId.APPLY  # apply over SSH, or Next: the stick
    wizard.next()
    assert wizard.currentId() == PageId.EXPORT
    export = wizard.page_at(PageId.EXPORT)
    assert [p.name for p in export.chosen_paths()] == sorted(
        [
            "callbridge-2026-bundle.crt",
            "callbridge-2026.crt",
            "callbridge-2026.key",
            "webbridge3-2026-fullchain.crt",
            "webbridge3-2026.key",
        ]
    )
    assert "private keys are copied unencrypted" in export.key_warning.text()
    assert export.volumes.count() == 1 and "STICK" in export.volumes.item(0).text()  # the fixed disk is hidden
    assert export.name.text().startswith("cms1-certificates-")
    progress = []
    export.progress.valueChanged.connect(progress.append)
    export.copy_button.click()
    finish_tasks(qtbot, export.host.tasks, timeout=20_000)
    assert not export.running
    assert export.result is not None and export.result.ok, export.summary.toPlainText()
    target = stick_volumes[0].root / export.name.text()
    assert (target / "cms-commands.txt").read_text() == text
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=target, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.count(": OK") == 9  # with certificate-expiry.ics
    assert "✓ copied and verified 11 file(s)" in export.summary.toPlainText()
    assert progress and max(progress) == 11
    assert (target / "certificate-expiry.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    for trust in ("trust-webbridge3.crt", "trust-c2w-clients.crt"):  # each peer's full chain: leaf, issuer, root
        found = subprocess.run(
            ["openssl", "storeutl", "-noout", "-certs", target / trust], capture_output=True, text=True
        )
        assert "Total found: 3" in found.stdout, found.stdout + found.stderr
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_deploy_page_refuses_missing_file(wizard: CmsWizard) -> None:
    wizard.start_flow("deploy")
    page = wizard.page_at(PageId.DEPLOY_SHEET)
    page.nodes.setText("cms1.example.com")
    from cmswizard.cms.services import Service

    page.add_service_row(Service.WEBADMIN, "webadmin.key", "webadmin.crt", "")
    assert "webadmin.crt: is used by a command but not in the export set" in page.message.plain_text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_export_page_volumes_refresh_and_clash(
    qtbot, wizard: CmsWizard, files: Path, stick_volumes, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard.start_flow("export")
    export = wizard.page_at(PageId.EXPORT)
    # Standalone export: files from the output folder, keys unticked until the user ticks them.
    names = {
        Path(export.files.item(r).data(256)).name: export.files.item(r).checkState().value
        for r in range(export.files.count())
    }
    assert names["callbridge-2026.key"] == 0 and names["callbridge-2026.crt"] == 2
    assert export.key_warning.text() == ""
    stick = stick_volumes.pop(0)
    export.refresh_volumes()
    assert "No USB stick found" in export.volumes.item(0).text()
    assert not export.copy_button.isEnabled()
    stick_volumes.insert(0, stick)
    export.refresh_volumes()
    assert export.chosen_volume() is None  # it went away once: the user picks it again
    item = export.volumes.item(0)
    qtbot.mouseClick(
        export.volumes.viewport(), Qt.MouseButton.LeftButton, pos=export.volumes.visualItemRect(item).center()
    )
    assert export.chosen_volume() == stick and export.copy_button.isEnabled()
    export.copy_button.click()
    finish_tasks(qtbot, export.host.tasks, timeout=20_000)
    assert not export.running
    assert export.result.ok
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    export.copy_button.click()
    finish_tasks(qtbot, export.host.tasks, timeout=20_000)
    assert not export.running and asked
    assert "already holds these files" in asked[0] and "callbridge-2026.crt" in asked[0]
    assert "Nothing was copied" in export.summary.toPlainText()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    export.copy_button.click()
    finish_tasks(qtbot, export.host.tasks, timeout=20_000)
    assert export.result is not None and not export.running
    assert "✓" in export.summary.toPlainText()


def test_deploy_sheet_has_a_tab_per_node(qtbot, wizard: CmsWizard) -> None:
    from PySide6.QtGui import QGuiApplication

    wizard.start_flow("deploy")
    page = wizard.page_at(PageId.DEPLOY_SHEET)
    page.cluster.setChecked(True)
    page.nodes.setText("cms1.example.com cms2.example.com")
    tabs = [page.node_tabs.tabText(i) for i in range(page.node_tabs.count())]
    assert tabs == ["All nodes", "cms1.example.com", "cms2.example.com"]
    page.node_tabs.setCurrentIndex(2)
    page.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("# ===== cms2.example.com (cluster node) =====")
    assert "cms1.example.com (cluster node)" not in copied
    assert "callbridge certs callbridge-2026.key" in copied
