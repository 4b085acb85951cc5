"""The fence between the test run and the user's own files (installed by tests/conftest.py).

`Fence.install()` must run before anything asks where the per-user folders are.  It

1. notes the real folders to guard (`guarded_roots`: GAN Studio's data and cache folders and the user's
   config folder, as platformdirs resolves them from the environment the run started with);
2. points `GAN_STUDIO_HOME` and the XDG base folders at a scratch folder for the whole run, so module- and
   session-scoped fixtures, subprocesses and Qt's QStandardPaths land there too;
3. watches: an audit hook records (and refuses) every open, listing, creation, removal or rename of a path
   under a guarded folder by the test process, reads included; at the end, `problems()` also compares a
   listing of the guarded folders with the one taken at install, which catches writes by other processes
   (the training process, the CLI in a subprocess) and by Qt's C++ code.

The user's config folder is shared with every other program, so its listing covers only the entries that
are Qt's or GAN Studio's (names containing "qt" or "gan"); the audit hook covers all of it.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import platformdirs

APP_SLUG = "gan-studio"
XDG_VARS = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
_WATCHED_EVENTS = {"open", "os.listdir", "os.scandir", "os.mkdir", "os.remove", "os.rmdir", "os.rename",
                   "os.chmod", "os.utime", "os.truncate", "os.symlink", "os.link", "shutil.copyfile",
                   "shutil.copymode", "shutil.copystat", "shutil.rmtree", "shutil.move"}


class RealHomeTouched(RuntimeError):
    """A test reached the user's own files (not an OSError, so `except OSError` cannot swallow it)."""


def guarded_roots() -> tuple[Path, ...]:
    """The real per-user folders, as the environment this process started with resolves them."""
    return (Path(platformdirs.user_cache_dir(APP_SLUG, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)),
            Path(platformdirs.user_config_dir()))


def _shared(root: Path) -> bool:
    """Whether `root` is the config folder every program shares (listed only for Qt's and our entries)."""
    return root == Path(platformdirs.user_config_dir())


def listing(root: Path) -> dict[str, tuple[int, int]] | None:
    """{relative path: (size, mtime_ns)} of everything under `root` (None when it does not exist)."""
    if not root.is_dir():
        return None
    out: dict[str, tuple[int, int]] = {}
    only_ours = _shared(root)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if only_ours and rel_dir == ".":
            dirnames[:] = [d for d in dirnames if _ours(d)]
            filenames = [f for f in filenames if _ours(f)]
        for name in filenames + dirnames:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            out[os.path.normpath(os.path.join(rel_dir, name))] = (st.st_size if name in filenames else 0,
                                                                  st.st_mtime_ns if name in filenames else 0)
    return out


def _ours(name: str) -> bool:
    low = name.lower()
    return "qt" in low or "gan" in low


class Fence:
    def __init__(self, roots: tuple[Path, ...], scratch: Path):
        self.roots = roots
        self.scratch = scratch
        self._prefixes = tuple({str(p) + os.sep for r in roots for p in (r.absolute(), Path(os.path.realpath(r)))})
        self._exact = {p[:-1] for p in self._prefixes}
        self._before = {}
        self._touched: list[str] = []
        self._quiet = False

    @classmethod
    def install(cls) -> "Fence":
        roots = guarded_roots()
        scratch = Path(tempfile.mkdtemp(prefix="gan-studio-tests-"))
        os.environ["GAN_STUDIO_HOME"] = str(scratch / "home")
        for var in XDG_VARS:
            os.environ[var] = str(scratch / var.lower())
        fence = cls(roots, scratch)
        fence._quiet = True
        fence._before = {str(r): listing(r) for r in roots}
        fence._quiet = False
        sys.addaudithook(fence._audit)
        atexit.register(shutil.rmtree, scratch, True)
        return fence

    def _inside(self, path) -> bool:
        if isinstance(path, os.PathLike):
            path = os.fspath(path)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str):
            return False            # a file descriptor: its opening was checked
        path = os.path.abspath(path)
        return path in self._exact or path.startswith(self._prefixes)

    def _audit(self, event: str, args) -> None:
        if self._quiet or event not in _WATCHED_EVENTS:
            return
        for arg in args[:2]:
            if self._inside(arg):
                self._touched.append(f"{event} {os.fspath(arg)!s}")
                raise RealHomeTouched(f"a test reached the user's own files: {event} {arg!s}")

    def problems(self) -> list[str]:
        """Each access to, or change under, the guarded folders since install."""
        self._quiet = True
        try:
            found = list(self._touched)
            for root in self.roots:
                before, after = self._before[str(root)], listing(root)
                if before == after:
                    continue
                if before is None or after is None:
                    found.append(f"{root} was {'created' if before is None else 'removed'}")
                    continue
                changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
                found += [f"changed: {root / k}" for k in changed]
            return found
        finally:
            self._quiet = False
