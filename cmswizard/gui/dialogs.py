"""Every modal question the wizard asks, in one place.

Pages call these through the module (`dialogs.save_file_name(...)`), never Qt's static dialogs
directly, so a test can answer them: native file dialogs cannot be clicked on an offscreen screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from cmswizard.gui.i18n import translated
from cmswizard.pki.errors import N_, Text


def save_file_name(parent: QWidget, caption: str, start: Path, filters: str) -> Path | None:
    """Where to save; None if the user cancels. The dialog itself asks before replacing a file."""
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(start), filters)
    return Path(chosen) if chosen else None


def open_file_names(parent: QWidget, caption: str, start: Path, filters: str = "") -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, caption, str(start), filters)
    return [Path(name) for name in names]


def existing_folder(parent: QWidget, caption: str, start: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, caption, start)
    return Path(chosen) if chosen else None


def ask_password(parent: QWidget, path: Path, *, wrong: bool = False) -> bytes | None:
    """Ask for the password of a protected file (PKCS#12, encrypted key); None if the user cancels.
    `wrong`: the last password did not open it, so say so and ask again."""
    prompt = (
        Text(N_("That password does not open {name}. Try again:"), name=path.name)
        if wrong
        else Text(N_("{name} is protected. Password:"), name=path.name)
    )
    password, ok = QInputDialog.getText(
        parent, translated(N_("Password")), translated(prompt), QLineEdit.EchoMode.Password
    )
    return password.encode() if ok else None


def confirm_discard(parent: QWidget) -> bool:
    """Closing would lose what the user typed: ask first. True: close anyway."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Close the wizard?")),
        translated(N_("What you typed on this page is not saved and will be lost. Close anyway?")),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def confirm_restart_from_plan(parent: QWidget) -> bool:
    """Opening a plan starts the flow under way again from it: ask first when typed input would be lost."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Start again from the plan?")),
        translated(N_("The flow under way starts again from the plan; what you typed will be lost. Open the plan?")),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


def show_problem(parent: QWidget, title: str, message: str) -> None:
    """A file the user chose cannot be used: the one line saying why and how to fix it."""
    QMessageBox.warning(parent, title, message)


def show_failure(parent: QWidget, message: str) -> None:
    """Work failed in a way no page handles (a bug): say so rather than fail silently."""
    QMessageBox.warning(parent, translated(N_("Something went wrong")), message)


def show_unexpected_error(parent: QWidget | None, error: BaseException, log_path: Path | None) -> None:
    """A bug nothing caught (the excepthook): say what failed and where its traceback was written."""
    what = f"{type(error).__name__}: {error}"
    message = translated(Text(N_("The wizard met an error it did not expect: {error}"), error=what))
    if log_path is not None:
        message += "\n\n" + translated(
            Text(
                N_("The details are in {path}. Please attach that file when you report the problem."),
                path=str(log_path),
            )
        )
    QMessageBox.warning(parent, translated(N_("Something went wrong")), message)


def confirm_host_key(parent: QWidget, node: str, key_type: str, fingerprint: str) -> bool:
    """A first connection: show the MMP's host key fingerprint and ask the admin to compare it."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Is this the MMP you mean?")),
        translated(
            Text(
                N_(
                    "{node} is not known yet. Its SSH host key is:\n\n{key_type} {fingerprint}\n\n"
                    "Compare it with the fingerprint the MMP shows. Trust it and upload?"
                ),
                node=node,
                key_type=key_type,
                fingerprint=fingerprint,
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_changed_host_key_type(parent: QWidget, node: str, key_type: str, fingerprint: str, known: str) -> bool:
    """known_hosts holds a key of another type for this MMP and the server offered a new one (as OpenSSH warns):
    the answer defaults to No, and the question says what a swap can mean."""
    answer = QMessageBox.warning(
        parent,
        translated(N_("The MMP's host key type changed")),
        translated(
            Text(
                N_(
                    "WARNING: known_hosts holds a {known} key for {node}, but the server now offers another type:"
                    "\n\n{key_type} {fingerprint}\n\nIf you did not change the MMP's SSH keys, someone may be "
                    "between you and the MMP: stop here. Trust it and upload only if the MMP shows this fingerprint."
                ),
                node=node,
                known=known,
                key_type=key_type,
                fingerprint=fingerprint,
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_p12_options(parent: QWidget, include_root: bool) -> object | None:
    """Password (twice), encryption and root for a PKCS#12 file; a P12Choice, or None if cancelled."""
    from cmswizard.gui.p12_dialog import P12Dialog

    dialog = P12Dialog(parent, include_root)
    try:
        return dialog.choice() if dialog.exec() == P12Dialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _listed(names: list[str], limit: int = 12) -> str:
    shown = [f"  • {name}" for name in names[:limit]]
    if len(names) > limit:
        shown.append(translated(Text(N_("  … and {count} more"), count=len(names) - limit)))
    return "\n".join(shown)


def confirm_keys_to_fixed_drive(parent: QWidget, drive: str, keys: list[str]) -> bool:
    """Private keys are about to go, unencrypted, onto a drive that is not removable: ask, naming the drive."""
    answer = QMessageBox.warning(
        parent,
        translated(N_("Copy private keys to this drive?")),
        translated(
            Text(
                N_(
                    "{drive} is not a removable drive. These private keys would be copied to it unencrypted:\n\n"
                    "{keys}\n\nCopy them there anyway?"
                ),
                drive=drive,
                keys=_listed(keys),
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_replace_files(parent: QWidget, folder: Path | str, names: list[str]) -> bool:
    """Files of the same names are already there (a folder, or the MMPs named): list them and ask first."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Replace files?")),
        translated(
            Text(
                N_("{folder} already holds these files:\n\n{names}\n\nReplace them with the ones being exported?"),
                folder=str(folder),
                names=_listed(names),
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_risky(parent: QWidget, title: str, text: str, *, save: bool = False) -> bool:
    """A step that may break something (replace a key in use, save a broken chain): the page's own words,
    with the safe answer as the default. `save`: the buttons read Save/Cancel instead of Yes/No."""
    yes = QMessageBox.StandardButton.Save if save else QMessageBox.StandardButton.Yes
    no = QMessageBox.StandardButton.Cancel if save else QMessageBox.StandardButton.No
    return QMessageBox.warning(parent, title, text, yes | no, no) == yes


def ask_save_plan(parent: QWidget, name: str) -> str:
    """Closing with changes to the open plan: "save", "discard" or "cancel" (the default), as editors ask."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Save the plan?")),
        translated(Text(N_("The changes to {name} are not saved. Save them before closing?"), name=name)),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"


def tell_commands_saved(parent: QWidget, path: Path) -> None:
    """Where the commands went, said before the wizard closes (its pages go with it)."""
    QMessageBox.information(
        parent,
        translated(N_("Commands saved")),
        translated(Text(N_("The commands are saved in:\n{path}"), path=str(path))),
    )


def ask_save_commands(parent: QWidget) -> str:
    """Finish with commands neither copied nor saved: "save", "discard" or "cancel" (the default)."""
    answer = QMessageBox.question(
        parent,
        translated(N_("Save the commands?")),
        translated(N_("The commands this flow made are neither copied nor saved. Save them before closing?")),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    return "discard" if answer == QMessageBox.StandardButton.Discard else "cancel"
