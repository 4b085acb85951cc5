"""Live training curves (pyqtgraph).

`MetricsBuffer` keeps every metric row in preallocated numpy arrays that
double when full (amortised O(1) appends, no per-row Python objects kept).
`TrainingPlots` draws four x-linked plots from it — losses (raw faint +
smoothed bold), D(x) / D(G(z)), the quality score of the checks the training
process makes every ~10 s (one point each), images/s — refreshing on a ~12 Hz timer only
when new data arrived, never per signal.  Curves are created once and updated
with `setData`; clip-to-view and peak downsampling keep 100k-step histories
smooth.  Each per-step series is two curves (`_Series`): the newest rows in a
short tail redrawn every refresh, the rest in a history curve that Qt keeps as
a cached image, so a refresh repaints a thin strip, not every point.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel, QVBoxLayout, QWidget

from .i18n import tr

FIELDS = ("step", "loss_d", "loss_g", "d_real", "d_fake", "images_per_s", "lr_g", "lr_d", "elapsed")
SMOOTHED = ("loss_d", "loss_g")
SMOOTHING = 0.98           # display-only exponential smoothing of the loss curves (bias-corrected, as in Adam)
REFRESH_HZ = 11           # curves redraw ~11 times a second: smooth to the eye, and at 15 Hz the window took
                          # ~27 % of a core while training (21 % at 11 Hz), the core the training process needs
TAIL_ROWS = 256           # a series' newest rows, redrawn every refresh; older ones are a cached image (`_Series`)
# No background grid: pyqtgraph draws it through the axes' cached QPicture, and replaying that costs
# 30–50 ms per repaint in Qt's software rasterizer (6 ms without) — the one thing that stalled the GUI.

COLORS = {
    "loss_d": "#e8743b",   # orange: the discriminator
    "loss_g": "#3b8ee8",   # blue: the generator
    "d_real": "#2ca25f",
    "d_fake": "#c0392b",
    "images_per_s": "#8e6bd6",
    "quality": "#2e9a5a",
}


class MetricsBuffer:
    """Column store of metric rows with amortised appends.

    The smoothed losses are an exponential moving average with start-up bias correction (as Adam's
    moments): ``ema_t = β·ema_{t−1} + (1 − β)·x_t`` from ``ema_0 = 0``, shown as ``ema_t / (1 − β^t)``, t
    counting the finite values.  That is the average of the values so far weighted by β^age, so the first
    rows read right instead of dragging the first value along for ~1/(1 − β) = 50 steps.
    """

    def __init__(self, capacity: int = 4096):
        self._cap = capacity
        self.n = 0
        self._data = {f: np.empty(capacity, np.float64) for f in FIELDS}
        self._data.update({f"{f}_smooth": np.empty(capacity, np.float64) for f in SMOOTHED})
        # the uncorrected average and t after each row, so a truncation can resume from any row
        self._data.update({f"_{f}_ema": np.empty(capacity, np.float64) for f in SMOOTHED})
        self._data.update({f"_{f}_t": np.empty(capacity, np.float64) for f in SMOOTHED})
        self._ema = {f: (0.0, 0) for f in SMOOTHED}      # (uncorrected ema, t)

    def __len__(self) -> int:
        return self.n

    def _grow(self, need: int) -> None:
        if need <= self._cap:
            return
        cap = self._cap
        while cap < need:
            cap *= 2
        for key, arr in self._data.items():
            new = np.empty(cap, np.float64)
            new[: self.n] = arr[: self.n]
            self._data[key] = new
        self._cap = cap

    def append(self, rows: list[dict]) -> None:
        if not rows:
            return
        k = len(rows)
        self._grow(self.n + k)
        sl = slice(self.n, self.n + k)
        for f in FIELDS:
            self._data[f][sl] = [float(r.get(f, np.nan)) for r in rows]
        beta = SMOOTHING
        for f in SMOOTHED:
            raw = self._data[f][sl]
            out = self._data[f"{f}_smooth"][sl]
            ema_col, t_col = self._data[f"_{f}_ema"][sl], self._data[f"_{f}_t"][sl]
            ema, t = self._ema[f]
            shown = self._data[f"{f}_smooth"][self.n - 1] if self.n else np.nan
            for i, v in enumerate(raw):
                if np.isfinite(v):          # a non-finite loss (divergence) leaves the average alone
                    ema = beta * ema + (1 - beta) * v
                    t += 1
                    shown = ema / (1 - beta ** t)
                out[i] = shown
                ema_col[i], t_col[i] = ema, t
            self._ema[f] = (ema, t)
        self.n += k

    def truncate(self, step: int) -> None:
        """Drop rows after `step` (a divergence rolled training back)."""
        keep = int(np.searchsorted(self._data["step"][: self.n], step, side="right"))
        self.n = keep
        for f in SMOOTHED:
            self._ema[f] = ((float(self._data[f"_{f}_ema"][keep - 1]), int(self._data[f"_{f}_t"][keep - 1]))
                            if keep else (0.0, 0))

    def clear(self) -> None:
        self.n = 0
        self._ema = {f: (0.0, 0) for f in SMOOTHED}

    def column(self, name: str) -> np.ndarray:
        return self._data[name][: self.n]

    def last_step(self) -> int:
        return int(self._data["step"][self.n - 1]) if self.n else 0

    def row_at_step(self, step: float) -> dict | None:
        """The row nearest to `step` (for the hover read-out)."""
        if not self.n:
            return None
        steps = self.column("step")
        i = int(np.clip(np.searchsorted(steps, step), 0, self.n - 1))
        if i > 0 and abs(steps[i - 1] - step) < abs(steps[i] - step):
            i -= 1
        return {k: float(v[i]) for k, v in self._data.items() if not k.startswith("_")}


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ value."""
    if value <= 0:
        return 1.0
    base = 10.0 ** np.floor(np.log10(value))
    for m in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if m * base >= value - 1e-9 * base:
            return float(m * base)
    return float(10 * base)


