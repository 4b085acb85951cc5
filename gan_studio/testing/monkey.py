"""GUI monkey engine: a seeded random sequence of user actions on a real MainWindow.

Clicks on enabled buttons, random valid and invalid text typed into fields, combo boxes, sliders, the
wheel, shortcuts and menu actions, tab switches, clicks in the Gallery / Explore grids and page actions
(training may start: it runs in the window's training process).  Modal dialogs are answered
automatically (file dialogs: cancelled; the save question: Cancel or Discard; other message boxes:
closed); uncaught exceptions and Qt warnings are collected as faults, each with the actions that led to it.

Used by tests/app/test_monkey.py (a short run with a fixed seed in CI) and `benchmarks/monkey.py` (long runs).
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QApplication, QComboBox, QDialog, QFileDialog,
                               QLineEdit, QMenu, QMessageBox, QScrollBar, QTabWidget, QWidget)

# What the offscreen platform plugin says when a window's size hints change or a popup menu opens (it
# cannot raise windows or grab input): limits of the headless platform, not faults of the app.
HARMLESS_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",
                        "This plugin does not support raise()",
                        "This plugin does not support grabbing the keyboard",
                        "This plugin does not support grabbing the mouse")

TEXTS = ["", "0", "1", "-1", "7", "8", "16", "64", "512", "2048", "1000000", "99999999999999999999", "2e-4",
         "0.5", "0.999", "1e-9", "1e309", "nan", "-inf", "inf", "abc", "3,5", " 12 ", "１２", "0x10", "½", "😀",
         "-0", "1e", ".", "e5"]
KEYS = [  # (key, modifiers): the window's shortcuts and a few plain keys; never Ctrl+Q
    (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_F, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
]


def type_into(widget: QWidget, text: str) -> None:
    """Key presses for `text` (QTest.keyClicks asserts on characters outside ASCII)."""
    for ch in text:
        if ord(ch) < 128:
            QTest.keyClick(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@contextmanager
def answered_dialogs(rng: random.Random):
    """Modal dialogs answer themselves: file dialogs are cancelled, the save question gets Cancel or
    Discard, message boxes and dialogs close, context menus do not open."""
    cancel, discard, ok = (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard,
                           QMessageBox.StandardButton.Ok)
    patches = [
        (QMessageBox, "exec", lambda self, *a, **k: rng.choice([cancel, discard])),
        (QMessageBox, "question", staticmethod(lambda *a, **k: cancel)),
        (QMessageBox, "warning", staticmethod(lambda *a, **k: ok)),
        (QMessageBox, "information", staticmethod(lambda *a, **k: ok)),
        (QMessageBox, "critical", staticmethod(lambda *a, **k: ok)),
        (QMessageBox, "about", staticmethod(lambda *a, **k: None)),
        (QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: "")),
        (QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", ""))),
        (QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", ""))),
        (QDialog, "exec", lambda self, *a, **k: QDialog.DialogCode.Rejected),
        (QMenu, "exec", lambda self, *a, **k: None),
    ]
    saved = [(cls, name, cls.__dict__.get(name)) for cls, name, _ in patches]
    for cls, name, value in patches:
        setattr(cls, name, value)
    try:
        yield
    finally:
        for cls, name, value in saved:
            if value is None:
                delattr(cls, name)
            else:
                setattr(cls, name, value)


@contextmanager
def collected_faults():
    """Uncaught exceptions (sys.excepthook: what PySide reports from slots and event handlers) and Qt
    warnings, as a list of strings."""
    faults: list[str] = []

    def hook(kind, value, tb):
        faults.append("".join(traceback.format_exception(kind, value, tb)))

    def on_message(mode, context, message):
        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) and \
                not any(h in message for h in HARMLESS_QT_MESSAGES):
            faults.append(f"Qt {mode.name}: {message}")
            if mode == QtMsgType.QtFatalMsg:        # Qt aborts next: say why first
                print(f"Qt fatal: {message}", file=sys.stderr, flush=True)

    old_hook = sys.excepthook
    sys.excepthook = hook
    old_handler = qInstallMessageHandler(on_message)
    try:
        yield faults
    finally:
        qInstallMessageHandler(old_handler)
        sys.excepthook = old_hook


LOAD_WAIT_S = 20.0      # keep_training: the longest the monkey waits for a load


class Monkey:
    """Random user actions on a MainWindow; `run(n)` returns the faults found, each with the actions
    that led to it."""

    def __init__(self, window, seed: int, faults: list[str], config=None, keep_training: float = 0.0):
        self.w = window
        # With keep_training p > 0, before each action the monkey finds training not running it presses Train
        # (or Resume, going back to `config` when the settings cannot train) with probability p instead:
        # training then runs for most of the actions.  `training_actions` counts the actions it ran during.
        self.keep_training = keep_training
        self.training_actions = 0
        self.training_seconds = 0.0     # wall-clock seconds of the actions that began with training running
        self.highest_step = 0
        self.config = config          # what `train` goes back to now and then (random edits leave it invalid)
        self.rng = random.Random(seed)
        self.faults = faults
        self.history: list[str] = []
        self.reports: list[str] = []
        self.actions = [(self.click_button, 30), (self.type_text, 18), (self.choose_combo, 8),
                        (self.move_slider, 6), (self.wheel, 5), (self.press_key, 10), (self.trigger_action, 6),
                        (self.switch_tab, 10), (self.click_grid, 10), (self.page_action, 6), (self.wait, 4), (self.train, 3)]
        self.never = {id(window.dataset_panel.download_button)}       # the network is not part of the test
        self._closer = QTimer()                       # closes what opens inside a nested event loop in C++
        self._closer.setInterval(50)
        self._closer.timeout.connect(self.close_popups)

    # ---------------------------------------------------------------- helpers
    def _live(self, kind) -> list:
        widgets = [x for x in self.w.findChildren(kind)
                   if x.isVisible() and x.isEnabled() and id(x) not in self.never]
        return sorted(widgets, key=lambda x: (x.metaObject().className(), x.objectName(),
                                              x.mapTo(self.w, QPoint()).x(), x.mapTo(self.w, QPoint()).y()))

    @staticmethod
    def _name(widget: QWidget) -> str:
        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
        return f"{type(widget).__name__}({widget.objectName() or text!r})"

    def close_popups(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        for top in QApplication.topLevelWidgets():
            if top is not self.w and top.isVisible() and isinstance(top, (QMessageBox, QDialog)):
                top.close()
        for box in self.w.findChildren(QMessageBox):   # window-modal boxes from dialogs.show_message
            if box.isVisible():
                box.close()

    # ---------------------------------------------------------------- actions
    def click_button(self) -> str:
        buttons = self._live(QAbstractButton)
        if not buttons:
            return "no button"
        b = self.rng.choice(buttons)
        name = self._name(b)
        QTest.mouseClick(b, Qt.MouseButton.LeftButton)
        return f"click {name}"

    def type_text(self) -> str:
        edits = self._live(QLineEdit)                 # spin boxes' editors too
        if not edits:
            return "no field"
        e = self.rng.choice(edits)
        text = self.rng.choice(TEXTS)
        e.setFocus()
        e.selectAll()
        type_into(e, text)
        finish = self.rng.choice(["return", "tab", "none"])
        if finish == "return":
            QTest.keyClick(e, Qt.Key.Key_Return)
        elif finish == "tab":
            QTest.keyClick(e, Qt.Key.Key_Tab)
        return f"type {text!r} + {finish} into {self._name(e.parentWidget() or e)}"

    def choose_combo(self) -> str:
        combos = [c for c in self._live(QComboBox) if c.count()]
        if not combos:
            return "no combo"
        c = self.rng.choice(combos)
        i = self.rng.randrange(c.count())
        c.setCurrentIndex(i)
        c.activated.emit(i)
        return f"choose {c.itemText(i)!r} in {self._name(c)}"

    def move_slider(self) -> str:
        sliders = [s for s in self._live(QAbstractSlider) if not isinstance(s, QScrollBar)]
        if not sliders:
            return "no slider"
        s = self.rng.choice(sliders)
        v = self.rng.randint(s.minimum(), s.maximum())
        s.setValue(v)
        return f"slide {self._name(s)} to {v}"

    def wheel(self) -> str:
        targets = self._live(QComboBox) + self._live(QAbstractSlider) + self._live(QLineEdit)
        if not targets:
            return "no wheel target"
        t = self.rng.choice(targets)
        notches = self.rng.choice([-3, -1, 1, 3])
        pos = QPointF(t.width() / 2, t.height() / 2)
        ev = QWheelEvent(pos, QPointF(t.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * notches),
                         Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(t, ev)
        return f"wheel {notches} over {self._name(t)}"

    def press_key(self) -> str:
        key, mods = self.rng.choice(KEYS)
        target = QApplication.focusWidget() or self.w
        if target.window() is not self.w:
            target = self.w
        QTest.keyClick(target, key, mods)
        return f"key {key.name} {mods} on {self._name(target)}"

    def trigger_action(self) -> str:
        actions = [a for menu_action in self.w.menuBar().actions() if menu_action.menu()
                   for a in menu_action.menu().actions()
                   if a.isEnabled() and not a.isSeparator() and a is not self.w.quit_action and not a.menu()]
        if not actions:
            return "no action"
        a = self.rng.choice(actions)
        a.trigger()
        return f"menu {a.text()!r}"

    def switch_tab(self) -> str:
        tabs = [t for t in self._live(QTabWidget) if t.count() > 1]
        if not tabs:
            return "no tabs"
        t = self.rng.choice(tabs)
        i = self.rng.randrange(t.count())
        t.setCurrentIndex(i)
        return f"tab {t.tabText(i)!r}"

    def click_grid(self) -> str:
        from gan_studio.app.digit_view import DigitGrid

        grids = self._live(DigitGrid)
        if not grids:
            return "no grid"
        g = self.rng.choice(grids)
        vp = g.viewport()
        pos = QPoint(self.rng.randrange(max(1, vp.width())), self.rng.randrange(max(1, vp.height())))
        mods = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.NoModifier,
                                Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier])
        how = self.rng.choice(["click", "click", "double", "right"])
        if how == "double":
            QTest.mouseDClick(vp, Qt.MouseButton.LeftButton, mods, pos)
        else:
            button = Qt.MouseButton.RightButton if how == "right" else Qt.MouseButton.LeftButton
            QTest.mouseClick(vp, button, mods, pos)
        return f"{how} {mods} at {pos.x()},{pos.y()} in grid of {type(g.parentWidget()).__name__}"

    def page_action(self) -> str:
        w, rng = self.w, self.rng
        ex, gal = w.explore_tab, w.gallery_tab
        choice = rng.choice(["breed", "promote", "shuffle", "new_seed", "seed_max", "play", "sheet", "send"])
        if choice == "breed":
            ex.breed.breed()
        elif choice == "promote" and ex.breed.children:
            ex.breed.promote(rng.randrange(len(ex.breed.children)))
        elif choice == "shuffle":
            ex.plane.shuffle()
        elif choice == "new_seed":
            gal.new_seed()
        elif choice == "seed_max":
            page = rng.choice([ex.breed, ex.directions])
            page.seed_spin.setValue(page.seed_spin.maximum() - rng.randrange(2))
        elif choice == "play":
            ex.interpolate.play_btn.click()
        elif choice == "sheet":
            gal.export_sheet()
        elif choice == "send":
            gal.select(rng.sample(range(len(gal.picks())), k=min(len(gal.picks()), rng.randint(1, 4))))
            gal.send_to_explore(rng.choice(["interpolate", "plane", "breed", "directions"]))
        return f"page action {choice}"

    def train(self) -> str:
        """Back to the start settings now and then, and press Train (or Continue) when it is enabled."""
        w = self.w
        reset = self.config is not None and not w.experiment.active and self.rng.random() < 0.5
        if reset:
            w.dataset_panel.set_data_config(self.config.data)
            w.experiment.set_config(self.config)
        button = w.controls.train_button
        if not button.isEnabled():
            return f"train: {button.text()} is disabled" + (" after a reset" if reset else "")
        text = button.text()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return f"train: click {text}" + (" after a reset" if reset else "")

    def keep_going(self) -> str:
        """Training is not running: back to full speed (a random slide leaves slow motion at up to 0.5 s a step),
        then press Resume when paused, else Train (back to `config` when the settings cannot train)."""
        w = self.w
        w.controls.slow_slider.setValue(0)
        if w.experiment.state == "paused":
            w.controller.resume()
            return "keep training: resume"
        button = w.controls.train_button
        if not button.isEnabled() and not w.experiment.active and self.config is not None:
            w.dataset_panel.set_data_config(self.config.data)
            w.experiment.set_config(self.config)
        if not button.isEnabled():
            return f"keep training: {button.text()} is disabled"
        text = button.text()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return f"keep training: click {text}"

    def wait_for_load(self) -> str:
        """Like a user who wants to train: wait (at most LOAD_WAIT_S) for the training process to load."""
        end = time.monotonic() + LOAD_WAIT_S
        while self.w.experiment.state == "loading" and time.monotonic() < end:
            QTest.qWait(50)
        return f"keep training: waited for the load ({self.w.experiment.state})"

    def wait(self) -> str:
        ms = self.rng.choice([20, 60, 200, 500])
        QTest.qWait(ms)
        return f"wait {ms} ms"

    # -------------------------------------------------------------------- run
    def run(self, n: int) -> list[str]:
        self._closer.start()
        try:
            for i in range(n):
                fns, weights = zip(*self.actions)
                fn = self.rng.choices(fns, weights)[0]
                state = self.w.experiment.state
                if state == "running":
                    self.training_actions += 1
                elif self.keep_training > 0 and self.rng.random() < self.keep_training:
                    fn = self.wait_for_load if state == "loading" else self.keep_going
                self.highest_step = max(self.highest_step, self.w.experiment.step)
                seen = len(self.faults)
                began = time.monotonic()
                try:
                    what = fn()
                except Exception:  # noqa: BLE001 - an exception escaping an action is a fault too
                    what = fn.__name__
                    self.faults.append(traceback.format_exc())
                self.history.append(f"{i}: {what}")
                QApplication.processEvents()
                if state == "running":
                    self.training_seconds += time.monotonic() - began
                self.close_popups()
                if len(self.faults) > seen:
                    recent = "\n".join(self.history[-8:])
                    self.reports += [f"after actions\n{recent}\n{f}" for f in self.faults[seen:]]
                    del self.faults[seen:]
        finally:
            self._closer.stop()
        return self.reports


def run_monkey(window, seed: int, actions: int, config=None, keep_training: float = 0.0, monkeys: list | None = None
               ) -> tuple[list[str], list[str]]:
    """Run `actions` random actions on `window`; (fault reports, action history).  `monkeys` (a list) gets the
    Monkey, for its counts."""
    rng = random.Random(seed)
    with answered_dialogs(rng), collected_faults() as faults:
        monkey = Monkey(window, seed, faults, config, keep_training)
        if monkeys is not None:
            monkeys.append(monkey)
        reports = monkey.run(actions)
        window.controller.discard()
        QApplication.processEvents()
        reports += [f"while ending\n{f}" for f in faults]
    return reports, monkey.history
