"""DatasetPanel with real widgets (offscreen): preview, class filter, folders, downloads."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from gan_studio.app import dataset_download as download_module
from gan_studio.app.dataset_panel import DatasetPanel
from gan_studio.core.config import DataConfig
from gan_studio.core.data import DatasetUnavailable


def class_boxes(panel) -> list:
    """The class check boxes as the panel shows them, in class order."""
    grid = panel.class_grid
    return [grid.itemAt(i).widget() for i in range(grid.count())]


@pytest.fixture
def panel(qtbot):
    p = DatasetPanel()
    qtbot.addWidget(p)
    p.resize(360, 900)
    yield p
    p.shutdown()


def wait_loaded(qtbot, panel, timeout=15000):
    qtbot.waitUntil(lambda: panel.current_dataset() is not None and not panel.is_busy(), timeout=timeout)
    return panel.current_dataset()


def test_offline_sample_is_default_and_previews(qtbot, panel):
    assert panel.data_config().source == "sample"
    ds = wait_loaded(qtbot, panel)
    n = len(ds.train)
    assert n == 10_000
    assert f"{n:,} images" in panel.count_label.text()
    counts = panel.histogram.counts()
    assert len(counts) == 10 and sum(counts) == n
    assert all(c == 1000 for c in counts)
    img = panel.preview.image()
    assert img is not None and img.dtype == np.uint8 and img.max() > 200   # real strokes are shown
    assert "Offline sample" in panel.notes_label.text()
    assert len(class_boxes(panel)) == 10 and all(b.isChecked() for b in class_boxes(panel))


def test_class_filter_sets_classes_and_emits(qtbot, panel):
    wait_loaded(qtbot, panel)
    with qtbot.waitSignal(panel.dataConfigChanged) as sig:
        class_boxes(panel)[3].setChecked(False)
    assert sig.args[0].classes == [0, 1, 2, 4, 5, 6, 7, 8, 9]
    class_boxes(panel)[7].setChecked(False)
    cfg = panel.data_config()
    assert len(cfg.classes) == 8 and 3 not in cfg.classes and 7 not in cfg.classes
    assert "8,000 of 10,000" in panel.count_label.text()
    assert panel.class_summary.text() == "8 of 10 classes"
    with qtbot.waitSignal(panel.dataConfigChanged):
        panel.all_button.click()
    assert panel.data_config().classes is None
    panel.none_button.click()
    assert panel.data_config().classes == []
    assert "at least one class" in panel.message.text()


def _png(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.zeros((20, 20), np.uint8)
    arr[5:15, 8:12] = value
    Image.fromarray(arr).save(path)


def test_folder_source_shows_count_and_skipped(qtbot, panel, tmp_path):
    root = tmp_path / "imgs"
    for i in range(3):
        _png(root / "cats" / f"c{i}.png", 200)
    for i in range(2):
        _png(root / "dogs" / f"d{i}.png", 255)
    (root / "dogs" / "broken.png").write_bytes(b"not really a png")
    wait_loaded(qtbot, panel)
    with qtbot.waitSignal(panel.dataConfigChanged) as sig:
        panel.set_folder(str(root))
    assert sig.args[0].source == "folder" and sig.args[0].path == str(root)
    qtbot.waitUntil(lambda: panel.current_dataset() is not None
                    and panel.current_dataset().source == "folder", timeout=15000)
    ds = panel.current_dataset()
    total = len(ds.train)
    assert total + len(ds.heldout) == 5
    assert f"{total:,} images" in panel.count_label.text()
    assert "1 skipped" in panel.count_label.text() or "1 unreadable" in panel.notes_label.text()
    assert "unreadable" in panel.notes_label.text()
    assert [b.text() for b in class_boxes(panel)] == ["cats", "dogs"]
    assert panel.folder_path_label.text() == str(root)
    assert panel.folder_row.isVisibleTo(panel)


def test_uncached_mnist_offers_download(qtbot, panel):
    wait_loaded(qtbot, panel)
    idx = panel.source_combo.findData("mnist")
    assert "not downloaded" in panel.source_combo.itemText(idx)
    with qtbot.waitSignal(panel.dataConfigChanged) as sig:
        panel.source_combo.setCurrentIndex(idx)
    assert sig.args[0].source == "mnist"
    assert panel.download_row.isVisibleTo(panel)
    assert panel.download_button.isEnabled() and panel.import_button.isEnabled()
    assert panel.current_dataset() is None
    assert len(class_boxes(panel)) == 10      # classes can be chosen before downloading


def test_failed_download_shows_message(qtbot, panel, monkeypatch):
    def offline(key, progress=None, cancel=None, **kw):
        progress(0, 100)
        raise DatasetUnavailable("no network: could not reach any MNIST mirror")

    monkeypatch.setattr(download_module, "download_dataset", offline)
    wait_loaded(qtbot, panel)
    panel.set_data_config(DataConfig(source="mnist"))
    assert panel.download_row.isVisibleTo(panel)
    panel.download_button.click()
    assert panel.cancel_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    text = panel.message.text()
    assert "could not reach" in text and "Import folder" in text
    assert panel.message.kind == "error"
    assert not panel.progress_bar.isVisibleTo(panel)
    assert panel.download_button.isEnabled()


def test_cancel_download(qtbot, panel, monkeypatch):
    import time

    from gan_studio.core.data import DatasetCancelled

    def slow(key, progress=None, cancel=None, **kw):
        progress(1, 500)
        deadline = time.monotonic() + 60             # bounds a hang only: Cancel ends it
        while not cancel() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise DatasetCancelled("download")

    monkeypatch.setattr(download_module, "download_dataset", slow)
    panel.set_data_config(DataConfig(source="kmnist"))
    panel.download_button.click()
    qtbot.waitUntil(lambda: panel.progress_bar.maximum() == 1000, timeout=5000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    assert "cancelled" in panel.message.text().lower()


def test_locked_blocks_source_changes(qtbot, panel):
    wait_loaded(qtbot, panel)
    panel.set_locked(True)
    assert not panel.source_combo.isEnabled()
    assert not any(b.isEnabled() for b in class_boxes(panel))
    panel.set_locked(False)
    assert panel.source_combo.isEnabled() and all(b.isEnabled() for b in class_boxes(panel))


def test_set_data_config_restores_classes_without_emitting(qtbot, panel):
    wait_loaded(qtbot, panel)
    seen = []
    panel.dataConfigChanged.connect(seen.append)
    panel.set_data_config(DataConfig(source="sample", classes=[1, 2]))
    assert panel.data_config().classes == [1, 2]
    qtbot.waitUntil(lambda: panel.current_dataset() is not None)
    checked = [i for i, b in enumerate(class_boxes(panel)) if b.isChecked()]
    assert checked == [1, 2]
    assert seen == []
