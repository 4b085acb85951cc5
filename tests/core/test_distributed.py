"""Multi-process training with DistributedDataParallel, on the CPU with gloo (no GPU needed).

Two processes are started with torch.multiprocessing (building the Trainer through the
distributed API) or with torchrun (the CLI end to end)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch

from gan_studio.core.config import DataConfig, ExperimentConfig
from gan_studio.core.presets import get_preset

from .helpers import tiny_data

WORLD = 2
STEPS = 6
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux /proc).  torchrun starts each rank in a session of its own, so
    killing torchrun's process group leaves the ranks running: they must be found and killed one by one."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_torchrun(proc: subprocess.Popen) -> None:
    """SIGKILL torchrun and every rank at once (nothing gets to save), and wait until all are gone."""
    from gan_studio.core.run_folders.runlock import pid_alive

    ranks = _descendants(proc.pid)
    for pid in [proc.pid, *ranks]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait(30)
    deadline = time.monotonic() + 30
    while any(pid_alive(p) for p in ranks):
        assert time.monotonic() < deadline, f"ranks {ranks} outlived SIGKILL"
        time.sleep(0.1)


def default_architecture(**train) -> ExperimentConfig:
    """The default preset (conditional DCGAN, spectral norm, hinge, batch norm in G, EMA), made tiny."""
    train = dict(dict(batch_size=16, threads=1), **train)
    config = get_preset("quick-digits").config(DataConfig(source="sample"), **train)
    return config.replace(model=config.model.replace(g_width=8, d_width=8, latent_dim=16)).check()


def wgan_gp_architecture() -> ExperimentConfig:
    config = get_preset("wgan-gp").config(DataConfig(source="sample"), batch_size=16, threads=1, d_steps=2)
    return config.replace(model=config.model.replace(g_width=8, d_width=8, latent_dim=16)).check()


# ------------------------------------------------------------------ workers
def _join(port: int, rank: int):
    from gan_studio.core.training.distributed import init_from_env

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(rank), LOCAL_RANK=str(rank),
                      WORLD_SIZE=str(WORLD), LOCAL_WORLD_SIZE=str(WORLD))
    ctx = init_from_env("cpu", timeout=timedelta(seconds=60))
    assert ctx is not None and ctx.rank == rank and ctx.world_size == WORLD and ctx.backend == "gloo"
    return ctx


def _worker(rank: int, port: int, out: str, configs: dict, stop_config: ExperimentConfig) -> None:
    """One process of the two: what `_train` and `_stop` find, saved to out/rankN.pt."""
    ctx = _join(port, rank)
    results = {"train": _train(ctx, configs), "stop": _stop(ctx, stop_config)}
    torch.save(results, Path(out) / f"rank{rank}.pt")
    ctx.close()


def next_batch(trainer, n: int):
    """The data indices of the trainer's next `n` images, as its state (what a checkpoint holds) records them."""
    state = trainer.state()
    cursor = int(state["optim_meta"]["cursor"])
    return state["optim"]["data_order"][cursor: cursor + n].clone()


def _train(ctx, configs: dict) -> dict:
    """Train each config for STEPS steps: this rank's state dicts, first batch and metrics."""
    from gan_studio.core.training.trainer import Trainer

    images, labels = tiny_data(n=256)
    results, trainers = {}, {}
    for name, config in configs.items():
        trainer = trainers[name] = Trainer(config, images, labels, device=str(ctx.device))
        ctx.prepare(trainer)
        first = next_batch(trainer, config.train.batch_size)
        for _ in range(STEPS):
            trainer.step()
        results[name] = {
            "G": trainer.G.state_dict(), "D": trainer.D.state_dict(), "G_ema": trainer.G_ema.state_dict(),
            "first_batch": first, "records": [r.to_dict() for r in trainer.flush()],
            "processes": trainer.processes,
        }
    # Resume: fresh trainers everywhere, only rank 0 holds the saved state (as `TrainingSession.resume` loads it).
    config = configs["default"]
    resumed = Trainer(config, images, labels, device=str(ctx.device))
    if ctx.is_main:
        resumed.restore(trainers["default"].capture())
    ctx.prepare(resumed)
    at = resumed.step_count
    first = next_batch(resumed, config.train.batch_size)
    for _ in range(2):
        resumed.step()
    results["resumed"] = {"at": at, "step": resumed.step_count, "first_batch": first, "G": resumed.G.state_dict(),
                          "D": resumed.D.state_dict(), "G_ema": resumed.G_ema.state_dict(),
                          "opt_g": resumed.opt_g.state_dict()["state"], "opt_d": resumed.opt_d.state_dict()["state"]}
    return results


