"""What the Explore pages share: the `Page` base class and small helpers."""

from __future__ import annotations

import random

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QSpinBox, QWidget

from ..export_dialog import ExportDialog
from ..i18n import tr
from ..model_source import ModelSource, Pick
from ..render_queue import RenderQueue
from ..wording import is_digits, say

DEBOUNCE_MS = 40
EMPTY = np.zeros((0, 1, 1, 1), np.uint8)


def labels_for(model, labels) -> np.ndarray | None:
    """Class labels as an int64 array (None → 0), or None for an unconditional model."""
    if model is None or not model.conditional:
        return None
    return np.array([0 if lab is None else int(lab) for lab in labels], dtype=np.int64)


def random_picks(model, n: int) -> list[Pick]:
    """n digits of one random seed; a conditional model cycles through the classes."""
    seed = random.randrange(0, 1_000_000)
    return [Pick.from_address(model, seed, i, i % model.num_classes if model.conditional else None)
            for i in range(n)]


def seed_spin(tip: str) -> QSpinBox:
    """A seed field (0 … 2³¹−1, starting at 1)."""
    box = QSpinBox()
    box.setRange(0, 2**31 - 1)
    box.setValue(1)
    box.setToolTip(tip)
    return box


def digit_combo(model) -> QComboBox:
    box = QComboBox()
    box.setToolTip(say(model, tr("Which digit a conditional generator is asked to draw (its class label input)"),
                       tr("Which class a conditional generator is asked to draw (its class label input)")))
    fill_digits(box, model)
    return box


def fill_digits(box: QComboBox, model) -> None:
    """One "Digit n" entry (data n) per class of a conditional model; empty otherwise."""
    box.blockSignals(True)
    box.clear()
    if model is not None and model.conditional:
        names = model.class_names or [str(i) for i in range(model.num_classes)]
        for i in range(model.num_classes):
            name = names[i] if i < len(names) else str(i)
            box.addItem(tr("Digit {name}").format(name=name) if is_digits(model) else name, i)
    box.blockSignals(False)


def show_digits(box: QComboBox, label: QLabel, model) -> bool:
    """Refill a digit combo for `model`; it and its label are visible only for a conditional model."""
    fill_digits(box, model)
    conditional = bool(model is not None and model.conditional)
    box.setVisible(conditional)
    label.setVisible(conditional)
    return conditional


def chosen_digit(box: QComboBox, model) -> int | None:
    return box.currentData() if model is not None and model.conditional else None


class Page(QWidget):
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
        self._worded: list[tuple] = []
        self.renders = RenderQueue(self, lambda: self.source.model)   # images are made off the GUI thread

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

    def word(self, setter, digits: str, images: str) -> None:
        """A text that names what the model draws: `setter(digits)` for a digit model, `setter(images)` for
        any other; set now and again whenever the model changes (`apply_wording`)."""
        self._worded.append((setter, digits, images))
        setter(say(self.model, digits, images))

    def say(self, digits: str, images: str) -> str:
        return say(self.model, digits, images)

    def apply_wording(self, model) -> None:
        for setter, digits, images in self._worded:
            setter(say(model, digits, images))

    def _error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def render(self, slot: str, latents, labels, done) -> None:
        """Images for `latents` (and class labels: a list with None for 0, or soft weights (N, K)), made on the
        render thread; `done(images, ms)` runs on the GUI thread with the newest result of `slot` only.  No
        model or no latents: `done(EMPTY, 0)` at once, and what `slot` asked for before is dropped."""
        m = self.model
        if m is None or len(latents) == 0:
            self.renders.drop(slot)
            done(EMPTY, 0.0)
            return
        if labels is not None and np.asarray(labels).ndim == 1:
            labels = labels_for(m, labels)
        self.renders.generate(slot, m, np.asarray(latents), labels if m.conditional else None, done,
                              self._render_failed)

    def rendering(self) -> bool:
        """True while images are being made for this page (tests wait on it)."""
        return self.renders.busy()

    def _render_failed(self, exc: BaseException) -> None:
        self.status.setText(tr("The images could not be made: {error}").format(error=exc))

    # ------------------------------------------------------- every page is a source
    def pick_items(self, picks: list[Pick]) -> list[dict]:
        """Per-image records for atlases and file names: seed, index, label, truncation (+ lineage)."""
        items = []
        for p in picks:
            it = {"seed": p.seed, "index": p.index, "label": p.label, "truncation": p.truncation}
            if p.creature_id:
                it["creature"] = p.creature_id
            for k in ("generation", "t", "row", "col"):
                if k in p.extra:
                    it[k] = p.extra[k]
            items.append(it)
        return items

    def export_dialog(self, images: np.ndarray, picks: list[Pick], title: str, suggested: str,
                      default: str | None = None, formats=None, columns: int | None = None) -> ExportDialog:
        """The shared export dialog for these images (not yet shown)."""
        m = self.model
        kw = {} if formats is None else {"formats": formats}
        # automatic columns: one per digit only when the labels cycle 0, 1, …, K-1 (as in a mixed grid)
        cycling = m is not None and m.conditional and len(picks) >= m.num_classes and \
            all(p.label == i % m.num_classes for i, p in enumerate(picks))
        dlg = ExportDialog(self, images, self.pick_items(picks), title=title, suggested=suggested, default=default,
                            num_classes=m.num_classes if cycling else None,
                            meta={"model": m.name if m is not None else "", "page": type(self).__name__},
                            report=self.status.setText, inverted=m is not None and m.inverted,
                            digits=m is None or m.is_digits, **kw)
        if columns:
            dlg.auto_columns = int(columns)
            dlg.update_preview()
        return dlg

    def export_picks(self, images: np.ndarray, picks: list[Pick], title: str, suggested: str,
                     default: str | None = None, path=None, options=None, columns: int | None = None) -> list:
        """Export (dialog, or straight to ``path`` with ``options``); returns the files written."""
        if not len(images):
            self._error(tr("Nothing to export"), tr("There are no images on this page yet."))
            return []
        dlg = self.export_dialog(images, picks, title, suggested, default, columns=columns)
        return dlg.finish(path, options)

    def star_picks(self, picks: list[Pick]) -> None:
        """Star (or, when all already are, unstar) images in the model's favourites."""
        if not picks:
            self.status.setText(tr("Select images to star them"))
            return
        try:
            on = self.source.toggle_favourites(picks)
        except OSError as exc:
            self._error(tr("Favourites not saved"), tr("The favourites could not be saved: {e}").format(e=exc))
            return
        self.status.setText((tr("Starred {n}") if on else tr("Unstarred {n}")).format(n=len(picks)))

    def send_to_keyframes(self, picks: list[Pick]) -> None:
        """Append these images to the Interpolate page's keyframes and show it."""
        if not picks:
            self.status.setText(tr("Select images to send them to the keyframes"))
            return
        self.source.send_to_explore(picks, "keyframes")
