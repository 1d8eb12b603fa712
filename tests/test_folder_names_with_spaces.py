"""A folder of certificates often holds files whose names have spaces (`Example Root CA.cer` as a CA's page
hands it out, `certnew (1).cer` from a browser). The MMP reads a space in a command as two words, so a file
an MMP line names may not have one; but a file no line names never reaches a line, and must not stop the
sheet. Before, the deployment page and `deploy --files-in` refused the whole sheet over such a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.cms.sheet import build_sheet
from cmswizard.pki.errors import CmsInputError

from helpers.deploy_page import deploy_page_filled, write_case_files
from helpers.factory import hierarchy, issue
from helpers.golden_cases import CASES, GOLDEN

NODE = "cms1.example.com"
BYSTANDERS = ("Example Root CA.cer", "certnew (1).cer")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    ca = hierarchy(depth=1, prefix="Example")
    leaf = issue(NODE, ca.intermediates[-1], san=[NODE])
    (folder / "wa.key").write_bytes(leaf.key_pem)
    (folder / "wa.crt").write_bytes(leaf.pem)
    (folder / "ca-bundle.crt").write_bytes(ca.intermediates[-1].pem + ca.root.pem)
    for name in BYSTANDERS:
        (folder / name).write_bytes(ca.root.pem)
    return folder


def test_deploy_files_in_a_folder_with_spaced_bystanders_prints_the_sheet(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    done = cli("deploy", "--node", NODE, "--webadmin", "wa.key", "wa.crt", "ca-bundle.crt", "--files-in", str(folder))
    assert done.code == 0, done.err
    assert "webadmin certs wa.key wa.crt ca-bundle.crt" in done.out
    assert not any(name in done.out for name in BYSTANDERS)  # not named, not listed to upload


def test_a_file_a_line_names_still_may_not_hold_a_space(cli, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    done = cli(
        "deploy", "--node", NODE, "--webadmin", "wa.key", "wa.crt", "Example Root CA.cer", "--files-in", str(folder)
    )
    assert done.code == 2 and "Example Root CA.cer: holds a space; the MMP would read it as two words" in done.err


def test_the_export_set_may_hold_spaced_names_the_lines_do_not_use() -> None:
    names, deployment = CASES["single-v3"]()
    sheet = build_sheet(deployment, export_files=[*names, *BYSTANDERS])
    assert not any(name in sheet.text() for name in BYSTANDERS)
    with pytest.raises(CmsInputError):  # a used file missing from the set is still refused
        build_sheet(deployment, export_files=list(BYSTANDERS))


def test_the_deployment_page_gives_its_sheet_beside_spaced_bystanders(qtbot, tmp_path: Path) -> None:
    """The golden single-server sheet, made on the page from a folder that also holds spaced names."""
    names, deployment = CASES["single-v3"]()
    folder = tmp_path / "files"
    folder.mkdir()
    write_case_files(folder, names, deployment)
    for name in BYSTANDERS:
        (folder / name).write_bytes(b"-----BEGIN CERTIFICATE-----\n")
    _wizard, page = deploy_page_filled(qtbot, tmp_path / "settings.ini", folder, deployment)
    assert page.sheet is not None, page.message.plain_text()
    assert page.sheet_box.toPlainText() == (GOLDEN / "single-v3.txt").read_text(), page.message.plain_text()
