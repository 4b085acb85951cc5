"""The training process's quality, warning and snapshot events and its branch command (protocol level)."""

from __future__ import annotations

import json

from gan_studio.core.process import TrainingProcess
from tests.core.test_process import WAIT, Inbox, tiny_config


def test_quality_snapshots_and_branch_through_the_protocol(tmp_path, monkeypatch):
    monkeypatch.setenv("GAN_STUDIO_HOME", str(tmp_path / "home"))
    process = TrainingProcess()
    process.start()
    box = Inbox(process)
    try:
        box.wait_event("hello", timeout=120)
        run_dir = tmp_path / "run"
        process.send("load", config=tiny_config().to_dict(), run_dir=str(run_dir), threads=1, quality=1e-6)
        ready = box.wait_event("ready")
        assert ready["quality"] is True and ready["snapshots"] == [] and ready["lineage"] is None
        process.send("train", target_steps=120)
        q = box.wait_event("quality")["point"]
        assert 0 <= q["score"] <= 100 and q["coverage"] in range(11) and q["fd"] > q["fd_floor"] > 0
        at = next(i for i, (n, p) in enumerate(box.events) if n == "quality")
        rows_before = [r["step"] for n, p in box.events[:at] if n == "metrics" for r in p["rows"]]
        assert rows_before and rows_before[-1] >= q["step"]   # the metrics of its step came first
        snaps = box.wait_event("snapshots")
        # one snapshot, on its spacing step whatever the chunks' length (the chunk ends there)
        assert len(snaps["items"]) == 1 and snaps["items"][0]["step"] == 100 and snaps["total_bytes"] > 0
        first = snaps["items"][0]["step"]
        box.wait_event("finished")
        assert (run_dir / "quality.jsonl").is_file()

        process.send("branch", parent=str(run_dir), step=first, run_dir=str(tmp_path / "branch"),
                     changes={"train.lr_d": 1e-4}, threads=1)
        ready = box.wait_event("ready", where=lambda p: p["run"] == str(tmp_path / "branch"))
        assert ready["step"] == first and ready["config"]["train"]["lr_d"] == 1e-4
        assert ready["lineage"] == {"parent": str(run_dir.resolve()), "parent_step": first,
                                    "changes": {"train.lr_d": [2e-4, 1e-4]}}
        info = json.loads((run_dir / "run.json").read_text())
        assert info["step"] == 120 and info["status"] == "paused"   # the parent was saved, its folder kept

        process.send("generator", run=str(run_dir), step=first)
        gen = box.wait_event("generator")
        assert gen["step"] == first and gen["data"][:8]

        process.send("load", config=tiny_config().replace(
            data=tiny_config().data.replace(source="folder", path=str(tmp_path))).to_dict(),
                     run_dir=str(tmp_path / "other"), threads=1, quality=10.0)
        ready = box.wait_event("ready", timeout=WAIT)      # a folder of images (the runs' grids) is no digits
        assert ready["quality"] is False and "handwritten digits only" in ready["quality_note"]
    finally:
        process.close(10)
