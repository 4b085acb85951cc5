"""Which real digits the FD compares with: does real data reach the real-vs-real floor?

    .venv/bin/python benchmarks/reference_check.py [--mnist DIR] [--draws 5]

The quality meter's FD compares generated digits with a held-out reference of 2,000 test digits, and its
floor is the FD between two disjoint halves of that reference.  A perfect generator of the *training*
distribution should then score about the floor.  This script checks that with real training digits
standing in for the generator (1,000 drawn at random, `--draws` times), and scores the shipped pretrained
generator beside them, against three references:

* ``first-2000``: the first 2,000 digits of MNIST's test file (the held-out set before 2026-11-30; the
  test file's first 5,000 come from NIST's SD-3 writers, the rest from SD-1),
* ``mixed-2000``: the held-out set the product uses now (2,000 drawn at random from the whole test file),
* ``last-2000``: test digits 8,000–9,999 (SD-1 writers only), for contrast.

No training: about 20 s.  Output: a table and benchmarks/results/reference_check.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"))
    ap.add_argument("--draws", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "reference_check.json"))
    args = ap.parse_args(argv)

    import torch

    from gan_studio.core.config import DataConfig
    from gan_studio.core.data import load_dataset
    from gan_studio.core.data.idx import read_idx
    from gan_studio.core.explore.generator import load_generator
    from gan_studio.core.metrics import QualityMeter
    from gan_studio.paths import resource_path
    from time_to_digits import EVAL_SAMPLES, EVAL_SEED, HELDOUT   # the same evaluation as the headline

    torch.set_num_threads(1)
    dataset = load_dataset(DataConfig(source="mnist", path=args.mnist, holdout=HELDOUT), 28, 1)
    test = read_idx(Path(args.mnist) / "t10k-images-idx3-ubyte.gz")[:, None]
    references = {"first-2000": test[:HELDOUT], "mixed-2000": dataset.heldout.images, "last-2000": test[8000:]}
    meter = QualityMeter.load_default()
    model = load_generator(resource_path("models", "pretrained-mnist.safetensors"))
    z = torch.randn(EVAL_SAMPLES, model.latent_dim, generator=torch.Generator().manual_seed(EVAL_SEED)).numpy()
    fake = model.generate(z, np.arange(EVAL_SAMPLES) % model.num_classes)
    rng = np.random.default_rng(0)
    draws = [dataset.train.images[rng.choice(len(dataset.train), EVAL_SAMPLES, replace=False)] for _ in range(args.draws)]

    result = {}
    print(f"{'reference':12s} {'floor':>6s}  {'real training digits: FD (÷ floor)':>40s}  {'pretrained generator':>22s}")
    for name, images in references.items():
        ref = meter.reference(images)
        real = [meter.evaluate(d, ref) for d in draws]
        gen = meter.evaluate(fake, ref)
        floor = gen.fd_floor
        fds = [r.fd for r in real]
        result[name] = {"floor": floor, "real_training_fd": fds, "real_training_fd_median": statistics.median(fds),
                        "pretrained_fd": gen.fd}
        print(f"{name:12s} {floor:6.2f}  {min(fds):6.2f}–{max(fds):6.2f}, median {statistics.median(fds):6.2f} "
              f"({statistics.median(fds) / floor:4.2f}x)  {gen.fd:8.2f} ({gen.fd / floor:4.2f}x)")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
