"""The engine's one error type: every bad input becomes a one-line message that names what is wrong."""

from __future__ import annotations

__all__ = ["CmsCheckFailed", "CmsInputError", "shorten"]


def shorten(value: str, limit: int = 40) -> str:
    """Quote a user value for a message without flooding the line (100 kB values exist in the wild)."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    if len(printable) > limit:
        printable = printable[: limit - 1] + "…"
    return repr(printable)


class CmsInputError(ValueError):
    """Bad input: `where` names the field, token or file, `message` says what is wrong and how to fix it."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class CmsCheckFailed(Exception):
    """A check answered no (mismatch, failed verification): exit code 1, not an input error."""
