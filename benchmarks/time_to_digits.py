"""Time to digits: sample quality versus wall-clock training time.

The figure users feel: how good are the digits after N seconds of training
from scratch on full MNIST?  Every contender trains for the same budget of
*training* time (evaluation pauses the clock).  At each checkpoint the
sampling generator (the EMA copy where there is one) draws 1,000 images from
a fixed evaluation seed (conditional models: labels cycling 0-9) and the
shipped digit classifier scores them against 2,000 held-out t10k digits:
Fréchet distance (fd) with its real-vs-real floor, class coverage and the
0-100 score of `QualityReport.score()`.

Contenders:

* GAN Studio presets by key (`quick-digits`, the default; `dcgan`,
  `conditional-dcgan`, `seed-mlp`, `wgan-gp`) or an experiment/preset JSON
  file (`path/to/file.json`), trained by the product's own `Trainer`.
* `examples-dcgan`: the public pytorch/examples DCGAN recipe
  (https://github.com/pytorch/examples/tree/main/dcgan) reimplemented here:
  MNIST bilinearly upsampled to 64x64, nz=100, ngf=ndf=64, ConvTranspose
  512-256-128-64 with BN/ReLU and tanh, D conv 64-128-256-512 with
  BN/LeakyReLU(0.2) and a sigmoid/BCE head, Adam 2e-4 (0.5, 0.999), batch 64,
  weights N(0, 0.02) (BN weights N(1, 0.02)), the same update order as the
  example (the G step reuses the D step's fakes).  Its samples are drawn in
  train mode like the example's, and area-downsampled to 28x28 for the
  classifier (the QualityMeter does this itself for larger inputs).

Contenders are trained round-robin, one checkpoint interval each in turn, so
a change in machine load hits all of them alike.  The 1-minute load average
is recorded at every checkpoint.

    .venv/bin/python benchmarks/time_to_digits.py                       # quick-digits vs examples-dcgan, 90 s
    .venv/bin/python benchmarks/time_to_digits.py --seconds 60 --every 20 \\
        --contenders quick-digits,examples-dcgan,dcgan,seed-mlp

Writes benchmarks/results/time_to_digits.json and a 100-sample grid PNG per
contender at the `--grid-at` checkpoint (default 60 s):
benchmarks/results/time_to_digits_<contender>_<T>s.png (columns = digits
0-9 for conditional models).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

from gan_studio.core.config import DataConfig, ExperimentConfig  # noqa: E402
from gan_studio.core.data import load_dataset  # noqa: E402
from gan_studio.core.training.device import set_threads  # noqa: E402
from gan_studio.core.explore.exports import save_grid_png  # noqa: E402
from gan_studio.core.images import to_uint8  # noqa: E402
from gan_studio.core.metrics import QualityMeter  # noqa: E402
from gan_studio.core.presets import get_preset  # noqa: E402
from gan_studio.core.training.trainer import Trainer  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
EVAL_SEED = 20240
EVAL_SAMPLES = 1000
HELDOUT = 2000


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return math.nan


# --------------------------------------------------------------------------- contenders


class StudioContender:
    """A GAN Studio experiment trained by the product's Trainer."""

    def __init__(self, name: str, config: ExperimentConfig, images: np.ndarray, labels: np.ndarray):
        self.name = name
        self.config = config
        self.trainer = Trainer(config, images, labels, device="cpu")
        t = config.train
        self.images_per_step = t.batch_size * t.d_steps
        self.steps = 0

    def describe(self) -> dict:
        return {"kind": "gan-studio", "config": self.config.to_dict(), "parameters": self.trainer.parameter_counts()}

    def step(self) -> None:
        self.trainer.step()
        self.steps += 1
        if self.steps % 50 == 0:
            self.trainer.flush()  # raises TrainingDiverged early; keeps the pending list short

    def pause(self) -> None:
        self.trainer.flush()

    def sample(self, n: int, seed: int) -> np.ndarray:
        """uint8 (N, H, W, C); conditional models cycle the labels 0..9."""
        return self.trainer.sample(n, seed=seed)


