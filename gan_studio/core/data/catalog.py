"""What datasets GAN Studio knows: names, classes, official files, checksums, mirrors.

`dataset_catalog()` answers "which datasets exist and which are on this
computer".  The IDX datasets live in `cache_dir()/datasets/<key>/` once
downloaded or imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...paths import cache_dir, resource_path

IDX_KEYS = ("mnist", "fashion-mnist", "kmnist")
SOURCE_KEYS = ("sample", "mnist", "fashion-mnist", "kmnist", "folder")

# The four files of an MNIST-style dataset, in download order.
IDX_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)

SAMPLE_FILES = {
    "train-images": "mnist-sample-train-images-idx3-ubyte.gz",
    "train-labels": "mnist-sample-train-labels-idx1-ubyte.gz",
    "test-images": "mnist-sample-t10k-images-idx3-ubyte.gz",
    "test-labels": "mnist-sample-t10k-labels-idx1-ubyte.gz",
}

DIGIT_NAMES = [str(i) for i in range(10)]
FASHION_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                 "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
KMNIST_NAMES = ["お (o)", "き (ki)", "す (su)", "つ (tsu)", "な (na)",
                "は (ha)", "ま (ma)", "や (ya)", "れ (re)", "を (wo)"]


@dataclass(frozen=True)
class IdxSpec:
    """An MNIST-style dataset that can be downloaded: files, checksums, mirrors."""
    key: str
    title: str
    noun: str                      # "digits", "images", "characters"
    description: str
    class_names: list[str]
    sha256: dict[str, str]         # official SHA-256 of each .gz file
    sizes: dict[str, int]          # official byte size of each .gz file
    mirrors: list[str] = field(default_factory=list)

    @property
    def download_bytes(self) -> int:
        return sum(self.sizes.values())


# SHA-256 and sizes of the official files, as listed by TensorFlow Datasets
# (tensorflow_datasets/url_checksums/{mnist,fashion_mnist,kmnist}.txt).
IDX_SPECS: dict[str, IdxSpec] = {
    "mnist": IdxSpec(
        key="mnist", title="MNIST", noun="digits",
        description="70,000 handwritten digits 0–9 (LeCun, Cortes, Burges; CC BY-SA 3.0).",
        class_names=DIGIT_NAMES,
        sha256={
            "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        },
        sizes={
            "train-images-idx3-ubyte.gz": 9912422,
            "train-labels-idx1-ubyte.gz": 28881,
            "t10k-images-idx3-ubyte.gz": 1648877,
            "t10k-labels-idx1-ubyte.gz": 4542,
        },
        mirrors=[
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/",
        ],
    ),
    "fashion-mnist": IdxSpec(
        key="fashion-mnist", title="Fashion-MNIST", noun="images",
        description="70,000 grayscale pictures of clothing in 10 classes (Zalando Research; MIT licence).",
        class_names=FASHION_NAMES,
        sha256={
            "train-images-idx3-ubyte.gz": "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz": "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz": "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz": "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
        },
        sizes={
            "train-images-idx3-ubyte.gz": 26421880,
            "train-labels-idx1-ubyte.gz": 29515,
            "t10k-images-idx3-ubyte.gz": 4422102,
            "t10k-labels-idx1-ubyte.gz": 5148,
        },
        mirrors=[
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
        ],
    ),
    "kmnist": IdxSpec(
        key="kmnist", title="KMNIST", noun="characters",
        description="70,000 handwritten cursive Japanese (Kuzushiji) characters in 10 classes (CODH; CC BY-SA 4.0).",
        class_names=KMNIST_NAMES,
        sha256={
            "train-images-idx3-ubyte.gz": "51467d22d8cc72929e2a028a0428f2086b092bb31cfb79c69cc0a90ce135fde4",
            "train-labels-idx1-ubyte.gz": "e38f9ebcd0f3ebcdec7fc8eabdcdaef93bb0df8ea12bee65224341c8183d8e17",
            "t10k-images-idx3-ubyte.gz": "edd7a857845ad6bb1d0ba43fe7e794d164fe2dce499a1694695a792adfac43c5",
            "t10k-labels-idx1-ubyte.gz": "20bb9a0ef54c7db3efc55a92eef5582c109615df22683c380526788f98e42a1c",
        },
        sizes={
            "train-images-idx3-ubyte.gz": 18165135,
            "train-labels-idx1-ubyte.gz": 29497,
            "t10k-images-idx3-ubyte.gz": 3041136,
            "t10k-labels-idx1-ubyte.gz": 5120,
        },
        mirrors=["http://codh.rois.ac.jp/kmnist/dataset/kmnist/"],
    ),
}


@dataclass
class DatasetInfo:
    key: str
    title: str
    description: str
    cached: bool                   # usable now without a download
    path: Path | None              # where the files are (None: nothing on disk)
    downloadable: bool
    size_bytes: int                # on disk if cached, else the download size
    num_classes: int               # 0 when unknown (image folders)
    class_names: list[str]


def datasets_root() -> Path:
    path = cache_dir() / "datasets"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cached_dataset_dir(key: str) -> Path:
    """The folder where downloaded/imported copies of `key` live (may not exist)."""
    if key not in IDX_SPECS:
        raise ValueError(f"unknown downloadable dataset {key!r}; choose one of {', '.join(IDX_SPECS)}")
    return datasets_root() / key


def bundled_dataset_dir(key: str) -> Path | None:
    """The complete copy of `key` shipped with this installation (resources/datasets/<key>/), if any.

    The packaged app ships all of MNIST there (packaging/build.py); a source checkout has none.
    """
    try:
        folder = resource_path("datasets", key)
    except FileNotFoundError:
        return None
    return folder if is_complete_idx_folder(folder) else None


def usable_dataset_dir(key: str) -> Path:
    """Where to read `key` from: the user's cached copy, else a copy shipped in resources/datasets/, else the cache dir."""
    cached = cached_dataset_dir(key)
    if is_complete_idx_folder(cached):
        return cached
    return bundled_dataset_dir(key) or cached


