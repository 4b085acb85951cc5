"""Which compute devices exist, and picking one."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..messages import Message

if TYPE_CHECKING:
    import torch

# torch is imported where it is used: the window shows before PyTorch loads (gan_studio/app/torch_loader.py).


@dataclass(frozen=True)
class DeviceInfo:
    key: str       # "cpu", "cuda:0", "mps"
    label: str     # "CPU (2 threads)", "CUDA 0 — NVIDIA H200", "Apple MPS"
    kind: str      # "cpu", "cuda", "mps"


def cpu_threads() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def cpu_device() -> DeviceInfo:
    """The CPU, known without importing torch (the window lists it before PyTorch has loaded)."""
    return DeviceInfo("cpu", Message("CPU ({n} threads)", n=str(cpu_threads())), "cpu")


def available_devices() -> list[DeviceInfo]:
    """Best first: CUDA devices, then Apple MPS, then the CPU."""
    import torch

    found: list[DeviceInfo] = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            found.append(DeviceInfo(f"cuda:{i}", f"CUDA {i} — {torch.cuda.get_device_name(i)}", "cuda"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(DeviceInfo("mps", "Apple MPS", "mps"))
    found.append(cpu_device())
    return found


def resolve_device(name: str = "auto") -> torch.device:
    """'auto' → the best available; otherwise check that the named device exists."""
    import torch

    if name in ("", "auto"):
        return torch.device(available_devices()[0].key)
    keys = {d.key for d in available_devices()} | {"cuda"} if torch.cuda.is_available() else {d.key for d in available_devices()}
    if name not in keys:
        raise ValueError(f"device {name!r} is not available here; choose one of: auto, {', '.join(sorted(keys))}")
    return torch.device(name)


PROBE_CACHE_S = 30.0          # a probe's answer is reused this long (the window asks often)
_probe_cache: dict[int, tuple[float, int]] = {}


def _probe_seconds(threads: int, work: list[torch.Tensor], rounds: int) -> float:
    """Best time of `rounds` passes of 8 matmuls with `threads` intra-op threads."""
    import torch

    torch.set_num_threads(threads)
    a, b = work
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        x = a
        for _ in range(8):
            x = torch.tanh(x @ b)
        best = min(best, time.perf_counter() - t0)
    return best


def choose_threads(limit: int = 0, *, margin: float = 1.5) -> int:
    """Intra-op threads for training: every core (up to `limit`), unless fewer are clearly faster now.

    A short throughput probe (~0.1-0.3 s): matmuls (128x512 @ 512x512) timed with 1 thread and with
    `limit` threads (0: every core), alternating, best of several passes each; fewer threads are chosen
    when they are at least `margin` times faster.  That catches OpenMP workers spin-waiting for a core
    another process holds (up to 10x slower per step; benchmarks/threads_under_load.py).  With
    OMP_WAIT_POLICY=PASSIVE, which the entry point sets before torch loads, every core measured best
    even with one core busy, so the probe rarely overrules it.  The answer is cached for PROBE_CACHE_S
    seconds per limit; torch's thread count is restored."""
    cores = cpu_threads()
    limit = cores if limit <= 0 else min(limit, cores)
    if limit <= 1:
        return 1
    now = time.monotonic()
    cached = _probe_cache.get(limit)
    if cached is not None and now - cached[0] < PROBE_CACHE_S:
        return cached[1]
    import torch

    before = torch.get_num_threads()
    try:
        gen = torch.Generator().manual_seed(0)
        work = [torch.randn(128, 512, generator=gen), torch.randn(512, 512, generator=gen) / 23]
        candidates = [1, limit] if limit <= 3 else [1, max(2, limit // 2), limit]
        best = {c: float("inf") for c in candidates}
        for c in candidates:          # warm up each thread pool size once
            _probe_seconds(c, work, 1)
        for _ in range(3):            # alternate, so a burst of load hits every candidate
            for c in candidates:
                best[c] = min(best[c], _probe_seconds(c, work, 2))
        chosen = limit                # every core, unless fewer threads are clearly faster
        for c in reversed(candidates[:-1]):
            if best[c] * margin <= best[chosen]:
                chosen = c
    finally:
        torch.set_num_threads(before)
    _probe_cache[limit] = (now, chosen)
    return chosen


def set_threads(threads: int = 0) -> int:
    """Set torch's intra-op threads and return what torch reports.

    0 chooses: `choose_threads()`, every core unless a probe shows fewer threads clearly faster."""
    import torch

    torch.set_num_threads(threads if threads > 0 else choose_threads())
    return torch.get_num_threads()
