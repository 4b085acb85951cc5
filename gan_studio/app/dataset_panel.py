"""The Dataset panel: pick a data source, get it onto the computer, preview it, filter classes.

This file builds the panel and keeps the source chooser; its parts are mixins in their own files: the
folder row and its recipe line (`dataset_folder.py`), download and import (`dataset_download.py`), the
preview (`dataset_preview.py`) and the class filter (`class_filter.py`); the texts about data are in
`dataset_texts.py`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..core.config import DATA_SOURCES, DataConfig, field_spec
from ..core.experiment import Experiment
from ..core.data import dataset_catalog
from .class_filter import DatasetClassFilter
from .dataset_download import DatasetDownload
from .dataset_folder import DatasetFolder
from .dataset_preview import DatasetPreview
from .dataset_texts import SOURCE_TITLES
from .forms import tooltip
from .i18n import tr
from .widgets import InlineMessage, format_bytes, guard_wheel, muted


class DatasetPanel(DatasetFolder, DatasetDownload, DatasetPreview, DatasetClassFilter, QWidget):
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
        self._build_download_row(src_box)
        src.addWidget(self.download_row)

        # Folder row
        self._build_folder_row(src_box)
        src.addWidget(self.folder_row)

        self.message = InlineMessage(src_box)
        src.addWidget(self.message)
        root.addWidget(src_box)

        # Preview
        prev_box = self._build_preview()
        root.addWidget(prev_box)

        # Classes
        self._build_class_filter()
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
