"""Follow a run folder that another process writes.

A `gan-studio train --out RUN` in a terminal, or a GPU server whose run
folder is synced here, writes the run; the GUI (from a background thread) or
a terminal follows it by calling `RunFollower.poll()` about once a second:

    follower = RunFollower(run_dir)            # RunError if it is not a run
    while True:
        update = follower.poll()
        if update.reset: plot.clear()
        plot.extend(update.rows)               # dicts as in metrics.jsonl
        if update.sample: show(update.sample.load())
        time.sleep(1.0)

Each poll costs a few `stat` calls, one read of the bytes appended to
metrics.jsonl since the last poll, one small read of run.json and (only when
the samples folder changed) one listing of it.  The first poll reads the
whole metrics file in one go: about a second for 100k rows (25 MB) on a slow CPU.

Nothing here raises on what a concurrent writer or a sync tool leaves
half-done: a half-written last metrics line waits for the next poll, a
metrics file that got shorter or was replaced (rollback, resume, re-sync) is
re-read from the start with `reset=True`, malformed rows are skipped, and a
damaged run.json keeps the previous status.  Qt-free.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from .runlock import LockOwner, RunLock, STALE_AFTER
from .runs import FORMAT, METRICS_FILE, QUALITY_FILE, RUN_FILE, WEIGHTS_FILE, RunError

POLL_INTERVAL = 1.0        # seconds; what the GUI and the terminal use
IDLE_AFTER = 30.0          # without a lock file: no file change for this long = not active
WRITING = ("new", "running")   # run.json statuses of a run whose writer is still at work
MAX_GRID_SIDE = 4096       # sample grids wider or taller than this are refused
SAMPLES_DIR = "samples"
_SAMPLE_NAME = re.compile(r"^step_(\d+)\.png$")
_TAIL = 1024               # bytes before the read offset re-checked to notice a file rewritten in place


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class RunStatus:
    status: str            # new / running / paused / stopped / finished / diverged (as written)
    step: int              # the step of the last checkpoint
    updated: str           # run.json's "updated" time, as written (ISO 8601)
    elapsed_seconds: float


@dataclass(frozen=True)
class SampleGrid:
    step: int
    path: Path

    def load(self, max_side: int = MAX_GRID_SIDE) -> np.ndarray:
        """Decode to uint8 (H, W, C); RunError if unreadable or larger than max_side."""
        return load_grid(self.path, max_side)


@dataclass
class FollowUpdate:
    rows: list[dict] = field(default_factory=list)   # new metric rows, in file order
    reset: bool = False            # the metrics file was rewritten: `rows` are all rows, drop the old ones
    sample: SampleGrid | None = None                 # newest progress grid not reported before
    status: RunStatus | None = None                  # latest readable run.json status (None: never readable)
    status_changed: bool = False
    active: bool = False           # a training process still owns the run
    owner: LockOwner | None = None  # from the run's lock file, when there is one
    quality: list[dict] = field(default_factory=list)   # new quality checks (quality.jsonl rows)
    quality_reset: bool = False    # quality.jsonl was rewritten: `quality` holds all its rows
    snapshots: list | None = None  # the run's trainer snapshots (SnapshotInfo), when they changed

    @property
    def changed(self) -> bool:
        return bool(self.rows or self.reset or self.sample is not None or self.status_changed or self.quality
                    or self.quality_reset or self.snapshots is not None)


# --------------------------------------------------------------- grid images
def load_grid(path, max_side: int = MAX_GRID_SIDE) -> np.ndarray:
    """Decode a PNG progress grid to uint8 (H, W, C) with C 1 or 3; refuses images over max_side pixels a side."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)

    def too_big(w: int, h: int) -> RunError:
        return RunError(f"{path.name} is {w}×{h} pixels, larger than the {max_side}×{max_side} "
                        f"a progress grid can be; not loading it")

    try:
        with open(path, "rb") as fh:
            head = fh.read(24)
        if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
            w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
            if w > max_side or h > max_side:     # before Pillow, whose own bomb check is far larger
                raise too_big(w, h)
        with Image.open(path) as im:
            w, h = im.size
            if w > max_side or h > max_side:
                raise too_big(w, h)
            if im.mode not in ("L", "RGB"):
                im = im.convert("RGB" if im.mode in ("P", "PA", "RGBA", "CMYK", "YCbCr", "LAB", "HSV") else "L")
            else:
                im.load()
            arr = np.asarray(im, dtype=np.uint8)
    except RunError:
        raise
    except Image.DecompressionBombError:
        raise RunError(f"{path.name} claims an enormous size; not loading it") from None
    except FileNotFoundError:
        raise RunError(f"{path.name} no longer exists in {path.parent}") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise RunError(f"{path.name} is not a readable PNG (perhaps still being copied): {exc}") from None
    return arr[..., None] if arr.ndim == 2 else arr


