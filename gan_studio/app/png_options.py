"""The PNG options asked before a Gallery export: scale factor, transparent background, inverted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from .i18n import tr


@dataclass
class PngOptions:
    scale: int = 8
    transparent: bool = False
    invert: bool = False


class PngOptionsDialog(QDialog):
    """Scale factor (1–16), transparent background, inverted."""

    last = PngOptions()

    def __init__(self, parent=None, title: str | None = None, count: int = 1, size: int = 28,
                 digits: bool = True):
        super().__init__(parent)
        self.setWindowTitle(tr("Export PNG") if title is None else title)
        self._size = size
        self.scale = QSpinBox()
        self.scale.setRange(1, 16)
        self.scale.setSuffix(" ×")
        self.scale.setValue(self.last.scale)
        self.transparent = QCheckBox(tr("Transparent background") if digits else
                                     tr("Transparent background (other colours kept)"))
        self.transparent.setChecked(self.last.transparent)
        self.invert = QCheckBox(tr("Inverted (dark ink on white)") if digits else tr("Negative (colours inverted)"))
        self.invert.setChecked(self.last.invert)
        self.info = QLabel()
        self.info.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow(tr("Scale factor"), self.scale)
        form.addRow("", self.transparent)
        form.addRow("", self.invert)
        form.addRow("", self.info)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Choose destination…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("<b>" + (tr("1 image") if count == 1 else tr("{n} images").format(n=count)) + "</b>"))
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.scale.valueChanged.connect(self._update_info)
        self._update_info()

    def _update_info(self) -> None:
        px = self._size * self.scale.value()
        self.info.setText(tr("{px} × {px} pixels per image").format(px=px))

    def options(self) -> PngOptions:
        return PngOptions(self.scale.value(), self.transparent.isChecked(), self.invert.isChecked())

    @classmethod
    def ask(cls, parent, title: str, count: int, size: int, digits: bool = True) -> PngOptions | None:
        dlg = cls(parent, title, count, size, digits)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        cls.last = dlg.options()
        return cls.last

