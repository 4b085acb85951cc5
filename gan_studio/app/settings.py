"""Persistent app settings (QSettings in an INI file under the user data folder).

Kept next to the runs (`GAN_STUDIO_HOME` moves both), so tests never touch a
real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..paths import user_data_dir

MAX_RECENT = 8


class AppSettings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else user_data_dir() / "settings.ini"
        self.q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.kept_aside: Path | None = None
        if self.q.status() == QSettings.Status.FormatError:
            # a damaged file: keep it aside (the next write would replace it) and say so at the next start
            from ..core.atomic import set_aside
            from .i18n import tr

            del self.q
            self.kept_aside = set_aside(self.path)
            where = self.path if self.kept_aside is not None else self.path.with_name(self.path.stem + ".new.ini")
            self.q = QSettings(str(where), QSettings.Format.IniFormat)      # never written over the damaged one
            if self.kept_aside is not None:
                self.set_pending_notice(tr("The settings file could not be read; it was kept as {path} and the "
                                           "settings start afresh.").format(path=self.kept_aside))

    # ----------------------------------------------------------- recent runs
    def recent_runs(self) -> list[str]:
        value = self.q.value("recent_runs", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_run(self, path) -> None:
        path = str(Path(path).resolve())
        runs = [p for p in self.recent_runs() if p != path]
        self.q.setValue("recent_runs", [path] + runs[: MAX_RECENT - 1])
        self.q.sync()

    def remove_recent_run(self, path) -> None:
        self.q.setValue("recent_runs", [p for p in self.recent_runs() if p != str(path)])
        self.q.sync()

    def clear_recent_runs(self) -> None:
        self.q.setValue("recent_runs", [])
        self.q.sync()

    # -------------------------------------------------------------- geometry
    def save_window(self, window) -> None:
        self.q.setValue("window/geometry", window.saveGeometry())
        self.q.setValue("window/state", window.saveState())
        self.q.sync()

    def restore_window(self, window) -> bool:
        geometry = self.q.value("window/geometry")
        state = self.q.value("window/state")
        ok = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            ok = window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            window.restoreState(state)
        return ok

    # ------------------------------------------------------ one-time notices
    def pending_notice(self) -> str:
        return str(self.q.value("notice", "") or "")

    def set_pending_notice(self, text: str) -> None:
        self.q.setValue("notice", text)
        self.q.sync()

    # -------------------------------------------------------------- language
    def language(self) -> str:
        """The View ▸ Language choice: "" follows the system, "en", "zh_CN" (applies at the next start)."""
        from .i18n import LANGUAGES

        value = str(self.q.value("language", "") or "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        from .i18n import LANGUAGES

        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self.q.setValue("language", language)
        self.q.sync()
