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
import elfinfo  # noqa: E402
import system_libs  # noqa: E402

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


def test_slimming_drops_what_is_never_loaded_and_keeps_what_is():
    """The exclusion patterns: each item dropped to reach the size limit stays dropped, and what the
    app loads (xcb, wayland, offscreen, Qt's zh_CN strings, numpy's repaired libraries) stays."""
    dropped = [
        "libstdc++.so.6", "libexpat.so.1", "libmvec.so.1", "libm.so.6", "libc.so.6",
        "PySide6/Qt/translations/qt_de.qm", "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qt_help_zh_CN.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6/Qt/plugins/platforms/libqminimalegl.so", "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "libQt6EglFsKmsSupport.so.6",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/plugins/networkinformation/libqglib.so",
        "PySide6/QtNetwork.abi3.so", "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libgtk-3.so.0", "libcairo.so.2", "libpango-1.0.so.0",
        "libgio-2.0.so.0", "libharfbuzz.so.0", "pillow.libs/libavif-c6062d5f.so.16.4.2",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
    ]
    kept = [
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "numpy.libs/libscipy_openblas64_-32a4b2a6.so", "pillow.libs/libwebp-0c5118d0.so.7.2.0",
        "torch/nn/modules/module.py", "torch/lib/libtorch_cpu.so", "libglib-2.0.so.0", "libgcc_s.so.1",
        "libfontconfig.so.1", "libxkbcommon.so.0",
    ]
    assert [p for p in dropped if bc.keep_in_bundle(p)] == []
    assert [p for p in kept if not bc.keep_in_bundle(p)] == []
    for name in ("networkx", "jinja2", "setuptools", "fsspec", "filelock", "PySide6.QtNetwork"):
        assert name in bc.EXCLUDED_MODULES
    for name in ("torch", "numpy", "PIL", "av", "sympy", "PySide6.QtSvg"):
        assert name not in bc.EXCLUDED_MODULES


def test_elf_reader_matches_binutils():
    """The pure-Python reader finds the same needed libraries and highest GLIBC version as readelf/objdump."""
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF files are a Linux matter")
    candidates = [Path(sys.executable).resolve()] + sorted(Path(sys.base_prefix, "lib").glob("libpython3*.so*"))
    import numpy

    candidates += sorted(Path(numpy.__file__).parent.joinpath("_core").glob("_multiarray_umath*.so"))
    files = [p for p in candidates if p.is_file() and elfinfo.is_elf(p)]
    assert files
    for path in files:
        info = elfinfo.read_elf(path)
        assert info.versions, path
        if shutil.which("objdump"):
            import re

            out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
            needed = re.findall(r"^\s+NEEDED\s+(\S+)", out, re.M)
            assert info.needed == needed, path
            versions = [tuple(map(int, v.split("."))) for v in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", out)]
            if versions:
                assert info.highest("GLIBC") == max(versions), path
    assert not elfinfo.is_elf(Path(__file__))


# ------------------------------------------------------------------ a built bundle (dist/ or the unpacked archive)

BUNDLE = Path(os.environ.get("GAN_STUDIO_BUNDLE_DIR") or ROOT / "dist" / "gan-studio")
needs_bundle = pytest.mark.skipif(not (BUNDLE / "_internal").is_dir() or not sys.platform.startswith("linux"),
                                  reason=f"no built Linux bundle at {BUNDLE} (run packaging/build.py)")


@needs_bundle
def test_bundle_glibc_floor():
    """No bundled ELF file needs a newer glibc than the README promises (bc.GLIBC_FLOOR), none needs
    GLIBC_PRIVATE, glibc's own libraries are not bundled, and the system libstdc++ is new enough."""
    problems = []
    scanned = 0
    for path in elfinfo.elf_files(BUNDLE):
        scanned += 1
        rel = path.relative_to(BUNDLE).as_posix()
        info = elfinfo.read_elf(path)
        need = info.highest("GLIBC")
        if need and need > bc.GLIBC_FLOOR:
            problems.append(f"{rel} needs GLIBC_{elfinfo.version_str(need)}")
        if info.private():
            problems.append(f"{rel} needs {sorted(info.private())}")
        if elfinfo.is_glibc_own(path.name):
            problems.append(f"{rel} is one of glibc's own libraries")
        cxx = info.highest("GLIBCXX")
        if cxx and cxx > bc.GLIBCXX_FLOOR:
            problems.append(f"{rel} needs GLIBCXX_{elfinfo.version_str(cxx)}")
    assert scanned > 100, f"only {scanned} ELF files under {BUNDLE}"
    assert not problems, problems


@needs_bundle
def test_bundle_size_and_dropped_items():
    files = [p for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()]
    total_mib = sum(p.stat().st_size for p in files) / 2**20
    assert total_mib <= bc.SIZE_LIMIT_MIB, f"bundle is {total_mib:.1f} MiB, over {bc.SIZE_LIMIT_MIB} MiB"
    assert bc.dropped_files(BUNDLE) == []
    internal = BUNDLE / "_internal"
    for needed in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/translations/qtbase_zh_CN.qm",
                   "torch/nn/modules/module.py", "resources/presets/quick-digits.json"):
        assert (internal / needed).is_file(), needed
    report = ROOT / "dist" / "build-report.json"
    if report.is_file():
        import json

        packages = json.loads(report.read_text("utf-8")).get("archived_packages")
        if packages is not None:
            assert not set(packages) & set(bc.EXCLUDED_PACKAGES), "excluded packages are in the module archive"
            assert {"torch", "numpy", "gan_studio", "PySide6"} <= set(packages)


