"""File ▸ Runs on disk…: every run folder with its size and kind; open, show, rename or delete them.

The table lists the runs of `core/run_folders/library.py` (saved runs, autosaves, unsaved scratch runs and
what crashes left behind), read on a thread-pool task so a big runs folder never stalls the window.
"Select unsaved leftovers" selects the scratch runs no process uses; Delete… names how many runs and how
much space before anything is removed (the user's consent to the clean-up).  A run a live process trains
and the run open in the window are never renamed or deleted from here (their buttons say why).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.run_folders.library import (AUTOSAVE, LEFTOVER, SAVED, UNSAVED, RunEntry, check_name, delete_runs,
                                        list_runs, read_entry, rename_run)
from ..core.run_folders.runs import RunError, SCRATCH_FOLDER
from .i18n import tr, tr_noop, translate_message
from .background import background, if_alive
from .widgets import InlineMessage, fit_to_screen, format_bytes

NAME, PRESET, STEPS, SIZE, WRITTEN, KIND = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_TEXT = {SAVED: tr_noop("Saved"), AUTOSAVE: tr_noop("Autosave"),
             LEFTOVER: tr_noop("Left behind, no checkpoint")}


def kind_text(entry: RunEntry, current: bool = False) -> str:
    if entry.kind == UNSAVED:
        text = tr("Unsaved, training now") if entry.held else tr("Unsaved, left behind")
    else:
        text = tr(KIND_TEXT[entry.kind])
    return tr("{kind} · open in this window").format(kind=text) if current else text


def _message(exc_or_text) -> str:
    """A core RunError (or a reason) in the current language."""
    if isinstance(exc_or_text, BaseException):
        return translate_message(exc_or_text.args[0] if exc_or_text.args else str(exc_or_text))
    return translate_message(exc_or_text)


class _Item(QTableWidgetItem):
    """A cell sorted by its SORT_ROLE value (bytes, steps, times) rather than by its text."""

    def __lt__(self, other):
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if a is not None and b is not None:
            return a < b
        return super().__lt__(other)


class RenameDialog(QDialog):
    """The new name of one run, checked as it is typed.  Rename emits `submitted(name)` and the dialog stays
    open: the owner closes it with `finish()` once the run is renamed, or shows the refusal with `show_error`."""

    submitted = Signal(str)

    def __init__(self, entry: RunEntry, parent=None):
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(tr("Rename run"))
        intro = QLabel(tr("New name for {name}:").format(name=entry.title) + (
            "\n" + tr("An unsaved run that is given a name becomes a saved run in the runs folder.")
            if entry.scratch else ""))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(entry.path.name if not entry.scratch else _suggested(entry))
        self.name_edit.selectAll()
        self.name_edit.setToolTip(tr("Letters, digits, spaces, - and _; no / \\ : * ? \" < > |"))
        self.message = InlineMessage(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Rename"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.name_edit)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._check)
        self._check()
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        try:
            check_name(self.name_edit.text())
        except RunError as exc:
            self.message.show_message(_message(exc), "error" if self.name_edit.text().strip() else "info")
            self.ok_button.setEnabled(False)
            return
        self.message.clear_message()
        self.ok_button.setEnabled(True)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            self.submitted.emit(self.name_edit.text())

    def finish(self) -> None:
        super().accept()

    def show_error(self, text: str) -> None:
        self.message.show_message(text, "error")


def _suggested(entry: RunEntry) -> str:
    """A scratch run's suggested name: its preset and when it was started, as Save names a run."""
    when = time.strftime("%Y%m%d-%H%M%S", time.localtime(entry.created or entry.modified))
    return f"{entry.preset or 'run'}-{when}"


