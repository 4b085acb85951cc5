"""The headless CLI, driven as a user would (in-process, real files)."""

import json

import numpy as np
import pytest
from PIL import Image

from gan_studio.__main__ import main
from gan_studio.core.exports import load_latents


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_train_sample_evaluate_resume(tmp_path, capsys):
    run_dir = tmp_path / "run"
    code, _, err = run(capsys, "train", "--preset", "quick-digits", "--steps", "4", "--batch-size", "8",
                       "--threads", "1", "--out", str(run_dir))
    assert code == 0, err
    assert "Offline sample" in err and "step 4" in err
    info = json.loads((run_dir / "run.json").read_text())
    assert info["step"] == 4 and info["status"] == "finished"
    assert [r["step"] for r in map(json.loads, (run_dir / "metrics.jsonl").read_text().splitlines())] == [1, 2, 3, 4]

    code, _, err = run(capsys, "sample", str(run_dir), "--n", "9", "--seed", "7", "--scale", "1",
                       "--out", str(tmp_path / "grid.png"))
    assert code == 0, err
    assert Image.open(tmp_path / "grid.png").size == (3 * 30 + 2, 3 * 30 + 2)

    code, _, err = run(capsys, "sample", str(run_dir), "--n", "5", "--seed", "7", "--digit", "3",
                       "--out", str(tmp_path / "z.npy"))
    assert code == 0, err
    latents, meta = load_latents(tmp_path / "z.npy")
    assert latents.shape == (5, 64) and meta["labels"] == [3] * 5 and meta["seed"] == 7
    assert np.load(tmp_path / "z-images.npy").shape == (5, 28, 28, 1)

    code, out, err = run(capsys, "evaluate", str(run_dir), "--n", "200")
    assert code == 0, err
    assert "FD" in out and "quality score" in out

    code, _, err = run(capsys, "resume", str(run_dir), "--steps", "2")
    assert code == 0, err
    assert json.loads((run_dir / "run.json").read_text())["step"] == 6


def test_listing_commands(capsys):
    code, out, _ = run(capsys, "presets")
    assert code == 0 and "quick-digits" in out and "(default)" in out
    code, out, _ = run(capsys, "datasets")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "ready" in lines["sample"] and "not downloaded" in lines["mnist"]


def test_import_then_train_on_mnist_is_listed(capsys, mnist_dir):
    code, _, err = run(capsys, "import-mnist", str(mnist_dir))
    assert code == 0, err
    code, out, _ = run(capsys, "datasets")
    assert "ready" in [l for l in out.splitlines() if l.startswith("mnist")][0]


@pytest.mark.parametrize("argv, words", [
    (["sample", "/nonexistent/run", "--out", "x.png"], "does not exist"),
    (["train", "--preset", "nope", "--steps", "1"], "unknown preset"),
    (["train", "--dataset", "mnist", "--steps", "1"], "gan-studio download mnist"),
    (["train", "--dataset", "folder", "--steps", "1"], "choose a folder"),
    (["resume", "/nonexistent"], "not a GAN Studio run"),
])
def test_errors_are_one_clear_line_and_exit_2(capsys, tmp_path, argv, words):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("gan-studio: error:") and words in err
    assert "Traceback" not in err
