"""The Dataset panel's preview: a grid of the data at the training size and colour, its count, the images per
class and the notes; the data is loaded on the panel's thread pool and kept for the next time.

A mixin of `DatasetPanel` (`app/dataset_panel.py`): it uses the panel's config, catalog, cache and class filter.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ..core.data import DatasetCancelled, load_dataset
from ..core.images import tile_grid
from .dataset_texts import error_text, dataset_notes
from .i18n import tr, translate_message
from .background import background, if_alive
from .widgets import ClassHistogram, ImageView, muted

PREVIEW_COLS = 5      # 5 × 29 + 1 = 146 px: drawn at 2× it fits a 340 px side panel
PREVIEW_ROWS = 5


class DatasetPreview:
    """The preview of the Dataset panel (a mixin of `DatasetPanel`)."""

    def _build_preview(self) -> QGroupBox:
        """The Preview box: the image grid, the count line, the histogram and the notes."""
        prev_box = QGroupBox(tr("Preview"), self)
        pv = QVBoxLayout(prev_box)
        pv.setSpacing(6)
        self.preview = ImageView(prev_box, placeholder=tr("Loading…"))
        pv.addWidget(self.preview)
        self.count_label = QLabel("–", prev_box)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        pv.addWidget(self.count_label)
        self.histogram = ClassHistogram(prev_box)
        self.histogram.setToolTip(tr("Training images per class"))
        pv.addWidget(self.histogram)
        self.notes_label = muted(QLabel(prev_box))
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pv.addWidget(self.notes_label)
        return prev_box

    def _preview_key(self) -> tuple:
        """What the preview shows: the data, at the training size and channels (and a folder's inversion)."""
        cfg, m = self._cfg, self.experiment.config.model
        folder = cfg.source == "folder"
        return (cfg.source, cfg.path if folder else None, cfg.folder_labels if folder else True,
                cfg.invert if folder else "auto", m.image_size, m.channels)

    def _request_preview(self) -> None:
        if self._load_task is not None:
            self._load_task.cancel()
            self._load_task = None
        key = self._preview_key()
        if key in self._cache:
            self._show_dataset(self._cache[key])
            return
        self._current = None
        info = self._catalog.get(self._cfg.source)
        if self._cfg.source == "folder" and not self._cfg.path:
            self._show_empty(tr("Choose a folder of images to preview it."))
            self._rebuild_classes([])
            return
        if info is not None and info.downloadable and not info.cached:
            self._show_empty(tr("{dataset} is not downloaded yet.").format(dataset=info.title))
            self._rebuild_classes(info.class_names)
            return
        self._show_empty(tr("Loading…"))
        cfg = self._cfg.replace(classes=None)
        size, channels = key[-2], key[-1]
        # The handlers are connected before the pool starts the task (`background`): a small folder loads
        # faster than the lines after `start`, and a result emitted before anyone listened was lost.
        started: list = []           # the task, for the handlers (they run later, in this thread)
        task = background(self.pool, lambda progress, cancel: load_dataset(cfg, size, channels, progress, cancel),
                          on_done=if_alive(self, lambda ds, k=key: self._preview_done(k, started[0], ds)),
                          on_error=if_alive(self, lambda exc, k=key: self._preview_failed(k, started[0], exc)))
        started.append(task)
        self._load_task = task

    def _preview_done(self, key, task, dataset) -> None:
        self._cache[key] = dataset
        if task is not self._load_task:
            return          # a stale result: cached, not shown
        self._load_task = None
        if key == self._preview_key():
            self._show_dataset(dataset)

    def _preview_failed(self, key, task, exc) -> None:
        if task is not self._load_task:
            return
        self._load_task = None
        if isinstance(exc, DatasetCancelled):
            return
        self._show_empty(tr("No preview"))
        self.message.show_message(error_text(exc), "error")

    def _show_empty(self, text: str) -> None:
        self.preview.set_image(None)
        self.preview.set_placeholder(text)
        self.count_label.setText("")
        self.count_label.setVisible(False)
        self.histogram.set_counts([], [])
        self.histogram.setVisible(False)
        self.notes_label.setText("")
        self.notes_label.setVisible(False)
        self._settle_layout()

    def _show_dataset(self, ds) -> None:
        self._current = ds
        names = list(ds.train.class_names) if ds.train.labels is not None else []   # a plain folder has none
        if [b.text() for b in self._class_boxes] != names:
            self._rebuild_classes(names)
        self.class_box.setVisible(bool(names))
        counts = ds.train.class_counts()
        self.histogram.set_counts(list(counts), list(counts.values()))
        self.histogram.setVisible(bool(counts))
        self.count_label.setVisible(True)
        notes = dataset_notes(ds)
        self.notes_label.setText("\n".join(translate_message(n) for n in notes))
        self.notes_label.setVisible(bool(notes))
        self._update_selection_view()
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Lay the panel out now for what it shows (the preview's new height, the lines under it), from the
        preview's box up to the window: the layouts would otherwise catch up one posted event per level later,
        and a screenshot taken when the data arrived showed the preview cut short or over the lines."""
        widget = self.preview.parentWidget()
        while widget is not None:
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LayoutRequest))
            widget = widget.parentWidget()

    def _update_selection_view(self) -> None:
        ds = self._current
        if ds is None:
            return
        selected = self._selected_classes()
        train = ds.train
        total = len(train)
        if train.labels is not None and selected is not None:
            keep = np.flatnonzero(np.isin(train.labels, np.asarray(sorted(selected), dtype=train.labels.dtype)))
        else:
            keep = np.arange(total)
        self.histogram.set_selected(selected)
        skipped = tr(" · {n} skipped").format(n=ds.skipped) if ds.skipped else ""
        if len(keep) == total:
            self.count_label.setText(tr("{total:,} images").format(total=total) + skipped)
        else:
            self.count_label.setText(tr("{n:,} of {total:,} images selected").format(n=len(keep), total=total)
                                     + skipped)
        self.count_label.setToolTip(ds.name)
        n = PREVIEW_COLS * PREVIEW_ROWS
        if len(keep) == 0:
            self.preview.set_image(None)
            self.preview.set_placeholder(tr("No class selected"))
            return
        # an even spread over the selection, always the same images for the same selection
        picks = keep[np.linspace(0, len(keep) - 1, num=min(n, len(keep))).astype(int)]
        images = train.images[picks].transpose(0, 2, 3, 1)
        self.preview.set_image(tile_grid(images, cols=PREVIEW_COLS, pad=1, pad_value=40))
