"""Compare runs: 2–6 run folders side by side (File ▸ Compare runs…).

The list on the left offers the current run, the followed run and the recent
runs (and any folder added with "Add run folder…"); ticking 2–6 of them
overlays their loss, D-output and quality curves against step or against
training time, shows their sample grids side by side at one step (each run's
newest grid at or before it), and lists the settings that differ — with the
lineage of a branched run.  Every folder is read read-only by
`core.run_folders.compare` (a live run is read as far as it is written; Reload reads it
again); a folder that cannot be read is named with the reason and the others
are still shown.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QSlider,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.run_folders.compare import MAX_RUNS, MIN_RUNS, QUALITY, RunData, difference_table, grid_steps, load_runs
from ..core.run_folders.runs import RunError
from .i18n import tr, tr_noop, translate_message
from .widgets import fit_to_screen

COLORS = ("#3b8ee8", "#e8743b", "#2ca25f", "#c0392b", "#8e6bd6", "#b8860b")
PLOTS = (("loss", ("loss_d", "loss_g")), ("d", ("d_real", "d_fake")), ("quality", (QUALITY,)))
SMOOTHED = ("loss_d", "loss_g", "d_real", "d_fake")
DASHED = ("loss_g", "d_fake")
AUTO_RELOAD_S = 10


def _pen(color: str, dashed: bool = False):
    return pg.mkPen(color, width=2 if not dashed else 1.6,
                    style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def _swatch(color: str, name: str) -> str:
    """A run's colour square and name (rich text; the name is the run's folder, not translated)."""
    from html import escape

    return "<b style='color:%s'>■</b> <b>%s</b>" % (color, escape(name))


class GridImage(QWidget):
    """A uint8 (H, W, C) grid drawn pixel-crisp, scaled to fit with its aspect ratio."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.array: np.ndarray | None = None
        self._image: QImage | None = None
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_array(self, array: np.ndarray | None) -> None:
        self.array = None if array is None else np.ascontiguousarray(array)
        if self.array is None:
            self._image = None
        else:
            h, w, c = self.array.shape
            fmt = QImage.Format.Format_Grayscale8 if c == 1 else QImage.Format.Format_RGB888
            self._image = QImage(self.array.data, w, h, w * c, fmt).copy()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(220, 220)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        if self._image is not None:
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x, y = (self.width() - size.width()) // 2, (self.height() - size.height()) // 2
            p.drawImage(QRect(x, y, size.width(), size.height()), self._image)
        p.end()


class GridPanel(QWidget):
    """One run's grid at the chosen step, with its name and the numbers at that step."""

    def __init__(self, run: RunData, color: str, parent=None):
        super().__init__(parent)
        self.run = run
        self.grid_step: int | None = None
        self.title = QLabel(_swatch(color, run.name))
        self.title.setToolTip(str(run.path))
        self.image = GridImage()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #666;")
        col = QVBoxLayout(self)
        col.setContentsMargins(2, 2, 2, 2)
        col.setSpacing(2)
        col.addWidget(self.title)
        col.addWidget(self.image, 1)
        col.addWidget(self.caption)

    def show_step(self, step: int) -> None:
        from ..core.run_folders.follow import load_grid

        found = self.run.grid_at(step)
        numbers = []
        for name, label in (("loss_d", tr_noop("loss D")), ("loss_g", tr_noop("loss G")),
                            (QUALITY, tr_noop("quality"))):
            value = self.run.value_at(name, step)
            if value is not None:
                numbers.append(f"{tr(label)} {value:.3g}" if name != QUALITY else f"{tr(label)} {value:.0f}")
        if found is None:
            self.grid_step = None
            self.image.set_array(None)
            self.caption.setText(tr("No grid at or before step {n}").format(n=f"{step:,}"))
            return
        grid_step, path = found
        try:
            self.image.set_array(load_grid(path))
            self.grid_step = grid_step
            text = tr("Grid of step {n}").format(n=f"{grid_step:,}")
        except RunError as exc:
            self.grid_step = None
            self.image.set_array(None)
            text = tr("The grid of step {n} cannot be read: {why}").format(n=f"{grid_step:,}", why=str(exc))
        self.caption.setText(text + ("\n" + " · ".join(numbers) if numbers else ""))


