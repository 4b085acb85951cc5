import numpy as np
import pytest
import torch

from gan_studio.core.config import ConfigError, ExperimentConfig, ModelConfig, TrainConfig
from gan_studio.core.training.trainer import Trainer, TrainingDiverged

from .helpers import KERNEL_ATOL, assert_close_across_kernels, tiny_config, tiny_data


def test_steps_produce_finite_metrics_and_change_weights():
    x, y = tiny_data()
    t = Trainer(tiny_config(), x, y)
    before = [p.detach().clone() for p in t.G.parameters()]
    for _ in range(5):
        t.step()
    rows = t.flush()
    assert [r.step for r in rows] == [1, 2, 3, 4, 5]
    for r in rows:
        assert np.isfinite([r.loss_d, r.loss_g, r.d_real, r.d_fake, r.grad_norm_d, r.grad_norm_g]).all()
        assert 0 <= r.d_real <= 1 and 0 <= r.d_fake <= 1
        assert r.images_per_s > 0
    assert any(not torch.equal(a, b) for a, b in zip(before, t.G.parameters()))
    assert t.flush() == []


@pytest.mark.parametrize("arch, loss, d_norm", [("mlp", "ns", "none"), ("dcgan", "hinge", "spectral"),
                                                ("dcgan", "lsgan", "batch"), ("dcgan", "wgan-gp", "none")])
def test_every_architecture_and_loss_trains(arch, loss, d_norm):
    x, y = tiny_data(n=64)
    cfg = ExperimentConfig(model=ModelConfig(arch=arch, g_width=8, d_width=8, latent_dim=8, d_norm=d_norm,
                                             g_batchnorm=arch != "mlp"),
                           train=TrainConfig(batch_size=8, loss=loss, d_steps=2 if loss == "wgan-gp" else 1, threads=1))
    t = Trainer(cfg, x, y)
    for _ in range(3):
        t.step()
    rows = t.flush()
    assert len(rows) == 3
    if loss == "wgan-gp":
        assert all(r.gp > 0 for r in rows)
    else:
        assert all(r.gp == 0 for r in rows)


@pytest.mark.exactness
def test_seed_makes_training_reproducible():
    x, y = tiny_data()
    runs = []
    for _ in range(2):
        t = Trainer(tiny_config(seed=11), x, y)
        for _ in range(4):
            t.step()
        runs.append([r.loss_d for r in t.flush()])
    assert runs[0] == runs[1]
    t = Trainer(tiny_config(seed=12), x, y)
    for _ in range(4):
        t.step()
    assert [r.loss_d for r in t.flush()] != runs[0]


def test_hyperparameter_change_mid_run_takes_effect():
    x, y = tiny_data()
    t = Trainer(tiny_config(), x, y)
    t.step()
    before = t.flush()  # step 1 ran with the initial learning rates
    assert [(r.step, r.lr_g, r.lr_d) for r in before] == [(1, 2e-4, 2e-4)]
    assert all(g["lr"] == 2e-4 for g in t.opt_g.param_groups + t.opt_d.param_groups)
    t.set_hparams(lr_g=1e-3, lr_d=5e-4, d_steps=3, loss="hinge", beta1=0.0)
    assert [g["lr"] for g in t.opt_g.param_groups] == [1e-3] * len(t.opt_g.param_groups)
    assert [g["lr"] for g in t.opt_d.param_groups] == [5e-4] * len(t.opt_d.param_groups)
    assert t.opt_g.param_groups[0]["betas"][0] == 0.0
    cursor = t._cursor
    t.step()
    assert t._cursor - cursor == 3 * 16  # three discriminator batches in the next step
    rows = t.flush()
    assert [(r.step, r.lr_g, r.lr_d) for r in rows] == [(2, 1e-3, 5e-4)]  # the next step records the new rates
    with pytest.raises(ConfigError, match="learning rate"):
        t.set_hparams(lr_g=-1.0)
    assert t.config.train.lr_g == 1e-3  # a rejected change leaves the config as it was


def _another_valid_value(key, current):
    """A value of a LIVE field other than `current` that its descriptor allows."""
    from gan_studio.core.config import field_spec

    spec = field_spec(key)
    if spec.choices:
        return next(c for c in spec.choices if c != current)
    if isinstance(current, int):
        return current + 1 if current + 1 <= spec.hi else current - 1
    return current / 2 if current / 2 >= spec.lo else current * 2


