"""The Experiment's rules without Qt: every field edited after Stop applies on Continue or starts anew."""

from __future__ import annotations

import pytest

from gan_studio.core.config import (CONTINUE, LIVE, LIVE_TRAIN_KEYS, PRESET_KEYS, RESTART, DataConfig,
                                    ExperimentConfig, ModelConfig, TrainConfig, change_rule, field_keys, field_label,
                                    get_value)
from gan_studio.core.data import load_dataset
from gan_studio.core.experiment import Experiment
from gan_studio.core.presets import DEFAULT_PRESET, get_preset
from gan_studio.core.run_folders.runs import new_scratch_dir
from gan_studio.core.training.session import TrainingSession

# A different valid value for every field.  A new field fails `test_every_field_has_a_rule_and_a_walk_value`
# until it is given a change rule and a value here.
OTHER = {
    "data.source": "mnist", "data.path": "/somewhere/else", "data.classes": [1, 2], "data.holdout": 100,
    "data.folder_labels": False, "data.invert": "keep",
    "model.arch": "mlp", "model.image_size": 32, "model.channels": 3, "model.latent_dim": 8,
    "model.conditional": True, "model.num_classes": 5, "model.g_width": 12, "model.d_width": 12, "model.depth": 2,
    "model.g_batchnorm": False, "model.d_norm": "none",
    "model.d_activation": "relu", "model.g_upsample": "nearest",
    "train.loss": "hinge", "train.lr_g": 1e-3, "train.lr_d": 5e-4, "train.beta1": 0.9, "train.beta2": 0.99,
    "train.batch_size": 8, "train.d_steps": 2, "train.updates": "simultaneous", "train.gp_weight": 5.0, "train.ema": 0.9, "train.seed": 3,
    "train.augment": "diffaug",
    "train.device": "cpu", "train.threads": 2, "train.max_steps": 100, "train.max_seconds": 10.0,
    "train.sample_every": 7, "train.checkpoint_every": 9, "train.autosave_seconds": 30.0, "train.disk_mb": 25.0,
}


def tiny() -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(source="sample", holdout=200),
        model=ModelConfig(arch="dcgan", g_width=8, d_width=8, latent_dim=16, conditional=False),
        train=TrainConfig(batch_size=16, threads=1, sample_every=10, checkpoint_every=0),
        name="tiny").check()


@pytest.fixture(scope="module")
def dataset():
    cfg = tiny()
    return load_dataset(cfg.data, cfg.model.image_size, cfg.model.channels)


def test_every_field_has_a_rule_and_a_walk_value():
    keys = field_keys()
    assert all(field_label(k) != k for k in keys)           # every field has the name a sentence uses
    assert set(OTHER) == set(keys)
    assert {change_rule(k) for k in keys} == {LIVE, CONTINUE, RESTART}
    assert set(LIVE_TRAIN_KEYS) == {"loss", "lr_g", "lr_d", "beta1", "beta2", "d_steps", "updates", "gp_weight",
                                    "augment"}
    # presets decide the model and the optimisation, never the data, device, threads or intervals
    assert "train.device" not in PRESET_KEYS and "train.threads" not in PRESET_KEYS
    assert not [k for k in PRESET_KEYS if k.startswith("data.")]


@pytest.mark.parametrize("key", list(OTHER))
def test_each_field_edited_after_stop_applies_on_continue_or_starts_a_new_experiment(key, dataset, tmp_path):
    cfg = tiny()
    exp = Experiment(cfg)
    session = TrainingSession(cfg, tmp_path / "run", dataset=dataset)
    session.advance(2)
    exp.started(cfg, session.run.path, session.step)
    exp.set_state("idle")                       # stopped
    assert exp.plan().action == "continue" and not exp.plan().applies

    exp.edit(**{key: OTHER[key]})
    assert get_value(exp.config, key) == OTHER[key]       # the panel shows the Experiment's config
    plan = exp.plan()
    if change_rule(key) == RESTART:
        assert plan.action == "new" and plan.restarts == (key,)
        assert field_label(key) in plan.describe()
        with pytest.raises(ValueError, match=key.replace(".", r"\.")):
            session.apply(exp.config)           # the process refuses it too: nothing silently ignored
    else:
        assert plan.action == "continue" and key in plan.applies
        reload = session.apply(exp.config)
        assert reload == set()                  # "cpu" is this machine's device either way
        assert get_value(session.config, key) == OTHER[key]
        if change_rule(key) == LIVE:
            name = key.split(".", 1)[1]
            assert getattr(session.trainer.config.train, name) == OTHER[key]
        session.advance(1)                      # and training goes on with it
        assert session.step == 3


def test_live_edits_while_running_are_forwarded_once_valid():
    exp = Experiment(tiny())
    sent = []
    exp.liveChanged.connect(sent.append)
    exp.edit(**{"train.lr_g": 1e-3})
    assert sent == []                           # nothing is training: nothing to forward
    exp.started()
    exp.set_state("running")
    assert exp.editable("train.lr_g") and not exp.editable("model.g_width") and not exp.editable("train.threads")
    exp.edit(**{"train.lr_g": 5e-4, "train.d_steps": 3})
    assert sent == [{"train.lr_g": 5e-4, "train.d_steps": 3}]
    exp.edit(**{"train.lr_d": 5.0})             # out of range: shown as an error, never sent
    assert len(sent) == 1 and exp.trained.train.lr_d == tiny().train.lr_d
    assert exp.trained.train.lr_g == 5e-4


