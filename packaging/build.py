#!/usr/bin/env python3
"""Build the GAN Studio desktop bundle and check it.

    python packaging/build.py                 # clean venv, icons, PyInstaller, self-test, report
    python packaging/build.py --reuse-venv    # keep packaging/.build-venv from an earlier build
    python packaging/build.py --mnist DIR     # ship full MNIST (four IDX .gz files) from DIR
    python packaging/build.py --no-mnist      # only the bundled offline sample
    python packaging/build.py --no-build      # only check an existing dist/ (self-test, size, start time)

Steps: (1) a clean virtual environment with `pip install . pyinstaller` (the bounded
torch requirement picks the CPU wheel; checked), (2) app icons rendered from
resources/icons (PNG for Linux, .ico for Windows, .icns for macOS), (3) PyInstaller
with packaging/gan_studio.spec into dist/, (4) slimming: `strip --strip-unneeded` on
ELF files outside `*.libs/` (Linux), (5) the release archive
(dist/gan-studio-linux-x86_64.tar.gz and its .sha256; .zip on Windows, .dmg on macOS),
(6) the archive checked against its checksum and unpacked into a fresh folder whose path
holds a space and a non-ASCII letter, (7) from that unpacked copy: the frozen
`--self-test`, the glibc floor of every ELF file, the size limit and the cold-start time
to the main window (`--startup-probe`), all written to dist/build-report.json.  Exits
non-zero when any step fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_contents as bc  # noqa: E402
import elfinfo  # noqa: E402

IS_WIN = sys.platform.startswith("win")
IS_MAC = sys.platform == "darwin"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
PROBE_LINE = "startup-probe: main window shown after"
TRACE_RE = re.compile(r"^startup-trace: (?P<phase>.+): wall (?P<wall>[\d.]+) s, cpu (?P<cpu>[\d.]+) s")


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if IS_WIN else "bin/python")


def run(cmd, **kw) -> subprocess.CompletedProcess:
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


# ------------------------------------------------------------------ 1. venv

def make_venv(venv: Path, reuse: bool) -> Path:
    py = venv_python(venv)
    if venv.exists() and not reuse:
        log(f"removing old {venv}")
        shutil.rmtree(venv)
    if not py.exists():
        run([sys.executable, "-m", "venv", venv])
    run([py, "-m", "pip", "install", "--quiet", str(ROOT), "pyinstaller>=6.5"])
    return py


def check_venv(py: Path) -> dict:
    info = json.loads(subprocess.check_output([str(py), "-c", (
        "import json, torch, PySide6, importlib.metadata as m;"
        "print(json.dumps({'torch': torch.__version__, 'cuda': torch.version.cuda, 'pyside6': PySide6.__version__,"
        "'dists': sorted(d.metadata['Name'] for d in m.distributions())}))")], text=True))
    problem = bc.cpu_torch_problem(info["torch"], info["cuda"], info["dists"])
    if problem:
        raise SystemExit(problem)
    log(f"venv ok: torch {info['torch']} (no CUDA), PySide6 {info['pyside6']}, {len(info['dists'])} distributions")
    return {"torch": info["torch"], "pyside6": info["pyside6"], "distributions": len(info["dists"])}


# ------------------------------------------------------------------ 2. icons

ICON_SCRIPT = r"""
import sys
from pathlib import Path
src, out = Path(sys.argv[1]), Path(sys.argv[2])
sizes = [int(s) for s in sys.argv[3].split(",")]
out.mkdir(parents=True, exist_ok=True)
pngs = {}
for s in sizes:
    ready = src.parent / f"{src.stem}-{s}.png"
    if ready.is_file():
        pngs[s] = ready
