"""The upload page and a host-key type swap (hostile's follow-up to issue 30): known_hosts holds the MMP's
ed25519 key and the server now offers only RSA. The page must not ask the plain "not known yet" question;
it warns as OpenSSH does, defaults to No, sends nothing and remembers nothing — typed and clicked as a
person does, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.pages.start import StartPage
from cmswizard.gui.pages.upload import UploadPage

from helpers.factory import hierarchy
from helpers.hostile_ssh import hostile_ssh
from helpers.journey import choose_flow, click, make_wizard, press_next, type_into
from helpers.site import example_site


def _upload_page(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, known_hosts: Path):
    site = tmp_path / "site"
    plan_path = example_site(site, hierarchy(depth=1, prefix="Example", rsa_bits=2048))
    wizard = make_wizard(qtbot, tmp_path / "out")
    wizard.settings.set("ssh/known_hosts", str(known_hosts))
    monkeypatch.setattr(dialogs, "open_file_names", lambda *_a: [plan_path])
    click(qtbot, wizard.page_as(PageId.START, StartPage).open_plan_button)
    choose_flow(qtbot, wizard, FlowKey.DEPLOY)
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.UPLOAD
    upload = wizard.page_as(PageId.UPLOAD, UploadPage)
    for node in ("cms2.example.com", "edge1.example.com"):
        click(qtbot, upload.send_box(node))
    return upload


def _type_target(qtbot, upload: UploadPage, server) -> None:
    """cms1's row pointed at the test server, typed as a person does, and its password."""
    for column, value in ((upload.ADDRESS, "127.0.0.1"), (upload.PORT, str(server.port)), (upload.USER, server.user)):
        field = upload.cell_edit("cms1.example.com", column)
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace what is there
        qtbot.keyClicks(field, value)
        assert field.text() == value
    type_into(qtbot, upload.password, server.password)


def _result_rows(upload: UploadPage, node: str) -> list:
    for index in range(upload.results.topLevelItemCount()):
        top = upload.results.topLevelItem(index)
        if top is not None and top.text(0) == node:
            return [top.child(i) for i in range(top.childCount())]
    return []