# ---------------------------------------------------------------- row checks
_NUMBER_TYPES = frozenset((int, float))     # exact types: not bool (a subclass of int), None or str


def _is_number(v) -> bool:
    return type(v) in _NUMBER_TYPES


def _valid_row(row) -> bool:
    """A dict whose "step" is a non-negative int and whose values are all numbers."""
    if type(row) is not dict:
        return False
    step = row.get("step")
    return type(step) is int and step >= 0 and _NUMBER_TYPES.issuperset(map(type, row.values()))


def _parse_lines(data: bytes) -> list[dict]:
    """Rows from complete JSONL bytes; bad lines are skipped.  Parses in one go when the whole chunk is clean."""
    text = data.decode("utf-8", errors="replace")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return []
    try:
        # One parse for the whole chunk is about twice as fast as one per line.  It is trusted only if
        # it gives one dict per line (a damaged line such as '1, 2' or '{"a": 1' makes it fall back).
        parsed = json.loads("[" + ",".join(lines) + "]")
        if len(parsed) != len(lines) or not all(type(r) is dict for r in parsed):
            raise ValueError
    except ValueError:
        parsed = []
        for ln in lines:
            try:
                parsed.append(json.loads(ln))
            except ValueError:
                continue                # cut short by a crash, or damaged
    return [r for r in parsed if _valid_row(r)]


def _stat(path: Path):
    try:
        return path.stat()
    except OSError:
        return None


