"""The engine's one error type: every bad input becomes a one-line message that names what is wrong."""

from __future__ import annotations

__all__ = ["N_", "CmsCheckFailed", "CmsInputError", "Text", "shorten"]


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
        text = super().__new__(cls, template.format(**params) if params else template)
        text.template = template
        text.params = params
        return text


def shorten(value: str, limit: int = 40) -> str:
    """Quote a user value for a message without flooding the line (100 kB values exist in the wild)."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    if len(printable) > limit:
        printable = printable[: limit - 1] + "…"
    return repr(printable)


class CmsInputError(ValueError):
    """Bad input: `where` names the field, token or file, `message` says what is wrong and how to fix it."""

    def __init__(self, where: str, message: str) -> None:  # message: a Text or an N_() string
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class CmsCheckFailed(Exception):
    """A check answered no (mismatch, failed verification): exit code 1, not an input error."""
