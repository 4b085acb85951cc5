"""Latent-space math for the explorer: seeds, interpolation, planes, directions, breeding.

Everything works on numpy float32 arrays; latents have shape ``(N, D)``.  A
generator or feature extractor is passed in as a plain callable, so this module
imports no model code and no Qt.

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

import hashlib
import json
import math
from collections import deque
from dataclasses import dataclass
from typing import Callable, Literal, Sequence

import numpy as np

__all__ = [
    "seed_latents", "latent_for", "truncate", "lerp", "slerp", "interpolate_path",
    "interpolate_labels", "plane_grid", "PrincipalDirections", "principal_directions",
    "apply_directions", "Creature", "crossover", "mutate", "breed", "make_child",
    "root_creature", "Lineage", "check_favourite", "parse_favourites",
]

_MAX_TRUNCATION_ROUNDS = 10_000
MAX_LATENT_VALUES = 2**25          # seed_latents: n × dim at most this (128 MB of float32)
MAX_FAVOURITE_INDEX = 100_000      # a favourite's image index (row of its seed's latents)
MAX_LINEAGE = 100_000              # creatures in one lineage file
_PARALLEL_EPS = 1e-6


# ----------------------------------------------------------------------------- seeds

def _check_seed(seed: int) -> int:
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
    return _resample_outside(out, float(t), _check_seed(seed))


def seed_latents(seed: int, n: int, dim: int, truncation: float | None = None) -> np.ndarray:
    """``n`` deterministic standard-normal latents of size ``dim`` (float32, shape (n, dim)).

    Prefix-stable: ``seed_latents(s, 8, d)[:4] == seed_latents(s, 4, d)``, with or
    without truncation.
    """
    seed = _check_seed(seed)
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


# --------------------------------------------------------------- principal directions

@dataclass
class PrincipalDirections:
    """GANSpace-style latent directions.

    ``directions`` (k, D) orthonormal rows; ``variance`` (k,) explained variance of
    the matching activation-space principal component, descending;
    ``latent_std`` (k,) std of sampled z projected on each direction (use e.g.
    ``±3 * latent_std`` as slider range).
    """
    directions: np.ndarray
    variance: np.ndarray
    latent_std: np.ndarray


def _orthonormal_basis(q: np.ndarray) -> np.ndarray:
    """Orthonormal basis of span(q) via the small Gram matrix (much cheaper than a
    LAPACK QR of a tall matrix on a busy machine); near-null directions dropped."""
    evals, evecs = np.linalg.eigh(q.T @ q)
    keep = evals > evals.max() * 1e-12
    return q @ (evecs[:, keep] / np.sqrt(evals[keep]))


def _top_k_pca(x: np.ndarray, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Top-k singular values and right singular vectors (k, F) of the centred matrix x.

    Uses the eigen-decomposition of the small Gram matrix (F <= 1024) or a
    randomised range finder (Halko et al.) for wide activations; both are far
    cheaper than a full SVD of a tall (N, F) matrix.
    """
    n, f = x.shape
    if f <= 1024:
        evals, evecs = np.linalg.eigh(x.T @ x)
        order = np.argsort(evals)[::-1][:k]
        return np.sqrt(np.clip(evals[order], 0.0, None)), evecs[:, order].T
    p = min(n, f, k + 20)
    q = x @ rng.standard_normal((f, p))
    for _ in range(4):  # power iterations sharpen the leading subspace
        q = x @ _orthonormal_basis(x.T @ _orthonormal_basis(q))
    q = _orthonormal_basis(q)
    b = q.T @ x                                           # (p, F)
    evals, evecs = np.linalg.eigh(b @ b.T)                # (p, p)
    order = np.argsort(evals)[::-1][:k]
    s = np.sqrt(np.clip(evals[order], 0.0, None))
    vt = (evecs[:, order].T @ b) / np.where(s > 0, s, 1.0)[:, None]
    return s, vt


