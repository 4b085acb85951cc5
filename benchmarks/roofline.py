"""Roofline: how close one training step of a preset comes to what this CPU sustains.

Counts the floating-point operations of one training step of a preset (default:
`quick-digits`, the app's default) with torch's FlopCounterMode, times the step,
and compares the achieved FLOP/s with two ceilings measured in the same run,
interleaved with the step timings so machine load hits them alike:

* **matmul**: a large square fp32 matmul (the BLAS ceiling of this CPU and
  thread count);
* **layers**: every convolution / linear layer of the step, at its exact shapes,
  run alone forward + backward (what the step's own shapes can sustain: small
  channel counts run well below the BLAS ceiling).  With `--threads 2` the
  layers run twice at once, on two threads of one intra-op thread each: what
  both cores sustain on these shapes, the way the two halves of a simultaneous
  step use them.

With one thread every timing counts CPU time (robust to other load); with more,
wall-clock time, since the point is what all the cores do together.

Then a profile of the step splits its time by kind of work (convolutions,
matmuls, normalisation, activations, optimizer, spectral norm, EMA, other),
which says where the time not spent at the ceiling goes.

    .venv/bin/python benchmarks/roofline.py                     # quick-digits, 1 thread, 5 repeats
    OMP_WAIT_POLICY=PASSIVE .venv/bin/python benchmarks/roofline.py --threads 2   # both cores, wall clock
    .venv/bin/python benchmarks/roofline.py --threads 2 --preset dcgan

Medians of `--repeats` interleaved rounds; writes benchmarks/results/roofline.json.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import platform
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.flop_counter import FlopCounterMode  # noqa: E402

from gan_studio.core.config import DataConfig  # noqa: E402
from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.trainer import Trainer  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return float("nan")


def digit_like_data(n: int = 4096, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Random stroke-ish 28x28 images: the step's cost does not depend on what the digits look like."""
    rng = np.random.default_rng(seed)
    images = (rng.random((n, 1, 28, 28)) ** 4 * 255).astype(np.uint8)
    return images, rng.integers(0, 10, n).astype(np.int64)


def time_it(fn, seconds: float, clock=time.process_time) -> float:
    """Seconds per call: calls `fn` for about `seconds` of `clock` (CPU time by default) after one warm-up call."""
    fn()
    calls, start = 0, clock()
    while True:
        fn()
        calls += 1
        spent = clock() - start
        if spent >= seconds:
            return spent / calls


def matmul_ceiling(size: int = 1024):
    a, b = torch.randn(size, size), torch.randn(size, size)
    flops = 2 * size**3

    def run():
        torch.mm(a, b)
    return run, flops


class LayerRecorder:
    """Records the input shapes of every Conv/ConvTranspose/Linear call during one step."""

    def __init__(self, modules: list[nn.Module]):
        self.calls: list[tuple[nn.Module, tuple]] = []
        self._handles = [m.register_forward_pre_hook(self._hook) for m in modules
                         if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear))]

    def _hook(self, module, inputs):
        self.calls.append((module, tuple(inputs[0].shape)))

    def close(self):
        for h in self._handles:
            h.remove()


def layer_ceiling(calls: list[tuple[nn.Module, tuple]]):
    """Every recorded layer call alone, forward + backward (weights and input gradients), plain weights."""
    jobs = []
    for module, shape in calls:
        weight = module.weight.detach().clone().requires_grad_(True)
        bias = module.bias.detach().clone().requires_grad_(True) if module.bias is not None else None
        x = torch.randn(shape, requires_grad=True)
        if isinstance(module, nn.Conv2d):
            x = x.detach().contiguous(memory_format=torch.channels_last).requires_grad_(True)
            f = lambda x, w=weight, b=bias, m=module: torch.nn.functional.conv2d(x, w, b, m.stride, m.padding)  # noqa: E731
        elif isinstance(module, nn.ConvTranspose2d):
            x = x.detach().contiguous(memory_format=torch.channels_last).requires_grad_(True)
            f = lambda x, w=weight, b=bias, m=module: torch.nn.functional.conv_transpose2d(x, w, b, m.stride, m.padding)  # noqa: E731
        else:
            f = lambda x, w=weight, b=bias: torch.nn.functional.linear(x, w, b)  # noqa: E731
        jobs.append((f, x))

    def run():
        for f, x in jobs:
            f(x).sum().backward()
    with FlopCounterMode(display=False) as fc:
        run()
    return run, fc.get_total_flops()


