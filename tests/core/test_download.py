"""download_dataset against a real local HTTP server: mirrors, checksums, truncation, offline, cancel."""

from __future__ import annotations

import hashlib
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from gan_studio.core.config import DataConfig
from gan_studio.core.data import (IDX_SPECS, DatasetCancelled, DatasetError, DatasetUnavailable,
                                  cached_dataset_dir, dataset_catalog, download_dataset, load_dataset)
from gan_studio.core.data.catalog import IDX_FILES, datasets_root
from gan_studio.core.data.idx import write_idx


def _idx_gz(array: np.ndarray, tmp_path, name: str) -> bytes:
    path = tmp_path / name
    write_idx(path, array, compress=True)
    return path.read_bytes()


@pytest.fixture
def files(tmp_path) -> dict[str, bytes]:
    """Tiny but valid MNIST-style files; the train images are big enough to span several chunks."""
    rng = np.random.default_rng(0)
    train_y = np.arange(400, dtype=np.uint8) % 10
    test_y = np.arange(30, dtype=np.uint8) % 10
    return {
        "train-images-idx3-ubyte.gz": _idx_gz(rng.integers(0, 256, (400, 28, 28), dtype=np.uint8), tmp_path, "a.gz"),
        "train-labels-idx1-ubyte.gz": _idx_gz(train_y, tmp_path, "b.gz"),
        "t10k-images-idx3-ubyte.gz": _idx_gz(rng.integers(0, 256, (30, 28, 28), dtype=np.uint8), tmp_path, "c.gz"),
        "t10k-labels-idx1-ubyte.gz": _idx_gz(test_y, tmp_path, "d.gz"),
    }


