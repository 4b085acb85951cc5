"""Headless front end: the same core the window uses, from a terminal.

    gan-studio train --preset quick-digits --dataset mnist --seconds 60 --out RUN
    gan-studio resume RUN [--steps N | --seconds S]
    gan-studio open RUN|SETUP.json      (the desktop app; follows a run another process trains)
    gan-studio sample RUN --n 64 --seed 7 --out grid.png | samples.npy
    gan-studio evaluate RUN
    gan-studio datasets
    gan-studio download mnist
    gan-studio import-mnist DIR [--kind mnist|fashion-mnist|kmnist]
    gan-studio presets

One module per command group: `training` (train, resume), `generators` (sample, export, evaluate), `data`
(datasets, download, import-mnist, presets), `desktop` (open); `common` holds what they share and `parser`
the argument parser and `main`.
"""

from __future__ import annotations

SUBCOMMANDS = ("train", "resume", "open", "sample", "evaluate", "datasets", "download", "import-mnist", "presets",
               "export")

from .common import CliError  # noqa: E402
from .parser import build_parser, main  # noqa: E402

__all__ = ["SUBCOMMANDS", "CliError", "build_parser", "main"]