def on_both_cores(runs):
    """One call runs every function of `runs` at once, each on its own thread with one intra-op thread."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)   # a new thread takes torch's thread count at its first operation
    pool = concurrent.futures.ThreadPoolExecutor(len(runs), thread_name_prefix="roofline")
    list(pool.map(lambda run: run(), runs))
    torch.set_num_threads(before)

    def run():
        for f in [pool.submit(r) for r in runs]:
            f.result()
    return run


CATEGORIES = [  # (category, substrings of profiler op names), first match wins
    ("convolution", ("convolution", "conv_transpose", "mkldnn_conv", "conv2d", "_convolution")),
    ("matmul (linear layers)", ("aten::mm", "aten::addmm", "aten::bmm", "aten::addmv", "aten::mv", "aten::dot")),
    ("normalisation", ("batch_norm",)),
    ("activations", ("relu", "leaky", "threshold", "tanh", "sigmoid", "softplus")),
    ("optimizer (Adam)", ("Optimizer", "_foreach", "addcdiv", "addcmul", "lerp")),
    ("memory (copies, layout)", ("copy_", "clone", "empty", "contiguous", "resize_", "as_strided", "to_copy")),
]


def profile_breakdown(step, steps: int = 20) -> dict[str, float]:
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps):
            step()
    shares: dict[str, float] = defaultdict(float)
    total = 0.0
    for evt in prof.key_averages():
        self_us = evt.self_cpu_time_total
        if self_us <= 0 or evt.key.startswith("ProfilerStep"):
            continue
        total += self_us
        name = evt.key
        for cat, keys in CATEGORIES:
            if any(k in name for k in keys):
                shares[cat] += self_us
                break
        else:
            shares["other (autograd bookkeeping, small ops, Python)"] += self_us
    return {k: round(100 * v / total, 1) for k, v in sorted(shares.items(), key=lambda kv: -kv[1])}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", default="quick-digits")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1 is robust to other load)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=1.5, help="CPU seconds per timing")
    ap.add_argument("--out", default=str(RESULTS / "roofline.json"))
    args = ap.parse_args(argv)

    torch.manual_seed(0)
    images, labels = digit_like_data()
    cfg = get_preset(args.preset).config()
    cfg = cfg.replace(data=DataConfig(source="mnist"), train=cfg.train.replace(device="cpu", threads=args.threads))
    trainer = Trainer(cfg, images, labels, device="cpu")
    torch.set_num_threads(args.threads)
    batch = cfg.train.batch_size * cfg.train.d_steps

    def step():
        trainer.step()
        trainer.flush()

    for _ in range(10):
        step()
    # FLOPs are counted per thread: count and record one step with the two halves of a simultaneous step
    # one after the other (the same operations as on two threads).
    trainer.threads = 1
    with FlopCounterMode(display=False) as fc:
        step()
    step_flops = fc.get_total_flops()
    recorder = LayerRecorder(list(trainer.G.modules()) + list(trainer.D.modules()))
    step()
    recorder.close()
    trainer.threads = args.threads
    torch.set_num_threads(args.threads)
    layers_run, layer_flops = layer_ceiling(recorder.calls)
    clock = time.process_time
    if args.threads > 1:   # all the cores at once: as many copies of the layers as threads, wall clock
        copies = [layer_ceiling(recorder.calls) for _ in range(args.threads)]
        layers_run, layer_flops = on_both_cores([run for run, _ in copies]), sum(f for _, f in copies)
        clock = time.perf_counter
    mm_run, mm_flops = matmul_ceiling()

    rows = defaultdict(list)
    for r in range(args.repeats):  # interleaved: the load of the moment hits all three alike
        t_step = time_it(step, args.seconds, clock)
        t_layers = time_it(layers_run, args.seconds, clock)
        t_mm = time_it(mm_run, args.seconds, clock)
        rows["step_gflops"].append(step_flops / t_step / 1e9)
        rows["layers_gflops"].append(layer_flops / t_layers / 1e9)
        rows["matmul_gflops"].append(mm_flops / t_mm / 1e9)
        rows["step_ms"].append(1e3 * t_step)
        print(f"round {r + 1}: step {1e3 * t_step:6.1f} ms ({rows['step_gflops'][-1]:5.1f} GFLOP/s), "
              f"layers alone {rows['layers_gflops'][-1]:5.1f} GFLOP/s, matmul {rows['matmul_gflops'][-1]:5.1f} "
              f"GFLOP/s, load {load_average()}", flush=True)
    med = {k: statistics.median(v) for k, v in rows.items()}
    breakdown = profile_breakdown(step)
    per_layer = []
    seen = set()
    for module, shape in recorder.calls:  # each distinct layer call alone: which shapes run far below the ceiling
        if (id(module), shape) in seen:
            continue
        seen.add((id(module), shape))
        run, flops = layer_ceiling([(module, shape)])
        t = statistics.median(time_it(run, args.seconds / 4) for _ in range(3))
        per_layer.append({"layer": type(module).__name__.replace("Parametrized", ""),
                          "weight": list(module.weight.shape), "input": list(shape),
                          "mflop": round(flops / 1e6, 2), "ms": round(1e3 * t, 3), "gflops": round(flops / t / 1e9, 2)})

    print()
    print(f"{args.preset}: {step_flops / 1e6:.0f} MFLOP per step ({step_flops / batch / 1e6:.1f} MFLOP per "
          f"training image, batch {batch}); {args.threads} thread(s), "
          f"{'CPU time' if clock is time.process_time else 'wall clock'}")
    print(f"  step            {med['step_ms']:7.1f} ms   {med['step_gflops']:6.1f} GFLOP/s")
    print(f"  its layers alone            {med['layers_gflops']:6.1f} GFLOP/s  (step / layers = "
          f"{med['step_gflops'] / med['layers_gflops']:.2f})")
    print(f"  matmul {1024}^3                {med['matmul_gflops']:6.1f} GFLOP/s  (step / matmul = "
          f"{med['step_gflops'] / med['matmul_gflops']:.2f})")
    print("  each layer alone, forward + backward (weight, input):")
    for row in per_layer:
        print(f"    {row['layer']:16s} {str(tuple(row['weight'])):16s} on {str(tuple(row['input'])):18s} "
              f"{row['mflop']:7.1f} MFLOP {row['ms']:7.2f} ms {row['gflops']:6.1f} GFLOP/s")
    print("  where the step's time goes (profiler, self CPU time):")
    for cat, share in breakdown.items():
        print(f"    {share:5.1f} %  {cat}")

    result = {
        "benchmark": "roofline", "args": vars(args),
        "machine": {"platform": platform.platform(), "processor": platform.processor(), "torch": torch.__version__,
                    "cpu_count": os.cpu_count(), "threads": torch.get_num_threads()},
        "clock": "cpu" if clock is time.process_time else "wall",
        "flops_per_step": step_flops, "flops_per_image": step_flops / batch, "layer_flops": layer_flops,
        "rounds": {k: [round(x, 3) for x in v] for k, v in rows.items()},
        "median": {k: round(v, 3) for k, v in med.items()},
        "step_vs_layers": round(med["step_gflops"] / med["layers_gflops"], 3),
        "step_vs_matmul": round(med["step_gflops"] / med["matmul_gflops"], 3),
        "time_breakdown_percent": breakdown,
        "layers": per_layer,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), "utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
