"""Headless front end: the same core the window uses, from a terminal.

    gan-studio train --preset quick-digits --dataset mnist --seconds 60 --out RUN
    gan-studio resume RUN [--steps N | --seconds S]
    gan-studio open RUN|SETUP.json      (the desktop app; follows a run another process trains)
    gan-studio sample RUN --n 64 --seed 7 --out grid.png | samples.npy
    gan-studio evaluate RUN
    gan-studio datasets
    gan-studio download mnist
    gan-studio import-mnist DIR [--kind mnist|fashion-mnist|kmnist]
    gan-studio presets
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

SUBCOMMANDS = ("train", "resume", "open", "sample", "evaluate", "datasets", "download", "import-mnist", "presets",
               "export")

MAX_SAMPLES = 10_000         # `sample --n` / `evaluate --n`: images generated in one command
MAX_SCALE = 16               # `sample --scale`: pixel repetition of the grid PNG
MAX_GRID_PIXELS = 64 * 10**6  # `sample` grid PNG: at most 64 megapixels (about 200 MB for RGB)
MAX_SECONDS = 10**7          # same bound as train.max_seconds
MAX_STEPS = 10**9            # same bound as train.max_steps
PROGRESS_EVERY_S = 10.0      # a plain progress line this often when stderr is not a terminal
EXIT_DIVERGED = 3            # training diverged; the last good checkpoint is kept


class CliError(Exception):
    pass


def _int_in(lo: int, hi: int, what: str):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number (got {text!r})") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{what} must be {lo:,}–{hi:,} (got {value:,})")
        return value
    return parse


def _class_list(text: str) -> list[int]:
    try:
        classes = [int(c) for c in text.split(",") if c.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--classes must be comma-separated whole numbers such as 0,1,7 "
                                         f"(got {text!r})") from None
    if not classes or any(not 0 <= c <= 999 for c in classes):
        raise argparse.ArgumentTypeError(f"--classes must be class numbers 0–999 such as 0,1,7 (got {text!r})")
    return classes


def _float_in(lo: float, hi: float, what: str, allow_lo: bool = True):
    def parse(text: str) -> float:
        import math

        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a number (got {text!r})") from None
        if not math.isfinite(value) or value > hi or value < lo or (value == lo and not allow_lo):
            raise argparse.ArgumentTypeError(
                f"{what} must be {'more than' if not allow_lo else 'at least'} {lo:g} and at most {hi:g} (got {text})")
        return value
    return parse


def _progress_bar(total: int | None, desc: str, unit: str = "step"):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, dynamic_ncols=True, file=sys.stderr,
                disable=None, smoothing=0.1)


class _Interrupt:
    """First Ctrl-C asks the loop to stop (the run is then saved); a second one aborts.

    Under torchrun a process may get one Ctrl-C twice (from the terminal and passed on by
    torchrun): a repeat within `grace` seconds counts as the same one."""

    def __init__(self, quiet: bool = False, grace: float = 0.0):
        self.requested = False
        self.quiet = quiet
        self.grace = grace
        self._first = 0.0

    def __enter__(self):
        self._old = signal.signal(signal.SIGINT, self._handle)
        try:   # a logout or `kill` (SIGTERM) stops and saves like Ctrl-C
            self._old_term = signal.signal(signal.SIGTERM, self._handle)
        except (ValueError, AttributeError, OSError):  # not the main thread, or no SIGTERM here
            self._old_term = None
        return self

    def _handle(self, signum, frame):
        if self.requested:
            if time.monotonic() - self._first < self.grace:
                return
            raise KeyboardInterrupt
        self.requested = True
        self._first = time.monotonic()
        if not self.quiet:
            what = "terminate signal" if signum == getattr(signal, "SIGTERM", None) else "Ctrl-C"
            print(f"\n{what}: stopping after this step and saving… (Ctrl-C again to abort without saving)",
                  file=sys.stderr)

    def __exit__(self, *exc):
        signal.signal(signal.SIGINT, self._old)
        if self._old_term is not None:
            signal.signal(signal.SIGTERM, self._old_term)
        return False


def _default_run_dir(name: str) -> Path:
    from .paths import runs_dir

    return runs_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}"


def _drive(session, steps: int, seconds: float, dist=None, quality: bool = False) -> str:
    """Train until the target, Ctrl-C or a divergence, then save.  Under torchrun (`dist`) all
    processes run this together; only rank 0 shows progress and writes the run folder.
    The run folder's lock is released at the end, whatever happened."""
    # a full disk or a folder gone bad warns and training goes on (the state stays in memory)
    session.on_save_failure = "warn"
    if quality and (dist is None or dist.is_main):
        note = session.enable_quality()
        print(f"quality meter: {note}" if note else "quality meter: on (every 10 s of training)", file=sys.stderr)
    try:
        return _train_and_save(session, steps, seconds, dist)
    finally:
        session.close()


