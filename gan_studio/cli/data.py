"""`gan-studio datasets`, `download`, `import-mnist`, `presets`: what this computer can train on and with."""

from __future__ import annotations

import sys

from .common import _progress_bar


def cmd_datasets(args) -> int:
    from ..core.data import dataset_catalog

    for info in dataset_catalog():
        if info.key == "folder":
            state = "use --dataset folder --data-path DIR"
        elif info.cached:
            state = f"ready ({info.path})"
        elif info.downloadable:
            state = "not downloaded: `gan-studio download " + info.key + "` or `gan-studio import-mnist DIR --kind " + info.key + "`"
        else:
            state = "unavailable"
        print(f"{info.key:14s} {info.title:34s} {state}")
    return 0


def cmd_download(args) -> int:
    from ..core.data import download_dataset
    from ..core.data.download import available_copy

    where = None if args.force else available_copy(args.key)
    if where is not None:
        print(f"{args.key} is already on this computer ({where.describe()}): {where.path}; nothing to download "
              f"(--force downloads it again into your cache)", file=sys.stderr)
        return 0
    bar = _progress_bar(None, f"downloading {args.key}", unit="B")

    def progress(done, total):
        if total and bar.total != total:
            bar.total = total
        bar.n = done
        bar.refresh()

    path = download_dataset(args.key, progress=progress)
    bar.close()
    print(f"{args.key} ready in {path}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from ..core.data import import_idx_folder

    path = import_idx_folder(args.kind, args.dir)
    print(f"imported {args.kind} from {args.dir} into {path}", file=sys.stderr)
    return 0

def cmd_presets(args) -> int:
    from ..core.presets import DEFAULT_PRESET, load_presets

    for p in load_presets():
        mark = " (default)" if p.key == DEFAULT_PRESET else ""
        print(f"{p.key:18s} {p.title}{mark}")
    return 0
