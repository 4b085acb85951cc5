"""The same training on other CPU kernels: what a user's machine may compute differently from this one.

PyTorch picks its vectorised kernels by CPU (`ATEN_CPU_CAPABILITY` forces a family: default, avx2, avx512;
a family the CPU lacks falls back to one it has).  Each run here is a fresh interpreter, since the choice is
made when torch loads.  The tests pin what the product promises: on the same kernels a run repeats bit for
bit; on other kernels it agrees within helpers.KERNEL_ATOL / KERNEL_RTOL, never more apart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from .helpers import assert_close_across_kernels

ROOT = Path(__file__).resolve().parents[2]

_TRAIN = r"""
import json, sys
import numpy as np, torch
from tests.core.helpers import tiny_config, tiny_data
from gan_studio.core.training.trainer import Trainer
threads = int(sys.argv[1])
x, y = tiny_data()
t = Trainer(tiny_config(updates="simultaneous", ema=0.9, threads=threads), x, y)
for _ in range(12):
    t.step()
rows = [[r.loss_d, r.loss_g, r.d_real, r.d_fake] for r in t.flush()]
np.savez(sys.argv[2], **{k: v.numpy() for k, v in t.state()["weights"].items()})
print(json.dumps({"capability": torch.backends.cpu.get_cpu_capability(), "rows": rows}))
"""


def _train(tmp_path: Path, capability: str, threads: int, tag: str) -> tuple[str, list, dict]:
    env = dict(os.environ, ATEN_CPU_CAPABILITY=capability, PYTHONPATH=str(ROOT), OMP_NUM_THREADS=str(threads))
    out = tmp_path / f"{tag}.npz"
    done = subprocess.run([sys.executable, "-c", _TRAIN, str(threads), str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    with np.load(out) as weights:
        return report["capability"], report["rows"], {k: weights[k] for k in weights.files}


def _native() -> str:
    import torch
    return torch.backends.cpu.get_cpu_capability()


@pytest.mark.exactness
def test_the_same_kernels_repeat_a_run_bit_for_bit(tmp_path):
    cap_a, rows_a, w_a = _train(tmp_path, _native().lower(), 1, "a")
    cap_b, rows_b, w_b = _train(tmp_path, _native().lower(), 1, "b")
    assert cap_a == cap_b == _native()
    assert rows_a == rows_b
    for k in w_a:
        np.testing.assert_array_equal(w_a[k], w_b[k], err_msg=k)


@pytest.mark.exactness
@pytest.mark.parametrize("threads", [1, 2])
def test_the_plain_kernels_agree_with_this_cpus_within_the_tolerance(tmp_path, threads):
    native, rows_n, w_n = _train(tmp_path, _native().lower(), threads, "native")
    plain, rows_p, w_p = _train(tmp_path, "default", threads, "default")
    assert plain == "DEFAULT"
    assert_close_across_kernels(rows_p, rows_n, f"losses, {plain} vs {native}: ")
    assert_close_across_kernels(w_p, w_n, f"weights, {plain} vs {native}: ")
    assert any(np.abs(w_p[k]).max() > 0 for k in w_p)
