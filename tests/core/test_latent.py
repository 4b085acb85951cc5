"""Latent-space math: seeds, truncation, interpolation, planes, directions, breeding."""

import json

import numpy as np
import pytest

from gan_studio.core.explore import breeding as B
from gan_studio.core.explore import directions as D
from gan_studio.core.explore import latent as L


# ------------------------------------------------------------------ seeds/truncation

def test_seed_latents_deterministic_shape_dtype():
    z = L.seed_latents(7, 5, 32)
    assert z.shape == (5, 32) and z.dtype == np.float32
    assert np.array_equal(z, L.seed_latents(7, 5, 32))
    assert not np.array_equal(z, L.seed_latents(8, 5, 32))
    assert 0.5 < z.std() < 1.5


@pytest.mark.parametrize("trunc", [None, 0.7])
def test_seed_latents_prefix_property(trunc):
    long = L.seed_latents(3, 8, 24, trunc)
    assert np.array_equal(long[:4], L.seed_latents(3, 4, 24, trunc))
    assert np.array_equal(L.latent_for(3, 5, 24, trunc), long[5])


@pytest.mark.parametrize("t", [0.25, 0.5, 1.0, 2.0])
def test_truncation_bounds_and_determinism(t):
    z = L.seed_latents(11, 64, 64, truncation=t)
    assert np.all(np.abs(z) <= t)
    assert np.array_equal(z, L.seed_latents(11, 64, 64, truncation=t))
    # resampled, not clamped: nothing piles up exactly at the bound
    assert np.mean(np.isclose(np.abs(z), t, atol=1e-6)) < 0.01
    # values already inside the bound are untouched
    raw = L.seed_latents(11, 64, 64)
    inside = np.abs(raw) <= t
    assert np.array_equal(z[inside], raw[inside])


def test_truncation_none_or_zero_means_off():
    raw = L.seed_latents(5, 4, 16)
    assert np.array_equal(L.seed_latents(5, 4, 16, 0), raw)
    assert np.array_equal(L.truncate(raw, None), raw)
    assert np.abs(L.truncate(raw * 5, 0.5, seed=2)).max() <= 0.5


def test_invalid_seed_and_truncation():
    with pytest.raises(ValueError):
        L.seed_latents(-1, 2, 4)
    with pytest.raises(ValueError):
        L.seed_latents(1, 2, 4, truncation=-0.5)


# ------------------------------------------------------------------- interpolation

def test_lerp_midpoint_and_stacking():
    a, b = np.zeros(4, np.float32), np.arange(4, dtype=np.float32)
    assert np.allclose(L.lerp(a, b, 0.5), [0, 0.5, 1, 1.5])
    stacked = L.lerp(a, b, np.array([0.0, 0.25, 1.0]))
    assert stacked.shape == (3, 4)
    assert np.allclose(stacked[1], b * 0.25) and np.allclose(stacked[2], b)


def test_slerp_endpoints_and_constant_norm():
    a, b = L.seed_latents(1, 2, 128)
    b = b / np.linalg.norm(b) * np.linalg.norm(a)
    ts = np.linspace(0, 1, 16)
    path = L.slerp(a, b, ts)
    assert path.shape == (16, 128) and path.dtype == np.float32
    assert np.allclose(path[0], a, atol=1e-5) and np.allclose(path[-1], b, atol=1e-5)
    norms = np.linalg.norm(path, axis=1)
    assert np.allclose(norms, np.linalg.norm(a), rtol=1e-5)
    # unlike lerp, which dips in the middle
    assert np.linalg.norm(L.lerp(a, b, 0.5)) < 0.9 * np.linalg.norm(a)
    # the midpoint direction bisects the angle
    mid = path[np.argmin(np.abs(ts - 0.5))] if 0.5 in ts else L.slerp(a, b, 0.5)
    cos_a = mid @ a / (np.linalg.norm(mid) * np.linalg.norm(a))
    cos_b = mid @ b / (np.linalg.norm(mid) * np.linalg.norm(b))
    assert cos_a == pytest.approx(cos_b, abs=1e-5)


def test_slerp_interpolates_norm_linearly():
    a = np.array([3.0, 0.0], np.float32)
    b = np.array([0.0, 1.0], np.float32)
    mid = L.slerp(a, b, 0.5)
    assert np.linalg.norm(mid) == pytest.approx(2.0, rel=1e-5)
    assert np.allclose(mid / np.linalg.norm(mid), [np.sqrt(0.5), np.sqrt(0.5)], atol=1e-6)


