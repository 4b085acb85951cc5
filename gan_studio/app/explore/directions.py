"""Directions page: move one digit along the principal directions of the latent space, or along raw dimensions."""

from __future__ import annotations

import random
import time

import numpy as np
from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSlider,
                               QVBoxLayout, QWidget)

from ...core.latent import apply_directions, principal_directions
from ..digit_view import DigitImage
from ..model_source import Pick
from ..widgets import background, if_alive, scroll_panel, section_title
from .base import Page, chosen_digit, digit_combo, seed_spin, show_digits


class DirectionsPage(Page):
    directionsReady = Signal()   # the principal directions of the current model are set

    N_DIRECTIONS = 8
    N_RAW = 16
    N_SAMPLES = 1000

    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.base: Pick | None = None
        self.directions = None
        self._task = None
        self._pool = QThreadPool.globalInstance()

        self.seed_spin = seed_spin("Start from image #0 of this seed")
        self.seed_spin.valueChanged.connect(self._seed_changed)
        self.random_btn = QPushButton("Random")
        self.random_btn.clicked.connect(lambda: self.seed_spin.setValue(random.randrange(0, 1_000_000)))
        self.reset_btn = QPushButton("Reset")
        self.reset_btn.setToolTip("All sliders back to the starting digit")
        self.reset_btn.clicked.connect(self.reset)
        self.digit_combo = digit_combo(source.model)
        self.digit_combo.currentIndexChanged.connect(self.schedule)
        self.digit_label = QLabel("Digit")

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel("Finding the main directions of variation…")
        self.busy_label.setStyleSheet("color: palette(mid);")

        self.dir_sliders: list[QSlider] = []
        self.dir_labels: list[QLabel] = []
        self.dir_values: list[QLabel] = []
        dir_box = QWidget()
        dgrid = QGridLayout(dir_box)
        dgrid.setContentsMargins(0, 0, 0, 0)
        for i in range(self.N_DIRECTIONS):
            lab = QLabel(f"PC {i + 1}")
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-100, 100)
            s.setEnabled(False)
            s.valueChanged.connect(self.schedule)
            val = QLabel("0.00")
            val.setMinimumWidth(40)
            s.valueChanged.connect(lambda v, lab_=val, i_=i: lab_.setText(f"{self._coef(i_, v):+.2f}"))
            dgrid.addWidget(lab, i, 0)
            dgrid.addWidget(s, i, 1)
            dgrid.addWidget(val, i, 2)
            self.dir_sliders.append(s)
            self.dir_labels.append(lab)
            self.dir_values.append(val)

        self.raw_sliders: list[QSlider] = []
        raw_box = QWidget()
        rgrid = QGridLayout(raw_box)
        rgrid.setContentsMargins(0, 0, 4, 0)
        for i in range(self.N_RAW):
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-300, 300)
            s.valueChanged.connect(self.schedule)
            rgrid.addWidget(QLabel(f"z[{i}]"), i, 0)
            rgrid.addWidget(s, i, 1)
            self.raw_sliders.append(s)
        raw_scroll = scroll_panel(raw_box)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        start = QFormLayout()
        srow = QHBoxLayout()
        srow.addWidget(self.seed_spin, 1)
        srow.addWidget(self.random_btn)
        start.addRow("Seed", srow)
        start.addRow(self.digit_label, self.digit_combo)
        ll.addLayout(start)
        ll.addWidget(section_title("Principal directions"))
        ll.addWidget(self.busy_label)
        ll.addWidget(self.busy)
        ll.addWidget(dir_box)
        ll.addWidget(section_title("Raw latent dimensions"))
        ll.addWidget(raw_scroll, 1)
        ll.addWidget(self.reset_btn)
        left_scroll = scroll_panel(left, 320, 420)

        self.preview = DigitImage(placeholder="No generator", min_size=240)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.status)
        lay = QHBoxLayout(self)
        lay.addWidget(left_scroll)
        lay.addLayout(right, 1)
        self._set_busy(False)

    # directions
    def _coef(self, i: int, v: int) -> float:
        if self.directions is None or i >= len(self.directions.latent_std):
            return 0.0
        return v / 100.0 * 3.0 * float(self.directions.latent_std[i])

    def coefficients(self) -> np.ndarray:
        k = 0 if self.directions is None else len(self.directions.directions)
        return np.array([self._coef(i, self.dir_sliders[i].value()) for i in range(min(k, self.N_DIRECTIONS))],
                        dtype=np.float32)

    def _set_busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.busy_label.setVisible(on)

    def ensure_directions(self) -> None:
        """Compute (once per model, in the background) or take from the cache."""
        m = self.model
        if m is None or self.directions is not None or self._task is not None:
            return
        cached = self.source.directions_cache.get(id(m))
        if cached is not None:
            self._directions_done((m, cached))
            return
        self._set_busy(True)
        n, k = self.N_SAMPLES, self.N_DIRECTIONS

        def work(progress, cancelled):
            return m, principal_directions(lambda z: m.features(z), m.latent_dim, n_samples=n, k=k, seed=0)

        self._task = background(self._pool, work, if_alive(self, self._directions_done),
                                if_alive(self, self._directions_failed))

    def _directions_done(self, result) -> None:
        model, pd = result
        self._task = None
        self.source.directions_cache[id(model)] = pd
        if model is not self.model:
            self.ensure_directions()
            return
        self.directions = pd
        self._set_busy(False)
        total = float(np.sum(pd.variance)) or 1.0
        for i, s in enumerate(self.dir_sliders):
            ok = i < len(pd.directions)
            s.setEnabled(ok)
            if ok:
                self.dir_labels[i].setText(f"PC {i + 1}")
                s.setToolTip(f"Direction {i + 1}: {100 * pd.variance[i] / total:.0f}% of the variation among "
                             f"these {len(pd.directions)}; range ±3σ = ±{3 * pd.latent_std[i]:.2f}")
        self.directionsReady.emit()
        self.refresh()

    def _directions_failed(self, exc) -> None:
        self._task = None
        self._set_busy(False)
        self.status.setText(f"Directions could not be computed: {exc}")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_directions()

    # latents
    def set_picks(self, picks: list[Pick]) -> None:
        if not picks:
            return
        self.base = picks[0]
        if self.model is not None and self.model.conditional and self.base.label is not None:
            self.digit_combo.blockSignals(True)
            self.digit_combo.setCurrentIndex(int(self.base.label))
            self.digit_combo.blockSignals(False)
        self.reset()

    def _seed_changed(self, seed: int) -> None:
        if self.model is not None:
            lab = self.digit_combo.currentData() if self.model.conditional else None
            self.base = Pick.from_address(self.model, seed, 0, lab)
            self.reset()

    def reset(self) -> None:
        for s in self.dir_sliders:
            s.blockSignals(True)
            s.setValue(0)
            s.blockSignals(False)
        for v in self.dir_values:
            v.setText("+0.00")
        base = self.base.latent if self.base is not None else None
        for i, s in enumerate(self.raw_sliders):
            s.blockSignals(True)
            s.setValue(int(round(float(base[i]) * 100)) if base is not None and i < len(base) else 0)
            s.setEnabled(base is not None and i < len(base))
            s.blockSignals(False)
        self.refresh()

    def current_latent(self) -> np.ndarray | None:
        if self.base is None:
            return None
        z = self.base.latent.astype(np.float32).copy()
        for i, s in enumerate(self.raw_sliders[: len(z)]):
            if s.value() != int(round(float(self.base.latent[i]) * 100)):
                z[i] = s.value() / 100.0
        if self.directions is not None:
            c = self.coefficients()
            if len(c):
                z = apply_directions(z, self.directions.directions, c)
        return z

    def label(self) -> int | None:
        return chosen_digit(self.digit_combo, self.model)

    def image(self) -> np.ndarray | None:
        return self.preview.image()

    def refresh(self) -> None:
        self._debounce.stop()
        z = self.current_latent()
        if self.model is None or z is None:
            self.preview.set_image(None)
            return
        t0 = time.perf_counter()
        lab = self.label()
        img = self._render(z[None], None if lab is None else [lab])[0]
        self.last_refresh_ms = (time.perf_counter() - t0) * 1000
        cap = self.base.caption() if self.base is not None else ""
        moved = any(s.value() for s in self.dir_sliders)
        self.preview.set_image(img, cap + (" · edited" if moved else ""))
        self.status.setText(f"{self.last_refresh_ms:.0f} ms")

    def on_model(self, model) -> None:
        cond = show_digits(self.digit_combo, self.digit_label, model)
        self.directions = None
        for s in self.dir_sliders:
            s.setEnabled(False)
        if model is not None:
            self.base = Pick.from_address(model, self.seed_spin.value(), 0, 0 if cond else None)
            if self.isVisible():
                self.ensure_directions()
        else:
            self.base = None
        self.reset()
