"""The snapshot timeline under the sample grid: scrub the run's trainer snapshots, open one, branch from one.

The training process writes a snapshot of the whole trainer (G, D, optimizers, RNG) at spaced steps
(core/training/snapshots.py: √2 apart, at most 30); this strip lists them.  Moving the slider selects a
snapshot (the grid above jumps to the sheet of that step); **Open in Gallery** shows that
snapshot's generator in Gallery and Explore; **Branch…** starts a new run from it with changed
hyper-parameters (`BranchDialog`), its lineage kept in run.json.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from ..core.config import ConfigIssue, ExperimentConfig, field_label, field_spec, field_specs, get_value, with_values
from ..core.training.snapshots import describe_size
from .forms import FieldForm, form_layout
from .i18n import tr


def show_value(key: str, value) -> str:
    """A field's value as a form shows it (a choice by its name, a number without trailing zeros)."""
    choices = field_spec(key).choices or {}
    if value in choices:
        return tr(choices[value])
    if isinstance(value, bool):
        return tr("on") if value else tr("off")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def describe_changes(config: ExperimentConfig, changes: dict) -> str:
    """"Loss non-saturating → hinge, Adam β1 0.9 → 0.5": the fields by their names, old and new values."""
    parts = []
    for key, value in changes.items():
        old = get_value(config, key)
        if old != value:
            parts.append(tr("{field} {old} → {new}").format(field=tr(field_label(key)), old=show_value(key, old),
                                                           new=show_value(key, value)))
    return ", ".join(parts)


class SnapshotTimeline(QWidget):
    selected = Signal(int)              # step of the snapshot under the slider
    openRequested = Signal(int)         # show this snapshot's generator in Gallery / Explore
    branchRequested = Signal(int)       # start a new run from this snapshot

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[dict] = []     # {"step", "bytes", …}, oldest first
        self.budget_mb = 0.0            # the run's disk budget (TrainConfig.disk_mb; 0: none), shown in the label
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setToolTip(tr("The run keeps the whole trainer (both networks and their optimizers) at spaced "
                                  "steps: pick one to look at it, open it in Gallery or branch a new run from it"))
        self.slider.valueChanged.connect(self._on_slider)
        self.label = QLabel(tr("No snapshots yet"))
        self.label.setObjectName("snapshotLabel")
        self.label.setMinimumWidth(150)
        self.label.setWordWrap(True)           # its own line, wrapped in a narrow column: never cut off
        self.open_button = QPushButton(tr("Open in Gallery"))
        self.open_button.setToolTip(tr("Show the generator of this snapshot in Gallery and Explore"))
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested))
        self.branch_button = QPushButton(tr("Branch…"))
        self.branch_button.setToolTip(tr("Start a new run from this snapshot with other hyper-parameters; the "
                                         "new run remembers where it came from"))
        self.branch_button.clicked.connect(lambda: self._emit(self.branchRequested))
        self.lineage = QLabel("")
        self.lineage.setObjectName("lineageLabel")
        self.lineage.setWordWrap(True)
        self.lineage.setStyleSheet("QLabel#lineageLabel { color: palette(mid); }")
        self.lineage.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Snapshots")))
        row.addWidget(self.slider, 1)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.branch_button)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addLayout(row)
        col.addWidget(self.label)
        col.addLayout(actions)
        col.addWidget(self.lineage)
        self.set_snapshots([])

    # ---------------------------------------------------------------- data
    def set_snapshots(self, items) -> None:
        """The run's snapshots (dicts or `SnapshotInfo`s); the slider stays on the same step when it can."""
        current = self.current_step()
        follow = current is None or (self.items and current == self.items[-1]["step"])
        self.items = sorted(({"step": int(i["step"] if isinstance(i, dict) else i.step),
                              "bytes": int(i["bytes"] if isinstance(i, dict) else i.bytes)} for i in items),
                            key=lambda i: i["step"])
        n = len(self.items)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, n - 1))
        steps = [i["step"] for i in self.items]
        index = n - 1 if follow or current not in steps else steps.index(current)
        self.slider.setValue(max(0, index))
        self.slider.blockSignals(False)
        for w in (self.slider, self.open_button, self.branch_button):
            w.setEnabled(n > 0)
        self._show(index if n else -1)

    def clear(self) -> None:
        self.set_snapshots([])
        self.set_lineage("")

    def set_lineage(self, text: str) -> None:
        self.lineage.setText(text)
        self.lineage.setVisible(bool(text))

    def current_step(self) -> int | None:
        i = self.slider.value()
        return self.items[i]["step"] if 0 <= i < len(self.items) else None

    def select_step(self, step: int) -> None:
        steps = [i["step"] for i in self.items]
        if step in steps:
            self.slider.setValue(steps.index(step))

    def total_bytes(self) -> int:
        return sum(i["bytes"] for i in self.items)

    # ------------------------------------------------------------- display
    def _show(self, index: int) -> None:
        if index < 0:
            self.label.setText(tr("No snapshots yet"))
            return
        item = self.items[index]
        self.label.setText(tr("step {step:,} · {size} ({n} kept, {total})").format(
            step=item["step"], size=describe_size(item["bytes"]), n=len(self.items),
            total=describe_size(self.total_bytes())))
        if self.budget_mb > 0:
            self.label.setToolTip(tr("The run folder stays within its disk budget of {budget} MB (Optimisation ▸ "
                                     "Advanced ▸ Disk budget per run): older snapshots are thinned out to make "
                                     "room").format(budget=f"{self.budget_mb:g}"))
        else:
            self.label.setToolTip(tr("No disk budget: up to 30 snapshots are kept"))

    def set_budget(self, mb: float) -> None:
        """The run's disk budget in MB (0: none), named in the label's tooltip."""
        self.budget_mb = float(mb)
        self._show(self.slider.value() if self.items else -1)

    def _on_slider(self, index: int) -> None:
        self._show(index)
        step = self.current_step()
        if step is not None:
            self.selected.emit(step)

    def _emit(self, signal) -> None:
        step = self.current_step()
        if step is not None:
            signal.emit(step)


