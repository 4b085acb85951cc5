"""Dataset layer (Qt-free): the offline sample, MNIST-style IDX datasets and image folders.

    load_dataset(cfg, image_size, channels)  → LoadedDataset(train, heldout, ...)
    dataset_catalog()                        → what exists and what is on disk
    download_dataset(key)                    → verified download into the cache
    import_idx_folder(key, folder)           → copy a local IDX copy into the cache
"""

from .catalog import IDX_SPECS, SOURCE_KEYS, DatasetInfo, cached_dataset_dir, dataset_catalog, find_idx_files
from .download import download_dataset
from .errors import DatasetCancelled, DatasetError, DatasetUnavailable
from .idx import IdxFormatError, read_idx, read_idx_bytes, read_image_label_pair, write_idx
from .importing import import_idx_folder
from .loading import load_dataset
from .types import ImageSet, LoadedDataset

__all__ = [
    "IDX_SPECS", "SOURCE_KEYS", "DatasetInfo", "cached_dataset_dir", "dataset_catalog", "find_idx_files",
    "download_dataset", "DatasetCancelled", "DatasetError", "DatasetUnavailable", "IdxFormatError",
    "read_idx", "read_idx_bytes", "read_image_label_pair", "write_idx", "import_idx_folder",
    "load_dataset", "ImageSet", "LoadedDataset",
]
