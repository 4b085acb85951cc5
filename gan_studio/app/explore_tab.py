"""Explore tab: walk the generator's latent space (Interpolate, Plane, Directions, Breed).

Each page keeps a few `Pick`s (from the Gallery via `ModelSource.send_to_explore`,
from favourites, or random) and regenerates on every change after a short
debounce.  The maths is in `gan_studio.core.latent`; exports in `core.exports`.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QThreadPool, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QMenu, QMessageBox, QProgressBar, QPushButton, QRadioButton,
                               QSlider, QSpinBox, QSplitter, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from ..core.exports import ExportError, export_name, save_frames, save_gif, save_mp4
from ..core.latent import (apply_directions, breed, interpolate_labels, interpolate_path, plane_grid,
                           principal_directions)
from .digit_view import DigitGrid, DigitImage
from .gallery_tab import section_title, tool_button
from .model_source import ModelSource, Pick
from .widgets import background, if_alive, scroll_panel

DEBOUNCE_MS = 40
EMPTY = np.zeros((0, 1, 1, 1), np.uint8)


def _labels_for(model, labels) -> np.ndarray | None:
    if model is None or not model.conditional:
        return None
    return np.array([0 if lab is None else int(lab) for lab in labels], dtype=np.int64)


def _random_picks(model, n: int) -> list[Pick]:
    seed = random.randrange(0, 1_000_000)
    return [Pick.from_address(model, seed, i, i % model.num_classes if model.conditional else None)
            for i in range(n)]


def _short(p: Pick) -> str:
    if p.seed is not None:
        return f"seed {p.seed} #{p.index}"
    return p.caption()


def _digit_combo(model, with_auto: str | None = None) -> QComboBox:
    box = QComboBox()
    _fill_digits(box, model, with_auto)
    return box


def _fill_digits(box: QComboBox, model, with_auto: str | None = None) -> None:
    box.blockSignals(True)
    box.clear()
    if with_auto:
        box.addItem(with_auto, None)
    if model is not None and model.conditional:
        names = model.class_names or [str(i) for i in range(model.num_classes)]
        for i in range(model.num_classes):
            box.addItem(f"Digit {names[i] if i < len(names) else i}", i)
    box.blockSignals(False)


class _Page(QWidget):
    """Common plumbing: the source, a debounce timer, an error box, a status line."""

    def __init__(self, source: ModelSource, parent=None):
        super().__init__(parent)
        self.source = source
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(mid);")
        self.last_refresh_ms = 0.0
        self._export_dir = Path.home()

    @property
    def model(self):
        return self.source.model

    def schedule(self, *_) -> None:
        self._debounce.start()

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def set_picks(self, picks: list[Pick]) -> None:  # pragma: no cover - overridden
        pass

    def on_model(self, model) -> None:
        self.refresh()

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _render(self, latents: np.ndarray, labels) -> np.ndarray:
        m = self.model
        if m is None or len(latents) == 0:
            return EMPTY
        if labels is not None and np.asarray(labels).ndim == 1:
            labels = _labels_for(m, labels)
        return m.generate(latents, labels if m.conditional else None)


# ================================================================ Interpolate

class InterpolatePage(_Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.keyframes: list[Pick] = []
        self._frames = EMPTY
        self._frame = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

        # keyframes row
        self.key_grid = DigitGrid(cell=64, gap=8, captions=True,
                                  placeholder="Keyframes: select 2+ digits in the Gallery and choose "
                                              "Send to Explore, or add favourites / random digits.")
        self.key_grid.setFixedHeight(112)
        self.key_grid.selectionChanged.connect(self._update_buttons)
        add_menu = QMenu(self)
        add_menu.addAction("Add favourites", self.add_favourites)
        add_menu.addAction("Add a random digit", lambda: self.add_keyframes(_random_picks(self.model, 1)))
        self.add_btn = tool_button("Add ▾", "Add keyframes", add_menu)
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.left_btn = tool_button("◀", "Move the selected keyframe earlier")
        self.left_btn.clicked.connect(lambda: self.move_selected(-1))
        self.right_btn = tool_button("▶", "Move the selected keyframe later")
        self.right_btn.clicked.connect(lambda: self.move_selected(1))
        self.remove_btn = tool_button("Remove", "Remove the selected keyframes (Delete)")
        self.remove_btn.clicked.connect(self.remove_selected)
        key_bar = QHBoxLayout()
        key_bar.addWidget(section_title("Keyframes"))
        key_bar.addStretch(1)
        for b in (self.add_btn, self.left_btn, self.right_btn, self.remove_btn):
            key_bar.addWidget(b)

        # controls
        self.slerp_radio = QRadioButton("Slerp")
        self.slerp_radio.setToolTip("Spherical: keeps in-between latents as typical as the keyframes")
        self.lerp_radio = QRadioButton("Lerp")
        self.lerp_radio.setToolTip("Straight line: in-betweens drift towards the average digit")
        self.slerp_radio.setChecked(True)
        mode_group = QButtonGroup(self)
        mode_group.addButton(self.slerp_radio)
        mode_group.addButton(self.lerp_radio)
        self.steps_slider = QSlider(Qt.Orientation.Horizontal)
        self.steps_slider.setRange(1, 60)
        self.steps_slider.setValue(12)
        self.steps_label = QLabel("12")
        self.steps_label.setMinimumWidth(26)
        self.loop_check = QCheckBox("Loop")
        self.loop_check.setToolTip("Return to the first keyframe, for a seamless animation")
        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, 60)
        self.fps_spin.setValue(12)
        self.fps_spin.setSuffix(" fps")
        self.play_btn = QPushButton("▶ Play")
        self.play_btn.setCheckable(True)
        self.play_btn.toggled.connect(self.set_playing)
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(1, 16)
        self.scale_spin.setValue(4)
        self.scale_spin.setSuffix(" ×")
        self.scale_spin.setToolTip("Export scale factor")
        exp_menu = QMenu(self)
        exp_menu.addAction("Animated GIF…", self.export_gif)
        exp_menu.addAction("MP4 video…", self.export_mp4)
        exp_menu.addAction("PNG frames…", self.export_frames)
        self.export_btn = tool_button("Export ▾", "Export the animation", exp_menu)
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        ctl = QHBoxLayout()
        ctl.addWidget(self.slerp_radio)
        ctl.addWidget(self.lerp_radio)
        ctl.addSpacing(16)
        ctl.addWidget(QLabel("Steps"))
        ctl.addWidget(self.steps_slider, 1)
        ctl.addWidget(self.steps_label)
        ctl.addWidget(self.loop_check)
        ctl.addSpacing(16)
        ctl.addWidget(self.play_btn)
        ctl.addWidget(self.fps_spin)
        ctl.addSpacing(16)
        ctl.addWidget(QLabel("Scale"))
        ctl.addWidget(self.scale_spin)
        ctl.addWidget(self.export_btn)

        self.strip = DigitGrid(cell=72, gap=4, selectable=False, placeholder="Frames appear here.")
        self.strip.clicked.connect(self.show_frame)
        self.preview = DigitImage(placeholder="Add two keyframes", min_size=200)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.strip)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 300])

        lay = QVBoxLayout(self)
        lay.addLayout(key_bar)
        lay.addWidget(self.key_grid)
        lay.addLayout(ctl)
        lay.addWidget(split, 1)
        lay.addWidget(self.status)

        for sig in (self.slerp_radio.toggled, self.steps_slider.valueChanged, self.loop_check.toggled):
            sig.connect(self.schedule)
        self.steps_slider.valueChanged.connect(lambda v: self.steps_label.setText(str(v)))
        self.fps_spin.valueChanged.connect(self._update_timer)
        self._update_buttons()

    # keyframes
    def set_picks(self, picks: list[Pick]) -> None:
        self.set_keyframes(picks)

    def set_keyframes(self, picks: list[Pick]) -> None:
        self.keyframes = list(picks)
        self._keys_changed()

    def add_keyframes(self, picks: list[Pick]) -> None:
        if self.model is None:
            return
        self.keyframes.extend(picks)
        self._keys_changed()

    def add_favourites(self) -> None:
        favs = self.source.favourite_picks()
        if not favs:
            self.status.setText("No favourites yet: star digits in the Gallery (F)")
            return
        self.add_keyframes(favs)

    def move_selected(self, delta: int) -> None:
        sel = self.key_grid.selected()
        if len(sel) != 1:
            return
        i, j = sel[0], sel[0] + delta
        if 0 <= j < len(self.keyframes):
            self.keyframes[i], self.keyframes[j] = self.keyframes[j], self.keyframes[i]
            self._keys_changed()
            self.key_grid.set_selected([j])

    def remove_selected(self) -> None:
        sel = set(self.key_grid.selected())
        if sel:
            self.keyframes = [k for i, k in enumerate(self.keyframes) if i not in sel]
            self._keys_changed()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.key_grid.selected():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def _keys_changed(self) -> None:
        imgs = self._render(np.stack([k.latent for k in self.keyframes]), [k.label for k in self.keyframes]) \
            if self.keyframes else EMPTY
        self.key_grid.set_images(imgs, [k.caption() for k in self.keyframes],
                                 [f"{i + 1} · {k.label}" if k.label is not None else f"{i + 1}"
                                  for i, k in enumerate(self.keyframes)])
        self._update_buttons()
        self.refresh()

    def _update_buttons(self) -> None:
        sel = self.key_grid.selected()
        self.left_btn.setEnabled(len(sel) == 1 and sel[0] > 0)
        self.right_btn.setEnabled(len(sel) == 1 and sel[0] < len(self.keyframes) - 1)
        self.remove_btn.setEnabled(bool(sel))
        ok = len(self.keyframes) >= 2
        self.play_btn.setEnabled(ok)
        self.export_btn.setEnabled(ok)
        self.add_btn.setEnabled(self.model is not None)

    # frames
    def mode(self) -> str:
        return "slerp" if self.slerp_radio.isChecked() else "lerp"

    def path(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(latents (F, D), labels: soft weights (F, K) or None) of the current strip."""
        m = self.model
        keys = np.stack([k.latent for k in self.keyframes])
        steps, loop = self.steps_slider.value(), self.loop_check.isChecked()
        z = interpolate_path(keys, steps, self.mode(), loop)
        labels = None
        if m is not None and m.conditional:
            labels = interpolate_labels(_labels_for(m, [k.label for k in self.keyframes]), steps, m.num_classes,
                                        loop)
        return z, labels

    def frames(self) -> np.ndarray:
        return self._frames

    def refresh(self) -> None:
        self._debounce.stop()
        if self.model is None or len(self.keyframes) < 2:
            self._frames = EMPTY
            self.strip.set_images(EMPTY)
            self.preview.set_image(self.key_grid.images()[0] if self.keyframes else None)
            self.status.setText("Interpolation needs at least two keyframes" if self.model else "")
            self._update_buttons()
            if self.play_btn.isChecked():
                self.play_btn.setChecked(False)
            return
        t0 = time.perf_counter()
        z, labels = self.path()
        self._frames = self.model.generate(z, labels)
        self.strip.set_images(self._frames, [f"frame {i}" for i in range(len(self._frames))])
        self._frame = min(self._frame, len(self._frames) - 1)
        self.show_frame(self._frame)
        self.last_refresh_ms = (time.perf_counter() - t0) * 1000
        self.status.setText(f"{len(self._frames)} frames · {self.mode()} · {self.last_refresh_ms:.0f} ms")

    def show_frame(self, i: int) -> None:
        if not len(self._frames):
            return
        self._frame = int(i) % len(self._frames)
        self.strip.set_current(self._frame)
        self.preview.set_image(self._frames[self._frame], f"frame {self._frame + 1} / {len(self._frames)}")

    # playback
    def set_playing(self, on: bool) -> None:
        if on and len(self._frames):
            self._update_timer()
            self._timer.start()
            self.play_btn.setText("❚❚ Pause")
        else:
            self._timer.stop()
            self.play_btn.setText("▶ Play")
            if self.play_btn.isChecked():
                self.play_btn.setChecked(False)

    def _update_timer(self) -> None:
        self._timer.setInterval(max(1, int(1000 / self.fps_spin.value())))

    def _tick(self) -> None:
        self.show_frame(self._frame + 1)

    # exports
    def _ask_path(self, title: str, ext: str, filt: str) -> Path | None:
        k = self.keyframes[0]
        name = export_name(self.model.name, k.seed or 0, k.index or 0, k.label, ext)
        stem = name.rsplit(".", 1)[0]
        default = f"{stem}_interp{len(self.keyframes)}.{ext}" if ext else f"{stem}_frames"
        path, _ = QFileDialog.getSaveFileName(self, title, str(self._export_dir / default), filt)
        if not path:
            return None
        path = Path(path)
        if ext and path.suffix.lower() != f".{ext}":
            path = path.with_name(f"{path.name}.{ext}")
        return path

    def _export(self, fn, title, ext, filt):
        if not len(self._frames):
            self._error("Nothing to export", "Add at least two keyframes first.")
            return None
        path = self._ask_path(title, ext, filt)
        if path is None:
            return None
        try:
            out = fn(path)
        except (ExportError, ValueError, OSError, RuntimeError) as exc:
            self._error("Export failed", str(exc))
            return None
        self._export_dir = path.parent
        self.status.setText(f"Saved {path.name}")
        return out

    def export_gif(self):
        return self._export(lambda p: save_gif(p, self._frames, fps=self.fps_spin.value(),
                                               scale=self.scale_spin.value()),
                            "Export animated GIF", "gif", "GIF animation (*.gif)")

    def export_mp4(self):
        return self._export(lambda p: save_mp4(p, self._frames, fps=self.fps_spin.value(),
                                               scale=self.scale_spin.value()),
                            "Export MP4 video", "mp4", "MP4 video (*.mp4)")

    def export_frames(self):
        if not len(self._frames):
            self._error("Nothing to export", "Add at least two keyframes first.")
            return None
        folder = QFileDialog.getExistingDirectory(self, "Export PNG frames to folder", str(self._export_dir))
        if not folder:
            return None
        try:
            from ..core.images import upscale
            out = save_frames(folder, upscale(self._frames, self.scale_spin.value()), stem="frame")
        except (ExportError, ValueError, OSError) as exc:
            self._error("Export failed", str(exc))
            return None
        self.status.setText(f"Saved {len(out)} frames to {folder}")
        return out

    def on_model(self, model) -> None:
        self.set_playing(False)
        self.keyframes = _random_picks(model, 3) if model is not None else []
        self._keys_changed()


