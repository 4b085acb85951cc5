"""RunFollower: follow a run folder while a real TrainingSession writes it."""

import json
import os
import struct
import threading
import time
import zlib

import numpy as np
import pytest
from PIL import Image

from gan_studio.core.config import DataConfig, ExperimentConfig, ModelConfig, TrainConfig
from gan_studio.core.run_folders.follow import RunFollower, SampleGrid, load_grid
from gan_studio.core.images import tile_grid
from gan_studio.core.run_folders.runlock import LOCK_FILE, RunLock
from gan_studio.core.run_folders.runs import RunError, RunFolder
from gan_studio.core.training.session import TrainingSession

CONFIG = ExperimentConfig(
    data=DataConfig(source="sample", holdout=200),
    model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=False),
    train=TrainConfig(batch_size=16, threads=1, sample_every=10, checkpoint_every=0))
ROW_KEYS = {"step", "loss_d", "loss_g", "d_real", "d_fake", "grad_norm_d", "grad_norm_g", "gp", "lr_g", "lr_d",
            "images_per_s", "elapsed"}


@pytest.fixture(scope="module")
def dataset():
    from gan_studio.core.data import load_dataset

    return load_dataset(CONFIG.data, CONFIG.model.image_size, CONFIG.model.channels)


@pytest.fixture
def session(tmp_path, dataset):
    return TrainingSession(CONFIG, tmp_path / "run", dataset=dataset)


def _steps(rows):
    return [r["step"] for r in rows]


def _release(session):
    """Let another writer open the run (sessions that hold the run's lock release it in close())."""
    close = getattr(session, "close", None)
    if close is not None:
        close()


def _append(run_dir, text: str):
    with open(run_dir / "metrics.jsonl", "a", encoding="utf-8", newline="") as fh:
        fh.write(text)


# --------------------------------------------------------------------- metrics
def test_rows_arrive_in_order_without_gaps_or_duplicates(session):
    run_dir = session.run.path
    follower = RunFollower(run_dir)
    first = follower.poll()
    assert first.rows == [] and not first.reset and first.status.status == "new" and first.status.step == 0
    seen = []
    for chunk in (3, 1, 7, 4, 5):
        session.advance(chunk)
        update = follower.poll()
        assert not update.reset
        assert all(set(r) == ROW_KEYS for r in update.rows)
        seen += update.rows
        assert follower.poll().rows == []          # nothing new: nothing reported twice
    assert _steps(seen) == list(range(1, 21))
    assert seen == RunFolder.open(run_dir).read_metrics()   # exactly what the writer wrote


def test_rows_from_a_concurrent_writer_arrive_exactly_once(tmp_path):
    """A writer thread appends rows in small pieces (half lines visible) while the follower polls."""
    run_dir = tmp_path / "run"
    RunFolder.create(run_dir, CONFIG)
    follower = RunFollower(run_dir)
    n = 400
    polled = threading.Event()

    def writer():
        with open(run_dir / "metrics.jsonl", "ab", buffering=0) as fh:
            for step in range(1, n + 1):
                line = json.dumps({"step": step, "loss_d": step / 7, "loss_g": 1.0}).encode() + b"\n"
                for i in range(0, len(line), 9):      # a line arrives in several writes
                    fh.write(line[i:i + 9])
                    if step % 50 == 0 and i == 9:     # half a line is on disk: let the follower poll it
                        polled.clear()
                        polled.wait(timeout=60)

    thread = threading.Thread(target=writer)
    thread.start()
    got, polls = [], 0
    while thread.is_alive():
        update = follower.poll()
        polled.set()
        assert not update.reset
        got += update.rows
        polls += 1
    thread.join(timeout=60)
    got += follower.poll().rows
    assert _steps(got) == list(range(1, n + 1))
    assert [r["loss_d"] for r in got] == [s / 7 for s in range(1, n + 1)]
    assert polls >= n // 50                          # the writer waited for a poll 8 times mid-line


