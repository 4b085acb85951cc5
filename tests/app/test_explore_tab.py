"""Explore tab (Interpolate, Plane, Directions, Breed) with real widgets on a tiny trained generator."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from gan_studio.app.explore import ExploreTab
from gan_studio.app.model_source import ModelSource, Pick
from gan_studio.core.explore.breeding import Lineage
from gan_studio.core.explore.latent import interpolate_labels, interpolate_path



@pytest.fixture
def tab(qtbot, source):
    t = ExploreTab(source)
    qtbot.addWidget(t)
    t.resize(1100, 720)
    return t


def _picks(model, seed, indices, labels):
    return [Pick.from_address(model, seed, i, lab) for i, lab in zip(indices, labels)]


def test_interpolation_strip_matches_core(tab, source, rendered):
    m = source.model
    page = tab.interpolate
    keys = _picks(m, 7, [1, 4], [1, 4])
    page.set_keyframes(keys)
    page.steps_slider.setValue(8)
    page.refresh()
    rendered(page)
    z = interpolate_path(np.stack([k.latent for k in keys]), 8, "slerp", False)
    expected = m.generate(z, interpolate_labels([1, 4], 8, m.num_classes, False))
    assert page.strip.count() == 9
    assert np.array_equal(page.frames(), expected)
    slerp_frames = page.frames().copy()
    page.lerp_radio.setChecked(True)
    page.refresh()
    rendered(page)
    assert page.frames().shape == slerp_frames.shape
    assert not np.array_equal(page.frames(), slerp_frames)
    assert np.array_equal(page.frames()[[0, -1]], slerp_frames[[0, -1]])  # same keyframes
    page.loop_check.setChecked(True)
    page.refresh()
    rendered(page)
    assert page.strip.count() == 16


def test_keyframes_reorder_and_remove(tab, source, rendered):
    page = tab.interpolate
    keys = _picks(source.model, 3, [0, 1, 2], [0, 1, 2])
    page.set_keyframes(keys)
    rendered(page)
    page.key_grid.set_selected([0])
    page.move_selected(1)
    assert [k.index for k in page.keyframes] == [1, 0, 2]
    rendered(page)
    assert page.key_grid.selected() == [1]          # the moved keyframe stays selected
    assert page.key_grid.tooltip(0) == keys[1].caption(source.model)
    page.key_grid.set_selected([2])
    page.remove_selected()
    assert [k.index for k in page.keyframes] == [1, 0]
    rendered(page)
    assert page.key_grid.count() == 2


def test_gif_export_and_playback(qtbot, tab, source, tmp_path, monkeypatch, wait_frames, rendered):
    page = tab.interpolate
    page.set_keyframes(_picks(source.model, 7, [0, 1, 2], [0, 1, 2]))
    page.steps_slider.setValue(4)
    page.scale_spin.setValue(2)
    page.refresh()
    rendered(page)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "walk.gif"), ""))
    page.export_gif()
    with Image.open(tmp_path / "walk.gif") as gif:
        assert gif.n_frames == 9 and gif.size == (56, 56)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "walk.mp4"), ""))
    assert page.export_mp4().stat().st_size > 0
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "frames"))
    frames = page.export_frames()
    assert len(frames) == 9 and Image.open(frames[4]).size == (56, 56)
    page.fps_spin.setValue(60)
    page.play_btn.setChecked(True)
    start = page.strip.current()
    qtbot.waitUntil(lambda: page.strip.current() != start, timeout=3000)
    page.play_btn.setChecked(False)
    stopped = page.strip.current()
    wait_frames(30)                                     # half a second: 30 frames at 60 fps would have played
    assert page.strip.current() == stopped


def test_plane_corners(tab, source, rendered):
    m = source.model
    page = tab.plane
    a, b, c = _picks(m, 11, [0, 1, 2], [5, 5, 5])
    page.set_picks([a, b, c])
    page.rows_spin.setValue(3)
    page.cols_spin.setValue(3)
    page.refresh()
    rendered(page)
    imgs = page.images()
    assert len(imgs) == 9
    corners = m.generate(np.stack([a.latent, b.latent, c.latent, b.latent + c.latent - a.latent]), np.full(4, 5))
    assert np.array_equal(imgs[[0, 2, 6]], corners[:3])
    assert np.abs(imgs[8].astype(int) - corners[3].astype(int)).max() <= 1
    page.analogy_check.setChecked(False)
    page.refresh()
    rendered(page)
    mid = m.generate(((b.latent + c.latent) / 2)[None], [5])
    assert np.abs(page.images()[8].astype(int) - mid[0].astype(int)).max() <= 1


def test_directions_move_the_image_and_reset_restores(qtbot, tab, source, rendered):
    page = tab.directions
    tab.show_page("directions")
    with qtbot.waitSignal(page.directionsReady, timeout=30000):
        page.ensure_directions()
    assert page.directions is not None
    assert source.directions_cache  # cached for the next page / tab on this model
    page.set_picks(_picks(source.model, 5, [0], [2]))
    rendered(page)
    start = page.image().copy()
    assert np.array_equal(start, source.model.generate(source.model.latents(5, 1), [2])[0])
    page.dir_sliders[0].setValue(100)
    page.refresh()
    rendered(page)
    assert not np.array_equal(page.image(), start)
    page.reset()
    rendered(page)
    assert np.array_equal(page.image(), start)
    page.raw_sliders[3].setValue(-300)
    page.refresh()
    rendered(page)
    assert page.current_latent()[3] == pytest.approx(-3.0)
    assert not np.array_equal(page.image(), start)
    page.reset_btn.click()
    rendered(page)
    assert np.array_equal(page.image(), start)


def test_breeding_is_deterministic_and_keeps_lineage(tab, source, rendered):
    m = source.model
    page = tab.breed
    parents = _picks(m, 9, [0, 1], [3, 3])
    page.set_picks(parents)
    page.seed_spin.setValue(5)
    first = [c.latent.copy() for c in page.breed()]
    rendered(page)
    assert len(first) == page.count_spin.value() == page.child_grid.count()
    page.set_picks(parents)
    page.seed_spin.setValue(5)
    again = [c.latent for c in page.breed()]
    rendered(page)
    assert all(np.array_equal(x, y) for x, y in zip(first, again))

    page.promote(0)
    page.promote(1)
    assert [p.creature_id for p in page.parents] == [page.children[0].creature_id, page.children[1].creature_id]
    grandkids = page.breed()
    rendered(page)
    anc = page.ancestry(grandkids[0].creature_id)
    grandparents = {source.creature_for(p).id for p in parents}
    assert grandparents <= {a.id for a in anc}
    page.child_grid.set_selected([0])
    rendered(page)
    assert page.ancestry_grid.count() == len(anc)
    # saved as JSON with the favourites, and reloaded with the model
    saved = Lineage.from_json(source.lineage_path().read_text())
    assert grandkids[0].creature_id in saved
    reopened = ModelSource()
    reopened.open(m.source)
    assert grandparents <= {a.id for a in reopened.lineage.ancestors(grandkids[0].creature_id)}


def test_send_from_gallery_routes_to_pages(tab, source, rendered):
    picks = _picks(source.model, 2, [0, 1, 2], [0, 1, 2])
    source.send_to_explore(picks, "plane")
    assert tab.tabs.currentWidget() is tab.plane
    assert [p.index for p in tab.plane.corners] == [0, 1, 2]
    source.send_to_explore(picks[:2], "breed")
    assert tab.tabs.currentWidget() is tab.breed and len(tab.breed.parents) == 2
    source.send_to_explore(picks, "interpolate")
    rendered(tab)
    assert len(tab.interpolate.keyframes) == 3 and tab.interpolate.strip.count() > 3


def test_works_without_a_model(qtbot):
    t = ExploreTab(ModelSource())
    qtbot.addWidget(t)
    assert t.interpolate.frames().shape[0] == 0
    assert t.plane.images().shape[0] == 0


def test_images_are_made_off_the_gui_thread_and_only_the_newest_is_shown(qtbot, tab, source, rendered):
    """Issue 27: with training on the other core a plane of 49 digits took over a second on the GUI thread (the
    monkey's stalls).  The forward pass runs on the render thread; of requests made while one runs only the
    newest is shown."""
    import threading

    page = tab.plane
    rendered(tab)
    m = source.model
    threads, real = [], m.generate

    def spying(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    m.generate = spying
    try:
        page.set_picks(_picks(m, 11, [0, 1, 2], [5, 5, 5]))
        for n in range(2, 8):                   # a spin box stepped quickly: six requests
            page.rows_spin.setValue(n)
            page.refresh()
        assert page.rendering()
        rendered(page)
    finally:
        m.generate = real
    assert threads and threading.main_thread() not in threads
    assert len(threads) <= 3                    # the first, maybe one more, then the newest: not six
    assert page.grid.count() == 7 * 7 and len(page.picks()) == 49
