"""Breed page: children of one or two parents by crossover and mutation, with their ancestry."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QVBoxLayout, QWidget

from ...core.explore.breeding import breed
from ..digit_view import DigitGrid
from ..i18n import tr
from ..model_source import Pick
from ..widgets import next_seed, section_title, tool_button
from .base import EMPTY, Page, random_picks, seed_spin


class BreedPage(Page):
    def __init__(self, source, parent=None):
        super().__init__(source, parent)
        self.parents: list[Pick] = []
        self.children: list[Pick] = []
        self.parent_grid = DigitGrid(cell=80, gap=10, captions=True, selectable=False,
                                     placeholder=tr("Parents: send 1–2 digits from the Gallery (As breeding parents)"))
        self.parent_grid.setFixedHeight(124)
        self.word(lambda t: (setattr(self.parent_grid, 'placeholder', t), self.parent_grid.update()),
                  tr("Parents: send 1–2 digits from the Gallery (As breeding parents)"),
                  tr("Parents: send 1–2 images from the Gallery (As breeding parents)"))
        self.parent_grid.setFixedWidth(260)
        self.strength_slider = QSlider(Qt.Orientation.Horizontal)
        self.strength_slider.setRange(0, 100)
        self.strength_slider.setValue(35)
        self.strength_slider.setToolTip(tr("Mutation strength: how much random noise is added to the mixed latent "
                                           "vectors of the parents (0: pure crossover)"))
        self.strength_label = QLabel("0.35")
        self.strength_slider.valueChanged.connect(lambda v: self.strength_label.setText(f"{v / 100:.2f}"))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(8, 16)
        self.count_spin.setValue(12)
        self.count_spin.setToolTip(tr("How many children to breed from the parents"))
        self.seed_spin = seed_spin(tr("Breeding seed: the same parents and seed give the same children"))
        self.breed_btn = QPushButton(tr("Breed"))
        self.breed_btn.setDefault(True)
        self.breed_btn.setToolTip(tr("Make children: each mixes the parents' latent vectors and mutates them a little"))
        self.breed_btn.setMinimumHeight(32)
        self.breed_btn.clicked.connect(self.breed)
        self.random_btn = tool_button(tr("Random parents"), tr("Two random digits as parents"))
        self.word(self.random_btn.setToolTip, tr("Two random digits as parents"), tr("Two random images as parents"))
        self.random_btn.clicked.connect(lambda: self.set_picks(random_picks(self.model, 2)) if self.model else None)
        self.fav_btn = tool_button(tr("Favourites as parents"), tr("The first two favourites"))
        self.fav_btn.clicked.connect(lambda: self.set_picks(self.source.favourite_picks()[:2]))

        form = QFormLayout()
        srow = QHBoxLayout()
        srow.addWidget(self.strength_slider, 1)
        srow.addWidget(self.strength_label)
        form.addRow(tr("Mutation"), srow)
        form.addRow(tr("Children"), self.count_spin)
        form.addRow(tr("Seed"), self.seed_spin)
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
                                    placeholder=tr("Press Breed. Click a child to make it a parent of the next "
                                                "generation."))
        self.child_grid.clicked.connect(self.promote)
        self.child_grid.selectionChanged.connect(self._show_ancestry)
        self.child_grid.selectionChanged.connect(self._update_actions)
        self.star_btn = tool_button(tr("★ Star"), tr("Star the selected children (they join the Gallery's "
                                                    "favourites)"))
        self.star_btn.clicked.connect(self.star_selected)
        self.keys_btn = tool_button(tr("Send to keyframes"), tr("Add the selected children to the Interpolate "
                                                                "keyframes"))
        self.keys_btn.clicked.connect(lambda: self.send_to_keyframes(self.selected_picks()))
        self.export_btn = tool_button(tr("Export…"), tr("Export the selected children, or all of them: PNG, "
                                                        "sprite sheet + atlas, GIF, MP4, SVG"))
        self.export_btn.clicked.connect(lambda: self.export())
        child_bar = QHBoxLayout()
        child_bar.addWidget(section_title(tr("Children")))
        child_bar.addStretch(1)
        for b in (self.star_btn, self.keys_btn, self.export_btn):
            child_bar.addWidget(b)
        self.ancestry_title = QLabel(tr("Ancestry"))
        self.ancestry_grid = DigitGrid(cell=52, gap=6, captions=True, selectable=False,
                                       placeholder=tr("Select a child to see its ancestors."))
        self.ancestry_grid.setFixedHeight(96)

        lay = QVBoxLayout(self)
        lay.addWidget(section_title(tr("Parents")))
        lay.addLayout(top)
        lay.addLayout(child_bar)
        lay.addWidget(self.child_grid, 1)
        lay.addWidget(self.ancestry_title)
        lay.addWidget(self.ancestry_grid)
        lay.addWidget(self.status)

    def set_picks(self, picks: list[Pick]) -> None:
        self.parents = list(picks)[:2]
        self._parents_changed()

    def _parents_changed(self) -> None:
        parents = list(self.parents)
        z = np.stack([p.latent for p in parents]) if parents else np.zeros((0, 1), np.float32)
        self.render("parents", z, [p.label for p in parents], lambda imgs, _ms: self.parent_grid.set_images(
            imgs, [p.caption(self.model) for p in parents],
            [f"P{i + 1} · {p.caption(self.model)}" for i, p in enumerate(parents)]))
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
            self._error(tr("Cannot breed"), str(exc))
            return []
        seed = self.seed_spin.value()
        kids = breed(creatures, self.count_spin.value(), self.strength_slider.value() / 100.0, seed)
        for c in kids:
            if c.id not in self.source.lineage:
                self.source.lineage.add(c)
        try:
            self.source.save_lineage()
        except OSError as exc:
            self.status.setText(tr("Lineage not saved: {error}").format(error=exc))
        children = [Pick(c.latent, c.label if m.conditional else None, creature_id=c.id,
                         extra={"generation": c.generation, "origin": "breed"}) for c in kids]
        caps = [tr("gen {n}").format(n=c.generation) + (f" · {c.label}" if c.label is not None else "") for c in kids]
        tips = [tr("generation {n} · child {i} of seed {seed}").format(n=c.generation, i=c.index, seed=c.seed)
                for c in kids]
        total = len(self.source.lineage)
        z = np.stack([p.latent for p in children]) if children else np.zeros((0, 1), np.float32)
        self.render("children", z, [p.label for p in children],
                    lambda imgs, _ms: self._show_children(children, imgs, tips, caps, total))
        next_seed(self.seed_spin)        # the next Breed gives new children; past 2³¹−1 it wraps to 0
        return children

    def _show_children(self, children: list[Pick], imgs, tips, caps, total: int) -> None:
        """The children on show: `self.children` always matches the grid (a click promotes what it shows)."""
        self.children = children
        self.child_grid.set_images(imgs, tips, caps)
        self._mark_stars()
        gen = children[0].extra.get("generation", 0) if children else 0
        self.status.setText(tr("{n} children of generation {g} · {total} creatures in the lineage").format(
            n=len(children), g=gen, total=total))

    # stars, keyframes, exports
    def selected_picks(self) -> list[Pick]:
        return [self.children[i] for i in self.child_grid.selected() if i < len(self.children)]

    def _mark_stars(self) -> None:
        self.child_grid.set_starred(i for i, p in enumerate(self.children) if self.source.is_favourite(p.key()))
        self._update_actions()

    def _update_actions(self) -> None:
        n = len(self.child_grid.selected())
        for b in (self.star_btn, self.keys_btn):
            b.setEnabled(n > 0)
        self.export_btn.setEnabled(bool(self.children))

    def star_selected(self) -> None:
        self.star_picks(self.selected_picks())
        self._mark_stars()

    def export(self, path=None, options=None) -> list:
        """Export the selected children, or every child of this generation."""
        sel = [i for i in self.child_grid.selected() if i < len(self.children)]
        idx = sel or list(range(len(self.children)))
        picks = [self.children[i] for i in idx]
        gen = picks[0].extra.get("generation", 0) if picks else 0
        return self.export_picks(self.child_grid.images()[idx], picks, tr("Export children"),
                                 f"bred_gen{gen}_{len(picks)}", default="sheet", path=path, options=options)

    def ancestry(self, creature_id: str):
        return self.source.lineage.ancestors(creature_id)

    def _show_ancestry(self) -> None:
        sel = self.child_grid.selected()
        if not sel or sel[-1] >= len(self.children):
            self.renders.drop("ancestry")
            self.ancestry_grid.set_images(EMPTY)
            self.ancestry_title.setText(tr("Ancestry"))
            return
        cid = self.children[sel[-1]].creature_id
        anc = self.ancestry(cid)
        if not anc:
            self.renders.drop("ancestry")
            self.ancestry_grid.set_images(EMPTY)
            return
        caps = [tr("gen {n}").format(n=a.generation) if a.op != "seed"
                else tr("seed {seed}").format(seed=a.seed) + f" #{a.index}" for a in anc]

        def show(imgs, _ms):
            self.ancestry_grid.set_images(imgs, caps, caps)
            self.ancestry_title.setText(tr("Ancestry of the selected child ({n} ancestors, nearest first)").format(
                n=len(anc)))

        self.render("ancestry", np.stack([a.latent for a in anc]), [a.label for a in anc], show)

    def on_model(self, model) -> None:
        self.renders.drop("children", "ancestry")
        self.children = []
        self.child_grid.set_images(EMPTY)
        self._update_actions()
        self.ancestry_grid.set_images(EMPTY)
        self.parents = random_picks(model, 2) if model is not None else []
        self._parents_changed()

    def refresh(self) -> None:
        self._debounce.stop()