# ====================================================================== Plane

class PlanePage(_Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.corners: list[Pick] = []
        self.corner_grid = DigitGrid(cell=72, gap=30, captions=True, selectable=False,
                                     placeholder="Send three digits from the Gallery (Send to Explore ▸ "
                                                 "As plane corners), or shuffle.")
        self.corner_grid.setFixedHeight(118)
        self.shuffle_btn = tool_button("Shuffle corners", "Three random digits as A, B, C")
        self.shuffle_btn.clicked.connect(self.shuffle)
        self.rows_spin = QSpinBox()
        self.rows_spin.setRange(2, 16)
        self.rows_spin.setValue(7)
        self.cols_spin = QSpinBox()
        self.cols_spin.setRange(2, 16)
        self.cols_spin.setValue(7)
        self.analogy_check = QCheckBox("Analogy corner (C + B − A)")
        self.analogy_check.setChecked(True)
        self.analogy_check.setToolTip("Bottom-right applies to C the change that turns A into B; "
                                      "off: the midpoint of B and C")
        self.digit_combo = _digit_combo(source.model)
        self.digit_label = QLabel("Digit")
        top = QHBoxLayout()
        top.addWidget(self.corner_grid, 1)
        form = QFormLayout()
        rc = QHBoxLayout()
        rc.addWidget(self.rows_spin)
        rc.addWidget(QLabel("×"))
        rc.addWidget(self.cols_spin)
        form.addRow("Rows × columns", rc)
        form.addRow(self.digit_label, self.digit_combo)
        form.addRow("", self.analogy_check)
        form.addRow("", self.shuffle_btn)
        top.addLayout(form)
        self.grid = DigitGrid(cell=64, gap=3, columns=7, selectable=False)
        lay = QVBoxLayout(self)
        lay.addWidget(section_title("Corners  A (top-left) · B (top-right) · C (bottom-left)"))
        lay.addLayout(top)
        lay.addWidget(self.grid, 1)
        lay.addWidget(self.status)
        for sig in (self.rows_spin.valueChanged, self.cols_spin.valueChanged, self.analogy_check.toggled,
                    self.digit_combo.currentIndexChanged):
            sig.connect(self.schedule)

    def set_picks(self, picks: list[Pick]) -> None:
        picks = list(picks)[:3]
        if len(picks) < 3 and self.model is not None:
            picks += _random_picks(self.model, 3 - len(picks))
        self.corners = picks
        if self.model is not None and self.model.conditional and picks[0].label is not None:
            self.digit_combo.setCurrentIndex(int(picks[0].label))
        self._corners_changed()

    def shuffle(self) -> None:
        if self.model is not None:
            self.set_picks(_random_picks(self.model, 3))

    def label(self) -> int | None:
        return self.digit_combo.currentData() if self.model is not None and self.model.conditional else None

    def _corners_changed(self) -> None:
        if self.corners:
            lab = self.label()
            imgs = self._render(np.stack([c.latent for c in self.corners]),
                                None if lab is None else [lab] * len(self.corners))
            self.corner_grid.set_images(imgs, [c.caption() for c in self.corners],
                                        [_short(c) for c in self.corners])
            self.corner_grid.set_marks({0: "A", 1: "B", 2: "C"})
        else:
            self.corner_grid.set_images(EMPTY)
        self.refresh()

    def latents(self) -> np.ndarray:
        a, b, c = (p.latent for p in self.corners)
        return plane_grid(a, b, c, self.rows_spin.value(), self.cols_spin.value(), self.analogy_check.isChecked())

    def refresh(self) -> None:
        self._debounce.stop()
        if self.model is None or len(self.corners) < 3:
            self.grid.set_images(EMPTY)
            return
        t0 = time.perf_counter()
        rows, cols = self.rows_spin.value(), self.cols_spin.value()
        z = self.latents().reshape(rows * cols, -1)
        lab = self.label()
        imgs = self._render(z, None if lab is None else [lab] * len(z))
        self.grid.columns = cols
        self.grid.set_images(imgs)
        marks = {0: "A", cols - 1: "B", (rows - 1) * cols: "C",
                 rows * cols - 1: "C+B−A" if self.analogy_check.isChecked() else "(B+C)/2"}
        self.grid.set_marks(marks)
        self._fit_cells()
        self.last_refresh_ms = (time.perf_counter() - t0) * 1000
        self.status.setText(f"{rows}×{cols} plane · {self.last_refresh_ms:.0f} ms")
        # corner thumbnails follow the digit choice
        if self.model.conditional:
            cimgs = self._render(np.stack([c.latent for c in self.corners]), [lab] * 3)
            self.corner_grid.set_images(cimgs, [c.caption() for c in self.corners],
                                        [_short(c) for c in self.corners])
            self.corner_grid.set_marks({0: "A", 1: "B", 2: "C"})

    def images(self) -> np.ndarray:
        return self.grid.images()

    def _fit_cells(self) -> None:
        vp = self.grid.viewport().size()
        cols, rows = self.cols_spin.value(), self.rows_spin.value()
        cell = min((vp.width() - 4) // cols - 3, (vp.height() - 4) // rows - 3)
        self.grid.set_cell_size(max(DigitGrid.MIN_CELL, cell))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.grid.count():
            self._fit_cells()

    def on_model(self, model) -> None:
        _fill_digits(self.digit_combo, model)
        self.digit_combo.setVisible(bool(model is not None and model.conditional))
        self.digit_label.setVisible(bool(model is not None and model.conditional))
        self.corners = []
        if model is not None:
            self.shuffle()
        else:
            self._corners_changed()


# ================================================================= Directions

class DirectionsPage(_Page):
    directionsReady = Signal()

    N_DIRECTIONS = 8
    N_RAW = 16
    N_SAMPLES = 1000

    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.base: Pick | None = None
        self.directions = None
        self._task = None
        self._pool = QThreadPool.globalInstance()

        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(1)
        self.seed_spin.setToolTip("Start from image #0 of this seed")
        self.seed_spin.valueChanged.connect(self._seed_changed)
        self.random_btn = QPushButton("Random")
        self.random_btn.clicked.connect(lambda: self.seed_spin.setValue(random.randrange(0, 1_000_000)))
        self.reset_btn = QPushButton("Reset")
        self.reset_btn.setToolTip("All sliders back to the starting digit")
        self.reset_btn.clicked.connect(self.reset)
        self.digit_combo = _digit_combo(source.model)
        self.digit_combo.currentIndexChanged.connect(self.schedule)
        self.digit_label = QLabel("Digit")

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel("Finding the main directions of variation…")
        self.busy_label.setStyleSheet("color: palette(mid);")

        self.dir_sliders: list[QSlider] = []
        self.dir_labels: list[QLabel] = []
        self.dir_values: list[QLabel] = []
        dir_box = QWidget()
        dgrid = QGridLayout(dir_box)
        dgrid.setContentsMargins(0, 0, 0, 0)
        for i in range(self.N_DIRECTIONS):
            lab = QLabel(f"PC {i + 1}")
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-100, 100)
            s.setEnabled(False)
            s.valueChanged.connect(self.schedule)
            val = QLabel("0.00")
            val.setMinimumWidth(40)
            s.valueChanged.connect(lambda v, lab_=val, i_=i: lab_.setText(f"{self._coef(i_, v):+.2f}"))
            dgrid.addWidget(lab, i, 0)
            dgrid.addWidget(s, i, 1)
            dgrid.addWidget(val, i, 2)
            self.dir_sliders.append(s)
            self.dir_labels.append(lab)
            self.dir_values.append(val)

        self.raw_sliders: list[QSlider] = []
        raw_box = QWidget()
        rgrid = QGridLayout(raw_box)
        rgrid.setContentsMargins(0, 0, 4, 0)
        for i in range(self.N_RAW):
            s = QSlider(Qt.Orientation.Horizontal)
            s.setRange(-300, 300)
            s.valueChanged.connect(self.schedule)
            rgrid.addWidget(QLabel(f"z[{i}]"), i, 0)
            rgrid.addWidget(s, i, 1)
            self.raw_sliders.append(s)
        raw_scroll = scroll_panel(raw_box)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        start = QFormLayout()
        srow = QHBoxLayout()
        srow.addWidget(self.seed_spin, 1)
        srow.addWidget(self.random_btn)
        start.addRow("Seed", srow)
        start.addRow(self.digit_label, self.digit_combo)
        ll.addLayout(start)
        ll.addWidget(section_title("Principal directions"))
        ll.addWidget(self.busy_label)
        ll.addWidget(self.busy)
        ll.addWidget(dir_box)
        ll.addWidget(section_title("Raw latent dimensions"))
        ll.addWidget(raw_scroll, 1)
        ll.addWidget(self.reset_btn)
        left_scroll = scroll_panel(left, 320, 420)

        self.preview = DigitImage(placeholder="No generator", min_size=240)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.status)
        lay = QHBoxLayout(self)
        lay.addWidget(left_scroll)
        lay.addLayout(right, 1)
        self._set_busy(False)

    # directions
    def _coef(self, i: int, v: int) -> float:
        if self.directions is None or i >= len(self.directions.latent_std):
            return 0.0
        return v / 100.0 * 3.0 * float(self.directions.latent_std[i])

    def coefficients(self) -> np.ndarray:
        k = 0 if self.directions is None else len(self.directions.directions)
        return np.array([self._coef(i, self.dir_sliders[i].value()) for i in range(min(k, self.N_DIRECTIONS))],
                        dtype=np.float32)

    def _set_busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.busy_label.setVisible(on)

    def ensure_directions(self) -> None:
        """Compute (once per model, in the background) or take from the cache."""
        m = self.model
        if m is None or self.directions is not None or self._task is not None:
            return
        cached = self.source.directions_cache.get(id(m))
        if cached is not None:
            self._directions_done((m, cached))
            return
        self._set_busy(True)
        n, k = self.N_SAMPLES, self.N_DIRECTIONS

        def work(progress, cancelled):
            return m, principal_directions(lambda z: m.features(z), m.latent_dim, n_samples=n, k=k, seed=0)

        self._task = background(self._pool, work, if_alive(self, self._directions_done),
                                if_alive(self, self._directions_failed))

    def _directions_done(self, result) -> None:
        model, pd = result
        self._task = None
        self.source.directions_cache[id(model)] = pd
        if model is not self.model:
            self.ensure_directions()
            return
        self.directions = pd
        self._set_busy(False)
        total = float(np.sum(pd.variance)) or 1.0
        for i, s in enumerate(self.dir_sliders):
            ok = i < len(pd.directions)
            s.setEnabled(ok)
            if ok:
                self.dir_labels[i].setText(f"PC {i + 1}")
                s.setToolTip(f"Direction {i + 1}: {100 * pd.variance[i] / total:.0f}% of the variation among "
                             f"these {len(pd.directions)}; range ±3σ = ±{3 * pd.latent_std[i]:.2f}")
        self.directionsReady.emit()
        self.refresh()

    def _directions_failed(self, exc) -> None:
        self._task = None
        self._set_busy(False)
        self.status.setText(f"Directions could not be computed: {exc}")

    def wait_for_directions(self, timeout_ms: int = 30000) -> bool:
        """Block until the background computation finished (tests / scripts)."""
        from PySide6.QtCore import QCoreApplication
        t0 = time.perf_counter()
        while self.directions is None and (time.perf_counter() - t0) * 1000 < timeout_ms:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        return self.directions is not None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.ensure_directions()

    # latents
    def set_picks(self, picks: list[Pick]) -> None:
        if not picks:
            return
        self.base = picks[0]
        if self.model is not None and self.model.conditional and self.base.label is not None:
            self.digit_combo.blockSignals(True)
            self.digit_combo.setCurrentIndex(int(self.base.label))
            self.digit_combo.blockSignals(False)
        self.reset()

    def _seed_changed(self, seed: int) -> None:
        if self.model is not None:
            lab = self.digit_combo.currentData() if self.model.conditional else None
            self.base = Pick.from_address(self.model, seed, 0, lab)
            self.reset()

    def reset(self) -> None:
        for s in self.dir_sliders:
            s.blockSignals(True)
            s.setValue(0)
            s.blockSignals(False)
        for v in self.dir_values:
            v.setText("+0.00")
        base = self.base.latent if self.base is not None else None
        for i, s in enumerate(self.raw_sliders):
            s.blockSignals(True)
            s.setValue(int(round(float(base[i]) * 100)) if base is not None and i < len(base) else 0)
            s.setEnabled(base is not None and i < len(base))
            s.blockSignals(False)
        self.refresh()

    def current_latent(self) -> np.ndarray | None:
        if self.base is None:
            return None
        z = self.base.latent.astype(np.float32).copy()
        for i, s in enumerate(self.raw_sliders[: len(z)]):
            if s.value() != int(round(float(self.base.latent[i]) * 100)):
                z[i] = s.value() / 100.0
        if self.directions is not None:
            c = self.coefficients()
            if len(c):
                z = apply_directions(z, self.directions.directions, c)
        return z

    def label(self) -> int | None:
        return self.digit_combo.currentData() if self.model is not None and self.model.conditional else None

    def image(self) -> np.ndarray | None:
        return self.preview.image()

    def refresh(self) -> None:
        self._debounce.stop()
        z = self.current_latent()
        if self.model is None or z is None:
            self.preview.set_image(None)
            return
        t0 = time.perf_counter()
        lab = self.label()
        img = self._render(z[None], None if lab is None else [lab])[0]
        self.last_refresh_ms = (time.perf_counter() - t0) * 1000
        cap = self.base.caption() if self.base is not None else ""
        moved = any(s.value() for s in self.dir_sliders)
        self.preview.set_image(img, cap + (" · edited" if moved else ""))
        self.status.setText(f"{self.last_refresh_ms:.0f} ms")

    def on_model(self, model) -> None:
        _fill_digits(self.digit_combo, model)
        cond = bool(model is not None and model.conditional)
        self.digit_combo.setVisible(cond)
        self.digit_label.setVisible(cond)
        self.directions = None
        for s in self.dir_sliders:
            s.setEnabled(False)
        if model is not None:
            self.base = Pick.from_address(model, self.seed_spin.value(), 0, 0 if cond else None)
            if self.isVisible():
                self.ensure_directions()
        else:
            self.base = None
        self.reset()


