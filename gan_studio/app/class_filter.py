"""The Dataset panel's class filter: one check box per class, All / None, and how many are chosen.

A mixin of `DatasetPanel` (`app/dataset_panel.py`): the choice goes to the panel's Experiment.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from .i18n import tr
from .widgets import muted


class DatasetClassFilter:
    """The Classes box of the Dataset panel (a mixin of `DatasetPanel`)."""

    def _build_class_filter(self) -> None:
        """The Classes box: the check boxes' grid, All, None and the summary."""
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
