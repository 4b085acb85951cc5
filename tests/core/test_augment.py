"""DiffAugment (train.augment): the same change for real and generated images, differentiable, and a
simultaneous step that draws the same numbers on one thread or two, and resumes exactly."""

from __future__ import annotations

import pytest
import torch

from gan_studio.core.training.augment import diff_augment
from gan_studio.core.training.trainer import Trainer

from .helpers import assert_close_across_kernels, tiny_config, tiny_data


def test_diffaugment_changes_images_keeps_the_shape_and_passes_gradients():
    x = (torch.rand(8, 3, 32, 32) * 2 - 1).requires_grad_(True)
    g = torch.Generator().manual_seed(0)
    y = diff_augment(x, "diffaug", g)
    assert y.shape == x.shape and not torch.allclose(y, x)
    assert (y == 0).float().mean() > 0.1                       # a cut-out square in every image
    y.sum().backward()
    assert x.grad is not None and x.grad.abs().sum() > 0
    assert diff_augment(x, "none", g) is x
    same = diff_augment(x, "shift-cutout", torch.Generator().manual_seed(1))
    assert same.shape == x.shape
    with pytest.raises(ValueError):
        diff_augment(x, "mystery", g)


def _train(threads: int, steps: int = 8):
    x, y = tiny_data()
    t = Trainer(tiny_config(updates="simultaneous", ema=0.9, threads=threads, augment="diffaug"), x, y)
    for _ in range(steps):
        torch.set_num_threads(threads)
        t.step()
    return t, [(r.loss_d, r.loss_g) for r in t.flush()]


def test_augmented_simultaneous_steps_match_on_one_and_two_threads():
    one, rows_1 = _train(1)
    two, rows_2 = _train(2)
    assert two._parallel_halves()
    assert_close_across_kernels(rows_1, rows_2, "losses ")
    plain_x, plain_y = tiny_data()
    plain = Trainer(tiny_config(updates="simultaneous", ema=0.9), plain_x, plain_y)
    for _ in range(8):
        plain.step()
    assert [r.loss_d for r in plain.flush()] != [r[0] for r in rows_1]    # the augmentation does change training


def test_augmented_training_resumes_exactly():
    x, y = tiny_data()
    cfg = tiny_config(updates="simultaneous", augment="diffaug")
    t = Trainer(cfg, x, y)
    for _ in range(3):
        t.step()
    t.flush()
    saved = t.capture()
    for _ in range(3):
        t.step()
    straight = [r.loss_d for r in t.flush()]
    again = Trainer(cfg, x, y)
    again.load_state(saved)
    for _ in range(3):
        again.step()
    assert [r.loss_d for r in again.flush()] == straight