class CompareWindow(QWidget):
    """File ▸ Compare runs…: pick 2–6 runs, see their curves, grids and settings side by side."""

    compared = Signal(int)          # number of runs shown after each reload
    _loaded = Signal(object)        # (token, (runs, failures)) from the reading thread

    def __init__(self, candidates=(), checked=(), parent=None, background: bool = False):
        """`background`: read the folders on a worker thread (the window's File ▸ Compare runs… does: a
        100k-step run takes seconds to parse); tests and scripts read them at once."""
        super().__init__(parent, Qt.WindowType.Window)
        self.background = background
        self.loading = False
        self._token = 0
        self._range_key = None
        self._loaded.connect(self._on_loaded)
        self.setWindowTitle(tr("Compare runs"))
        self.setObjectName("compareWindow")
        self.runs: list[RunData] = []
        self.failures: list[tuple[Path, str]] = []
        self.curves: dict[tuple[int, str], pg.PlotDataItem] = {}
        self.panels: list[GridPanel] = []
        self._stops: list[int] = []

        # ------------------------------------------------------------ picker
        self.run_list = QListWidget()
        self.run_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.run_list.setToolTip(tr("Tick 2 to 6 runs to compare them"))
        self.run_list.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(tr("Add run folder…"))
        self.add_button.setToolTip(tr("Add a run folder from anywhere (a colleague's, a server's) to the list"))
        self.add_button.clicked.connect(lambda: self.add_folder())
        self.reload_button = QPushButton(tr("Reload"))
        self.reload_button.setToolTip(tr("Read the ticked runs again (a run still training has grown)"))
        self.reload_button.clicked.connect(self.reload)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b03a2e;")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(0, 0, 0, 0)
        lcol.addWidget(QLabel(tr("<b>Runs</b> (tick 2–6)")))
        lcol.addWidget(self.run_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reload_button)
        lcol.addLayout(buttons)
        lcol.addWidget(self.hint)
        lcol.addWidget(self.problems)

        # ------------------------------------------------------------ curves
        self.x_combo = QComboBox()
        self.x_combo.addItem(tr("against step"), "step")
        self.x_combo.addItem(tr("against training time"), "elapsed")
        self.x_combo.setToolTip(tr("Compare by training step, or by seconds of training (a faster run "
                                   "gets further in the same time)"))
        self.x_combo.currentIndexChanged.connect(lambda _i: self._draw_curves())
        self.smooth_box = QCheckBox(tr("Smooth"))
        self.smooth_box.setChecked(True)
        self.smooth_box.setToolTip(tr("Show the curves smoothed as the Train tab does (the raw values jump "
                                      "from step to step)"))
        self.smooth_box.toggled.connect(lambda _on: self._draw_curves())
        self.auto_box = QCheckBox(tr("Reload every {n} s").format(n=AUTO_RELOAD_S))
        self.auto_box.setToolTip(tr("Keep reading the ticked runs while they train (yours, a neighbour's, a "
                                    "server's)"))
        self.auto_timer = QTimer(self)
        self.auto_timer.setInterval(AUTO_RELOAD_S * 1000)
        self.auto_timer.timeout.connect(lambda: None if self.loading else self.reload())
        self.auto_box.toggled.connect(lambda on: self.auto_timer.start() if on else self.auto_timer.stop())
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot_widget.setBackground("w")
        self.plots: dict[str, pg.PlotItem] = {}
        titles = {"loss": tr("Loss — D solid, G dashed"), "d": tr("D(x) solid, D(G(z)) dashed"),
                  "quality": tr("Quality score (0–100)")}
        for i, (key, _names) in enumerate(PLOTS):
            plot = self.plot_widget.addPlot(row=0, col=i, title=titles[key])
            plot.showGrid(x=False, y=False)
            if i:
                plot.setXLink(self.plots["loss"])
            self.plots[key] = plot
        for i in range(len(PLOTS)):
            self.plot_widget.ci.layout.setColumnStretchFactor(i, 1)
        self.plots["d"].setYRange(0, 1)
        self.plots["quality"].setYRange(0, 100)
        # The runs' legend is a row of its own under the plots: inside one it covered the ends of the curves.
        self.legend = pg.LegendItem(colCount=4, labelTextColor="#333333")
        self.plot_widget.addItem(self.legend, row=1, col=0, colspan=len(PLOTS))
        self.quality_title = titles["quality"]
        curve_bar = QHBoxLayout()
        curve_bar.addWidget(QLabel(tr("Curves")))
        curve_bar.addWidget(self.x_combo)
        curve_bar.addWidget(self.smooth_box)
        curve_bar.addWidget(self.auto_box)
        curve_bar.addStretch(1)

        # ------------------------------------------------------------- grids
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(tr("The step whose grids are shown: each run shows its newest grid at or before it"))
        self.slider.valueChanged.connect(self._on_slider)
        self.step_label = QLabel("—")
        self.step_label.setMinimumWidth(90)
        self.grid_row = QHBoxLayout()
        self.grid_row.setSpacing(6)
        grids = QWidget()
        grids.setLayout(self.grid_row)
        self.grid_row.setContentsMargins(0, 0, 0, 0)
        grid_box = QWidget()
        gcol = QVBoxLayout(grid_box)
        gcol.setContentsMargins(0, 0, 0, 0)
        srow = QHBoxLayout()
        srow.addWidget(QLabel(tr("Samples at")))
        srow.addWidget(self.slider, 1)
        srow.addWidget(self.step_label)
        gcol.addLayout(srow)
        gcol.addWidget(grids, 1)

        # ------------------------------------------------------------- table
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip(tr("The settings in which the runs differ"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        curves_box = QWidget()
        ccol = QVBoxLayout(curves_box)
        ccol.setContentsMargins(0, 0, 0, 0)
        ccol.addLayout(curve_bar)
        ccol.addWidget(self.plot_widget, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(curves_box)
        right.addWidget(grid_box)
        right.addWidget(self.table)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 3)
        right.setStretchFactor(2, 2)
        right.setSizes([330, 340, 200])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 1200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        fit_to_screen(self, 1400, 900, near=parent)     # on a 1366×768 laptop: the whole window on screen

        for label, path in candidates:
            self.add_candidate(path, label, checked=Path(path) in {Path(c) for c in checked})
        for path in checked:        # a ticked folder that is no candidate (dropped on a fresh window) joins ticked
            self.add_candidate(path, checked=True)
        self.reload()

    # ------------------------------------------------------------ the list
    def add_candidate(self, path, label: str | None = None, checked: bool = False) -> QListWidgetItem:
        """Offer a run folder in the list (once); returns its item."""
        path = Path(path)
        for i in range(self.run_list.count()):
            item = self.run_list.item(i)
            if Path(item.data(Qt.ItemDataRole.UserRole)) == path:
                if checked and len(self.checked_paths()) < MAX_RUNS:
                    was_blocked = self.run_list.blockSignals(True)     # the caller reloads
                    item.setCheckState(Qt.CheckState.Checked)
                    self.run_list.blockSignals(was_blocked)
                return item
        item = QListWidgetItem(label or path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        was_blocked = self.run_list.blockSignals(True)
        item.setCheckState(Qt.CheckState.Checked if checked and len(self.checked_paths()) < MAX_RUNS
                           else Qt.CheckState.Unchecked)
        self.run_list.addItem(item)
        self.run_list.blockSignals(was_blocked)
        return item

    def add_folder(self, path=None) -> bool:
        """"Add run folder…": the folder is added to the list, ticked, and the comparison reloads."""
        if path is None:
            from ..paths import runs_dir

            path = QFileDialog.getExistingDirectory(self, tr("Add a run folder to compare"), str(runs_dir()))
            if not path:
                return False
        self.add_candidate(path, checked=True)
        self.reload()
        return True

    def set_checked(self, paths) -> None:
        """Tick exactly these folders (adding any not in the list) and reload."""
        wanted = [Path(p) for p in paths]
        self.run_list.blockSignals(True)
        for p in wanted:
            self.add_candidate(p)
        for i in range(self.run_list.count()):
            item = self.run_list.item(i)
            on = Path(item.data(Qt.ItemDataRole.UserRole)) in wanted[:MAX_RUNS]
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.run_list.blockSignals(False)
        self.reload()

    def checked_paths(self) -> list[Path]:
        return [Path(self.run_list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.run_list.count())
                if self.run_list.item(i).checkState() == Qt.CheckState.Checked]

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked and len(self.checked_paths()) > MAX_RUNS:
            self.run_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.run_list.blockSignals(False)
            self.hint.setText(tr("At most {n} runs can be compared at once; untick one first.").format(n=MAX_RUNS))
            return
        self.reload()

    # --------------------------------------------------------------- loading
    def reload(self) -> None:
        """Read the ticked runs again and redraw everything."""
        paths = self.checked_paths()
        labels = {str(Path(self.run_list.item(i).data(Qt.ItemDataRole.UserRole))): self.run_list.item(i).text()
                  for i in range(self.run_list.count())}
        names = {p: labels[p] for p in map(str, paths) if p in labels}
        self._token += 1
        token = self._token
        previous = list(self.runs)      # unchanged runs are not read again
        if not self.background:
            self._show(paths, *load_runs(paths, names, previous))
            return
        self.loading = True
        self.reload_button.setEnabled(False)
        self.hint.setText(tr("Reading {n} runs…").format(n=len(paths)))

        def work():
            try:
                result = load_runs(paths, names, previous)
                for run in result[0]:          # the smoothing too, off the GUI thread
                    for name in SMOOTHED:
                        run.smoothed(name)
            except Exception as exc:  # noqa: BLE001 - a bug must not kill the thread silently
                result = ([], [(Path(p), f"{type(exc).__name__}: {exc}") for p in paths])
            try:
                self._loaded.emit((token, paths, result))
            except RuntimeError:        # the window was closed meanwhile
                pass

        threading.Thread(target=work, name="compare-runs-reader", daemon=True).start()

    def _on_loaded(self, payload) -> None:
        token, paths, (runs, failures) = payload
        if token != self._token:
            return                      # a newer reload is under way
        self.loading = False
        self.reload_button.setEnabled(True)
        self._show(paths, runs, failures)

    def _show(self, paths, runs, failures) -> None:
        self.runs, self.failures = runs, failures
        if len(paths) < MIN_RUNS:
            self.hint.setText(tr("Tick at least {n} runs to compare them.").format(n=MIN_RUNS))
        else:
            self.hint.setText(tr("{n} runs compared.").format(n=len(self.runs)))
        problems = [tr("{name} cannot be compared: {why}").format(name=p.name or str(p), why=why)
                    for p, why in self.failures]
        problems += [f"{r.name}: {translate_message(note)}" for r in self.runs for note in r.notes]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._draw_curves()
        self._build_grids()
        self._fill_table()
        self.compared.emit(len(self.runs))

    # ---------------------------------------------------------------- curves
    def x_axis(self) -> str:
        return self.x_combo.currentData()

    def _draw_curves(self) -> None:
        for plot in self.plots.values():
            for item in [i for i in plot.listDataItems()]:
                plot.removeItem(item)
        self.legend.clear()
        self.curves = {}
        x_name = self.x_axis()
        smoothed = self.smooth_box.isChecked()
        for i, run in enumerate(self.runs):
            color = COLORS[i % len(COLORS)]
            for key, names in PLOTS:
                for name in names:
                    xs, ys = run.series(name, x_name)
                    if not len(xs):
                        continue
                    if smoothed and name in SMOOTHED:
                        ys = run.smoothed(name)         # the same values against step or time
                    curve = pg.PlotDataItem(np.asarray(xs, np.float64), ys, pen=_pen(color, name in DASHED),
                                            symbol="o" if name == QUALITY else None, symbolSize=5,
                                            symbolBrush=color, symbolPen=None)
                    self.plots[key].addItem(curve)
                    if name == "loss_d":
                        self.legend.addItem(curve, run.name)
                    curve.setClipToView(True)           # once in the view box (it asks the view for its range)
                    curve.setDownsampling(auto=True, method="peak")
                    self.curves[(i, name)] = curve
        label = tr("training time (s)") if x_name == "elapsed" else tr("step")
        for plot in self.plots.values():
            plot.setLabel("bottom", label)
        measured = sum(1 for _, name in self.curves if name == QUALITY)
        if not measured:
            self.plots["quality"].setTitle(tr("Quality: not measured in these runs"))
        elif measured < len(self.runs):
            self.plots["quality"].setTitle(tr("Quality (0–100): {n} of {total} runs measured").format(
                n=measured, total=len(self.runs)))
        else:
            self.plots["quality"].setTitle(self.quality_title)
        key = (tuple(str(r.path) for r in self.runs), x_name)
        if key != self._range_key:      # other runs or another x axis: fit them; a reload keeps the user's zoom
            self._range_key = key
            self.plots["loss"].enableAutoRange(axis="x")
            self.plots["loss"].enableAutoRange(axis="y")

    def curves_for(self, name: str) -> list[pg.PlotDataItem]:
        """The curves of one metric, one per run that has it, in run order."""
        return [c for (i, n), c in sorted(self.curves.items(), key=lambda kv: kv[0][0]) if n == name]

    # ----------------------------------------------------------------- grids
    def _build_grids(self) -> None:
        for panel in self.panels:
            self.grid_row.removeWidget(panel)
            panel.deleteLater()
        self.panels = [GridPanel(run, COLORS[i % len(COLORS)]) for i, run in enumerate(self.runs)]
        for panel in self.panels:
            self.grid_row.addWidget(panel, 1)
        at_end = not self._stops or self.slider.value() >= len(self._stops) - 1
        kept = None if at_end else self._stops[self.slider.value()]     # a reload keeps the step on show
        self._stops = grid_steps(self.runs)
        index = len(self._stops) - 1
        if kept is not None and self._stops:
            index = max(0, int(np.searchsorted(self._stops, kept, side="right")) - 1)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(self._stops) - 1, 0))
        self.slider.setValue(max(index, 0))
        self.slider.setEnabled(len(self._stops) > 1)
        self.slider.blockSignals(False)
        self._on_slider(self.slider.value())

    def _on_slider(self, index: int) -> None:
        if not self._stops:
            self.step_label.setText("—")
            for panel in self.panels:
                panel.show_step(0)
            return
        step = self._stops[min(index, len(self._stops) - 1)]
        self.step_label.setText(tr("step {n}").format(n=f"{step:,}"))
        for panel in self.panels:
            panel.show_step(step)

    def show_step(self, step: int) -> int:
        """Move the slider to the last grid stop at or before `step`; returns the step shown."""
        i = max(0, int(np.searchsorted(self._stops, step, side="right")) - 1)
        self.slider.setValue(i)
        self._on_slider(i)
        return self._stops[i] if self._stops else 0

    # ----------------------------------------------------------------- table
    def _fill_table(self) -> None:
        rows = difference_table(self.runs)
        summary = [(tr("steps trained"), tuple(f"{r.step:,}" for r in self.runs)),
                   (tr("training time"), tuple(f"{r.elapsed:,.0f} s" for r in self.runs))]
        body = [(tr(row.label), row.values) for row in rows]
        if not rows and len(self.runs) >= MIN_RUNS:
            body = [(tr("settings"), tuple(tr("all the same") for _ in self.runs))]
        all_rows = summary + body
        self.table.clear()
        self.table.setColumnCount(len(self.runs))
        self.table.setRowCount(len(all_rows))
        self.table.setHorizontalHeaderLabels([r.name for r in self.runs])
        self.table.setVerticalHeaderLabels([label for label, _ in all_rows])
        for r, (_label, values) in enumerate(all_rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
        self.diff_keys = [row.key for row in rows]

    def table_text(self) -> dict[str, list[str]]:
        """{row label: [cell per run]} as shown (for tests and copy)."""
        out = {}
        for r in range(self.table.rowCount()):
            out[self.table.verticalHeaderItem(r).text()] = [self.table.item(r, c).text()
                                                            for c in range(self.table.columnCount())]
        return out
