"""The headless CLI, driven as a user would (in-process, real files)."""

import json

import numpy as np
import pytest
from PIL import Image

from gan_studio.__main__ import main
from gan_studio.core.explore.exports import load_latents


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


# ------------------------------------------------------------------ bad inputs at the CLI
import errno
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from tests.core import bad_inputs as bad


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory):
    """A quick-digits run of 4 steps, trained once for the CLI cases below (copy it before changing it)."""
    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("GAN_STUDIO_HOME")
    os.environ["GAN_STUDIO_HOME"] = str(home)
    try:
        path = tmp_path_factory.mktemp("runs") / "run"
        assert main(["train", "--steps", "4", "--batch-size", "8", "--threads", "1", "--out", str(path)]) == 0
    finally:
        if old is None:
            os.environ.pop("GAN_STUDIO_HOME", None)
        else:
            os.environ["GAN_STUDIO_HOME"] = old
    return path


@pytest.fixture
def run_copy(trained_run, tmp_path):
    return bad.copy_run(trained_run, tmp_path / "run")


def _one_clear_line(err: str, prefix: str = "gan-studio") -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith(prefix), err
    return lines[0]


ARG_CASES = [
    (["exprot", "foo"], "gan-studio: error: 'exprot' is neither a command (train, resume, open, sample, evaluate, "
                        "datasets, download, import-mnist, presets, export) nor a run folder; did you mean 'export'? "
                        "see gan-studio --help"),
    (["trian"], "gan-studio: error: 'trian' is neither a command (train, resume, open, sample, evaluate, datasets, "
                "download, import-mnist, presets, export) nor a run folder; did you mean 'train'? see gan-studio --help"),
    (["train", "--steps", "-5"], "gan-studio train: error: argument --steps: --steps must be 1–1,000,000,000 "
                                 "(got -5) (see gan-studio train --help)"),
    (["train", "--steps", "ten"], "gan-studio train: error: argument --steps: --steps must be a whole number "
                                  "(got 'ten') (see gan-studio train --help)"),
    (["train", "--seconds", "nan"], "gan-studio train: error: argument --seconds: --seconds must be more than 0 "
                                    "and at most 1e+07 (got nan) (see gan-studio train --help)"),
    (["train", "--seconds", "inf"], "gan-studio train: error: argument --seconds: --seconds must be more than 0 "
                                    "and at most 1e+07 (got inf) (see gan-studio train --help)"),
    (["train", "--seconds", "-1"], "gan-studio train: error: argument --seconds: --seconds must be more than 0 "
                                   "and at most 1e+07 (got -1) (see gan-studio train --help)"),
    (["train", "--seconds", "0"], "gan-studio train: error: argument --seconds: --seconds must be more than 0 "
                                  "and at most 1e+07 (got 0) (see gan-studio train --help)"),
    (["train", "--batch-size", "0"], "gan-studio train: error: argument --batch-size: --batch-size must be "
                                     "1–4,096 (got 0) (see gan-studio train --help)"),
    (["train", "--lr", "5"], "gan-studio train: error: argument --lr: --lr must be at least 1e-07 and at most 1 "
                             "(got 5) (see gan-studio train --help)"),
    (["train", "--classes", "a,b"], "gan-studio train: error: argument --classes: --classes must be "
                                    "comma-separated whole numbers such as 0,1,7 (got 'a,b') "
                                    "(see gan-studio train --help)"),
    (["train", "--steps", "1", "--seconds", "1"], "gan-studio train: error: argument --seconds: not allowed with "
                                                  "argument --steps (see gan-studio train --help)"),
    (["resume", "r", "--threads", "-1"], "gan-studio resume: error: argument --threads: --threads must be 0–256 "
                                         "(got -1) (see gan-studio resume --help)"),
    (["sample", "r", "--out", "x.png", "--n", "100000000"],
     "gan-studio sample: error: argument --n: --n must be 1–10,000 (got 100,000,000) (see gan-studio sample --help)"),
    (["sample", "r", "--out", "x.png", "--n", "0"],
     "gan-studio sample: error: argument --n: --n must be 1–10,000 (got 0) (see gan-studio sample --help)"),
    (["sample", "r", "--out", "x.png", "--scale", "300"],
     "gan-studio sample: error: argument --scale: --scale must be 1–16 (got 300) (see gan-studio sample --help)"),
    (["sample", "r", "--out", "x.png", "--truncation", "-1"],
     "gan-studio sample: error: argument --truncation: --truncation must be more than 0 and at most 10 (got -1) "
     "(see gan-studio sample --help)"),
    (["sample", "r"], "gan-studio sample: error: the following arguments are required: --out "
                      "(see gan-studio sample --help)"),
    (["evaluate", "r", "--n", "99999999"], "gan-studio evaluate: error: argument --n: --n must be 1–10,000 "
                                           "(got 99,999,999) (see gan-studio evaluate --help)"),
    (["download", "cifar"], "gan-studio download: error: argument key: invalid choice: 'cifar' (choose from "
                            "mnist, fashion-mnist, kmnist) (see gan-studio download --help)"),
]


