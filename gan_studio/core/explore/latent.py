"""Latent-space math for the explorer: seeds, interpolation and planes.

Everything works on numpy float32 arrays; latents have shape ``(N, D)``.  A
generator is passed in as a plain callable, so this module imports no model
code and no Qt.  Principal directions are in `directions`, breeding in
`breeding`, favourites in `favourites`.

Conventions
-----------
* ``seed_latents(seed, n, dim)`` is *prefix-stable*: row ``i`` of seed ``s`` is the
  same whatever ``n`` is, so "image 3 of seed 7" is a stable address.
* Truncation ``t`` resamples every value with ``|z| > t`` (never clamps), so the
  result follows a standard normal truncated to ``[-t, t]``.
* ``slerp`` interpolates the *direction* on the unit sphere and the *norm*
  linearly between ``|a|`` and ``|b|``.  With ``|a| == |b|`` the norm is constant
  along the path, which keeps intermediate latents as "typical" as the endpoints
  (plain ``lerp`` shrinks them towards the origin, giving washed-out digits).
"""

from __future__ import annotations

import json
from typing import Literal, Sequence

import numpy as np

__all__ = ["seed_latents", "latent_for", "truncate", "lerp", "slerp", "interpolate_path", "interpolate_labels",
           "plane_grid", "check_seed", "is_int", "is_number", "short"]

_MAX_TRUNCATION_ROUNDS = 10_000
MAX_LATENT_VALUES = 2**25          # seed_latents: n × dim at most this (128 MB of float32)
_PARALLEL_EPS = 1e-6


# ----------------------------------------------------------------------------- seeds

def check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer (got {seed!r})")
    return int(seed)


def _resample_outside(z: np.ndarray, t: float, seed: int) -> np.ndarray:
    """Replace values with |z| > t by fresh draws until all are inside (in place).

    Round ``r`` draws a full array of the same shape from its own stream seeded by
    ``(seed, r)``; element ``k`` of that stream only ever replaces element ``k`` of
    ``z``.  Hence the outcome for a row never depends on how many rows follow it.
    """
    flat = z.reshape(-1)
    bad = np.abs(flat.astype(np.float64)) > t
    rounds = 0
    while bad.any():
        if rounds >= _MAX_TRUNCATION_ROUNDS:
            # Only reachable for absurdly small t, where the truncated normal is
            # indistinguishable from uniform; finish deterministically that way.
            fill = np.random.default_rng([seed, 2]).uniform(-t, t, flat.shape).astype(flat.dtype)
            flat[bad] = np.clip(fill[bad], np.nextafter(np.float32(-t), 0), np.nextafter(np.float32(t), 0))
            break
        draw = np.random.default_rng([seed, 1, rounds]).standard_normal(flat.shape, dtype=np.float32)
        flat[bad] = draw[bad]
        bad &= np.abs(flat.astype(np.float64)) > t
        rounds += 1
    return z


def truncate(z: np.ndarray, t: float | None, seed: int = 0) -> np.ndarray:
    """Truncation trick by resampling: return a float32 copy of ``z`` with all ``|z| <= t``.

    Out-of-range values are redrawn (deterministically from ``seed``) rather than
    clamped, so no probability mass piles up at ``±t``.  ``t`` of None or 0 means
    no truncation.
    """
    out = np.array(z, dtype=np.float32, copy=True)
    if not t:
        return out
    if t < 0:
        raise ValueError(f"truncation must be positive or None (got {t})")
    return _resample_outside(out, float(t), check_seed(seed))


def seed_latents(seed: int, n: int, dim: int, truncation: float | None = None) -> np.ndarray:
    """``n`` deterministic standard-normal latents of size ``dim`` (float32, shape (n, dim)).

    Prefix-stable: ``seed_latents(s, 8, d)[:4] == seed_latents(s, 4, d)``, with or
    without truncation.
    """
    seed = check_seed(seed)
    if n < 0 or dim <= 0:
        raise ValueError(f"need n >= 0 and dim > 0 (got n={n}, dim={dim})")
    if n * dim > MAX_LATENT_VALUES:
        raise ValueError(f"{n:,} latents of size {dim} exceed the budget of {MAX_LATENT_VALUES:,} values "
                         f"({MAX_LATENT_VALUES * 4 // 2**20} MB); ask for fewer")
    z = np.random.default_rng(seed).standard_normal((n, dim), dtype=np.float32)
    if truncation:
        if truncation < 0:
            raise ValueError(f"truncation must be positive or None (got {truncation})")
        _resample_outside(z, float(truncation), seed)
    return z


def latent_for(seed: int, index: int, dim: int, truncation: float | None = None) -> np.ndarray:
    """The single latent ``seed_latents(seed, index + 1, dim, truncation)[index]``, shape (dim,)."""
    if index < 0:
        raise ValueError(f"index must be >= 0 (got {index})")
    return seed_latents(seed, index + 1, dim, truncation)[index].copy()


# --------------------------------------------------------------------- interpolation

def _t_array(t, ndim: int) -> tuple[np.ndarray, bool]:
    ta = np.asarray(t, dtype=np.float32)
    if ta.ndim > 1:
        raise ValueError("t must be a scalar or a 1-D array of positions")
    return ta.reshape(ta.shape + (1,) * ndim), ta.ndim == 1


