"""The main window: side panel (training controls, dataset, architecture), tabs, menus, status bar.

It builds the views and wires them: the panels are views of the Experiment,
the TrainingController runs the training process, `ExperimentLifecycle`
carries out train / new / open / save / close, and the Train tab draws what
the process reports (or what a followed run folder shows).  The menu bar is built by
`WindowMenus` (`window_menus.py`) and the flows on generators and runs (Gallery and Explore's
generator, snapshots and branches, exports, Compare) are `GeneratorActions` (`generator_actions.py`).
"""

from __future__ import annotations

import html

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QMainWindow, QMessageBox, QStyle, QTabWidget, QVBoxLayout,
                               QWidget)

from ..core.config import DataConfig
from ..core.data.catalog import default_source
from ..core.experiment import Experiment
from ..core.run_folders.runs import run_title
from ..core.training.diagnostics import ENDED, collapse_fix, fix_snapshot, rebuilds
from ..paths import APP_NAME, resource_path, runs_dir
from . import dialogs
from .architecture_panel import ArchitecturePanel
from .banner import Banner
from .dataset_panel import DatasetPanel
from .dataset_texts import data_title
from .explore import ExploreTab
from .follow_controller import FollowController
from .gallery_tab import GalleryTab
from .generator_actions import GeneratorActions
from .learn.lessons import load_lesson
from .learn_tab import PROBE_SECONDS, LearnTab
from .lifecycle import ExperimentLifecycle
from .model_source import ModelSource, ModelSourceError
from .settings import AppSettings
from .status_bar import TrainingStatus
from .train_tab import TrainTab
from .training_controller import TrainingController
from .training_controls import TrainingControls
from .widgets import guard_wheel, scroll_panel
from .window_menus import WindowMenus
from .i18n import tr, tr_noop, translate_message
from .torch_loader import torch_loader

PREWARM_MS = 1500       # start the training process (torch import) after the window has painted
PRETRAINED_DELAY_MS = 100   # MainWindow(defer_pretrained=True): load the shipped generator after the first paint
READOUT_MS = 250     # the step, speed, time and progress read-outs follow training 4 times a second, not with
                     # each of the ~15 metric batches a second: every change repaints the status bar and the side
                     # panel, CPU the training process needs (benchmarks/README.md, gui_responsiveness)

WARNING_KEY = "warning:"     # banner keys of the training warnings: "warning:collapse", "warning:d-wins"
# What each training warning means, in words a newcomer reads first (the numbers and the knobs follow, smaller).
PLAIN = {
    "collapse": tr_noop("the generator draws nearly the same picture every time, whatever noise it gets."),
    "d-wins": tr_noop("the discriminator tells real from generated images so surely that the generator learns "
                      "almost nothing from it."),
}


