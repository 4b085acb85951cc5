"""Entry point of the desktop app: `run_app(argv) -> exit code`."""

from __future__ import annotations

import sys
import traceback


def install_excepthook() -> None:
    """Show unexpected errors in a dialog instead of aborting the app."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .i18n import tr

    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        sys.stderr.write(text)
        app = QApplication.instance()
        if app is None or exc_type is KeyboardInterrupt:
            previous(exc_type, exc, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, tr("Unexpected error"),
                          tr("Something went wrong: {error}\n\nYour work has not been discarded; "
                             "saving the run now is a good idea.").format(error=exc))
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def run_app(argv: list[str] | None = None) -> int:
    """Open the main window (and the run folder named in `argv`, if any); returns the exit code."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .. import __version__
    from ..core.device import cpu_threads, set_threads
    from ..paths import APP_NAME, resource_path

    args = list(sys.argv[1:] if argv is None else argv)   # arguments, without the program name
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gan-studio"] + args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("GAN Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gan-studio")
    icon = resource_path("icons", "gan-studio.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    set_threads(cpu_threads())  # sampling in the window (no probe at start-up); training chooses its own
    from .i18n import install_translators
    from .settings import AppSettings

    install_translators(app, AppSettings().language())    # system locale, or View ▸ Language
    install_excepthook()

    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    run = next((a for a in args if not a.startswith("-")), None)
    if run:
        open_or_follow(window, run)
    return app.exec()


def open_or_follow(window, run) -> bool:
    """A run another process is still writing is followed (read-only, live); any other run is opened."""
    from ..core.follow import RunFollower
    from ..core.runs import RunError

    try:
        active = RunFollower(run).poll().active
    except RunError:
        active = False          # open_run explains what is wrong with it
    return window.follow_run(run) if active else window.lifecycle.open_run(run)


if __name__ == "__main__":
    raise SystemExit(run_app())
