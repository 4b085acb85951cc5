"""A branch that rebuilds the networks: fresh weights from step 0, the parent named in its lineage.

A branch normally keeps the networks and goes on from a snapshot's exact state (`TrainingSession.branch`).
When the changes define the networks (their `change` rule is RESTART: batch norm, activations, batch size,
EMA, …) nothing of the snapshot's weights fits, so the new run starts afresh with the changed settings — the
same data and seed — and its run.json still records ``"lineage": {"parent", "parent_step", "changes",
"restarted": true}``: the collapse warning's fix for a seed-like MLP (`diagnostics.collapse_fix`) does this.
Its curves start at step 0 (nothing of the parent's history is copied: it would describe other networks).
"""

from __future__ import annotations

from ..run_folders.runs import RunFolder


def restart_branch(session_cls, parent: RunFolder, step: int, run_dir, config, diff: dict, device=None,
                   progress=None, cancel=None):
    """A new session of `session_cls` on `config` from step 0 in `run_dir`, its lineage naming `parent` at
    `step` with `diff` ({key: (old, new)})."""
    session = session_cls(config, None, device=device, progress=progress, cancel=cancel)
    try:
        session.run = RunFolder.create(run_dir, session.config, session.dataset.identity)
        session.run.info["lineage"] = {"parent": str(parent.path.resolve()), "parent_step": int(step),
                                       "changes": {k: [a, b] for k, (a, b) in diff.items()}, "restarted": True}
        session._lock(session.run.path)
        session.save("paused")
    except BaseException:
        session.close()
        raise
    return session
