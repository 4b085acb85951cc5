"""TrainingWorker / TrainingController on a tiny experiment, in a real QThread."""

from __future__ import annotations

import time

import numpy as np
import pytest

from gan_studio.app.worker import TrainingController


def _wait_steps(qtbot, ctrl, rows, at_least, timeout=20000):
    qtbot.waitUntil(lambda: bool(rows) and rows[-1]["step"] >= at_least, timeout=timeout)


@pytest.fixture
def ctrl(qtbot):
    c = TrainingController(threads=1)
    yield c
    c.stop(wait=True)


@pytest.fixture
def rows(ctrl):
    collected: list[dict] = []
    ctrl.metrics.connect(collected.extend)
    return collected


def test_trains_and_emits_increasing_steps(qtbot, ctrl, rows, tiny_cfg):
    snaps = []
    ctrl.snapshot.connect(lambda step, img: snaps.append((step, img)))
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 30)
    steps = [r["step"] for r in rows]
    assert steps == list(range(1, len(steps) + 1))
    assert {"loss_d", "loss_g", "d_real", "d_fake", "lr_g", "images_per_s"} <= set(rows[0])
    assert all(np.isfinite(r["loss_d"]) for r in rows)
    qtbot.waitUntil(lambda: len(snaps) >= 2, timeout=5000)
    step, img = snaps[-1]
    assert isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.shape == (64, 28, 28, 1)
    assert ctrl.state == "running"
    assert ctrl.session is not None and ctrl.dirty


def test_pause_resume_and_single_step(qtbot, ctrl, rows, tiny_cfg):
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 5)
    ctrl.pause()
    qtbot.waitUntil(lambda: ctrl.state == "paused", timeout=5000)
    qtbot.wait(150)
    frozen = ctrl.session.step
    qtbot.wait(400)
    assert ctrl.session.step == frozen
    assert rows[-1]["step"] == frozen

    ctrl.step()
    qtbot.waitUntil(lambda: rows[-1]["step"] == frozen + 1, timeout=5000)
    qtbot.wait(300)
    assert ctrl.session.step == frozen + 1
    ctrl.step()
    ctrl.step()
    qtbot.waitUntil(lambda: rows[-1]["step"] == frozen + 3, timeout=5000)
    qtbot.wait(300)
    assert ctrl.session.step == frozen + 3

    ctrl.resume()
    _wait_steps(qtbot, ctrl, rows, frozen + 10)
    assert ctrl.state == "running"


def test_stop_within_one_second_and_thread_finished(qtbot, ctrl, rows, tiny_cfg):
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 5)
    thread = ctrl._thread
    t0 = time.perf_counter()
    assert ctrl.stop(wait=True, timeout=1.0)
    assert time.perf_counter() - t0 < 1.0
    assert not ctrl.is_active() and ctrl.state == "idle"
    assert thread is not None
    # The session survives for saving and to continue training.
    step = ctrl.session.step
    assert step >= 5
    ctrl.start()
    _wait_steps(qtbot, ctrl, rows, step + 5)
    assert ctrl.stop(wait=True, timeout=1.0)


def test_stop_while_slow_motion_is_prompt(qtbot, ctrl, rows, tiny_cfg):
    ctrl.set_delay(0.5)
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 1)
    t0 = time.perf_counter()
    assert ctrl.stop(wait=True, timeout=1.0)
    assert time.perf_counter() - t0 < 1.0


def test_learning_rate_change_applies_to_later_rows(qtbot, ctrl, rows, tiny_cfg):
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 5)
    ctrl.set_hparams(lr_g=1e-3, lr_d=3e-4)
    changed_at = rows[-1]["step"]
    qtbot.waitUntil(lambda: rows[-1]["lr_g"] == pytest.approx(1e-3), timeout=10000)
    assert rows[0]["lr_g"] == pytest.approx(2e-4)
    first_new = next(r["step"] for r in rows if r["lr_g"] == pytest.approx(1e-3))
    assert first_new > changed_at
    assert all(r["lr_g"] == pytest.approx(1e-3) and r["lr_d"] == pytest.approx(3e-4)
               for r in rows if r["step"] >= first_new)


def test_target_steps_finishes(qtbot, ctrl, rows, tiny_cfg):
    with qtbot.waitSignal(ctrl.finished, timeout=20000) as sig:
        ctrl.start(tiny_cfg, target_steps=25)
    assert sig.args == ["target"]
    qtbot.waitUntil(lambda: not ctrl.is_active(), timeout=5000)
    assert ctrl.session.step == 25 and rows[-1]["step"] == 25


def test_divergence_pauses_and_rolls_back(qtbot, ctrl, rows, tiny_cfg, monkeypatch):
    from gan_studio.core.trainer import Trainer, TrainingDiverged

    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 5)
    original = Trainer.flush
    state = {"armed": True}

    def exploding_flush(self):
        if state["armed"] and self.step_count >= 1:
            state["armed"] = False
            self._pending.clear()
            raise TrainingDiverged(self.step_count, ["loss_d"])
        return original(self)

    rolled = []
    ctrl.rolledBack.connect(rolled.append)
    with qtbot.waitSignal(ctrl.diverged, timeout=10000) as sig:
        monkeypatch.setattr(Trainer, "flush", exploding_flush)
    assert "diverged" in sig.args[0] and "rolled back" in sig.args[0]
    qtbot.waitUntil(lambda: ctrl.state == "paused", timeout=5000)
    qtbot.wait(300)
    step = ctrl.session.step
    qtbot.wait(300)
    assert ctrl.session.step == step          # paused itself
    assert rolled == [step]                   # views are told to drop rows after the healthy state
    seen = len(rows)
    ctrl.set_hparams(lr_g=1e-4, lr_d=1e-4)
    ctrl.resume()
    qtbot.waitUntil(lambda: len(rows) > seen and rows[-1]["step"] > step + 3, timeout=10000)
    new = rows[seen:]
    assert new[0]["step"] == step + 1         # training continues from the healthy state
    assert all(r["lr_g"] == pytest.approx(1e-4) for r in new)


def test_failure_is_reported_not_raised(qtbot, ctrl, tiny_cfg):
    bad = tiny_cfg.replace(data=tiny_cfg.data.replace(source="folder", path="/nonexistent/folder"))
    with qtbot.waitSignal(ctrl.failed, timeout=10000) as sig:
        ctrl.start(bad)
    assert "nonexistent" in sig.args[0] or "folder" in sig.args[0].lower()
    qtbot.waitUntil(lambda: not ctrl.is_active(), timeout=5000)


def test_save_while_running_and_resume(qtbot, ctrl, rows, tiny_cfg, tmp_path):
    ctrl.start(tiny_cfg)
    _wait_steps(qtbot, ctrl, rows, 10)
    run_dir = tmp_path / "run"
    with qtbot.waitSignal(ctrl.saved, timeout=10000):
        assert ctrl.save(run_dir) is False
    assert (run_dir / "run.json").is_file()
    assert ctrl.stop(wait=True, timeout=1.0)
    ctrl.save()
    saved_step = ctrl.session.step
    assert not ctrl.dirty

    other = TrainingController(threads=1)
    got: list[dict] = []
    other.metrics.connect(got.extend)
    other.start(resume_dir=run_dir)
    qtbot.waitUntil(lambda: bool(got) and got[-1]["step"] >= saved_step + 3, timeout=20000)
    assert got[0]["step"] == saved_step + 1
    assert other.stop(wait=True, timeout=1.0)
