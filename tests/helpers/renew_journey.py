"""The renewal flow driven as a person does, up to its commands page (shared by the journeys that start there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.pki.ca import Usage, issue_certificate
from cmswizard.pki.loader import load_file

from helpers.factory import Issued, hierarchy
from helpers.journey import choose_flow, click, make_wizard, press_mnemonic, press_next


def to_the_renewal_commands(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Renew `callbridge-2025.crt` (made here) in tmp_path/out: generate the key and CSR, sign it, open the
    answer, and stop on the commands page. Returns (wizard, the commands page)."""
    out = tmp_path / "out"
    wizard = make_wizard(qtbot, out)
    tree = hierarchy(depth=1, leaf_cn="cms.example.com", rsa_bits=2048)
    old = out / "callbridge-2025.crt"
    old.write_bytes(tree.leaf.pem)
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [old])
    choose_flow(qtbot, wizard, FlowKey.RENEW)
    request = wizard.currentPage()
    with qtbot.waitSignal(wizard.tasks.idle, timeout=10_000):
        press_mnemonic(qtbot, wizard, request.choose_button)
    press_next(qtbot, wizard)
    generate = wizard.currentPage()
    with qtbot.waitSignal(generate.generated, timeout=60_000):
        press_mnemonic(qtbot, wizard, generate.generate_button)
    csr = load_file(out / f"{request.basename.text()}.csr").csrs[0]
    issuer = tree.intermediates[0]
    answer = out / "callbridge-new.crt"
    answer.write_bytes(
        Issued(issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate, issuer.key).pem
    )
    monkeypatch.setattr(dialogs, "open_file_names", lambda *args: [answer])
    with qtbot.waitSignal(generate.compared, timeout=10_000):
        click(qtbot, generate.new_button)
    press_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RENEW_SHEET
    return wizard, wizard.currentPage()
