"""Follow a run folder that another process writes (File ▸ Follow run…, `gan-studio open RUN`).

A `FollowPoller` in its own QThread calls `core.run_folders.follow.RunFollower.poll()`
every half second and decodes new sample grids there; the
`FollowController` (GUI thread) re-emits what arrived as the same metrics and
snapshot signals the training controller sends, so the Train tab draws a
followed run exactly like its own.  Read-only: when the writer has stopped,
the window offers to take the run over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..core.run_folders.follow import RunFollower
from ..core.run_folders.runs import RunError
from .loop_thread import LoopWorker, end_loop, start_loop
from .i18n import tr

POLL_SECONDS = 0.5


class FollowPoller(LoopWorker):
    update = Signal(object, object)     # FollowUpdate, decoded sample grid (uint8 H×W×C) or None
    failed = Signal(str)

    def __init__(self, follower: RunFollower, loss: str = "ns"):
        from ..core.training.diagnostics import Watchdog

        super().__init__()
        self.follower = follower
        self.watchdog = Watchdog(loss)      # the followed run's warnings, judged here (not on the GUI thread)

    def loop(self) -> None:

        while not self.stopping():
            upd = self.follower.poll()
            if upd.reset or upd.quality_reset:
                self.watchdog.reset()
            upd.warnings = self.watchdog.add_rows(upd.rows)
            for row in upd.quality:
                upd.warnings += self.watchdog.add_quality_row(row)
            grid = None
            if upd.sample is not None:
                try:
                    grid = upd.sample.load()
                except RunError as exc:
                    self.failed.emit(str(exc))
            if upd.changed or grid is not None:
                self.update.emit(upd, grid)
            self.wait(POLL_SECONDS)


class FollowController(QObject):
    metrics = Signal(list)
    snapshot = Signal(int, object)          # step, a whole grid image (H, W, C)
    quality = Signal(list)                  # quality checks (dicts), as the training controller's
    warning = Signal(dict)                  # a TrainingWarning dict
    snapshots = Signal(list)                # the run's trainer snapshots
    status = Signal(str)
    changed = Signal()                      # following started / stopped / the writer's state changed

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.active = False                 # the writer is still at work
        self.last_status = None
        self.last_step = 0                  # the newest metrics row seen
        self._poller: FollowPoller | None = None
        self._thread: QThread | None = None
        self._banner_text = ""              # the banner's "Following …" message, withdrawn on stop

    def follow(self, path) -> bool:
        from ..core.run_folders.runs import RunFolder
        from . import dialogs

        self.stop()
        try:
            follower = RunFollower(path)
            run = RunFolder.open(follower.path)
            config = run.config
        except RunError as exc:
            dialogs.show_message(self.window, tr("This run cannot be followed"), str(exc))
            return False
        self.path = follower.path
        self.active = True
        self.last_step, self.last_status = 0, None
        self.window.experiment.set_config(config)      # the panels show the followed run's settings
        self.window.status.set("device", tr("another process"))
        self.window.train_tab.clear()
        self.window.train_tab.show_run_quality([])          # until the run's first check arrives, if it has any
        from ..core.training.snapshots import describe_lineage, lineage

        self.window.train_tab.timeline.set_lineage(describe_lineage(lineage(run.info)))
        poller = FollowPoller(follower, config.train.loss)
        poller.update.connect(self._on_update)
        poller.failed.connect(lambda text: self.status.emit(text))
        self._poller = poller
        self._thread = start_loop(poller, "gan-studio-follow")
        self._banner_text = tr("Following {path} — another process trains it; curves and samples update as it "
                               "writes (read-only).").format(path=self.path)
        self.window.banner.show_message(self._banner_text, tr("Stop following"), self.stop)
        self.changed.emit()
        return True

    def stop(self) -> None:
        poller, thread = self._poller, self._thread
        self._poller = self._thread = None
        end_loop(poller, thread)
        if self.path is not None:
            self.path = None
            self.window.banner.withdraw(self._banner_text)
            self.changed.emit()

    def describe(self) -> str:
        if self.path is None:
            return ""
        step = tr("step {step:,}").format(step=self.last_step) if self.last_step else tr("waiting for data")
        return (tr("following · {step}") if self.active else tr("stopped · {step}")).format(step=step)

    def _on_update(self, upd, grid) -> None:
        if self._poller is None:
            return
        if upd.reset:
            self.window.train_tab.clear()
            self.window.train_tab.show_run_quality([])      # until the run's first check arrives, if it has any
        if upd.rows:
            self.last_step = int(upd.rows[-1]["step"])
            self.metrics.emit(upd.rows)
        if grid is not None:
            self.snapshot.emit(upd.sample.step, grid)
        if upd.quality_reset and not upd.reset:
            self.window.train_tab.plots.set_quality([])
        if upd.quality:
            self.quality.emit(upd.quality)
        if upd.snapshots is not None:
            self.snapshots.emit([s.to_dict() for s in upd.snapshots])
        for w in getattr(upd, "warnings", []):
            self.warning.emit(w.to_dict())
        was_active = self.active
        self.active = bool(upd.active)
        self.last_status = upd.status
        if was_active and not self.active:
            status = upd.status.status if upd.status is not None else "stopped"
            self.window.banner.show_message(
                tr("The run you follow is no longer being trained ({status}). You can take it over and "
                   "continue training it here.").format(status=status), tr("Take over"), self.window.take_over)
        self.changed.emit()
