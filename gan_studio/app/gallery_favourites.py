"""The Gallery's favourites: the strip under the grid, starring and unstarring, and its images.

A mixin of `GalleryTab` (`app/gallery_tab.py`): it uses the tab's model source, grids, render queue and
status line.  Favourites are kept by the model source (saved with the model); this shows and edits them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .digit_view import DigitGrid
from .i18n import tr
from .model_source import Pick
from .wording import say
from .widgets import tool_button


class GalleryFavourites:
    """Favourites of the Gallery tab (a mixin of `GalleryTab`)."""

    def _build_favourites(self) -> QWidget:
        """The favourites strip under the grid: its title, Remove, Send to Explore and its own grid."""
        fav_box = QWidget()
        fav_lay = QVBoxLayout(fav_box)
        fav_lay.setContentsMargins(6, 0, 6, 6)
        fav_head = QHBoxLayout()
        self.fav_title = QLabel(tr("Favourites"))
        ft = self.fav_title.font()
        ft.setBold(True)
        self.fav_title.setFont(ft)
        self.fav_remove_btn = tool_button(tr("Remove"), tr("Remove the selected favourites"))
        self.fav_remove_btn.clicked.connect(self.remove_selected_favourites)
        self.fav_send_btn = tool_button(tr("Send to Explore"), tr("Use the selected favourites in Explore"))
        self.fav_send_btn.clicked.connect(lambda: self.send_to_explore("interpolate", favourites=True))
        fav_head.addWidget(self.fav_title)
        fav_head.addStretch(1)
        fav_head.addWidget(self.fav_send_btn)
        fav_head.addWidget(self.fav_remove_btn)
        self.fav_grid = DigitGrid(cell=56, gap=5, placeholder=tr("Star digits (F) to keep them here. Favourites are "
                                                              "saved with the model."))
        self.fav_grid.setMinimumHeight(90)
        self.fav_grid.selectionChanged.connect(self._update_actions)
        fav_lay.addLayout(fav_head)
        fav_lay.addWidget(self.fav_grid, 1)
        return fav_box

    def toggle_favourite(self) -> None:
        picks = self.selected_picks()
        if not picks:
            self.status_label.setText(say(self.model, tr("Select digits to star them"), tr("Select images to star them")))
            return
        if self.fav_grid.hasFocus() and self.fav_grid.selected():
            self.source.remove_favourites([p.key() for p in picks])
            return
        try:
            self.source.toggle_favourites(picks)
        except OSError as exc:
            self._error(tr("Favourites not saved"), tr("The favourites could not be saved: {e}").format(e=exc))

    def remove_selected_favourites(self) -> None:
        picks = [self._fav_picks[i] for i in self.fav_grid.selected()]
        if picks:
            self.source.remove_favourites([p.key() for p in picks])

    def _mark_stars(self) -> None:
        self.grid.set_starred(i for i, p in enumerate(self._picks) if self.source.is_favourite(p.key()))
        self._update_actions()

    def _on_favourites(self) -> None:
        m = self.model
        picks = self.source.favourite_picks() if m is not None else []
        favs = self.source.favourites()
        self.fav_title.setText(tr("Favourites ({n})").format(n=len(favs)) if favs else tr("Favourites"))
        if picks:
            latents = np.stack([p.latent for p in picks])
            labels = None
            if m.conditional:
                labels = np.array([p.label if p.label is not None else 0 for p in picks])
            self.renders.generate("favourites", m, latents, labels,
                                  lambda imgs, _ms: self._show_favourites(picks, imgs), self._render_failed)
        else:
            self.renders.drop("favourites")
            self._show_favourites([], np.zeros((0, 1, 1, 1), np.uint8))
        self._mark_stars()

    def _show_favourites(self, picks: list[Pick], imgs: np.ndarray) -> None:
        self._fav_picks = picks
        self.fav_grid.set_images(imgs, [p.caption(self.model) for p in picks])
        self.fav_grid.set_starred(range(len(imgs)))
