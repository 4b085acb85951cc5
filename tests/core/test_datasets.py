"""load_dataset for the offline sample and the IDX datasets; import and catalog."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from gan_studio.core.config import DataConfig
from gan_studio.core.data import (DatasetError, DatasetUnavailable, IdxFormatError, cached_dataset_dir,
                                  dataset_catalog, import_idx_folder, load_dataset)
from gan_studio.core.data.idx import read_idx, write_idx
from gan_studio.paths import resource_path


@pytest.fixture(scope="module")
def sample():
    return load_dataset(DataConfig(source="sample"))


def _rows(images: np.ndarray) -> set[bytes]:
    return {row.tobytes() for row in images.reshape(len(images), -1)}


def test_offline_sample_is_10000_real_digits(sample):
    train, held = sample.train, sample.heldout
    assert train.images.shape == (10_000, 1, 28, 28) and train.images.dtype == np.uint8
    assert train.labels.dtype == np.int64
    assert np.bincount(train.labels, minlength=10).tolist() == [1000] * 10
    assert held.images.shape == (2000, 1, 28, 28)
    assert np.bincount(held.labels, minlength=10).tolist() == [200] * 10
    assert train.class_names == [str(i) for i in range(10)]
    # real MNIST statistics: mostly black background, full 0..255 range, mean ≈ 33
    assert train.images.min() == 0 and train.images.max() == 255
    assert 25 < train.images.mean() < 40
    assert (train.images[:, :, 0, :] == 0).mean() > 0.95          # top rows empty
    # held-out images are not in the training set
    assert not (_rows(train.images) & _rows(held.images))
    assert sample.source == "sample"
    assert sample.name == "Offline sample — 10,000 MNIST digits"
    assert any("Offline sample" in n and "gan-studio download mnist" in n for n in sample.notes)
    assert sample.identity["train_count"] == 10_000 and len(sample.identity["files"]) == 4


def test_sample_manifest_matches_files():
    import json
    from gan_studio.core.data.fileutil import sha256_file
    manifest = json.loads(resource_path("data", "manifest.json").read_text())
    for name, entry in manifest["files"].items():
        assert sha256_file(resource_path("data", name)) == entry["sha256"], name
    assert resource_path("data", "README.md").read_text().count("CC BY-SA 3.0") >= 1


def test_sample_matches_shared_mnist(sample, mnist_dir):
    """The sample is the first 1,000 digits per class of the MNIST training file, in order."""
    x = read_idx(mnist_dir / "train-images-idx3-ubyte.gz")
    y = read_idx(mnist_dir / "train-labels-idx1-ubyte.gz")
    idx = np.sort(np.concatenate([np.flatnonzero(y == c)[:1000] for c in range(10)]))
    np.testing.assert_array_equal(sample.train.images[:, 0], x[idx])
    np.testing.assert_array_equal(sample.train.labels, y[idx])


def test_class_filter_applies_to_train_and_heldout():
    data = load_dataset(DataConfig(source="sample", classes=[3, 7], holdout=300))
    assert len(data.train) == 2000
    assert set(np.unique(data.train.labels)) == {3, 7}
    assert len(data.heldout) == 300 and set(np.unique(data.heldout.labels)) == {3, 7}
    assert data.identity["classes"] == [3, 7]
    assert "classes 3, 7" in data.name


def test_holdout_larger_than_available_is_capped_with_note():
    data = load_dataset(DataConfig(source="sample", holdout=5000))
    assert len(data.heldout) == 2000
    assert any("2,000 held-out" in n for n in data.notes)


def test_unknown_class_is_an_error():
    with pytest.raises(DatasetError, match="class 12 does not exist"):
        load_dataset(DataConfig(source="sample", classes=[1, 12]))


@pytest.mark.parametrize("size,channels", [(32, 1), (64, 1), (28, 3), (32, 3)])
def test_resize_and_channels(sample, size, channels):
    data = load_dataset(DataConfig(source="sample", classes=[0], holdout=50), image_size=size, channels=channels)
    assert data.train.images.shape == (1000, channels, size, size)
    assert data.heldout.images.shape == (50, channels, size, size)
    assert data.train.images.dtype == np.uint8
    ref = sample.train.images[sample.train.labels == 0][:, 0]
    got = data.train.images
    if channels == 3:
        np.testing.assert_array_equal(got[:, 0], got[:, 1])
        np.testing.assert_array_equal(got[:, 0], got[:, 2])
    if size == 32:      # 2-px zero border around the unchanged digit
        np.testing.assert_array_equal(got[:, 0, 2:30, 2:30], ref)
        assert got[:, :, :2].max() == 0 and got[:, :, :, -2:].max() == 0
    if size == 64:      # bilinear: same overall brightness, smooth but same digit
        assert abs(float(got.mean()) - float(ref.mean())) < 2.0
        from PIL import Image
        back = np.stack([np.asarray(Image.fromarray(im).resize((28, 28), Image.Resampling.BOX))
                         for im in got[:20, 0]]).astype(np.float64)
        corr = np.corrcoef(back.ravel(), ref[:20].astype(np.float64).ravel())[0, 1]
        assert corr > 0.95


def test_missing_dataset_is_unavailable_with_help():
    with pytest.raises(DatasetUnavailable) as info:
        load_dataset(DataConfig(source="fashion-mnist"))
    message = str(info.value)
    assert "Fashion-MNIST" in message
    assert "gan-studio download fashion-mnist" in message
    assert "`gan-studio import-mnist DIR --kind fashion-mnist` or Import folder… in the Dataset panel" in message
    with pytest.raises(DatasetUnavailable, match="gan-studio import-mnist DIR"):
        load_dataset(DataConfig(source="mnist"))


def _tiny_idx_folder(folder, n_train=50, n_test=20, gz=True, names=None):
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    suffix = ".gz" if gz else ""
    names = names or ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    arrays = [rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8), np.arange(n_train, dtype=np.uint8) % 10,
              rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8), np.arange(n_test, dtype=np.uint8) % 10]
    for name, array in zip(names, arrays):
        write_idx(folder / (name + suffix), array, compress=gz)
    return arrays


def test_import_variant_names_raw_files_and_load(tmp_path):
    src = tmp_path / "kaggle"
    arrays = _tiny_idx_folder(src, gz=False, names=["train-images.idx3-ubyte", "train-labels.idx1-ubyte",
                                                    "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte"])
    path = import_idx_folder("kmnist", src)
    assert path == cached_dataset_dir("kmnist")
    assert (path / "train-images-idx3-ubyte").is_file()
    data = load_dataset(DataConfig(source="kmnist", holdout=10))
    np.testing.assert_array_equal(data.train.images[:, 0], arrays[0])
    assert len(data.heldout) == 10 and data.train.class_names[0].startswith("お")
    assert data.name == "KMNIST — 50 characters"
    assert {i.key: i.cached for i in dataset_catalog()}["kmnist"]


def test_import_rejects_broken_and_incomplete_folders(tmp_path):
    src = tmp_path / "broken"
    _tiny_idx_folder(src)
    (src / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(b"\x00\x00\x08\x01" + (20).to_bytes(4, "big")
                                                                  + b"\x01" * 19))
    with pytest.raises(IdxFormatError, match="t10k-labels-idx1-ubyte.gz: data is truncated"):
        import_idx_folder("mnist", src)
    (src / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DatasetError, match="missing t10k-labels-idx1-ubyte.gz"):
        import_idx_folder("mnist", src)
    assert not cached_dataset_dir("mnist").exists()
    # labels out of range for a 10-class dataset
    bad = tmp_path / "badlabels"
    _tiny_idx_folder(bad)
    write_idx(bad / "train-labels-idx1-ubyte.gz", np.full(50, 11, np.uint8))
    with pytest.raises(IdxFormatError, match="train-labels-idx1-ubyte.gz: label 11"):
        import_idx_folder("mnist", bad)


def test_cfg_path_folder_is_used_without_import(tmp_path):
    src = tmp_path / "mine"
    arrays = _tiny_idx_folder(src, n_train=30)
    data = load_dataset(DataConfig(source="mnist", path=str(src), holdout=5))
    assert len(data.train) == 30 and len(data.heldout) == 5
    # drawn at random from the whole test split (seeded), in file order, not its first five
    test_x = arrays[2]
    rows = [next(i for i in range(len(test_x)) if np.array_equal(test_x[i], img)) for img in data.heldout.images[:, 0]]
    assert rows == sorted(rows) and rows != list(range(5)) and len(set(rows)) == 5
    again = load_dataset(DataConfig(source="mnist", path=str(src), holdout=5))
    np.testing.assert_array_equal(again.heldout.images, data.heldout.images)
    assert data.identity["origin"] == str(src)
    assert not cached_dataset_dir("mnist").exists()


def test_import_shared_mnist_then_load_full(mnist_dir, tmp_path):
    path = import_idx_folder("mnist", mnist_dir)
    assert path == cached_dataset_dir("mnist")
    data = load_dataset(DataConfig(source="mnist"))      # its speed: benchmarks/dataset_load.py
    assert data.train.images.shape == (60_000, 1, 28, 28)
    assert data.heldout.images.shape == (2000, 1, 28, 28)
    assert np.bincount(data.train.labels).tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert data.name == "MNIST — 60,000 digits"
    assert data.identity["official_checksums"] is False            # a re-gzipped local copy


def test_catalog_lists_every_source_with_cached_flags(tmp_path):
    infos = {i.key: i for i in dataset_catalog()}
    assert list(infos) == ["sample", "mnist", "fashion-mnist", "kmnist", "folder"]
    assert infos["sample"].cached and not infos["sample"].downloadable
    assert infos["sample"].size_bytes > 1_000_000
    for key in ("mnist", "fashion-mnist", "kmnist"):
        assert not infos[key].cached and infos[key].path is None and infos[key].downloadable
        assert infos[key].num_classes == 10 and len(infos[key].class_names) == 10
    assert infos["mnist"].size_bytes == 9912422 + 28881 + 1648877 + 4542
    assert infos["fashion-mnist"].class_names[0] == "T-shirt/top"
    assert not infos["folder"].cached and not infos["folder"].downloadable

    _tiny_idx_folder(tmp_path / "f")
    import_idx_folder("fashion-mnist", tmp_path / "f")
    infos = {i.key: i for i in dataset_catalog()}
    assert infos["fashion-mnist"].cached and infos["fashion-mnist"].path == cached_dataset_dir("fashion-mnist")
    assert not infos["mnist"].cached
    assert infos["fashion-mnist"].size_bytes == sum(p.stat().st_size for p in infos["fashion-mnist"].path.iterdir())


def test_resize_matches_bilinear_reference():
    import torch
    import torch.nn.functional as F
    from gan_studio.core.data.transforms import fit_images
    x = np.random.default_rng(2).integers(0, 256, (7, 28, 20), dtype=np.uint8)
    got = fit_images(x, 64, 1)
    ref = F.interpolate(torch.from_numpy(x[:, None]).float(), size=(64, 64), mode="bilinear",
                        align_corners=False).round().clamp(0, 255).to(torch.uint8).numpy()
    assert np.abs(got.astype(int) - ref).max() <= 1
    small = fit_images(x, 14, 3)
    assert small.shape == (7, 3, 14, 14)
    assert abs(float(small.mean()) - float(x.mean())) < 3


# ------------------------------------------------------------- full MNIST shipped with the app

def _shipped_mnist(tmp_path, monkeypatch):
    """A resources folder like the packaged app's: the real one (presets, sample) plus datasets/mnist/."""
    import shutil

    resources = tmp_path / "bundle" / "resources"
    shutil.copytree(resource_path("data"), resources / "data")
    arrays = _tiny_idx_folder(resources / "datasets" / "mnist", n_train=60, n_test=30)
    monkeypatch.setenv("GAN_STUDIO_RESOURCES", str(resources))
    return resources / "datasets" / "mnist", arrays


