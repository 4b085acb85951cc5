"""What goes into the GAN Studio bundle: shared by `gan_studio.spec`, `build.py` and the tests.

Keep this free of PyInstaller imports so the tests can use it without building.
"""

from __future__ import annotations

import fnmatch
import re
import os
from pathlib import Path

APP_NAME = "GAN Studio"
EXE_NAME = "gan-studio"
BUNDLE_ID = "org.ganstudio.GANStudio"
REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = REPO_ROOT / "resources"

# Env var naming a folder of the four MNIST IDX .gz files to ship as resources/datasets/mnist/.
MNIST_ENV = "GAN_STUDIO_BUNDLE_MNIST"
MNIST_FILES = (
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
)

# Resource files the app opens by name (relative to resources/).  The test fails when
# one of these exists in the source tree but is not covered by the spec's datas; the
# REQUIRED ones must also exist.
REQUIRED_RESOURCES = (
    "presets/quick-digits.json",
    "presets/seed-mlp.json",
    "presets/seed-mlp-fixed.json",
    "presets/dcgan.json",
    "presets/conditional-dcgan.json",
    "presets/wgan-gp.json",
    "data/manifest.json",
    "data/README.md",
    "translations/gan_studio_zh_CN.qm",
    "data/mnist-sample-train-images-idx3-ubyte.gz",
    "data/mnist-sample-train-labels-idx1-ubyte.gz",
    "data/mnist-sample-t10k-images-idx3-ubyte.gz",
    "data/mnist-sample-t10k-labels-idx1-ubyte.gz",
)
OPTIONAL_RESOURCES = (          # shipped when present (produced by separate steps)
    "models/digit_classifier.safetensors",
    "models/digit_classifier.json",
    "models/pretrained-mnist.safetensors",
    "icons/gan-studio.svg",
    "icons/gan-studio-256.png",
)

# Files never worth shipping (junk in resources/).
RESOURCE_JUNK = ("*.pyc", "__pycache__", ".DS_Store", "Thumbs.db", "*.tmp", ".*.swp")

# Python packages the app never imports: other Qt bindings, GUI toolkits, notebooks,
# CUDA/compiler stacks.  Measured: torch still imports and trains without these.
EXCLUDED_MODULES = [
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "matplotlib", "IPython", "ipykernel",
    "jupyter_client", "notebook", "triton", "nvidia", "cupy", "pytest", "_pytest",
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "OpenGL",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.QtQuick", "PySide6.QtQuick3D", "PySide6.QtQuickWidgets", "PySide6.QtQml",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtBluetooth",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtSerialPort",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtSql", "PySide6.QtXml",
    "PySide6.QtNetworkAuth", "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtWebChannel",
    "PySide6.QtWebSockets", "PySide6.QtHttpServer", "PySide6.QtSpatialAudio", "PySide6.QtTextToSpeech",
    # No network code in the app (downloads use urllib); TLS and network-information plugins go too.
    "PySide6.QtNetwork",
    # Pulled in by torch's optional parts (inductor, hub, distributed checkpoint), never imported by the
    # app: measured, every self-test check passes without them (~3.3 MB).
    "networkx", "jinja2", "markupsafe", "setuptools", "pkg_resources", "_distutils_hack", "fsspec", "filelock",
]

# Parts of the package for the tests and benchmarks only (the monkey engine imports PySide6.QtTest).
DEV_ONLY_MODULES = ("gan_studio.testing",)
EXCLUDED_MODULES += list(DEV_ONLY_MODULES) + ["PySide6.QtTest"]

# Top-level Python packages that must not be in the bundle's module archive (checked on the
# build report's list of archived packages by tests/test_packaging.py).
EXCLUDED_PACKAGES = ("networkx", "jinja2", "markupsafe", "setuptools", "pkg_resources", "fsspec", "filelock",
                     "PyQt5", "PyQt6", "PySide2", "tkinter", "matplotlib", "IPython", "triton", "pytest")

