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
