"""ExperimentLifecycle (gan_studio/app/lifecycle.py) on a real window, without a training process: what
each action does to the experiment, which question or message the user sees, and what it refuses."""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gan_studio.app import dialogs
from gan_studio.core.presets import DEFAULT_PRESET, get_preset
from gan_studio.core.run_folders.runs import scratch_root
from tests.core.test_compare import make_run


def _boxes(window) -> list[QMessageBox]:
    """The messages the window shows (dialogs.show_message / show_error: window-modal, not blocking)."""
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


@pytest.fixture
def answers(monkeypatch):
    """The save question answers from this list (first to last); the questions asked are recorded."""
    given: list[str] = []
    asked: list[tuple[int, str, bool]] = []

    def ask_save(parent, unsaved, why="", saved_before=False):
        asked.append((unsaved, why, saved_before))
        return given.pop(0)

    monkeypatch.setattr(dialogs, "ask_save", ask_save)
    return given, asked


def _as_trained(window, steps: int) -> None:
    """The experiment as if its networks were trained `steps` steps and never saved (no process)."""
    exp = window.experiment
    exp.started(exp.config)
    exp.stepped(steps)
    assert exp.dirty


def _checkpoint(folder, step: int):
    """A run folder with a checkpoint of `step` (run.json + weights), as a crash leaves it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "run.json").write_text(json.dumps({"step": step}), "utf-8")
    (folder / "weights.safetensors").write_bytes(b"weights")
    return folder


# ------------------------------------------------------------------ errors
def test_an_action_that_raises_shows_the_error_and_the_window_goes_on(qtbot, window, monkeypatch):
    def broken():
        raise RuntimeError("the panel broke")

    monkeypatch.setattr(window.arch_panel, "commit", broken)
    assert window.lifecycle.train() is None
    boxes = _boxes(window)
    assert [(b.windowTitle(), b.text()) for b in boxes] == [("Train failed", "the panel broke")]
    assert "RuntimeError" in boxes[0].detailedText()
    assert not window.experiment.active and window.experiment.trained is None


def test_train_with_problems_explains_them_and_starts_nothing(qtbot, window):
    exp = window.experiment
    exp.set_config(exp.config.replace(data=exp.config.data.replace(source="folder", path="")))
    assert window.lifecycle.train() is False
    boxes = _boxes(window)
    assert len(boxes) == 1 and boxes[0].windowTitle() == "The experiment has problems"
    assert "choose a folder of images" in boxes[0].text()
    assert exp.state == "idle" and exp.trained is None and window.controller.process_pid is None


# -------------------------------------------------------------------- save
def test_save_before_training_says_there_is_nothing_to_save(qtbot, window, tmp_path):
    bar = window.statusBar()
    assert window.lifecycle.save() is False
    assert bar.currentMessage() == "Nothing to save yet: train first"
    bar.clearMessage()
    assert window.lifecycle.save_as(tmp_path / "run") is False
    assert bar.currentMessage() == "Nothing to save yet: train first"
    assert not (tmp_path / "run").exists()


def test_saving_an_opened_unchanged_run_writes_nothing(qtbot, window, tmp_path):
    run = make_run(tmp_path / "run", steps=6)
    before = sorted(p.name for p in run.iterdir())
    assert window.lifecycle.open_run(run)
    assert window.lifecycle.save() is True
    assert window.statusBar().currentMessage() == "Nothing new to save: the opened run is unchanged"
    assert sorted(p.name for p in run.iterdir()) == before


def test_maybe_save_asks_only_when_trained_steps_are_unsaved(qtbot, window, answers):
    given, asked = answers
    assert window.lifecycle.maybe_save("Why.") is True and asked == []      # nothing trained: no question
    _as_trained(window, 30)
    given += ["cancel", "discard"]
    assert window.lifecycle.maybe_save("Why.") is False
    assert window.lifecycle.maybe_save("Why.") is True
    assert asked == [(30, "Why.", False)] * 2


def test_save_chosen_at_the_question_then_no_folder_keeps_the_window_as_it_was(qtbot, window, answers,
                                                                              monkeypatch):
    given, _ = answers
    _as_trained(window, 12)
    chosen = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: chosen.append(a[2]) or ("", "")))
    given.append("save")
    assert window.lifecycle.maybe_save() is False                 # Save → the folder dialog → cancelled
    assert len(chosen) == 1 and os.path.basename(chosen[0]).startswith(window.experiment.config.name + "-")
    assert window.experiment.dirty and window.experiment.step == 12


# -------------------------------------------------------------- new / open
def test_new_experiment_keeps_the_data_and_starts_from_the_default(qtbot, window, answers):
    given, asked = answers
    exp = window.experiment
    data = exp.config.data
    _as_trained(window, 5)
    given.append("cancel")
    edited = exp.config
    window.lifecycle.new_experiment()
    assert exp.config == edited and exp.step == 5                    # Cancel: nothing changed
    given.append("discard")
    window.lifecycle.new_experiment()
    assert len(asked) == 2
    assert exp.config == get_preset(DEFAULT_PRESET).config().replace(data=data)
    assert exp.step == 0 and exp.trained is None and not exp.dirty
    assert window.statusBar().currentMessage() == "New experiment"


def test_opening_a_run_shows_its_history_and_train_resumes_it(qtbot, window, tmp_path):
    run = make_run(tmp_path / "mine", steps=20, grid_every=5)
    assert window.lifecycle.open_run(run)
    exp = window.experiment
    assert exp.run_path == run and exp.step == 20 and exp.plan().action == "resume" and not exp.dirty
    assert window.train_tab.plots.curve_points("loss_d") == 20
    assert window.train_tab.grid.history_steps() == [5, 10, 15, 20]
    assert window.settings.recent_runs()[0] == str(run)
    assert window.status.text("step") == "step 20"
    assert window.statusBar().currentMessage().startswith(f"Opened {run} at step 20.")


def test_a_run_that_cannot_be_opened_is_explained_and_forgotten(qtbot, window, tmp_path):
    bad = tmp_path / "not-a-run"
    bad.mkdir()
    window.settings.add_recent_run(bad)
    config = window.experiment.config
    assert window.lifecycle.open_run(bad) is False
    boxes = _boxes(window)
    assert len(boxes) == 1 and boxes[0].windowTitle() == "This run cannot be opened"
    assert str(bad) not in window.settings.recent_runs()
    assert window.experiment.config == config and window.experiment.run_path is None


def test_export_setup_fills_in_the_lesson_a_class_reads_not_the_presets_description(qtbot, window, tmp_path):
    """Issue 26: the lesson field was pre-filled with the preset's technical description."""
    from gan_studio.app.learn.lessons import lessons
    from gan_studio.core.setup import read_setup

    exp = window.experiment
    lesson = next(ls for ls in lessons() if ls.preset == "seed-mlp")
    exp.set_config(get_preset("seed-mlp").config().replace(data=exp.config.data))
    path = window.lifecycle.export_setup(tmp_path / "shared", notes="for Tuesday")
    setup = read_setup(path)
    assert path == tmp_path / "shared.json"
    assert (setup.title, setup.lesson, setup.notes) == (lesson.title, lesson.watch, "for Tuesday")
    assert setup.config == exp.config
    # a preset no lesson uses: its title, and no lesson text to delete
    from gan_studio.core.presets import load_presets

    taught = {ls.preset for ls in lessons()}
    preset = next(p for p in load_presets() if p.key not in taught)
    exp.set_config(preset.config().replace(data=exp.config.data))
    setup = read_setup(window.lifecycle.export_setup(tmp_path / "plain"))
    assert (setup.title, setup.lesson) == (preset.title, "")
    assert preset.description not in setup.lesson


