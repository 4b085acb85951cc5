"""A config field is described in ONE place (its dataclass metadata in core/config.py) and every form,
tooltip, check and translation lookup follows from that description."""

from __future__ import annotations

import dataclasses

import pytest

from gan_studio.app import i18n
from gan_studio.app.architecture_panel import ArchitecturePanel
from gan_studio.app.snapshot_timeline import BranchDialog
from gan_studio.core import config
from gan_studio.core.experiment import Experiment


@pytest.fixture
def warmup(monkeypatch):
    """A new training field, added the way a developer would: one `_f(...)` in the section's dataclass."""
    new_train = dataclasses.make_dataclass("TrainConfig", [("warmup", float, config._f(
        0.1, change=config.LIVE, branch=True, label="Warm-up", name="warm-up", widget=config.FLOAT, lo=0.0, hi=0.5,
        example="0.1", group="advanced",
        hint="Share of the steps over which the learning rates ramp up ({lo}–{hi}).")),
    ], bases=(config.TrainConfig,), frozen=True)
    monkeypatch.setitem(config.SECTIONS, "train", new_train)
    return Experiment(config.ExperimentConfig(train=new_train()))


def test_a_new_field_appears_in_the_panel_with_its_tooltip_and_validation(qtbot, warmup):
    panel = ArchitecturePanel(warmup)
    qtbot.addWidget(panel)
    edit = panel.form.editors["train.warmup"]
    assert panel.form.labels["train.warmup"].text() == "Warm-up"
    assert edit.text() == "0.1" and edit.placeholderText() == "0.1"
    assert edit.toolTip() == ("Share of the steps over which the learning rates ramp up (0–0.5). "
                              "Can be changed while training.")
    assert panel.advanced.content.isAncestorOf(edit)
    edit.setText("0.25")
    edit.editingFinished.emit()
    assert warmup.config.train.warmup == 0.25
    edit.setText("0.9")                                   # over the descriptor's limit: the core says so
    assert not panel.is_valid()
    assert panel.form.fields["train.warmup"].error() == "warm-up must be 0–0.5 (got 0.9)"
    warmup.started(warmup.config, None, 10)
    warmup.set_state("running")                           # LIVE: stays editable while training
    assert edit.isEnabled() and not panel.editor("model.latent_dim").isEnabled()


def test_a_new_field_a_branch_may_change_appears_in_the_branch_dialog(qtbot, warmup):
    dialog = BranchDialog(warmup.config, 100)
    qtbot.addWidget(dialog)
    assert list(dialog.form.editors)[-1] == "train.warmup" and dialog.form.labels["train.warmup"].text() == "Warm-up"
    dialog.warmup.setText("0.3")
    assert dialog.changes() == {"train.warmup": 0.3}


def test_a_new_field_is_collected_for_translation_and_its_messages_translate_by_key(warmup):
    texts = i18n.core_texts()
    assert {"Warm-up", "warm-up", "Share of the steps over which the learning rates ramp up ({lo}–{hi})."} <= set(texts)
    issue = next(i for i in warmup.config.replace(train=warmup.config.train.replace(warmup=0.9)).validate()
                 if i.field == "train.warmup")
    assert issue.message.template == "{label} must be {lo}–{hi} (got {value})"
    assert issue.message.args == {"label": "warm-up", "lo": "0", "hi": "0.5", "value": "0.9"}
    assert i18n.translate_message(issue.message) == "warm-up must be 0–0.5 (got 0.9)"


def test_a_field_a_branch_may_not_change_stays_out_of_the_branch_dialog(qtbot):
    dialog = BranchDialog(config.ExperimentConfig(), 1)
    qtbot.addWidget(dialog)
    assert set(dialog.form.editors) == {s.key for s in config.field_specs(branch=True)}
    assert "train.batch_size" not in dialog.form.editors and "train.lr_g" in dialog.form.editors


def test_the_dataset_panel_is_a_view_of_the_experiment_through_the_descriptors(qtbot):
    from gan_studio.app.dataset_panel import DatasetPanel

    exp = Experiment(config.ExperimentConfig(data=config.DataConfig(source="sample", classes=[1, 2])))
    panel = DatasetPanel(exp)
    qtbot.addWidget(panel)
    check = panel.folder_labels_check
    assert check.text() == "Sub-folders are classes" and check.toolTip() == config.field_spec("data.folder_labels").hint
    assert [panel.source_combo.itemData(i) for i in range(panel.source_combo.count())] == list(config.DATA_SOURCES)
    check.setChecked(False)                               # the panel's edit lands in the Experiment
    assert exp.config.data.folder_labels is False and exp.config.data.classes is None
    exp.edit(**{"data.folder_labels": True, "data.source": "kmnist"})    # the Experiment's change comes back
    assert check.isChecked() and panel.source_combo.currentData() == "kmnist" and panel.data_config() == exp.config.data
    panel.shutdown()