def _examples_init(m: nn.Module) -> None:
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        nn.init.normal_(m.weight, 0.0, 0.02)
    elif classname.find("BatchNorm") != -1:
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)


class ExamplesDCGAN:
    """pytorch/examples dcgan/main.py, 64x64 single-channel MNIST, on the CPU."""

    nz, ngf, ndf, nc, size, batch = 100, 64, 64, 1, 64, 64

    def __init__(self, images: np.ndarray, seed: int = 0):
        self.name = "examples-dcgan"
        torch.manual_seed(seed)
        nz, ngf, ndf, nc = self.nz, self.ngf, self.ndf, self.nc
        self.G = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh(),
        )
        self.D = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid(),
        )
        self.G.apply(_examples_init)
        self.D.apply(_examples_init)
        self.criterion = nn.BCELoss()
        self.opt_d = torch.optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.opt_g = torch.optim.Adam(self.G.parameters(), lr=2e-4, betas=(0.5, 0.999))
        # transforms.Resize(64) (bilinear) + ToTensor + Normalize(0.5, 0.5), done once on the in-memory set.
        chunks = []
        for i in range(0, len(images), 5000):
            x = torch.from_numpy(images[i:i + 5000]).float()
            x = F.interpolate(x, size=(self.size, self.size), mode="bilinear", align_corners=False)
            chunks.append(x.round_().clamp_(0, 255).to(torch.uint8))
        self.data = torch.cat(chunks)
        self.rng = torch.Generator().manual_seed(seed)
        self._perm = torch.randperm(len(self.data), generator=self.rng)
        self._cursor = 0
        self.images_per_step = self.batch
        self.steps = 0
        self._pending: list[torch.Tensor] = []

    def describe(self) -> dict:
        count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
        return {"kind": "pytorch/examples dcgan", "image_size": self.size, "nz": self.nz, "ngf": self.ngf,
                "ndf": self.ndf, "batch_size": self.batch, "lr": 2e-4, "betas": [0.5, 0.999],
                "parameters": {"generator": count(self.G), "discriminator": count(self.D)}}

    def _batch(self) -> torch.Tensor:
        if self._cursor + self.batch > len(self._perm):  # drop_last-style epochs, reshuffled
            self._perm = torch.randperm(len(self.data), generator=self.rng)
            self._cursor = 0
        idx = self._perm[self._cursor:self._cursor + self.batch]
        self._cursor += self.batch
        return self.data[idx].float().mul_(2 / 255).sub_(1)

    def step(self) -> None:
        real = self._batch()
        b = real.shape[0]
        # (1) Update D: maximize log(D(x)) + log(1 - D(G(z)))
        self.D.zero_grad()
        label = torch.full((b,), 1.0)
        output = self.D(real).view(-1)
        err_d_real = self.criterion(output, label)
        err_d_real.backward()
        noise = torch.randn(b, self.nz, 1, 1)
        fake = self.G(noise)
        label.fill_(0.0)
        output = self.D(fake.detach()).view(-1)
        err_d_fake = self.criterion(output, label)
        err_d_fake.backward()
        self.opt_d.step()
        # (2) Update G: maximize log(D(G(z)))
        self.G.zero_grad()
        label.fill_(1.0)
        output = self.D(fake).view(-1)
        err_g = self.criterion(output, label)
        err_g.backward()
        self.opt_g.step()
        self._pending.append(torch.stack([err_d_real.detach() + err_d_fake.detach(), err_g.detach()]))
        self.steps += 1

    def pause(self) -> None:
        if self._pending:
            values = torch.stack(self._pending)
            self._pending.clear()
            if not torch.isfinite(values).all():
                raise FloatingPointError("examples-dcgan diverged (non-finite loss)")

    @torch.no_grad()
    def sample(self, n: int, seed: int) -> np.ndarray:
        """uint8 (N, 64, 64, 1); train-mode BN like the example's own sample grids (running stats kept)."""
        gen = torch.Generator().manual_seed(seed)
        z = torch.randn(n, self.nz, 1, 1, generator=gen)
        saved = {k: v.clone() for k, v in self.G.state_dict().items()}
        try:
            out = torch.cat([self.G(z[i:i + self.batch]) for i in range(0, n, self.batch)])
        finally:
            self.G.load_state_dict(saved)
        return to_uint8(out)


