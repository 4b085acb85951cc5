"""A non-modal message strip above the tabs, with one action button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Banner(QFrame):
    """A non-modal message strip above the tabs, with an action button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("QFrame#banner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
                           "QFrame#banner QLabel { color: #5c4500; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton()
        self.close_button = QPushButton("Dismiss")
        self.close_button.clicked.connect(self.hide)
        self._on_action = None
        self.action_button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, action: str | None = None, on_action=None) -> None:
        """Show `text`; with `action`, a button that calls `on_action` (then hides the banner)."""
        self.label.setText(text)
        self._on_action = on_action
        self.action_button.setVisible(bool(action))
        if action:
            self.action_button.setText(action)
        self.show()

    def _clicked(self) -> None:
        callback, self._on_action = self._on_action, None
        self.hide()
        if callback is not None:
            callback()
