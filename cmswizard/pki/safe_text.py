"""Printing values from files and arguments safely: the one escaping function of the tool.

A CN, a file name or an argument may hold ESC, OSC, BEL, newlines, bidi overrides or 100 kB of text.
Before any of it reaches a terminal, a message, a sheet, SHA256SUMS or a README it goes through
`escape()` (control and invisible characters become visible `\\xNN`/`\\uNNNN` escapes, so a
value can never start a new line or drive the terminal) and, in messages, `shown()` (also shortened).
"""

from __future__ import annotations

import re

__all__ = ["escape", "has_control", "one_line", "shown"]

# Candidates are all but printable ASCII; of those, what str.isprintable() rejects is escaped (Cc, Cf,
# Zl, Zp, Zs other than the space, unassigned, surrogates).
_CANDIDATE = re.compile(r"[^ -~]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char.isprintable():
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape): show that byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape(value: object) -> str:
    """`value` as text that prints as exactly what it is: no control, format or line-breaking characters."""
    text = value if isinstance(value, str) else str(value)
    if text.isascii() and text.isprintable():
        return text
    return _CANDIDATE.sub(_escaped, text)


def has_control(value: str) -> bool:
    """True when `value` holds a character `escape` would change (refuse it where it becomes a name)."""
    return escape(value) != value


def shown(value: object, limit: int = 120) -> str:
    """Escaped and shortened in the middle (the end of a path names the file), for messages."""
    raw = value if isinstance(value, str) else str(value)
    if len(raw) > 4 * limit:  # escape only what can be shown: a 64 kB CN costs nothing
        raw = raw[: 2 * limit] + raw[-2 * limit :]
    text = escape(raw)
    if len(text) <= limit:
        return text
    head = max(limit * 2 // 5, 1)
    tail = max(limit - head - 1, 1)
    return f"{text[:head]}…{text[-tail:]}"


def one_line(text: object, limit: int = 600) -> str:
    """A whole message as one readable line: escaped, then cut with a count of what was left out."""
    raw = text if isinstance(text, str) else str(text)
    line = escape(raw[: limit + 1])
    if len(raw) <= limit and len(line) <= limit:
        return line
    return f"{line[:limit]}… ({len(raw)} characters in all)"
