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
    assert panel.editor("model.latent_dim").value() == cfg.model.latent_dim
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
    assert panel._model_form.isRowVisible(panel.form.fields["model.depth"]) == (want.model.arch == "mlp")


def test_editing_switches_to_custom(panel):
    panel.editor("model.g_width").setValue(48)
    assert panel.preset_key() == "custom"
    assert panel.experiment.base_preset == DEFAULT_PRESET
    title = get_preset(DEFAULT_PRESET).title
    assert panel.preset_combo.currentText() == f"Custom (based on {title})"
    panel.editor("model.g_width").setValue(get_preset(DEFAULT_PRESET).model["g_width"])   # back to the preset's value
    assert panel.preset_key() == DEFAULT_PRESET
    assert panel.preset_combo.findData("custom") == -1


def test_invalid_ema_is_shown_and_fixable(panel, qtbot):
    panel.advanced.set_expanded(True)
    with qtbot.waitSignal(panel.validityChanged) as sig:
        panel.editor("train.ema").setText("0.2")
    assert sig.args == [False]
    assert not panel.is_valid()
    field = panel.form.fields["train.ema"]
    assert "EMA decay" in field.error()
    assert field.error_label.isVisibleTo(panel) and "EMA decay" in field.error_label.text()
    assert "EMA decay" in panel.editor("train.ema").toolTip()
    assert any(i.field == "train.ema" for i in panel.issues())
    with qtbot.waitSignal(panel.validityChanged) as sig:
        panel.editor("train.ema").setText("0.999")
    assert sig.args == [True]
    assert panel.is_valid() and field.error() is None and not field.error_label.isVisibleTo(panel)


def test_spin_boxes_stop_at_the_validation_limits_and_tooltips_state_them(panel):
    assert (panel.editor("model.latent_dim").minimum(), panel.editor("model.latent_dim").maximum()) == (1, 1024)
    assert (panel.threads_spin.minimum(), panel.threads_spin.maximum()) == (0, 256)   # validation refuses 257
    assert (panel.editor("model.depth").minimum(), panel.editor("model.depth").maximum()) == (1, 6)
    assert panel.editor("train.batch_size").singleStep() == 16
    panel.editor("model.latent_dim").setValue(5000)
    assert panel.editor("model.latent_dim").value() == 1024
    assert panel.model_config().latent_dim == 1024 and panel.is_valid()
    assert "(1–1024)" in panel.editor("model.latent_dim").toolTip()
    lr_tip = panel.editor("train.lr_g").toolTip()
    assert "(1e-7–1)" in lr_tip and "Can be changed while training." in lr_tip
    assert "Can be changed while training." not in panel.editor("model.latent_dim").toolTip()       # a RESTART field


def test_the_widest_models_count_without_overflow(panel, qtbot):
    """Counts past a C int (2**31) reach listeners as Python ints, not an OverflowError in the signal."""
    seen = []
    panel.parameterCountsChanged.connect(lambda g, d: seen.append((g, d)))
    panel.editor("model.arch").setCurrentIndex(panel.editor("model.arch").findData("mlp"))
    panel.editor("model.conditional").setChecked(False)
    panel.editor("model.depth").setValue(6)
    panel.editor("model.g_width").setValue(2048)
    panel.editor("model.d_width").setValue(2048)
    panel._recount()
    g, d = panel.parameter_counts()
    assert g > 2**31 and seen[-1] == (g, d)


def test_unparsable_learning_rate_is_an_issue(panel, qtbot):
    panel.editor("train.lr_g").setText("fast")
    assert not panel.is_valid()
    assert "number" in panel.form.fields["train.lr_g"].error()
    panel.editor("train.lr_g").setText("3e-4")
    assert panel.is_valid()
    assert panel.train_config().lr_g == pytest.approx(3e-4)


def test_cross_field_rule_is_shown(panel):
    panel.choose_preset("wgan-gp")
    panel.editor("model.d_norm").setCurrentIndex(panel.editor("model.d_norm").findData("batch"))
    assert not panel.is_valid()
    assert "WGAN-GP" in panel.form.fields["model.d_norm"].error()


def test_parameter_count_follows_widths(panel, qtbot):
    before = panel.param_label.text()
    g0, _ = panel.parameter_counts()
    panel.editor("model.g_width").setValue(64)
    panel.editor("model.d_width").setValue(48)
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
    assert not panel.editor("model.latent_dim").isEnabled()
    assert not panel.editor("model.arch").isEnabled() and not panel.editor("train.batch_size").isEnabled()
    assert not panel.preset_combo.isEnabled()
    assert all(panel.editor(k).isEnabled() for k in ("train.lr_g", "train.lr_d", "train.loss"))
    assert panel.editor("train.beta1").isEnabled() and panel.editor("train.d_steps").isEnabled()

    sent: list[dict] = []
    exp.liveChanged.connect(sent.append)
    panel.editor("train.lr_g").clear()
    qtbot.keyClicks(panel.editor("train.lr_g"), "3e-4")
    assert sent == []                        # a text field sends once editing is finished
    qtbot.keyClick(panel.editor("train.lr_g"), Qt.Key.Key_Return)
    assert sent == [{"train.lr_g": pytest.approx(3e-4)}]
    assert exp.trained.train.lr_g == pytest.approx(3e-4)

    # the default's simultaneous updates take one D step per G step: two are refused, with the way out named
    assert exp.trained.train.updates == "simultaneous" and panel.editor("train.updates").isEnabled()
    panel.editor("train.d_steps").setValue(2)
    assert len(sent) == 1
    assert "alternating" in panel.form.fields["train.d_steps"].error()
    panel.editor("train.updates").setCurrentIndex(panel.editor("train.updates").findData("alternating"))
    assert sent[-1] == {"train.updates": "alternating", "train.d_steps": 2}
    assert exp.trained.train.updates == "alternating" and exp.trained.train.d_steps == 2
    assert panel.form.fields["train.d_steps"].error() is None

    # an invalid value is never sent
    panel.editor("train.lr_d").setText("5")
    panel.editor("train.lr_d").editingFinished.emit()
    assert len(sent) == 2

    exp.set_state("idle")
    assert panel.editor("model.latent_dim").isEnabled() and panel.preset_combo.isEnabled()


