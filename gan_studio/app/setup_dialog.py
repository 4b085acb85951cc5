"""File ▸ Export setup…: the title, lesson text and notes that travel with a shared setup."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from .i18n import tr


class SetupDialog(QDialog):
    def __init__(self, title: str = "", lesson: str = "", notes: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export setup"))
        intro = QLabel(tr("A setup is a small file with every setting of this experiment (no weights). "
                          "Open it on another computer with File ▸ Open setup…, by dropping it on the "
                          "window, or with gan-studio open FILE."))
        intro.setWordWrap(True)
        self.title_edit = QLineEdit(title)
        self.title_edit.setPlaceholderText(tr("e.g. Mode collapse, live"))
        self.lesson_edit = QPlainTextEdit(lesson)
        self.lesson_edit.setPlaceholderText(tr("What to watch for when this setup trains"))
        self.notes_edit = QPlainTextEdit(notes)
        self.notes_edit.setPlaceholderText(tr("Anything else (shown when the setup is opened)"))
        self.notes_edit.setMaximumHeight(80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(tr("Title"), self.title_edit)
        form.addRow(tr("Lesson"), self.lesson_edit)
        form.addRow(tr("Notes"), self.notes_edit)
        form.addRow(buttons)
        self.resize(520, 380)

    def texts(self) -> tuple[str, str, str]:
        return (self.title_edit.text().strip(), self.lesson_edit.toPlainText().strip(),
                self.notes_edit.toPlainText().strip())
