"""One writer per run folder: a small lock file, `RUN/.lock`.

    with RunLock(run_dir):          # raises RunLocked naming the owner
        ...train, calling lock.heartbeat() every few seconds...

The lock file is JSON — pid, hostname, start time, heartbeat time and a
random token — created atomically with O_CREAT|O_EXCL, so of two processes
starting at once exactly one wins.  A lock is *stale*, and is taken over, when

  * it comes from this host and its process is gone (or the pid now belongs
    to another process: on Linux the process start time is checked as well,
    and a lock from before the last reboot is stale), or
  * it comes from another host and its heartbeat is older than
    `stale_after` seconds (a server whose folder is synced here cannot be
    asked whether its process lives; the heartbeat is all there is).

A lock file that cannot be read (being written, or damaged) counts as held
for a short grace period after its last modification, then as stale.

Process liveness uses `os.kill(pid, 0)` on POSIX and OpenProcess /
GetExitCodeProcess on Windows (there `os.kill(pid, 0)` would terminate the
process); no third-party dependency.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write_text
from .runs import RunError

LOCK_FILE = ".lock"
LOCK_FORMAT = "gan-studio-lock/1"
STALE_AFTER = 120.0        # seconds without a heartbeat before another host's lock is stale
UNREADABLE_GRACE = 10.0    # seconds an unreadable lock file still counts as held
_TAKEOVER_FILE = ".lock.takeover"
_TAKEOVER_WAIT = 3.0


class RunLocked(RunError):
    """Another live process is training this run; `owner` says which."""

    def __init__(self, message: str, owner: "LockOwner | None" = None):
        super().__init__(message)
        self.owner = owner


@dataclass(frozen=True)
class LockOwner:
    """Who holds a run's lock, as read from its lock file."""

    pid: int
    hostname: str
    started: float          # epoch seconds
    heartbeat: float        # epoch seconds of the last heartbeat
    token: str
    alive: bool             # the owner is (as far as can be told) still running
    local: bool             # the lock was taken on this host

    @property
    def heartbeat_age(self) -> float:
        return max(0.0, time.time() - self.heartbeat)

    def describe(self) -> str:
        if not self.pid:
            return "a process whose lock file cannot be read yet"
        host = f"host {self.hostname or '?'}" + (" (this computer)" if self.local else "")
        return f"process {self.pid} on {host} since {_clock(self.started)}"


def _clock(epoch: float) -> str:
    if not epoch:
        return "an unknown time"
    t = time.localtime(epoch)
    if time.strftime("%Y-%m-%d", t) == time.strftime("%Y-%m-%d"):
        return time.strftime("%H:%M", t)
    return time.strftime("%Y-%m-%d %H:%M", t)


# ------------------------------------------------------------ process facts
def _hostname() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


def _boot_id() -> str:
    """Linux: changes at every boot (so a lock from before a reboot is stale); '' elsewhere."""
    text = _read_text("/proc/sys/kernel/random/boot_id") if sys.platform.startswith("linux") else None
    return text.strip() if text else ""


