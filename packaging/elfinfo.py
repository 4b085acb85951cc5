"""A small pure-Python ELF reader: what a shared library or executable needs from the system.

Used by build.py (the build report) and tests/test_packaging.py (the glibc floor) so neither
depends on binutils.  Reads ELF64/ELF32 little- and big-endian: the DT_NEEDED and DT_SONAME
entries of the dynamic section and the symbol versions the file requires (.gnu.version_r,
e.g. GLIBC_2.34 from libc.so.6).
"""

from __future__ import annotations

import mmap
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED, DT_SONAME = 1, 14

# glibc's own libraries: the system always has them, and a bundled copy (from the build
# machine) either pins the floor (libmvec needs GLIBC_PRIVATE of *that* libc) or breaks.
GLIBC_OWN_LIBS = ("ld-linux", "libc.so", "libm.so", "libmvec.so", "libpthread.so", "libdl.so", "librt.so",
                  "libresolv.so", "libutil.so", "libanl.so", "libnsl.so", "libnss_", "libBrokenLocale.so",
                  "libthread_db.so", "libc_malloc_debug.so", "libmemusage.so", "libpcprofile.so")

_VERSION = re.compile(r"^(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)*)$")


@dataclass
class ElfInfo:
    path: Path
    soname: str | None = None
    needed: list[str] = field(default_factory=list)
    # library file name -> the version names required from it ("libc.so.6" -> {"GLIBC_2.14", ...})
    versions: dict[str, set[str]] = field(default_factory=dict)

    def highest(self, prefix: str = "GLIBC") -> tuple[int, ...] | None:
        """The highest `PREFIX_x.y` version required (GLIBC_PRIVATE and the like are not numbers)."""
        best = None
        for names in self.versions.values():
            for name in names:
                m = _VERSION.match(name)
                if m and m.group(1) == prefix:
                    v = tuple(int(p) for p in m.group(2).split("."))
                    best = v if best is None or v > best else best
        return best

    def private(self) -> set[str]:
        """Required versions such as GLIBC_PRIVATE: ties the file to one exact glibc build."""
        return {n for names in self.versions.values() for n in names if n.endswith("_PRIVATE")}


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def read_elf(path: Path) -> ElfInfo:
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data[:4] != ELF_MAGIC:
            raise ValueError(f"{path} is not an ELF file")
        return _parse(path, data)


def _parse(path: Path, data) -> ElfInfo:
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        sh_fmt, dyn_fmt = end + "IIQQQQIIQQ", end + "qQ"
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sh_fmt, dyn_fmt = end + "IIIIIIIIII", end + "iI"
    sections = []
    for i in range(shnum):
        name, typ, flags, addr, offset, size, link, info, align, entsize = struct.unpack_from(
            sh_fmt, data, shoff + i * shentsize)
        sections.append((typ, offset, size, link, entsize))

    def string(table: int, index: int) -> str:
        off = sections[table][1] + index
        return data[off:data.find(b"\0", off)].decode("utf-8", "replace")

    info = ElfInfo(Path(path))
    dyn_size = struct.calcsize(dyn_fmt)
    for typ, offset, size, link, _ in sections:
        if typ == SHT_DYNAMIC:
            for pos in range(offset, offset + size, dyn_size):
                tag, val = struct.unpack_from(dyn_fmt, data, pos)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    info.needed.append(string(link, val))
                elif tag == DT_SONAME:
                    info.soname = string(link, val)
        elif typ == SHT_GNU_VERNEED:
            pos = offset
            while True:
                _, cnt, file_idx, aux, nxt = struct.unpack_from(end + "HHIII", data, pos)
                names = info.versions.setdefault(string(link, file_idx), set())
                apos = pos + aux
                for _ in range(cnt):
                    _, _, _, name_idx, anext = struct.unpack_from(end + "IHHII", data, apos)
                    names.add(string(link, name_idx))
                    if not anext:
                        break
                    apos += anext
                if not nxt:
                    break
                pos += nxt
    return info


def elf_files(root: Path):
    """Every ELF file under `root` (symlinks skipped: their targets are listed themselves)."""
    for p in sorted(Path(root).rglob("*")):
        if p.is_file() and not p.is_symlink() and is_elf(p):
            yield p


def is_glibc_own(name: str) -> bool:
    return any(name.startswith(prefix) for prefix in GLIBC_OWN_LIBS)


def version_str(v: tuple[int, ...] | None) -> str:
    return ".".join(map(str, v)) if v else "-"
