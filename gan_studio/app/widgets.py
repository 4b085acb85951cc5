"""Small shared widgets for the side panels: no computation, only presentation.

* `CollapsibleSection` – a titled section with a disclosure arrow.
* `ValidatedField`     – wraps an editor; draws a red frame and shows a message when invalid.
* `ImageView`          – shows a uint8 numpy image crisply (nearest-neighbour, integer zoom).
* `ClassHistogram`     – a compact painted bar chart of images per class.
* `InlineMessage`      – a word-wrapped info / warning / error line.
* `ProgressBar`        – a QProgressBar whose busy animation stops when it leaves busy mode.
* `background`         – run a callable on a thread pool (in `background.py`, re-exported here).
* `section_title`, `tool_button`, `muted`, `scroll_panel` – small styled building blocks.
* `guard_wheel`        – spin boxes, combo boxes and sliders take the wheel only when focused.
* `set_clamped`, `next_seed` – spin box values held to the range (a seed past the maximum wraps to 0).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox,
                               QFrame, QHBoxLayout, QLabel, QMenu, QProgressBar, QScrollArea, QScrollBar, QSizePolicy,
                               QToolButton, QVBoxLayout, QWidget)

from .i18n import tr

ERROR_COLOR = QColor("#d64541")
WARN_COLOR = QColor("#c98a00")
ACCENT_COLOR = QColor("#3d7dd8")


# --------------------------------------------------------------------- helpers

def format_bytes(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    for unit in ("KB", "MB", "GB"):
        n /= 1024.0
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if n < 100 else f"{n:.0f} {unit}"
    return f"{n:.0f} GB"


def format_count(n: int) -> str:
    """Compact parameter counts: 812, 4.3 k, 273 k, 1.27 M."""
    if n < 1000:
        return str(n)
    if n < 10_000:
        return f"{n / 1e3:.1f} k"
    if n < 1_000_000:
        return f"{n / 1e3:.0f} k"
    return f"{n / 1e6:.2f} M"


def format_float(v: float) -> str:
    """Short text for a float field: 2e-4, 0.5, 0.999, 10."""
    if v == 0:
        return "0"
    if abs(v) < 1e-3:
        mantissa, exp = f"{v:.6e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{int(exp)}"
    return f"{v:.6g}"


def numpy_to_qimage(img: np.ndarray) -> QImage:
    """(H, W), (H, W, 1) or (H, W, 3) uint8 → a QImage that owns its pixels."""
    arr = np.ascontiguousarray(img)
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = np.ascontiguousarray(arr[:, :, 0])
    if arr.dtype != np.uint8:
        raise ValueError(f"expected uint8 pixels, got {arr.dtype}")
    h, w = arr.shape[:2]
    if arr.ndim == 2:
        q = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_Grayscale8)
    elif arr.ndim == 3 and arr.shape[2] == 3:
        q = QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_RGB888)
    else:
        raise ValueError(f"expected (H, W) or (H, W, 1|3) pixels, got shape {arr.shape}")
    return q.copy()


# --------------------------------------------------------------------- widgets

class CollapsibleSection(QWidget):
    """A header button with an arrow that shows / hides a content widget."""

    def __init__(self, title: str, content: QWidget | None = None, expanded: bool = False, parent=None):
        super().__init__(parent)
        self.header = QToolButton(self)
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setChecked(expanded)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.header.setAutoRaise(True)
        self.header.setStyleSheet("QToolButton { border: none; background: transparent; padding: 2px 0; }")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.header.toggled.connect(self.set_expanded)
        self.header.setToolTip(tr("Show or hide these settings"))
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.header, 0)
        head.addWidget(line, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addLayout(head)
        self.content = content or QWidget(self)
        self._layout.addWidget(self.content)
        self.content.setVisible(expanded)

    def set_expanded(self, expanded: bool) -> None:
        if self.header.isChecked() != expanded:
            self.header.setChecked(expanded)   # re-enters via toggled
            return
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.content.setVisible(expanded)


class ValidatedField(QWidget):
    """An editor with an inline error: red frame around it, message underneath, tooltip."""

    def __init__(self, editor: QWidget, hint: str = "", parent=None):
        super().__init__(parent)
        self.editor = editor
        self._hint = hint
        self._error: str | None = None
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        pal = self.error_label.palette()
        pal.setColor(QPalette.ColorRole.WindowText, ERROR_COLOR)
        self.error_label.setPalette(pal)
        small = self.error_label.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.error_label.setFont(small)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(1)
        lay.addWidget(editor)
        lay.addWidget(self.error_label)
        if hint:
            editor.setToolTip(hint)

    def error(self) -> str | None:
        return self._error

    def set_error(self, message: str | None) -> None:
        if message == self._error:
            return
        self._error = message
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        tip = message if not self._hint else (f"{message}\n\n{self._hint}" if message else self._hint)
        self.editor.setToolTip(tip or "")
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._error:
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(ERROR_COLOR, 1.6))
            r = QRectF(self.editor.geometry()).adjusted(-1.2, -1.2, 1.2, 1.2)
            p.drawRoundedRect(r, 3, 3)


class InlineMessage(QLabel):
    """A word-wrapped message line coloured by kind ('info', 'warning', 'error')."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = "info"
        self.setVisible(False)

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        color = {"error": ERROR_COLOR, "warning": WARN_COLOR}.get(kind)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.WindowText,
                     color if color is not None else self.parentWidget().palette().color(
                         QPalette.ColorRole.WindowText) if self.parentWidget() else QColor("black"))
        self.setPalette(pal)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)


