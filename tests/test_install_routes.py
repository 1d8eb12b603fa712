"""Every install route speaks Traditional Chinese: a wheel built from the source tree and one built from
the sdist are each installed into a fresh virtual environment, whose own `cmswizard` then starts in zh_TW.
The sdist carries what it takes to test and package (tests with their helpers and golden sheets, docs/),
the wheel the licence, the notices and the CMS command reference. A headless install (no `gui` extra)
runs the command line without PySide6.

The builds are real PEP 517 builds with build isolation (pip fetches setuptools and PySide6-Essentials,
from its cache when it can), exactly as `pip install .` does. To stay fast, the fresh environment
gets the wheel with --no-deps and sees the test environment's PySide6 and cryptography through a
.pth line; the test checks that cmswizard itself and its catalogue come from the fresh environment.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tarfile
import xml.etree.ElementTree as ET
import zipfile
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


POSIX_ONLY = pytest.mark.skipif(sys.platform != "linux", reason="the venv layout below is the POSIX one")
NEEDS_GIT = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the git checkout to list the sources")


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree's files minus the ignored ones, so the build sees what a clone sees (no .qm left
    by make, no venv), with the changes not yet committed."""
    tree = tmp_path_factory.mktemp("clone")
    listed = _run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    assert (tree / "setup.py").exists() and not list(tree.rglob("*.qm"))
    return tree


@pytest.fixture(scope="module")
def wheel(clone: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    return _built_wheel(clone, out, out)


@POSIX_ONLY
@NEEDS_GIT
def test_wheel_and_sdist_install_start_in_zh_tw(clone: Path, wheel: Path, tmp_path: Path) -> None:
    _installed_starts_in_zh_tw(_fresh_venv_with(wheel, tmp_path / "venv-wheel"), tmp_path / "home-wheel")

    _run(sys.executable, "-m", "build", "--sdist", "--outdir", tmp_path / "sdist", clone, cwd=tmp_path)
    (sdist,) = (tmp_path / "sdist").glob("cmswizard-*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "LICENSE",
        "THIRD-PARTY-NOTICES.md",
        "tests/conftest.py",
        "tests/golden/single-v3.txt",
        "docs/cms-reference.md",
        "docs/plan-format.md",
        "packaging/cmswizard.spec",
        "Makefile",
    ):
        assert needed in members, f"the sdist lacks {needed}"
    tracked_tests = _run("git", "ls-files", "tests", cwd=ROOT).split()
    assert set(tracked_tests) <= members, f"the sdist lacks {sorted(set(tracked_tests) - members)[:5]}"
    from_sdist = _built_wheel(sdist, tmp_path / "wheel-from-sdist", tmp_path)
    _installed_starts_in_zh_tw(_fresh_venv_with(from_sdist, tmp_path / "venv-sdist"), tmp_path / "home-sdist")


@NEEDS_GIT
def test_wheel_carries_the_licence_the_notices_and_the_reference(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        reference = archive.read("cmswizard/docs/cms-reference.md")
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    # Windows starts a gui-script without a console window: the wizard's own launcher.
    assert "[gui_scripts]\ncmswizard-gui = cmswizard._entry:gui_main" in entry_points
    # Both start in the module that makes Ctrl+C quiet before the command line is imported.
    assert "[console_scripts]\ncmswizard = cmswizard._entry:main" in entry_points
    assert reference == (ROOT / "docs" / "cms-reference.md").read_bytes()
    licences = {name.split(".dist-info/licenses/", 1)[1] for name in names if ".dist-info/licenses/" in name}
    assert licences == {"LICENSE", "THIRD-PARTY-NOTICES.md"}
    assert "License-Expression: MIT" in metadata
    # The GUI is an extra: the core's requirements name no Qt.
    core = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert core and not [line for line in core if "PySide6" in line], core
    assert any("PySide6-Essentials" in line and 'extra == "gui"' in line for line in metadata.splitlines())


@POSIX_ONLY
@NEEDS_GIT
def test_headless_install_runs_the_command_line_without_pyside6(wheel: Path, tmp_path: Path) -> None:
    """`pip install cmswizard` (no `gui` extra) into a fresh venv, with its real dependencies from the
    package index (or pip's cache): the CLI works, and the wizard says in one line how to get it."""
    venv = tmp_path / "headless"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python, script = venv / "bin" / "python", venv / "bin" / "cmswizard"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "CMSWIZARD", "PIP_"))}
    env.pop("DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"  # even with a platform named, there is no Qt to start
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=tmp_path, env=env)
    assert _run(python, "-c", "import importlib.util as u; print(u.find_spec('PySide6'))", cwd=tmp_path) == "None\n"

    assert "usage: cmswizard" in _run(script, "--help", cwd=tmp_path, env=env)
    _run(
        script,
        "pki",
        "csr",
        "web",
        "CN:join.example.com",
        "subjectAltName:join.example.com",
        "--dir",
        tmp_path,
        cwd=tmp_path,
        env=env,
    )
    assert (tmp_path / "web.key").exists() and (tmp_path / "web.csr").read_bytes().startswith(b"-----BEGIN")
    _run(script, "plan", "new", tmp_path / "site.toml", "--core", "cms1.example.com", cwd=tmp_path, env=env)
    assert (tmp_path / "site.toml").exists()
    for wizard in ([script], [script, "--self-test"]):
        done = subprocess.run(wizard, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and done.stdout == "", done
        assert done.stderr.splitlines() == [
            "cmswizard: the wizard needs PySide6, which this installation left out; install the GUI with "
            "pip install 'cmswizard[gui]' (or pipx install 'cmswizard[gui]'), or use the command line: cmswizard --help"
        ]


# Holds the import of the command line until a signal comes: the moment a Ctrl+C used to end in a
# `KeyboardInterrupt` traceback from the top of the script pip writes. The finder says when it waits.
_SLOW_COMMAND_LINE = """
import sys, time

class _HoldTheCommandLine:
    def find_spec(self, name, path=None, target=None):
        if name == "cmswizard.cli":
            sys.stderr.write("IMPORTING cmswizard.cli\\n")
            sys.stderr.flush()
            time.sleep(60)
        return None

sys.meta_path.insert(0, _HoldTheCommandLine())
"""


@POSIX_ONLY
@NEEDS_GIT
@pytest.mark.parametrize(
    "signum, code, line",
    [
        (signal.SIGINT, 130, "cmswizard: interrupted while starting; nothing was written"),
        (signal.SIGTERM, 143, "cmswizard: terminated (SIGTERM) while starting; nothing was written"),
    ],
    ids=["SIGINT", "SIGTERM"],
)
@pytest.mark.parametrize("name", ["cmswizard", "cmswizard-gui"])
def test_a_signal_while_the_installed_script_imports_the_command_line_is_one_line(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory, name: str, signum: int, code: int, line: str
) -> None:
    folder = tmp_path_factory.getbasetemp() / "venv-signals"
    script = folder / "bin" / "cmswizard"
    if not script.exists():  # one venv for the four cases
        _fresh_venv_with(wheel, folder)
    hook = tmp_path_factory.mktemp("hook")
    (hook / "sitecustomize.py").write_text(_SLOW_COMMAND_LINE)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "CMSWIZARD"))}
    env["PYTHONPATH"] = str(hook)
    with subprocess.Popen(
        [folder / "bin" / name, "--help"], env=env, cwd=hook, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as started:
        assert started.stderr is not None
        assert started.stderr.readline() == "IMPORTING cmswizard.cli\n"
        started.send_signal(signum)
        out, err = started.communicate(timeout=60)
    assert started.returncode == code, err
    assert err.splitlines() == [line] and out == ""
