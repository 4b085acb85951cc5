"""Screenshots of every tab, panel and window at 1280×720 and 1366×768 with a banner showing (issue 26).

    .venv/bin/python scripts/screenshots_laptop.py [--out DIR] [--seconds 25] [--runs RUN RUN] [--sizes 1280x720]

The real MainWindow on a monkeypatched screen (`QScreen.availableGeometry`, as tests/app/test_fits_laptop.py
does): 1366×768 with a 27 px top bar (available 1366×741) and 1280×720 with no panel; the window takes the
whole available area less a 30 px title bar, as a maximised window's client area would.  Unless `--runs`
names two run folders, the CLI first trains two short runs on the offline sample with the quality meter on
(quick-digits, and the same with learning rate 2e-4: `--seconds` each).  Then, for each size:

* the first run opened, with the "Mode collapse" warning and its one-click fix showing (the warning the
  watchdog raises, with this run's snapshots and quality history behind the fix's step), grabbed on each tab
  (`train`, `gallery`, `explore-<page>` for its four pages, `learn`) and with the Experiment panel scrolled
  to the Dataset and Architecture panels (`panel-dataset`, `panel-architecture`);
* the Branch dialog that the warning's button opens (`branch`), and File ▸ Compare runs… on both runs
  (`compare`: the window at the size it takes on that screen);
* a setup opened (File ▸ Open setup…) with its lesson text in the setup banner, on Train and Learn
  (`setup-train`, `setup-learn`).

Files are named laptop-<W>x<H>-<view>.png (W×H: the screen) in `--out` (default: a new temporary folder:
these are for looking at, not for committing; docs/ holds two of them).  For each image the script prints
what it can measure about fitting: the banner's text clipped or not, the plots' height, the Gallery's
columns in view, the Compare window's frame against the screen.  A temporary GAN_STUDIO_HOME is used.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GAN_STUDIO_HOME"] = tempfile.mkdtemp(prefix="gan-studio-shots-laptop-")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# name: (available geometry x, y, w, h) — as in tests/app/test_fits_laptop.py
SCREENS = {"1280x720": (0, 0, 1280, 720), "1366x768": (0, 27, 1366, 741)}
TITLE_BAR = 30          # px a window manager's title bar takes from a maximised window
LESSON = ("Watch the samples: after about a minute the blobs become digits, one row per class. Then open "
          "Gallery and star the best one.")


def spin(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def wait_for(app, condition, timeout: float = 60.0) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


def train_runs(work: Path, seconds: float) -> list[Path]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    runs = []
    for name, extra in (("quick-digits", []), ("quick-digits-lr2e-4", ["--lr", "0.0002"])):
        run = work / name
        cmd = [sys.executable, "-m", "gan_studio", "train", "--preset", "quick-digits", "--seconds", str(seconds),
               "--threads", "1", "--quality", "--out", str(run), *extra]
        print("$", " ".join(cmd), flush=True)
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        runs.append(run)
    return runs


def collapse_warning(run: Path) -> dict:
    """The collapse warning as the watchdog words it, at the run's last step."""
    from gan_studio.core.run_folders.runs import RunFolder

    step = int(RunFolder.open(run).step)
    return {"kind": "collapse", "step": step, "title": "Mode collapse",
            "text": "The generator is collapsing: the samples are nearly all the same image: they vary 2 % as "
                    "much as real digits.",
            "advice": "Try: go back to a snapshot from before it started and train on with a calmer recipe "
                      "(hinge loss, Adam β1 0.5), or use a preset whose generator normalises its layers."}


def in_window(w, widget):
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())


