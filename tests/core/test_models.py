import pytest
import torch

from gan_studio.core.config import ModelConfig
from gan_studio.core.models import build_discriminator, build_generator, parameter_count


@pytest.mark.parametrize("cfg", [
    ModelConfig(arch="mlp", latent_dim=100, g_width=128, d_width=128, depth=3, g_batchnorm=False, d_norm="none"),
    ModelConfig(arch="dcgan", image_size=28, g_width=16, d_width=16),
    ModelConfig(arch="dcgan", image_size=28, g_width=16, d_width=16, conditional=True),
    ModelConfig(arch="dcgan", image_size=32, channels=3, g_width=8, d_width=8, d_norm="batch"),
    ModelConfig(arch="dcgan", image_size=64, g_width=8, d_width=8, d_norm="none"),
])
def test_output_shapes(cfg):
    g, d = build_generator(cfg), build_discriminator(cfg)
    z = torch.randn(5, cfg.latent_dim)
    y = torch.arange(5) % cfg.num_classes if cfg.conditional else None
    x = g(z, y)
    assert x.shape == (5, cfg.channels, cfg.image_size, cfg.image_size)
    assert x.min() >= -1 and x.max() <= 1
    logits = d(x, y)
    assert logits.shape == (5,)
    assert torch.isfinite(logits).all()


def test_seed_mlp_layer_sizes():
    cfg = ModelConfig(arch="mlp", latent_dim=100, g_width=128, d_width=128, depth=3, g_batchnorm=False, d_norm="none")
    g, d = build_generator(cfg), build_discriminator(cfg)
    g_linear = [(m.in_features, m.out_features) for m in g.modules() if isinstance(m, torch.nn.Linear)]
    d_linear = [(m.in_features, m.out_features) for m in d.modules() if isinstance(m, torch.nn.Linear)]
    assert g_linear == [(100, 128), (128, 256), (256, 512), (512, 784)]
    assert d_linear == [(784, 512), (512, 256), (256, 128), (128, 1)]
    assert parameter_count(g) == sum(i * o + o for i, o in g_linear)


def test_conditional_generator_accepts_soft_labels_and_labels_matter():
    cfg = ModelConfig(conditional=True, g_width=8, d_width=8)
    g = build_generator(cfg).eval()
    z = torch.randn(2, cfg.latent_dim)
    hard = g(z, torch.tensor([3, 3]))
    soft = g(z, torch.nn.functional.one_hot(torch.tensor([3, 3]), 10).float())
    other = g(z, torch.tensor([5, 5]))
    assert torch.allclose(hard, soft, atol=1e-6)
    assert not torch.allclose(hard, other)
    with pytest.raises(ValueError, match="conditional"):
        g(z, None)


def test_spectral_norm_is_applied():
    d = build_discriminator(ModelConfig(d_norm="spectral", g_width=8, d_width=8))
    assert any("parametrizations" in name for name, _ in d.named_parameters())
    d2 = build_discriminator(ModelConfig(d_norm="none", g_width=8, d_width=8))
    assert not any("parametrizations" in name for name, _ in d2.named_parameters())


def test_mlp_discriminator_activation_follows_the_config():
    seed = ModelConfig(arch="mlp", latent_dim=100, g_width=128, d_width=128, depth=3, g_batchnorm=False, d_norm="none",
                       d_activation="relu")
    acts = {type(m) for m in build_discriminator(seed).modules() if isinstance(m, (torch.nn.ReLU, torch.nn.LeakyReLU))}
    assert acts == {torch.nn.ReLU}
    fixed = seed.replace(d_activation="leaky-relu")
    acts = {type(m) for m in build_discriminator(fixed).modules() if isinstance(m, (torch.nn.ReLU, torch.nn.LeakyReLU))}
    assert acts == {torch.nn.LeakyReLU}
    assert [str(i) for i in seed.replace(d_activation="tanh").validate()] == [
        "model.d_activation: discriminator activation must be one of leaky-relu, relu"]
