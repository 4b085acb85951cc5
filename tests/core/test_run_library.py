"""The runs on disk (core/run_folders/library.py): listed with their kind, size and checkpoint step; renamed
with a checked name; deleted with the bytes freed; a run a live process holds is never touched."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timezone

import pytest

from gan_studio.core.run_folders import library
from gan_studio.core.run_folders.library import (AUTOSAVE, LEFTOVER, SAVED, UNSAVED, check_name, delete_runs,
                                                 list_runs, rename_run)
from gan_studio.core.run_folders.runlock import RunLock
from gan_studio.core.run_folders.runs import RunError, RunFolder, new_scratch_dir, run_title, scratch_root
from gan_studio.paths import runs_dir

from .helpers import tiny_config


def make_run(path, name="seed-mlp", step=None, weight_bytes=0, created="2026-12-06T06:01:31+0000"):
    """A run folder; with `step`, a fake checkpoint of `weight_bytes` bytes at that step."""
    run = RunFolder.create(path, tiny_config().replace(name=name))
    info = json.loads((run.path / "run.json").read_text("utf-8"))
    info["created"] = created
    if step is not None:
        info["step"] = step
        (run.path / "weights.safetensors").write_bytes(b"w" * weight_bytes)
    (run.path / "run.json").write_text(json.dumps(info), "utf-8")
    return run.path


def total_bytes(folder):
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


@pytest.fixture
def runs(gs_home):
    """One run of every kind: saved, autosave, unsaved (checkpoint), leftover (no checkpoint, and one with
    not even a run.json), plus a folder that is not a run."""
    root = runs_dir()
    out = {
        "saved": make_run(root / "my lesson", name="seed-dcgan", step=1200, weight_bytes=5000),
        "autosave": make_run(root / "autosave-seed-mlp-20261206-070000", step=300, weight_bytes=3000),
        "unsaved": make_run(new_scratch_dir(), step=40, weight_bytes=700),
    }
    out["leftover"] = make_run(new_scratch_dir())
    bare = new_scratch_dir()
    bare.mkdir(parents=True)
    out["bare"] = bare
    (root / "not-a-run").mkdir()
    (root / "not-a-run" / "notes.txt").write_text("mine", "utf-8")
    return out


def by_path(entries):
    return {e.path: e for e in entries}


def test_every_run_is_listed_with_its_kind_step_size_and_preset(runs):
    entries = by_path(list_runs())
    assert set(entries) == {runs[k] for k in ("saved", "autosave", "unsaved", "leftover", "bare")}
    assert runs_dir() / "not-a-run" not in entries and scratch_root() not in entries
    saved, auto, unsaved, left, bare = (entries[runs[k]] for k in ("saved", "autosave", "unsaved", "leftover",
                                                                    "bare"))
    assert [saved.kind, auto.kind, unsaved.kind, left.kind, bare.kind] == [SAVED, AUTOSAVE, UNSAVED, LEFTOVER,
                                                                           LEFTOVER]
    assert (saved.step, auto.step, unsaved.step, left.step, bare.step) == (1200, 300, 40, None, None)
    assert saved.title == "my lesson" and saved.preset == "seed-dcgan"
    assert unsaved.title == run_title(runs["unsaved"]) == "seed-mlp · 6 Dec 06:01"
    assert left.preset == "seed-mlp" and bare.preset == ""
    for key in ("saved", "autosave", "unsaved", "leftover"):
        assert entries[runs[key]].size == total_bytes(runs[key]) > 0
    assert saved.size >= 5000 and bare.size == 0
    assert saved.created == datetime(2026, 12, 6, 6, 1, 31, tzinfo=timezone.utc).timestamp()
    assert not any(e.held for e in entries.values())
    assert [e.cleanable for e in (saved, auto, unsaved, left, bare)] == [False, False, True, True, True]


def test_a_scratch_run_a_live_process_holds_is_unsaved_and_not_cleanable(runs):
    with RunLock(runs["leftover"]):          # this process holds it: training, no checkpoint yet
        entry = by_path(list_runs())[runs["leftover"]]
        assert entry.held and entry.kind == UNSAVED and not entry.cleanable
        assert str(os.getpid()) in entry.holder
    assert by_path(list_runs())[runs["leftover"]].kind == LEFTOVER


def test_the_listing_reports_progress_and_stops_when_cancelled(runs):
    seen = []
    assert len(list_runs(progress=lambda d, t: seen.append((d, t)))) == 5
    assert seen == [(i, 5) for i in range(1, 6)]
    assert list_runs(cancelled=lambda: True) == []


@pytest.mark.parametrize("name, why", [
    ("", "Type a name"), ("   ", "Type a name"), ("a/b", "cannot contain /"), ("a\\b", "cannot contain \\"),
    ("what?", "cannot contain ?"), ('say "hi"', 'cannot contain "'), ("tab\there", "cannot contain \\x09"),
    (".hidden", "start with a dot"), ("lesson.", "end with a dot"), ("CON", "reserves"), ("lpt1.txt", "reserves"),
    ("x" * 101, "at most 100 characters"), ("数" * 70, "at most 100 characters"),
])
def test_a_bad_name_is_refused_saying_why(name, why):
    with pytest.raises(RunError) as err:
        check_name(name)
    assert why in str(err.value)


def test_a_good_name_is_kept_without_surrounding_spaces():
    assert check_name("  Lesson 1 – 数字 (β1 0.5)  ") == "Lesson 1 – 数字 (β1 0.5)"


def test_rename_renames_a_saved_run_in_place(runs):
    before = total_bytes(runs["saved"])
    result = rename_run(runs["saved"], "  workshop lesson 1 ")
    assert result.path == runs_dir() / "workshop lesson 1"
    assert not runs["saved"].exists() and total_bytes(result.path) == before
    assert RunFolder.open(result.path).step == 1200
    assert by_path(list_runs())[result.path].kind == SAVED


def test_renaming_a_scratch_run_saves_it_in_the_runs_folder(runs):
    result = rename_run(runs["unsaved"], "kept")
    assert result.path == runs_dir() / "kept" and not runs["unsaved"].exists()
    entry = by_path(list_runs())[result.path]
    assert entry.kind == SAVED and entry.step == 40 and entry.title == "kept"


def test_rename_refuses_a_taken_name_and_leaves_both_runs(runs):
    with pytest.raises(RunError, match="already exists"):
        rename_run(runs["autosave"], "my lesson")
    with pytest.raises(RunError, match="already exists"):
        rename_run(runs["autosave"], "not-a-run")
    assert runs["autosave"].is_dir() and (runs["saved"] / "run.json").is_file()


def test_rename_refuses_a_run_a_live_process_holds(runs):
    with RunLock(runs["saved"]):
        with pytest.raises(RunError, match="being trained by process"):
            rename_run(runs["saved"], "elsewhere")
    assert runs["saved"].is_dir() and not (runs_dir() / "elsewhere").exists()


def test_rename_to_its_own_name_changes_nothing(runs):
    assert rename_run(runs["saved"], "my lesson").path == runs["saved"] and runs["saved"].is_dir()


def test_children_follow_their_renamed_parent_and_still_open(runs):
    child = make_run(runs_dir() / "branch", step=10, weight_bytes=10)
    held_child = make_run(runs_dir() / "branch-training", step=10, weight_bytes=10)
    for c in (child, held_child):
        info = json.loads((c / "run.json").read_text("utf-8"))
        info["lineage"] = {"parent": str(runs["saved"].resolve()), "parent_step": 600, "changes": {}}
        (c / "run.json").write_text(json.dumps(info), "utf-8")
    with RunLock(held_child):
        result = rename_run(runs["saved"], "parent renamed")
    assert result.children_updated == [child] and result.children_skipped == [held_child]
    lin = json.loads((child / "run.json").read_text("utf-8"))["lineage"]
    assert lin == {"parent": str((runs_dir() / "parent renamed").resolve()), "parent_step": 600, "changes": {}}
    assert RunFolder.open(child).step == 10 and RunFolder.open(held_child).step == 10


def test_delete_removes_the_runs_and_counts_the_bytes_freed(runs):
    expected = total_bytes(runs["leftover"]) + total_bytes(runs["autosave"])
    result = delete_runs([runs["leftover"], runs["autosave"]])
    assert result.deleted == [runs["leftover"], runs["autosave"]] and result.failures == []
    assert result.freed == expected > 3000
    assert not runs["leftover"].exists() and not runs["autosave"].exists()
    assert runs["saved"].is_dir() and runs["unsaved"].is_dir()


def test_delete_refuses_a_live_held_run_and_deletes_the_rest(runs):
    with RunLock(runs["unsaved"]):
        result = delete_runs([runs["unsaved"], runs["bare"]])
    assert result.deleted == [runs["bare"]] and not runs["bare"].exists()
    assert runs["unsaved"].is_dir() and (runs["unsaved"] / "weights.safetensors").is_file()
    [(path, why)] = result.failures
    assert path == runs["unsaved"] and "being trained by process" in why and "Error" not in why


def test_delete_leaves_folders_that_are_not_runs_of_the_library_alone(runs, tmp_path):
    outside = make_run(tmp_path / "elsewhere", step=1, weight_bytes=1)
    result = delete_runs([runs_dir() / "not-a-run", outside, runs_dir()])
    assert result.deleted == [] and result.freed == 0 and len(result.failures) == 3
    assert (runs_dir() / "not-a-run" / "notes.txt").is_file() and outside.is_dir()
    assert all("left alone" in why for _, why in result.failures)


def test_a_folder_that_cannot_be_removed_is_reported_in_plain_words(runs, monkeypatch):
    def partly(path, errors):        # removes the weights, then the disk refuses the rest
        (path / "weights.safetensors").unlink()
        errors.append(PermissionError(errno.EACCES, "Permission denied", str(path / "run.json")))

    monkeypatch.setattr(library, "_remove_tree", partly)
    result = delete_runs([runs["saved"]])
    [(path, why)] = result.failures
    assert path == runs["saved"] and why == "my lesson could not be deleted completely: no permission to write there"
    assert result.deleted == [] and result.freed == 5000 and (runs["saved"] / "run.json").is_file()


def test_listing_100_runs_reads_every_folder_once(gs_home, monkeypatch):
    """The listing is linear in the folders: each is sized by one walk (the dialog lists off the GUI thread)."""
    for i in range(100):
        make_run(runs_dir() / f"run-{i:03d}", step=i, weight_bytes=i)
    walks = []
    real = library.folder_usage
    monkeypatch.setattr(library, "folder_usage", lambda f: walks.append(f) or real(f))
    entries = list_runs()
    assert len(entries) == 100 and len(walks) == 100
    assert sorted(e.step for e in entries) == list(range(100))
