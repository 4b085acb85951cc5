"""Which compute devices exist, and picking one."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class DeviceInfo:
    key: str       # "cpu", "cuda:0", "mps"
    label: str     # "CPU (2 threads)", "CUDA 0 — NVIDIA H200", "Apple MPS"
    kind: str      # "cpu", "cuda", "mps"


def cpu_threads() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def available_devices() -> list[DeviceInfo]:
    """Best first: CUDA devices, then Apple MPS, then the CPU."""
    found: list[DeviceInfo] = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            found.append(DeviceInfo(f"cuda:{i}", f"CUDA {i} — {torch.cuda.get_device_name(i)}", "cuda"))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append(DeviceInfo("mps", "Apple MPS", "mps"))
    found.append(DeviceInfo("cpu", f"CPU ({cpu_threads()} threads)", "cpu"))
    return found


def resolve_device(name: str = "auto") -> torch.device:
    """'auto' → the best available; otherwise check that the named device exists."""
    if name in ("", "auto"):
        return torch.device(available_devices()[0].key)
    keys = {d.key for d in available_devices()} | {"cuda"} if torch.cuda.is_available() else {d.key for d in available_devices()}
    if name not in keys:
        raise ValueError(f"device {name!r} is not available here; choose one of: auto, {', '.join(sorted(keys))}")
    return torch.device(name)


PROBE_CACHE_S = 30.0          # a probe's answer is reused this long (the window asks often)
_probe_cache: dict[int, tuple[float, int]] = {}


def _probe_seconds(threads: int, work: list[torch.Tensor], rounds: int) -> float:
    """Best time of `rounds` passes of small matmuls with `threads` intra-op threads."""
    torch.set_num_threads(threads)
    a, b = work
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        x = a
        for _ in range(24):
            x = torch.tanh(x @ b)
        best = min(best, time.perf_counter() - t0)
    return best


def choose_threads(limit: int = 0, *, margin: float = 1.2) -> int:
    """Intra-op threads for training: 1 unless more threads measurably pay off right now.

    A short throughput probe (~50 ms): small matmuls shaped like a training step's, timed with 1
    thread and with `limit` threads (0: every core), alternating, best of several passes each.
    More threads are chosen only when they are at least `margin` times faster.  On a machine where
    another process holds a core, extra OpenMP threads wait for that core and a step can get many
    times slower (benchmarks/threads_under_load.py); the probe sees that and picks fewer threads.
    The answer is cached for PROBE_CACHE_S seconds per limit; torch's thread count is restored."""
    cores = cpu_threads()
    limit = cores if limit <= 0 else min(limit, cores)
    if limit <= 1:
        return 1
    now = time.monotonic()
    cached = _probe_cache.get(limit)
    if cached is not None and now - cached[0] < PROBE_CACHE_S:
        return cached[1]
    before = torch.get_num_threads()
    try:
        gen = torch.Generator().manual_seed(0)
        work = [torch.randn(64, 256, generator=gen), torch.randn(256, 256, generator=gen) / 16]
        candidates = [1, limit] if limit <= 3 else [1, max(2, limit // 2), limit]
        best = {c: float("inf") for c in candidates}
        for c in candidates:          # warm up each thread pool size once
            _probe_seconds(c, work, 1)
        for _ in range(3):            # alternate, so a burst of load hits every candidate
            for c in candidates:
                best[c] = min(best[c], _probe_seconds(c, work, 2))
        chosen = 1
        for c in candidates[1:]:
            if best[chosen] >= margin * best[c]:
                chosen = c
    finally:
        torch.set_num_threads(before)
    _probe_cache[limit] = (now, chosen)
    return chosen


def set_threads(threads: int = 0) -> int:
    """Set torch's intra-op threads and return what torch reports.

    0 chooses: `choose_threads()` measures whether more than one thread pays off right now."""
    torch.set_num_threads(threads if threads > 0 else choose_threads())
    return torch.get_num_threads()
