"""The app's message boxes in one place: messages, errors with details, the unsaved-work question,
keyboard shortcuts and About."""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import __version__
from ..paths import APP_NAME
from .i18n import tr, tr_noop

SHORTCUTS = [
    ("Ctrl+Enter", tr_noop("Train / continue")),
    ("Space", tr_noop("Pause / resume")),
    ("Ctrl+N", tr_noop("New experiment")),
    ("Ctrl+O", tr_noop("Open a run")),
    ("Ctrl+Shift+F", tr_noop("Follow a run another process trains")),
    ("Ctrl+S", tr_noop("Save")),
    ("Ctrl+Shift+S", tr_noop("Save as…")),
    ("Ctrl+Shift+R", tr_noop("Runs on disk: sizes, rename, clean up")),
    ("Ctrl+E", tr_noop("Export the sample grid")),
    ("Ctrl+G", tr_noop("Explore the generator being trained")),
    ("Ctrl+R", tr_noop("Gallery: new seed")),
    ("F", tr_noop("Gallery: star the selection")),
    ("Ctrl+B", tr_noop("Show / hide the experiment panel")),
    ("Ctrl+Q", tr_noop("Quit")),
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
    if saved_before:
        return (tr("1 training step since the last save is not saved.") if unsaved == 1 else
                tr("{n:,} training steps since the last save are not saved.").format(n=unsaved))
    return (tr("The current experiment has 1 training step that is not saved.") if unsaved == 1 else
            tr("The current experiment has {n:,} training steps that are not saved.").format(n=unsaved))


def ask_save(parent: QWidget, unsaved: int, why: str = "", saved_before: bool = False) -> str:
    """Save / Discard / Cancel for unsaved trained steps: returns "save", "discard" or "cancel".

    `unsaved`: the steps trained since the last save (all of them when the run was never saved)."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                      f"{why + ' ' if why else ''}{unsaved_text(unsaved, saved_before)}", parent=parent)
    box.setInformativeText(tr("Save the run before going on?"))
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
                   f"{QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)}</b></td><td>{tr(d)}</td></tr>"
                   for k, d in SHORTCUTS)
    QMessageBox.information(parent, tr("Keyboard shortcuts"), f"<table>{rows}</table>")


def about_text(device: str) -> str:
    import pyqtgraph
    import PySide6
    import torch
    from PySide6.QtCore import qVersion

    return (f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>" + tr("Train generative adversarial networks on handwritten digits and explore what they learned.")
            + "</p>"
            f"<table><tr><td>PyTorch</td><td>{torch.__version__}</td></tr>"
            f"<tr><td>Qt</td><td>{qVersion()}</td></tr>"
            f"<tr><td>PySide6</td><td>{PySide6.__version__}</td></tr>"
            f"<tr><td>pyqtgraph</td><td>{pyqtgraph.__version__}</td></tr>"
            f"<tr><td>{tr('Device')}</td><td>{device or 'CPU'}</td></tr></table>")
