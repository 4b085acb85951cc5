"""MetricsBuffer: smoothed losses with start-up bias correction, appends in chunks, truncation."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gan_studio.app.plots import SMOOTHING, MetricsBuffer


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
