"""Small file helpers: hashing, atomic JSON writes, installing a staged folder."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..atomic import atomic_write_bytes



def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


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
