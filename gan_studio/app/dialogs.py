"""The app's message boxes in one place: messages, errors with details, the unsaved-work question,
keyboard shortcuts and About."""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__
from ..paths import APP_NAME

SHORTCUTS = [
    ("Ctrl+Enter", "Train / continue"),
    ("Space", "Pause / resume"),
    ("Ctrl+N", "New experiment"),
    ("Ctrl+O", "Open a run"),
    ("Ctrl+Shift+F", "Follow a run another process trains"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as…"),
    ("Ctrl+E", "Export the sample grid"),
    ("Ctrl+G", "Explore the generator being trained"),
    ("Ctrl+R", "Gallery: new seed"),
    ("F", "Gallery: star the selection"),
    ("Ctrl+B", "Show / hide the experiment panel"),
    ("Ctrl+Q", "Quit"),
]


def show_message(parent: QWidget, title: str, text: str, icon=QMessageBox.Icon.Warning) -> QMessageBox:
    """A window-modal message that does not block the caller (the event loop keeps running)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def show_error(parent: QWidget, title: str, exc: BaseException) -> QMessageBox:
    """An error in plain words, with the traceback under "Show Details…"."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, str(exc) or type(exc).__name__,
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def unsaved_text(unsaved: int, saved_before: bool = False) -> str:
    """The save prompt's sentence: only the steps that are not on disk are counted."""
    steps = f"{unsaved:,} training step{'' if unsaved == 1 else 's'}"
    if saved_before:
        return f"{steps} since the last save {'is' if unsaved == 1 else 'are'} not saved."
    return f"The current experiment has {steps} that {'is' if unsaved == 1 else 'are'} not saved."


def ask_save(parent: QWidget, unsaved: int, why: str = "", saved_before: bool = False) -> str:
    """Save / Discard / Cancel for unsaved trained steps: returns "save", "discard" or "cancel".

    `unsaved`: the steps trained since the last save (all of them when the run was never saved)."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                      f"{why + ' ' if why else ''}{unsaved_text(unsaved, saved_before)}", parent=parent)
    box.setInformativeText("Save the run before going on?")
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td style='padding-right:18px'><b>"
                   f"{QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)}</b></td><td>{d}</td></tr>"
                   for k, d in SHORTCUTS)
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table>{rows}</table>")


def about_text(device: str) -> str:
    import pyqtgraph
    import PySide6
    import torch
    from PySide6.QtCore import qVersion

    return (f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Train generative adversarial networks on handwritten digits and explore what they learned.</p>"
            f"<table><tr><td>PyTorch</td><td>{torch.__version__}</td></tr>"
            f"<tr><td>Qt</td><td>{qVersion()}</td></tr>"
            f"<tr><td>PySide6</td><td>{PySide6.__version__}</td></tr>"
            f"<tr><td>pyqtgraph</td><td>{pyqtgraph.__version__}</td></tr>"
            f"<tr><td>Device</td><td>{device or 'CPU'}</td></tr></table>")
