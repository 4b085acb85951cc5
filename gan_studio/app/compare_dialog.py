"""The Gallery's Compare: 2–4 selected images side by side, large."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QVBoxLayout

from .digit_view import DigitImage
from .i18n import tr


class CompareDialog(QDialog):
    """2–4 images side by side, large."""

    def __init__(self, parent, images: list[np.ndarray], captions: list[str]):
        super().__init__(parent)
        self.setWindowTitle(tr("Compare"))
        self.views: list[DigitImage] = []
        row = QHBoxLayout()
        for img, cap in zip(images, captions):
            v = DigitImage(min_size=220)
            v.set_image(img, cap)
            row.addWidget(v)
            self.views.append(v)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.resize(260 * len(images) + 40, 340)