@pytest.mark.parametrize("argv, message", ARG_CASES, ids=[" ".join(c[0]) for c in ARG_CASES])
def test_bad_arguments_are_one_line_and_exit_2(capsys, argv, message):
    try:
        code = main(argv)
    except SystemExit as exc:          # argparse exits by itself
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    line = _one_clear_line(err)
    if "invalid choice" in message:   # argparse words the list of choices differently across versions
        head, tail = message.split(" (choose from")
        assert line.startswith(head) and line.endswith("(see gan-studio download --help)"), line
    else:
        assert line == message


def test_every_option_has_help_text():
    from gan_studio.cli import build_parser

    parser = build_parser()
    subs = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    missing = [f"{name} {' '.join(a.option_strings) or a.dest}" for name, p in subs.choices.items()
               for a in p._actions if a.help is None]
    assert missing == []


def test_dataset_choices_come_from_the_one_list_in_core():
    # --dataset offers exactly the Dataset field's choices (its descriptor, which the Dataset panel shows), and
    # download / import-mnist exactly the catalog's downloadable datasets: nothing hand-kept that could drift.
    from gan_studio.cli import build_parser
    from gan_studio.core.config import DATA_SOURCES, field_spec
    from gan_studio.core.data.catalog import IDX_KEYS, IDX_SPECS, SOURCE_KEYS

    sources = list(field_spec("data.source").choices)
    assert list(SOURCE_KEYS) == sources == list(DATA_SOURCES)
    assert list(IDX_KEYS) == list(IDX_SPECS) and set(IDX_KEYS) < set(sources)
    parser = build_parser()
    for source in sources:
        assert parser.parse_args(["train", "--dataset", source]).dataset == source
    for key in IDX_KEYS:
        assert parser.parse_args(["download", key]).key == key
        assert parser.parse_args(["import-mnist", "DIR", "--kind", key]).kind == key
    sub = {a.dest: a for a in parser._subparsers._group_actions[0].choices["train"]._actions}   # noqa: SLF001
    assert list(sub["dataset"].choices) == sources
    with pytest.raises(SystemExit):
        parser.parse_args(["train", "--dataset", "svhn"])
    # --steps / --seconds reach exactly as far as the targets' descriptors allow
    hi_steps, hi_seconds = field_spec("train.max_steps").hi, field_spec("train.max_seconds").hi
    assert parser.parse_args(["train", "--steps", str(hi_steps)]).steps == hi_steps
    assert parser.parse_args(["train", "--seconds", str(hi_seconds)]).seconds == hi_seconds
    for option, value in (("--steps", hi_steps + 1), ("--seconds", hi_seconds * 1.5)):
        with pytest.raises(SystemExit):
            parser.parse_args(["train", option, str(value)])


def test_sample_refuses_outputs_it_cannot_write(capsys, run_copy, tmp_path, monkeypatch):
    code, _, err = run(capsys, "sample", str(run_copy), "--out", str(tmp_path / "no" / "such" / "g.png"))
    assert code == 2 and _one_clear_line(err) == f"gan-studio: error: --out: the folder {tmp_path / 'no' / 'such'} does not exist"
    code, _, err = run(capsys, "sample", str(run_copy), "--out", str(tmp_path))
    assert code == 2 and _one_clear_line(err) == (f"gan-studio: error: --out {tmp_path} is a folder; give a file name "
                                                  f"such as {tmp_path / 'grid.png'}")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(tmp_path / "ro") else real(p, mode))
    (tmp_path / "ro").mkdir()
    code, _, err = run(capsys, "sample", str(run_copy), "--out", str(tmp_path / "ro" / "g.png"))
    assert code == 2 and _one_clear_line(err) == (f"gan-studio: error: --out: the folder {tmp_path / 'ro'} is read-only; "
                                                  f"choose another place")


