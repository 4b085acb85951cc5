"""Forms built from the config's field descriptors (core/config.py `FieldSpec`).

`FieldForm` builds a labelled, validated editor for each dotted key it is given —
a spin box over the field's range, a number text field, a drop-down of its choices,
a check box — with the tooltip, label and placeholder its descriptor states.  It
reads the editors into a config (`read`), shows a config (`apply`), enables the
editors by a rule (`set_enabled`), hides or disables fields that mean nothing now
(`only_if`) and shows the core's issues under the fields they name (`show_issues`).
The Architecture panel, the Branch dialog and the Dataset panel use it; a field
added to the config appears in them by its descriptor alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from ..core.config import (BOOL, CHOICE, DEVICE, FLOAT, INT, LIVE, ConfigIssue, ExperimentConfig, FieldSpec,
                           field_spec, format_number, get_value, with_values)
from .i18n import tr, translate_message
from .widgets import ValidatedField, format_float, set_clamped

INT_LIMIT = 2**31 - 1          # a QSpinBox holds a C int


def tooltip(spec: FieldSpec) -> str:
    """The field's hint in the current language, its range filled in from the validation limits, and the
    note that it can change while training when its lifecycle says so."""
    if not spec.hint:
        return ""
    text = tr(spec.hint).format(lo=format_number(spec.lo), hi=format_number(spec.hi))
    if spec.change == LIVE:
        text = tr("{hint} Can be changed while training.").format(hint=text)
    return text


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(8)
    form.setVerticalSpacing(2)
    # a row too wide for a narrow panel (a 1280 px laptop's Experiment panel) puts its field under the label
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def make_editor(spec: FieldSpec, parent: QWidget | None = None) -> QWidget:
    """The widget a descriptor asks for (its values and limits set, no value shown yet)."""
    if spec.widget == INT:
        box = QSpinBox(parent)
        lo = -INT_LIMIT if spec.lo is None else max(-INT_LIMIT, int(spec.lo))
        hi = INT_LIMIT if spec.hi is None else min(INT_LIMIT, int(spec.hi))
        box.setRange(lo, hi)           # the validation limits: a spin box cannot leave them
        box.setSingleStep(int(spec.step or 1))
        box.setKeyboardTracking(True)
        box.setAccelerated(True)
        if spec.unit:
            box.setSuffix(f" {tr(spec.unit)}")
        return box
    if spec.widget == FLOAT:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(tr(spec.example) if spec.example else format_number(spec.default))
        return edit
    if spec.widget in (CHOICE, DEVICE):
        combo = QComboBox(parent)
        for value, label in spec.choices.items():
            combo.addItem(tr(label), value)
        # as narrow as a dozen characters (a long choice is elided): the Experiment panel fits a 1280 px laptop
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo
    if spec.widget == BOOL:
        return QCheckBox(tr(spec.check) if spec.check else "", parent)
    raise ValueError(f"{spec.key}: no generic editor for widget kind {spec.widget!r}")


def parse_float(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class FieldForm(QObject):
    """Editors for dotted config keys, built from their descriptors (see the module docstring).

    edited(key): the user changed a field (text fields: every keystroke); committed(key): the change is
    final (spin boxes, drop-downs and check boxes at once, text fields when editing finishes)."""

    edited = Signal(str)
    committed = Signal(str)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self.specs: dict[str, FieldSpec] = {}
        self.editors: dict[str, QWidget] = {}
        self.fields: dict[str, ValidatedField] = {}
        self.labels: dict[str, QLabel] = {}
        self.layouts: dict[str, QFormLayout] = {}
        self._updating = False

    # ------------------------------------------------------------------ building
    def add_rows(self, form: QFormLayout, keys: Iterable[str]) -> None:
        for key in keys:
            self.add_row(form, key)

    def add_row(self, form: QFormLayout, key: str, editor: QWidget | None = None) -> ValidatedField:
        spec = field_spec(key)
        editor = editor or make_editor(spec, self._parent)
        hint = tooltip(spec)
        field = ValidatedField(editor, hint)
        label = QLabel(tr(spec.label))
        label.setToolTip(hint)
        label.setBuddy(editor)
        form.addRow(label, field)
        self.specs[key], self.editors[key], self.fields[key], self.labels[key] = spec, editor, field, label
        self.layouts[key] = form
        self._connect(key, editor)
        return field

    def bind(self, key: str, parent: QWidget | None = None) -> QWidget:
        """An editor for `key` without a form row, for a view that lays it out itself (the Dataset panel's
        check box): built, explained, read and shown like every other field of this form."""
        spec = field_spec(key)
        editor = make_editor(spec, parent or self._parent)
        editor.setToolTip(tooltip(spec))
        self.specs[key], self.editors[key] = spec, editor
        self._connect(key, editor)
        return editor

    def _connect(self, key: str, editor: QWidget) -> None:
        def edited(*_args, k=key):
            if not self._updating:
                self.edited.emit(k)
                if not isinstance(editor, QLineEdit):
                    self.committed.emit(k)

        if isinstance(editor, QSpinBox):
            editor.valueChanged.connect(edited)
        elif isinstance(editor, QLineEdit):
            editor.textChanged.connect(edited)
            editor.editingFinished.connect(lambda k=key: self._updating or self.committed.emit(k))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(edited)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(edited)

    def keys(self) -> list[str]:
        return list(self.editors)

    # ------------------------------------------------------------------- reading
    def value(self, key: str):
        """(value, issue or None) of one editor; a text that is no number gives the issue and value None."""
        spec, editor = self.specs[key], self.editors[key]
        if isinstance(editor, QSpinBox):
            return editor.value(), None
        if isinstance(editor, QLineEdit):
            text = editor.text().strip()
            number = parse_float(text)
            if number is not None:
                return number, None
            what = tr(spec.what)
            message = (tr("{label} must be a number, e.g. {example}").format(label=what,
                                                                               example=editor.placeholderText())
                       if text else tr("enter the {label}").format(label=what))
            return None, ConfigIssue(key, message)
        if isinstance(editor, QComboBox):
            return editor.currentData(), None
        if isinstance(editor, QCheckBox):
            return editor.isChecked(), None
        raise TypeError(type(editor).__name__)

    def read(self, config: ExperimentConfig) -> tuple[ExperimentConfig, list[ConfigIssue]]:
        """`config` with every field this form shows replaced by what its editor says, and the issues of the
        texts that are no number (those fields keep their value in `config`)."""
        values, issues = {}, []
        for key in self.editors:
            value, issue = self.value(key)
            if issue is not None:
                issues.append(issue)
            else:
                values[key] = value
        return with_values(config, values), issues

    def values(self) -> dict:
        """{key: value} of the editors that hold a valid entry."""
        out = {}
        for key in self.editors:
            value, issue = self.value(key)
            if issue is None:
                out[key] = value
        return out

    # ------------------------------------------------------------------- writing
    def apply(self, config: ExperimentConfig) -> None:
        """Show `config` in the editors (a text being typed that means the same number is left alone)."""
        self._updating = True
        try:
            for key, editor in self.editors.items():
                self.show_value(key, get_value(config, key))
        finally:
            self._updating = False
        self.update_conditions()

    def show_value(self, key: str, value) -> None:
        editor = self.editors[key]
        if isinstance(editor, QSpinBox):
            set_clamped(editor, value)
        elif isinstance(editor, QLineEdit):
            if parse_float(editor.text()) != value:
                editor.setText(format_float(value))
        elif isinstance(editor, QComboBox):
            idx = editor.findData(value)
            if idx < 0 and self.specs[key].widget == DEVICE:     # e.g. a config from a GPU machine
                editor.addItem(tr("{device} (not available here)").format(device=value), value)
                idx = editor.count() - 1
            editor.setCurrentIndex(max(0, idx))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))

    # ------------------------------------------------------------ enabled / shown
    def applies(self, key: str) -> bool:
        """Whether a field means something with the values on show (its descriptor's `only_if`)."""
        cond = self.specs[key].only_if
        if not cond:
            return True
        other, allowed = cond
        if other in self.editors:
            value, _issue = self.value(other)
            return value in allowed
        return True

    def update_conditions(self) -> None:
        """Hide a field that means nothing now when it is on a form of its own (MLP depth under DCGAN)."""
        for key in self.editors:
            if self.specs[key].hide_off:
                self.layouts[key].setRowVisible(self.fields[key], self.applies(key))

    def set_enabled(self, rule: Callable[[str], bool]) -> None:
        """Enable each field the rule allows (and that applies now; the rest are greyed out)."""
        for key, field in self.fields.items():
            on = rule(key) and self.applies(key)
            field.setEnabled(on)
            self.labels[key].setEnabled(on)

    def blocking(self, issues: list[ConfigIssue]) -> list[ConfigIssue]:
        """The issues that block: those of fields hidden now do not."""
        hidden = {k for k in self.editors if self.specs[k].hide_off and not self.applies(k)}
        return [i for i in issues if i.field not in hidden]

    # -------------------------------------------------------------------- issues
    def show_issues(self, issues: list[ConfigIssue]) -> list[ConfigIssue]:
        """Each issue under the field it names; returns the issues of fields this form does not show."""
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field, []).append(translate_message(issue.message))
        for key, field in self.fields.items():
            msgs = by_field.get(key)
            field.set_error("; ".join(msgs) if msgs else None)
        return [i for i in issues if i.field not in self.fields]
