"""Build the offline MNIST sample shipped in resources/data/.

Takes the first 1,000 training digits of each class (in file order) and the
first 200 test digits of each class from a folder holding the four MNIST IDX
files, and writes them as gzip IDX files plus manifest.json and README.md.

    python scripts/make_offline_sample.py [MNIST_DIR] [--out resources/data]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gan_studio.core.data.catalog import SAMPLE_FILES, find_idx_files  # noqa: E402
from gan_studio.core.data.fileutil import atomic_write_bytes, atomic_write_json, sha256_file  # noqa: E402
from gan_studio.core.data.idx import read_image_label_pair, write_idx  # noqa: E402

TRAIN_PER_CLASS = 1000
TEST_PER_CLASS = 200


def first_per_class(labels: np.ndarray, per_class: int) -> np.ndarray:
    """Indices of the first `per_class` items of every class, in original file order."""
    picks = []
    for c in range(10):
        idx = np.flatnonzero(labels == c)[:per_class]
        if len(idx) < per_class:
            raise SystemExit(f"class {c} has only {len(idx)} images; need {per_class}")
        picks.append(idx)
    return np.sort(np.concatenate(picks))


def idx_gz_bytes(array: np.ndarray) -> bytes:
    """IDX-encode and gzip (mtime 0, so the output is reproducible)."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.gz"
        write_idx(path, array, compress=True)
        return path.read_bytes()


README = """# Offline MNIST sample

A compact sample of the MNIST database of handwritten digits that ships with
GAN Studio so training works without a network.

- **Origin:** MNIST, by Yann LeCun, Corinna Cortes and Christopher J.C. Burges,
  licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).
- **Training part:** {train:,} digits, the first {tpc:,} of each class 0–9 in the
  order of the MNIST training file (`train-images-idx3-ubyte`).
- **Held-out part:** {test:,} digits, the first {hpc:,} of each class from the
  MNIST test file (`t10k-images-idx3-ubyte`); used for metrics, never trained on.
- **Format:** the original IDX format, gzip-compressed (28×28 uint8 images, uint8 labels).
- **How it was made:** `python scripts/make_offline_sample.py <folder with the four MNIST IDX files>`.
  The pixel data is copied unchanged from that folder; see `manifest.json`
  for the SHA-256 of each file and of the source files.
- **Source copy used:** {source_note}

| file | content |
| --- | --- |
{rows}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mnist_dir", nargs="?", default=str(ROOT.parent / "shared" / "datasets" / "mnist"))
    parser.add_argument("--out", default=str(ROOT / "resources" / "data"))
    parser.add_argument("--source-note", default=(
        "a local MNIST copy whose test set and labels are the original content and whose training "
        "images were rebuilt from a public PNG export (every pixel within 1 gray level of the original)."))
    args = parser.parse_args(argv)
    src, out = Path(args.mnist_dir), Path(args.out)
    files = find_idx_files(src)
    if len(files) != 4:
        raise SystemExit(f"{src} must hold the four MNIST IDX files (found {sorted(files)})")
    train_x, train_y = read_image_label_pair(files["train-images"], files["train-labels"])
    test_x, test_y = read_image_label_pair(files["test-images"], files["test-labels"])
    tr = first_per_class(train_y, TRAIN_PER_CLASS)
    te = first_per_class(test_y, TEST_PER_CLASS)
    parts = {
        "train-images": train_x[tr], "train-labels": train_y[tr].astype(np.uint8),
        "test-images": test_x[te], "test-labels": test_y[te].astype(np.uint8),
    }
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"dataset": "mnist-sample", "license": "CC BY-SA 3.0",
                "source": {f.name: sha256_file(f) for f in files.values()}, "files": {}}
    rows = []
    for role, array in parts.items():
        name = SAMPLE_FILES[role]
        atomic_write_bytes(out / name, idx_gz_bytes(array))
        manifest["files"][name] = {"sha256": sha256_file(out / name), "shape": list(array.shape)}
        rows.append(f"| {name} | {array.shape[0]:,} {'images' if array.ndim == 3 else 'labels'} |")
    manifest["counts"] = {"train": int(len(tr)), "heldout": int(len(te)),
                          "train_per_class": TRAIN_PER_CLASS, "heldout_per_class": TEST_PER_CLASS}
    atomic_write_json(out / "manifest.json", manifest)
    atomic_write_bytes(out / "README.md", README.format(train=len(tr), tpc=TRAIN_PER_CLASS, test=len(te),
                                                         hpc=TEST_PER_CLASS, source_note=args.source_note, rows="\n".join(rows)).encode())
    print(json.dumps(manifest["counts"]), "→", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
