"""Regenerate the documentation screenshots offscreen.

    .venv/bin/python scripts/screenshots.py --all [--out docs] [--mnist DIR] [--only NAME,...] [--quick]
    .venv/bin/python scripts/screenshots.py [--seconds 90] [--out docs]

With --all, every screenshot script runs in its own offscreen process, each with a temporary
GAN_STUDIO_HOME (see SHOTS below for what each writes): this script's own part (train, learn, follow),
screenshots_explore.py, screenshots_export.py, screenshots_zh_CN.py (skipped without a CJK font),
screenshots_quality.py and screenshot_compare.py on runs the CLI trains first on full MNIST (--mnist,
default ../shared/datasets/mnist; the two are skipped without it), and screenshots_laptop.py (every tab at
1280×720 and 1366×768 with a banner, into OUT/laptop/, or a temporary folder when OUT is docs/).  --only picks some of these by name;
--quick trains for a few seconds only (a smoke check that every script still runs: the images are not
the documented ones).  About 10 minutes without --quick (measured set by set on a busy 2-core machine).

Without --all it trains the default preset on the offline sample for `--seconds`, then saves
docs/screenshot-train.png (curves + samples) and docs/screenshot-learn.png;
then runs `gan-studio train` in another process, follows its run folder
(File ▸ Follow run…) for `--follow-seconds` and saves docs/screenshot-follow.png.
Uses a temporary GAN_STUDIO_HOME so no user settings or runs are touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop.quit)
    loop.exec()


# name: (the files it writes under --out, what it needs)
SHOTS = {
    "train": ("screenshot-train.png, screenshot-learn.png, screenshot-follow.png", "the offline sample"),
    "explore": ("screenshot-gallery.png, screenshot-explore.png", "the shipped generator"),
    "export": ("screenshot-export-{plane,directions,breed,svg}.png, digits-traced.svg", "the shipped generator"),
    "zh_CN": ("screenshot-zh_CN.png, screenshot-learn-zh_CN.png", "a CJK font"),
    "quality": ("screenshot-quality-meter.png, screenshot-snapshot-timeline.png, screenshot-collapse-warning.png",
                "full MNIST"),
    "compare": ("screenshot-compare.png", "full MNIST"),
    "laptop": ("laptop-{1280x720,1366x768}-<view>.png (26 views: each tab, panel, Branch, Compare, setup banner)",
               "the offline sample"),
}
NOT_SCRIPTED = ("screenshot-splash.png, screenshot-preparing.png (the bundle's start-up), screenshot-updates.png "
                "and the time-to-digits-*.png grids (benchmarks/time_to_digits.py --grid-at 60)")


def run_all(args) -> int:
    """Every screenshot script, one offscreen process each; returns the number of scripts that failed."""
    import subprocess

    py = sys.executable
    scripts = ROOT / "scripts"
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    names = list(SHOTS) if not args.only else [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in SHOTS]
    if unknown:
        print(f"unknown screenshot set(s) {', '.join(unknown)}; known: {', '.join(SHOTS)}")
        return 2
    quick = args.quick
    mnist = args.mnist.resolve()
    have_mnist = (mnist / "train-images-idx3-ubyte.gz").is_file() or (mnist / "train-images-idx3-ubyte").is_file()
    work = Path(tempfile.mkdtemp(prefix="gan-studio-shots-all-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))

    def call(cmd, home: str) -> int:
        print("$", " ".join(str(c) for c in cmd), flush=True)
        return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=dict(env, GAN_STUDIO_HOME=home)).returncode

    def cli_train(home: str, run: Path, *opts) -> int:
        return call([py, "-m", "gan_studio", "train", "--dataset", "mnist", "--data-path", mnist, "--threads", "1",
                     *opts, "--out", run], home)

    failed, skipped, done = [], [], []
    for name in names:
        home = str(work / f"home-{name}")
        if name == "train":
            rc = call([py, scripts / "screenshots.py", "--out", out, "--seconds", 10 if quick else args.seconds,
                       "--follow-seconds", 8 if quick else args.follow_seconds], home)
        elif name == "explore":
            rc = call([py, scripts / "screenshots_explore.py", "--out", out], home)
        elif name == "export":
            rc = call([py, scripts / "screenshots_export.py", "--out", out], home)
        elif name == "laptop":  # for looking at, not committing (docs/ holds two): OUT/laptop/, never docs/laptop/
            laptop = work / "laptop" if out == (ROOT / "docs").resolve() else out / "laptop"
            rc = call([py, scripts / "screenshots_laptop.py", "--out", laptop, "--seconds", 8 if quick else 60], home)
            print("laptop screenshots in", laptop, flush=True)
        elif name == "zh_CN":
            from screenshots_zh_CN import has_cjk_font

            if not has_cjk_font():
                skipped.append("zh_CN (no CJK font: fc-list :lang=zh is empty)")
                continue
            rc = call([py, scripts / "screenshots_zh_CN.py", "--out", out, "--seconds", 10 if quick else 60], home)
        elif not have_mnist:
            skipped.append(f"{name} (no MNIST at {mnist}: pass --mnist DIR)")
            continue
        elif name == "quality":
            qd, seed = work / "runs" / "qd", work / "runs" / "seed"
            rc = (cli_train(home, qd, "--preset", "quick-digits", "--seconds", 10 if quick else 60, "--quality")
                  or cli_train(home, seed, "--preset", "seed-mlp", "--seconds", 15 if quick else 90, "--quality")
                  or call([py, scripts / "screenshots_quality.py", qd, seed, "--out", out], home))
        else:  # compare: the default, the default with a learning rate 15x lower, and the seed's MLP, fixed
            runs = [work / "runs" / "quick-digits", work / "runs" / "quick-digits-lr2e-4",
                    work / "runs" / "seed-mlp-fixed"]
            seconds = 4 if quick else 45        # of training each: four or five quality checks
            rc = (cli_train(home, runs[0], "--preset", "quick-digits", "--quality", "--seconds", seconds)
                  or cli_train(home, runs[1], "--preset", "quick-digits", "--lr", "0.0002", "--quality",
                               "--seconds", seconds)
                  or cli_train(home, runs[2], "--preset", "seed-mlp-fixed", "--quality", "--seconds", seconds)
                  or call([py, scripts / "screenshot_compare.py", *runs, "--out", out / "screenshot-compare.png"],
                          home))
        if rc:
            failed.append(f"{name} (exit {rc})")
        else:
            done.append(name)
    print()
    print("written to", out, "—", ", ".join(SHOTS[n][0] for n in done) or "nothing")
    for s in skipped:
        print("skipped:", s)
    for f in failed:
        print("FAILED:", f)
    print("not made by a script:", NOT_SCRIPTED)
    return len(failed)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="run every screenshot script (see the docstring)")
    parser.add_argument("--only", help=f"with --all: only these, comma-separated ({', '.join(SHOTS)})")
    parser.add_argument("--quick", action="store_true", help="with --all: train seconds, not minutes (smoke check)")
    parser.add_argument("--mnist", type=Path, default=ROOT.parent / "shared" / "datasets" / "mnist",
                        help="with --all: full MNIST's four IDX files, for the quality and compare screenshots")
    parser.add_argument("--seconds", type=float, default=90.0, help="training time before the Train screenshot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--follow-seconds", type=float, default=40.0, help="following time before its screenshot")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args(argv)
    if args.all or args.only:
        return 1 if run_all(args) else 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="gan-studio-shots-")
    os.environ["GAN_STUDIO_HOME"] = home
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["gan-studio"])
    app.setApplicationName("GAN Studio")
    from gan_studio.app.main_window import MainWindow

    w, h = (int(v) for v in args.size.split("x"))
    win = MainWindow()
    win.resize(w, h)
    win.show()
    spin(1500)
    args.out.mkdir(parents=True, exist_ok=True)

    win.lifecycle.train()
    waited = 0
    # --seconds after Train, and at least until the first steps are drawn (a busy machine loads slowly)
    while waited < args.seconds * 1000 or (win.train_tab.plots.buffer.last_step() == 0 and waited < 300_000):
        spin(500)
        waited += 500
    # The Learn tab while training runs: its model graph shows D's outputs from a probe every 2 s.
    win.tabs.setCurrentWidget(win.learn_tab)
    win.learn_tab.lesson_list.setCurrentRow(3)      # the lesson of the default preset (the conditional generator)
    spin(3000)
    learn_png = args.out / "screenshot-learn.png"
    win.grab().save(str(learn_png))
    print(learn_png)

    win.controller.pause()
    win.tabs.setCurrentWidget(win.train_tab)
    spin(800)
    win.train_tab.plots.reset_zoom()
    plots = win.train_tab.plots
    steps = plots.buffer.last_step()
    plots.show_readout(steps * 0.8)
    spin(300)
    train_png = args.out / "screenshot-train.png"
    win.grab().save(str(train_png))
    print(f"{train_png} (step {steps:,})")

    win.controller.discard()
    win.train_tab.clear()

    import subprocess

    run = Path(home) / "runs" / "from-a-terminal"
    writer = subprocess.Popen([sys.executable, "-m", "gan_studio", "train", "--seconds", str(args.follow_seconds + 60),
                               "--out", str(run)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (run / "run.json").is_file():
            spin(200)
        win.lifecycle.maybe_save = lambda *a, **k: True     # the trained run was discarded: no question to answer
        win.follow_run(run)
        spin(args.follow_seconds * 1000)
        follow_png = args.out / "screenshot-follow.png"
        win.grab().save(str(follow_png))
        print(follow_png)
    finally:
        writer.terminate()
        writer.wait(30)
    win.follower.stop()
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
