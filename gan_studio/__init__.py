"""GAN Studio: train GANs on handwritten digits and explore what they learned."""

__version__ = "0.1.0"
