"""The training process's quality, warning and snapshot events and its branch command (protocol level)."""

from __future__ import annotations

import json

from gan_studio.core.training import protocol as P
from gan_studio.core.training.process import TrainingProcess
from tests.core.test_process import WAIT, Inbox, tiny_config


def test_quality_snapshots_and_branch_through_the_protocol(tmp_path, monkeypatch):
    monkeypatch.setenv("GAN_STUDIO_HOME", str(tmp_path / "home"))
    process = TrainingProcess()
    process.start()
    box = Inbox(process)
    try:
        box.wait_event(P.Hello, timeout=120)
        run_dir = tmp_path / "run"
        process.send(P.Load(config=tiny_config().to_dict(), run_dir=str(run_dir), threads=1, quality=1e-6))
        ready = box.wait_event(P.Ready)
        assert ready.quality is True and ready.snapshots == [] and ready.lineage is None
        process.send(P.Train(target_steps=120))
        q = box.wait_event(P.Quality).point
        assert 0 <= q["score"] <= 100 and q["coverage"] in range(11) and q["fd"] > q["fd_floor"] > 0
        at = next(i for i, e in enumerate(box.events) if isinstance(e, P.Quality))
        rows_before = [r["step"] for e in box.events[:at] if isinstance(e, P.Metrics) for r in e.rows]
        assert rows_before and rows_before[-1] >= q["step"]   # the metrics of its step came first
        snaps = box.wait_event(P.Snapshots)
        # one snapshot, on its spacing step whatever the chunks' length (the chunk ends there)
        assert len(snaps.items) == 1 and snaps.items[0]["step"] == 100 and snaps.total_bytes > 0
        first = snaps.items[0]["step"]
        box.wait_event(P.Finished)
        assert (run_dir / "quality.jsonl").is_file()

        process.send(P.Branch(parent=str(run_dir), step=first, run_dir=str(tmp_path / "branch"),
                              changes={"train.lr_d": 1e-4}, threads=1))
        ready = box.wait_event(P.Ready, where=lambda e: e.run == str(tmp_path / "branch"))
        assert ready.step == first and ready.config["train"]["lr_d"] == 1e-4
        assert ready.lineage == {"parent": str(run_dir.resolve()), "parent_step": first,
                                 "changes": {"train.lr_d": [2e-4, 1e-4]}}
        info = json.loads((run_dir / "run.json").read_text())
        assert info["step"] == 120 and info["status"] == "paused"   # the parent was saved, its folder kept

        process.send(P.RequestGenerator(run=str(run_dir), step=first))
        gen = box.wait_event(P.Generator)
        assert gen.step == first and gen.data[:8]

        process.send(P.Load(config=tiny_config().replace(
            data=tiny_config().data.replace(source="folder", path=str(tmp_path))).to_dict(),
                            run_dir=str(tmp_path / "other"), threads=1, quality=10.0))
        ready = box.wait_event(P.Ready, timeout=WAIT)      # a folder of images (the runs' grids): no digits …
        assert ready.quality is True and ready.quality_note == ""     # … but the closeness to the folder
    finally:
        process.close(10)