@needs_bundle
def test_bundle_libraries_resolve():
    """Every library a bundled ELF file links is in the bundle, on this system, or one the README's apt line
    installs (packaging/system_libs.py): nothing the slimming dropped is still needed (glibc, libstdc++,
    libexpat come from the system)."""
    names = {p.name for p in BUNDLE.rglob("*")}
    proc = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True)
    system = {line.split()[0] for line in proc.stdout.splitlines()[1:] if line.strip()}
    assert "libc.so.6" in system, "ldconfig -p listed no system libraries"
    missing = set()
    for path in elfinfo.elf_files(BUNDLE):
        for lib in elfinfo.read_elf(path).needed:
            if (lib not in names and lib not in system and not lib.startswith(bc.DESKTOP_LIBRARIES)
                    and lib not in system_libs.DEBIAN_PACKAGES):      # the README's apt line installs these
                missing.add(f"{path.relative_to(BUNDLE)} -> {lib}")
    assert not missing, sorted(missing)
    # What the slimming dropped on purpose and something still links must be on this (any) system.
    dropped_needed = {lib for path in elfinfo.elf_files(BUNDLE) for lib in elfinfo.read_elf(path).needed
                      if lib not in names and not bc.keep_in_bundle(lib)}
    assert dropped_needed - system_libs.DEBIAN_PACKAGES.keys() <= system, sorted(dropped_needed - system)
    assert {"libstdc++.so.6", "libexpat.so.1"} & dropped_needed, "expected libstdc++/libexpat to come from the system"


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

MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
                   "Office", "Science", "Settings", "System", "Utility"}


