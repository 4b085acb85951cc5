"""The runs on disk: list them with their size and kind, rename one, delete some (File ▸ Runs on disk…).

    runs_dir()/                     saved runs, named by the user or "<preset>-<time>" by Save
    runs_dir()/autosave-<name>-<time>   a run saved when the window closed while it trained
    runs_dir()/.unsaved/<number>    scratch runs nobody saved yet (runs.py `new_scratch_dir`)

Kinds (`RunEntry.kind`):

* ``saved``     a folder directly in the runs folder holding a run.json;
* ``autosave``  the same, named ``autosave-…`` by the window;
* ``unsaved``   a scratch folder with a checkpoint, or one a live process holds (being trained now);
* ``leftover``  a scratch folder with no checkpoint that no live process holds: what a crash or a
  discarded start left behind; nothing in it can be recovered.

Scratch folders no live process holds (``unsaved`` or ``leftover``, `RunEntry.cleanable`) are what the
window offers to clean up, with the user's consent.

Renaming (`rename_run`) renames the folder in place with one atomic rename; a scratch run is moved out of
the scratch folder into the runs folder under the new name and so becomes a saved run (the same thing
Save as does with it).  run.json stores neither its own path nor its folder's name, so it stays as it is;
runs branched from the renamed one name it by absolute path in their lineage (``lineage.parent``), and
those links are rewritten for every child in the library no live process holds (a child being trained
keeps the old link: its process rewrites run.json from memory).  A child opens either way: the link only
labels where it came from.

A run a live process holds (`runlock.RunLock`) is never renamed or deleted.  Nothing here imports Qt;
errors are `RunError` with a plain message (a `Message` the window translates), never raw exception text.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..atomic import atomic_write_text, describe_write_failure
from ..messages import Message
from .runlock import RunLock
from .runs import MAX_RUN_FILE_BYTES, RUN_FILE, SCRATCH_FOLDER, WEIGHTS_FILE, RunError, run_title

SAVED, AUTOSAVE, UNSAVED, LEFTOVER = "saved", "autosave", "unsaved", "leftover"
AUTOSAVE_PREFIX = "autosave-"
MAX_NAME_CHARS = 100           # a readable name; far inside every file system's 255-byte limit
MAX_NAME_BYTES = 200           # UTF-8 bytes (Chinese names take 3 a character)
FORBIDDEN_CHARS = '/\\:*?"<>|'  # refused by Windows (and / everywhere): a run folder must move between systems
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class RunEntry:
    """One run folder as the library lists it."""

    path: Path
    title: str                  # run_title: "seed-mlp · 6 Dec 06:01" for a scratch run, else the folder's name
    preset: str                 # the experiment's name (config.name): the preset it started from
    created: float | None       # epoch seconds from run.json's "created"; None when unreadable
    modified: float             # epoch seconds: the newest file in the folder
    step: int | None            # the step of the last checkpoint; None: no checkpoint
    size: int                   # bytes of all files in the folder
    kind: str                   # SAVED, AUTOSAVE, UNSAVED or LEFTOVER
    held: bool                  # a live process holds its lock (trains it now)
    holder: str = ""            # who holds it, in words, when held

    @property
    def scratch(self) -> bool:
        return self.kind in (UNSAVED, LEFTOVER)

    @property
    def cleanable(self) -> bool:
        """A scratch run no live process holds: a candidate for the consented cleanup."""
        return self.scratch and not self.held


@dataclass
class DeleteResult:
    deleted: list[Path] = field(default_factory=list)
    freed: int = 0                                   # bytes
    failures: list[tuple[Path, str]] = field(default_factory=list)   # (folder, plain reason)


@dataclass
class RenameResult:
    path: Path                                       # where the run is now
    children_updated: list[Path] = field(default_factory=list)
    children_skipped: list[Path] = field(default_factory=list)      # held by a live process: link left as it was


# ------------------------------------------------------------------ listing
def default_root() -> Path:
    from ...paths import runs_dir

    return runs_dir()


def run_folders(root=None) -> list[tuple[Path, bool]]:
    """(folder, is scratch) for every run folder under `root` (default: runs_dir()): the folders holding a
    run.json directly in it, and every folder in its scratch folder (a scratch folder with no run.json yet
    is a leftover too).  Other folders the user keeps there are not runs and are left out."""
    root = Path(root) if root is not None else default_root()
    found: list[tuple[Path, bool]] = []
    for folder, scratch in ((root, False), (root / SCRATCH_FOLDER, True)):
        try:
            children = sorted(folder.iterdir())
        except OSError:
            continue
        for child in children:
            try:
                if not child.is_dir() or child.is_symlink() or child.name == SCRATCH_FOLDER and not scratch:
                    continue
                if scratch or (child / RUN_FILE).is_file():
                    found.append((child, scratch))
            except OSError:
                continue
    return found


def list_runs(root=None, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> list[RunEntry]:
    """Every run under `root` (default: runs_dir()), newest first.  Reads each folder's run.json and
    sizes its files; `progress(done, total)` after each folder, `cancelled()` checked before each."""
    folders = run_folders(root)
    entries = []
    for i, (folder, scratch) in enumerate(folders):
        if cancelled is not None and cancelled():
            break
        entry = read_entry(folder, scratch)
        if entry is not None:
            entries.append(entry)
        if progress is not None:
            progress(i + 1, len(folders))
    return sorted(entries, key=lambda e: e.modified, reverse=True)


def read_entry(folder, scratch: bool | None = None) -> RunEntry | None:
    """One folder as a `RunEntry` (None when it vanished meanwhile).  `scratch`: whether it lies in the
    scratch folder (found from its place when not given)."""
    folder = Path(folder)
    if scratch is None:
        scratch = folder.parent.name == SCRATCH_FOLDER
    size, newest = folder_usage(folder)
    if newest is None:
        return None
    info = _read_info(folder)
    config = info.get("config") if isinstance(info.get("config"), dict) else {}
    preset = str(config.get("name") or "")
    step = info.get("step")
    has_checkpoint = (folder / WEIGHTS_FILE).is_file()
    step = step if has_checkpoint and type(step) is int and step >= 0 else None
    owner = RunLock.owner(folder)
    held = owner is not None and owner.alive
    if scratch:
        kind = UNSAVED if has_checkpoint or held else LEFTOVER
    else:
        kind = AUTOSAVE if folder.name.startswith(AUTOSAVE_PREFIX) else SAVED
    return RunEntry(path=folder, title=run_title(folder, info) if scratch else folder.name, preset=preset,
                    created=_created(info), modified=newest, step=step, size=size, kind=kind, held=held,
                    holder=owner.describe() if held else "")


def folder_usage(folder) -> tuple[int, float | None]:
    """(bytes of all files under `folder`, newest modification time); (0, None) when it is gone.
    Symbolic links are counted as links, never followed."""
    total, newest = 0, None
    stack = [Path(folder)]
    try:
        newest = os.stat(folder, follow_symlinks=False).st_mtime
    except OSError:
        return 0, None
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                for e in it:
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISDIR(st.st_mode):
                        stack.append(Path(e.path))
                    else:
                        total += st.st_size
                    newest = max(newest, st.st_mtime)
        except OSError:
            continue
    return total, newest


def _read_info(folder: Path) -> dict:
    try:
        file = folder / RUN_FILE
        if file.stat().st_size > MAX_RUN_FILE_BYTES:
            return {}
        info = json.loads(file.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _created(info: dict) -> float | None:
    """run.json's "created" ("2026-12-06T06:01:31+0000") as epoch seconds; None when unreadable."""
    from datetime import datetime

    text = str(info.get("created") or "")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        pass
    try:
        return datetime.strptime(text[:19], "%Y-%m-%dT%H:%M:%S").timestamp()     # no zone: local time
    except ValueError:
        return None


