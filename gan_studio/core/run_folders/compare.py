"""Compare runs: several run folders loaded read-only, their curves aligned, their settings diffed.

    runs, failures = load_runs([a, b, c])          # failures: [(path, message)] — the rest still load
    x, y = runs[0].series("loss_d", x="elapsed")   # numpy arrays, sorted by step, one value per step
    runs[1].grid_at(800)                           # the newest progress grid at or before step 800
    table = difference_table(runs)                 # settings that differ, one row per field

A run may be being written by a live training process (or a sync tool) while
it is read: a half-written last metrics line is ignored, lines that are not
one step's numbers are skipped and counted, a run.json that cannot be read or
holds no usable configuration still shows the run's curves (its settings are
then unknown), and a grid PNG that is still being copied is skipped by the
caller (`follow.load_grid` raises RunError).  Nothing here writes.  Qt-free.

Quality events: rows with a quality score (key `quality_score`, or `score`
in a `quality.jsonl` file) are collected as their own series when a run has
them; runs without them simply have none.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..config import ConfigError, ExperimentConfig, differences, field_keys, field_label, get_value
from .runs import MAX_RUN_FILE_BYTES, METRICS_FILE, RUN_FILE, RunError

MIN_RUNS, MAX_RUNS = 2, 6
CURVES = ("loss_d", "loss_g", "d_real", "d_fake")
QUALITY = "quality"              # the series name of the quality score (0–100)
QUALITY_FILE = "quality.jsonl"   # a separate file of quality events, when a run has one
QUALITY_KEYS = ("quality_score", "quality", "score")   # the first numeric one found in a row is the score
QUALITY_EXTRA = ("fd", "fd_floor", "coverage", "classes_covered")
MAX_METRICS_BYTES = 512 * 2**20  # a metrics file larger than this is refused (≈ 2M steps)
SAMPLES_DIR = "samples"
_SAMPLE_NAME = re.compile(r"^step_(\d+)\.png$")
SMOOTHING = 0.98                 # the Train tab's display smoothing of the loss curves


@dataclass(frozen=True)
class Lineage:
    parent: str                  # the parent run's folder, as written
    parent_step: int | None
    changes: dict                # {dotted key: new value} (or whatever the branch wrote)

    @property
    def parent_name(self) -> str:
        return Path(self.parent).name or self.parent

    def describe(self) -> str:
        at = f" at step {self.parent_step:,}" if self.parent_step is not None else ""
        return f"branched from {self.parent_name}{at}"


@dataclass
class RunData:
    """One run folder, read once."""
    path: Path
    name: str
    config: ExperimentConfig | None
    info: dict
    step: int                                    # the last step with metrics (or run.json's step)
    elapsed: float                               # seconds of training at that step
    status: str
    columns: dict[str, np.ndarray]               # "step", "elapsed" and every curve, one value per step
    quality: dict[str, np.ndarray] = field(default_factory=dict)   # "step", "elapsed", "quality", …
    grids: list[tuple[int, Path]] = field(default_factory=list)    # (step, png), sorted by step
    lineage: Lineage | None = None
    notes: list[str] = field(default_factory=list)                 # what was skipped, in plain words
    signature: tuple = ()                                          # the files' sizes and times when read
    _smoothed: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def has_quality(self) -> bool:
        return len(self.quality.get("step", ())) > 0

    def series(self, name: str, x: str = "step") -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of a curve against "step" or "elapsed" (seconds of training); NaN where a row lacks it."""
        cols = self.quality if name == QUALITY or name in QUALITY_EXTRA else self.columns
        if name not in cols or x not in cols:
            return np.empty(0), np.empty(0)
        return cols[x], cols[name]

    def smoothed(self, name: str) -> np.ndarray:
        """`smooth()` of a curve's values (computed once per run read)."""
        if name not in self._smoothed:
            self._smoothed[name] = smooth(self.series(name)[1])
        return self._smoothed[name]

    def grid_at(self, step: int) -> tuple[int, Path] | None:
        """The newest progress grid saved at or before `step` (None when the run has none that early)."""
        steps = [s for s, _ in self.grids]
        i = int(np.searchsorted(steps, step, side="right")) - 1
        return self.grids[i] if i >= 0 else None

    def value_at(self, name: str, step: int) -> float | None:
        """The curve's value at the last step at or before `step` that has one."""
        xs, ys = self.series(name, "step")
        i = int(np.searchsorted(xs, step, side="right")) - 1
        while i >= 0 and not math.isfinite(ys[i]):
            i -= 1
        return float(ys[i]) if i >= 0 else None


