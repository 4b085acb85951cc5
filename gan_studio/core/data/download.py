"""Download MNIST-style datasets with urllib: mirrors, retries, SHA-256 checks, cancel.

Every file goes to a staging folder inside the cache; the dataset folder is
filled (file by file with os.replace) only once all four files are verified,
so a failed or cancelled download never leaves a partial dataset behind.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import socket
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ... import __version__
from .catalog import (IDX_FILES, IDX_SPECS, bundled_dataset_dir, cached_dataset_dir, datasets_root,
                      is_complete_idx_folder)
from .errors import DatasetCancelled, DatasetError, DatasetUnavailable
from ..atomic import FILE_MODE
from .fileutil import atomic_write_json, install_folder

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

CHUNK = 64 * 1024
RETRY_BACKOFF_S = 0.5


class _NotFound(Exception):
    pass


class _Unreachable(Exception):
    pass


class _Transient(Exception):
    pass


class _ChecksumMismatch(Exception):
    pass


@dataclass
class _Tally:
    """Byte counts across the whole download, for the progress callback (never decreasing)."""
    expected: dict[str, int]       # bytes still to come per file (0 when unknown or finished)
    progress: Progress | None
    done_files: int = 0            # bytes of files already verified
    last: int = 0

    def report(self, current: int) -> None:
        if self.progress is None:
            return
        done = max(self.last, self.done_files + current)
        self.last = done
        self.progress(done, max(done, self.done_files + sum(self.expected.values())))


@dataclass(frozen=True)
class AvailableCopy:
    """A complete copy of a dataset that is already on this computer."""
    key: str
    path: Path
    bundled: bool                  # shipped with the app (else: the user's cache)

    def describe(self) -> str:
        return "shipped with GAN Studio" if self.bundled else "in your download cache"


def available_copy(key: str) -> AvailableCopy | None:
    """The copy of `key` the app would read now without a download (cache first, then the shipped one)."""
    if key not in IDX_SPECS:
        raise DatasetError(f"“{key}” cannot be downloaded; choose one of {', '.join(IDX_SPECS)}")
    cached = cached_dataset_dir(key)
    if is_complete_idx_folder(cached):
        return AvailableCopy(key, cached, bundled=False)
    bundled = bundled_dataset_dir(key)
    return AvailableCopy(key, bundled, bundled=True) if bundled is not None else None


def download_dataset(key: str, progress: Progress | None = None, cancel: Cancel | None = None,
                     mirrors: list[str] | None = None, retries: int = 2, timeout: float = 30,
                     checksums: dict[str, str] | None = None) -> Path:
    """Download the four IDX files of `key` into the cache and return that folder.

    `mirrors` (base URLs ending in '/') replaces the built-in list; `checksums`
    (file name → SHA-256) replaces the official table (tests use both).
    `progress(done_bytes, total_bytes)` is called as bytes arrive; `cancel()`
    returning True aborts and leaves nothing behind.
    """
    if key not in IDX_SPECS:
        raise DatasetError(f"“{key}” cannot be downloaded; choose one of {', '.join(IDX_SPECS)}")
    spec = IDX_SPECS[key]
    mirrors = list(mirrors) if mirrors is not None else list(spec.mirrors)
    if not mirrors:
        raise DatasetError(f"no download mirrors configured for {spec.title}")
    mirrors = [m if m.endswith("/") else m + "/" for m in mirrors]
    table = dict(checksums) if checksums is not None else dict(spec.sha256)
    missing = [f for f in IDX_FILES if f not in table]
    if missing:
        raise DatasetError(f"no checksum known for {', '.join(missing)}; refusing to download unverified files")
    sizes = {f: spec.sizes.get(f, 0) for f in IDX_FILES} if checksums is None else {f: 0 for f in IDX_FILES}

    final = cached_dataset_dir(key)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.download-", dir=datasets_root()))
    tally = _Tally(expected=dict(sizes), progress=progress)
    sources: dict[str, str] = {}
    try:
        for name in IDX_FILES:
            sources[name] = _fetch_file(name, mirrors, table[name], staging, tally, cancel, retries, timeout, spec.title)
        atomic_write_json(staging / "manifest.json", {
            "dataset": key,
            "origin": "download",
            "downloaded": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "files": {name: {"sha256": table[name], "url": sources[name]} for name in IDX_FILES},
        })
        install_folder(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def _fetch_file(name: str, mirrors: list[str], sha256: str, staging: Path, tally: _Tally,
                cancel: Cancel | None, retries: int, timeout: float, title: str) -> str:
    """Try each mirror in turn (with retries for transient failures); return the URL used."""
    failures: list[tuple[str, Exception]] = []
    for base in mirrors:
        url = base + name
        for attempt in range(retries + 1):
            try:
                _fetch_once(url, name, sha256, staging, tally, cancel, timeout)
                return url
            except _NotFound as exc:
                failures.append((url, exc))
                break                          # next mirror
            except _ChecksumMismatch as exc:
                failures.append((url, exc))
                break                          # this mirror serves bad data; try the next
            except _Unreachable as exc:
                failures.append((url, exc))
                break                          # host down or no network: retrying here rarely helps
            except _Transient as exc:
                if attempt < retries:
                    time.sleep(RETRY_BACKOFF_S * (attempt + 1))
                    continue
                failures.append((url, exc))
    raise _summarise(name, title, failures)


def _key_of(title: str) -> str:
    from .catalog import IDX_SPECS

    return next((key for key, spec in IDX_SPECS.items() if spec.title == title), "mnist")


def _summarise(name: str, title: str, failures: list[tuple[str, Exception]]) -> DatasetError:
    mismatches = [exc for _, exc in failures if isinstance(exc, _ChecksumMismatch)]
    if mismatches:
        return DatasetError(str(mismatches[0]))
    if failures and all(isinstance(exc, _Unreachable) for _, exc in failures):
        hosts = ", ".join(dict.fromkeys(_host(url) for url, _ in failures))
        return DatasetUnavailable(
            f"No network: could not reach {hosts} to download {title} ({name}). "
            f"Import a local copy of the four IDX files with `gan-studio import-mnist DIR --kind {_key_of(title)}` "
            f"or Import folder… in the Dataset panel, "
            f"or keep using the built-in offline sample.")
    if failures and all(isinstance(exc, _NotFound) for _, exc in failures):
        return DatasetError(f"{name} was not found on any mirror ({', '.join(url for url, _ in failures)})")
    detail = "; ".join(f"{url}: {exc}" for url, exc in failures)
    return DatasetError(f"could not download {name}: {detail}")


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _fetch_once(url: str, name: str, sha256: str, staging: Path, tally: _Tally,
                cancel: Cancel | None, timeout: float) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": f"GAN-Studio/{__version__}"})
    if cancel is not None and cancel():
        raise DatasetCancelled("download")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code in (404, 410, 403):
            raise _NotFound(f"HTTP {exc.code}") from None
        raise _Transient(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise _Transient(f"timed out after {timeout:g} s") from None
        raise _Unreachable(str(reason)) from None
    except (socket.timeout, TimeoutError):
        raise _Transient(f"timed out after {timeout:g} s") from None
    except (ConnectionError, http.client.HTTPException, OSError) as exc:
        raise _Unreachable(str(exc)) from None

    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=staging)
    tmp_path = Path(tmp)
    digest = hashlib.sha256()
    received = 0
    try:
        with response, os.fdopen(fd, "wb") as out:
            length_header = response.headers.get("Content-Length")
            length = int(length_header) if length_header and length_header.isdigit() else None
            if length:
                tally.expected[name] = length
            while True:
                if cancel is not None and cancel():
                    raise DatasetCancelled("download")
                try:
                    block = response.read(CHUNK)
                except (socket.timeout, TimeoutError):
                    raise _Transient(f"timed out after {timeout:g} s") from None
                except (http.client.IncompleteRead, ConnectionError, OSError) as exc:
                    raise _Transient(f"connection dropped after {received:,} bytes ({exc})") from None
                if not block:
                    break
                out.write(block)
                digest.update(block)
                received += len(block)
                tally.report(received)
        if length is not None and received != length:
            raise _Transient(f"download was cut off: got {received:,} of {length:,} bytes")
        got = digest.hexdigest()
        if got != sha256.lower():
            raise _ChecksumMismatch(f"{name}: checksum mismatch from {url}: expected SHA-256 {sha256}, got {got}")
        os.chmod(tmp_path, FILE_MODE)
        os.replace(tmp_path, staging / name)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    tally.done_files += received
    tally.expected[name] = 0
