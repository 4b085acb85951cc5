"""The system libraries the window needs on Linux, derived from Qt's own files.

PySide6's wheel (and so the bundle) ships Qt's libraries but not the X11/xcb, OpenGL, font and D-Bus
client libraries of the desktop: those come from the system.  `needed_sonames` walks the ELF `NEEDED`
entries from the xcb platform plugin (`libqxcb.so`) and the Qt modules the app imports, through every
library PySide6 ships, and returns those it does not ship.  `DEBIAN_PACKAGES` names the Debian/Ubuntu
package that provides each one; the README's `apt-get install` line is `apt_line()`.
tests/test_system_libs.py fails when Qt starts needing a library this table does not name, or when the
README's line lacks one, so the list cannot drift; where dpkg is available it also checks the table
against the installed packages.

    python packaging/system_libs.py             # the apt-get line for the PySide6 installed here
    python packaging/system_libs.py --packages  # just the package names (.ci/package installs them)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import elfinfo  # noqa: E402

# soname -> Debian 12 / Ubuntu package (Ubuntu 24.04 renamed a few with a t64 suffix; apt picks those
# when given the old name).
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

# Part of every system that runs Python at all (glibc and the GCC runtime): never listed.
BASE_SYSTEM = ("libstdc++.so", "libgcc_s.so")

# The Qt modules the app imports (gan_studio/app), besides the platform plugin.
APP_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg")


def pyside6_root() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent


def _shipped(roots: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            for p in root.iterdir():
                found.setdefault(p.name, p)
    return found


def needed_sonames(pyside6: Path | None = None) -> dict[str, set[str]]:
    """{soname the system must provide: {the shipped files that need it}}."""
    pyside6 = pyside6 or pyside6_root()
    qt = pyside6 / "Qt"
    shipped = _shipped([qt / "lib", pyside6, pyside6.parent / "shiboken6"])
    start = [qt / "plugins" / "platforms" / "libqxcb.so"]
    start += [p for m in APP_MODULES for p in pyside6.glob(f"{m}.*.so")]
    missing = [str(p) for p in start[:1] if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"not a Linux PySide6: {missing[0]} is missing")
    todo, seen, external = list(start), set(), {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in elfinfo.read_elf(path).needed:
            if name in shipped:
                todo.append(shipped[name])
            elif not (elfinfo.is_glibc_own(name) or name.startswith(BASE_SYSTEM)):
                external.setdefault(name, set()).add(path.name)
    return external


def packages(sonames=None) -> list[str]:
    """The Debian packages for `sonames` (default: what the installed PySide6 needs), sorted, once each."""
    sonames = needed_sonames() if sonames is None else sonames
    unknown = sorted(s for s in sonames if s not in DEBIAN_PACKAGES)
    if unknown:
        raise KeyError(f"no Debian package known for {unknown}: add them to DEBIAN_PACKAGES")
    return sorted({DEBIAN_PACKAGES[s] for s in sonames})


def apt_line(sonames=None) -> str:
    return "sudo apt-get install " + " ".join(packages(sonames))


if __name__ == "__main__":
    print(" ".join(packages()) if "--packages" in sys.argv[1:] else apt_line())
