"""How long loading all of MNIST takes, against reading and decompressing its files alone.

    .venv/bin/python benchmarks/dataset_load.py [--mnist ../shared/datasets/mnist] [--repeats 5]

Imports the four IDX files into a temporary GAN_STUDIO_HOME, then times, alternately in one process:
the baseline (gzip-decompress the four files into numpy arrays) and `load_dataset(DataConfig("mnist"))`
(parse, check, split the held-out set, build the identity). Prints the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import tempfile
import time
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mnist", default=str(Path(__file__).resolve().parents[2] / "shared/datasets/mnist"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-load-")
    import numpy as np

    from gan_studio.core.config import DataConfig
    from gan_studio.core.data import cached_dataset_dir, import_idx_folder, load_dataset

    import_idx_folder("mnist", Path(args.mnist))
    files = sorted(cached_dataset_dir("mnist").iterdir())
    base, full = [], []
    for _ in range(args.repeats):
        t = time.perf_counter()
        for f in files:
            raw = f.read_bytes()
            np.frombuffer(gzip.decompress(raw) if f.suffix == ".gz" else raw, np.uint8).copy()
        base.append(time.perf_counter() - t)
        t = time.perf_counter()
        data = load_dataset(DataConfig(source="mnist"))
        full.append(time.perf_counter() - t)
    b, f = statistics.median(base), statistics.median(full)
    print(f"{len(data.train):,} training images; medians of {args.repeats}")
    print(f"baseline (decompress the files): {b:.3f} s")
    print(f"load_dataset('mnist'):           {f:.3f} s  = {f / b:.2f}x the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
