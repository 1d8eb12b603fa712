"""The PKCS#12 choices: a password typed twice (never echoed), the encryption, the root on or off."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cmswizard.export.p12 import P12Encryption
from cmswizard.gui.i18n import translated

MIN_PASSWORD = 8


@dataclass(frozen=True)
class P12Choice:
    password: bytes
    encryption: P12Encryption
    include_root: bool


class P12Dialog(QDialog):
    def __init__(self, parent: QWidget | None, include_root: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as PKCS#12"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))
        self.modern = QRadioButton(translated(P12Encryption.MODERN.label), self)
        self.legacy = QRadioButton(translated(P12Encryption.LEGACY.label), self)
        self.modern.setChecked(True)
        self.include_root = QCheckBox(self.tr("Include the &root CA"), self)
        self.include_root.setChecked(include_root)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        form = QFormLayout()
        first = QLabel(self.tr("&Password:"), self)
        first.setBuddy(self.password)
        second = QLabel(self.tr("&Again:"), self)
        second.setBuddy(self.again)
        form.addRow(first, self.password)
        form.addRow(second, self.again)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Key, certificate and chain in one file for Windows and appliances. The file carries the "
                "private key: choose a strong password and keep it apart from the file."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.modern)
        layout.addWidget(self.legacy)
        layout.addWidget(self.include_root)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for line in (self.password, self.again):
            line.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        first, second = self.password.text(), self.again.text()
        problem = ""
        if len(first) < MIN_PASSWORD:
            problem = self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
        elif first != second:
            problem = self.tr("The two passwords differ.")
        self.note.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def choice(self) -> P12Choice:
        return P12Choice(
            self.password.text().encode(),
            P12Encryption.LEGACY if self.legacy.isChecked() else P12Encryption.MODERN,
            self.include_root.isChecked(),
        )
