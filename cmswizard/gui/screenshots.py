"""`make screenshots`: every page of the wizard with realistic sample data, as PNG files.

Run with `python -m cmswizard.gui.screenshots OUT_DIR [--lang zh_TW]`. Sample certificates are made
in a temporary folder with the engine; nothing outside OUT_DIR is written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import ssl
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QWizard

from cmswizard.cms.endpoints import TlsService
from cmswizard.gui import dialogs
from cmswizard.gui.flows import FlowKey, PageId
from cmswizard.gui.launch import create_application
from cmswizard.gui.pages.bundle import ChainBuilderPage
from cmswizard.gui.pages.check import CheckPage
from cmswizard.gui.pages.csr import DeploymentPage, GeneratePage, SubjectPage
from cmswizard.gui.pages.dbcluster import DbClusterPage, DbResultPage
from cmswizard.gui.pages.deploy import DeploySheetPage
from cmswizard.gui.pages.export import ExportPage
from cmswizard.gui.pages.probe import ProbeResultPage, ProbeSetupPage
from cmswizard.gui.pages.renew import RenewGeneratePage, RenewRequestPage, RenewSheetPage
from cmswizard.gui.settings import Settings
from cmswizard.gui.wizard import CmsWizard
from cmswizard.pki.bundle import bundle_bytes
from cmswizard.pki.chain import make_item


def _settle(seconds: float = 0.05) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _wait(condition: Callable[[], bool], timeout: float = 60) -> None:
    waited = 0.0
    while not condition() and waited < timeout:
        _settle(0.05)
        waited += 0.05


def _sample_chain(folder: Path) -> list[Path]:
    """An internal CA and a Web Bridge 3 certificate made with the engine, saved as a CA hands them out."""
    from cmswizard.pki.ca import issue_certificate, make_self_signed_ca
    from cmswizard.pki.csr import build_csr
    from cmswizard.pki.keys import generate_private_key, private_key_pem
    from cmswizard.pki.names import SanEntry, SanKind
    from cmswizard.pki.spec import CsrSpec, KeyType

    root_key, root = make_self_signed_ca(CsrSpec("root", "Example Root CA", o="Example Corp", c="TW"))
    leaf_key = generate_private_key(KeyType.RSA2048)
    spec = CsrSpec(
        "webbridge3-2026",
        "join.example.com",
        o="Example Corp",
        c="TW",
        san=(SanEntry(SanKind.DNS, "join.example.com"), SanEntry(SanKind.DNS, "cms1.example.com")),
    )
    leaf = issue_certificate(build_csr(spec, leaf_key), root_key, root).certificate
    paths = [folder / "join.pem", folder / "Example Root CA.pem", folder / "webbridge3-2026.key"]
    paths[0].write_bytes(bundle_bytes([make_item(leaf)]))
    paths[1].write_bytes(bundle_bytes([make_item(root)]))
    paths[2].write_bytes(private_key_pem(leaf_key))
    return paths


@contextlib.contextmanager
def _loopback_tls(host: str, chain: Path, key: Path) -> Iterator[int]:
    """A TLS server on a free loopback port presenting `chain`, for the probe's pictures."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain, key)
    listener = socket.create_server((host, 0), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with contextlib.suppress(OSError), conn, context.wrap_socket(conn, server_side=True) as tls:
                tls.settimeout(2)
                tls.recv(1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def _probe_and_renew(wizard: CmsWizard, work: Path, files: list[Path], shot: Callable[[str], None]) -> None:
    """Check a running server (a full chain on 127.0.0.1, the certificate alone on ::1), then renew."""
    full = work / "join-fullchain.pem"
    full.write_bytes(files[0].read_bytes() + files[1].read_bytes())
    with _loopback_tls("127.0.0.1", full, files[2]) as good, _loopback_tls("::1", files[0], files[2]) as bad:
        wizard.start_flow(FlowKey.PROBE)
        setup = wizard.page_as(PageId.PROBE, ProbeSetupPage)
        setup.hosts.setText(f"127.0.0.1:{good} [::1]:{bad}")
        setup.names.setText("join.example.com")
        for service, box in setup.service_boxes.items():
            box.setChecked(service is TlsService.WEBBRIDGE3)
        shot("14-probe")
        wizard.next()
        result = wizard.page_as(PageId.PROBE_RESULT, ProbeResultPage)
        _wait(lambda: not result.running)
        shot("15-probe-results")
        result.renew_button.click()
    request = wizard.page_as(PageId.RENEW_REQUEST, RenewRequestPage)
    request.folder.setText(str(work))
    shot("16-renew-request")
    wizard.next()
    generate = wizard.page_as(PageId.RENEW_GENERATE, RenewGeneratePage)
    generate.generate_button.click()
    _wait(lambda: not generate.running)
    from cmswizard.pki.ca import issue_certificate, make_self_signed_ca
    from cmswizard.pki.loader import load_file
    from cmswizard.pki.spec import CsrSpec

    new_key, new_ca = make_self_signed_ca(CsrSpec("newca", "Example Issuing CA 2026", o="Example Corp", c="TW"))
    assert generate.state.result is not None
    csr = load_file(generate.state.result.csr_path).csrs[0]
    new = work / "join-2026.crt"
    # Web Bridge 3 takes one full-chain file (the renewal page refuses a leaf alone): the CA's answer as the
    # chain builder writes it, the certificate then its (here self-signed) issuer
    leaf = issue_certificate(csr, new_key, new_ca).certificate
    new.write_bytes(bundle_bytes([make_item(leaf), make_item(new_ca)]))
    original = dialogs.open_file_names
    dialogs.open_file_names = lambda *_args: [new]
    try:
        generate.new_button.click()
    finally:
        dialogs.open_file_names = original
    _wait(lambda: generate.comparison.topLevelItemCount() > 0)
    shot("17-renew-compare")
    wizard.next()
    sheet = wizard.page_as(PageId.RENEW_SHEET, RenewSheetPage)
    sheet.bundle.setText("example-ca-bundle.crt")
    shot("18-renew-sheet")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screenshots")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    from cmswizard.gui.i18n import install_language

    install_language(app, args.lang)
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        settings = Settings.at(work / "settings.ini")
        settings.set("output/folder", str(work))
        settings.set("subject/O", "Example Corp")
        settings.set("subject/OU", "IT")
        settings.set("subject/ST", "Taipei")
        settings.set("subject/C", "TW")
        wizard = CmsWizard(settings)
        wizard.resize(980, 760)
        wizard.show()

        def shot(name: str) -> None:
            _settle()
            wizard.grab().save(str(args.out / f"{name}{suffix}.png"))
            print(f"wrote {args.out / f'{name}{suffix}.png'}")

        shot("01-start")
        wizard.next()
        page = wizard.page_as(PageId.DEPLOYMENT, DeploymentPage)
        page.cluster.setChecked(True)
        page.nodes.setPlainText("cms1.example.com\ncms2.example.com\ncms3.example.com")
        page.join_url.setText("join.example.com")
        page.service_checks[next(iter(page.service_checks))].setChecked(True)
        shot("02-deployment")
        items = [page.proposals.topLevelItem(i) for i in range(page.proposals.topLevelItemCount())]
        page.proposals.setCurrentItem(next(i for i in items if i is not None and i.text(0).startswith("webbridge3")))
        wizard.next()
        shot("03-subject")
        subject = wizard.page_as(PageId.SUBJECT, SubjectPage)
        subject.country.setEditText("UK")
        subject.basename.setText("webbridge3.key")
        shot("03-subject-errors")
        wizard.show_help("basename")  # what the field message's Help link opens
        _settle()
        if wizard.help_window is not None:
            wizard.help_window.grab().save(str(args.out / f"03-subject-help{suffix}.png"))
            print(f"wrote {args.out / f'03-subject-help{suffix}.png'}")
            wizard.help_window.close()
        subject.country.set_code("TW")
        subject.basename.setText("webbridge3-2026")
        wizard.next()
        shot("04-preview")
        wizard.button(QWizard.WizardButton.CommitButton).click()
        _wait(lambda: not wizard.page_as(PageId.GENERATE, GeneratePage).running)
        shot("05-generate")

        files = _sample_chain(work)
        wizard.start_flow(FlowKey.BUNDLE)
        chain = wizard.page_as(PageId.CHAIN, ChainBuilderPage)
        chain.load_paths(files)
        _wait(lambda: chain.loading == 0)
        chain.basename.setText("webbridge3-2026")
        model = chain.model
        model.apply_order(sorted(model.items(), key=lambda item: not item.is_ca))  # the user's (wrong) order
        shot("06-bundle-broken")
        chain.auto_button.click()
        shot("07-bundle-ordered")

        wizard.start_flow(FlowKey.DBCLUSTER)
        db = wizard.page_as(PageId.DB_CLUSTER, DbClusterPage)
        db.domain.setText("tplab.local")
        db.primary.setText("cmscore1.example.com")
        db.joining.setPlainText("cmscore2.example.com\ncmscore3.example.com")
        db.connecting.setPlainText("cmsedge1.example.com")
        db.folder.setText(str(work))
        shot("08-dbcluster")
        wizard.next()
        _wait(lambda: not wizard.page_as(PageId.DB_RESULT, DbResultPage).running)
        shot("09-dbcluster-commands")

        wizard.start_flow(FlowKey.CHECK)
        check = wizard.page_as(PageId.CHECK, CheckPage)
        check.add_paths([work / "dbserver.crt", work / "dbca.crt", work / "dbclient.key", *files])
        _wait(lambda: check.loading == 0)
        shot("10-check")

        from cmswizard.export.volumes import Volume

        stick = work / "STICK"
        stick.mkdir()
        export = wizard.page_as(PageId.EXPORT, ExportPage)
        export.volume_source = lambda: [Volume(stick, "CMSSTICK", "vfat", 7_800_000_000, True, False)]
        # Web Bridge 3 takes the full chain (the page refuses join.pem, the certificate alone, as the CA sent it)
        (work / "join-fullchain.pem").write_bytes(files[0].read_bytes() + files[1].read_bytes())
        wizard.start_flow(FlowKey.DEPLOY)
        deploy = wizard.page_as(PageId.DEPLOY_SHEET, DeploySheetPage)
        deploy.nodes.setText("cmscore1.example.com cmscore2.example.com cmscore3.example.com")
        deploy.cluster.setChecked(True)
        deploy.folder.setText(str(work))
        from cmswizard.cms.services import Service

        deploy.rows.clear()
        deploy.add_service_row(Service.WEBBRIDGE3, "webbridge3-2026.key", "join-fullchain.pem")
        deploy.db.setChecked(True)
        deploy.db_primary.setText("cmscore1.example.com")
        deploy.db_join.setText("cmscore2.example.com cmscore3.example.com")
        shot("11-deploy-commands")
        wizard.next()
        shot("11b-upload")
        wizard.next()  # Apply on the server (over SSH), then the stick
        shot("11c-apply")
        wizard.next()
        shot("12-export")
        export.copy_button.click()
        _wait(lambda: not export.running)
        shot("13-export-done")
        _probe_and_renew(wizard, work, files, shot)
        wizard.close()
    QCoreApplication.processEvents()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
