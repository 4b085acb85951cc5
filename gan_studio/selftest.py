"""`gan-studio --self-test` and `gan-studio --startup-probe`.

The self-test answers "does this installation work?" from a source checkout,
an installed wheel or a frozen bundle alike: it checks the shipped resources,
opens the main window (offscreen when there is no display), trains a few
steps on the bundled digits, samples and exports a grid, saves and reopens
the run, and exits 0.  Any failure prints which check failed and exits 1.
Everything it writes goes to a temporary GAN_STUDIO_HOME that is removed
afterwards, so it never touches the user's own runs or settings.

The startup probe measures cold start: it launches the app as usual and exits
as soon as the main window has been shown, printing the elapsed time.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .proctime import process_start_time

TRAIN_STEPS = 20
SAMPLES = 16
# Resources that must ship; paths relative to resources/.  The classifier and the
# pretrained generator are checked when present (they are built by separate steps).
REQUIRED_PRESETS = ("quick-digits", "seed-mlp", "dcgan", "conditional-dcgan", "wgan-gp")
CLASSIFIER = ("models", "digit_classifier.safetensors")
PRETRAINED = ("models", "pretrained-mnist.safetensors")
PROBE_LINE = "startup-probe: main window shown after"


class CheckFailed(Exception):
    """A self-test check found something wrong (message says what)."""


def _need_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


class _Runner:
    def __init__(self, verbose: bool):
        self.verbose = verbose
        self.results: list[tuple[str, bool, float, str]] = []

    def say(self, text: str) -> None:
        if self.verbose:
            print(text, flush=True)

    def check(self, name: str, fn):
        """Run one check; print its timing; re-raise a failure as CheckFailed naming the check."""
        start = time.perf_counter()
        try:
            detail = fn()
        except Exception as exc:  # noqa: BLE001 - any failure is reported with its check's name
            elapsed = time.perf_counter() - start
            message = str(exc) or type(exc).__name__
            self.results.append((name, False, elapsed, message))
            print(f"  FAIL  {name:<28} {elapsed:6.2f}s  {type(exc).__name__}: {message}", flush=True)
            if self.verbose and not isinstance(exc, CheckFailed):
                traceback.print_exc()
            raise CheckFailed(f"self-test check '{name}' failed: {message}") from exc
        elapsed = time.perf_counter() - start
        self.results.append((name, True, elapsed, detail or ""))
        self.say(f"  ok    {name:<28} {elapsed:6.2f}s  {detail or ''}".rstrip())
        return detail


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def run_self_test(cli_main, verbose: bool = True) -> int:
    """Check this installation end to end; 0 when everything works, 1 otherwise.

    `cli_main`: the headless front end to check (`gan_studio.cli.main`), handed in by whoever runs the
    self-test, so this module does not import the CLI that imports it."""
    if _need_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    old_home = os.environ.get("GAN_STUDIO_HOME")
    home = Path(tempfile.mkdtemp(prefix="gan-studio-selftest-"))
    os.environ["GAN_STUDIO_HOME"] = str(home)
    runner = _Runner(verbose)
    start = time.perf_counter()
    frozen = bool(getattr(sys, "frozen", False))
    runner.say(f"GAN Studio self-test ({'frozen bundle' if frozen else 'from source'}; "
               f"Python {sys.version.split()[0]} on {sys.platform}; Qt platform "
               f"{os.environ.get('QT_QPA_PLATFORM') or 'default'})")
    try:
        _all_checks(runner, home, cli_main)
    except CheckFailed as exc:
        print(f"GAN Studio self-test FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    except BaseException as exc:  # noqa: BLE001 - e.g. SystemExit from a library
        print(f"GAN Studio self-test FAILED outside a check: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        if old_home is None:
            os.environ.pop("GAN_STUDIO_HOME", None)
        else:
            os.environ["GAN_STUDIO_HOME"] = old_home
        shutil.rmtree(home, ignore_errors=True)
    runner.say(f"GAN Studio self-test passed: {len(runner.results)} checks in {time.perf_counter() - start:.1f}s")
    return 0


def _all_checks(r: _Runner, home: Path, cli_main) -> None:
    state: dict = {}

    # ---------------------------------------------------------------- libraries
    def libraries():
        import numpy
        import torch

        x = torch.randn(8, 8)
        _expect(torch.isfinite(x @ x.T).all().item(), "torch produced non-finite numbers")
        import PIL
        import safetensors  # noqa: F401
        from PySide6 import __version__ as pyside_version

        return f"torch {torch.__version__}, numpy {numpy.__version__}, PySide6 {pyside_version}, Pillow {PIL.__version__}"

    r.check("libraries import", libraries)

    # ---------------------------------------------------------------- resources
    def resources():
        from .paths import resources_root

        root = resources_root()
        _expect(root.is_dir(), f"resources folder {root} is missing")
        return str(root)

    r.check("resources folder", resources)

    def presets():
        from .core.presets import load_presets

        keys = [p.key for p in load_presets()]
        missing = [k for k in REQUIRED_PRESETS if k not in keys]
        _expect(not missing, f"presets missing: {', '.join(missing)}")
        return f"{len(keys)} presets"

    r.check("presets", presets)

    def offline_data():
        import hashlib
        import json

        from .paths import resource_path

        manifest = json.loads(resource_path("data", "manifest.json").read_text("utf-8"))
        for name, entry in manifest["files"].items():
            path = resource_path("data", name)
            _expect(path.is_file(), f"offline sample file {name} is missing")
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            _expect(digest == entry["sha256"], f"offline sample file {name} is damaged (checksum mismatch)")
        return f"{len(manifest['files'])} files verified"

    r.check("offline sample data", offline_data)

    def classifier():
        from .paths import resource_path

        path = resource_path(*CLASSIFIER)
        if not path.is_file():
            return "not shipped in this build (skipped)"
        from .core.metrics import QualityMeter

        state["meter"] = QualityMeter.load(path)
        return f"{path.name} loads"

    r.check("digit classifier weights", classifier)

    def pretrained():
        from .paths import resource_path

        path = resource_path(*PRETRAINED)
        if not path.is_file():
            return "not shipped in this build (skipped)"
        from .core.explore.generator import load_generator

        model = load_generator(path)
        images = model.generate(model.latents(0, 4), labels=list(range(4)) if model.conditional else None)
        _expect(images.shape[0] == 4 and images.dtype.name == "uint8", "pretrained generator produced bad output")
        return f"{path.name} generates {images.shape[1]}x{images.shape[2]} digits"

    r.check("pretrained generator", pretrained)

    # ---------------------------------------------------------------- the window
    def window():
        from PySide6.QtWidgets import QApplication

        from .app.main import configure_qt

        configure_qt()      # the Qt settings the app starts with
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gan-studio"])
        from .app.main_window import MainWindow

        win = MainWindow()
        win.show()
        deadline = time.perf_counter() + 5
        while not win.isVisible() and time.perf_counter() < deadline:
            app.processEvents()
        app.processEvents()
        _expect(win.isVisible(), "the main window did not become visible")
        state["app"], state["window"] = app, win
        return f"{type(win).__name__} {win.width()}x{win.height()} on '{app.platformName()}'"

    r.check("main window opens", window)

    # ---------------------------------------------------------------- training
    run_dir = home / "runs" / "selftest"

    def training():
        from .core.training import protocol as P
        from .core.config import DataConfig, ExperimentConfig, ModelConfig, TrainConfig
        from .core.training.process import TrainingProcess

        config = ExperimentConfig(
            data=DataConfig(source="sample", holdout=200),
            # A tiny conditional DCGAN on one thread: fast even on a busy 2-core machine.
            model=ModelConfig(arch="dcgan", conditional=True, g_width=8, d_width=8, latent_dim=16),
            train=TrainConfig(batch_size=16, ema=0.99, sample_every=10, checkpoint_every=0, seed=1, threads=1),
            name="selftest", preset="custom",
        ).check()
        # The way the window trains: in a spawned training process (frozen: through freeze_support).
        process = TrainingProcess()
        process.start()
        try:
            process.send(P.Load(config=config.to_dict(), run_dir=str(run_dir), threads=1))
            process.send(P.Train(target_steps=TRAIN_STEPS))
            seen: dict = {}
            deadline = time.perf_counter() + 120
            while P.Saved not in seen and time.perf_counter() < deadline:
                for event in process.receive(0.2):
                    seen[type(event)] = event
                    if isinstance(event, P.Failed):
                        _expect(False, f"the training process failed: {event.message}")
                    if isinstance(event, P.Finished):
                        process.send(P.Save())
                state["app"].processEvents()
            _expect(P.Saved in seen, "the training process did not finish and save in 120 s")
            _expect(seen[P.Saved].step == TRAIN_STEPS, f"trained {seen[P.Saved].step} steps, not {TRAIN_STEPS}")
            pid = seen[P.Hello].pid
        finally:
            process.close()
        return f"{TRAIN_STEPS} steps in training process {pid} on {seen[P.Ready].dataset}"

    r.check("train on bundled data", training)

    def sampling():
        import numpy as np
        from PIL import Image

        from .core.explore.exports import save_grid_png
        from .core.explore.generator import load_generator

        model = load_generator(run_dir)
        images = model.generate(model.latents(7, SAMPLES), labels=np.arange(SAMPLES) % model.num_classes)
        _expect(images.shape == (SAMPLES, 28, 28, 1), f"unexpected sample shape {images.shape}")
        png = save_grid_png(home / "selftest-grid.png", images, cols=4)
        with Image.open(png) as im:
            im.load()
            size = im.size
        _expect(size[0] > 28 * 4 and size[1] > 28 * 4, f"grid PNG has unexpected size {size}")
        if "meter" in state:
            state["meter"].predict(images)
        return f"{SAMPLES} digits -> {png.name} {size[0]}x{size[1]}"

    r.check("sample and export PNG", sampling)

    def video():
        import numpy as np

        from .core.explore.exports import save_gif, save_mp4

        frames = (np.random.default_rng(0).random((6, 28, 28, 1)) * 255).astype(np.uint8)
        gif = save_gif(home / "selftest.gif", frames, fps=6)
        mp4 = save_mp4(home / "selftest.mp4", frames, fps=6, scale=2)
        _expect(gif.stat().st_size > 0 and mp4.stat().st_size > 0, "an animation file is empty")
        return f"GIF {gif.stat().st_size} B, MP4 {mp4.stat().st_size} B"

    r.check("GIF and MP4 export", video)

    def reopen():
        from .core.run_folders.runs import RunFolder
        from .core.training.session import TrainingSession

        run = RunFolder.open(run_dir)
        _expect(run.has_checkpoint(), "the saved run has no checkpoint")
        _expect(run.step == TRAIN_STEPS, f"the saved run says step {run.step}, expected {TRAIN_STEPS}")
        session = TrainingSession.resume(run_dir)
        _expect(session.step == TRAIN_STEPS, f"resume continued at step {session.step}, expected {TRAIN_STEPS}")
        session.advance(2)
        _expect(session.step == TRAIN_STEPS + 2, "the resumed session did not advance")
        session.save()
        session.close()
        _expect(RunFolder.open(run_dir).step == TRAIN_STEPS + 2, "the resumed run did not save")
        return f"resumed at step {TRAIN_STEPS}, saved at {TRAIN_STEPS + 2}"

    r.check("save and reopen run", reopen)

    def cli():
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli_main(["presets"])
        _expect(code == 0, f"`gan-studio presets` exited {code}")
        _expect("quick-digits" in out.getvalue(), "`gan-studio presets` did not list the presets")
        return "`gan-studio presets` works"

    r.check("headless CLI", cli)

    def close():
        from PySide6.QtCore import QThreadPool

        win, app = state.pop("window"), state["app"]
        win.close()
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(10_000)
        win.deleteLater()
        app.processEvents()
        return "closed"

    r.check("main window closes", close)


# ------------------------------------------------------------------ startup probe

def run_startup_probe(argv: list[str] | None = None, timeout_s: float = 120.0) -> int:
    """Start the app as a user would and exit as soon as the main window is shown.

    Prints `startup-probe: main window shown after X.XXX s ...`: X is measured
    from process start when the OS tells it (Linux), else from interpreter start
    of this module.  Exits 0 on success, 1 if no window appeared within timeout_s.
    """
    t_module = time.time()
    t0 = process_start_time() or _IMPORT_TIME or t_module
    if _need_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    shown: dict = {}

    class _ShowWatcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt naming
            if not shown and event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
                shown["t"] = time.time()
                shown["name"] = type(obj).__name__
                # let the first paint happen, then leave
                QTimer.singleShot(0, lambda: _finish(obj))
            return False

    def _finish(win):
        app = QApplication.instance()
        elapsed = shown["t"] - t0
        print(f"{PROBE_LINE} {elapsed:.3f} s ({shown['name']}, from process start; "
              f"Qt platform '{app.platformName()}')", flush=True)
        win.close()
        app.quit()

    watcher = _ShowWatcher()
    original_init = QApplication.__init__

    def patched_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.installEventFilter(watcher)
        QTimer.singleShot(int(timeout_s * 1000), self.quit)

    # Hook the QApplication the app creates itself, so the measured path is the real one.
    QApplication.__init__ = patched_init
    try:
        from .app.main import run_app

        code = run_app(list(argv or []))
    finally:
        QApplication.__init__ = original_init
    if not shown:
        print(f"startup-probe: no main window was shown within {timeout_s:.0f} s (exit code {code})",
              file=sys.stderr, flush=True)
        return 1
    return 0


_IMPORT_TIME = time.time()