def principal_directions(features_fn: Callable[[np.ndarray], np.ndarray], dim: int, n_samples: int = 2000,
                         k: int = 10, seed: int = 0) -> PrincipalDirections:
    """Find k interpretable latent directions from early-layer activations (GANSpace).

    1. sample ``z`` (n_samples, dim) from seed; 2. ``A = features_fn(z)`` flattened
    to (N, F); 3. PCA on A (top k via SVD of the centred matrix) giving PCA
    coordinates X (N, k); 4. least-squares regression ``X ≈ z M``: column i of M is
    the latent direction that moves PC i; 5. orthonormalise the columns in order
    (QR, i.e. Gram-Schmidt), each sign-aligned with its regression vector.
    ``k`` is capped at ``min(dim, n_samples - 1, F)``.
    """
    seed = _check_seed(seed)
    if n_samples < 2:
        raise ValueError("n_samples must be >= 2")
    z = seed_latents(seed, n_samples, dim)
    feats = np.asarray(features_fn(z), dtype=np.float64).reshape(n_samples, -1)
    if not np.all(np.isfinite(feats)):
        raise ValueError("features_fn returned non-finite activations")
    k = int(min(k, dim, n_samples - 1, feats.shape[1]))
    if k < 1:
        raise ValueError("k must be >= 1")
    centred = feats - feats.mean(axis=0)
    s, vt = _top_k_pca(centred, k, np.random.default_rng([seed, 3]))
    coords = centred @ vt.T                                  # (N, k)
    variance = (s ** 2) / (n_samples - 1)
    z64 = z.astype(np.float64)
    zc = z64 - z64.mean(axis=0)
    m, *_ = np.linalg.lstsq(zc, coords, rcond=None)          # (D, k)
    q, r = np.linalg.qr(m)
    signs = np.sign(np.diag(r))
    signs[signs == 0] = 1.0
    directions = (q * signs).T                               # (k, D), orthonormal rows
    latent_std = (z64 @ directions.T).std(axis=0)
    return PrincipalDirections(directions.astype(np.float32), variance.astype(np.float32),
                               latent_std.astype(np.float32))


def apply_directions(z: np.ndarray, directions: np.ndarray, coefficients) -> np.ndarray:
    """``z + Σ_i c_i d_i``.  z (D,) or (N, D); coefficients (m,) or (N, m) with m <= k (first m directions)."""
    z = np.asarray(z, dtype=np.float32)
    d = np.asarray(directions, dtype=np.float32)
    c = np.asarray(coefficients, dtype=np.float32)
    m = c.shape[-1]
    if m > len(d):
        raise ValueError(f"{m} coefficients for only {len(d)} directions")
    return (z + c @ d[:m]).astype(np.float32)


# ------------------------------------------------------------------------- breeding

