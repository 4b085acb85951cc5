"""The Compare window on real run folders: overlaid curves, grids side by side at one step, the differences table."""

from __future__ import annotations

import numpy as np
import pytest

from gan_studio.app.compare_window import CompareWindow
from gan_studio.core.run_folders.compare import QUALITY, load_run, smooth
from gan_studio.core.config import with_values
from gan_studio.core.run_folders.follow import load_grid
from tests.core.helpers import tiny_config
from tests.core.test_compare import make_run


@pytest.fixture
def three_runs(tmp_path):
    base = tiny_config()
    a = make_run(tmp_path / "alpha", base, steps=30, grid_every=10, loss=1.0, seconds_per_step=0.5,
                 quality=[(10, 20.0), (20, 35.0), (30, 50.0)])
    b = make_run(tmp_path / "beta", with_values(base, {"train.lr_g": 1e-3}), steps=24, grid_every=8, loss=2.0,
                 seconds_per_step=0.25)
    c = make_run(tmp_path / "gamma", with_values(base, {"train.lr_g": 5e-4, "model.g_width": 16}), steps=12,
                 grid_every=12, loss=3.0, seconds_per_step=1.0,
                 lineage={"parent": str(a), "parent_step": 10, "changes": {"train.lr_g": 5e-4}})
    return [a, b, c]


@pytest.fixture
def compare(qtbot, three_runs):
    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_overlays_every_run_against_step_and_time(compare, three_runs):
    assert [r.name for r in compare.runs] == ["alpha", "beta", "gamma"]
    for name in ("loss_d", "loss_g", "d_real", "d_fake"):
        assert len(compare.curves_for(name)) == 3
    for curve, path, steps in zip(compare.curves_for("loss_d"), three_runs, (30, 24, 12)):
        x, y = curve.getData()
        raw = load_run(path).series("loss_d")[1]
        assert list(x) == list(range(1, steps + 1))
        assert np.allclose(y, smooth(raw))
    compare.smooth_box.setChecked(False)
    x, y = compare.curves_for("loss_d")[1].getData()
    assert np.allclose(y, [2.0 + s / 100 for s in range(1, 25)])
    compare.x_combo.setCurrentIndex(compare.x_combo.findData("elapsed"))
    xs = [c.getData()[0] for c in compare.curves_for("loss_d")]
    assert xs[0][-1] == 15.0 and xs[1][-1] == 6.0 and xs[2][-1] == 12.0      # seconds of training
    assert compare.plots["loss"].getAxis("bottom").labelText == "training time (s)"
    # quality: only alpha measured it
    quality = compare.curves_for(QUALITY)
    assert len(quality) == 1 and list(quality[0].getData()[1]) == [20.0, 35.0, 50.0]
    assert list(quality[0].getData()[0]) == [5.0, 10.0, 15.0]
    assert compare.plots["quality"].titleLabel.text == "Quality (0–100): 1 of 3 runs measured"


def test_grids_side_by_side_at_the_same_step(compare):
    assert compare.slider.isEnabled()
    shown = compare.show_step(17)
    assert shown == 16                              # the stops are every step any run saved a grid at
    assert [p.grid_step for p in compare.panels] == [10, 16, 12]
    for panel in compare.panels:
        expected = load_grid(panel.run.grid_at(shown)[1])
        assert np.array_equal(panel.image.array, expected)
    assert compare.step_label.text() == "step 16"
    compare.show_step(9)
    assert [p.grid_step for p in compare.panels] == [None, 8, None]
    assert "No grid at or before step 8" in compare.panels[0].caption.text()
    compare.slider.setValue(compare.slider.maximum())
    assert [p.grid_step for p in compare.panels] == [30, 24, 12]
    assert "loss D" in compare.panels[0].caption.text() and "quality 50" in compare.panels[0].caption.text()


def test_differences_table_lists_what_differs_and_the_lineage(compare):
    table = compare.table_text()
    assert table["generator LR"] == ["0.0002", "0.001", "0.0005"]
    assert table["generator width"] == ["8", "8", "16"]
    assert table["lineage"] == ["—", "—", "branched from alpha at step 10: generator LR = 0.0005"]
    assert table["steps trained"] == ["30", "24", "12"]
    assert "batch size" not in table
    assert [compare.table.horizontalHeaderItem(c).text() for c in range(3)] == ["alpha", "beta", "gamma"]


def test_a_bad_folder_is_named_and_the_rest_still_shown(qtbot, three_runs, tmp_path):
    bad = tmp_path / "not-a-run"
    bad.mkdir()
    w = CompareWindow([(p.name, p) for p in [three_runs[0], bad, three_runs[1]]],
                      checked=[three_runs[0], bad, three_runs[1]])
    qtbot.addWidget(w)
    assert [r.name for r in w.runs] == ["alpha", "beta"]
    assert len(w.curves_for("loss_d")) == 2 and len(w.panels) == 2
    assert "not-a-run cannot be compared" in w.problems.text() and "is not a GAN Studio run" in w.problems.text()


