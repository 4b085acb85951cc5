#!/usr/bin/env python
"""Train the digit classifier behind GAN Studio's quality meter.

Trains ``gan_studio.core.metrics.DigitClassifier`` on the full MNIST training
set (inputs scaled to [-1, 1], light augmentation: random shifts of up to 2
pixels per image), reports accuracy on the 10,000 t10k images and writes

    <out>/digit_classifier.safetensors   weights (safetensors, no pickle)
    <out>/digit_classifier.json          architecture, data, accuracy, command

Everything is seeded; with the same torch version and thread count the run is
repeatable.  Usage (from the repository root):

    .venv/bin/python scripts/train_digit_classifier.py \
        --data ../shared/datasets/mnist --out resources/models
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shlex
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gan_studio.core.data.idx import read_image_label_pair  # noqa: E402
from gan_studio.core.metrics import ARCHITECTURE, DigitClassifier  # noqa: E402


def load_split(data_dir: Path, prefix: str) -> tuple[torch.Tensor, torch.Tensor]:
    images, labels = read_image_label_pair(
        data_dir / f"{prefix}-images-idx3-ubyte.gz", data_dir / f"{prefix}-labels-idx1-ubyte.gz"
    )
    x = torch.from_numpy(images).float().div_(127.5).sub_(1.0).unsqueeze(1)
    return x, torch.from_numpy(labels)


def random_shift(x: torch.Tensor, max_shift: int, gen: torch.Generator) -> torch.Tensor:
    """Shift every image by its own random (dy, dx) in [-max_shift, max_shift], filling with background (-1)."""
    if max_shift <= 0:
        return x
    n, _, h, w = x.shape
    padded = F.pad(x, (max_shift,) * 4, value=-1.0)
    dy = torch.randint(0, 2 * max_shift + 1, (n,), generator=gen)
    dx = torch.randint(0, 2 * max_shift + 1, (n,), generator=gen)
    rows = (dy[:, None] + torch.arange(h)[None, :])[:, :, None]  # n, h, 1
    cols = (dx[:, None] + torch.arange(w)[None, :])[:, None, :]  # n, 1, w
    batch = torch.arange(n)[:, None, None]
    return padded[batch, 0, rows, cols].unsqueeze(1)


@torch.no_grad()
def accuracy(model: DigitClassifier, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    correct = 0
    for start in range(0, len(x), 1000):
        correct += (model(x[start:start + 1000]).argmax(1) == y[start:start + 1000]).sum().item()
    return correct / len(x)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets" / "mnist")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "models")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--max-shift", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    gen = torch.Generator().manual_seed(args.seed)

    x_train, y_train = load_split(args.data, "train")
    x_test, y_test = load_split(args.data, "t10k")
    print(f"train {tuple(x_train.shape)}  test {tuple(x_test.shape)}", flush=True)

    model = DigitClassifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps_per_epoch = (len(x_train) + args.batch_size - 1) // args.batch_size
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch, pct_start=0.2
    )
    started = time.perf_counter()
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(x_train), generator=gen)
        total_loss = 0.0
        for step in range(steps_per_epoch):
            idx = order[step * args.batch_size:(step + 1) * args.batch_size]
            xb = random_shift(x_train[idx], args.max_shift, gen)
            loss = F.cross_entropy(model(xb), y_train[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
            total_loss += loss.item() * len(idx)
        acc = accuracy(model, x_test, y_test)
        print(
            f"epoch {epoch + 1}/{args.epochs}  loss {total_loss / len(x_train):.4f}  "
            f"t10k accuracy {acc:.4%}  ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    train_seconds = time.perf_counter() - started
    test_acc = accuracy(model, x_test, y_test)
    train_acc = accuracy(model, x_train[:10000], y_train[:10000])
    print(f"final t10k accuracy {test_acc:.4%} (train[:10000] {train_acc:.4%})")

    from safetensors.torch import save_file

    args.out.mkdir(parents=True, exist_ok=True)
    weights_path = args.out / "digit_classifier.safetensors"
    state = {k: v.detach().contiguous().clone() for k, v in model.state_dict().items()}
    save_file(state, str(weights_path), metadata={"architecture": ARCHITECTURE})
    n_params = sum(v.numel() for v in state.values())
    meta = {
        "architecture": ARCHITECTURE,
        "description": "conv5x5(1->32, stride 2, pad 2)+ReLU -> conv3x3(32->64, stride 2, pad 1)+ReLU "
        "-> maxpool 2 (ceil) -> FC(1024->128)+ReLU [features] -> dropout 0.25 -> FC(128->10)",
        "input": {"shape": [1, 28, 28], "range": [-1.0, 1.0], "scaling": "pixel / 127.5 - 1"},
        "feature_dim": 128,
        "classes": list(range(10)),
        "parameters": n_params,
        "weights_file": weights_path.name,
        "weights_sha256": hashlib.sha256(weights_path.read_bytes()).hexdigest(),
        "training_data": "MNIST train (60,000 images), random shifts of up to "
        f"{args.max_shift} px per image",
        "test_data": "MNIST t10k (10,000 images)",
        "test_accuracy": round(test_acc, 6),
        "train_accuracy_first_10000": round(train_acc, 6),
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "optimizer": f"Adam, OneCycle max lr {args.lr}",
        "seed": args.seed,
        "threads": args.threads,
        "train_seconds": round(train_seconds, 1),
        "torch_version": torch.__version__,
        "command": ("python scripts/train_digit_classifier.py " + " ".join(
            shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
        )).rstrip(),
    }
    (args.out / "digit_classifier.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {weights_path} ({weights_path.stat().st_size} bytes) and digit_classifier.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
