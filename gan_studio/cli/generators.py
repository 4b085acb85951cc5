"""`gan-studio sample`, `export` and `evaluate`: what a trained generator makes, as files and as a score."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import MAX_GRID_PIXELS, CliError, _check_output


def cmd_sample(args) -> int:
    import numpy as np

    from ..core.explore.exports import save_grid_png, save_latents
    from ..core.explore.generator import load_generator

    out = Path(args.out)
    _check_output(out)
    gen = load_generator(args.run)
    labels = None
    wanted = args.digit if getattr(args, "cls", None) is None else args.cls
    flag = "--digit" if getattr(args, "cls", None) is None else "--class"
    if wanted is not None:
        names = list(gen.class_names)
        if not gen.conditional:
            raise CliError(f"{flag} needs a conditional model; {gen.name} is unconditional (it has no classes)")
        if isinstance(wanted, str) and wanted in names:
            wanted = names.index(wanted)
        elif isinstance(wanted, str):
            if not wanted.isdigit():
                raise CliError(f"{flag}: this model has no class {wanted!r} (its classes: {', '.join(names)})")
            wanted = int(wanted)
        if wanted >= gen.num_classes:
            raise CliError(f"{flag} must be 0–{gen.num_classes - 1} for this model (got {wanted})"
                           + (f"; its classes: {', '.join(names)}"
                              if names and names != [str(i) for i in range(len(names))] else ""))
        labels = np.full(args.n, wanted)
    from ..core.images import grid_columns

    # a conditional model's classes cycle 0…K-1: one column per class, so each reads down its column
    cols = grid_columns(args.n, gen.num_classes if gen.conditional and labels is None else None)
    if out.suffix != ".npy":
        import math

        rows = math.ceil(args.n / cols)
        side = gen.config.image_size + 2
        w, h = (cols * side + 2) * args.scale, (rows * side + 2) * args.scale
        if w * h > MAX_GRID_PIXELS:
            raise CliError(f"the grid would be {w:,}×{h:,} pixels, over the {MAX_GRID_PIXELS // 10**6} megapixel "
                           f"budget; use a smaller --n or --scale, or write latents with --out NAME.npy")
    latents = gen.latents(args.seed, args.n, truncation=args.truncation)
    images = gen.generate(latents, labels)
    if out.suffix == ".npy":
        save_latents(out, latents, {"model": gen.name, "seed": args.seed, "indices": list(range(args.n)),
                                    "labels": None if labels is None else labels.tolist(),
                                    "truncation": args.truncation})
        np.save(out.with_name(out.stem + "-images.npy"), images)
        print(f"wrote {out} (latents), its .json sidecar and {out.stem}-images.npy", file=sys.stderr)
    else:
        save_grid_png(out, images, cols=cols, scale=args.scale)
        print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    """The generator as one file others can run: ONNX, or safetensors + JSON (what the app opens)."""
    from ..core.explore.generator import export_generator, load_generator

    out = Path(args.out)
    _check_output(out)
    fmt = args.format or ("onnx" if out.suffix.lower() == ".onnx" else "safetensors")
    want = ".onnx" if fmt == "onnx" else ".safetensors"
    if out.suffix.lower() != want:
        raise CliError(f"--out must end in {want} for --format {fmt} (got {out.name})")
    gen = load_generator(args.run)
    if fmt == "onnx":
        from ..core.explore.onnx_export import OPSET, OnnxUnavailable, export_onnx

        try:
            export_onnx(gen, out, opset=args.opset or OPSET)
        except OnnxUnavailable as exc:
            raise CliError(str(exc)) from None
        inputs = "z float32 [batch, %d]" % gen.latent_dim + (", label int64 [batch]" if gen.conditional else "")
        c = gen.config
        print(f"wrote {out} (ONNX opset {args.opset or OPSET}; inputs: {inputs}; output: image float32 "
              f"[batch, {c.channels}, {c.image_size}, {c.image_size}] in [-1, 1])", file=sys.stderr)
    else:
        import json

        export_generator(gen, out)
        side = out.with_suffix(".json")
        from ..core.atomic import atomic_write_text

        atomic_write_text(side, json.dumps({"name": gen.name, "model": gen.config.to_dict(),
                                            "class_names": gen.class_names, "step": gen.step,
                                            "latent_dim": gen.latent_dim, "conditional": gen.conditional},
                                           indent=2))
        print(f"wrote {out} and {side.name}", file=sys.stderr)
    return 0

def cmd_evaluate(args) -> int:
    from ..core.data import load_dataset
    from ..core.explore.generator import load_generator
    import numpy as np

    from ..core.metrics import QualityMeter
    from ..core.run_folders.runs import RunFolder
    from ..core.training.diagnostics import is_digit_data

    run = RunFolder.open(args.run)
    gen = load_generator(args.run)
    config = run.config
    dataset = load_dataset(config.data, config.model.image_size, config.model.channels)
    labels = None
    if gen.conditional:
        classes = sorted(set(int(c) for c in dataset.train.labels)) if dataset.train.labels is not None else list(range(10))
        labels = [classes[i % len(classes)] for i in range(args.n)]
    images = gen.generate(gen.latents(args.seed, args.n), labels)
    if not is_digit_data(config.data):
        # The quality score comes from a handwritten-digit classifier: for other images it means nothing.
        from ..core.folder_quality import folder_report

        print(f"{run.path.name} at step {run.step}, {len(images)} samples:")
        for line in folder_report(images, np.concatenate([dataset.train.images, dataset.heldout.images])):
            print(f"  {line}")
        print("no quality score: it is for handwritten digits only (MNIST or the offline sample), and this run "
              f"trains on {config.data.source} images")
        return 0
    meter = QualityMeter.load_default()
    report = meter.evaluate(images, dataset.heldout.images)
    print(f"{run.path.name} at step {run.step}: {report.summary()}")
    print(f"quality score {report.score():.0f}/100")
    return 0
