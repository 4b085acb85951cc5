"""Training on several processes with DistributedDataParallel, launched by torchrun.

    torchrun --standalone --nproc-per-node 2 -m gan_studio train --steps 2000 --out RUN

`init_from_env()` notices torchrun (RANK / WORLD_SIZE / LOCAL_RANK in the
environment), starts the process group — gloo on the CPU, nccl with one GPU
per process (`cuda:LOCAL_RANK`) — and returns a `Distributed` context; a plain
`python -m gan_studio` gets None and trains in one process as always.

How a `Trainer` trains under it (`Distributed.prepare`):

* Every process starts from rank 0's complete trainer state (weights, EMA,
  optimizers, step, elapsed time; after `resume` that is the checkpoint).
* Each process then draws its own batches, noise and labels: rank r > 0
  reseeds the batch stream with `seed + r + world_size · step`; rank 0 keeps
  the stream a single process would have, so its checkpoint resumes exactly
  like an ordinary run.  The batch size is per process: N processes train on
  N × batch_size images per update.
* The forward passes whose gradients update a network go through DDP
  wrappers (`trainer._G_train`, `trainer._D_train`), so the gradients are
  averaged over the processes before every optimizer step and the weights
  stay identical.  `trainer.G` / `trainer.D` remain the plain modules: state
  dicts and checkpoints do not change.  The generator update runs the plain
  D (its parameters are frozen there, nothing to synchronise), and the
  fakes for the D update come from the plain G under no_grad.  Every DDP
  forward uses all parameters, so `find_unused_parameters` stays off (it
  would also rule out the WGAN-GP double backward).
* Buffers: batch-norm running statistics follow each process's own batches,
  and spectral norm's power iteration updates `u`/`v` in every forward.  DDP's
  buffer broadcast at the start of each forward is switched off (it would miss
  the plain-module forwards); instead, after both updates of every step, one
  broadcast copies rank 0's floating-point buffers of G and D to the others
  (what DDP's default does, done once per step at the right moment), so the
  EMA generator's buffers match as well.
* Metrics: each process computes its own losses; rank 0 writes its own (the
  gradient norms are those of the averaged gradients, the same everywhere).
  images/s counts the images of all processes.

Stopping (`run_for`): before each chunk of steps the processes all-reduce one
small tensor — "stop" (user request, time limit, target reached, divergence)
and the training time — so every process stops after the same step and none
is left waiting in a collective.  Rank 0 alone writes the run folder.
"""

from __future__ import annotations

import inspect
import os
import time
from dataclasses import dataclass
from datetime import timedelta

import torch
import torch.distributed as dist

# Stop codes, agreed with an all-reduce MAX: the largest wins.
CONTINUE, STOP_TARGET, STOP_USER, STOP_DIVERGED = 0, 1, 2, 3
REASONS = {STOP_TARGET: "target reached", STOP_USER: "stopped by the user", STOP_DIVERGED: "diverged"}


class DistributedError(RuntimeError):
    pass


def launched_by_torchrun() -> bool:
    """True in a process that torchrun started as one of several (WORLD_SIZE > 1)."""
    try:
        return int(os.environ.get("WORLD_SIZE", "1")) > 1 and "RANK" in os.environ
    except ValueError:
        return False


def pick_device(preference: str | None, local_rank: int) -> torch.device:
    """The device of this process: `cuda:LOCAL_RANK` for auto/cuda when CUDA exists, else the CPU."""
    pref = (preference or "auto").strip()
    if pref in ("", "auto"):
        pref = "cuda" if torch.cuda.is_available() else "cpu"
    if pref == "cpu":
        return torch.device("cpu")
    if pref.startswith("cuda"):
        if not torch.cuda.is_available():
            raise DistributedError(f"device {preference!r} is not available here")
        if local_rank >= torch.cuda.device_count():
            raise DistributedError(f"process {local_rank} on this machine has no GPU of its own "
                                   f"({torch.cuda.device_count()} GPUs); start at most that many processes per node")
        return torch.device("cuda", local_rank)
    raise DistributedError(f"distributed training runs on the CPU or on CUDA GPUs, not on {preference!r}")