def test_a_live_edit_refused_by_a_rule_across_fields_goes_out_when_another_edit_makes_it_valid():
    exp = Experiment(tiny())
    sent = []
    exp.liveChanged.connect(sent.append)
    exp.started()
    exp.set_state("running")
    exp.edit(**{"train.lr_d": 5.0})                    # out of range: held back …
    exp.edit(**{"train.updates": "simultaneous"})      # … while a valid edit of another field goes out
    assert sent == [{"train.updates": "simultaneous"}]
    exp.edit(**{"train.lr_d": 1e-3, "train.d_steps": 2})   # D:G steps 2 is refused under simultaneous updates
    assert sent[-1] == {"train.lr_d": 1e-3} and exp.trained.train.d_steps == 1
    exp.edit(**{"train.updates": "alternating"})       # now the held-back D:G steps is valid: both go out
    assert sent[-1] == {"train.updates": "alternating", "train.d_steps": 2}
    assert exp.trained.train.d_steps == 2 and exp.trained.train.updates == "alternating"
    exp.edit(**{"train.updates": "simultaneous"})      # would be invalid with D:G steps 2: not sent
    assert len(sent) == 3 and exp.trained.train.updates == "alternating"


def test_preset_key_is_derived_from_the_values():
    exp = Experiment.from_preset(DEFAULT_PRESET)
    assert exp.preset_key == DEFAULT_PRESET
    exp.edit(**{"train.threads": 1, "train.device": "cpu"})      # not preset fields
    assert exp.preset_key == DEFAULT_PRESET
    exp.edit(**{"model.g_width": 40})
    assert exp.preset_key == "custom" and exp.base_preset == DEFAULT_PRESET
    exp.edit(**{"model.g_width": get_preset(DEFAULT_PRESET).model["g_width"]})
    assert exp.preset_key == DEFAULT_PRESET
    exp.choose_preset("wgan-gp")
    assert exp.preset_key == "wgan-gp" and exp.config.train.loss == "wgan-gp"
    assert exp.config.train.threads == 1 and exp.config.train.device == "cpu"   # kept


def test_dirty_and_save_rules(gs_home):
    exp = Experiment(tiny())
    assert not exp.dirty and exp.save_action() == "choose"
    scratch = new_scratch_dir()
    exp.started(run_path=scratch, step=0)
    exp.stepped(40)
    assert exp.dirty and exp.saved_path is None and exp.title == "Untitled experiment"
    exp.saved(scratch, 40)                      # an autosave into the scratch folder is not a user save
    assert exp.dirty
    assert exp.save_action(gs_home / "mine") == "move"
    exp.saved(gs_home / "mine", 40)
    assert not exp.dirty and exp.saved_path == gs_home / "mine" and exp.title == "mine"
    exp.stepped(41)
    assert exp.dirty and exp.save_action() == "in place"
    assert exp.save_action(gs_home / "copy") == "copy"


def test_opened_run_resumes_and_a_lost_process_resumes_from_the_last_save(tmp_path, dataset):
    cfg = tiny()
    session = TrainingSession(cfg, tmp_path / "run", dataset=dataset)
    session.advance(3)
    session.save()
    exp = Experiment()
    exp.opened_run(session.run.path, cfg, 3)
    assert exp.config == cfg and exp.plan().action == "resume" and not exp.dirty
    exp.edit(**{"train.lr_g": 1e-3})
    assert exp.plan().action == "resume" and "train.lr_g" in exp.plan().applies
    exp.edit(**{"model.g_width": 16})
    assert exp.plan().action == "new"

    exp2 = Experiment(cfg)
    exp2.started(cfg, session.run.path, 3)
    exp2.set_state("running")
    exp2.stepped(9)
    exp2.lost_process()
    assert exp2.state == "idle" and exp2.plan().action == "resume"


def test_presets_apply_while_the_data_settings_are_incomplete():
    exp = Experiment(tiny())
    exp.edit(**{"data.classes": []})            # no class ticked: an issue to show, not an exception
    assert any(i.field == "data.classes" for i in exp.issues())
    assert exp.preset_key == "custom"
    exp.choose_preset(DEFAULT_PRESET)
    assert exp.preset_key == DEFAULT_PRESET and exp.config.data.classes == []


def test_run_folder_grids_of_a_conditional_model_keep_each_digit_in_its_own_column(tmp_path, dataset):
    """samples/step_N.png is what a followed run and Compare show: the same columns as the window's grid."""
    from PIL import Image

    cfg = tiny()
    cfg = cfg.replace(model=cfg.model.replace(conditional=True))
    session = TrainingSession(cfg, tmp_path / "run", dataset=dataset)
    session.advance(2)
    snap = session.snapshot()
    k = session.trainer.grid_columns()
    assert k == len(set(session.trainer.fixed_labels.tolist())) and 1 < k <= 16
    h, w = snap.images.shape[1:3]
    png = Image.open(session.run.path / "samples" / f"step_{session.step:07d}.png")
    assert png.size[0] == k * (w + 2) + 2
    rows = -(-len(snap.images) // k)
    assert png.size[1] == rows * (h + 2) + 2
    assert TrainingSession(tiny(), tmp_path / "u", dataset=dataset).trainer.grid_columns() is None
