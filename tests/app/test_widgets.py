"""Shared widget helpers: seed boxes that wrap or clamp instead of raising OverflowError."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from gan_studio.app.widgets import next_seed, set_clamped

MAX_SEED = 2**31 - 1


def test_next_seed_wraps_at_the_maximum(qtbot):
    box = QSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, MAX_SEED)
    box.setValue(41)
    assert next_seed(box) == 42 == box.value()
    box.setValue(MAX_SEED)
    assert next_seed(box) == 0 == box.value()


def test_set_clamped_holds_values_to_the_range(qtbot):
    box = QSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, MAX_SEED)
    assert set_clamped(box, 10**12) == MAX_SEED == box.value()      # setValue(10**12) raises OverflowError
    assert set_clamped(box, -5) == 0 == box.value()
    assert set_clamped(box, "17") == 17


def test_breeding_with_the_seed_at_its_maximum_wraps(qtbot, source):
    from gan_studio.app.explore import ExploreTab
    from gan_studio.app.model_source import Pick

    tab = ExploreTab(source)
    qtbot.addWidget(tab)
    page = tab.breed
    m = source.model
    page.set_picks([Pick.from_address(m, 9, i, 3 if m.conditional else None) for i in (0, 1)])
    page.seed_spin.setValue(page.seed_spin.maximum())
    children = page.breed()                     # raised OverflowError from seed_spin.setValue(seed + 1)
    assert len(children) == page.count_spin.value()
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