# ------------------------------------------------------------------ rename
def check_name(name: str) -> str:
    """The name cleaned of surrounding spaces; RunError saying what is wrong with it otherwise."""
    name = (name or "").strip()
    if not name:
        raise RunError(Message("Type a name for the run"))
    bad = sorted({c for c in name if c in FORBIDDEN_CHARS or ord(c) < 32 or ord(c) == 127})
    if bad:
        shown = " ".join(c if c.isprintable() else "\\x%02x" % ord(c) for c in bad)
        raise RunError(Message("A run's name cannot contain {chars}; use letters, digits, spaces, - or _",
                               chars=shown))
    if name.startswith("."):
        raise RunError(Message("A run's name cannot start with a dot (such folders are hidden)"))
    if name.endswith("."):
        raise RunError(Message("A run's name cannot end with a dot"))
    if name.split(".")[0].upper() in RESERVED_NAMES:
        raise RunError(Message("{name} is a name Windows reserves for a device; choose another", name=name))
    if len(name) > MAX_NAME_CHARS or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise RunError(Message("A run's name can have at most {n} characters", n=MAX_NAME_CHARS))
    return name


def rename_run(path, new_name: str, root=None) -> RenameResult:
    """Give the run at `path` the folder name `new_name` (in the runs folder `root`, default runs_dir()).

    A saved run or autosave is renamed where it is; a scratch run moves out of the scratch folder into the
    runs folder and becomes a saved run.  Refused, with a RunError saying why, for a bad or taken name and
    for a run a live process holds.  Children's lineage links are updated (see the module's text)."""
    path = Path(path)
    root = Path(root) if root is not None else default_root()
    name = check_name(new_name)
    if not path.is_dir():
        raise RunError(Message("The run {name} is no longer there", name=path.name))
    owner = RunLock.owner(path)
    if owner is not None and owner.alive:
        raise RunError(Message("{name} is being trained by {who}; stop it before renaming it",
                               name=run_title(path), who=owner.describe()))
    scratch = path.parent.name == SCRATCH_FOLDER
    parent = root if scratch else path.parent
    target = parent / name
    if target.name == path.name and target.parent == path.parent:
        return RenameResult(path)
    if not scratch and not (path / RUN_FILE).is_file():
        raise RunError(Message("{name} is not a GAN Studio run (no run.json)", name=path.name))
    if os.path.lexists(target) and not _same_folder(target, path):
        raise RunError(Message("A folder named {name} already exists; choose another name", name=name))
    old = path.resolve()
    try:
        if os.path.lexists(target):     # the same folder: a change of case only, on a case-insensitive disk
            between = path.with_name(f".{path.name}.renaming")
            os.replace(path, between)
            path = between
        try:
            os.replace(path, target)    # one rename: a run is never half-renamed
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.move(str(path), str(target))     # a scratch folder on another disk than the runs folder
    except OSError as exc:
        raise RunError(Message("Could not rename the run: {why}",
                               why=describe_write_failure(target, exc))) from None
    result = RenameResult(target)
    _relink_children(old, target.resolve(), root, result)
    return result


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _relink_children(old: Path, new: Path, root: Path, result: RenameResult) -> None:
    """Rewrite `lineage.parent` from `old` to `new` in every run under `root` that names it."""
    for folder, _scratch in run_folders(root):
        info = _read_info(folder)
        lin = info.get("lineage")
        if not isinstance(lin, dict) or not isinstance(lin.get("parent"), str):
            continue
        try:
            if Path(lin["parent"]) != old and Path(lin["parent"]).resolve() != old:
                continue
        except OSError:
            continue
        owner = RunLock.owner(folder)
        if owner is not None and owner.alive:
            result.children_skipped.append(folder)
            continue
        lin["parent"] = str(new)
        try:
            atomic_write_text(folder / RUN_FILE, json.dumps(info, indent=2, sort_keys=True))
        except OSError:
            result.children_skipped.append(folder)
            continue
        result.children_updated.append(folder)