def test_half_written_line_waits_for_the_next_poll(session):
    run_dir = session.run.path
    session.advance(4)
    follower = RunFollower(run_dir)
    assert _steps(follower.poll().rows) == [1, 2, 3, 4]
    _append(run_dir, '{"step": 5, "loss_d": 0.25, "loss_g"')
    assert follower.poll().rows == []
    _append(run_dir, ': 1.5}\n{"step": 6, "loss_d": 0.5')
    update = follower.poll()
    assert update.rows == [{"step": 5, "loss_d": 0.25, "loss_g": 1.5}] and not update.reset
    _append(run_dir, ', "loss_g": 2.0}\n')
    assert follower.poll().rows == [{"step": 6, "loss_d": 0.5, "loss_g": 2.0}]


def test_malformed_rows_are_skipped_never_raised(session):
    run_dir = session.run.path
    session.advance(2)
    follower = RunFollower(run_dir)
    assert _steps(follower.poll().rows) == [1, 2]
    _append(run_dir, "garbage\n[1, 2]\n7\n1, 2\n\n"
                     '{"step": "3", "loss_d": 1}\n{"step": true}\n{"step": -1}\n{"loss_d": 1.0}\n'
                     '{"step": 3, "loss_d": "0.5"}\n{"step": 3, "loss_d": null}\n{"step": 3, "x": [1]}\n'
                     '\xff\xfe not utf-8 \n{"step": 3, "loss_d": 0.5}\n{"step": 4, "loss_d": 0.75}\n')
    update = follower.poll()
    assert update.rows == [{"step": 3, "loss_d": 0.5}, {"step": 4, "loss_d": 0.75}] and not update.reset


def test_a_shorter_metrics_file_is_reread_with_reset(session):
    """Resuming from a checkpoint truncates metrics.jsonl to the checkpoint's step."""
    run_dir = session.run.path
    session.advance(6)
    session.save()                                   # checkpoint at step 6
    session.advance(9)
    follower = RunFollower(run_dir)
    assert _steps(follower.poll().rows) == list(range(1, 16))

    _release(session)
    resumed = TrainingSession.resume(run_dir)        # rolls metrics back to step 6
    update = follower.poll()
    assert update.reset and _steps(update.rows) == [1, 2, 3, 4, 5, 6]
    resumed.advance(3)
    update = follower.poll()
    assert not update.reset and _steps(update.rows) == [7, 8, 9]

    os.truncate(run_dir / "metrics.jsonl", 0)        # cut in place
    update = follower.poll()
    assert update.reset and update.rows == []
    resumed.advance(2)
    update = follower.poll()
    assert not update.reset and _steps(update.rows) == [10, 11]


def test_a_replaced_or_rewritten_metrics_file_is_reread(session):
    run_dir = session.run.path
    session.advance(5)
    follower = RunFollower(run_dir)
    rows = follower.poll().rows
    # A sync replaces the file with a longer one holding different rows.
    other = "".join(json.dumps(dict(r, loss_d=9.0)) + "\n" for r in rows + [dict(rows[-1], step=6)])
    tmp = run_dir / "metrics.new"
    tmp.write_text(other, "utf-8")
    os.replace(tmp, run_dir / "metrics.jsonl")
    update = follower.poll()
    assert update.reset and _steps(update.rows) == [1, 2, 3, 4, 5, 6]
    assert {r["loss_d"] for r in update.rows} == {9.0}
    # Rewritten in place (same file, same length; e.g. rsync --inplace after a rollback and retraining):
    # noticed from the last bytes read before.
    lines = (run_dir / "metrics.jsonl").read_bytes().splitlines(keepends=True)
    lines[-1] = lines[-1].replace(b'"loss_d": 9.0', b'"loss_d": 8.0')
    with open(run_dir / "metrics.jsonl", "r+b") as fh:
        fh.write(b"".join(lines))
    update = follower.poll()
    assert update.reset and [r["loss_d"] for r in update.rows] == [9.0] * 5 + [8.0]
    # Removed: reset with nothing.
    (run_dir / "metrics.jsonl").unlink()
    update = follower.poll()
    assert update.reset and update.rows == []
    assert not follower.poll().reset