def _stop(ctx, config: ExperimentConfig) -> dict:
    """Three ways to stop that only one rank (or each rank's own clock) sees; all must stop together."""
    from gan_studio.core.training.session import TrainingSession
    from gan_studio.core.training.trainer import TrainingDiverged

    rank = ctx.rank
    images, labels = tiny_data(n=256)
    dataset = SimpleNamespace(train=SimpleNamespace(images=images, labels=labels), identity={}, name="tiny")
    results = {}

    session = TrainingSession(config, None, dataset=dataset, device="cpu")
    ctx.prepare(session.trainer)
    checks = []

    def rank1_asks_at_third_check():
        checks.append(1)
        return rank == 1 and len(checks) >= 3

    reason = ctx.run_for(session, max_steps=100, chunk=2, should_stop=rank1_asks_at_third_check)
    results["user"] = (reason, session.step)

    session = TrainingSession(config, None, dataset=dataset, device="cpu")
    ctx.prepare(session.trainer)
    flushes = []
    if rank == 1:
        real_flush = session.trainer.flush

        def diverging_flush():
            flushes.append(1)
            records = real_flush()
            if len(flushes) == 2:
                raise TrainingDiverged(records[-1].step, ["loss_d"])
            return records

        session.trainer.flush = diverging_flush
    try:
        ctx.run_for(session, max_steps=100, chunk=2)
        results["diverged"] = ("no divergence", session.step, [])
    except TrainingDiverged as exc:
        results["diverged"] = ("diverged", session.step, exc.metrics)

    session = TrainingSession(config, None, dataset=dataset, device="cpu")
    ctx.prepare(session.trainer)
    from gan_studio.core.training import distributed

    real_time = distributed.time
    if rank == 1:   # the clocks start apart: rank 1's reads 0.3 s less than rank 0's after its start
        reads = []

        def late_clock() -> float:
            reads.append(1)
            return real_time.perf_counter() - (0.3 if len(reads) > 1 else 0.0)

        distributed.time = SimpleNamespace(perf_counter=late_clock)
    try:
        reason = ctx.run_for(session, max_seconds=1.0, chunk=2)
    finally:
        distributed.time = real_time
    results["seconds"] = (reason, session.step)
    return results


def spawn(worker, *args, timeout: float = 150.0) -> None:
    """Run `worker(rank, port, *args)` on WORLD processes; fail (not hang) after `timeout` seconds."""
    import torch.multiprocessing as mp

    port = free_port()
    context = mp.start_processes(worker, args=(port, *args), nprocs=WORLD, join=False, start_method="spawn")
    deadline = time.monotonic() + timeout
    while not context.join(timeout=1):
        if time.monotonic() > deadline:
            for p in context.processes:
                if p.is_alive():
                    p.kill()
            pytest.fail(f"the {WORLD} processes did not finish within {timeout:.0f} s (deadlock?)")


# -------------------------------------------------------------------- tests
@pytest.fixture(scope="module")
def two_ranks(tmp_path_factory):
    """What each of 2 processes found (one launch for all the tests below: a start costs seconds)."""
    out = tmp_path_factory.mktemp("ddp")
    configs = {"default": default_architecture(), "wgan-gp": wgan_gp_architecture()}
    spawn(_worker, str(out), configs, default_architecture(sample_every=1000, checkpoint_every=0, autosave_seconds=0.0))
    return [torch.load(out / f"rank{r}.pt") for r in range(WORLD)], configs


def _assert_identical(a: dict, b: dict, what: str) -> None:
    assert list(a) == list(b)
    different = [k for k in a if not torch.equal(a[k], b[k])]
    assert different == [], f"{what}: ranks differ in {different}"


@pytest.mark.parametrize("name", ["default", "wgan-gp"])
def test_ranks_hold_identical_weights_after_training_on_different_batches(two_ranks, name):
    ranks, configs = two_ranks
    r0, r1 = (r["train"][name] for r in ranks)
    # Each rank drew its own batches ...
    assert not torch.equal(r0["first_batch"], r1["first_batch"])
    losses0 = [r["loss_d"] for r in r0["records"]]
    losses1 = [r["loss_d"] for r in r1["records"]]
    assert len(losses0) == len(losses1) == STEPS and all(np.isfinite(losses0 + losses1))
    assert losses0 != losses1
    # ... yet after averaging the gradients they hold the same weights and buffers (BN, spectral-norm u/v).
    for net in ("G", "D", "G_ema"):
        _assert_identical(r0[net], r1[net], f"{name} {net}")
    assert [r["grad_norm_d"] for r in r0["records"]] == [r["grad_norm_d"] for r in r1["records"]]
    assert [r["grad_norm_g"] for r in r0["records"]] == [r["grad_norm_g"] for r in r1["records"]]
    assert r0["processes"] == WORLD
    if name == "wgan-gp":
        assert all(r["gp"] > 0 for r in r0["records"])
    else:
        assert any(k.endswith("running_mean") for k in r0["G"]) and any(k.endswith("_u") for k in r0["D"])

    # Rank 0 alone (same seed, same batches) trains to other weights: rank 1's gradients counted.
    from gan_studio.core.training.trainer import Trainer

    images, labels = tiny_data(n=256)
    single = Trainer(configs[name], images, labels, device="cpu")
    assert torch.equal(next_batch(single, 16), r0["first_batch"])  # rank 0 keeps the single-process data order
    fresh = {k: v.clone() for k, v in single.G.state_dict().items()}
    for _ in range(STEPS):
        single.step()
    moved = [k for k in fresh if k.endswith("weight") and not torch.equal(fresh[k], r0["G"][k])]
    assert moved, "distributed training did not change G"
    differs = [k for k in fresh if k.endswith("weight") and not torch.allclose(single.G.state_dict()[k], r0["G"][k])]
    assert differs, "the distributed run trained exactly like rank 0 alone"


