"""file_export: the one save flow (dialog → suffix → write → report → remembered folder) with real widgets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from gan_studio.app import file_export
from gan_studio.app.file_export import export_file, export_folder, last_folder
from gan_studio.core.explore.exports import save_images, save_png

IMG = np.full((4, 4, 1), 200, np.uint8)


@pytest.fixture
def parent(qtbot, monkeypatch):
    monkeypatch.setattr(file_export, "_last_folder", None)  # a fresh app session
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def dialogs(monkeypatch):
    """Answers the save dialog with `dialogs.answer` and records what it was asked."""
    class Dialogs:
        answer = ""
        asked: list[tuple] = []

    def save_dialog(parent, title, default, filt):
        Dialogs.asked.append((title, default, filt))
        return Dialogs.answer, filt

    Dialogs.asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    return Dialogs


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def test_suffix_is_added_unless_present(parent, tmp_path):
    out = tmp_path / "out"

    def write(path: Path) -> Path:
        return save_png(path, IMG)

    assert export_file(parent, "Export PNG", "a.png", "PNG (*.png)", "png", write,
                       path=out / "plain") == out / "plain.png"
    assert export_file(parent, "Export PNG", "a.png", "PNG (*.png)", ".png", write,
                       path=out / "upper.PNG") == out / "upper.PNG"
    assert export_file(parent, "Export PNG", "a.png", "PNG (*.png)", ".png", write,
                       path=out / "v1.2") == out / "v1.2.png"
    assert Image.open(out / "plain.png").size == (4, 4)
    assert sorted(p.name for p in out.iterdir()) == ["plain.png", "upper.PNG", "v1.2.png"]


def test_dialog_starts_in_the_last_folder_and_reports(parent, dialogs, tmp_path):
    status = QLabel()
    assert last_folder() == Path.home()
    dialogs.answer = str(tmp_path / "first" / "walk")

    def write(path: Path) -> Path:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"GIF89a")
        return path

    out = export_file(parent, "Export GIF", "suggested.gif", "GIF (*.gif)", "gif", write, report=status.setText)
    assert out == tmp_path / "first" / "walk.gif" and out.read_bytes() == b"GIF89a"
    assert dialogs.asked[0] == ("Export GIF", str(Path.home() / "suggested.gif"), "GIF (*.gif)")
    assert status.text() == "Saved walk.gif"
    assert last_folder() == tmp_path / "first"

    dialogs.answer = ""  # cancelled: nothing written, nothing reported, folder kept
    status.setText("")
    assert export_file(parent, "Export GIF", "next.gif", "GIF (*.gif)", "gif",
                       lambda p: pytest.fail("written although cancelled"), report=status.setText) is None
    assert dialogs.asked[1][1] == str(tmp_path / "first" / "next.gif")
    assert status.text() == "" and last_folder() == tmp_path / "first"

    folder = tmp_path / "frames"
    written = export_folder(parent, "Frames", lambda f: save_images(f, np.stack([IMG, IMG]), ["a", "b"]),
                            path=folder, report=status.setText,
                            message=lambda paths: f"{len(paths)} frames in {paths[0].parent.name}")
    assert [p.name for p in written] == ["a.png", "b.png"]
    assert status.text() == "2 frames in frames" and last_folder() == folder


def test_failed_write_shows_the_file_and_reason_and_returns_none(parent, warnings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status = QLabel("before")
    # a core writer: its ExportError already names the file
    assert export_file(parent, "Export PNG", "a.png", "PNG (*.png)", "png", lambda p: save_png(p, IMG),
                       path=blocker / "out.png", report=status.setText) is None
    title, text = warnings[-1]
    assert title == "Export failed" and text.startswith(f"Could not write {blocker / 'out.png'}")
    assert text.count("Could not write") == 1

    def broken(p):
        raise ValueError("frames must be uint8")
    assert export_file(parent, "Export PNG", "a.png", "PNG (*.png)", "png", broken, path=tmp_path / "bad") is None
    assert warnings[-1] == ("Export failed", f"Could not write {tmp_path / 'bad.png'}: frames must be uint8")
    assert not (tmp_path / "bad.png").exists() and not (blocker.parent / "out.png").exists()
    assert status.text() == "before"
    assert last_folder() == Path.home()  # a failed export does not move the next dialog