def test_sample_write_failure_is_one_line(capsys, run_copy, tmp_path, monkeypatch):
    from gan_studio.core import atomic

    def full(path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", lambda **kw: full(kw.get("dir")))
    code, _, err = run(capsys, "sample", str(run_copy), "--n", "4", "--out", str(tmp_path / "g.png"))
    assert code == 2
    assert "No space left on device" in _one_clear_line(err)
    assert not (tmp_path / "g.png").exists()


def test_sample_grid_budget_and_digit_range(capsys, run_copy, tmp_path):
    code, _, err = run(capsys, "sample", str(run_copy), "--n", "10000", "--scale", "16", "--out", str(tmp_path / "g.png"))
    assert code == 2 and _one_clear_line(err) == (
        "gan-studio: error: the grid would be 4,832×480,032 pixels, over the 64 megapixel budget; use a smaller "
        "--n or --scale, or write latents with --out NAME.npy")
    code, _, err = run(capsys, "sample", str(run_copy), "--digit", "50", "--out", str(tmp_path / "g.png"))
    assert code == 2 and _one_clear_line(err) == "gan-studio: error: --digit must be 0–9 for this model (got 50)"


RUN_CASES = [
    ("no-config", lambda r: bad.edit_json(r / "run.json", lambda d: d.pop("config")),
     'run.json has no "config" object describing the experiment; the run cannot be used'),
    ("run-json-list", lambda r: (r / "run.json").write_text("[1]"),
     "run.json is not a run description this version understands (format '?')"),
    ("not-json", lambda r: (r / "run.json").write_text("{"), "run.json is damaged: not valid JSON"),
    ("weights-missing", lambda r: (r / "weights.safetensors").unlink(),
     "although run.json says step 4; resuming would restart at step 0"),
]


@pytest.mark.parametrize("name, damage, words", RUN_CASES, ids=[c[0] for c in RUN_CASES])
@pytest.mark.parametrize("command", ["resume", "sample", "evaluate"])
def test_damaged_run_folders_are_one_line(capsys, run_copy, tmp_path, name, damage, words, command):
    damage(run_copy)
    before = bad.snapshot(run_copy)
    argv = {"resume": ["resume", str(run_copy), "--steps", "1"],
            "sample": ["sample", str(run_copy), "--out", str(tmp_path / "g.png")],
            "evaluate": ["evaluate", str(run_copy), "--n", "10"]}[command]
    code, _, err = run(capsys, *argv)
    assert code == 2
    line = _one_clear_line(err)
    if name == "weights-missing" and command != "resume":
        assert line.endswith("has no trained weights yet")
    else:
        assert words in line, line
    assert bad.snapshot(run_copy) == before


def test_metrics_holding_a_list_or_text_do_not_stop_resume(capsys, run_copy):
    with open(run_copy / "metrics.jsonl", "a") as fh:
        fh.write('[1, 2]\n{"step": 3, "loss_d": "x"}\n')
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "2", "--threads", "1")
    assert code == 0, err
    assert [r["step"] for r in map(json.loads, (run_copy / "metrics.jsonl").read_text().splitlines())] == \
        [1, 2, 3, 4, 5, 6]


def test_resume_that_diverges_keeps_the_last_good_save(capsys, run_copy, monkeypatch):
    from gan_studio.core.training.trainer import Trainer, TrainingDiverged

    real_flush = Trainer.flush

    def diverge(self):
        real_flush(self)                        # the steps' metrics are taken, then found not finite
        raise TrainingDiverged(self.step_count, ["loss_D"])

    before = {k: v for k, v in bad.snapshot(run_copy).items() if k.endswith(".safetensors") or k == "checkpoint.json"}
    monkeypatch.setattr(Trainer, "flush", diverge)
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "20", "--threads", "1")
    assert code == 3
    assert "Training diverged: loss_D became infinite or not-a-number" in err
    assert err.strip().splitlines()[-1] == ("gan-studio: error: training diverged; the run keeps its last good save "
                                            "(step 4)")
    after = {k: v for k, v in bad.snapshot(run_copy).items() if k.endswith(".safetensors") or k == "checkpoint.json"}
    assert after == before
    info = json.loads((run_copy / "run.json").read_text())
    assert info["status"] == "diverged" and info["step"] == 4
    assert not (run_copy / ".lock").exists()


