"""The active loss written as formulas whose terms light up with the values of the latest training step.

`FormulaPanel.show_rows(rows)` takes the metrics rows the training process reports (a timer coalesces
them to a few repaints a second); each term shows its value at the batch means of D(x) and D(G(z))
(`terms.term_values`) and is tinted by its share of its loss, next to the measured L_D and L_G.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import tr
from .terms import FORMULAS, term_values

REFRESH_MS = 120
COLORS = {"D": (232, 116, 59), "G": (59, 142, 232)}     # the Learn diagram's discriminator / generator colours


def loss_name(kind: str) -> str:
    return {"ns": tr("non-saturating (the seed's loss)"), "hinge": tr("hinge"), "lsgan": tr("least squares"),
            "wgan-gp": tr("Wasserstein with gradient penalty")}.get(kind, kind)


def term_meaning(key: str, kind: str, digits: bool = True) -> str:
    """The one-sentence meaning of a term (translated; the English text lives in terms.FORMULAS); `digits`:
    the real images are digits, else any other images (a folder's)."""
    if not digits:
        images = {
            ("ns", "ld_real"): tr("Small when D calls real images real (D(x) near 1)."),
            ("hinge", "ld_real"): tr("Zero once D scores a real image at least +1."),
            ("lsgan", "ld_real"): tr("Pulls D's score of real images towards 1."),
            ("wgan-gp", "ld_real"): tr("The critic raises its score of real images."),
        }
        if (kind, key) in images:
            return images[(kind, key)]
    texts = {
        ("ns", "ld_real"): tr("Small when D calls real digits real (D(x) near 1)."),
        ("ns", "ld_fake"): tr("Small when D calls the generator's images fake (D(G(z)) near 0)."),
        ("ns", "lg_fake"): tr("Small when the generator fools D (D(G(z)) near 1)."),
        ("hinge", "ld_real"): tr("Zero once D scores a real digit at least +1."),
        ("hinge", "ld_fake"): tr("Zero once D scores a generated image at most −1."),
        ("hinge", "lg_fake"): tr("The generator raises D's score of its images."),
        ("lsgan", "ld_real"): tr("Pulls D's score of real digits towards 1."),
        ("lsgan", "ld_fake"): tr("Pulls D's score of generated images towards 0."),
        ("lsgan", "lg_fake"): tr("The generator pulls D's score of its images towards 1."),
        ("wgan-gp", "ld_real"): tr("The critic raises its score of real digits."),
        ("wgan-gp", "ld_fake"): tr("The critic lowers its score of generated images."),
        ("wgan-gp", "ld_gp"): tr("The gradient penalty keeps the critic smooth (slope about 1 between real and "
                                 "fake)."),
        ("wgan-gp", "lg_fake"): tr("The generator raises the critic's score of its images."),
    }
    return texts.get((kind, key), "")


class TermChip(QFrame):
    """One term: its formula, its current value, tinted by its share of the loss."""

    def __init__(self, formula: str, network: str, meaning: str, parent=None):
        super().__init__(parent)
        self.network = network
        self.setObjectName("termChip")
        self.formula_label = QLabel(formula)
        font = self.formula_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.formula_label.setFont(font)
        self.formula_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value_label = QLabel("–")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold = self.value_label.font()
        bold.setBold(True)
        self.value_label.setFont(bold)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 4, 8, 4)
        col.setSpacing(0)
        col.addWidget(self.formula_label)
        col.addWidget(self.value_label)
        self.setToolTip(meaning)
        self.set_value(None)

    def set_value(self, value: float | None) -> None:
        """Show `value`; the larger it is, the stronger the colour (|v| / (|v| + 1): 0 pale, 1 half, 5+ full)."""
        r, g, b = COLORS[self.network]
        alpha = 25 if value is None else int(30 + 210 * abs(value) / (abs(value) + 1.0))
        self.value_label.setText("–" if value is None else f"{value:.3f}")
        style = (f"QFrame#termChip {{ background: rgba({r},{g},{b},{alpha}); "
                 f"border: 1px solid rgb({r},{g},{b}); border-radius: 6px; }}")
        if style != self.styleSheet():   # a new style sheet re-polishes the chip: only when the tint changes
            self.setStyleSheet(style)

    def value_text(self) -> str:
        return self.value_label.text()


