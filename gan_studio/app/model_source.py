"""The generator the Gallery and Explore tabs share, with its favourites and breeding lineage.

`ModelSource` is a small QObject: it holds the current `GeneratorModel`, the
favourites of that model (stored with the run via `RunFolder.write_favourites`,
or in ``user_data_dir()/favourites/<model name>.json`` for exported generators)
and the breeding `Lineage` (saved as JSON next to the favourites).  Images are
handed between tabs as `Pick`s: a latent plus the address it came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.explore.generator import GeneratorModel, load_generator
from ..core.explore.breeding import Lineage, root_creature
from ..core.explore.latent import latent_for
from ..core.atomic import set_aside
from ..core.run_folders.runs import FAVOURITES_FILE, RunFolder, atomic_write_text
from ..paths import resource_path, user_data_dir
from .i18n import tr

DEFAULT_MODEL = ("models", "pretrained-mnist.safetensors")
LINEAGE_FILE = "lineage.json"


class ModelSourceError(RuntimeError):
    """A model could not be opened; the message is meant for the user."""


@dataclass
class Pick:
    """One image handed between views: its latent, class and (when it has one) its address."""

    latent: np.ndarray
    label: int | None = None
    seed: int | None = None
    index: int | None = None
    truncation: float | None = None
    creature_id: str | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_address(cls, model: GeneratorModel, seed: int, index: int, label: int | None = None,
                     truncation: float | None = None) -> "Pick":
        return cls(latent_for(seed, index, model.latent_dim, truncation or None),
                   label if model.conditional else None, int(seed), int(index), truncation or None)

    @classmethod
    def from_favourite(cls, model: GeneratorModel, fav: dict) -> "Pick":
        if fav.get("seed") is None and fav.get("latent") is not None:   # a plane cell, a bred child, …
            return cls(np.asarray(fav["latent"], dtype=np.float32), fav.get("label") if model.conditional else None,
                       creature_id=fav.get("creature"), extra={"origin": fav.get("origin")})
        return cls.from_address(model, int(fav["seed"]), int(fav["index"]), fav.get("label"),
                                fav.get("truncation"))

    def key(self) -> tuple:
        if self.seed is None:
            return latent_key(self.latent, self.label)
        return (self.seed, self.index, self.label, self.truncation)

    def caption(self, model=None) -> str:
        """Seed and index, and the class: "digit 3" for a digit model (or none given), else `model`'s name for it."""
        from .wording import class_name

        parts = []
        if self.seed is not None:
            parts += [tr("seed {seed}").format(seed=self.seed), f"#{self.index}"]
        elif self.creature_id:
            parts.append(tr("bred {id}").format(id=self.creature_id[:7]))
        if self.label is not None:
            parts.append(class_name(model, self.label))
        if self.truncation:
            parts.append(f"ψ {self.truncation:g}")
        return " · ".join(parts) or tr("latent")

    def favourite(self) -> dict:
        fav = {"seed": self.seed, "index": self.index, "label": self.label, "truncation": self.truncation}
        if self.seed is None:        # no address: keep the latent itself
            fav["latent"] = [round(float(v), 6) for v in np.asarray(self.latent, dtype=np.float32).ravel()]
            if self.creature_id:
                fav["creature"] = self.creature_id
            if self.extra.get("origin"):
                fav["origin"] = self.extra["origin"]
        return fav


def latent_key(latent, label) -> tuple:
    """The favourite key of an image known only by its latent (rounded as favourites store it)."""
    import hashlib

    z = np.round(np.asarray(latent, dtype=np.float64).ravel(), 6).astype(np.float32)
    return ("z", hashlib.sha1(z.tobytes()).hexdigest()[:16], label)


def favourite_key(fav: dict) -> tuple:
    if fav.get("seed") is None and fav.get("latent") is not None:
        return latent_key(fav["latent"], fav.get("label"))
    return (fav.get("seed"), fav.get("index"), fav.get("label"), fav.get("truncation") or None)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _slug(name: str) -> str:
    return _UNSAFE.sub("-", name).strip("-._")[:80] or "model"


