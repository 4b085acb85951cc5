"""The one "save a file the user names" flow of the app.

Every export (Gallery PNG / sprite sheet / latents, Explore GIF / MP4 / frames,
and any later "Export samples" or "Export generator" action) goes through
`export_file` or, for a set of files in a folder the user picks, `export_folder`:

    export_file(parent, title, suggested_name, filter, suffix, write,
                *, path=None, report=None, message=None) -> Path | None

1. Ask for a file name with ``QFileDialog.getSaveFileName(parent, title,
   <last folder>/suggested_name, filter)``.  With ``path`` given no dialog is
   shown (scripts, tests, callers that already know the destination).
   Cancelled: return None, nothing is written.
2. Fix the suffix: when the name does not end with ``suffix`` (".png" or "png",
   compared case-insensitively) it is appended, so "walk" becomes "walk.gif" and
   "walk.GIF" stays.  An empty ``suffix`` leaves the name alone.
3. ``write(final_path)`` writes the file and returns the path it wrote (the
   result is passed through, e.g. `core.explore.exports.save_latents` returns the .npy
   next to which it put a JSON sidecar).  ``write`` must be atomic, as the
   `gan_studio.core.explore.exports` writers and `gan_studio.core.atomic` helpers are:
   a failed write leaves no half-written file behind.
4. A failure (`core.explore.exports.ExportError`, OSError, ValueError, RuntimeError)
   becomes ``QMessageBox.warning(parent, "Export failed", "Could not write
   <file>: <reason>")`` and the function returns None.  Other exceptions are
   bugs and propagate.
5. On success the folder is remembered for the next dialog of this app session
   (`last_folder`; the home folder until the first export), and
   ``report(message(result))`` is called when ``report`` is given, e.g.
   ``report=self.status.setText`` or ``report=statusBar().showMessage``;
   the default message is "Saved <file name>".

    export_folder(parent, title, write, *, path=None, report=None, message=None)

is the same for several files: ``QFileDialog.getExistingDirectory`` picks the
folder (or ``path`` names it), ``write(folder)`` returns what it wrote (usually
a list of paths) and the default message is "Saved to <folder>".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.explore.exports import ExportError
from .i18n import tr

T = TypeVar("T")

_last_folder: Path | None = None


def last_folder() -> Path:
    """Where the next export dialog opens: the folder of the last export of this session, else home."""
    return _last_folder if _last_folder is not None else Path.home()


def _with_suffix(path: Path, suffix: str) -> Path:
    if suffix and not suffix.startswith("."):
        suffix = f".{suffix}"
    if suffix and path.suffix.lower() != suffix.lower():
        return path.with_name(path.name + suffix)
    return path


def _write(parent: QWidget | None, target: Path, folder: Path, write: Callable[[Path], T],
           report: Callable[[str], None] | None, message: Callable[[T], str]) -> T | None:
    global _last_folder
    try:
        out = write(target)
    except ExportError as exc:  # already "Could not write <file>: <reason>"
        QMessageBox.warning(parent, tr("Export failed"), str(exc))
        return None
    except (OSError, ValueError, RuntimeError) as exc:
        QMessageBox.warning(parent, tr("Export failed"), tr("Could not write {path}: {error}").format(path=target,
                                                                                                    error=exc))
        return None
    _last_folder = folder
    if report is not None:
        report(message(out))
    return out


def export_file(parent: QWidget | None, title: str, suggested_name: str, filter: str,  # noqa: A002 - Qt's word
                suffix: str, write: Callable[[Path], Path], *, path: os.PathLike | str | None = None,
                report: Callable[[str], None] | None = None,
                message: Callable[[Path], str] | None = None) -> Path | None:
    """Ask for a file name, fix its suffix, write, report, remember the folder (see the module docstring)."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder() / suggested_name), filter)
        if not chosen:
            return None
        path = chosen
    target = _with_suffix(Path(path), suffix)
    return _write(parent, target, target.parent, write, report,
                  message or (lambda out: tr("Saved {name}").format(name=out.name)))


def export_folder(parent: QWidget | None, title: str, write: Callable[[Path], T], *,
                  path: os.PathLike | str | None = None, report: Callable[[str], None] | None = None,
                  message: Callable[[T], str] | None = None) -> T | None:
    """Ask for a folder, write several files into it, report, remember it (see the module docstring)."""
    if path is None:
        chosen = QFileDialog.getExistingDirectory(parent, title, str(last_folder()))
        if not chosen:
            return None
        path = chosen
    folder = Path(path)
    return _write(parent, folder, folder, write, report,
                  message or (lambda out: tr("Saved to {path}").format(path=folder)))
