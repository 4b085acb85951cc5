"""`gan-studio train` and `resume`: drive a TrainingSession to its target, with progress, Ctrl-C and torchrun."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

from .common import CliError, _default_run_dir, _Diverged, _print_dataset, _progress_bar

PROGRESS_EVERY_S = 10.0      # a plain progress line this often when stderr is not a terminal


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
            from ..core.training.diagnostics import describe_point

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
    from ..core.training.trainer import TrainingDiverged

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
    from ..core.run_folders.runs import RunError

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
        from ..core.training.snapshots import describe_size, total_bytes

        print(f"snapshots: {len(snaps)} kept (steps {', '.join(str(s.step) for s in snaps)}), "
              f"{describe_size(total_bytes(snaps))} in {store.folder}", file=sys.stderr)
    return reason


def _final_save(session, status: str) -> None:
    """Save at the end of training; when the run folder cannot be written, save a copy of the run where
    there is room (and say where), else — on a terminal — wait for the user to free space.  The trained
    steps are never dropped silently."""
    from ..core.run_folders.runs import RunError

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

def _start_distributed(device: str | None):
    """The torchrun context of this process (None in a plain single process)."""
    from ..core.training.distributed import DistributedError, init_from_env

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
    from ..core.training.session import TrainingSession

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
        from ..core.training.session import FIRST_SAVE_SECONDS

        session.first_save_seconds = FIRST_SAVE_SECONDS    # a rank killed in the first minute: resume from a save
        bs = session.trainer.config.train.batch_size
        print(f"distributed: {dist.describe()}, batch {bs} per process, {bs * dist.world_size} per update",
              file=sys.stderr)
    return session


def cmd_train(args) -> int:
    from ..core.config import DataConfig
    from ..core.experiment import Experiment
    from ..core.presets import get_preset
    from ..core.training.session import TrainingSession

    from ..core.presets import DEFAULT_PRESET

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

def cmd_resume(args) -> int:
    from ..core.training.session import TrainingSession

    overrides = {k: v for k, v in (("device", args.device), ("threads", args.threads)) if v is not None} or None
    dist = None
    from ..core.training.distributed import launched_by_torchrun

    if launched_by_torchrun():
        from ..core.run_folders.runs import RunFolder

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
