"""`gan-studio` opens the desktop app; `gan-studio <subcommand>` runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from .cli import SUBCOMMANDS

    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        from .cli import main as cli_main

        return cli_main(argv)
    try:
        from .app.main import run_app
    except ImportError as exc:  # pragma: no cover - only when Qt is missing
        print(f"gan-studio: the desktop app cannot start ({exc}); the headless commands still work: gan-studio --help",
              file=sys.stderr)
        return 1
    return run_app(argv)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