class ProgressBar(QProgressBar):
    """A QProgressBar that stops the style's busy animation once it is no longer busy.

    Qt's Fusion style starts a ~60 frames-a-second animation while the range is 0..0 (busy) and stops it only
    when it paints a bar filled past its minimum: a bar that leaves busy mode at its minimum (training without a
    target shows an empty bar with the step count; a target's first moments are at 0 %) would go on repainting
    60 times a second, work taken from the training process.  The style's animation asks its widget for each
    frame; a frame request left unaccepted ends the animation.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleAnimationUpdate and self.maximum() > self.minimum():
            event.ignore()          # not busy: end the animation instead of repainting for it
            return True
        return super().event(event)


class ImageView(QWidget):
    """A uint8 image drawn with integer nearest-neighbour zoom, centred, crisp.

    Its height follows its width (height for width): the layout gives it the height of the image at the
    zoom its width allows, so the widgets under it move down in the same layout pass (setting a fixed
    height from resizeEvent grew the view over them until the next pass)."""

    def __init__(self, parent=None, placeholder: str = ""):
        super().__init__(parent)
        self._image: QImage | None = None
        self._array: np.ndarray | None = None
        self.placeholder = placeholder
        self.empty_height = 120
        self.setMinimumWidth(120)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_image(self, img: np.ndarray | None) -> None:
        self._array = None if img is None else np.asarray(img)
        self._image = None if img is None else numpy_to_qimage(self._array)
        self.updateGeometry()
        self.update()

    def image(self) -> np.ndarray | None:
        return self._array

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.update()

    def zoom(self, width: int | None = None) -> float:
        """The scale the image is drawn at (at `width`, else the view's): an integer when it is enlarged."""
        if self._image is None:
            return 1.0
        scale = (self.width() if width is None else width) / self._image.width()
        return float(int(scale)) if scale >= 1 else scale

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        if self._image is None:
            return self.empty_height
        return max(32, int(round(self._image.height() * self.zoom(width))))

    def sizeHint(self) -> QSize:
        return QSize(240, self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(self.width()))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        if self._image is None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
            p.setBrush(self.palette().color(QPalette.ColorRole.Base))
            p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect().adjusted(8, 8, -8, -8),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            return
        scale = self.zoom()
        w, h = int(self._image.width() * scale), int(self._image.height() * scale)
        target = QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1)
        p.drawImage(target, self._image)


