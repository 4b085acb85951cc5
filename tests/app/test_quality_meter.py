"""The quality meter, its curve, the warnings banner and the snapshot timeline: widgets and the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from gan_studio.app.plots import TrainingPlots
from gan_studio.app.quality_meter import QualityMeterWidget
from gan_studio.app.snapshot_timeline import BranchDialog, SnapshotTimeline
from gan_studio.core.training.diagnostics import QualityPoint


def qpoint(step, score, coverage=10, ratio=5.0, div=0.2) -> dict:
    return QualityPoint(step=step, elapsed=step / 10, score=score, fd=ratio * 9.0, fd_floor=9.0,
                        coverage=coverage, diversity_collapse=div).to_dict()


# ------------------------------------------------------------------ widgets
def test_meter_shows_score_verdict_floor_and_classes(qtbot):
    meter = QualityMeterWidget()
    qtbot.addWidget(meter)
    assert meter.score.text() == "—"
    meter.set_point(qpoint(1200, 87.9, coverage=10, ratio=2.4))
    assert meter.score.text() == "88" and meter.bar.value() == 88
    assert meter.verdict_words() == "good digits" and "good digits" in meter.verdict.text()
    assert "2.4× the real floor (9.0)" in meter.details.text() and "10/10 classes" in meter.details.text()
    meter.set_point(qpoint(10, 24.6, coverage=0))
    assert meter.verdict_words() == "grey noise" and "0/10 classes" in meter.details.text()
    meter.set_off("Off: the quality meter scores handwritten digits only")
    assert meter.score.text() == "—" and "digits only" in meter.verdict.text()


def test_meter_shows_a_folders_closeness_in_words_and_no_digits(qtbot):
    from gan_studio.core.folder_quality import ClosenessPoint

    meter = QualityMeterWidget()
    qtbot.addWidget(meter)
    meter.set_point(ClosenessPoint(step=900, elapsed=60.0, score=62.5, fd=10.0, fd_floor=1.4, n=200).to_dict())
    assert meter.title.text() == "Closeness" and meter.score.text() == "62" and meter.bar.value() == 62
    assert meter.verdict_words() == "getting close" and "getting close" in meter.verdict.text()
    assert "7.1× your folder's own split-half distance (1.4)" in meter.details.text()
    shown = " ".join([meter.verdict.text(), meter.details.text(), meter.toolTip()]).lower()
    assert "digit" not in shown and "random convolution" in shown
    meter.set_point(ClosenessPoint(step=950, elapsed=65.0, score=40.0, fd=3.0, fd_floor=1.4, spread=0.01).to_dict())
    assert meter.verdict_words() == "far from your folder"          # one picture repeated, however near
    meter.set_point(qpoint(1200, 87.9, coverage=10, ratio=2.4))      # a digit run again: the digit meter
    assert meter.title.text() == "Quality" and meter.verdict_words() == "good digits"
    assert "digit classifier" in meter.toolTip()


def test_quality_curve_has_one_point_per_check_and_follows_rollbacks(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.append([{"step": s, "loss_d": 1.0, "loss_g": 1.0, "d_real": 0.5, "d_fake": 0.5, "images_per_s": 100.0,
                   "lr_g": 1e-3, "lr_d": 1e-3, "elapsed": s / 10} for s in range(1, 301)])
    plots.append_quality([qpoint(100, 30), qpoint(200, 45), qpoint(300, 60)])
    plots.refresh()
    assert plots.curve_points("quality") == 3
    assert list(plots.curves["quality"].yData) == [30, 45, 60]
    plots.truncate(250)                  # a divergence rolled back to step 250
    assert plots.curve_points("quality") == 2
    plots.append_quality([qpoint(200, 50)])      # a resumed run reports step 200 again: replaced
    plots.refresh()
    assert list(plots.curves["quality"].yData) == [30, 50]
    plots.clear()
    assert plots.curve_points("quality") == 0


def test_timeline_scrubs_snapshots_reports_sizes_and_asks_for_open_and_branch(qtbot):
    timeline = SnapshotTimeline()
    qtbot.addWidget(timeline)
    assert not timeline.branch_button.isEnabled()
    timeline.set_snapshots([{"step": 100, "bytes": 2**20}, {"step": 141, "bytes": 2**20},
                            {"step": 200, "bytes": 2**20}])
    assert timeline.current_step() == 200 and timeline.branch_button.isEnabled()
    assert "step 200 · 1.0 MB (3 kept, 3.0 MB)" == timeline.label.text()
    with qtbot.waitSignal(timeline.selected) as sel:
        timeline.slider.setValue(0)
    assert sel.args == [100]
    with qtbot.waitSignal(timeline.branchRequested) as br:
        timeline.branch_button.click()
    assert br.args == [100]
    with qtbot.waitSignal(timeline.openRequested) as op:
        timeline.open_button.click()
    assert op.args == [100]
    timeline.set_snapshots([{"step": 100, "bytes": 10}, {"step": 141, "bytes": 10}, {"step": 200, "bytes": 10},
                            {"step": 283, "bytes": 10}])
    assert timeline.current_step() == 100            # a new snapshot does not move a user's choice
    timeline.set_lineage("Branched from run at step 100: generator LR 0.001 → 0.0005")
    assert not timeline.lineage.isHidden()


def test_the_snapshot_label_is_never_covered_by_the_buttons_in_a_narrow_column(qtbot):
    """At 1280×720 the samples column is ~330 px: "step 2,292 · 2.9 MB (10 kept, 28.5 MB)" wrapped beside
    Open in Gallery and Branch… and the end of its first line was under the buttons."""
    from PySide6.QtCore import Qt

    timeline = SnapshotTimeline()
    qtbot.addWidget(timeline)
    timeline.set_snapshots([{"step": 100 * 2**i, "bytes": 3 * 10**6} for i in range(10)])
    assert timeline.minimumSizeHint().width() <= 330      # the samples column at 1280×720 is ~330 px wide
    timeline.resize(330, timeline.heightForWidth(330) if timeline.hasHeightForWidth() else 140)
    timeline.show()
    qtbot.waitExposed(timeline)
    label = timeline.label.geometry()
    for button in (timeline.open_button, timeline.branch_button):
        assert not label.intersects(button.geometry()), (label, button.geometry())
    needed = timeline.label.fontMetrics().boundingRect(0, 0, label.width(), 10_000, int(Qt.TextWordWrap),
                                                       timeline.label.text())
    assert needed.height() <= label.height(), (needed, label)    # every line of the text shows


def test_branch_dialog_returns_only_what_changed(qtbot, tiny_cfg):
    dialog = BranchDialog(tiny_cfg, 100)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog.lr_g.setText("1e-4")
    dialog.d_steps.setValue(2)
    dialog.loss.setCurrentIndex(dialog.loss.findData("hinge"))
    assert dialog.changes() == {"train.lr_g": 1e-4, "train.d_steps": 2, "train.loss": "hinge"}
    assert dialog.ok_button.isEnabled()
    dialog.lr_d.setText("5")                      # over the limit: shown under the field, no branch
    assert "1e-07–1" in dialog.form.fields["train.lr_d"].error() and not dialog.ok_button.isEnabled()


def test_branch_dialog_opens_with_the_suggested_fix_applied(qtbot):
    from gan_studio.core.training.diagnostics import COLLAPSE_FIX
    from gan_studio.core.presets import get_preset

    parent = get_preset("seed-mlp").config()
    dialog = BranchDialog(parent, 1620, suggested=COLLAPSE_FIX)
    qtbot.addWidget(dialog)
    assert dialog.changes() == COLLAPSE_FIX                     # accepted as it opens: the fix, nothing else
    assert dialog.ok_button.isEnabled()
    note = dialog.findChild(QLabel, "suggestedFix").text()
    assert "Adam β1 0.9 → 0.5" in note and "generator LR 0.0001 → 0.0005" in note
    dialog.beta1.setText("0.9")                                 # the user may take part of it back
    assert "train.beta1" not in dialog.changes()


def test_the_branch_dialog_of_a_network_fix_says_it_starts_new_networks(qtbot):
    """Lesson 1's fix rebuilds the network: the dialog opens with all of it (network changes included in
    changes()), says the new run trains from step 0, and its button says Rebuild."""
    from gan_studio.core.presets import get_preset
    from gan_studio.core.training.diagnostics import collapse_fix

    parent = get_preset("seed-mlp").config()
    fix = collapse_fix(parent)
    dialog = BranchDialog(parent, 100, suggested=fix)
    qtbot.addWidget(dialog)
    assert dialog.changes() == fix and dialog.changes()["model.g_batchnorm"] is True
    assert dialog.ok_button.text() == "Rebuild and train"
    assert "from step 0" in dialog.findChild(QLabel, "branchNote").text()
    assert "Leaky ReLU" in dialog.findChild(QLabel, "suggestedFix").text()
    dialog.lr_g.setText("2e-4")                                 # the recipe part may still be edited
    assert dialog.changes()["train.lr_g"] == 2e-4 and dialog.changes()["model.d_activation"] == "leaky-relu"


def test_branching_an_unsaved_run_saves_it_without_asking(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    def no_dialog(*_a, **_k):
        raise AssertionError("no question and no file dialog on the way to a branch")

    monkeypatch.setattr(QMessageBox, "question", no_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    saved = []
    monkeypatch.setattr(window.lifecycle, "save_as", lambda path=None: saved.append(path) or False)
    assert window.experiment.saved_path is None
    assert not window.branch_snapshot(100, suggested={"train.beta1": 0.5})
    assert len(saved) == 1 and saved[0].parent == window.lifecycle.default_run_folder().parent
    assert saved[0].name.startswith(window.experiment.config.name + "-")      # preset and time


# ------------------------------------------------------------------ the window (the `window` fixture: tests/app/conftest.py)
def test_warnings_show_in_the_banner_with_a_fix(qtbot, window):
    c = window.controller                   # what the controller passes on from the training process
    c.snapshots.emit([{"step": 100, "bytes": 5000, "path": "x"}, {"step": 200, "bytes": 5000, "path": "y"}])
    c.quality.emit([qpoint(300, 26.0, coverage=0, div=0.99)])
    c.warning.emit({"kind": "collapse", "step": 300, "title": "Mode collapse",
                    "text": "The generator is collapsing: the samples are nearly all the same image: "
                            "they vary 1 % as much as real digits.", "advice": "Try: lower rates."})
    assert window.train_tab.meter.verdict_words() == "grey noise"
    text = window.banner.label.text()
    assert window.banner.isVisible() and "Mode collapse" in text
    # plain words first, the numbers and the knobs after them
    assert text.index("the same picture every time") < text.index("Step 300") < text.index("Try: lower rates")
    # never varied: the trouble began at the start, so the fix goes back to the first snapshot
    assert window.banner.action_button.text() == "Branch from step 100 with the fix…"
    c.warning.emit({"kind": "d-wins", "step": 900, "title": "The discriminator wins",
                    "text": "D has won.", "advice": "Try: halve D's learning rate."})
    lr = window.experiment.config.train.lr_d
    assert window.banner.action_button.text() == "Halve D's learning rate"
    assert "Mode collapse" in window.banner.messages()[1]          # kept behind the newer warning
    window.banner.action_button.click()
    assert window.experiment.config.train.lr_d == pytest.approx(lr / 2)
    assert window.banner.isVisible() and "Mode collapse" in window.banner.label.text()   # the earlier one returns
    assert window.banner.action_button.text() == "Branch from step 100 with the fix…"


def test_a_warning_shows_once_and_goes_when_it_ends_or_the_run_changes(qtbot, window):
    from gan_studio.app.learn.lessons import lessons, load_lesson

    c = window.controller
    for step in (400, 900):                      # raised twice (it ended and came back): one banner
        c.warning.emit({"kind": "d-wins", "step": step, "title": "The discriminator wins",
                        "text": "D has won.", "advice": "Try: halve D's learning rate."})
    assert len(window.banner.messages()) == 1 and "Step 900" in window.banner.label.text()
    assert not window.banner.count_label.isVisible()
    c.warning.emit({"kind": "d-wins-ended", "step": 950, "title": "", "text": "", "advice": ""})
    assert window.banner.messages() == [] and not window.banner.isVisible()
    c.warning.emit({"kind": "collapse", "step": 300, "title": "Mode collapse", "text": "Collapsing.",
                    "advice": "Try: lower rates."})
    assert window.banner.isVisible()
    assert load_lesson(window, lessons()[1])     # a freshly loaded lesson shows no old warning
    assert window.banner.messages() == [] and not window.banner.isVisible()


def test_the_fix_starts_from_the_last_snapshot_before_the_slide(qtbot, window):
    c = window.controller
    c.snapshots.emit([{"step": s, "bytes": 5000, "path": str(s)} for s in (100, 141, 200, 283, 400, 566)])
    c.quality.emit([qpoint(100, 60.0, div=0.4), qpoint(250, 80.0, div=0.3), qpoint(300, 70.0, div=0.45),
                    qpoint(450, 40.0, coverage=5, div=0.7), qpoint(600, 30.0, coverage=2, div=0.8)])
    c.warning.emit({"kind": "collapse", "step": 600, "title": "Mode collapse", "text": "Collapsing.",
                    "advice": "Try: lower rates."})
    assert window.banner.action_button.text() == "Branch from step 200 with the fix…"   # best check: 250


def test_training_in_the_window_scores_the_generator_and_branches_from_a_snapshot(qtbot, window, tmp_path):
    quality, snaps = [], []
    window.controller.quality.connect(quality.extend)
    window.controller.snapshots.connect(lambda items: snaps.append(items))
    window.lifecycle.train()
    qtbot.waitUntil(lambda: bool(quality), timeout=120000)          # the first check comes with the first chunk
    assert 0 <= quality[0]["score"] <= 100 and window.train_tab.meter.point is not None
    qtbot.waitUntil(lambda: snaps and any(s["step"] >= 100 for s in snaps[-1]), timeout=180000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.experiment.state == "paused", timeout=60000)
    assert window.lifecycle.save_as(tmp_path / "parent")
    # The first snapshot: exactly at step 100 (a chunk of steps ends where a snapshot is due).
    assert window.train_tab.timeline.items
    first = window.train_tab.timeline.items[0]["step"]
    assert first == 100
    with qtbot.waitSignal(window.controller.generatorReady, timeout=120000):
        assert window.open_snapshot(first)           # "Open in Gallery" on the timeline's first snapshot
    assert window.model_source.model.step == first and window.tabs.currentWidget() is window.gallery_tab

    ready = []
    window.controller.ready.connect(ready.append)
    assert window.branch_snapshot(first, {"train.lr_g": 1e-4})
    qtbot.waitUntil(lambda: bool(ready), timeout=120000)
    branch = window.experiment.run_path
    assert branch != tmp_path / "parent"
    info = json.loads((branch / "run.json").read_text("utf-8"))
    assert info["lineage"] == {"parent": str((tmp_path / "parent").resolve()), "parent_step": first,
                               "changes": {"train.lr_g": [2e-4, 1e-4]}}
    assert f"Branched from parent at step {first}" in window.train_tab.timeline.lineage.text()
    assert window.train_tab.plots.buffer.last_step() >= first      # the parent's curves up to the snapshot
    qtbot.waitUntil(lambda: window.experiment.step > first, timeout=120000)   # and it trains on
    window.controller.stop()
    qtbot.waitUntil(lambda: window.experiment.state == "idle", timeout=60000)


def test_a_followed_run_shows_its_quality_snapshots_and_warnings(qtbot, window, tmp_path, tiny_cfg):
    from gan_studio.core.training.session import TrainingSession

    session = TrainingSession(tiny_cfg, tmp_path / "written")     # "another process" writing a run
    try:
        for _ in range(11):
            session.advance(10)
        session.run.append_quality([qpoint(50, 60.0, div=0.3), qpoint(100, 62.0, div=0.3)])
        session.save("running")
        assert window.follow_run(tmp_path / "written")
        qtbot.waitUntil(lambda: window.train_tab.meter.point is not None and bool(window.train_tab.timeline.items),
                        timeout=30000)
        assert window.train_tab.meter.point.score == 62.0
        assert [i["step"] for i in window.train_tab.timeline.items] == [100]
        assert window.train_tab.plots.quality_scores == [60.0, 62.0]
        # the writer's samples collapse: the follower's watchdog raises the warning in this window
        session.run.append_quality([qpoint(110, 30.0, div=0.8), qpoint(120, 28.0, div=0.85)])
        qtbot.waitUntil(lambda: "Mode collapse" in window.banner.label.text(), timeout=30000)
    finally:
        window.follower.stop()
        session.close()


def test_the_timeline_names_the_disk_budget_and_follows_its_field(qtbot, window):
    timeline = window.train_tab.timeline
    window.controller.snapshots.emit([{"step": 100, "bytes": 5000, "path": "x"}])
    assert "60 MB" in timeline.label.toolTip()
    window.experiment.edit(**{"train.disk_mb": 25.0})
    assert "25 MB" in timeline.label.toolTip()
    window.experiment.edit(**{"train.disk_mb": 0.0})
    assert "No disk budget" in timeline.label.toolTip()


def _train_to_a_snapshot_and_pause(qtbot, window, monkeypatch) -> list:
    """Train the window's experiment until a snapshot at step ≥ 100 exists, then pause; the Branch dialog is
    accepted as it opens, and the returned list collects what it held (`dialog.changes()`)."""
    opened = []

    def accept(dialog):
        opened.append(dialog.changes())
        return BranchDialog.DialogCode.Accepted

    monkeypatch.setattr(BranchDialog, "exec", accept)
    snaps = []
    window.controller.snapshots.connect(lambda items: snaps.append(items))
    window.lifecycle.train()
    qtbot.waitUntil(lambda: bool(snaps) and any(s["step"] >= 100 for s in snaps[-1]), timeout=180000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.experiment.state == "paused", timeout=60000)
    return opened


def test_the_collapse_warnings_button_branches_an_unsaved_run_in_one_step(qtbot, window, monkeypatch):
    """Train (unsaved), a collapse warning comes, one click: the run is saved without a dialog, the Branch
    dialog opens with the fix filled in, and the branch trains from the snapshot before the trouble."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from gan_studio.core.config import get_value
    from gan_studio.core.run_folders.runs import RunFolder
    from gan_studio.core.training.diagnostics import COLLAPSE_FIX

    def no_dialog(*_a, **_k):
        raise AssertionError("no question and no file dialog on the way to a branch")

    monkeypatch.setattr(QMessageBox, "question", no_dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    opened = _train_to_a_snapshot_and_pause(qtbot, window, monkeypatch)
    assert window.experiment.saved_path is None
    window.controller.warning.emit({"kind": "collapse", "step": window.experiment.step, "title": "Mode collapse",
                                    "text": "Collapsing.", "advice": "Try: lower rates."})
    first = window.train_tab.timeline.items[0]["step"]
    assert window.banner.action_button.text() == f"Branch from step {first:,} with the fix…"
    ready = []
    window.controller.ready.connect(ready.append)
    window.banner.action_button.click()
    qtbot.waitUntil(lambda: bool(ready), timeout=120000)
    info = json.loads((window.experiment.run_path / "run.json").read_text("utf-8"))
    parent = Path(info["lineage"]["parent"])
    assert info["lineage"]["parent_step"] == first
    assert parent.name.startswith(window.experiment.config.name + "-")            # saved, named, no dialog
    parent_config = RunFolder.open(parent).config
    fix = {k: v for k, v in COLLAPSE_FIX.items() if v != get_value(parent_config, k)}
    assert fix and opened == [fix]                      # the dialog opened with the fix (what differs) filled in
    assert set(info["lineage"]["changes"]) == set(fix)
    assert window.banner.messages() == []                                            # the parent's warning gone
    window.controller.stop()
    qtbot.waitUntil(lambda: window.experiment.state == "idle", timeout=60000)


def test_the_collapse_warnings_button_rebuilds_a_seed_like_mlp_in_one_click(qtbot, window, monkeypatch, tiny_cfg):
    """Lesson 1's network (MLP, no batch norm in G, ReLU in D): the warning's button says it rebuilds the
    network, the dialog opens with the whole fix, and the new run trains new networks from step 0 while its
    run.json names the collapsed run as its parent."""
    from gan_studio.core.config import ModelConfig
    from gan_studio.core.training.diagnostics import collapse_fix

    mlp = tiny_cfg.replace(model=ModelConfig(arch="mlp", g_width=8, d_width=8, latent_dim=16, depth=2,
                                             conditional=False, g_batchnorm=False, d_activation="relu"))
    window.experiment.set_config(mlp)
    fix = collapse_fix(mlp)
    opened = _train_to_a_snapshot_and_pause(qtbot, window, monkeypatch)
    window.controller.warning.emit({"kind": "collapse", "step": window.experiment.step, "title": "Mode collapse",
                                    "text": "Collapsing.", "advice": "Try: lower rates."})
    assert window.banner.action_button.text() == "Rebuild the network and train again…"
    ready = []
    window.controller.ready.connect(ready.append)
    window.banner.action_button.click()
    qtbot.waitUntil(lambda: bool(ready), timeout=120000)
    assert opened == [fix] and fix["model.g_batchnorm"] is True
    info = json.loads((window.experiment.run_path / "run.json").read_text("utf-8"))
    assert info["lineage"]["restarted"] is True and set(info["lineage"]["changes"]) == set(fix)
    assert info["config"]["model"]["g_batchnorm"] is True and ready[0]["step"] == 0
    assert window.banner.messages() == []
    window.controller.stop()
    qtbot.waitUntil(lambda: window.experiment.state == "idle", timeout=60000)


def test_a_followed_run_without_quality_checks_says_why_the_meter_is_empty(qtbot, window, tmp_path, tiny_cfg):
    """Following a command-line run trained without --quality, the meter said "Scored every 10 s of training"
    and stayed blank (issue 26): it says the run has no checks and how the command line scores one."""
    from gan_studio.core.training.session import TrainingSession

    session = TrainingSession(tiny_cfg, tmp_path / "written")
    try:
        session.advance(10)
        session.save("running")
        assert window.follow_run(tmp_path / "written")
        qtbot.waitUntil(lambda: window.follower.last_step >= 10, timeout=30000)
        text = window.train_tab.meter.verdict.text()
        assert "--quality" in text and "Scored every 10 s" not in text
        assert window.train_tab.meter.point is None
    finally:
        window.follower.stop()
        session.close()
