"""What the packaged app leaves out of PySide6's Qt, for packaging/cmswizard.spec (and its test).

The PySide6 wheels lay Qt out differently per platform, and the rules must match each layout:
  Linux:   PySide6/Qt/plugins/…, PySide6/Qt/lib/libQt6Network.so.6, PySide6/Qt/translations/…
  Windows: PySide6/plugins/…,    PySide6/Qt6Network.dll,            PySide6/translations/…
  macOS:   PySide6/Qt/plugins/…, PySide6/Qt/lib/QtNetwork.framework/…, PySide6/Qt/translations/…
"""

from __future__ import annotations

import re

KEPT_PLATFORMS = (
    r"lib(qxcb|qoffscreen|qminimal)\.so$"  # Linux: X11 (and XWayland), offscreen (self-test, CI), minimal
    r"|q(windows|offscreen|minimal)\.dll$"  # Windows
    r"|libq(cocoa|offscreen|minimal)\.dylib$"  # macOS
)
DROPPED_LIBRARIES = r"(Network|OpenGL|Wayland\w*|WlShellIntegration|EglFS\w*|EglFsKmsSupport)"

UNUSED_QT = [
    rf"plugins/platforms/(?!{KEPT_PLATFORMS})",
    r"plugins/(wayland-[^/]+|egldeviceintegrations|generic|networkinformation|tls|platformthemes/libqgtk3)",
    r"plugins/imageformats/(?!(lib)?qsvg\.)",
    r"translations/(?!qtbase_zh_TW\.qm$)",
    rf"lib/libQt6{DROPPED_LIBRARIES}\.so",  # Linux
    rf"Qt6{DROPPED_LIBRARIES}\.dll$",  # Windows: the DLLs sit in PySide6/ itself
    rf"lib/Qt{DROPPED_LIBRARIES}\.framework/",  # macOS
]
UNUSED = re.compile(r"PySide6/(Qt/)?(" + "|".join(UNUSED_QT) + ")")


def is_unused(destination: str) -> bool:
    """Does this file of the app (its path inside the app, either separator) belong to what is left out?"""
    return UNUSED.search(destination.replace("\\", "/")) is not None