def test_shipped_mnist_is_found_and_is_the_window_default(tmp_path, monkeypatch):
    from gan_studio.core.data.catalog import bundled_dataset_dir, default_source, usable_dataset_dir
    from gan_studio.core.data.download import available_copy

    assert default_source() == "sample" and bundled_dataset_dir("mnist") is None    # a source checkout
    assert available_copy("mnist") is None
    shipped, arrays = _shipped_mnist(tmp_path, monkeypatch)
    assert bundled_dataset_dir("mnist") == shipped and usable_dataset_dir("mnist") == shipped
    assert default_source() == "mnist"
    copy = available_copy("mnist")
    assert copy.path == shipped and copy.bundled and "shipped" in copy.describe()
    infos = {i.key: i for i in dataset_catalog()}
    assert infos["mnist"].cached and infos["mnist"].path == shipped
    data = load_dataset(DataConfig(source="mnist", holdout=10))
    assert data.source == "mnist" and len(data.train) == 60          # read from the shipped copy
    assert _rows(data.train.images) == _rows(arrays[0][:, None])
    # The sample's note no longer sends the user to a download.
    notes = " ".join(load_dataset(DataConfig(source="sample")).notes)
    assert "already on this computer" in notes and "gan-studio download" not in notes
    # A copy in the user's cache wins over the shipped one (it may be newer or re-verified).
    _tiny_idx_folder(tmp_path / "own", n_train=40)
    import_idx_folder("mnist", tmp_path / "own")
    copy = available_copy("mnist")
    assert copy.path == cached_dataset_dir("mnist") and not copy.bundled