# ------------------------------------------------------------------ delete
def _remove_tree(path: Path, errors: list) -> None:
    """shutil.rmtree that collects the OSErrors instead of stopping at the first."""
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=lambda _fn, _p, exc: errors.append(exc))
    else:
        shutil.rmtree(path, onerror=lambda _fn, _p, info: errors.append(info[1]))


def delete_runs(paths: Iterable, root=None) -> DeleteResult:
    """Delete the run folders `paths`, each whole; a run a live process holds, or a folder that is not a run
    of the library under `root` (default runs_dir()), is refused and listed in `failures` with a plain
    reason.  Returns what was deleted and the bytes freed."""
    root = Path(root) if root is not None else default_root()
    known = {f.resolve() for f, _ in run_folders(root)}
    result = DeleteResult()
    for path in paths:
        path = Path(path)
        try:
            real = path.resolve()
        except OSError:
            real = path
        if real not in known:
            result.failures.append((path, Message("{name} is not a run in the runs folder; it was left alone",
                                                  name=path.name)))
            continue
        owner = RunLock.owner(path)
        if owner is not None and owner.alive:
            result.failures.append((path, Message("{name} is being trained by {who}; it was not deleted",
                                                  name=run_title(path), who=owner.describe())))
            continue
        size, _ = folder_usage(path)
        title = run_title(path)
        errors: list[OSError] = []
        _remove_tree(path, errors)
        if os.path.lexists(path):
            left, _ = folder_usage(path)
            result.freed += max(size - left, 0)
            why = describe_write_failure(path, errors[0]) if errors else "some files could not be removed"
            result.failures.append((path, Message("{name} could not be deleted completely: {why}",
                                                  name=title, why=why)))
            continue
        result.freed += size
        result.deleted.append(path)
    return result
