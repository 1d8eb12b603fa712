"""The chain builder: drop what the CA sent back, see every link checked, save the exact bundle."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cmswizard.cms.mmp_syntax import bundle_usage
from cmswizard.cms.services import eku_report
from cmswizard.gui import dialogs, style, tuning
from cmswizard.gui.flows import BundleFlowState
from cmswizard.gui.i18n import error_text, translated
from cmswizard.gui.models.certificate_card import CertificateCard
from cmswizard.gui.models.chain import ChainModel
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.gui.tasks import CancelToken, Task
from cmswizard.gui.widgets import CommandBox
from cmswizard.pki.bundle import BundleKind, suggested_name
from cmswizard.pki.chain import ChainItem, collect
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, write_files
from cmswizard.pki.loader import LoadedFile, PasswordRequired, Progress, WrongPassword, load_bytes, load_file

_BIG_PILE = 1000  # certificates in one file


def _eku_lines(chain: list[ChainItem]) -> list[str]:
    """Which CMS services the entity certificate's EKU fits (PA 12.x Security; public CAs dropping clientAuth)."""
    if not chain or chain[0].is_ca:
        return []
    report = eku_report(chain[0].certificate)
    colour = style.hex_colour(style.Role.OK if len(report) == 1 else style.Role.WARNING)
    return [f'<span style="color:{colour}">{html.escape(translated(line))}</span>' for line in report]


def _number(n: int) -> str:
    """10,000 rather than 10000, as the language writes it."""
    return QLocale().toString(n)


