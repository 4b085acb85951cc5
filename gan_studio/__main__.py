"""`gan-studio` opens the desktop app; `gan-studio <subcommand>` runs headless.

`gan-studio --self-test` checks the installation end to end; `gan-studio --startup-probe`
opens the app, exits once the main window is shown and prints how long that took.
"""

from __future__ import annotations

import os
import sys

# Before anything loads torch: idle OpenMP workers sleep instead of spin-waiting.  On a machine where
# another process holds a core, spinning workers made a training step up to 10x slower
# (benchmarks/threads_under_load.py).  A value the user set wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv:
        from .cli import main as cli_main
        from .selftest import run_self_test

        return run_self_test(cli_main, verbose="--quiet" not in argv)
    if "--startup-probe" in argv:
        from .selftest import run_startup_probe

        return run_startup_probe([a for a in argv if a != "--startup-probe"])
    from .cli import SUBCOMMANDS

    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        from .cli import main as cli_main

        return cli_main(argv)
    # Words that are not option values (Qt's `-platform offscreen`, `-style fusion` take one).
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or not argv[i - 1].startswith("-"))]
    if words and not _opens_in_window(words[0]):
        # Not a command and not a run folder: say so (on a server the window would just hang).
        from difflib import get_close_matches

        close = get_close_matches(words[0], SUBCOMMANDS, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        print(f"gan-studio: error: '{words[0]}' is neither a command ({', '.join(SUBCOMMANDS)}) nor a run folder; "
              f"{hint}see gan-studio --help", file=sys.stderr)
        return 2
    try:
        from .app.main import run_app
    except ImportError as exc:  # pragma: no cover - only when Qt is missing
        print(f"gan-studio: the desktop app cannot start ({exc}); the headless commands still work: gan-studio --help",
              file=sys.stderr)
        return 1
    return run_app(argv)


def _opens_in_window(word: str) -> bool:
    """A run folder (or its run.json), or a shared setup file (a double-click on one runs `gan-studio FILE`),
    that the window can open."""
    from pathlib import Path

    from .core.setup import is_setup_file

    path = Path(word)
    try:
        return ((path.is_dir() and (path / "run.json").is_file()) or (path.is_file() and path.name == "run.json")
                or (path.is_file() and is_setup_file(path)))
    except OSError:
        return False


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
