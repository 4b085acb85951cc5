"""Runs as a person reads them: the preset's name and the start time, not a scratch folder's number."""

from __future__ import annotations

import json

from gan_studio.core.run_folders.runs import RunFolder, new_scratch_dir, run_title

from .helpers import tiny_config


def test_a_scratch_run_is_named_by_its_experiment_and_start_time(gs_home):
    folder = new_scratch_dir()
    run = RunFolder.create(folder, tiny_config().replace(name="seed-mlp"))
    info = json.loads((run.path / "run.json").read_text("utf-8"))
    info["created"] = "2026-12-06T06:01:31+0000"
    (run.path / "run.json").write_text(json.dumps(info), "utf-8")
    assert run_title(run.path) == "seed-mlp · 6 Dec 06:01"
    assert folder.name not in run_title(run.path)


def test_a_folder_the_user_named_keeps_its_name_and_an_unreadable_one_its_folder_name(gs_home, tmp_path):
    run = RunFolder.create(tmp_path / "my-lesson-run", tiny_config().replace(name="seed-mlp"))
    assert run_title(run.path) == "my-lesson-run"
    broken = new_scratch_dir()
    broken.mkdir(parents=True)
    (broken / "run.json").write_text("{not json", "utf-8")
    assert run_title(broken) == broken.name
