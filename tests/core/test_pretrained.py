"""The shipped pretrained generator (resources/models/pretrained-mnist.safetensors), when present."""

from __future__ import annotations

import numpy as np
import pytest

from gan_studio.core.explore.generator import load_generator
from gan_studio.paths import resource_path

PRETRAINED = resource_path("models", "pretrained-mnist.safetensors")
PER_DIGIT = 100


@pytest.fixture(scope="module")
def pretrained():
    if not PRETRAINED.is_file():
        pytest.skip(f"the shipped pretrained generator is absent ({PRETRAINED}); "
                    "it is built by the pretrained-model script")
    return load_generator(PRETRAINED)


def test_pretrained_loads_and_is_conditional(pretrained):
    assert pretrained.conditional and pretrained.num_classes == 10
    imgs = pretrained.generate(pretrained.latents(0, 4), [0, 1, 2, 3])
    assert imgs.shape == (4, 28, 28, 1) and imgs.dtype == np.uint8
    assert np.array_equal(imgs, pretrained.generate(pretrained.latents(0, 4), [0, 1, 2, 3]))


def test_pretrained_draws_the_digit_it_is_asked_for(pretrained):
    metrics = pytest.importorskip("gan_studio.core.metrics")
    if not hasattr(metrics, "QualityMeter"):
        pytest.skip("gan_studio.core.metrics has no QualityMeter")
    try:
        meter = metrics.QualityMeter.load_default()
    except metrics.QualityModelError as exc:
        pytest.skip(f"the digit classifier is not available: {exc}")
    z = pretrained.latents(123, PER_DIGIT)
    rates = {}
    for digit in range(10):
        imgs = pretrained.generate(z, np.full(PER_DIGIT, digit))
        predicted = meter.predict(imgs).argmax(axis=1)
        rates[digit] = float(np.mean(predicted == digit))
    poor = {d: r for d, r in rates.items() if r < 0.8}
    assert not poor, f"digits classified as themselves less than 80% of the time: {poor}"