class ClassHistogram(QWidget):
    """Images per class as thin bars; de-selected classes are drawn faded."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._names: list[str] = []
        self._counts: list[int] = []
        self._selected: set[int] | None = None
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, names: Sequence[str], counts: Sequence[int]) -> None:
        self._names = [str(n) for n in names]
        self._counts = [int(c) for c in counts]
        self._update_tooltip()
        self.update()

    def set_selected(self, selected: set[int] | None) -> None:
        self._selected = None if selected is None else set(selected)
        self.update()

    def counts(self) -> list[int]:
        return list(self._counts)

    def _update_tooltip(self) -> None:
        self.setToolTip("\n".join(f"{n}: {c:,}" for n, c in zip(self._names, self._counts)))

    def sizeHint(self) -> QSize:
        return QSize(240, 72)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        if not self._counts:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No class labels"))
            return
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        p.setFont(font)
        fm = p.fontMetrics()
        label_h = fm.height() + 2
        n = len(self._counts)
        top, bottom = 4, self.height() - label_h
        avail = max(1, bottom - top)
        peak = max(self._counts) or 1
        slot = self.width() / n
        bar_w = max(2.0, slot * 0.7)
        short = [nm if fm.horizontalAdvance(nm) <= slot - 2 else nm[:3] for nm in self._names]
        show_labels = all(fm.horizontalAdvance(nm) <= slot for nm in short)
        for i, c in enumerate(self._counts):
            x = i * slot + (slot - bar_w) / 2
            h = avail * c / peak
            on = self._selected is None or i in self._selected
            color = QColor(ACCENT_COLOR)
            if not on:
                color.setAlpha(60)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            p.drawRoundedRect(QRectF(x, bottom - h, bar_w, h), 1.5, 1.5)
            if show_labels:
                p.setPen(text if on else pal.color(QPalette.ColorRole.PlaceholderText))
                p.drawText(QRectF(i * slot, bottom + 1, slot, label_h),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, short[i])
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.drawLine(0, bottom, self.width(), bottom)


def section_title(text: str) -> QLabel:
    """An upper-case, bold, muted heading above a group of controls."""
    lab = QLabel(text.upper())
    f = lab.font()
    f.setBold(True)
    f.setPointSizeF(f.pointSizeF() * 0.85)
    lab.setFont(f)
    lab.setStyleSheet("color: palette(mid); letter-spacing: 1px; margin-top: 8px;")
    return lab


def tool_button(text: str, tip: str, menu: QMenu | None = None) -> QToolButton:
    """A text-only tool button; with `menu`, the arrow part opens it."""
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    b.setMinimumHeight(28)
    if menu is not None:
        b.setMenu(menu)
        b.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    return b


def muted(label: QLabel) -> QLabel:
    """Make a label secondary: smaller, placeholder colour."""
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(pal)
    return label


class _WheelGuard(QObject):
    """Event filter: a wheel event over an unfocused field is not the field's; it goes on to the
    parent (the scroll area scrolls) instead of changing the value."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() != QEvent.Type.Wheel or not isinstance(obj, QWidget) or obj.hasFocus():
            return False
        area = obj.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()          # ignored + filtered: Qt offers the event to the parent widgets
            return True
        # Hand it to the enclosing scroll area (Qt does not pass synthesized wheel events on by itself).
        QApplication.sendEvent(area.viewport(), event.clone())
        event.accept()
        return True


_WHEEL_GUARD: _WheelGuard | None = None
WHEEL_FIELDS = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def guard_wheel(*roots: QWidget) -> None:
    """Spin boxes, combo boxes and sliders in `roots` (and the roots themselves) take wheel events only
    when they have keyboard focus, so scrolling a panel never changes a field the pointer passes over.

    Focus comes by click or Tab (Qt.StrongFocus), not by the wheel.  Calling it again is harmless
    (fields added since are guarded too)."""
    global _WHEEL_GUARD
    if _WHEEL_GUARD is None:
        _WHEEL_GUARD = _WheelGuard(QApplication.instance())
    for root in roots:
        fields = [root] if isinstance(root, WHEEL_FIELDS) else []
        for kind in WHEEL_FIELDS:
            fields += root.findChildren(kind)
        for w in fields:
            if isinstance(w, QScrollBar) or w.property("wheelGuarded"):   # scroll bars keep the wheel
                continue
            w.setProperty("wheelGuarded", True)
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            w.installEventFilter(_WHEEL_GUARD)


def set_clamped(box, value) -> int:
    """`box.setValue(value)` held to the box's range (a C int: past 2³¹−1 `setValue` raises OverflowError);
    returns the value set."""
    v = min(max(int(value), box.minimum()), box.maximum())
    box.setValue(v)
    return v


def next_seed(box) -> int:
    """Step a seed box on by one, wrapping from its maximum to its minimum; returns the new seed."""
    v = box.value() + 1
    box.setValue(v if v <= box.maximum() else box.minimum())
    return box.value()


def scroll_panel(widget: QWidget, min_width: int = 0, max_width: int | None = None) -> QScrollArea:
    """A frameless, vertically scrolling holder for a side panel."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if min_width:
        scroll.setMinimumWidth(min_width)
    if max_width:
        scroll.setMaximumWidth(max_width)
    return scroll


def fit_to_screen(window: QWidget, width: int, height: int, near: QWidget | None = None) -> None:
    """Size a top-level window `width`×`height`, or less on a smaller screen: within the screen's available
    geometry (taskbars and panels excluded), leaving room for the window manager's frame, and centred in it.
    `near`: the window whose screen to use (a dialog opened from the main window)."""
    from PySide6.QtGui import QGuiApplication

    screen = (near.screen() if near is not None else None) or window.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else None
    if avail is None or not avail.isValid():
        window.resize(width, height)
        return
    w, h = min(width, int(avail.width() * 0.95)), min(height, int(avail.height() * 0.92))
    window.resize(w, h)
    window.move(avail.x() + (avail.width() - w) // 2, avail.y() + max(0, (avail.height() - h) // 3))