def test_slerp_parallel_falls_back_to_lerp():
    a = np.array([1.0, 2.0, 3.0], np.float32)
    out = L.slerp(a, 2 * a, np.array([0.0, 0.5, 1.0]))
    assert np.all(np.isfinite(out))
    assert np.allclose(out, L.lerp(a, 2 * a, np.array([0.0, 0.5, 1.0])))
    assert np.all(np.isfinite(L.slerp(np.zeros(3, np.float32), a, 0.3)))


def test_interpolate_path_frames_and_keyframes():
    keys = L.seed_latents(2, 4, 16)
    for mode in ("lerp", "slerp"):
        path = L.interpolate_path(keys, 5, mode=mode)
        assert path.shape == (3 * 5 + 1, 16)
        for k in range(4):
            assert np.array_equal(path[k * 5], keys[k])
            matches = sum(np.array_equal(f, keys[k]) for f in path)
            assert matches == 1
        assert np.allclose(path[2], L.lerp(keys[0], keys[1], 0.4) if mode == "lerp"
                           else L.slerp(keys[0], keys[1], 0.4), atol=1e-6)


def test_interpolate_path_loop_returns_without_duplicate():
    keys = L.seed_latents(2, 3, 8)
    path = L.interpolate_path(keys, 4, mode="slerp", loop=True)
    assert path.shape == (12, 8)
    assert np.array_equal(path[0], keys[0]) and np.array_equal(path[8], keys[2])
    assert not np.array_equal(path[-1], keys[0])
    # last frame is one step before returning to the first keyframe
    assert np.allclose(path[-1], L.slerp(keys[2], keys[0], 0.75), atol=1e-6)


def test_interpolate_labels_soft_onehot():
    w = L.interpolate_labels([1, 4], steps=4, num_classes=10)
    assert w.shape == (5, 10)
    assert np.allclose(w.sum(axis=1), 1.0)
    assert w[0, 1] == 1.0 and w[-1, 4] == 1.0
    assert np.allclose(w[2, [1, 4]], [0.5, 0.5])
    assert L.interpolate_labels([1, 4, 7], steps=3, num_classes=10, loop=True).shape == (9, 10)
    with pytest.raises(ValueError):
        L.interpolate_labels([1, 12], 3, num_classes=10)


def test_plane_grid_corners_exact():
    a, b, c = L.seed_latents(4, 3, 16)
    g = L.plane_grid(a, b, c, rows=5, cols=7)
    assert g.shape == (5, 7, 16)
    assert np.array_equal(g[0, 0], a) and np.array_equal(g[0, -1], b) and np.array_equal(g[-1, 0], c)
    assert np.array_equal(g[-1, -1], b + c - a)
    assert np.allclose(g[0, 3], (a + b) / 2, atol=1e-6)
    g2 = L.plane_grid(a, b, c, rows=3, cols=3, analogy=False)
    assert np.array_equal(g2[-1, -1], (b + c) / np.float32(2))
    assert np.array_equal(g2[0, -1], b)


# ------------------------------------------------------------- principal directions

def test_principal_directions_orthonormal_and_recovers_dominant_direction():
    dim = 16
    rng = np.random.default_rng(0)
    v = rng.standard_normal(dim)
    v /= np.linalg.norm(v)
    mix = np.linalg.qr(rng.standard_normal((40, 40)))[0][:dim]        # (16, 40) isometry
    w = (np.eye(dim) + 4.0 * np.outer(v, v)) @ mix                     # stretch along v
    calls = []

    def features(z):
        calls.append(z.shape)
        return (z @ w).reshape(len(z), 5, 8)                           # non-flat features

    pd = D.principal_directions(features, dim, n_samples=600, k=5, seed=1)
    assert calls == [(600, dim)]
    assert pd.directions.shape == (5, dim) and pd.variance.shape == (5,) and pd.latent_std.shape == (5,)
    assert np.allclose(pd.directions @ pd.directions.T, np.eye(5), atol=1e-5)
    assert np.all(np.diff(pd.variance) <= 0)
    assert abs(pd.directions[0] @ v) > 0.95
    assert pd.variance[0] > 10 * pd.variance[1]
    assert np.allclose(pd.latent_std, 1.0, atol=0.15)


def test_principal_directions_wide_features_randomised_path():
    dim = 12
    rng = np.random.default_rng(3)
    v = np.eye(dim)[5]
    w = (np.eye(dim) + 3.0 * np.outer(v, v)) @ rng.standard_normal((dim, 1500)) * 0.1
    pd = D.principal_directions(lambda z: np.tanh(z @ w), dim, n_samples=400, k=4, seed=0)
    assert np.allclose(pd.directions @ pd.directions.T, np.eye(4), atol=1e-5)
    assert np.all(np.diff(pd.variance) <= 0)
    assert abs(pd.directions[0] @ v) > 0.95


