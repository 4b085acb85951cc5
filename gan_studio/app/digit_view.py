"""Reusable image widgets for the Gallery and Explore tabs.

* `DigitGrid`  – a zoomable, scrollable grid of uint8 images with click / shift /
  ctrl selection, stars for favourites, a highlighted "current" cell, per-cell
  tooltips and captions.  Ctrl+wheel (or `set_cell_size`) zooms.
* `DigitImage` – one image drawn as large as fits, crisp (nearest-neighbour).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QToolTip, QWidget

from .widgets import ACCENT_COLOR, numpy_to_qimage

STAR_COLOR = QColor("#f2b705")
BG_COLOR = QColor("#1e1f22")
CELL_BG = QColor("#000000")
MIN_FIT_CELL = 40      # fixed columns shrink their cells to fit the width down to this (px); below it they scroll


def _star_polygon(cx: float, cy: float, r: float) -> QPolygonF:
    import math

    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    from PySide6.QtCore import QPointF
    return QPolygonF([QPointF(x, y) for x, y in pts])


def _pixmaps(images: np.ndarray) -> list[QPixmap]:
    return [QPixmap.fromImage(numpy_to_qimage(img)) for img in images]


class DigitGrid(QAbstractScrollArea):
    """Images in a grid that flows to the width (or has fixed `columns`).

    Signals: `selectionChanged()`, `activated(int)` (double click / Enter),
    `clicked(int)`, `zoomChanged(int)` (cell size in pixels).
    """

    selectionChanged = Signal()
    activated = Signal(int)
    clicked = Signal(int)
    zoomChanged = Signal(int)

    MIN_CELL, MAX_CELL = 28, 280

    def __init__(self, parent=None, cell: int = 72, columns: int | None = None, gap: int = 6,
                 selectable: bool = True, captions: bool = False, placeholder: str = ""):
        super().__init__(parent)
        self._images = np.zeros((0, 1, 1, 1), np.uint8)
        self._pix: list[QPixmap] = []
        self._tips: list[str] = []
        self._captions: list[str] = []
        self._starred: set[int] = set()
        self._selected: list[int] = []
        self._anchor: int | None = None
        self._current: int | None = None
        self._marked: dict[int, str] = {}
        self.cell = cell
        self.columns = columns
        self.gap = gap
        self.selectable = selectable
        self.show_captions = captions
        self.placeholder = placeholder
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        pal = self.viewport().palette()
        pal.setColor(QPalette.ColorRole.Window, BG_COLOR)
        self.viewport().setPalette(pal)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)

    # ------------------------------------------------------------------ content
    def set_images(self, images, tooltips: Sequence[str] | None = None, captions: Sequence[str] | None = None,
                   keep_selection: bool = False) -> None:
        arr = np.asarray(images, dtype=np.uint8)
        if arr.ndim == 3:
            arr = arr[..., None]
        self._images = arr
        self._pix = _pixmaps(arr) if len(arr) else []
        n = len(arr)
        self._tips = list(tooltips) if tooltips is not None else [""] * n
        self._captions = list(captions) if captions is not None else [""] * n
        if keep_selection:
            self._selected = [i for i in self._selected if i < n]
        else:
            self._selected = []
            self._anchor = None
        self._starred = {i for i in self._starred if i < n}
        self._marked = {i: t for i, t in self._marked.items() if i < n}
        if self._current is not None and self._current >= n:
            self._current = None
        self._relayout()
        self.selectionChanged.emit()

    def images(self) -> np.ndarray:
        return self._images

    def count(self) -> int:
        return len(self._images)

    def tooltip(self, i: int) -> str:
        return self._tips[i]

    def set_starred(self, indices) -> None:
        self._starred = set(int(i) for i in indices)
        self.viewport().update()

    def starred(self) -> set[int]:
        return set(self._starred)

    def set_marks(self, marks: dict[int, str]) -> None:
        """Small badges drawn in a cell's top-left corner (e.g. "A", "P1")."""
        self._marked = dict(marks)
        self.viewport().update()

    def set_current(self, i: int | None) -> None:
        self._current = i
        if i is not None:
            self.ensure_visible(i)
        self.viewport().update()

    def current(self) -> int | None:
        return self._current

    # ------------------------------------------------------------------- zoom
    def set_cell_size(self, px: int) -> None:
        px = int(max(self.MIN_CELL, min(self.MAX_CELL, px)))
        if px != self.cell:
            self.cell = px
            self._relayout()
            self.zoomChanged.emit(px)

    # -------------------------------------------------------------- selection
    def selected(self) -> list[int]:
        return list(self._selected)

    def set_selected(self, indices, emit: bool = True) -> None:
        self._selected = [int(i) for i in dict.fromkeys(indices) if 0 <= int(i) < self.count()]
        self._anchor = self._selected[-1] if self._selected else None
        self.viewport().update()
        if emit:
            self.selectionChanged.emit()

    def select_all(self) -> None:
        self.set_selected(range(self.count()))

    def click(self, i: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """Select like a mouse click with `modifiers` (shift: range, ctrl: toggle)."""
        if not (0 <= i < self.count()):
            return
        if self.selectable:
            if modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor is not None:
                lo, hi = sorted((self._anchor, i))
                base = self._selected if modifiers & Qt.KeyboardModifier.ControlModifier else []
                self._selected = list(dict.fromkeys(base + list(range(lo, hi + 1))))
            elif modifiers & Qt.KeyboardModifier.ControlModifier:
                if i in self._selected:
                    self._selected.remove(i)
                else:
                    self._selected.append(i)
                self._anchor = i
            else:
                self._selected = [i]
                self._anchor = i
            self.viewport().update()
            self.selectionChanged.emit()
        self.clicked.emit(i)

    # ----------------------------------------------------------------- layout
    def _cols(self) -> int:
        if self.columns:
            return self.columns
        w = self.viewport().width() - self.gap
        return max(1, w // (self.cell + self.gap))

    def cell_px(self) -> int:
        """The cell size drawn: the zoom's, or less when fixed `columns` would not fit the width (all of a
        conditional model's ten columns stay on screen on a 1280-px laptop), never under MIN_FIT_CELL."""
        if not self.columns:
            return self.cell
        fit = (self.viewport().width() - self.gap) // self.columns - self.gap
        return max(min(self.cell, MIN_FIT_CELL), min(self.cell, fit))

    def _cap_h(self) -> int:
        return self.fontMetrics().height() + 2 if self.show_captions else 0

    def _cell_rect(self, i: int) -> QRect:
        cols, cell = self._cols(), self.cell_px()
        r, c = divmod(i, cols)
        pitch_x = cell + self.gap
        pitch_y = cell + self.gap + self._cap_h()
        used = cols * pitch_x - self.gap
        x0 = max(self.gap, (self.viewport().width() - used) // 2)
        return QRect(x0 + c * pitch_x - self.horizontalScrollBar().value(),
                     self.gap + r * pitch_y - self.verticalScrollBar().value(), cell, cell)

    def content_size(self) -> QSize:
        n = self.count()
        cols, cell = self._cols(), self.cell_px()
        rows = (n + cols - 1) // cols if n else 0
        w = cols * (cell + self.gap) + self.gap
        h = rows * (cell + self.gap + self._cap_h()) + self.gap
        return QSize(w, h)

    def _relayout(self) -> None:
        size = self.content_size()
        vp = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, size.height() - vp.height()))
        self.verticalScrollBar().setPageStep(vp.height())
        self.verticalScrollBar().setSingleStep(self.cell // 3 + 4)
        self.horizontalScrollBar().setRange(0, max(0, size.width() - vp.width()) if self.columns else 0)
        self.horizontalScrollBar().setPageStep(vp.width())
        self.viewport().update()
        self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def ensure_visible(self, i: int) -> None:
        rect = self._cell_rect(i)
        bar = self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top() - self.gap)
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height() + self.gap + self._cap_h())

    def index_at(self, pos: QPoint) -> int | None:
        for i in range(self.count()):
            if self._cell_rect(i).contains(pos):
                return i
        return None

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, event) -> None:
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), BG_COLOR)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if not self._pix:
            if self.placeholder:
                p.setPen(QColor("#9a9da3"))
                p.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                           Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        vis = self.viewport().rect()
        sel = set(self._selected)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        for i, pix in enumerate(self._pix):
            rect = self._cell_rect(i)
            full = rect.adjusted(-3, -3, 3, 3 + self._cap_h())
            if not full.intersects(vis):
                continue
            p.fillRect(rect, CELL_BG)
            p.drawPixmap(rect, pix)
            if i == self._current:
                p.setPen(QPen(QColor("#ffffff"), 2))
                p.drawRect(rect.adjusted(-2, -2, 1, 1))
            if i in sel:
                p.setPen(QPen(ACCENT_COLOR.lighter(120), 3))
                p.drawRect(rect.adjusted(-2, -2, 1, 1))
                overlay = QColor(ACCENT_COLOR)
                overlay.setAlpha(40)
                p.fillRect(rect, overlay)
            if i in self._starred:
                r = max(5.0, self.cell_px() * 0.09)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                p.setPen(QPen(QColor("#000000"), 1))
                p.setBrush(STAR_COLOR)
                p.drawPolygon(_star_polygon(rect.right() - r - 3, rect.top() + r + 3, r))
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                p.setBrush(Qt.BrushStyle.NoBrush)
            badge = self._marked.get(i)
            if badge:
                p.setFont(small)
                fm = p.fontMetrics()
                box = QRect(rect.left() + 2, rect.top() + 2, fm.horizontalAdvance(badge) + 8, fm.height() + 2)
                p.fillRect(box, ACCENT_COLOR)
                p.setPen(QColor("white"))
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
            if self.show_captions and i < len(self._captions) and self._captions[i]:
                p.setFont(small)
                p.setPen(QColor("#c8cbd0"))
                cap = QRect(rect.left() - self.gap // 2, rect.bottom() + 1, rect.width() + self.gap, self._cap_h())
                text = p.fontMetrics().elidedText(self._captions[i], Qt.TextElideMode.ElideRight, cap.width())
                p.drawText(cap, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        p.end()

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            i = self.index_at(event.position().toPoint())
            if i is not None:
                self.click(i, event.modifiers())
            elif self.selectable and not event.modifiers():
                self.set_selected([])
        elif event.button() == Qt.MouseButton.RightButton:
            i = self.index_at(event.position().toPoint())
            if i is not None and i not in self._selected and self.selectable:
                self.click(i)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        i = self.index_at(event.position().toPoint())
        if i is not None:
            self.activated.emit(i)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1 if event.angleDelta().y() > 0 else -1
            self.set_cell_size(int(self.cell * (1.15 if step > 0 else 1 / 1.15)))
            event.accept()
            return
        super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def viewportEvent(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            i = self.index_at(event.pos())
            if i is not None and self._tips[i]:
                QToolTip.showText(event.globalPos(), self._tips[i], self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event) -> None:
        n = self.count()
        if n and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            cur = self._anchor if self._anchor is not None else -1
            delta = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1,
                     Qt.Key.Key_Up: -self._cols(), Qt.Key.Key_Down: self._cols()}[event.key()]
            nxt = min(n - 1, max(0, cur + delta))
            mods = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.click(nxt, mods if mods else Qt.KeyboardModifier.NoModifier)
            self.ensure_visible(nxt)
            return
        if n and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.activated.emit(self._selected[-1])
            return
        if event.key() == Qt.Key.Key_A and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_all()
            return
        super().keyPressEvent(event)


class DigitImage(QWidget):
    """One image drawn with the largest integer-ish nearest-neighbour scale that fits, with a caption."""

    def __init__(self, parent=None, placeholder: str = "", min_size: int = 160):
        super().__init__(parent)
        self._array: np.ndarray | None = None
        self._pix: QPixmap | None = None
        self.placeholder = placeholder
        self.caption = ""
        self.setMinimumSize(min_size, min_size)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, img: np.ndarray | None, caption: str = "") -> None:
        self._array = None if img is None else np.asarray(img)
        self._pix = None if img is None else QPixmap.fromImage(numpy_to_qimage(self._array))
        self.caption = caption
        self.update()

    def image(self) -> np.ndarray | None:
        return self._array

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), BG_COLOR)
        cap_h = self.fontMetrics().height() + 6 if self.caption else 0
        area = self.rect().adjusted(8, 8, -8, -8 - cap_h)
        if self._pix is None:
            p.setPen(QColor("#9a9da3"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        w, h = self._pix.width(), self._pix.height()
        scale = min(area.width() / w, area.height() / h)
        if scale >= 1:
            scale = int(scale)
        side_w, side_h = int(w * scale), int(h * scale)
        target = QRectF(area.center().x() - side_w / 2 + 1, area.center().y() - side_h / 2 + 1, side_w, side_h)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawPixmap(target.toRect(), self._pix)
        if self.caption:
            p.setPen(QColor("#c8cbd0"))
            p.drawText(QRect(0, self.height() - cap_h - 2, self.width(), cap_h), Qt.AlignmentFlag.AlignCenter,
                       self.caption)
        p.end()