# ====================================================================== Breed

class BreedPage(_Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.parents: list[Pick] = []
        self.children: list[Pick] = []
        self.parent_grid = DigitGrid(cell=80, gap=10, captions=True, selectable=False,
                                     placeholder="Parents: send 1–2 digits from the Gallery (As breeding parents)")
        self.parent_grid.setFixedHeight(124)
        self.parent_grid.setFixedWidth(260)
        self.strength_slider = QSlider(Qt.Orientation.Horizontal)
        self.strength_slider.setRange(0, 100)
        self.strength_slider.setValue(35)
        self.strength_label = QLabel("0.35")
        self.strength_slider.valueChanged.connect(lambda v: self.strength_label.setText(f"{v / 100:.2f}"))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(8, 16)
        self.count_spin.setValue(12)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setValue(1)
        self.seed_spin.setToolTip("Breeding seed: the same parents and seed give the same children")
        self.breed_btn = QPushButton("Breed")
        self.breed_btn.setDefault(True)
        self.breed_btn.setMinimumHeight(32)
        self.breed_btn.clicked.connect(self.breed)
        self.random_btn = tool_button("Random parents", "Two random digits as parents")
        self.random_btn.clicked.connect(lambda: self.set_picks(_random_picks(self.model, 2)) if self.model else None)
        self.fav_btn = tool_button("Favourites as parents", "The first two favourites")
        self.fav_btn.clicked.connect(lambda: self.set_picks(self.source.favourite_picks()[:2]))

        form = QFormLayout()
        srow = QHBoxLayout()
        srow.addWidget(self.strength_slider, 1)
        srow.addWidget(self.strength_label)
        form.addRow("Mutation", srow)
        form.addRow("Children", self.count_spin)
        form.addRow("Seed", self.seed_spin)
        brow = QHBoxLayout()
        brow.addWidget(self.random_btn)
        brow.addWidget(self.fav_btn)
        form.addRow("", brow)
        form_box = QWidget()
        form_box.setLayout(form)
        form_box.setMaximumWidth(440)
        self.breed_btn.setMinimumWidth(120)
        self.breed_btn.setMinimumHeight(48)
        top = QHBoxLayout()
        top.addWidget(self.parent_grid)
        top.addSpacing(12)
        top.addWidget(form_box)
        top.addSpacing(12)
        top.addWidget(self.breed_btn, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)

        self.child_grid = DigitGrid(cell=88, gap=8, captions=True,
                                    placeholder="Press Breed. Click a child to make it a parent of the next "
                                                "generation.")
        self.child_grid.clicked.connect(self.promote)
        self.child_grid.selectionChanged.connect(self._show_ancestry)
        self.ancestry_title = QLabel("Ancestry")
        self.ancestry_grid = DigitGrid(cell=52, gap=6, captions=True, selectable=False,
                                       placeholder="Select a child to see its ancestors.")
        self.ancestry_grid.setFixedHeight(96)

        lay = QVBoxLayout(self)
        lay.addWidget(section_title("Parents"))
        lay.addLayout(top)
        lay.addWidget(section_title("Children"))
        lay.addWidget(self.child_grid, 1)
        lay.addWidget(self.ancestry_title)
        lay.addWidget(self.ancestry_grid)
        lay.addWidget(self.status)

    def set_picks(self, picks: list[Pick]) -> None:
        self.parents = list(picks)[:2]
        self._parents_changed()

    def _parents_changed(self) -> None:
        if self.parents:
            imgs = self._render(np.stack([p.latent for p in self.parents]), [p.label for p in self.parents])
            self.parent_grid.set_images(imgs, [p.caption() for p in self.parents],
                                        [f"P{i + 1} · {p.caption()}" for i, p in enumerate(self.parents)])
        else:
            self.parent_grid.set_images(EMPTY)
        self.breed_btn.setEnabled(bool(self.parents) and self.model is not None)

    def promote(self, i: int) -> None:
        """Make child i a parent of the next generation (keeps the newest two parents)."""
        child = self.children[i]
        if any(p.creature_id == child.creature_id for p in self.parents):
            return
        self.parents = (self.parents + [child])[-2:]
        self._parents_changed()

    def breed(self) -> list[Pick]:
        m = self.model
        if m is None or not self.parents:
            return []
        try:
            creatures = [self.source.creature_for(p) for p in self.parents]
        except ValueError as exc:
            self._error("Cannot breed", str(exc))
            return []
        seed = self.seed_spin.value()
        kids = breed(creatures, self.count_spin.value(), self.strength_slider.value() / 100.0, seed)
        for c in kids:
            if c.id not in self.source.lineage:
                self.source.lineage.add(c)
        try:
            self.source.save_lineage()
        except OSError as exc:
            self.status.setText(f"Lineage not saved: {exc}")
        self.children = [Pick(c.latent, c.label if m.conditional else None, creature_id=c.id,
                              extra={"generation": c.generation}) for c in kids]
        imgs = self._render(np.stack([p.latent for p in self.children]), [p.label for p in self.children])
        caps = [f"gen {c.generation}" + (f" · {c.label}" if c.label is not None else "") for c in kids]
        tips = [f"generation {c.generation} · child {c.index} of seed {c.seed}" for c in kids]
        self.child_grid.set_images(imgs, tips, caps)
        self.seed_spin.setValue(seed + 1)
        self.status.setText(f"{len(kids)} children of generation {kids[0].generation if kids else 0} · "
                            f"{len(self.source.lineage)} creatures in the lineage")
        return self.children

    def child_images(self) -> np.ndarray:
        return self.child_grid.images()

    def ancestry(self, creature_id: str):
        return self.source.lineage.ancestors(creature_id)

    def _show_ancestry(self) -> None:
        sel = self.child_grid.selected()
        if not sel or sel[-1] >= len(self.children):
            self.ancestry_grid.set_images(EMPTY)
            self.ancestry_title.setText("Ancestry")
            return
        cid = self.children[sel[-1]].creature_id
        anc = self.ancestry(cid)
        if not anc:
            self.ancestry_grid.set_images(EMPTY)
            return
        imgs = self._render(np.stack([a.latent for a in anc]), [a.label for a in anc])
        caps = [f"gen {a.generation}" if a.op != "seed" else f"seed {a.seed} #{a.index}" for a in anc]
        self.ancestry_grid.set_images(imgs, caps, caps)
        self.ancestry_title.setText(f"Ancestry of the selected child ({len(anc)} ancestors, nearest first)")

    def on_model(self, model) -> None:
        self.children = []
        self.child_grid.set_images(EMPTY)
        self.ancestry_grid.set_images(EMPTY)
        self.parents = _random_picks(model, 2) if model is not None else []
        self._parents_changed()

    def refresh(self) -> None:
        self._debounce.stop()


# ======================================================================= Tab

class ExploreTab(QWidget):
    PAGES = ("interpolate", "plane", "directions", "breed")

    def __init__(self, source: ModelSource, parent=None):
        super().__init__(parent)
        self.source = source
        self.interpolate = InterpolatePage(source)
        self.plane = PlanePage(source)
        self.directions = DirectionsPage(source)
        self.breed = BreedPage(source)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.interpolate, "Interpolate")
        self.tabs.addTab(self.plane, "Plane")
        self.tabs.addTab(self.directions, "Directions")
        self.tabs.addTab(self.breed, "Breed")
        self.header = QLabel()
        self.header.setStyleSheet("color: palette(mid); padding: 4px 8px;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        self.tabs.setCornerWidget(self.header, Qt.Corner.TopRightCorner)
        source.modelChanged.connect(self._on_model)
        source.picksSent.connect(self._on_picks)
        self._on_model(source.model)

    def page(self, name: str) -> _Page:
        return getattr(self, name)

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.page(name))

    def _on_model(self, model) -> None:
        self.header.setText(f"{model.name} · latent {model.latent_dim}" if model is not None else "No generator")
        for name in self.PAGES:
            self.page(name).on_model(model)

    def _on_picks(self, picks: list, target: str) -> None:
        if target not in self.PAGES:
            target = "interpolate"
        self.page(target).set_picks(picks)
        self.show_page(target)
