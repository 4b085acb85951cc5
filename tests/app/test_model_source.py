"""ModelSource: where favourites and the breeding lineage of a model are kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gan_studio.app.model_source import ModelSource, Pick


def test_a_model_with_no_run_folder_keeps_favourites_and_lineage_out_of_the_working_directory(
        qtbot, source, tmp_path, monkeypatch):
    """The live training's generator has source "." (no folder); its favourites and lineage belonged in
    the per-user folder but landed in whatever directory the app was started from."""
    workdir = tmp_path / "started-here"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    model = source.model
    model.source = Path(".")
    live = ModelSource(model)
    assert live.lineage_path() is not None and live.lineage_path().parent != Path(".")
    assert live.favourites_path() is not None
    live.add_favourites([Pick.from_address(model, seed=3, index=0, label=0)])
    live.creature_for(Pick.from_address(model, seed=3, index=1, label=1))
    live.save_lineage()
    assert os.listdir(workdir) == []
    assert live.favourites_path().is_file()
    assert len(ModelSource(model).favourites()) == 1


def test_a_favourites_file_cut_short_is_kept_aside_not_overwritten(qtbot, source):
    """favourites.json cut short: starring one image used to overwrite it with that one image."""
    model = source.model
    path = source.favourites_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    damaged = b'{"model": "x", "favourites": [{"seed": 1, "index": 0}, {"seed": 2, "ind'
    path.write_bytes(damaged)
    messages = []
    fresh = ModelSource()
    fresh.status.connect(messages.append)
    fresh.set_model(model)
    assert fresh.favourites() == [] and path.read_bytes() == damaged
    assert messages[0].startswith("Favourites could not be read: ") and ".bak" in messages[0]
    fresh.add_favourites([Pick.from_address(model, seed=3, index=0, label=0)])
    kept = path.with_name(path.name + ".bak")
    assert kept.read_bytes() == damaged                                # the earlier favourites are still there
    assert messages[-1] == f"The favourites file that could not be read was kept as {kept}"
    assert len(ModelSource(model).favourites()) == 1
    # a second damaged file does not replace the first .bak
    path.write_bytes(b"{")
    again = ModelSource(model)
    again.add_favourites([Pick.from_address(model, seed=4, index=0, label=0)])
    assert kept.read_bytes() == damaged
    assert [p.read_bytes() for p in path.parent.glob(path.name + ".*.bak")] == [b"{"]


def test_favourites_with_a_bad_entry_keep_the_original_aside(qtbot, source):
    model = source.model
    path = source.favourites_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    original = json.dumps({"favourites": [{"seed": 1, "index": 0}, {"sed": 2}]})
    path.write_text(original)
    fresh = ModelSource(model)
    assert len(fresh.favourites()) == 1
    fresh.add_favourites([Pick.from_address(model, seed=3, index=0, label=0)])
    assert path.with_name(path.name + ".bak").read_text() == original
    assert len(json.loads(path.read_text())["favourites"]) == 2


def test_an_unreadable_lineage_is_kept_aside(qtbot, source):
    model = source.model
    path = source.lineage_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json")
    messages = []
    fresh = ModelSource()
    fresh.status.connect(messages.append)
    fresh.set_model(model)
    kept = path.with_name(path.name + ".bak")
    assert kept.read_text() == "{ not json"
    assert any(m.startswith("The breeding lineage could not be read: ") and f"(kept as {kept})" in m
               for m in messages), messages
    fresh.creature_for(Pick.from_address(model, seed=3, index=1, label=1))
    fresh.save_lineage()
    assert kept.read_text() == "{ not json"
