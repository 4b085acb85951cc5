from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.parametrizations import spectral_norm


def d_layer(module: nn.Module, norm: str) -> nn.Module:
    return spectral_norm(module) if norm == "spectral" else module


def as_condition(labels: torch.Tensor | None, num_classes: int, batch: int, device) -> torch.Tensor:
    """Integer labels (N,) or soft class weights (N, K) → float weights (N, K)."""
    if labels is None:
        raise ValueError("this generator is conditional: pass the digit labels")
    if labels.dtype.is_floating_point:
        if labels.shape != (batch, num_classes):
            raise ValueError(f"class weights must have shape ({batch}, {num_classes}), got {tuple(labels.shape)}")
        return labels.to(device)
    return torch.nn.functional.one_hot(labels.long().to(device), num_classes).float()