class _Progress:
    """Progress on stderr: a tqdm bar on a terminal; a plain line every PROGRESS_EVERY_S seconds
    otherwise (a log file, a pipe, a batch job), where tqdm is disabled."""

    def __init__(self, total: int | None, seconds: float, start_step: int):
        self.total, self.seconds, self.start_step = total, seconds, start_step
        self.bar = _progress_bar(total, "training")
        self.plain = self.bar.disable
        self.start = time.perf_counter()
        self._next = self.start + PROGRESS_EVERY_S
        self.last = None
        self.done = 0

    def update(self, update) -> None:
        now = time.perf_counter()
        if update.quality is not None or update.warnings:
            from .core.training.diagnostics import describe_point

            lines = [f"quality at step {update.quality.step}: {describe_point(update.quality)}"] if update.quality else []
            lines += [f"warning: {w.message()}" for w in update.warnings]
            for line in lines:
                (self.bar.write(line, file=sys.stderr) if not self.plain else print(line, file=sys.stderr, flush=True))
        if update.records:
            self.last = update.records[-1]
            self.done += len(update.records)
            if not self.plain:
                self.bar.update(len(update.records))
                self.bar.set_postfix(loss_D=f"{self.last.loss_d:.3f}", loss_G=f"{self.last.loss_g:.3f}",
                                     img_s=f"{self.last.images_per_s:.0f}", refresh=False)
        if not self.plain and self.seconds and not self.total:
            self.bar.set_description(f"training {now - self.start:4.0f}/{self.seconds:.0f}s")
        if self.plain and now >= self._next and self.last is not None:
            self._next = now + PROGRESS_EVERY_S
            target = (f"/{self.total}" if self.total else "") + (f" ({now - self.start:.0f}/{self.seconds:.0f} s)"
                                                                 if self.seconds else f" ({now - self.start:.0f} s)")
            print(f"step {self.last.step} (+{self.done}{target}): loss_D {self.last.loss_d:.3f}, "
                  f"loss_G {self.last.loss_g:.3f}, {self.last.images_per_s:.0f} img/s", file=sys.stderr, flush=True)

    def close(self) -> None:
        self.bar.close()