@dataclass
class Creature:
    """One latent in the breeding view, with enough provenance to remake it.

    ``op`` is ``"seed"`` (row ``index`` of ``seed_latents(seed, ...)`` with
    ``truncation``), ``"mutate"`` (one parent) or ``"uniform"``/``"blend"``
    (crossover of two parents, then mutation with ``strength``).  For bred
    children ``seed`` is the breeding seed and ``index`` the child number.
    """
    id: str
    latent: np.ndarray
    label: int | None
    parents: tuple[str, ...]
    seed: int
    generation: int
    op: str
    index: int = 0
    strength: float = 0.0
    truncation: float | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "latent": [float(v) for v in np.asarray(self.latent, np.float32)],
                "label": self.label, "parents": list(self.parents), "seed": self.seed,
                "generation": self.generation, "op": self.op, "index": self.index,
                "strength": self.strength, "truncation": self.truncation}

    @classmethod
    def from_dict(cls, data: dict, where: str = "creature") -> "Creature":
        """Raises ValueError naming the field (`where.field`) of the first bad value."""
        if not isinstance(data, dict):
            raise ValueError(f"{where} must be a JSON object")

        def need(name, ok, what, default=_MISSING):
            value = data.get(name, default)
            if value is _MISSING:
                raise ValueError(f"{where}.{name} is missing")
            if not ok(value):
                raise ValueError(f"{where}.{name} must be {what} (got {_short(value)})")
            return value

        cid = need("id", lambda v: isinstance(v, str) and 0 < len(v) <= 200, "a text id")
        latent = need("latent", lambda v: isinstance(v, list) and 0 < len(v) <= 1024
                      and all(_is_number(x) and math.isfinite(x) for x in v), "a list of 1–1024 finite numbers")
        label = need("label", lambda v: v is None or (_is_int(v) and 0 <= v <= 999), "null or a class 0–999", None)
        parents = need("parents", lambda v: isinstance(v, list) and len(v) <= 2 and all(isinstance(x, str) for x in v),
                       "a list of at most two ids", [])
        seed = need("seed", lambda v: _is_int(v) and 0 <= v < 2**63, "a whole number 0–2^63")
        generation = need("generation", lambda v: _is_int(v) and 0 <= v <= 10**6, "a whole number 0–1,000,000")
        op = need("op", lambda v: v in ("seed", "mutate", "uniform", "blend"), "seed, mutate, uniform or blend")
        index = need("index", lambda v: _is_int(v) and 0 <= v <= MAX_FAVOURITE_INDEX,
                     f"a whole number 0–{MAX_FAVOURITE_INDEX:,}", 0)
        strength = need("strength", lambda v: _is_number(v) and 0 <= v <= 100, "a number 0–100", 0.0)
        truncation = need("truncation", lambda v: v is None or (_is_number(v) and 0 <= v <= 10),
                          "null or a number 0–10", None)
        return cls(id=cid, latent=np.asarray(latent, dtype=np.float32), label=label, parents=tuple(parents),
                   seed=int(seed), generation=int(generation), op=op, index=int(index), strength=float(strength),
                   truncation=truncation)


CrossoverMode = Literal["uniform", "blend"]


