"""The bench runs cmswizard as a user's install has it: a regular (non-editable) install, every
module compiled to bytecode first (issue 24: the development venv's editable finder costs every
start time an installed package does not pay).

`regular_python()` makes a venv beside the development one — its files hard-linked, so it takes
seconds and no space; nothing in the development venv is changed — takes the editable install out of
it, installs this source tree as a wheel would be installed, compiles everything, and returns its
python. It is made again on every bench run, so it always holds the code being measured.
"""

from __future__ import annotations

import compileall
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_from(python: str) -> Path:
    """Where `python` imports cmswizard from."""
    done = subprocess.run(
        [python, "-c", "import cmswizard; print(cmswizard.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    return Path(done.stdout.strip()).resolve().parent


def is_regular_install(python: str) -> bool:
    """cmswizard imported from a site-packages folder, not from this source tree (an editable install)."""
    return "site-packages" in imported_from(python).parts


def regular_python(development_venv: Path) -> str:
    tag = hashlib.sha256(str(ROOT).encode()).hexdigest()[:10]
    venv = Path(tempfile.gettempdir()) / f"cmswizard-bench-venv-{tag}"
    shutil.rmtree(venv, ignore_errors=True)
    # Hard links: the copy's files are the development venv's until something replaces one, and pip
    # and the compiler replace (write a new file and rename), never write into an existing one.
    subprocess.run(["cp", "-al", str(development_venv), str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "uninstall", "--yes", "cmswizard"], check=True, capture_output=True)
    # pyproject.toml's build-system needs (the development venv may hold an older setuptools): into the copy only
    subprocess.run([*pip, "install", "setuptools>=77"], check=True, capture_output=True)
    with tempfile.TemporaryDirectory(prefix="cmswizard-bench-build-") as build:
        source = Path(build) / "src"  # a clean copy: no build/ or egg-info left by the editable install
        shutil.copytree(
            ROOT,
            source,
            ignore=shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"),
        )
        subprocess.run(
            [*pip, "install", "--no-deps", "--no-build-isolation", str(source)],
            check=True,
            capture_output=True,
        )
    site = next((venv / "lib").glob("python3*/site-packages"))
    # Everything, as pip does when it installs (a few templates in PySide6 are not Python: skipped, as pip skips them)
    compileall.compile_dir(site, quiet=2, workers=0)
    if not compileall.compile_dir(site / "cmswizard", quiet=1):
        raise RuntimeError(f"compiling {site / 'cmswizard'} failed")
    if not is_regular_install(python):
        raise RuntimeError(f"{python} does not import cmswizard from its own site-packages")
    return python


if __name__ == "__main__":
    print(regular_python(ROOT / ".venv"))
