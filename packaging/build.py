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
with packaging/gan_studio.spec into dist/, (4) the frozen `--self-test`, (5) bundle
size, the ten largest parts and the cold-start time to the main window
(`--startup-probe`), written to dist/build-report.json.  Exits non-zero when any
step fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_contents as bc  # noqa: E402

IS_WIN = sys.platform.startswith("win")
IS_MAC = sys.platform == "darwin"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
PROBE_LINE = "startup-probe: main window shown after"


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
    nvidia = [d for d in info["dists"] if d.lower().startswith(("nvidia", "triton"))]
    if nvidia:
        raise SystemExit(f"build venv holds CUDA packages {nvidia}: the CPU torch wheel was not picked")
    if not IS_MAC and (info["cuda"] is not None or not info["torch"].endswith("+cpu")):
        raise SystemExit(f"build venv has torch {info['torch']} (CUDA {info['cuda']}), not the CPU build")
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


# ------------------------------------------------------------------ 5. checks

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
    times, inside = [], []
    for i in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([str(exe), "--startup-probe"], env=frozen_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        shown = None
        output = []
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line)
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
            "runs_s": [round(t, 3) for t in times], "reported_by_app_s": inside}


def tree_size(path: Path) -> int:
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


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
    return {
        "total_bytes": total,
        "total_mib": round(total / 2**20, 1),
        "file_count": len(files),
        "top_files": [{"path": str(p.relative_to(bundle)), "mib": round(s / 2**20, 1)} for s, p in top_files],
        "top_parts": [{"path": str(d), "mib": round(s / 2**20, 1)} for d, s in top_dirs],
    }


# ------------------------------------------------------------------ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--venv", type=Path, default=HERE / ".build-venv")
    ap.add_argument("--reuse-venv", action="store_true", help="keep an existing build venv (still runs pip install .)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--mnist", type=Path, help="folder with the four MNIST IDX .gz files to ship")
    group.add_argument("--no-mnist", action="store_true", help="ship only the offline sample")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    ap.add_argument("--no-build", action="store_true", help="only check an existing bundle in --dist")
    ap.add_argument("--skip-self-test", action="store_true")
    ap.add_argument("--probe-runs", type=int, default=3)
    args = ap.parse_args(argv)

    report: dict = {"platform": platform.platform(), "python": platform.python_version(), "phases_s": {}}
    t_all = time.perf_counter()

    def phase(name, fn, *a, **kw):
        t = time.perf_counter()
        result = fn(*a, **kw)
        report["phases_s"][name] = round(time.perf_counter() - t, 1)
        log(f"{name}: {report['phases_s'][name]}s")
        return result

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

    bundle = bundle_dir(args.dist)
    exe = frozen_executable(args.dist)
    if not exe.is_file():
        raise SystemExit(f"no frozen executable at {exe}")
    if not args.skip_self_test:
        st = phase("self_test", self_test, exe)
        report["self_test"] = st
        if st["returncode"] != 0:
            log(f"FROZEN SELF-TEST FAILED (exit code {st['returncode']})")
    report["startup"] = phase("startup_probe", startup_probe, frozen_executable(args.dist, cli=False), args.probe_runs)
    report["size"] = size_report(bundle)
    report["phases_s"]["total"] = round(time.perf_counter() - t_all, 1)
    args.dist.mkdir(parents=True, exist_ok=True)
    (args.dist / "build-report.json").write_text(json.dumps(report, indent=2), "utf-8")

    size = report["size"]
    print()
    print(f"Bundle: {bundle}  {size['total_mib']} MiB in {size['file_count']} files")
    print("Largest files:")
    for item in size["top_files"]:
        print(f"  {item['mib']:8.1f} MiB  {item['path']}")
    print("Largest parts:")
    for item in size["top_parts"]:
        print(f"  {item['mib']:8.1f} MiB  {item['path']}")
    s = report["startup"]
    if "error" in s:
        print(f"Cold start: the startup probe FAILED ({s['error']})")
    else:
        print(f"Cold start to main window: first launch {s['first_launch_s']:.2f}s, median of {len(s['runs_s'])} "
              f"{s['median_s']:.2f}s")
    if "self_test" in report:
        print(f"Frozen self-test: exit code {report['self_test']['returncode']} in {report['self_test']['seconds']}s")
    print(f"Report: {args.dist / 'build-report.json'}  (total {report['phases_s']['total']}s)")
    ok = report.get("self_test", {}).get("returncode", 0) == 0 and "error" not in report["startup"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
