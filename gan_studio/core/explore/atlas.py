"""Sprite sheets with a JSON atlas in TexturePacker's "JSON (Hash)" format.

That format is what Phaser (``this.load.atlas(key, "sheet.png", "sheet.json")``),
PixiJS (``Assets.load("sheet.json")``), Cocos, Godot/Unity TexturePacker
importers and most sprite tools read::

    {"frames": {"<name>": {"frame": {"x", "y", "w", "h"}, "rotated": false, "trimmed": false,
                           "spriteSourceSize": {"x": 0, "y": 0, "w", "h"}, "sourceSize": {"w", "h"},
                           "seed", "index", "label", "truncation", ...},   # GAN Studio's fields
                ...},
     "meta": {"app", "version", "image", "format", "size": {"w", "h"}, "scale": "1", "model", ...}}

Frames are listed in sheet order (row by row); the extra per-frame fields are
ignored by sprite tools and say exactly which latent made each cell.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from ..images import cell_rects

__all__ = ["ATLAS_APP", "atlas_dict", "frame_names", "read_atlas", "AtlasError"]

ATLAS_APP = "GAN Studio"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class AtlasError(ValueError):
    """A file is not a readable JSON-hash atlas."""


def frame_names(items: Sequence[dict]) -> list[str]:
    """Unique frame names: ``0003_seed7_idx3_label5`` (sheet position first, so they sort in order)."""
    names, seen = [], set()
    width = max(4, len(str(max(0, len(items) - 1))))
    for i, it in enumerate(items):
        parts = [f"{i:0{width}d}"]
        if it.get("name"):
            parts.append(_UNSAFE.sub("-", str(it["name"])).strip("-._")[:48])
        else:
            if it.get("seed") is not None:
                parts.append(f"seed{int(it['seed'])}")
            if it.get("index") is not None:
                parts.append(f"idx{int(it['index'])}")
            if it.get("label") is not None:
                parts.append(f"label{int(it['label'])}")
        name = "_".join(p for p in parts if p)
        while name in seen:
            name += "_"
        seen.add(name)
        names.append(name)
    return names


def atlas_dict(image_name: str, sheet_shape: tuple[int, ...], cell_hw: tuple[int, int], cols: int, pad: int,
               items: Sequence[dict], meta: dict | None = None) -> dict:
    """The atlas for a `tile_grid`-laid sheet of ``len(items)`` cells of ``cell_hw`` pixels."""
    h, w = int(cell_hw[0]), int(cell_hw[1])
    rects = cell_rects(len(items), h, w, cols, pad)
    frames = {}
    for name, (x, y, fw, fh), it in zip(frame_names(items), rects, items):
        entry = {"frame": {"x": x, "y": y, "w": fw, "h": fh}, "rotated": False, "trimmed": False,
                 "spriteSourceSize": {"x": 0, "y": 0, "w": fw, "h": fh}, "sourceSize": {"w": fw, "h": fh}}
        for key in ("seed", "index", "label", "truncation", "generation", "creature", "t", "row", "col"):
            if key in it:
                entry[key] = it[key]
        frames[name] = entry
    info = {"app": ATLAS_APP, "version": _version(), "image": image_name,
            "format": "RGBA8888" if len(sheet_shape) == 3 and sheet_shape[2] in (2, 4) else "RGB888",
            "size": {"w": int(sheet_shape[1]), "h": int(sheet_shape[0])}, "scale": "1",
            "columns": int(cols), "padding": int(pad)}
    info.update(meta or {})
    return {"frames": frames, "meta": info}


def _version() -> str:
    try:
        from gan_studio import __version__
        return str(__version__)
    except ImportError:  # pragma: no cover
        return "0"


def read_atlas(path: os.PathLike | str) -> dict:
    """Read and check an atlas: every frame has an integer rectangle inside ``meta.size``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AtlasError(f"{path.name} is not readable JSON ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("frames"), dict) or not isinstance(data.get("meta"), dict):
        raise AtlasError(f"{path.name} is not a JSON-hash atlas (needs 'frames' and 'meta' objects)")
    size = data["meta"].get("size") or {}
    sw, sh = size.get("w"), size.get("h")
    if not isinstance(sw, int) or not isinstance(sh, int):
        raise AtlasError(f"{path.name}: meta.size must give integer w and h")
    for name, fr in data["frames"].items():
        r = fr.get("frame") if isinstance(fr, dict) else None
        if not isinstance(r, dict) or not all(isinstance(r.get(k), int) for k in "xywh"):
            raise AtlasError(f"{path.name}: frame {name!r} has no integer x, y, w, h")
        if r["x"] < 0 or r["y"] < 0 or r["x"] + r["w"] > sw or r["y"] + r["h"] > sh:
            raise AtlasError(f"{path.name}: frame {name!r} lies outside the {sw}×{sh} sheet")
    return data


def crop_frames(sheet: np.ndarray, atlas: dict) -> dict[str, np.ndarray]:
    """Each frame's pixels cut from the sheet, by name (what a sprite tool does)."""
    out = {}
    for name, fr in atlas["frames"].items():
        r = fr["frame"]
        out[name] = sheet[r["y"]:r["y"] + r["h"], r["x"]:r["x"] + r["w"]]
    return out
