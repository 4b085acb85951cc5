"""Run folders: everything about one experiment, on disk, without pickle.

    RUN/
      run.json               configs, versions, dataset identity, step, elapsed, status
      weights.safetensors    G, D, EMA-G weights + fixed noise; config as JSON metadata
      optimizer.safetensors  Adam state, RNG state, data order; param groups as metadata
      metrics.jsonl          one JSON object per training step
      quality.jsonl          one JSON object per quality check (core/training/diagnostics.py), when the meter is on
      snapshots/step_NNNNNNN.safetensors   spaced trainer states to branch from (core/training/snapshots.py)
      samples/step_NNNNNNN.png   progress grids
      favourites.json        gallery favourites (written by the gallery)

Every file is written to a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written checkpoint.  A checkpoint of
another architecture is refused with a message naming the difference.
"""

from __future__ import annotations

import io
import json
import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import numpy as np
from safetensors import SafetensorError   # safetensors.torch (and torch) load where tensors are read or written

from ... import __version__
from ..atomic import atomic_path, atomic_write_bytes, describe_write_failure
from ..atomic import atomic_write_text as _atomic_write_text
from ..config import ConfigError, ExperimentConfig, ModelConfig

if TYPE_CHECKING:   # torch loads where tensors are used: the window shows before PyTorch is imported
    import torch

FORMAT = "gan-studio-run/1"
GENERATOR_FORMAT = "gan-studio-generator/1"
RUN_FILE = "run.json"
WEIGHTS_FILE = "weights.safetensors"
OPTIMIZER_FILE = "optimizer.safetensors"
METRICS_FILE = "metrics.jsonl"
QUALITY_FILE = "quality.jsonl"
FAVOURITES_FILE = "favourites.json"
MANIFEST_FILE = "checkpoint.json"      # written last: the step and sha256 of each checkpoint file
PREV_SUFFIX = ".prev"                  # the previous good checkpoint: weights.prev.safetensors, …
MAX_RUN_FILE_BYTES = 16 * 2**20       # run.json larger than this is refused unread
SPACE_MARGIN = 8 * 2**20               # free space kept beyond a checkpoint's size when saving


def prev_name(name: str) -> str:
    """weights.safetensors → weights.prev.safetensors (like Blender's .blend1)."""
    stem, dot, ext = name.partition(".")
    return f"{stem}{PREV_SUFFIX}{dot}{ext}"


class RunError(Exception):
    """A run folder or checkpoint cannot be used; the message says why."""


class CheckpointMismatch(RunError):
    pass


# ------------------------------------------------------------ scratch runs
SCRATCH_FOLDER = ".unsaved"     # under runs_dir(): runs nobody has saved yet


def scratch_root() -> Path:
    from ...paths import runs_dir

    return runs_dir() / SCRATCH_FOLDER


def new_scratch_dir() -> Path:
    """A fresh folder for a run that is not saved yet: it is a full run folder, written as training goes."""
    import os

    return scratch_root() / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.perf_counter_ns() % 10**6}"


def run_title(path, info: dict | None = None) -> str:
    """A run as a person reads it: its experiment's name (the preset's) and when it was started,
    "seed-mlp · 6 Dec 06:01", for a folder named by the app (a scratch run's `20261206-060131-15847-829404`);
    a folder the user named keeps its name.  Falls back to the folder's name when run.json cannot be read.
    `info`: run.json's contents when the caller has read them already."""
    path = Path(path)
    if not is_scratch(path):
        return path.name
    try:
        if info is None:
            info = json.loads((path / RUN_FILE).read_text("utf-8"))
        name = str((info.get("config") or {}).get("name") or "") or path.name
        created = time.strptime(str(info.get("created", ""))[:19], "%Y-%m-%dT%H:%M:%S")
    except (OSError, ValueError, AttributeError):
        return path.name
    return f"{name} · {created.tm_mday} {time.strftime('%b %H:%M', created)}"


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
    from safetensors.torch import save_file

    try:
        with atomic_path(path) as tmp:
            save_file({k: v.detach().contiguous().cpu() for k, v in tensors.items()}, str(tmp), metadata=metadata)
    except OSError as exc:
        raise RunError(f"could not write {path}: {exc.strerror or exc}") from exc


