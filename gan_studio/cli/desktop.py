"""`gan-studio open`: the desktop app on a run folder or a shared setup file."""

from __future__ import annotations

from .common import CliError


def cmd_open(args) -> int:
    """The desktop app on a run folder (followed live while another process trains it, else opened) or on a
    shared setup file (its settings become the experiment)."""
    from ..core.run_folders.runs import RunFolder
    from ..core.setup import is_setup_file, read_setup

    if is_setup_file(args.run):
        read_setup(args.run)          # SetupError: a clear one-line error here rather than a dialog
    else:
        RunFolder.open(args.run)
    try:
        from ..app.main import run_app
    except ImportError as exc:  # pragma: no cover - only when Qt is missing
        raise CliError(f"the desktop app cannot start ({exc})") from None
    return run_app([args.run])
