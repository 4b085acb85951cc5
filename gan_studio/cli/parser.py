"""The command line: the parser of every command and `main`, which runs one and turns errors into one line."""

from __future__ import annotations

import argparse
import sys

from .common import (EXIT_DIVERGED, MAX_SAMPLES, MAX_SCALE, MAX_SECONDS, MAX_STEPS, CliError, _class_list, _Diverged,
                     _float_in, _int_in)
from .data import cmd_datasets, cmd_download, cmd_import, cmd_presets
from .desktop import cmd_open
from .generators import cmd_evaluate, cmd_export, cmd_sample
from .training import cmd_resume, cmd_train


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__
    from ..core.config import IMAGE_SIZES, field_spec
    from ..core.data.catalog import IDX_KEYS

    sources = list(field_spec("data.source").choices)     # the Dataset panel's list: the field's descriptor

    steps_t = _int_in(1, MAX_STEPS, "--steps")
    seconds_t = _float_in(0.0, MAX_SECONDS, "--seconds", allow_lo=False)
    threads_t = _int_in(0, 256, "--threads")
    parser = _Parser(prog="gan-studio", description="GAN Studio — train and explore GANs on handwritten digits. "
                                     "Without a subcommand the desktop app opens (optionally on a run folder: "
                                     "gan-studio RUN).")
    parser.add_argument("--version", action="version", version=f"GAN Studio {__version__}")
    parser.add_argument("--self-test", action=_SelfTestAction,
                        help="check this installation end to end (libraries, data, weights, the window, a short "
                             "training, exports; about a minute) and exit: 0 when everything works")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("train", help="train a new run")
    p.add_argument("--preset",
                   help="starting point for the model and training settings (list them: gan-studio presets; "
                        "default: quick-digits, or for a folder without class sub-folders own-images)")
    p.add_argument("--conditional", action=argparse.BooleanOptionalAction, default=None,
                   help="tell the networks the class (needs labelled data: class sub-folders of a folder); "
                        "default: the preset's choice")
    p.add_argument("--dataset", default="sample", choices=sources,
                   help="training images (default: %(default)s, the small offline sample)")
    p.add_argument("--image-size", type=int, choices=list(IMAGE_SIZES),
                   help="image side in pixels (default: 28, or decided by a folder's images)")
    p.add_argument("--channels", type=int, choices=[1, 3],
                   help="1: gray, 3: colour (default: 1, or decided by a folder's images)")
    p.add_argument("--data-path", metavar="DIR",
                   help="folder of images (for --dataset folder) or of the four IDX files")
    p.add_argument("--classes", type=_class_list, help="comma-separated class labels to train on, e.g. 0,1,7")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--steps", type=steps_t, help="stop after this many training steps")
    target.add_argument("--seconds", type=seconds_t, help="stop after this many seconds of training")
    p.add_argument("--out", metavar="RUN",
                   help="run folder to create (default: a new folder in the per-user runs folder)")
    p.add_argument("--seed", type=_int_in(0, 2**31 - 1, "--seed"), help="random seed (weights, data order, noise)")
    p.add_argument("--batch-size", type=_int_in(1, 4096, "--batch-size"), help="images per training step")
    p.add_argument("--lr", type=_float_in(1e-7, 1.0, "--lr"), help="learning rate of both networks")
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps")
    p.add_argument("--threads", type=threads_t, help="CPU threads (0: every core)")
    p.add_argument("--quality", action="store_true",
                   help="score the generator with the digit classifier every 10 s of training and print it, "
                        "with warnings (mode collapse, the discriminator winning); saved to quality.jsonl")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("resume", help="continue a run where it stopped")
    p.add_argument("run", metavar="RUN", help="the run folder")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--steps", type=steps_t, help="train this many more steps")
    target.add_argument("--seconds", type=seconds_t, help="train this many more seconds")
    p.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the run's)")
    p.add_argument("--threads", type=threads_t, help="CPU threads (0: every core; default: the run's)")
    p.add_argument("--quality", action="store_true",
                   help="score the generator every 10 s of training and print it (see train --quality)")
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("open", help="open a run folder or a shared setup (.json) in the desktop app; a run that "
                                    "another process is training (a terminal, a server) is followed live, read-only")
    p.add_argument("run", metavar="RUN", help="the run folder, or a setup file written by File ▸ Export setup…")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("sample", help="generate images (digits, or what the model learned) from a run or "
                                      "exported generator")
    p.add_argument("run", metavar="RUN", help="a run folder or an exported generator (.safetensors)")
    p.add_argument("--n", type=_int_in(1, MAX_SAMPLES, "--n"), default=64,
                   help=f"how many images (1–{MAX_SAMPLES:,}; default: %(default)s)")
    p.add_argument("--seed", type=_int_in(0, 2**63 - 1, "--seed"), default=0, help="seed of the latent vectors")
    p.add_argument("--digit", type=_int_in(0, 999, "--digit"), help="digit to draw (conditional digit models)")
    p.add_argument("--class", dest="cls", metavar="NAME",
                   help="class to draw, by its name or number (conditional models; a folder's sub-folder names)")
    p.add_argument("--truncation", type=_float_in(0.0, 10.0, "--truncation", allow_lo=False),
                   help="truncation of the latent vectors (smaller: more typical, less varied)")
    p.add_argument("--scale", type=_int_in(1, MAX_SCALE, "--scale"), default=2,
                   help=f"pixel size of the grid PNG (1–{MAX_SCALE}; default: %(default)s)")
    p.add_argument("--out", required=True, help="grid.png or latents.npy")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("evaluate", help="quality of a run's generator: a score against held-out real digits "
                                         "(digit runs only), else diversity and near-copies of the folder")
    p.add_argument("run", metavar="RUN", help="the run folder")
    p.add_argument("--n", type=_int_in(1, MAX_SAMPLES, "--n"), default=2000,
                   help=f"generated images to compare (1–{MAX_SAMPLES:,}; default: %(default)s)")
    p.add_argument("--seed", type=_int_in(0, 2**63 - 1, "--seed"), default=12345, help="seed of the latent vectors")
    p.set_defaults(func=cmd_evaluate)

    sub.add_parser("datasets", help="which datasets are available, cached or downloadable").set_defaults(func=cmd_datasets)

    p = sub.add_parser("download", help="download and verify a dataset into the per-user cache")
    p.add_argument("key", choices=list(IDX_KEYS), help="the dataset")
    p.add_argument("--force", action="store_true",
                   help="download even when a copy is already here (shipped with the app or in your cache)")
    p.set_defaults(func=cmd_download)

    p = sub.add_parser("import-mnist", help="import a local folder holding the four IDX files")
    p.add_argument("dir", metavar="DIR", help="folder with the four IDX files (.gz or not)")
    p.add_argument("--kind", default="mnist", choices=list(IDX_KEYS),
                   help="which dataset the files are (default: %(default)s)")
    p.set_defaults(func=cmd_import)

    sub.add_parser("presets", help="list the shipped presets").set_defaults(func=cmd_presets)

    p = sub.add_parser("export", help="export a run's generator as ONNX (onnxruntime, the web, Unity, …) or as "
                                      "safetensors + JSON (what GAN Studio opens)")
    p.add_argument("run", metavar="RUN", help="a run folder or an exported generator (.safetensors)")
    p.add_argument("--format", choices=["onnx", "safetensors"],
                   help="default: from the --out suffix (.onnx or .safetensors)")
    p.add_argument("--out", required=True, help="generator.onnx or generator.safetensors")
    p.add_argument("--opset", type=_int_in(13, 21, "--opset"), help="ONNX opset (default 15)")
    p.set_defaults(func=cmd_export)
    return parser