if src.suffix == ".svg" and len(pngs) < len(sizes):
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(src))
    if not renderer.isValid():
        raise SystemExit(f"{src} is not a valid SVG")
    for s in sizes:
        if s in pngs:
            continue
        img = QImage(s, s, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        target = out / f"gan-studio-{s}.png"
        img.save(str(target))
        pngs[s] = target
from PIL import Image
for s, path in pngs.items():
    if path.parent != out:
        Image.open(path).convert("RGBA").resize((s, s), Image.LANCZOS).save(out / f"gan-studio-{s}.png")
big = Image.open(out / f"gan-studio-{max(sizes)}.png").convert("RGBA")
big.save(out / "gan-studio.ico", sizes=[(s, s) for s in sizes])
try:
    big.save(out / "gan-studio.icns")
except Exception as exc:  # Pillow's ICNS writer needs nothing special, but do not fail the build over it
    print(f"icns not written: {exc}")
print("icons:", ", ".join(sorted(p.name for p in out.iterdir())))
"""


def make_icons(py: Path, out: Path) -> Path | None:
    icons = bc.RESOURCES / "icons"
    src = icons / "gan-studio.svg"
    if not src.is_file():
        pngs = sorted(icons.glob("gan-studio-*.png"))
        if not pngs:
            log("no app icon in resources/icons: building without one")
            return None
        src = pngs[-1]
    if out.exists():
        shutil.rmtree(out)
    run([py, "-c", ICON_SCRIPT, src, out, ",".join(map(str, ICON_SIZES))])
    return out


# ------------------------------------------------------------------ 3. MNIST

def default_mnist_dir() -> Path | None:
    candidates = []
    home = os.environ.get("GAN_STUDIO_HOME")
    if home:
        candidates.append(Path(home) / "cache" / "datasets" / "mnist")
    else:
        try:
            import platformdirs

            candidates.append(Path(platformdirs.user_cache_dir("gan-studio", appauthor=False)) / "datasets" / "mnist")
        except ImportError:
            pass
    candidates.append(ROOT.parent / "shared" / "datasets" / "mnist")
    for c in candidates:
        if all((c / f).is_file() for f in bc.MNIST_FILES):
            return c
    return None


# ------------------------------------------------------------------ 4. slimming

def strip_binaries(bundle: Path) -> dict:
    """`strip --strip-unneeded` every ELF file outside `*.libs/` folders (Linux).

    Never the executables (PyInstaller appends the module archive to them) and never the
    auditwheel-repaired libraries in `numpy.libs/`, `pillow.libs/`, `av.libs/` (stripping
    moves their program headers: "ELF load command ... not page-aligned").
    """
    if not sys.platform.startswith("linux"):
        return {"skipped": "not Linux"}
    strip = shutil.which("strip")
    if strip is None:
        log("WARNING: no `strip` (binutils): the bundle stays unstripped")
        return {"skipped": "no strip"}
    internal = bundle / "_internal"
    files = [p for p in elfinfo.elf_files(internal)
             if not any(part.endswith(bc.NO_STRIP_DIR_SUFFIX) for part in p.relative_to(internal).parts[:-1])]
    before = sum(p.stat().st_size for p in files)
    for i in range(0, len(files), 50):
        subprocess.run([strip, "--strip-unneeded", *map(str, files[i:i + 50])], check=True)
    after = sum(p.stat().st_size for p in files)
    log(f"stripped {len(files)} ELF files: {before / 2**20:.1f} -> {after / 2**20:.1f} MiB")
    return {"files": len(files), "saved_mib": round((before - after) / 2**20, 1)}


def add_desktop_files(bundle: Path) -> list[str]:
    """Linux: the menu-entry script and its template beside the executable, so users of the archive run
    `gan-studio/install-desktop-entry.sh` (no argument: that folder)."""
    if not sys.platform.startswith("linux"):
        return []
    added = []
    for name in ("install-desktop-entry.sh", "gan-studio.desktop", "gan-studio-setup.xml"):
        target = bundle / name
        shutil.copy2(HERE / "linux" / name, target)
        target.chmod(0o755 if name.endswith(".sh") else 0o644)
        added.append(name)
    return added


def check_dropped(bundle: Path) -> list[str]:
    """Files the exclusion patterns drop that are in the bundle anyway (a hook brought them back)."""
    found = bc.dropped_files(bundle) if (bundle / "_internal").is_dir() else []
    if found:
        log(f"DROPPED FILES ARE IN THE BUNDLE: {found[:10]}{' ...' if len(found) > 10 else ''}")
    return found


def archived_packages(py: Path, exe: Path) -> list[str] | None:
    """Top-level packages in the executable's module archive (PYZ), read with PyInstaller's reader."""
    script = (
        "import sys, json, tempfile, os\n"
        "from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader\n"
        "a = CArchiveReader(sys.argv[1])\n"
        "name = next(n for n in a.toc if n.endswith('PYZ.pyz') or n == 'PYZ.pyz' or n.startswith('PYZ'))\n"
        "fd, tmp = tempfile.mkstemp(suffix='.pyz'); os.write(fd, a.extract(name)); os.close(fd)\n"
        "try:\n"
        "    z = ZlibArchiveReader(tmp)\n"
        "    print(json.dumps(sorted({k.split('.')[0] for k in z.toc})))\n"
        "finally:\n"
        "    os.remove(tmp)\n")
    try:
        return json.loads(subprocess.check_output([str(py), "-c", script, str(exe)], text=True, timeout=120))
    except (subprocess.SubprocessError, OSError, ValueError, StopIteration) as exc:
        log(f"could not list the module archive: {exc}")
        return None


# ------------------------------------------------------------------ 5. release archive

def make_archive(dist: Path, bundle: Path) -> dict:
    """dist/gan-studio-<os>-<arch>.tar.gz (Linux), .zip (Windows) or .dmg (macOS) and its .sha256."""
    name = bc.archive_name()
    target = dist / name
    target.unlink(missing_ok=True)
    if name.endswith(".tar.gz"):
        # Symlinks stay symlinks (PyInstaller links libQt6*.so.6 into _internal/), modes are kept,
        # owners are not (users unpack as themselves).
        def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            return info

        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=bundle.name, filter=clean)
    elif name.endswith(".zip"):         # Windows: untested here
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for p in sorted(bundle.rglob("*")):
                z.write(p, Path(bundle.name) / p.relative_to(bundle))
    else:                               # macOS: untested here
        run(["hdiutil", "create", "-volname", bc.APP_NAME, "-srcfolder", bundle, "-ov", "-format", "UDZO", target])
    digest = sha256_of(target)
    (dist / (name + ".sha256")).write_text(f"{digest}  {name}\n", "utf-8")
    log(f"release archive: {target} ({target.stat().st_size / 2**20:.1f} MiB), sha256 {digest}")
    return {"file": name, "mib": round(target.stat().st_size / 2**20, 1), "sha256": digest}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def unpack_archive(dist: Path, dest: Path) -> Path:
    """Check the archive against its .sha256 and unpack it into `dest` (emptied first), as a user would."""
    name = bc.archive_name()
    archive = dist / name
    expected = (dist / (name + ".sha256")).read_text("utf-8").split()[0]
    if sha256_of(archive) != expected:
        raise SystemExit(f"{archive} does not match {name}.sha256")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    if name.endswith(".tar.gz"):
        if shutil.which("tar"):
            run(["tar", "-xzf", archive, "-C", dest])     # what the README tells users to run
        else:
            with tarfile.open(archive) as tar:
                tar.extractall(dest, filter="tar")
    elif name.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(dest)
    else:
        return bundle_dir(dist).parent    # a .dmg is mounted, not unpacked: check the built bundle
    log(f"unpacked {name} into {dest}")
    return dest


# ------------------------------------------------------------------ 6. glibc floor

def glibc_report(bundle: Path) -> dict:
    """The highest GLIBC (and GLIBCXX) symbol version each ELF file needs; the floor is their maximum."""
    if not sys.platform.startswith("linux"):
        return {"skipped": "not Linux"}
    worst: list[tuple[tuple, str]] = []
    cxx: list[tuple[tuple, str]] = []
    private, own = [], []
    for p in elfinfo.elf_files(bundle):
        rel = p.relative_to(bundle).as_posix()
        if elfinfo.is_glibc_own(p.name):
            own.append(rel)
        info = elfinfo.read_elf(p)
        worst.append((info.highest("GLIBC") or (0,), rel))
        if "libstdc++" not in p.name:
            cxx.append((info.highest("GLIBCXX") or (0,), rel))
        if info.private():
            private.append(rel)
    worst.sort(reverse=True)
    cxx.sort(reverse=True)
    floor = worst[0][0] if worst else (0,)
    return {
        "glibc_needed": elfinfo.version_str(floor),
        "glibc_limit": elfinfo.version_str(bc.GLIBC_FLOOR),
        "glibcxx_needed": elfinfo.version_str(cxx[0][0] if cxx else None),
        "glibcxx_limit": elfinfo.version_str(bc.GLIBCXX_FLOOR),
        "ok": floor <= bc.GLIBC_FLOOR and not private and not own and (not cxx or cxx[0][0] <= bc.GLIBCXX_FLOOR),
        "highest": [{"file": f, "glibc": elfinfo.version_str(v)} for v, f in worst[:8]],
        "glibc_private": private,
        "glibc_own_libraries": own,
    }


# ------------------------------------------------------------------ 7. checks

def frozen_executable(dist: Path, cli: bool = True) -> Path:
    if IS_MAC:
        return dist / f"{bc.APP_NAME}.app" / "Contents" / "MacOS" / bc.EXE_NAME
    name = bc.EXE_NAME + ("-cli" if IS_WIN and cli else "") + (".exe" if IS_WIN else "")
    return dist / bc.EXE_NAME / name


def bundle_dir(dist: Path) -> Path:
    return dist / f"{bc.APP_NAME}.app" if IS_MAC else dist / bc.EXE_NAME


def frozen_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("GAN_STUDIO_RESOURCES", "PYTHONPATH", "PYTHONHOME")}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def self_test(exe: Path, timeout: float = 300) -> dict:
    log(f"frozen self-test: {exe} --self-test")
    start = time.perf_counter()
    proc = subprocess.run([str(exe), "--self-test"], env=frozen_env(), timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    print(proc.stdout, end="", flush=True)
    return {"returncode": proc.returncode, "seconds": round(elapsed, 2), "qt_platform": frozen_env().get("QT_QPA_PLATFORM", "default")}


def startup_probe(exe: Path, runs: int = 3, timeout: float = 180) -> dict:
    """Wall time from spawning the executable until it reports the main window shown."""
    times, inside, loads = [], [], []
    phases: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for i in range(runs):
        if hasattr(os, "getloadavg"):
            loads.append(round(os.getloadavg()[0], 2))
        start = time.perf_counter()
        env = dict(frozen_env(), GAN_STUDIO_STARTUP_TRACE="1")
        proc = subprocess.Popen([str(exe), "--startup-probe"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        shown = None
        output = []
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line)
            m = TRACE_RE.match(line)             # "startup-trace: <phase>: wall <s> s, cpu <s> s"
            if m:
                phases.setdefault(m["phase"], []).append(float(m["wall"]))
                cpu.setdefault(m["phase"], []).append(float(m["cpu"]))
            if line.startswith(PROBE_LINE):
                shown = time.perf_counter() - start
                try:
                    inside.append(float(line[len(PROBE_LINE):].split()[0]))
                except ValueError:
                    pass
        proc.wait(timeout=timeout)
        if shown is None or proc.returncode != 0:
            print("".join(output), end="")
            log(f"STARTUP PROBE FAILED (exit code {proc.returncode})")
            return {"error": f"exit code {proc.returncode}", "output_tail": "".join(output)[-2000:]}
        times.append(shown)
        log(f"startup probe {i + 1}/{runs}: main window shown after {shown:.2f}s")
    return {"first_launch_s": round(times[0], 3), "median_s": round(statistics.median(times), 3),
            "runs_s": [round(t, 3) for t in times], "reported_by_app_s": inside,
            "load_average_1min_before_each": loads, "cpu_count": os.cpu_count(),
            # Seconds since process start at which each start-up phase ended (median over the runs).
            "phases_median_s": {k: round(statistics.median(v), 3) for k, v in phases.items()},
            # CPU seconds this process had used at each phase (median): what a quiet machine waits for.
            "phases_cpu_median_s": {k: round(statistics.median(v), 3) for k, v in cpu.items()}}


def tree_size(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


SIZE_GROUPS = (   # (label, path prefixes under the bundle); the first match wins
    ("PyTorch (torch, functorch, torchgen)", ("_internal/torch/", "_internal/functorch/", "_internal/torchgen/")),
    ("Qt 6 + PySide6 (PySide6, shiboken6)", ("_internal/PySide6/", "_internal/shiboken6/", "_internal/libQt6")),
    ("PyAV + FFmpeg (MP4 export)", ("_internal/av/", "_internal/av.libs/")),
    ("NumPy + OpenBLAS", ("_internal/numpy/", "_internal/numpy.libs/")),
    ("Pillow", ("_internal/PIL/", "_internal/pillow.libs/")),
    ("resources: full MNIST", ("_internal/resources/datasets/",)),
    ("resources: presets, sample, models, icons", ("_internal/resources/",)),
    ("Python runtime (libpython, stdlib extensions)", ("_internal/libpython", "_internal/python3", "_internal/base_library")),
    ("executable + module archive (PYZ)", ("gan-studio",)),
)


def size_group(rel: str) -> str:
    if rel in ("install-desktop-entry.sh", "gan-studio.desktop", "gan-studio-setup.xml"):
        return "menu-entry script and template"
    for label, prefixes in SIZE_GROUPS:
        if rel.startswith(prefixes):
            return label
    return "system libraries (X11/xcb, fontconfig, glib, ...) and other files" if rel.startswith("_internal/") else rel


def size_report(bundle: Path) -> dict:
    files = [(p.stat().st_size, p) for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(s for s, _ in files)
    top_files = sorted(files, reverse=True)[:10]
    # Largest parts: each top-level item of the bundle and of its _internal/ (or Contents/) folder
    parts: dict[Path, int] = {}
    for size, p in files:
        rel = p.relative_to(bundle)
        key = Path(*rel.parts[:2]) if rel.parts[0] in ("_internal", "Contents") and len(rel.parts) > 1 else Path(rel.parts[0])
        parts[key] = parts.get(key, 0) + size
    top_dirs = sorted(parts.items(), key=lambda kv: -kv[1])[:10]
    groups: dict[str, int] = {}
    for size, p in files:
        group = size_group(p.relative_to(bundle).as_posix())
        groups[group] = groups.get(group, 0) + size
    return {
        "breakdown": [{"part": g, "mib": round(n / 2**20, 1)} for g, n in sorted(groups.items(), key=lambda kv: -kv[1])],
        "total_bytes": total,
        "total_mib": round(total / 2**20, 1),
        "file_count": len(files),
        "top_files": [{"path": str(p.relative_to(bundle)), "mib": round(s / 2**20, 1)} for s, p in top_files],
        "top_parts": [{"path": str(d), "mib": round(s / 2**20, 1)} for d, s in top_dirs],
    }


# ------------------------------------------------------------------ main

def default_unpack_dir() -> Path:
    # A fresh folder whose path has a space and a non-ASCII letter, as users' folders do.
    return ROOT / "build" / "release-check" / "Téléchargements de test"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--venv", type=Path, default=HERE / ".build-venv")
    ap.add_argument("--reuse-venv", action="store_true", help="keep an existing build venv (still runs pip install .)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--mnist", type=Path, help="folder with the four MNIST IDX .gz files to ship")
    group.add_argument("--no-mnist", action="store_true", help="ship only the offline sample")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    ap.add_argument("--unpack-dir", type=Path, default=None,
                    help="where the release archive is unpacked for the checks (emptied first; "
                         "default build/release-check/Téléchargements de test)")
    ap.add_argument("--no-build", action="store_true", help="only check an existing bundle in --dist")
    ap.add_argument("--no-archive", action="store_true", help="check dist/ directly instead of the unpacked archive")
    ap.add_argument("--skip-self-test", action="store_true")
    ap.add_argument("--probe-runs", type=int, default=5)
    args = ap.parse_args(argv)

    report: dict = {"platform": platform.platform(), "python": platform.python_version(), "phases_s": {}}
    t_all = time.perf_counter()
    failures: list[str] = []

    def phase(name, fn, *a, **kw):
        t = time.perf_counter()
        result = fn(*a, **kw)
        report["phases_s"][name] = round(time.perf_counter() - t, 1)
        log(f"{name}: {report['phases_s'][name]}s")
        return result

    bundle = bundle_dir(args.dist)
    py = venv_python(args.venv.resolve())
    if not args.no_build:
        py = phase("venv", make_venv, args.venv.resolve(), args.reuse_venv)
        report["venv"] = check_venv(py)
        icon_dir = phase("icons", make_icons, py, ROOT / "build" / "icons")
        mnist = None if args.no_mnist else (args.mnist or default_mnist_dir())
        env = dict(os.environ)
        env.pop(bc.MNIST_ENV, None)
        if mnist is not None:
            mnist = mnist.resolve()
            missing = [f for f in bc.MNIST_FILES if not (mnist / f).is_file()]
            if missing:
                raise SystemExit(f"--mnist {mnist} lacks {', '.join(missing)}")
            env[bc.MNIST_ENV] = str(mnist)
            log(f"shipping full MNIST from {mnist} as resources/datasets/mnist/")
        else:
            log("shipping only the offline MNIST sample")
        report["mnist_bundled"] = str(mnist) if mnist else None
        if icon_dir:
            env["GAN_STUDIO_ICON_DIR"] = str(icon_dir)
        phase("pyinstaller", run, [py, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                                   "--distpath", args.dist, "--workpath", args.work, HERE / "gan_studio.spec"],
              env=env, cwd=ROOT)
        report["strip"] = phase("strip", strip_binaries, bundle)
        report["desktop_files"] = add_desktop_files(bundle)

    if not frozen_executable(args.dist).is_file():
        raise SystemExit(f"no frozen executable at {frozen_executable(args.dist)}")
    report["dropped_but_present"] = check_dropped(bundle)
    if report["dropped_but_present"]:
        failures.append(f"{len(report['dropped_but_present'])} dropped files are in the bundle")
    if py.exists():
        packages = archived_packages(py, frozen_executable(args.dist, cli=False))
        if packages is not None:
            report["archived_packages"] = packages
            unwanted = sorted(set(packages) & set(bc.EXCLUDED_PACKAGES))
            if unwanted:
                failures.append(f"excluded Python packages are in the module archive: {unwanted}")

    # What users download: the archive, unpacked into a fresh folder, is what gets checked.
    checked_dist = args.dist
    if not args.no_archive:
        report["archive"] = phase("archive", make_archive, args.dist, bundle)
        unpack_dir = (args.unpack_dir or default_unpack_dir()).resolve()
        checked_dist = phase("unpack", unpack_archive, args.dist, unpack_dir)
        report["checked_copy"] = str(bundle_dir(checked_dist))
    checked_bundle = bundle_dir(checked_dist)
    exe = frozen_executable(checked_dist)
    if not exe.is_file():
        raise SystemExit(f"no frozen executable at {exe}")

    if not args.skip_self_test:
        st = phase("self_test", self_test, exe)
        report["self_test"] = st
        if st["returncode"] != 0:
            failures.append(f"frozen self-test failed (exit code {st['returncode']})")
    report["glibc"] = phase("glibc_scan", glibc_report, checked_bundle)
    if report["glibc"].get("ok") is False:
        g = report["glibc"]
        failures.append(f"glibc floor: needs GLIBC {g['glibc_needed']} (limit {g['glibc_limit']}), "
                        f"GLIBCXX {g['glibcxx_needed']} (limit {g['glibcxx_limit']}), "
                        f"GLIBC_PRIVATE in {g['glibc_private']}, glibc's own libraries {g['glibc_own_libraries']}")
    report["startup"] = phase("startup_probe", startup_probe, frozen_executable(checked_dist, cli=False),
                              args.probe_runs)
    if "error" in report["startup"]:
        failures.append(f"startup probe failed ({report['startup']['error']})")
    report["size"] = size_report(checked_bundle)
    if report["size"]["total_mib"] > bc.SIZE_LIMIT_MIB:
        failures.append(f"bundle is {report['size']['total_mib']} MiB, over the {bc.SIZE_LIMIT_MIB} MiB limit")
    report["failures"] = failures
    report["phases_s"]["total"] = round(time.perf_counter() - t_all, 1)
    args.dist.mkdir(parents=True, exist_ok=True)
    (args.dist / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")

    size = report["size"]
    print()
    print(f"Bundle: {checked_bundle}  {size['total_mib']} MiB in {size['file_count']} files "
          f"(limit {bc.SIZE_LIMIT_MIB} MiB)")
    if "archive" in report:
        print(f"Archive: {args.dist / report['archive']['file']}  {report['archive']['mib']} MiB  "
              f"sha256 {report['archive']['sha256']}")
    print("Size by part:")
    for item in size["breakdown"]:
        print(f"  {item['mib']:8.1f} MiB  {item['part']}")
    print("Largest files:")
    for item in size["top_files"]:
        print(f"  {item['mib']:8.1f} MiB  {item['path']}")
    g = report["glibc"]
    if "skipped" not in g:
        print(f"glibc: needs {g['glibc_needed']} (limit {g['glibc_limit']}), libstdc++ GLIBCXX {g['glibcxx_needed']} "
              f"(limit {g['glibcxx_limit']}); highest: "
              + ", ".join(f"{h['file']} {h['glibc']}" for h in g["highest"][:3]))
    s = report["startup"]
    if "error" in s:
        print(f"Cold start: the startup probe FAILED ({s['error']})")
    else:
        print(f"Cold start to main window: first launch {s['first_launch_s']:.2f}s, median of {len(s['runs_s'])} "
              f"{s['median_s']:.2f}s (1-min load average before the runs: {s.get('load_average_1min_before_each')}, "
              f"{s.get('cpu_count')} CPUs)")
    if "self_test" in report:
        print(f"Frozen self-test: exit code {report['self_test']['returncode']} in {report['self_test']['seconds']}s")
    print(f"Report: {args.dist / 'build-report.json'}  (total {report['phases_s']['total']}s)")
    for f in failures:
        log(f"FAILED: {f}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