class MainWindow(WindowMenus, GeneratorActions, QMainWindow):
    def __init__(self, settings: AppSettings | None = None, threads: int | None = None, parent=None,
                 defer_pretrained: bool = False):
        """`defer_pretrained`: load the shipped generator into Gallery and Explore just after the window
        is shown instead of while it is built (the app's start-up: their first renders cost ~2 CPU-s)."""
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self._defer_pretrained = defer_pretrained
        # All of MNIST when the installation ships it (the packaged app), else the offline sample.
        self.experiment = Experiment.from_preset(data=DataConfig(source=default_source()))
        self.controller = TrainingController(self.experiment, self, threads=threads)
        self.follower = FollowController(self)
        self.lifecycle = ExperimentLifecycle(self)
        self._rate: tuple[float, int] | None = None   # (elapsed, step) at the start of this training run
        self._pending_rows: list | None = None        # the newest metric batch the read-outs have not shown
        self._pending_followed = False                # … and whether it came from a followed run
        self._quiet_generator = False      # the generator asked for after training: shown without a tab switch
        self._readout_timer = QTimer(self)
        self._readout_timer.setSingleShot(True)
        self._readout_timer.setInterval(READOUT_MS)
        self._readout_timer.timeout.connect(self._show_readout)
        self._branching = False         # a branch was asked for: its "ready" loads the copied history
        self.setWindowTitle(APP_NAME)
        icon = resource_path("icons", "gan-studio.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self._build_side_panel()
        self._build_tabs()
        self.status = TrainingStatus(self.statusBar())
        self._build_menus()
        self.setAcceptDrops(True)       # a setup file or run folders dropped on the window open
        self._connect()
        self._fit_to_screen()
        self.settings.restore_window(self)
        self._update_device_label()             # "Preparing PyTorch…" while it loads (app start-up)
        if not torch_loader().is_ready():
            torch_loader().when_ready(self._update_device_label)
        self.status.set("dataset", data_title(self.experiment.config.data))
        self.update_controls()
        notice = self.settings.pending_notice()
        if notice:
            self.settings.set_pending_notice("")
            QTimer.singleShot(0, lambda: self.banner.show_message(notice))
        else:
            QTimer.singleShot(0, self.lifecycle.offer_recovery)
        QTimer.singleShot(PREWARM_MS, self.controller.prewarm)

    # ------------------------------------------------------------------ layout
    def _fit_to_screen(self) -> None:
        """1360×860, or less on a smaller screen, centred in its free area (the screen's available geometry:
        taskbars and panels excluded): on a 1366×768 laptop (or 1280×720) the whole window, status bar and
        history slider included, is on screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        w, h = 1360, 860
        if avail is None or not avail.isValid():
            self.resize(w, h)
            return
        # Leave room for the frame and title bar the window manager adds around the client area.
        w, h = min(w, int(avail.width() * 0.95)), min(h, int(avail.height() * 0.92))
        self.resize(w, h)
        self.move(avail.x() + (avail.width() - w) // 2, avail.y() + max(0, (avail.height() - h) // 3))

    def _build_side_panel(self) -> None:
        self.dataset_panel = DatasetPanel(self.experiment)
        self.arch_panel = ArchitecturePanel(self.experiment)
        self.controls = TrainingControls()
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(6, 6, 6, 6)
        col.setSpacing(8)
        col.addWidget(self.controls)
        col.addWidget(self.dataset_panel)
        col.addWidget(self.arch_panel)
        col.addStretch(1)
        scroll = scroll_panel(content, 340)
        guard_wheel(content)         # wheel over an unfocused field scrolls the panel (training controls too)
        self.side_dock = QDockWidget(tr("Experiment"), self)
        self.side_dock.setObjectName("experimentDock")
        self.side_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                   | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.side_dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.side_dock)
        self.resizeDocks([self.side_dock], [390], Qt.Orientation.Horizontal)

    def _build_tabs(self) -> None:
        self.banner = Banner()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.train_tab = TrainTab(self.experiment)
        self.learn_tab = LearnTab(self.experiment)
        self.add_tab(self.train_tab, tr("Train"), tr("Live curves and samples while the GAN trains"))
        # Gallery and Explore work at once on the shipped pretrained generator; Ctrl+G swaps in the one being trained.
        self.model_source = ModelSource(parent=self)
        if self._defer_pretrained:
            # After the first paint and once PyTorch has loaded: the window appears first, then Gallery
            # and Explore fill in.
            QTimer.singleShot(PRETRAINED_DELAY_MS, lambda: torch_loader().when_ready(self._load_pretrained))
        else:
            self._load_pretrained()
        self.gallery_tab = GalleryTab(self.model_source)
        self.explore_tab = ExploreTab(self.model_source)
        self.gallery_tab.exploreRequested.connect(lambda _target: self.tabs.setCurrentWidget(self.explore_tab))
        self.model_source.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.add_tab(self.gallery_tab, tr("Gallery"), tr("Sample, star, compare and export what the generator makes"))
        self.add_tab(self.explore_tab, tr("Explore"), tr("Interpolate, analogy planes, principal directions, breeding"))
        self.add_tab(self.learn_tab, tr("Learn"), tr("How a GAN works, in five minutes"))
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(4, 4, 4, 0)
        col.setSpacing(4)
        col.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.banner.attach(central)     # floats over the tabs' bottom left: nothing moves when it comes or goes
        # … left of the Train tab's samples and snapshot timeline (a 1280 px window: a narrower card)
        self.banner.clear_of = lambda: (self.train_tab.timeline.parentWidget()
                                        if self.tabs.currentWidget() is self.train_tab else None)
        self.tabs.currentChanged.connect(lambda _i: self.banner.place())
        self.train_tab.splitter.splitterMoved.connect(lambda _pos, _i: self.banner.place())

    def _load_pretrained(self) -> None:
        """The shipped generator into Gallery and Explore, unless a model is already on show."""
        if self.model_source.model is not None:
            return
        try:
            self.model_source.load_default()
        except ModelSourceError as exc:
            message = str(exc)
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(message, 10000))

    def add_tab(self, widget: QWidget, title: str, tooltip: str = "") -> int:
        """Add a tab, or replace the tab with the same title (how Gallery / Explore plug in)."""
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i) == title:
                old = self.tabs.widget(i)
                self.tabs.removeTab(i)
                old.deleteLater()
                index = self.tabs.insertTab(i, widget, title)
                break
        else:
            index = self.tabs.addTab(widget, title)
        if tooltip:
            self.tabs.setTabToolTip(index, tooltip)
        return index

    def tab(self, title: str) -> QWidget | None:
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i) == title:
                return self.tabs.widget(i)
        return None

    def _connect(self) -> None:
        c, t, exp, lc = self.controller, self.controls, self.experiment, self.lifecycle
        t.train_button.clicked.connect(lambda: lc.train())
        t.pause_button.clicked.connect(c.toggle_pause)
        t.step_button.clicked.connect(lc.step_once)
        t.stop_button.clicked.connect(c.stop)
        t.slow_slider.valueChanged.connect(lambda _v: c.set_delay(t.delay()))
        for source in (c, self.follower):
            source.metrics.connect(self.train_tab.on_metrics)
            source.metrics.connect(self._on_metrics)
            source.metrics.connect(self.learn_tab.on_metrics)
            source.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.snapshot.connect(self.train_tab.on_snapshot)
        for source in (c, self.follower):       # quality meter, warnings, snapshot timeline (issue 10)
            source.quality.connect(self.train_tab.on_quality)
            source.snapshots.connect(self.train_tab.on_snapshots)
            source.warning.connect(self.show_warning)
        self.train_tab.timeline.openRequested.connect(self.open_snapshot)
        self.train_tab.timeline.branchRequested.connect(lambda step: self.branch_snapshot(step))
        c.probe.connect(self.learn_tab.on_probe)
        self.learn_tab.lessonRequested.connect(lambda lesson: load_lesson(self, lesson))
        # The Learn tab's model graph: the process reports a probe every few seconds while the tab is on show.
        self.tabs.currentChanged.connect(lambda _i: self.controller.set_probe(
            PROBE_SECONDS if self.tabs.currentWidget() is self.learn_tab else 0.0))
        self.follower.snapshot.connect(self.train_tab.grid.add_sheet)    # a followed run's grids are whole sheets
        c.rolledBack.connect(self.train_tab.on_rolled_back)
        c.diverged.connect(lambda advice: self.banner.show_message(
            translate_message(advice), tr("Lower learning rates and resume"), lc.lower_rates_and_resume))
        c.failed.connect(lambda message: dialogs.show_message(self, tr("Training stopped with an error"), message,
                                                              QMessageBox.Icon.Critical))
        c.finished.connect(self._on_finished)
        c.saved.connect(self._on_saved)
        c.ready.connect(self._on_ready)
        c.generatorReady.connect(self._on_generator)
        c.processDied.connect(lc.on_process_died)
        exp.stateChanged.connect(lambda _s: self.update_controls())
        exp.runChanged.connect(self.update_controls)
        exp.configChanged.connect(self._on_config_changed)
        self._sync_grid_columns()
        self.train_tab.timeline.set_budget(exp.config.train.disk_mb)
        self.follower.changed.connect(self.update_controls)
        self.arch_panel.validityChanged.connect(lambda _ok: self.update_controls())

    # ------------------------------------------------------------ following
    def follow_run(self, path=None) -> bool:
        """Watch a run folder another process writes (File ▸ Follow run…, `gan-studio open RUN`)."""
        if path is None:
            path = QFileDialog.getExistingDirectory(self, tr("Follow a run folder"), str(runs_dir()))
            if not path:
                return False
        if not self.lifecycle.maybe_save():
            return False
        self.controller.discard()
        return self.follower.follow(path)

    def take_over(self) -> bool:
        """A followed run has stopped: open it here to continue training it."""
        path = self.follower.path
        self.follower.stop()
        return self.lifecycle.open_run(path) if path is not None else False

    # ------------------------------------------------------------ reactions
    def _sync_grid_columns(self) -> None:
        """A conditional experiment's training grid has one column per digit."""
        cfg = self.experiment.config
        k = len(cfg.data.classes) if cfg.data.classes else cfg.model.num_classes
        self.train_tab.grid.set_classes(k if cfg.model.conditional else None)

    def _on_config_changed(self, keys: set) -> None:
        if any(k.startswith(("data.", "model.")) for k in keys):
            self._sync_grid_columns()
        if any(k.startswith("data.") for k in keys):
            if not self.experiment.active:      # the old dataset's name must not stay until training starts
                self.status.set("dataset", data_title(self.experiment.config.data))
        if "train.device" in keys or "train.threads" in keys:
            self._update_device_label()
        if "train.disk_mb" in keys:
            self.train_tab.timeline.set_budget(self.experiment.config.train.disk_mb)
        self.update_controls()          # Train reads "Continue" or "Train" by the Experiment's plan

    def _on_ready(self, info: dict) -> None:
        from ..core.training.snapshots import describe_lineage

        if info.get("quality_note"):
            self.train_tab.meter.set_off(tr("Off: {why}").format(why=translate_message(info["quality_note"])))
        self.train_tab.timeline.set_lineage(translate_message(describe_lineage(info.get("lineage"))))
        if self._branching and info.get("run"):
            self._branching = False
            self.lifecycle.show_run_history(info["run"])
        self.status.set("dataset", translate_message(info["dataset"]))
        self.status.set_device(info["device"], info["threads"])
        self._rate = None
        if self.experiment.saved_path is not None:
            self.settings.add_recent_run(self.experiment.saved_path)
        self.update_controls()

    def _on_metrics(self, rows: list) -> None:
        if not rows:
            return
        if self._rate is None:
            self._rate = (float(rows[0]["elapsed"]), int(rows[0]["step"]) - 1)
        self._pending_rows = rows
        self._pending_followed = self.sender() is self.follower
        if not self._readout_timer.isActive():
            self._readout_timer.start()

    def _show_readout(self) -> None:
        """Show the newest metrics in the status bar and the progress bar."""
        rows, self._pending_rows = self._pending_rows, None
        if not rows or self._rate is None or self._pending_followed != (self.follower.path is not None):
            return      # nothing new, or its source was left meanwhile (a follow stopped or started)
        self.status.show_rows(rows)
        last = rows[-1]
        step, elapsed = int(last["step"]), float(last["elapsed"])
        rate = None
        if elapsed > self._rate[0]:
            rate = (step - self._rate[1]) / (elapsed - self._rate[0])
        if self.follower.path is None:
            c = self.controller
            eta = self.controls.show_progress(step, elapsed, c.start_step, c.start_elapsed, rate)
            self.status.set("eta", eta)
        if self.isWindowModified() != self.experiment.dirty:
            self._update_title()

    def _on_finished(self, reason: str) -> None:
        self._readout_timer.stop()
        self._show_readout()        # the last steps' read-outs, before the finished state's
        if reason == "target":
            self.controls.progress.setRange(0, 1000)
            self.controls.progress.setValue(1000)
            self.statusBar().showMessage(tr("Target reached at step {step:,}").format(step=self.experiment.step), 8000)
        self._rate = None
        self.update_controls()
        # Gallery and Explore follow the run just trained when they still show the shipped generator (a
        # generator the user opened stays); the tab on show stays too.
        if self.follower.path is None and self.model_source.is_shipped(self.model_source.model):
            self._quiet_generator = self.controller.request_generator()

    def _on_saved(self, path: str) -> None:
        if self.experiment.saved_path is not None and Path(path) == self.experiment.saved_path:
            self.settings.add_recent_run(path)
            self.statusBar().showMessage(tr("Saved to {path}").format(path=path), 6000)
        self._update_title()

    # ------------------------------------------------------------- updating
    def update_controls(self) -> None:
        exp, t = self.experiment, self.controls
        following = self.follower.path is not None
        state = exp.state
        active = exp.active
        valid = self.arch_panel.is_valid() and not following
        t.train_button.setEnabled(valid and not active)     # while paused, Pause reads "Resume"
        t.train_button.setText(tr("Continue") if exp.plan().action in ("continue", "resume") else tr("Train"))
        t.train_button.setToolTip(tr("Fix the highlighted settings first") if not self.arch_panel.is_valid() else
                                  tr("Start training, or continue the current experiment (Ctrl+Enter)"))
        paused = state == "paused"
        t.pause_button.setEnabled(active and state != "loading")
        t.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        t.pause_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPlay if paused else QStyle.StandardPixmap.SP_MediaPause))
        t.step_button.setEnabled(valid and state != "loading")
        t.stop_button.setEnabled(active)
        t.target_combo.setEnabled(not active)
        t.target_spin.setEnabled(not active and t.target_combo.currentData() != "none")
        self.train_action.setEnabled(valid and state in ("idle", "paused"))   # Ctrl+Enter also resumes
        self.pause_action.setEnabled(t.pause_button.isEnabled())
        self.space_shortcut.setEnabled(t.pause_button.isEnabled())
        self.step_action.setEnabled(t.step_button.isEnabled())
        self.stop_action.setEnabled(active)
        self.dataset_panel.set_locked(active or following)
        self.arch_panel.setEnabled(not following)
        if state == "loading":
            t.progress.setRange(0, 0)
            t.progress.setFormat(tr("loading…"))
        elif following:
            t.progress.setRange(0, 1000)
            t.progress.setFormat(self.follower.describe())
        elif not active and t.progress.maximum() == 0:
            t.reset_progress(tr("step {step:,}").format(step=exp.step) if exp.has_work else tr("idle"))
        elif state == "paused" and t.progress.maximum() == 0:
            t.reset_progress(tr("paused at step {step:,}").format(step=exp.step))
        self._update_title()

    def _drop_readout(self) -> None:
        """Forget metrics the read-outs have not shown yet: they belong to a run the window has left."""
        self._readout_timer.stop()
        self._pending_rows = None

    def reset_progress(self) -> None:
        """Another run is on screen (new, opened, a lesson, a setup, a branch): its progress starts afresh and
        the warnings about the run that was on screen are taken away."""
        self.banner.clear_run()
        self._drop_readout()
        self.status.clear_progress()
        self.controls.reset_progress()
        self.update_controls()

    def torch_failed(self, error: str) -> None:
        """PyTorch could not be loaded after the window was shown (a damaged installation)."""
        self.status.set("device", tr("PyTorch unavailable"))
        self.banner.show_message(tr("PyTorch could not be loaded ({error}). Training, Gallery and Explore need it; "
                                    "reinstalling GAN Studio should fix this.").format(error=error))

    def _update_device_label(self) -> None:
        if not torch_loader().is_ready():      # app start-up: PyTorch loads just after the window shows
            self.status.set("device", tr("Preparing PyTorch…"))    # called again once it is in (__init__)
            return
        train = self.experiment.config.train
        threads = self.controller.info.get("threads") or self.controller.thread_count()
        self.status.set_device(self.controller.info.get("device") or train.device, threads)

    def _update_title(self) -> None:
        if self.follower.path is not None:
            name = tr("{name} (following)").format(name=self.follower.path.name)
        else:
            path = self.experiment.saved_path or (self.experiment.run_path if self.experiment.opened else None)
            setup = self.lifecycle.setup
            if path is not None:
                name = run_title(path)
            elif setup is not None and setup.title and setup.config.preset == self.experiment.config.preset:
                name = setup.title              # an opened setup names the class's experiment
            else:
                name = tr("Untitled experiment")
        self.setWindowModified(self.experiment.dirty)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # ------------------------------------------- warnings and snapshots (issue 10)
    def show_warning(self, w: dict) -> None:
        """A TrainingWarning from the training process (or a followed run): the banner says it in plain words,
        then the numbers and the technical advice, and offers a fix.  One banner per kind of warning (a newer one
        replaces it); a "<kind>-ended" report withdraws it (its condition is over)."""
        kind = str(w["kind"])
        if kind.endswith(ENDED):
            self.banner.withdraw(WARNING_KEY + kind[:-len(ENDED)])
            return
        if kind in PLAIN:           # the plain words, then the numbers behind them and the advice
            plain = tr(PLAIN[kind])
            details = tr("Step {step:,}. {text} {advice}").format(
                step=int(w["step"]), text=translate_message(w["text"]), advice=tr(w["advice"]))
        else:                       # its own text is the plain one (a failed write: what and why)
            plain = translate_message(w["text"])
            details = tr("Step {step:,}. {text} {advice}").format(step=int(w["step"]), text="",
                                                                advice=tr(w["advice"]) if w["advice"] else "")
        text = tr("<b>{title}</b>: {plain}<br><small>{details}</small>").format(
            title=html.escape(tr(w["title"]), quote=False), plain=html.escape(plain, quote=False),
            details=html.escape(" ".join(details.split()), quote=False).replace("\n", "<br>"))
        key, action, on_action = WARNING_KEY + kind, None, None
        if kind == "not-saved" and self.follower.path is None:
            action, on_action = tr("Save again and resume"), self.controller.resume
        elif kind == "d-wins" and self.follower.path is None:
            action, on_action = tr("Halve D's learning rate"), self._halve_lr_d
        elif kind == "collapse":
            step = self.step_before_trouble(int(w["step"]))
            fix = collapse_fix(self.experiment.config)
            if step is not None:
                action = (tr("Rebuild the network and train again…") if rebuilds(fix) else
                          tr("Branch from step {step:,} with the fix…").format(step=step))
                on_action = lambda: self.branch_snapshot(step, suggested=fix)   # noqa: E731
        self.banner.show_message(text, action, on_action, key=key, run=True)

    def step_before_trouble(self, warned_step: int) -> int | None:
        """The last snapshot before the trouble began, from the quality history (`diagnostics.fix_snapshot`)."""
        return fix_snapshot([s["step"] for s in self.train_tab.timeline.items], self.train_tab.quality_history,
                            warned_step)

    def _halve_lr_d(self) -> None:
        self.experiment.edit(**{"train.lr_d": self.experiment.config.train.lr_d / 2})

    @staticmethod
    def _dropped_paths(event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt naming
        from ..core.setup import is_setup_file

        paths = self._dropped_paths(event)
        if paths and all(is_setup_file(p) or p.is_dir() or p.name == "run.json" for p in paths):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """One setup file or run folder opens; 2–6 run folders open in Compare."""
        paths = self._dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        if len(paths) > 1:
            folders = list(dict.fromkeys(p.parent if p.name == "run.json" else p for p in paths))
            QTimer.singleShot(0, lambda: self.compare_runs(folders[:6]))
        else:
            QTimer.singleShot(0, lambda: self.lifecycle.open_run(paths[0]))    # setups are routed to open_setup

    # --------------------------------------------------------------- dialogs
    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not getattr(self, "_dock_sized", False):
            self._dock_sized = True
            self.resizeDocks([self.side_dock], [390], Qt.Orientation.Horizontal)

    # --------------------------------------------------------------- closing
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self.lifecycle.close():
            event.ignore()
            return
        self.follower.stop()
        self.train_tab.plots.timer.stop()
        self.dataset_panel.shutdown()
        self.settings.save_window(self)
        event.accept()
