"""Small file helpers: hashing and atomic writes."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644          # mkstemp creates 0600 files; published files are world-readable


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_bytes(path, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder and os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path, obj) -> None:
    atomic_write_bytes(path, (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))


def install_folder(staging: Path, final: Path) -> None:
    """Move every file of `staging` into `final` (each by os.replace), then remove `staging`.

    Files already in `final` that `staging` does not contain are removed only
    when they are stale variants of an IDX file (raw vs .gz of the same name).
    """
    final.mkdir(parents=True, exist_ok=True)
    new_names = {p.name for p in staging.iterdir()}
    for name in new_names:
        other = name[:-3] if name.endswith(".gz") else name + ".gz"
        if other not in new_names:
            (final / other).unlink(missing_ok=True)
    for entry in staging.iterdir():
        os.replace(entry, final / entry.name)
    staging.rmdir()
