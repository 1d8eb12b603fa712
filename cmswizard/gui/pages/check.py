"""The Check flow: inspect, match and verify everything the user drops, in plain words."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from cmswizard.cms.services import eku_report
from cmswizard.gui import dialogs, style
from cmswizard.gui.calendar import save_expiry_calendar
from cmswizard.gui.flows import CheckFlowState
from cmswizard.gui.i18n import error_text, labelled, shown_value, translated
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.pki.chain import make_item
from cmswizard.pki.check import CheckReport, check_files
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.loader import LoadedFile, PasswordRequired, WrongPassword, load_file


class CheckPage(WizardPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Check certificates"))
        self.setSubTitle(
            self.tr(
                "Drop keys, CSRs, certificates and bundles: every key is matched, every certificate "
                "verified against the CAs given, everything sorted by expiry."
            )
        )
        self.setAcceptDrops(True)
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Files to check"))
        self.files.setMaximumHeight(96)
        self.add_button = QPushButton(self.tr("&Add files…"), self)
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        self.copy_button = QPushButton(self.tr("&Copy as text"), self)
        self.calendar_button = QPushButton(self.tr("&Save calendar (.ics)…"), self)
        self.calendar_saved = QLabel(self)
        self.calendar_saved.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.problems_view = QTextBrowser(self)
        self.cards = QTextBrowser(self)
        self.expiry = QTreeWidget(self)
        self.expiry.setHeaderLabels(
            [self.tr("Expires"), self.tr("Days left"), self.tr("Role"), self.tr("CN"), self.tr("File")]
        )
        self.expiry.setRootIsDecorated(False)
        self.tabs.addTab(self.problems_view, self.tr("&Results"))
        self.tabs.addTab(self.cards, self.tr("&Details"))
        self.tabs.addTab(self.expiry, self.tr("E&xpiry"))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.clear_button, self.copy_button, self.calendar_button):
            buttons.addWidget(button)
        buttons.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.files, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.calendar_saved)
        self.add_button.clicked.connect(self._choose)
        self.clear_button.clicked.connect(self.clear)
        self.loading = 0
        self.report = CheckReport()
        self.copy_button.clicked.connect(self.copy_text)
        self.calendar_button.clicked.connect(self.save_calendar)
        self._show()

    @property
    def state(self) -> CheckFlowState:
        return self.host.flows.check

    def flow_state(self) -> object:
        return self.state

    def reset(self) -> None:
        self.files.clear()
        self.calendar_saved.clear()
        self._recheck()

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.report.as_text())

    def save_calendar(self) -> None:
        """The expiry of every certificate checked, as calendar events with reminders."""
        from cmswizard.export.calendar import ExpiryEntry

        entries = [
            ExpiryEntry(certificate, Path(loaded.name).name)
            for loaded in self.state.loaded
            for certificate in loaded.certificates
        ]
        save_expiry_calendar(
            self,
            entries,
            self.calendar_saved,
            title=self.tr("Save the expiry calendar"),
            file_filter=self.tr("Calendar (*.ics)"),
            saved=self.tr("✓ Saved {file}: one event per certificate, reminders 60, 30 and 7 days before"),
            beside=Path(self.state.loaded[0].name).parent if self.state.loaded else None,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths([Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()])
        event.acceptProposedAction()

    def _choose(self) -> None:
        self.add_paths(dialogs.open_file_names(self, self.tr("Files to check"), self.host.flows.folder))

    def clear(self) -> None:
        self.state.loaded.clear()
        self.state.errors.clear()
        self.files.clear()
        self._recheck()

    def add_paths(self, paths: list[Path], password: bytes | None = None) -> None:
        for path in paths:
            self._load(path, password)

    def _load(self, path: Path, password: bytes | None) -> None:
        self.loading += 1
        self.host.tasks.run(
            self, lambda: load_file(path, password=password), self._loaded, lambda error: self._failed(path, error)
        )

    def _loaded(self, loaded: LoadedFile) -> None:
        self.loading -= 1
        self.state.loaded.append(loaded)
        parts = [
            self.tr("{n} certificate(s)").format(n=len(loaded.certificates)) if loaded.certificates else "",
            self.tr("{n} key(s)").format(n=len(loaded.keys)) if loaded.keys else "",
            self.tr("{n} CSR(s)").format(n=len(loaded.csrs)) if loaded.csrs else "",
        ]
        self.files.addItem(f"{Path(loaded.name).name} — {loaded.format.value}: {', '.join(p for p in parts if p)}")
        self._recheck()

    def _failed(self, path: Path, error: Exception) -> None:
        self.loading -= 1
        if isinstance(error, PasswordRequired):
            password = dialogs.ask_password(self, path, wrong=isinstance(error, WrongPassword))
            if password is not None:
                self._load(path, password)
                return
            if not isinstance(error, WrongPassword):
                return
        self.state.errors.append(error_text(error) if isinstance(error, CmsInputError) else f"{path}: {error}")
        self.files.addItem(f"✗ {path.name}")
        self._recheck()

    def _recheck(self) -> None:
        self.report = check_files(self.state.loaded)
        self._show()

    def _service_fit(self) -> list[str]:
        """Per entity certificate: the CMS services its EKU fits, and those it cannot serve (PA 12.x Security; public CAs dropping clientAuth)."""
        items = []
        for loaded in self.state.loaded:
            for certificate in loaded.certificates:
                if make_item(certificate).is_ca:
                    continue
                report = eku_report(certificate)
                colour = style.hex_colour(style.Role.OK if len(report) == 1 else style.Role.WARNING, self)
                text = "<br>".join(html.escape(translated(line)) for line in report)
                items.append(
                    f'<li><b>{html.escape(Path(loaded.name).name)}</b>: <span style="color:{colour}">{text}</span></li>'
                )
        return items

    def _warnings(self) -> list[str]:
        """What is not wrong yet but needs the admin: a certificate expiring within 30 days, and (when keys were
        given) an entity certificate none of them belongs to."""
        found = [
            self.tr("⚠ {cn} ({file}) expires in {days} days, on {date}: renew it now").format(
                cn=entry.cn, file=Path(entry.file).name, days=entry.days_left, date=entry.not_after
            )
            for entry in self.report.expiry
            if 0 <= entry.days_left < 30
        ]
        if any(loaded.keys for loaded in self.state.loaded):
            keyed = {Path(m.target_file).name for m in self.report.matches if m.matches}
            for loaded in self.state.loaded:
                leaves = [c for c in loaded.certificates if not make_item(c).is_ca]
                if leaves and Path(loaded.name).name not in keyed:
                    found.append(
                        self.tr(
                            "⚠ {file}: none of the keys given belongs to it; add its .key to check the pair"
                        ).format(file=Path(loaded.name).name)
                    )
        return found

    def _show(self) -> None:
        report = self.report
        problems = [translated(p) for p in report.problems()] + self.state.errors
        problems = [p if p.startswith("✗") else f"✗ {p}" for p in problems]  # every problem line with its mark
        warnings = self._warnings()
        if not self.state.loaded and not self.state.errors:
            self.summary.setText(self.tr("Drop files here or use Add files."))
        elif problems or warnings:
            text = (
                self.tr("✗ {n} problem(s) found").format(n=len(problems))
                if problems
                else self.tr("⚠ To look at: {n}").format(n=len(warnings))
            )
            role = style.Role.ERROR if problems else style.Role.WARNING
            self.summary.setText(f'<span style="color:{style.hex_colour(role, self)}">{text}</span>')
        else:
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.OK, self)}">{self.tr("✓ No problems found")}</span>'
            )
        blocks = []
        if problems:
            heading = self.tr("Problems")
            items = "".join(
                f'<li style="color:{style.hex_colour(style.Role.ERROR, self)}">{html.escape(p)}</li>' for p in problems
            )
            blocks.append(f"<h3>{heading}</h3><ul>{items}</ul>")
        if warnings:
            heading = self.tr("To look at")
            items = "".join(
                f'<li style="color:{style.hex_colour(style.Role.WARNING, self)}">{html.escape(w)}</li>'
                for w in warnings
            )
            blocks.append(f"<h3>{heading}</h3><ul>{items}</ul>")
        if report.matches:
            heading = self.tr("Keys")
            items = "".join(
                f'<li style="color:{style.hex_colour(style.Role.OK if ok else style.Role.ERROR, self)}">{"✓" if ok else "✗"} {html.escape(translated(line))}</li>'
                for ok, line in report.key_results()
            )
            blocks.append(f"<h3>{heading}</h3><ul>{items}</ul>")
        if report.verifications:
            heading, chain_word = self.tr("Chains"), self.tr("chain")
            rows = []
            for row in report.verifications:
                colour = style.hex_colour(style.Role.OK if row.result.ok else style.Role.ERROR, self)
                line = f'<li><span style="color:{colour}">{html.escape(translated(row.text()))}</span>'
                # "verified: …" already names the chain; a failure names only the link, so show how far it got.
                if not row.result.ok and row.result.chain:
                    chain = " → ".join(html.escape(i.subject_cn) for i in row.result.chain)
                    line += f"<br>{labelled(chain_word, chain)}"  # the same size as the line it explains
                rows.append(line + "</li>")
            blocks.append(f"<h3>{heading}</h3><ul>{''.join(rows)}</ul>")
        services = self._service_fit()
        if services:
            heading = self.tr("CMS services (extended key usage)")
            blocks.append(f"<h3>{heading}</h3><ul>{''.join(services)}</ul>")
        for note in report.notes:
            blocks.append(
                f'<p style="color:{style.hex_colour(style.Role.WARNING, self)}">{html.escape(translated(note))}</p>'
            )
        self.problems_view.setHtml("".join(blocks))
        cards = []
        for facts in report.facts:
            cells = "".join(
                f'<tr><td style="padding-right:12px"><b>{html.escape(translated(label))}</b></td>'
                f"<td>{html.escape(shown_value(value))}</td></tr>"
                for label, value in facts.rows()
            )
            cards.append(f'<table cellspacing="2" cellpadding="4" style="margin-bottom:12px">{cells}</table><hr>')
        self.cards.setHtml("".join(cards))
        self.expiry.clear()
        for entry in report.expiry:
            item = QTreeWidgetItem(
                [entry.not_after, str(entry.days_left), translated(entry.role), entry.cn, Path(entry.file).name]
            )
            if entry.days_left < 0:
                for column in range(5):
                    item.setForeground(column, style.colour(style.Role.ERROR, self))
            elif entry.days_left < 30:
                item.setForeground(1, style.colour(style.Role.WARNING, self))
            self.expiry.addTopLevelItem(item)
        for column in range(5):
            self.expiry.resizeColumnToContents(column)
        self.copy_button.setEnabled(bool(self.state.loaded))
        self.calendar_button.setEnabled(any(loaded.certificates for loaded in self.state.loaded))
