"""Packaging: the PyInstaller spec ships every resource the app opens, frozen paths work,
and the self-test passes from source (and from a built bundle when dist/ has one)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import bundle_contents as bc  # noqa: E402

SPEC = PACKAGING / "gan_studio.spec"


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE while the spec is executed."""

    calls: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], list(kwargs.get("datas", [])), [], []
        _Recorder.calls.append((type(self).__name__, self))


def _evaluate_spec(monkeypatch, platform: str = sys.platform, mnist: Path | None = None) -> dict:
    kinds = {name: type(name, (_Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    # Stand in for the one PyInstaller helper the spec calls (the real one imports the app: slow).
    import types

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name, **kw: [name]
    for mod, obj in (("PyInstaller", types.ModuleType("PyInstaller")),
                     ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
                     ("PyInstaller.utils.hooks", hooks)):
        monkeypatch.setitem(sys.modules, mod, obj)
    _Recorder.calls = []
    if mnist is None:
        monkeypatch.delenv(bc.MNIST_ENV, raising=False)
    else:
        monkeypatch.setenv(bc.MNIST_ENV, str(mnist))
    real_platform = sys.platform
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(PACKAGING), "__file__": str(SPEC), **kinds}
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), namespace)
    monkeypatch.setattr(sys, "platform", real_platform)
    calls: dict = {}
    for name, obj in _Recorder.calls:
        calls.setdefault(name, []).append(obj)
    return calls


def _spec_datas(monkeypatch, **kw) -> list[tuple[str, str]]:
    return _evaluate_spec(monkeypatch, **kw)["Analysis"][0].kwargs["datas"]


def _referenced_resource_paths() -> set[tuple[str, ...]]:
    """Every `resource_path("a", "b")` call with literal arguments in the package source."""
    found = set()
    for py in (ROOT / "gan_studio").rglob("*.py"):
        tree = ast.parse(py.read_text("utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "resource_path"
                    and node.args and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)):
                found.add(tuple(a.value for a in node.args))
    return found


# ------------------------------------------------------------------ the spec's datas

def test_required_resources_exist_in_the_source_tree():
    missing = [r for r in bc.REQUIRED_RESOURCES if not (bc.RESOURCES / r).is_file()]
    assert not missing, f"resources missing from resources/: {missing}"


def test_spec_ships_every_resource_file(monkeypatch):
    shipped = bc.bundled_resource_paths(_spec_datas(monkeypatch))
    wanted = set(bc.REQUIRED_RESOURCES) | {r for r in bc.OPTIONAL_RESOURCES if (bc.RESOURCES / r).is_file()}
    assert not wanted - shipped, f"the spec does not bundle {sorted(wanted - shipped)}"
    on_disk = {p.relative_to(bc.RESOURCES).as_posix() for p in bc.RESOURCES.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert not on_disk - shipped, f"files under resources/ left out of the bundle: {sorted(on_disk - shipped)}"


def test_every_resource_the_code_opens_is_shipped(monkeypatch):
    shipped = bc.bundled_resource_paths(_spec_datas(monkeypatch))
    listed = set(bc.REQUIRED_RESOURCES) | set(bc.OPTIONAL_RESOURCES)
    problems = []
    for parts in sorted(_referenced_resource_paths()):
        rel = "/".join(parts)
        if parts[0] == "datasets":        # optional full datasets (build.py --mnist)
            continue
        src = bc.RESOURCES / rel
        if src.is_dir():
            if not any(s.startswith(rel + "/") for s in shipped):
                problems.append(f"{rel}/ (folder) ships no files")
        elif src.is_file():
            if rel not in shipped:
                problems.append(f"{rel} is not bundled")
        elif rel not in listed:
            problems.append(f"{rel} is opened by the code but neither exists nor is listed in bundle_contents")
    assert not problems, problems


def test_spec_ships_full_mnist_when_asked(monkeypatch, tmp_path):
    for name in bc.MNIST_FILES:
        (tmp_path / name).write_bytes(b"x")
    shipped = bc.bundled_resource_paths(_spec_datas(monkeypatch, mnist=tmp_path))
    assert {f"datasets/mnist/{n}" for n in bc.MNIST_FILES} <= shipped


def test_spec_excludes_and_executables(monkeypatch):
    calls = _evaluate_spec(monkeypatch, platform="linux")
    excludes = calls["Analysis"][0].kwargs["excludes"]
    for name in ("PyQt5", "PyQt6", "PySide2", "tkinter", "matplotlib", "triton"):
        assert name in excludes
    for needed in ("torch", "PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtCore", "PySide6.QtSvg", "numpy"):
        assert needed not in excludes
    assert [e.kwargs["name"] for e in calls["EXE"]] == ["gan-studio"]
    assert calls["COLLECT"][0].kwargs["name"] == "gan-studio"
    assert "BUNDLE" not in calls
    win = _evaluate_spec(monkeypatch, platform="win32")
    assert [(e.kwargs["name"], e.kwargs["console"]) for e in win["EXE"]] == [("gan-studio", False), ("gan-studio-cli", True)]
    mac = _evaluate_spec(monkeypatch, platform="darwin")
    bundle = mac["BUNDLE"][0].kwargs
    assert bundle["name"] == "GAN Studio.app" and bundle["bundle_identifier"] == bc.BUNDLE_ID
    assert bundle["info_plist"]["NSHighResolutionCapable"] is True


def test_bundle_filters_keep_what_torch_and_qt_load():
    keep = ["torch/lib/libtorch_cpu.so", "torch/lib/libc10.so", "torch/_C.cpython-311-x86_64-linux-gnu.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "resources/presets/dcgan.json",
            "torch/bin/torch_shm_manager"]
    drop = ["torch/include/ATen/ATen.h", "torch/test/test_api", "torch/bin/protoc", "PySide6/Qt/qml/QtQuick/qmldir",
            "torch/lib/libtorchbind_test.so"]
    assert all(bc.keep_in_bundle(p) for p in keep)
    assert not any(bc.keep_in_bundle(p) for p in drop)


# ------------------------------------------------------------------ frozen resource lookup

def _fake_bundle(tmp_path: Path, datas) -> Path:
    bundle = tmp_path / "bundle"
    for src, dest in datas:
        target = bundle / dest
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target / Path(src).name)
    return bundle


