"""Every control in the window explains itself: a tooltip on each input widget of every panel and tab."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QMenu, QSlider, QTabBar,
                               QWidget)

INPUTS = (QAbstractSpinBox, QComboBox, QSlider, QLineEdit, QAbstractButton)


def _inside(widget: QWidget, kinds) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def input_widgets(root: QWidget) -> list[QWidget]:
    """The controls a user sets: spin boxes, combos, sliders, line edits, and buttons that carry text
    (check boxes and radio buttons included).  Not the parts Qt builds inside other controls (a spin box's
    line edit, a tab bar's scroll arrows) nor the entries of context menus."""
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or _inside(w, (QMenu, QAbstractSpinBox, QComboBox, QTabBar)):
            continue
        if isinstance(w, QAbstractButton) and not w.text():
            continue
        found.append(w)
    return found


def describe(w: QWidget) -> str:
    chain, p = [], w
    while p is not None and len(chain) < 5:
        chain.append(type(p).__name__ + (f"#{p.objectName()}" if p.objectName() else ""))
        p = p.parentWidget()
    text = w.text() if hasattr(w, "text") and not isinstance(w, QComboBox) else ""
    return f"{' < '.join(chain)} {text!r}"


def test_every_control_in_the_window_has_a_tooltip(qtbot, window):
    widgets = input_widgets(window)
    kinds = {type(w).__name__ for w in widgets}
    # The walk reaches every panel and tab (a broken walk must not pass by finding nothing).
    assert len(widgets) > 80 and {"QSpinBox", "QComboBox", "QCheckBox", "QSlider", "QLineEdit",
                                  "QPushButton", "QToolButton"} <= kinds
    for part in (window.controls, window.dataset_panel, window.arch_panel, window.explore_tab,
                 window.gallery_tab, window.learn_tab):
        assert any(part.isAncestorOf(w) for w in widgets), type(part).__name__
    missing = [describe(w) for w in widgets if len(w.toolTip().strip()) < 10]
    assert not missing, "controls without a tooltip that explains them:\n" + "\n".join(missing)