def _train_and_save(session, steps: int, seconds: float, dist=None) -> str:
    from .core.training.trainer import TrainingDiverged

    main = dist is None or dist.is_main
    t = session.trainer
    start_step, start_elapsed = t.step_count, t.elapsed
    progress = _Progress(steps or None, seconds, start_step) if main else None
    reason = "target reached"
    with _Interrupt(quiet=not main, grace=2.0 if dist is not None else 0.0) as stop:
        def on_update(update):
            if progress is not None:
                progress.update(update)

        try:
            if dist is None:
                session.run_for(max_steps=steps, max_seconds=seconds, chunk=10, on_update=on_update,
                                should_stop=lambda: stop.requested)
            else:  # the processes agree before every chunk whether to go on
                reason = dist.run_for(session, max_steps=steps, max_seconds=seconds, chunk=10, on_update=on_update,
                                      should_stop=lambda: stop.requested)
        except TrainingDiverged as exc:
            # Never write the non-finite state: the run keeps its last good checkpoint.
            if main:
                progress.close()
                saved = session.run is not None and session.run.has_checkpoint()
                kept = session.mark_diverged() if session.run is not None else None
                print(f"\n{exc.advice}", file=sys.stderr)
                if kept is not None:
                    print(f"gan-studio: error: training diverged; the run keeps its last good save (step {kept})"
                          if saved else "gan-studio: error: training diverged before the first save; no weights "
                                        "were written", file=sys.stderr)
            raise _Diverged() from None
        if stop.requested:
            reason = "stopped by the user"
    if not main:
        return reason
    progress.close()
    from .core.run_folders.runs import RunError

    try:
        session.snapshot()
    except RunError as exc:
        print(f"warning: the last progress grid was not saved: {exc}", file=sys.stderr)
    _final_save(session, "stopped" if reason == "stopped by the user" else "finished")
    images = (t.step_count - start_step) * min(t.config.train.batch_size, len(t.data)) * t.config.train.d_steps * t.processes
    seconds_trained = t.elapsed - start_elapsed
    speed = f", {images / seconds_trained:.0f} img/s on average" if images and seconds_trained > 0 else ""
    print(f"{reason}: step {t.step_count}, {t.elapsed:.1f} s of training{speed}", file=sys.stderr)
    store = session.state_snapshots()
    snaps = store.list() if store is not None else []
    if snaps:
        from .core.training.snapshots import describe_size, total_bytes

        print(f"snapshots: {len(snaps)} kept (steps {', '.join(str(s.step) for s in snaps)}), "
              f"{describe_size(total_bytes(snaps))} in {store.folder}", file=sys.stderr)
    return reason


def _final_save(session, status: str) -> None:
    """Save at the end of training; when the run folder cannot be written, save a copy of the run where
    there is room (and say where), else — on a terminal — wait for the user to free space.  The trained
    steps are never dropped silently."""
    from .core.run_folders.runs import RunError

    try:
        session.save(status)
        return
    except RunError as exc:
        print(f"warning: {exc}", file=sys.stderr)
    original = session.run.path
    while True:
        try:
            where = session.save_elsewhere(status)
        except RunError as exc:
            if not sys.stdin.isatty():
                raise CliError(f"training reached step {session.step:,} but could not be saved in {original}, and "
                               f"{exc}; free some space and train again") from None
            print(f"gan-studio: {exc}", file=sys.stderr)
            try:
                input(f"Free some space, then press Enter to save step {session.step:,} again "
                      f"(Ctrl-C gives up and loses the unsaved steps)… ")
            except EOFError:
                raise CliError(f"the run could not be saved: {exc}") from None
            try:
                session.save(status)
                return
            except RunError as again:
                print(f"warning: {again}", file=sys.stderr)
                continue
        print(f"saved the run to {where} instead ({original} could not be written); continue it with "
              f"`gan-studio resume {where}`", file=sys.stderr)
        return


class _Diverged(Exception):
    """Training diverged (already reported); the command exits with EXIT_DIVERGED."""


def _start_distributed(device: str | None):
    """The torchrun context of this process (None in a plain single process)."""
    from .core.training.distributed import DistributedError, init_from_env

    try:
        dist = init_from_env(device)
    except DistributedError as exc:
        raise CliError(str(exc)) from None
    if dist is not None and not dist.is_main:
        import warnings

        warnings.simplefilter("ignore")  # only rank 0 talks; the others print errors only
    return dist


def _distributed_session(dist, build_main):
    """Rank 0 builds its session first (only it downloads data or touches the run folder); the
    others then build theirs from its configuration and take over its trainer state.
    None on the other ranks when rank 0 failed (it reports why)."""
    from .core.training.session import TrainingSession

    session = None
    if dist.is_main:
        try:
            session = build_main()
        except BaseException:
            dist.broadcast_object(None)  # let the others give up instead of waiting
            raise
    config = dist.broadcast_object(session.config if session is not None else None)
    if config is None:
        return None
    if session is None:
        session = TrainingSession(config, None, device=str(dist.device))
    dist.prepare(session.trainer)
    if dist.is_main:
        from .core.training.session import FIRST_SAVE_SECONDS

        session.first_save_seconds = FIRST_SAVE_SECONDS    # a rank killed in the first minute: resume from a save
        bs = session.trainer.config.train.batch_size
        print(f"distributed: {dist.describe()}, batch {bs} per process, {bs * dist.world_size} per update",
              file=sys.stderr)
    return session


