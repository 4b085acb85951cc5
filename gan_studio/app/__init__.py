"""GAN Studio desktop app (PySide6).  Thin: user actions → core calls, core results → pixels."""

import sys as _sys


def _guard_singleton_refcounts() -> None:
    """Work around a PySide6 6.12 reference-count bug on Python < 3.12.

    That PySide6 build returns None from every void method and True from every
    `Signal.emit` without taking a reference: it behaves as if these objects
    were immortal, which they only are from Python 3.12 (PEP 683).  On 3.11
    each call therefore drops one reference, and after some 10^5–10^6 calls
    (a minute of live plotting) the interpreter aborts with "Fatal Python error:
    none_dealloc".  Giving the three singletons an enormous reference count
    makes them immortal in practice (2^40 references ≈ weeks of calls).
    """
    if _sys.version_info >= (3, 12) or _sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40   # ob_refcnt is the first field


_guard_singleton_refcounts()
