"""The quality meter: the last quality check of the generator, as a score, a verdict and two numbers.

The training process scores the generator with the shipped digit classifier every ~10 s of training
(core/training/diagnostics.py); this widget only shows the result: score 0–100 on a bar, the verdict in plain
words ("grey noise" … "near real"), the Fréchet distance against the real-vs-real floor and the digit
classes covered.  For any other images the check is the closeness to the folder itself
(core/folder_quality.py: a row with `folder` = 1): its score, its words ("close to your folder" … "far from
your folder") and its ratio to the folder's own split-half distance.  Nothing is computed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar

from ..core.folder_quality import closeness_words
from ..core.training.diagnostics import QualityPoint, is_folder_point, verdict
from .i18n import tr, tr_noop

# Bar colour per verdict (grey noise … near real).
VERDICT_COLORS = {"noise": "#9e9e9e", "shapes": "#e0a030", "blotchy": "#d4c02a", "good": "#62b54a",
                  "near-real": "#2e9a5a"}

# Bar colour per closeness to a folder (core/folder_quality.py CLOSENESS_WORDS keys; their words come from there).
FOLDER_COLORS = {"close": "#2e9a5a", "near": "#62b54a", "not-yet": "#e0a030", "far": "#9e9e9e"}
DIGIT_TIP = tr_noop("Every 10 s of training the digit classifier that ships with GAN Studio scores 500 samples of the "
                    "generator: 100 would be as close to real digits as real digits are to each other. FD: Fréchet "
                    "distance of the classifier's features (lower is better); the floor is the distance between two "
                    "sets of real digits.")
FOLDER_TIP = tr_noop("Every 10 s or so of training, 256 samples are compared with your folder in a feature space built "
                     "from the folder itself when training starts (a fixed random convolution network, whitened on "
                     "your images; nothing downloaded). FD: their Fréchet distance to half of the folder; 1× is the "
                     "distance between the folder's two halves, so lower is closer. 100: as close as your own images "
                     "are to each other. Near-copies of your images: gan-studio evaluate.")


class QualityMeterWidget(QFrame):
    """Score bar + verdict + "FD 20.3 · 2.7× the real floor (7.4) · 10/10 classes"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("qualityMeter")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.point: QualityPoint | None = None
        self.folder_words = ""          # the words of the last folder closeness check on show, else ""
        self.digits = True              # the data is digits (the classifier's score), else a folder (its closeness)
        self.title = QLabel(tr("Quality"))
        self.title.setStyleSheet("font-weight: bold;")
        self.score = QLabel("—")
        self.score.setObjectName("qualityScore")
        self.score.setStyleSheet("QLabel#qualityScore { font-size: 18px; font-weight: bold; }")
        self.score.setMinimumWidth(52)
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.verdict = QLabel(tr("not measured yet"))
        self.verdict.setObjectName("qualityVerdict")
        self.details = QLabel("")
        self.details.setObjectName("qualityDetails")
        self.details.setStyleSheet("QLabel#qualityDetails { color: palette(mid); }")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.bar, 0, 1)
        grid.addWidget(self.score, 0, 2)
        grid.addWidget(self.verdict, 1, 0, 1, 2)
        grid.addWidget(self.details, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.set_off("")

    def set_point(self, point: QualityPoint | dict | None) -> None:
        if point is not None and is_folder_point(point):
            self._set_folder_point(point if isinstance(point, dict) else point.to_dict())
            return
        if point is None:
            self.set_off("")
            return
        self.setToolTip(tr(DIGIT_TIP))
        if isinstance(point, dict):
            point = QualityPoint.from_dict(point)
        self.point = point
        self.title.setText(tr("Quality"))
        self.folder_words = ""
        v = verdict(point)
        self.score.setText(f"{point.score:.0f}")
        self.bar.setValue(int(round(point.score)))
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {VERDICT_COLORS.get(v.key, '#888888')}; }}")
        self.verdict.setText(f"<b>{tr(v.words)}</b> — {tr(v.explain)}")
        self.verdict.setWordWrap(True)
        self.details.setText(tr("FD {fd:.1f} · {ratio:.1f}× the real floor ({floor:.1f}) · {classes}/10 classes · "
                                "step {step:,}").format(fd=point.fd, ratio=point.fd_ratio, floor=point.fd_floor,
                                                        classes=point.coverage, step=point.step))
        self.setEnabled(True)

    def _set_folder_point(self, row: dict) -> None:
        """A folder's closeness check: its score, its words and its ratio to the folder's own split-half distance."""
        self.point = None
        fd, floor = float(row.get("fd", 0.0)), float(row.get("fd_floor", 0.0))
        ratio = fd / floor if floor > 0 else float("inf")
        score = float(row.get("score", 0.0))
        key, words, explain = closeness_words(ratio, float(row.get("spread", 1.0)))
        colour = FOLDER_COLORS[key]
        self.title.setText(tr("Closeness"))
        self.score.setText(f"{score:.0f}")
        self.bar.setValue(int(round(score)))
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.verdict.setText(f"<b>{tr(words)}</b> — {tr(explain)}")
        self.verdict.setWordWrap(True)
        self.details.setText(tr("FD {fd:.1f} · {ratio:.1f}× your folder's own split-half distance ({floor:.1f}) · "
                                "step {step:,}").format(fd=fd, ratio=ratio, floor=floor, step=int(row.get("step", 0))))
        self.setToolTip(tr(FOLDER_TIP))
        self.folder_words = tr(words)
        self.setEnabled(True)

    def set_digits(self, digits: bool) -> None:
        """What the checks of the data measure (the digit classifier's quality, or a folder's closeness): the
        title and tooltip while no check is on show."""
        self.digits = digits
        if self.point is None and not self.folder_words:
            self._name_the_measure()

    def _name_the_measure(self) -> None:
        self.title.setText(tr("Quality") if self.digits else tr("Closeness"))
        self.setToolTip(tr(DIGIT_TIP if self.digits else FOLDER_TIP))

    def set_off(self, why: str) -> None:
        """No score to show: before the first check, or the meter cannot run (`why`, e.g. not digits)."""
        self.point = None
        self.folder_words = ""
        self._name_the_measure()
        self.score.setText("—")
        self.bar.setValue(0)
        self.verdict.setText(why or tr("Scored every 10 s of training"))
        self.verdict.setWordWrap(True)
        self.details.setText("")

    def verdict_words(self) -> str:
        if self.folder_words:
            return self.folder_words
        return verdict(self.point).words if self.point is not None else ""
