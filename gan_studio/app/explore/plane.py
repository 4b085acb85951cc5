"""Plane page: a grid spanned by three corners A, B, C (with the analogy corner C + B − A)."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from ...core.explore.latent import plane_grid
from ..digit_view import DigitGrid
from ..i18n import tr
from ..model_source import Pick
from ..widgets import section_title, tool_button
from .base import EMPTY, Page, chosen_digit, digit_combo, random_picks, show_digits


def short_caption(p: Pick, model=None) -> str:
    if p.seed is not None:
        return f"seed {p.seed} #{p.index}"
    return p.caption(model)


class PlanePage(Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.corners: list[Pick] = []
        self.corner_grid = DigitGrid(cell=72, gap=30, captions=True, selectable=False,
                                     placeholder=tr("Send three digits from the Gallery (Send to Explore ▸ "
                                                 "As plane corners), or shuffle."))
        self.corner_grid.setFixedHeight(118)
        self.word(lambda t: (setattr(self.corner_grid, 'placeholder', t), self.corner_grid.update()),
                  tr("Send three digits from the Gallery (Send to Explore ▸ As plane corners), or shuffle."),
                  tr("Send three images from the Gallery (Send to Explore ▸ As plane corners), or shuffle."))
        self.shuffle_btn = tool_button(tr("Shuffle corners"), tr("Three random digits as A, B, C"))
        self.word(self.shuffle_btn.setToolTip, tr("Three random digits as A, B, C"),
                  tr("Three random images as A, B, C"))
        self.shuffle_btn.clicked.connect(self.shuffle)
        self.rows_spin = QSpinBox()
        self.rows_spin.setRange(2, 16)
        self.rows_spin.setValue(7)
        self.rows_spin.setToolTip(tr("Rows of the plane: steps between corner A and corner C"))
        self.cols_spin = QSpinBox()
        self.cols_spin.setRange(2, 16)
        self.cols_spin.setValue(7)
        self.cols_spin.setToolTip(tr("Columns of the plane: steps between corner A and corner B"))
        self.analogy_check = QCheckBox(tr("Analogy corner (C + B − A)"))
        self.analogy_check.setChecked(True)
        self.analogy_check.setToolTip(tr("Bottom-right applies to C the change that turns A into B; "
                                      "off: the midpoint of B and C"))
        self.digit_combo = digit_combo(source.model)
        self.digit_label = QLabel(tr("Digit"))
        self.word(self.digit_label.setText, tr("Digit"), tr("Class"))
        top = QHBoxLayout()
        top.addWidget(self.corner_grid, 1)
        form = QFormLayout()
        rc = QHBoxLayout()
        rc.addWidget(self.rows_spin)
        rc.addWidget(QLabel("×"))
        rc.addWidget(self.cols_spin)
        form.addRow(tr("Rows × columns"), rc)
        form.addRow(self.digit_label, self.digit_combo)
        form.addRow("", self.analogy_check)
        form.addRow("", self.shuffle_btn)
        top.addLayout(form)
        self.grid = DigitGrid(cell=64, gap=3, columns=7, selectable=True)
        self.grid.selectionChanged.connect(self._update_actions)
        self._picks: list[Pick] = []
        self._shape = (self.rows_spin.value(), self.cols_spin.value())    # rows, columns of the plane on show
        self.star_btn = tool_button(tr("★ Star"), tr("Star the selected cells (they join the Gallery's favourites)"))
        self.star_btn.clicked.connect(self.star_selected)
        self.keys_btn = tool_button(tr("Send to keyframes"), tr("Add the selected cells to the Interpolate "
                                                                "keyframes"))
        self.keys_btn.clicked.connect(lambda: self.send_to_keyframes(self.selected_picks()))
        self.export_btn = tool_button(tr("Export…"), tr("Export the selected cells, or the whole plane: PNG, "
                                                        "sprite sheet + atlas, GIF, MP4, SVG"))
        self.export_btn.clicked.connect(lambda: self.export())
        self.selection_label = QLabel()
        self.selection_label.setStyleSheet("color: palette(mid);")
        bar = QHBoxLayout()
        bar.addWidget(self.selection_label)
        bar.addStretch(1)
        for b in (self.star_btn, self.keys_btn, self.export_btn):
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addWidget(section_title(tr("Corners  A (top-left) · B (top-right) · C (bottom-left)")))
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(self.grid, 1)
        lay.addWidget(self.status)
        for sig in (self.rows_spin.valueChanged, self.cols_spin.valueChanged, self.analogy_check.toggled,
                    self.digit_combo.currentIndexChanged):
            sig.connect(self.schedule)

    def set_picks(self, picks: list[Pick]) -> None:
        picks = list(picks)[:3]
        if len(picks) < 3 and self.model is not None:
            picks += random_picks(self.model, 3 - len(picks))
        self.corners = picks
        if self.model is not None and self.model.conditional and picks[0].label is not None:
            self.digit_combo.setCurrentIndex(int(picks[0].label))
        self._corners_changed()

    def shuffle(self) -> None:
        if self.model is not None:
            self.set_picks(random_picks(self.model, 3))

    def label(self) -> int | None:
        return chosen_digit(self.digit_combo, self.model)

    def _corners_changed(self) -> None:
        if not self.corners:
            self.corner_grid.set_images(EMPTY)
        self.refresh()

    def latents(self) -> np.ndarray:
        a, b, c = (p.latent for p in self.corners)
        return plane_grid(a, b, c, self.rows_spin.value(), self.cols_spin.value(), self.analogy_check.isChecked())

    def refresh(self) -> None:
        """The plane and the corner thumbnails (they follow the digit choice), made in one render."""
        self._debounce.stop()
        if self.model is None or len(self.corners) < 3:
            self.renders.drop("plane")
            self._picks = []
            self.grid.set_images(EMPTY)
            self._update_actions()
            return
        rows, cols, analogy = self.rows_spin.value(), self.cols_spin.value(), self.analogy_check.isChecked()
        corners = list(self.corners)
        z = self.latents().reshape(rows * cols, -1)
        lab = self.label()
        picks = [Pick(z[i], lab, extra={"row": i // cols, "col": i % cols, "origin": "plane"})
                 for i in range(len(z))]
        zs = np.concatenate([z, np.stack([c.latent for c in corners])])
        self.render("plane", zs, None if lab is None else [lab] * len(zs),
                    lambda imgs, ms: self._show(imgs, picks, corners, rows, cols, analogy, ms))

    def _show(self, imgs, picks, corners, rows, cols, analogy, ms) -> None:
        n = rows * cols
        self.corner_grid.set_images(imgs[n:], [c.caption(self.model) for c in corners],
                                    [short_caption(c, self.model) for c in corners])
        self.corner_grid.set_marks({0: "A", 1: "B", 2: "C"})
        self._picks = picks
        self._shape = (rows, cols)
        self.grid.columns = cols
        prev = self.grid.selected()
        self.grid.set_images(imgs[:n], [tr("row {r}, column {c}").format(r=i // cols + 1, c=i % cols + 1)
                                        for i in range(n)])
        self.grid.set_selected([i for i in prev if i < n])
        self._mark_stars()
        marks = {0: "A", cols - 1: "B", (rows - 1) * cols: "C",
                 n - 1: "C+B−A" if analogy else "(B+C)/2"}
        self.grid.set_marks(marks)
        self._fit_cells()
        self.last_refresh_ms = ms
        self.status.setText(tr("{rows}×{cols} plane · {ms:.0f} ms").format(rows=rows, cols=cols, ms=ms))

    def images(self) -> np.ndarray:
        return self.grid.images()

    # selection, stars, exports
    def picks(self) -> list[Pick]:
        return list(self._picks)

    def selected_picks(self) -> list[Pick]:
        return [self._picks[i] for i in self.grid.selected() if i < len(self._picks)]

    def _mark_stars(self) -> None:
        self.grid.set_starred(i for i, p in enumerate(self._picks) if self.source.is_favourite(p.key()))
        self._update_actions()

    def _update_actions(self) -> None:
        n = len(self.grid.selected())
        self.selection_label.setText(tr("{n} selected").format(n=n) if n else
                                     tr("Click cells to select · Shift/Ctrl for more"))
        for b in (self.star_btn, self.keys_btn):
            b.setEnabled(n > 0)
        self.export_btn.setEnabled(self.grid.count() > 0)

    def star_selected(self) -> None:
        self.star_picks(self.selected_picks())
        self._mark_stars()

    def export(self, path=None, options=None) -> list:
        """Export the selected cells, or the whole plane (a sheet with the plane's columns)."""
        sel = self.grid.selected()
        if sel:
            imgs, picks, cols = self.grid.images()[sel], self.selected_picks(), None
        else:
            imgs, picks, cols = self.grid.images(), self.picks(), self._shape[1]
        name = f"plane_{self._shape[0]}x{self._shape[1]}" + (f"_{len(sel)}cells" if sel else "")
        return self.export_picks(imgs, picks, tr("Export plane"), name, default="sheet", path=path,
                                 options=options, columns=cols)

    def _fit_cells(self) -> None:
        vp = self.grid.viewport().size()
        rows, cols = self._shape
        cell = min((vp.width() - 4) // cols - 3, (vp.height() - 4) // rows - 3)
        self.grid.set_cell_size(max(DigitGrid.MIN_CELL, cell))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.grid.count():
            self._fit_cells()

    def on_model(self, model) -> None:
        show_digits(self.digit_combo, self.digit_label, model)
        self.corners = []
        self._picks = []
        if model is not None:
            self.shuffle()
        else:
            self._corners_changed()
