"""MetricsBuffer: smoothed losses with start-up bias correction, appends in chunks, truncation.  TrainingPlots:
a cached history and a short tail per series, y axes that move only when the data leaves them."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import pytest

from gan_studio.app.plots import SMOOTHING, TAIL_ROWS, MetricsBuffer, TrainingPlots


def _rows(losses, start=1):
    return [{"step": start + i, "loss_d": v, "loss_g": 2 * v} for i, v in enumerate(losses)]


def test_smoothing_is_bias_corrected_from_the_first_row():
    assert SMOOTHING == 0.98
    b = MetricsBuffer()
    b.append(_rows([10.0, 0.0]))
    s = b.column("loss_d_smooth")
    assert s[0] == pytest.approx(10.0)                 # the first value itself
    # (0.98·0.02·10 + 0.02·0) / (1 − 0.98²) = 0.196 / 0.0396; the uncorrected start-at-first-value EMA read 9.8
    assert s[1] == pytest.approx(0.196 / 0.0396) == pytest.approx(4.949495, abs=1e-6)
    assert b.column("loss_g_smooth")[1] == pytest.approx(2 * 0.196 / 0.0396)


def test_a_start_up_spike_fades_at_once():
    """Loss 4 at step 1, then 1: after 50 steps the curve reads 1.035, not 2.11 (the old lag)."""
    b = MetricsBuffer()
    b.append(_rows([4.0] + [1.0] * 49))
    weight_first = 0.02 * 0.98**49 / (1 - 0.98**50)     # 0.01169
    assert b.column("loss_d_smooth")[-1] == pytest.approx(1 + 3 * weight_first) == pytest.approx(1.0351, abs=1e-4)
    assert 0.98**49 * 4 + (1 - 0.98**49) * 1 == pytest.approx(2.1148, abs=1e-4)   # what it used to show


def test_constant_losses_read_constant_and_long_runs_match_a_plain_ema():
    b = MetricsBuffer()
    b.append(_rows([0.7] * 20))
    assert np.allclose(b.column("loss_d_smooth"), 0.7)
    values = np.random.default_rng(0).normal(1.0, 0.3, 2000)
    b = MetricsBuffer()
    b.append(_rows(list(values)))
    ema = 0.0
    for t, v in enumerate(values, 1):
        ema = 0.98 * ema + 0.02 * v
    assert b.column("loss_d_smooth")[-1] == pytest.approx(ema / (1 - 0.98**2000))
    assert b.column("loss_d_smooth")[-1] == pytest.approx(ema, rel=1e-12)    # the correction has faded


def test_chunks_non_finite_values_and_truncation():
    values = [3.0, 2.0, math.nan, 1.5, math.inf, 1.0, 0.9, 0.8]
    whole = MetricsBuffer(capacity=2)                   # grows while appending
    whole.append(_rows(values))
    parts = MetricsBuffer(capacity=2)
    for i in range(0, len(values), 3):
        parts.append(_rows(values[i:i + 3], start=1 + i))
    assert np.allclose(whole.column("loss_d_smooth"), parts.column("loss_d_smooth"), equal_nan=True)
    s = whole.column("loss_d_smooth")
    assert s[2] == s[1] and s[4] == s[3]                # a non-finite loss leaves the average alone
    assert np.isfinite(s).all()
    # a rollback to step 4, then new rows: as if the rows after step 4 had never come
    whole.truncate(4)
    whole.append(_rows([0.5, 0.4], start=5))
    fresh = MetricsBuffer()
    fresh.append(_rows(values[:4] + [0.5, 0.4]))
    assert np.allclose(whole.column("loss_d_smooth"), fresh.column("loss_d_smooth"))
    whole.clear()
    whole.append(_rows([2.0]))
    assert whole.column("loss_d_smooth")[0] == 2.0
    assert set(whole.row_at_step(1)) >= {"step", "loss_d", "loss_d_smooth"}
    assert not any(k.startswith("_") for k in whole.row_at_step(1))


def _metric_rows(start, n, rng, loss=1.0, speed=700.0, noise=1.0):
    return [{"step": s, "loss_d": loss + noise * 0.2 * rng.standard_normal(),
             "loss_g": loss + noise * 0.2 * rng.standard_normal(), "d_real": 0.6, "d_fake": 0.4,
             "images_per_s": speed + noise * 20 * rng.standard_normal(), "lr_g": 2e-3,
             "lr_d": 2e-3, "elapsed": s / 30} for s in range(start, start + n)]


def _drawn(series):
    """The x values a series draws: its history, then its tail without the shared first point."""
    hist = series.history.xData if series.split else np.empty(0)
    tail = series.tail.xData
    return np.concatenate([hist, tail[1:] if series.split else tail])


def test_each_series_redraws_only_a_short_tail_and_hands_it_to_the_cached_history(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    rng = np.random.default_rng(0)
    n = 0
    history_sets = 0
    loss_d = plots.series["loss_d"]
    for chunk in [3] * 200 + [40] * 10:                # 1,000 rows, a refresh after every chunk
        plots.append(_metric_rows(n + 1, chunk, rng))
        n += chunk
        split = loss_d.split
        plots.refresh()
        history_sets += loss_d.split != split
        assert len(loss_d.tail.xData) <= TAIL_ROWS + 1
        assert np.array_equal(_drawn(loss_d), np.arange(1, n + 1))      # every row drawn, once
        assert plots.curve_points("loss_d") == n
    assert 1000 // (TAIL_ROWS + 1) <= history_sets <= 1000 // TAIL_ROWS + 1   # not once per refresh
    assert np.allclose(loss_d.history.yData, plots.buffer.column("loss_d_smooth")[:loss_d.split])
    assert loss_d.history.curve.cacheMode() != loss_d.history.curve.CacheMode.NoCache
    plots.truncate(300)                                 # a divergence rolled back: the history is redrawn
    assert np.array_equal(_drawn(loss_d), np.arange(1, 301))
    plots.clear()
    assert plots.curve_points("loss_d") == 0


def test_loss_and_speed_axes_hold_every_value_and_move_only_when_the_data_leaves_them(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    rng = np.random.default_rng(1)
    plots.append(_metric_rows(1, 200, rng))
    plots.refresh()

    def y_range(plot):
        return tuple(plot.getViewBox().viewRange()[1])

    lo, hi = y_range(plots.loss_plot)
    b = plots.buffer
    values = np.concatenate([b.column("loss_d"), b.column("loss_g")])
    assert lo <= values.min() and values.max() <= hi
    assert hi - lo < 1.5 * (values.max() - values.min())      # fitted, not padded to a wide default
    speed = y_range(plots.speed_plot)
    plots.append(_metric_rows(201, 50, rng, noise=0.0))       # values inside the axes: they stay
    plots.refresh()
    assert y_range(plots.loss_plot) == (lo, hi) and y_range(plots.speed_plot) == speed
    plots.append(_metric_rows(251, 1, rng, loss=9.0, speed=2000.0))   # a spike: both axes take it in
    plots.refresh()
    assert y_range(plots.loss_plot)[1] >= 9.0 > hi and y_range(plots.speed_plot)[1] >= 2000.0
    plots.truncate(250)                                       # rolled back past it: fitted again
    assert y_range(plots.loss_plot)[1] < 9.0


def test_opening_a_run_with_as_many_rows_redraws_the_history_and_one_click_hides_a_whole_curve(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    rng = np.random.default_rng(2)
    plots.set_rows(_metric_rows(1, 600, rng, loss=1.0, noise=0.0))
    plots.set_rows(_metric_rows(1, 600, rng, loss=5.0, noise=0.0))     # another run, the same length
    for name in ("loss_d", "loss_d_raw"):
        shown = plots.series[name].history.getData()[1]                # what the curve draws, not the buffer
        assert len(shown) and np.allclose(shown, 5.0), name
    series = plots.series["loss_g"]
    series.history.setVisible(False)                                    # what a click on its legend entry does
    assert not series.tail.isVisible()
    series.history.setVisible(True)
    assert series.tail.isVisible()


def test_zooming_any_plot_stops_the_step_axis_following_and_steady_values_do_not_move_the_axes(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    rng = np.random.default_rng(3)
    plots.append(_metric_rows(1, 100, rng, noise=0.0))       # constant values: a flat line
    plots.refresh()
    moves = []
    plots.loss_plot.getViewBox().sigYRangeChanged.connect(lambda *a: moves.append(a))
    for start in (101, 111, 121):
        plots.append(_metric_rows(start, 10, rng, noise=0.0))
        plots.refresh()
    assert moves == []
    last = [130]

    def right_end_after_more_steps() -> float:
        """Steps past the right end of the step axis arrive; the axis's right end after them."""
        right = plots.loss_plot.getViewBox().viewRange()[0][1]
        n = int(right) - last[0] + 50
        plots.append(_metric_rows(last[0] + 1, n, rng, noise=0.0))
        last[0] += n
        plots.refresh()
        return plots.loss_plot.getViewBox().viewRange()[0][1]

    for plot in (plots.d_plot, plots.quality_plot, plots.loss_plot, plots.speed_plot):
        plots.reset_zoom()
        right = plots.loss_plot.getViewBox().viewRange()[0][1]
        assert right_end_after_more_steps() > right + 50, plot           # the axis follows the steps
        plot.getViewBox().sigRangeChangedManually.emit([True, False])    # what a wheel zoom or a drag emits
        right = plots.loss_plot.getViewBox().viewRange()[0][1]
        assert right_end_after_more_steps() == right, plot               # zoomed: it stays where the user put it


def test_the_newest_point_never_runs_under_a_legend(qtbot):
    """Issue 26: the legends sat over the newest data once a curve reached the right edge of its page."""
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(500, 480)                        # the curves at 1280×720
    plots.show()
    qtbot.waitExposed(plots)
    rng = np.random.default_rng(4)
    n = 0
    for chunk in [7] * 150:                       # steps 1 … 1,050 in the window's chunks
        plots.append(_metric_rows(n + 1, chunk, rng))
        n += chunk
        plots.refresh()
        for plot in (plots.loss_plot, plots.d_plot):
            vb = plot.getViewBox()
            newest = vb.mapViewToScene(pg.Point(float(n), 0.5)).x()
            legend_left = plot.legend.sceneBoundingRect().left()
            assert newest < legend_left, (n, newest, legend_left)
