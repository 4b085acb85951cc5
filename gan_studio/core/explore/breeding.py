"""Breeding latents: creatures, crossover and mutation, and the lineage that records who came from whom."""

from __future__ import annotations

import hashlib
import json
import math
from collections import deque
from dataclasses import dataclass
from typing import Literal, Sequence

import numpy as np

from .favourites import MAX_FAVOURITE_INDEX
from .latent import check_seed, is_int, is_number, latent_for, short, slerp

__all__ = ["Creature", "crossover", "mutate", "breed", "make_child", "root_creature", "Lineage"]

MAX_LINEAGE = 100_000              # creatures in one lineage file
_MISSING = object()


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
                raise ValueError(f"{where}.{name} must be {what} (got {short(value)})")
            return value

        cid = need("id", lambda v: isinstance(v, str) and 0 < len(v) <= 200, "a text id")
        latent = need("latent", lambda v: isinstance(v, list) and 0 < len(v) <= 1024
                      and all(is_number(x) and math.isfinite(x) for x in v), "a list of 1–1024 finite numbers")
        label = need("label", lambda v: v is None or (is_int(v) and 0 <= v <= 999), "null or a class 0–999", None)
        parents = need("parents", lambda v: isinstance(v, list) and len(v) <= 2 and all(isinstance(x, str) for x in v),
                       "a list of at most two ids", [])
        seed = need("seed", lambda v: is_int(v) and 0 <= v < 2**63, "a whole number 0–2^63")
        generation = need("generation", lambda v: is_int(v) and 0 <= v <= 10**6, "a whole number 0–1,000,000")
        op = need("op", lambda v: v in ("seed", "mutate", "uniform", "blend"), "seed, mutate, uniform or blend")
        index = need("index", lambda v: is_int(v) and 0 <= v <= MAX_FAVOURITE_INDEX,
                     f"a whole number 0–{MAX_FAVOURITE_INDEX:,}", 0)
        strength = need("strength", lambda v: is_number(v) and 0 <= v <= 100, "a number 0–100", 0.0)
        truncation = need("truncation", lambda v: v is None or (is_number(v) and 0 <= v <= 10),
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
    seed = check_seed(seed)
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
