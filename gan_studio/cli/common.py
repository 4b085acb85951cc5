"""What every command of the headless front end shares: the limits, the one error it reports, argument types."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..core.config import field_spec

MAX_SAMPLES = 10_000         # `sample --n` / `evaluate --n`: images generated in one command
MAX_SCALE = 16               # `sample --scale`: pixel repetition of the grid PNG
MAX_GRID_PIXELS = 64 * 10**6  # `sample` grid PNG: at most 64 megapixels (about 200 MB for RGB)
MAX_SECONDS = field_spec("train.max_seconds").hi    # --seconds: the time target's bound (its descriptor)
MAX_STEPS = field_spec("train.max_steps").hi        # --steps: the step target's bound
EXIT_DIVERGED = 3            # training diverged; the last good checkpoint is kept


class CliError(Exception):
    pass
def _int_in(lo: int, hi: int, what: str):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number (got {text!r})") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"{what} must be {lo:,}–{hi:,} (got {value:,})")
        return value
    return parse


def _class_list(text: str) -> list[int]:
    try:
        classes = [int(c) for c in text.split(",") if c.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--classes must be comma-separated whole numbers such as 0,1,7 "
                                         f"(got {text!r})") from None
    if not classes or any(not 0 <= c <= 999 for c in classes):
        raise argparse.ArgumentTypeError(f"--classes must be class numbers 0–999 such as 0,1,7 (got {text!r})")
    return classes


def _float_in(lo: float, hi: float, what: str, allow_lo: bool = True):
    def parse(text: str) -> float:
        import math

        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a number (got {text!r})") from None
        if not math.isfinite(value) or value > hi or value < lo or (value == lo and not allow_lo):
            raise argparse.ArgumentTypeError(
                f"{what} must be {'more than' if not allow_lo else 'at least'} {lo:g} and at most {hi:g} (got {text})")
        return value
    return parse
def _progress_bar(total: int | None, desc: str, unit: str = "step"):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, dynamic_ncols=True, file=sys.stderr,
                disable=None, smoothing=0.1)
def _default_run_dir(name: str) -> Path:
    from ..paths import runs_dir

    return runs_dir() / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}"

class _Diverged(Exception):
    """Training diverged (already reported); the command exits with EXIT_DIVERGED."""

def _print_dataset(dataset) -> None:
    print(f"dataset: {dataset.name}", file=sys.stderr)
    for note in dataset.notes:
        print(f"  note: {note}", file=sys.stderr)

def _check_output(out: Path) -> None:
    """Refuse before any work when the output cannot be written."""
    import os

    parent = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise CliError(f"--out {out} is a folder; give a file name such as {out / 'grid.png'}")
    if not parent.is_dir():
        raise CliError(f"--out: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise CliError(f"--out: the folder {parent} is read-only; choose another place")