def _file_stem(text: str) -> str:
    """A CN (or anything) as a file-name stem CMS accepts: letters, digits, '-' and '_' only."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", text.replace("*", "wildcard")).strip("-_")
    return stem or "bundle"


def _read(path: Path, password: bytes | None, progress: Progress) -> tuple[LoadedFile, list[ChainItem]]:
    """On a worker: read the file and fingerprint its certificates (10,000 take a while)."""
    loaded = load_file(path, password=password, progress=progress)
    return loaded, collect([loaded])


class ChainBuilderPage(WizardPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Build a certificate bundle"))
        self.setSubTitle(
            self.tr(
                "Drop the files your CA sent (.cer, .crt, .p7b, .pfx, PEM) and put them in order: "
                "entity on top, root at the bottom."
            )
        )
        self.model = ChainModel(self, host.tasks)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(CertificateCard(self.view))
        self.view.setUniformItemSizes(True)  # every card is the same height: no size pass over all rows
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # 10,000 rows laid out over several turns
        self.view.setBatchSize(500)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAccessibleName(self.tr("Certificates in bundle order"))
        self.view.setMinimumHeight(200)
        self.add_button = QPushButton(self.tr("&Add files…"), self)
        self.paste_button = QPushButton(self.tr("&Paste PEM"), self)
        self.auto_button = QPushButton(self.tr("Au&to-order"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_unrelated_button = QPushButton(self.tr("Remove unre&lated"), self)
        self.start_over_button = QPushButton(self.tr("Start &over"), self)
        self.start_over_button.setToolTip(self.tr("Remove every certificate and key from this page"))
        self.up_button.setToolTip(self.tr("Ctrl+Up"))
        self.down_button.setToolTip(self.tr("Ctrl+Down"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.key_status = QLabel(self)
        self.key_status.setWordWrap(True)
        self.full = QRadioButton(self.tr("Full chain (&Web Bridge 3, TURN)"), self)
        self.ca_bundle = QRadioButton(self.tr("&CA bundle (Call Bridge, Web Admin, XMPP)"), self)
        self.entity = QRadioButton(self.tr("&Entity only"), self)
        self.kinds = QButtonGroup(self)
        for number, button in enumerate((self.full, self.ca_bundle, self.entity)):
            self.kinds.addButton(button, number)
        self.full.setChecked(True)
        self.include_root = QCheckBox(self.tr("&Include the root CA"), self)
        self.include_root.setChecked(True)
        self.basename = QLineEdit(self)
        self.basename.setAccessibleName(self.tr("Basename for the file name"))
        self.basename.setPlaceholderText(self.tr("basename, e.g. webbridge3-2026"))
        self.preview = CommandBox(self)
        self.preview.setAccessibleName(self.tr("Exact file contents"))
        self.preview.setLineWrapMode(CommandBox.LineWrapMode.NoWrap)
        self.bytes_label = QLabel(self)
        self.bytes_label.setWordWrap(True)
        self.usage = QLabel(self)
        self.usage.setWordWrap(True)
        self.usage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("&Save bundle…"), self)
        self.p12_button = QPushButton(self.tr("Save as PKCS#&12…"), self)
        self.p12_button.setToolTip(
            self.tr("Key, certificate and chain in one .p12/.pfx file for Windows and appliances")
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        busy_box = QWidget(self)
        busy_row = QHBoxLayout(busy_box)
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.progress, 1)
        busy_row.addWidget(self.cancel_button)
        # The message, or while a file is read or checked the bar (which says what it does) and Cancel,
        # in one place: showing the bar neither moves nor resizes the list of cards (that would lay out
        # and repaint every visible card at the start and end of a check), and no empty row is kept for it.
        self.status = QStackedWidget(self)
        self.status.addWidget(self.message)
        self.status.addWidget(busy_box)
        # As high as the bar even when the message is one line; and the message counts while the bar
        # hides it (else a stack of Qt's measures its height one way when idle, another when busy).
        self.status.setMinimumHeight(busy_box.sizeHint().height())
        self._busy_box, self._busy_row_painted = busy_box, False
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        # The status lines keep the height they usually need (the summary two lines, key and message
        # one each), so a check starting or ending changes their text, not the size of the list; the
        # text sits at the top of that room, so a one-line text does not float in the middle of two.
        line = self.fontMetrics().lineSpacing()
        for label, lines in ((self.summary, 2), (self.key_status, 1), (self.message, 1)):
            label.setMinimumHeight(lines * line + 2)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        # The buttons that start a read or a check (and go grey while it runs).
        self._busy_buttons: tuple[QWidget, ...] = (
            self.add_button,
            self.paste_button,
            self.auto_button,
            self.up_button,
            self.down_button,
            self.remove_button,
            self.remove_unrelated_button,
        )
        buttons = QVBoxLayout()
        for action_button in (*self._busy_buttons, self.start_over_button):
            buttons.addWidget(action_button)
        buttons.addStretch()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_row = QHBoxLayout()
        list_row.addWidget(self.view, 1)
        list_row.addLayout(buttons)
        left_layout.addLayout(list_row, 1)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.key_status)
        left_layout.addWidget(self.status)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        kind_row = QHBoxLayout()
        for button in (self.full, self.ca_bundle, self.entity):
            kind_row.addWidget(button)
        kind_row.addStretch()
        right_layout.addLayout(kind_row)
        options = QHBoxLayout()
        options.addWidget(self.include_root)
        options.addWidget(QLabel(self.tr("File name from:"), self))
        options.addWidget(self.basename, 1)
        options.addWidget(self.save_button)
        options.addWidget(self.p12_button)
        right_layout.addLayout(options)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.bytes_label)
        right_layout.addWidget(self.usage)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.add_button.clicked.connect(self._choose_files)
        self.paste_button.clicked.connect(self.paste)
        self.auto_button.clicked.connect(self._auto_order)
        self.up_button.clicked.connect(self._move_up)
        self.down_button.clicked.connect(self._move_down)
        self.remove_button.clicked.connect(self._remove_selected)
        self.remove_unrelated_button.clicked.connect(self._remove_unrelated)
        self.start_over_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self._save_clicked)
        self.p12_button.clicked.connect(self._p12_clicked)
        QShortcut(QKeySequence("Ctrl+Up"), self, self._move_up)
        QShortcut(QKeySequence("Ctrl+Down"), self, self._move_down)
        self.model.order_changed.connect(self.refresh)
        self.model.checking.connect(self._checking)
        self.model.progressed.connect(self._progressed)
        self.model.files_dropped.connect(self.load_paths)
        self.kinds.idToggled.connect(self.refresh)
        self.include_root.toggled.connect(self.refresh)
        self.basename.textChanged.connect(self.refresh)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.loading = 0
        self._reads: set[Task] = set()  # files being read: Cancel stops them where they are, drops what they read
        # Files read side by side finish in any order; they join the list in the order they were chosen.
        self._tickets = 0  # handed out, one per file read
        self._next_ticket = 0  # the file whose result is added next
        self._arrived: dict[int, Callable[[], None]] = {}  # results waiting for an earlier file
        self._adding = False
        self._shown: tuple[object, ...] = ()  # what refresh() last showed
        self._said_when_checked = ""  # what a file added: said once its check is done (Cancel drops it)
        self._filled_basename = ""  # the basename this page filled in (from a matching key), not typed
        self._focus_after_busy: QWidget | None = None
        self._reading_text = ""  # the bar's text while the last file added is read
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._busy_row_painted:
            self._busy_row_painted = True
            QTimer.singleShot(0, self._paint_busy_row_once)

    def _paint_busy_row_once(self) -> None:
        """Paint the bar and Cancel once, off screen, while the page waits for its first file: the
        style's first drawing of them (caches, glyphs) is not then added to the frame that shows them."""
        self._busy_box.grab()

    @property
    def state(self) -> BundleFlowState:
        return self.host.flows.bundle

    def flow_state(self) -> object:
        return self.state

    def reset(self) -> None:
        """A fresh bundle flow (or Start over): nothing of the previous one stays."""
        self._stop_loads()
        self.model.clear()
        self.basename.setText(self.state.basename)
        self.full.setChecked(True)
        self.include_root.setChecked(True)
        self.message.clear()
        self._filled_basename = ""
        self.state.saved = None
        if self.state.expected_key is not None:  # coming from the CSR flow: the key just made
            self.load_paths([self.state.expected_key])
        if self.state.preload:  # coming from a page that refused a leaf-only file: that file
            self.load_paths(list(self.state.preload))
        self._show_busy()
        self.refresh()

    def has_unsaved_input(self) -> bool:
        return self.model.rowCount() > 0 and self.state.saved is None

    def _auto_order(self) -> None:
        self.model.auto_order()

    def _remove_unrelated(self) -> None:
        self.model.remove_unrelated()

    def _move_up(self) -> None:
        self.move_selected(-1)

    def _move_down(self) -> None:
        self.move_selected(+1)

    def _save_clicked(self) -> None:
        self.save()

    # --- loading ----------------------------------------------------------------------------
    def _choose_files(self) -> None:
        paths = dialogs.open_file_names(
            self,
            self.tr("Certificates to add"),
            self.state.folder,
            self.tr("Certificates (*.crt *.cer *.pem *.der *.p7b *.p7c *.pfx *.p12 *.key);;All files (*)"),
        )
        self.load_paths(paths)

    def load_paths(self, paths: list[Path], password: bytes | None = None) -> None:
        for path in paths:
            self._load_one(path, password)

    def _load_one(self, path: Path, password: bytes | None) -> None:
        self.loading += 1
        self._show_busy()
        self._reading_text = self.tr("Reading {name}… %p%").format(name=path.name)
        if not self.model.busy():  # a running check keeps its own text
            self.progress.setFormat(self._reading_text)
        ticket, self._tickets = self._tickets, self._tickets + 1

        def work(token: CancelToken, report: Callable[[int, int, str], None]) -> tuple[LoadedFile, list[ChainItem]]:
            def progress(done: int, total: int) -> None:
                token.check()
                report(done, total, "")

            return _read(path, password, progress)

        read = self.host.tasks.run_cancellable_with_progress(
            self,
            work,
            lambda done, total, _what: self._read_progress(done, total),
            lambda result: self._arrive(read, ticket, lambda: self._loaded(*result)),
            lambda error: self._arrive(read, ticket, lambda: self._load_failed(path, error)),
        )
        self._reads.add(read)

    def _read_progress(self, done: int, total: int) -> None:
        if not self.model.busy():  # a running check shows its own count
            self._progressed(done, total)

    def _arrive(self, read: Task, ticket: int, add: Callable[[], None]) -> None:
        """A file was read (or failed): add it once every file chosen before it has been added."""
        self._reads.discard(read)
        self._arrived[ticket] = add
        if self._adding:  # a password dialog of an earlier file is open: the loop below goes on after it
            return
        self._adding = True
        try:
            while self._next_ticket in self._arrived:
                self._next_ticket += 1
                self._arrived.pop(self._next_ticket - 1)()
        finally:
            self._adding = False

    def _loaded(self, loaded: LoadedFile, items: list[ChainItem] | None = None) -> None:
        self.loading -= 1
        if len(loaded.certificates) >= _BIG_PILE:
            tuning.freeze_long_lived()  # thousands of certificates live as long as the pile
        added = self.model.add_items(
            collect([loaded]) if items is None else items, [(loaded.name, key) for key in loaded.keys]
        )
        if added and loaded.keys:
            said = (
                self.tr("{name}: 1 new certificate and a private key")
                if added == 1
                else self.tr("{name}: {count} new certificates and a private key")
            )
        elif added:
            said = self.tr("{name}: 1 new certificate") if added == 1 else self.tr("{name}: {count} new certificates")
        elif loaded.keys:
            said = self.tr("{name}: a private key")
        else:
            said = self.tr("{name}: no new certificate (each one is in the list already)")
        said = f"<span>{html.escape(said.format(name=Path(loaded.name).name, count=_number(added)))}</span>"
        if self.model.busy():  # the new certificates show once checked: say so then, not before
            self._said_when_checked = said
        else:
            self.message.setText(said)
        self._show_busy()

    def _load_failed(self, path: Path, error: Exception) -> None:
        self.loading -= 1
        self._show_busy()
        if isinstance(error, PasswordRequired):
            password = dialogs.ask_password(self, path, wrong=isinstance(error, WrongPassword))
            if password is not None:
                self.load_paths([path], password)
                return
            if not isinstance(error, WrongPassword):
                return
        text = error_text(error) if isinstance(error, CmsInputError) else f"{path}: {error}"
        self.message.setText(f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {text}</span>')

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        try:
            loaded = load_bytes(text.encode(), self.tr("clipboard"))
        except CmsInputError as error:
            self.message.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {error_text(error)}</span>'
            )
            return
        self._loaded_direct(loaded)

    def _loaded_direct(self, loaded: LoadedFile) -> None:
        self.loading += 1
        self._loaded(loaded, None)

    # --- long work: progress and Cancel --------------------------------------------------------
    def _show_busy(self) -> None:
        busy = self.loading > 0 or self.model.busy()
        was_busy = self.status.currentIndex() == 1
        if busy and not was_busy and not self.model.busy():
            # Reading a file: its reports fill the bar. Not Qt's busy animation, which repaints on
            # every frame (2 ms each) while the reading competes with the window for the interpreter.
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        # The button just pressed goes grey (or Cancel goes away): the keyboard focus goes to Cancel,
        # then back to that button, not on to whatever comes next (Start over, or Back).
        focused = QApplication.focusWidget()
        if busy and not was_busy:
            self.status.setCurrentIndex(1)
            if focused in self._busy_buttons:
                self._focus_after_busy = focused
                self.cancel_button.setFocus()
        self._update_buttons()
        if was_busy and not busy:
            if focused is self.cancel_button:
                back = self._focus_after_busy
                (back if back is not None and back.isEnabled() else self.add_button).setFocus()
            self.status.setCurrentIndex(0)

    def _checking(self, running: bool) -> None:
        if running:
            self.progress.setRange(0, max(self.model.checking_count(), 1))
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Checking the certificates… %p%"))
        else:
            self.progress.setFormat(self._reading_text)  # for a file still being read
            if self._said_when_checked:
                self.message.setText(self._said_when_checked)
                self._said_when_checked = ""
        self._show_busy()
        self.refresh()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel(self) -> None:
        """Stop loading and checking: what was shown before stays, nothing half-added."""
        self._stop_loads()
        self.model.cancel()
        self._said_when_checked = ""
        self.message.setText(self.tr("Cancelled: the list is as it was."))
        self._show_busy()
        self.refresh()

    def _stop_loads(self) -> None:
        """Files still being read stop where they are, and what they read is dropped (a cancelled task
        delivers nothing)."""
        for read in self._reads:
            read.cancel()
        self._reads.clear()
        self.loading = 0
        self._arrived.clear()
        self._next_ticket = self._tickets

    # --- order --------------------------------------------------------------------------------
    def move_selected(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if row >= 0 and self.model.move(row, row + step):
            self.view.setCurrentIndex(self.model.index(row + step))

    def _remove_selected(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove(row)

    def _update_buttons(self) -> None:
        row, count = self.view.currentIndex().row(), self.model.rowCount()
        idle = not self.model.busy()  # while a check runs the list scrolls but does not change
        self.up_button.setEnabled(idle and row > 0)
        self.down_button.setEnabled(idle and 0 <= row < count - 1)
        self.remove_button.setEnabled(idle and row >= 0)
        self.auto_button.setEnabled(idle and count > 1)
        self.remove_unrelated_button.setEnabled(idle and self.model.unrelated_count() > 0)
        self.view.setDragEnabled(idle)

    # --- output -------------------------------------------------------------------------------
    def kind(self) -> BundleKind:
        return (BundleKind.FULL_CHAIN, BundleKind.CA_BUNDLE, BundleKind.ENTITY)[max(self.kinds.checkedId(), 0)]

    def bundle_bytes(self) -> bytes | None:
        try:
            return self.model.bundle(self.kind(), self.include_root.isChecked())
        except CmsInputError:
            return None

    def file_name(self) -> str:
        items = self.model.chain_items()
        base = self.basename.text().strip() or (items[0].subject_cn.split(".")[0] if items else "bundle")
        return suggested_name(_file_stem(base), self.kind())

    def _fill_basename(self) -> None:
        """No basename typed: take the name of the key file that matches the entity certificate
        (cms1.pfx -> cms1), never that of a key for another server."""
        typed = self.basename.text()
        if typed and typed != self._filled_basename:
            return
        source = next((match.source for match in self.model.key_matches() if match.matches), "")
        stem = Path(source).stem
        if stem != typed:
            self._filled_basename = stem
            self.basename.setText(stem)  # refresh() again, with this name

    def refresh(self) -> None:
        self._update_buttons()
        if not self.model.busy():
            self._fill_basename()
        shown = (
            self.model.version(),
            self.model.busy(),
            self.kinds.checkedId(),
            self.include_root.isChecked(),
            self.basename.text(),
        )
        if shown == self._shown:  # a check ending says so twice (new order, then not busy)
            return
        self._shown = shown
        if self.model.busy():
            # Above SYNC_LIMIT certificates only: never one.
            self.summary.setText(self.tr("Checking {n} certificates…").format(n=_number(self.model.checking_count())))
            self.save_button.setEnabled(False)
            return
        ordering = self.model.ordering()
        count = self.model.rowCount()
        if count == 0:
            self.summary.setText(self.tr("No certificates yet: drop files here, or use Add files / Paste PEM."))
        elif ordering.ok and not self._starts_at_entity():
            # Only CA certificates: their links may check out, but there is no service certificate to chain
            self.summary.setText(
                style.coloured(
                    self.tr(
                        "⚠ No entity certificate is loaded: only CA certificates. Add the service's certificate "
                        "for a full chain, or save these as a CA bundle."
                    ),
                    style.Role.WARNING,
                    self,
                )
            )
        elif ordering.ok:
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.OK, self)}">'
                + self.tr("✓ Every link checks out.")
                + "</span>"
            )
        else:
            problems = ordering.problems()
            first = html.escape(translated(problems[0])) if problems else ""  # names from certificates: not markup
            said = self.tr("✗ 1 problem: {first}") if len(problems) == 1 else self.tr("✗ {n} problems: {first}")
            self.summary.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">'
                + said.format(n=_number(len(problems)), first=first)
                + "</span>"
            )
        unrelated = self.model.unrelated_count()
        if unrelated:
            said = (
                self.tr("1 unrelated certificate will be left out.")
                if unrelated == 1
                else self.tr("{n} unrelated certificates will be left out.")
            )
            self.summary.setText(self.summary.text() + "<br>" + said.format(n=_number(unrelated)))
        lines = []
        for match in self.model.key_matches():
            name = Path(match.source).name
            if match.matches:
                text = self.tr("✓ the private key in {source} matches the entity certificate")
                text = text.format(source=html.escape(name))
                lines.append(f'<span style="color:{style.hex_colour(style.Role.OK, self)}">{text}</span>')
            else:
                text = self.tr("✗ the private key in {source} does NOT match the entity certificate")
                text = text.format(source=html.escape(name))
                lines.append(f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">{text}</span>')
        lines += _eku_lines(self.model.chain_items())
        self.key_status.setText("<br>".join(lines))
        data = self.bundle_bytes()
        self.save_button.setEnabled(data is not None)
        self.p12_button.setEnabled(bool(self.model.chain_items()))
        if data is None:
            self.preview.setPlainText("")
            self.bytes_label.clear()
            self.usage.clear()
            return
        text = data.decode("ascii")
        self.preview.setPlainText(text)
        certificates = text.count("-----BEGIN CERTIFICATE-----")
        self.bytes_label.setText(
            self.tr(
                "{n} certificate(s), {size} bytes, LF line endings, no blank lines; the file ends with exactly one "
                "line break after the last -----END CERTIFICATE----- (the empty last line above)."
            ).format(n=certificates, size=len(data))
        )
        if self.kind() is BundleKind.FULL_CHAIN and not (ordering.ok and self._starts_at_entity()):
            # A name like Example-Root-CA-fullchain.crt for `webbridge3 https certs` would hand the MMP a file
            # that is not a service's chain: no name until the order starts at the entity certificate.
            self.usage.setText(self.tr("A full chain starts at the service's certificate: put it first to save one."))
            return
        self.usage.setText(
            self.tr("Use {file} as {usage}").format(
                file=self.file_name(), usage=translated(bundle_usage(self.kind(), self.file_name()))
            )
        )

    def _save_folder(self) -> Path:
        """Where the Save dialogs open: beside the certificates loaded (the entity's first), not the home folder."""
        for item in self.model.chain_items():
            for source in item.sources:
                folder = Path(source).parent
                if str(folder) not in ("", ".") and folder.is_dir():
                    return folder
        return self.state.folder

    def _starts_at_entity(self) -> bool:
        items = self.model.chain_items()
        return bool(items) and not items[0].is_ca

    def _p12_clicked(self) -> None:
        self.save_p12()

    def save_p12(self) -> bool:
        """Key + the chain as shown, in one PKCS#12 file (the key loaded here, or chosen now)."""
        from cmswizard.export.p12 import p12_from_chain
        from cmswizard.gui.p12_dialog import P12Choice
        from cmswizard.pki.loader import PasswordRequired, load_private_key

        chain = self.model.chain_items()
        if not chain:
            return False
        key = self.model.matching_key()
        if key is None:
            chosen = dialogs.open_file_names(
                self,
                self.tr("The private key of {cn}").format(cn=chain[0].subject_cn),
                self.state.folder,
                self.tr("Private keys (*.key *.pem)"),
            )
            if not chosen:
                return False
            try:
                try:
                    key = load_private_key(chosen[0])
                except PasswordRequired:
                    password = dialogs.ask_password(self, chosen[0])
                    if password is None:
                        return False
                    key = load_private_key(chosen[0], password=password)
            except CmsInputError as error:
                self.message.setText(
                    f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {error_text(error)}</span>'
                )
                return False
        choice = dialogs.ask_p12_options(self, self.include_root.isChecked())
        if not isinstance(choice, P12Choice):
            return False
        try:
            data, result = p12_from_chain(
                key, chain, password=choice.password, encryption=choice.encryption, include_root=choice.include_root
            )
        except CmsInputError as error:
            self.message.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {error_text(error)}</span>'
            )
            return False
        stem = _file_stem(self.basename.text().strip() or chain[0].subject_cn.split(".")[0])
        path = dialogs.save_file_name(
            self, self.tr("Save PKCS#12"), self._save_folder() / f"{stem}.p12", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if path is None:
            return False
        try:
            write_files([OutputFile(path, data, private=True, replace=True)])  # the dialog asked about replacing
        except CmsInputError as error:
            self.message.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {error_text(error)}</span>'
            )
            return False
        self.message.setText(
            f'<span style="color:{style.hex_colour(style.Role.OK, self)}">'
            + self.tr("✓ Saved {path} ({n} CA certificate(s), {how})").format(
                path=path, n=len(result.chain_names), how=translated(choice.encryption.label)
            )
            + "</span>"
        )
        return True

    def save(self) -> bool:
        data = self.bundle_bytes()
        if data is None:
            return False
        ordering = self.model.ordering()
        if not ordering.ok and not dialogs.confirm_risky(
            self,
            self.tr("Save a broken chain?"),
            self.tr("This order has problems:\n\n{problems}\n\nCMS will probably reject it. Save anyway?").format(
                problems="\n".join(translated(p) for p in ordering.problems()[:5])
            ),
            save=True,
        ):
            return False
        path = dialogs.save_file_name(
            self, self.tr("Save bundle"), self._save_folder() / self.file_name(), self.tr("Certificates (*.crt *.pem)")
        )
        if path is None:
            return False
        try:
            write_files([OutputFile(path, data, replace=True)])  # the save dialog already asked about replacing
        except CmsInputError as error:
            self.message.setText(
                f'<span style="color:{style.hex_colour(style.Role.ERROR, self)}">✗ {error_text(error)}</span>'
            )
            return False
        self.state.saved = path
        self.message.setText(
            f'<span style="color:{style.hex_colour(style.Role.OK, self)}">'
            + self.tr("✓ Saved {path}").format(path=path)
            + "</span>"
        )
        return True