def _linux_proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) from /proc/PID/stat, or None."""
    if not sys.platform.startswith("linux"):
        return None
    text = _read_text(f"/proc/{pid}/stat")
    if not text or ")" not in text:
        return None
    fields = text.rsplit(")", 1)[1].split()
    if len(fields) < 20:
        return None
    return fields[0], fields[19]     # fields 3 and 22 of proc(5)


def _process_start(pid: int) -> str:
    stat = _linux_proc_stat(pid)
    return stat[1] if stat else ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this computer (zombies count as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass                     # exists, owned by another user
    except OSError:
        return False
    stat = _linux_proc_stat(pid)
    return not (stat and stat[0] in ("Z", "X"))


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    STILL_ACTIVE = 259
    ERROR_ACCESS_DENIED = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return ctypes.get_last_error() == ERROR_ACCESS_DENIED
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


# ---------------------------------------------------------------- the lock
class RunLock:
    """The lock of one run folder.  Not re-entrant; one object per writer.

    acquire()   take the lock or raise `RunLocked` (a stale lock is taken over)
    heartbeat() refresh the heartbeat time; call every few seconds while training
    release()   remove the lock file if it is still ours
    """

    def __init__(self, path, stale_after: float = STALE_AFTER):
        path = Path(path)
        if path.is_file() and path.name == "run.json":
            path = path.parent
        self.path = path
        self.file = path / LOCK_FILE
        self.stale_after = float(stale_after)
        self.token: str | None = None
        self._info: dict | None = None

    @property
    def held(self) -> bool:
        return self.token is not None

    # ------------------------------------------------------------ reading
    @staticmethod
    def owner(path, stale_after: float = STALE_AFTER) -> LockOwner | None:
        """Who holds the lock of the run at `path` (None when nobody has a lock file there)."""
        path = Path(path)
        if path.is_file() and path.name == "run.json":
            path = path.parent
        return _read_owner(path / LOCK_FILE, stale_after)

    # ------------------------------------------------------------ writing
    def _new_info(self) -> dict:
        now = time.time()
        return {"format": LOCK_FORMAT, "pid": os.getpid(), "hostname": _hostname(), "started": now,
                "heartbeat": now, "token": uuid.uuid4().hex, "boot_id": _boot_id(),
                "process_start": _process_start(os.getpid())}

    def _create(self) -> bool:
        """Create the lock file exclusively; False when one exists."""
        info = self._new_info()
        try:
            fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise RunError(f"could not create the lock file {self.file}: {exc.strerror or exc}") from exc
        try:
            os.write(fd, json.dumps(info, indent=1).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        self.token, self._info = info["token"], info
        return True

    def acquire(self) -> "RunLock":
        """Take the lock; raises `RunLocked` naming the owner when a live process holds it."""
        if self.held:
            raise RunError(f"this RunLock already holds {self.file}")
        if not self.path.is_dir():
            raise RunError(f"{self.path} is not a folder")
        deadline = time.monotonic() + 1.0
        for _ in range(100):
            if self._create():
                return self
            current = _read_owner(self.file, self.stale_after)
            if current is None:
                continue                # released in between: try again
            if current.alive:
                if not current.pid and time.monotonic() < deadline:
                    time.sleep(0.01)    # created this instant, content not written yet: wait to name the owner
                    continue
                raise _locked(current)
            self._take_over(current)
            if self.held:
                return self
        current = _read_owner(self.file, self.stale_after)
        raise _locked(current) if current is not None else RunError(f"could not take the lock {self.file}")

    def _take_over(self, stale: LockOwner) -> None:
        """Replace a stale lock, serialised by a second exclusive file so two takers cannot both win."""
        mutex = self.path / _TAKEOVER_FILE
        deadline = time.monotonic() + _TAKEOVER_WAIT
        while True:
            try:
                fd = os.open(mutex, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                os.close(fd)
                break
            except FileExistsError:
                try:
                    if time.time() - mutex.stat().st_mtime > UNREADABLE_GRACE:
                        mutex.unlink()   # a taker that died mid-takeover
                        continue
                except OSError:
                    continue
                if time.monotonic() > deadline:
                    return
                time.sleep(0.02)
        try:
            again = _read_owner(self.file, self.stale_after)
            if again is not None and (again.alive or again.token != stale.token):
                return                  # someone else took it meanwhile; acquire() re-checks
            if again is not None:
                try:
                    self.file.unlink()
                except FileNotFoundError:
                    pass
            self._create()
        finally:
            try:
                mutex.unlink()
            except OSError:
                pass

    def heartbeat(self) -> None:
        """Refresh the heartbeat time.  Raises `RunLocked` if another process has taken the lock
        over meanwhile (this writer was considered dead: stop writing)."""
        if not self.held:
            raise RunError(f"heartbeat() on {self.file} without acquire()")
        current = _read_raw(self.file)
        if current is None:
            if not self.file.exists():   # removed by hand: take it again if nobody else has
                self.token = None
                self.acquire()
            return                       # unreadable for a moment (being replaced): skip this beat
        if current.get("token") != self.token:
            owner = _read_owner(self.file, self.stale_after)
            self.token = None
            raise _locked(owner, lost=True)
        self._info = dict(self._info or current, heartbeat=time.time())
        try:
            atomic_write_text(self.file, json.dumps(self._info, indent=1))
        except OSError:
            pass                         # e.g. a reader has it open on Windows; the next beat retries

    def release(self) -> bool:
        """Remove the lock file if it is ours; True when removed.  Safe to call twice."""
        if not self.held:
            return False
        token, self.token = self.token, None
        current = _read_raw(self.file)
        if current is None or current.get("token") != token:
            return False
        try:
            self.file.unlink()
        except FileNotFoundError:
            return False
        return True

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"RunLock({str(self.path)!r}, held={self.held})"


def _locked(owner: LockOwner | None, lost: bool = False) -> RunLocked:
    who = owner.describe() if owner is not None else "another process"
    if lost:
        return RunLocked(f"the lock of this run was taken over by {who}; stop writing to it", owner)
    return RunLocked(f"this run is being trained by {who}; stop it there or wait", owner)


def _read_raw(file: Path) -> dict | None:
    try:
        data = json.loads(file.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _number(value, default=0.0) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _read_owner(file: Path, stale_after: float) -> LockOwner | None:
    try:
        mtime = file.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        mtime = time.time()
    data = _read_raw(file)
    pid = data.get("pid") if data else None
    if not data or not isinstance(pid, int) or isinstance(pid, bool):
        # Being written this instant, or damaged: held for a short grace period, then stale.
        return LockOwner(0, "", 0.0, mtime, str((data or {}).get("token", "")),
                         alive=time.time() - mtime < UNREADABLE_GRACE, local=False)
    host = str(data.get("hostname", ""))
    heartbeat = _number(data.get("heartbeat"), mtime)
    local = bool(host) and host == _hostname()
    if local:
        alive = pid_alive(pid)
        boot = data.get("boot_id") or ""
        if alive and boot and _boot_id() and boot != _boot_id():
            alive = False                 # taken before the last reboot: the pid is someone else's now
        start = data.get("process_start") or ""
        if alive and start and _process_start(pid) not in ("", start):
            alive = False                 # the pid was reused by another process
    else:
        now = time.time()
        if heartbeat > now + stale_after:
            # a heartbeat from the future (a clock far ahead, or a damaged file) would never go stale:
            # judge by when the file was last written here instead
            heartbeat = mtime if mtime <= now + stale_after else 0.0
        alive = now - heartbeat <= stale_after
    return LockOwner(pid, host, _number(data.get("started")), heartbeat, str(data.get("token", "")),
                     alive=alive, local=local)
