"""How the chain builder draws one certificate of its list: a card with its role badge, subject, expiry (in
the role colours of gui/style.py, judged against the card itself) and the link to the next certificate."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cmswizard.gui import style
from cmswizard.gui.i18n import translated
from cmswizard.gui.models.chain import ChainRole
from cmswizard.pki.errors import N_

_BADGE = {"entity": style.Role.ENTITY, "intermediate": style.Role.INTERMEDIATE, "root": style.Role.ROOT}


class CertificateCard(QStyledItemDelegate):
    """One card per certificate: role badge, names, expiry, key, source; the link to the next below."""

    HEIGHT = 74

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(420, max(self.HEIGHT, option.fontMetrics.height() * 4 + 14))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Highlight).lighter(185)
            if selected
            else palette.color(QPalette.ColorRole.Base)
        )
        painter.drawRoundedRect(rect, 6, 6)
        card = painter.brush().color()  # the colours below are judged against this card, not the window
        unrelated = bool(index.data(ChainRole.UNRELATED))
        role = str(index.data(ChainRole.ROLE))
        metrics = option.fontMetrics
        line = metrics.height()
        badge_text = translated(N_("unrelated")) if unrelated else translated(role)
        badge = QRect(rect.left() + 8, rect.top() + 8, metrics.horizontalAdvance(badge_text) + 14, line + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.badge_fill(style.Role.NOTE if unrelated else _BADGE.get(role, style.Role.NOTE)))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        text_left = badge.right() + 10
        width = rect.right() - text_left - 8
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRect(text_left, rect.top() + 8, width, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(str(index.data(ChainRole.SUBJECT)), Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(option.font)
        days = int(index.data(ChainRole.DAYS_LEFT))
        if days < 0:
            expiry, colour = (
                self.tr("EXPIRED {date}").format(date=index.data(ChainRole.EXPIRY)),
                style.colour_on(style.Role.ERROR, card),
            )
        else:
            expiry = self.tr("expires {date} ({days} days left)").format(date=index.data(ChainRole.EXPIRY), days=days)
            colour = style.colour_on(style.Role.WARNING, card) if days < 30 else palette.color(QPalette.ColorRole.Text)
        problem = index.data(ChainRole.VALIDITY_PROBLEM)
        if problem and days >= 0:
            expiry, colour = str(problem), style.colour_on(style.Role.ERROR, card)
        details = self.tr("issued by {issuer} · {key} · {sources}").format(
            issuer=index.data(ChainRole.ISSUER), key=index.data(ChainRole.KEY), sources=index.data(ChainRole.SOURCES)
        )
        painter.setPen(colour)
        expiry_width = metrics.horizontalAdvance(expiry)
        painter.drawText(
            QRect(text_left, rect.top() + 10 + line, expiry_width + 4, line), Qt.AlignmentFlag.AlignLeft, expiry
        )
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        rest_left = text_left + expiry_width + 12
        painter.drawText(
            QRect(rest_left, rect.top() + 10 + line, rect.right() - rest_left - 8, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(details, Qt.TextElideMode.ElideRight, rect.right() - rest_left - 8),
        )
        ok, link = index.data(ChainRole.LINK_OK), str(index.data(ChainRole.LINK_TEXT) or "")
        if link:
            painter.setPen(style.colour_on(style.Role.OK if ok else style.Role.ERROR, card))
            painter.drawText(
                QRect(text_left, rect.top() + 12 + 2 * line, width, line),
                Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(("↓ " if ok else "") + link, Qt.TextElideMode.ElideRight, width),
            )
        painter.restore()
