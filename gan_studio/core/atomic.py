"""Atomic file writes: a temp file in the destination folder, then `os.replace`.

A crash, a full disk or a failing encoder never leaves a half-written file
where a user's file was, nor a stray temp file.  Errors propagate unchanged;
callers turn them into their own messages (RunError, ExportError, …).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

FILE_MODE = 0o644  # mkstemp creates 0600 files; what we publish is readable like any other file


@contextmanager
def atomic_path(path) -> Iterator[Path]:
    """Yield a temp path next to `path`; when the block succeeds, it replaces `path`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def atomic_write_text(path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def free_bytes(path) -> int | None:
    """Free space of the disk holding `path` (or its nearest existing parent); None when unknown."""
    import shutil

    p = Path(path)
    for candidate in (p, *p.parents):
        try:
            if candidate.exists():
                return shutil.disk_usage(candidate).free
        except OSError:
            return None
    return None


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(n, 0) / 2**10:.0f} kB"


def describe_write_failure(path, exc: OSError, need: int | None = None) -> str:
    """Why writing `path` failed, in plain words, with the space it needs where the disk is full.

    "the disk is full (needs 10.6 MB, 1.2 MB free)", "…/snapshots is a file, not a folder", "the folder is
    read-only", …; never a raw exception list."""
    import errno

    path = Path(path)
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        free = free_bytes(path.parent)
        parts = ([f"needs {_size(need)}"] if need else []) + ([f"{_size(free)} free"] if free is not None else [])
        return "the disk is full" + (f" ({', '.join(parts)})" if parts else "")
    for parent in path.parents:       # a file where a folder belongs ("snapshots" replaced by a file)
        try:
            if parent.exists() and not parent.is_dir():
                return f"{parent} is a file, not a folder"
            if parent.is_dir():
                break
        except OSError:
            break
    if code == errno.EROFS:
        return "the disk is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "no permission to write there"
    return exc.strerror or str(exc) or type(exc).__name__


def set_aside(path) -> Path | None:
    """Move a user file that could not be read out of the way, so the next write can never overwrite it:
    `<name>.bak`, or `<name>.<YYYYmmdd-HHMMSS>.bak` when that exists.  Returns where it went; None when
    there was nothing to move or it could not be moved (then the caller must not write over it)."""
    import time

    path = Path(path)
    if not path.exists():
        return None
    target = path.with_name(path.name + ".bak")
    if target.exists():
        target = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.bak")
        n = 1
        while target.exists():
            target = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}-{n}.bak")
            n += 1
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target