def _unescape_string(value: str) -> str:
    """A Desktop Entry value of type string: \\s \\n \\t \\r \\\\ escapes."""
    out, i = [], 0
    table = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    while i < len(value):
        c = value[i]
        if c == "\\":
            assert i + 1 < len(value) and value[i + 1] in table, f"bad string escape in {value!r}"
            out.append(table[value[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _parse_exec(value: str) -> list[str]:
    """The Exec key per the Desktop Entry spec: string unescape, then quoting, then %% and field codes."""
    s = _unescape_string(value)
    args, i = [], 0
    while i < len(s):
        if s[i] == " ":
            i += 1
        elif s[i] == '"':
            i += 1
            buf = []
            while True:
                assert i < len(s), f"unterminated quote in {value!r}"
                c = s[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    assert s[i + 1] in '"`$\\', f"bad quoted escape in {value!r}"
                    buf.append(s[i + 1])
                    i += 2
                    continue
                assert c not in '`$', f"unescaped {c!r} in a quoted argument of {value!r}"
                buf.append(c)
                i += 1
            arg = "".join(buf)
            assert "%" not in arg.replace("%%", ""), f"field code inside a quoted argument: {value!r}"
            args.append(arg.replace("%%", "%"))
        else:
            j = s.find(" ", i)
            j = len(s) if j < 0 else j
            word = s[i:j]
            assert not set(word) & RESERVED, f"reserved character outside quotes in {value!r}"
            if word.startswith("%") and len(word) == 2 and word != "%%":
                args.append(word)                           # a field code such as %F
            else:
                assert "%" not in word.replace("%%", ""), f"stray % in {value!r}"
                args.append(word.replace("%%", "%"))
            i = j
    return args


def _desktop_keys(text: str) -> dict[str, str]:
    keys = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            keys[k] = v
    return keys


def test_desktop_template_has_one_main_category():
    keys = _desktop_keys((PACKAGING / "linux" / "gan-studio.desktop").read_text("utf-8"))
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert key in keys
    categories = [c for c in keys["Categories"].split(";") if c]
    assert len(set(categories) & MAIN_CATEGORIES) == 1, categories


def test_exec_parser_of_this_test_follows_the_spec():
    # Examples worked out from the spec text: \\\\ in the file is one literal backslash in a quoted argument.
    assert _parse_exec('"/opt/a b/gan-studio" %F') == ["/opt/a b/gan-studio", "%F"]
    assert _parse_exec('"/x/\\\\$y\\\\\\\\z" %F') == ["/x/$y\\z", "%F"]
    assert _parse_exec('"/x/100%%" %F') == ["/x/100%", "%F"]
    with pytest.raises(AssertionError):
        _parse_exec("/opt/a&b/gan-studio %F")
    with pytest.raises(AssertionError):
        _parse_exec('"/opt/100%/gan-studio" %F')


def _fake_bundle_dir(parent: Path) -> Path:
    bundle = parent / "gan-studio"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    exe = bundle / "gan-studio"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    icon_src = bc.RESOURCES / "icons" / "gan-studio.svg"
    if icon_src.is_file():
        shutil.copy2(icon_src, bundle / "_internal" / "resources" / "icons")
    return bundle


def _install_entry(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg data é"))
    return subprocess.run(["bash", str(PACKAGING / "linux" / "install-desktop-entry.sh"), *args],
                          env=env, capture_output=True, text=True, timeout=60)


HARD_FOLDER_NAMES = [
    "plain",
    "with space",
    "Apps & Tools | 100% \"best\" it's",
    "dollar $HOME `date` back\\slash; #hash (x) *?<>~",
    "Téléchargements 中文 é",
]


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform.startswith("win"), reason="needs bash")
@pytest.mark.parametrize("folder", HARD_FOLDER_NAMES)
def test_desktop_entry_installs_with_any_path(tmp_path, folder):
    bundle = _fake_bundle_dir(tmp_path / folder)
    exe = bundle / "gan-studio"
    home = tmp_path / "home"
    proc = _install_entry([str(bundle)], home)
    assert proc.returncode == 0, proc.stderr
    installed = home / "xdg data é" / "applications" / "gan-studio.desktop"
    keys = _desktop_keys(installed.read_text("utf-8"))
    assert _parse_exec(keys["Exec"]) == [str(exe), "%F"]
    assert _unescape_string(keys["TryExec"]) == str(exe)
    assert keys["Icon"] == "gan-studio"
    if (bc.RESOURCES / "icons" / "gan-studio.svg").is_file():
        assert (home / "xdg data é" / "icons" / "hicolor" / "scalable" / "apps" / "gan-studio.svg").is_file()
    # No temporary file left behind; uninstall removes the entry and the icons.
    assert [p.name for p in installed.parent.iterdir()] == ["gan-studio.desktop"]
    proc = _install_entry(["--uninstall"], home)
    assert proc.returncode == 0, proc.stderr
    assert not installed.exists()
    assert not list((home / "xdg data é" / "icons").rglob("gan-studio.*"))


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform.startswith("win"), reason="needs bash")
def test_desktop_entry_fails_loudly(tmp_path):
    home = tmp_path / "home"
    # Not a bundle folder / no executable in it.
    proc = _install_entry([str(tmp_path / "missing")], home)
    assert proc.returncode != 0 and "not a folder" in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = _install_entry([str(empty)], home)
    assert proc.returncode != 0 and "not an executable" in proc.stderr
    # The applications folder cannot be created (a file is in the way): non-zero, nothing written.
    bundle = _fake_bundle_dir(tmp_path / "ok")
    (home / "xdg data é").mkdir(parents=True)
    (home / "xdg data é" / "applications").write_text("in the way")
    proc = _install_entry([str(bundle)], home)
    assert proc.returncode != 0, proc.stdout
    assert (home / "xdg data é" / "applications").read_text() == "in the way"


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


FROZEN = BUNDLE / ("gan-studio-cli.exe" if sys.platform.startswith("win") else "gan-studio")


@pytest.mark.slow
@pytest.mark.skipif(not FROZEN.is_file(), reason="no built bundle in dist/gan-studio (run packaging/build.py)")
@pytest.mark.skipif(not WINDOW_WRITTEN, reason="gan_studio/app/main_window.py does not exist yet")
def test_frozen_self_test_passes():
    proc = _run_self_test([str(FROZEN), "--self-test"], timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "frozen bundle" in proc.stdout


def test_help_lists_self_test():
    from gan_studio.cli import build_parser

    text = build_parser().format_help()
    assert "--self-test" in text and "check this installation end to end" in text


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform.startswith("win"), reason="needs bash")
def test_desktop_entry_script_inside_the_bundle_needs_no_argument(tmp_path):
    """The archive ships the script and template beside the executable (build.py): run with no argument,
    it installs an entry for that folder."""
    bundle = _fake_bundle_dir(tmp_path / "Mes Apps é")
    for name in ("install-desktop-entry.sh", "gan-studio.desktop", "gan-studio-setup.xml"):
        shutil.copy2(PACKAGING / "linux" / name, bundle / name)
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    proc = subprocess.run(["bash", str(bundle / "install-desktop-entry.sh")], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    keys = _desktop_keys((home / "share" / "applications" / "gan-studio.desktop").read_text("utf-8"))
    assert _parse_exec(keys["Exec"]) == [str(bundle / "gan-studio"), "%F"]
    assert "run this script again" in proc.stdout


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform.startswith("win"), reason="needs bash")
def test_setup_files_get_a_type_that_opens_them_in_gan_studio(tmp_path):
    """Issue 26: a setup file could not be double-clicked open.  The menu entry declares the setup type and
    the script installs its shared-mime-info definition, whose magic matches what write_setup writes."""
    import xml.etree.ElementTree as ET

    from gan_studio.core.config import ExperimentConfig
    from gan_studio.core.setup import Setup, write_setup

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    source = PACKAGING / "linux" / "gan-studio-setup.xml"
    mime_type = ET.parse(source).getroot().find("m:mime-type", ns)
    kind = mime_type.get("type")
    keys = _desktop_keys((PACKAGING / "linux" / "gan-studio.desktop").read_text("utf-8"))
    assert kind in keys["MimeType"].split(";")
    match = mime_type.find("m:magic/m:match", ns)
    start, end = (int(x) for x in match.get("offset").split(":"))
    setup = tmp_path / "class.json"
    write_setup(setup, Setup(ExperimentConfig(), title="Tuesday"))
    assert match.get("value").encode() in setup.read_bytes()[start:end + len(match.get("value"))]

    home = tmp_path / "home"
    proc = _install_entry([str(_fake_bundle_dir(tmp_path / "bundle"))], home)
    assert proc.returncode == 0, proc.stderr
    installed = home / "xdg data é" / "mime" / "packages" / "gan-studio-setup.xml"
    assert installed.read_bytes() == source.read_bytes()
    assert _install_entry(["--uninstall"], home).returncode == 0
    assert not installed.exists()