def test_disk_full_everywhere_at_the_final_save_is_one_line_and_keeps_the_last_save(capsys, run_copy, monkeypatch,
                                                                                    tmp_path):
    from gan_studio.core.run_folders import runs as runs_mod
    from gan_studio.core.training import session as session_mod

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    before = {k: v for k, v in bad.snapshot(run_copy).items() if k.endswith(".safetensors") or k == "checkpoint.json"}
    monkeypatch.setattr(runs_mod, "_write_file", full)
    monkeypatch.setattr(session_mod, "rescue_places", lambda: [tmp_path / "elsewhere"])
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "2", "--threads", "1")
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert re.fullmatch(rf"gan-studio: error: training reached step 6 but could not be saved in {re.escape(str(run_copy))}, "
                        rf"and the run could not be saved anywhere else either: {re.escape(str(tmp_path / 'elsewhere'))} "
                        rf"\(not saved: could not write optimizer.safetensors in .*: the disk is full \(needs [\d.]+ MB, "
                        rf".*\); the last good checkpoint \(step 4\) is kept\); free some space and train again", last), last
    assert "this is a bug" not in err
    after = {k: v for k, v in bad.snapshot(run_copy).items() if k.endswith(".safetensors") or k == "checkpoint.json"}
    assert after == before
    assert not list(run_copy.glob(".*.tmp"))
    assert list((tmp_path / "elsewhere").iterdir()) == []        # the copy that could not be saved is gone


def test_final_save_on_a_full_run_disk_goes_to_a_place_with_room(capsys, run_copy, monkeypatch, gs_home):
    from gan_studio.core.run_folders import runs as runs_mod

    real = runs_mod._write_file

    def full_here(path, data):
        if run_copy in path.parents:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(runs_mod, "_write_file", full_here)
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "3", "--threads", "1")
    assert code == 0, err
    rescued = list((gs_home / "rescued").iterdir())
    assert len(rescued) == 1 and rescued[0].name.startswith(run_copy.name + "-rescued-")
    assert f"warning: not saved: could not write optimizer.safetensors in {run_copy}: the disk is full" in err
    assert (f"saved the run to {rescued[0]} instead ({run_copy} could not be written); continue it with "
            f"`gan-studio resume {rescued[0]}`") in err
    assert json.loads((rescued[0] / "run.json").read_text())["step"] == 7
    assert json.loads((run_copy / "run.json").read_text())["step"] == 4     # the original keeps its last save
    monkeypatch.undo()
    code, _, err = run(capsys, "resume", str(rescued[0]), "--steps", "1", "--threads", "1")
    assert code == 0 and "at step 7" in err, err


def test_autosave_failures_during_cli_training_warn_and_training_goes_on(capsys, run_copy, monkeypatch, gs_home):
    """`snapshots/` replaced by a file: each snapshot warns in plain words; the run trains on and is saved."""
    from gan_studio.core.training import snapshots as sn

    monkeypatch.setattr(sn, "FIRST_STEP", 5)
    (run_copy / "snapshots").write_text("not a folder")
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "12", "--threads", "1")
    assert code == 0, err
    assert (f"warning: Snapshot not saved (step 5): could not write the snapshot "
            f"{run_copy / 'snapshots' / 'step_0000005.safetensors'}: {run_copy / 'snapshots'} is a file, not a folder. "
            f"Training goes on and keeps its state in memory") in err
    assert "this is a bug" not in err
    assert json.loads((run_copy / "run.json").read_text())["step"] == 16


def test_resume_takes_threads_and_reports_the_average_speed(capsys, run_copy):
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "3", "--threads", "1")
    assert code == 0, err
    last = err.strip().splitlines()[-1]
    assert re.fullmatch(r"target reached: step 7, [\d.]+ s of training, \d+ img/s on average", last), last


