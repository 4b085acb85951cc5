"""Run folders: everything about one experiment, on disk, without pickle.

    RUN/
      run.json               configs, versions, dataset identity, step, elapsed, status
      weights.safetensors    G, D, EMA-G weights + fixed noise; config as JSON metadata
      optimizer.safetensors  Adam state, RNG state, data order; param groups as metadata
      metrics.jsonl          one JSON object per training step
      samples/step_NNNNNNN.png   progress grids
      favourites.json        gallery favourites (written by the gallery)

Every file is written to a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written checkpoint.  A checkpoint of
another architecture is refused with a message naming the difference.
"""

from __future__ import annotations

import json
import io
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from .. import __version__
from .atomic import atomic_path, atomic_write_bytes
from .atomic import atomic_write_text as _atomic_write_text
from .config import ConfigError, ExperimentConfig, ModelConfig

FORMAT = "gan-studio-run/1"
GENERATOR_FORMAT = "gan-studio-generator/1"
RUN_FILE = "run.json"
WEIGHTS_FILE = "weights.safetensors"
OPTIMIZER_FILE = "optimizer.safetensors"
METRICS_FILE = "metrics.jsonl"
FAVOURITES_FILE = "favourites.json"


class RunError(Exception):
    """A run folder or checkpoint cannot be used; the message says why."""


class CheckpointMismatch(RunError):
    pass


# ------------------------------------------------------------ scratch runs
SCRATCH_FOLDER = ".unsaved"     # under runs_dir(): runs nobody has saved yet


def scratch_root() -> Path:
    from ..paths import runs_dir

    return runs_dir() / SCRATCH_FOLDER


def new_scratch_dir() -> Path:
    """A fresh folder for a run that is not saved yet: it is a full run folder, written as training goes."""
    import os

    return scratch_root() / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.perf_counter_ns() % 10**6}"


def is_scratch(path) -> bool:
    try:
        return Path(path).resolve().parent == scratch_root().resolve()
    except OSError:
        return False


# ----------------------------------------------------------------- atomic io
def atomic_write_text(path: Path, text: str) -> None:
    try:
        _atomic_write_text(path, text)
    except OSError as exc:
        raise RunError(f"could not write {path}: {exc.strerror or exc}") from exc


def atomic_save_safetensors(path: Path, tensors: dict[str, torch.Tensor], metadata: dict[str, str]) -> None:
    try:
        with atomic_path(path) as tmp:
            save_file({k: v.detach().contiguous().cpu() for k, v in tensors.items()}, str(tmp), metadata=metadata)
    except OSError as exc:
        raise RunError(f"could not write {path}: {exc.strerror or exc}") from exc


