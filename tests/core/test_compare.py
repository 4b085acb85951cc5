"""Comparing run folders: read-only loading of live or damaged runs, curves, grids at a step, differences."""

from __future__ import annotations

import json

import numpy as np
import pytest

from gan_studio.core.run_folders.compare import (QUALITY, CompareError, difference_table, grid_steps, load_run, load_runs,
                                     smooth)
from gan_studio.core.config import with_values
from gan_studio.core.run_folders.runs import RunFolder

from .helpers import tiny_config


def make_run(folder, config=None, steps=20, grid_every=5, loss=1.0, seconds_per_step=0.5, lineage=None,
             quality=None):
    """A run folder as training writes it: run.json, metrics.jsonl, samples/step_*.png."""
    run = RunFolder.create(folder, config or tiny_config())
    rows = [{"step": s, "loss_d": loss + s / 100, "loss_g": 2 * loss, "d_real": 0.6, "d_fake": 0.4,
             "grad_norm_d": 1.0, "grad_norm_g": 1.0, "gp": 0.0, "lr_g": 2e-4, "lr_d": 2e-4, "images_per_s": 100.0,
             "elapsed": s * seconds_per_step} for s in range(1, steps + 1)]
    run.append_metrics(rows)
    for s in range(grid_every, steps + 1, grid_every):
        run.save_grid(s, np.full((4, 8, 8, 1), s % 256, np.uint8))
    run.info["step"] = steps
    if lineage is not None:
        run.info["lineage"] = lineage
    run.mark_status("stopped")                          # written with the step and lineage set above
    if quality:
        with open(folder / "quality.jsonl", "w") as fh:
            for step, score in quality:
                fh.write(json.dumps({"step": step, "elapsed": step * seconds_per_step, "score": score}) + "\n")
    return folder


def test_curves_against_step_and_time(tmp_path):
    a = make_run(tmp_path / "a", steps=20, seconds_per_step=0.5)
    run = load_run(a)
    x, y = run.series("loss_d")
    assert list(x) == list(range(1, 21))
    assert y[0] == pytest.approx(1.01) and y[-1] == pytest.approx(1.2)
    t, y2 = run.series("loss_d", x="elapsed")
    assert list(t) == [s * 0.5 for s in range(1, 21)] and np.array_equal(y, y2)
    assert run.step == 20 and run.elapsed == 10.0 and run.config == tiny_config()
    assert not run.has_quality and run.series(QUALITY)[0].size == 0


def test_grid_at_or_before_a_step(tmp_path):
    run = load_run(make_run(tmp_path / "a", steps=20, grid_every=5))
    assert [s for s, _ in run.grids] == [5, 10, 15, 20]
    assert run.grid_at(4) is None
    assert run.grid_at(5)[0] == 5 and run.grid_at(14)[0] == 10 and run.grid_at(999)[0] == 20
    assert run.grid_at(12)[1].name == "step_0000010.png"


def test_a_live_run_torn_last_line_and_damaged_lines(tmp_path):
    a = make_run(tmp_path / "a", steps=10)
    with open(a / "metrics.jsonl", "a") as fh:
        fh.write("not json\n")
        fh.write('["a list"]\n')
        fh.write('{"step": 11, "loss_d": 3.0, "elapsed": 5.5}\n')
        fh.write('{"step": 12, "loss_d": 9')            # the writer is in the middle of this line
    run = load_run(a)
    assert list(run.series("loss_d")[0]) == list(range(1, 12))
    assert run.series("loss_d")[1][-1] == 3.0
    assert any("2 damaged lines" in n for n in run.notes)


def test_a_step_written_twice_keeps_the_last_row(tmp_path):
    a = make_run(tmp_path / "a", steps=5)
    with open(a / "metrics.jsonl", "a") as fh:
        fh.write(json.dumps({"step": 3, "loss_d": 7.0, "elapsed": 1.5}) + "\n")
    xs, ys = load_run(a).series("loss_d")
    assert list(xs) == [1, 2, 3, 4, 5] and ys[2] == 7.0


def test_run_json_being_written_still_shows_the_curves(tmp_path):
    a = make_run(tmp_path / "a", steps=6)
    (a / "run.json").write_text('{"format": "gan-studio-run/1", "conf')
    run = load_run(a)
    assert run.config is None and len(run.series("loss_g")[0]) == 6
    assert any("run.json cannot be read" in n for n in run.notes)
    other = load_run(make_run(tmp_path / "b", steps=3))
    assert [(r.key, r.values) for r in difference_table([run, other])] == [("settings", ("unknown", "read"))]


@pytest.mark.parametrize("what, message", [
    ("missing", "does not exist"),
    ("file", "is a file, not a run folder"),
    ("empty", "is not a GAN Studio run"),
])
def test_bad_folders_are_reported_and_the_rest_load(tmp_path, what, message):
    good = make_run(tmp_path / "good", steps=4)
    bad = tmp_path / "bad"
    if what == "file":
        bad.write_text("hello")
    elif what == "empty":
        bad.mkdir()
    runs, failures = load_runs([good, bad])
    assert [r.path for r in runs] == [good]
    assert len(failures) == 1 and failures[0][0] == bad and message in failures[0][1]
    with pytest.raises(CompareError, match=message):
        load_run(bad)


