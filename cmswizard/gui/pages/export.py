"""Export to a USB stick: pick a drive (or folder), tick the files, copy with verification.

The drive list follows what is mounted: a drive that goes away takes the selection with it (never onto
another drive), and private keys go to a drive that is not removable only after the user says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from cmswizard.export.calendar import calendar_item
from cmswizard.export.copy import ExportItem, ExportResult, device_of, export_files, export_items
from cmswizard.export.readme import COMMANDS_NAME, export_folder_name, export_readme
from cmswizard.export.volumes import Volume, is_removable
from cmswizard.gui import dialogs, style
from cmswizard.gui.flows import DeployFlowState
from cmswizard.gui.i18n import error_text, listed, translated
from cmswizard.gui.models.folder_files import FILE_SUFFIXES
from cmswizard.gui.page import PageHost, WizardPage
from cmswizard.pki.errors import CmsInputError


def qt_volumes() -> list[Volume]:
    """Mounted, writable volumes as Qt sees them, with our removable detection."""
    volumes = []
    for storage in QStorageInfo.mountedVolumes():
        if not storage.isValid() or not storage.isReady():
            continue
        root = Path(storage.rootPath())
        device = bytes(storage.device().data()).decode(errors="replace")
        volumes.append(
            Volume(
                root,
                storage.displayName(),
                bytes(storage.fileSystemType().data()).decode(),
                storage.bytesAvailable(),
                is_removable(device, root),
                storage.isReadOnly(),
            )
        )
    return volumes


def _same_drive(a: Volume, b: Volume) -> bool:
    """The same mounted drive: its mount point, name and file system (the free space changes as we copy)."""
    return (a.root, a.label, a.file_system) == (b.root, b.label, b.file_system)


def _is_private_key(path: Path) -> bool:
    return path.suffix.lower() == ".key"


class ExportPage(WizardPage):
    """Pick a stick (or folder), tick the files, copy with verification."""

    def __init__(self, host: PageHost, volume_source: Callable[[], list[Volume]] = qt_volumes) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Export to a USB stick"))
        self.setSubTitle(
            self.tr(
                "Each file is written, flushed, read back and compared; SHA256SUMS and a README in "
                "English and Chinese are written last."
            )
        )
        self.volume_source = volume_source
        self.volumes = QListWidget(self)
        self.volumes.setAccessibleName(self.tr("Removable drives"))
        self.volumes.setMaximumHeight(90)
        self.other = QPushButton(self.tr("&Other folder…"), self)
        self.show_all = QCheckBox(self.tr("Show all dri&ves"), self)
        self.drive_note = QLabel(self)  # a drive that went away, said where the selection was
        self.drive_note.setWordWrap(True)
        self.drive_note.hide()
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Files to export"))
        self.add_files = QPushButton(self.tr("&Add files…"), self)
        self.key_warning = QLabel(self)
        self.key_warning.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Folder name on the stick"))
        self.copy_button = QPushButton(self.tr("&Copy to stick"), self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(110)
        self.summary.hide()
        form = QFormLayout()
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volumes, 1, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()  # no stretch here: the drive row keeps its height, the file list takes the rest
        side.addWidget(self.other)
        side.addWidget(self.show_all)
        volume_row.addLayout(side)
        volume_row.setAlignment(side, Qt.AlignmentFlag.AlignTop)
        drive_label = QLabel(self.tr("&Drive:"), self)
        drive_label.setBuddy(self.volumes)
        form.addRow(drive_label, volume_row)
        form.addRow("", self.drive_note)
        file_row = QHBoxLayout()
        file_row.addWidget(self.files, 1)
        file_side = QVBoxLayout()
        file_side.addWidget(self.add_files)
        file_side.addStretch()
        file_row.addLayout(file_side)
        files_label = QLabel(self.tr("F&iles:"), self)
        files_label.setBuddy(self.files)
        form.addRow(files_label, file_row)
        form.addRow("", self.key_warning)
        form.addRow(self.tr("Folder &name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        self.other.clicked.connect(self._choose_other)
        self.show_all.toggled.connect(self.refresh_volumes)
        self.add_files.clicked.connect(self._choose_files)
        self.files.itemChanged.connect(lambda *_: self._update())
        self.volumes.currentRowChanged.connect(self._volume_chosen)
        self.name.textChanged.connect(self._update)
        self.copy_button.clicked.connect(self._copy_clicked)
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh_volumes)
        self.extra: list[ExportItem] = []
        self.custom: list[Volume] = []
        self.chosen: Volume | None = None  # the drive the user picked; None until they pick (again)
        # The device it was on when picked: the copy is pinned to it, so a stick pulled (or swapped) between
        # picking and copying is caught by the engine instead of its mount point on the system disk taking the files.
        self.chosen_device: int | None = None
        self.running = False
        self.result: ExportResult | None = None
        self._preset = False

    @property
    def state(self) -> DeployFlowState:
        return self.host.flows.deploy

    def flow_state(self) -> object:
        return self.state

    def _copy_clicked(self) -> None:
        self.start_copy()

    def reset(self) -> None:
        self.files.clear()
        self.extra = []
        self.result = None
        self.summary.hide()
        self._preset = False

    def preset(self, paths: list[Path], extra: list[ExportItem], deployment_name: str) -> None:
        """Coming from the deployment sheet: exactly the files its commands name, plus the sheet and the
        peer trust files, listed so the user sees everything that will be on the stick."""
        self.files.clear()
        for path in paths:
            self._add_file(path, checked=True)
        self.extra = extra
        for item in extra:
            made = QListWidgetItem(self.tr("{name}   (made by the wizard)").format(name=item.name))
            made.setFlags(Qt.ItemFlag.ItemIsEnabled)  # always written: no box to untick
            made.setToolTip(self.tr("Written by the wizard from the commands page; always on the stick"))
            self.files.addItem(made)
        self.name.setText(export_folder_name(deployment_name))
        self._preset = True

    def enter(self) -> None:
        state = self.state
        if state.export_paths is not None:
            self.preset(state.export_paths, state.export_extra, state.export_name)
        if not self._preset and self.files.count() == 0:
            folder = Path(self.host.settings.get("output/folder"))
            try:
                found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
            except OSError:
                found = []
            for path in found:
                self._add_file(path, checked=not _is_private_key(path))
            self.name.setText(export_folder_name())
        self.refresh_volumes()
        self.timer.start()
        self._update()

    def cleanupPage(self) -> None:
        self.timer.stop()

    def _add_file(self, path: Path, *, checked: bool) -> None:
        item = QListWidgetItem(path.name + (self.tr("   (private key)") if _is_private_key(path) else ""))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.files.addItem(item)

    def _choose_files(self) -> None:
        for path in dialogs.open_file_names(self, self.tr("Files to export"), self.state.folder):
            self._add_file(path, checked=True)
        self._update()

    def _choose_other(self) -> None:
        chosen = dialogs.existing_folder(self, self.tr("Export to folder"), "")
        if chosen is not None:
            self.add_destination(chosen)

    def add_destination(self, folder: Path) -> None:
        from cmswizard.export.volumes import space_and_state

        free, read_only = space_and_state(folder)
        self.custom.append(Volume(folder, folder.name or str(folder), self.tr("folder"), free, True, read_only))
        self.refresh_volumes()
        self.volumes.setCurrentRow(self.volumes.count() - 1)

    def _listed(self) -> list[Volume]:
        shown = [v for v in self.volume_source() if not v.read_only and (v.removable or self.show_all.isChecked())]
        return shown + self.custom

    def refresh_volumes(self) -> None:
        """The list as mounted now. The chosen drive stays chosen while it is there; when it is gone the
        selection is cleared and the page says so: it never moves to another drive by itself."""
        listed = self._listed()
        self.volumes.blockSignals(True)
        self.volumes.clear()
        for volume in listed:
            item = QListWidgetItem(translated(volume.describe()))
            item.setData(Qt.ItemDataRole.UserRole, volume)
            self.volumes.addItem(item)
        if not listed:
            placeholder = QListWidgetItem(self.tr("No USB stick found — plug one in, or choose Other folder…"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.volumes.addItem(placeholder)
        chosen = self.chosen
        row = next((n for n, v in enumerate(listed) if chosen is not None and _same_drive(v, chosen)), -1)
        if chosen is not None and row < 0:
            self.chosen, self.chosen_device = None, None
            self.drive_note.setText(
                style.coloured(
                    self.tr("✗ {drive} is gone (removed or unmounted): choose the drive again.").format(
                        drive=chosen.label or str(chosen.root)
                    ),
                    style.Role.ERROR,
                    self,
                )
            )
            self.drive_note.show()
        elif chosen is None and len(listed) == 1 and listed[0].removable and not self.drive_note.isVisible():
            row = 0  # the one stick plugged in: chosen for the user, as long as nothing was taken away
            self._pin(listed[0])
        elif chosen is not None:
            self.chosen = listed[row]  # the same drive, with its free space as it is now
        self.volumes.setCurrentRow(row)
        self.volumes.blockSignals(False)
        self._update()

    def _volume_chosen(self, row: int) -> None:
        item = self.volumes.item(row) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        picked = value if isinstance(value, Volume) else None
        if picked is None:
            self.chosen, self.chosen_device = None, None
        elif self.chosen is None or not _same_drive(picked, self.chosen):
            self._pin(picked)
        else:
            self.chosen = picked  # the same drive again: it stays pinned to the device it was on when picked
        if self.chosen is not None:
            self.drive_note.hide()
        self._update()

    def _pin(self, volume: Volume) -> None:
        self.chosen = volume
        try:
            self.chosen_device = device_of(volume.root)
        except OSError:  # gone already: the copy pins at its start (and finds nothing there)
            self.chosen_device = None

    def chosen_volume(self) -> Volume | None:
        return self.chosen

    def chosen_paths(self) -> list[Path]:
        paths = []
        for row in range(self.files.count()):
            item = self.files.item(row)
            path = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            if item is not None and path and item.checkState() == Qt.CheckState.Checked:
                paths.append(Path(path))
        return paths

    def _update(self) -> None:
        keys = [p.name for p in self.chosen_paths() if _is_private_key(p)]
        self.key_warning.setText(
            style.coloured(
                self.tr(
                    "⚠ {keys}: private keys are copied unencrypted, because CMS needs them so. Keep the stick with "
                    "you and delete the keys once they are on the CMS."
                ).format(keys=listed(keys)),
                style.Role.WARNING,
                self,
            )
            if keys
            else ""
        )
        ready = (
            self.chosen_volume() is not None
            and bool(self.chosen_paths() or self.extra)
            and bool(self.name.text().strip())
            and not self.running
        )
        self.copy_button.setEnabled(ready)

    def _still_mounted(self, volume: Volume) -> bool:
        """Right before copying: the drive is still the one mounted there (a folder chosen with Other folder…
        is the user's own choice and is not a drive)."""
        if any(volume is custom for custom in self.custom):
            return volume.root.is_dir()
        return any(_same_drive(v, volume) for v in self.volume_source())

    def start_copy(self, overwrite: bool = False) -> None:
        volume = self.chosen_volume()
        if volume is None:
            return
        if not self._still_mounted(volume):
            self.refresh_volumes()  # clears the selection and says the drive is gone
            return
        keys = [p.name for p in self.chosen_paths() if _is_private_key(p)]
        if keys and not volume.removable and not overwrite:
            drive = translated(volume.describe())
            if not dialogs.confirm_keys_to_fixed_drive(self, drive, keys):
                return
        try:
            items = export_items(self.chosen_paths(), self.extra)
            calendar = calendar_item(items)  # the expiry dates go on the stick too
            if calendar is not None:
                items = export_items([], [*items, calendar])
        except CmsInputError as error:
            self._show_summary(f"✗ {error_text(error)}")
            return
        destination = volume.root / self.name.text().strip()
        device = self.chosen_device
        readme = export_readme(items, title=self.name.text().strip())
        self.running = True
        self.result = None
        self.progress.setRange(0, len(items) + 2)
        self.progress.setValue(0)
        self.progress.show()
        self._update()
        self.completeChanged.emit()
        self.host.tasks.run_with_progress(
            self,
            lambda report: export_files(
                items, destination, readme=readme, overwrite=overwrite, progress=report, device=device
            ),
            self._progress,
            self._done,
            lambda error: self._failed(error, overwrite, destination, [item.name for item in items]),
            writes=True,
        )

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total} {name}")

    def _done(self, result: ExportResult) -> None:
        self.running = False
        self.result = result
        self.progress.hide()
        if result.ok:
            self.state.exported_commands = next(
                (
                    item.data.decode()
                    for item in self.extra
                    if item.name == COMMANDS_NAME and item.name in result.copied
                ),
                self.state.exported_commands,
            )
            self._show_summary(
                "✓ " + translated(result.summary()) + "\n" + "\n".join(f"   {name}" for name in result.copied)
            )
        else:
            self._show_summary("✗ " + translated(result.summary()))
        self._update()
        self.completeChanged.emit()

    def _failed(self, error: Exception, overwrite: bool, destination: Path, names: list[str]) -> None:
        self.running = False
        self.progress.hide()
        self._update()
        if isinstance(error, CmsInputError) and "already exists" in error.message and not overwrite:
            from cmswizard.export.copy import README_NAME, SUMS_NAME

            there = [name for name in [*names, SUMS_NAME, README_NAME] if (destination / name).exists()]
            if dialogs.confirm_replace_files(self, destination, there):
                self.start_copy(overwrite=True)
                return
        self._show_summary(f"✗ {error_text(error)}" + self.tr("\nNothing was copied."))
        self.completeChanged.emit()

    def _show_summary(self, text: str) -> None:
        self.summary.setPlainText(text)
        self.summary.show()

    def isComplete(self) -> bool:
        return not self.running
