"""The main window: side panel (training controls, dataset, architecture), tabs, menus, status bar.

It builds the views and wires them: the panels are views of the Experiment,
the TrainingController runs the training process, `ExperimentLifecycle`
carries out train / new / open / save / close, and the Train tab draws what
the process reports (or what a followed run folder shows).
"""

from __future__ import annotations

import html

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QShortcut
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
from .dataset_panel import DatasetPanel, data_title
from .explore import ExploreTab
from .file_export import export_file
from .follow_controller import FollowController
from .gallery_tab import GalleryTab
from .learn.lessons import load_lesson
from .learn_tab import PROBE_SECONDS, LearnTab
from .lifecycle import ExperimentLifecycle, guarded
from .model_source import ModelSource, ModelSourceError
from .settings import AppSettings
from .status_bar import TrainingStatus
from .train_tab import TrainTab
from .training_controller import TrainingController
from .training_controls import TrainingControls
from .widgets import guard_wheel, scroll_panel
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


class MainWindow(QMainWindow):
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
        self.train_tab = TrainTab()
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
        self.add_tab(self.gallery_tab, tr("Gallery"), tr("Sample, star, compare and export digits"))
        self.add_tab(self.explore_tab, tr("Explore"), tr("Interpolate, analogy planes, principal directions, breeding"))
        self.add_tab(self.learn_tab, tr("Learn"), tr("How a GAN works, in five minutes"))
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(4, 4, 4, 0)
        col.setSpacing(4)
        col.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.banner.attach(central)     # floats over the tabs' bottom left: nothing moves when it comes or goes

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

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        lc = self.lifecycle
        mb = self.menuBar()
        file = mb.addMenu(tr("&File"))
        self.new_action = self._action(file, tr("&New experiment"), lc.new_experiment, QKeySequence.StandardKey.New,
                                       tr("Start over with the default preset"))
        self.open_action = self._action(file, tr("&Open run…"), lc.open_run, QKeySequence.StandardKey.Open,
                                        tr("Open a saved run folder and continue training it"))
        self.follow_action = self._action(file, tr("&Follow run…"), self.follow_run, "Ctrl+Shift+F",
                                          tr("Watch a run that another process trains (a terminal, a server): "
                                          "curves and samples update live"))
        self.open_setup_action = self._action(file, tr("Open se&tup…"), lc.open_setup, None,
                                              tr("Open a shared setup file (.json): its settings become the experiment"))
        self.compare_action = self._action(file, tr("&Compare runs…"), self.compare_runs, None,
                                           tr("Overlay the curves, grids and settings of 2–6 runs"))
        self.recent_menu = file.addMenu(tr("Recent runs"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        self.save_action = self._action(file, tr("&Save"), lc.save, QKeySequence.StandardKey.Save,
                                        tr("Save the run (weights, optimizer, metrics, samples)"))
        self.save_as_action = self._action(file, tr("Save &as…"), lc.save_as, "Ctrl+Shift+S",
                                           tr("Save the run into a new folder"))
        self.export_action = self._action(file, tr("&Export samples…"), self.export_samples, "Ctrl+E",
                                          tr("Save the sample grid on show as a PNG"))
        self.export_setup_action = self._action(file, tr("Export se&tup…"), lc.export_setup, None,
                                                tr("Save every setting of this experiment as a small file to share"))
        file.addSeparator()
        self.open_generator_action = self._action(
            file, tr("Open &generator…"), self.open_generator, "Ctrl+Shift+O",
            tr("Open a run folder or an exported generator in Gallery and Explore"))
        self.use_trained_action = self._action(file, tr("Explore the &trained generator"), self.explore_trained,
                                               "Ctrl+G",
                                               tr("Show the generator being trained in Gallery and Explore"))
        self._action(file, tr("Explore the &pretrained generator"), self.explore_pretrained, None,
                     tr("Show the digit generator that ships with GAN Studio"))
        self.export_generator_action = self._action(file, tr("Export generator…"), self.export_generator, None,
                                                    tr("Save the generator shown in Gallery as one .safetensors file"))
        file.addSeparator()
        self.quit_action = self._action(file, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        train = mb.addMenu(tr("&Training"))
        self.train_action = self._action(train, tr("&Train / continue"), lc.train)
        self.train_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.pause_action = self._action(train, tr("&Pause / resume"), self.controller.toggle_pause)
        self.step_action = self._action(train, tr("S&tep"), lc.step_once)
        self.stop_action = self._action(train, tr("St&op"), self.controller.stop)
        # Space pauses anywhere in the window, except where a text field wants the key.
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.space_shortcut.activated.connect(self.controller.toggle_pause)

        view = mb.addMenu(tr("&View"))
        toggle = self.side_dock.toggleViewAction()
        toggle.setText(tr("Experiment &panel"))
        toggle.setShortcut(QKeySequence("Ctrl+B"))
        view.addAction(toggle)
        self._action(view, tr("&Reset plot zoom"), self.train_tab.plots.reset_zoom, "Ctrl+0")
        self.language_menu = view.addMenu(tr("&Language"))
        self._build_language_menu()

        help_menu = mb.addMenu(tr("&Help"))
        self._action(help_menu, tr("&Keyboard shortcuts"), lambda: dialogs.show_shortcuts(self),
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, tr("&About GAN Studio"), self.show_about)

    def _build_language_menu(self) -> None:
        """View ▸ Language: System / English / 简体中文, saved in the settings (applies at the next start)."""
        from PySide6.QtGui import QActionGroup

        from .i18n import LANGUAGES, resolve_language

        group = QActionGroup(self)
        current = self.settings.language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            if not code:
                name = tr("System ({language})").format(language=LANGUAGES.get(resolve_language(""), "English"))
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_actions[code] = action

    def set_language(self, code: str) -> None:
        """Save the language choice; the window says (in both languages) that it applies at the next start."""
        from .i18n import restart_note

        if code == self.settings.language():
            return
        self.settings.set_language(code)
        self.language_actions[code].setChecked(True)
        dialogs.show_message(self, tr("Language"), restart_note(code), QMessageBox.Icon.Information)

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

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        runs = self.settings.recent_runs()
        if not runs:
            self.recent_menu.addAction(tr("(none)")).setEnabled(False)
            return
        for p in runs:
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda *_, p=p: self.lifecycle.open_run(p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(tr("Compare recent runs…")).triggered.connect(
            lambda *_: self.compare_runs(runs[:6]))
        self.recent_menu.addAction(tr("Clear list")).triggered.connect(self.settings.clear_recent_runs)

    # -------------------------------------------------------------- exports
    @guarded
    def export_samples(self, path=None) -> Path | None:
        from ..core.explore.exports import save_png

        sheet = self.train_tab.grid.current_sheet()
        if sheet is None:
            self.statusBar().showMessage(tr("No samples to export yet"), 4000)
            return None
        step = self.train_tab.grid.current_step() or 0
        return export_file(self, tr("Export sample grid"), f"gan-studio-samples-step{step}.png",
                           tr("PNG image (*.png)"),
                           ".png", lambda p: save_png(p, sheet, scale=2), path=path,
                           report=lambda text: self.statusBar().showMessage(text, 6000))

    # ------------------------------------------------------------ generators
    @guarded
    def open_generator(self, path=None) -> bool:
        """Show a run folder's or an exported file's generator in Gallery and Explore."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open generator"), str(runs_dir()),
                                                  tr("Generators and runs (*.safetensors run.json)"))
            if not path:
                return False
            if Path(path).name in ("run.json", "weights.safetensors"):
                path = str(Path(path).parent)
        try:
            self.model_source.open(path)
        except ModelSourceError as exc:
            dialogs.show_message(self, tr("This generator cannot be opened"), str(exc), QMessageBox.Icon.Critical)
            return False
        self.tabs.setCurrentWidget(self.gallery_tab)
        return True

    def explore_trained(self) -> bool:
        """Ask the training process for a snapshot of its generator; Gallery and Explore show it when it comes."""
        if not self.controller.request_generator():
            run = self.follower.path or self._run_with_weights()
            if run is not None and self.open_generator(run):
                return True
            dialogs.show_message(self, tr("Nothing trained yet"),
                                 tr("Press Train first; then Ctrl+G shows the generator as it is at that moment."),
                                 QMessageBox.Icon.Information)
            return False
        self.statusBar().showMessage(tr("Taking a snapshot of the generator…"), 3000)
        return True

    def _run_with_weights(self) -> Path | None:
        """The opened (or last trained) run folder when it holds trained weights: what Ctrl+G shows when no
        training process holds a generator (after File ▸ Open run, before Train)."""
        from ..core.run_folders.runs import RunFolder

        path = self.experiment.run_path
        if path is None:
            return None
        try:
            return path if RunFolder.open(path).has_checkpoint() else None
        except Exception:  # noqa: BLE001 - a vanished or damaged folder: nothing to show
            return None

    def show_run_generator(self) -> None:
        """Gallery and Explore follow an opened run: its generator replaces the one on show (once PyTorch is
        loaded); the current tab stays.  A run with no weights, or one that cannot be read, changes nothing."""
        def load():
            run = self._run_with_weights()
            if run is None:
                return
            try:
                self.model_source.open(run)
            except ModelSourceError as exc:
                self.statusBar().showMessage(str(exc), 8000)

        torch_loader().when_ready(load)

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

    def snapshot_run(self) -> Path | None:
        """The run folder whose snapshots the timeline shows."""
        return self.follower.path or self.experiment.run_path

    def open_snapshot(self, step: int) -> bool:
        """Show the generator of a snapshot in Gallery and Explore (built in the training process)."""
        run = self.snapshot_run()
        if run is None or not self.controller.request_snapshot_generator(run, step):
            return False
        self.statusBar().showMessage(tr("Opening the generator of step {step:,}…").format(step=step), 3000)
        return True

    @guarded
    def branch_snapshot(self, step: int, changes: dict | None = None, suggested: dict | None = None) -> bool:
        """Branch: a new run from the snapshot at `step` with changed hyper-parameters (a dialog asks which,
        filled in with the `suggested` changes).  An unsaved run is saved first, to a folder named after it."""
        from ..core.config import with_values
        from ..core.run_folders.runs import RunFolder
        from .snapshot_timeline import BranchDialog

        if self.follower.path is None and self.experiment.saved_path is None:
            # A branch names its parent run, so the run gets a folder of its own first: saved at once, named
            # after its preset and the time (no Save as detour).
            folder = self.lifecycle.default_run_folder()
            if not self.lifecycle.save_as(folder):
                return False
            self.statusBar().showMessage(tr("Saved the run as {name}, the branch's parent").format(name=folder.name),
                                         6000)
        parent = self.snapshot_run()
        config = RunFolder.open(parent).config
        if changes is None:
            dialog = BranchDialog(config, step, self, suggested=suggested)
            if dialog.exec() != BranchDialog.DialogCode.Accepted:
                return False
            changes = dialog.changes()
        if self.follower.path is not None:
            self.follower.stop()
        self._branching = True
        self.train_tab.clear()
        self.banner.clear_run()         # the parent's warnings are not the branch's
        self._drop_readout()
        self.controller.branch(parent, step, changes, with_values(config, changes))
        self.statusBar().showMessage(tr("Branching from step {step:,}…").format(step=step), 6000)
        return True

    def _on_generator(self, model) -> None:
        self.model_source.set_model(model)
        if self._quiet_generator:                          # after training: no tab switch, a note instead
            self._quiet_generator = False
            self.statusBar().showMessage(tr("Gallery and Explore now show the generator you trained (step {step:,})")
                                         .format(step=int(model.step or 0)), 8000)
            return
        self.tabs.setCurrentWidget(self.gallery_tab)

    @guarded
    def explore_pretrained(self) -> bool:
        shown = self.model_source.model
        if shown is not None and Path(shown.source) == self.model_source.default_path():
            self.tabs.setCurrentWidget(self.gallery_tab)    # already on show: no reload (1–4 s on the GUI thread)
            return True
        try:
            self.model_source.load_default()
        except ModelSourceError as exc:
            dialogs.show_message(self, tr("The pretrained generator is missing"), str(exc))
            return False
        self.tabs.setCurrentWidget(self.gallery_tab)
        return True

    @guarded
    def export_generator(self, path=None, fmt: str | None = None) -> Path | None:
        """File ▸ Export generator…: ONNX (for other tools) or safetensors + JSON."""
        model = self.model_source.model
        if model is None:
            dialogs.show_message(self, tr("No generator"), tr("Open or train a generator first."),
                                 QMessageBox.Icon.Information)
            return None
        from .generator_export import export_generator_as

        return export_generator_as(self, model, path=path, fmt=fmt,
                                   report=lambda text: self.statusBar().showMessage(text, 8000))

    # ------------------------------------------------------------- compare
    def compare_runs(self, paths=None):
        """File ▸ Compare runs…: the current, followed and recent runs on offer; `paths` (or the current run)
        ticked."""
        from .compare_window import CompareWindow

        candidates = []
        current = self.experiment.run_path
        if current is not None and current.is_dir():
            candidates.append((tr("Current run ({name})").format(name=run_title(current)), current))
        if self.follower.path is not None:
            candidates.append((tr("Followed run ({name})").format(name=self.follower.path.name), self.follower.path))
        candidates += [(Path(p).name, Path(p)) for p in self.settings.recent_runs()]
        checked = [Path(p) for p in paths] if paths else [c[1] for c in candidates[:2]]
        window = getattr(self, "compare_window", None)
        if window is None:
            self.compare_window = window = CompareWindow(candidates, checked, parent=self, background=True)
        else:
            for label, path in candidates:
                window.add_candidate(path, label)
            if paths:
                window.set_checked(checked)
            else:
                window.reload()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

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
    def about_text(self) -> str:
        return dialogs.about_text(self.status.text("device"))

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About {app}").format(app=APP_NAME), self.about_text())

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
