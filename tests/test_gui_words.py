"""Issue 29 Low: a GUI message speaks of buttons, not flags — the engine's "(--force)" never reaches a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.gui.i18n import error_text
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.files import OutputFile, write_files


def test_an_existing_key_is_explained_without_the_cli_flag(qapp, lang: str, tmp_path: Path) -> None:
    key = tmp_path / "cms1.key"
    key.write_bytes(b"old")
    key.chmod(0o600)
    with pytest.raises(CmsInputError) as refused:
        write_files([OutputFile(key, b"new", replace=False, private=True)])
    assert "--force" in str(refused.value)  # the command line keeps its flag
    shown = error_text(refused.value)
    assert "--force" not in shown and "cms1.key" in shown
    if lang == "zh_TW":
        assert shown != str(refused.value)