def config_file(path: Path) -> tuple[str, ExperimentConfig]:
    """(name, config) of a preset file (its "key" and the model and training parts of its "config"; also the
    variant files of benchmarks/variants/) or of an experiment config file (its file name)."""
    raw = json.loads(path.read_text("utf-8"))
    if "config" in raw:
        return raw.get("key", path.stem), ExperimentConfig.from_dict({"model": raw["config"].get("model", {}),
                                                                      "train": raw["config"].get("train", {})})
    return path.stem, ExperimentConfig.from_dict(raw)


def make_contender(key: str, dataset, seed: int):
    train = dataset.train
    if key == "examples-dcgan":
        return ExamplesDCGAN(train.images, seed=seed)
    path = Path(key)
    if path.suffix == ".json" and path.is_file():
        name, cfg = config_file(path)
    else:
        cfg = get_preset(key).config()
        name = key
    cfg = cfg.replace(data=DataConfig(source="mnist"), train=cfg.train.replace(seed=seed, device="cpu"))
    if cfg.model.image_size != 28:
        raise SystemExit(f"{key}: this benchmark trains GAN Studio models on 28x28 MNIST")
    return StudioContender(name, cfg.check(), train.images, train.labels)


# --------------------------------------------------------------------------- main


def down28(images: np.ndarray) -> np.ndarray:
    """uint8 (N, H, W, 1) → uint8 (N, 28, 28, 1) by area averaging (identity at 28)."""
    if images.shape[1] == 28:
        return images
    x = torch.from_numpy(images).permute(0, 3, 1, 2).float()
    x = F.interpolate(x, size=(28, 28), mode="area")
    return x.round().clamp(0, 255).to(torch.uint8).permute(0, 2, 3, 1).numpy()


