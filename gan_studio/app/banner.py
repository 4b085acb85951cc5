"""A non-modal message strip above the tabs, with up to two action buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from .i18n import tr


class Banner(QFrame):
    """A non-modal message strip above the tabs, with up to two action buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("QFrame#banner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
                           "QFrame#banner QLabel { color: #5c4500; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.second_button = QPushButton()
        self.close_button = QPushButton(tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        self.close_button.setToolTip(tr("Hide this message"))
        self._callbacks = {}
        self.action_button.clicked.connect(lambda: self._clicked(self.action_button))
        self.second_button.clicked.connect(lambda: self._clicked(self.second_button))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.second_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, action: str | None = None, on_action=None,
                     second: str | None = None, on_second=None) -> None:
        """Show `text`; each named action is a button that hides the banner, then calls its callback."""
        self.label.setText(text)
        self._callbacks = {}
        for button, name, callback in ((self.action_button, action, on_action),
                                       (self.second_button, second, on_second)):
            button.setVisible(bool(name))
            if name:
                button.setText(name)
                self._callbacks[button] = callback
        self.show()

    def _clicked(self, button) -> None:
        callback = self._callbacks.get(button)
        self._callbacks = {}
        self.hide()
        if callback is not None:
            callback()
