"""Gallery tab: sample digits by seed, select, star, compare, export, send to Explore.

Every image is addressed by (model, seed, index): the grid shows
``model.generate(model.latents(seed, n, truncation), labels)`` and the same seed
always regenerates the same pixels.  All computing is done by `gan_studio.core`.

This file builds the tab and does the sampling, selection, Compare and Send to Explore; the favourites strip
(`gallery_favourites.py`) and the exports (`gallery_exports.py`) are mixins of the tab, and the class
chooser, the PNG options and the Compare dialog are widgets of their own.
"""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton,
                               QSizePolicy, QSlider, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from .class_chooser import DigitChooser
from .compare_dialog import CompareDialog
from .digit_view import DigitGrid
from .gallery_exports import GalleryExports
from .gallery_favourites import GalleryFavourites
from .i18n import tr, tr_noop
from .wording import is_digits, say
from .model_source import ModelSource, ModelSourceError, Pick
from .render_queue import RenderQueue
from .widgets import guard_wheel, scroll_panel, section_title, set_clamped, tool_button

MAX_SEED = 2**31 - 1
EXPLORE_TARGETS = [("interpolate", tr_noop("As interpolation keyframes")),
                   ("plane", tr_noop("As plane corners A, B, C")),
                   ("breed", tr_noop("As breeding parents")), ("directions", tr_noop("Into Directions"))]


# --------------------------------------------------------------------- the tab

