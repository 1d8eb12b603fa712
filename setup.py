"""Build step: the reviewed .ts catalogues become .qm files inside the wheel and the sdist, compiled by
Qt's lrelease from the PySide6-Essentials build requirement (so `pip install .` speaks zh_TW too), and
docs/cms-reference.md goes into the package, where every command sheet says it is (`cmswizard --reference`).
Everything else about the project is in pyproject.toml."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
CATALOGUES = ROOT / "resources" / "translations"
QM_FOLDER = Path("cmswizard") / "gui" / "translations"
SHIPPED_DOCS = ["cms-reference.md"]  # cmswizard/reference.py finds them in cmswizard/docs/


def _lrelease() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("building cmswizard needs PySide6-Essentials (a build requirement) for lrelease")
    tool = Path(spec.origin).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if not tool.exists():
        raise SystemExit(f"lrelease not found at {tool}")
    return tool


def compile_catalogues(target: Path) -> list[Path]:
    """Compile every resources/translations/*.ts into target/cmswizard/gui/translations/*.qm."""
    sources = sorted(CATALOGUES.glob("cmswizard_*.ts"))
    if not sources:
        return []  # e.g. a wheel built from an sdist that already carries the .qm files
    folder = target / QM_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    tool = _lrelease()
    made = []
    for source in sources:
        qm = folder / source.with_suffix(".qm").name
        subprocess.run([str(tool), "-silent", str(source), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def copy_docs(target: Path) -> None:
    """docs/<name> into target/cmswizard/docs/<name> (an installed user has no docs/ folder)."""
    folder = target / "cmswizard" / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED_DOCS:
        (folder / name).write_bytes((ROOT / "docs" / name).read_bytes())


class BuildPyWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        # An editable install reads the source tree, where `make translations` puts the .qm and
        # cmswizard/reference.py finds docs/ beside the package.
        if not self.editable_mode:
            compile_catalogues(Path(self.build_lib))
            copy_docs(Path(self.build_lib))


class SdistWithCatalogues(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        compile_catalogues(Path(base_dir))


setup(cmdclass={"build_py": BuildPyWithCatalogues, "sdist": SdistWithCatalogues})
