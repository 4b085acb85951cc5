"""The Explore tab: the four pages in a tab bar, fed by the model source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ..i18n import tr
from ..model_source import ModelSource
from ..widgets import guard_wheel
from .base import Page
from .breed import BreedPage
from .directions import DirectionsPage
from .interpolate import InterpolatePage
from .plane import PlanePage


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
        self.tabs.addTab(self.interpolate, tr("Interpolate"))
        self.tabs.addTab(self.plane, tr("Plane"))
        self.tabs.addTab(self.directions, tr("Directions"))
        self.tabs.addTab(self.breed, tr("Breed"))
        guard_wheel(self)        # the pages' fields take the wheel only when focused
        self.header = QLabel()
        self.header.setStyleSheet("color: palette(mid); padding: 4px 8px;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        self.tabs.setCornerWidget(self.header, Qt.Corner.TopRightCorner)
        source.modelChanged.connect(self._on_model)
        source.picksSent.connect(self._on_picks)
        self._on_model(source.model)

    def page(self, name: str) -> Page:
        return getattr(self, name)

    def rendering(self) -> bool:
        """True while any page is making images (tests wait on it)."""
        return any(self.page(name).rendering() for name in self.PAGES)

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.page(name))

    def _on_model(self, model) -> None:
        self.header.setText(tr("{name} · latent {n}").format(name=model.name, n=model.latent_dim)
                            if model is not None else tr("No generator"))
        for name in self.PAGES:
            self.page(name).apply_wording(model)
            self.page(name).on_model(model)

    def _on_picks(self, picks: list, target: str) -> None:
        if target == "keyframes":          # appended, from Plane / Directions / Breed
            self.interpolate.add_keyframes(picks)
            self.show_page("interpolate")
            return
        if target not in self.PAGES:
            target = "interpolate"
        self.page(target).set_picks(picks)
        self.show_page(target)