def test_headless_progress_lines_when_stderr_is_not_a_terminal(capsys, run_copy, monkeypatch):
    from gan_studio.cli import training

    monkeypatch.setattr(training, "PROGRESS_EVERY_S", 0.0)
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "20", "--threads", "1")
    assert code == 0, err
    lines = [line for line in err.splitlines() if line.startswith("step ")]
    assert lines and re.fullmatch(r"step \d+ \(\+\d+/20 \(\d+ s\)\): loss_D -?[\d.]+, loss_G -?[\d.]+, \d+ img/s",
                                  lines[0]), lines


def test_run_for_keeps_a_time_limit_to_about_one_step(monkeypatch):
    """A fake clock: each step takes 0.1 s.  With 1.05 s the loop runs 10 steps, then 1 — not 20."""
    from types import SimpleNamespace

    from gan_studio.core.training import session as session_mod
    from gan_studio.core.training.session import SessionUpdate, TrainingSession

    clock = SimpleNamespace(now=0.0)
    fake_time = SimpleNamespace(perf_counter=lambda: clock.now, monotonic=lambda: clock.now)
    monkeypatch.setattr(session_mod, "time", fake_time)
    session = TrainingSession.__new__(TrainingSession)
    state = SimpleNamespace(step=0)
    monkeypatch.setattr(TrainingSession, "step", property(lambda self: state.step))

    def advance(self, n):
        state.step += n
        clock.now += 0.1 * n
        return SessionUpdate(records=[object()] * n)

    monkeypatch.setattr(TrainingSession, "advance", advance)
    session.run_for(max_seconds=1.05, chunk=10)
    assert state.step == 11
    with pytest.raises(ValueError, match="finite and not negative"):
        session.run_for(max_seconds=float("nan"))


def test_sigterm_saves_and_exits_like_ctrl_c(tmp_path):
    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        pytest.skip("POSIX signals only")
    out = tmp_path / "run"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.Popen([sys.executable, "-m", "gan_studio", "train", "--seconds", "600", "--batch-size", "8",
                             "--threads", "1", "--out", str(out)], cwd=Path(__file__).resolve().parents[1], env=env,
                            stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):                      # until the first steps are on disk
            if (out / "metrics.jsonl").is_file() and (out / "metrics.jsonl").stat().st_size > 0:
                break
            if proc.poll() is not None:
                break
            import time
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "terminate signal: stopping after this step and saving" in err
    info = json.loads((out / "run.json").read_text())
    assert info["status"] == "stopped" and info["step"] > 0
    assert (out / "checkpoint.json").is_file() and not (out / ".lock").exists()


def test_training_that_diverges_before_the_first_save_says_nothing_was_written(capsys, tmp_path, monkeypatch):
    from gan_studio.core.training.trainer import Trainer, TrainingDiverged

    real_flush = Trainer.flush

    def diverge(self):
        real_flush(self)                        # the steps' metrics are taken, then found not finite
        raise TrainingDiverged(self.step_count, ["loss_G"])

    monkeypatch.setattr(Trainer, "flush", diverge)
    code, _, err = run(capsys, "train", "--steps", "5", "--batch-size", "8", "--threads", "1",
                       "--out", str(tmp_path / "r"))
    assert code == 3
    assert err.strip().splitlines()[-1] == ("gan-studio: error: training diverged before the first save; "
                                            "no weights were written")
    assert not (tmp_path / "r" / "weights.safetensors").exists()
    assert json.loads((tmp_path / "r" / "run.json").read_text())["status"] == "diverged"


def test_resume_from_the_previous_save_says_so(capsys, run_copy):
    assert run(capsys, "resume", str(run_copy), "--steps", "2", "--threads", "1")[0] == 0   # now a .prev exists
    (run_copy / "weights.safetensors").write_bytes(b"damaged")
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "1", "--threads", "1")
    assert code == 0, err
    assert "resuming" in err and "at step 4" in err
    assert "note: the newest save was damaged or incomplete; resumed from the previous good save" in err


def test_an_unexpected_error_is_still_one_line(capsys, monkeypatch):
    from gan_studio.cli import parser

    def boom(args):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(parser, "cmd_presets", boom)
    code, _, err = run(capsys, "presets")
    assert code == 1
    assert _one_clear_line(err) == ("gan-studio: error: unexpected RuntimeError: something broke (this is a bug; "
                                    "rerun with GAN_STUDIO_DEBUG=1 for details and report it)")