def read_safetensors(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Load tensors + metadata; any damage becomes a RunError naming the file."""
    from safetensors import safe_open

    path = Path(path)
    if not path.is_file():
        raise RunError(f"{path.name} is missing from {path.parent}")
    try:
        with safe_open(str(path), framework="pt") as fh:
            metadata = dict(fh.metadata() or {})
        tensors = load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise RunError(f"{path.name} is damaged or not a safetensors file ({exc})") from None
    return tensors, metadata


# ------------------------------------------------------------- config checks
def describe_model(m: ModelConfig) -> str:
    kind = ("conditional " if m.conditional else "") + {"mlp": "MLP GAN", "dcgan": "DCGAN"}[m.arch]
    return f"{kind}, {m.image_size}×{m.image_size}×{m.channels}, latent {m.latent_dim}, widths G{m.g_width}/D{m.d_width}"


def model_mismatch(saved: ModelConfig, wanted: ModelConfig) -> list[str]:
    differences = []
    for name, a in saved.to_dict().items():
        b = getattr(wanted, name)
        if a != b:
            differences.append(f"{name}: checkpoint has {a!r}, this experiment has {b!r}")
    return differences


# ------------------------------------------------------------------ the run
@dataclass
class RunFolder:
    path: Path
    info: dict

    @property
    def config(self) -> ExperimentConfig:
        return ExperimentConfig.from_dict(self.info["config"])

    @property
    def step(self) -> int:
        return int(self.info.get("step", 0))

    @classmethod
    def create(cls, path, config: ExperimentConfig, dataset_identity: dict | None = None) -> "RunFolder":
        path = Path(path)
        if path.exists() and any(path.iterdir()):
            if (path / RUN_FILE).exists():
                raise RunError(f"{path} already holds a run; open it to resume, or choose another folder")
            raise RunError(f"{path} is not empty; choose an empty or new folder for the run")
        path.mkdir(parents=True, exist_ok=True)
        now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        info = {
            "format": FORMAT,
            "config": config.to_dict(),
            "dataset": dataset_identity or {},
            "created": now,
            "updated": now,
            "step": 0,
            "elapsed_seconds": 0.0,
            "status": "new",
            "versions": versions(),
        }
        run = cls(path, info)
        run._write_info()
        return run

    @classmethod
    def open(cls, path) -> "RunFolder":
        path = Path(path)
        if path.is_file() and path.name == RUN_FILE:
            path = path.parent
        file = path / RUN_FILE
        if not file.is_file():
            raise RunError(f"{path} is not a GAN Studio run (no {RUN_FILE})")
        try:
            info = json.loads(file.read_text("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise RunError(f"{file} is damaged: {exc}") from None
        if not isinstance(info, dict) or info.get("format") != FORMAT:
            raise RunError(f"{file} is not a run description this version understands (format {info.get('format') if isinstance(info, dict) else '?'!r})")
        try:
            ExperimentConfig.from_dict(info.get("config", {})).check()
        except ConfigError as exc:
            raise RunError(f"{file} holds an invalid configuration: {exc}") from None
        return cls(path, info)

    def relocate(self, target) -> str:
        """"Save as": move a scratch run to `target` (it becomes the saved run), or copy a saved run there
        and continue in the copy (the original stays as it was).  Returns "moved" or "copied"."""
        import shutil

        target = Path(target)
        if target.resolve() == self.path.resolve():
            return "moved"
        if target.exists():
            if not target.is_dir() or any(target.iterdir()):
                raise RunError(f"{target} already exists and is not an empty folder; choose a new name")
            target.rmdir()
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            if is_scratch(self.path):
                shutil.move(str(self.path), str(target))
                how = "moved"
            else:
                shutil.copytree(self.path, target, ignore=shutil.ignore_patterns(".lock"))
                how = "copied"
        except OSError as exc:
            raise RunError(f"could not save the run to {target}: {exc.strerror or exc}") from exc
        self.path = target
        return how

    def has_checkpoint(self) -> bool:
        return (self.path / WEIGHTS_FILE).is_file()

    def _write_info(self) -> None:
        self.info["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        atomic_write_text(self.path / RUN_FILE, json.dumps(self.info, indent=2, sort_keys=True))

    # --------------------------------------------------------- checkpoints
    def save_checkpoint(self, trainer, status: str = "paused") -> None:
        """Write the trainer's `state()` (weights, optimizer, RNG, data order) so `restore` continues exactly."""
        state = trainer.state()
        # Optimizer first, weights second: the weights file names the step that counts.
        atomic_save_safetensors(self.path / OPTIMIZER_FILE, state["optim"], dict(state["optim_meta"], format=FORMAT))
        atomic_save_safetensors(self.path / WEIGHTS_FILE, state["weights"], dict(state["weights_meta"], format=FORMAT))
        cfg = trainer.config
        self.info.update(config=cfg.to_dict(), step=trainer.step_count, elapsed_seconds=trainer.elapsed, status=status,
                         versions=versions(), parameters=trainer.parameter_counts())
        self._write_info()

    def restore(self, trainer) -> None:
        """Load this run's checkpoint into a trainer built for the same model."""
        tensors, meta = read_safetensors(self.path / WEIGHTS_FILE)
        try:
            saved = ExperimentConfig.from_json(meta["config"])
        except (KeyError, ConfigError) as exc:
            raise RunError(f"{WEIGHTS_FILE} has no usable configuration ({exc})") from None
        diff = model_mismatch(saved.model, trainer.config.model)
        if diff:
            raise CheckpointMismatch(
                f"this checkpoint is a {describe_model(saved.model)}; the experiment is a "
                f"{describe_model(trainer.config.model)} — " + "; ".join(diff)
            )
        opt, opt_meta = read_safetensors(self.path / OPTIMIZER_FILE)
        if opt_meta.get("step") != meta.get("step"):
            raise RunError("optimizer.safetensors and weights.safetensors are from different steps; the run was interrupted while saving")
        try:
            trainer.load_state({"weights": tensors, "weights_meta": meta, "optim": opt, "optim_meta": opt_meta})
        except (KeyError, ValueError) as exc:
            raise RunError(f"the checkpoint in {self.path} is incomplete or damaged ({exc})") from None
        self.truncate_metrics(trainer.step_count)

    # -------------------------------------------------------------- metrics
    def append_metrics(self, records: Iterable) -> None:
        lines = "".join(json.dumps(r.to_dict() if hasattr(r, "to_dict") else r) + "\n" for r in records)
        if not lines:
            return
        try:
            with open(self.path / METRICS_FILE, "a", encoding="utf-8") as fh:
                fh.write(lines)
        except OSError as exc:
            raise RunError(f"could not write {self.path / METRICS_FILE}: {exc.strerror or exc}") from exc

    def read_metrics(self) -> list[dict]:
        file = self.path / METRICS_FILE
        if not file.exists():
            return []
        rows = []
        for line in file.read_text("utf-8").splitlines():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line cut short by a crash
        return rows

    def truncate_metrics(self, step: int) -> None:
        rows = [r for r in self.read_metrics() if r.get("step", 0) <= step]
        atomic_write_text(self.path / METRICS_FILE, "".join(json.dumps(r) + "\n" for r in rows))

    # -------------------------------------------------------------- samples
    def save_grid(self, step: int, images: np.ndarray) -> Path:
        from PIL import Image
        from .images import tile_grid

        grid = tile_grid(images, pad=2)
        path = self.path / "samples" / f"step_{step:07d}.png"
        buf = io.BytesIO()
        Image.fromarray(grid[..., 0] if grid.shape[-1] == 1 else grid).save(buf, format="PNG")
        try:
            atomic_write_bytes(path, buf.getvalue())
        except OSError as exc:
            raise RunError(f"could not write {path}: {exc.strerror or exc}") from exc
        return path

    # ----------------------------------------------------------- favourites
    def read_favourites(self) -> list[dict]:
        file = self.path / FAVOURITES_FILE
        if not file.exists():
            return []
        try:
            data = json.loads(file.read_text("utf-8"))
        except json.JSONDecodeError:
            raise RunError(f"{file} is damaged") from None
        return list(data.get("favourites", [])) if isinstance(data, dict) else []

    def write_favourites(self, favourites: list[dict]) -> None:
        atomic_write_text(self.path / FAVOURITES_FILE, json.dumps({"favourites": favourites}, indent=2))


def load_prefixed(module: torch.nn.Module, tensors: dict[str, torch.Tensor], prefix: str) -> None:
    state = {k[len(prefix):]: v for k, v in tensors.items() if k.startswith(prefix)}
    expected = module.state_dict()
    missing = sorted(set(expected) - set(state))
    extra = sorted(set(state) - set(expected))
    if missing or extra:
        raise CheckpointMismatch(f"checkpoint layers do not match the {prefix.rstrip('.')} network "
                                 f"(missing: {', '.join(missing[:3]) or 'none'}; unexpected: {', '.join(extra[:3]) or 'none'})")
    for k, v in state.items():
        if v.shape != expected[k].shape:
            raise CheckpointMismatch(f"layer {prefix}{k} has shape {tuple(v.shape)} in the checkpoint, {tuple(expected[k].shape)} in the model")
    module.load_state_dict(state)


def versions() -> dict[str, str]:
    return {"gan_studio": __version__, "torch": torch.__version__, "python": platform.python_version(),
            "numpy": np.__version__}
