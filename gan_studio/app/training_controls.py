"""The Training box of the side panel: target, Train / Pause / Step / Stop, slow motion, progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QStyle

from ..core.config import TRAIN_TARGETS
from .i18n import tr
from .widgets import ProgressBar

TARGETS = {kind.key: kind for kind in TRAIN_TARGETS}

MAX_DELAY = 0.5   # seconds per step at the slowest slow-motion setting


def fmt_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingControls(QGroupBox):
    """Target, Train / Pause / Step / Stop, slow motion and progress."""

    def __init__(self, parent=None):
        super().__init__(tr("Training"), parent)
        style = self.style()
        self.target_combo = QComboBox()
        labels = {"none": tr("Until stopped"), "steps": tr("Steps"), "minutes": tr("Minutes")}
        for kind in TRAIN_TARGETS:           # the kinds and their bounds: core/config.py
            self.target_combo.addItem(labels[kind.key], kind.key)
        self.target_combo.setToolTip(tr("When this training run stops by itself (counted from when you press Train)"))
        self.target_spin = QSpinBox()
        self.target_spin.setRange(*TARGETS["steps"].limits())
        self.target_spin.setValue(2000)
        self.target_spin.setGroupSeparatorShown(True)
        self.target_spin.setEnabled(False)
        self.target_spin.setToolTip(tr("How many steps or minutes this training run lasts before it stops by itself"))
        self.target_combo.currentIndexChanged.connect(self._on_target_kind)

        self.train_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), tr("Train"))
        self.train_button.setToolTip(tr("Start training, or continue the current experiment (Ctrl+Enter)"))
        self.train_button.setDefault(True)
        self.pause_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause), tr("Pause"))
        self.pause_button.setToolTip(tr("Pause or resume (Space)"))
        self.step_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), tr("Step"))
        self.step_button.setToolTip(tr("Run exactly one training step (one D update and one G update), then pause"))
        self.stop_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop), tr("Stop"))
        self.stop_button.setToolTip(tr("Stop training; Train continues from here"))

        self.slow_slider = QSlider(Qt.Orientation.Horizontal)
        self.slow_slider.setRange(0, 50)
        self.slow_slider.setToolTip(tr("Slow motion: 0 = full speed, otherwise a pause after every step (up to 0.5 s)"))
        self.slow_label = QLabel(tr("full speed"))
        self.slow_label.setMinimumWidth(70)
        self.slow_slider.valueChanged.connect(lambda v: self.slow_label.setText(
            tr("full speed") if v == 0 else tr("{ms} ms/step").format(ms=v * 10)))

        self.progress = ProgressBar()   # busy while loading; must not animate at 0 % afterwards
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(tr("idle"))
        self.eta_label = QLabel("")
        self.eta_label.setObjectName("etaLabel")

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 10, 8, 8)
        grid.setVerticalSpacing(6)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(tr("Train for")))
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(self.target_spin, 1)
        grid.addLayout(target_row, 0, 0, 1, 4)
        grid.addWidget(self.train_button, 1, 0, 1, 2)
        grid.addWidget(self.pause_button, 1, 2, 1, 2)
        grid.addWidget(self.step_button, 2, 0, 1, 2)
        grid.addWidget(self.stop_button, 2, 2, 1, 2)
        slow_row = QHBoxLayout()
        slow_row.addWidget(QLabel(tr("Slow motion")))
        slow_row.addWidget(self.slow_slider, 1)
        slow_row.addWidget(self.slow_label)
        grid.addLayout(slow_row, 3, 0, 1, 4)
        grid.addWidget(self.progress, 4, 0, 1, 4)
        grid.addWidget(self.eta_label, 5, 0, 1, 4)

    def _on_target_kind(self) -> None:
        kind = self.target_combo.currentData()
        self.target_spin.setEnabled(kind != "none")
        if kind != "none":
            self.target_spin.setRange(*TARGETS[kind].limits())
        if kind == "minutes" and self.target_spin.value() > 600:
            self.target_spin.setValue(5)
        elif kind == "steps" and self.target_spin.value() < 100:
            self.target_spin.setValue(2000)

    def target(self) -> tuple[int, float]:
        """(steps, seconds) this training run stops at; (0, 0.0): until stopped."""
        return TARGETS[self.target_combo.currentData()].target(self.target_spin.value())

    def set_target_steps(self, steps: int) -> None:
        self.target_combo.setCurrentIndex(self.target_combo.findData("steps" if steps else "none"))
        if steps:
            self.target_spin.setValue(steps)

    def delay(self) -> float:
        return self.slow_slider.value() / 100.0

    def show_progress(self, step: int, elapsed: float, start_step: int, start_elapsed: float,
                      rate: float | None) -> str:
        """Fill the bar for this training run; returns the ETA text ("" without a target)."""
        steps, seconds = self.target()
        if not steps and not seconds:
            # No target, so no fraction: the rising step count shows that training moves.  Not Qt's busy
            # animation, which repaints the bar continuously: ~5 % of a core while the curves are still,
            # taken from the training process (benchmarks/README.md, gui_responsiveness).
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat(tr("step {step:,}").format(step=step))
            self.eta_label.setText("")
            return ""
        frac, remaining = 0.0, None
        if steps:
            frac = (step - start_step) / steps
            if rate:
                remaining = (steps - (step - start_step)) / rate
        if seconds:
            tfrac = (elapsed - start_elapsed) / seconds
            if tfrac >= frac:
                frac, remaining = tfrac, seconds - (elapsed - start_elapsed)
        frac = min(max(frac, 0.0), 1.0)
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(frac * 1000))
        self.progress.setFormat(tr("{percent:.0%}  ·  step {step:,}").format(percent=frac, step=step))
        self.eta_label.setText(tr("about {duration} left").format(duration=fmt_duration(remaining))
                               if remaining is not None else "")
        return tr("ETA {duration}").format(duration=fmt_duration(remaining)) if remaining is not None else ""

    def reset_progress(self, text: str | None = None) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(tr("idle") if text is None else text)
        self.eta_label.setText("")
