"""Unexpected errors reach the user as a dialog and a log, also where there is no stderr."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from gan_studio.app.main import error_log_path, install_excepthook


def _raise_and_report():
    try:
        raise ValueError("the slot went wrong")
    except ValueError:
        sys.excepthook(*sys.exc_info())


def test_an_error_without_stderr_shows_the_dialog_and_is_logged(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)     # restored after the test
    monkeypatch.setattr(sys, "stderr", None)                   # a windowed app on Windows
    install_excepthook()
    _raise_and_report()
    assert len(shown) == 1
    text, details = shown[0]
    assert "the slot went wrong" in text
    assert "ValueError: the slot went wrong" in details and str(error_log_path()) in details
    log = error_log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: the slot went wrong" in log


def test_an_error_is_also_written_to_stderr_when_there_is_one(qapp, monkeypatch, capsys):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    _raise_and_report()
    assert "ValueError: the slot went wrong" in capsys.readouterr().err
