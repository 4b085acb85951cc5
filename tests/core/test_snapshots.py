"""Trainer snapshots (core/training/snapshots.py) and branching a run from one (TrainingSession.branch)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import torch

from gan_studio.core.training import snapshots as sn
from gan_studio.core.run_folders.follow import RunFollower
from gan_studio.core.training.session import TrainingSession
from tests.core.test_process import tiny_config


class FakeTrainer:
    def __init__(self):
        self.step_count = 0

    def state(self):
        return {"weights": {"G.w": torch.full((4,), float(self.step_count))},
                "weights_meta": {"config": "{}", "step": str(self.step_count)},
                "optim": {"rng_state": torch.zeros(3, dtype=torch.uint8)},
                "optim_meta": {"step": str(self.step_count)}}


def test_spacing_is_geometric_and_bounded(tmp_path):
    store = sn.SnapshotStore(tmp_path, limit=30)
    t = FakeTrainer()
    taken = []
    for step in range(1, 200_001, 7):
        t.step_count = step
        info = store.maybe_take(t)
        if info is not None:
            taken.append(info.step)
    assert taken[0] == 106                   # the first step ≥ FIRST_STEP (100) on the 7-step grid
    ratios = [b / a for a, b in zip(taken, taken[1:])]
    assert all(r >= sn.RATIO - 1e-9 for r in ratios) and max(ratios) < sn.RATIO + 0.1
    kept = [s.step for s in store.list()]
    assert kept == taken and len(kept) <= 30   # 200k steps need ~22 of them: none thinned yet


def test_thinning_keeps_the_limit_the_first_and_the_newest(tmp_path):
    store = sn.SnapshotStore(tmp_path, limit=5)
    t = FakeTrainer()
    for step in (100, 150, 200, 300, 420, 600, 900, 1300):
        t.step_count = step
        store.take(t)
    steps = [s.step for s in store.list()]
    assert len(steps) == 5 and steps[0] == 100 and steps[-1] == 1300
    assert all(s.bytes > 0 for s in store.list())
    assert sn.total_bytes(store.list()) == sum((tmp_path / "snapshots" / sn.snapshot_name(s)).stat().st_size
                                               for s in steps)


class BigTrainer(FakeTrainer):
    """Snapshots of about 100 kB each."""

    def state(self):
        state = super().state()
        state["weights"]["G.big"] = torch.zeros(25_000)
        return state


def folder_bytes(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def test_the_disk_budget_bounds_the_whole_run_folder_at_every_moment(tmp_path):
    (tmp_path / "weights.safetensors").write_bytes(b"x" * 150_000)      # the checkpoint so far: 150 kB
    budget = 600_000
    store = sn.SnapshotStore(tmp_path, budget_bytes=budget)
    t = BigTrainer()
    size = len(sn.state_bytes(t.state()))
    assert 90_000 < size < 110_000
    peak = 0
    for step in range(100, 60_000, 50):
        t.step_count = step
        if store.maybe_take(t) is not None:
            peak = max(peak, folder_bytes(tmp_path))
    steps = [s.step for s in store.list()]
    # as many as fit beside the rest: the checkpoint and its previous copy, each the size of a snapshot
    assert len(steps) == (budget - 2 * size) // size == 3
    assert steps[0] == 100 and steps[-1] >= 40_000                 # the first and the newest stay
    assert peak <= budget                                          # never over, not even while writing one
    # a budget too small for two keeps the newest only (issue 26: an MLP's 16 MB state, its checkpoint and the
    # previous checkpoint left no room for a second snapshot in 60 MB)
    tight = sn.SnapshotStore(tmp_path / "tight", budget_bytes=350_000)
    for step in (100, 200, 400, 800):
        t.step_count = step
        tight.take(t)
    assert [s.step for s in tight.list()] == [800]
    assert folder_bytes(tmp_path / "tight") + 2 * size <= 350_000     # room left for the checkpoint and its copy


def test_a_budget_with_room_for_two_keeps_the_first_and_the_newest(tmp_path):
    """With room for exactly two snapshots, making room for the next one deleted the first every time
    ([100, 141] + 200 became [141, 200]): the first stays while two fit."""
    t = BigTrainer()
    size = len(sn.state_bytes(t.state()))
    store = sn.SnapshotStore(tmp_path, budget_bytes=4 * size + size // 2)   # 2 checkpoints + 2 snapshots
    assert store.budget_limit(size) == 2
    for step in (100, 141, 200, 283, 400):
        t.step_count = step
        store.take(t)
        assert folder_bytes(tmp_path) + 2 * size <= store.budget_bytes
    assert [s.step for s in store.list()] == [100, 400]


def test_the_budget_leaves_room_for_the_checkpoints_written_after_the_snapshots(tmp_path):
    """Issue 26: a seed-mlp run of 8 s ended at 68.7 MB of a 60 MB budget — four snapshots filled the budget
    before the first checkpoint (and later its previous copy) was written beside them."""
    budget = 600_000
    store = sn.SnapshotStore(tmp_path, budget_bytes=budget)
    t = BigTrainer()
    size = len(sn.state_bytes(t.state()))
    metrics = tmp_path / "metrics.jsonl"
    for step in range(100, 20_000, 50):
        t.step_count = step
        metrics.write_bytes(b"m" * step)                 # the metrics grow with the steps (1 byte a step)
        store.maybe_take(t)
    t.step_count = 20_000
    metrics.write_bytes(b"m" * 20_000)
    for name in ("weights", "optimizer", "weights.prev", "optimizer.prev"):   # the checkpoint and its previous
        (tmp_path / f"{name}.safetensors").write_bytes(b"c" * (size // 2))
    assert folder_bytes(tmp_path) <= budget, (folder_bytes(tmp_path), [s.step for s in store.list()])
    assert len(store.list()) == (budget - 2 * size - 20_000) // size >= 2     # and no fewer than fit


def test_progress_grids_are_thinned_like_snapshots(tmp_path, monkeypatch):
    """A grid every `sample_every` steps grew a run without end (~22 kB every 50 steps: 88 MB at 200,000
    steps); the run keeps MAX_GRIDS of them, log-spaced, the first and the newest included."""
    monkeypatch.setattr(sn, "MAX_GRIDS", 6, raising=False)
    cfg = tiny_config()
    session = TrainingSession(cfg.replace(train=cfg.train.replace(sample_every=5)), tmp_path / "run")
    try:
        while session.step < 200:
            session.advance(5)
        steps = sorted(int(p.stem.split("_")[1]) for p in (session.run.path / "samples").glob("step_*.png"))
    finally:
        session.close()
    assert len(steps) == 6, steps
    assert steps[-1] >= 200 and steps[0] <= 10                 # the newest and the first
    ratios = [b / a for a, b in zip(steps[1:], steps[2:])]
    assert max(ratios) < 3 and steps[1] < 100, steps   # spread in log steps, not the six newest


def test_metrics_beyond_their_share_of_the_budget_thin_their_older_rows(tmp_path):
    """metrics.jsonl grew ~310 bytes a step without end (seed-mlp-fixed: 69 MB of a 60 MB budget after 600 s,
    19 MB of it the curves): past its share older rows are thinned, the newest half stays one row a step."""
    from gan_studio.core.run_folders.runs import METRICS_FILE, RunFolder

    run = RunFolder(tmp_path, {})
    cap = 40_000
    for start in range(1, 3001, 100):
        run.append_metrics([{"step": s, "loss_d": 1.0 + s / 7, "loss_g": 0.5} for s in range(start, start + 100)])
        run.compact_metrics(cap)
        assert (tmp_path / METRICS_FILE).stat().st_size <= cap + 100 * 60     # within one append of the cap
    steps = [r["step"] for r in run.read_metrics()]
    assert steps[0] == 1 and steps[-1] == 3000 and steps == sorted(steps)
    newest = steps[len(steps) // 2:]
    assert newest == list(range(newest[0], 3001))               # the newest half: every step
    assert steps[1] - steps[0] >= 4                              # the oldest: thinned more than once
    assert run.compact_metrics(cap) == 0                         # within the cap: untouched


def test_a_sessions_metrics_stay_within_their_share_of_the_budget(tmp_path):
    cfg = tiny_config()
    session = TrainingSession(cfg.replace(train=cfg.train.replace(disk_mb=0.25)), tmp_path / "run")
    cap = int(0.25 * 2**20 * sn.METRICS_SHARE)                   # ~21 kB: ~100 rows
    try:
        while session.step < 400:
            session.advance(10)
        size = (session.run.path / "metrics.jsonl").stat().st_size
        steps = [r["step"] for r in session.run.read_metrics()]
        last = session.step
    finally:
        session.close()
    assert size <= cap + 10 * 400, size                          # at most one chunk's rows over
    assert steps[0] == 1 and steps[-1] == last and len(steps) < last / 2
    assert steps[-10:] == list(range(last - 9, last + 1))


def test_every_preset_has_the_default_disk_budget_and_the_form_shows_it():
    from gan_studio.core.config import field_spec
    from gan_studio.core.presets import load_presets

    spec = field_spec("train.disk_mb")
    assert spec.label == "Disk budget per run" and spec.group and spec.unit == "MB"
    assert {p.config().train.disk_mb for p in load_presets()} == {60.0}


def test_a_session_passes_its_budget_to_the_snapshot_store(tmp_path):
    cfg = tiny_config()
    session = TrainingSession(cfg.replace(train=cfg.train.replace(disk_mb=12.5)), tmp_path / "run")
    try:
        assert session.state_snapshots().budget_bytes == int(12.5 * 2**20)
    finally:
        session.close()


def test_training_in_chunks_takes_each_snapshot_on_its_exact_spacing_step(tmp_path):
    """The session ends a chunk at a due snapshot step, so where snapshots land does not depend on how
    many steps a chunk holds (the window's chunks follow the machine's speed)."""
    session = TrainingSession(tiny_config(), tmp_path / "run")
    try:
        ends = []
        while session.step < 300:
            session.advance(37)
            ends.append(session.step)
        assert [s.step for s in sn.list_snapshots(session.run.path)] == [100, 142, 201, 285]
        assert {100, 142, 201, 285} <= set(ends)         # those chunks were cut short at the snapshot
        assert ends[0] == 37 and ends[-1] - ends[-2] <= 37
    finally:
        session.close()


def test_lockstep_chunks_run_every_step_asked_for_and_still_take_the_snapshots(tmp_path):
    """torchrun's ranks must run the same steps per chunk (only rank 0 has snapshots): with
    exact_snapshot_steps=False no chunk is cut short, and each snapshot lands at the end of its chunk."""
    session = TrainingSession(tiny_config(), tmp_path / "run")
    try:
        ends = []
        while session.step < 300:
            session.advance(37, exact_snapshot_steps=False)
            ends.append(session.step)
        assert ends == [37 * i for i in range(1, len(ends) + 1)]
        steps = [s.step for s in sn.list_snapshots(session.run.path)]
        assert len(steps) >= 3 and all(step % 37 == 0 for step in steps)
    finally:
        session.close()


def test_a_snapshot_round_trips_the_whole_trainer_state(tmp_path):
    session = TrainingSession(tiny_config(), tmp_path / "run")
    try:
        session.advance(12)
        path = tmp_path / "s.safetensors"
        size = sn.write_state(path, session.trainer.state())
        assert size == path.stat().st_size
        assert sn.torch_equal_states(sn.read_state(path), session.trainer.state())
    finally:
        session.close()


def test_a_pickle_under_a_snapshot_name_is_refused_unread(tmp_path):
    class Boom:
        def __reduce__(self):
            return (exec, ("open(%r, 'w').write('ran')" % str(tmp_path / "pwned"),))

    path = tmp_path / "snapshots" / sn.snapshot_name(100)
    path.parent.mkdir()
    path.write_bytes(pickle.dumps(Boom()))
    with pytest.raises(sn.SnapshotError, match="damaged or not a safetensors"):
        sn.read_state(path)
    assert not (tmp_path / "pwned").exists()
    with pytest.raises(sn.SnapshotError, match="no snapshot at step 7"):
        sn.find_snapshot(tmp_path, 7)


# ------------------------------------------------------------------ branching
@pytest.fixture
def parent(tmp_path):
    """A tiny run trained to step 130: one snapshot, at step 100."""
    session = TrainingSession(tiny_config(), tmp_path / "parent")
    for _ in range(13):
        session.advance(10)
    session.save("paused")
    assert [s.step for s in sn.list_snapshots(session.run.path)] == [100]
    yield session
    session.close()


def continue_from_snapshot(parent_session, run_dir, steps, **hparams) -> TrainingSession:
    """What the parent does from its snapshot: a fresh trainer loads the snapshot's state and trains on."""
    session = TrainingSession(parent_session.config, None, dataset=parent_session.dataset)
    session.trainer.load_state(sn.read_state(sn.find_snapshot(parent_session.run.path, 100).path))
    if hparams:
        session.trainer.set_hparams(**hparams)
    for _ in range(steps // 10):
        session.advance(10)
    return session


def weights(session):
    return {k: v.clone() for k, v in session.trainer.state()["weights"].items()}


def assert_same_weights(a, b):
    assert a.keys() == b.keys()
    for k in a:
        assert torch.equal(a[k], b[k]), k


@pytest.mark.exactness
def test_a_branch_without_changes_takes_exactly_the_parents_next_steps(parent, tmp_path):
    reference = continue_from_snapshot(parent, None, 30)
    branch = TrainingSession.branch(parent.run.path, 100, tmp_path / "branch", {})
    try:
        assert branch.step == 100
        for _ in range(3):
            branch.advance(10)
        assert branch.step == 130
        assert_same_weights(weights(branch), weights(reference))
        # and the parent itself, which trained 100 → 130 in one go, took the very same steps
        assert_same_weights(weights(branch), weights(parent))
        a = [r["loss_d"] for r in branch.run.read_metrics() if r["step"] > 100]
        b = [r["loss_d"] for r in parent.run.read_metrics() if r["step"] > 100]
        assert a == b and len(a) == 30
    finally:
        branch.close()


@pytest.mark.exactness
def test_a_branch_with_a_new_learning_rate_resumes_the_snapshot_exactly(parent, tmp_path):
    old = parent.config.train.lr_g
    branch = TrainingSession.branch(parent.run.path, 100, tmp_path / "branch", {"train.lr_g": old / 4})
    try:
        assert branch.config.train.lr_g == old / 4
        assert branch.trainer.opt_g.param_groups[0]["lr"] == old / 4
        assert (branch.run.path / "samples" / "step_0000100.png").is_file()     # the parent's grids up to 100
        assert not (branch.run.path / "samples" / "step_0000130.png").exists()
        reference = continue_from_snapshot(parent, None, 30, lr_g=old / 4)
        for _ in range(3):
            branch.advance(10)
        assert_same_weights(weights(branch), weights(reference))
        differs = any(not torch.equal(a, b) for a, b in zip(weights(branch).values(), weights(parent).values()))
        assert differs     # the change took effect: the parent (old rate) ended elsewhere

        info = json.loads((branch.run.path / "run.json").read_text())
        assert info["lineage"] == {"parent": str(parent.run.path.resolve()), "parent_step": 100,
                                   "changes": {"train.lr_g": [old, old / 4]}}
        assert sn.lineage(info) == info["lineage"]
        assert sn.describe_lineage(info["lineage"]) == "Branched from parent at step 100: generator LR 0.0002 → 5e-05"
        # the branch's history up to the snapshot is the parent's
        assert [r["step"] for r in branch.run.read_metrics()][:100] == list(range(1, 101))
    finally:
        branch.close()


@pytest.mark.exactness
def test_a_branch_resumed_from_its_folder_goes_on_from_its_own_save(parent, tmp_path):
    branch = TrainingSession.branch(parent.run.path, 100, tmp_path / "branch", {"train.lr_d": 1e-4})
    branch.close()
    again = TrainingSession.resume(tmp_path / "branch")
    try:
        assert again.step == 100 and again.config.train.lr_d == 1e-4
        assert again.trainer.opt_d.param_groups[0]["lr"] == 1e-4
    finally:
        again.close()


def test_a_branchs_first_snapshot_is_one_spacing_after_its_branch_point(parent, tmp_path):
    branch = TrainingSession.branch(parent.run.path, 100, tmp_path / "branch", {})
    try:
        while branch.step < 160:
            branch.advance(25)
        assert [s.step for s in sn.list_snapshots(branch.run.path)] == [142]
    finally:
        branch.close()


def test_a_branch_cannot_change_what_defines_the_networks(parent, tmp_path):
    with pytest.raises(ValueError, match="cannot change model.g_width"):
        TrainingSession.branch(parent.run.path, 100, tmp_path / "branch", {"model.g_width": 16})
    assert not (tmp_path / "branch").exists()
    with pytest.raises(sn.SnapshotError, match="no snapshot at step 50"):
        TrainingSession.branch(parent.run.path, 50, tmp_path / "branch2", {})


def test_a_branch_asked_to_restart_builds_new_networks_from_step_0_and_names_its_parent(parent, tmp_path):
    """The collapse fix for a seed-like MLP changes the networks: a branch with `restart` starts them afresh
    (step 0, no history copied) and its lineage still names the parent and step."""
    branch = TrainingSession.branch(parent.run.path, 100, tmp_path / "branch",
                                    {"model.g_width": 16, "train.lr_g": 1e-3}, restart=True)
    try:
        assert branch.step == 0 and branch.config.model.g_width == 16 and branch.config.train.lr_g == 1e-3
        assert branch.run.read_metrics() == [] and sn.list_snapshots(branch.run.path) == []
        info = json.loads((tmp_path / "branch" / "run.json").read_text("utf-8"))
        lin = sn.lineage(info)
        assert lin["parent_step"] == 100 and lin["restarted"] is True
        assert lin["changes"]["model.g_width"] == [8, 16] and Path(lin["parent"]) == parent.run.path.resolve()
        assert str(sn.describe_lineage(lin)).startswith("New networks after parent (step 100): ")
        branch.advance(5)
        assert branch.step == 5
    finally:
        branch.close()


def test_resume_drops_snapshots_newer_than_the_save(parent, tmp_path):
    parent.advance(10)
    parent.trainer.step_count = 160        # as if training went on past the save and then crashed
    sn.SnapshotStore(parent.run.path).take(parent.trainer)
    parent.close()
    assert [s.step for s in sn.list_snapshots(parent.run.path)] == [100, 160]
    again = TrainingSession.resume(parent.run.path)
    try:
        assert again.step == 130
        assert [s.step for s in sn.list_snapshots(parent.run.path)] == [100]
    finally:
        again.close()


def test_a_followed_run_reports_quality_rows_and_snapshots(parent, tmp_path):
    follower = RunFollower(parent.run.path)
    first = follower.poll()
    assert [s.step for s in first.snapshots] == [100] and first.quality == []
    parent.run.append_quality([{"step": 130, "elapsed": 2.0, "score": 41.5, "fd": 300.0, "fd_floor": 15.0,
                                "coverage": 4}])
    upd = follower.poll()
    assert [q["score"] for q in upd.quality] == [41.5] and upd.snapshots is None and upd.changed
    assert follower.poll().quality == []
    parent.run.truncate_metrics(120)       # a rollback rewrites quality.jsonl too
    assert follower.poll().quality_reset