def cmd_train(args) -> int:
    from .core.config import DataConfig
    from .core.experiment import Experiment
    from .core.presets import get_preset
    from .core.training.session import TrainingSession

    from .core.presets import DEFAULT_PRESET

    try:
        preset = get_preset(args.preset or DEFAULT_PRESET)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    classes = args.classes
    data = DataConfig(source=args.dataset, path=args.data_path, classes=classes)
    overrides = {k: v for k, v in dict(seed=args.seed, batch_size=args.batch_size, lr_g=args.lr, lr_d=args.lr,
                                        threads=args.threads, device=args.device).items() if v is not None}
    # The same Experiment the window edits: the preset, the data (a folder decides its size, channels and,
    # without class sub-folders, its unconditional recipe: Experiment.choose_data), then the user's changes.
    experiment = Experiment.from_preset(preset.key)
    experiment.choose_data(data)
    recipe = experiment.folder_recipe
    if args.preset is not None:
        experiment.choose_preset(args.preset)      # a preset named on the command line is kept as it is
    if recipe is not None:
        print(f"folder: {recipe.reason}", file=sys.stderr)
    if args.conditional is not None:
        experiment.edit(**{"model.conditional": args.conditional})
    preset = get_preset(experiment.config.preset) if experiment.config.preset != "custom" else preset
    experiment.edit(**{f"train.{k}": v for k, v in overrides.items()})
    size, channels = args.image_size, args.channels
    if args.dataset == "folder" and args.data_path and (size is None or channels is None):
        m = experiment.config.model
        size, channels = size or m.image_size, channels or m.channels
        print(f"folder images: training at {size}×{size} {'colour' if channels == 3 else 'gray'} "
              f"(--image-size / --channels to choose)", file=sys.stderr)
    shape = {k: v for k, v in (("model.image_size", size), ("model.channels", channels)) if v is not None}
    if shape:
        experiment.edit(**shape)
    config = experiment.config.check()
    dist = _start_distributed(config.train.device)
    try:
        if dist is None:
            out = Path(args.out) if args.out else _default_run_dir(preset.key)
            session = TrainingSession(config, out)
        else:
            out = (Path(args.out) if args.out else _default_run_dir(preset.key)) if dist.is_main else None
            session = _distributed_session(dist, lambda: TrainingSession(config, out, device=str(dist.device)))
            if session is None:
                return 2
        if dist is None or dist.is_main:
            _print_dataset(session.dataset)
            print(f"run folder: {out}", file=sys.stderr)
            counts = session.trainer.parameter_counts()
            print(f"{preset.title}: G {counts['generator']:,} · D {counts['discriminator']:,} parameters on "
                  f"{session.trainer.device} ({session.trainer.threads} threads)", file=sys.stderr)
        _drive(session, args.steps or 0, args.seconds or 0.0, dist, quality=args.quality)
        return 0
    finally:
        if dist is not None:
            dist.close()


def _print_dataset(dataset) -> None:
    print(f"dataset: {dataset.name}", file=sys.stderr)
    for note in dataset.notes:
        print(f"  note: {note}", file=sys.stderr)


def cmd_resume(args) -> int:
    from .core.training.session import TrainingSession

    overrides = {k: v for k, v in (("device", args.device), ("threads", args.threads)) if v is not None} or None
    dist = None
    from .core.training.distributed import launched_by_torchrun

    if launched_by_torchrun():
        from .core.run_folders.runs import RunFolder

        dist = _start_distributed(args.device or RunFolder.open(args.run).config.train.device)
    try:
        if dist is None:
            session = TrainingSession.resume(args.run, overrides=overrides)
        else:
            session = _distributed_session(
                dist, lambda: TrainingSession.resume(args.run, device=str(dist.device), overrides=overrides))
            if session is None:
                return 2
        if dist is None or dist.is_main:
            _print_dataset(session.dataset)
            print(f"resuming {args.run} at step {session.step}", file=sys.stderr)
            if getattr(session.run, "restored_from", "") == "previous":
                print("  note: the newest save was damaged or incomplete; resumed from the previous good save",
                      file=sys.stderr)
        _drive(session, args.steps or 0, args.seconds or 0.0, dist, quality=args.quality)
        return 0
    finally:
        if dist is not None:
            dist.close()