# Collected files (destination paths inside the bundle) dropped after analysis: torch's
# C++ headers, test binaries and static libraries, Qt translations and QML.  Never loaded.
EXCLUDED_BUNDLE_PATTERNS = [
    "torch/include/*", "torch/test/*", "torch/bin/*", "torch/share/*",
    "torch/lib/*.a", "torch/lib/libtorchbind_test*", "torch/lib/libjitbackend_test*",
    "torch/lib/libbackend_with_compiler*", "torch/lib/libaoti_custom_ops*",
    "torch/_inductor/codegen/*.h", "torch/utils/benchmark/*",
    "PySide6/Qt/translations/qtwebengine*", "PySide6/Qt/qml/*", "PySide6/Qt/lib/libQt6Quick*",
    "PySide6/Qt/lib/libQt6Qml*", "PySide6/Qt/lib/libQt6Pdf*", "PySide6/Qt/lib/libQt6WebEngine*",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*", "PySide6/Qt/plugins/platforminputcontexts/*virtualkeyboard*",
    "PySide6/qmlls*", "PySide6/qmlformat*", "PySide6/qmllint*", "PySide6/assistant*", "PySide6/designer*",
    "PySide6/linguist*", "PySide6/lupdate*", "PySide6/lrelease*", "PySide6/include/*",
    "PySide6/typesystems/*", "PySide6/glue/*",
    # Qt translations: the app installs only Qt's own zh_CN catalogues (kept below) beside its own.
    "PySide6/Qt/translations/*",
    # Platform plugins for framebuffers, VNC, EGLFS and headless-minimal: a desktop app needs xcb,
    # wayland (and offscreen for the self-test without a display).
    "PySide6/Qt/plugins/platforms/libqlinuxfb*", "PySide6/Qt/plugins/platforms/libqvnc*",
    "PySide6/Qt/plugins/platforms/libqeglfs*", "PySide6/Qt/plugins/platforms/libqminimal*",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay*", "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6EglFS*", "PySide6/Qt/lib/libQt6EglFs*", "libQt6EglFS*", "libQt6EglFs*",
    # Network: TLS backends, network-information plugins, the TUIO touch plugin (UDP) and QtNetwork.
    "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/generic/libqtuiotouchplugin*", "PySide6/QtNetwork*", "PySide6/Qt/lib/libQt6Network*",
    "libQt6Network*",
    # The GTK3 platform theme and the GTK/pango/cairo chain only it links (~9 MB): Qt's Fusion
    # style and the xdg-desktop-portal theme remain.
    "PySide6/Qt/plugins/platformthemes/libqgtk3*", "libatk-1.0.so*", "libcairo.so*", "libcairo-gobject.so*",
    "libgdk_pixbuf-2.0.so*", "libpango-1.0.so*", "libpangocairo-1.0.so*", "libpangoft2-1.0.so*",
    "libpixman-1.so*", "libfribidi.so*", "libthai.so*", "libdatrie.so*", "libgraphite2.so*",
    "libharfbuzz.so*", "libgio-2.0.so*", "libgobject-2.0.so*", "libgmodule-2.0.so*", "libmount.so*",
    "libblkid.so*", "libselinux.so*", "libjpeg.so*", "libXext.so*", "libXrender.so*",
    "libgtk-3.so*", "libgdk-3.so*", "libepoxy.so*", "libatk-bridge-2.0.so*", "libatspi.so*",
    # Pillow's AVIF codec (4.7 MB): the app reads and writes PNG/GIF only.
    "pillow.libs/libavif*", "PIL/_avif*",
    # System libraries that must come from the user's system, not the build machine:
    # glibc's own (libmvec needs GLIBC_PRIVATE of the exact glibc it was built with) and
    # libstdc++/libexpat, whose build-machine copies need GLIBC_2.36 and would override newer
    # system copies through the bundle's library path.
    "libmvec.so*", "libm.so*", "libc.so*", "ld-linux*", "libpthread.so*", "libdl.so*", "librt.so*",
    "libstdc++.so*", "libexpat.so*",
]


# ... except these, which are loaded at run time (torch refuses to import without its shm manager;
# the Chinese UI loads Qt's own zh_CN strings for standard dialogs and buttons).
KEPT_BUNDLE_PATTERNS = ["torch/bin/torch_shm_manager*", "PySide6/Qt/translations/qtbase_zh_CN.qm",
                        "PySide6/Qt/translations/qt_zh_CN.qm"]

# Highest glibc symbol version any bundled ELF file may need (checked by build.py and
# tests/test_packaging.py).  2.35 is what this build base (Debian 12, glibc 2.36, CPython
# 3.11 built there) reaches once the build machine's libstdc++/libexpat/libmvec stay out:
# the interpreter (libpython, cmath) and libgcc_s need GLIBC_2.35, Qt 6.11 needs 2.34.
# A lower floor needs an older build base: see the README ("Download and run").
GLIBC_FLOOR = (2, 35)
# libstdc++ now comes from the system: the newest GLIBCXX version a bundled file needs
# (GCC 11's libstdc++, i.e. Ubuntu 22.04, RHEL 9, Debian 12 and newer).
GLIBCXX_FLOOR = (3, 4, 29)
# Bundle size limit on disk (MiB, file sizes, symlinks not counted).
SIZE_LIMIT_MIB = 720

# Libraries the bundle expects from the user's desktop, never bundled: the Wayland client libraries
# (Qt's wayland platform loads only on a Wayland session, which has them) and the glibc/libstdc++/
# libexpat family dropped above.  tests/test_packaging.py fails when a bundled file needs a library
# that is neither in the bundle, nor on the build machine, nor in this list.
DESKTOP_LIBRARIES = ("libwayland-client.so", "libwayland-cursor.so", "libwayland-egl.so", "libwayland-server.so")

# Directories whose ELF files must never be stripped: auditwheel/delocate-repaired libraries
# (numpy.libs, pillow.libs, av.libs ...) break when their program headers move.
NO_STRIP_DIR_SUFFIX = ".libs"


def keep_in_bundle(dest: str) -> bool:
    """False for a collected file (its destination inside the bundle) that should be dropped."""
    dest = dest.replace(os.sep, "/")
    if any(fnmatch.fnmatch(dest, pat) for pat in KEPT_BUNDLE_PATTERNS):
        return True
    return not any(fnmatch.fnmatch(dest, pat) for pat in EXCLUDED_BUNDLE_PATTERNS)


def archive_name(platform: str | None = None, machine: str | None = None) -> str:
    """The release archive users download: gan-studio-linux-x86_64.tar.gz and its siblings."""
    import platform as _platform
    import sys

    platform = platform or sys.platform
    machine = (machine or _platform.machine()).lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    if platform.startswith("win"):
        return f"{EXE_NAME}-windows-{machine}.zip"
    if platform == "darwin":
        return f"{EXE_NAME}-macos-{machine}.dmg"
    return f"{EXE_NAME}-linux-{machine}.tar.gz"


def dropped_files(bundle: Path) -> list[str]:
    """Files of a built bundle that the exclusion patterns say must not be there (paths under _internal/)."""
    internal = Path(bundle) / "_internal"
    found = []
    for p in sorted(internal.rglob("*")):
        if p.is_file() or p.is_symlink():
            rel = p.relative_to(internal).as_posix()
            if not keep_in_bundle(rel):
                found.append(rel)
    return found


def mnist_dir_from_env() -> Path | None:
    value = os.environ.get(MNIST_ENV)
    if not value:
        return None
    folder = Path(value)
    missing = [f for f in MNIST_FILES if not (folder / f).is_file()]
    if missing:
        raise FileNotFoundError(f"{MNIST_ENV}={folder} lacks {', '.join(missing)}")
    return folder


def datas(resources: Path = RESOURCES, mnist_dir: Path | None = None) -> list[tuple[str, str]]:
    """PyInstaller `datas`: every file of resources/ (less junk) to resources/, plus optional MNIST.

    One entry per file, so the test can check coverage and junk stays out.
    """
    entries: list[tuple[str, str]] = []
    for path in sorted(resources.rglob("*")):
        rel = path.relative_to(resources)
        if not path.is_file() or any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in RESOURCE_JUNK):
            continue
        entries.append((str(path), str(Path("resources") / rel.parent)))
    if mnist_dir is not None:
        for name in MNIST_FILES:
            entries.append((str(Path(mnist_dir) / name), "resources/datasets/mnist"))
    return entries


def bundled_resource_paths(entries: list[tuple[str, str]]) -> set[str]:
    """The resources/-relative paths a datas list puts into the bundle."""
    out = set()
    for src, dest in entries:
        dest = dest.replace("\\", "/").rstrip("/")
        if dest == "resources" or dest.startswith("resources/"):
            sub = dest[len("resources"):].lstrip("/")
            out.add(f"{sub}/{Path(src).name}" if sub else Path(src).name)
    return out


# ------------------------------------------------------------------ macOS floor

# The binary wheels the bundle ships; each names the oldest macOS it runs on in its WHEEL tags
# (torch-2.13.0-cp311-none-macosx_14_0_arm64.whl: macOS 14).  The bundle cannot run on an older one.
MAC_BINARY_DISTS = ("torch", "PySide6-Essentials", "shiboken6", "numpy", "pillow", "av", "safetensors")
MAC_FLOOR_DEFAULT = (11, 0)
_MAC_TAG = re.compile(r"macosx_(\d+)_(\d+)_")


def macos_floor(wheel_texts) -> str:
    """The highest `macosx_X_Y` among WHEEL files' `Tag:` lines (MAC_FLOOR_DEFAULT if none names one)."""
    best = MAC_FLOOR_DEFAULT
    for text in wheel_texts:
        for line in (text or "").splitlines():
            if line.startswith("Tag:"):
                for major, minor in _MAC_TAG.findall(line):
                    best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}"


def installed_wheel_texts(names=MAC_BINARY_DISTS) -> list[str]:
    """The WHEEL metadata of the installed distributions `names` (those present)."""
    import importlib.metadata as md

    texts = []
    for name in names:
        try:
            texts.append(md.distribution(name).read_text("WHEEL") or "")
        except md.PackageNotFoundError:
            continue
    return texts


# ------------------------------------------------------------------ the CPU build of torch

def cpu_torch_problem(torch_version: str, cuda: str | None, dists: list[str]) -> str | None:
    """Why a build venv does not hold a CPU-only torch (None when it does).

    What marks a CPU build is no CUDA in torch (`torch.version.cuda is None`) and no nvidia/triton
    packages beside it; the `+cpu` local tag is only on the Linux wheels of PyTorch's CPU index (PyPI's
    Windows and macOS wheels are CPU builds without it)."""
    extra = [d for d in dists if d.lower().startswith(("nvidia", "triton"))]
    if extra:
        return f"build venv holds CUDA packages {extra}: the CPU torch wheel was not picked"
    if cuda is not None:
        return f"build venv has torch {torch_version} built for CUDA {cuda}, not the CPU build"
    return None