def fit_notes(w) -> str:
    """What can be measured about the banner and the plots on the tab showing."""
    notes = []
    b = w.banner
    if b.isVisible():
        need = b.label.heightForWidth(b.scroll.viewport().width())
        have = b.scroll.viewport().height()
        card = in_window(w, b)
        notes.append(f"banner {card.width()}×{card.height()} at y {card.y()}"
                     + (f", text CLIPPED ({need} px of text in {have} px; it scrolls)" if need > have else
                        ", text whole"))
    current = w.tabs.currentWidget()
    if current is w.train_tab:
        notes.append(f"curves plot area {w.train_tab.plots.view.width()}×{w.train_tab.plots.view.height()} px")
    if current is w.gallery_tab:
        grid = w.gallery_tab.grid
        shown = sum(grid.viewport().rect().contains(grid._cell_rect(i)) for i in range(min(grid.columns, grid.count())))
        notes.append(f"gallery {shown} of {grid.columns} columns in view, cells {grid.cell_px()} px")
    if current is w.learn_tab:
        g, f = in_window(w, w.learn_tab.graph), in_window(w, w.learn_tab.formulas)
        notes.append(f"graph {g.width()}×{g.height()} bottom {g.bottom()}, formulas top {f.top()} h {f.height()}"
                     + (" OVERLAP" if g.bottom() >= f.top() else ""))
    return "; ".join(notes)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="folder for the PNGs (default: a new temporary one)")
    ap.add_argument("--runs", type=Path, nargs=2, help="two run folders trained with --quality (default: train them)")
    ap.add_argument("--seconds", type=float, default=25.0, help="training time of each of the two runs")
    ap.add_argument("--sizes", default=",".join(SCREENS), help=f"comma-separated, of {', '.join(SCREENS)}")
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="gan-studio-laptop-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gan-studio-laptop-runs-"))
    runs = list(args.runs) if args.runs else train_runs(work, args.seconds)

    from PySide6.QtCore import QRect, QTimer
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QApplication

    from gan_studio.app.main_window import MainWindow
    from gan_studio.app.model_source import Pick
    from gan_studio.core.setup import Setup, write_setup
    from gan_studio.core.training.diagnostics import collapse_fix

    app = QApplication.instance() or QApplication(["gan-studio"])
    app.setApplicationName("GAN Studio")
    written = []

    for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
        area = QRect(*SCREENS[size])
        QScreen.availableGeometry = lambda _screen, area=area: QRect(area)
        w = MainWindow(threads=1)
        w.lifecycle.maybe_save = lambda *a, **k: True        # no question to answer between the views
        w.setGeometry(area.x(), area.y() + TITLE_BAR, area.width(), area.height() - TITLE_BAR)
        w.show()
        wait_for(app, lambda: w.model_source.model is not None)

        def shot(view: str, widget=None) -> None:
            spin(app, 0.4)
            path = out / f"laptop-{size}-{view}.png"
            (widget or w).grab().save(str(path))
            written.append(path)
            print(f"{path.name}: {fit_notes(w) if widget is None else ''}", flush=True)

        w.lifecycle.open_run(runs[0])
        wait_for(app, lambda: w.train_tab.plots.buffer.last_step() > 0, 30)
        spin(app, 1.0)
        w.train_tab.plots.refresh()
        warning = collapse_warning(runs[0])
        w.show_warning(warning)
        w.tabs.setCurrentWidget(w.train_tab)
        shot("train")

        w.tabs.setCurrentWidget(w.gallery_tab)
        wait_for(app, lambda: w.gallery_tab.grid.count() > 0, 30)
        shot("gallery")

        w.tabs.setCurrentWidget(w.explore_tab)
        ex, m = w.explore_tab, w.model_source.model
        keys = [Pick.from_address(m, 7, i, i % m.num_classes if m.conditional else None) for i in (1, 4, 9)]
        ex.show_page("interpolate")
        ex.interpolate.set_keyframes(keys)
        ex.interpolate.refresh()
        shot("explore-interpolate")
        ex.show_page("plane")
        ex.plane.set_picks([Pick.from_address(m, 3, i, 8 if m.conditional else None) for i in range(3)])
        ex.plane.refresh()
        shot("explore-plane")
        ex.show_page("directions")
        wait_for(app, lambda: ex.directions.directions is not None, 60)
        shot("explore-directions")
        ex.show_page("breed")
        ex.breed.set_picks(keys[:2])
        ex.breed.breed()
        shot("explore-breed")

        w.tabs.setCurrentWidget(w.learn_tab)
        w.learn_tab.lesson_list.setCurrentRow(0)
        shot("learn")

        w.tabs.setCurrentWidget(w.train_tab)
        scroll = w.side_dock.widget()
        for name, panel in (("dataset", w.dataset_panel), ("architecture", w.arch_panel)):
            scroll.ensureWidgetVisible(panel, 0, 0)
            scroll.verticalScrollBar().setValue(panel.y())
            shot(f"panel-{name}")
        scroll.verticalScrollBar().setValue(0)

        # the warning's one-click fix: the Branch dialog, grabbed while it is open
        step = w.step_before_trouble(int(warning["step"]))
        if step is None:        # the run did not really collapse: the timeline's Branch… on its newest snapshot
            steps = [int(s["step"]) for s in w.train_tab.timeline.items]
            step = steps[-1] if steps else None
        if step is None:
            print("no snapshot: no Branch dialog", flush=True)
        else:
            def grab_dialog() -> None:
                dialog = app.activeModalWidget()
                if dialog is None:
                    QTimer.singleShot(200, grab_dialog)
                    return
                spin(app, 0.3)
                geo = dialog.frameGeometry()
                path = out / f"laptop-{size}-branch.png"
                dialog.grab().save(str(path))
                written.append(path)
                print(f"{path.name}: dialog {geo.width()}×{geo.height()}"
                      + ("" if area.contains(geo) else f" NOT INSIDE the screen {area.width()}×{area.height()}"),
                      flush=True)
                dialog.reject()
            QTimer.singleShot(300, grab_dialog)
            w.branch_snapshot(step, suggested=collapse_fix(w.experiment.config))

        w.compare_runs(runs)
        compare = w.compare_window
        wait_for(app, lambda: not compare.loading and len(compare.runs) == 2, 60)
        spin(app, 0.8)
        geo = compare.frameGeometry()
        path = out / f"laptop-{size}-compare.png"
        compare.grab().save(str(path))
        written.append(path)
        print(f"{path.name}: window {geo.width()}×{geo.height()}"
              + ("" if area.contains(geo) else f" NOT INSIDE the screen {area.width()}×{area.height()}"), flush=True)
        compare.close()

        # a class's setup file, opened: the setup banner with its lesson text
        setup_file = work / "lesson-digits.gan-setup.json"
        config = w.experiment.config
        write_setup(setup_file, Setup(config, title="Workshop: digits in a minute", lesson=LESSON))
        w.lifecycle.open_setup(setup_file)
        w.tabs.setCurrentWidget(w.train_tab)
        shot("setup-train")
        w.tabs.setCurrentWidget(w.learn_tab)
        shot("setup-learn")

        w.controller.discard()
        w.close()
        w.deleteLater()
        spin(app, 0.2)

    print(f"{len(written)} screenshots in {out}")
    import shutil

    shutil.rmtree(work, ignore_errors=True)                 # the runs it trained and the setup file
    shutil.rmtree(os.environ["GAN_STUDIO_HOME"], ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
