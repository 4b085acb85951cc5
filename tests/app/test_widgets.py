"""Shared widget helpers: seed boxes that wrap or clamp instead of raising OverflowError; a progress bar that
stops animating when it stops being busy."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QProgressBar, QSpinBox

from gan_studio.app.widgets import ProgressBar, next_seed, set_clamped

MAX_SEED = 2**31 - 1


def test_next_seed_wraps_at_the_maximum(qtbot):
    box = QSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, MAX_SEED)
    box.setValue(41)
    assert next_seed(box) == 42 == box.value()
    box.setValue(MAX_SEED)
    assert next_seed(box) == 0 == box.value()


class _Frames(QObject):
    """Counts the style's animation frames a widget is asked to draw."""

    def __init__(self, widget):
        super().__init__()
        self.n = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.StyleAnimationUpdate:
            self.n += 1
        return False


def test_a_progress_bar_that_leaves_busy_mode_at_zero_stops_animating(qtbot):
    # Fusion keeps its busy animation (~60 frames a second) going after the range leaves 0..0 while the value
    # is at the minimum: a window training without a target repainted its bar continuously.
    # Both bars side by side: Qt's own bar is the clock that says enough frames went by.
    qt_bar, ours = QProgressBar(), ProgressBar()
    counters = []
    for bar in (qt_bar, ours):
        qtbot.addWidget(bar)
        bar.show()
        bar.setRange(0, 0)                      # busy: loading
        counters.append(_Frames(bar))
    qt_frames, our_frames = counters
    qtbot.waitUntil(lambda: our_frames.n >= 5 and qt_frames.n >= 5, timeout=10000)   # ours animates while busy
    for bar in (qt_bar, ours):
        bar.setRange(0, 1)                      # training without a target: an empty bar with the step
        bar.setValue(0)
        bar.setFormat("step 12")
    qt_frames.n = 0
    qtbot.waitUntil(lambda: qt_frames.n >= 5, timeout=10000)     # frames already asked for are drawn
    qt_frames.n = our_frames.n = 0
    # Qt's own bar keeps animating (if a Qt release fixes this, ProgressBar is no longer needed) ...
    qtbot.waitUntil(lambda: qt_frames.n >= 30, timeout=10000)
    assert our_frames.n == 0                    # ... and ours does not


def test_set_clamped_holds_values_to_the_range(qtbot):
    box = QSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, MAX_SEED)
    assert set_clamped(box, 10**12) == MAX_SEED == box.value()      # setValue(10**12) raises OverflowError
    assert set_clamped(box, -5) == 0 == box.value()
    assert set_clamped(box, "17") == 17


def test_breeding_with_the_seed_at_its_maximum_wraps(qtbot, source, rendered):
    from gan_studio.app.explore import ExploreTab
    from gan_studio.app.model_source import Pick

    tab = ExploreTab(source)
    qtbot.addWidget(tab)
    page = tab.breed
    m = source.model
    page.set_picks([Pick.from_address(m, 9, i, 3 if m.conditional else None) for i in (0, 1)])
    page.seed_spin.setValue(page.seed_spin.maximum())
    children = page.breed()                     # raised OverflowError from seed_spin.setValue(seed + 1)
    rendered(page)
    assert len(children) == page.count_spin.value() == page.child_grid.count()
    assert page.seed_spin.value() == 0
    assert len(page.breed()) == page.count_spin.value()
    assert page.seed_spin.value() == 1


def test_gallery_seed_and_count_from_outside_are_clamped(qtbot, source):
    from gan_studio.app.gallery_tab import GalleryTab

    tab = GalleryTab(source)
    qtbot.addWidget(tab)
    tab.set_seed(2**40)
    tab.set_count(10**9)
    assert tab.seed_spin.value() == MAX_SEED
    assert tab.count_spin.value() == tab.count_spin.maximum()


# ------------------------------------------------------------------ texts that tell the truth

def test_the_save_prompt_counts_only_unsaved_steps():
    from gan_studio.app.dialogs import unsaved_text

    assert unsaved_text(650) == "The current experiment has 650 training steps that are not saved."
    assert unsaved_text(150, saved_before=True) == "150 training steps since the last save are not saved."
    assert unsaved_text(1, saved_before=True) == "1 training step since the last save is not saved."