class _Series:
    """One per-step curve drawn as two: a history curve holding every row up to a hand-over row, which Qt
    caches as an image (redrawn only when it changes or the axes move), and a tail from that row on, which
    is all a refresh redraws.  Every `TAIL_ROWS` rows the tail is handed over to the history.  Redrawing
    every point at every refresh cost 16 ms at 1,500 rows and 25 ms at 5,000 (CPU per refresh, growing with
    the run); taken from the training process on a 2-core machine (benchmarks/README.md,
    gui_responsiveness)."""

    def __init__(self, plot: pg.PlotItem, column: str, pen, name: str | None = None):
        self.plot, self.column = plot, column    # where it is drawn, and the MetricsBuffer column it draws
        self.history = plot.plot(pen=pen, name=name)
        self.history.setClipToView(True)
        self.history.setDownsampling(auto=True, method="peak")
        self.history.setSkipFiniteCheck(True)
        self.history.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.tail = pg.PlotCurveItem(pen=pen, skipFiniteCheck=True)   # a few hundred points: drawn as they are
        plot.addItem(self.tail)
        # One curve to the user: hiding it (a click on its legend entry) hides the tail too.
        self.history.visibleChanged.connect(lambda: self.tail.setVisible(self.history.isVisible()))
        self.split = 0          # the history holds rows [0, split); the tail rows [split − 1, n)

    def set_data(self, x: np.ndarray, y: np.ndarray, rebuild: bool = False) -> None:
        """Show `x`, `y` (the buffer's columns); `rebuild`: rows before the tail changed (a run was opened, the
        buffer cleared or truncated), so the history is drawn anew."""
        n = len(x)
        if rebuild or n < self.split or n - self.split > TAIL_ROWS:     # the history changed, or the tail is full
            self.split = n
            self.history.setData(x, y)
            self.tail.setData(x[n - 1:], y[n - 1:])
        else:
            lo = max(self.split - 1, 0)                     # the tail starts at the history's last point
            self.tail.setData(x[lo:], y[lo:])

    def points(self) -> int:
        """Rows drawn (the data given, before clipping / downsampling for display)."""
        return len(self.tail.xData) + max(self.split - 1, 0) if self.tail.xData is not None else 0


def _cache_image(item: QGraphicsItem) -> None:
    """Let Qt keep `item` and its children as images, redrawn only when they change."""
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for child in item.childItems():
        _cache_image(child)


def _pen(color: str, width: float = 1.0, alpha: int = 255):
    c = QColor(color)
    c.setAlpha(alpha)
    return pg.mkPen(c, width=width)


