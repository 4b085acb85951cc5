"""File ▸ Runs on disk… (app/runs_dialog.py) on real run folders: the table, rename, delete after asking,
the unsaved leftovers selection, and the run open in the window (or trained by a process) left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gan_studio.app.widgets import format_bytes
from gan_studio.app.runs_dialog import KIND, NAME, SIZE, STEPS, RunsDialog
from gan_studio.core.run_folders.runlock import RunLock
from gan_studio.core.run_folders.runs import new_scratch_dir
from gan_studio.paths import runs_dir
from tests.core.test_run_library import make_run, total_bytes


@pytest.fixture
def runs(gs_home):
    root = runs_dir()
    return {
        "saved": make_run(root / "my lesson", name="seed-dcgan", step=1200, weight_bytes=50_000),
        "autosave": make_run(root / "autosave-seed-mlp-20261206-070000", step=300, weight_bytes=3000),
        "unsaved": make_run(new_scratch_dir(), step=40, weight_bytes=7000),
        "leftover": make_run(new_scratch_dir()),
        "training": make_run(new_scratch_dir(), step=8, weight_bytes=100),
    }


def open_dialog(qtbot, current=None, open_run=None, settings=None) -> RunsDialog:
    d = RunsDialog(current=lambda: current, open_run=open_run, settings=settings)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    qtbot.waitUntil(lambda: not d.loading, timeout=10000)
    return d


def names(d: RunsDialog) -> list[str]:
    return sorted(d.table.item(r, NAME).text() for r in range(d.table.rowCount()))


def select(d: RunsDialog, *paths) -> None:
    d._select(paths)
    assert sorted(map(str, d.selected_paths())) == sorted(map(str, paths))


def cell(d: RunsDialog, path, col) -> str:
    return d.table.item(d.row_of(path), col).text()


def test_the_table_lists_every_run_with_size_steps_and_kind(qtbot, runs):
    with RunLock(runs["training"]):
        d = open_dialog(qtbot)
        total = sum(total_bytes(p) for p in runs.values())      # the lock file counts while it is there
    assert d.table.rowCount() == 5
    assert cell(d, runs["saved"], NAME) == "my lesson" and cell(d, runs["saved"], STEPS) == "1,200"
    assert cell(d, runs["saved"], SIZE).endswith("KB") and cell(d, runs["leftover"], STEPS) == "—"
    assert [cell(d, runs[k], KIND) for k in ("saved", "autosave", "unsaved", "leftover", "training")] == [
        "Saved", "Autosave", "Unsaved, left behind", "Left behind, no checkpoint", "Unsaved, training now"]
    assert cell(d, runs["unsaved"], NAME) == "seed-mlp · 6 Dec 06:01"
    assert d.table.item(d.row_of(runs["unsaved"]), NAME).font().italic()
    assert not d.table.item(d.row_of(runs["saved"]), NAME).font().italic()
    cleanable = total_bytes(runs["unsaved"]) + total_bytes(runs["leftover"])
    assert d.summary.text() == (f"5 runs, {format_bytes(total)} on disk. "
                                f"2 unsaved runs that no process uses take {format_bytes(cleanable)}.")


def test_sorting_by_size_sorts_by_bytes_not_text(qtbot, runs):
    d = open_dialog(qtbot)
    d.table.sortItems(SIZE, Qt.SortOrder.DescendingOrder)
    order = [Path(d.table.item(r, NAME).data(Qt.ItemDataRole.UserRole)) for r in range(d.table.rowCount())]
    assert order == sorted(runs.values(), key=total_bytes, reverse=True)


def test_rename_through_the_dialog_renames_the_folder_and_the_row(qtbot, runs):
    d = open_dialog(qtbot)
    select(d, runs["saved"])
    assert d.rename_button.isEnabled()
    d.rename_button.click()
    dialog = d.rename_dialog
    dialog.name_edit.setText("bad/name")
    assert not dialog.ok_button.isEnabled() and "cannot contain /" in dialog.message.text()
    dialog.name_edit.setText("autosave-seed-mlp-20261206-070000")       # taken: refused by the disk check
    dialog.ok_button.click()
    assert dialog.isVisible() and "already exists" in dialog.message.text() and runs["saved"].is_dir()
    dialog.name_edit.setText("Workshop lesson 1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    new = runs_dir() / "Workshop lesson 1"
    assert new.is_dir() and not runs["saved"].exists()
    assert "Workshop lesson 1" in names(d) and "my lesson" not in names(d)
    assert d.selected_paths() == [new] and cell(d, new, STEPS) == "1,200"
    assert d.message.text() == "Renamed to Workshop lesson 1."


def test_renaming_an_unsaved_run_saves_it(qtbot, runs):
    d = open_dialog(qtbot)
    select(d, runs["unsaved"])
    d.rename_button.click()
    assert d.rename_dialog.name_edit.text().startswith("seed-mlp-")       # suggested like Save names a run
    d.rename_dialog.name_edit.setText("kept")
    d.rename_dialog.ok_button.click()
    assert (runs_dir() / "kept").is_dir() and not runs["unsaved"].exists()
    assert cell(d, runs_dir() / "kept", KIND) == "Saved"


def test_delete_asks_naming_the_runs_and_size_and_removes_them(qtbot, runs):
    d = open_dialog(qtbot)
    select(d, runs["saved"], runs["autosave"])
    size = total_bytes(runs["saved"]) + total_bytes(runs["autosave"])
    d.delete_button.click()
    box = d.confirm_box
    assert box.isVisible() and box.text() == f"Delete 2 runs ({format_bytes(size)})?"
    box.button(QMessageBox.StandardButton.Cancel).click()                 # no consent: nothing removed
    assert runs["saved"].is_dir() and runs["autosave"].is_dir() and d.table.rowCount() == 5
    d.delete_button.click()
    d.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: d.table.rowCount() == 3)
    assert not runs["saved"].exists() and not runs["autosave"].exists() and runs["unsaved"].is_dir()
    assert d.message.text() == f"Deleted 2 runs; {format_bytes(size)} freed."


def test_runs_are_deleted_off_the_gui_thread(qtbot, runs, monkeypatch):
    import threading

    from gan_studio.app import runs_dialog

    threads = []
    real = runs_dialog.delete_runs
    monkeypatch.setattr(runs_dialog, "delete_runs", lambda paths, root: threads.append(
        threading.current_thread() is threading.main_thread()) or real(paths, root))
    d = open_dialog(qtbot)
    select(d, runs["saved"])
    d.delete_button.click()
    d.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: d.table.rowCount() == 4)
    assert threads == [False] and not runs["saved"].exists()


def test_leftovers_selection_selects_only_unsaved_runs_no_process_holds(qtbot, runs):
    with RunLock(runs["training"]):
        d = open_dialog(qtbot)
        d.select_leftovers()
        assert sorted(d.selected_paths()) == sorted([runs["unsaved"], runs["leftover"]])
        assert d.message.text().startswith("2 unsaved runs selected")
        select(d, runs["saved"])
        assert not d.message.isVisible()                  # the note was about the other selection
        d.select_leftovers()
        d.delete_button.click()
        d.confirm_box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: d.table.rowCount() == 3)
    assert not runs["unsaved"].exists() and not runs["leftover"].exists()
    assert runs["training"].is_dir() and runs["saved"].is_dir() and runs["autosave"].is_dir()
    d.select_leftovers()
    assert d.selected_paths() == [] and d.message.text() == "No unsaved runs are left behind."


def test_a_run_a_process_trains_cannot_be_renamed_or_deleted(qtbot, runs):
    with RunLock(runs["training"]):
        d = open_dialog(qtbot)
        select(d, runs["training"], runs["leftover"])
        assert not d.delete_button.isEnabled() and not d.rename_button.isEnabled()
        assert "is being trained by process" in d.delete_button.toolTip()
        d.delete_selected()
        assert d.confirm_box is None and runs["training"].is_dir()


def test_the_run_open_in_the_window_cannot_be_renamed_or_deleted(qtbot, runs):
    d = open_dialog(qtbot, current=runs["saved"])
    assert cell(d, runs["saved"], KIND) == "Saved · open in this window"
    select(d, runs["saved"])
    assert d.open_button.isEnabled() and d.show_button.isEnabled()
    assert not d.rename_button.isEnabled() and not d.delete_button.isEnabled()
    assert d.rename_button.toolTip().startswith("my lesson is open in this window")
    select(d, runs["autosave"])
    assert d.rename_button.isEnabled() and d.delete_button.isEnabled()
    assert d.delete_button.toolTip() == "Delete the selected runs from the disk (asks first)"


def test_the_current_unsaved_run_is_not_offered_for_cleanup(qtbot, runs):
    d = open_dialog(qtbot, current=runs["unsaved"])
    d.select_leftovers()
    assert sorted(d.selected_paths()) == sorted([runs["leftover"], runs["training"]])    # nobody trains it here


def test_show_folder_opens_the_selected_run(qtbot, runs, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    d = open_dialog(qtbot)
    select(d, runs["autosave"])
    d.show_button.click()
    assert opened == [str(runs["autosave"])]


def test_the_menu_opens_it_and_open_opens_the_run_in_the_window(qtbot, window, gs_home):
    from tests.core.test_compare import make_run as make_full_run

    run = make_full_run(runs_dir() / "lesson run", steps=20, grid_every=5)
    action = window.runs_on_disk_action
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    d = window.runs_dialog
    qtbot.waitUntil(lambda: not d.loading and d.table.rowCount() == 1, timeout=10000)
    select(d, run)
    d.open_button.click()
    qtbot.waitUntil(lambda: not d.isVisible())
    assert window.experiment.run_path == run and window.experiment.step == 20
    action.trigger()                   # shown again: read afresh, the run now open in the window
    qtbot.waitUntil(lambda: not d.loading and d.isVisible(), timeout=10000)
    select(d, run)
    assert cell(d, run, KIND) == "Saved · open in this window" and not d.delete_button.isEnabled()
    d.close()


def test_rename_and_delete_keep_the_recent_runs_list_true(qtbot, window, runs):
    settings = window.settings
    settings.add_recent_run(runs["autosave"])
    settings.add_recent_run(runs["saved"])
    d = open_dialog(qtbot, settings=settings)
    select(d, runs["saved"])
    d.rename_button.click()
    d.rename_dialog.name_edit.setText("renamed")
    d.rename_dialog.ok_button.click()
    assert settings.recent_runs()[0] == str((runs_dir() / "renamed").resolve())
    assert str(runs["saved"].resolve()) not in settings.recent_runs()
    select(d, runs["autosave"])
    d.delete_button.click()
    d.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not runs["autosave"].exists())
    qtbot.waitUntil(lambda: str(runs["autosave"].resolve()) not in settings.recent_runs())


def test_it_fits_a_1280x720_screen_with_every_column_readable(qtbot, runs):
    d = open_dialog(qtbot)
    assert d.width() <= 1280 and d.height() <= 720
    d.resize(960, 540)                          # its size on a 1280×720 screen
    qtbot.waitUntil(lambda: d.table.viewport().width() < 960)
    assert d.table.horizontalHeader().length() <= d.table.viewport().width()
    assert not d.table.horizontalScrollBar().isVisible()
    for col in (STEPS, SIZE, KIND):
        assert d.table.columnWidth(col) >= d.table.fontMetrics().horizontalAdvance(cell(d, runs["leftover"], col))


def test_a_second_refresh_replaces_the_first_and_the_table_shows_the_newest_listing(qtbot, runs):
    d = open_dialog(qtbot)
    make_run(runs_dir() / "one more", step=5, weight_bytes=10)
    d.refresh()
    d.refresh()
    assert d.loading
    qtbot.waitUntil(lambda: not d.loading and not d._running, timeout=10000)
    assert d.table.rowCount() == 6 and "one more" in names(d)
