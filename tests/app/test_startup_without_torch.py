"""The app's start-up shows the window before PyTorch loads (issue 9, part 4).

Run in a fresh interpreter where importing torch fails until the test allows it: building and showing
the main window must not import torch; once the background import runs, the device list, the parameter
count and the shipped generator fill in.  When torch cannot load at all, the window says so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import json, sys, time


    class BlockTorch:
        on = True

        def find_spec(self, name, path=None, target=None):
            if self.on and (name == "torch" or name.startswith("torch.")):
                raise ImportError("blocked by the test: " + name)


    def spin(app, seconds, until=lambda: False):
        end = time.time() + seconds
        while time.time() < end and not until():
            app.processEvents()
            time.sleep(0.01)


    if __name__ == "__main__":
        allow_later = sys.argv[1] == "allow-later"
        block = BlockTorch()
        sys.meta_path.insert(0, block)
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        from gan_studio.app.torch_loader import torch_loader

        loader = torch_loader()
        loader.defer()                      # what run_app does before it builds the window
        from gan_studio.app import main_window

        w = main_window.MainWindow(threads=1, defer_pretrained=True)
        w.show()
        spin(app, 1.0)
        out = {"torch_before": "torch" in sys.modules,
               "device_before": w.status.text("device"),
               "params_before": w.arch_panel.param_label.text(),
               "model_before": w.model_source.model is not None}
        if allow_later:   # Train before PyTorch is in the window: training runs in its own process
            w.lifecycle.train()
            spin(app, 120, lambda: w.experiment.step >= 5)
            w.controller.pause()
            spin(app, 30, lambda: w.experiment.state == "paused")
            out.update(trained_steps=w.experiment.step, torch_after_training="torch" in sys.modules)
        block.on = not allow_later
        loader.failed.connect(w.torch_failed)
        loader.start()
        spin(app, 60, lambda: loader.state in ("ready", "failed") and (loader.state == "failed"
                                                                    or w.model_source.model is not None))
        spin(app, 0.3)
        out.update(state=loader.state, error=loader.error, device_after=w.status.text("device"),
                   params_after=w.arch_panel.param_label.text(),
                   devices=[w.arch_panel.device_combo.itemData(i) for i in range(w.arch_panel.device_combo.count())],
                   model_after=getattr(w.model_source.model, "name", None),
                   banner=w.banner.label.text() if w.banner.isVisible() else "",
                   threads=__import__("torch").get_num_threads() if loader.state == "ready" else None)
        w.controller.discard()
        w.close()
        print("RESULT " + json.dumps(out), flush=True)
""")


def _run(tmp_path, mode: str) -> dict:
    script = tmp_path / "start.py"
    script.write_text(SCRIPT, "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True, timeout=240,
                          cwd=str(tmp_path), env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_window_is_shown_before_torch_and_fills_in_once_it_loads(tmp_path):
    r = _run(tmp_path, "allow-later")
    # Built, shown and running its event loop for a second without importing torch.
    assert r["torch_before"] is False
    assert r["device_before"] == "Preparing PyTorch…"
    assert r["params_before"] == "Parameters: counted once PyTorch has loaded…"
    assert r["model_before"] is False
    # Training needs no torch in the window's process (the protocol's events unpickle without it).
    assert r["trained_steps"] >= 5 and r["torch_after_training"] is False
    # Then the background import: the views that waited fill in.
    assert r["state"] == "ready", r
    assert r["device_after"].startswith("CPU"), r
    assert r["params_after"].startswith("G ") and "parameters" in r["params_after"], r
    assert r["devices"][:2] == ["auto", "cpu"]
    assert r["model_after"] == "pretrained-mnist"
    assert r["threads"] >= 1


def test_a_torch_that_cannot_load_is_named_in_the_window(tmp_path):
    r = _run(tmp_path, "never")
    assert r["torch_before"] is False
    assert r["state"] == "failed"
    assert "blocked by the test: torch" in r["error"]
    assert r["device_after"] == "PyTorch unavailable"
    assert r["model_after"] is None
    assert "PyTorch could not be loaded" in r["banner"], r
