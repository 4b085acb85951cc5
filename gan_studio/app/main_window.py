"""The main window: side panel (dataset, architecture, training controls), tabs, menus, status bar.

It only wires widgets to core objects: the `TrainingController` runs
training, `RunFolder` reads runs, `core.exports` writes files.  Every slot
that calls core code goes through `guarded`, so an error becomes a message
box instead of a crash.
"""

from __future__ import annotations

import functools
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSlider,
                               QSpinBox, QStyle, QTabWidget, QVBoxLayout, QWidget)

from .. import __version__
from ..core.config import ExperimentConfig
from ..core.runs import RunError, RunFolder
from ..paths import APP_NAME, resource_path, runs_dir
from .architecture_panel import ArchitecturePanel
from .dataset_panel import DatasetPanel
from .explore import ExploreTab
from .gallery_tab import GalleryTab
from .learn_tab import LearnTab
from .model_source import ModelSource, ModelSourceError
from .settings import AppSettings
from .train_tab import TrainTab
from .worker import TrainingController
from .widgets import scroll_panel

MAX_DELAY = 0.5   # seconds per step at the slowest slow-motion setting
LIVE_KEYS = ("lr_g", "lr_d", "beta1", "beta2", "d_steps", "loss")

SHORTCUTS = [
    ("Ctrl+Enter", "Train / continue"),
    ("Space", "Pause / resume"),
    ("Ctrl+N", "New experiment"),
    ("Ctrl+O", "Open a run"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as…"),
    ("Ctrl+E", "Export the sample grid"),
    ("Ctrl+G", "Explore the generator being trained"),
    ("Ctrl+R", "Gallery: new seed"),
    ("F", "Gallery: star the selection"),
    ("Ctrl+Q", "Quit"),
]


def guarded(fn):
    """Run a slot; show any exception in a message box instead of letting it escape into Qt."""

    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            self.show_error(f"{fn.__name__.replace('_', ' ').strip().capitalize()} failed", exc)
            return None

    return wrapper


def _fmt_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingControls(QGroupBox):
    """Target, Train / Pause / Step / Stop, slow motion and progress."""

    def __init__(self, parent=None):
        super().__init__("Training", parent)
        style = self.style()
        self.target_combo = QComboBox()
        self.target_combo.addItem("Until stopped", "none")
        self.target_combo.addItem("Steps", "steps")
        self.target_combo.addItem("Minutes", "minutes")
        self.target_combo.setToolTip("When this training run stops by itself (counted from when you press Train)")
        self.target_spin = QSpinBox()
        self.target_spin.setRange(1, 10_000_000)
        self.target_spin.setValue(2000)
        self.target_spin.setGroupSeparatorShown(True)
        self.target_spin.setEnabled(False)
        self.target_combo.currentIndexChanged.connect(self._on_target_kind)

        self.train_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), "Train")
        self.train_button.setToolTip("Start training, or continue the current experiment (Ctrl+Enter)")
        self.train_button.setDefault(True)
        self.pause_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause), "Pause")
        self.pause_button.setToolTip("Pause or resume (Space)")
        self.step_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward), "Step")
        self.step_button.setToolTip("Run exactly one training step (one D update and one G update), then pause")
        self.stop_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_MediaStop), "Stop")
        self.stop_button.setToolTip("Stop training; Train continues from here")

        self.slow_slider = QSlider(Qt.Orientation.Horizontal)
        self.slow_slider.setRange(0, 50)
        self.slow_slider.setToolTip("Slow motion: 0 = full speed, otherwise a pause after every step (up to 0.5 s)")
        self.slow_label = QLabel("full speed")
        self.slow_label.setMinimumWidth(70)
        self.slow_slider.valueChanged.connect(lambda v: self.slow_label.setText(
            "full speed" if v == 0 else f"{v * 10} ms/step"))

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("idle")
        self.eta_label = QLabel("")
        self.eta_label.setObjectName("etaLabel")

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 10, 8, 8)
        grid.setVerticalSpacing(6)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel("Train for"))
        target_row.addWidget(self.target_combo, 1)
        target_row.addWidget(self.target_spin, 1)
        grid.addLayout(target_row, 0, 0, 1, 4)
        grid.addWidget(self.train_button, 1, 0, 1, 2)
        grid.addWidget(self.pause_button, 1, 2, 1, 2)
        grid.addWidget(self.step_button, 2, 0, 1, 2)
        grid.addWidget(self.stop_button, 2, 2, 1, 2)
        slow_row = QHBoxLayout()
        slow_row.addWidget(QLabel("Slow motion"))
        slow_row.addWidget(self.slow_slider, 1)
        slow_row.addWidget(self.slow_label)
        grid.addLayout(slow_row, 3, 0, 1, 4)
        grid.addWidget(self.progress, 4, 0, 1, 4)
        grid.addWidget(self.eta_label, 5, 0, 1, 4)

    def _on_target_kind(self) -> None:
        kind = self.target_combo.currentData()
        self.target_spin.setEnabled(kind != "none")
        if kind == "minutes" and self.target_spin.value() > 600:
            self.target_spin.setValue(5)
        elif kind == "steps" and self.target_spin.value() < 100:
            self.target_spin.setValue(2000)

    def target(self) -> tuple[int, float]:
        kind = self.target_combo.currentData()
        if kind == "steps":
            return self.target_spin.value(), 0.0
        if kind == "minutes":
            return 0, self.target_spin.value() * 60.0
        return 0, 0.0

    def set_target_steps(self, steps: int) -> None:
        self.target_combo.setCurrentIndex(1 if steps else 0)
        if steps:
            self.target_spin.setValue(steps)

    def delay(self) -> float:
        return self.slow_slider.value() / 100.0


