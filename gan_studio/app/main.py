"""Entry point of the desktop app: `run_app(argv) -> exit code`."""

from __future__ import annotations

import os
import sys
import traceback


def configure_qt() -> None:
    """Qt settings the app needs before its QApplication exists (the benchmarks call this too).

    QT_NO_GUI_THREADPOOL: Qt's raster painter hands every fill or image of more than ~96 lines to a pool of
    threads and waits for them.  While training keeps every core busy, each hand-off wakes a thread that takes
    a core from a training thread, and the GUI thread waits for it: the window trained 3–4 % faster and
    answered sooner without it (benchmarks/README.md, gui_responsiveness).  A value the user set is kept (Qt
    only checks whether the variable is set, whatever its value).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def error_log_path():
    from ..paths import user_data_dir

    return user_data_dir() / "logs" / "errors.log"


def record_error(text: str):
    """Write an unexpected error's report to stderr, when there is one, and to the error log; return the
    log's path (None if it could not be written).  A windowed app on Windows (the bundle's gan-studio.exe)
    has no stderr at all (`sys.stderr is None`): the log is where the report survives."""
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):   # a closed or broken stream
            pass
    try:
        import time

        path = error_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n{text}\n")
        return path
    except OSError:
        return None


def install_excepthook() -> None:
    """Show unexpected errors in a dialog instead of aborting the app."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .i18n import tr

    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log = record_error(text)
        if log is not None:
            text += "\n" + tr("This report was also written to {path}").format(path=log)
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


class _StartupTrace:
    """`GAN_STUDIO_STARTUP_TRACE=1`: one line per start-up phase, seconds since the process started
    (packaging/build.py records them beside the start-up probe's figure)."""

    def __init__(self):
        import os
        import time

        self.on = bool(os.environ.get("GAN_STUDIO_STARTUP_TRACE"))
        if self.on:
            from ..proctime import process_start_time

            self.t0 = process_start_time() or time.time()

    def __call__(self, phase: str) -> None:
        if self.on:
            import time

            # wall: since the process started; cpu: this process's CPU time so far (less sensitive to a
            # busy machine than the wall time)
            print(f"startup-trace: {phase}: wall {time.time() - self.t0:.3f} s, cpu {time.process_time():.3f} s",
                  flush=True)


def show_splash(app):
    """A small "preparing…" window, shown while the main window's modules load and it is built (a second
    or more on a busy machine), so a double-click gets an answer at once.  Closed when the window is shown."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap
    from PySide6.QtWidgets import QLabel

    from ..paths import APP_NAME
    from .i18n import tr

    pixmap = QPixmap(440, 150)
    pixmap.fill(QColor("#23262e"))
    painter = QPainter(pixmap)
    icon = app.windowIcon()
    if not icon.isNull():
        icon.paint(painter, QRect(28, 35, 80, 80))
    painter.setPen(QColor("#ffffff"))
    font = painter.font()
    font.setPointSize(17)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(128, 38, 300, 36), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, APP_NAME)
    font.setPointSize(10)
    font.setBold(False)
    painter.setFont(font)
    painter.setPen(QColor("#c8ccd4"))
    painter.drawText(QRect(128, 78, 300, 40), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                     tr("Preparing the window…"))
    painter.end()
    # A plain frameless label, not QSplashScreen: its show() waits up to a second for the window
    # system to report the window exposed (measured: 1.0 s lost on every start with the offscreen platform).
    splash = QLabel(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setObjectName("startupSplash")
    splash.setPixmap(pixmap)
    splash.setFixedSize(pixmap.size())
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    splash.show()
    app.processEvents()
    return splash


def run_app(argv: list[str] | None = None) -> int:
    """Open the main window (and the run folder named in `argv`, if any); returns the exit code.

    What runs before the window, in order: Qt and the app's light modules, the translators, a
    "preparing…" splash, the window's modules and the window.  PyTorch loads after that, on a background
    thread (`torch_loader.py`); the status bar says "Preparing PyTorch…" until it is in.
    """
    trace = _StartupTrace()
    trace("python and the entry point loaded")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .. import __version__
    from ..paths import APP_NAME, resource_path

    args = list(sys.argv[1:] if argv is None else argv)   # arguments, without the program name
    configure_qt()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gan-studio"] + args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("GAN Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gan-studio")
    icon = resource_path("icons", "gan-studio.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    from .i18n import install_translators
    from .settings import AppSettings

    install_translators(app, AppSettings().language())    # system locale, or View ▸ Language
    install_excepthook()
    trace("Qt application created")
    splash = show_splash(app)
    trace("splash shown")
    from .torch_loader import torch_loader

    loader = torch_loader()
    loader.defer()          # PyTorch loads after the window is shown: views that need it wait for it
    try:
        from .main_window import MainWindow

        trace("window modules imported")
        window = MainWindow(defer_pretrained=True)    # Gallery/Explore fill in once PyTorch has loaded
        trace("main window built")
        window.show()
        trace("main window shown")
    finally:
        splash.close()
    loader.ready.connect(lambda: trace("torch imported"))
    loader.failed.connect(window.torch_failed)
    loader.start()
    run = next((a for a in args if not a.startswith("-")), None)
    if run:
        open_or_follow(window, run)
    code = app.exec()
    if not loader.wait(0):
        exit_during_import(code, window)
    return code


def exit_during_import(code: int, window=None) -> None:
    """The window closed while PyTorch still imports on its thread: end the process now (issue 26: Ctrl+Q took
    3–10 s waiting for the import; letting Python finalize around a half-imported torch can crash instead).

    By now the window has closed the way it always does: a run was saved, or the user chose not to (its
    `closeEvent` does that synchronously) and the training process has ended.  What Python's exit would still
    do is done here: the settings written to disk, the atexit handlers run, the output flushed."""
    import atexit

    try:
        if window is not None:
            window.settings.q.sync()
    except Exception:  # noqa: BLE001 - a settings file that cannot be written must not keep the process alive
        pass
    try:
        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - a closed or broken pipe
                pass
        os._exit(code)


def open_or_follow(window, run) -> bool:
    """A run another process is still writing is followed (read-only, live); any other run is opened."""
    from ..core.run_folders.follow import RunFollower
    from ..core.run_folders.runs import RunError

    try:
        active = RunFollower(run).poll().active
    except RunError:
        active = False          # open_run explains what is wrong with it
    return window.follow_run(run) if active else window.lifecycle.open_run(run)


if __name__ == "__main__":
    raise SystemExit(run_app())