class TrainingPlots(QWidget):
    """Losses, discriminator outputs and throughput against the training step."""

    refreshed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.buffer = MetricsBuffer()
        self.refresh_count = 0
        self._dirty = False
        self._rebuild = False       # rows already drawn changed: every series redraws its history

        pg.setConfigOptions(antialias=False)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        # A plain white fill, not pyqtgraph's cached background image: blitting that image for each refreshed
        # strip went through Qt's raster thread pool and was ~40 % of the view's paint time while training.
        self.view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.view.ci.layout.setSpacing(6)
        self.readout = QLabel(" ")
        self.readout.setObjectName("plotReadout")
        self.readout.setToolTip(tr("Values at the step under the mouse cursor"))
        self.readout.setStyleSheet("QLabel#plotReadout { color: palette(mid); padding: 2px 6px; }")
        self.readout.setWordWrap(True)      # a narrow column: two lines rather than a cut-off read-out
        self.view.viewport().installEventFilter(self)   # the mouse leaving the curves clears the read-out
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)

        self.loss_plot = self._plot(0, tr("Loss", "plot axis"),
                                    tr("Discriminator and generator losses (faint: every step; bold: smoothed)"))
        self.d_plot = self._plot(1, tr("D output"), tr("Discriminator's average belief that real images (D(x)) and "
                                                       "generated images (D(G(z))) are real"))
        self.quality_plot = self._plot(2, tr("quality"), "")
        self.set_digits(True)
        self.speed_plot = self._plot(3, tr("images/s"), tr("Training throughput: real images seen per second"))
        self.d_plot.setXLink(self.loss_plot)
        self.quality_plot.setXLink(self.loss_plot)
        self.speed_plot.setXLink(self.loss_plot)
        self.quality_plot.setYRange(0, 100, padding=0.02)
        self.quality_plot.enableAutoRange(axis="y", enable=False)
        self.quality_steps: list[float] = []
        self.quality_scores: list[float] = []
        self._quality_dirty = False     # the scatter of the quality curve is rebuilt only when a check arrived
        self.d_plot.setYRange(0, 1, padding=0.02)
        self.d_plot.enableAutoRange(axis="y", enable=False)
        self.speed_plot.setLabel("bottom", tr("step"))
        for plot in (self.loss_plot, self.d_plot, self.quality_plot):   # x-linked: one step axis at the bottom
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.getAxis("bottom").setHeight(4)
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 2)
        self.view.ci.layout.setRowStretchFactor(2, 1)
        self.view.ci.layout.setRowStretchFactor(3, 1)

        self.series = {
            "loss_d_raw": _Series(self.loss_plot, "loss_d", _pen(COLORS["loss_d"], 1, 70)),
            "loss_g_raw": _Series(self.loss_plot, "loss_g", _pen(COLORS["loss_g"], 1, 70)),
            "loss_d": _Series(self.loss_plot, "loss_d_smooth", _pen(COLORS["loss_d"], 2), tr("loss D")),
            "loss_g": _Series(self.loss_plot, "loss_g_smooth", _pen(COLORS["loss_g"], 2), tr("loss G")),
            "d_real": _Series(self.d_plot, "d_real", _pen(COLORS["d_real"], 1), tr("D(x) real")),
            "d_fake": _Series(self.d_plot, "d_fake", _pen(COLORS["d_fake"], 1), tr("D(G(z)) fake")),
            "images_per_s": _Series(self.speed_plot, "images_per_s", _pen(COLORS["images_per_s"], 1),
                                    tr("images/s")),
        }
        self.curves = {   # the quality checks: a few points, redrawn only when a check arrives
            "quality": self.quality_plot.plot(pen=_pen(COLORS["quality"], 2), symbol="o", symbolSize=5,
                                              symbolBrush=COLORS["quality"], symbolPen=None, name=tr("score")),
        }
        self.curves["quality"].setSkipFiniteCheck(True)
        self.half_line = pg.InfiniteLine(0.5, angle=0, pen=pg.mkPen("#999999", style=pg.QtCore.Qt.PenStyle.DashLine))
        self.half_line.setToolTip(tr("0.5: the discriminator cannot tell real from fake"))
        self.d_plot.addItem(self.half_line, ignoreBounds=True)

        self.cursors = []
        for plot in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot):
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#bbbbbb"))
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self.cursors.append(line)
        self._mouse = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse)

        # The step axis grows in pages (to a round number ~25 % ahead) instead of following every new row:
        # while the x range stays put, pyqtgraph keeps the axes' cached drawings and a refresh repaints
        # only the curves (16 ms instead of 46 ms in Qt's software rasteriser on this machine).
        self._x_page: float | None = None       # right end of the step axis; None: user zoomed, do not follow
        self._setting_range = False
        for plot in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot):
            plot.disableAutoRange(axis="x")
        # The loss and speed axes are fitted by `_fit_y`, which moves them only when the data leaves them or
        # fills less than half: pyqtgraph's auto-range moved them with every new extreme, and repainted the
        # whole plot for every new row, not only the tail.
        for plot in (self.loss_plot, self.speed_plot):
            plot.disableAutoRange(axis="y")
        for plot in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot):
            plot.getViewBox().sigRangeChangedManually.connect(self._on_manual_range)
        self._x_page = 0.0
        # Axes and legends change only with the axis ranges or the series: kept as cached images, so the strip a
        # refresh repaints blits them instead of replaying their drawing (text included) in Python each time.
        for plot in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot):
            for item in (plot.getAxis("left"), plot.getAxis("bottom"), plot.legend):
                _cache_image(item)

        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / REFRESH_HZ))
        self.timer.timeout.connect(self.refresh)

    def _plot(self, row: int, label: str, tip: str) -> pg.PlotItem:
        plot = self.view.addPlot(row=row, col=0)
        plot.setLabel("left", label)
        plot.addLegend(offset=(-8, 6), labelTextColor="#333333", brush=pg.mkBrush(255, 255, 255, 200))
        plot.setMenuEnabled(False)
        plot.getViewBox().setMouseEnabled(x=True, y=False)
        plot.setToolTip(tip)
        plot.getAxis("left").setWidth(52)
        return plot

    def set_digits(self, digits: bool) -> None:
        """Say what the quality curve measures: the digit classifier's score, or for any other images the
        closeness to the folder trained on."""
        self.quality_plot.setToolTip(
            tr("Quality score (0–100) of the generator, scored by the digit classifier every 10 s of training")
            if digits else
            tr("Closeness score (0–100) of the generator's samples to your folder, measured every 10 s or so "
               "of training"))

    # -------------------------------------------------------------- data in
    def append(self, rows: list[dict]) -> None:
        """Buffer new rows; the timer draws them."""
        self.buffer.append(rows)
        self._dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def set_rows(self, rows: list[dict]) -> None:
        """Replace everything (opening a run) and draw now."""
        self.buffer.clear()
        self.buffer.append(rows)
        self._dirty = self._rebuild = True
        self.refresh()
        self.reset_zoom()

    def append_quality(self, points: list[dict]) -> None:
        """Quality checks (dicts with "step" and "score"), drawn with the next refresh."""
        for p in points:
            step, score = float(p["step"]), float(p["score"])
            while self.quality_steps and self.quality_steps[-1] >= step:     # a resumed or rolled-back run
                self.quality_steps.pop()
                self.quality_scores.pop()
            self.quality_steps.append(step)
            self.quality_scores.append(score)
        self._dirty = self._quality_dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def set_quality(self, points: list[dict]) -> None:
        self.quality_steps, self.quality_scores = [], []
        self.append_quality(points)
        self.refresh()

    def truncate(self, step: int) -> None:
        self.buffer.truncate(step)
        keep = sum(1 for s in self.quality_steps if s <= step)
        del self.quality_steps[keep:], self.quality_scores[keep:]
        self._dirty = self._quality_dirty = self._rebuild = True
        self.refresh()

    def clear(self) -> None:
        self.buffer.clear()
        self.quality_steps, self.quality_scores = [], []
        self._dirty = self._quality_dirty = self._rebuild = True
        self.refresh()
        self.readout.setText(" ")

    # -------------------------------------------------------------- drawing
    def refresh(self) -> None:
        if not self._dirty:
            self.timer.stop()  # idle: no timer runs while nothing changes
            return
        self._dirty = False
        b = self.buffer
        x = b.column("step")
        rebuild, self._rebuild = self._rebuild, False
        for series in self.series.values():
            series.set_data(x, b.column(series.column), rebuild)
        if self._quality_dirty:
            self._quality_dirty = False
            self.curves["quality"].setData(np.asarray(self.quality_steps, np.float64),
                                           np.asarray(self.quality_scores, np.float64))
        self._page_x(x)
        self._fit_axes()
        self.refresh_count += 1
        self.refreshed.emit()

    def _legend_share(self) -> float:
        """The share of the plots' width on the right that their legends cover (the newest data stays left
        of it)."""
        width = self.loss_plot.getViewBox().width()
        legends = [p.legend for p in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot)
                   if p.legend is not None and p.legend.isVisible()]
        if width <= 0 or not legends:
            return 0.0
        widest = max(legend.boundingRect().width() for legend in legends) + 8 + 6   # its offset and a gap
        return min(0.5, widest / width)

    def _page_x(self, x: np.ndarray) -> None:
        if self._x_page is None:
            return
        lo = float(x[0]) - 1 if len(x) else 0.0
        hi = float(x[-1]) if len(x) else 0.0
        free = 1.0 - self._legend_share()      # the newest point never runs under a legend
        start = max(0.0, lo)
        if len(x) == 0 or hi > start + (self._x_page - start) * free or self._x_page > 4 * max(hi, 25.0):
            self._x_page = nice_ceiling(max(start + (hi - start) * 1.25 / free, 100.0))
            self._setting_range = True
            try:
                self.loss_plot.setXRange(max(0.0, lo), self._x_page, padding=0)
            finally:
                self._setting_range = False

    def _fit_axes(self, force: bool = False) -> None:
        """Fit the loss and speed axes to the series they draw (`_fit_y`)."""
        for plot in (self.loss_plot, self.speed_plot):
            self._fit_y(plot, [self.buffer.column(s.column) for s in self.series.values() if s.plot is plot], force)

    def _fit_y(self, plot: pg.PlotItem, columns: list[np.ndarray], force: bool = False) -> None:
        """Fit the y axis to every finite value of `columns`, with 8 % to spare, when they leave it or fill
        less than half of it (or when forced)."""
        finite = [c[np.isfinite(c)] for c in columns]
        finite = [c for c in finite if len(c)]
        if not finite:
            return
        lo, hi = min(float(c.min()) for c in finite), max(float(c.max()) for c in finite)
        # at least 2 % of the values' size: a flat line (float noise apart) is not zoomed into
        span = max(hi - lo, 0.02 * max(abs(lo), abs(hi)), 1e-3)
        (view_lo, view_hi) = plot.getViewBox().viewRange()[1]
        if force or lo < view_lo or hi > view_hi or span < 0.5 * (view_hi - view_lo):
            pad = 0.08 * span
            plot.setYRange(lo - pad, hi + pad, padding=0)

    def _on_manual_range(self, *_args) -> None:
        if not self._setting_range:
            self._x_page = None      # the user zoomed or panned: leave the axis alone until Reset zoom

    def reset_zoom(self) -> None:
        self._fit_axes(force=True)
        self.d_plot.setYRange(0, 1, padding=0.02)
        self.quality_plot.setYRange(0, 100, padding=0.02)
        self._x_page = 0.0
        self._page_x(self.buffer.column("step"))

    def curve_points(self, name: str) -> int:
        """How many points a curve holds (for tests)."""
        if name in self.series:
            return self.series[name].points()
        x = self.curves[name].xData   # the data given, before clipping / downsampling for display
        return 0 if x is None else len(x)

    # ------------------------------------------------------------ read-out
    def _on_mouse(self, event) -> None:
        pos = event[0]
        for plot in (self.loss_plot, self.d_plot, self.quality_plot, self.speed_plot):
            if plot.sceneBoundingRect().contains(pos):
                step = plot.getViewBox().mapSceneToView(pos).x()
                self.show_readout(step)
                return
        self.clear_readout()

    def clear_readout(self) -> None:
        """No step under the mouse: the cursor lines and the read-out go."""
        for line in self.cursors:
            line.hide()
        self.readout.setText(" ")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Leave and obj is self.view.viewport():
            self.clear_readout()
        return False

    def show_readout(self, step: float) -> None:
        row = self.buffer.row_at_step(step)
        if row is None:
            return
        for line in self.cursors:
            line.setValue(row["step"])
            line.show()
        self.readout.setText(  # no-tr: loss D, D(x), lr G are notation, the same in every language
            tr("step") + f" <b>{int(row['step']):,}</b> &nbsp; "
            f"<span style='color:{COLORS['loss_d']}'>loss D {row['loss_d']:.3f}</span> &nbsp; "
            f"<span style='color:{COLORS['loss_g']}'>loss G {row['loss_g']:.3f}</span> &nbsp; "
            f"<span style='color:{COLORS['d_real']}'>D(x) {row['d_real']:.2f}</span> &nbsp; "
            f"<span style='color:{COLORS['d_fake']}'>D(G(z)) {row['d_fake']:.2f}</span> &nbsp; "
            + tr("{rate:,.0f} img/s").format(rate=row["images_per_s"])
            + f" &nbsp; lr G {row['lr_g']:.2g} / D {row['lr_d']:.2g}"
        )