def test_apply_directions():
    d = np.eye(4, dtype=np.float32)[:2]
    z = np.zeros((3, 4), np.float32)
    out = D.apply_directions(z, d, [2.0, -1.0])
    assert np.allclose(out, [[2, -1, 0, 0]] * 3)
    assert np.allclose(D.apply_directions(z[0], d, [0.5]), [0.5, 0, 0, 0])
    with pytest.raises(ValueError):
        D.apply_directions(z, d, [1, 2, 3])


# ----------------------------------------------------------------------- breeding

def _roots(n=3, dim=32):
    return [B.root_creature(9, i, dim, truncation=0.8, label=i) for i in range(n)]


def test_crossover_and_mutate():
    a, b = L.seed_latents(0, 2, 64)
    child = B.crossover(a, b, np.random.default_rng(0), "uniform")
    assert np.all((child == a) | (child == b)) and 10 < np.sum(child == a) < 54
    blend = B.crossover(a, b, np.random.default_rng(0), "blend")
    assert not np.array_equal(blend, a) and not np.array_equal(blend, b)
    assert np.array_equal(B.mutate(a, 0.0, np.random.default_rng(1)), a)
    m = B.mutate(a, 0.3, np.random.default_rng(1))
    assert 0.0 < np.linalg.norm(m - a) < np.linalg.norm(a)
    with pytest.raises(ValueError):
        B.crossover(a, b, np.random.default_rng(0), "bogus")


def test_breed_deterministic_by_seed():
    parents = _roots()
    kids1 = B.breed(parents, 6, strength=0.3, seed=42)
    kids2 = B.breed(parents, 6, strength=0.3, seed=42)
    assert [k.id for k in kids1] == [k.id for k in kids2]
    assert all(np.array_equal(x.latent, y.latent) for x, y in zip(kids1, kids2))
    assert len({k.id for k in kids1}) == 6
    other = B.breed(parents, 6, strength=0.3, seed=43)
    assert not any(np.array_equal(x.latent, y.latent) for x, y in zip(kids1, other))
    assert {k.id for k in kids1}.isdisjoint(k.id for k in other)
    # child i does not depend on how many siblings it has
    assert np.array_equal(B.breed(parents, 2, 0.3, 42)[1].latent, kids1[1].latent)
    for k in kids1:
        assert k.generation == 1 and len(k.parents) == 2 and set(k.parents) <= {p.id for p in parents}
        assert k.label in {0, 1, 2} and k.latent.shape == (32,)


def test_breed_single_parent_mutates():
    (p,) = _roots(1)
    kids = B.breed([p], 3, strength=0.5, seed=1)
    assert all(k.parents == (p.id,) and k.op == "mutate" for k in kids)
    assert all(0 < np.linalg.norm(k.latent - p.latent) for k in kids)
    with pytest.raises(ValueError):
        B.breed([], 2, 0.3, 0)


def test_lineage_ancestors_remake_and_json_round_trip():
    lineage = B.Lineage(_roots())
    gen1 = B.breed(list(lineage), 4, strength=0.2, seed=5, mode="uniform")
    lineage.extend(gen1)
    gen2 = B.breed(gen1[:2], 3, strength=0.4, seed=6)
    lineage.extend(gen2)
    g = gen2[0]
    assert g.generation == 2
    anc = {c.id for c in lineage.ancestors(g.id)}
    expected = set(gen1[0].parents) | set(gen1[1].parents) | {gen1[0].id, gen1[1].id}
    assert anc == expected
    for c in lineage:
        assert np.array_equal(lineage.remake(c.id), c.latent), c.op

    restored = B.Lineage.from_json(lineage.to_json())
    assert len(restored) == len(lineage)
    for c in lineage:
        r = restored[c.id]
        assert np.array_equal(r.latent, c.latent) and r.latent.dtype == np.float32
        assert (r.parents, r.label, r.seed, r.generation, r.op, r.index, r.truncation) == \
            (c.parents, c.label, c.seed, c.generation, c.op, c.index, c.truncation)
        assert np.array_equal(restored.remake(c.id), c.latent)
    json.loads(lineage.to_json())  # valid JSON


def test_lineage_rejects_unknown_parent_and_bad_json():
    kid = B.breed(_roots(2), 1, 0.2, 0)[0]
    with pytest.raises(ValueError, match="unknown parents"):
        B.Lineage([kid])
    with pytest.raises(ValueError):
        B.Lineage.from_json('{"creatures": []}')
    with pytest.raises(KeyError):
        B.Lineage().ancestors("nope")
