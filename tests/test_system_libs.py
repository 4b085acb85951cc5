"""The README's list of system libraries for the window is what Qt's xcb platform actually needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import system_libs  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb platform is Linux's")


def _readme_apt_packages() -> set[str]:
    lines = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*sudo apt-get install ", line) and "libxcb" in line]
    assert len(lines) == 1, f"expected one apt-get line for Qt's libraries in the README, found {len(lines)}"
    return set(lines[0].split()[3:])


def test_every_library_qt_needs_from_the_system_has_a_debian_package():
    needed = system_libs.needed_sonames()
    # the two that Qt's own error message does not name, and that a fresh Debian 12 lacks
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"} <= needed.keys()
    unknown = sorted(set(needed) - set(system_libs.DEBIAN_PACKAGES))
    assert not unknown, f"Qt needs {unknown} from the system: add their Debian packages to packaging/system_libs.py"
    assert "libc.so.6" not in needed and not any(s.startswith("libstdc++") for s in needed)


def test_the_readme_apt_line_installs_every_package_the_window_needs():
    wanted = set(system_libs.packages())
    listed = _readme_apt_packages()
    assert wanted <= listed, f"the README's apt-get line lacks {sorted(wanted - listed)}"
    assert listed - wanted <= {"xvfb"}, f"the README lists packages Qt does not need: {sorted(listed - wanted - {'xvfb'})}"


def test_a_library_with_no_known_package_is_refused():
    with pytest.raises(KeyError, match="libnew-thing.so.3"):
        system_libs.packages({"libnew-thing.so.3": {"libqxcb.so"}, "libxcb.so.1": {"libqxcb.so"}})


def _installed_path(soname: str) -> Path | None:
    """Where the dynamic linker finds `soname` (the 64-bit copy when there are several)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    found = [line for line in out.splitlines() if line.split() and line.split()[0] == soname]
    found.sort(key=lambda line: "x86-64" not in line and "AArch64" not in line)
    return Path(found[0].split()[-1]) if found else None


def _owner(path: Path) -> str | None:
    real = Path(path).resolve()
    candidates = {str(real), str(path)}
    for p in list(candidates):      # merged /usr: dpkg may know the file under /lib or /usr/lib
        candidates.add(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for p in candidates:
        done = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":")[0].strip()
    return None


@pytest.mark.skipif(shutil.which("dpkg") is None or shutil.which("ldconfig") is None, reason="not a Debian system")
def test_the_table_names_the_package_that_owns_each_installed_library():
    checked = 0
    for soname in system_libs.needed_sonames():
        path = _installed_path(soname)
        owner = _owner(path) if path else None
        if owner is None:
            continue                 # not installed here: nothing to compare with
        assert owner.split(":")[0] == system_libs.DEBIAN_PACKAGES[soname], soname
        checked += 1
    assert checked >= 5, "too few of Qt's libraries are installed here to check the table"
