"""The experiment's lifecycle in the window: train, new, open, save, save as, close, recover.

`ExperimentLifecycle` turns menu and button intent into calls on the
Experiment (the rules) and the TrainingController (the process), and asks
the user where a rule needs a person: unsaved work, a folder name, a run left
behind by a crash.  Every action reports errors in a dialog, never a crash.
"""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.run_folders.runs import RunError, RunFolder, is_scratch, scratch_root
from ..core.setup import Setup, SetupError, is_setup_file, read_setup, write_setup
from ..paths import runs_dir
from . import dialogs
from .i18n import plan_text, tr, translate_message

SAVE_TIMEOUT_S = 60


def guarded(fn):
    """Run an action; show any exception in a message box instead of letting it escape into Qt."""

    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            parent = self if isinstance(self, QWidget) else self.window
            action = fn.__name__.replace('_', ' ').strip().capitalize()
            dialogs.show_error(parent, tr("{action} failed").format(action=action), exc)
            return None

    return wrapper


class ExperimentLifecycle(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.experiment = window.controller.experiment
        self.setup = None           # the shared setup opened last (its title names the window until a new one)

    # -------------------------------------------------------------- train
    @guarded
    def train(self, paused: bool = False) -> bool:
        w, c, exp = self.window, self.controller, self.experiment
        w.arch_panel.commit()
        if exp.active:
            c.resume()
            return True
        issues = w.arch_panel.issues() + exp.config.data.validate()
        if issues:
            dialogs.show_message(w, tr("The experiment has problems"), "\n".join(str(i) for i in issues))
            return False
        plan = exp.plan()
        if plan.action == "new":
            if not self.maybe_save(plan_text(plan)):
                return False
            config = exp.config
            c.discard()
            exp.set_config(config)
            w.train_tab.clear()
        steps, seconds = w.controls.target()
        w.banner.clear()
        c.train(steps, seconds, paused=paused)
        return True

    @guarded
    def step_once(self) -> None:
        if not self.experiment.active:
            self.window.controls.target_combo.setCurrentIndex(0)
            if not self.train(paused=True):
                return
        self.controller.step_once()

    def lower_rates_and_resume(self) -> None:
        """The divergence banner's action: halve both learning rates and continue."""
        t = self.experiment.config.train
        lr_g, lr_d = max(t.lr_g / 2, 1e-7), max(t.lr_d / 2, 1e-7)
        self.experiment.edit(**{"train.lr_g": lr_g, "train.lr_d": lr_d})   # live: sent to the process
        self.controller.resume()
        self.window.statusBar().showMessage(
            tr("Learning rates lowered to G {lr_g:.2g} / D {lr_d:.2g}").format(lr_g=lr_g, lr_d=lr_d), 6000)

    # --------------------------------------------------------------- save
    def maybe_save(self, why: str = "") -> bool:
        """Ask Save / Discard / Cancel when trained steps are unsaved; True to go on."""
        exp = self.experiment
        if not exp.dirty:
            return True
        if exp.state == "running":
            self.controller.pause()
        saved_before = exp.saved_path is not None
        unsaved = exp.step - exp.saved_step if saved_before else exp.step   # count only what is not on disk
        answer = dialogs.ask_save(self.window, max(unsaved, 0), why, saved_before)
        if answer == "cancel":
            return False
        if answer == "save":
            return bool(self.save())
        return True

    def default_run_folder(self) -> Path:
        return runs_dir() / f"{self.experiment.config.name}-{time.strftime('%Y%m%d-%H%M%S')}"

    def save(self) -> bool:
        """Save the run; asks for a folder the first time."""
        exp = self.experiment
        if exp.trained is None:
            if exp.opened is not None:
                self.window.statusBar().showMessage(tr("Nothing new to save: the opened run is unchanged"), 4000)
                return True
            self.window.statusBar().showMessage(tr("Nothing to save yet: train first"), 4000)
            return False
        if exp.save_action() == "choose":
            return self.save_as()
        return self._save_and_wait(None)

    def save_as(self, path=None) -> bool:
        if self.experiment.trained is None:
            self.window.statusBar().showMessage(tr("Nothing to save yet: train first"), 4000)
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, tr("Save run as (a new folder)"),
                                                  str(self.default_run_folder()), tr("Run folder (*)"))
            if not path:
                return False
        return self._save_and_wait(Path(path))

    def _save_and_wait(self, path) -> bool:
        """Ask the training process to save and wait for its answer (the event loop keeps running)."""
        c = self.controller
        outcome: list = []
        loop = QEventLoop()

        def on_saved(p):
            outcome.append(("saved", p))
            loop.quit()

        def on_failed(message):
            outcome.append(("failed", message))
            loop.quit()

        c.saved.connect(on_saved)
        c.failed.connect(on_failed)
        c.processDied.connect(on_failed)
        try:
            if not c.save(path):
                raise RunError(tr("the training process is not running; the run is as it was last saved"))
            QTimer.singleShot(SAVE_TIMEOUT_S * 1000, loop.quit)
            loop.exec()
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self.window, tr("Saving failed"), exc)
            return False
        finally:
            c.saved.disconnect(on_saved)
            c.failed.disconnect(on_failed)
            c.processDied.disconnect(on_failed)
        if not outcome or outcome[0][0] != "saved":
            reason = outcome[0][1] if outcome else tr("no answer from the training process in {seconds} s").format(
                seconds=SAVE_TIMEOUT_S)
            dialogs.show_message(self.window, tr("Saving failed"), reason, QMessageBox.Icon.Critical)
            return False
        return True

    # --------------------------------------------------------- new / open
    @guarded
    def new_experiment(self) -> None:
        from ..core.presets import DEFAULT_PRESET, get_preset

        if not self.maybe_save():
            return
        self.controller.discard()
        self.setup = None
        self.window.train_tab.clear()
        self.experiment.set_config(get_preset(DEFAULT_PRESET).config().replace(data=self.experiment.config.data))
        self.window.reset_progress()
        self.window.statusBar().showMessage(tr("New experiment"), 4000)

    def open_run(self, path=None) -> bool:
        """Open a run folder: restore settings, curves and the last grid; Train then resumes it."""
        w = self.window
        if path is None:
            path = QFileDialog.getExistingDirectory(w, tr("Open run folder"), str(runs_dir()))
            if not path:
                return False
        if is_setup_file(path):            # `gan-studio open setup.json`, a dropped setup
            return self.open_setup(path)
        if not self.maybe_save():
            return False
        try:
            run = RunFolder.open(path)
            config = run.config
            run.read_metrics()      # unreadable metrics are reported here, before anything changes
        except RunError as exc:
            dialogs.show_message(w, tr("This run cannot be opened"), str(exc), QMessageBox.Icon.Critical)
            w.settings.remove_recent_run(path)
            return False
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(w, tr("Opening the run failed"), exc)
            return False
        self.controller.discard()
        self.experiment.opened_run(run.path, config, run.step)
        self.show_run_history(run.path, run)
        w.show_run_generator()            # Gallery and Explore show the opened run's generator
        if not is_scratch(run.path):
            w.settings.add_recent_run(run.path)
        w.reset_progress()
        w.status.set("step", tr("step {step:,}").format(step=run.step))
        w.statusBar().showMessage(tr("Opened {path} at step {step:,}. Press {button} to continue training it.").format(
            path=run.path, step=run.step, button=w.controls.train_button.text()), 8000)
        return True

    # ------------------------------------------------------------ setups
    def open_setup(self, path=None) -> bool:
        """Open a shared setup (File ▸ Open setup…, a dropped file, `gan-studio open setup.json`): its settings
        become the experiment, ready to Train.  A bad file is explained and nothing changes."""
        w = self.window
        if path is None:
            path, _ = QFileDialog.getOpenFileName(w, tr("Open setup"), str(Path.home()),
                                                  tr("GAN Studio setup (*.json)"))
            if not path:
                return False
        try:
            setup = read_setup(path)
        except SetupError as exc:
            dialogs.show_message(w, tr("This setup cannot be opened"),
                                 str(exc) + "\n\n" + tr("Nothing was changed: the current experiment is as it was."),
                                 QMessageBox.Icon.Critical)
            return False
        if not self.maybe_save(tr("Opening a setup starts a new experiment.")):
            return False
        if w.follower.path is not None:
            w.follower.stop()
        self.controller.discard()
        w.train_tab.clear()
        self.experiment.set_config(setup.config)
        w.reset_progress()
        self.setup = setup
        w.update_controls()         # the window's title names the setup
        name = setup.title or Path(path).stem
        lines = [tr("Setup “{name}” opened: press Train to start it.").format(name=name)]
        lines += [text for text in (setup.lesson, setup.notes) if text] + list(setup.adjusted)
        w.banner.show_message("\n".join(lines))
        w.statusBar().showMessage(tr("Opened the setup {file}").format(file=Path(path).name), 6000)
        return True

    def export_setup(self, path=None, title=None, lesson=None, notes=None):
        """File ▸ Export setup…: every setting of the experiment, with a title, lesson text and notes."""
        from ..core.presets import get_preset
        from .file_export import export_file
        from .setup_dialog import SetupDialog

        w, exp = self.window, self.experiment
        w.arch_panel.commit()
        issues = exp.config.validate()
        if issues:
            dialogs.show_message(w, tr("The experiment has problems"), "\n".join(str(i) for i in issues))
            return None
        kept = self.setup
        if kept is not None and kept.config.preset != exp.config.preset:
            kept = None
        if kept is None:        # the Learn lesson on this preset, if there is one, says what to watch for
            from .learn.lessons import lessons

            taught = next((ls for ls in lessons() if ls.preset == exp.config.preset), None)
            try:
                heading = taught.title if taught is not None else get_preset(exp.config.preset).title
            except KeyError:
                heading = ""
            kept = Setup(exp.config, title=heading, lesson=taught.watch if taught is not None else "")
        texts = (kept.title if title is None else title, kept.lesson if lesson is None else lesson,
                 kept.notes if notes is None else notes)
        if path is None:
            dialog = SetupDialog(*texts, parent=w)
            if dialog.exec() != SetupDialog.DialogCode.Accepted:
                return None
            texts = dialog.texts()
        setup = Setup(exp.config, *texts)
        written = export_file(w, tr("Export setup"), f"{exp.config.name}-setup.json", tr("GAN Studio setup (*.json)"),
                              ".json", lambda p: write_setup(p, setup), path=path,
                              report=lambda text: w.statusBar().showMessage(text, 6000))
        if written is not None:
            self.setup = setup
        return written

    def show_run_history(self, path, run=None) -> None:
        """Curves, quality checks, grids, snapshots and lineage of a run folder in the Train tab."""
        from ..core.training.snapshots import describe_lineage, lineage, list_snapshots

        run = run or RunFolder.open(path)
        rows = [r for r in run.read_metrics() if r.get("step", 0) <= run.step]
        quality = [r for r in run.read_quality() if r.get("step", 0) <= run.step]
        self.window.train_tab.load_run(rows, run.path / "samples", quality,
                                       [s.to_dict() for s in list_snapshots(run.path)],
                                       describe_lineage(lineage(run.info)))

    # ------------------------------------------------------------- faults
    def on_process_died(self, message: str) -> None:
        exp = self.experiment
        saved = _saved_step(exp.run_path)
        if saved is not None:
            exp.rolled_back(saved)          # what was trained after the last save died with the process
            text = tr("{message} The window is fine. The run was last saved at step {step:,}; "
                      "training can continue from there.").format(message=translate_message(message), step=saved)
            self.window.banner.show_message(text, tr("Continue from the last save"), self.continue_after_crash)
        else:
            text = tr("{message} The window is fine, but nothing of this run had been saved yet.").format(
                message=translate_message(message))
            self.window.banner.show_message(text)
        self.window.update_controls()

    def continue_after_crash(self) -> None:
        exp = self.experiment
        run = exp.run_path
        if run is None or _saved_step(run) is None:
            return
        step = _saved_step(run)
        rows = [r for r in RunFolder.open(run).read_metrics() if r.get("step", 0) <= step]
        exp.opened_run(run, exp.config, step)
        self.window.train_tab.load_run(rows, run / "samples")
        self.train()

    def left_behind(self) -> list[tuple[Path, int, float]]:
        """Scratch runs a crash left behind (a checkpoint, no live writer): (folder, step, mtime), newest first."""
        from ..core.run_folders.runlock import RunLock

        from ..core.training.session import rescue_places

        found = []
        roots = [scratch_root(), *rescue_places()]      # a run its process saved elsewhere when the disk was full
        for folder in (f for root in roots if root.is_dir() for f in root.iterdir()):
            step = _saved_step(folder)
            if not step:
                continue
            owner = RunLock.owner(folder)
            if owner is not None and owner.alive:
                continue            # another window is training it right now
            found.append((folder, step, folder.stat().st_mtime))
        return sorted(found, key=lambda f: f[2], reverse=True)

    def offer_recovery(self) -> None:
        """At start, and after each answer: every run a crash left behind is offered back, newest first."""
        runs = self.left_behind()
        if not runs:
            return
        folder, step, mtime = runs[0]
        when = time.strftime("%d %b %H:%M", time.localtime(mtime))
        more = tr(" ({n} more after this one.)").format(n=len(runs) - 1) if len(runs) > 1 else ""
        self.window.banner.show_message(
            tr("A run that was never saved was left behind: {step:,} steps, last written {when}. "
               "Recover it to look at it, continue training it or save it.").format(step=step, when=when) + more,
            tr("Recover it"), lambda: self.open_run(folder),
            tr("Discard it"), lambda: self._discard_left_behind(folder))

    def _discard_left_behind(self, folder: Path) -> None:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        self.window.statusBar().showMessage(tr("Discarded the unsaved run {name}").format(name=folder.name), 6000)
        self.offer_recovery()

    # -------------------------------------------------------------- close
    def close(self) -> bool:
        """Closing the window: training is stopped and saved; unsaved idle work asks first.  False: stay open."""
        w, c, exp = self.window, self.controller, self.experiment
        if exp.active:
            if exp.dirty and c.info:
                autosave = exp.saved_path is None
                target = self.autosave_path() if autosave else exp.saved_path
                c.stop()
                c.save(target if autosave else None)
                c.shutdown(timeout=SAVE_TIMEOUT_S)      # the process saves, then quits
                step = _saved_step(target)
                if step is not None:
                    exp.saved(target, step)
                    w.settings.add_recent_run(target)
                    if autosave:
                        w.settings.set_pending_notice(
                            tr("Training was stopped when the window closed; the run was saved to {path}. "
                               "Open it with File ▸ Open run… to continue.").format(path=target))
                return True
            c.shutdown()
            return True
        if not self.maybe_save():
            return False
        if exp.dirty or exp.saved_path is None:     # nothing saved, or the user chose Discard
            c.discard()                             # removes the scratch folder of the unsaved run
        c.shutdown()
        return True

    def autosave_path(self) -> Path:
        return runs_dir() / f"autosave-{self.experiment.config.name}-{time.strftime('%Y%m%d-%H%M%S')}"


def _saved_step(folder) -> int | None:
    """The step of the checkpoint in `folder` (None: no usable checkpoint)."""
    if folder is None:
        return None
    try:
        info = json.loads((Path(folder) / "run.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not (Path(folder) / "weights.safetensors").is_file() or not isinstance(info, dict):
        return None
    step = info.get("step")
    return step if isinstance(step, int) else None