class CompareError(RunError):
    """A folder cannot be compared; the message says why."""


# ------------------------------------------------------------------ reading
def _read_text(path: Path, limit: int) -> str | None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size > limit:
        raise CompareError(f"{path.name} in {path.parent.name} is {size / 2**20:.0f} MB, more than the "
                           f"{limit // 2**20} MB this window reads")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CompareError(f"{path.name} in {path.parent.name} cannot be read: {exc.strerror or exc}") from None
    end = data.rfind(b"\n")
    if path.suffix == ".jsonl":
        data = data[:end + 1]         # a last line still being written waits for the next load
    return data.decode("utf-8", errors="replace")


PARSE_CHUNK = 500       # lines per json.loads call: fast, and the reading thread lets the GUI run between calls


def _parse(lines: list[str]) -> list:
    """Decoded lines (None for a line that is not JSON).  A chunk of lines is parsed in one call, which is
    about twice as fast, and trusted only when it gives one object per line."""
    out: list = []
    for start in range(0, len(lines), PARSE_CHUNK):
        chunk = lines[start:start + PARSE_CHUNK]
        try:
            parsed = json.loads("[" + ",".join(chunk) + "]")
            if len(parsed) != len(chunk) or not all(type(r) is dict for r in parsed):
                raise ValueError
        except (ValueError, RecursionError):
            parsed = []
            for line in chunk:
                try:
                    parsed.append(json.loads(line))
                except (ValueError, RecursionError):
                    parsed.append(None)
        out += parsed
    return out


def _rows(text: str) -> tuple[list[dict], int]:
    """JSON objects with a whole-number step, one per line; (rows, lines skipped)."""
    rows, skipped = [], 0
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for row in _parse(lines):
        step = row.get("step") if isinstance(row, dict) else None
        if type(step) is not int or step < 0:
            skipped += 1
            continue
        rows.append(row)
    return rows, skipped


def _number(v) -> float:
    return float(v) if type(v) in (int, float) else math.nan


def _column(rows: list[dict], name: str) -> np.ndarray:
    values = [r.get(name, math.nan) for r in rows]
    if all(type(v) is float for v in values):            # the usual case: one conversion in C
        return np.array(values, np.float64)
    return np.array([_number(v) for v in values], np.float64)


def _columns(rows: list[dict], names) -> dict[str, np.ndarray]:
    """Rows → columns sorted by step; a step written twice (a resume after a crash) keeps its last row."""
    steps = np.array([r["step"] for r in rows], np.int64)
    if len(steps) > 1 and not bool(np.all(np.diff(steps) > 0)):
        by_step = {r["step"]: r for r in rows}
        rows = [by_step[s] for s in sorted(by_step)]
        steps = np.array([r["step"] for r in rows], np.int64)
    cols = {"step": steps}
    for name in names:
        cols[name] = _column(rows, name)
    return cols


def _quality_score(row: dict) -> float:
    for key in QUALITY_KEYS:
        value = row.get(key)
        if isinstance(value, dict):
            value = value.get("score")
        if type(value) in (int, float) and math.isfinite(value):
            return float(value)
    return math.nan


def _quality(metric_rows: list[dict], path: Path) -> dict[str, np.ndarray]:
    """Quality events from metrics rows that carry a score, and from quality.jsonl when the run has one."""
    keys = set(QUALITY_KEYS)
    rows = [r for r in metric_rows if not keys.isdisjoint(r) and math.isfinite(_quality_score(r))]
    text = _read_text(path / QUALITY_FILE, MAX_METRICS_BYTES)
    if text:
        rows += [r for r in _rows(text)[0] if math.isfinite(_quality_score(r))]
    if not rows:
        return {}
    rows = [dict(r, **{QUALITY: _quality_score(r)}) for r in rows]
    cols = _columns(rows, (QUALITY, "elapsed", *QUALITY_EXTRA))
    return {k: v for k, v in cols.items() if k in ("step", QUALITY, "elapsed") or np.isfinite(v).any()}


def _grids(path: Path) -> list[tuple[int, Path]]:
    folder = path / SAMPLES_DIR
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    found = [(int(m.group(1)), folder / m.group(0)) for m in map(_SAMPLE_NAME.match, names) if m]
    return sorted(found)