def evaluate(meter, reference, contender, t_train: float) -> tuple[dict, np.ndarray]:
    t0 = time.perf_counter()
    images = down28(contender.sample(EVAL_SAMPLES, EVAL_SEED))
    report = meter.evaluate(images, reference)
    row = {
        "t": round(t_train, 2), "steps": contender.steps, "images": contender.steps * contender.images_per_step,
        "fd": round(report.fd, 3), "fd_floor": round(report.fd_floor, 3), "fd_ratio": round(report.fd_ratio, 3),
        "intra_fd": round(report.intra_fd, 3), "intra_fd_floor": round(report.intra_fd_floor, 3),
        "coverage": report.coverage, "collapse": round(report.collapse, 3), "confidence": round(report.confidence, 3),
        "score": round(report.score(), 2), "eval_s": round(time.perf_counter() - t0, 2), "load1": load_average(),
    }
    return row, images


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mnist", default=str(ROOT.parent / "shared" / "datasets" / "mnist"),
                    help="folder with the four MNIST IDX files (default: ../shared/datasets/mnist)")
    ap.add_argument("--contenders", default="quick-digits,examples-dcgan",
                    help="comma-separated preset keys, 'examples-dcgan' or experiment/preset JSON files")
    ap.add_argument("--seconds", type=float, default=90.0, help="training-time budget per contender")
    ap.add_argument("--every", type=float, default=10.0, help="evaluate every this many seconds of training")
    ap.add_argument("--grid-at", type=float, default=60.0, help="save a sample grid PNG at this checkpoint")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: device.choose_threads(), like the app: every core unless fewer are clearly faster)")
    ap.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                    help="budget in wall-clock seconds (default) or in this process's CPU seconds; 'cpu' with "
                         "--threads 1 is robust to other load on a shared machine (for tuning, not headline numbers)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(RESULTS / "time_to_digits.json"))
    args = ap.parse_args(argv)

    threads = set_threads(args.threads)
    dataset = load_dataset(DataConfig(source="mnist", path=args.mnist, holdout=HELDOUT), 28, 1)
    meter = QualityMeter.load_default()
    reference = meter.reference(dataset.heldout.images)
    keys = [k.strip() for k in args.contenders.split(",") if k.strip()]
    contenders = [make_contender(k, dataset, args.seed) for k in keys]
    set_threads(args.threads)  # Trainer() sets threads from its config; the benchmark's flag wins
    checkpoints = [round(args.every * i, 6) for i in range(1, int(math.floor(args.seconds / args.every + 1e-9)) + 1)]
    if not checkpoints or checkpoints[-1] < args.seconds - 1e-9:
        checkpoints.append(args.seconds)
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"{dataset.name}; held-out {len(dataset.heldout)}; torch {torch.__version__}, {threads} threads; "
          f"load {load_average()}; checkpoints {checkpoints}", flush=True)

    now = time.process_time if args.clock == "cpu" else time.perf_counter
    clock = {c.name: 0.0 for c in contenders}
    curves: dict[str, list] = {c.name: [] for c in contenders}
    grids: dict[str, str] = {}
    for target in checkpoints:
        for c in contenders:  # round-robin: one interval of each contender in turn
            start = now()
            budget = target - clock[c.name]
            while now() - start < budget:
                c.step()
            c.pause()
            clock[c.name] += now() - start
            row, images = evaluate(meter, reference, c, clock[c.name])
            curves[c.name].append(row)
            print(f"  {c.name:16s} t={row['t']:6.1f}s steps={row['steps']:6d} fd={row['fd']:8.2f} "
                  f"(floor {row['fd_floor']:.2f}) cov={row['coverage']:2d}/10 score={row['score']:5.1f} "
                  f"load={row['load1']}", flush=True)
            if abs(target - args.grid_at) < 1e-6:
                safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in c.name)
                png = RESULTS / f"time_to_digits_{safe}_{int(round(target))}s.png"
                save_grid_png(png, images[:100], cols=10, scale=3)
                grids[c.name] = str(png)

    base = contenders[0].name
    summary = {}
    for c in contenders:
        last = curves[c.name][-1]
        ips = last["images"] / last["t"] if last["t"] > 0 else math.nan
        summary[c.name] = {"images_per_s": round(ips, 1), "steps_per_s": round(last["steps"] / last["t"], 2)}
    for name, s in summary.items():
        s["throughput_vs_" + base] = round(s["images_per_s"] / summary[base]["images_per_s"], 3)

    # ---- table
    show = [t for t in (10, 20, 30, 60, 90) if any(abs(t - r["t"]) < args.every / 2 for r in curves[base])] or checkpoints
    print()
    print(f"{'contender':18s} {'img/s':>8s} {'ratio':>6s}  " + "  ".join(f"{'@' + format(t, 'g') + 's':>22s}" for t in show))
    print(f"{'':18s} {'':8s} {'':6s}  " + "  ".join(f"{'score fd/floor cov':>22s}" for _ in show))
    for c in contenders:
        cells = []
        for t in show:
            row = min(curves[c.name], key=lambda r: abs(r["t"] - t))
            cells.append(f"{row['score']:6.1f} {row['fd']:6.1f}/{row['fd_floor']:<4.1f} {row['coverage']:2d}")
        s = summary[c.name]
        print(f"{c.name:18s} {s['images_per_s']:8.0f} {s['throughput_vs_' + base]:6.2f}  " + "  ".join(f"{x:>22s}" for x in cells))

    result = {
        "benchmark": "time_to_digits",
        "args": vars(args),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "torch": torch.__version__,
                    "cpu_count": os.cpu_count(), "threads": threads},
        "dataset": dataset.identity,
        "eval": {"samples": EVAL_SAMPLES, "seed": EVAL_SEED, "heldout": len(dataset.heldout)},
        "contenders": {c.name: {"setup": c.describe(), "curve": curves[c.name], **summary[c.name],
                                "grid": grids.get(c.name)} for c in contenders},
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), "utf-8")
    print(f"\nwrote {out}" + "".join(f"\n      {p}" for p in grids.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
