"""RunLock: one writer per run folder, across processes."""

import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gan_studio.core.run_folders import runlock
from gan_studio.core.run_folders.runlock import LOCK_FILE, RunLock, RunLocked, pid_alive
from gan_studio.core.run_folders.runs import RunError

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time\n"
        "from gan_studio.core.run_folders.runlock import RunLock\n"
        "lock = RunLock(sys.argv[1]).acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n")
TRY = ("import sys\n"
       "from gan_studio.core.run_folders.runlock import RunLock, RunLocked\n"
       "try:\n"
       "    RunLock(sys.argv[1]).acquire()\n"
       "except RunLocked as exc:\n"
       "    print(exc.owner.pid, exc, sep='\\n')\n"
       "    sys.exit(3)\n")


@pytest.fixture
def run_dir(tmp_path):
    path = tmp_path / "run"
    path.mkdir()
    (path / "run.json").write_text("{}")
    return path


def _python(code, *args, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=60)
    return proc.pid


def _write_lock(run_dir, **fields):
    info = {"pid": 1, "hostname": socket.gethostname(), "started": time.time(), "heartbeat": time.time(),
            "token": "someone-else"}
    info.update(fields)
    (run_dir / LOCK_FILE).write_text(json.dumps(info))


def test_acquire_writes_owner_and_release_removes_it(run_dir):
    assert RunLock.owner(run_dir) is None
    with RunLock(run_dir) as lock:
        assert lock.held
        info = json.loads((run_dir / LOCK_FILE).read_text())
        assert info["pid"] == os.getpid() and info["hostname"] == socket.gethostname()
        assert info["heartbeat"] == info["started"] > 0 and info["token"] == lock.token
        owner = RunLock.owner(run_dir)
        assert (owner.pid, owner.alive, owner.local, owner.token) == (os.getpid(), True, True, lock.token)
        assert RunLock.owner(run_dir / "run.json").pid == os.getpid()
    assert not (run_dir / LOCK_FILE).exists() and not lock.held and RunLock.owner(run_dir) is None
    assert lock.release() is False                       # twice is harmless


def test_a_second_lock_in_the_same_process_is_refused(run_dir):
    with RunLock(run_dir):
        with pytest.raises(RunLocked, match=f"process {os.getpid()} on host .* since \\d\\d:\\d\\d; stop it there or wait"):
            RunLock(run_dir).acquire()
        assert (run_dir / LOCK_FILE).exists()
    with pytest.raises(RunError, match="not a folder"):
        RunLock(run_dir / "missing").acquire()


def test_another_process_is_refused_while_we_hold_the_lock(run_dir):
    with RunLock(run_dir):
        proc = _python(TRY, run_dir)
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 3, err
        pid, message = out.splitlines()[:2]
        assert int(pid) == os.getpid()
        assert f"this run is being trained by process {os.getpid()} on host {socket.gethostname()}" in message
    proc = _python(TRY, run_dir)                         # released: the other process gets it
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err


def test_the_lock_of_a_killed_process_is_taken_over(run_dir):
    proc = _python(HOLD, run_dir)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(RunLocked, match=f"process {proc.pid} ") as info:
            RunLock(run_dir).acquire()
        assert info.value.owner.pid == proc.pid and info.value.owner.alive
        proc.kill()                                      # SIGKILL: no chance to clean up
        if sys.platform.startswith("linux"):             # not reaped yet: a zombie counts as gone
            deadline = time.monotonic() + 60             # (the signal is delivered asynchronously)
            while RunLock.owner(run_dir).alive and time.monotonic() < deadline:
                time.sleep(0.01)
            assert RunLock.owner(run_dir).pid == proc.pid and not RunLock.owner(run_dir).alive
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=60)
    assert (run_dir / LOCK_FILE).exists()                # the dead process left its lock behind
    owner = RunLock.owner(run_dir)
    assert owner.pid == proc.pid and not owner.alive
    lock = RunLock(run_dir).acquire()
    assert RunLock.owner(run_dir).pid == os.getpid() and RunLock.owner(run_dir).token == lock.token
    assert lock.release()
    assert not list(run_dir.glob(".lock*"))              # no takeover leftovers


def test_release_only_removes_our_own_lock(run_dir):
    lock = RunLock(run_dir).acquire()
    other = RunLock(run_dir)
    assert other.release() is False and (run_dir / LOCK_FILE).exists()   # never acquired
    info = json.loads((run_dir / LOCK_FILE).read_text())
    _write_lock(run_dir, pid=info["pid"], token="taken-over-by-someone-else")
    assert lock.release() is False
    assert json.loads((run_dir / LOCK_FILE).read_text())["token"] == "taken-over-by-someone-else"


def test_heartbeat_refreshes_the_time_and_notices_a_takeover(run_dir):
    lock = RunLock(run_dir).acquire()
    info = json.loads((run_dir / LOCK_FILE).read_text())
    info["heartbeat"] = 1000.0
    (run_dir / LOCK_FILE).write_text(json.dumps(info))
    assert RunLock.owner(run_dir).heartbeat == 1000.0
    lock.heartbeat()
    after = json.loads((run_dir / LOCK_FILE).read_text())
    assert after["heartbeat"] > 1000.0 and after["token"] == lock.token and after["started"] == info["started"]
    assert not list(run_dir.glob("*.tmp"))
    # Removed by hand: the next heartbeat takes it again.
    (run_dir / LOCK_FILE).unlink()
    lock.heartbeat()
    assert lock.held and RunLock.owner(run_dir).token == lock.token
    # Taken over by another writer: heartbeat says so and the lock is no longer ours.
    _write_lock(run_dir, pid=os.getpid(), token="another-writer")
    with pytest.raises(RunLocked, match="taken over by process"):
        lock.heartbeat()
    assert not lock.held and json.loads((run_dir / LOCK_FILE).read_text())["token"] == "another-writer"
    with pytest.raises(RunError, match="without acquire"):
        lock.heartbeat()


