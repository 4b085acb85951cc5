"""Your own images: train on folders the project draws itself and save grids at given minutes.

Two folders, made here (nothing downloaded):
- "shapes": coloured shapes (discs, squares, triangles, rings in 8 colours) on light backgrounds, 64 px;
- "glyphs": grayscale letters and digits, dark on light, rendered with the fonts found on the system
  (DejaVu and others under /usr/share/fonts), or Pillow's default font, at 28 px.

    python benchmarks/own_images.py --folder shapes --minutes 1 3 --preset own-images dcgan --out /tmp/own

trains each preset for the largest minute mark (one after the other, on the same machine), saving the EMA
generator's 8×8 grid at each mark (`<out>/<folder>-<preset>-<m>min.png`), and prints images/s (real images
seen by D per second of training), the steps and the diversity ratio of `core.training.diagnostics`
(`sample_diversity`: ≈1 varies like the folder, near 0 collapsed) and the closeness to the folder of
`core.folder_quality` (as many samples as half the folder, at most 500, against its reference half, as a ratio to the floor;
the measure's controls — the folder's own images, one image repeated, noise — are printed first).  The machine's load average is printed
before and after (the CPUs may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLOURS = [(220, 40, 40), (40, 160, 60), (40, 80, 220), (240, 180, 20), (150, 60, 190), (20, 170, 190),
           (240, 120, 30), (60, 60, 60)]
SAVED_SAMPLES = 512  # saved per mark as <grid>.npy (uint8 NHWC), for scoring afterwards
BACKGROUNDS = [(250, 250, 245), (235, 240, 250), (250, 238, 225)]


def make_shapes(out: Path, n: int = 400, size: int = 64, seed: int = 0) -> Path:
    """`n` PNGs of one coloured shape each on a light background (a designer's icon folder, no sub-folders)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for i in range(n):
        img = Image.new("RGB", (size, size), BACKGROUNDS[int(rng.integers(len(BACKGROUNDS)))])
        d = ImageDraw.Draw(img)
        colour = COLOURS[int(rng.integers(len(COLOURS)))]
        r = int(rng.integers(size // 5, size // 2 - 4))
        cx, cy = (int(rng.integers(r + 2, size - r - 2)) for _ in range(2))
        kind = int(rng.integers(4))
        box = (cx - r, cy - r, cx + r, cy + r)
        if kind == 0:
            d.ellipse(box, fill=colour)
        elif kind == 1:
            d.rectangle(box, fill=colour)
        elif kind == 2:
            d.polygon([(cx, cy - r), (cx - r, cy + r), (cx + r, cy + r)], fill=colour)
        else:
            d.ellipse(box, outline=colour, width=max(3, r // 3))
        img.save(out / f"shape_{i:04d}.png")
    return out


def system_fonts(limit: int = 12) -> list[Path]:
    found: list[Path] = []
    for base in ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
                 "/Library/Fonts", "C:/Windows/Fonts"):
        if os.path.isdir(base):
            found += sorted(p for p in Path(base).rglob("*") if p.suffix.lower() in (".ttf", ".otf"))
    return found[:limit]


def make_glyphs(out: Path, n: int = 400, size: int = 28, seed: int = 0) -> Path:
    """`n` grayscale glyphs (A–Z, 0–9), dark on light, from system fonts (or Pillow's default font)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    fonts = system_fonts()
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    for i in range(n):
        img = Image.new("L", (size, size), 245)
        d = ImageDraw.Draw(img)
        ch = chars[int(rng.integers(len(chars)))]
        if fonts:
            font = ImageFont.truetype(str(fonts[int(rng.integers(len(fonts)))]), int(size * 0.8))
        else:
            font = ImageFont.load_default(size=int(size * 0.8)) if hasattr(ImageFont, "load_default") else None
        box = d.textbbox((0, 0), ch, font=font)
        x = (size - (box[2] - box[0])) / 2 - box[0] + float(rng.normal(0, 1))
        y = (size - (box[3] - box[1])) / 2 - box[1] + float(rng.normal(0, 1))
        d.text((x, y), ch, fill=int(rng.integers(0, 60)), font=font)
        img.save(out / f"glyph_{i:04d}.png")
    return out


def run(folder: Path, preset: str, minutes: list[float], out: Path, threads: int, tag: str,
        changes: dict | None = None) -> dict:
    from gan_studio.core.config import DataConfig
    from gan_studio.core.data.folder import folder_recipe
    from gan_studio.core.experiment import Experiment
    from gan_studio.core.folder_quality import FolderReference
    from gan_studio.core.images import tile_grid
    from gan_studio.core.training.diagnostics import sample_diversity
    from gan_studio.core.training.session import TrainingSession

    recipe = folder_recipe(folder)
    exp = Experiment.from_preset(preset, DataConfig(source="folder", path=str(folder), holdout=0))
    exp.edit(**{"model.image_size": recipe.image_size, "model.channels": recipe.channels,
                "train.threads": threads, "train.checkpoint_every": 0, "train.autosave_seconds": 0.0,
                **(changes or {})})
    name = preset + "".join(f"+{k.split('.')[-1]}={v}" for k, v in (changes or {}).items())
    session = TrainingSession(exp.config, None)
    trainer = session.trainer
    real = session.dataset.train.images
    marks = sorted(minutes)
    result = {"folder": tag, "preset": name, "marks": []}
    everything = np.concatenate([real, session.dataset.heldout.images])
    reference = FolderReference(everything, samples=SAVED_SAMPLES)
    # the measure's own checks: the folder's images against the reference, one image repeated, noise
    pick = np.random.default_rng(1).permutation(len(everything))[:reference.m]
    controls = {"folder": everything[pick], "one image repeated": np.repeat(everything[:1], reference.m, 0),
                "noise": np.random.default_rng(2).integers(0, 256, everything[pick].shape).astype(np.uint8)}
    result["controls"] = {k: round(reference.measure(v).ratio, 2) for k, v in controls.items()}
    print(json.dumps({"closeness controls (ratio to the floor)": result["controls"],
                      "floor": round(reference.floor, 3), "dim": reference.dim}), flush=True)
    seen = 0
    start = time.perf_counter()
    for m in marks:
        while time.perf_counter() - start < m * 60:
            trainer.step()
            seen += min(exp.config.train.batch_size, len(real))
            if trainer.step_count % 50 == 0:
                trainer.flush()
        trainer.flush()
        elapsed = time.perf_counter() - start
        t_pause = time.perf_counter()
        samples = trainer.sample(64, seed=7)
        path = out / f"{tag}-{name}-{m:g}min.png"
        many = trainer.sample(SAVED_SAMPLES, seed=11)
        np.save(path.with_suffix(".npy"), many)
        close = reference.measure(many)
        sheet = tile_grid(samples, 8)
        Image.fromarray(sheet[..., 0] if sheet.shape[-1] == 1 else sheet).save(path)
        div = sample_diversity(samples, real)
        mark = {"minutes": m, "steps": trainer.step_count, "images_per_s": round(seen / elapsed, 1),
                "diversity": round(div.ratio, 3), "closeness": round(close.ratio, 2), "words": close.words()[0],
                "grid": str(path)}
        result["marks"].append(mark)
        print(json.dumps({"preset": name, **mark}), flush=True)
        start += time.perf_counter() - t_pause      # sampling and measuring are not training time
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", choices=["shapes", "glyphs"], default="shapes")
    ap.add_argument("--minutes", type=float, nargs="+", default=[1, 3, 5, 10])
    ap.add_argument("--preset", nargs="+", default=["own-images"])
    ap.add_argument("--images", type=int, default=400)
    ap.add_argument("--size", type=int, default=None,
                    help="draw the folder's images at this size (default: shapes 64, glyphs 28); with "
                         "--set model.image_size=128, e.g., the 128 px speed")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="/tmp/own-images")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE",
                    help="changes to every preset, e.g. train.lr_g=0.001 train.augment=none")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = out / (args.folder + (f"{args.size}" if args.size else ""))
    if not folder.is_dir():
        make = make_shapes if args.folder == "shapes" else make_glyphs
        make(folder, args.images, **({"size": args.size} if args.size else {}))
    print(f"load average before: {os.getloadavg()}", flush=True)
    changes = {}
    for item in args.set:
        key, _, value = item.partition("=")
        changes[key] = json.loads(value) if value[:1].isdigit() or value[:1] in "-[" else value
    results = [run(folder, p, args.minutes, out, args.threads, folder.name, changes) for p in args.preset]
    print(f"load average after: {os.getloadavg()}", flush=True)
    (out / f"{folder.name}-results.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