def _write_file(path: Path, data: bytes) -> None:
    """Write and fsync (the one place checkpoint bytes reach the disk; tests inject failures here)."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _stage(target: Path, data: bytes) -> Path:
    """`data` in a fsynced temp file next to `target` (renamed into place by the caller)."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        _write_file(tmp, data)
        os.chmod(tmp, 0o644)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def read_safetensors(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """Load tensors + metadata; any damage becomes a RunError naming the file."""
    from safetensors import safe_open
    from safetensors.torch import load_file

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


def _tensors_from_bytes(data: bytes, name: str) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """safetensors bytes → tensors + metadata (safetensors' in-memory load drops the metadata)."""
    from safetensors.torch import load

    try:
        n = int.from_bytes(data[:8], "little")
        header = json.loads(data[8:8 + n])
        tensors = load(data)
    except (SafetensorError, ValueError, RuntimeError) as exc:
        raise RunError(f"{name} is damaged or not a safetensors file ({exc})") from None
    meta = header.get("__metadata__") or {} if isinstance(header, dict) else {}
    return tensors, dict(meta)


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
    favourite_issues: list = None       # what read_favourites skipped, one field-named message each
    restored_from: str = ""             # "current" or "previous": which save restore() loaded

    @property
    def config(self) -> ExperimentConfig:
        return ExperimentConfig.from_dict(self.info["config"])

    @property
    def step(self) -> int:
        return int(self.info.get("step", 0))

    @classmethod
    def create(cls, path, config: ExperimentConfig, dataset_identity: dict | None = None) -> "RunFolder":
        path = Path(path)
        try:
            if path.exists() and not path.is_dir():
                raise RunError(f"{path} is a file; choose an empty or new folder for the run")
            if path.exists() and any(path.iterdir()):
                if (path / RUN_FILE).exists():
                    raise RunError(f"{path} already holds a run; open it to resume, or choose another folder")
                raise RunError(f"{path} is not empty; choose an empty or new folder for the run")
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunError(f"could not create the run folder {path}: {exc.strerror or exc}") from None
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
        if file.stat().st_size > MAX_RUN_FILE_BYTES:
            raise RunError(f"{file} is {file.stat().st_size / 2**20:.0f} MB, far larger than a run description "
                           f"(at most {MAX_RUN_FILE_BYTES // 2**20} MB); it is not a GAN Studio run file")
        try:
            info = json.loads(file.read_text("utf-8"))
        except UnicodeDecodeError:
            raise RunError(f"{file} is damaged: it is not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise RunError(f"{file} is damaged: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        except OSError as exc:
            raise RunError(f"{file} cannot be read: {exc.strerror or exc}") from None
        if not isinstance(info, dict) or info.get("format") != FORMAT:
            raise RunError(f"{file} is not a run description this version understands (format {info.get('format') if isinstance(info, dict) else '?'!r})")
        if not isinstance(info.get("config"), dict):
            raise RunError(f"{file} has no \"config\" object describing the experiment; the run cannot be used")
        step = info.get("step", 0)
        if not isinstance(step, int) or isinstance(step, bool) or step < 0:
            raise RunError(f"{file}: step must be a whole number of at least 0 (got {step!r})")
        dataset = info.get("dataset", {})
        if dataset is not None and not isinstance(dataset, dict):
            raise RunError(f"{file}: dataset must be a JSON object describing the training data")
        names = (dataset or {}).get("class_names")
        if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            raise RunError(f"{file}: dataset.class_names must be a list of names")
        try:
            ExperimentConfig.from_dict(info["config"]).check()
        except (ConfigError, TypeError) as exc:
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
            raise RunError(f"could not save the run to {target}: {_copy_failure(target, exc)}") from exc
        self.path = target
        return how

    def has_checkpoint(self) -> bool:
        return (self.path / WEIGHTS_FILE).is_file()

    def _write_info(self) -> None:
        self.info["updated"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        atomic_write_text(self.path / RUN_FILE, json.dumps(self.info, indent=2, sort_keys=True))

    # --------------------------------------------------------- checkpoints
    def clean_temp_files(self) -> list[Path]:
        """Remove temp files a save cut short by a crash left behind (call only while holding the run lock)."""
        removed = []
        for folder in (self.path, self.path / "samples"):
            for tmp in folder.glob(".*.tmp"):
                try:
                    tmp.unlink()
                    removed.append(tmp)
                except OSError:
                    pass
        return removed

    def mark_status(self, status: str) -> int:
        """Record a status in run.json without touching the checkpoint; returns the checkpoint's step."""
        self.info["status"] = status
        self._write_info()
        return self.step

    def save_checkpoint(self, trainer, status: str = "paused") -> None:
        """Write the trainer's `state()` (weights, optimizer, RNG, data order) so `restore` continues exactly.

        One consistent unit: both files are written (each atomically), then `checkpoint.json` naming their
        step and sha256 is written last; `restore` only accepts files matching a manifest.  The previous
        good checkpoint stays as weights.prev.safetensors / optimizer.prev.safetensors (+ checkpoint.prev.json).
        Non-finite weights, too little free space or a failing disk raise RunError and leave the
        previous checkpoint as it was."""
        import hashlib
        import shutil

        import torch
        from safetensors.torch import save as to_bytes

        had = (self.path / MANIFEST_FILE).is_file() or (self.path / WEIGHTS_FILE).is_file()
        kept = (f"the last good checkpoint (step {self.step}) is kept" if had else
                "the run has no earlier checkpoint")
        state = trainer.state()
        bad = sorted(k for k, v in {**state["weights"], **state["optim"]}.items()
                     if v.is_floating_point() and not bool(torch.isfinite(v).all()))
        if bad:
            raise RunError(f"not saved: the model holds infinite or not-a-number values ({', '.join(bad[:3])}"
                           f"{', …' if len(bad) > 3 else ''}); {kept}")
        blobs = {
            WEIGHTS_FILE: to_bytes({k: v.detach().contiguous().cpu() for k, v in state["weights"].items()},
                                   dict(state["weights_meta"], format=FORMAT)),
            OPTIMIZER_FILE: to_bytes({k: v.detach().contiguous().cpu() for k, v in state["optim"].items()},
                                     dict(state["optim_meta"], format=FORMAT)),
        }
        need = sum(len(b) for b in blobs.values()) + SPACE_MARGIN
        try:
            free = shutil.disk_usage(self.path).free
        except OSError:
            free = None
        if free is not None and free < need:
            raise RunError(f"not saved: {self.path} has {free / 2**20:.1f} MB free and the checkpoint needs "
                           f"{need / 2**20:.1f} MB; {kept} — free some space and save again")
        manifest = {"format": FORMAT, "step": trainer.step_count, "elapsed_seconds": trainer.elapsed,
                    "files": {name: {"sha256": hashlib.sha256(b).hexdigest(), "bytes": len(b)}
                              for name, b in blobs.items()}}
        staged: dict[str, Path] = {}
        writing = self.path / OPTIMIZER_FILE
        try:
            # 1. the new files under temp names: a full disk or a read-only folder stops here, nothing touched
            for name in (OPTIMIZER_FILE, WEIGHTS_FILE):
                writing = self.path / name
                staged[name] = _stage(writing, blobs[name])
            # 2. the current checkpoint becomes the previous one (hard links), 3. renames, 4. the manifest
            writing = self.path / prev_name(WEIGHTS_FILE)
            self._keep_previous()
            for name in (OPTIMIZER_FILE, WEIGHTS_FILE):
                writing = self.path / name
                os.replace(staged.pop(name), self.path / name)
            writing = self.path / MANIFEST_FILE
            _atomic_write_text(self.path / MANIFEST_FILE, json.dumps(manifest, indent=2))
        except OSError as exc:
            raise RunError(f"not saved: could not write {writing.name} in {self.path}: "
                           f"{describe_write_failure(writing, exc, need)}; {kept}") from exc
        finally:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
        cfg = trainer.config
        self.info.update(config=cfg.to_dict(), step=trainer.step_count, elapsed_seconds=trainer.elapsed, status=status,
                         versions=versions(), parameters=trainer.parameter_counts())
        self._write_info()

    def _keep_previous(self) -> None:
        """Hard-link (or copy) the current consistent checkpoint to its .prev names before it is replaced."""
        import os
        import shutil

        manifest = self.path / MANIFEST_FILE
        found: dict[str, str] = {}
        if not manifest.is_file() or self._resolve(manifest, found) is None:
            return
        for name in (WEIGHTS_FILE, OPTIMIZER_FILE):
            source = self.path / found[name]     # the file that matched the manifest (current or .prev name)
            if found[name] == prev_name(name):
                continue                         # already in place
            with atomic_path(self.path / prev_name(name)) as tmp:
                tmp.unlink()
                try:
                    os.link(source, tmp)
                except OSError:
                    shutil.copyfile(source, tmp)
        atomic_write_bytes(self.path / prev_name(MANIFEST_FILE), manifest.read_bytes())

    def _resolve(self, manifest_file: Path, found_names: dict | None = None) -> dict[str, bytes] | None:
        """The checkpoint files a manifest names, found by checksum under their own or their .prev names;
        None when any is missing or damaged."""
        import hashlib

        try:
            manifest = json.loads(manifest_file.read_text("utf-8"))
            files = manifest["files"]
            wanted = {name: str(files[name]["sha256"]) for name in (WEIGHTS_FILE, OPTIMIZER_FILE)}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        found = {}
        for name, digest in wanted.items():
            for candidate in (name, prev_name(name)):
                try:
                    data = (self.path / candidate).read_bytes()
                except OSError:
                    continue
                if hashlib.sha256(data).hexdigest() == digest:
                    found[name] = data
                    if found_names is not None:
                        found_names[name] = candidate
                    break
            else:
                return None
        return found

    def _unmatched(self, manifest_file: Path) -> list[str] | None:
        """The checkpoint files that match `manifest_file` under neither their own nor their .prev name;
        None when the manifest itself cannot be read."""
        import hashlib

        try:
            files = json.loads(manifest_file.read_text("utf-8"))["files"]
            wanted = {name: str(files[name]["sha256"]) for name in (WEIGHTS_FILE, OPTIMIZER_FILE)}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        bad = []
        for name, digest in wanted.items():
            digests = []
            for candidate in (name, prev_name(name)):
                try:
                    digests.append(hashlib.sha256((self.path / candidate).read_bytes()).hexdigest())
                except OSError:
                    continue
            if digest not in digests:
                bad.append(name)
        return bad

    def restore(self, trainer) -> None:
        """Load this run's checkpoint into a trainer built for the same model.

        With a manifest, the newest save whose files all match it is loaded (the current one, else the
        previous one); `restored_from` says which."""
        self.restored_from = "current"
        blobs = None
        if (self.path / MANIFEST_FILE).is_file():
            blobs = self._resolve(self.path / MANIFEST_FILE)
            if blobs is None and (self.path / prev_name(MANIFEST_FILE)).is_file():
                blobs = self._resolve(self.path / prev_name(MANIFEST_FILE))
                self.restored_from = "previous"
            if blobs is None:
                names = self._unmatched(self.path / MANIFEST_FILE)
                if names is None:
                    raise RunError(f"{MANIFEST_FILE} in {self.path} is damaged, so the checkpoint files cannot be "
                                   f"checked, and no earlier complete save exists")
                raise RunError(f"{' and '.join(names)} {'is' if len(names) == 1 else 'are'} damaged or missing: "
                               f"the checkpoint files in {self.path} do not match {MANIFEST_FILE} and no earlier "
                               f"complete save exists")
            tensors, meta = _tensors_from_bytes(blobs[WEIGHTS_FILE], WEIGHTS_FILE)
            opt, opt_meta = _tensors_from_bytes(blobs[OPTIMIZER_FILE], OPTIMIZER_FILE)
        else:   # a run saved before manifests
            tensors, meta = read_safetensors(self.path / WEIGHTS_FILE)
            opt, opt_meta = None, None
        try:
            saved = ExperimentConfig.from_json(meta["config"])
        except (KeyError, ConfigError, ValueError) as exc:
            raise RunError(f"{WEIGHTS_FILE} has no usable configuration ({exc})") from None
        diff = model_mismatch(saved.model, trainer.config.model)
        if diff:
            raise CheckpointMismatch(
                f"this checkpoint is a {describe_model(saved.model)}; the experiment is a "
                f"{describe_model(trainer.config.model)} — " + "; ".join(diff)
            )
        if opt is None:
            opt, opt_meta = read_safetensors(self.path / OPTIMIZER_FILE)
        if opt_meta.get("step") != meta.get("step"):
            raise RunError("optimizer.safetensors and weights.safetensors are from different steps; the run was interrupted while saving")
        try:
            trainer.load_state({"weights": tensors, "weights_meta": meta, "optim": opt, "optim_meta": opt_meta})
        except (KeyError, ValueError) as exc:
            raise RunError(f"the checkpoint in {self.path} is incomplete or damaged ({exc})") from None
        self.truncate_metrics(trainer.step_count)

    # -------------------------------------------------------------- metrics
    def _append_rows(self, name: str, rows: Iterable) -> None:
        """Append rows (objects with `to_dict`, or dicts) to the JSON-lines file `name`, one object a line."""
        lines = "".join(json.dumps(r.to_dict() if hasattr(r, "to_dict") else r) + "\n" for r in rows)
        if not lines:
            return
        try:
            with open(self.path / name, "a", encoding="utf-8") as fh:
                fh.write(lines)
        except OSError as exc:
            raise RunError(f"could not write {self.path / name}: {exc.strerror or exc}") from exc

    def _read_rows(self, name: str) -> list[dict]:
        """The rows of the JSON-lines file `name` (numbers only; damaged lines skipped); [] when absent."""
        file = self.path / name
        if not file.exists():
            return []
        return parse_metrics(file.read_bytes().decode("utf-8", errors="replace"))

    def append_metrics(self, records: Iterable) -> None:
        self._append_rows(METRICS_FILE, records)

    def read_metrics(self) -> list[dict]:
        return self._read_rows(METRICS_FILE)

    def compact_metrics(self, max_bytes: int) -> int:
        """Keep metrics.jsonl within `max_bytes` (its share of the run's disk budget): when it is larger, every
        second row of its older half is dropped and the newest half stays at one row a step, so older training
        is kept at ever wider spacing (each compaction thins it again) and the file never grows without end.
        The first row always stays.  Returns the number of rows dropped (0: nothing to do).  The file is
        replaced atomically; a follower notices the new file and reads it again."""
        file = self.path / METRICS_FILE
        try:
            if max_bytes <= 0 or file.stat().st_size <= max_bytes:
                return 0
        except OSError:
            return 0
        rows = self.read_metrics()
        half = len(rows) // 2
        kept = rows[:half:2] + rows[half:]
        atomic_write_text(file, "".join(json.dumps(r) + "\n" for r in kept))
        return len(rows) - len(kept)

    def truncate_metrics(self, step: int) -> None:
        rows = [r for r in self.read_metrics() if r["step"] <= step]
        atomic_write_text(self.path / METRICS_FILE, "".join(json.dumps(r) + "\n" for r in rows))
        if (self.path / QUALITY_FILE).exists():
            quality = [r for r in self.read_quality() if r["step"] <= step]
            atomic_write_text(self.path / QUALITY_FILE, "".join(json.dumps(r) + "\n" for r in quality))

    # -------------------------------------------------------------- quality
    def append_quality(self, rows: Iterable) -> None:
        """Quality checks (`diagnostics.QualityPoint` or their dicts), one JSON object a line."""
        self._append_rows(QUALITY_FILE, rows)

    def read_quality(self) -> list[dict]:
        """The quality rows (numbers only, like metrics rows); damaged lines are skipped."""
        return self._read_rows(QUALITY_FILE)

    # -------------------------------------------------------------- samples
    def save_grid(self, step: int, images: np.ndarray, cols: int | None = None) -> Path:
        """samples/step_N.png: the progress grid (`cols` columns; None: square-ish)."""
        from PIL import Image
        from ..images import tile_grid

        grid = tile_grid(images, cols=cols, pad=2)
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
        from ..explore.favourites import parse_favourites

        if file.stat().st_size > MAX_RUN_FILE_BYTES:
            raise RunError(f"{file} is damaged: {file.stat().st_size / 2**20:.0f} MB, more than the "
                           f"{MAX_RUN_FILE_BYTES // 2**20} MB a favourites file may have")
        try:
            data = json.loads(file.read_text("utf-8"))
        except (ValueError, OSError):
            raise RunError(f"{file} is damaged: not valid JSON text") from None
        good, self.favourite_issues = parse_favourites(data)
        return good

    def write_favourites(self, favourites: list[dict]) -> None:
        atomic_write_text(self.path / FAVOURITES_FILE, json.dumps({"favourites": favourites}, indent=2))


def _copy_failure(target: Path, exc: OSError) -> str:
    """Why copying a run folder to `target` failed, in plain words: shutil.Error carries a list of
    (source, destination, reason) — one line names the first file and how many failed, never the raw list.
    The part already copied is removed (the original folder is unchanged)."""
    import shutil

    from ..atomic import describe_write_failure

    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
        failures = exc.args[0]
        first = failures[0]
        dest, why = (first[1], first[2]) if isinstance(first, tuple) and len(first) == 3 else (target, str(first))
        reason = str(why)
        if "No space left" in reason or "Errno 28" in reason:
            reason = "the disk is full"
        more = f" and {len(failures) - 1:,} more file(s)" if len(failures) > 1 else ""
        text = f"{Path(dest).name}{more} could not be copied ({reason})"
    else:
        text = describe_write_failure(Path(getattr(exc, "filename", None) or target), exc)
    shutil.rmtree(target, ignore_errors=True)
    return text + "; the run stays where it was"


def _metric_row(row) -> bool:
    """One step's metrics: a JSON object with a whole-number step and numbers (or null) for values."""
    if not isinstance(row, dict):
        return False
    step = row.get("step")
    if not isinstance(step, int) or isinstance(step, bool) or step < 0:
        return False
    return all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in row.values())


def parse_metrics(text: str) -> list[dict]:
    """The rows of a metrics.jsonl text; lines cut short by a crash, or that are not one step's numbers
    (a list, text where a number belongs), are skipped."""
    rows = []
    for line in text.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # a line cut short by a crash
        if _metric_row(row):
            rows.append(row)
    return rows


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
    import torch

    return {"gan_studio": __version__, "torch": torch.__version__, "python": platform.python_version(),
            "numpy": np.__version__}
