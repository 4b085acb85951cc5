"""The Dataset panel's folder of images: the chosen path, Choose folder…, the folder-labels and inversion
choices, the training size, and the line that says which recipe, size and colour the folder chose and why.

A mixin of `DatasetPanel` (`app/dataset_panel.py`): edits go to the panel's Experiment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..core.config import IMAGE_SIZES, field_spec
from .forms import FieldForm
from .i18n import tr, translate_message
from .widgets import muted


class DatasetFolder:
    """The folder row of the Dataset panel (a mixin of `DatasetPanel`)."""

    def _build_folder_row(self, src_box) -> QWidget:
        """The folder's path and button, its generic fields, the training size and the recipe line."""
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
        return self.folder_row

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
