"""The wizard's few colours, readable on whatever palette the desktop gives (light or dark).

Pages never write a colour: they name what a text is (`Role.ERROR`, `Role.OK`, ...) and this module picks
the shade for the widget's own background, lighter on a dark palette, darker on a light one, until the
contrast reaches WCAG AA for body text (4.5:1). Each role also carries its symbol (✗ ⚠ ✓ ℹ), so the
meaning never rests on colour alone.
"""

from __future__ import annotations

import enum
import html

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = [
    "AA_CONTRAST",
    "BADGE_FILLS",
    "Role",
    "badge_fill",
    "colour",
    "colour_on",
    "coloured",
    "contrast_ratio",
    "hex_colour",
    "is_dark",
]

AA_CONTRAST = 4.5  # WCAG 2.x AA, normal text


class Role(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    OK = "ok"
    NOTE = "note"  # secondary text: hints, "left out"
    ENTITY = "entity"  # the chain builder's badges
    INTERMEDIATE = "intermediate"
    ROOT = "root"


# The hue of each role as designed for a white page; other backgrounds get the same hue, made readable.
_BASE = {
    Role.ERROR: "#b00020",
    Role.WARNING: "#8a5a00",
    Role.OK: "#2e7d32",
    Role.NOTE: "#505050",
    Role.ENTITY: "#1d5fa6",
    Role.INTERMEDIATE: "#6a4fb3",
    Role.ROOT: "#2e7d32",
}


# Badge fills under white text (the chain builder's entity/intermediate/root/unrelated): each is above
# 4.5:1 against white on any palette, since the badge paints its own background.
BADGE_FILLS = {
    Role.ENTITY: "#1d5fa6",
    Role.INTERMEDIATE: "#6a4fb3",
    Role.ROOT: "#2e7d32",
    Role.NOTE: "#707070",
}


def badge_fill(role: Role) -> QColor:
    return QColor(BADGE_FILLS.get(role, BADGE_FILLS[Role.NOTE]))


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio, 1.0 to 21.0."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _palette(widget: QWidget | None) -> QPalette:
    return widget.palette() if widget is not None else QApplication.palette()


def _background(widget: QWidget | None) -> QColor:
    """Where text of these colours sits: labels on the window colour, lists and tables on the base colour."""
    palette = _palette(widget)
    window, base = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)
    # judge against the worse of the two, so one colour reads in a label and in a list alike
    return window if abs(window.lightnessF() - 0.5) < abs(base.lightnessF() - 0.5) else base


def is_dark(widget: QWidget | None = None) -> bool:
    return _palette(widget).color(QPalette.ColorRole.Window).lightnessF() < 0.5


def colour(role: Role, widget: QWidget | None = None) -> QColor:
    """The role's colour with at least AA contrast on the widget's background (the application's when None)."""
    return colour_on(role, _background(widget))


def hex_colour(role: Role, widget: QWidget | None = None) -> str:
    """`colour()` as #rrggbb, for rich text and style sheets."""
    return colour(role, widget).name()


def colour_on(role: Role, background: QColor) -> QColor:
    """The role's colour with at least AA contrast on `background` (a delegate paints on its own)."""
    base = QColor(_BASE[role])
    hue, saturation, lightness = base.hslHueF(), base.hslSaturationF(), base.lightnessF()
    brighter = background.lightnessF() < 0.5
    if brighter:  # a dark palette: start from a light shade of the same hue
        lightness = max(lightness, 0.70)
    candidate = QColor.fromHslF(hue, saturation, lightness)
    for _ in range(40):
        if contrast_ratio(candidate, background) >= AA_CONTRAST:
            return candidate
        lightness = min(1.0, lightness + 0.025) if brighter else max(0.0, lightness - 0.025)
        candidate = QColor.fromHslF(hue, saturation, lightness)
    return QColor("white") if brighter else QColor("black")


def coloured(text: str, role: Role, widget: QWidget | None = None, *, escape: bool = False) -> str:
    """Rich text: `text` (escaped first when asked) in the role's colour for this widget."""
    shown = html.escape(text) if escape else text
    return f'<span style="color:{colour(role, widget).name()}">{shown}</span>'
