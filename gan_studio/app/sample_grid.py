"""A pixel-crisp image-grid view with a history slider.

`SampleGridView` shows one uint8 sheet (images tiled by `core.images.tile_grid`)
as a single pyqtgraph `ImageItem`, and keeps a bounded history of earlier
sheets: past `max_history` it drops every other one of the older half, so the
slider always spans the whole run at coarser resolution further back.
The slider follows new snapshots while it sits at the right end.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from ..core.images import tile_grid
from .i18n import tr

MAX_HISTORY = 200


class SampleGridView(QWidget):
    currentChanged = Signal(int)          # step of the sheet shown

    def __init__(self, parent=None, max_history: int = MAX_HISTORY, cols: int = 8):
        super().__init__(parent)
        self.max_history = max_history
        self.cols = cols
        self._history: list[tuple[int, np.ndarray]] = []
        self._shown = -1

        self.view = pg.GraphicsView(background="#111111")
        self.viewbox = pg.ViewBox(lockAspect=True, invertY=True, enableMenu=False)
        self.viewbox.setMouseEnabled(False, False)
        self.view.setCentralItem(self.viewbox)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setAutoDownsample(False)
        self.viewbox.addItem(self.image)
        # The empty view's text: a word-wrapped label over the view, centred at any size (a pyqtgraph
        # TextItem in the view box was clipped at the left edge of a narrow view).
        self.placeholder = QLabel(tr("The generator's samples appear here while it trains"), self.view)
        self.placeholder.setObjectName("gridPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("QLabel#gridPlaceholder { color: #aaaaaa; background: transparent; }")
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view.installEventFilter(self)
        self.view.setMinimumSize(220, 220)
        self.view.setToolTip(tr("The same 64 noise vectors, drawn by the generator as it learns"))

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        self.slider.setToolTip(tr("Scrub back through the grids saved during training"))
        self.slider.valueChanged.connect(self._on_slider)
        self.step_label = QLabel("—")
        self.step_label.setMinimumWidth(110)
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("History")))
        row.addWidget(self.slider, 1)
        row.addWidget(self.step_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    # ---------------------------------------------------------------- data
    def set_classes(self, k: int | None) -> None:
        """A conditional experiment's fixed samples cycle through `k` classes: one column per class, so
        each digit keeps its own column (10 for all digits); None: the square-ish 8 columns."""
        self.cols = k if k and 1 < k <= 16 else 8

    def add_snapshot(self, step: int, images: np.ndarray) -> None:
        """Add (N, H, W, C) uint8 samples taken at `step`."""
        self.add_sheet(step, tile_grid(images, cols=self.cols, pad=2))

    def add_sheet(self, step: int, sheet: np.ndarray) -> None:
        follow = self._shown < 0 or self._shown >= len(self._history) - 1
        if self._history and self._history[-1][0] >= step:
            # A repeated or earlier step (resume, rollback): replace the tail.
            self._history = [h for h in self._history if h[0] < step]
        self._history.append((int(step), np.ascontiguousarray(sheet)))
        if len(self._history) > self.max_history:
            half = len(self._history) // 2
            self._history = self._history[:half][::2] + self._history[half:]
        self._sync_slider(follow)

    def set_history(self, sheets: list[tuple[int, np.ndarray]]) -> None:
        self._history = []
        self._shown = -1
        for step, sheet in sorted(sheets, key=lambda s: s[0]):
            self._history.append((int(step), np.ascontiguousarray(sheet)))
        while len(self._history) > self.max_history:
            half = len(self._history) // 2
            self._history = self._history[:half][::2] + self._history[half:]
        self._sync_slider(True)

    def truncate(self, step: int) -> None:
        self._history = [h for h in self._history if h[0] <= step]
        self._shown = min(self._shown, len(self._history) - 1)
        self._sync_slider(True)

    def clear(self) -> None:
        self._history = []
        self._shown = -1
        self._sync_slider(True)

    def load_folder(self, folder: Path) -> int:
        """Load `step_NNNNNNN.png` sheets (a run's samples/ folder); returns how many.  A sheet that cannot be
        loaded (damaged, foreign, or claiming an enormous size) is skipped; `skipped` says which and why."""
        from ..core.run_folders.follow import load_grid
        from ..core.run_folders.runs import RunError

        files = sorted(Path(folder).glob("step_*.png"))
        if len(files) > self.max_history:  # thin evenly, keep the last
            idx = np.unique(np.linspace(0, len(files) - 1, self.max_history).round().astype(int))
            files = [files[i] for i in idx]
        sheets = []
        self.skipped: list[str] = []
        for f in files:
            try:
                step = int(f.stem.split("_", 1)[1])
                arr = load_grid(f)          # checks the size before decoding (no decompression bomb)
            except ValueError:
                continue  # not a step number: a foreign file
            except RunError as exc:
                self.skipped.append(str(exc))
                continue
            sheets.append((step, arr if arr.ndim == 3 else arr[..., None]))
        self.set_history(sheets)
        return len(sheets)

    def show_step(self, step: int) -> None:
        """Show the sheet of `step`, or the last one before it (the snapshot timeline scrubs with this)."""
        steps = [s for s, _ in self._history]
        if not steps:
            return
        index = max(0, int(np.searchsorted(steps, step, side="right")) - 1)
        self.slider.setValue(index)

    # -------------------------------------------------------------- queries
    def history_steps(self) -> list[int]:
        return [s for s, _ in self._history]

    def current_step(self) -> int | None:
        return self._history[self._shown][0] if 0 <= self._shown < len(self._history) else None

    def current_sheet(self) -> np.ndarray | None:
        return self._history[self._shown][1] if 0 <= self._shown < len(self._history) else None

    def has_image(self) -> bool:
        return self.current_sheet() is not None

    # --------------------------------------------------------------- display
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self.placeholder.setGeometry(self.view.rect().adjusted(16, 16, -16, -16))
        return False

    def _sync_slider(self, follow: bool) -> None:
        n = len(self._history)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, n - 1))
        self.slider.setEnabled(n > 1)
        index = n - 1 if follow else min(max(self._shown, 0), n - 1)
        self.slider.setValue(max(index, 0))
        self.slider.blockSignals(False)
        self._show(index)

    def _on_slider(self, value: int) -> None:
        self._show(value)

    def _show(self, index: int) -> None:
        if not self._history or index < 0:
            self._shown = -1
            self.image.clear()
            self.placeholder.show()
            self.viewbox.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
            self.step_label.setText("—")
            return
        self.placeholder.hide()
        self._shown = index
        step, sheet = self._history[index]
        img = sheet[..., 0] if sheet.shape[-1] == 1 else sheet
        size_changed = self.image.image is None or self.image.image.shape[:2] != img.shape[:2]
        self.image.setImage(img, levels=(0, 255), autoLevels=False)
        if size_changed:
            self.viewbox.autoRange(padding=0.01)
        latest = index == len(self._history) - 1
        self.step_label.setText(tr("step {step:,}").format(step=step)
                                + ("" if latest else f"  ({index + 1}/{len(self._history)})"))
        self.currentChanged.emit(step)