def test_apply_live_takes_every_live_field_by_its_dotted_key_and_refuses_the_rest():
    # The live walk names no field between the Experiment and the trainer: whatever the descriptors mark LIVE
    # reaches `apply_live` as {"section.field": value}, and a new LIVE field needs no change on the way.
    from gan_studio.core.config import LIVE, field_keys, get_value

    x, y = tiny_data()
    t = Trainer(tiny_config(), x, y)
    for key in field_keys(change=LIVE):
        value = _another_valid_value(key, get_value(t.config, key))
        # D:G steps > 1 only with alternating updates (a rule across fields)
        rule = {"train.d_steps": {"train.updates": "alternating"}, "train.updates": {"train.d_steps": 1}}
        t.apply_live({key: value, **rule.get(key, {})})
        assert get_value(t.config, key) == value, key
    t.apply_live({"train.lr_g": 3e-3, "train.lr_d": 7e-4, "train.beta1": 0.25})
    assert {g["lr"] for g in t.opt_g.param_groups} == {3e-3} and {g["lr"] for g in t.opt_d.param_groups} == {7e-4}
    assert {g["betas"][0] for g in t.opt_g.param_groups + t.opt_d.param_groups} == {0.25}
    before = t.config
    with pytest.raises(ValueError, match="model.g_width cannot change while training"):
        t.apply_live({"model.g_width": 64, "train.lr_g": 1e-4})
    assert t.config == before       # nothing of a refused change is taken


def test_divergence_is_reported_not_continued():
    x, y = tiny_data()
    t = Trainer(tiny_config(), x, y)
    t.step()
    with torch.no_grad():
        next(t.D.parameters()).fill_(float("nan"))
    t.step()
    with pytest.raises(TrainingDiverged) as err:
        t.flush()
    assert err.value.step == 2
    assert "loss_d" in err.value.metrics
    assert "learning rate" in err.value.advice


def test_ema_generator_tracks_generator():
    x, y = tiny_data()
    t = Trainer(tiny_config(ema=0.9), x, y)
    assert t.sampling_generator() is t.G_ema
    for _ in range(3):
        t.step()
    g = torch.cat([p.flatten() for p in t.G.parameters()])
    e = torch.cat([p.flatten() for p in t.G_ema.parameters()])
    assert not torch.equal(g, e)
    assert (g - e).abs().max() < 0.05


def test_fixed_samples_are_fixed_and_shaped():
    x, y = tiny_data()
    t = Trainer(tiny_config(), x, y)
    a, b = t.fixed_samples(), t.fixed_samples()
    assert a.shape == (64, 28, 28, 1) and a.dtype == np.uint8
    assert np.array_equal(a, b)
    t.step()
    assert not np.array_equal(a, t.fixed_samples())
    # conditional grid cycles through the classes present in the data
    assert t.fixed_labels.tolist()[:5] == [0, 1, 2, 3, 0]


def test_targets_and_progress():
    x, y = tiny_data()
    t = Trainer(tiny_config(max_steps=3), x, y)
    assert t.progress() == 0
    for _ in range(3):
        t.step()
    assert t.target_reached() and t.progress() == 1.0


def test_bad_inputs_are_refused_clearly():
    x, y = tiny_data()
    with pytest.raises(ValueError, match="labelled data"):
        Trainer(tiny_config(), x, None)
    with pytest.raises(ValueError, match="model expects"):
        Trainer(tiny_config(), x[:, :, :20, :20], y)
    with pytest.raises(ValueError, match="empty"):
        Trainer(tiny_config(), x[:0], y[:0])


@pytest.mark.exactness
def test_capture_and_restore_replay_the_same_steps_twice():
    x, y = tiny_data()
    t = Trainer(tiny_config(ema=0.9), x, y)
    for _ in range(2):
        t.step()
    t.flush()
    state = t.capture()
    runs = []
    for _ in range(2):  # the captured copy survives a restore and can be used again
        t.restore(state)
        assert t.step_count == 2
        for _ in range(3):
            t.step()
        runs.append([(r.step, r.loss_d, r.loss_g) for r in t.flush()])
    assert runs[0] == runs[1] and [s for s, _, _ in runs[0]] == [3, 4, 5]


# ------------------------------------------------------------- simultaneous updates
def _weights(t: Trainer) -> dict:
    return {k: v.clone() for k, v in t.state()["weights"].items()}


