"""ArchitecturePanel with real widgets (offscreen): presets, validation, counts, live hyper-parameters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gan_studio.app.architecture_panel import ArchitecturePanel
from gan_studio.core.config import DataConfig, ExperimentConfig
from gan_studio.core.models import build_discriminator, build_generator, parameter_count
from gan_studio.core.presets import DEFAULT_PRESET, get_preset, load_presets


@pytest.fixture
def panel(qtbot):
    p = ArchitecturePanel()
    qtbot.addWidget(p)
    p.resize(360, 1000)
    return p


def _presets_train_subset(t):
    return {k: getattr(t, k) for k in ("loss", "lr_g", "lr_d", "beta1", "beta2", "batch_size", "d_steps",
                                       "gp_weight", "ema", "seed")}


def test_default_preset_fills_fields(panel):
    assert panel.preset_key() == DEFAULT_PRESET
    cfg = get_preset(DEFAULT_PRESET).config()
    assert panel.model_config() == cfg.model
    assert panel.train_config() == cfg.train
    assert panel.latent_spin.value() == cfg.model.latent_dim
    assert panel.is_valid() and panel.issues() == []
    assert panel.device() == "auto"
    assert panel.preset_description.text() == get_preset(DEFAULT_PRESET).description


@pytest.mark.parametrize("preset", load_presets(), ids=lambda p: p.key)
def test_each_preset_sets_configs(panel, qtbot, preset):
    other = next(p for p in load_presets() if p.key != preset.key)
    panel.choose_preset(other.key)
    idx = panel.preset_combo.findData(preset.key)
    with qtbot.waitSignal(panel.configChanged):
        panel.preset_combo.activated.emit(idx)   # what a user's pick in the combo sends
    want = preset.config(DataConfig())
    assert panel.preset_key() == preset.key
    assert panel.model_config() == want.model
    assert panel.train_config() == want.train
    assert panel.is_valid()
    # the depth row is only visible for the MLP
    assert panel._model_form.isRowVisible(panel._fields["model.depth"]) == (want.model.arch == "mlp")


def test_editing_switches_to_custom(panel):
    panel.g_width_spin.setValue(48)
    assert panel.preset_key() == "custom"
    assert panel.base_preset_key() == DEFAULT_PRESET
    title = get_preset(DEFAULT_PRESET).title
    assert panel.preset_combo.currentText() == f"Custom (based on {title})"
    panel.g_width_spin.setValue(get_preset(DEFAULT_PRESET).model["g_width"])   # back to the preset's value
    assert panel.preset_key() == DEFAULT_PRESET
    assert panel.preset_combo.findData("custom") == -1


def test_invalid_latent_size_is_shown_and_fixable(panel, qtbot):
    with qtbot.waitSignal(panel.validityChanged) as sig:
        panel.latent_spin.setValue(0)
    assert sig.args == [False]
    assert not panel.is_valid()
    field = panel._fields["model.latent_dim"]
    assert "latent size" in field.error()
    assert field.error_label.isVisibleTo(panel) and "latent size" in field.error_label.text()
    assert "latent size" in panel.latent_spin.toolTip()
    assert any(i.field == "model.latent_dim" for i in panel.issues())
    with qtbot.waitSignal(panel.validityChanged) as sig:
        panel.latent_spin.setValue(32)
    assert sig.args == [True]
    assert panel.is_valid() and field.error() is None and not field.error_label.isVisibleTo(panel)


def test_unparsable_learning_rate_is_an_issue(panel, qtbot):
    panel.lr_g_edit.setText("fast")
    assert not panel.is_valid()
    assert "number" in panel._fields["train.lr_g"].error()
    panel.lr_g_edit.setText("3e-4")
    assert panel.is_valid()
    assert panel.train_config().lr_g == pytest.approx(3e-4)


def test_cross_field_rule_is_shown(panel):
    panel.choose_preset("wgan-gp")
    panel.d_norm_combo.setCurrentIndex(panel.d_norm_combo.findData("batch"))
    assert not panel.is_valid()
    assert "WGAN-GP" in panel._fields["model.d_norm"].error()


def test_parameter_count_follows_widths(panel, qtbot):
    before = panel.param_label.text()
    g0, _ = panel.parameter_counts()
    panel.g_width_spin.setValue(64)
    panel.d_width_spin.setValue(48)
    qtbot.waitUntil(lambda: panel.parameter_counts() is not None and panel.parameter_counts()[0] != g0,
                    timeout=3000)
    model = panel.model_config()
    g, d = panel.parameter_counts()
    assert g == parameter_count(build_generator(model))
    assert d == parameter_count(build_discriminator(model))
    assert panel.param_label.text() != before
    assert f"{g:,}" in panel.param_label.toolTip()


def _training(panel):
    """Put the panel's Experiment in the state of a running training process."""
    exp = panel.experiment
    exp.started(exp.config, None, 10)
    exp.set_state("running")
    return exp


def test_running_keeps_only_live_fields_editable(panel, qtbot):
    exp = _training(panel)
    assert not panel.latent_spin.isEnabled()
    assert not panel.arch_combo.isEnabled() and not panel.batch_spin.isEnabled()
    assert not panel.preset_combo.isEnabled()
    assert panel.lr_g_edit.isEnabled() and panel.lr_d_edit.isEnabled() and panel.loss_combo.isEnabled()
    assert panel.beta1_edit.isEnabled() and panel.d_steps_spin.isEnabled()

    sent: list[dict] = []
    exp.liveChanged.connect(sent.append)
    panel.lr_g_edit.clear()
    qtbot.keyClicks(panel.lr_g_edit, "3e-4")
    assert sent == []                        # a text field sends once editing is finished
    qtbot.keyClick(panel.lr_g_edit, Qt.Key.Key_Return)
    assert sent == [{"lr_g": pytest.approx(3e-4)}]
    assert exp.trained.train.lr_g == pytest.approx(3e-4)

    panel.d_steps_spin.setValue(2)
    assert sent[-1] == {"d_steps": 2}

    # an invalid value is never sent
    panel.lr_d_edit.setText("5")
    panel.lr_d_edit.editingFinished.emit()
    assert len(sent) == 2

    exp.set_state("idle")
    assert panel.latent_spin.isEnabled() and panel.preset_combo.isEnabled()


def test_edits_after_stop_say_what_train_will_do(panel):
    exp = _training(panel)
    exp.set_state("idle")
    assert panel.pending_note.isHidden()
    panel.gp_edit.setText("5")
    panel.gp_edit.editingFinished.emit()
    assert exp.plan().action == "continue" and "train.gp_weight" in exp.plan().applies
    assert "Applies on Continue" in panel.pending_note.text() and "gp_weight" in panel.pending_note.text()
    panel.g_width_spin.setValue(24)
    assert exp.plan().action == "new"
    assert "model.g_width" in panel.pending_note.text() and "new one" in panel.pending_note.text()
    panel.g_width_spin.setValue(exp.trained.model.g_width)
    assert exp.plan().action == "continue"


def test_set_experiment_round_trip(panel):
    cfg = get_preset("wgan-gp").config(DataConfig())
    panel.set_experiment(cfg)
    assert panel.preset_key() == "wgan-gp"
    assert panel.model_config() == cfg.model and panel.train_config() == cfg.train
    custom = ExperimentConfig(model=cfg.model.replace(latent_dim=96), train=cfg.train.replace(seed=7),
                              preset="wgan-gp")
    panel.set_experiment(custom)
    assert panel.preset_key() == "custom"
    assert panel.model_config() == custom.model and panel.train_config() == custom.train