def test_train_into_a_folder_that_cannot_be_created(capsys, tmp_path):
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "train", "--steps", "1", "--out", str(tmp_path / "file" / "run"))
    assert code == 2
    assert _one_clear_line(err) == (f"gan-studio: error: could not create the run folder {tmp_path / 'file' / 'run'}: "
                                    f"Not a directory")
    code, _, err = run(capsys, "train", "--steps", "1", "--out", str(tmp_path / "file"))
    assert code == 2
    assert _one_clear_line(err) == f"gan-studio: error: {tmp_path / 'file'} is a file; choose an empty or new folder for the run"


# ---------------------------------------------------------------- open a shared setup
def test_open_accepts_a_setup_file(capsys, tmp_path, monkeypatch):
    from gan_studio.app import main as app_main
    from gan_studio.core.config import ExperimentConfig
    from gan_studio.core.setup import Setup, write_setup

    opened = []
    monkeypatch.setattr(app_main, "run_app", lambda argv: opened.append(argv) or 0)
    setup = write_setup(tmp_path / "lesson.json", Setup(ExperimentConfig(), title="Lesson"))
    code, _, err = run(capsys, "open", str(setup))
    assert code == 0, err
    assert opened == [[str(setup)]]


def test_a_setup_file_given_alone_opens_in_the_window(capsys, tmp_path, monkeypatch):
    """What a double-click on a setup file runs (`gan-studio FILE`, the menu entry's Exec): the window opens
    it, instead of "neither a command nor a run folder"."""
    from gan_studio.app import main as app_main
    from gan_studio.core.config import ExperimentConfig
    from gan_studio.core.setup import Setup, write_setup

    opened = []
    monkeypatch.setattr(app_main, "run_app", lambda argv: opened.append(argv) or 0)
    setup = write_setup(tmp_path / "class.json", Setup(ExperimentConfig(), title="Tuesday"))
    assert main([str(setup)]) == 0, capsys.readouterr().err
    assert opened == [[str(setup)]]


@pytest.mark.parametrize("content, message", [
    ("{nope", "not valid JSON"),
    ('{"format": "gan-studio-setup", "version": 9}', "newer GAN Studio"),
    ('{"format": "gan-studio-setup", "version": 1, "train": {"lr_g": 3}}', "train.lr_g: generator learning rate"),
])
def test_open_refuses_a_bad_setup_in_one_line(capsys, tmp_path, monkeypatch, content, message):
    from gan_studio.app import main as app_main

    opened = []
    monkeypatch.setattr(app_main, "run_app", lambda argv: opened.append(argv) or 0)
    (tmp_path / "bad.json").write_text(content)
    code, _, err = run(capsys, "open", str(tmp_path / "bad.json"))
    assert code == 2 and not opened
    assert err.startswith("gan-studio: error: bad.json: ") and message in err and len(err.strip().splitlines()) == 1


# ------------------------------------------------------------ designer: export, 10-column grids

def test_sample_conditional_grid_has_one_column_per_digit(capsys, trained_run, tmp_path):
    from gan_studio.core.explore.generator import load_generator

    assert load_generator(trained_run).conditional
    out = tmp_path / "g.png"
    code, _, _ = run(capsys, "sample", str(trained_run), "--n", "30", "--scale", "1", "--out", str(out))
    assert code == 0
    with Image.open(out) as im:
        assert im.size == (10 * 30 + 2, 3 * 30 + 2)          # 10 columns of 28 px + 2 px padding
    code, _, _ = run(capsys, "sample", str(trained_run), "--n", "30", "--digit", "3", "--scale", "1",
                     "--out", str(out))
    with Image.open(out) as im:
        assert code == 0 and im.size == (6 * 30 + 2, 5 * 30 + 2)   # one digit: square-ish


