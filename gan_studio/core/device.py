"""Which compute devices exist, and picking one."""

from __future__ import annotations

import os
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


def set_threads(threads: int = 0) -> int:
    """Set torch's intra-op threads (0: every core) and return what torch reports."""
    torch.set_num_threads(threads if threads > 0 else cpu_threads())
    return torch.get_num_threads()
