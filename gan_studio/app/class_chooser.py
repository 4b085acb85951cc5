"""The Gallery's class chooser: All / one class (0–9 for digits, else the model's own class names)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QSizePolicy, QToolButton, QWidget

from .i18n import tr


class DigitChooser(QWidget):
    """All / 0–9 exclusive checkable buttons.  `value()` is None for All."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(3)
        self.buttons: dict[int | None, QToolButton] = {}
        self.set_classes([str(i) for i in range(10)])
        self.group.idClicked.connect(lambda _id: self.changed.emit())

    digits = True          # the classes are digits (tooltips say "digit"), else a model's own classes

    def set_noun(self, digits: bool) -> None:
        if digits != self.digits:
            self.digits = digits
            self.set_classes([b.text() for v, b in sorted(self.buttons.items(), key=lambda kv: -1 if kv[0] is None
                                                           else kv[0]) if v is not None])

    def set_classes(self, names: list[str]) -> None:
        for b in list(self.buttons.values()):
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons = {}
        entries = [(None, tr("All", "every digit"))] + [(i, n) for i, n in enumerate(names)]
        for pos, (value, text) in enumerate(entries):
            b = QToolButton(self)
            b.setText(text)
            b.setCheckable(True)
            b.setMinimumSize(30, 26)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if self.digits:
                b.setToolTip(tr("Cycle through all digits") if value is None
                             else tr("Only digit {digit}").format(digit=text))
            else:
                b.setToolTip(tr("Cycle through all classes") if value is None
                             else tr("Only {name}").format(name=text))
            self.group.addButton(b, -2 if value is None else value)
            self.buttons[value] = b
            if value is None:
                self._grid.addWidget(b, 0, 0, 1, 2)
            else:
                slot = pos + 1
                self._grid.addWidget(b, slot // 6, slot % 6)
        self.buttons[None].setChecked(True)

    def value(self) -> int | None:
        i = self.group.checkedId()
        return None if i < 0 else i

    def set_value(self, v: int | None) -> None:
        self.buttons[v].setChecked(True)
        self.changed.emit()