def test_ticking_runs_reloads_and_at_most_six(qtbot, tmp_path, three_runs):
    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs[:1])
    qtbot.addWidget(w)
    assert len(w.runs) == 1 and "at least 2" in w.hint.text()
    from PySide6.QtCore import Qt

    w.run_list.item(2).setCheckState(Qt.CheckState.Checked)
    assert [r.name for r in w.runs] == ["alpha", "gamma"] and len(w.curves_for("loss_g")) == 2
    extra = [make_run(tmp_path / f"extra{i}", steps=3) for i in range(4)]
    for p in extra:
        w.add_candidate(p)
    for i in range(w.run_list.count()):
        w.run_list.item(i).setCheckState(Qt.CheckState.Checked)
    assert len(w.checked_paths()) == 6 and len(w.runs) == 6
    assert "At most 6" in w.hint.text()


def test_a_live_run_grows_on_reload(qtbot, three_runs):
    import json

    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs[1:])
    qtbot.addWidget(w)
    with open(three_runs[1] / "metrics.jsonl", "a") as fh:
        fh.write(json.dumps({"step": 25, "loss_d": 5.0, "loss_g": 1.0, "d_real": 0.5, "d_fake": 0.5,
                             "elapsed": 6.25}) + "\n")
        fh.write('{"step": 26, "loss_d"')               # still being written
    w.reload()
    x, _ = w.curves_for("loss_d")[0].getData()
    assert x[-1] == 25


def test_reading_on_a_worker_thread_keeps_only_the_newest_answer(qtbot, three_runs):
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs[:2], background=True)
    qtbot.addWidget(w)
    shown: list[int] = []
    w.compared.connect(shown.append)
    assert w.loading and "Reading 2 runs" in w.hint.text()
    w.run_list.item(2).setCheckState(Qt.CheckState.Checked)       # a second reload before the first answered
    qtbot.waitUntil(lambda: not w.loading, timeout=10000)
    # Both readers have answered (their threads ended after sending); the first answer, if late, is dropped.
    qtbot.waitUntil(lambda: not any(t.name == "compare-runs-reader" for t in threading.enumerate()), timeout=10000)
    QApplication.processEvents()
    assert shown == [3]
    assert [r.name for r in w.runs] == ["alpha", "beta", "gamma"] and len(w.curves_for("loss_d")) == 3
    assert w.reload_button.isEnabled()


def test_set_checked_reads_the_runs_once(qtbot, three_runs, tmp_path):
    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs[:1])
    qtbot.addWidget(w)
    counts: list[int] = []
    w.compared.connect(counts.append)
    extra = make_run(tmp_path / "delta", steps=5)
    w.set_checked([three_runs[1], extra])
    assert counts == [2] and [r.name for r in w.runs] == ["beta", "delta"]
    assert w.add_folder(three_runs[0]) and counts == [2, 3]


def test_a_reload_keeps_the_step_on_show_and_auto_reload_reads_a_growing_run(qtbot, three_runs):
    import json

    w = CompareWindow([(p.name, p) for p in three_runs], checked=three_runs[:2])
    qtbot.addWidget(w)
    assert w.show_step(16) == 16
    w.reload()
    assert w.step_label.text() == "step 16" and [p.grid_step for p in w.panels] == [10, 16]
    w.show_step(10**6)                                  # at the end: a reload follows the newest grids
    from gan_studio.core.run_folders.runs import RunFolder

    RunFolder.open(three_runs[1]).save_grid(40, np.zeros((4, 8, 8, 1), np.uint8))
    with open(three_runs[1] / "metrics.jsonl", "a") as fh:
        fh.write(json.dumps({"step": 40, "loss_d": 1.0, "elapsed": 10.0}) + "\n")
    w.auto_timer.setInterval(50)
    w.auto_box.setChecked(True)
    qtbot.waitUntil(lambda: w.step_label.text() == "step 40", timeout=5000)
    assert [p.grid_step for p in w.panels] == [30, 40]
    assert w.curves_for("loss_d")[1].getData()[0][-1] == 40
    w.auto_box.setChecked(False)
    assert not w.auto_timer.isActive()


def test_the_runs_legend_covers_no_curve(compare):
    """Issue 26: the legend sat inside the Loss plot over the ends of the curves; it is a row of its own."""
    compare.resize(1220, 666)                                  # Compare on a 1280×720 screen
    names = [label.text for _sample, label in compare.legend.items]
    assert names == ["alpha", "beta", "gamma"]
    legend = compare.legend.sceneBoundingRect()
    for plot in compare.plots.values():
        assert not legend.intersects(plot.getViewBox().sceneBoundingRect())