def test_an_opened_setup_names_the_window_until_a_new_experiment(qtbot, window, tmp_path):
    from gan_studio.core.setup import Setup, write_setup

    exp = window.experiment
    path = tmp_path / "class.json"
    write_setup(path, Setup(get_preset("seed-mlp").config().replace(data=exp.config.data), title="Tuesday's class"))
    assert "Untitled experiment" in window.windowTitle()
    assert window.lifecycle.open_setup(path)
    assert window.windowTitle().startswith("Tuesday's class")
    window.lifecycle.new_experiment()
    assert "Untitled experiment" in window.windowTitle()


# ------------------------------------------------------------------ faults
def test_a_dead_process_rolls_back_to_the_last_save_and_offers_to_continue(qtbot, window, tmp_path):
    exp = window.experiment
    run = _checkpoint(tmp_path / "run", step=7)
    exp.started(exp.config, run_path=run, step=12)
    window.lifecycle.on_process_died("The training process ended.")
    assert exp.step == 7
    banner = window.banner
    assert banner.isVisible() and "last saved at step 7" in banner.label.text()
    assert banner.action_button.isVisible() and banner.action_button.text() == "Continue from the last save"


def test_a_dead_process_that_saved_nothing_says_so_without_an_action(qtbot, window):
    exp = window.experiment
    exp.started(exp.config, step=12)
    window.lifecycle.on_process_died("The training process ended.")
    banner = window.banner
    assert banner.isVisible() and "nothing of this run had been saved yet" in banner.label.text()
    assert not banner.action_button.isVisible()
    assert exp.step == 12


def test_runs_left_behind_are_offered_newest_first_and_discarding_one_offers_the_next(qtbot, window):
    root = scratch_root()
    old = _checkpoint(root / "old", step=3)
    new = _checkpoint(root / "new", step=9)
    (root / "no-weights").mkdir()
    (root / "no-weights" / "run.json").write_text('{"step": 5}')
    _checkpoint(root / "step-zero", step=0)
    os.utime(old, (1_000_000, 1_000_000))
    os.utime(new, (2_000_000, 2_000_000))
    assert [(p.name, step) for p, step, _ in window.lifecycle.left_behind()] == [("new", 9), ("old", 3)]
    window.lifecycle.offer_recovery()
    banner = window.banner
    assert "9 steps" in banner.label.text() and "1 more" in banner.label.text()
    banner.second_button.click()                                    # Discard it
    assert not new.exists() and old.exists()
    assert "3 steps" in banner.label.text() and "more" not in banner.label.text()
    assert window.statusBar().currentMessage() == "Discarded the unsaved run new"


def test_lower_rates_halves_both_learning_rates_down_to_a_floor(qtbot, window):
    exp = window.experiment
    exp.edit(**{"train.lr_g": 4e-4, "train.lr_d": 1.5e-7})
    window.lifecycle.lower_rates_and_resume()
    assert (exp.config.train.lr_g, exp.config.train.lr_d) == (pytest.approx(2e-4), pytest.approx(1e-7))
    assert window.statusBar().currentMessage() == "Learning rates lowered to G 0.0002 / D 1e-07"


# ------------------------------------------------------------------- close
def test_closing_with_unsaved_steps_asks_and_cancel_keeps_the_window(qtbot, window, answers):
    given, asked = answers
    _as_trained(window, 40)
    given.append("cancel")
    assert window.lifecycle.close() is False
    assert asked == [(40, "", False)] and window.experiment.step == 40
    given.append("discard")
    assert window.lifecycle.close() is True
    assert window.experiment.trained is None and window.experiment.step == 0    # discarded


def test_closing_with_nothing_trained_asks_nothing(qtbot, window, answers):
    _, asked = answers
    assert window.lifecycle.close() is True
    assert asked == []
