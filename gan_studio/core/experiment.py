"""The Experiment: the one source of truth for an experiment, with no Qt.

It holds the config the user is editing, the preset it came from, the config
the networks were actually built with (`trained`), the run folder (a scratch
folder until the user saves), the last and last-saved steps, the lifecycle
state, what the training process reported when it loaded the networks
(`loaded`) and where the current Train began (`start_step`, `start_elapsed`).  It owns the rules that used to be spread over widgets:

- which fields a preset decides (`config.PRESET_KEYS`, from field metadata);
- which fields may change while training (`LIVE`), which when training
  continues (`CONTINUE`) and which start a new experiment (`RESTART`);
- what pressing Train does (`plan()`): start, continue, resume a run opened
  from disk, or start a new experiment because a RESTART field changed;
- what "Save as" does with the folder (move a scratch run, copy a saved one).

Views (the panels, the main window, the CLI) read it and send user intent to
it; it tells listeners about changes through `core.events.Signal`s.  The
training process is driven by a controller that reports back here
(`started`, `loaded_in_process`, `stepped`, `saved`, `set_state`, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import (LIVE, PRESET_KEYS, RESTART, ConfigIssue, DataConfig, ExperimentConfig, change_rule,
                     differences, field_keys, field_label, get_value, with_values)
from .events import Signal
from .presets import DEFAULT_PRESET, get_preset, load_presets
from .run_folders.runs import is_scratch

CUSTOM = "custom"
STATES = ("idle", "loading", "running", "paused")


@dataclass(frozen=True)
class Plan:
    """What Train does now.

    action: "start" (nothing trained yet), "continue" (the trained networks go on), "resume" (a run
    opened from disk is loaded and goes on) or "new" (a RESTART field changed: a new experiment).
    applies: {key: (old, new)} changes the continuing run takes; restarts: keys that force "new"."""

    action: str
    applies: dict = field(default_factory=dict)
    restarts: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.action == "new" and self.restarts:
            return ("Changing the " + ", ".join(field_label(k) for k in self.restarts)
                    + " defines a different experiment: Train starts a new one.")
        if self.applies:
            return "Applies on Continue: " + ", ".join(field_label(k) for k in self.applies)
        return ""


class Experiment:
    """An experiment being set up, trained, saved and reopened (see the module docstring)."""

    def __init__(self, config: ExperimentConfig | None = None):
        self.configChanged = Signal()   # (changed keys: set[str])
        self.liveChanged = Signal()     # ({dotted LIVE field: value}) while training: send to the trainer now
        self.stateChanged = Signal()    # (state)
        self.runChanged = Signal()      # () run folder, steps or dirty state changed
        self.config: ExperimentConfig = config or get_preset(DEFAULT_PRESET).config()
        self.trained: ExperimentConfig | None = None   # what the trained networks were built with
        self.opened: ExperimentConfig | None = None    # a run opened from disk, not yet loaded for training
        self.run_path: Path | None = None
        self._scratch_memo: tuple[Path | None, bool] = (None, False)
        self.step = 0
        self.saved_step = 0
        self.state = "idle"
        self.loaded: dict = {}          # the training process's report on the networks it holds (device, threads,
                                        # dataset, run, step, …: its Ready event's fields); {}: nothing is loaded there
        self.start_step = 0             # the step and training time when the current Train began (progress origin)
        self.start_elapsed = 0.0
        self.folder_recipe = None       # what the chosen folder decided (data.folder.FolderRecipe), or None

    # ------------------------------------------------------------ presets
    @classmethod
    def from_preset(cls, key: str = DEFAULT_PRESET, data: DataConfig | None = None, **train) -> "Experiment":
        return cls(get_preset(key).config(data, **train))

    @property
    def base_preset(self) -> str:
        """The preset these settings started from."""
        return self.config.preset

    @property
    def preset_key(self) -> str:
        """The preset on show, or "custom" when a field a preset decides differs from it."""
        key = self.config.preset
        if key not in {p.key for p in load_presets()}:
            return CUSTOM
        return key if self.matches_preset(key) else CUSTOM

    def matches_preset(self, key: str) -> bool:
        p = get_preset(key).config()      # only the fields presets decide are compared: not the data
        return all(get_value(p, k) == get_value(self.config, k) for k in PRESET_KEYS)

    def choose_preset(self, key: str) -> None:
        """Take every field preset `key` decides; device, threads, data and intervals stay."""
        p = get_preset(key).config()      # the data stays as it is, even while it is incomplete
        values = {k: get_value(p, k) for k in PRESET_KEYS}
        cfg = with_values(self.config, values).replace(preset=key, name=key)
        self.set_config(cfg)

    # ------------------------------------------------------------ editing
    def set_config(self, config: ExperimentConfig) -> None:
        """Replace the config (a view sends what the user entered).  Emits configChanged with the keys."""
        old = self.config
        if config == old:
            return
        keys = set(differences(old, config))
        self.config = config
        self.configChanged.emit(keys)
        if self.active and self.trained is not None:
            live = self._live_changes(config)
            if live:
                self.trained = with_values(self.trained, live)
                self.liveChanged.emit(live)

    def _live_changes(self, config: ExperimentConfig) -> dict:
        """The live fields where `config` differs from what trains, that training can take now: every such
        field, not only the one just edited (an edit refused earlier — D:G steps 2 under simultaneous
        updates — goes out once another edit makes it valid), less those the changed training config
        would flag; nothing when the rest still leaves it invalid (a rule across fields)."""
        live = {k: get_value(config, k) for k in field_keys(change=LIVE)
                if get_value(config, k) != get_value(self.trained, k)}
        if not live:
            return {}
        flagged = {i.field for i in with_values(self.trained, live).validate()}
        live = {k: v for k, v in live.items() if k not in flagged}
        if not live or with_values(self.trained, live).validate():
            return {}
        return live

    def choose_data(self, data: DataConfig) -> None:
        """Take the data a view chose.  Before training, a folder of images also decides the image size and
        channels, and leaving it goes back to 28×28 gray (`data.folder.shape_for_data`).  A plain folder (no
        class sub-folders) that a conditional recipe cannot train takes the folder's unconditional recipe
        (`data.folder.folder_recipe`); `folder_recipe` keeps what was decided and why (the Dataset panel's
        line)."""
        cfg = self.config.replace(data=data)
        if not self.active:
            from .data.folder import FOLDER_PRESET, folder_recipe, shape_for_data

            old = self.config.data
            folder = data.source == "folder" and bool(data.path)
            changed = folder and (old.source != "folder" or old.path != data.path)
            recipe = None
            if changed or (folder and (data.folder_labels != old.folder_labels or self.folder_recipe is None)):
                recipe = folder_recipe(data.path, data.folder_labels)      # one look at the folder
            # a new folder decides the shape (the recipe's, as `shape_for_data` would); leaving one goes to 28 gray
            shape = (recipe.image_size, recipe.channels) if changed else shape_for_data(old, data)
            if shape is not None:
                cfg = cfg.replace(model=cfg.model.replace(image_size=shape[0], channels=shape[1]))
            if data.source != "folder":
                self.folder_recipe = None
                if old.source == "folder" and self.preset_key == FOLDER_PRESET:
                    # the folder's recipe leaves with the folder: back to the default
                    p = get_preset(DEFAULT_PRESET).config()
                    cfg = with_values(cfg, {k: get_value(p, k) for k in PRESET_KEYS}).replace(
                        preset=DEFAULT_PRESET, name=DEFAULT_PRESET)
            elif recipe is not None:
                self.folder_recipe = recipe
                if recipe.preset is not None and cfg.model.conditional:
                    p = get_preset(recipe.preset).config()
                    cfg = with_values(cfg, {k: get_value(p, k) for k in PRESET_KEYS}).replace(
                        preset=recipe.preset, name=recipe.preset)
        self.set_config(cfg)

    def edit(self, **values) -> None:
        """Edit dotted fields: `edit(**{"train.lr_g": 1e-3})`."""
        self.set_config(with_values(self.config, values))

    def issues(self) -> list[ConfigIssue]:
        return self.config.validate()

    def editable(self, key: str) -> bool:
        """While training runs only LIVE fields can change; otherwise every field can."""
        return not self.active or change_rule(key) == LIVE

    # --------------------------------------------------------------- rules
    @property
    def active(self) -> bool:
        return self.state in ("loading", "running", "paused")

    def reference(self) -> ExperimentConfig | None:
        """The config of the networks Train would go on with (trained, or the opened run's)."""
        return self.trained if self.trained is not None else self.opened

    def pending(self) -> dict[str, tuple[str, object, object]]:
        """{key: (rule, trained value, edited value)} for every field edited since the networks were built."""
        ref = self.reference()
        if ref is None:
            return {}
        return {k: (change_rule(k), a, b) for k, (a, b) in differences(ref, self.config).items()}

    def plan(self) -> Plan:
        ref = self.reference()
        if ref is None:
            return Plan("start")
        diff = differences(ref, self.config)
        restarts = tuple(k for k in diff if change_rule(k) == RESTART)
        if restarts:
            return Plan("new", {}, restarts)
        return Plan("continue" if self.trained is not None else "resume", diff)

    # ----------------------------------------------------------- lifecycle
    def set_state(self, state: str, start: tuple[int, float] | None = None) -> None:
        """The lifecycle state; `start`: (step, training time) when the current Train began, as the process says."""
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        if start is not None:
            self.start_step, self.start_elapsed = int(start[0]), float(start[1])
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    def started(self, config: ExperimentConfig | None = None, run_path=None, step: int | None = None) -> None:
        """The training process built (or took over) the networks from `config` (default: the current one)."""
        self.trained = config or self.config
        self.opened = None
        if run_path is not None:
            self.run_path = Path(run_path)
        if step is not None:
            self.step = step
        self.runChanged.emit()

    def loaded_in_process(self, info: dict) -> None:
        """The training process holds the networks now; `info`: its report (device, threads, dataset, run, …)."""
        self.loaded = dict(info)

    def stepped(self, step: int) -> None:
        if step != self.step:
            was_dirty = self.dirty
            self.step = step
            if self.dirty != was_dirty:
                self.runChanged.emit()

    def saved(self, path, step: int) -> None:
        """A checkpoint of `step` was written to `path` (a scratch folder does not count as saved)."""
        self.run_path = Path(path)
        self.step = max(self.step, step)
        if not is_scratch(path):
            self.saved_step = step
        self.runChanged.emit()

    def rolled_back(self, step: int) -> None:
        self.step = step
        self.runChanged.emit()

    def opened_run(self, path, config: ExperimentConfig, step: int) -> None:
        """A run folder was opened: the panels show its settings; Train resumes it."""
        self.trained = None
        self.opened = config
        self.run_path = Path(path)
        self.step = self.saved_step = step
        self.set_config(config)
        self.set_state("idle")
        self.runChanged.emit()

    def reset(self, config: ExperimentConfig | None = None) -> None:
        """New experiment: forget the trained networks and the run folder."""
        self.trained = self.opened = None
        self.loaded = {}
        self.run_path = None
        self.step = self.saved_step = 0
        self.set_state("idle")
        if config is not None:
            self.set_config(config)
        self.runChanged.emit()

    def lost_process(self) -> None:
        """The training process died: what it held in memory is gone; the run folder holds the last save."""
        self.trained = None
        self.loaded = {}
        if self.run_path is not None and (self.run_path / "weights.safetensors").is_file():
            self.opened = self.config if self.opened is None else self.opened
        self.set_state("idle")
        self.runChanged.emit()

    # --------------------------------------------------------------- runs
    @property
    def has_work(self) -> bool:
        return self.trained is not None or self.opened is not None

    @property
    def saved_path(self) -> Path | None:
        """The run folder the user saved (None while it only lives in a scratch folder)."""
        if self.run_path is None:
            return None
        if self._scratch_memo[0] != self.run_path:   # asked with every batch of metrics: resolve once per folder
            self._scratch_memo = (self.run_path, is_scratch(self.run_path))
        return None if self._scratch_memo[1] else self.run_path

    @property
    def dirty(self) -> bool:
        """Trained steps that are not in a saved run."""
        return self.trained is not None and (self.saved_path is None or self.step > self.saved_step)

    def save_action(self, target=None) -> str:
        """What saving to `target` (None: where it is) does: "in place", "move", "copy" or "choose"."""
        if target is None:
            return "in place" if self.saved_path is not None else "choose"
        if self.run_path is None:
            return "in place"
        if Path(target).resolve() == self.run_path.resolve():
            return "in place"
        return "move" if is_scratch(self.run_path) else "copy"

    @property
    def title(self) -> str:
        path = self.saved_path
        return path.name if path is not None else "Untitled experiment"
