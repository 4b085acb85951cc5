"""The Dataset panel: pick a data source, get it onto the computer, preview it, filter classes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from ..core.config import DATA_SOURCES, IMAGE_SIZES, DataConfig, field_spec
from ..core.experiment import Experiment
from ..core.data import (DatasetCancelled, DatasetError, DatasetUnavailable, dataset_catalog, download_dataset,
                         import_idx_folder, load_dataset)
from ..core.images import tile_grid
from .forms import FieldForm, tooltip
from .i18n import tr, translate_message
from .widgets import (ClassHistogram, ImageView, InlineMessage, ProgressBar, background, format_bytes, guard_wheel,
                      if_alive, muted)

PREVIEW_COLS = 5      # 5 × 29 + 1 = 146 px: drawn at 2× it fits a 340 px side panel
PREVIEW_ROWS = 5
SOURCE_TITLES = field_spec("data.source").choices      # the data sources' titles, from the config's descriptor


def data_title(cfg: DataConfig) -> str:
    """A short name of the data a config asks for (the status bar's read-out until training loads it)."""
    if cfg.source == "folder":
        title = tr("Folder “{name}”").format(name=Path(cfg.path).name) if cfg.path else tr("Folder (none chosen)")
    else:
        title = tr("Offline sample") if cfg.source == "sample" else tr(SOURCE_TITLES.get(cfg.source, cfg.source))
    if cfg.classes is not None:
        title += (tr(" (1 class)") if len(cfg.classes) == 1
                  else tr(" ({n} classes)").format(n=len(cfg.classes)))
    return title


def light_background_fraction(images: np.ndarray, inverted: bool) -> float:
    """The share of (N, C, H, W) uint8 images whose background is light, judged by the median of their
    border pixels (the mean of the whole image calls a light page with bold strokes dark)."""
    if len(images) == 0:
        return 0.0
    x = images.reshape(len(images), -1, *images.shape[-2:]).astype(np.float32).mean(axis=1)   # (N, H, W)
    border = np.concatenate([x[:, 0, :], x[:, -1, :], x[:, :, 0], x[:, :, -1]], axis=1)
    light = np.median(border, axis=1) > 127
    if inverted:
        light = ~light               # the images are shown after inversion
    return float(light.mean())


def dataset_notes(ds) -> list[str]:
    """The notes shown under the preview, with a folder's held-out share said and its background told
    truly ("All images have a light background" when all have)."""
    notes = list(ds.notes)
    if ds.skipped and not any("skipped" in n for n in notes):
        notes.append(tr("{n} file(s) skipped.").format(n=ds.skipped))
    if ds.source != "folder":
        return notes
    identity = ds.identity or {}
    inverted = bool(identity.get("inverted"))
    if inverted:
        images = np.concatenate([ds.train.images, ds.heldout.images]) if len(ds.heldout) else ds.train.images
        share = light_background_fraction(images, inverted=True)
        what = (tr("All images have a light background, so all were inverted to light strokes on dark like MNIST.")
                if share >= 1.0 else
                tr("Most images ({share:.0%}) have a light background, so all were inverted to light strokes "
                   "on dark like MNIST.").format(share=share))
        notes = [what if n.startswith("Most images (") and "light background" in n else n for n in notes]
        if (ds.identity or {}).get("channels", 1) == 1:
            notes.append(tr("Inversion ▸ “Keep as drawn” trains on them as drawn."))
    held, train = len(ds.heldout), len(ds.train)
    if held:
        notes.append(tr("{held:,} of the {total:,} images ({share:.0%}) are held out to measure the generator "
                        "and not trained on; training uses {train:,}.").format(
                            held=held, total=held + train, share=held / (held + train), train=train))
    return notes


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, DatasetError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class DatasetPanel(QWidget):
    """Data source chooser with download / import, a live preview and a class filter: a view of the
    Experiment's data settings (edits go to the Experiment, which applies the folder-decides-the-shape rule;
    its changes come back here)."""

    dataConfigChanged = Signal(object)        # DataConfig: the user changed the data (already in the Experiment)

    def __init__(self, experiment: Experiment | None = None, parent=None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self.experiment = experiment or Experiment()
        self._shown = self.experiment.config.data      # the data the widgets show
        self._catalog = {info.key: info for info in dataset_catalog()}
        self._cache: dict[tuple, object] = {}        # _preview_key() → LoadedDataset
        self._load_task = None
        self._download_task = None
        self._locked = False
        self._current = None                        # the LoadedDataset on show
        self._class_boxes: list[QCheckBox] = []
        self._build()
        guard_wheel(self)
        self._refresh_sources()
        self._show_config()
        self.experiment.configChanged.connect(self._on_experiment_changed)
        self.destroyed.connect(lambda *_: self.experiment.configChanged.disconnect(self._on_experiment_changed))

    @property
    def _cfg(self) -> DataConfig:
        return self.experiment.config.data

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.setSpacing(8)

        # Source
        src_box = QGroupBox(tr("Source"), self)
        src = QVBoxLayout(src_box)
        src.setSpacing(6)
        self.source_combo = QComboBox(src_box)
        self.source_combo.setToolTip(tooltip(field_spec("data.source")))
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(16)
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        src.addWidget(self.source_combo)
        self.description_label = muted(QLabel(src_box))
        self.description_label.setWordWrap(True)
        src.addWidget(self.description_label)

        # IDX download / import row
        self.download_row = QWidget(src_box)
        dl = QVBoxLayout(self.download_row)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(4)
        self.download_status = QLabel(self.download_row)
        self.download_status.setWordWrap(True)
        dl.addWidget(self.download_status)
        buttons = QHBoxLayout()
        self.download_button = QPushButton(tr("Download"), self.download_row)
        self.download_button.setToolTip(tr("Download the four official IDX files (checksums verified)"))
        self.download_button.clicked.connect(self._start_download)
        self.import_button = QPushButton(tr("Import folder…"), self.download_row)
        self.import_button.setToolTip(tr("Use a local copy: a folder holding the four IDX files (.gz or raw)"))
        self.import_button.clicked.connect(self._choose_import_folder)
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        dl.addLayout(buttons)
        prog = QHBoxLayout()
        self.progress_bar = ProgressBar(self.download_row)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(tr("Cancel"), self.download_row)
        self.cancel_button.setToolTip(tr("Stop the download; nothing half-downloaded is kept"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel_download)
        prog.addWidget(self.progress_bar, 1)
        prog.addWidget(self.cancel_button)
        dl.addLayout(prog)
        src.addWidget(self.download_row)

        # Folder row
        self.folder_row = QWidget(src_box)
        fr = QVBoxLayout(self.folder_row)
        fr.setContentsMargins(0, 0, 0, 0)
        fr.setSpacing(4)
        line = QHBoxLayout()
        self.folder_path_label = QLabel(tr("No folder chosen"), self.folder_row)
        self.folder_path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.folder_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(tr("Choose folder…"), self.folder_row)
        self.folder_button.setToolTip(tr("A folder of PNG/JPEG/… images; sub-folder names become classes"))
        self.folder_button.clicked.connect(self._choose_image_folder)
        line.addWidget(self.folder_path_label, 1)
        line.addWidget(self.folder_button)
        fr.addLayout(line)
        self.form = FieldForm(self)            # the data fields a generic editor fits (the folder-labels box)
        self.folder_labels_check = self.form.bind("data.folder_labels", self.folder_row)
        self.form.committed.connect(self._on_form_edit)
        fr.addWidget(self.folder_labels_check)
        self.invert_row = QWidget(self.folder_row)      # gray line art only: colour is never inverted
        inv = QHBoxLayout(self.invert_row)
        inv.setContentsMargins(0, 0, 0, 0)
        self.invert_combo = self.form.bind("data.invert", self.invert_row)
        invert_label = QLabel(tr(field_spec("data.invert").label), self.invert_row)
        invert_label.setBuddy(self.invert_combo)
        inv.addWidget(invert_label)
        inv.addWidget(self.invert_combo, 1)
        fr.addWidget(self.invert_row)
        self.size_row = QWidget(self.folder_row)        # the training size: the folder's choice, or another
        sz = QHBoxLayout(self.size_row)
        sz.setContentsMargins(0, 0, 0, 0)
        self.size_combo = QComboBox(self.size_row)
        for size in IMAGE_SIZES:
            self.size_combo.addItem(tr("{size}×{size} px").format(size=size), size)
        self.size_combo.setToolTip(tr("The size the networks train at. The folder chooses one (64 for colour images, "
                                      "28 for small gray ones); 128 suits folders of larger images and trains about "
                                      "five times more slowly than 64."))
        self.size_combo.activated.connect(self._on_size_chosen)
        size_label = QLabel(tr("Training size"), self.size_row)
        size_label.setBuddy(self.size_combo)
        sz.addWidget(size_label)
        sz.addWidget(self.size_combo, 1)
        fr.addWidget(self.size_row)
        # what the folder decided (recipe, size, channels) and why, in one line (Experiment.folder_recipe)
        self.recipe_label = muted(QLabel(self.folder_row))
        self.recipe_label.setWordWrap(True)
        fr.addWidget(self.recipe_label)
        src.addWidget(self.folder_row)

        self.message = InlineMessage(src_box)
        src.addWidget(self.message)
        root.addWidget(src_box)

        # Preview
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
        root.addWidget(prev_box)

        # Classes
        self.class_box = QGroupBox(tr("Classes"), self)
        cb = QVBoxLayout(self.class_box)
        cb.setSpacing(4)
        self.class_grid = QGridLayout()
        self.class_grid.setHorizontalSpacing(10)
        self.class_grid.setVerticalSpacing(2)
        cb.addLayout(self.class_grid)
        row = QHBoxLayout()
        self.all_button = QPushButton(tr("All"), self.class_box)
        self.none_button = QPushButton(tr("None", "select no classes"), self.class_box)
        self.all_button.setToolTip(tr("Train on every class"))
        self.none_button.setToolTip(tr("Clear the selection, then tick the classes you want"))
        self.all_button.clicked.connect(lambda: self._set_all_classes(True))
        self.none_button.clicked.connect(lambda: self._set_all_classes(False))
        self.class_summary = muted(QLabel(self.class_box))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        row.addWidget(self.class_summary)
        cb.addLayout(row)
        root.addWidget(self.class_box)
        root.addStretch(1)

    # -------------------------------------------------------------- public API
    def data_config(self) -> DataConfig:
        return self._cfg

    def set_data_config(self, cfg: DataConfig) -> None:
        """Make `cfg` the Experiment's data as it is (no shape rule, no dataConfigChanged)."""
        self.experiment.set_config(self.experiment.config.replace(data=cfg))

    def _on_experiment_changed(self, keys: set) -> None:
        if any(k.startswith("data.") for k in keys) and self._cfg != self._shown:
            self._show_config()
        elif keys & {"model.image_size", "model.channels", "preset"}:
            self._show_recipe()
            self._request_preview()         # the preview shows the training size and colour

    def _show_config(self) -> None:
        """Show the Experiment's data in the widgets and preview it."""
        cfg = self._shown = self._cfg
        self.source_combo.blockSignals(True)
        idx = self.source_combo.findData(cfg.source)
        self.source_combo.setCurrentIndex(max(0, idx))
        self.source_combo.blockSignals(False)
        self.form.apply(self.experiment.config)
        self._sync_class_boxes()
        self._apply_source_ui()
        self._request_preview()

    def set_locked(self, locked: bool) -> None:
        """While training: the source, folder and class filter cannot change."""
        self._locked = locked
        self._update_enabled()

    def current_dataset(self):
        """The LoadedDataset on show (None while loading or unavailable)."""
        return self._current

    def is_busy(self) -> bool:
        return self._load_task is not None or self._download_task is not None

    def shutdown(self) -> None:
        """Cancel background work and wait for it (call before closing)."""
        for task in (self._load_task, self._download_task):
            if task is not None:
                task.cancel()
        self.pool.waitForDone(5000)

    # ---------------------------------------------------------------- sources
    def _refresh_sources(self) -> None:
        self._catalog = {info.key: info for info in dataset_catalog()}
        current = self.source_combo.currentData() or self._cfg.source
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for key in DATA_SOURCES:
            info = self._catalog.get(key)
            title = tr(SOURCE_TITLES[key])
            if info is not None and info.downloadable:
                title += "  ✓" if info.cached else tr("  — not downloaded ({size})").format(
                    size=format_bytes(info.size_bytes))
            elif key == "sample":
                title += "  ✓"
            self.source_combo.addItem(title, key)
            if info is not None:
                self.source_combo.setItemData(self.source_combo.count() - 1, tr(info.description),
                                              Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(current)))
        self.source_combo.blockSignals(False)

    def _apply_source_ui(self) -> None:
        key = self._cfg.source
        info = self._catalog.get(key)
        self.description_label.setText(tr(info.description) if info else "")
        is_idx = bool(info and info.downloadable)
        cached = bool(info and info.cached)
        self.download_row.setVisible(is_idx and (not cached or self._download_task is not None))
        if is_idx and not cached:
            self.download_status.setText(
                tr("Not on this computer yet — a {size} download, "
                   "or import a folder holding a local copy of the four IDX files.").format(
                    size=format_bytes(info.size_bytes)))
        self.folder_row.setVisible(key == "folder")
        path = self._cfg.path if key == "folder" else None
        self.folder_path_label.setText(path or tr("No folder chosen"))
        self.folder_path_label.setToolTip(path or "")
        self._show_recipe()
        self._update_enabled()

    def _show_recipe(self) -> None:
        """The folder's line (recipe, size and channels chosen, and why) and the inversion choice, which
        gray images only have."""
        m = self.experiment.config.model
        is_folder = self._cfg.source == "folder"
        self.invert_row.setVisible(is_folder and bool(self._cfg.path) and m.channels == 1)
        self.size_row.setVisible(is_folder and bool(self._cfg.path))
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(m.image_size)))
        recipe = self.experiment.folder_recipe if is_folder else None
        text = translate_message(recipe.reason) if recipe is not None else ""
        if is_folder and self._cfg.path:
            shape = tr("Training at {size}×{size} {colour}.").format(
                size=m.image_size, colour=tr("colour (RGB)") if m.channels == 3 else tr("gray"))
            text = f"{text} {shape}".strip() if recipe is None or (m.image_size, m.channels) != (
                recipe.image_size, recipe.channels) else text
        self.recipe_label.setText(text)
        self.recipe_label.setVisible(bool(text))

    def _on_size_chosen(self, index: int) -> None:
        size = self.size_combo.itemData(index)
        if size is not None and size != self.experiment.config.model.image_size:
            self.experiment.edit(**{"model.image_size": int(size)})

    def _update_enabled(self) -> None:
        busy_dl = self._download_task is not None
        self.source_combo.setEnabled(not self._locked and not busy_dl)
        self.download_button.setEnabled(not self._locked and not busy_dl)
        self.import_button.setEnabled(not self._locked and not busy_dl)
        self.folder_button.setEnabled(not self._locked)
        self.folder_labels_check.setEnabled(not self._locked)
        self.invert_combo.setEnabled(not self._locked)
        self.size_combo.setEnabled(not self._locked)
        for box in self._class_boxes:
            box.setEnabled(not self._locked)
        self.all_button.setEnabled(not self._locked and bool(self._class_boxes))
        self.none_button.setEnabled(not self._locked and bool(self._class_boxes))

    def _set_config(self, cfg: DataConfig) -> None:
        """The user's choice: to the Experiment (which may also set the image shape), then announced."""
        if cfg != self._cfg:
            self._shown = cfg
            self.experiment.choose_data(cfg)
            self.dataConfigChanged.emit(cfg)

    def _on_source_changed(self, index: int) -> None:
        key = self.source_combo.itemData(index)
        if key is None or key == self._cfg.source:
            return
        # classes are per dataset; a folder keeps its path
        path = self._cfg.path if key == "folder" else None
        self.message.clear_message()
        self._set_config(self._cfg.replace(source=key, path=path, classes=None))
        self._apply_source_ui()
        self._request_preview()

    def _on_form_edit(self, key: str) -> None:
        """A generic field changed: folder labels (the class filter starts over, since the classes differ) or
        the inversion."""
        data = self.form.read(self.experiment.config)[0].data
        self._set_config(data.replace(classes=None) if key == "data.folder_labels" else data)
        self._show_recipe()
        self._request_preview()

    def _choose_image_folder(self) -> None:
        start = self._cfg.path or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, tr("Choose a folder of images"), start)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str) -> None:
        """Use a folder of images (what "Choose folder…" does after the dialog)."""
        self.message.clear_message()
        self.source_combo.blockSignals(True)
        self.source_combo.setCurrentIndex(self.source_combo.findData("folder"))
        self.source_combo.blockSignals(False)
        self._set_config(self._cfg.replace(source="folder", path=str(folder), classes=None))
        self._apply_source_ui()
        self._request_preview()

    # ------------------------------------------------------- download / import
    def _start_download(self) -> None:
        key = self._cfg.source
        info = self._catalog.get(key)
        if not (info and info.downloadable) or self._download_task is not None:
            return
        self.message.clear_message()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(tr("Connecting…"))
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._download_task = background(
            self.pool, lambda progress, cancel: download_dataset(key, progress=progress, cancel=cancel),
            on_done=if_alive(self, lambda _path, k=key: self._download_finished(k, None)),
            on_error=if_alive(self, lambda exc, k=key: self._download_finished(k, exc)),
            on_progress=if_alive(self, self._download_progress))
        self._update_enabled()

    def _download_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * min(done, total) / total))
            self.progress_bar.setFormat(tr("{done} of {total}").format(done=format_bytes(done),
                                                                      total=format_bytes(total)))
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setFormat(format_bytes(done))

    def _cancel_download(self) -> None:
        if self._download_task is not None:
            self._download_task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat(tr("Cancelling…"))

    def _download_finished(self, key: str, exc: BaseException | None) -> None:
        self._download_task = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        if exc is None:
            self.message.show_message(tr("{dataset} downloaded and verified.").format(
                dataset=self._catalog[key].title), "info")
        elif isinstance(exc, DatasetCancelled):
            self.message.show_message(tr("Download cancelled; nothing was kept."), "warning")
        elif isinstance(exc, DatasetUnavailable):
            self.message.show_message(
                tr("Download failed: {error}\n\nIf this computer is offline, copy the four IDX files from "
                   "another machine and use “Import folder…”; the offline sample works meanwhile.").format(
                    error=exc), "error")
        else:
            self.message.show_message(tr("Download failed: {error}").format(error=_error_text(exc)), "error")
        self._after_cache_change(key)

    def _choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder with the four IDX files"), str(Path.home()))
        if folder:
            self.import_folder(folder)

    def import_folder(self, folder: str) -> bool:
        """Import a local IDX copy for the current source (what "Import folder…" does)."""
        key = self._cfg.source
        try:
            import_idx_folder(key, folder)
        except DatasetError as exc:
            self.message.show_message(tr("Import failed: {error}").format(error=exc), "error")
            return False
        except OSError as exc:
            self.message.show_message(tr("Import failed: {error}").format(error=exc), "error")
            return False
        self.message.show_message(tr("{dataset} imported from {folder}.").format(
            dataset=self._catalog[key].title, folder=folder), "info")
        self._after_cache_change(key)
        return True

    def _after_cache_change(self, key: str) -> None:
        self._refresh_sources()
        self._cache = {k: v for k, v in self._cache.items() if k[0] != key}
        self._apply_source_ui()
        if key == self._cfg.source:
            self._request_preview()

    # ----------------------------------------------------------------- preview
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
        self.message.show_message(_error_text(exc), "error")

    def _show_empty(self, text: str) -> None:
        self.preview.set_image(None)
        self.preview.set_placeholder(text)
        self.count_label.setText("")
        self.count_label.setVisible(False)
        self.histogram.set_counts([], [])
        self.histogram.setVisible(False)
        self.notes_label.setText("")
        self.notes_label.setVisible(False)

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

    # ------------------------------------------------------------ class filter
    def _rebuild_classes(self, names: list[str]) -> None:
        for box in self._class_boxes:
            self.class_grid.removeWidget(box)
            box.hide()
            box.deleteLater()
        self._class_boxes = []
        wanted = None if self._cfg.classes is None else set(self._cfg.classes)
        cols = 5 if max((len(n) for n in names), default=0) <= 3 else 2
        for i, name in enumerate(names):
            box = QCheckBox(name, self.class_box)
            box.setChecked(wanted is None or i in wanted)
            box.setToolTip(tr("Train on class {i} ({name})").format(i=i, name=name))
            box.toggled.connect(self._on_class_toggled)
            self.class_grid.addWidget(box, i // cols, i % cols)
            self._class_boxes.append(box)
        self.class_box.setVisible(bool(names))
        self._update_class_summary()
        self._update_enabled()

    def _sync_class_boxes(self) -> None:
        wanted = None if self._cfg.classes is None else set(self._cfg.classes)
        for i, box in enumerate(self._class_boxes):
            box.blockSignals(True)
            box.setChecked(wanted is None or i in wanted)
            box.blockSignals(False)
        self._update_class_summary()
        self._update_selection_view()

    def _selected_classes(self) -> set[int] | None:
        if not self._class_boxes:
            return None
        chosen = {i for i, b in enumerate(self._class_boxes) if b.isChecked()}
        return None if len(chosen) == len(self._class_boxes) else chosen

    def _update_class_summary(self) -> None:
        sel = self._selected_classes()
        n = len(self._class_boxes)
        self.class_summary.setText(tr("all classes") if sel is None
                                   else tr("{n} of {total} classes").format(n=len(sel), total=n))

    def _on_class_toggled(self, _on: bool) -> None:
        sel = self._selected_classes()
        self._update_class_summary()
        self._update_selection_view()
        if sel is not None and not sel:
            self.message.show_message(tr("Pick at least one class to train on."), "warning")
        elif self.message.text() == "Pick at least one class to train on.":
            self.message.clear_message()
        self._set_config(self._cfg.replace(classes=None if sel is None else sorted(sel)))

    def _set_all_classes(self, on: bool) -> None:
        for box in self._class_boxes:
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._on_class_toggled(on)
