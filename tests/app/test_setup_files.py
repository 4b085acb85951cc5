"""Shared setups in the window: export → open in a fresh window gives the same experiment; bad files change nothing;
dropped files and File ▸ Compare runs… reach the right action."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from gan_studio.app.main_window import MainWindow
from gan_studio.core.config import with_values
from gan_studio.core.setup import read_setup
from gan_studio.testing import tiny_config


def _open_window(qtbot):
    """A second, fresh window beside the `window` fixture's (tests/app/conftest.py)."""
    w = MainWindow(threads=1)    # not qtbot.addWidget: its close at teardown would ask to save
    w.show()
    qtbot.waitExposed(w)
    return w


def _close(w):
    w.controller.discard()
    w.close()
    w.deleteLater()


def _visible_boxes(window):
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_export_then_open_in_a_fresh_window_gives_the_same_experiment(qtbot, window, tmp_path, monkeypatch):
    config = with_values(tiny_config(), {"train.lr_g": 7e-4, "train.seed": 11, "data.classes": [1, 7],
                                         "model.latent_dim": 24})
    window.experiment.set_config(config)
    path = window.lifecycle.export_setup(tmp_path / "lesson", title="Ones and sevens",
                                         lesson="Watch the sevens appear.", notes="Table 3")
    assert path == tmp_path / "lesson.json" and path.is_file()
    assert read_setup(path).config == config
    fresh = _open_window(qtbot)
    try:
        assert fresh.experiment.config != config
        assert fresh.lifecycle.open_setup(path)
        assert fresh.experiment.config == config
        assert fresh.arch_panel.model_config() == config.model
        assert fresh.dataset_panel.data_config() == config.data
        text = fresh.banner.label.text()
        assert "Ones and sevens" in text and "Watch the sevens appear." in text and "Table 3" in text
        # File ▸ Export setup… from the opened setup: the dialog offers its texts, the file dialog names the file
        from PySide6.QtWidgets import QFileDialog

        from gan_studio.app.setup_dialog import SetupDialog

        offered = []

        def accept(dialog):
            offered.append(dialog.texts())
            dialog.notes_edit.setPlainText("  Table 4 ")
            return SetupDialog.DialogCode.Accepted

        monkeypatch.setattr(SetupDialog, "exec", accept)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "again"), "")))
        fresh.export_setup_action.trigger()
        assert offered == [("Ones and sevens", "Watch the sevens appear.", "Table 3")]
        again = read_setup(tmp_path / "again.json")
        assert again.config == config and again.notes == "Table 4" and again.lesson == "Watch the sevens appear."
    finally:
        _close(fresh)


def _valid_setup(tmp_path) -> dict:
    from gan_studio.core.setup import Setup, write_setup

    return json.loads(write_setup(tmp_path / "valid.json", Setup(tiny_config())).read_text())


BAD = {
    "not json": "{oops",
    "wrong version": {"version": 7},
    "unknown field": {"train": {"lr_g": 1e-3, "turbo": True}},
    "out of range": {"train": {"batch_size": 100000}},
    "not a setup": {"format": "something"},
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_setup_is_explained_and_the_experiment_unchanged(qtbot, window, tmp_path, kind):
    before = with_values(tiny_config(), {"train.lr_d": 3e-4})
    window.experiment.set_config(before)
    path = tmp_path / "bad.json"
    content = BAD[kind]
    path.write_text(content if isinstance(content, str) else json.dumps({**_valid_setup(tmp_path), **content}))
    assert not window.lifecycle.open_setup(path)
    boxes = _visible_boxes(window)
    assert boxes and boxes[-1].windowTitle() == "This setup cannot be opened"
    assert "bad.json" in boxes[-1].text() and "Nothing was changed" in boxes[-1].text()
    assert window.experiment.config == before
    assert window.arch_panel.model_config() == before.model


def test_open_run_routes_a_setup_file_and_a_drop_opens_it(qtbot, window, tmp_path):
    from gan_studio.core.setup import Setup, write_setup

    config = with_values(tiny_config(), {"train.lr_g": 9e-4})
    path = write_setup(tmp_path / "shared.json", Setup(config, title="Dropped"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDragEnterEvent

    def enter(p):
        m = QMimeData()
        m.setUrls([QUrl.fromLocalFile(str(p))])
        e = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, m, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        e.setAccepted(False)
        window.dragEnterEvent(e)
        return e.isAccepted()

    (tmp_path / "picture.png").write_bytes(b"x")
    assert enter(path) and enter(tmp_path) and not enter(tmp_path / "picture.png")
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.experiment.config == config, timeout=3000)
    assert "Dropped" in window.banner.label.text()
    other = with_values(tiny_config(), {"train.lr_g": 3e-4})
    assert window.lifecycle.open_run(write_setup(tmp_path / "cli.json", Setup(other)))   # `gan-studio open x.json`
    assert window.experiment.config == other


def test_compare_runs_from_the_file_menu_and_by_dropping_folders(qtbot, window, tmp_path):
    from tests.core.test_compare import make_run

    runs = [make_run(tmp_path / name, steps=10) for name in ("one", "two", "three")]
    for r in runs:
        window.settings.add_recent_run(r)
    window.compare_action.trigger()
    cw = window.compare_window
    assert cw.isVisible() and cw.run_list.count() == 3 and cw.background      # read on a worker thread
    qtbot.waitUntil(lambda: not cw.loading, timeout=10000)
    assert len(cw.runs) == 2                       # the first two on offer are ticked
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in runs])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: len(cw.runs) == 3, timeout=3000)
    assert len(cw.curves_for("loss_d")) == 3
    cw.close()