def test_first_poll_of_100k_rows(tmp_path):
    run_dir = tmp_path / "run"
    RunFolder.create(run_dir, CONFIG)
    row = {k: 0.125 for k in ROW_KEYS}
    (run_dir / "metrics.jsonl").write_text("".join(json.dumps(dict(row, step=i)) + "\n" for i in range(1, 100_001)))
    follower = RunFollower(run_dir)
    update = follower.poll()                         # one poll reads them all
    assert len(update.rows) == 100_000 and update.rows[0]["step"] == 1 and update.rows[-1]["step"] == 100_000
    assert _steps(update.rows) == list(range(1, 100_001))
    _append(run_dir, json.dumps(dict(row, step=100_001)) + "\n")
    assert _steps(follower.poll().rows) == [100_001]


# --------------------------------------------------------------------- samples
def test_new_grids_are_reported_once_and_decode(session):
    run_dir = session.run.path
    follower = RunFollower(run_dir)
    assert follower.poll().sample is None
    session.advance(5)                               # first advance: a grid at step 5
    up = session.advance(5)                          # step 10: due
    assert up.snapshot is not None and up.snapshot.step == 10
    update = follower.poll()
    assert update.sample is not None and update.sample.step == 10   # only the newest
    assert update.sample.path == run_dir / "samples" / "step_0000010.png"
    grid = update.sample.load()
    expected = tile_grid(up.snapshot.images, pad=2)
    assert grid.dtype == np.uint8 and grid.shape == expected.shape and grid.shape[-1] == 1
    assert np.array_equal(grid, expected)
    assert follower.poll().sample is None            # reported once
    session.advance(4)                               # step 14: no new grid
    assert follower.poll().sample is None
    session.advance(6)                               # step 20
    assert [follower.poll().sample.step, follower.poll().sample] == [20, None]
    # A grid rewritten under the same name (a resumed run re-reaching the step) is new again.
    img = run_dir / "samples" / "step_0000020.png"
    Image.fromarray(np.zeros((8, 12), np.uint8)).save(img)
    os.utime(img, ns=(img.stat().st_atime_ns, img.stat().st_mtime_ns + 5_000_000_000))
    update = follower.poll()
    assert update.sample.step == 20 and update.sample.load().shape == (8, 12, 1)
    # Temp files of an atomic write and other names are ignored.
    (run_dir / "samples" / ".step_0000030.png.abc.tmp").write_bytes(b"partial")
    (run_dir / "samples" / "notes.png").write_bytes(b"x")
    assert follower.poll().sample is None


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_huge_or_damaged_grids_are_refused_clearly(session):
    run_dir = session.run.path
    samples = run_dir / "samples"
    samples.mkdir()
    Image.fromarray(np.zeros((8, 5000), np.uint8)).save(samples / "step_0000001.png")
    follower = RunFollower(run_dir)
    sample = follower.poll().sample
    assert sample.step == 1
    with pytest.raises(RunError, match="5000×8 pixels, larger than the 4096×4096"):
        sample.load()
    assert load_grid(samples / "step_0000001.png", max_side=5000).shape == (8, 5000, 1)
    # A header claiming 100000×100000 (a decompression bomb): refused before decoding.
    (samples / "step_0000002.png").write_bytes(_png_header_only(100_000, 100_000))
    sample = follower.poll().sample
    with pytest.raises(RunError, match="step_0000002.png"):
        sample.load()
    (samples / "step_0000003.png").write_bytes(_png_header_only(40_000, 30_000))
    with pytest.raises(RunError, match="40000×30000"):
        follower.poll().sample.load()
    # Half-copied and vanished files.
    good = samples / "step_0000004.png"
    Image.fromarray(np.full((16, 16, 3), 7, np.uint8)).save(good)
    assert SampleGrid(4, good).load().shape == (16, 16, 3)
    good.write_bytes(good.read_bytes()[:40])
    with pytest.raises(RunError, match="not a readable PNG"):
        load_grid(good)
    with pytest.raises(RunError, match="no longer exists"):
        load_grid(samples / "step_0000099.png")


