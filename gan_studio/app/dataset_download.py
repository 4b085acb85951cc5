"""The Dataset panel's download and import of the IDX datasets: the row under the source, its progress and
cancel, and the messages when it ends.

A mixin of `DatasetPanel` (`app/dataset_panel.py`): it uses the panel's config, catalog, thread pool and
message strip.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.data import DatasetCancelled, DatasetError, DatasetUnavailable, download_dataset, import_idx_folder
from .dataset_texts import error_text
from .i18n import tr
from .background import background, if_alive
from .widgets import ProgressBar, format_bytes


class DatasetDownload:
    """Download / import of the Dataset panel (a mixin of `DatasetPanel`)."""

    def _build_download_row(self, src_box) -> QWidget:
        """The row under the source for the IDX datasets: its status, Download, Import folder…, the progress."""
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
        return self.download_row

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
            self.message.show_message(tr("Download failed: {error}").format(error=error_text(exc)), "error")
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