# ---------------------------------------------------------------- follower
class RunFollower:
    """Incrementally follows one run folder.  `poll()` is meant to be called about once a second
    (see POLL_INTERVAL), from any one thread at a time (calls are serialised)."""

    def __init__(self, path, idle_after: float = IDLE_AFTER, stale_after: float = STALE_AFTER):
        path = Path(path)
        if path.is_file() and path.name == RUN_FILE:
            path = path.parent
        if not path.exists():
            raise RunError(f"{path} does not exist")
        if not path.is_dir():
            raise RunError(f"{path} is not a folder, so not a GAN Studio run")
        if not (path / RUN_FILE).is_file():
            raise RunError(f"{path} is not a GAN Studio run (no {RUN_FILE})")
        self.path = path
        self.idle_after = float(idle_after)
        self.stale_after = float(stale_after)
        self._lock = threading.Lock()
        # metrics.jsonl
        self._offset = 0                  # bytes consumed: always just after a newline
        self._tail = b""                  # the last bytes consumed, to notice a rewrite
        self._file_id: tuple | None = None
        # samples
        self._samples_key: tuple | None = None
        self._newest: tuple[int, str] | None = None
        self._reported: tuple | None = None
        # run.json
        self._status: RunStatus | None = None
        # quality.jsonl and snapshots/
        self._q_offset, self._q_id = 0, None
        self._snap_key: tuple | None = None
        info = self._read_info()
        if info is not None and info.get("format") != FORMAT:
            raise RunError(f"{path / RUN_FILE} is not a run description this version understands "
                           f"(format {info.get('format')!r})")

    # ------------------------------------------------------------- polling
    def poll(self) -> FollowUpdate:
        """What changed since the last poll.  Never raises for anything the writer or a sync does."""
        with self._lock:
            update = FollowUpdate()
            update.rows, update.reset = self._poll_metrics()
            update.sample = self._poll_samples()
            update.quality, update.quality_reset = self._poll_quality()
            update.snapshots = self._poll_snapshots()
            status = self._poll_status()
            update.status_changed = status != self._status and status is not None
            if status is not None:
                self._status = status
            update.status = self._status
            update.owner, update.active = self._activity()
            if update.owner is None and self._status is not None and self._status.status not in WRITING:
                update.active = False       # no writer holds it and it was closed as finished / stopped / …
            return update

    def watch(self, interval: float = POLL_INTERVAL, should_stop: Callable[[], bool] | None = None,
              only_changes: bool = True) -> Iterator[FollowUpdate]:
        """Poll every `interval` seconds and yield updates (only those with changes unless told otherwise)."""
        while should_stop is None or not should_stop():
            update = self.poll()
            if update.changed or not only_changes:
                yield update
            time.sleep(interval)

    # ------------------------------------------------------------- metrics
    def _reset_metrics(self) -> None:
        self._offset, self._tail, self._file_id = 0, b"", None

    def _poll_metrics(self) -> tuple[list[dict], bool]:
        file = self.path / METRICS_FILE
        try:
            with open(file, "rb") as fh:
                st = os.fstat(fh.fileno())
                file_id = (st.st_dev, st.st_ino) if st.st_ino else None
                reset = self._offset > 0 and (
                    st.st_size < self._offset
                    or (file_id is not None and self._file_id is not None and file_id != self._file_id)
                    or not self._tail_matches(fh))
                if reset:
                    self._reset_metrics()
                self._file_id = file_id
                if st.st_size == self._offset:
                    return [], reset
                fh.seek(self._offset)
                data = fh.read()
        except FileNotFoundError:
            was = self._offset > 0
            self._reset_metrics()
            return [], was                # removed: whoever shows the rows should drop them
        except OSError:
            return [], False              # e.g. locked for a moment on Windows: next poll
        end = data.rfind(b"\n")
        if end < 0:
            return [], reset              # only a partial line so far
        complete = data[:end + 1]
        self._offset += len(complete)
        self._tail = (self._tail + complete)[-_TAIL:]
        return _parse_lines(complete), reset

    def _tail_matches(self, fh) -> bool:
        if not self._tail:
            return True
        fh.seek(self._offset - len(self._tail))
        return fh.read(len(self._tail)) == self._tail

    # ------------------------------------------------------------- quality
    def _poll_quality(self) -> tuple[list[dict], bool]:
        """New rows of quality.jsonl (a check every ~10 s: small, so a rewrite is simply read again)."""
        file = self.path / QUALITY_FILE
        try:
            with open(file, "rb") as fh:
                st = os.fstat(fh.fileno())
                ident = (st.st_dev, st.st_ino) if st.st_ino else None
                reset = self._q_offset > 0 and (st.st_size < self._q_offset or ident != self._q_id)
                if reset:
                    self._q_offset = 0
                self._q_id = ident
                if st.st_size == self._q_offset:
                    return [], reset
                fh.seek(self._q_offset)
                data = fh.read()
        except FileNotFoundError:
            was = self._q_offset > 0
            self._q_offset, self._q_id = 0, None
            return [], was
        except OSError:
            return [], False
        end = data.rfind(b"\n")
        if end < 0:
            return [], reset
        self._q_offset += end + 1
        return _parse_lines(data[:end + 1]), reset

    def _poll_snapshots(self):
        from ..training.snapshots import FOLDER, list_snapshots

        st = _stat(self.path / FOLDER)
        key = (st.st_ino, st.st_mtime_ns) if st is not None else None
        if key == self._snap_key:
            return None
        self._snap_key = key
        return list_snapshots(self.path)

    # ------------------------------------------------------------- samples
    def _poll_samples(self) -> SampleGrid | None:
        folder = self.path / SAMPLES_DIR
        st = _stat(folder)
        if st is None:
            self._samples_key, self._newest = None, None
            return None
        key = (st.st_ino, st.st_mtime_ns)
        # Listing is skipped while the folder is unchanged; a coarse-mtime file system gets a 2-s margin.
        if key != self._samples_key or time.time() - st.st_mtime < 2.0:
            newest = None
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        m = _SAMPLE_NAME.match(entry.name)
                        if m and (newest is None or int(m.group(1)) > newest[0]):
                            newest = (int(m.group(1)), entry.name)
            except OSError:
                return None
            self._samples_key, self._newest = key, newest
        if self._newest is None:
            return None
        step, name = self._newest
        path = folder / name
        fst = _stat(path)
        if fst is None:
            self._samples_key = None      # vanished: list again next time
            return None
        ident = (name, fst.st_mtime_ns, fst.st_size)   # a resumed run may rewrite a grid of the same step
        if ident == self._reported:
            return None
        self._reported = ident
        return SampleGrid(step, path)

    # ------------------------------------------------------------- status
    def _read_info(self) -> dict | None:
        try:
            info = json.loads((self.path / RUN_FILE).read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def _poll_status(self) -> RunStatus | None:
        info = self._read_info()
        if info is None or not isinstance(info.get("status"), str):
            return None
        step, elapsed = info.get("step", 0), info.get("elapsed_seconds", 0.0)
        if not isinstance(step, int) or isinstance(step, bool) or not _is_number(elapsed):
            return None
        return RunStatus(info["status"], step, str(info.get("updated", "")),
                         float(elapsed) if math.isfinite(elapsed) else 0.0)

    @property
    def status(self) -> RunStatus | None:
        return self._status

    # ------------------------------------------------------------- activity
    def _activity(self) -> tuple[LockOwner | None, bool]:
        try:
            owner = RunLock.owner(self.path, self.stale_after)
        except OSError:
            owner = None
        if owner is not None:
            return owner, owner.alive
        return None, self.seconds_since_change() < self.idle_after

    def seconds_since_change(self) -> float:
        """Seconds since the newest modification of the run's files (inf when none can be read)."""
        names = (METRICS_FILE, RUN_FILE, WEIGHTS_FILE, SAMPLES_DIR)
        times = [st.st_mtime for st in (_stat(self.path / n) for n in names) if st is not None]
        return max(0.0, time.time() - max(times)) if times else math.inf