def test_export_safetensors_and_onnx(capsys, trained_run, tmp_path):
    from gan_studio.core.explore.generator import load_generator

    code, _, err = run(capsys, "export", str(trained_run), "--out", str(tmp_path / "g.safetensors"))
    assert code == 0 and "g.json" in err
    again = load_generator(tmp_path / "g.safetensors")
    assert json.loads((tmp_path / "g.json").read_text())["latent_dim"] == again.latent_dim
    code, _, err = run(capsys, "export", str(trained_run), "--format", "onnx", "--out", str(tmp_path / "g.safetensors"))
    assert code == 2 and "--out must end in .onnx" in err
    ort = pytest.importorskip("onnxruntime")
    code, _, err = run(capsys, "export", str(trained_run), "--format", "onnx", "--out", str(tmp_path / "g.onnx"))
    assert code == 0 and "inputs: z float32" in err
    sess = ort.InferenceSession(str(tmp_path / "g.onnx"), providers=["CPUExecutionProvider"])
    z = again.latents(2, 5)
    y = np.arange(5, dtype=np.int64)
    out = sess.run(None, {"z": z, "label": y})[0]
    assert float(np.abs(out - again.generate_float(z, y).numpy()).max()) <= 1e-4


def test_quality_is_off_by_default_and_printed_with_quality(tmp_path, capsys):
    run_dir = tmp_path / "run"
    code, _, err = run(capsys, "train", "--steps", "3", "--batch-size", "8", "--threads", "1", "--out", str(run_dir))
    assert code == 0, err
    assert "quality meter" not in err and "quality at" not in err and not (run_dir / "quality.jsonl").exists()
    code, _, err = run(capsys, "resume", str(run_dir), "--steps", "3", "--threads", "1", "--quality")
    assert code == 0, err
    assert "quality meter: on" in err
    line = next(ln for ln in err.splitlines() if ln.startswith("quality at step"))
    assert "/100 (" in line and "real-vs-real floor" in line and "/10 classes" in line
    rows = [json.loads(ln) for ln in (run_dir / "quality.jsonl").read_text().splitlines()]
    assert rows and 0 <= rows[0]["score"] <= 100 and rows[0]["step"] >= 4


def test_final_save_with_no_room_anywhere_waits_on_a_terminal_until_space_is_freed(capsys, run_copy, monkeypatch,
                                                                                   tmp_path):
    import sys

    from gan_studio.core.run_folders import runs as runs_mod
    from gan_studio.core.training import session as session_mod

    real = runs_mod._write_file
    disk = {"full": True}

    def maybe_full(path, data):
        if disk["full"]:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    prompts = []

    def user_frees_space(prompt):
        prompts.append(prompt)
        disk["full"] = False
        return ""

    monkeypatch.setattr(runs_mod, "_write_file", maybe_full)
    monkeypatch.setattr(session_mod, "rescue_places", lambda: [tmp_path / "elsewhere"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", user_frees_space)
    code, _, err = run(capsys, "resume", str(run_copy), "--steps", "2", "--threads", "1")
    assert code == 0, err
    assert prompts == ["Free some space, then press Enter to save step 6 again (Ctrl-C gives up and loses the "
                       "unsaved steps)… "]
    assert json.loads((run_copy / "run.json").read_text())["step"] == 6


def test_sample_of_a_colour_model_keeps_its_colours_and_names_no_digits(capsys, tmp_path):
    """Issue 25: `sample` of an unconditional colour model: true colours, the background colour between the
    tiles, and no digit wording."""
    from tests.app.gan_fixtures import RED, WHITE, make_colour_run, red_on_white

    run_dir = make_colour_run(tmp_path / "icons")
    out = tmp_path / "g.png"
    code, _, err = run(capsys, "sample", str(run_dir), "--n", "4", "--scale", "1", "--out", str(out))
    assert code == 0, err
    with Image.open(out) as im:
        sheet = np.asarray(im.convert("RGB"))
    assert sheet.shape == (2 * 30 + 2, 2 * 30 + 2, 3)
    assert {tuple(int(v) for v in px) for px in sheet.reshape(-1, 3)} == {RED, WHITE}
    assert (sheet[2:30, 2:30] == red_on_white()).all()
    code, _, err = run(capsys, "sample", str(run_dir), "--class", "star", "--out", str(tmp_path / "c.png"))
    assert code == 2 and _one_clear_line(err) == (
        "gan-studio: error: --class needs a conditional model; icons is unconditional (it has no classes)")
    assert "digit" not in err.lower()
