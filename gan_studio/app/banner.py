"""A non-modal message card over the bottom left of the tabs, with up to two action buttons.

The card floats over the tab area (`attach(host)`) instead of taking a row of the layout: when a message
appears or goes nothing under the mouse moves and the plots keep their height.  It sits at the bottom left,
over the least needed part of each tab (the Train tab's images/s plot, the end of a lesson's text), away from
the sample grid's snapshot timeline at the bottom right (`clear_of`: on a narrow window the card narrows to
stay left of it); **Hide** folds it into one small button.  Its height
follows its text (word-wrapped, never clipped), up to a share of the host's height (beyond that it scrolls).

Messages have a key (by default their text): a message with a key already kept replaces it, so the same
warning shows once however often it is raised.  Messages that belong to the run on screen (`run=True`:
training warnings) are taken away together by `clear_run()` when the run, lesson or branch changes, and
one by one by `withdraw(key)` when their condition ends.  Messages that arrive while one is showing are
kept, newest first: "Next message" steps through them, and dismissing one (or acting on it) shows the one
after it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from .i18n import tr

MAX_MESSAGES = 5        # the oldest beyond this many is dropped
MAX_WIDTH = 560         # the card's width on a wide window (px)
MARGIN = 8              # from the host's edges
MAX_HEIGHT_SHARE = 0.45  # of the host's height; a longer text scrolls inside the card
MIN_CLEAR_WIDTH = 320   # the card keeps clear of `clear_of()` unless that leaves it narrower than this (px)


@dataclass
class _Message:
    text: str
    action: str | None = None
    on_action: Callable[[], None] | None = None
    second: str | None = None
    on_second: Callable[[], None] | None = None
    key: str = ""
    run: bool = False


class _Follow(QObject):
    """Re-places the card when its host is resized."""

    def __init__(self, banner: "Banner"):
        super().__init__(banner)
        self.banner = banner

    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.banner.place()
        return False


class Banner(QFrame):
    """A non-modal message card with up to two action buttons (see the module's text)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet("QFrame#banner { background: #fff3cd; border: 1px solid #c9a43c; border-radius: 6px; }"
                           "QFrame#banner QLabel { color: #5c4500; background: transparent; }"
                           "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self._host: QWidget | None = None
        # a widget of the host the card keeps to the left of, when there is room (None: none); see place()
        self.clear_of: Callable[[], QWidget | None] | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.action_button = QPushButton()
        self.second_button = QPushButton()
        self.count_label = QLabel()
        self.next_button = QPushButton(tr("Next message"))
        self.next_button.setToolTip(tr("Show the next of the messages that arrived while this one was showing"))
        self.next_button.clicked.connect(self.show_next)
        self.hide_button = QPushButton(tr("Hide"))
        self.hide_button.setToolTip(tr("Fold the message away into a small button; it stays until dismissed"))
        self.hide_button.clicked.connect(lambda: self.set_folded(True))
        self.show_button = QPushButton()
        self.show_button.setToolTip(tr("Show the messages again"))
        self.show_button.clicked.connect(lambda: self.set_folded(False))
        self._folded = False
        self.close_button = QPushButton(tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setToolTip(tr("Hide this message"))
        self._messages: list[_Message] = []   # newest first
        self._index = 0                        # the one showing
        self._callbacks = {}
        self.action_button.clicked.connect(lambda: self._clicked(self.action_button))
        self.second_button.clicked.connect(lambda: self._clicked(self.second_button))
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 8, 8, 8)
        col.setSpacing(6)
        col.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.count_label)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.action_button)
        row.addWidget(self.second_button)
        row.addWidget(self.hide_button)
        row.addWidget(self.close_button)
        row.addWidget(self.show_button)
        col.addLayout(row)
        self.hide()

    # ------------------------------------------------------------ placing
    def attach(self, host: QWidget) -> None:
        """Float over `host` (its bottom left), above its children, without taking a place in its layout."""
        self._host = host
        self.setParent(host)
        host.installEventFilter(_Follow(self))
        self.place()

    def place(self) -> None:
        """Width, height (the text's, never clipped) and position in the host."""
        host = self._host
        if host is None:
            return
        m = self.layout().contentsMargins()
        if self._folded:
            hint = self.show_button.sizeHint()
            width, height = hint.width() + m.left() + m.right(), hint.height() + m.top() + m.bottom()
            self.setGeometry(MARGIN, host.height() - height - MARGIN, width, height)
            self.raise_()
            return
        width = max(200, min(MAX_WIDTH, host.width() - 2 * MARGIN))
        avoid = self.clear_of() if self.clear_of is not None else None
        if avoid is not None and avoid.isVisible():     # e.g. the Train tab's samples and snapshot timeline
            room = avoid.mapTo(host, QPoint(0, 0)).x() - 2 * MARGIN
            if room >= MIN_CLEAR_WIDTH:
                width = min(width, room)
        inner = width - m.left() - m.right()
        text_h = self.label.heightForWidth(inner)
        if text_h < 0:
            text_h = self.label.sizeHint().height()
        buttons_h = max(b.sizeHint().height() for b in (self.close_button, self.action_button))
        limit = max(80, int(host.height() * MAX_HEIGHT_SHARE))
        chrome = m.top() + m.bottom() + self.layout().spacing() + buttons_h
        height = min(limit, chrome + text_h + 2)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if chrome + text_h + 2 > limit
                                               else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setGeometry(MARGIN, host.height() - height - MARGIN, width, height)
        self.raise_()

    # ------------------------------------------------------------ messages
    def show_message(self, text: str, action: str | None = None, on_action=None,
                     second: str | None = None, on_second=None, *, key: str | None = None,
                     run: bool = False) -> None:
        """Show `text` in front of the messages already kept (a kept message with the same key, by default
        the same text, is replaced: it shows once); each named action is a button that takes the message
        away, then calls its callback.  `run`: the message belongs to the run on screen (`clear_run`)."""
        key = text if key is None else key
        if key not in self.keys():
            self._folded = False            # news opens a folded card; the same message again does not
        self._messages = [m for m in self._messages if m.key != key]
        self._messages.insert(0, _Message(text, action, on_action, second, on_second, key, run))
        del self._messages[MAX_MESSAGES:]
        self._index = 0
        self._render()

    def messages(self) -> list[str]:
        """The kept messages' texts, newest first."""
        return [m.text for m in self._messages]

    def keys(self) -> list[str]:
        """The kept messages' keys, newest first."""
        return [m.key for m in self._messages]

    def dismiss(self) -> None:
        """Take the message showing away; the next kept one shows, or the banner hides."""
        if self._messages:
            del self._messages[self._index]
            self._index = min(self._index, max(0, len(self._messages) - 1))
        self._render()

    def withdraw(self, key: str) -> None:
        """Take away the kept message with this key (or text), if there is one (what it announced has ended)."""
        self._remove(lambda m: key in (m.key, m.text))

    def clear_run(self) -> None:
        """Take away every message about the run on screen (another run, lesson or branch is on screen now)."""
        self._remove(lambda m: m.run)

    def _remove(self, gone) -> None:
        if any(gone(m) for m in self._messages):
            shown = self._messages[self._index]
            self._messages = [m for m in self._messages if not gone(m)]
            self._index = self._messages.index(shown) if shown in self._messages else 0
            self._render()

    def set_folded(self, folded: bool) -> None:
        """Fold the card into one small button at the corner (True) or open it again (False)."""
        self._folded = bool(folded)
        self._render()

    def is_folded(self) -> bool:
        return self._folded

    def show_next(self) -> None:
        if self._messages:
            self._index = (self._index + 1) % len(self._messages)
        self._render()

    def clear(self) -> None:
        """Forget every message and hide (a new run starts: they were about the old one)."""
        self._messages, self._index, self._folded = [], 0, False
        self._render()

    def _render(self) -> None:
        self._callbacks = {}
        if not self._messages:
            self.hide()
            return
        message = self._messages[self._index]
        self.label.setText(message.text)
        folded = self._folded
        for button, name, callback in ((self.action_button, message.action, message.on_action),
                                       (self.second_button, message.second, message.on_second)):
            button.setVisible(bool(name) and not folded)
            if name:
                button.setText(name)
                self._callbacks[button] = callback
        for widget in (self.scroll, self.hide_button, self.close_button):
            widget.setVisible(not folded)
        self.show_button.setVisible(folded)
        self.show_button.setText(tr("⚠ {count} message(s): show").format(count=len(self._messages)))
        many = len(self._messages) > 1 and not folded
        self.count_label.setVisible(many)
        self.next_button.setVisible(many)
        if many:
            self.count_label.setText(tr("{index} of {count}").format(index=self._index + 1, count=len(self._messages)))
        self.show()
        self.place()

    def _clicked(self, button) -> None:
        callback = self._callbacks.get(button)
        self.dismiss()
        if callback is not None:
            callback()