def _sums(files: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


class Server:
    """ThreadingHTTPServer on 127.0.0.1; `routes` maps '/mirror/file' to (mode, body)."""

    def __init__(self):
        self.routes: dict[str, tuple[str, bytes]] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.hits.append(self.path)
                mode, body = server.routes.get(self.path, ("404", b""))
                if mode == "404":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                if mode == "truncated":
                    self.send_header("Content-Length", str(len(body) + 5000))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def serve(self, mirror: str, files: dict[str, bytes], mode: str = "ok"):
        for name, data in files.items():
            self.routes[f"/{mirror}/{name}"] = (mode, data)

    def url(self, mirror: str) -> str:
        return f"{self.base}/{mirror}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    srv = Server()
    yield srv
    srv.close()


def _leftovers() -> list[str]:
    """Everything under the datasets cache (there must be nothing after a failure)."""
    return sorted(str(p.relative_to(datasets_root())) for p in datasets_root().rglob("*"))


def test_good_download_is_cached_and_loadable(server, files):
    server.serve("m1", files)
    calls: list[tuple[int, int]] = []
    path = download_dataset("mnist", progress=lambda d, t: calls.append((d, t)),
                            mirrors=[server.url("m1")], checksums=_sums(files), retries=0)
    assert path == cached_dataset_dir("mnist")
    for name, data in files.items():
        assert (path / name).read_bytes() == data
    assert not [p for p in path.iterdir() if p.suffix in (".part", ".tmp")]
    # progress: increasing byte counts ending at the total size
    done = [d for d, _ in calls]
    assert len(calls) >= 4 and done == sorted(done)
    assert done[-1] == sum(len(b) for b in files.values())
    assert all(d <= t for d, t in calls)

    info = {i.key: i for i in dataset_catalog()}["mnist"]
    assert info.cached and info.path == path
    data = load_dataset(DataConfig(source="mnist", holdout=20))
    assert data.train.images.shape == (400, 1, 28, 28)
    assert data.heldout.images.shape == (20, 1, 28, 28)
    assert data.train.labels.tolist()[:12] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
    assert {f["file"]: f["sha256"] for f in data.identity["files"]} == _sums(files)


def test_wrong_checksum_names_file_and_leaves_nothing(server, files):
    server.serve("m1", files)
    sums = _sums(files)
    bad = "0" * 64
    sums["t10k-images-idx3-ubyte.gz"] = bad
    with pytest.raises(DatasetError) as info:
        download_dataset("mnist", mirrors=[server.url("m1")], checksums=sums, retries=0)
    message = str(info.value)
    assert "t10k-images-idx3-ubyte.gz" in message
    assert bad in message and _sums(files)["t10k-images-idx3-ubyte.gz"] in message
    assert not isinstance(info.value, DatasetUnavailable)
    assert _leftovers() == []
    assert not {i.key: i for i in dataset_catalog()}["mnist"].cached


def test_truncated_response_is_an_error_and_retried(server, files, monkeypatch):
    monkeypatch.setattr("gan_studio.core.data.download.RETRY_BACKOFF_S", 0.0)
    server.serve("m1", files)
    server.routes["/m1/train-labels-idx1-ubyte.gz"] = ("truncated", files["train-labels-idx1-ubyte.gz"])
    with pytest.raises(DatasetError) as info:
        download_dataset("mnist", mirrors=[server.url("m1")], checksums=_sums(files), retries=1)
    assert "train-labels-idx1-ubyte.gz" in str(info.value)
    assert "cut off" in str(info.value)
    assert server.hits.count("/m1/train-labels-idx1-ubyte.gz") == 2      # first try + one retry
    assert _leftovers() == []


def test_404_on_first_mirror_then_second_mirror(server, files):
    server.serve("good", files)
    path = download_dataset("mnist", mirrors=[server.url("missing"), server.url("good")],
                            checksums=_sums(files), retries=0)
    assert sorted(p.name for p in path.iterdir() if p.name != "manifest.json") == sorted(IDX_FILES)
    assert server.hits.count("/missing/train-images-idx3-ubyte.gz") == 1   # a 404 is not retried
    assert "/good/t10k-labels-idx1-ubyte.gz" in server.hits


def test_all_mirrors_404(server, files):
    with pytest.raises(DatasetError) as info:
        download_dataset("mnist", mirrors=[server.url("a"), server.url("b")], checksums=_sums(files), retries=2)
    message = str(info.value)
    assert "train-images-idx3-ubyte.gz" in message and "not found on any mirror" in message
    assert "/a/" in message and "/b/" in message
    assert not isinstance(info.value, DatasetUnavailable)
    assert _leftovers() == []


def test_connection_refused_means_offline(files):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(DatasetUnavailable) as info:
        download_dataset("mnist", mirrors=[f"http://127.0.0.1:{port}/x/"], checksums=_sums(files),
                         retries=0, timeout=5)
    message = str(info.value)
    assert message.startswith("No network")
    assert f"127.0.0.1:{port}" in message
    assert "gan-studio import-mnist DIR --kind mnist" in message and "Import folder… in the Dataset panel" in message
    assert _leftovers() == []


def test_cancel_midway_leaves_nothing(server, files):
    server.serve("m1", files)
    calls: list[int] = []

    def cancel() -> bool:
        return len(calls) >= 2                     # after some bytes have arrived

    with pytest.raises(DatasetCancelled):
        download_dataset("mnist", progress=lambda d, t: calls.append(d), cancel=cancel,
                         mirrors=[server.url("m1")], checksums=_sums(files), retries=0)
    assert 0 < calls[-1] < sum(len(b) for b in files.values())
    assert _leftovers() == []
    assert not cached_dataset_dir("mnist").exists()


def test_checksum_table_must_cover_every_file(server, files):
    sums = _sums(files)
    del sums["train-labels-idx1-ubyte.gz"]
    with pytest.raises(DatasetError, match="no checksum known for train-labels-idx1-ubyte.gz"):
        download_dataset("mnist", mirrors=[server.url("m1")], checksums=sums)
    assert server.hits == []


def test_unknown_key():
    with pytest.raises(DatasetError, match="cannot be downloaded"):
        download_dataset("folder")


def test_official_tables_are_complete():
    for key in ("mnist", "fashion-mnist", "kmnist"):
        spec = IDX_SPECS[key]
        assert sorted(spec.sha256) == sorted(IDX_FILES)
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in spec.sha256.values())
        assert len(set(spec.sha256.values())) == 4
        assert all(size > 1000 for size in spec.sizes.values())
        assert spec.mirrors and all(m.endswith("/") for m in spec.mirrors)