class FormulaPanel(QWidget):
    """L_D and L_G of the loss in use, term by term, with the latest values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = ""
        self.gp_weight = 10.0
        self.digits = True              # the real images are digits (else a folder's images)
        self.chips: dict[str, TermChip] = {}
        self._row: dict | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.grid_host = QWidget()
        self.measured = {"D": QLabel("–"), "G": QLabel("–")}
        self.outputs = QLabel()
        self.outputs.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel(tr("Each term is worked out from the batch's average D(x) and D(G(z)), so their sum is "
                              "close to, but not exactly, the measured loss, which averages the terms image by "
                              "image. The larger a term, the stronger its colour: that is where "
                              "the network is pushed hardest."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.title)
        col.addWidget(self.grid_host)
        col.addWidget(self.outputs)
        col.addWidget(self.note)
        col.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.set_loss("ns")
        self._show_outputs(None)

    # ----------------------------------------------------------------- loss
    def set_loss(self, kind: str, gp_weight: float = 10.0) -> None:
        """Show the formulas of loss `kind` (core/training/losses.py): "ns", "hinge", "lsgan" or "wgan-gp"."""
        self.gp_weight = gp_weight
        if kind == self.kind or kind not in FORMULAS:
            return
        self.kind = kind
        seed = tr("This is the loss of the seed (Goodfellow et al. 2014); D(·) is the probability that an image "
                  "is real.") if kind == "ns" else tr(
            "The seed uses the non-saturating loss; this experiment uses another one, so its formulas are shown. "
            "In them D(·) is D's raw score s; the probability shown as D(x) below is σ(s).")
        self.title.setText(tr("<b>Loss in use: {name}</b>").format(name=loss_name(kind)) + "<br>" + seed)
        host = QWidget()                # a fresh grid: the old chips go with the old host
        self.grid = QGridLayout(host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.layout().replaceWidget(self.grid_host, host)
        self.grid_host.hide()           # at once: deleteLater waits for the event loop, and until then the old
        self.grid_host.deleteLater()    # chips would be drawn over the new ones
        self.grid_host = host
        self.chips = {}
        d_terms, g_terms = FORMULAS[kind]
        for row, (name, network, terms) in enumerate((("L_D", "D", d_terms), ("L_G", "G", g_terms))):
            self.grid.addWidget(self._math(f"{name} ="), row, 0)
            line = QHBoxLayout()
            line.setSpacing(4)
            for i, term in enumerate(terms):
                if i:
                    line.addWidget(self._math("+"))
                chip = TermChip(term.formula, network, term_meaning(term.key, kind, self.digits), host)
                self.chips[term.key] = chip
                line.addWidget(chip)
            line.addStretch(1)
            self.grid.addLayout(line, row, 1)
            measured = QLabel("–")
            self.measured[network] = measured
            measured.setToolTip(tr("The loss the training process measured at this step (the batch mean)"))
            self.grid.addWidget(measured, row, 2)
            self.grid.addWidget(QWidget(), row, 3)
        self.grid.setColumnStretch(3, 1)
        if self._row is not None:
            self._refresh()

    def set_digits(self, digits: bool) -> None:
        """Name the real images as what they are: digits, or the images of a folder."""
        if digits == self.digits:
            return
        self.digits = digits
        kind, self.kind = self.kind, ""             # the chips are built again with their new meanings
        self.set_loss(kind, self.gp_weight)
        self._show_outputs(self._row)

    @staticmethod
    def _math(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
        return label

    # --------------------------------------------------------------- values
    def show_rows(self, rows: list) -> None:
        """Take the latest of the process's metrics rows; the display follows within REFRESH_MS."""
        if rows:
            self._row = rows[-1]
            # Hidden (another tab is on show): keep the row and draw it when shown — the window's own
            # drawing takes CPU from training, which runs on every core.
            if self.isVisible() and not self._timer.isActive():
                self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._row is not None:
            self._timer.start()

    def clear(self) -> None:
        self._row = None
        for chip in self.chips.values():
            chip.set_value(None)
        for label in self.measured.values():
            label.setText("–")
        self._show_outputs(None)

    def _refresh(self) -> None:
        row = self._row
        if row is None:
            return
        values = term_values(self.kind, row, self.gp_weight)
        for key, chip in self.chips.items():
            chip.set_value(values[key])
        self.measured["D"].setText(tr("measured: {value:.3f}").format(value=float(row["loss_d"])))
        self.measured["G"].setText(tr("measured: {value:.3f}").format(value=float(row["loss_g"])))
        self._show_outputs(row)

    def _show_outputs(self, row: dict | None) -> None:
        if row is None:
            self.outputs.setText(tr("D(x) and D(G(z)) appear here while training runs."))
            return
        text = (tr("Step {step:,}: D(x) = <b>{real:.3f}</b> (real digits), D(G(z)) = <b>{fake:.3f}</b> "
                   "(generated images)") if self.digits else
                tr("Step {step:,}: D(x) = <b>{real:.3f}</b> (real images), D(G(z)) = <b>{fake:.3f}</b> "
                   "(generated images)"))
        self.outputs.setText(text.format(step=int(row["step"]), real=float(row["d_real"]), fake=float(row["d_fake"])))

    def term_texts(self) -> dict[str, str]:
        """{term key: the value on show} (for tests and screenshots)."""
        return {k: chip.value_text() for k, chip in self.chips.items()}