def test_a_resumed_run_continues_from_rank_0s_state_on_every_rank(two_ranks):
    r0, r1 = (r["train"]["resumed"] for r in two_ranks[0])
    assert r0["at"] == r1["at"] == STEPS and r0["step"] == r1["step"] == STEPS + 2
    assert not torch.equal(r0["first_batch"], r1["first_batch"])
    for net in ("G", "D", "G_ema"):
        _assert_identical(r0[net], r1[net], f"resumed {net}")
    for opt in ("opt_g", "opt_d"):
        assert sorted(r0[opt]) == sorted(r1[opt]) and len(r0[opt]) > 0
        for idx in r0[opt]:
            _assert_identical(r0[opt][idx], r1[opt][idx], f"resumed {opt} state {idx}")


def test_all_ranks_stop_after_the_same_step(two_ranks):
    r0, r1 = (r["stop"] for r in two_ranks[0])
    # Rank 1 alone asked to stop before its third chunk: both ranks ran exactly two chunks of 2 steps.
    assert r0["user"] == r1["user"] == ("stopped by the user", 4)
    # Rank 1 alone saw a divergence at its second flush: both stop there and report it.
    assert r0["diverged"][:2] == r1["diverged"][:2] == ("diverged", 4)
    assert r1["diverged"][2] == ["loss_d"] and r0["diverged"][2] == ["a value on another process"]
    # A time limit measured on clocks that started apart still stops both at the same step.
    assert r0["seconds"][0] == r1["seconds"][0] == "target reached"
    assert r0["seconds"][1] == r1["seconds"][1] > 0


def test_launched_by_torchrun_needs_several_processes(monkeypatch):
    from gan_studio.core.training.distributed import init_from_env, launched_by_torchrun, pick_device

    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert not launched_by_torchrun() and init_from_env() is None
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "1")
    assert not launched_by_torchrun()
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert launched_by_torchrun()
    assert pick_device("cpu", 1) == torch.device("cpu")
    if not torch.cuda.is_available():
        assert pick_device("auto", 1) == torch.device("cpu")