class GalleryTab(GalleryFavourites, GalleryExports, QWidget):
    """Samples of the current generator; everything else acts on the selection."""

    exploreRequested = Signal(str)     # target page, after "Send to Explore"

    def __init__(self, source: ModelSource, parent=None):
        super().__init__(parent)
        self.source = source
        self._picks: list[Pick] = []
        self._fav_picks: list[Pick] = []
        self.compare_dialog: CompareDialog | None = None
        self.last_refresh_ms = 0.0
        self.renders = RenderQueue(self, lambda: self.source.model)     # images are made off the GUI thread
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(60)
        self._debounce.timeout.connect(self.refresh)
        self._build()
        source.modelChanged.connect(self._on_model)
        source.favouritesChanged.connect(self._on_favourites)
        self._on_model(source.model)

    # ---------------------------------------------------------------- building
    def _build(self) -> None:
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(12, 8, 12, 8)
        self.model_title = QLabel(tr("No generator"))
        f = self.model_title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.model_title.setFont(f)
        self.model_title.setWordWrap(True)
        self.model_info = QLabel()
        self.model_info.setWordWrap(True)
        self.model_info.setStyleSheet("color: palette(mid);")
        self.load_default_btn = QPushButton(tr("Load the pretrained digits model"))
        self.load_default_btn.clicked.connect(self._load_default)
        self.load_default_btn.setToolTip(tr("Show the digit generator that ships with GAN Studio"))
        side_lay.addWidget(self.model_title)
        side_lay.addWidget(self.model_info)
        side_lay.addWidget(self.load_default_btn)

        side_lay.addWidget(section_title(tr("Sample")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 1024)
        self.count_spin.setValue(64)
        self.count_spin.setToolTip(tr("How many digits to sample"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, MAX_SEED)
        self.seed_spin.setValue(7)
        self.seed_spin.setToolTip(tr("The same seed always gives the same digits"))
        self.new_seed_btn = QPushButton(tr("New seed"))
        self.new_seed_btn.setToolTip(tr("Draw a random seed (Ctrl+R)"))
        self.new_seed_btn.clicked.connect(self.new_seed)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed_spin, 1)
        seed_row.addWidget(self.new_seed_btn)
        form.addRow(tr("Images"), self.count_spin)
        form.addRow(tr("Seed"), seed_row)
        side_lay.addLayout(form)

        self.digit_title = section_title(tr("Digit"))
        self.digits = DigitChooser()
        side_lay.addWidget(self.digit_title)
        side_lay.addWidget(self.digits)

        side_lay.addWidget(section_title(tr("Truncation")))
        self.trunc_check = QCheckBox(tr("Truncate latents"))
        self.trunc_check.setToolTip(tr("Resample latent values beyond ±ψ: lower ψ gives cleaner, more typical digits"))
        self.trunc_slider = QSlider(Qt.Orientation.Horizontal)
        self.trunc_slider.setRange(50, 200)
        self.trunc_slider.setValue(100)
        self.trunc_slider.setEnabled(False)
        self.trunc_slider.setToolTip(tr("Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical digits, less variety)"))
        self.trunc_label = QLabel(tr("off"))
        self.trunc_label.setMinimumWidth(42)
        trow = QHBoxLayout()
        trow.addWidget(self.trunc_slider, 1)
        trow.addWidget(self.trunc_label)
        side_lay.addWidget(self.trunc_check)
        side_lay.addLayout(trow)

        side_lay.addWidget(section_title(tr("View")))
        self.zoom_slider = QSlider(Qt.Orientation.Horizontal)
        self.zoom_slider.setRange(DigitGrid.MIN_CELL, DigitGrid.MAX_CELL)
        self.zoom_slider.setValue(72)
        self.zoom_slider.setToolTip(tr("Thumbnail size (Ctrl+wheel over the grid)"))
        zrow = QHBoxLayout()
        zrow.addWidget(QLabel(tr("Zoom")))
        zrow.addWidget(self.zoom_slider, 1)
        side_lay.addLayout(zrow)
        side_lay.addStretch(1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color: palette(mid);")
        side_lay.addWidget(self.status_label)
        side_scroll = scroll_panel(side, 250, 300)
        guard_wheel(side)

        # toolbar
        self.star_btn = tool_button(tr("★ Favourite"), tr("Star the selected images (F)"))
        self.star_btn.clicked.connect(self.toggle_favourite)
        self.compare_btn = tool_button(tr("Compare"), tr("Show 2–4 selected images side by side"))
        self.compare_btn.clicked.connect(self.compare)
        export_menu = QMenu(self)
        self.act_export_dialog = export_menu.addAction(tr("Export… (PNG, sheet + atlas, GIF, MP4, SVG)"),
                                                       lambda: self.export())
        self.act_export_png = export_menu.addAction(tr("Selected images as PNG…"), self.export_png)
        self.act_export_sheet = export_menu.addAction(tr("Sprite sheet PNG…"), self.export_sheet)
        self.act_export_latents = export_menu.addAction(tr("Latents (.npy + JSON)…"), self.export_latents)
        self.export_btn = tool_button(tr("Export"), tr("Export the selected images"), export_menu)
        self.export_btn.clicked.connect(self.export_png)
        send_menu = QMenu(self)
        for key, text in EXPLORE_TARGETS:
            send_menu.addAction(tr(text), lambda k=key: self.send_to_explore(k))
        self.send_btn = tool_button(tr("Send to Explore"), tr("Use the selection in the Explore tab"), send_menu)
        self.send_btn.clicked.connect(lambda: self.send_to_explore("interpolate"))
        self.selection_label = QLabel()
        self.selection_label.setStyleSheet("color: palette(mid);")
        # A hint, not a control: on a narrow window it gives way (cut short) rather than widen the tab, which
        # would squeeze the Experiment panel beside it.
        self.selection_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        for w in (self.star_btn, self.compare_btn, self.export_btn, self.send_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.selection_label)

        self.grid = DigitGrid(cell=72, placeholder=tr("No generator loaded.\nOpen a run or an exported generator, "
                                                   "or load the pretrained digits model."))
        self.grid.selectionChanged.connect(self._update_actions)
        self.grid.zoomChanged.connect(self.zoom_slider.setValue)
        self.grid.activated.connect(lambda i: self.compare() if len(self.grid.selected()) > 1 else None)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.zoom_slider.valueChanged.connect(self.grid.set_cell_size)

        fav_box = self._build_favourites()

        center = QWidget()
        c_lay = QVBoxLayout(center)
        c_lay.setContentsMargins(0, 0, 0, 0)
        c_lay.addLayout(bar)
        c_lay.addWidget(self.grid, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(center)
        split.addWidget(fav_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 150])
        split.setChildrenCollapsible(False)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(side_scroll)
        lay.addWidget(split, 1)

        for widget, signal in ((self.count_spin, "valueChanged"), (self.seed_spin, "valueChanged"),
                               (self.trunc_slider, "valueChanged")):
            getattr(widget, signal).connect(self.schedule_refresh)
        self.trunc_check.toggled.connect(self._on_trunc_toggled)
        self.trunc_slider.valueChanged.connect(self._update_trunc_label)
        self.digits.changed.connect(self.schedule_refresh)

        def shortcut(seq, fn, text):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(fn)
            self.addAction(act)
            return act

        self.act_new_seed = shortcut("Ctrl+R", self.new_seed, tr("New seed"))
        self.act_star = shortcut("F", self.toggle_favourite, tr("Star selection"))
        self.act_compare = shortcut("C", self.compare, tr("Compare"))
        self.act_export_sc = shortcut("Ctrl+E", self.export_png, tr("Export PNG"))

    # -------------------------------------------------------------------- model
    @property
    def model(self):
        return self.source.model

    def _on_model(self, model) -> None:
        has = model is not None
        self.load_default_btn.setVisible(not has)
        if has:
            self.model_title.setText(tr("Shipped digit generator") if self.source.is_shipped(model) else model.name)
            kind = (tr("conditional · {n} classes").format(n=model.num_classes) if model.conditional
                    else tr("unconditional"))
            size = model.config.image_size
            self.model_info.setText(
                f"{model.config.arch.upper()} · {kind}<br>"
                + tr("latent {n} · {size}×{size} · step {step:,}").format(n=model.latent_dim, size=size,
                                                                        step=model.step))
            if model.conditional:
                names = model.class_names or [str(i) for i in range(model.num_classes)]
                self.digits.set_classes([str(n) for n in names][: model.num_classes])
        else:
            self.model_title.setText(tr("No generator"))
            self.model_info.setText("")
        self._apply_wording(model)
        self.digit_title.setVisible(has and model.conditional)
        self.digits.setVisible(has and model.conditional)
        for w in (self.count_spin, self.seed_spin, self.new_seed_btn, self.trunc_check):
            w.setEnabled(has)
        self.refresh()
        self._on_favourites()

    def _apply_wording(self, model) -> None:
        """Texts that name what the model draws: digits, or images of the model's own classes."""
        self.digit_title.setText(say(model, tr("Digit"), tr("Class")).upper())
        self.digits.set_noun(is_digits(model))
        self.count_spin.setToolTip(say(model, tr("How many digits to sample"), tr("How many images to sample")))
        self.seed_spin.setToolTip(say(model, tr("The same seed always gives the same digits"),
                                      tr("The same seed always gives the same images")))
        self.trunc_check.setToolTip(say(
            model, tr("Resample latent values beyond ±ψ: lower ψ gives cleaner, more typical digits"),
            tr("Resample latent values beyond ±ψ: lower ψ gives cleaner, more typical images")))
        self.trunc_slider.setToolTip(say(
            model, tr("Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical digits, less variety)"),
            tr("Truncation ψ: noise values beyond ±ψ are drawn again (lower: more typical images, less variety)")))
        self.fav_grid.placeholder = say(
            model, tr("Star digits (F) to keep them here. Favourites are saved with the model."),
            tr("Star images (F) to keep them here. Favourites are saved with the model."))
        self.fav_grid.update()

    def _load_default(self) -> None:
        try:
            self.source.load_default()
        except ModelSourceError as exc:
            self._error(tr("No pretrained model"), str(exc))

    # --------------------------------------------------------------- sampling
    def truncation(self) -> float | None:
        return self.trunc_slider.value() / 100.0 if self.trunc_check.isChecked() else None

    def _on_trunc_toggled(self, on: bool) -> None:
        self.trunc_slider.setEnabled(on)
        self._update_trunc_label()
        self.schedule_refresh()

    def _update_trunc_label(self) -> None:
        self.trunc_label.setText(f"ψ {self.trunc_slider.value() / 100:.2f}" if self.trunc_check.isChecked() else tr("off"))

    def set_seed(self, seed: int) -> None:
        set_clamped(self.seed_spin, seed)

    def set_count(self, n: int) -> None:
        set_clamped(self.count_spin, n)

    def new_seed(self) -> None:
        self.seed_spin.setValue(random.randrange(0, 1_000_000))
        self.refresh()

    def labels(self, n: int) -> np.ndarray | None:
        m = self.model
        if m is None or not m.conditional:
            return None
        digit = self.digits.value()
        if digit is None:
            return (np.arange(n) % m.num_classes).astype(np.int64)
        return np.full(n, digit, dtype=np.int64)

    def schedule_refresh(self, *_) -> None:
        self._debounce.start()

    def refresh(self) -> None:
        """Regenerate the grid now (normally called through the debounce timer)."""
        self._debounce.stop()
        m = self.model
        if m is None:
            self.renders.drop("grid")
            self._picks = []
            self.grid.set_images(np.zeros((0, 1, 1, 1), np.uint8))
            self._update_actions()
            return
        n, seed, trunc = self.count_spin.value(), self.seed_spin.value(), self.truncation()
        latents = m.latents(seed, n, trunc)
        labels = self.labels(n)
        picks = [Pick(latents[i], None if labels is None else int(labels[i]), seed, i, trunc) for i in range(n)]
        # conditional, all digits: one column per digit, so each digit reads down its own column
        columns = m.num_classes if labels is not None and self.digits.value() is None and n >= m.num_classes \
            else None
        self.renders.generate("grid", m, latents, labels,
                              lambda images, ms: self._show_grid(picks, images, columns, ms), self._render_failed)

    def _show_grid(self, picks: list[Pick], images: np.ndarray, columns: int | None, ms: float) -> None:
        """The sampled images on show (made on the render thread); `_picks` always matches the grid."""
        n = len(picks)
        self._picks = picks
        prev = self.grid.selected()
        self.grid.columns = columns
        self.grid.set_images(images, [p.caption(self.model) for p in picks])
        self.grid.set_selected([i for i in prev if i < n])
        self._mark_stars()
        self.last_refresh_ms = ms
        self.status_label.setText(say(self.model, tr("{n} digits in {ms:.0f} ms"), tr("{n} images in {ms:.0f} ms")).format(n=n, ms=self.last_refresh_ms))

    def rendering(self) -> bool:
        """True while images are being made for the grid or the favourites (tests wait on it)."""
        return self.renders.busy()

    def _render_failed(self, exc: BaseException) -> None:
        self.status_label.setText(tr("The images could not be made: {error}").format(error=exc))

    def images(self) -> np.ndarray:
        return self.grid.images()

    def picks(self) -> list[Pick]:
        return list(self._picks)

    # -------------------------------------------------------------- selection
    def select(self, indices) -> None:
        self.grid.set_selected(indices)

    def selected_picks(self, favourites: bool | None = None) -> list[Pick]:
        """The selection of the main grid, or of the favourites strip when that has focus / is asked for."""
        if favourites is None:
            favourites = self.fav_grid.hasFocus() and bool(self.fav_grid.selected())
        if favourites:
            return [self._fav_picks[i] for i in self.fav_grid.selected()]
        return [self._picks[i] for i in self.grid.selected()]

    def _selected_images(self, favourites: bool = False) -> np.ndarray:
        grid = self.fav_grid if favourites else self.grid
        return grid.images()[grid.selected()]

    def _update_actions(self) -> None:
        n = len(self.grid.selected())
        has_model = self.model is not None
        self.selection_label.setText(tr("{n} selected").format(n=n) if n
                                     else tr("Click to select · Shift/Ctrl for more"))
        for w in (self.star_btn, self.export_btn, self.send_btn):
            w.setEnabled(has_model and n > 0)
        self.compare_btn.setEnabled(2 <= n <= 4)
        nf = len(self.fav_grid.selected())
        self.fav_remove_btn.setEnabled(nf > 0)
        self.fav_send_btn.setEnabled(nf > 0)
        if n:
            keys = [self._picks[i].key() for i in self.grid.selected()]
            all_fav = all(self.source.is_favourite(k) for k in keys)
            self.star_btn.setText(tr("☆ Unstar") if all_fav else tr("★ Favourite"))

    # ---------------------------------------------------------------- compare
    def compare(self) -> None:
        idx = self.grid.selected()
        if not 2 <= len(idx) <= 4:
            self.status_label.setText(say(self.model, tr("Select 2–4 digits to compare"), tr("Select 2–4 images to compare")))
            return
        imgs = self.grid.images()[idx]
        caps = [self._picks[i].caption(self.model) for i in idx]
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(self, list(imgs), caps)
        self.compare_dialog.show()

    # ---------------------------------------------------------------- explore
    def send_to_explore(self, target: str = "interpolate", favourites: bool = False) -> None:
        picks = self.selected_picks(favourites)
        if not picks:
            self.status_label.setText(say(self.model, tr("Select digits to send to Explore"), tr("Select images to send to Explore")))
            return
        self.source.send_to_explore(picks, target)
        self.exploreRequested.emit(target)

    # --------------------------------------------------------------- messages
    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # ----------------------------------------------------------- context menu
    def _context_menu(self, pos) -> None:
        if not self.grid.selected():
            return
        menu = QMenu(self)
        menu.addAction(tr("Star / unstar\tF"), self.toggle_favourite)
        a = menu.addAction(tr("Compare\tC"), self.compare)
        a.setEnabled(2 <= len(self.grid.selected()) <= 4)
        menu.addSeparator()
        menu.addAction(tr("Export PNG…"), self.export_png)
        menu.addAction(tr("Export sprite sheet…"), self.export_sheet)
        menu.addAction(tr("Export latents…"), self.export_latents)
        menu.addSeparator()
        sub = menu.addMenu(tr("Send to Explore"))
        for key, text in EXPLORE_TARGETS:
            sub.addAction(tr(text), lambda k=key: self.send_to_explore(k))
        menu.exec(self.grid.viewport().mapToGlobal(pos))