def crossover(a: np.ndarray, b: np.ndarray, rng: np.random.Generator, mode: CrossoverMode = "uniform") -> np.ndarray:
    """Mix two latents.  ``uniform``: each coordinate from a or b with p = 0.5.
    ``blend``: slerp at a random position in [0.25, 0.75] (keeps a typical norm)."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    if mode == "uniform":
        return np.where(rng.random(a.shape) < 0.5, a, b).astype(np.float32)
    if mode == "blend":
        return slerp(a, b, float(rng.uniform(0.25, 0.75)))
    raise ValueError(f"crossover mode must be 'uniform' or 'blend' (got {mode!r})")


def mutate(z: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    """Variance-preserving mutation ``sqrt(1 - s²) z + s ε`` with s = strength clipped to [0, 1].

    0 returns z unchanged, 1 a brand-new sample; a standard-normal z stays
    standard-normal, so repeated breeding does not inflate latent norms.
    """
    z = np.asarray(z, dtype=np.float32)
    s = float(np.clip(strength, 0.0, 1.0))
    noise = rng.standard_normal(z.shape, dtype=np.float32)
    return (np.float32(np.sqrt(1.0 - s * s)) * z + np.float32(s) * noise).astype(np.float32)


def _digest(*parts) -> bytes:
    return hashlib.sha256(json.dumps([str(p) for p in parts]).encode()).digest()


def _child_id(parent_ids: Sequence[str], seed: int, index: int, op: str, strength: float) -> str:
    return "c" + _digest("child", *parent_ids, seed, index, op, repr(float(strength))).hex()[:12]


def _rng_for(*parts) -> np.random.Generator:
    return np.random.default_rng(int.from_bytes(_digest(*parts)[:16], "little"))


def root_creature(seed: int, index: int, dim: int, truncation: float | None = None,
                  label: int | None = None) -> Creature:
    """A generation-0 creature: row ``index`` of ``seed_latents(seed, ..., dim, truncation)``."""
    cid = "s" + _digest("seed", seed, index, dim, truncation).hex()[:12]
    return Creature(cid, latent_for(seed, index, dim, truncation), label, (), seed, 0, "seed",
                    index=index, truncation=truncation)


def make_child(parents: Sequence[Creature], seed: int, index: int, strength: float,
               mode: CrossoverMode = "blend") -> Creature:
    """Child ``index`` of exactly these 1 or 2 parents; a pure function of its inputs."""
    if len(parents) not in (1, 2):
        raise ValueError(f"a child has 1 or 2 parents (got {len(parents)})")
    ids = tuple(p.id for p in parents)
    op = "mutate" if len(parents) == 1 else mode
    rng = _rng_for("breed", *ids, seed, index, op, repr(float(strength)))
    if len(parents) == 1:
        z = parents[0].latent
        label = parents[0].label
    else:
        z = crossover(parents[0].latent, parents[1].latent, rng, mode)
        label = parents[int(rng.integers(2))].label
    z = mutate(z, strength, rng)
    return Creature(_child_id(ids, seed, index, op, strength), z, label, ids, int(seed),
                    max(p.generation for p in parents) + 1, op, index=index, strength=float(strength))


def breed(parents: list[Creature], n_children: int, strength: float, seed: int,
          mode: CrossoverMode = "blend") -> list[Creature]:
    """``n_children`` children, deterministic in (parents, seed): same inputs → identical children.

    One parent: mutants.  Two or more: each child picks two distinct parents
    (deterministically from seed and child index), crosses them over with
    ``mode`` and mutates the result with ``strength``.  Child i does not depend on
    ``n_children``.
    """
    seed = _check_seed(seed)
    if not parents:
        raise ValueError("breeding needs at least one parent")
    if n_children < 0:
        raise ValueError("n_children must be >= 0")
    pool_ids = tuple(p.id for p in parents)
    children = []
    for i in range(n_children):
        if len(parents) <= 2:
            chosen = list(parents)
        else:
            pick = _rng_for("pick", *pool_ids, seed, i).choice(len(parents), size=2, replace=False)
            chosen = [parents[j] for j in sorted(pick)]
        children.append(make_child(chosen, seed, i, strength, mode))
    return children


class Lineage:
    """All creatures of a breeding session by id, with ancestry and exact remaking."""

    def __init__(self, creatures: Sequence[Creature] = ()):
        self._items: dict[str, Creature] = {}
        for c in creatures:
            self.add(c)

    def add(self, creature: Creature) -> Creature:
        """Add a creature; its parents must already be present."""
        missing = [p for p in creature.parents if p not in self._items]
        if missing:
            raise ValueError(f"creature {creature.id} has unknown parents: {', '.join(missing)}")
        self._items[creature.id] = creature
        return creature

    def extend(self, creatures: Sequence[Creature]) -> None:
        for c in creatures:
            self.add(c)

    def __getitem__(self, cid: str) -> Creature:
        try:
            return self._items[cid]
        except KeyError:
            raise KeyError(f"no creature with id {cid!r}") from None

    def __contains__(self, cid: object) -> bool:
        return cid in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(self._items.values())

    def children(self, cid: str) -> list[Creature]:
        return [c for c in self._items.values() if cid in c.parents]

    def ancestors(self, cid: str) -> list[Creature]:
        """All ancestors of ``cid``, nearest first (breadth-first), each once."""
        seen: set[str] = set()
        out: list[Creature] = []
        queue = deque(self[cid].parents)
        while queue:
            pid = queue.popleft()
            if pid in seen:
                continue
            seen.add(pid)
            parent = self[pid]
            out.append(parent)
            queue.extend(parent.parents)
        return out

    def remake(self, cid: str) -> np.ndarray:
        """Recompute a creature's latent from its recipe (parents' latents + seed + index)."""
        c = self[cid]
        if c.op == "seed":
            return latent_for(c.seed, c.index, len(c.latent), c.truncation)
        parents = [self[p] for p in c.parents]
        mode = c.op if c.op in ("uniform", "blend") else "blend"
        return make_child(parents, c.seed, c.index, c.strength, mode).latent

    def to_json(self) -> str:
        return json.dumps({"format": "gan-studio-lineage", "version": 1,
                           "creatures": [c.to_dict() for c in self._items.values()]})

    @classmethod
    def from_json(cls, text: str) -> "Lineage":
        """Raises ValueError with a field-named message for a damaged or foreign file."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ValueError(f"not a GAN Studio lineage file: not valid JSON ({getattr(exc, 'msg', exc)})") from None
        if not isinstance(data, dict) or data.get("format") != "gan-studio-lineage":
            raise ValueError("not a GAN Studio lineage file")
        creatures = data.get("creatures")
        if not isinstance(creatures, list):
            raise ValueError("creatures must be a list")
        if len(creatures) > MAX_LINEAGE:
            raise ValueError(f"creatures: {len(creatures):,} entries, more than the {MAX_LINEAGE:,} a lineage may hold")
        items = [Creature.from_dict(d, f"creatures[{i}]") for i, d in enumerate(creatures)]
        dims = {len(c.latent) for c in items}
        if len(dims) > 1:
            raise ValueError(f"creatures: latents of different sizes ({', '.join(map(str, sorted(dims)))})")
        return cls(items)


