"""Principal directions of a generator's latent space (GANSpace-style PCA of features of its images)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .latent import check_seed, seed_latents

__all__ = ["PrincipalDirections", "principal_directions", "apply_directions"]


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
    seed = check_seed(seed)
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
