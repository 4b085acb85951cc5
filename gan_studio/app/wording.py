"""Texts that name what a model draws: "digits" for a digit model, "images" and its own class names otherwise.

Each caller passes both whole sentences (each in tr(), so both translate); `say` picks the one that fits the
model on show.  A model with no name of its kind (None: nothing loaded yet) keeps the digits' wording, which
is what the app starts on (the shipped digit generator).
"""

from __future__ import annotations

from .i18n import tr


def is_digits(model) -> bool:
    return model is None or bool(getattr(model, "is_digits", True))


def say(model, digits: str, images: str) -> str:
    """`digits` for a digit model, else `images`."""
    return digits if is_digits(model) else images


def class_name(model, label: int) -> str:
    """How a class is named in captions: "digit 3" for a digit model, else the model's own name for it."""
    if is_digits(model):
        return tr("digit {label}").format(label=label)
    names = list(getattr(model, "class_names", []) or [])
    if 0 <= int(label) < len(names):
        return str(names[int(label)])
    return tr("class {label}").format(label=label)
