"""The Architecture panel: preset, model shape, optimisation and device settings with inline validation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..core.config import DEVICE, ConfigIssue, ModelConfig, TrainConfig, field_label, field_specs
from ..core.training.device import available_devices, cpu_device, cpu_threads
from ..core.experiment import CUSTOM, Experiment
from ..core.presets import get_preset, load_presets
from .i18n import plan_text, tr, translate_message
from .torch_loader import torch_loader
from .forms import FieldForm, form_layout
from .widgets import CollapsibleSection, InlineMessage, format_count, guard_wheel, muted



class ArchitecturePanel(QWidget):
    """A view of the Experiment's model and training settings: edits go to the Experiment, its changes
    come back to the widgets, and which fields are editable follows its rules."""

    configChanged = Signal()
    validityChanged = Signal(bool)
    parameterCountsChanged = Signal(object, object)     # Python ints: wide models overflow a C int

    def __init__(self, experiment: Experiment | None = None, parent=None):
        super().__init__(parent)
        self.experiment = experiment or Experiment()
        self._presets = list(load_presets())
        self._updating = False
        self._valid = True
        self._issues: list[ConfigIssue] = []
        self._counts: tuple[int, int] | None = None
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._recount)
        self._build()
        guard_wheel(self)        # scrolling the side panel never changes a field the pointer passes over
        cfg = self.experiment.config
        self._apply(cfg.model, cfg.train)
        self._show_preset()
        self._revalidate(emit=False)
        self._recount()
        # Until PyTorch has loaded (app start-up), the device list shows the CPU and the count waits.
        torch_loader().when_ready(self._on_torch_ready)
        self.experiment.configChanged.connect(self._on_experiment_changed)
        self.experiment.stateChanged.connect(self._on_state)
        self.experiment.runChanged.connect(self._show_pending)
        self.destroyed.connect(lambda *_: self._disconnect_experiment())

    def _disconnect_experiment(self) -> None:
        for signal, slot in ((self.experiment.configChanged, self._on_experiment_changed),
                             (self.experiment.stateChanged, self._on_state),
                             (self.experiment.runChanged, self._show_pending)):
            signal.disconnect(slot)

    # ------------------------------------------------------------------ layout
    def _group_form(self, group: str) -> QFormLayout:
        """A form of every field whose descriptor names `group`, in declaration order."""
        form = form_layout()
        for spec in field_specs(group=group):     # the device list is found at run time: the panel's own combo
            self.form.add_row(form, spec.key, self.device_combo if spec.widget == DEVICE else None)
        return form

    def _build(self) -> None:
        self.form = FieldForm(self)
        self.form.edited.connect(self._on_edit)
        self.form.committed.connect(self._on_committed)
        self._fields = self.form.fields
        self._labels = self.form.labels
        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.setSpacing(8)

        # Preset
        preset_box = QGroupBox(tr("Preset"), self)
        pl = QVBoxLayout(preset_box)
        self.preset_combo = QComboBox(preset_box)
        self.preset_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset_combo.setMinimumContentsLength(16)
        for p in self._presets:
            self.preset_combo.addItem(tr(p.title), p.key)
            self.preset_combo.setItemData(self.preset_combo.count() - 1, tr(p.description),
                                          Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.setToolTip(tr("A curated starting point; every field below can still be changed"))
        self.preset_combo.activated.connect(self._on_preset_activated)
        pl.addWidget(self.preset_combo)
        self.preset_description = muted(QLabel(preset_box))
        self.preset_description.setWordWrap(True)
        pl.addWidget(self.preset_description)
        root.addWidget(preset_box)

        # The device list is filled at run time (devices found), so the panel makes that one drop-down.
        self.device_combo = QComboBox(self)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.setMinimumContentsLength(12)
        self._fill_devices([cpu_device()])

        # Model
        model_box = QGroupBox(tr("Model"), self)
        mv = QVBoxLayout(model_box)
        self._model_form = self._group_form("model")
        mv.addLayout(self._model_form)
        self.param_label = QLabel(model_box)
        font = self.param_label.font()
        font.setBold(True)
        self.param_label.setFont(font)
        self.param_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        mv.addWidget(self.param_label)
        root.addWidget(model_box)

        # Optimisation
        opt_box = QGroupBox(tr("Optimisation"), self)
        ov = QVBoxLayout(opt_box)
        ov.addLayout(self._group_form("optimisation"))
        adv = QWidget(self)
        form = self._group_form("advanced")
        form.setContentsMargins(0, 0, 0, 0)
        adv.setLayout(form)
        self.advanced = CollapsibleSection(tr("Advanced"), adv, expanded=False)
        ov.addWidget(self.advanced)
        root.addWidget(opt_box)

        # Device
        dev_box = QGroupBox(tr("Device"), self)
        dev_box.setLayout(self._group_form("device"))
        root.addWidget(dev_box)
        self.threads_spin = self.form.editors["train.threads"]
        self.threads_spin.setSpecialValueText(tr("All cores ({n})").format(n=cpu_threads()))

        self.general_issues = InlineMessage(self)
        root.addWidget(self.general_issues)
        self.pending_note = InlineMessage(self)
        self.pending_note.setObjectName("pendingNote")
        root.addWidget(self.pending_note)
        root.addStretch(1)

    # -------------------------------------------------------------- public API
    def editor(self, key: str) -> QWidget:
        """The editor of a dotted config key ("train.lr_g"), built from its descriptor."""
        return self.form.editors[key]

    def model_config(self) -> ModelConfig:
        return self._read()[0]

    def train_config(self) -> TrainConfig:
        return self._read()[1]

    def preset_key(self) -> str:
        """The preset on show, or "custom" once a field a preset decides was edited."""
        return self.experiment.preset_key

    def device(self) -> str:
        return self.device_combo.currentData() or "auto"

    def issues(self) -> list[ConfigIssue]:
        return list(self._issues)

    def is_valid(self) -> bool:
        return self._valid

    def parameter_counts(self) -> tuple[int, int] | None:
        """(generator, discriminator) parameters of the current model; None while it is invalid."""
        return self._counts

    def choose_preset(self, key: str) -> None:
        """Fill every field the preset decides (what choosing it in the combo does)."""
        self.experiment.choose_preset(key)

    def commit(self) -> None:
        """Send a text field still being edited to the Experiment (before Train reads it)."""
        self._push()

    # ---------------------------------------------------------------- reading
    def _read(self) -> tuple[ModelConfig, TrainConfig]:
        model, train, _ = self._read_with_parse_issues()
        return model, train

    def _read_with_parse_issues(self):
        cfg, issues = self.form.read(self.experiment.config)
        return cfg.model, cfg.train, issues

    # ---------------------------------------------------------------- writing
    def _apply(self, model: ModelConfig, train: TrainConfig) -> None:
        self._updating = True
        try:
            self.form.apply(self.experiment.config.replace(model=model, train=train))
        finally:
            self._updating = False
        self._update_arch_dependent()

    def _fill_devices(self, devices) -> None:
        """Auto + every device found (best first); a configured device this computer lacks stays listed."""
        keep = self.device_combo.currentData()
        self.device_combo.blockSignals(True)
        try:
            self.device_combo.clear()
            self.device_combo.addItem(tr("Auto — {device}").format(device=translate_message(devices[0].label)), "auto")
            for d in devices:
                self.device_combo.addItem(translate_message(d.label), d.key)
            if keep is not None:
                idx = self.device_combo.findData(keep)
                if idx < 0:
                    self.device_combo.addItem(tr("{device} (not available here)").format(device=keep), keep)
                    idx = self.device_combo.count() - 1
                self.device_combo.setCurrentIndex(idx)
        finally:
            self.device_combo.blockSignals(False)

    def _on_torch_ready(self) -> None:
        self._fill_devices(available_devices())
        self._recount()

    def _update_arch_dependent(self) -> None:
        self.form.update_conditions()
        self._update_enabled()

    def _update_enabled(self) -> None:
        """While training only LIVE fields stay editable (the Experiment's rule); a field that means nothing
        now (gp weight without WGAN-GP) is greyed out."""
        exp = self.experiment
        self.form.set_enabled(exp.editable)
        self.preset_combo.setEnabled(not exp.active)

    # ----------------------------------------------------------------- presets
    def _show_preset(self) -> None:
        exp = self.experiment
        key = exp.preset_key
        known = {p.key for p in self._presets}
        if key != CUSTOM:
            self._remove_custom_item()
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(key)))
            self.preset_description.setText(tr(get_preset(key).description))
            return
        base = get_preset(exp.base_preset) if exp.base_preset in known else None
        title = tr("Custom (based on {preset})").format(preset=tr(base.title)) if base else tr("Custom")
        idx = self.preset_combo.findData(CUSTOM)
        if idx < 0:
            self.preset_combo.addItem(title, CUSTOM)
            idx = self.preset_combo.count() - 1
        else:
            self.preset_combo.setItemText(idx, title)
        self.preset_combo.setItemData(idx, tr("Your own settings; pick a preset to start over."),
                                      Qt.ItemDataRole.ToolTipRole)
        self.preset_combo.setCurrentIndex(idx)
        self.preset_description.setText(
            (tr("Your own settings, started from “{preset}”. ").format(preset=tr(base.title)) if base
             else tr("Your own settings. "))
            + tr("Choose a preset above to start over."))

    def _remove_custom_item(self) -> None:
        idx = self.preset_combo.findData(CUSTOM)
        if idx >= 0:
            self.preset_combo.removeItem(idx)

    def _on_preset_activated(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        if key == CUSTOM or key is None:
            return
        self.choose_preset(key)

    # ----------------------------------------------------------------- editing
    def _on_edit(self, _key: str = "") -> None:
        if self._updating:
            return
        self._update_arch_dependent()
        self._revalidate(emit=True)

    def _on_committed(self, _key: str = "") -> None:
        if not self._updating:
            self._push()       # text fields send once editing is finished

    def _push(self) -> None:
        """Send what the widgets say to the Experiment (fields that do not parse keep their last value)."""
        model, train, _ = self._read_with_parse_issues()
        exp = self.experiment
        self.experiment.set_config(exp.config.replace(model=model, train=train))

    def _on_experiment_changed(self, keys: set) -> None:
        if any(k.startswith(("model.", "train.")) for k in keys):
            model, train = self._read()
            cfg = self.experiment.config
            if (model, train) != (cfg.model, cfg.train):
                self._apply(cfg.model, cfg.train)
            self._schedule_count()
        self._show_preset()
        self._revalidate(emit=True)
        self._show_pending()
        self.configChanged.emit()

    def _on_state(self, _state: str) -> None:
        self._update_enabled()
        self._show_pending()

    def _show_pending(self) -> None:
        """Tell the truth about edits made since training: they apply on Continue, or start a new experiment."""
        exp = self.experiment
        text = "" if exp.active else plan_text(exp.plan())
        if text:
            self.pending_note.show_message(text, "warning" if exp.plan().action == "new" else "info")
        else:
            self.pending_note.clear_message()

    def _revalidate(self, emit: bool) -> None:
        model, train, parse_issues = self._read_with_parse_issues()
        parsed = {i.field for i in parse_issues}
        cfg = self.experiment.config.replace(model=model, train=train)
        issues = parse_issues + [i for i in cfg.validate()
                                 if i.field.startswith(("model.", "train.")) and i.field not in parsed]
        issues = self.form.blocking(issues)      # depth is hidden for DCGAN: never block on it
        self._issues = issues
        general = self.form.show_issues(issues)
        if general:
            self.general_issues.show_message("\n".join(f"{tr(field_label(i.field))}: {translate_message(i.message)}"
                                                       for i in general), "error")
        else:
            self.general_issues.clear_message()
        valid = not issues
        if valid != self._valid:
            self._valid = valid
            if emit:
                self.validityChanged.emit(valid)

    # -------------------------------------------------------- parameter count
    def _schedule_count(self) -> None:
        self._count_timer.start()

    def _recount(self) -> None:
        if not torch_loader().is_ready():
            self.param_label.setText(tr("Parameters: counted once PyTorch has loaded…"))
            return
        from ..core.models import count_parameters   # torch: loaded after the window is shown

        model = self.model_config()
        if [i for i in model.validate()] or (model.arch == "mlp" and model.conditional):
            self._counts = None
            self.param_label.setText(tr("Parameters: fix the fields marked in red"))
            self.param_label.setToolTip("")
            return
        g, d = count_parameters(model)
        self._counts = (g, d)
        self.param_label.setText(tr("G {g} · D {d} parameters").format(g=format_count(g), d=format_count(d)))
        self.param_label.setToolTip(tr("Generator: {g:,} parameters\nDiscriminator: {d:,} parameters").format(g=g, d=d))
        self.parameterCountsChanged.emit(g, d)