class RunsDialog(QDialog):
    """The runs on disk.  `current()`: the run folder open in the window (or None); `open_run(path)`: the
    window's open-run flow (True when it opened); `settings`: recent runs follow a rename or delete."""

    listed = Signal(int)            # the table was filled with this many runs
    changed = Signal()              # a run was renamed or deleted

    def __init__(self, root=None, current: Callable[[], Path | None] = lambda: None,
                 open_run: Callable[[Path], bool] | None = None, settings=None, parent=None):
        super().__init__(parent)
        from ..paths import runs_dir

        self.root = Path(root) if root is not None else runs_dir()
        self.current = current
        self.open_run_fn = open_run
        self.settings = settings
        self.entries: list[RunEntry] = []
        self.loading = False
        self._task = None
        self._running: set = set()       # tasks not finished yet, a replaced one included (kept alive until done)
        self.rename_dialog: RenameDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(tr("Runs on disk"))

        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        where = QLabel(tr("Runs folder: {path}").format(path=self.root))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setToolTip(tr("Runs are saved here; unsaved runs are kept in its {folder} folder until they are "
                            "saved or deleted").format(folder=SCRATCH_FOLDER))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Preset"), tr("Steps"), tr("Size"),
                                              tr("Last written"), tr("Kind")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for col in (PRESET, STEPS, SIZE, WRITTEN, KIND):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSortIndicator(WRITTEN, Qt.SortOrder.DescendingOrder)      # newest first
        self.table.setToolTip(tr("Click a column's title to sort; Ctrl- or Shift-click to select several runs"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self.open_selected())
        self.message = InlineMessage(self)

        def button(text, tip, slot) -> QPushButton:
            b = QPushButton(text)
            b.setAutoDefault(False)      # Enter in the table never presses Delete… (or anything)
            b.setToolTip(tip)
            b.clicked.connect(lambda *_: slot())
            return b

        self.open_button = button(tr("&Open"), tr("Open the selected run in the window"), self.open_selected)
        self.show_button = button(tr("Show &folder"), tr("Show the selected run's folder in the file manager"),
                                  self.show_folder)
        self.rename_button = button(tr("&Rename…"), tr("Give the selected run a new name"), self.rename_selected)
        self.delete_button = button(tr("&Delete…"), tr("Delete the selected runs from the disk (asks first)"),
                                    self.delete_selected)
        self.leftovers_button = button(
            tr("Select unsaved &leftovers"),
            tr("Select the unsaved runs no process is training: what crashes and discarded starts left behind"),
            self.select_leftovers)
        self.refresh_button = button(tr("Re&fresh"), tr("Read the runs folder again"), self.refresh)
        self.close_button = button(tr("Close"), tr("Close this window"), self.close)
        self._tips = {b: b.toolTip() for b in (self.open_button, self.show_button, self.rename_button,
                                               self.delete_button)}
        row = QHBoxLayout()
        for b in (self.open_button, self.show_button, self.rename_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.leftovers_button, self.refresh_button, self.close_button):
            row.addWidget(b)

        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(where)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addLayout(row)
        fit_to_screen(self, 960, 540, near=parent)
        self.update_buttons()
        self.refresh()

    # ------------------------------------------------------------- listing
    def refresh(self) -> None:
        """Read the runs folder again on a pool thread; the table is filled when the answer comes."""
        if self._task is not None:
            self._task.cancel()
        self.loading = True
        self.refresh_button.setEnabled(False)
        self.summary.setText(tr("Reading the runs folder…"))
        root = self.root

        def on_progress(done: int, total: int) -> None:
            self.summary.setText(tr("Reading the runs folder… {done} of {total}").format(done=done, total=total))

        task = background(QThreadPool.globalInstance(), lambda progress, cancelled: list_runs(root, progress, cancelled),
                          on_done=if_alive(self, lambda entries: self._listed(task, entries)),
                          on_error=if_alive(self, lambda exc: self._list_failed(task, exc)),
                          on_progress=if_alive(self, on_progress))
        self._task = task
        self._running.add(task)

    def _listed(self, task, entries) -> None:
        self._running.discard(task)
        if task is not self._task:
            return                       # a newer refresh is under way
        self._task = None
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.entries = list(entries)
        self._fill()
        self.listed.emit(len(self.entries))

    def _list_failed(self, task, exc) -> None:
        self._running.discard(task)
        if task is not self._task:
            return
        self._task = None
        self.loading = False
        self.refresh_button.setEnabled(True)
        self.message.show_message(tr("The runs folder could not be read: {why}").format(
            why=getattr(exc, "strerror", None) or _message(exc)), "error")

    def _current_path(self) -> Path | None:
        path = self.current() if self.current is not None else None
        try:
            return Path(path).resolve() if path is not None else None
        except OSError:
            return None

    def is_current(self, entry: RunEntry) -> bool:
        current = self._current_path()
        return current is not None and entry.path.resolve() == current

    def _fill(self, select: list[Path] | None = None) -> None:
        """The table from `self.entries`, keeping (or setting) the selection and the sort order."""
        keep = {str(p) for p in (select if select is not None else self.selected_paths())}
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(self.entries))
        italic = QFont(self.table.font())
        italic.setItalic(True)
        for r, e in enumerate(self.entries):
            current = self.is_current(e)
            written = time.strftime("%d %b %Y %H:%M", time.localtime(e.modified))
            cells = [(e.title, e.title.lower()), (e.preset or "—", e.preset),
                     (f"{e.step:,}" if e.step is not None else "—", e.step if e.step is not None else -1),
                     (format_bytes(e.size), e.size), (written, e.modified), (kind_text(e, current), e.kind)]
            tip = str(e.path)
            if e.held:
                tip += "\n" + tr("Being trained by {who}").format(who=translate_message(e.holder))
            elif e.cleanable:
                tip += "\n" + (tr("Never saved: Open it to recover it, Rename… to keep it, Delete… to free the space")
                               if e.step is not None else
                               tr("Never saved and holds no checkpoint: nothing in it can be recovered"))
            for c, (text, key) in enumerate(cells):
                item = _Item(text)
                item.setData(SORT_ROLE, key)
                item.setData(PATH_ROLE, str(e.path))
                item.setToolTip(tip)
                if c in (STEPS, SIZE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if e.scratch:
                    item.setFont(italic)        # unsaved runs stand out
                if current and c == NAME:
                    bold = QFont(self.table.font())
                    bold.setBold(True)
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self._select(keep)
        self._summarise()
        self.update_buttons()

    def _summarise(self) -> None:
        total = sum(e.size for e in self.entries)
        cleanable = [e for e in self.entries if e.cleanable and not self.is_current(e)]
        text = tr("{n} runs, {size} on disk.").format(n=len(self.entries), size=format_bytes(total))
        if cleanable:
            text += " " + tr("{n} unsaved runs that no process uses take {size}.").format(
                n=len(cleanable), size=format_bytes(sum(e.size for e in cleanable)))
        self.summary.setText(text)

    # ------------------------------------------------------------ selection
    def entry(self, path) -> RunEntry | None:
        path = str(path)
        return next((e for e in self.entries if str(e.path) == path), None)

    def row_of(self, path) -> int:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, NAME)
            if item is not None and item.data(PATH_ROLE) == str(path):
                return r
        return -1

    def selected_paths(self) -> list[Path]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [Path(self.table.item(r, NAME).data(PATH_ROLE)) for r in rows if self.table.item(r, NAME)]

    def selected_entries(self) -> list[RunEntry]:
        return [e for e in (self.entry(p) for p in self.selected_paths()) if e is not None]

    def _select(self, paths) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        model = self.table.model()
        for p in paths:
            r = self.row_of(p)
            if r >= 0:
                selection.select(model.index(r, 0), model.index(r, self.table.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_leftovers(self) -> None:
        """Select the scratch runs no live process holds (and not open here): the consented clean-up's list."""
        found = [e.path for e in self.entries if e.cleanable and not self.is_current(e)]
        self._select(found)
        if found:
            self.message.show_message(tr("{n} unsaved runs selected ({size}). Delete… removes them after asking.")
                                      .format(n=len(found), size=format_bytes(sum(self.entry(p).size for p in found))))
        else:
            self.message.show_message(tr("No unsaved runs are left behind."))

    def _why_locked(self, entries: list[RunEntry]) -> str:
        """Why the selection cannot be renamed or deleted ('' when it can)."""
        for e in entries:
            if self.is_current(e):
                return tr("{name} is open in this window; open another run or start a new experiment first"
                          ).format(name=e.title)
            if e.held:
                return tr("{name} is being trained by {who}; stop it first").format(
                    name=e.title, who=translate_message(e.holder))
        return ""

    def _selection_changed(self) -> None:
        self.message.clear_message()     # the last action's note is about another selection now
        self.update_buttons()

    def update_buttons(self) -> None:
        entries = self.selected_entries()
        one = len(entries) == 1
        locked = self._why_locked(entries)
        choose_one = tr("Select one run")
        for b, ok, why in ((self.open_button, one, choose_one), (self.show_button, one, choose_one),
                           (self.rename_button, one and not locked, locked or choose_one),
                           (self.delete_button, bool(entries) and not locked, locked or tr("Select runs to delete"))):
            b.setEnabled(ok)
            b.setToolTip(self._tips[b] if ok else why)

    # -------------------------------------------------------------- actions
    def open_selected(self) -> None:
        entries = self.selected_entries()
        if len(entries) != 1 or self.open_run_fn is None:
            return
        if self.open_run_fn(entries[0].path):
            self.close()

    def show_folder(self) -> None:
        entries = self.selected_entries()
        if len(entries) == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(entries[0].path)))

    def rename_selected(self) -> None:
        entries = self.selected_entries()
        if len(entries) != 1 or self._why_locked(entries):
            return
        self.rename_dialog = dialog = RenameDialog(entries[0], self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.submitted.connect(lambda name: self._rename(dialog, name))
        dialog.finished.connect(lambda *_: setattr(self, "rename_dialog", None))
        dialog.open()

    def _rename(self, dialog: RenameDialog, name: str) -> None:
        entry = dialog.entry
        old = str(entry.path.resolve())
        try:
            renamed = rename_run(entry.path, name, self.root)
        except RunError as exc:
            dialog.show_error(_message(exc))        # the dialog stays open for another name
            return
        dialog.finish()
        if self.settings is not None and old in self.settings.recent_runs():
            self.settings.remove_recent_run(old)
            self.settings.add_recent_run(renamed.path)
        new = read_entry(renamed.path, scratch=False)
        self.entries = [new if e is entry else e for e in self.entries if new is not None or e is not entry]
        self._fill(select=[renamed.path])
        note = tr("Renamed to {name}.").format(name=renamed.path.name)
        if renamed.children_skipped:
            note += " " + tr("{n} runs branched from it are being trained and still name its old folder.").format(
                n=len(renamed.children_skipped))
        self.message.show_message(note)
        self.changed.emit()

    def delete_selected(self) -> None:
        entries = self.selected_entries()
        if not entries or self._why_locked(entries):
            return
        size = format_bytes(sum(e.size for e in entries))
        text = (tr("Delete the run {name} ({size})?").format(name=entries[0].title, size=size) if len(entries) == 1
                else tr("Delete {n} runs ({size})?").format(n=len(entries), size=size))
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Delete runs"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(tr("Their folders, checkpoints, snapshots and samples are removed from the disk. "
                                  "This cannot be undone."))
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        paths = [e.path for e in entries]
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda *_: self._delete_answered(paths, box.clickedButton() is yes))
        self.confirm_box = box
        box.open()

    def _delete_answered(self, paths: list[Path], agreed: bool) -> None:
        self.confirm_box = None
        if not agreed:
            return
        entries = [e for e in (self.entry(p) for p in paths) if e is not None and not self._why_locked([e])]
        root, targets = self.root, [e.path for e in entries]
        self.delete_button.setEnabled(False)
        self.message.show_message(tr("Deleting {n} runs…").format(n=len(targets)))
        task = background(QThreadPool.globalInstance(), lambda progress, cancelled: delete_runs(targets, root),
                          on_done=if_alive(self, lambda done: self._deleted(task, done)),
                          on_error=if_alive(self, lambda exc: self._delete_failed(task, exc)))
        self._running.add(task)       # big run folders take a while to remove: never on the GUI thread

    def _delete_failed(self, task, exc) -> None:
        self._running.discard(task)
        self.message.show_message(_message(exc), "warning")
        self.refresh()

    def _deleted(self, task, done) -> None:
        self._running.discard(task)
        gone = {str(p) for p in done.deleted}
        if self.settings is not None:
            for p in done.deleted:
                self.settings.remove_recent_run(str(p.resolve()))
        self.entries = [e for e in self.entries if str(e.path) not in gone]
        self._fill(select=[p for p, _ in done.failures])
        text = tr("Deleted {n} runs; {size} freed.").format(n=len(done.deleted), size=format_bytes(done.freed))
        if done.failures:
            text += "\n" + "\n".join(_message(why) for _, why in done.failures)
        self.message.show_message(text, "warning" if done.failures else "info")
        self.changed.emit()

    def closeEvent(self, event) -> None:
        if self._task is not None:
            self._task.cancel()
        super().closeEvent(event)


def show_runs_dialog(window: QWidget) -> RunsDialog:
    """File ▸ Runs on disk…: one dialog per window, read afresh each time it is shown."""
    dialog = getattr(window, "runs_dialog", None)
    if dialog is None:
        dialog = RunsDialog(current=lambda: window.experiment.run_path, open_run=window.lifecycle.open_run,
                            settings=window.settings, parent=window)
        window.runs_dialog = dialog
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
