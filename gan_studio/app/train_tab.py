"""The Train tab: live curves and the quality meter beside the evolving fixed-noise sample grid and the
snapshot timeline under it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from ..core.experiment import Experiment
from ..core.training.diagnostics import is_digit_data
from .i18n import tr
from .plots import TrainingPlots
from .quality_meter import QualityMeterWidget
from .sample_grid import SampleGridView
from .snapshot_timeline import SnapshotTimeline


class TrainTab(QWidget):
    """The Train tab; its texts about quality follow the Experiment's data (digits or a folder of images)."""

    def __init__(self, experiment: Experiment | None = None, parent=None):
        super().__init__(parent)
        self.quality_history: list[dict] = []    # the run's quality checks (dicts), oldest first
        self.experiment = experiment
        self.digits = True                       # the data is digits (the classifier scores it), else images
        self._without_checks = False             # the meter says the run on show has no quality checks
        self.plots = TrainingPlots()
        self.meter = QualityMeterWidget()
        self.grid = SampleGridView()
        self.timeline = SnapshotTimeline()
        self.timeline.selected.connect(self.grid.show_step)

        curves_box = QGroupBox(tr("Training curves"))
        QVBoxLayout(curves_box).addWidget(self.meter)
        curves_box.layout().addWidget(self.plots, 1)
        grid_box = QGroupBox(tr("Samples from fixed noise"))
        grid_box.setToolTip(tr("Every grid uses the same 64 latent vectors, so you see the generator itself change"))
        QVBoxLayout(grid_box).addWidget(self.grid, 1)
        grid_box.layout().addWidget(self.timeline)
        for box in (curves_box, grid_box):
            box.layout().setContentsMargins(6, 6, 6, 6)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(curves_box)
        self.splitter.addWidget(grid_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        curves_box.setMinimumWidth(360)
        grid_box.setMinimumWidth(240)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        if experiment is not None:
            experiment.configChanged.connect(self._on_experiment_changed)
            self.destroyed.connect(lambda *_: experiment.configChanged.disconnect(self._on_experiment_changed))
            self.set_digits(is_digit_data(experiment.config.data))

    def _on_experiment_changed(self, keys: set) -> None:
        if any(k.startswith("data.") for k in keys):
            self.set_digits(is_digit_data(self.experiment.config.data))

    def set_digits(self, digits: bool) -> None:
        """Word the curves and the meter for digits (the shipped classifier) or any other images (closeness to
        the folder)."""
        if digits == self.digits:
            return
        self.digits = digits
        self.plots.set_digits(digits)
        self.meter.set_digits(digits)
        if self._without_checks:
            self.show_run_quality([])

    # slots wired to the TrainingController (and the FollowController)
    def on_metrics(self, rows: list) -> None:
        self.plots.append(rows)

    def on_snapshot(self, step: int, images: np.ndarray) -> None:
        self.grid.add_snapshot(step, images)

    def on_quality(self, points: list) -> None:
        """Quality checks (dicts): the curve gets every one, the meter the last."""
        if points:
            self._without_checks = False
            self.plots.append_quality(points)
            self.meter.set_point(points[-1])
            first = int(points[0]["step"])
            self.quality_history = [p for p in self.quality_history if int(p["step"]) < first] + list(points)

    def on_snapshots(self, items: list) -> None:
        self.timeline.set_snapshots(items)

    def on_rolled_back(self, step: int) -> None:
        self.plots.truncate(step)
        self.grid.truncate(step)
        self.quality_history = [p for p in self.quality_history if int(p["step"]) <= step]

    def clear(self) -> None:
        self.quality_history = []
        self.plots.clear()
        self.grid.clear()
        self._without_checks = False
        self.meter.set_off("")
        self.timeline.clear()

    def show_run_quality(self, quality: list) -> None:
        """The meter for a run read from its folder (opened or followed): its last check, or why there is none
        (a run trained from the command line is scored only with --quality)."""
        self._without_checks = not quality
        if quality:
            self.meter.set_point(quality[-1])
        elif self.digits:
            self.meter.set_off(tr("No quality checks in this run (yet): the window scores digit runs it trains; "
                                  "the command line scores them with gan-studio train --quality."))
        else:
            self.meter.set_off(tr("No closeness checks in this run (yet): the window measures how close the "
                                  "samples come to your folder in the runs it trains; the command line measures "
                                  "it with gan-studio train --quality."))

    def load_run(self, rows: list[dict], samples_folder: Path, quality: list[dict] | None = None,
                 snapshots: list | None = None, lineage: str = "") -> None:
        self.plots.set_rows(rows)
        self.plots.set_quality(quality or [])
        self.quality_history = list(quality or [])
        self.show_run_quality(quality or [])
        self.grid.load_folder(samples_folder)
        self.timeline.set_snapshots(snapshots or [])
        self.timeline.set_lineage(lineage)