# ----------------------------------------------------------------------- favourites

_MISSING = object()


def _is_int(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


def _short(v) -> str:
    text = json.dumps(v) if isinstance(v, (str, int, float, bool, type(None))) else type(v).__name__
    return text if len(text) <= 40 else text[:37] + "…"


def check_favourite(entry, where: str = "favourite") -> str | None:
    """None for a usable favourite {seed, index, label, truncation} — or, for an image with no seed
    address (a plane cell, a bred child), {seed: null, latent: [numbers], label}; else a field-named message."""
    if not isinstance(entry, dict):
        return f"{where} must be a JSON object (got {_short(entry)})"
    if entry.get("seed") is None and "latent" in entry:
        z = entry["latent"]
        if not isinstance(z, list) or not 1 <= len(z) <= 4096 or not all(_is_number(v) and math.isfinite(v)
                                                                        for v in z):
            return f"{where}.latent must be a list of 1–4096 finite numbers"
        entry = {k: v for k, v in entry.items() if k not in ("seed", "index")}
        entry.update(seed=0, index=0)
    checks = [
        ("seed", True, lambda v: _is_int(v) and 0 <= v < 2**63, "a whole number 0–2^63"),
        ("index", True, lambda v: _is_int(v) and 0 <= v <= MAX_FAVOURITE_INDEX,
         f"a whole number 0–{MAX_FAVOURITE_INDEX:,}"),
        ("label", False, lambda v: v is None or (_is_int(v) and 0 <= v <= 999), "null or a class 0–999"),
        ("truncation", False, lambda v: v is None or (_is_number(v) and 0 <= v <= 10 and math.isfinite(v)),
         "null or a number 0–10"),
    ]
    for name, required, ok, what in checks:
        if name not in entry:
            if required:
                return f"{where}.{name} is missing"
            continue
        if not ok(entry[name]):
            return f"{where}.{name} must be {what} (got {_short(entry[name])})"
    return None


def parse_favourites(data) -> tuple[list[dict], list[str]]:
    """The usable entries of a favourites.json document ({"favourites": [...]}) and a message for each
    entry (or the whole document) that is not usable."""
    if not isinstance(data, dict):
        return [], [f"favourites.json must hold a JSON object (got {_short(data)})"]
    entries = data.get("favourites", [])
    if not isinstance(entries, list):
        return [], [f"favourites must be a list (got {_short(entries)})"]
    good, issues = [], []
    for i, entry in enumerate(entries[:MAX_FAVOURITE_INDEX]):
        problem = check_favourite(entry, f"favourites[{i}]")
        if problem is None:
            good.append(entry)
        else:
            issues.append(problem)
    return good, issues