class BranchDialog(QDialog):
    """Which hyper-parameters the branch changes; `changes()` gives {"train.lr_g": new value, …}.

    Its fields are those whose descriptor says a branch may change them (`branch=True` in core/config.py:
    they keep the networks), built, checked and explained by the same forms as the Architecture panel."""

    def __init__(self, config: ExperimentConfig, step: int, parent=None, suggested: dict | None = None):
        """`suggested`: {"train.lr_g": value, …} filled in at once (a warning's fix); changes() is measured
        against `config`, the parent's settings."""
        super().__init__(parent)
        self.setWindowTitle(tr("Branch from step {step:,}").format(step=step))
        self.config = config
        self.form = FieldForm(self)
        layout = form_layout()
        self.form.add_rows(layout, [s.key for s in field_specs(branch=True)])
        self.form.apply(with_values(config, suggested) if suggested else config)
        # Suggested changes the form has no field for define the networks (the collapse fix for a seed-like
        # MLP): they come with the branch as they are, and it starts new networks from step 0.
        self.network_changes = {k: v for k, v in (suggested or {}).items() if k not in self.form.editors}
        if self.network_changes:
            self.setWindowTitle(tr("Rebuild the network and train again"))
        for key, editor in self.form.editors.items():       # dialog.lr_g, dialog.loss, …
            setattr(self, key.split(".", 1)[1], editor)
        note = QLabel(tr("The new run builds new networks with these changes and trains them from step 0: the "
                         "snapshot's weights do not fit a different network. Same data and seed; its run.json names "
                         "this run and step as its parent.") if self.network_changes else
                      tr("The new run starts from the snapshot's exact state — both networks, their optimizers and "
                         "the random streams — and trains on with these settings. Its run.json names this run and "
                         "step as its parent."))
        note.setObjectName("branchNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Rebuild and train") if self.network_changes else tr("Branch and train"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col = QVBoxLayout(self)
        col.addWidget(note)
        if suggested:
            fix = QLabel((tr("The suggested fix is filled in: {changes}. Change it if you like, then press "
                             "Rebuild and train.") if self.network_changes else
                          tr("The suggested fix is filled in: {changes}. Change it if you like, then press "
                             "Branch and train.")).format(changes=describe_changes(config, suggested)))
            fix.setWordWrap(True)
            fix.setObjectName("suggestedFix")
            col.addWidget(fix)
        col.addLayout(layout)
        col.addWidget(buttons)
        self.form.edited.connect(self._revalidate)
        self._revalidate()

    def issues(self) -> list[ConfigIssue]:
        cfg, parse_issues = self.form.read(self.config)
        parsed = {i.field for i in parse_issues}
        return parse_issues + [i for i in cfg.validate() if i.field in self.form.editors and i.field not in parsed]

    def _revalidate(self, _key: str = "") -> None:
        issues = self.issues()
        self.form.show_issues(issues)
        self.ok_button.setEnabled(not issues)

    def values(self) -> dict:
        return self.form.values()

    def changes(self) -> dict:
        """Only the fields whose value differs from the run's (with the suggested network changes)."""
        out = {k: v for k, v in self.network_changes.items() if v != get_value(self.config, k)}
        for key, value in self.values().items():
            old = get_value(self.config, key)
            if isinstance(value, float) and abs(value - old) <= 1e-12 * max(1.0, abs(old)):
                continue
            if value != old:
                out[key] = value
        return out