def test_quality_events_from_a_quality_file_and_from_metrics_rows(tmp_path):
    a = make_run(tmp_path / "a", steps=20, quality=[(10, 31.5), (20, 55.0)])
    run = load_run(a)
    assert run.has_quality
    assert list(run.series(QUALITY)[0]) == [10, 20] and list(run.series(QUALITY)[1]) == [31.5, 55.0]
    assert list(run.series(QUALITY, x="elapsed")[0]) == [5.0, 10.0]
    b = make_run(tmp_path / "b", steps=4)
    with open(b / "metrics.jsonl", "a") as fh:
        fh.write(json.dumps({"step": 4, "quality_score": 12.0, "elapsed": 2.0, "fd": 300.0}) + "\n")
    qb = load_run(b)
    assert list(qb.series(QUALITY)[1]) == [12.0] and list(qb.series("fd")[1]) == [300.0]
    assert list(qb.series("loss_d")[0]) == [1, 2, 3, 4]    # the quality row does not hide step 4's losses


def test_difference_table_names_what_differs_in_the_panels_words(tmp_path):
    base = tiny_config()
    a = make_run(tmp_path / "a", base)
    b = make_run(tmp_path / "b", with_values(base, {"train.lr_g": 1e-3}))
    c = make_run(tmp_path / "c", with_values(base, {"train.lr_g": 5e-4, "model.g_width": 16}))
    runs, failures = load_runs([a, b, c])
    assert not failures
    table = difference_table(runs)
    assert [(r.key, r.label, r.values) for r in table] == [
        ("model.g_width", "generator width", ("8", "8", "16")),
        ("train.lr_g", "generator LR", ("0.0002", "0.001", "0.0005")),
    ]
    assert difference_table(runs[:1] * 2) == []


def test_lineage_is_shown_and_its_absence_tolerated(tmp_path):
    parent = make_run(tmp_path / "parent", steps=20)
    child = make_run(tmp_path / "child", with_values(tiny_config(), {"train.lr_d": 1e-4}),
                     lineage={"parent": str(parent), "parent_step": 10, "changes": {"train.lr_d": [2e-4, 1e-4]}})
    odd = make_run(tmp_path / "odd", lineage={"parent": 5})      # not a lineage this version understands
    runs, _ = load_runs([parent, child, odd])
    assert runs[1].lineage.parent_step == 10 and runs[2].lineage is None
    rows = {r.key: r.values for r in difference_table(runs)}
    assert rows["lineage"] == ("—", "branched from parent at step 10: discriminator LR 0.0002 → 0.0001", "—")
    assert rows["train.lr_d"] == ("0.0002", "0.0001", "0.0002")


def test_same_folder_names_are_told_apart_and_duplicates_dropped(tmp_path):
    a = make_run(tmp_path / "x" / "run")
    b = make_run(tmp_path / "y" / "run")
    runs, _ = load_runs([a, b, a])
    assert [r.name for r in runs] == ["x/run", "y/run"]
    assert grid_steps(runs) == [5, 10, 15, 20]


def test_smooth_is_bias_corrected_and_skips_nan():
    out = smooth(np.array([2.0, np.nan, 2.0, 4.0]), beta=0.5)
    assert out[0] == 2.0 and out[1] == 2.0 and out[2] == 2.0
    assert out[3] == pytest.approx((0.5 * 1.5 + 0.5 * 4.0) / (1 - 0.5 ** 3))   # ema 1.0, 1.5, 2.75


def test_a_reload_reads_only_the_runs_that_changed(tmp_path):
    a = make_run(tmp_path / "a", steps=10)
    b = make_run(tmp_path / "b", steps=10)
    first, _ = load_runs([a, b])
    again, _ = load_runs([a, b], previous=first)
    assert again[0].columns is first[0].columns and again[1].columns is first[1].columns
    with open(b / "metrics.jsonl", "a") as fh:
        fh.write(json.dumps({"step": 11, "loss_d": 4.0, "elapsed": 5.5}) + "\n")
    third, _ = load_runs([a, b], previous=again, names={str(a): "renamed"})
    assert third[0].columns is first[0].columns and third[0].name == "renamed"
    assert third[1].columns is not first[1].columns and third[1].step == 11


def test_damaged_lines_in_any_chunk_are_skipped_and_the_rest_kept(tmp_path, monkeypatch):
    from gan_studio.core.run_folders import compare

    monkeypatch.setattr(compare, "PARSE_CHUNK", 3)      # several chunks, one of them damaged
    a = make_run(tmp_path / "a", steps=10)
    text = (a / "metrics.jsonl").read_text().splitlines()
    text[4] = "1, 2"                                     # would parse as two values inside a chunk
    text[7] = '{"step": 8, "loss_d": '
    (a / "metrics.jsonl").write_text("\n".join(text) + "\n")
    run = load_run(a)
    assert list(run.series("loss_d")[0]) == [1, 2, 3, 4, 6, 7, 9, 10]
    assert any("2 damaged lines" in n for n in run.notes)