@pytest.mark.exactness
def test_simultaneous_updates_give_g_the_gradient_of_the_discriminator_before_its_update():
    """The G half reads D as it was at the start of the step: how far D moves in the same step (its
    learning rate) cannot change G's gradient, while in an alternating step it does."""
    x, y = tiny_data()
    grads = {}
    for updates in ("simultaneous", "alternating"):
        for lr_d in (1e-6, 5e-2):
            t = Trainer(tiny_config(updates=updates, lr_d=lr_d, lr_g=1e-3), x, y)
            t.step()
            grads[updates, lr_d] = [p.grad.clone() for p in t.G.parameters()]
    same = lambda a, b: all(torch.equal(u, v) for u, v in zip(a, b))  # noqa: E731
    assert same(grads["simultaneous", 1e-6], grads["simultaneous", 5e-2])
    assert not same(grads["alternating", 1e-6], grads["alternating", 5e-2])


def _train_12_steps(threads: int) -> tuple[Trainer, list]:
    x, y = tiny_data()
    t = Trainer(tiny_config(updates="simultaneous", ema=0.9, threads=threads), x, y)
    for _ in range(12):
        torch.set_num_threads(threads)
        t.step()
    return t, [(r.loss_d, r.loss_g, r.d_real, r.d_fake) for r in t.flush()]


def test_simultaneous_halves_on_two_threads_compute_what_one_thread_computes():
    """The two halves of a simultaneous step run on two threads at once; they compute the same step as one
    thread does.  One and two threads may use kernels that round differently (helpers.KERNEL_ATOL)."""
    sequential, rows_1 = _train_12_steps(1)
    parallel, rows_2 = _train_12_steps(2)
    assert not sequential._parallel_halves() and parallel._parallel_halves()
    assert_close_across_kernels(rows_1, rows_2, "losses and D outputs ")
    assert_close_across_kernels(_weights(sequential), _weights(parallel))
    assert torch.get_num_threads() == 2      # the trainer's thread count is back after each step
    x, y = tiny_data()
    untrained = Trainer(tiny_config(updates="simultaneous"), x, y).G.project.weight
    assert (parallel.G.project.weight - untrained).abs().max() > 100 * KERNEL_ATOL   # it did train


@pytest.mark.exactness
def test_simultaneous_halves_on_two_threads_repeat_bit_for_bit():
    """On the same kernels (same machine, same thread count) the two-thread step is exactly reproducible."""
    first, rows_a = _train_12_steps(2)
    second, rows_b = _train_12_steps(2)
    assert rows_a == rows_b
    wa, wb = _weights(first), _weights(second)
    for k in wa:
        assert torch.equal(wa[k], wb[k]), k


@pytest.mark.exactness
def test_simultaneous_training_resumes_exactly_from_a_saved_state():
    x, y = tiny_data()
    t = Trainer(tiny_config(updates="simultaneous", ema=0.9), x, y)
    for _ in range(5):
        t.step()
    t.flush()
    saved = t.capture()
    for _ in range(4):
        t.step()
    straight = ([r.loss_g for r in t.flush()], _weights(t))
    resumed = Trainer(tiny_config(updates="simultaneous", ema=0.9), x, y)
    resumed.load_state(saved)
    for _ in range(4):
        resumed.step()
    assert [r.loss_g for r in resumed.flush()] == straight[0]
    for k, v in _weights(resumed).items():
        assert torch.equal(v, straight[1][k]), k


@pytest.mark.parametrize("loss", ["hinge", "wgan-gp", "ns"])
def test_simultaneous_updates_train_with_every_loss_and_an_mlp(loss):
    x, y = tiny_data(n=64)
    for arch in ("dcgan", "mlp"):
        cfg = ExperimentConfig(model=ModelConfig(arch=arch, g_width=8, d_width=8, latent_dim=8, d_norm="spectral"),
                               train=TrainConfig(batch_size=8, loss=loss, updates="simultaneous", threads=2))
        t = Trainer(cfg, x, y)
        before = [p.detach().clone() for p in t.D.parameters()]
        for _ in range(3):
            t.step()
        rows = t.flush()
        assert len(rows) == 3 and all(np.isfinite([r.loss_d, r.loss_g, r.grad_norm_d, r.grad_norm_g]).all() for r in rows)
        assert (rows[-1].gp > 0) == (loss == "wgan-gp")
        assert any(not torch.equal(a, b) for a, b in zip(before, t.D.parameters()))


def test_simultaneous_updates_refuse_settings_they_cannot_honour():
    issues = ExperimentConfig(train=TrainConfig(updates="simultaneous", d_steps=2)).validate()
    assert [i.field for i in issues] == ["train.d_steps"]
    issues = ExperimentConfig(model=ModelConfig(d_norm="batch"), train=TrainConfig(updates="simultaneous")).validate()
    assert [i.field for i in issues] == ["model.d_norm"]
    assert [i.field for i in TrainConfig(updates="sideways").validate()] == ["train.updates"]
