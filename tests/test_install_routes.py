"""Every install route speaks Traditional Chinese: a wheel built from the source tree and one built from
the sdist are each installed into a fresh virtual environment, whose own `cmswizard` then starts in zh_TW.

The builds are real PEP 517 builds with build isolation (pip fetches setuptools and PySide6-Essentials,
from its cache when it can), exactly as `pip install .` does. To stay fast, the fresh environment
gets the wheel with --no-deps and sees the test environment's PySide6 and cryptography through a
.pth line; the test checks that cmswizard itself and its catalogue come from the fresh environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
TS = ROOT / "resources" / "translations" / "cmswizard_zh_TW.ts"
FIRST_PAGE_TITLE = "What do you want to do?"


def _translation_of(source: str) -> str:
    for message in ET.parse(TS).getroot().iter("message"):
        if message.findtext("source") == source:
            return message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in {TS.name}")


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _built_wheel(source: Path, out: Path, cwd: Path) -> Path:
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", out, source, cwd=cwd)
    (wheel,) = out.glob("cmswizard-*.whl")
    return wheel


def _fresh_venv_with(wheel: Path, folder: Path) -> Path:
    """A new virtual environment holding only the wheel; returns its `cmswizard` script."""
    _run(sys.executable, "-m", "venv", "--without-pip", folder, cwd=folder.parent)
    python = folder / "bin" / "python"
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=folder.parent,
    )
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=folder).strip())
    # The dependencies, already installed here: a plain path line (no .pth processing of that folder,
    # so the test environment's editable cmswizard stays invisible).
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return folder / "bin" / "cmswizard"


def _installed_starts_in_zh_tw(script: Path, home: Path) -> None:
    venv = script.parent.parent
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "CMSWIZARD", "XDG_"))}
    # An empty home, cache and temp folder: no catalogue compiled earlier can stand in for the wheel's.
    for name in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        env[name] = str(home / name.lower())
        Path(env[name]).mkdir(parents=True, exist_ok=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = _run(
        venv / "bin" / "python",
        "-c",
        "import cmswizard.gui.i18n as i; print(i.__file__); print(sorted(p.name for p in i._QM_DIR.glob('*.qm')))",
        cwd=home,
        env=env,
    ).splitlines()
    assert Path(where[0]).is_relative_to(venv), f"cmswizard imported from {where[0]}, not from the fresh venv"
    assert where[1] == "['cmswizard_zh_TW.qm']"
    out = _run(script, "--lang", "zh_TW", "--self-test", cwd=home, env=env)
    expected = _translation_of(FIRST_PAGE_TITLE)
    assert expected and expected != FIRST_PAGE_TITLE
    assert f"self-test: zh_TW: {expected}" in out.splitlines(), out


@pytest.mark.skipif(sys.platform != "linux", reason="the venv layout below is the POSIX one")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git checkout to list the sources")
def test_wheel_and_sdist_install_start_in_zh_tw(tmp_path: Path) -> None:
    # The working tree's files minus the ignored ones, so the build sees what a clone sees (no .qm left
    # by make, no venv), with the changes not yet committed.
    tree = tmp_path / "clone"
    listed = _run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    assert (tree / "setup.py").exists() and not list(tree.rglob("*.qm"))

    wheel = _built_wheel(tree, tmp_path / "wheel", tmp_path)
    _installed_starts_in_zh_tw(_fresh_venv_with(wheel, tmp_path / "venv-wheel"), tmp_path / "home-wheel")

    _run(sys.executable, "-m", "build", "--sdist", "--outdir", tmp_path / "sdist", tree, cwd=tmp_path)
    (sdist,) = (tmp_path / "sdist").glob("cmswizard-*.tar.gz")
    from_sdist = _built_wheel(sdist, tmp_path / "wheel-from-sdist", tmp_path)
    _installed_starts_in_zh_tw(_fresh_venv_with(from_sdist, tmp_path / "venv-sdist"), tmp_path / "home-sdist")