# ---------------------------------------------------------------------- status
def test_status_follows_run_json_and_survives_damage(session):
    run_dir = session.run.path
    follower = RunFollower(run_dir)
    update = follower.poll()
    assert update.status.status == "new" and update.status.step == 0 and update.status_changed
    assert not follower.poll().status_changed
    session.advance(7)
    session.save("running")
    update = follower.poll()
    assert update.status_changed and (update.status.status, update.status.step) == ("running", 7)
    assert update.status.updated == json.loads((run_dir / "run.json").read_text())["updated"]
    good = (run_dir / "run.json").read_text()
    for damaged in (good[: len(good) // 2], "", "[1, 2]", '{"status": 3}', '{"status": "running", "step": "x"}',
                    b"\xff\xfe\x00"):
        if isinstance(damaged, bytes):
            (run_dir / "run.json").write_bytes(damaged)
        else:
            (run_dir / "run.json").write_text(damaged)
        update = follower.poll()
        assert not update.status_changed and (update.status.status, update.status.step) == ("running", 7)
    (run_dir / "run.json").unlink()
    assert follower.poll().status.status == "running"
    (run_dir / "run.json").write_text(good)
    session.save("finished")
    update = follower.poll()
    assert update.status_changed and (update.status.status, update.status.step) == ("finished", 7)


def test_damaged_run_json_at_start_gives_no_status_yet(tmp_path):
    run_dir = tmp_path / "run"
    RunFolder.create(run_dir, CONFIG)
    good = (run_dir / "run.json").read_text()
    (run_dir / "run.json").write_text(good[:20])
    follower = RunFollower(run_dir)
    assert follower.poll().status is None
    (run_dir / "run.json").write_text(good)
    assert follower.poll().status.status == "new"


def test_not_a_run_is_refused_at_construction(tmp_path):
    with pytest.raises(RunError, match="does not exist"):
        RunFollower(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(RunError, match="not a GAN Studio run"):
        RunFollower(tmp_path / "empty")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(RunError, match="not a folder"):
        RunFollower(tmp_path / "file.txt")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "run.json").write_text('{"format": "something-else/1"}')
    with pytest.raises(RunError, match="something-else/1"):
        RunFollower(tmp_path / "other")
    RunFolder.create(tmp_path / "run", CONFIG)
    assert RunFollower(tmp_path / "run" / "run.json").path == tmp_path / "run"


# -------------------------------------------------------------------- activity
def _age_files(run_dir, seconds):
    past = time.time() - seconds
    for p in [run_dir, *run_dir.rglob("*")]:
        os.utime(p, (past, past))


def test_active_from_the_lock_or_from_recent_changes(tmp_path):
    run_dir = tmp_path / "run"
    run = RunFolder.create(run_dir, CONFIG)            # written by hand: no session, so no lock unless we take one
    run.append_metrics([{"step": 1, "loss_d": 0.5}])
    follower = RunFollower(run_dir, idle_after=30)
    update = follower.poll()
    assert update.owner is None and update.active          # no lock: files just changed
    _age_files(run_dir, 3600)
    update = follower.poll()
    assert update.owner is None and not update.active      # no lock, nothing changed for an hour
    assert follower.seconds_since_change() >= 3000
    with RunLock(run_dir):
        update = follower.poll()
        assert update.active and update.owner.pid == os.getpid() and update.owner.alive
    assert not (run_dir / LOCK_FILE).exists()
    # A lock from another host whose heartbeat stopped long ago: not active even though files are fresh.
    run.append_metrics([{"step": 2, "loss_d": 0.5}])
    (run_dir / LOCK_FILE).write_text(json.dumps({"pid": 4242, "hostname": "gpu-server-that-is-not-here",
                                                 "started": time.time() - 7200, "heartbeat": time.time() - 3600,
                                                 "token": "t"}))
    update = follower.poll()
    assert update.owner.pid == 4242 and not update.owner.alive and not update.active
    assert follower.seconds_since_change() < 3000
    assert _steps(update.rows) == [2]


def test_watch_yields_only_changes(session):
    follower = RunFollower(session.run.path)
    follower.poll()
    session.advance(3)
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) > 3

    updates = list(follower.watch(interval=0, should_stop=should_stop))
    assert [_steps(u.rows) for u in updates] == [[1, 2, 3]]