def test_download_says_mnist_is_already_there_without_the_network(tmp_path, monkeypatch, capsys):
    import urllib.request

    from gan_studio import cli

    def no_network(*a, **kw):
        raise AssertionError("the network was used")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    shipped, _ = _shipped_mnist(tmp_path, monkeypatch)
    assert cli.main(["download", "mnist"]) == 0
    err = capsys.readouterr().err
    assert "already on this computer" in err and "shipped with GAN Studio" in err and str(shipped) in err
    assert not cached_dataset_dir("mnist").exists() or not any(cached_dataset_dir("mnist").iterdir())
    # Without a copy the download is attempted (and here fails on the blocked network).
    with pytest.raises(AssertionError, match="the network was used"):
        from gan_studio.core.data import download_dataset

        download_dataset("fashion-mnist", retries=0)


def test_sample_note_offers_the_download_when_mnist_is_not_here():
    notes = " ".join(load_dataset(DataConfig(source="sample")).notes)
    assert "gan-studio download mnist" in notes


def test_the_held_out_reference_mixes_the_whole_test_split():
    """MNIST's test file holds the SD-3 writers' digits first and the SD-1 writers' after: a reference of its
    first 2,000 would be one population (real training digits scored 2-2.5x its floor against it)."""
    from gan_studio.core.data.loading import _heldout

    images = np.arange(10_000, dtype=np.int64).reshape(-1, 1, 1)
    labels = np.arange(10_000) % 10
    held, held_labels = _heldout(images, labels, None, 2000)
    rows = held[:, 0, 0]
    assert len(rows) == 2000 and len(set(rows.tolist())) == 2000 and np.all(np.diff(rows) > 0)
    assert 900 <= int((rows < 5000).sum()) <= 1100            # both halves, about equally
    np.testing.assert_array_equal(held_labels, rows % 10)       # labels stay with their images
    only_3s, _ = _heldout(images, labels, [3], 50)               # a class filter applies before the draw
    assert len(only_3s) == 50 and np.all(only_3s[:, 0, 0] % 10 == 3)
    everything, _ = _heldout(images[:30], labels[:30], None, 2000)
    assert everything[:, 0, 0].tolist() == list(range(30))      # fewer than asked: all of them, in order