def test_edits_after_stop_say_what_train_will_do(panel):
    exp = _training(panel)
    exp.set_state("idle")
    assert panel.pending_note.isHidden()
    panel.editor("train.gp_weight").setText("5")
    panel.editor("train.gp_weight").editingFinished.emit()
    assert exp.plan().action == "continue" and "train.gp_weight" in exp.plan().applies
    assert "Applies on Continue" in panel.pending_note.text() and "gradient penalty" in panel.pending_note.text()
    panel.editor("model.g_width").setValue(24)
    assert exp.plan().action == "new"
    assert "generator width" in panel.pending_note.text() and "new one" in panel.pending_note.text()
    panel.editor("model.g_width").setValue(exp.trained.model.g_width)
    assert exp.plan().action == "continue"


def test_the_panel_shows_the_experiments_config(panel):
    cfg = get_preset("wgan-gp").config(DataConfig())
    panel.experiment.set_config(cfg)
    assert panel.preset_key() == "wgan-gp"
    assert panel.model_config() == cfg.model and panel.train_config() == cfg.train
    custom = ExperimentConfig(model=cfg.model.replace(latent_dim=96), train=cfg.train.replace(seed=7),
                              preset="wgan-gp")
    panel.experiment.set_config(custom)
    assert panel.preset_key() == "custom"
    assert panel.model_config() == custom.model and panel.train_config() == custom.train


# ------------------------------------------------------------------ wheel over a scrolled panel

def _wheel(widget, notches: int = -3) -> None:
    """Turn the mouse wheel over the middle of `widget` (negative: towards the user = scroll down)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = QPointF(widget.width() / 2, widget.height() / 2)
    glob = QPointF(widget.mapToGlobal(pos.toPoint()))
    for _ in range(abs(notches)):
        ev = QWheelEvent(pos, glob, QPoint(0, 0), QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                         Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, ev)


@pytest.fixture
def scrolled_panel(qtbot):
    from gan_studio.app.widgets import scroll_panel

    p = ArchitecturePanel()
    p.advanced.set_expanded(True)
    scroll = scroll_panel(p, 340)
    qtbot.addWidget(scroll)
    scroll.resize(380, 300)          # much shorter than the panel: it scrolls
    scroll.show()
    qtbot.waitExposed(scroll)
    return p, scroll


def test_wheel_over_unfocused_fields_scrolls_the_panel_and_changes_nothing(scrolled_panel):
    panel, scroll = scrolled_panel
    before = (panel.model_config(), panel.train_config(), panel.preset_key())
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    scroll.setFocus()
    for widget in (panel.editor("model.g_width"), panel.editor("train.loss"), panel.preset_combo, panel.editor("train.seed")):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus     # the wheel does not give focus
        if widget.hasFocus():
            widget.clearFocus()
        start = bar.value()
        _wheel(widget, -3)
        assert not widget.hasFocus()
        assert bar.value() > start, f"the panel did not scroll under {widget.objectName() or type(widget)}"
        bar.setValue(0)
    _wheel(panel.editor("model.latent_dim"), 3)
    assert (panel.model_config(), panel.train_config(), panel.preset_key()) == before


def test_wheel_over_a_focused_field_changes_it(scrolled_panel, qtbot):
    panel, scroll = scrolled_panel
    scroll.activateWindow()
    panel.editor("model.g_width").setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(panel.editor("model.g_width").hasFocus)
    width = panel.editor("model.g_width").value()
    _wheel(panel.editor("model.g_width"), 1)
    assert panel.editor("model.g_width").value() == width + panel.editor("model.g_width").singleStep()
    assert panel.model_config().g_width == width + panel.editor("model.g_width").singleStep()
    panel.editor("train.loss").setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.editor("train.loss").hasFocus)
    index = panel.editor("train.loss").currentIndex()
    _wheel(panel.editor("train.loss"), -1)
    assert panel.editor("train.loss").currentIndex() == index + 1


def test_no_class_ticked_does_not_break_the_panel(panel):
    """Found by the monkey test: Dataset ▸ None (classes=[]) made every edit raise ConfigError from the
    preset comparison, and choosing a preset too.  Presets decide no data field, so both work."""
    exp = panel.experiment
    exp.set_config(exp.config.replace(data=exp.config.data.replace(classes=[])))
    panel.editor("model.g_width").setValue(panel.editor("model.g_width").value() + 8)
    assert panel.model_config().g_width == exp.config.model.g_width
    assert panel.preset_key() == "custom"
    shown = panel.preset_combo.findData(exp.base_preset)
    other = (shown + 1) % len(load_presets())
    panel.preset_combo.setCurrentIndex(other)
    panel.preset_combo.activated.emit(other)
    assert panel.preset_key() == panel.preset_combo.itemData(other)
    assert exp.config.data.classes == []
