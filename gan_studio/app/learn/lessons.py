"""Lessons: a preset (and a few edits) to load, and what to watch for while it trains.

A lesson loads through the Experiment like the Preset box does (`Experiment.choose_preset`, then
`Experiment.edit` for the lesson's own values), so every field it sets is shown in the panels and
validated; a run in progress is handled as File ▸ New experiment handles it (offer to save, then
discard).  The texts are whole translatable paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.presets import get_preset
from ..i18n import tr


@dataclass(frozen=True)
class Lesson:
    key: str
    title: str
    preset: str
    watch: str                                  # what to watch for (one paragraph, translated)
    edits: dict = field(default_factory=dict)   # dotted config fields set after the preset


def lessons() -> list[Lesson]:
    """The lessons in teaching order, in the current language."""
    return [
        Lesson("collapse", tr("1. Mode collapse: the seed as written"), "seed-mlp", tr(
            "This is the seed's MLP GAN exactly as written. Press Train and watch the sample grid: within about a "
            "minute every sample turns into the same grey blob, and for minutes it hardly changes (left running "
            "it crawls out very slowly: 5 of the 10 digits after 9 minutes in one test). That is mode collapse: "
            "the generator found one image that fools the discriminator for a moment and sends all its noise "
            "there. In the formulas, D(x) climbs towards 1 and D(G(z)) falls towards 0, so −log(1 − D(G(z))) "
            "shrinks to almost nothing while the generator's term −log D(G(z)) grows: the discriminator has won, "
            "and the generator learns little from it. After about a minute a \"Mode collapse\" warning appears. A "
            "calmer recipe alone cannot rescue these networks (it brought digits back on one try in three), so "
            "its button, \"Rebuild the network and train again\", builds new networks of the same sizes with "
            "batch norm in the generator and LeakyReLU in the discriminator and trains them from the start with "
            "the calmer recipe: the changes are listed for you, press Rebuild and train. Within a minute or two the "
            "grid shows digits of all ten classes. The new run names the collapsed one as its parent; the next "
            "lesson explains each change.")),
        Lesson("fixed", tr("2. The same network, a better recipe"), "seed-mlp-fixed", tr(
            "The same layer sizes as the seed, with batch norm in the generator, LeakyReLU in the discriminator, "
            "Adam with β1 = 0.5 and the hinge loss. Watch the grid turn from grey noise into strokes and then into "
            "digits of all ten classes within a minute or two, while D(x) and D(G(z)) stay apart but neither reaches "
            "0 or 1: neither network wins outright. The formulas switch to the hinge loss that this preset uses.")),
        Lesson("divergence", tr("3. A learning rate that is too high"), "seed-mlp-fixed", tr(
            "The recipe of lesson 2 with both learning rates at 0.05, a hundred times higher. Each update now "
            "overshoots: within a few seconds the discriminator's loss drops to 0 while the generator's loss jumps to "
            "tens, and the samples stay noise. If a value becomes infinite, GAN Studio rolls the networks back to "
            "the last healthy state, pauses and offers to lower the rates. Try lowering both rates while it "
            "trains (Experiment panel, Optimisation: Generator LR and Discriminator LR): they apply at the next "
            "step."),
            edits={"train.lr_g": 0.05, "train.lr_d": 0.05}),
        Lesson("conditional", tr("4. Ask for a digit: the conditional generator"), "quick-digits", tr(
            "This generator is also told which digit to draw: the class label goes into G and into D. Watch the "
            "sample grid: its samples go through the classes 0, 1, 2, … 9 in reading order, so all ten digits "
            "appear and the generator cannot collapse onto a single class. After a minute or two press Ctrl+G "
            "(File ▸ Explore the trained generator) and pick a digit in Gallery or Explore: the same noise, a "
            "different label, a different digit in the same handwriting.")),
        Lesson("ratio", tr("5. The D:G ratio"), "seed-mlp-fixed", tr(
            "The recipe of lesson 2 with five discriminator updates for every generator update. Watch D(x) and "
            "D(G(z)) move apart: a stronger discriminator tells real from fake more surely. Each step takes "
            "longer, though not five times as long (1.4 to 4 times in our tests on a busy laptop): the rest of a "
            "step stays the same. WGAN-GP needs a critic trained this much; for the hinge loss it mostly "
            "slows the generator down. Change D:G steps while it trains (it applies live) and compare."),
            edits={"train.d_steps": 5}),
    ]


def lesson_config(experiment, lesson: Lesson):
    """Apply `lesson` to `experiment`: its preset's fields, then its own edits (validated by the Experiment)."""
    get_preset(lesson.preset)           # an unknown preset fails here, before anything changes
    experiment.choose_preset(lesson.preset)
    if lesson.edits:
        experiment.edit(**lesson.edits)
    return experiment.config


def load_lesson(window, lesson: Lesson) -> bool:
    """Load `lesson` in the main window as File ▸ New experiment does: ask about unsaved work, discard the
    trained networks, then set the experiment up.  False when the user cancelled."""
    if window.experiment.active or window.experiment.has_work:
        if not window.lifecycle.maybe_save(tr("Loading a lesson starts a new experiment.")):
            return False
        window.controller.discard()
        window.train_tab.clear()
    window.reset_progress()             # the warnings of what was on screen go, trained or not
    lesson_config(window.experiment, lesson)
    window.statusBar().showMessage(tr("Lesson loaded: {title}. Press Train to start.").format(title=lesson.title),
                                   8000)
    return True