def default_source() -> str:
    """The dataset a new experiment in the window starts on: all of MNIST when this installation ships
    it (the packaged app), else the offline sample."""
    return "mnist" if bundled_dataset_dir("mnist") is not None else "sample"


_ROLE_PATTERNS = {
    "train-images": re.compile(r"^train[-_.]?images?[-_.]idx3[-_.]ubyte$"),
    "train-labels": re.compile(r"^train[-_.]?labels?[-_.]idx1[-_.]ubyte$"),
    "test-images": re.compile(r"^(t10k|test)[-_.]?images?[-_.]idx3[-_.]ubyte$"),
    "test-labels": re.compile(r"^(t10k|test)[-_.]?labels?[-_.]idx1[-_.]ubyte$"),
}
ROLES = tuple(_ROLE_PATTERNS)
ROLE_TO_OFFICIAL = dict(zip(ROLES, IDX_FILES))


def find_idx_files(folder) -> dict[str, Path]:
    """Map roles (train-images, train-labels, test-images, test-labels) to files in `folder`.

    Accepts the official names, raw or .gz, and common variants such as
    `train-images.idx3-ubyte` or `test-labels-idx1-ubyte`.  Missing roles are
    simply absent from the result.
    """
    folder = Path(folder)
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir()):
        if not entry.is_file():
            continue
        name = entry.name.lower()
        if name.endswith(".gz"):
            name = name[:-3]
        for role, pattern in _ROLE_PATTERNS.items():
            # Prefer the first match; a raw and a .gz copy of the same file are equivalent.
            if pattern.match(name) and role not in found:
                found[role] = entry
    return found


def is_complete_idx_folder(folder) -> bool:
    return len(find_idx_files(folder)) == 4


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def dataset_catalog() -> list[DatasetInfo]:
    """One entry per data source, with whether it can be used right now."""
    sample_dir = resource_path("data")
    sample_ok = all((sample_dir / f).is_file() for f in SAMPLE_FILES.values())
    infos = [DatasetInfo(
        key="sample", title="Offline sample (MNIST)",
        description="10,000 real MNIST digits (1,000 per class) shipped with GAN Studio; works without a network.",
        cached=sample_ok, path=sample_dir if sample_ok else None, downloadable=False,
        size_bytes=sum((sample_dir / f).stat().st_size for f in SAMPLE_FILES.values()) if sample_ok else 0,
        num_classes=10, class_names=list(DIGIT_NAMES),
    )]
    for key, spec in IDX_SPECS.items():
        folder = usable_dataset_dir(key)
        cached = is_complete_idx_folder(folder)
        infos.append(DatasetInfo(
            key=key, title=spec.title, description=spec.description, cached=cached,
            path=folder if cached else None, downloadable=True,
            size_bytes=_folder_bytes(folder) if cached else spec.download_bytes,
            num_classes=len(spec.class_names), class_names=list(spec.class_names),
        ))
    infos.append(DatasetInfo(
        key="folder", title="Folder of images",
        description="Your own PNG/JPEG/BMP/WebP/GIF/TIFF images; sub-folder names become classes.",
        cached=False, path=None, downloadable=False, size_bytes=0, num_classes=0, class_names=[],
    ))
    return infos