@dataclass
class Distributed:
    """This process's place in a distributed run."""

    rank: int
    world_size: int
    local_rank: int
    local_world_size: int
    backend: str
    device: torch.device

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def describe(self) -> str:
        return f"{self.world_size} processes ({self.backend})"

    # ------------------------------------------------------------ collectives
    def broadcast_object(self, obj=None):
        """Rank 0's `obj` on every process (pickled; tensors travel on the CPU)."""
        box = [_to_cpu(obj) if self.is_main else None]
        dist.broadcast_object_list(box, src=0, device=self.device if self.backend == "nccl" else None)
        return box[0]

    def agree(self, code: int, elapsed: float) -> tuple[int, float]:
        """All-reduce MAX of a stop code and the training time: every process gets the same answer."""
        t = torch.tensor([float(code), float(elapsed)], dtype=torch.float64,
                         device=self.device if self.backend == "nccl" else "cpu")
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        return int(t[0].item()), float(t[1].item())

    def close(self) -> None:
        """Leave the process group together.  A rank that tore its group down while another was still
        saving was seen to abort at exit (gloo, "terminate called without an active exception"), so the
        processes first wait for each other, for at most a minute (a rank that died does not hold the rest)."""
        if not (dist.is_available() and dist.is_initialized()):
            return
        try:
            if self.backend == "gloo":
                dist.monitored_barrier(timeout=timedelta(seconds=60))
            else:
                dist.barrier()
        except Exception:  # noqa: BLE001 - a peer that is gone: leave anyway
            pass
        dist.destroy_process_group()

    # ---------------------------------------------------------------- trainer
    def prepare(self, trainer) -> None:
        """Make `trainer` one of the processes of this run (see the module docstring)."""
        import warnings

        from torch.nn.parallel import DistributedDataParallel as DDP

        from .device import cpu_threads, set_threads

        # A 1-channel conv weight in channels_last has ambiguous strides; its gradient is then
        # copied into DDP's bucket instead of written there directly.  Correct, and not worth a warning.
        warnings.filterwarnings("ignore", message="Grad strides do not match bucket view strides")

        if trainer.device != self.device:
            raise DistributedError(f"the trainer is on {trainer.device}, this process trains on {self.device}")
        if trainer.device.type == "cpu" and trainer.config.train.threads == 0:
            # "Every core" means this process's share of them.
            trainer.threads = set_threads(max(1, cpu_threads() // max(1, self.local_world_size)))
        state = self.broadcast_object(trainer.capture() if self.is_main else None)
        if not self.is_main:
            trainer.restore(state)
            trainer.reseed_batches(trainer.config.train.seed + self.rank + self.world_size * trainer.step_count)
        ddp_args = dict(device_ids=[self.device.index] if self.device.type == "cuda" else None,
                        find_unused_parameters=False)
        if "forward_sync_buffers" in inspect.signature(DDP.__init__).parameters:
            ddp_args["forward_sync_buffers"] = False   # torch ≥ 2.13: still syncs at construction
        else:
            ddp_args["broadcast_buffers"] = False
        trainer._G_train = DDP(trainer.G, **ddp_args)
        trainer._D_train = DDP(trainer.D, **ddp_args)
        buffers = [b for m in (trainer.G, trainer.D) for b in m.buffers() if b.is_floating_point()]
        trainer._after_updates = (lambda: self.broadcast_tensors(buffers)) if buffers else None
        trainer.processes = self.world_size

    def broadcast_tensors(self, tensors: list[torch.Tensor]) -> None:
        """Rank 0's values of `tensors` everywhere, in place, in one broadcast per dtype."""
        by_dtype: dict[torch.dtype, list[torch.Tensor]] = {}
        for b in tensors:
            by_dtype.setdefault(b.dtype, []).append(b)
        with torch.no_grad():
            for group in by_dtype.values():
                flat = torch.cat([b.reshape(-1) for b in group])
                dist.broadcast(flat, src=0)
                if self.is_main:
                    continue
                offset = 0
                for b in group:
                    n = b.numel()
                    b.copy_(flat[offset:offset + n].view_as(b))
                    offset += n

    # ------------------------------------------------------------------ loop
    def run_for(self, session, max_steps: int = 0, max_seconds: float = 0.0, chunk: int = 10,
                on_update=None, should_stop=None) -> str:
        """`TrainingSession.run_for` for all processes at once; returns why training stopped.

        Before every chunk the processes agree on whether to go on, so they all stop after
        the same step.  A divergence seen by any process raises `TrainingDiverged` on all."""
        from .trainer import TrainingDiverged

        trainer = session.trainer
        start_step, start = trainer.step_count, time.perf_counter()
        code, diverged, finished = CONTINUE, None, False
        while True:
            local = CONTINUE
            if diverged is not None:
                local = STOP_DIVERGED
            elif should_stop is not None and should_stop():
                local = STOP_USER
            elif (finished or (max_steps and trainer.step_count - start_step >= max_steps)
                  or (max_seconds and time.perf_counter() - start >= max_seconds)):
                local = STOP_TARGET
            # Training time is the longest of the processes': every process then sees the same
            # `elapsed`, so a time target in the config stops them all after the same step.
            code, trainer.elapsed = self.agree(local, trainer.elapsed)
            if code != CONTINUE:
                break
            n = chunk if not max_steps else min(chunk, max_steps - (trainer.step_count - start_step))
            try:
                update = session.advance(n, exact_snapshot_steps=False)   # every rank runs n steps
            except TrainingDiverged as exc:
                diverged = exc
                continue
            if on_update is not None:
                on_update(update)
            finished = update.finished or not update.records
        if code == STOP_DIVERGED:
            if diverged is None:
                diverged = TrainingDiverged(trainer.step_count, ["a value on another process"])
            raise diverged
        return REASONS[code]


def init_from_env(device: str | None = None, timeout: timedelta | None = None) -> Distributed | None:
    """Join the process group torchrun set up; None when this is a plain single process.

    `device`: the configured device (auto, cpu, cuda…); each process takes `cuda:LOCAL_RANK`
    when it names CUDA (or auto finds it), else the CPU."""
    if not launched_by_torchrun():
        return None
    rank = int(os.environ["RANK"])
    world_size = int(os.environ["WORLD_SIZE"])
    local_rank = int(os.environ.get("LOCAL_RANK", rank))
    local_world_size = int(os.environ.get("LOCAL_WORLD_SIZE", world_size))
    dev = pick_device(device, local_rank)
    backend = "nccl" if dev.type == "cuda" else "gloo"
    if dev.type == "cuda":
        torch.cuda.set_device(dev)
    if not dist.is_initialized():
        kwargs = {"backend": backend, "rank": rank, "world_size": world_size}
        if timeout is not None:
            kwargs["timeout"] = timeout
        dist.init_process_group(**kwargs)
    return Distributed(rank, world_size, local_rank, local_world_size, backend, dev)


def _to_cpu(obj):
    if isinstance(obj, torch.Tensor):
        return obj.detach().cpu()
    if isinstance(obj, dict):
        return {k: _to_cpu(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_cpu(v) for v in obj)
    return obj