def _lineage(info: dict) -> Lineage | None:
    raw = info.get("lineage")
    if not isinstance(raw, dict) or not isinstance(raw.get("parent"), str) or not raw["parent"]:
        return None
    step = raw.get("parent_step")
    changes = raw.get("changes")
    return Lineage(raw["parent"], step if type(step) is int and step >= 0 else None,
                   changes if isinstance(changes, dict) else {})


def load_run(path, name: str | None = None) -> RunData:
    """Read one run folder (read-only).  CompareError when it is not a run at all."""
    path = Path(path)
    if path.is_file() and path.name == RUN_FILE:
        path = path.parent
    if not path.exists():
        raise CompareError(f"{path} does not exist")
    if not path.is_dir():
        raise CompareError(f"{path} is a file, not a run folder")
    notes: list[str] = []
    before = signature(path)
    text = _read_text(path / RUN_FILE, MAX_RUN_FILE_BYTES)
    info: dict = {}
    if text is None:
        if not (path / METRICS_FILE).is_file():
            raise CompareError(f"{path} is not a GAN Studio run (no {RUN_FILE} and no {METRICS_FILE})")
        notes.append(f"{RUN_FILE} is missing, so its settings are unknown")
    else:
        try:
            info = json.loads(text)
            if not isinstance(info, dict):
                raise ValueError
        except ValueError:
            info = {}
            notes.append(f"{RUN_FILE} cannot be read (perhaps it is being written); its settings are unknown")
    config = None
    if isinstance(info.get("config"), dict):
        try:
            config = ExperimentConfig.from_dict(info["config"])
        except (ConfigError, TypeError, ValueError) as exc:
            notes.append(f"its settings cannot be read ({exc})")
    elif info:
        notes.append(f"{RUN_FILE} holds no settings")
    metrics_text = _read_text(path / METRICS_FILE, MAX_METRICS_BYTES) or ""
    rows, skipped = _rows(metrics_text)
    if skipped:
        notes.append(f"{skipped:,} damaged line{'s' if skipped != 1 else ''} of {METRICS_FILE} skipped")
    curves = set(CURVES)
    curve_rows = [r for r in rows if not curves.isdisjoint(r)]
    columns = _columns(curve_rows, (*CURVES, "elapsed"))
    quality = _quality(rows, path)
    grids = _grids(path)
    if not len(columns["step"]) and not grids:
        notes.append("it has no training steps yet")
    info_step = info.get("step") if type(info.get("step")) is int else 0
    step = int(columns["step"][-1]) if len(columns["step"]) else info_step
    finite = columns["elapsed"][np.isfinite(columns["elapsed"])]
    elapsed = float(finite[-1]) if len(finite) else _number(info.get("elapsed_seconds"))
    after = signature(path)
    return RunData(path=path, name=name or path.name, config=config, info=info, step=step,
                   elapsed=elapsed if math.isfinite(elapsed) else 0.0, status=str(info.get("status", "?")),
                   columns=columns, quality=quality, grids=grids, lineage=_lineage(info), notes=notes,
                   signature=after if after == before else ())    # changed while read: read it again next time


def signature(path) -> tuple:
    """Sizes and modification times of what `load_run` reads: unchanged means the run reads the same."""
    path = Path(path)
    out = []
    for name in (RUN_FILE, METRICS_FILE, QUALITY_FILE, SAMPLES_DIR):
        try:
            st = (path / name).stat()
            out.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            out.append(None)
    return tuple(out)


def load_runs(paths, names: dict | None = None,
              previous: list[RunData] | None = None) -> tuple[list[RunData], list[tuple[Path, str]]]:
    """Load each folder; (runs in the given order, [(path, message)] for those that cannot be read).
    The same folder named twice is loaded once.  A run in `previous` whose files have not changed since
    it was read is reused, not read again (a reload of finished runs next to a live one costs a few stats)."""
    import dataclasses

    kept = {str(r.path): r for r in previous or ()}
    runs, failures, seen = [], [], set()
    for p in paths:
        p = Path(p)
        key = str(p.resolve()) if p.exists() else str(p)
        if key in seen:
            continue
        seen.add(key)
        name = (names or {}).get(str(p))
        old = kept.get(str(p))
        if old is not None and old.signature and old.signature == signature(p):
            runs.append(dataclasses.replace(old, name=name or p.name))
            continue
        try:
            runs.append(load_run(p, name))
        except CompareError as exc:
            failures.append((p, str(exc)))
    _unique_names(runs)
    return runs, failures


