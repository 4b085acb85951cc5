import json

import numpy as np
import pytest

from gan_studio.core.explore.generator import export_generator, load_generator
from gan_studio.core.run_folders.runs import CheckpointMismatch, RunError, RunFolder
from gan_studio.core.training.trainer import Trainer

from .helpers import tiny_config, tiny_data


def _trained(cfg, steps=6):
    x, y = tiny_data()
    t = Trainer(cfg, x, y)
    for _ in range(steps):
        t.step()
    return t, x, y


@pytest.mark.exactness
def test_resume_reproduces_the_next_steps_exactly(tmp_path):
    cfg = tiny_config(ema=0.95)
    a, x, y = _trained(cfg)
    a.set_hparams(lr_g=3e-4)  # a mid-run change must survive the round trip
    rows = a.flush()
    run = RunFolder.create(tmp_path / "run", cfg)
    run.append_metrics(rows)
    run.save_checkpoint(a)
    for _ in range(5):
        a.step()
    expected = a.flush()

    b = Trainer(cfg, x, y)
    RunFolder.open(tmp_path / "run").restore(b)
    assert b.step_count == 6 and b.config.train.lr_g == 3e-4
    for _ in range(5):
        b.step()
    got = b.flush()
    assert [r.step for r in got] == [7, 8, 9, 10, 11]
    for e, g in zip(expected, got):
        assert (e.loss_d, e.loss_g, e.d_real, e.d_fake) == (g.loss_d, g.loss_g, g.d_real, g.d_fake)
    assert np.array_equal(a.fixed_samples(), b.fixed_samples())


def test_run_folder_contents_are_json_and_safetensors(tmp_path):
    cfg = tiny_config()
    t, _, _ = _trained(cfg)
    run = RunFolder.create(tmp_path / "run", cfg, {"source": "test"})
    run.append_metrics(t.flush())
    run.save_checkpoint(t)
    run.save_grid(t.step_count, t.fixed_samples())
    names = {p.name for p in (tmp_path / "run").iterdir()}
    assert {"run.json", "weights.safetensors", "optimizer.safetensors", "metrics.jsonl", "samples"} <= names
    info = json.loads((tmp_path / "run/run.json").read_text())
    assert info["step"] == 6 and info["dataset"] == {"source": "test"} and "torch" in info["versions"]
    assert len(run.read_metrics()) == 6
    assert not list((tmp_path / "run").glob(".*.tmp"))  # no temp files left behind
    with open(tmp_path / "run/weights.safetensors", "rb") as fh:
        header_len = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(header_len))
    assert "config" in header["__metadata__"]


def test_mismatched_checkpoint_is_refused_with_the_difference(tmp_path):
    cfg = tiny_config()
    t, x, y = _trained(cfg, steps=1)
    run = RunFolder.create(tmp_path / "run", cfg)
    run.save_checkpoint(t)
    other = cfg.replace(model=cfg.model.replace(g_width=16))
    with pytest.raises(CheckpointMismatch, match="g_width: checkpoint has 8, this experiment has 16"):
        run.restore(Trainer(other, x, y))


def test_damaged_files_give_clear_errors(tmp_path):
    cfg = tiny_config()
    t, x, y = _trained(cfg, steps=1)
    run = RunFolder.create(tmp_path / "run", cfg)
    run.save_checkpoint(t)
    (tmp_path / "run/weights.safetensors").write_bytes(b"\x00garbage")
    with pytest.raises(RunError, match="weights.safetensors is damaged"):
        run.restore(Trainer(cfg, x, y))
    (tmp_path / "run/run.json").write_text("{")
    with pytest.raises(RunError, match="run.json is damaged"):
        RunFolder.open(tmp_path / "run")
    with pytest.raises(RunError, match="not a GAN Studio run"):
        RunFolder.open(tmp_path)
    with pytest.raises(RunError, match="already holds a run|not empty"):
        RunFolder.create(tmp_path / "run", cfg)


