"""Where GAN Studio finds its shipped resources and keeps per-user files.

One function answers "where is resource X" whether the app runs from a source
checkout, an installed wheel or a frozen PyInstaller bundle.  Per-user data
(download cache, runs, settings) never lives next to the program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "GAN Studio"
APP_SLUG = "gan-studio"


def resources_root() -> Path:
    """The folder holding `presets/`, `models/`, `data/`, `icons/`."""
    override = os.environ.get("GAN_STUDIO_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    source_tree = Path(__file__).resolve().parent.parent / "resources"
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError("GAN Studio's resources folder was not found; the installation is incomplete.")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def user_data_dir() -> Path:
    override = os.environ.get("GAN_STUDIO_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def cache_dir() -> Path:
    override = os.environ.get("GAN_STUDIO_HOME")
    base = Path(override) / "cache" if override else Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def runs_dir() -> Path:
    path = user_data_dir() / "runs"
    path.mkdir(parents=True, exist_ok=True)
    return path
