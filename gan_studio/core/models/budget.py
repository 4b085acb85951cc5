"""The model-size budget: refuse a configuration whose networks would be absurdly large, before any is built."""

from __future__ import annotations

from ..config import ConfigIssue, ModelConfig
from ..messages import Message
from . import count_parameters

MAX_PARAMETERS = 50_000_000   # budget: generator + discriminator parameters (≈ 200 MB of weights, ≈ 1 GB training)


def model_size_issues(model: ModelConfig, generator_only: bool = False) -> list[ConfigIssue]:
    """The model-size budget, checked before any network is allocated (counted on the meta device:
    milliseconds, no memory).  Call it where networks are built from a
    configuration someone else wrote (a run folder, an exported generator, the CLI)."""
    # Spectral norm adds buffers, not parameters, and its power iteration is slow on the meta device:
    # count the same network without it (milliseconds even for absurd sizes).
    g, d = count_parameters(model)
    total = g if generator_only else g + d
    if total <= MAX_PARAMETERS:
        return []
    field_name = "model.g_width" if generator_only or g >= d else "model.d_width"
    hint = " or model.depth" if model.arch == "mlp" else ""
    what = (Message("the generator would have {n} parameters", n=f"{g:,}") if generator_only else
            Message("the generator and discriminator would have {total} parameters (G {g}, D {d})",
                    total=f"{total:,}", g=f"{g:,}", d=f"{d:,}"))
    return [ConfigIssue(field_name, Message("{what}, more than the {limit} this app allows; lower {field}{hint}",
                                            what=what, limit=f"{MAX_PARAMETERS:,}", field=field_name, hint=hint))]