def test_resource_path_inside_a_frozen_bundle(monkeypatch, tmp_path):
    from gan_studio import paths

    bundle = _fake_bundle(tmp_path, _spec_datas(monkeypatch))
    monkeypatch.delenv("GAN_STUDIO_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resources_root() == bundle / "resources"
    assert paths.resource_path("presets", "dcgan.json") == bundle / "resources" / "presets" / "dcgan.json"
    for rel in bc.REQUIRED_RESOURCES:
        assert paths.resource_path(*rel.split("/")).is_file(), rel

    from gan_studio.core.data import load_dataset
    from gan_studio.core.config import DataConfig
    from gan_studio.core.presets import load_presets

    load_presets.cache_clear()
    try:
        assert len(load_presets()) >= 5
    finally:
        load_presets.cache_clear()
    from gan_studio.core.data.loading import sample_files

    files = sample_files()
    assert all(p.is_file() and p.parent == bundle / "resources" / "data" for p in files.values()), files
    data = load_dataset(DataConfig(source="sample", holdout=100))
    assert data.identity["source"] == "sample" and len(data.heldout) == 100 and len(data.train) > 0
    assert data.identity["train_count"] == len(data.train)
    # The digits were read from the bundle's copies: same names, sizes and checksums.
    import hashlib

    bundled = {p.name: (p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files.values()}
    assert {f["file"]: (f["bytes"], f["sha256"]) for f in data.identity["files"]} == bundled


def test_bundled_mnist_is_used_when_the_cache_has_none(monkeypatch, tmp_path, mnist_dir):
    from gan_studio.core.data import dataset_catalog
    from gan_studio.core.data.catalog import usable_dataset_dir

    bundle = _fake_bundle(tmp_path, bc.datas(mnist_dir=mnist_dir))
    monkeypatch.delenv("GAN_STUDIO_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert usable_dataset_dir("mnist") == bundle / "resources" / "datasets" / "mnist"
    mnist = next(d for d in dataset_catalog() if d.key == "mnist")
    assert mnist.cached and mnist.path == bundle / "resources" / "datasets" / "mnist"


# ------------------------------------------------------------------ Linux desktop entry

def test_desktop_entry_installs_for_the_user(tmp_path):
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    desktop = (PACKAGING / "linux" / "gan-studio.desktop").read_text("utf-8")
    for key in ("[Desktop Entry]", "Type=Application", "Name=GAN Studio", "Exec=", "Icon=gan-studio"):
        assert key in desktop
    bundle = tmp_path / "gan-studio"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    exe = bundle / "gan-studio"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    icon_src = bc.RESOURCES / "icons" / "gan-studio.svg"
    if icon_src.is_file():
        shutil.copy2(icon_src, bundle / "_internal" / "resources" / "icons")
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    subprocess.run(["bash", str(PACKAGING / "linux" / "install-desktop-entry.sh"), str(bundle)],
                   check=True, env=env, capture_output=True, timeout=60)
    installed = home / ".local" / "share" / "applications" / "gan-studio.desktop"
    text = installed.read_text("utf-8")
    assert f"Exec={exe}" in text or f'Exec="{exe}"' in text


# ------------------------------------------------------------------ the self-test

def _run_self_test(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GAN_STUDIO_RESOURCES",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


WINDOW_WRITTEN = (ROOT / "gan_studio" / "app" / "main_window.py").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not WINDOW_WRITTEN, reason="gan_studio/app/main_window.py does not exist yet")
def test_self_test_from_source_passes():
    proc = _run_self_test([sys.executable, "-m", "gan_studio", "--self-test"], timeout=240)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "self-test passed" in proc.stdout


FROZEN = ROOT / "dist" / "gan-studio" / ("gan-studio-cli.exe" if sys.platform.startswith("win") else "gan-studio")


@pytest.mark.slow
@pytest.mark.skipif(not FROZEN.is_file(), reason="no built bundle in dist/gan-studio (run packaging/build.py)")
@pytest.mark.skipif(not WINDOW_WRITTEN, reason="gan_studio/app/main_window.py does not exist yet")
def test_frozen_self_test_passes():
    proc = _run_self_test([str(FROZEN), "--self-test"], timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "from a frozen bundle" in proc.stdout or "frozen bundle" in proc.stdout
