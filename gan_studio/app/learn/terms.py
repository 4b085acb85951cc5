"""The terms of each loss (core/training/losses.py) as formulas, with their values from what training reports.

No Qt here.  The training process reports per step the batch means D(x) = mean σ(D's score on real
images) and D(G(z)) = mean σ(score on generated ones), and the losses themselves.  A term's value is
the term evaluated at those means: exact for a single image, and for a batch the term of the
average image, so the terms of L_D add up to about (by Jensen's inequality, at most) the measured
L_D.  The hinge, least-squares and Wasserstein losses use D's raw score s, not the probability: the
score of the average image is logit(D(x)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EPS = 1e-7


@dataclass(frozen=True)
class Term:
    key: str            # stable id: "ld_real", "ld_fake", "ld_gp", "lg_fake"
    formula: str        # plain text with Unicode math, e.g. "−log D(x)"
    network: str        # "D" or "G": whose loss it is part of


# What each loss writes: L_D terms, then L_G terms.  D(·) is the probability for "ns" and the raw
# score for the others, as the papers write them.  The view holds each term's one-sentence meaning.
FORMULAS: dict[str, tuple[tuple[Term, ...], tuple[Term, ...]]] = {
    "ns": ((Term("ld_real", "−log D(x)", "D"),
            Term("ld_fake", "−log(1 − D(G(z)))", "D")),
           (Term("lg_fake", "−log D(G(z))", "G"),)),
    "hinge": ((Term("ld_real", "max(0, 1 − D(x))", "D"),
               Term("ld_fake", "max(0, 1 + D(G(z)))", "D")),
              (Term("lg_fake", "−D(G(z))", "G"),)),
    "lsgan": ((Term("ld_real", "½(D(x) − 1)²", "D"),
               Term("ld_fake", "½D(G(z))²", "D")),
              (Term("lg_fake", "½(D(G(z)) − 1)²", "G"),)),
    "wgan-gp": ((Term("ld_real", "−D(x)", "D"),
                 Term("ld_fake", "D(G(z))", "D"),
                 Term("ld_gp", "λ·(‖∇D(x̂)‖ − 1)²", "D")),
                (Term("lg_fake", "−D(G(z))", "G"),)),
}

def logit(p: float) -> float:
    p = min(max(float(p), EPS), 1 - EPS)
    return math.log(p / (1 - p))


def term_values(kind: str, row: dict, gp_weight: float = 10.0) -> dict[str, float]:
    """{term key: value} for loss `kind` from one metrics row (d_real, d_fake, gp)."""
    p_r = min(max(float(row["d_real"]), EPS), 1 - EPS)
    p_f = min(max(float(row["d_fake"]), EPS), 1 - EPS)
    if kind == "ns":
        return {"ld_real": -math.log(p_r), "ld_fake": -math.log(1 - p_f), "lg_fake": -math.log(p_f)}
    r, f = logit(p_r), logit(p_f)
    if kind == "hinge":
        return {"ld_real": max(0.0, 1 - r), "ld_fake": max(0.0, 1 + f), "lg_fake": -f}
    if kind == "lsgan":
        return {"ld_real": 0.5 * (r - 1) ** 2, "ld_fake": 0.5 * f**2, "lg_fake": 0.5 * (f - 1) ** 2}
    if kind == "wgan-gp":
        return {"ld_real": -r, "ld_fake": f, "ld_gp": gp_weight * float(row.get("gp", 0.0)), "lg_fake": -f}
    raise ValueError(f"unknown loss {kind!r}")