class _SelfTestAction(argparse.Action):
    """`--self-test`: like --version, runs at once and exits with the self-test's status."""

    def __init__(self, option_strings, dest, **kw):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kw)

    def __call__(self, parser, namespace, values, option_string=None):
        from ..selftest import run_self_test

        parser.exit(run_self_test(main))


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line (`gan-studio train: error: …; see --help`), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    from ..core.config import ConfigError
    from ..core.data import DatasetError, IdxFormatError
    from ..core.explore.exports import ExportError
    from ..core.run_folders.runs import RunError
    from ..core.training.snapshots import SnapshotError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except _Diverged:
        return EXIT_DIVERGED
    except (CliError, ConfigError, DatasetError, IdxFormatError, RunError, ExportError, SnapshotError) as exc:
        print(f"gan-studio: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"gan-studio: error: {exc.strerror or _one_line(exc)}{where}", file=sys.stderr)
        return 2
    except (ValueError, MemoryError) as exc:
        print(f"gan-studio: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gan-studio: aborted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: still one line (GAN_STUDIO_DEBUG=1 shows the traceback)
        import os

        if os.environ.get("GAN_STUDIO_DEBUG"):
            raise
        print(f"gan-studio: error: unexpected {type(exc).__name__}: {_one_line(exc)} (this is a bug; rerun with "
              f"GAN_STUDIO_DEBUG=1 for details and report it)", file=sys.stderr)
        return 1
