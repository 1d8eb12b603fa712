"""The encoding of what the command line prints. Sheets, CSR commands and reports carry Chinese
explanations, typographic characters and names from certificates; written with a legacy code page
(Windows' cp1252 when output is redirected, a Latin-1 terminal) they would silently become `?`.

- Output to a file or a pipe is UTF-8, whatever the locale says: the same bytes as `--out FILE`,
  which is what the MMP, ssh and every editor read.
- A terminal whose encoding cannot show a character refuses the run with one line (exit 2) naming the
  encoding and the ways out, instead of printing `?` and exiting 0.
- Standard error always gets through: what it cannot encode is shown as a backslash escape.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

REFUSE = "cmswizard.refuse"  # the codec error handler that turns an unprintable character into bad input


def _is_utf8(stream: TextIO) -> bool:
    try:
        return codecs.lookup(stream.encoding).name == "utf-8"
    except (LookupError, TypeError):
        return False


def _refuse(error: UnicodeError) -> tuple[str, int]:
    from cmswizard.pki.errors import CmsInputError

    assert isinstance(error, UnicodeEncodeError)
    character = error.object[error.start]
    encoding = getattr(sys.stdout, "encoding", None) or error.encoding  # "cp1252", not the codec's "charmap"
    raise CmsInputError(
        "standard output",
        f"this terminal's encoding ({encoding}) cannot show {character!a} (U+{ord(character):04X}); "
        "write to a file with --out FILE or > FILE (UTF-8), or use a UTF-8 terminal (PYTHONIOENCODING=utf-8)",
    )


def prepare_streams() -> None:
    """Set stdout and stderr up as the module says (called once, before anything is printed)."""
    codecs.register_error(REFUSE, _refuse)
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is not None and hasattr(stdout, "reconfigure"):
        if _is_utf8(stdout):
            stdout.reconfigure(errors="replace")  # lone surrogates (undecodable file names) only
        elif not stdout.isatty():
            stdout.reconfigure(encoding="utf-8", errors="replace")
        else:
            stdout.reconfigure(errors=REFUSE)
    if stderr is not None and hasattr(stderr, "reconfigure"):
        stderr.reconfigure(errors="replace" if _is_utf8(stderr) else "backslashreplace")
