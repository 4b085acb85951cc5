"""The Training box's target: its kinds and bounds are core's (`TRAIN_TARGETS` and the target fields'
descriptors), the same the CLI's --steps / --seconds take."""

import pytest

from gan_studio.app.training_controls import TrainingControls
from gan_studio.core.config import TRAIN_TARGETS, field_spec


@pytest.fixture
def controls(qtbot):
    w = TrainingControls()
    qtbot.addWidget(w)
    return w


def test_the_target_kinds_and_bounds_are_cores(controls):
    combo, spin = controls.target_combo, controls.target_spin
    assert [combo.itemData(i) for i in range(combo.count())] == [k.key for k in TRAIN_TARGETS]
    assert TRAIN_TARGETS[0].field is None          # the first: until stopped (New experiment picks index 0)
    combo.setCurrentIndex(combo.findData("steps"))
    assert (spin.minimum(), spin.maximum()) == (1, field_spec("train.max_steps").hi)
    spin.setValue(1234)
    assert controls.target() == (1234, 0.0)
    combo.setCurrentIndex(combo.findData("minutes"))
    assert (spin.minimum(), spin.maximum()) == (1, int(field_spec("train.max_seconds").hi // 60))
    spin.setValue(7)
    assert controls.target() == (0, 420.0)
    spin.setValue(spin.maximum() + 10)               # held to the time target's bound
    assert controls.target()[1] <= field_spec("train.max_seconds").hi
    combo.setCurrentIndex(combo.findData("none"))
    assert controls.target() == (0, 0.0) and not spin.isEnabled()


def test_set_target_steps_picks_the_kind(controls):
    controls.set_target_steps(25)
    assert controls.target_combo.currentData() == "steps" and controls.target() == (25, 0.0)
    controls.set_target_steps(0)
    assert controls.target() == (0, 0.0)