def _unique_names(runs: list[RunData]) -> None:
    """Two runs with one folder name get their parent folder's name in front ("a/run", "b/run")."""
    counts: dict[str, int] = {}
    for r in runs:
        counts[r.name] = counts.get(r.name, 0) + 1
    for r in runs:
        if counts[r.name] > 1:
            r.name = f"{r.path.parent.name}/{r.name}"


# ------------------------------------------------------------ aligning
def smooth(values: np.ndarray, beta: float = SMOOTHING) -> np.ndarray:
    """Bias-corrected exponential moving average (as the Train tab shows the losses); NaNs are skipped
    (they keep the last average).  Vectorised in blocks: 100k values in a few milliseconds."""
    values = np.asarray(values, np.float64)
    out = np.full(values.shape, np.nan)
    finite = np.flatnonzero(np.isfinite(values))
    if not len(finite):
        return out
    x = values[finite]
    ema = np.empty_like(x)
    carry, block = 0.0, 256                      # β^-256 stays far from overflow for β ≥ 0.5
    powers = beta ** np.arange(block, dtype=np.float64)
    for s in range(0, len(x), block):
        chunk = x[s:s + block]
        p = powers[:len(chunk)]
        # ema_i = β^(i+1)·carry + (1 − β)·Σ_k≤i β^(i−k)·x_k
        ema[s:s + len(chunk)] = beta * p * carry + (1 - beta) * p * np.cumsum(chunk / p)
        carry = ema[s + len(chunk) - 1]
    ema /= 1 - beta ** np.arange(1, len(x) + 1, dtype=np.float64)
    # every position shows the average of the finite values up to it
    last = np.full(values.shape, -1)
    last[finite] = np.arange(len(finite))
    last = np.maximum.accumulate(last)
    seen = last >= 0
    out[seen] = ema[last[seen]]
    return out


def common_steps(runs: list[RunData]) -> tuple[int, int]:
    """(first, last) step of a slider that spans every run's grids (0, 0 when none has any)."""
    firsts = [r.grids[0][0] for r in runs if r.grids]
    lasts = [r.grids[-1][0] for r in runs if r.grids]
    if not firsts:
        return 0, 0
    return min(firsts), max(lasts)


def grid_steps(runs: list[RunData]) -> list[int]:
    """Every step at which any run saved a grid, sorted (the slider's stops)."""
    return sorted({s for r in runs for s, _ in r.grids})


# ------------------------------------------------------------ differences
@dataclass(frozen=True)
class DiffRow:
    key: str                     # dotted config key, or "lineage" / "dataset"
    label: str                   # what the side panel calls it
    values: tuple[str, ...]      # one cell per run, as text ("—" where unknown)


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def difference_table(runs: list[RunData]) -> list[DiffRow]:
    """The settings that differ between the runs (dotted keys in the panel's order), then lineage.
    A run whose settings are unknown shows "?" in every row."""
    known = [r.config for r in runs if r.config is not None]
    keys: set[str] = set()
    for other in known[1:]:
        keys |= set(differences(known[0], other))
    rows = []
    for key in field_keys():
        if key not in keys:
            continue
        rows.append(DiffRow(key, field_label(key),
                            tuple(_text(get_value(r.config, key)) if r.config is not None else "?" for r in runs)))
    presets = [r.config.preset if r.config is not None else "?" for r in runs]
    if len({r.config.preset for r in runs if r.config is not None}) > 1:
        rows.insert(0, DiffRow("preset", "preset", tuple(presets)))
    if any(r.config is None for r in runs):
        rows.insert(0, DiffRow("settings", "settings", tuple("unknown" if r.config is None else "read"
                                                              for r in runs)))
    if any(r.lineage is not None for r in runs):
        rows.append(DiffRow("lineage", "lineage", tuple(_describe_lineage(r, runs) for r in runs)))
    return rows


def _change(value) -> str:
    """A branch's change as written: [old, new] (what branches record) or just the new value."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{_text(value[0])} → {_text(value[1])}"
    return f"= {_text(value)}"


def _describe_lineage(run: RunData, runs: list[RunData]) -> str:
    if run.lineage is None:
        return "—"
    text = run.lineage.describe()
    for other in runs:          # name the parent as the table does when it is one of the compared runs
        try:
            if other is not run and other.path.resolve() == Path(run.lineage.parent).resolve():
                text = text.replace(run.lineage.parent_name, other.name, 1)
        except OSError:
            pass
    if run.lineage.changes:
        text += ": " + ", ".join(f"{field_label(k) if '.' in str(k) else k} {_change(v)}"
                                 for k, v in run.lineage.changes.items())
    return text

