"""The main window's menu bar: File, Training, View (with Language) and Help, their actions and shortcuts.

A mixin of `MainWindow` (`app/main_window.py`): the actions call the window's lifecycle, controller and flows;
the window enables them (`MainWindow.update_controls`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from ..paths import APP_NAME
from . import dialogs
from .i18n import tr


class WindowMenus:
    """The menus of `MainWindow` (built once by `_build_menus`)."""

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
        self.runs_on_disk_action = self._action(file, tr("R&uns on disk…"), self.show_runs_on_disk, "Ctrl+Shift+R",
                                                tr("Every run folder with its size: open, rename or delete runs, "
                                                   "clean up unsaved ones"))
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

    def show_runs_on_disk(self) -> None:
        """File ▸ Runs on disk… (`app/runs_dialog.py`, imported when first asked for)."""
        from .runs_dialog import show_runs_dialog

        show_runs_dialog(self)

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

    def about_text(self) -> str:
        return dialogs.about_text(self.status.text("device"))

    def show_about(self) -> None:
        QMessageBox.about(self, tr("About {app}").format(app=APP_NAME), self.about_text())