def test_a_host_key_of_another_type_than_known_is_warned_about_and_nothing_is_sent(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "mmp"
    root.mkdir()
    known = tmp_path / "known_hosts"
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as real:
        line, real_port = real.known_hosts_line("ed25519"), real.port
    upload = _upload_page(qtbot, tmp_path, monkeypatch, known)
    plain: list[str] = []
    warned: list[tuple[str, str, str]] = []
    monkeypatch.setattr(dialogs, "confirm_host_key", lambda *a: plain.append(a[1]) or True)

    def warning(_parent, node: str, key_type: str, fingerprint: str, known_types: str) -> bool:
        warned.append((node, key_type, known_types))
        return False  # the default button: No

    monkeypatch.setattr(dialogs, "confirm_changed_host_key_type", warning)
    with hostile_ssh("sftp", root=root, key_types=("rsa",)) as swapped:
        known.write_text(line.replace(f"]:{real_port} ", f"]:{swapped.port} "))
        before = known.read_bytes()
        _type_target(qtbot, upload, swapped)
        with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
            click(qtbot, upload.upload_button)
    assert plain == []  # never the plain "not known yet" question
    assert warned == [("cms1.example.com", "ssh-rsa", "ssh-ed25519")]
    assert known.read_bytes() == before  # nothing remembered
    assert list(root.iterdir()) == []  # nothing sent
    assert upload.cell_edit("cms1.example.com", upload.FINGERPRINT).text() == ""
    said = upload.result_text("cms1.example.com")
    assert said == upload.tr("not sent: the host key type changed and was not accepted")
    assert (lang == "en") == said.startswith("not sent")


def _changed_key(tmp_path: Path, root: Path):
    """known_hosts (a comment line, then the MMP's old ed25519 key) and the MMP answering with a new one."""
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as old:
        line, old_port = old.known_hosts_line("ed25519"), old.port
    known = tmp_path / "known_hosts"
    return known, lambda port: known.write_text("# the lab's MMPs\n" + line.replace(f"]:{old_port} ", f"]:{port} "))


def test_a_changed_host_key_names_the_known_hosts_entry_on_the_command_line(cli, tmp_path: Path) -> None:
    """Issue 29 Low: the mismatch named the known_hosts file only; it names the entry: file:line, key type, host."""
    root = tmp_path / "mmp"
    root.mkdir()
    local = tmp_path / "cb.crt"
    local.write_bytes(b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
    known, write_known = _changed_key(tmp_path, root)
    password = tmp_path / "pw"
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as new:
        write_known(new.port)
        password.write_text(new.password + "\n")
        done = cli(
            *["upload", "--host", "127.0.0.1", "--port", str(new.port), "--known-hosts", str(known)],
            *["--password-file", str(password), str(local)],
        )
    assert done.code == 1
    assert f"differs from the one in {known}:2 (the ssh-ed25519 key for [127.0.0.1]:{new.port})" in done.out
    assert list(root.iterdir()) == []


def test_a_changed_host_key_names_the_known_hosts_entry_on_the_upload_page(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "mmp"
    root.mkdir()
    known, write_known = _changed_key(tmp_path, root)
    upload = _upload_page(qtbot, tmp_path, monkeypatch, known)
    monkeypatch.setattr(dialogs, "confirm_host_key", lambda *a: pytest.fail("a changed key is no new key"))
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as new:
        write_known(new.port)
        _type_target(qtbot, upload, new)
        with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
            click(qtbot, upload.upload_button)
    assert list(root.iterdir()) == []
    details = [row.text(2) for row in _result_rows(upload, "cms1.example.com")]
    entry = f"{known}:2"
    assert details and all(entry in detail and "ssh-ed25519" in detail for detail in details), details


def test_upload_results_are_read_whole_at_960_by_720(
    qtbot, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 29 Low: the Result and Details columns were cut, the reasons only in tooltips. At 960×720 the node's
    result wraps in its cell, and the file that did not verify is selected with its whole reason in the details
    box below the results; clicking another file shows its own."""
    from cmswizard.gui.i18n import translated
    from cmswizard.remote.sftp import Outcome

    root = tmp_path / "mmp"
    root.mkdir()
    (root / "callbridge-2026.crt").write_bytes(b"the certificate the Call Bridge uses now\n")
    upload = _upload_page(qtbot, tmp_path, monkeypatch, tmp_path / "known_hosts")
    upload.wizard().resize(960, 720)
    monkeypatch.setattr(dialogs, "confirm_host_key", lambda *a: True)
    with hostile_ssh("sftp", root=root, key_types=("ed25519",)) as server:
        _type_target(qtbot, upload, server)
        with qtbot.waitSignal(upload.upload_finished, timeout=60_000):
            click(qtbot, upload.upload_button)
    rows = _result_rows(upload, "cms1.example.com")
    differing = next(row for row in rows if row.text(0) == "callbridge-2026.crt")
    assert differing.text(1) == translated(Outcome.EXISTS.label)
    assert upload.results.currentItem() is differing  # its reason is shown at once
    shown = upload.details.toPlainText()
    assert differing.text(2) and differing.text(2) in shown
    assert upload.details.isVisible() and upload.details.verticalScrollBar().maximum() == 0  # all of it in view
    result = upload.table.cellWidget(0, upload.table.columnCount() - 1)  # cms1's Result cell
    width = upload.table.columnWidth(upload.table.columnCount() - 1)
    assert result.text() == upload.result_text("cms1.example.com")
    assert result.wordWrap() and upload.table.rowHeight(0) >= result.heightForWidth(width), result.text()
    assert result.heightForWidth(width) > result.fontMetrics().lineSpacing() * 1.5  # it did need a second line
    other = next(row for row in rows if row.text(0) == "callbridge-2026.key")
    rect = upload.results.visualItemRect(other)
    qtbot.mouseClick(upload.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert upload.details.toPlainText().startswith("callbridge-2026.key: " + translated(Outcome.VERIFIED.label))