def cmd_sample(args) -> int:
    import numpy as np

    from .core.explore.exports import save_grid_png, save_latents
    from .core.explore.generator import load_generator

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
    from .core.images import grid_columns

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
    from .core.explore.generator import export_generator, load_generator

    out = Path(args.out)
    _check_output(out)
    fmt = args.format or ("onnx" if out.suffix.lower() == ".onnx" else "safetensors")
    want = ".onnx" if fmt == "onnx" else ".safetensors"
    if out.suffix.lower() != want:
        raise CliError(f"--out must end in {want} for --format {fmt} (got {out.name})")
    gen = load_generator(args.run)
    if fmt == "onnx":
        from .core.explore.onnx_export import OPSET, OnnxUnavailable, export_onnx

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
        from .core.atomic import atomic_write_text

        atomic_write_text(side, json.dumps({"name": gen.name, "model": gen.config.to_dict(),
                                            "class_names": gen.class_names, "step": gen.step,
                                            "latent_dim": gen.latent_dim, "conditional": gen.conditional},
                                           indent=2))
        print(f"wrote {out} and {side.name}", file=sys.stderr)
    return 0


def _check_output(out: Path) -> None:
    """Refuse before any work when the output cannot be written."""
    import os

    parent = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise CliError(f"--out {out} is a folder; give a file name such as {out / 'grid.png'}")
    if not parent.is_dir():
        raise CliError(f"--out: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CliError(f"--out: the folder {parent} is read-only; choose another place")


def cmd_evaluate(args) -> int:
    from .core.data import load_dataset
    from .core.explore.generator import load_generator
    import numpy as np

    from .core.metrics import QualityMeter
    from .core.run_folders.runs import RunFolder
    from .core.training.diagnostics import is_digit_data

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
        from .core.folder_quality import folder_report

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


def cmd_datasets(args) -> int:
    from .core.data import dataset_catalog

    for info in dataset_catalog():
        if info.key == "folder":
            state = "use --dataset folder --data-path DIR"
        elif info.cached:
            state = f"ready ({info.path})"
        elif info.downloadable:
            state = "not downloaded: `gan-studio download " + info.key + "` or `gan-studio import-mnist DIR --kind " + info.key + "`"
        else:
            state = "unavailable"
        print(f"{info.key:14s} {info.title:34s} {state}")
    return 0


def cmd_download(args) -> int:
    from .core.data import download_dataset
    from .core.data.download import available_copy

    where = None if args.force else available_copy(args.key)
    if where is not None:
        print(f"{args.key} is already on this computer ({where.describe()}): {where.path}; nothing to download "
              f"(--force downloads it again into your cache)", file=sys.stderr)
        return 0
    bar = _progress_bar(None, f"downloading {args.key}", unit="B")

    def progress(done, total):
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    path = download_dataset(args.key, progress=progress)
    bar.close()
    print(f"{args.key} ready in {path}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from .core.data import import_idx_folder

    path = import_idx_folder(args.kind, args.dir)
    print(f"imported {args.kind} from {args.dir} into {path}", file=sys.stderr)
    return 0


def cmd_open(args) -> int:
    """The desktop app on a run folder (followed live while another process trains it, else opened) or on a
    shared setup file (its settings become the experiment)."""
    from .core.run_folders.runs import RunFolder
    from .core.setup import is_setup_file, read_setup

    if is_setup_file(args.run):
        read_setup(args.run)          # SetupError: a clear one-line error here rather than a dialog
    else:
        RunFolder.open(args.run)
    try:
        from .app.main import run_app
    except ImportError as exc:  # pragma: no cover - only when Qt is missing
        raise CliError(f"the desktop app cannot start ({exc})") from None
    return run_app([args.run])


def cmd_presets(args) -> int:
    from .core.presets import DEFAULT_PRESET, load_presets

    for p in load_presets():
        mark = " (default)" if p.key == DEFAULT_PRESET else ""
        print(f"{p.key:18s} {p.title}{mark}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    steps_t = _int_in(1, MAX_STEPS, "--steps")
    seconds_t = _float_in(0.0, MAX_SECONDS, "--seconds", allow_lo=False)
    threads_t = _int_in(0, 256, "--threads")
    parser = _Parser(prog="gan-studio", description="GAN Studio — train and explore GANs on handwritten digits. "
                                     "Without a subcommand the desktop app opens (optionally on a run folder: "
                                     "gan-studio RUN).")
    parser.add_argument("--version", action="version", version=f"GAN Studio {__version__}")
    parser.add_argument("--self-test", action=_SelfTestAction,
                        help="check this installation end to end (libraries, data, weights, the window, a short "
                             "training, exports; about a minute) and exit: 0 when everything works")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("train", help="train a new run")
    p.add_argument("--preset",
                   help="starting point for the model and training settings (list them: gan-studio presets; "
                        "default: quick-digits, or for a folder without class sub-folders own-images)")
    p.add_argument("--conditional", action=argparse.BooleanOptionalAction, default=None,
                   help="tell the networks the class (needs labelled data: class sub-folders of a folder); "
                        "default: the preset's choice")
    p.add_argument("--dataset", default="sample", choices=["sample", "mnist", "fashion-mnist", "kmnist", "folder"],
                   help="training images (default: %(default)s, the small offline sample)")
    p.add_argument("--image-size", type=int, choices=[28, 32, 64, 128],
                   help="image side in pixels (default: 28, or decided by a folder's images)")
    p.add_argument("--channels", type=int, choices=[1, 3],
                   help="1: gray, 3: colour (default: 1, or decided by a folder's images)")
    p.add_argument("--data-path", metavar="DIR",
                   help="folder of images (for --dataset folder) or of the four IDX files")
    p.add_argument("--classes", type=_class_list, help="comma-separated class labels to train on, e.g. 0,1,7")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--steps", type=steps_t, help="stop after this many training steps")
    target.add_argument("--seconds", type=seconds_t, help="stop after this many seconds of training")
    p.add_argument("--out", metavar="RUN",
                   help="run folder to create (default: a new folder in the per-user runs folder)")
    p.add_argument("--seed", type=_int_in(0, 2**31 - 1, "--seed"), help="random seed (weights, data order, noise)")
    p.add_argument("--batch-size", type=_int_in(1, 4096, "--batch-size"), help="images per training step")
    p.add_argument("--lr", type=_float_in(1e-7, 1.0, "--lr"), help="learning rate of both networks")
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps")
    p.add_argument("--threads", type=threads_t, help="CPU threads (0: every core)")
    p.add_argument("--quality", action="store_true",
                   help="score the generator with the digit classifier every 10 s of training and print it, "
                        "with warnings (mode collapse, the discriminator winning); saved to quality.jsonl")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("resume", help="continue a run where it stopped")
    p.add_argument("run", metavar="RUN", help="the run folder")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--steps", type=steps_t, help="train this many more steps")
    target.add_argument("--seconds", type=seconds_t, help="train this many more seconds")
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the run's)")
    p.add_argument("--threads", type=threads_t, help="CPU threads (0: every core; default: the run's)")
    p.add_argument("--quality", action="store_true",
                   help="score the generator every 10 s of training and print it (see train --quality)")
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("open", help="open a run folder or a shared setup (.json) in the desktop app; a run that "
                                    "another process is training (a terminal, a server) is followed live, read-only")
    p.add_argument("run", metavar="RUN", help="the run folder, or a setup file written by File ▸ Export setup…")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("sample", help="generate images (digits, or what the model learned) from a run or "
                                      "exported generator")
    p.add_argument("run", metavar="RUN", help="a run folder or an exported generator (.safetensors)")
    p.add_argument("--n", type=_int_in(1, MAX_SAMPLES, "--n"), default=64,
                   help=f"how many images (1–{MAX_SAMPLES:,}; default: %(default)s)")
    p.add_argument("--seed", type=_int_in(0, 2**63 - 1, "--seed"), default=0, help="seed of the latent vectors")
    p.add_argument("--digit", type=_int_in(0, 999, "--digit"), help="digit to draw (conditional digit models)")
    p.add_argument("--class", dest="cls", metavar="NAME",
                   help="class to draw, by its name or number (conditional models; a folder's sub-folder names)")
    p.add_argument("--truncation", type=_float_in(0.0, 10.0, "--truncation", allow_lo=False),
                   help="truncation of the latent vectors (smaller: more typical, less varied)")
    p.add_argument("--scale", type=_int_in(1, MAX_SCALE, "--scale"), default=2,
                   help=f"pixel size of the grid PNG (1–{MAX_SCALE}; default: %(default)s)")
    p.add_argument("--out", required=True, help="grid.png or latents.npy")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("evaluate", help="quality of a run's generator: a score against held-out real digits "
                                         "(digit runs only), else diversity and near-copies of the folder")
    p.add_argument("run", metavar="RUN", help="the run folder")
    p.add_argument("--n", type=_int_in(1, MAX_SAMPLES, "--n"), default=2000,
                   help=f"generated images to compare (1–{MAX_SAMPLES:,}; default: %(default)s)")
    p.add_argument("--seed", type=_int_in(0, 2**63 - 1, "--seed"), default=12345, help="seed of the latent vectors")
    p.set_defaults(func=cmd_evaluate)

    sub.add_parser("datasets", help="which datasets are available, cached or downloadable").set_defaults(func=cmd_datasets)

    p = sub.add_parser("download", help="download and verify a dataset into the per-user cache")
    p.add_argument("key", choices=["mnist", "fashion-mnist", "kmnist"], help="the dataset")
    p.add_argument("--force", action="store_true",
                   help="download even when a copy is already here (shipped with the app or in your cache)")
    p.set_defaults(func=cmd_download)

    p = sub.add_parser("import-mnist", help="import a local folder holding the four IDX files")
    p.add_argument("dir", metavar="DIR", help="folder with the four IDX files (.gz or not)")
    p.add_argument("--kind", default="mnist", choices=["mnist", "fashion-mnist", "kmnist"],
                   help="which dataset the files are (default: %(default)s)")
    p.set_defaults(func=cmd_import)

    sub.add_parser("presets", help="list the shipped presets").set_defaults(func=cmd_presets)

    p = sub.add_parser("export", help="export a run's generator as ONNX (onnxruntime, the web, Unity, …) or as "
                                      "safetensors + JSON (what GAN Studio opens)")
    p.add_argument("run", metavar="RUN", help="a run folder or an exported generator (.safetensors)")
    p.add_argument("--format", choices=["onnx", "safetensors"],
                   help="default: from the --out suffix (.onnx or .safetensors)")
    p.add_argument("--out", required=True, help="generator.onnx or generator.safetensors")
    p.add_argument("--opset", type=_int_in(13, 21, "--opset"), help="ONNX opset (default 15)")
    p.set_defaults(func=cmd_export)
    return parser


class _SelfTestAction(argparse.Action):
    """`--self-test`: like --version, runs at once and exits with the self-test's status."""

    def __init__(self, option_strings, dest, **kw):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)

    def __call__(self, parser, namespace, values, option_string=None):
        from .selftest import run_self_test

        parser.exit(run_self_test(main))


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line (`gan-studio train: error: …; see --help`), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    from .core.config import ConfigError
    from .core.data import DatasetError, IdxFormatError
    from .core.explore.exports import ExportError
    from .core.run_folders.runs import RunError
    from .core.training.snapshots import SnapshotError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except _Diverged:
        return EXIT_DIVERGED
    except (CliError, ConfigError, DatasetError, IdxFormatError, RunError, ExportError, SnapshotError) as exc:
        print(f"gan-studio: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"gan-studio: error: {exc.strerror or _one_line(exc)}{where}", file=sys.stderr)
        return 2
    except (ValueError, MemoryError) as exc:
        print(f"gan-studio: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gan-studio: aborted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: still one line (GAN_STUDIO_DEBUG=1 shows the traceback)
        import os

        if os.environ.get("GAN_STUDIO_DEBUG"):
            raise
        print(f"gan-studio: error: unexpected {type(exc).__name__}: {_one_line(exc)} (this is a bug; rerun with "
              f"GAN_STUDIO_DEBUG=1 for details and report it)", file=sys.stderr)
        return 1
