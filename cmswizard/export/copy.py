"""Copying the files to a stick, safely: each file written under a temporary name, flushed, fsync'ed,
renamed, read back and compared by SHA-256; SHA256SUMS and README.txt written last.

Whatever goes wrong (no space, read-only, a name clash, the stick pulled out), no partly written file
is left under its final name, and the result says what was and was not copied.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cmswizard.export.readback import read_back
from cmswizard.export.volumes import space_and_state
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message, name_list
from cmswizard.pki.files import OutputFile, holds_private_key, read_input_file, write_files
from cmswizard.pki.safe_text import has_control
from cmswizard.pki.spec import WINDOWS_RESERVED_NAMES

__all__ = ["ExportItem", "ExportResult", "check_stick_name", "device_of", "export_files", "export_items"]

SUMS_NAME, README_NAME = "SHA256SUMS", "README.txt"
# Room for directory entries and file system overhead on FAT, beyond the bytes themselves.
_OVERHEAD_PER_FILE = 64 * 1024

Progress = Callable[[int, int, str], None]  # (files done, files in all, name)


@dataclass(frozen=True)
class ExportItem:
    name: str  # the name on the stick
    data: bytes
    private: bool = False  # holds a private key (also set from the content): 0600 where the file system keeps modes

    def __post_init__(self) -> None:
        if not self.private and self.data and holds_private_key(self.data):
            object.__setattr__(self, "private", True)


_FAT_FORBIDDEN = set('<>:"/\\|?*')


def check_stick_name(name: str, where: str | None = None) -> None:
    """Names a FAT stick and Windows can hold: refused before anything is created, with the reason."""
    place = where or name
    if has_control(name):
        raise CmsInputError(place, N_("the name holds control characters (a newline?); rename the file"))
    bad = sorted({ch for ch in name if ch in _FAT_FORBIDDEN})
    if bad:
        raise CmsInputError(
            place,
            Text(
                N_("{chars} cannot be in a name on a USB stick (FAT) or on Windows; rename it"),
                chars=" ".join(bad),
            ),
        )
    if name.endswith((" ", ".")):
        raise CmsInputError(place, N_("ends with a space or a dot, which FAT and Windows drop; rename it"))
    if name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED_NAMES:
        raise CmsInputError(place, N_("is a name Windows reserves for a device (CON, NUL, COM1 …); rename it"))
    units = len(name.encode("utf-16-le")) // 2  # FAT's long names and NTFS count UTF-16 code units
    if units > 255:
        raise CmsInputError(
            place,
            Text(N_("is {count} characters long; FAT and Windows allow 255: use a shorter name"), count=units),
        )


@dataclass
class ExportResult:
    folder: Path
    copied: list[str] = field(default_factory=list)
    not_copied: list[str] = field(default_factory=list)
    error: str | None = None
    sums: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    def summary(self) -> str:
        if self.ok:
            return Text(
                N_("copied and verified {count} file(s) to {folder}"), count=len(self.copied), folder=self.folder
            )
        done = name_list(self.copied) or as_message(N_("nothing"))
        left = name_list(self.not_copied) or as_message(N_("nothing"))
        return Text(
            N_("{error} — copied and verified: {done}; not copied: {left}"), error=self.error, done=done, left=left
        )


def export_items(paths: Sequence[Path], extra: Sequence[ExportItem] = ()) -> list[ExportItem]:
    """Read the user's files (keys keep their privacy flag); names must be distinct."""
    items: list[ExportItem] = []
    for path in paths:
        check_stick_name(path.name)
        data = read_input_file(path)
        items.append(ExportItem(path.name, data, path.suffix.lower() == ".key"))  # and by content
    items.extend(extra)
    names = [item.name for item in items]
    folded = [name.casefold() for name in names]  # FAT, NTFS and APFS (by default) ignore case: cb.key = CB.KEY
    duplicates = sorted({name for name, key in zip(names, folded, strict=True) if folded.count(key) > 1})
    if duplicates:
        raise CmsInputError(duplicates[0], N_("is named twice in the export; rename one of the files"))
    if SUMS_NAME in names or README_NAME in names:
        raise CmsInputError(SUMS_NAME, N_("is written by the export itself; leave it out of the files"))
    return items


