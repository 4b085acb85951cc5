"""The main window's flows on generators and runs: which generator Gallery and Explore show (opened, trained,
a snapshot's, the pretrained one), branching from a snapshot, exporting samples and generators, comparing runs.

A mixin of `MainWindow` (`app/main_window.py`): it uses the window's model source, controller, follower,
lifecycle, tabs and status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.run_folders.runs import run_title
from ..paths import runs_dir
from . import dialogs
from .file_export import export_file
from .i18n import tr
from .lifecycle import guarded
from .model_source import ModelSourceError
from .torch_loader import torch_loader


class GeneratorActions:
    """Generators and runs in the window: File ▸ Open generator, Explore the trained / pretrained generator,
    Export samples / generator, the timeline's Open and Branch, File ▸ Compare runs."""

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
