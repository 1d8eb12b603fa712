from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run `cmswizard ...` in-process, in tmp_path, and capture what it printed."""
    from cmswizard.cli import main

    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> CliResult:
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(autouse=True)
def close_without_asking(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Tests close wizards that hold typed input: answer the discard question 'discard' (and record
    it), since an offscreen modal box would wait forever. Tests of that question set their own answer."""
    asked: list[object] = []
    if "cmswizard.gui.dialogs" in sys.modules or os.environ.get("QT_QPA_PLATFORM"):
        try:
            from cmswizard.gui import dialogs
        except ImportError:  # no Qt in this environment: no GUI tests either
            return asked

        def discard(parent: object) -> bool:
            asked.append(parent)
            return True

        def discard_plan(parent: object, _name: str) -> str:
            asked.append(parent)
            return "discard"

        monkeypatch.setattr(dialogs, "confirm_discard", discard)
        monkeypatch.setattr(dialogs, "ask_save_plan", discard_plan)  # changes to an open plan: not saved
        monkeypatch.setattr(dialogs, "ask_save_commands", lambda parent: asked.append(parent) or "discard")
    return asked


@pytest.fixture(params=["en", "zh_TW"])
def lang(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """Run a GUI test in English and in Traditional Chinese."""
    from cmswizard.gui.i18n import install_language

    assert install_language(qapp, request.param) == request.param
    yield request.param
    install_language(qapp, "en")
