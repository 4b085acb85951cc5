"""The Train tab: live curves beside the evolving fixed-noise sample grid."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from .plots import TrainingPlots
from .sample_grid import SampleGridView


class TrainTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plots = TrainingPlots()
        self.grid = SampleGridView()

        curves_box = QGroupBox("Training curves")
        QVBoxLayout(curves_box).addWidget(self.plots)
        grid_box = QGroupBox("Samples from fixed noise")
        grid_box.setToolTip("Every grid uses the same 64 latent vectors, so you see the generator itself change")
        QVBoxLayout(grid_box).addWidget(self.grid)
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

    # slots wired to the TrainingController
    def on_metrics(self, rows: list) -> None:
        self.plots.append(rows)

    def on_snapshot(self, step: int, images: np.ndarray) -> None:
        self.grid.add_snapshot(step, images)

    def on_rolled_back(self, step: int) -> None:
        self.plots.truncate(step)
        self.grid.truncate(step)

    def clear(self) -> None:
        self.plots.clear()
        self.grid.clear()

    def load_run(self, rows: list[dict], samples_folder: Path) -> None:
        self.plots.set_rows(rows)
        self.grid.load_folder(samples_folder)
