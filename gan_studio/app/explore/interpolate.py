"""Interpolate page: a strip of frames between keyframes (slerp / lerp), playback and GIF / MP4 / PNG export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QMenu, QPushButton, QRadioButton,
                               QSlider, QSpinBox, QSplitter, QToolButton, QVBoxLayout)

from ...core.explore.exports import export_name, save_frames, save_gif, save_mp4
from ...core.images import upscale
from ...core.explore.latent import interpolate_labels, interpolate_path
from ..digit_view import DigitGrid, DigitImage
from ..file_export import export_file, export_folder
from ..i18n import tr
from ..model_source import Pick
from ..widgets import section_title, tool_button
from .base import EMPTY, Page, labels_for, random_picks


class InterpolatePage(Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.keyframes: list[Pick] = []
        self._frames = EMPTY
        self._frame_z: np.ndarray | None = None
        self._frame = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)

        # keyframes row
        self.key_grid = DigitGrid(cell=64, gap=8, captions=True,
                                  placeholder=tr("Keyframes: select 2+ digits in the Gallery and choose "
                                              "Send to Explore, or add favourites / random digits."))
        self.key_grid.setFixedHeight(112)
        self.key_grid.selectionChanged.connect(self._update_buttons)
        add_menu = QMenu(self)
        add_menu.addAction(tr("Add favourites"), self.add_favourites)
        random_action = add_menu.addAction(tr("Add a random digit"),
                                           lambda: self.add_keyframes(random_picks(self.model, 1)))
        self.word(random_action.setText, tr("Add a random digit"), tr("Add a random image"))
        self.word(lambda t: (setattr(self.key_grid, 'placeholder', t), self.key_grid.update()),
                  tr("Keyframes: select 2+ digits in the Gallery and choose Send to Explore, or add favourites / "
                     "random digits."),
                  tr("Keyframes: select 2+ images in the Gallery and choose Send to Explore, or add favourites / "
                     "random images."))
        self.add_btn = tool_button(tr("Add ▾"), tr("Add keyframes"), add_menu)
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.left_btn = tool_button("◀", tr("Move the selected keyframe earlier"))
        self.left_btn.clicked.connect(lambda: self.move_selected(-1))
        self.right_btn = tool_button("▶", tr("Move the selected keyframe later"))
        self.right_btn.clicked.connect(lambda: self.move_selected(1))
        self.remove_btn = tool_button(tr("Remove"), tr("Remove the selected keyframes (Delete)"))
        self.remove_btn.clicked.connect(self.remove_selected)
        key_bar = QHBoxLayout()
        key_bar.addWidget(section_title(tr("Keyframes")))
        key_bar.addStretch(1)
        for b in (self.add_btn, self.left_btn, self.right_btn, self.remove_btn):
            key_bar.addWidget(b)

        # controls
        self.slerp_radio = QRadioButton(tr("Slerp"))
        self.slerp_radio.setToolTip(tr("Spherical: keeps in-between latents as typical as the keyframes"))
        self.lerp_radio = QRadioButton(tr("Lerp"))
        self.word(self.lerp_radio.setToolTip, tr("Straight line: in-betweens drift towards the average digit"),
                  tr("Straight line: in-betweens drift towards the average image"))
        self.slerp_radio.setChecked(True)
        mode_group = QButtonGroup(self)
        mode_group.addButton(self.slerp_radio)
        mode_group.addButton(self.lerp_radio)
        self.steps_slider = QSlider(Qt.Orientation.Horizontal)
        self.steps_slider.setRange(1, 60)
        self.steps_slider.setValue(12)
        self.steps_slider.setToolTip(tr("Frames between two keyframes: more frames, a smoother walk through the latent space"))
        self.steps_label = QLabel("12")
        self.steps_label.setMinimumWidth(26)
        self.loop_check = QCheckBox(tr("Loop"))
        self.loop_check.setToolTip(tr("Return to the first keyframe, for a seamless animation"))
        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, 60)
        self.fps_spin.setValue(12)
        self.fps_spin.setSuffix(tr(" fps"))
        self.fps_spin.setToolTip(tr("Playback speed of the animation, in frames per second"))
        self.play_btn = QPushButton(tr("▶ Play"))
        self.play_btn.setCheckable(True)
        self.play_btn.setToolTip(tr("Play the walk between the keyframes as an animation"))
        self.play_btn.toggled.connect(self.set_playing)
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(1, 40)
        self.scale_spin.setValue(19)          # 28 px × 19 = 532 px: videos and GIFs at least 512 px
        self.scale_spin.setSuffix(" ×")
        self.scale_spin.setToolTip(tr("Export scale factor"))
        exp_menu = QMenu(self)
        exp_menu.addAction(tr("Export dialog (size, smoothing, sheet + atlas, SVG)…"), lambda: self.export())
        exp_menu.addSeparator()
        exp_menu.addAction(tr("Animated GIF…"), self.export_gif)
        exp_menu.addAction(tr("MP4 video…"), self.export_mp4)
        exp_menu.addAction(tr("PNG frames…"), self.export_frames)
        self.export_btn = tool_button(tr("Export ▾"), tr("Export the animation"), exp_menu)
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        ctl = QHBoxLayout()
        ctl.addWidget(self.slerp_radio)
        ctl.addWidget(self.lerp_radio)
        ctl.addSpacing(16)
        ctl.addWidget(QLabel(tr("Steps")))
        ctl.addWidget(self.steps_slider, 1)
        ctl.addWidget(self.steps_label)
        ctl.addWidget(self.loop_check)
        ctl.addSpacing(16)
        ctl.addWidget(self.play_btn)
        ctl.addWidget(self.fps_spin)
        ctl.addSpacing(16)
        ctl.addWidget(QLabel(tr("Scale")))
        ctl.addWidget(self.scale_spin)
        ctl.addWidget(self.export_btn)

        self.strip = DigitGrid(cell=72, gap=4, selectable=False, placeholder=tr("Frames appear here."))
        self.strip.clicked.connect(self.show_frame)
        self.preview = DigitImage(placeholder=tr("Add two keyframes"), min_size=200)
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
            self.status.setText(self.say(tr("No favourites yet: star digits in the Gallery (F)"),
                                         tr("No favourites yet: star images in the Gallery (F)")))
            return
        self.add_keyframes(favs)

    def move_selected(self, delta: int) -> None:
        sel = self.key_grid.selected()
        if len(sel) != 1:
            return
        i, j = sel[0], sel[0] + delta
        if 0 <= j < len(self.keyframes):
            self.keyframes[i], self.keyframes[j] = self.keyframes[j], self.keyframes[i]
            self._keys_changed(select=[j])

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

    def _keys_changed(self, select: list[int] | None = None) -> None:
        keys = list(self.keyframes)
        z = np.stack([k.latent for k in keys]) if keys else np.zeros((0, 1), np.float32)
        self.render("keys", z, [k.label for k in keys], lambda imgs, _ms: self._show_keys(keys, imgs, select))
        self._update_buttons()
        self.refresh()

    def _show_keys(self, keys: list[Pick], imgs: np.ndarray, select: list[int] | None) -> None:
        self.key_grid.set_images(imgs, [k.caption(self.model) for k in keys],
                                 [f"{i + 1} · {k.label}" if k.label is not None else f"{i + 1}"
                                  for i, k in enumerate(keys)])
        if select:
            self.key_grid.set_selected(select)
        if len(keys) < 2:                 # no strip: the preview shows the one keyframe
            self.preview.set_image(imgs[0] if len(imgs) else None)
        self._update_buttons()

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
            labels = interpolate_labels(labels_for(m, [k.label for k in self.keyframes]), steps, m.num_classes,
                                        loop)
        return z, labels

    def frames(self) -> np.ndarray:
        return self._frames

    def refresh(self) -> None:
        self._debounce.stop()
        if self.model is None or len(self.keyframes) < 2:
            self.renders.drop("frames")
            self._frames, self._frame_z = EMPTY, None
            self.strip.set_images(EMPTY)
            if self.key_grid.count() == len(self.keyframes):
                self.preview.set_image(self.key_grid.images()[0] if self.keyframes else None)
            self.status.setText(tr("Interpolation needs at least two keyframes") if self.model else "")
            self._update_buttons()
            if self.play_btn.isChecked():
                self.play_btn.setChecked(False)
            return
        z, labels = self.path()
        mode = self.mode()
        self.render("frames", z, labels, lambda frames, ms: self._show_frames(frames, z, mode, ms))

    def _show_frames(self, frames: np.ndarray, z: np.ndarray, mode: str, ms: float) -> None:
        self._frames, self._frame_z = frames, z
        self.strip.set_images(frames, [tr("frame {i}").format(i=i) for i in range(len(frames))])
        self._frame = min(self._frame, len(frames) - 1)
        self.show_frame(self._frame)
        self.last_refresh_ms = ms
        self.status.setText(tr("{n} frames · {mode} · {ms:.0f} ms").format(n=len(frames), mode=mode, ms=ms))
        self._update_buttons()

    def show_frame(self, i: int) -> None:
        if not len(self._frames):
            return
        self._frame = int(i) % len(self._frames)
        self.strip.set_current(self._frame)
        self.preview.set_image(self._frames[self._frame],
                               tr("frame {i} / {n}").format(i=self._frame + 1, n=len(self._frames)))

    # playback
    def set_playing(self, on: bool) -> None:
        if on and len(self._frames):
            self._update_timer()
            self._timer.start()
            self.play_btn.setText(tr("❚❚ Pause"))
        else:
            self._timer.stop()
            self.play_btn.setText(tr("▶ Play"))
            if self.play_btn.isChecked():
                self.play_btn.setChecked(False)

    def _update_timer(self) -> None:
        self._timer.setInterval(max(1, int(1000 / self.fps_spin.value())))

    def _tick(self) -> None:
        self.show_frame(self._frame + 1)

    # exports
    def _suggested_name(self, ext: str) -> str:
        k = self.keyframes[0]
        stem = export_name(self.model.name, k.seed or 0, k.index or 0, k.label, ext).rsplit(".", 1)[0]
        return f"{stem}_interp{len(self.keyframes)}.{ext}"

    def _can_export(self) -> bool:
        if not len(self._frames):
            self._error(tr("Nothing to export"), tr("Add at least two keyframes first."))
            return False
        return True

    def _export_animation(self, save, title: str, ext: str, filt: str) -> Path | None:
        if not self._can_export():
            return None
        return export_file(self, title, self._suggested_name(ext), filt, ext,
                           lambda p: save(p, self._frames, fps=self.fps_spin.value(), scale=self.scale_spin.value()),
                           report=self.status.setText)

    def export_gif(self) -> Path | None:
        return self._export_animation(save_gif, tr("Export animated GIF"), "gif", tr("GIF animation (*.gif)"))

    def export_mp4(self) -> Path | None:
        return self._export_animation(save_mp4, tr("Export MP4 video"), "mp4", tr("MP4 video (*.mp4)"))

    def export_frames(self) -> list[Path] | None:
        if not self._can_export():
            return None
        return export_folder(self, tr("Export PNG frames to folder"),
                             lambda folder: save_frames(folder, upscale(self._frames, self.scale_spin.value()),
                                                        stem="frame"),
                             report=self.status.setText,
                             message=lambda out: tr("Saved {n} frames to {folder}").format(n=len(out),
                                                                                          folder=out[0].parent))

    def export(self, path=None, options=None) -> list:
        """The shared export dialog for the frames (GIF by default)."""
        if not self._can_export():
            return []
        z = self._frame_z                     # the latents of the frames on show
        picks = [Pick(z[i], None, extra={"t": i, "origin": "interpolate"}) for i in range(len(z))]
        stem = self._suggested_name("gif").rsplit(".", 1)[0]
        dlg = self.export_dialog(self._frames, picks, tr("Export animation"), stem, default="gif",
                                 columns=len(self._frames))
        dlg.fps_spin.setValue(self.fps_spin.value())
        return dlg.finish(path, options)

    def on_model(self, model) -> None:
        self.set_playing(False)
        if model is not None:                 # GIF / MP4 / frames at least 512 px by default
            self.scale_spin.setValue(max(1, -(-512 // model.config.image_size)))
        self.keyframes = random_picks(model, 3) if model is not None else []
        self._keys_changed()
