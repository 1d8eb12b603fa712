"""The packaged app's Qt trimming matches each platform's PySide6 layout (packaging/qt_trim.py, used by
packaging/cmswizard.spec), and the icons for Windows (.ico) and macOS (.icns) are well formed
(packaging/make_icons.py). The builds themselves run on Linux here (`make package`) and on Windows and
macOS only in .github/workflows/windows-macos.yml, which this project's own machines do not run."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).parent.parent / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


qt_trim = _load("qt_trim")

KEPT = [
    # Linux
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/translations/qtbase_zh_TW.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    # Windows (no Qt/ folder; DLLs beside the Python modules)
    "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/plugins/platforms/qoffscreen.dll",
    "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/translations/qtbase_zh_TW.qm",
    "PySide6/Qt6Widgets.dll",
    "PySide6/Qt6Core.dll",
    # macOS
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/imageformats/libqsvg.dylib",
    "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
]
DROPPED = [
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/plugins/imageformats/qjpeg.dll",
    "PySide6/plugins/tls/qschannelbackend.dll",
    "PySide6/translations/qtbase_fr.qm",
    "PySide6\\Qt6Network.dll",
    "PySide6/Qt6OpenGL.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.dylib",
    "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
    "PySide6/Qt/lib/QtOpenGL.framework/Resources/Info.plist",
]


@pytest.mark.parametrize("path", KEPT)
def test_kept(path: str) -> None:
    assert not qt_trim.is_unused(path)


@pytest.mark.parametrize("path", DROPPED)
def test_dropped(path: str) -> None:
    assert qt_trim.is_unused(path)


def test_the_spec_uses_these_rules_and_builds_what_each_platform_needs() -> None:
    spec = (PACKAGING / "cmswizard.spec").read_text(encoding="utf-8")
    assert "from qt_trim import is_unused" in spec
    assert '_exe("cmswizard-gui", console=False)' in spec  # Windows: the wizard without a console window
    assert "BUNDLE(" in spec and "cmswizard.icns" in spec and "cmswizard.ico" in spec
    assert '"LICENSE"' in spec and '"THIRD-PARTY-NOTICES.md"' in spec and "cms-reference.md" in spec


def test_icons_for_windows_and_macos_are_well_formed(tmp_path: Path) -> None:
    make_icons = _load("make_icons")
    pngs = make_icons.render_pngs(PACKAGING / "linux" / "cmswizard.svg", make_icons.SIZES)
    ico, icns = make_icons.write_icons(pngs, tmp_path)
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for number in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * number)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(data)
        assert width == height  # 0 stands for 256
    data = icns.read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    at, kinds = 8, []
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8 : at + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        at += length
    assert at == len(data) and kinds == [b"ic07", b"ic08", b"ic09", b"ic10"]
