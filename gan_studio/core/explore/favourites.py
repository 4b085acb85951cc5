"""Favourites: the images a user starred, addressed by seed and index (or by latent), checked on read."""

from __future__ import annotations

import math

from .latent import is_int, is_number, short

__all__ = ["check_favourite", "parse_favourites", "MAX_FAVOURITE_INDEX"]

MAX_FAVOURITE_INDEX = 100_000      # a favourite's image index (row of its seed's latents)


def check_favourite(entry, where: str = "favourite") -> str | None:
    """None for a usable favourite {seed, index, label, truncation} — or, for an image with no seed
    address (a plane cell, a bred child), {seed: null, latent: [numbers], label}; else a field-named message."""
    if not isinstance(entry, dict):
        return f"{where} must be a JSON object (got {short(entry)})"
    if entry.get("seed") is None and "latent" in entry:
        z = entry["latent"]
        if not isinstance(z, list) or not 1 <= len(z) <= 4096 or not all(is_number(v) and math.isfinite(v)
                                                                        for v in z):
            return f"{where}.latent must be a list of 1–4096 finite numbers"
        entry = {k: v for k, v in entry.items() if k not in ("seed", "index")}
        entry.update(seed=0, index=0)
    checks = [
        ("seed", True, lambda v: is_int(v) and 0 <= v < 2**63, "a whole number 0–2^63"),
        ("index", True, lambda v: is_int(v) and 0 <= v <= MAX_FAVOURITE_INDEX,
         f"a whole number 0–{MAX_FAVOURITE_INDEX:,}"),
        ("label", False, lambda v: v is None or (is_int(v) and 0 <= v <= 999), "null or a class 0–999"),
        ("truncation", False, lambda v: v is None or (is_number(v) and 0 <= v <= 10 and math.isfinite(v)),
         "null or a number 0–10"),
    ]
    for name, required, ok, what in checks:
        if name not in entry:
            if required:
                return f"{where}.{name} is missing"
            continue
        if not ok(entry[name]):
            return f"{where}.{name} must be {what} (got {short(entry[name])})"
    return None


def parse_favourites(data) -> tuple[list[dict], list[str]]:
    """The usable entries of a favourites.json document ({"favourites": [...]}) and a message for each
    entry (or the whole document) that is not usable."""
    if not isinstance(data, dict):
        return [], [f"favourites.json must hold a JSON object (got {short(data)})"]
    entries = data.get("favourites", [])
    if not isinstance(entries, list):
        return [], [f"favourites must be a list (got {short(entries)})"]
    good, issues = [], []
    for i, entry in enumerate(entries[:MAX_FAVOURITE_INDEX]):
        problem = check_favourite(entry, f"favourites[{i}]")
        if problem is None:
            good.append(entry)
        else:
            issues.append(problem)
    return good, issues