def _check_names_on_stick(names: Sequence[str], folder: Path) -> None:
    """What is in the way on the stick, found before the first byte is copied (not after the fifth file):
    a link or a folder under a name the export writes, or a name that differs only in case (one file
    on FAT, NTFS and APFS)."""
    try:
        present = {name.casefold(): name for name in os.listdir(folder)}
    except OSError:
        return
    for name in names:
        other = present.get(name.casefold())
        if other is None:
            continue
        path = folder / other
        if other != name:
            raise CmsInputError(
                str(path),
                Text(
                    N_("is the same file as {name} on a USB stick (FAT ignores case); rename or remove it first"),
                    name=name,
                ),
            )
        if os.path.islink(path):
            raise CmsInputError(
                str(path), N_("is a symbolic link on the stick; cmswizard never writes through links: remove it")
            )
        if os.path.isdir(path):
            raise CmsInputError(
                str(path), N_("is a folder in the way of a file of this name; move it or choose another folder")
            )


def _same(path: Path, item: ExportItem) -> bool:
    """Does `path` hold exactly the item's bytes (read past the cache)?"""
    try:
        return os.path.isfile(path) and not os.path.islink(path) and read_back(path) == item.data
    except OSError:
        return False


def device_of(path: Path) -> int:
    """The device a folder is on: what the export pins when the stick is chosen (st_dev)."""
    return os.stat(path).st_dev


def _said(error: CmsInputError) -> str:
    """The error as a message the GUI can translate (the file is data, the words are ours)."""
    return Text(N_("{file}: {message}"), file=error.where, message=as_message(error.message))


def _still_on(folder: Path, device: int) -> bool:
    try:
        return os.stat(folder).st_dev == device
    except OSError:
        return False