class ModelSource(QObject):
    modelChanged = Signal(object)        # GeneratorModel or None
    favouritesChanged = Signal()
    lineageChanged = Signal()
    picksSent = Signal(list, str)        # list[Pick], target: "interpolate" / "plane" / "directions" / "breed"
    status = Signal(str)

    def __init__(self, model: GeneratorModel | None = None, parent=None):
        super().__init__(parent)
        self._model: GeneratorModel | None = None
        self._favourites: list[dict] = []
        self._unreadable: Path | None = None      # a favourites file that could not be read in full
        self.lineage = Lineage()
        self.directions_cache: dict[int, object] = {}
        if model is not None:
            self.set_model(model)

    # ------------------------------------------------------------------ model
    @property
    def model(self) -> GeneratorModel | None:
        return self._model

    def set_model(self, model: GeneratorModel | None) -> None:
        self._model = model
        self._favourites = self._read_favourites() if model is not None else []
        self.lineage = self._read_lineage() if model is not None else Lineage()
        self.modelChanged.emit(model)
        self.favouritesChanged.emit()
        self.lineageChanged.emit()

    def open(self, path) -> GeneratorModel:
        """Load a run folder or an exported generator; raises `ModelSourceError` with a readable message."""
        try:
            model = load_generator(path)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a message for the user
            raise ModelSourceError(tr("Could not open {name}: {error}").format(name=Path(path).name, error=exc)) \
                from exc
        self.set_model(model)
        self.status.emit(tr("Showing the digit generator that comes with GAN Studio") if self.is_shipped(model)
                         else tr("Opened {name}").format(name=model.name))
        return model

    def is_shipped(self, model) -> bool:
        """The generator shipped with the app (its file is `default_path()`)."""
        try:
            return model is not None and Path(model.source).resolve() == self.default_path().resolve()
        except (OSError, TypeError):
            return False

    @staticmethod
    def default_path() -> Path:
        return resource_path(*DEFAULT_MODEL)

    def load_default(self) -> GeneratorModel:
        path = self.default_path()
        if not path.is_file():
            raise ModelSourceError(
                tr("The pretrained digit generator is missing ({path}). The installation is incomplete: "
                   "train a model on the Train tab, or open a run folder or an exported generator.").format(
                    path=path))
        return self.open(path)

    # ------------------------------------------------------------- favourites
    @staticmethod
    def _run_dir(m) -> Path | None:
        """The model's run folder; None for exported files and for models with no folder (source ".":
        the live training's generator), whose favourites and lineage must not land in the working directory."""
        source = Path(m.source)
        return source if str(source) not in ("", ".") and source.is_dir() else None

    def favourites_path(self) -> Path | None:
        """Where favourites live: the run folder's own file, or the per-user folder for exported models."""
        m = self._model
        if m is None:
            return None
        if self._run_dir(m) is not None:
            return None  # stored with the run (RunFolder.write_favourites)
        return user_data_dir() / "favourites" / f"{_slug(m.name)}.json"

    def _run(self) -> RunFolder | None:
        m = self._model
        if m is not None and self._run_dir(m) is not None:
            try:
                return RunFolder.open(m.source)
            except Exception:  # noqa: BLE001
                return None
        return None

    def _favourites_file(self) -> Path | None:
        run = self._run()
        return run.path / FAVOURITES_FILE if run is not None else self.favourites_path()

    def _read_favourites(self) -> list[dict]:
        """The favourites on disk.  A file that cannot be read in full is remembered in `_unreadable`:
        the next write first keeps it aside (`set_aside`), so a damaged file never becomes a loss."""
        self._unreadable = None
        try:
            run = self._run()
            if run is not None:
                good = [f for f in run.read_favourites() if isinstance(f, dict) and "seed" in f]
                if run.favourite_issues:
                    self._unreadable = run.path / FAVOURITES_FILE
                return good
            path = self.favourites_path()
            if path is not None and path.is_file():
                data = json.loads(path.read_text("utf-8"))
                items = data.get("favourites", [])
                good = [f for f in items if isinstance(f, dict) and "seed" in f]
                if len(good) != len(items):
                    self._unreadable = path
                return good
        except Exception as exc:  # noqa: BLE001 - damaged file: start empty, say so, never write over it
            self._unreadable = self._favourites_file()
            self.status.emit(tr("Favourites could not be read: {error}. The file is kept as it is; starring an "
                                "image keeps it aside as a .bak file and starts a new list.").format(error=exc))
        return []

    def _keep_unreadable_aside(self) -> bool:
        """Before the first write over a file that could not be read: move it aside. False when it must not
        be written (the file could not be moved)."""
        path = getattr(self, "_unreadable", None)
        if path is None or not Path(path).exists():
            self._unreadable = None
            return True
        kept = set_aside(path)
        if kept is None:
            self.status.emit(tr("Favourites not saved: {path} could not be read and could not be moved aside, "
                                "so it is left as it is").format(path=path))
            return False
        self._unreadable = None
        self.status.emit(tr("The favourites file that could not be read was kept as {path}").format(path=kept))
        return True

    def _write_favourites(self) -> None:
        if not self._keep_unreadable_aside():
            return
        run = self._run()
        if run is not None:
            run.write_favourites(list(self._favourites))
            return
        path = self.favourites_path()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, json.dumps({"model": self._model.name, "favourites": self._favourites},
                                               indent=2))

    def favourites(self) -> list[dict]:
        return list(self._favourites)

    def is_favourite(self, key: tuple) -> bool:
        return any(favourite_key(f) == key for f in self._favourites)

    def add_favourites(self, picks: list[Pick]) -> int:
        added = 0
        for p in picks:
            if (p.seed is None and p.latent is None) or self.is_favourite(p.key()):
                continue
            self._favourites.append(p.favourite())
            added += 1
        if added:
            self._write_favourites()
            self.favouritesChanged.emit()
        return added

    def remove_favourites(self, keys: list[tuple]) -> int:
        keys = set(keys)
        before = len(self._favourites)
        self._favourites = [f for f in self._favourites if favourite_key(f) not in keys]
        removed = before - len(self._favourites)
        if removed:
            self._write_favourites()
            self.favouritesChanged.emit()
        return removed

    def toggle_favourites(self, picks: list[Pick]) -> bool:
        """Star all picks, or un-star them all when every one is already a favourite. Returns the new state."""
        if picks and all(self.is_favourite(p.key()) for p in picks):
            self.remove_favourites([p.key() for p in picks])
            return False
        self.add_favourites(picks)
        return True

    def favourite_picks(self) -> list[Pick]:
        if self._model is None:
            return []
        return [Pick.from_favourite(self._model, f) for f in self._favourites]

    # ---------------------------------------------------------------- lineage
    def lineage_path(self) -> Path | None:
        m = self._model
        if m is None:
            return None
        if self._run_dir(m) is not None:
            return Path(m.source) / LINEAGE_FILE
        return user_data_dir() / "favourites" / f"{_slug(m.name)}.lineage.json"

    def _read_lineage(self) -> Lineage:
        path = self.lineage_path()
        if path is not None and path.is_file():
            try:
                return Lineage.from_json(path.read_text("utf-8"))
            except Exception as exc:  # noqa: BLE001
                kept = set_aside(path)      # the next save must not write over it
                self.status.emit(tr("The breeding lineage could not be read: {error}").format(error=exc) + (
                    tr(" (kept as {path})").format(path=kept) if kept is not None else ""))
                self._lineage_stuck = kept is None and path.exists()
                return Lineage()
        self._lineage_stuck = False
        return Lineage()

    def save_lineage(self) -> None:
        path = self.lineage_path()
        if path is None or getattr(self, "_lineage_stuck", False):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, self.lineage.to_json())
        self.lineageChanged.emit()

    def creature_for(self, pick: Pick):
        """The lineage creature for a pick (a root for seeded picks), added to the lineage if new."""
        m = self._model
        if pick.creature_id and pick.creature_id in self.lineage:
            return self.lineage[pick.creature_id]
        if pick.seed is not None and m is not None:
            c = root_creature(pick.seed, pick.index, m.latent_dim, pick.truncation, pick.label)
            if c.id not in self.lineage:
                self.lineage.add(c)
            pick.creature_id = c.id
            return self.lineage[c.id]
        raise ValueError(tr("this image has no seed address and is not in the lineage"))

    # --------------------------------------------------------------- hand-off
    def send_to_explore(self, picks: list[Pick], target: str = "interpolate") -> None:
        if picks:
            self.picksSent.emit(list(picks), target)