@pytest.mark.slow  # two interpreter starts under torchrun plus one more: 20-40 s on two cores
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds torchrun's ranks through /proc")
def test_torchrun_trains_one_run_folder_that_resumes_in_a_single_process(tmp_path):
    from gan_studio.core.training.session import TrainingSession

    run = tmp_path / "run"
    env = dict(os.environ, MASTER_PORT=str(free_port()), PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", str(WORLD),  # = torchrun
           "--master-addr", "127.0.0.1", "--master-port", env["MASTER_PORT"], "-m", "gan_studio",
           "train", "--steps", str(STEPS), "--batch-size", "16", "--threads", "1", "--seed", "5", "--out", str(run)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.terminate()  # torchrun passes SIGTERM on to its workers
        try:
            out, err = proc.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            kill_torchrun(proc)
            out, err = proc.communicate()
        pytest.fail(f"torchrun did not finish within 120 s:\n{err[-3000:]}")
    assert proc.returncode == 0, err[-3000:]
    # Rank 0 alone talks and writes.
    assert err.count("distributed: 2 processes (gloo), batch 16 per process, 32 per update") == 1, err
    assert err.count(f"target reached: step {STEPS}") == 1, err
    assert err.count("run folder:") == 1
    info = json.loads((run / "run.json").read_text())
    assert info["step"] == STEPS and info["status"] == "finished"
    rows = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == list(range(1, STEPS + 1))
    files = sorted(p.name for p in run.iterdir() if not p.name.startswith(".lock"))
    assert files == ["checkpoint.json", "metrics.jsonl", "optimizer.safetensors", "run.json", "samples",
                     "weights.safetensors"]
    assert [p.name for p in (run / "samples").iterdir()] == [f"step_{STEPS:07d}.png"]

    # An ordinary run folder: `gan-studio resume` continues it in one process ...
    resume = subprocess.run([sys.executable, "-m", "gan_studio", "resume", str(run), "--steps", "2"], cwd=ROOT,
                            env=dict(env, OMP_NUM_THREADS="1"), capture_output=True, text=True, timeout=120)
    assert resume.returncode == 0, resume.stderr[-3000:]
    assert f"resuming {run} at step {STEPS}" in resume.stderr and "distributed" not in resume.stderr
    info = json.loads((run / "run.json").read_text())
    assert info["step"] == STEPS + 2 and info["status"] == "finished"
    assert info["config"]["train"]["seed"] == 5 and info["config"]["train"]["batch_size"] == 16
    # ... and so does TrainingSession.resume.
    session = TrainingSession.resume(run, overrides={"threads": 1})
    assert session.step == STEPS + 2 and session.trainer.processes == 1
    g_before = {k: v.clone() for k, v in session.trainer.G.state_dict().items()}
    session.advance(3)
    assert session.step == STEPS + 5
    assert any(not torch.equal(g_before[k], v) for k, v in session.trainer.G.state_dict().items())


# ------------------------------------------------- an early first save (issue 27)
def test_rank_0_saves_early_so_a_rank_killed_in_the_first_minute_resumes_from_a_save(tmp_path):
    """Rank 0's session (as the CLI builds it) writes its first checkpoint after FIRST_SAVE_SECONDS of training,
    long before the 60 s autosave: a run whose rank dies at step 50 resumes from there, not from step 0.
    After that first save the ordinary interval applies again."""
    from types import SimpleNamespace

    from gan_studio.cli import training as cli
    from gan_studio.core.training.session import FIRST_SAVE_SECONDS, TrainingSession
    from tests.core.helpers import tiny_config, tiny_data

    x, y = tiny_data()
    dataset = SimpleNamespace(train=SimpleNamespace(images=x, labels=y), identity={"source": "test"},
                              name="tiny", notes=[])
    cfg = tiny_config(checkpoint_every=0, autosave_seconds=60.0, sample_every=1000)
    dist = SimpleNamespace(is_main=True, world_size=2, broadcast_object=lambda obj=None: obj,
                           prepare=lambda trainer: None, describe=lambda: "2 processes (test)")
    session = cli._distributed_session(dist, lambda: TrainingSession(cfg, tmp_path / "run", dataset=dataset))
    try:
        assert 0 < FIRST_SAVE_SECONDS <= 10 and session.first_save_seconds == FIRST_SAVE_SECONDS
        assert not session.advance(3).saved                     # a fraction of a second of training
        session.trainer.elapsed = FIRST_SAVE_SECONDS + 0.5      # 10 s of training (about step 50 on 2 ranks)
        assert session.advance(1).saved
        assert json.loads((tmp_path / "run/checkpoint.json").read_text())["step"] == 4
        session.trainer.elapsed += FIRST_SAVE_SECONDS + 0.5
        assert not session.advance(1).saved                     # then every 60 s, as before
        session.trainer.elapsed += 60.0
        assert session.advance(1).saved
    finally:
        session.close()


@pytest.mark.slow  # torchrun, ~10 s of training until the first save, then a resume: 30-60 s on two cores
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds torchrun's ranks through /proc")
def test_torchrun_killed_in_its_first_minute_resumes_from_rank_0s_early_save(tmp_path):
    """Two ranks, killed (SIGKILL, every process) well before the 60 s autosave: `resume` continues from
    rank 0's early save, not from step 0."""
    run = tmp_path / "run"
    env = dict(os.environ, MASTER_PORT=str(free_port()), PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", str(WORLD),
           "--master-addr", "127.0.0.1", "--master-port", env["MASTER_PORT"], "-m", "gan_studio",
           "train", "--steps", "1000000", "--batch-size", "16", "--threads", "1", "--seed", "5", "--out", str(run)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        while not (run / "checkpoint.json").is_file():
            assert proc.poll() is None, proc.stderr.read()[-3000:]
            assert time.monotonic() < deadline, "no checkpoint within 150 s"
            time.sleep(0.2)
        saved = json.loads((run / "checkpoint.json").read_text())["step"]
        assert saved > 0
    finally:
        kill_torchrun(proc)                       # every rank and torchrun at once: nothing gets to save
        proc.stderr.close()
    resume = subprocess.run([sys.executable, "-m", "gan_studio", "resume", str(run), "--steps", "2"], cwd=ROOT,
                            env=dict(env, OMP_NUM_THREADS="1"), capture_output=True, text=True, timeout=120)
    assert resume.returncode == 0, resume.stderr[-3000:]
    step = json.loads((run / "run.json").read_text())["step"]
    assert step >= saved + 2 > 2
    assert f"at step {step - 2}" in resume.stderr