class Banner(QFrame):
    """A non-modal message strip above the tabs, with action buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("QFrame#banner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
                           "QFrame#banner QLabel { color: #5c4500; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.close_button = QPushButton("Dismiss")
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, action: str | None = None) -> None:
        self.label.setText(text)
        self.action_button.setVisible(bool(action))
        if action:
            self.action_button.setText(action)
        self.show()


class MainWindow(QMainWindow):
    sessionChanged = Signal(object)        # the TrainingSession (None after New / while a run is only opened)

    def __init__(self, settings: AppSettings | None = None, threads: int | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.controller = TrainingController(self, threads=threads)
        self._opened_run: Path | None = None      # opened but not yet resumed
        self._opened_config: ExperimentConfig | None = None
        self._last_rows_step = 0
        self._rate: tuple[float, int] | None = None   # (elapsed, step) at the start of this training run
        self._dataset_name = ""
        self._panels_locked = False
        self.setWindowTitle(APP_NAME)
        icon = resource_path("icons", "gan-studio.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        self._build_side_panel()
        self._build_tabs()
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self.resize(1360, 860)
        self.settings.restore_window(self)
        self._update_title()
        self._update_controls()
        notice = self.settings.pending_notice()
        if notice:
            self.settings.set_pending_notice("")
            QTimer.singleShot(0, lambda: self.banner.show_message(notice))

    # ------------------------------------------------------------------ layout
    def _build_side_panel(self) -> None:
        self.dataset_panel = DatasetPanel()
        self.arch_panel = ArchitecturePanel()
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
        self.side_dock = QDockWidget("Experiment", self)
        self.side_dock.setObjectName("experimentDock")
        self.side_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                   | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.side_dock.setWidget(scroll)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.side_dock)
        self.resizeDocks([self.side_dock], [390], Qt.Orientation.Horizontal)

    def _build_tabs(self) -> None:
        self.banner = Banner()
        self.banner.action_button.clicked.connect(self.lower_rates_and_resume)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.train_tab = TrainTab()
        self.learn_tab = LearnTab()
        self.add_tab(self.train_tab, "Train", "Live curves and samples while the GAN trains")
        # Gallery and Explore work at once on the shipped pretrained generator; Ctrl+G swaps in the one being trained.
        self.model_source = ModelSource(parent=self)
        try:
            self.model_source.load_default()
        except ModelSourceError as exc:
            message = str(exc)
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(message, 10000))
        self.gallery_tab = GalleryTab(self.model_source)
        self.explore_tab = ExploreTab(self.model_source)
        self.gallery_tab.exploreRequested.connect(lambda _target: self.tabs.setCurrentWidget(self.explore_tab))
        self.model_source.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.add_tab(self.gallery_tab, "Gallery", "Sample, star, compare and export digits")
        self.add_tab(self.explore_tab, "Explore", "Interpolate, analogy planes, principal directions, breeding")
        self.add_tab(self.learn_tab, "Learn", "How a GAN works, in five minutes")
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(4, 4, 4, 0)
        col.setSpacing(4)
        col.addWidget(self.banner)
        col.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    @staticmethod
    def _placeholder(text: str) -> QWidget:
        w = QWidget()
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid); font-size: 14px;")
        QVBoxLayout(w).addWidget(label)
        return w

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

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_labels = {}
        for key, tip in (("dataset", "Training data"), ("device", "Compute device"), ("step", "Training step"),
                         ("speed", "Real images per second"), ("elapsed", "Training time"),
                         ("eta", "Estimated time left to the target")):
            label = QLabel("")
            label.setToolTip(tip)
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
            self.status_labels[key] = label
        self.status_labels["device"].setText(self.arch_panel.device() if hasattr(self.arch_panel, "device") else "")
        self._update_device_label()

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
        mb = self.menuBar()
        file = mb.addMenu("&File")
        self.new_action = self._action(file, "&New experiment", self.new_experiment, QKeySequence.StandardKey.New,
                                       "Start over with the default preset")
        self.open_action = self._action(file, "&Open run…", self.open_run, QKeySequence.StandardKey.Open,
                                        "Open a saved run folder and continue training it")
        self.recent_menu = file.addMenu("Recent runs")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addSeparator()
        self.save_action = self._action(file, "&Save", self.save, QKeySequence.StandardKey.Save,
                                        "Save the run (weights, optimizer, metrics, samples)")
        self.save_as_action = self._action(file, "Save &as…", self.save_as, "Ctrl+Shift+S",
                                           "Save the run into a new folder")
        self.export_action = self._action(file, "&Export samples…", self.export_samples, "Ctrl+E",
                                          "Save the sample grid on show as a PNG")
        file.addSeparator()
        self.open_generator_action = self._action(file, "Open &generator…", self.open_generator, "Ctrl+Shift+O",
                                                  "Open a run folder or an exported generator in Gallery and Explore")
        self.use_trained_action = self._action(file, "Explore the &trained generator", self.explore_trained, "Ctrl+G",
                                               "Show the generator being trained in Gallery and Explore")
        self._action(file, "Explore the &pretrained generator", self.explore_pretrained, None,
                     "Show the digit generator that ships with GAN Studio")
        self.export_generator_action = self._action(file, "Export generator…", self.export_generator, None,
                                                    "Save the generator shown in Gallery as one .safetensors file")
        file.addSeparator()
        self.quit_action = self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        train = mb.addMenu("&Training")
        self.train_action = self._action(train, "&Train / continue", self.start_training)
        self.train_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.pause_action = self._action(train, "&Pause / resume", self.toggle_pause)
        self.step_action = self._action(train, "S&tep", self.step_once)
        self.stop_action = self._action(train, "St&op", self.stop_training)
        # Space pauses anywhere in the window, except where a text field wants the key.
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.space_shortcut.activated.connect(self.toggle_pause)

        view = mb.addMenu("&View")
        toggle = self.side_dock.toggleViewAction()
        toggle.setText("Experiment &panel")
        toggle.setShortcut(QKeySequence("Ctrl+B"))
        view.addAction(toggle)
        self._action(view, "&Reset plot zoom", self.train_tab.plots.reset_zoom, "Ctrl+0")

        help_menu = mb.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, "&About GAN Studio", self.show_about)

    def _connect(self) -> None:
        c, t = self.controller, self.controls
        t.train_button.clicked.connect(self.start_training)
        t.pause_button.clicked.connect(self.toggle_pause)
        t.step_button.clicked.connect(self.step_once)
        t.stop_button.clicked.connect(self.stop_training)
        t.slow_slider.valueChanged.connect(lambda _v: c.set_delay(t.delay()))
        c.metrics.connect(self.train_tab.on_metrics)
        c.metrics.connect(self._on_metrics)
        c.snapshot.connect(self.train_tab.on_snapshot)
        c.rolledBack.connect(self.train_tab.on_rolled_back)
        c.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.diverged.connect(self._on_diverged)
        c.failed.connect(self._on_failed)
        c.finished.connect(self._on_finished)
        c.saved.connect(self._on_saved)
        c.sessionReady.connect(self._on_session_ready)
        c.stateChanged.connect(lambda _s: self._update_controls())
        self.arch_panel.validityChanged.connect(lambda _ok: self._update_controls())
        self.arch_panel.liveHparamsChanged.connect(self._on_live_hparams)
        self.arch_panel.configChanged.connect(self._update_device_label)

    # ------------------------------------------------------------ experiment
    def experiment_config(self) -> ExperimentConfig:
        """The experiment the side panel describes (step/time targets live in the training controls)."""
        train = self.arch_panel.train_config().replace(max_steps=0, max_seconds=0.0)
        preset = self.arch_panel.preset_key()
        return ExperimentConfig(data=self.dataset_panel.data_config(), model=self.arch_panel.model_config(),
                                train=train, name=preset if preset != "custom" else "experiment", preset=preset)

    def session(self):
        return self.controller.session

    def _live_hparams(self) -> dict:
        t = self.arch_panel.train_config()
        return {k: getattr(t, k) for k in LIVE_KEYS}

    def _matches(self, config: ExperimentConfig, wanted: ExperimentConfig) -> bool:
        a, b = config.data, wanted.data
        same_data = (a.source, a.path, a.classes, a.folder_labels) == (b.source, b.path, b.classes, b.folder_labels)
        return config.model == wanted.model and same_data and \
            config.train.batch_size == wanted.train.batch_size and config.train.ema == wanted.train.ema

    @guarded
    def start_training(self) -> None:
        c = self.controller
        if c.is_active():
            c.resume()
            return
        issues = self.arch_panel.issues() + self.dataset_panel.data_config().validate()
        if issues:
            self.show_message("The experiment has problems", "\n".join(str(i) for i in issues))
            return
        wanted = self.experiment_config()
        steps, seconds = self.controls.target()
        kwargs = dict(target_steps=steps, target_seconds=seconds, hparams=self._live_hparams())
        self.banner.hide()
        if c.session is not None and self._matches(c.session.config, wanted):
            c.start(**kwargs)
        elif c.session is None and self._opened_run is not None and self._matches(self._opened_config, wanted):
            run = self._opened_run
            self._opened_run = None
            c.start(resume_dir=run, **kwargs)
        else:
            if c.session is not None or self._opened_run is not None:
                # The settings changed: this is a new experiment.
                if not self.maybe_save("The model or data settings changed, so training starts a new experiment."):
                    return
                c.discard()
                self._opened_run = None
                self.train_tab.clear()
                self.sessionChanged.emit(None)
            c.start(wanted, **kwargs)
        self._rate = None
        self._update_controls()

    @guarded
    def toggle_pause(self) -> None:
        self.controller.toggle_pause()

    @guarded
    def step_once(self) -> None:
        c = self.controller
        if c.is_active():
            c.step()
        else:
            self.controls.target_combo.setCurrentIndex(0)
            self.start_training()
            if c.is_active():
                c.step()

    @guarded
    def stop_training(self) -> None:
        self.controller.stop(wait=True, timeout=2.0)

    def lower_rates_and_resume(self) -> None:
        """The divergence banner's action: halve both learning rates and continue."""
        t = self.arch_panel.train_config()
        new_train = t.replace(lr_g=max(t.lr_g / 2, 1e-7), lr_d=max(t.lr_d / 2, 1e-7))
        cfg = self.experiment_config()
        self.arch_panel.set_experiment(cfg.replace(train=new_train))
        self.controller.set_hparams(lr_g=new_train.lr_g, lr_d=new_train.lr_d)
        self.banner.hide()
        self.controller.resume()
        self.statusBar().showMessage(f"Learning rates lowered to G {new_train.lr_g:.2g} / D {new_train.lr_d:.2g}", 6000)

    # ---------------------------------------------------------- file actions
    def maybe_save(self, why: str = "") -> bool:
        """Ask Save / Discard / Cancel when trained steps are unsaved; True to go on."""
        c = self.controller
        if not c.dirty:
            return True
        if c.is_active():
            c.pause()
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          f"{why + ' ' if why else ''}The current experiment has {c.last_step:,} trained steps "
                          "that are not saved.", parent=self)
        box.setInformativeText("Save the run before going on?")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return bool(self.save())
        return True

    @guarded
    def new_experiment(self) -> None:
        if not self.maybe_save():
            return
        self.controller.discard()
        self._opened_run = None
        self.train_tab.clear()
        from ..core.presets import DEFAULT_PRESET, get_preset

        self.arch_panel.set_experiment(get_preset(DEFAULT_PRESET).config(self.dataset_panel.data_config()))
        self._reset_status()
        self.sessionChanged.emit(None)
        self._update_title()
        self._update_controls()
        self.statusBar().showMessage("New experiment", 4000)

    def open_run(self, path=None) -> bool:
        """Open a run folder: restore settings, curves and the last grid; Train then resumes it."""
        if path is None:
            path = QFileDialog.getExistingDirectory(self, "Open run folder", str(runs_dir()))
            if not path:
                return False
        if not self.maybe_save():
            return False
        try:
            run = RunFolder.open(path)
            config = run.config
            rows = [r for r in run.read_metrics() if r.get("step", 0) <= run.step]
        except RunError as exc:
            self.show_message("This run cannot be opened", str(exc), QMessageBox.Icon.Critical)
            self.settings.remove_recent_run(path)
            return False
        except Exception as exc:  # noqa: BLE001
            self.show_error("Opening the run failed", exc)
            return False
        self.controller.discard()
        self.sessionChanged.emit(None)
        self._opened_run = run.path
        self._opened_config = config
        self.dataset_panel.set_data_config(config.data)
        self.arch_panel.set_experiment(config)
        self.train_tab.load_run(rows, run.path / "samples")
        self.controller.saved_step = self.controller.last_step = run.step
        self._last_rows_step = run.step
        self.settings.add_recent_run(run.path)
        self._reset_status()
        self.status_labels["step"].setText(f"step {run.step:,}")
        self._update_title()
        self._update_controls()
        self.statusBar().showMessage(f"Opened {run.path} at step {run.step:,}. Press Train to continue.", 8000)
        return True

    # ------------------------------------------------------------ generators
    @guarded
    def open_generator(self, path=None) -> bool:
        """Show a run folder's or an exported file's generator in Gallery and Explore."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open generator", str(runs_dir()),
                                                  "Generators and runs (*.safetensors run.json)")
            if not path:
                return False
            if Path(path).name in ("run.json", "weights.safetensors"):
                path = str(Path(path).parent)
        try:
            self.model_source.open(path)
        except ModelSourceError as exc:
            self.show_message("This generator cannot be opened", str(exc), QMessageBox.Icon.Critical)
            return False
        self.tabs.setCurrentWidget(self.gallery_tab)
        return True

    @guarded
    def explore_trained(self) -> bool:
        """Snapshot the generator being trained (its EMA) into Gallery and Explore."""
        from ..core.generator import from_trainer

        session = self.controller.session
        if session is None:
            self.show_message("Nothing trained yet", "Press Train first; then Ctrl+G shows the generator "
                              "as it is at that moment.", QMessageBox.Icon.Information)
            return False
        names = list(session.dataset.train.class_names or [])
        run_path = session.run.path if session.run is not None else None
        name = f"{session.config.name} · step {session.step:,}"
        self.model_source.set_model(from_trainer(session.trainer, name, run_path, names))
        self.tabs.setCurrentWidget(self.gallery_tab)
        return True

    @guarded
    def explore_pretrained(self) -> bool:
        try:
            self.model_source.load_default()
        except ModelSourceError as exc:
            self.show_message("The pretrained generator is missing", str(exc))
            return False
        self.tabs.setCurrentWidget(self.gallery_tab)
        return True

    @guarded
    def export_generator(self, path=None) -> bool:
        from ..core.generator import export_generator

        model = self.model_source.model
        if model is None:
            self.show_message("No generator", "Open or train a generator first.", QMessageBox.Icon.Information)
            return False
        if path is None:
            default = str(Path.home() / f"{model.name.split(' ')[0]}-generator.safetensors")
            path, _ = QFileDialog.getSaveFileName(self, "Export generator", default, "Generator (*.safetensors)")
            if not path:
                return False
        export_generator(model, path)
        self.statusBar().showMessage(f"Generator saved to {path}", 8000)
        return True

    def _default_run_folder(self) -> Path:
        name = self.experiment_config().name
        return runs_dir() / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}"

    def save(self) -> bool:
        """Save the run; asks for a folder the first time."""
        c = self.controller
        if c.session is None:
            if self._opened_run is not None:
                self.statusBar().showMessage("Nothing new to save: the opened run is unchanged", 4000)
                return True
            self.statusBar().showMessage("Nothing to save yet: train first", 4000)
            return False
        if c.run_path is None:
            return self.save_as()
        return self._do_save(None)

    def save_as(self, path=None) -> bool:
        if self.controller.session is None:
            self.statusBar().showMessage("Nothing to save yet: train first", 4000)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save run as (a new folder)", str(self._default_run_folder()),
                                                  "Run folder (*)")
            if not path:
                return False
        return self._do_save(Path(path))

    def _do_save(self, path) -> bool:
        c = self.controller
        try:
            if c.is_active():
                # Save between chunks in the worker thread; wait (event loop running) so callers can rely on it.
                done: list[str] = []
                loop = QEventLoop()

                def on_saved(p):
                    done.append(p)
                    loop.quit()

                c.saved.connect(on_saved)
                c.stateChanged.connect(loop.quit)
                try:
                    c.save(path)
                    QTimer.singleShot(10_000, loop.quit)
                    if not done:
                        loop.exec()
                finally:
                    c.saved.disconnect(on_saved)
                    c.stateChanged.disconnect(loop.quit)
                if not done and not c.is_active():
                    c.save(path)
                return bool(done) or not c.dirty
            c.save(path)
            return True
        except Exception as exc:  # noqa: BLE001
            self.show_error("Saving failed", exc)
            return False

    @guarded
    def export_samples(self, path=None) -> bool:
        from ..core.exports import save_png

        sheet = self.train_tab.grid.current_sheet()
        if sheet is None:
            self.statusBar().showMessage("No samples to export yet", 4000)
            return False
        if path is None:
            step = self.train_tab.grid.current_step() or 0
            default = str(Path.home() / f"gan-studio-samples-step{step}.png")
            path, _ = QFileDialog.getSaveFileName(self, "Export sample grid", default, "PNG image (*.png)")
            if not path:
                return False
        out = save_png(path, sheet, scale=2)
        self.statusBar().showMessage(f"Exported {out}", 6000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        runs = self.settings.recent_runs()
        if not runs:
            self.recent_menu.addAction("(none)").setEnabled(False)
            return
        for p in runs:
            action = self.recent_menu.addAction(p)
            action.triggered.connect(lambda *_, p=p: self.open_run(p))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear list").triggered.connect(self.settings.clear_recent_runs)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not getattr(self, "_dock_sized", False):
            self._dock_sized = True
            self.resizeDocks([self.side_dock], [390], Qt.Orientation.Horizontal)

    # --------------------------------------------------------------- closing
    def autosave_path(self) -> Path:
        return runs_dir() / f"autosave-{self.experiment_config().name}-{time.strftime('%Y%m%d-%H%M%S')}"

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        c = self.controller
        was_training = c.is_active()
        if was_training:
            c.stop(wait=True, timeout=1.0)
            if c.is_active():  # a dataset still loading: give it a little longer
                c.stop(wait=True, timeout=5.0)
            if c.dirty:
                try:
                    if c.run_path is None:
                        path = self.autosave_path()
                        c.save(path)
                        self.settings.set_pending_notice(
                            f"Training was stopped when the window closed; the run was saved to {path}. "
                            "Open it with File ▸ Open run… to continue.")
                    else:
                        c.save()
                    self.settings.add_recent_run(c.run_path)
                except Exception as exc:  # noqa: BLE001
                    self.show_error("Saving the run failed", exc)
        else:
            if not self.maybe_save():
                event.ignore()
                return
            if c.run_path is None or c.dirty:   # nothing saved, or the user chose Discard
                c.discard()                     # removes the scratch folder of the unsaved run
        self.train_tab.plots.timer.stop()
        self.dataset_panel.shutdown()
        self.settings.save_window(self)
        event.accept()

    # ------------------------------------------------------------ controller
    def _on_session_ready(self, session) -> None:
        self._dataset_name = session.dataset.name
        self.status_labels["dataset"].setText(session.dataset.name)
        self._update_device_label()
        if self.controller.run_path is not None:
            self.settings.add_recent_run(self.controller.run_path)
        self._update_title()
        self.sessionChanged.emit(session)

    def _on_metrics(self, rows: list) -> None:
        if not rows:
            return
        last = rows[-1]
        step = int(last["step"])
        self._last_rows_step = step
        worker = self.controller.worker
        if self._rate is None and worker is not None:
            self._rate = (float(rows[0]["elapsed"]), int(rows[0]["step"]) - 1)
        labels = self.status_labels
        labels["step"].setText(f"step {step:,}")
        labels["speed"].setText(f"{last['images_per_s']:,.0f} img/s")
        labels["elapsed"].setText(_fmt_duration(last["elapsed"]))
        self._update_progress(step, float(last["elapsed"]))
        if self.isWindowModified() != self.controller.dirty:
            self._update_title()

    def _update_progress(self, step: int, elapsed: float) -> None:
        worker = self.controller.worker
        bar, eta = self.controls.progress, self.controls.eta_label
        steps, seconds = self.controls.target()
        if worker is None or (not steps and not seconds):
            bar.setRange(0, 0 if worker is not None and self.controller.state == "running" else 1)
            bar.setFormat(f"step {step:,}")
            eta.setText("")
            self.status_labels["eta"].setText("")
            return
        done_steps = step - worker.start_step
        frac = 0.0
        remaining = None
        rate_steps = None
        if self._rate is not None and elapsed > self._rate[0]:
            rate_steps = (step - self._rate[1]) / (elapsed - self._rate[0])
        if steps:
            frac = done_steps / steps
            if rate_steps:
                remaining = (steps - done_steps) / rate_steps
        if seconds:
            tfrac = (elapsed - worker.start_elapsed) / seconds
            if tfrac >= frac:
                frac, remaining = tfrac, seconds - (elapsed - worker.start_elapsed)
        frac = min(max(frac, 0.0), 1.0)
        bar.setRange(0, 1000)
        bar.setValue(int(frac * 1000))
        bar.setFormat(f"{frac:.0%}  ·  step {step:,}")
        text = f"about {_fmt_duration(remaining)} left" if remaining is not None else ""
        eta.setText(text)
        self.status_labels["eta"].setText(f"ETA {_fmt_duration(remaining)}" if remaining is not None else "")

    def _on_live_hparams(self, changes: dict) -> None:
        self.controller.set_hparams(**changes)

    def _on_diverged(self, advice: str) -> None:
        self.banner.show_message(advice, "Lower learning rates and resume")
        self._update_controls()

    def _on_failed(self, message: str) -> None:
        self.show_message("Training stopped with an error", message, QMessageBox.Icon.Critical)

    def _on_finished(self, reason: str) -> None:
        if reason == "target":
            self.controls.progress.setRange(0, 1000)
            self.controls.progress.setValue(1000)
            self.statusBar().showMessage(f"Target reached at step {self._last_rows_step:,}", 8000)
        self._update_controls()

    def _on_saved(self, path: str) -> None:
        self.settings.add_recent_run(path)
        self.statusBar().showMessage(f"Saved to {path}", 6000)
        self._update_title()

    # ------------------------------------------------------------- updating
    def _update_controls(self) -> None:
        state = self.controller.state
        active = self.controller.is_active()
        valid = not self.arch_panel.issues()
        t = self.controls
        has_work = self.controller.session is not None or self._opened_run is not None
        t.train_button.setEnabled(valid and not active)     # while paused, Pause reads "Resume"
        t.train_button.setText("Continue" if has_work else "Train")
        t.train_button.setToolTip("Fix the highlighted settings first" if not valid else
                                  "Start training, or continue the current experiment (Ctrl+Enter)")
        paused = state == "paused"
        t.pause_button.setEnabled(active and state != "loading")
        t.pause_button.setText("Resume" if paused else "Pause")
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
        if active != self._panels_locked:   # only on a change: set_running resets the panel's live baseline
            self._panels_locked = active
            self.arch_panel.set_running(active)
            self.dataset_panel.set_locked(active)
        if not active:
            if t.progress.maximum() == 0:
                t.progress.setRange(0, 1000)
            if state == "idle" and self.controller.session is None and self._opened_run is None:
                t.progress.setValue(0)
                t.progress.setFormat("idle")
        elif state == "loading":
            t.progress.setRange(0, 0)
            t.progress.setFormat("loading…")
        elif state == "paused" and t.progress.maximum() == 0:
            t.progress.setRange(0, 1000)
            t.progress.setValue(0)
            t.progress.setFormat(f"paused at step {self._last_rows_step:,}")
        self._update_title()

    def _update_device_label(self) -> None:
        from ..core.device import available_devices

        session = self.controller.session
        key = str(session.trainer.device) if session is not None else self.arch_panel.device()
        labels = {d.key: d.label for d in available_devices()}
        if key in ("auto", ""):
            key = available_devices()[0].key
        text = labels.get(key, key)
        if session is not None and session.trainer.device.type == "cpu":
            n = session.trainer.threads
            text = f"CPU ({n} training thread{'s' if n != 1 else ''})"
        self.status_labels["device"].setText(text)

    def _reset_status(self) -> None:
        for key in ("step", "speed", "elapsed", "eta"):
            self.status_labels[key].setText("")
        self.controls.progress.setRange(0, 1000)
        self.controls.progress.setValue(0)
        self.controls.progress.setFormat("idle")
        self.controls.eta_label.setText("")

    def _update_title(self) -> None:
        path = self.controller.run_path or self._opened_run
        name = path.name if path is not None else "Untitled experiment"
        self.setWindowModified(self.controller.dirty)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # --------------------------------------------------------------- dialogs
    def show_message(self, title: str, text: str, icon=QMessageBox.Icon.Warning) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open() if self.isVisible() and not _testing() else box.show()
        self._last_message = box

    def show_error(self, title: str, exc: BaseException) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, str(exc) or type(exc).__name__,
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.show()
        self._last_message = box

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td style='padding-right:18px'><b>{QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)}</b></td><td>{d}</td></tr>"
                       for k, d in SHORTCUTS)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def about_text(self) -> str:
        import pyqtgraph
        import PySide6
        import torch
        from PySide6.QtCore import qVersion

        device = self.status_labels["device"].text() or "CPU"
        return (f"<h3>{APP_NAME} {__version__}</h3>"
                "<p>Train generative adversarial networks on handwritten digits and explore what they learned.</p>"
                f"<table><tr><td>PyTorch</td><td>{torch.__version__}</td></tr>"
                f"<tr><td>Qt</td><td>{qVersion()}</td></tr>"
                f"<tr><td>PySide6</td><td>{PySide6.__version__}</td></tr>"
                f"<tr><td>pyqtgraph</td><td>{pyqtgraph.__version__}</td></tr>"
                f"<tr><td>Device</td><td>{device}</td></tr></table>")

    def show_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", self.about_text())


def _testing() -> bool:
    import os

    return os.environ.get("QT_QPA_PLATFORM") == "offscreen"
