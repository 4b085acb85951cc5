"""The core must stay importable and usable without Qt."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "gan_studio" / "core"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph", "qtpy")


def test_no_core_module_imports_qt():
    offenders = []
    for file in CORE.rglob("*.py"):
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{file.name}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_importing_core_and_cli_loads_no_qt():
    code = ("import sys, gan_studio.core.training.trainer, gan_studio.core.training.session, gan_studio.core.explore.generator, "
            "gan_studio.core.explore.latent, gan_studio.core.explore.exports, gan_studio.core.data, gan_studio.core.metrics, gan_studio.cli; "
            "print([m for m in sys.modules if m.split('.')[0] in %r])" % (QT_MODULES,))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
