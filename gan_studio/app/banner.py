"""A non-modal message strip above the tabs, with up to two action buttons.

Messages that arrive while one is showing are kept, newest first, so a warning is never lost behind the next
one: "Next message" steps through them, and dismissing one (or acting on it) shows the one after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from .i18n import tr

MAX_MESSAGES = 5   # the oldest beyond this many is dropped


@dataclass
class _Message:
    text: str
    action: str | None = None
    on_action: Callable[[], None] | None = None
    second: str | None = None
    on_second: Callable[[], None] | None = None


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
        self.count_label = QLabel()
        self.next_button = QPushButton(tr("Next message"))
        self.next_button.setToolTip(tr("Show the next of the messages that arrived while this one was showing"))
        self.next_button.clicked.connect(self.show_next)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)   # level with the buttons' text
        self.count_label.setMinimumHeight(self.next_button.sizeHint().height())
        self.close_button = QPushButton(tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setToolTip(tr("Hide this message"))
        self._messages: list[_Message] = []   # newest first
        self._index = 0                        # the one showing
        self._callbacks = {}
        self.action_button.clicked.connect(lambda: self._clicked(self.action_button))
        self.second_button.clicked.connect(lambda: self._clicked(self.second_button))
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.second_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, action: str | None = None, on_action=None,
                     second: str | None = None, on_second=None) -> None:
        """Show `text` in front of the messages already kept (the same text again replaces its earlier copy);
        each named action is a button that takes the message away, then calls its callback."""
        self._messages = [m for m in self._messages if m.text != text]
        self._messages.insert(0, _Message(text, action, on_action, second, on_second))
        del self._messages[MAX_MESSAGES:]
        self._index = 0
        self._render()

    def messages(self) -> list[str]:
        """The kept messages' texts, newest first."""
        return [m.text for m in self._messages]

    def dismiss(self) -> None:
        """Take the message showing away; the next kept one shows, or the banner hides."""
        if self._messages:
            del self._messages[self._index]
            self._index = min(self._index, max(0, len(self._messages) - 1))
        self._render()

    def withdraw(self, text: str) -> None:
        """Take away the kept message with this text, if there is one (what it announced has ended)."""
        if any(m.text == text for m in self._messages):
            shown = self._messages[self._index]
            self._messages = [m for m in self._messages if m.text != text]
            self._index = self._messages.index(shown) if shown in self._messages else 0
            self._render()

    def show_next(self) -> None:
        if self._messages:
            self._index = (self._index + 1) % len(self._messages)
        self._render()

    def clear(self) -> None:
        """Forget every message and hide (a new run starts: they were about the old one)."""
        self._messages, self._index = [], 0
        self._render()

    def _render(self) -> None:
        self._callbacks = {}
        if not self._messages:
            self.hide()
            return
        message = self._messages[self._index]
        self.label.setText(message.text)
        for button, name, callback in ((self.action_button, message.action, message.on_action),
                                       (self.second_button, message.second, message.on_second)):
            button.setVisible(bool(name))
            if name:
                button.setText(name)
                self._callbacks[button] = callback
        many = len(self._messages) > 1
        self.count_label.setVisible(many)
        self.next_button.setVisible(many)
        if many:
            self.count_label.setText(tr("{index} of {count}").format(index=self._index + 1, count=len(self._messages)))
        self.show()

    def _clicked(self, button) -> None:
        callback = self._callbacks.get(button)
        self.dismiss()
        if callback is not None:
            callback()