def _check_device(path: Path, device: int) -> None:
    """Refuse to go on when `path` is no longer on the chosen stick: unmounted, its mount point is a
    plain folder on the computer's own disk, and a copy there would report success for nothing."""
    try:
        here = os.stat(path).st_dev
    except OSError as error:
        raise CmsInputError(
            str(path), Text(N_("does not exist any more ({reason}); was the drive removed?"), reason=error.strerror)
        ) from None
    if here != device:
        raise CmsInputError(
            str(path),
            N_("is no longer on the stick that was chosen (was it removed or unmounted?); nothing more is written"),
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_up_front(items: Sequence[ExportItem], folder: Path, overwrite: bool) -> None:
    target = folder if os.path.lexists(folder) else folder.parent
    if os.path.islink(folder):
        raise CmsInputError(str(folder), N_("is a symbolic link; choose the folder itself"))
    if target.exists() and not target.is_dir():
        raise CmsInputError(str(target), N_("is a file, not a folder; name the stick's folder (its mount point)"))
    if not target.is_dir():
        raise CmsInputError(str(target), N_("does not exist (is the stick plugged in and mounted?)"))
    free, read_only = space_and_state(target)
    if read_only:
        raise CmsInputError(str(target), N_("is read-only; unlock the stick (write-protect switch) or choose another"))
    need = sum(len(item.data) + _OVERHEAD_PER_FILE for item in items) + 2 * _OVERHEAD_PER_FILE
    if need > free:
        raise CmsInputError(
            str(target),
            Text(
                N_("not enough space: the export needs {p} KB, {p2} KB are free; free some space or use another stick"),
                p=need // 1024,
                p2=free // 1024,
            ),
        )
    if folder.is_dir():
        _check_names_on_stick([item.name for item in items] + [SUMS_NAME, README_NAME], folder)
    if folder.exists() and not overwrite:
        # a file this export would write with the very same bytes is no clash: an earlier run that stopped
        # (a full stick) wrote it, and the run again resumes there
        clashes = [item.name for item in items if (folder / item.name).exists() and not _same(folder / item.name, item)]
        clashes += [name for name in (SUMS_NAME, README_NAME) if (folder / name).exists()]
        if clashes:
            raise CmsInputError(
                str(folder / clashes[0]),
                Text(
                    N_("already exists ({count} file(s) would be replaced); choose another folder or allow replacing"),
                    count=len(clashes),
                ),
            )


def export_files(
    items: Sequence[ExportItem],
    folder: Path,
    *,
    readme: str,
    overwrite: bool = False,
    progress: Progress | None = None,
    device: int | None = None,
) -> ExportResult:
    """Copy `items` into `folder` (created if needed), verify each by reading it back, then write
    SHA256SUMS and README.txt. Checks space, write access and name clashes before copying anything.

    `device`: the st_dev of the stick when it was chosen (`device_of`); without it, the device of the
    target at the start. Every folder made and every file written must be on it, or the export stops."""
    _check_up_front(items, folder, overwrite)
    result = ExportResult(folder)
    everything = [*items, ExportItem(SUMS_NAME, b""), ExportItem(README_NAME, b"")]
    created = not os.path.lexists(folder)
    try:
        pinned = device if device is not None else device_of(folder if not created else folder.parent)
        _check_device(folder if not created else folder.parent, pinned)
        folder.mkdir(exist_ok=True)
        _check_device(folder, pinned)
    except CmsInputError as error:
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        result.error = _said(error)
        result.not_copied = [item.name for item in everything]
        return result
    except OSError as error:
        result.error = Text(N_("{folder}: cannot create the folder ({reason})"), folder=folder, reason=error.strerror)
        result.not_copied = [item.name for item in everything]
        return result
    existed = {item.name for item in everything if os.path.lexists(folder / item.name)}
    try:
        result = _copy_all(items, everything, folder, readme, overwrite, progress, result, pinned)
    except BaseException:
        # Interrupted (Ctrl+C, SIGTERM) between files: each file is whole, but a stick holding two of six
        # files and no SHA256SUMS is a half-written export. Remove what this export created, then stop.
        for name in result.copied:
            if name not in existed:
                with contextlib.suppress(OSError):
                    (folder / name).unlink()
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    if not result.ok and created:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty: nothing is left behind by a failed export
    return result


def _copy_all(
    items: Sequence[ExportItem],
    everything: list[ExportItem],
    folder: Path,
    readme: str,
    overwrite: bool,
    progress: Progress | None,
    result: ExportResult,
    device: int,
) -> ExportResult:
    for number, item in enumerate(items):
        if progress is not None:
            progress(number, len(everything), item.name)
        try:
            _copy_one(item, folder, overwrite, device)
        except CmsInputError as error:
            result.error = _said(error)
            result.not_copied = [i.name for i in everything[number:]]
            return result
        result.copied.append(item.name)
        result.sums[item.name] = _sha256(item.data)
    sums = "".join(f"{digest}  {name}\n" for name, digest in result.sums.items()).encode()
    for number, last in enumerate((ExportItem(SUMS_NAME, sums), ExportItem(README_NAME, readme.encode("utf-8")))):
        if progress is not None:
            progress(len(items) + number, len(everything), last.name)
        try:
            _copy_one(last, folder, overwrite, device)
        except CmsInputError as error:
            result.error = _said(error)
            result.not_copied = [i.name for i in everything[len(items) + number :]]
            return result
        result.copied.append(last.name)
    missing = [name for name in (SUMS_NAME, README_NAME) if not (folder / name).is_file()]
    if missing:  # never called complete without its SHA256SUMS and README on the stick
        result.error = str(
            CmsInputError(
                str(folder / missing[0]), N_("is not on the stick after writing it; the export is incomplete")
            )
        )
        result.copied = [name for name in result.copied if name not in missing]
        result.not_copied = missing
        return result
    if progress is not None:
        progress(len(everything), len(everything), "")
    return result


def _copy_one(item: ExportItem, folder: Path, overwrite: bool, device: int) -> None:
    target = folder / item.name
    _check_device(folder, device)
    if not _same(target, item):  # already there byte for byte (an earlier run that stopped): kept
        write_files([OutputFile(target, item.data, private=item.private, replace=overwrite)])
    try:
        _check_device(target, device)
    except CmsInputError:
        with contextlib.suppress(OSError):
            target.unlink()  # it landed on the computer's own disk: never leave a key there
        if not os.path.lexists(target) and _still_on(folder, device):
            # The folder is still there on the stick, yet the file written a moment ago is not: the folder
            # takes no more names (fusefat drops the entry; long names take several entries each).
            raise CmsInputError(
                str(target),
                N_(
                    "was written but its folder keeps no more files: the folder is full (a FAT folder holds a "
                    "limited number of names, long names take several); copy fewer files into it, or use a stick "
                    "formatted as exFAT"
                ),
            ) from None
        raise
    try:
        back = read_back(target)  # from the stick, not from the cache, where the platform allows (readback.py)
    except OSError as error:
        raise CmsInputError(
            str(target),
            Text(N_("could not be read back ({strerror}); was the stick removed?"), strerror=error.strerror),
        ) from None
    if _sha256(back) != _sha256(item.data):
        with contextlib.suppress(OSError):
            target.unlink()
        raise CmsInputError(str(target), N_("read back different bytes than were written; the stick may be failing"))
