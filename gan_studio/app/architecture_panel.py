"""The Architecture panel: preset, model shape, optimisation and device settings with inline validation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

from ..core.config import (D_NORMS, LOSS_LABELS, LOSSES, UPDATES, ConfigIssue, ModelConfig,
                           TrainConfig, field_label)
from ..core.device import available_devices, cpu_device, cpu_threads
from ..core.experiment import CUSTOM, Experiment
from ..core.presets import get_preset, load_presets
from .i18n import plan_text, tr, tr_noop, translate_message
from .torch_loader import torch_loader
from .widgets import (CollapsibleSection, InlineMessage, ValidatedField, format_count, format_float, guard_wheel,
                      muted, set_clamped)

ARCH_LABELS = {"dcgan": tr_noop("DCGAN (convolutional)"), "mlp": tr_noop("MLP (fully connected)")}
D_NORM_LABELS = {"none": tr_noop("None"), "batch": tr_noop("Batch norm"), "spectral": tr_noop("Spectral norm")}
UPDATE_LABELS = {"alternating": tr_noop("Alternating (D, then G)"), "simultaneous": tr_noop("Simultaneous (D and G at once)")}


class ArchitecturePanel(QWidget):
    """A view of the Experiment's model and training settings: edits go to the Experiment, its changes
    come back to the widgets, and which fields are editable follows its rules."""

    configChanged = Signal()
    validityChanged = Signal(bool)
    parameterCountsChanged = Signal(int, int)

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
    def _spin(self, lo: int, hi: int, step: int = 1, special: str | None = None) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(lo, hi)          # wider than valid on purpose: validation shows the limits
        box.setSingleStep(step)
        box.setKeyboardTracking(True)
        box.setAccelerated(True)
        if special:
            box.setSpecialValueText(special)
        box.valueChanged.connect(self._on_edit)
        return box

    def _float_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._on_edit)
        edit.editingFinished.connect(self._on_edit_finished)
        return edit

    def _field(self, form: QFormLayout, label: str, editor: QWidget, key: str, hint: str) -> ValidatedField:
        field = ValidatedField(editor, hint)
        lab = QLabel(label)
        lab.setToolTip(hint)
        lab.setBuddy(editor)
        form.addRow(lab, field)
        self._fields[key] = field
        self._labels[key] = lab
        return field

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(2)
        return form

    def _build(self) -> None:
        self._fields: dict[str, ValidatedField] = {}
        self._labels: dict[str, QLabel] = {}
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

        # Model
        model_box = QGroupBox(tr("Model"), self)
        mv = QVBoxLayout(model_box)
        form = self._form()
        self.arch_combo = QComboBox(self)
        for key, text in ARCH_LABELS.items():
            self.arch_combo.addItem(tr(text), key)
        self.arch_combo.currentIndexChanged.connect(self._on_edit)
        self._field(form, tr("Architecture"), self.arch_combo, "model.arch",
                    tr("DCGAN: convolutional, the better choice for images. MLP: the original fully connected GAN."))
        self.conditional_check = QCheckBox(tr("Tell the networks the class"), self)
        self.conditional_check.toggled.connect(self._on_edit)
        self._field(form, tr("Conditional"), self.conditional_check, "model.conditional",
                    tr("A conditional GAN is given the class label, so you can ask for a specific digit."))
        self.latent_spin = self._spin(0, 100_000, 8)
        self._field(form, tr("Latent size"), self.latent_spin, "model.latent_dim",
                    tr("Length of the random noise vector the generator starts from (1–1024)."))
        self.g_width_spin = self._spin(0, 100_000, 8)
        self._field(form, tr("Generator width"), self.g_width_spin, "model.g_width",
                    tr("DCGAN: base number of channels. MLP: first hidden layer width (doubles per layer). 4–2048."))
        self.d_width_spin = self._spin(0, 100_000, 8)
        self._field(form, tr("Discriminator width"), self.d_width_spin, "model.d_width",
                    tr("Capacity of the discriminator, like the generator width (4–2048)."))
        self.depth_spin = self._spin(0, 99)
        self._field(form, tr("Hidden layers"), self.depth_spin, "model.depth",
                    tr("MLP only: number of hidden layers (1–6)."))
        self.g_bn_check = QCheckBox(tr("Batch norm in the generator"), self)
        self.g_bn_check.toggled.connect(self._on_edit)
        self._field(form, tr("Generator norm"), self.g_bn_check, "model.g_batchnorm",
                    tr("Batch normalisation between generator layers; usually stabilises DCGAN training."))
        self.d_norm_combo = QComboBox(self)
        for key in D_NORMS:
            self.d_norm_combo.addItem(tr(D_NORM_LABELS.get(key, key)), key)
        self.d_norm_combo.currentIndexChanged.connect(self._on_edit)
        self._field(form, tr("Discriminator norm"), self.d_norm_combo, "model.d_norm",
                    tr("Spectral norm keeps the discriminator smooth (recommended); WGAN-GP must not use batch norm."))
        self._model_form = form
        mv.addLayout(form)
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
        form = self._form()
        self.loss_combo = QComboBox(self)
        for key in LOSSES:
            self.loss_combo.addItem(tr(LOSS_LABELS[key]), key)
        self.loss_combo.currentIndexChanged.connect(self._on_edit)
        self._field(form, tr("Loss"), self.loss_combo, "train.loss",
                    tr("How real and fake images are scored. Can be changed while training."))
        self.lr_g_edit = self._float_edit("2e-4")
        self._field(form, tr("Generator LR"), self.lr_g_edit, "train.lr_g",
                    tr("Adam learning rate of the generator, e.g. 2e-4 (1e-7–1). Can be changed while training."))
        self.lr_d_edit = self._float_edit("2e-4")
        self._field(form, tr("Discriminator LR"), self.lr_d_edit, "train.lr_d",
                    tr("Adam learning rate of the discriminator, e.g. 2e-4 (1e-7–1). Can be changed while training."))
        self.batch_spin = self._spin(0, 1_000_000, 16)
        self._field(form, tr("Batch size"), self.batch_spin, "train.batch_size",
                    tr("Images per training step (1–4096)."))
        self.d_steps_spin = self._spin(0, 999)
        self._field(form, tr("D:G steps"), self.d_steps_spin, "train.d_steps",
                    tr("Discriminator updates per generator update (1–20; WGAN-GP uses 5). "
                       "Can be changed while training."))
        self.updates_combo = QComboBox(self)
        for key in UPDATES:
            self.updates_combo.addItem(tr(UPDATE_LABELS[key]), key)
        self.updates_combo.currentIndexChanged.connect(self._on_edit)
        self._field(form, tr("Updates"), self.updates_combo, "train.updates",
                    tr("Alternating: D learns, then G learns against the updated D. Simultaneous: both learn "
                       "from the same moment, so the two halves of a step run on two CPU cores at once "
                       "(needs D:G steps 1 and no batch norm in D). Can be changed while training."))
        ov.addLayout(form)

        adv = QWidget(self)
        form = self._form()
        form.setContentsMargins(0, 0, 0, 0)
        self.beta1_edit = self._float_edit("0.5")
        self._field(form, tr("Adam β1"), self.beta1_edit, "train.beta1",
                    tr("Adam momentum (0–0.999); GANs usually use 0.5. Can be changed while training."))
        self.beta2_edit = self._float_edit("0.999")
        self._field(form, tr("Adam β2"), self.beta2_edit, "train.beta2",
                    tr("Adam second-moment decay (0–0.99999). Can be changed while training."))
        self.gp_edit = self._float_edit("10")
        self._field(form, tr("Gradient penalty"), self.gp_edit, "train.gp_weight",
                    tr("WGAN-GP only: weight of the gradient penalty (0–1000)."))
        self.ema_edit = self._float_edit(tr("0 = off"))
        self._field(form, tr("EMA decay"), self.ema_edit, "train.ema",
                    tr("Exponential moving average of the generator's weights for smoother samples: "
                    "0 (off) or 0.5–0.9999, e.g. 0.999."))
        self.seed_spin = self._spin(0, 2**31 - 1)
        self._field(form, tr("Seed"), self.seed_spin, "train.seed",
                    tr("Random seed: the same seed and settings give the same run."))
        adv.setLayout(form)
        self.advanced = CollapsibleSection(tr("Advanced"), adv, expanded=False)
        ov.addWidget(self.advanced)
        root.addWidget(opt_box)

        # Device
        dev_box = QGroupBox(tr("Device"), self)
        form = self._form()
        self.device_combo = QComboBox(self)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.setMinimumContentsLength(12)
        self._fill_devices([cpu_device()])
        self.device_combo.currentIndexChanged.connect(self._on_edit)
        self._field(form, tr("Compute on"), self.device_combo, "train.device",
                    tr("Auto picks the fastest device found (CUDA, then Apple MPS, then the CPU)."))
        self.threads_spin = self._spin(0, 1024, special=tr("All cores ({n})").format(n=cpu_threads()))
        self._field(form, tr("CPU threads"), self.threads_spin, "train.threads",
                    tr("Threads PyTorch may use on the CPU (0 = every core)."))
        dev_box.setLayout(form)
        root.addWidget(dev_box)

        self.general_issues = InlineMessage(self)
        root.addWidget(self.general_issues)
        self.pending_note = InlineMessage(self)
        self.pending_note.setObjectName("pendingNote")
        root.addWidget(self.pending_note)
        root.addStretch(1)

    # -------------------------------------------------------------- public API
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
        issues: list[ConfigIssue] = []

        def num(edit: QLineEdit, key: str, fallback: float, label: str) -> float:
            text = edit.text().strip().replace(",", ".")
            try:
                return float(text)
            except ValueError:
                issues.append(ConfigIssue(key, tr("{label} must be a number, e.g. {example}").format(
                    label=label, example=edit.placeholderText()) if text
                    else tr("enter the {label}").format(label=label)))
                return fallback

        cfg = self.experiment.config
        t0 = cfg.train
        model = cfg.model.replace(
            arch=self.arch_combo.currentData(),
            conditional=self.conditional_check.isChecked(),
            latent_dim=self.latent_spin.value(),
            g_width=self.g_width_spin.value(),
            d_width=self.d_width_spin.value(),
            depth=self.depth_spin.value(),
            g_batchnorm=self.g_bn_check.isChecked(),
            d_norm=self.d_norm_combo.currentData(),
        )
        train = t0.replace(
            loss=self.loss_combo.currentData(),
            lr_g=num(self.lr_g_edit, "train.lr_g", t0.lr_g, tr("generator learning rate")),
            lr_d=num(self.lr_d_edit, "train.lr_d", t0.lr_d, tr("discriminator learning rate")),
            beta1=num(self.beta1_edit, "train.beta1", t0.beta1, "beta1"),
            beta2=num(self.beta2_edit, "train.beta2", t0.beta2, "beta2"),
            gp_weight=num(self.gp_edit, "train.gp_weight", t0.gp_weight, tr("gradient-penalty weight")),
            ema=num(self.ema_edit, "train.ema", t0.ema, tr("EMA decay")),
            batch_size=self.batch_spin.value(),
            d_steps=self.d_steps_spin.value(),
            updates=self.updates_combo.currentData(),
            seed=self.seed_spin.value(),
            device=self.device(),
            threads=self.threads_spin.value(),
        )
        return model, train, issues

    # ---------------------------------------------------------------- writing
    def _apply(self, model: ModelConfig, train: TrainConfig) -> None:
        self._updating = True
        try:
            self.arch_combo.setCurrentIndex(max(0, self.arch_combo.findData(model.arch)))
            self.conditional_check.setChecked(bool(model.conditional))
            set_clamped(self.latent_spin, model.latent_dim)
            set_clamped(self.g_width_spin, model.g_width)
            set_clamped(self.d_width_spin, model.d_width)
            set_clamped(self.depth_spin, model.depth)
            self.g_bn_check.setChecked(bool(model.g_batchnorm))
            self.d_norm_combo.setCurrentIndex(max(0, self.d_norm_combo.findData(model.d_norm)))
            self.loss_combo.setCurrentIndex(max(0, self.loss_combo.findData(train.loss)))
            for edit, value in ((self.lr_g_edit, train.lr_g), (self.lr_d_edit, train.lr_d),
                                (self.beta1_edit, train.beta1), (self.beta2_edit, train.beta2),
                                (self.gp_edit, train.gp_weight), (self.ema_edit, train.ema)):
                if _parsed(edit) != value:      # leave a text being typed alone when it means the same
                    edit.setText(format_float(value))
            set_clamped(self.batch_spin, train.batch_size)
            set_clamped(self.d_steps_spin, train.d_steps)
            self.updates_combo.setCurrentIndex(max(0, self.updates_combo.findData(train.updates)))
            set_clamped(self.seed_spin, train.seed)
            idx = self.device_combo.findData(train.device)
            if idx < 0:      # a device this computer lacks (e.g. a config from a GPU machine)
                self.device_combo.addItem(tr("{device} (not available here)").format(device=train.device),
                                          train.device)
                idx = self.device_combo.count() - 1
            self.device_combo.setCurrentIndex(idx)
            set_clamped(self.threads_spin, train.threads)
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
        mlp = self.arch_combo.currentData() == "mlp"
        self._model_form.setRowVisible(self._fields["model.depth"], mlp)
        self._update_enabled()

    def _update_enabled(self) -> None:
        """While training only LIVE fields stay editable (the Experiment's rule); gp weight only for WGAN-GP."""
        exp = self.experiment
        wgan = self.loss_combo.currentData() == "wgan-gp"
        for key, field in self._fields.items():
            on = exp.editable(key) and (key != "train.gp_weight" or wgan)
            field.setEnabled(on)
            self._labels[key].setEnabled(on)
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
    def _on_edit(self, *_args) -> None:
        if self._updating:
            return
        self._update_arch_dependent()
        self._revalidate(emit=True)
        if not isinstance(self.sender(), QLineEdit):
            self._push()       # text fields send once editing is finished

    def _on_edit_finished(self) -> None:
        self._push()

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
        if model.arch != "mlp":      # depth is hidden for DCGAN: never block on it
            issues = [i for i in issues if i.field != "model.depth"]
        self._issues = issues
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(translate_message(issue.message))
        for key, field in self._fields.items():
            msgs = by_field.get(key)
            field.set_error("; ".join(msgs) if msgs else None)
        general = [i for i in issues if i.field not in self._fields]
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


def _parsed(edit: QLineEdit) -> float | None:
    try:
        return float(edit.text().strip().replace(",", "."))
    except ValueError:
        return None
