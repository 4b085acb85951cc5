"""The model overview: noise z → G → images → D → real / fake, with real digits feeding D.

It replays one training step in slow motion, in its two phases, with what the training process
reported about that step (`set_probe`: a few real digits, the generator's images and D's output for
each, from `Trainer.probe`):

1. **D update**: real digits and generated images flow into D (G is not updated), D's outputs
   appear, then the update flows back into D: raise D(x), lower D(G(z)).
2. **G update**: noise flows through G and D, then the update flows back through D (frozen) into
   G: raise D(G(z)).

A new probe takes over at the start of the next D phase, so each replay shows a single step; when the
step on show has already been replayed once (training paused, or one Step at a time), a new one starts at
once.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..i18n import tr

PHASE_SECONDS = 3.5         # one phase of the slow-motion replay
FRAME_MS = 40
CANVAS = (780.0, 330.0)     # the logical drawing; scaled to the widget
CAPTION_H = 46              # the caption above it
G_COLOR = QColor(59, 142, 232)
D_COLOR = QColor(232, 116, 59)
UPDATE_COLOR = QColor(200, 40, 90)
IDLE = QColor(150, 150, 150)


def _pixmap(image: np.ndarray) -> QPixmap:
    """uint8 (H, W, C) → QPixmap (grey or RGB)."""
    a = np.ascontiguousarray(image)
    h, w = a.shape[:2]
    if a.ndim == 2 or a.shape[2] == 1:
        q = QImage(a.reshape(h, w).tobytes(), w, h, w, QImage.Format.Format_Grayscale8)
    else:
        q = QImage(a[..., :3].tobytes(), w, h, 3 * w, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(q.copy())


class ModelGraph(QWidget):
    phaseChanged = Signal(str)          # "d", "g" as the replay enters a phase

    def __init__(self, parent=None):
        super().__init__(parent)
        self.phase_seconds = PHASE_SECONDS
        self.probe: dict | None = None          # the step on show
        self.digits = True                      # the real images are digits (else a folder's images)
        self._pending: dict | None = None       # the latest probe, shown from the next D phase
        self._real: list[QPixmap] = []
        self._fake: list[QPixmap] = []
        self.phase: str | None = None           # "d" or "g" while replaying
        self.progress = 0.0                     # 0 … 1 within the phase
        self.cycles = 0                         # whole replays (D then G) started
        self._replays = 0                       # replays of the probe on show
        self._t0 = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(tr("One training step in slow motion, drawn with the images and outputs of a real step: "
                           "first D learns to tell real from generated, then G learns to fool the new D."))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        """The caption and the drawing at the scale the width allows."""
        return CAPTION_H + int(width * CANVAS[1] / CANVAS[0]) + 4

    # ------------------------------------------------------------------ data
    def set_probe(self, probe: dict) -> None:
        """What D made of a few real and generated images at a step (the `probe` event)."""
        self._pending = probe
        if self.probe is None or self._replays > 1:     # nothing on show, or its step was seen whole already
            self._start_cycle()

    def clear(self) -> None:
        self.probe = self._pending = None
        self._real, self._fake = [], []
        self.phase = None
        self._timer.stop()
        self.update()

    def _take(self, probe: dict) -> None:
        self.probe = probe
        self._real = [_pixmap(im) for im in probe["real"]]
        self._fake = [_pixmap(im) for im in probe["fake"]]

    # ------------------------------------------------------------- animation
    def _start_cycle(self) -> None:
        if self._pending is not None:
            self._take(self._pending)
            self._pending = None
            self._replays = 0
        self.cycles += 1
        self._replays += 1
        self._t0 = time.monotonic()
        self._set_phase("d", 0.0, new_cycle=True)   # announced even when the previous cycle was in its D phase
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def _set_phase(self, phase: str, progress: float, new_cycle: bool = False) -> None:
        changed = new_cycle or phase != self.phase
        self.phase, self.progress = phase, progress
        self.update()
        if changed:
            self.phaseChanged.emit(phase)

    def _tick(self) -> None:
        if self.probe is None:
            self._timer.stop()
            return
        t = (time.monotonic() - self._t0) / max(self.phase_seconds, 1e-3)
        if t >= 2.0:
            self._start_cycle()
            return
        self._set_phase("d" if t < 1.0 else "g", t % 1.0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self.probe is not None:
            self._t0 = time.monotonic() - ((1.0 if self.phase == "g" else 0.0) + self.progress) * self.phase_seconds
            self._timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().hideEvent(event)
        self._timer.stop()          # nothing to animate off screen

    def caption(self) -> str:
        if self.probe is None:
            return tr("Press Train (or Step) to watch one training step in slow motion here.")
        step = int(self.probe.get("step", 0))
        if self.phase == "g":
            return tr("Step {step:,} — phase 2 of 2: the generator learns. Noise goes through G and D; the update "
                      "flows back through D (frozen) into G, to raise D(G(z)).").format(step=step)
        if not self.digits:
            return tr("Step {step:,} — phase 1 of 2: the discriminator learns. Real images and G's images go into "
                      "D; the update changes D only, to raise D(x) and lower D(G(z)).").format(step=step)
        return tr("Step {step:,} — phase 1 of 2: the discriminator learns. Real digits and G's images go into D; "
                  "the update changes D only, to raise D(x) and lower D(G(z)).").format(step=step)

    def set_digits(self, digits: bool) -> None:
        """Name the real images as what they are: digits, or the images of a folder."""
        self.digits = digits
        self.update()

    def real_title(self) -> str:
        """The title over the real images in the drawing."""
        return tr("real digits x") if self.digits else tr("real images x")

    # --------------------------------------------------------------- drawing
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        w, h = CANVAS
        caption_h = CAPTION_H
        scale = min(self.width() / w, (self.height() - caption_h) / h)
        p.save()
        p.translate((self.width() - w * scale) / 2, caption_h)
        p.scale(scale, scale)
        self._draw_graph(p)
        p.restore()
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(10, 4, self.width() - 20, caption_h - 6),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap),
                   self.caption())
        p.end()

    def _stage(self) -> tuple[float, float, float]:
        """Forward (0…1), outputs (0…1) and update (0…1) progress within the phase."""
        t = self.progress if self.phase is not None else 1.0
        return min(1.0, t / 0.35), min(1.0, max(0.0, (t - 0.35) / 0.25)), min(1.0, max(0.0, (t - 0.6) / 0.4))

    def _draw_graph(self, p: QPainter) -> None:
        text = self.palette().text().color()
        phase = self.phase
        fwd, out, upd = self._stage()
        d_phase, g_phase = phase == "d", phase == "g"
        n = max(len(self._real), len(self._fake), 4)
        cell = min(40.0, 150.0 / n)

        z_box = QRectF(10, 215, 60, 70)
        g_box = QRectF(110, 205, 90, 90)
        real_box = QRectF(250, 20, 4 * 44 + 10, cell + 34)
        fake_box = QRectF(250, 205, 4 * 44 + 10, cell + 34)
        d_box = QRectF(470, 110, 90, 110)
        o_box = QRectF(596, 30, 184, 270)

        # edges (forward), bright while data flows along them in this phase
        real_on = d_phase
        fake_on = phase is not None
        z_on = g_phase or d_phase
        self._edge(p, z_box.center() + QPointF(30, 0), QPointF(g_box.left(), g_box.center().y()),
                   G_COLOR if z_on else IDLE, fwd if z_on else None)
        self._edge(p, QPointF(g_box.right(), g_box.center().y()), QPointF(fake_box.left(), fake_box.center().y()),
                   G_COLOR if z_on else IDLE, fwd if z_on else None)
        self._edge(p, QPointF(real_box.right(), real_box.center().y()), QPointF(d_box.left(), d_box.top() + 25),
                   D_COLOR if real_on else IDLE, fwd if real_on else None)
        self._edge(p, QPointF(fake_box.right(), fake_box.center().y()), QPointF(d_box.left(), d_box.bottom() - 25),
                   D_COLOR if fake_on else IDLE, fwd if fake_on else None)
        self._edge(p, QPointF(d_box.right(), d_box.center().y()), QPointF(o_box.left(), d_box.center().y()),
                   D_COLOR if phase else IDLE, fwd if phase else None)

        # the update flowing back
        if phase is not None and upd > 0:
            pen = QPen(UPDATE_COLOR, 3, Qt.PenStyle.DashLine)
            p.setPen(pen)
            off = QPointF(0, 12)            # backwards along the forward edges, just below them
            start = QPointF(o_box.left(), d_box.center().y()) + off
            if d_phase:
                self._back(p, [start, d_box.center() + off], upd)
                label = tr("update D: D(x) ↑, D(G(z)) ↓")
            else:
                under = fake_box.top() + 22 + cell + 16     # below the generated images (and their labels)
                self._back(p, [start, d_box.center() + off, QPointF(fake_box.right() + 10, under),
                               QPointF(fake_box.left() - 10, under), QPointF(g_box.right(), g_box.center().y()) + off,
                               QPointF(g_box.center().x(), g_box.center().y()) + off], upd)
                label = tr("update G: D(G(z)) ↑ (through D, which stays as it is)")
            p.setPen(UPDATE_COLOR)
            f = QFont(p.font())
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRectF(250, 300, 360, 24), Qt.AlignmentFlag.AlignCenter, label)
            p.setFont(QFont(self.font()))

        # nodes
        self._node(p, z_box, tr("noise z"), QColor(120, 120, 120), g_phase or d_phase, text)
        self._noise(p, z_box.adjusted(10, 22, -10, -8))
        glow_g = g_phase and upd > 0
        self._network(p, g_box, "G", G_COLOR, glow_g, tr("generator"), text, frozen=d_phase)
        glow_d = d_phase and upd > 0
        self._network(p, d_box, "D", D_COLOR, glow_d, tr("discriminator"), text, frozen=g_phase)
        self._images(p, real_box, self.real_title(), self._real, cell, text, dim=g_phase)
        self._images(p, fake_box, tr("generated G(z)"), self._fake, cell, text, dim=False)
        self._outputs(p, o_box, out, text)

    def _edge(self, p: QPainter, a: QPointF, b: QPointF, color: QColor, pulse: float | None) -> None:
        p.setPen(QPen(color, 2.5 if pulse is not None else 1.5))
        p.drawLine(a, b)
        self._arrow_head(p, a, b, color)
        if pulse is not None and pulse < 1.0:
            c = a + (b - a) * pulse
            p.setBrush(color)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(c, 6, 6)
            p.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _arrow_head(p: QPainter, a: QPointF, b: QPointF, color: QColor) -> None:
        d = b - a
        length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-6)
        u = QPointF(d.x() / length, d.y() / length)
        n = QPointF(-u.y(), u.x())
        tip = b
        p.setBrush(color)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([tip, tip - u * 9 + n * 4.5, tip - u * 9 - n * 4.5]))
        p.setBrush(Qt.BrushStyle.NoBrush)

    def _back(self, p: QPainter, points: list[QPointF], progress: float) -> None:
        """A dashed path drawn up to `progress` of its length, with an arrow head at its end."""
        path = QPainterPath(points[0])
        for q in points[1:]:
            path.lineTo(q)
        total = path.length()
        part = QPainterPath(points[0])
        done = 0.0
        last = points[0]
        prev = points[0]
        for q in points[1:]:
            seg = ((q.x() - last.x()) ** 2 + (q.y() - last.y()) ** 2) ** 0.5
            if done + seg >= total * progress:
                f = (total * progress - done) / max(seg, 1e-6)
                end = last + (q - last) * f
                part.lineTo(end)
                prev, last = last, end
                break
            part.lineTo(q)
            done += seg
            prev, last = last, q
        p.drawPath(part)
        if last != prev:
            self._arrow_head(p, prev, last, UPDATE_COLOR)

    @staticmethod
    def _node(p: QPainter, box: QRectF, title: str, color: QColor, on: bool, text: QColor) -> None:
        p.setPen(QPen(color if on else IDLE, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(box, 6, 6)
        p.setPen(text)
        p.drawText(QRectF(box.left() - 20, box.top() + 2, box.width() + 40, 18), Qt.AlignmentFlag.AlignCenter, title)

    @staticmethod
    def _noise(p: QPainter, box: QRectF) -> None:
        rng = np.random.default_rng(3)
        cols, rows = 6, 6
        cw, ch = box.width() / cols, box.height() / rows
        for i in range(rows):
            for j in range(cols):
                v = int(rng.integers(40, 220))
                p.fillRect(QRectF(box.left() + j * cw, box.top() + i * ch, cw, ch), QColor(v, v, v))

    def _network(self, p: QPainter, box: QRectF, name: str, color: QColor, glow: bool, subtitle: str,
                 text: QColor, frozen: bool) -> None:
        inset = box.height() * 0.2
        if name == "G":     # widening: small noise in, big image out
            poly = [box.topLeft() + QPointF(0, inset), box.topRight(), box.bottomRight(),
                    box.bottomLeft() - QPointF(0, inset)]
        else:               # narrowing: image in, one number out
            poly = [box.topLeft(), box.topRight() + QPointF(0, inset), box.bottomRight() - QPointF(0, inset),
                    box.bottomLeft()]
        fill = QColor(color)
        fill.setAlpha(200 if glow else (60 if frozen else 120))
        p.setBrush(fill)
        p.setPen(QPen(UPDATE_COLOR if glow else color, 4 if glow else 2))
        p.drawPolygon(QPolygonF(poly))
        p.setBrush(Qt.BrushStyle.NoBrush)
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 2)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(255, 255, 255))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
        p.setFont(QFont(self.font()))
        p.setPen(text)
        below = subtitle + ("  " + tr("(not updated)") if frozen else "")
        if name == "G":
            p.drawText(QRectF(box.left() - 50, box.bottom() + 2, box.width() + 100, 18), Qt.AlignmentFlag.AlignCenter,
                       below)
        else:       # clear of the edges coming in from the left
            p.drawText(QRectF(box.left() + 10, box.bottom() + 2, 200, 18), Qt.AlignmentFlag.AlignLeft, below)

    def _images(self, p: QPainter, box: QRectF, title: str, pixmaps: list[QPixmap], cell: float, text: QColor,
                dim: bool) -> None:
        p.setPen(QPen(IDLE if dim else text, 1))
        p.drawText(QRectF(box.left(), box.top(), box.width(), 18), Qt.AlignmentFlag.AlignLeft, title)
        labels = (self.probe or {}).get("labels")
        for i in range(4):
            r = QRectF(box.left() + i * (cell + 6), box.top() + 22, cell, cell)
            if i < len(pixmaps):
                p.setOpacity(0.35 if dim else 1.0)
                p.drawPixmap(r.toRect(), pixmaps[i])
                p.setOpacity(1.0)
                if labels is not None and i < len(labels):
                    p.drawText(QRectF(r.left(), r.bottom() + 1, cell, 14), Qt.AlignmentFlag.AlignCenter,
                               str(labels[i]))
            else:
                p.setPen(QPen(IDLE, 1, Qt.PenStyle.DotLine))
                p.drawRect(r)
                p.setPen(text)

    def _outputs(self, p: QPainter, box: QRectF, shown: float, text: QColor) -> None:
        p.setPen(text)
        p.drawText(QRectF(box.left(), box.top() - 24, box.width(), 20), Qt.AlignmentFlag.AlignLeft,
                   tr("D's output: real or fake?"))
        probe = self.probe
        if probe is None:
            return
        rows = []
        if self.phase != "g":
            rows += [(tr("D(x) real #{i}").format(i=i + 1), v, D_COLOR) for i, v in enumerate(probe["d_real"][:4])]
        rows += [(tr("D(G(z)) #{i}").format(i=i + 1), v, G_COLOR) for i, v in enumerate(probe["d_fake"][:4])]
        y = box.top()
        for label, value, color in rows:
            p.setPen(text)
            p.drawText(QRectF(box.left() + 14, y, 84, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            bar = QRectF(box.left() + 100, y + 3, 46, 10)
            p.setPen(QPen(IDLE, 1))
            p.drawRect(bar)
            if shown > 0:
                p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * float(value) * shown, bar.height()), color)
                p.setPen(text)
                p.drawText(QRectF(bar.right() + 3, y, 34, 16), Qt.AlignmentFlag.AlignLeft |
                           Qt.AlignmentFlag.AlignVCenter, f"{float(value):.2f}")
            y += 30 if self.phase == "g" else 32

