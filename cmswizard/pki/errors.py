"""The engine's one error type: every bad input becomes a one-line message that names what is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from cmswizard.pki.safe_text import escape, shown

__all__ = [
    "FIELD_NAMES",
    "N_",
    "Cancelled",
    "CmsCheckFailed",
    "CmsInputError",
    "Text",
    "as_message",
    "name_list",
    "shorten",
]


class Cancelled(Exception):
    """Raised from a progress callback when the person pressed Cancel: long work stops there."""


def N_(text: str) -> str:
    """Marks English text for translation (pyside6-lupdate reads it as QT_TR_NOOP); returns it unchanged."""
    return text


class Text(str):
    """An English message that remembers its template and values, so the GUI can show it translated.

    It is a `str` (the English rendering), so the CLI, logs and tests use it like any other string.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Text:
        params = {name: _safe_value(value) for name, value in params.items()}
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = params
        return text


# A value longer than this is data, never one of our own (N_) phrases: it is shortened in messages.
MAX_VALUE_CHARS = 300


def _safe_value(value: object) -> object:
    """Every value put into a message is escaped (no control characters) and kept short."""
    if isinstance(value, Text):
        return value  # built from escaped values already; its template stays translatable
    if isinstance(value, str):
        return shown(value, MAX_VALUE_CHARS)
    if isinstance(value, PurePath):
        return shown(str(value), MAX_VALUE_CHARS)
    return value


def as_message(text: str) -> Text:
    """One of our phrases (an N_() string) used as a parameter of another message: the GUI translates a
    parameter only when it is a Text, so data (a CN named 'root', a file name) is never translated."""
    return text if isinstance(text, Text) else Text(text)


def name_list(names: Iterable[str]) -> str:
    """File names listed in a message: "a, b, c" in English; a Text each translator renders in its language
    ("a、b、c" in Chinese, the zh_TW glossary's rule), the names themselves never translated."""
    items = [str(name) for name in names]
    if len(items) < 2:
        return items[0] if items else ""
    listed: str = items[0]
    for name in items[1:]:
        listed = Text(N_("{first}, {second}"), first=listed, second=name)
    return listed


def shorten(value: str, limit: int = 40) -> str:
    """Quote a user value for a message without flooding the line (100 kB values exist in the wild)."""
    return f"'{shown(value, limit)}'"


class CmsInputError(ValueError):
    """Bad input: `where` names the field, token or file, `message` says what is wrong and how to fix it."""

    def __init__(self, where: str, message: str) -> None:  # message: a Text or an N_() string
        where = shown(where, 160)
        if not isinstance(message, Text):
            message = escape(message)
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class CmsCheckFailed(Exception):
    """A check answered no (mismatch, failed verification): exit code 1, not an input error."""


# The certificate fields `CmsInputError.where` names, as the GUI shows them (the deployment's fields are in
# cms/fields.py); any other `where` is data (a file name).
FIELD_NAMES: dict[str, str] = {
    "basename": N_("basename"),
    "CN": N_("common name (CN)"),
    "OU": N_("organizational unit (OU)"),
    "O": N_("organization (O)"),
    "L": N_("locality (L)"),
    "ST": N_("state or province (ST)"),
    "C": N_("country (C)"),
    "subjectAltName": N_("subject alternative names"),
    "key type": N_("key type"),
}