def test_maybe_save_passes_the_steps_since_the_last_save(qtbot, monkeypatch, tmp_path, window):
    from gan_studio.app import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask_save", lambda parent, unsaved, why="", saved_before=False:
                        asked.append((unsaved, saved_before)) or "cancel")
    exp = window.experiment
    try:
        exp.trained = exp.config                 # as if trained, without a training process
        exp.stepped(650)
        assert not window.lifecycle.maybe_save() and asked[-1] == (650, False)     # never saved: all of them
        (tmp_path / "run").mkdir()
        exp.saved(tmp_path / "run", 500)
        exp.stepped(650)
        assert not window.lifecycle.maybe_save() and asked[-1] == (150, True)      # saved at 500: 150 are not
    finally:
        exp.trained = None


def test_the_status_bar_names_the_dataset_chosen_before_training(qtbot, window):
    from gan_studio.core.config import DataConfig

    w = window
    assert w.status.text("dataset") == "Offline sample"
    w.status.set("dataset", "Offline sample — 5,800 MNIST digits")      # what a finished training said
    w.experiment.set_config(w.experiment.config.replace(data=DataConfig(source="fashion-mnist")))
    assert w.status.text("dataset") == "Fashion-MNIST"
    w.experiment.set_config(w.experiment.config.replace(data=DataConfig(source="folder", path="/x/letters",
                                                                        classes=[0, 2])))
    assert w.status.text("dataset") == "Folder “letters” (2 classes)"


def test_folder_notes_say_the_hold_out_and_the_true_light_background_share(tmp_path):
    """White pages with thick dark strokes: every background is light, though some images are dark on
    average (the old note said "Most images (60 %)")."""
    from PIL import Image

    from gan_studio.app.dataset_texts import dataset_notes
    from gan_studio.core.config import DataConfig
    from gan_studio.core.data import load_dataset

    root = tmp_path / "pages"
    root.mkdir()
    for i in range(50):
        img = np.full((28, 28), 255, np.uint8)
        img[3:25, 3:3 + (20 if i % 5 < 2 else 4)] = 0          # 2 in 5 are mostly ink
        Image.fromarray(img).save(root / f"{i:02d}.png")
    ds = load_dataset(DataConfig(source="folder", path=str(root)), 28, 1)
    notes = dataset_notes(ds)
    assert ds.identity["inverted"]
    assert any(n.startswith("All images have a light background, so all were inverted") for n in notes), notes
    assert not any(n.startswith("Most images (") for n in notes), notes
    held = len(ds.heldout)
    assert held == 5
    assert "5 of the 50 images (10%) are held out to measure the generator and not trained on; training uses 45." \
        in notes


def test_explore_pretrained_does_not_reload_the_generator_on_show(qtbot, window):
    """Found by the monkey test: each Explore ▸ pretrained reloaded the same file on the GUI thread (1–4 s)."""
    w = window
    if w.model_source.model is None:
        pytest.skip("an installation without the pretrained generator")
    shown = w.model_source.model
    changes = []
    w.model_source.modelChanged.connect(changes.append)
    assert w.explore_pretrained()
    assert w.model_source.model is shown and not changes
    assert w.tabs.currentWidget() is w.gallery_tab


def test_a_run_whose_sample_png_claims_15000_px_loads_without_a_traceback(qtbot, tmp_path):
    """Opening such a run raised DecompressionBombError out of open_run; the sheet is now skipped with a reason."""
    import numpy as np
    from PIL import Image

    from gan_studio.app.sample_grid import SampleGridView
    from tests.core import bad_inputs as bad

    samples = tmp_path / "samples"
    samples.mkdir()
    Image.fromarray(np.zeros((62, 62), np.uint8)).save(samples / "step_0000010.png")
    bad.png_header_only(samples / "step_0000020.png", 15000, 15000)
    view = SampleGridView()
    qtbot.addWidget(view)
    assert view.load_folder(samples) == 1
    assert view.skipped == ["step_0000020.png is 15000×15000 pixels, larger than the 4096×4096 a progress grid "
                            "can be; not loading it"]
