"""ModelSource: where favourites and the breeding lineage of a model are kept."""

from __future__ import annotations

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