def lerp(a: np.ndarray, b: np.ndarray, t) -> np.ndarray:
    """Linear interpolation ``a + t (b - a)``; an array of ``T`` ts gives a stacked (T, ...) result."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    tt, _ = _t_array(t, a.ndim)
    return (a + tt * (b - a)).astype(np.float32)


def slerp(a: np.ndarray, b: np.ndarray, t) -> np.ndarray:
    """Spherical interpolation of direction with linear interpolation of norm.

    ``a`` and ``b`` have shape (..., D); ``t`` is a scalar or a 1-D array (result is
    then stacked on a new leading axis).  Where the directions are nearly parallel
    (or antiparallel, or a vector is zero) the great circle is undefined or
    numerically unstable, and plain ``lerp`` is used for those pairs.
    Vectorised: one call for a whole strip of frames.
    """
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    tt, _ = _t_array(t, a.ndim)
    tt = tt.astype(np.float64)
    na = np.linalg.norm(a64, axis=-1, keepdims=True)
    nb = np.linalg.norm(b64, axis=-1, keepdims=True)
    safe_na = np.where(na > 0, na, 1.0)
    safe_nb = np.where(nb > 0, nb, 1.0)
    ua, ub = a64 / safe_na, b64 / safe_nb
    cos = np.clip(np.sum(ua * ub, axis=-1, keepdims=True), -1.0, 1.0)
    omega = np.arccos(cos)
    sin_omega = np.sin(omega)
    degenerate = (sin_omega < _PARALLEL_EPS) | (na == 0) | (nb == 0)
    safe_sin = np.where(degenerate, 1.0, sin_omega)
    wa = np.sin((1.0 - tt) * omega) / safe_sin
    wb = np.sin(tt * omega) / safe_sin
    norm = (1.0 - tt) * na + tt * nb
    spherical = (wa * ua + wb * ub) * norm
    linear = a64 + tt * (b64 - a64)
    return np.where(degenerate, linear, spherical).astype(np.float32)


Mode = Literal["lerp", "slerp"]


def _segment_ts(steps: int) -> np.ndarray:
    return np.arange(steps, dtype=np.float32) / np.float32(steps)


def interpolate_path(keyframes: np.ndarray, steps: int, mode: Mode = "slerp", loop: bool = False) -> np.ndarray:
    """Frames along keyframes (K, D): ``steps`` frames per segment, each keyframe exactly once.

    Open path: ``(K - 1) * steps + 1`` frames ending on the last keyframe.  Loop:
    ``K * steps`` frames whose final segment heads back to the first keyframe
    without repeating it (so the animation loops seamlessly).
    Keyframes appear bit-exactly at frames ``k * steps``.
    """
    keys = np.asarray(keyframes, dtype=np.float32)
    if keys.ndim != 2 or len(keys) == 0:
        raise ValueError(f"keyframes must have shape (K, D) with K >= 1 (got {keys.shape})")
    if steps < 1:
        raise ValueError(f"steps must be >= 1 (got {steps})")
    if mode not in ("lerp", "slerp"):
        raise ValueError(f"mode must be 'lerp' or 'slerp' (got {mode!r})")
    k = len(keys)
    if k == 1:
        return keys.copy()
    starts = keys if loop else keys[:-1]
    ends = np.roll(keys, -1, axis=0) if loop else keys[1:]
    fn = slerp if mode == "slerp" else lerp
    seg = fn(starts, ends, _segment_ts(steps))          # (steps, S, D)
    frames = np.ascontiguousarray(seg.transpose(1, 0, 2)).reshape(-1, keys.shape[1])
    frames[::steps][: len(starts)] = starts               # exact keyframes
    if not loop:
        frames = np.concatenate([frames, keys[-1:]], axis=0)
    return frames


def interpolate_labels(labels: Sequence[int], steps: int, num_classes: int, loop: bool = False) -> np.ndarray:
    """Soft one-hot class weights (frames, num_classes) following the same schedule as a lerp path."""
    lab = np.asarray(labels, dtype=np.int64)
    if lab.ndim != 1 or len(lab) == 0:
        raise ValueError("labels must be a non-empty 1-D sequence")
    if lab.min() < 0 or lab.max() >= num_classes:
        raise ValueError(f"labels must be in 0..{num_classes - 1} (got {lab.tolist()})")
    onehot = np.eye(num_classes, dtype=np.float32)[lab]
    return interpolate_path(onehot, steps, mode="lerp", loop=loop)


def plane_grid(a: np.ndarray, b: np.ndarray, c: np.ndarray, rows: int, cols: int,
               analogy: bool = True) -> np.ndarray:
    """Bilinear plane (rows, cols, D): top-left ``a``, top-right ``b``, bottom-left ``c``.

    Bottom-right is the analogy corner ``b + c - a`` ("C + B - A": apply to C the
    change that turns A into B); the plane is then the flat parallelogram
    ``a + u (b - a) + v (c - a)``.  With ``analogy=False`` the bottom-right corner
    is simply the midpoint ``(b + c) / 2``, which stays inside the region the three
    chosen latents span.  Corners are reproduced exactly.
    """
    a, b, c = (np.asarray(x, dtype=np.float32) for x in (a, b, c))
    if rows < 1 or cols < 1:
        raise ValueError(f"rows and cols must be >= 1 (got {rows}x{cols})")
    d = (b + c - a) if analogy else (b + c) / np.float32(2)
    u = np.linspace(0.0, 1.0, cols, dtype=np.float32)[None, :, None]
    v = np.linspace(0.0, 1.0, rows, dtype=np.float32)[:, None, None]
    one = np.float32(1)
    return ((one - u) * (one - v) * a + u * (one - v) * b + (one - u) * v * c + u * v * d).astype(np.float32)


# ------------------------------------------------------------------ value checks

_MISSING = object()


def is_int(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


def short(v) -> str:
    text = json.dumps(v) if isinstance(v, (str, int, float, bool, type(None))) else type(v).__name__
    return text if len(text) <= 40 else text[:37] + "…"