def test_metrics_beyond_the_checkpoint_are_dropped_on_resume(tmp_path):
    cfg = tiny_config()
    t, x, y = _trained(cfg, steps=3)
    run = RunFolder.create(tmp_path / "run", cfg)
    run.append_metrics(t.flush())
    run.save_checkpoint(t)
    t.step()
    run.append_metrics(t.flush())  # written, but the crash came before the next checkpoint
    assert len(run.read_metrics()) == 4
    with open(tmp_path / "run/metrics.jsonl", "a") as fh:
        fh.write('{"step": 5, "loss_d"')  # a line cut short
    run.restore(Trainer(cfg, x, y))
    assert [r["step"] for r in run.read_metrics()] == [1, 2, 3]


def test_exported_generator_round_trip(tmp_path):
    cfg = tiny_config(ema=0.9)
    t, _, _ = _trained(cfg, steps=2)
    run = RunFolder.create(tmp_path / "run", cfg)
    run.save_checkpoint(t)
    gen = load_generator(tmp_path / "run")
    z = gen.latents(seed=7, n=5)
    imgs = gen.generate(z, labels=[0, 1, 2, 3, 0])
    assert imgs.shape == (5, 28, 28, 1)
    # run loader uses the EMA generator in eval mode: identical to the trainer's sampling path
    import torch
    ref = t.generate(torch.from_numpy(z), torch.tensor([0, 1, 2, 3, 0]))
    assert np.allclose(gen.generate_float(z, [0, 1, 2, 3, 0]).numpy(), ref.numpy(), atol=1e-6)
    path = export_generator(gen, tmp_path / "g.safetensors", name="tiny")
    again = load_generator(path)
    assert again.name == "tiny" and again.conditional
    assert np.array_equal(again.generate(z, [0, 1, 2, 3, 0]), imgs)
    with pytest.raises(RunError, match="does not exist"):
        load_generator(tmp_path / "nope")


def test_generator_snapshot_of_a_trainer_matches_its_samples():
    from gan_studio.core.explore.generator import from_trainer

    t, _, _ = _trained(tiny_config(ema=0.9), steps=3)
    gen = from_trainer(t, "live")
    z = gen.latents(seed=1, n=4)
    import torch
    ref = t.generate(torch.from_numpy(z), torch.tensor([0, 1, 2, 3]))
    assert np.allclose(gen.generate_float(z, [0, 1, 2, 3]).numpy(), ref.numpy(), atol=1e-6)
    t.step()  # training on does not change the snapshot
    assert np.allclose(gen.generate_float(z, [0, 1, 2, 3]).numpy(), ref.numpy(), atol=1e-6)
    assert gen.step == 3


def test_autosave_is_by_training_time_as_well_as_steps(tmp_path):
    """With `autosave_seconds` set, a save happens once that much training time passed, whatever the step
    count (a tiny interval makes it due after one step; 0 turns it off)."""
    from types import SimpleNamespace

    from gan_studio.core.training.session import TrainingSession

    x, y = tiny_data()
    dataset = SimpleNamespace(train=SimpleNamespace(images=x, labels=y), identity={"source": "test"},
                              name="tiny", notes=[])
    cfg = tiny_config(checkpoint_every=0, autosave_seconds=1e-6, sample_every=1000)
    session = TrainingSession(cfg, tmp_path / "timed", dataset=dataset)
    try:
        update = session.advance(1)
        assert update.saved and json.loads((tmp_path / "timed/checkpoint.json").read_text())["step"] == 1
    finally:
        session.close()
    cfg = tiny_config(checkpoint_every=0, autosave_seconds=0.0, sample_every=1000)
    session = TrainingSession(cfg, tmp_path / "off", dataset=dataset)
    try:
        assert not any(session.advance(1).saved for _ in range(3))
        assert not (tmp_path / "off/checkpoint.json").exists()
    finally:
        session.close()