def test_lock_of_a_dead_local_pid_is_stale(run_dir):
    pid = _dead_pid()
    assert not pid_alive(pid) and pid_alive(os.getpid())
    _write_lock(run_dir, pid=pid)
    assert not RunLock.owner(run_dir).alive
    with RunLock(run_dir) as lock:
        assert RunLock.owner(run_dir).token == lock.token


def test_lock_from_another_host_goes_stale_by_heartbeat(run_dir):
    now = time.time()
    _write_lock(run_dir, pid=os.getpid(), hostname="gpu-server", heartbeat=now - 30)
    owner = RunLock.owner(run_dir, stale_after=120)
    assert owner.alive and not owner.local and owner.hostname == "gpu-server"
    with pytest.raises(RunLocked, match="process .* on host gpu-server since"):
        RunLock(run_dir, stale_after=120).acquire()
    _write_lock(run_dir, pid=os.getpid(), hostname="gpu-server", heartbeat=now - 600)
    assert not RunLock.owner(run_dir, stale_after=120).alive
    lock = RunLock(run_dir, stale_after=120).acquire()
    assert RunLock.owner(run_dir).hostname == socket.gethostname()
    lock.release()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start times and boot ids are read from /proc")
def test_reused_pid_or_reboot_makes_a_local_lock_stale(run_dir):
    with RunLock(run_dir):                                              # what this process writes
        ours = json.loads((run_dir / LOCK_FILE).read_text())
    assert ours["pid"] == os.getpid() and ours["process_start"] and ours["boot_id"]
    _write_lock(run_dir, **dict(ours, token="someone-else"))
    assert RunLock.owner(run_dir).alive
    _write_lock(run_dir, **dict(ours, process_start="1"))              # our pid, another process's start
    assert not RunLock.owner(run_dir).alive
    _write_lock(run_dir, **dict(ours, boot_id="from-before-the-reboot"))
    assert not RunLock.owner(run_dir).alive


def test_unreadable_lock_is_held_briefly_then_stale(run_dir):
    (run_dir / LOCK_FILE).write_text('{"pid": 12')                     # being written right now
    owner = RunLock.owner(run_dir)
    assert owner.pid == 0 and owner.alive
    with pytest.raises(RunLocked, match="cannot be read yet"):
        RunLock(run_dir).acquire()
    past = time.time() - 3600
    os.utime(run_dir / LOCK_FILE, (past, past))
    assert not RunLock.owner(run_dir).alive
    with RunLock(run_dir) as lock:
        assert RunLock.owner(run_dir).token == lock.token


def _race(run_dir, barrier, results, done, seen):
    if seen is not None:
        # Widen the race: every contender waits after it first sees the stale lock until all of them
        # have seen it, so none replaces it before the others looked.  Only the takeover's own
        # exclusion keeps a single winner then.
        read = runlock._read_owner
        waited = []

        def read_then_wait_for_all(*args):
            owner = read(*args)
            if owner is not None and not owner.alive and not waited:
                waited.append(True)
                seen.wait(timeout=60)
            return owner

        runlock._read_owner = read_then_wait_for_all
    barrier.wait(timeout=60)
    try:
        RunLock(run_dir).acquire()
        results.put(("won", os.getpid()))
        done.wait(timeout=60)                            # hold it until every contender has tried
    except RunLocked as exc:
        results.put(("lost", exc.owner.pid))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork for cheap workers")
@pytest.mark.parametrize("stale", [False, True])
def test_exactly_one_of_many_racing_processes_wins(run_dir, stale):
    """Fresh: O_EXCL decides.  Stale (a dead owner's lock): the takeover is serialised."""
    if stale:
        _write_lock(run_dir, pid=_dead_pid())
    ctx = multiprocessing.get_context("fork")
    n = 6
    barrier, results, done = ctx.Barrier(n), ctx.Queue(), ctx.Event()
    seen = ctx.Barrier(n) if stale else None
    procs = [ctx.Process(target=_race, args=(run_dir, barrier, results, done, seen)) for _ in range(n)]
    for p in procs:
        p.start()
    try:
        outcomes = [results.get(timeout=120) for _ in range(n)]
    finally:
        done.set()
        for p in procs:
            p.join(timeout=60)
    winners = [pid for kind, pid in outcomes if kind == "won"]
    assert len(winners) == 1
    assert all(pid == winners[0] for kind, pid in outcomes if kind == "lost")


def test_a_foreign_heartbeat_30_days_in_the_future_goes_stale_by_the_files_age(run_dir):
    """Such a heartbeat never went stale; now the time the file was last written here decides."""
    now = time.time()
    _write_lock(run_dir, pid=os.getpid(), hostname="gpu-server", heartbeat=now + 30 * 86400)
    os.utime(run_dir / LOCK_FILE, (now - 600, now - 600))          # not written for 10 minutes
    assert not RunLock.owner(run_dir, stale_after=120).alive
    lock = RunLock(run_dir, stale_after=120).acquire()
    assert RunLock.owner(run_dir).hostname == socket.gethostname()
    lock.release()
    _write_lock(run_dir, pid=os.getpid(), hostname="gpu-server", heartbeat=now + 30 * 86400)   # written just now
    assert RunLock.owner(run_dir, stale_after=120).alive
