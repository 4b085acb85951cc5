"""The Learn tab: lessons, the model graph replaying a real step, the loss formulas with live values,
and a short illustrated explanation of GANs for workshops.

The window feeds it what the training process reports: `on_metrics` (every step's D(x), D(G(z)) and
losses) and `on_probe` (a few images and D's outputs for them, while this tab is on show).  It reads
the loss in use from the Experiment, and asks the window to load a lesson (`lessonRequested`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (QFrame, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSplitter,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..core.experiment import Experiment
from ..core.training.diagnostics import is_digit_data
from .i18n import localized_resource, tr
from .learn.formulas import FormulaPanel
from .learn.graph import ModelGraph
from .learn.lessons import Lesson, lessons

PROBE_SECONDS = 2.0     # how often the training process reports a probe while this tab is on show


def explanation_html(diagram: str) -> str:
    """The static introduction, one translatable paragraph at a time."""
    li = "<li>{}</li>".format
    return "".join([
        "<h2>", tr("How a GAN learns to draw digits"), "</h2>",
        f'<p><img src="{diagram}" width="640"></p>',
        "<p>", tr("A <b>generative adversarial network</b> is two neural networks playing a game."), "</p><ul>",
        li(tr('The <b style="color:#3b8ee8">generator</b> turns random noise <i>z</i> into an image. At first its '
              'images are grey static.')),
        li(tr('The <b style="color:#e8743b">discriminator</b> sees real handwritten digits and the generator\'s '
              'fakes, and outputs how sure it is that an image is real (0 … 1).')),
        li(tr("Each training <b>step</b> first updates the discriminator to tell real from fake a little better, "
              "then updates the generator to fool the <i>new</i> discriminator a little better.")),
        "</ul><h3>", tr("Reading the Train tab"), "</h3><ul>",
        li(tr("<b>loss D / loss G</b> do not fall steadily like in ordinary training: the two players push against "
              "each other, so the curves wobble around a balance. A loss that shoots up and stays there usually "
              "means one side has won.")),
        li(tr("<b>D(x)</b> is the discriminator's score for real images, <b>D(G(z))</b> for fakes. When both hover "
              "near <b>0.5</b> (the dashed line) the discriminator can no longer tell them apart.")),
        li(tr("The <b>sample grid</b> always uses the same 64 noise vectors, so you watch the generator itself "
              "change. Drag the history slider to replay it.")),
        "</ul><h3>", tr("Things to try"), "</h3><ul>",
        li(tr("<b>Slow motion</b>: drag the slider in Training controls and press <b>Step</b> to watch single "
              "updates; the model graph above then replays every step.")),
        li(tr("<b>Learning rate</b>: raise the generator's rate mid-run (it applies live) and watch the curves "
              "react. Too high and training <i>diverges</i>; GAN Studio rolls back and suggests lower rates.")),
        li(tr("<b>Mode collapse</b>: the seed's MLP as written fills the grid with one grey blob (lesson 1).")),
        li(tr("<b>Conditional GANs</b> are also told which digit to draw; the Explore tab lets you ask for one.")),
        "</ul>",
        '<p style="color:#777">', tr("Further reading: Goodfellow et al., <i>Generative Adversarial Networks</i> "
                                     "(2014); Radford et al., <i>DCGAN</i> (2015)."), "</p>",
    ])


class LearnTab(QWidget):
    lessonRequested = Signal(object)        # Lesson: load it (the window asks about unsaved work first)

    def __init__(self, experiment: Experiment | None = None, parent=None):
        super().__init__(parent)
        self.experiment = experiment or Experiment()
        self.lessons: list[Lesson] = lessons()

        # ---- lessons column
        self.lesson_list = QListWidget()
        self.lesson_list.setToolTip(tr("Each lesson loads a preset and tells you what to watch for while it trains"))
        for lesson in self.lessons:
            item = QListWidgetItem(lesson.title)
            item.setData(Qt.ItemDataRole.UserRole, lesson.key)
            self.lesson_list.addItem(item)
        self.lesson_list.currentRowChanged.connect(self._show_lesson)
        self.lesson_list.itemDoubleClicked.connect(lambda _item: self._load_current())
        self.lesson_text = QLabel()
        self.lesson_text.setWordWrap(True)
        self.lesson_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lesson_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.load_button = QPushButton(tr("Load this lesson"))
        self.load_button.setToolTip(tr("Set up the lesson's experiment (its preset and settings); a run in progress "
                                       "is offered to be saved first"))
        self.load_button.clicked.connect(self._load_current)
        lessons_box = QWidget()
        lc = QVBoxLayout(lessons_box)
        lc.setContentsMargins(8, 8, 4, 8)
        title = QLabel(tr("<b>Lessons</b>"))
        lc.addWidget(title)
        self.lesson_list.setMaximumHeight(self.lesson_list.sizeHintForRow(0) * (len(self.lessons) + 1) + 8)
        lc.addWidget(self.lesson_list)
        lc.addWidget(self.load_button)
        lc.addWidget(self.lesson_text, 1)

        # ---- live column: graph, formulas, explanation
        self.graph = ModelGraph()
        self.formulas = FormulaPanel()
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        diagram = QUrl.fromLocalFile(str(localized_resource("icons", "gan-diagram.svg"))).toString()
        self.browser.setHtml(explanation_html(diagram))
        self.browser.document().setDocumentMargin(18)
        live = QWidget()
        lv = QVBoxLayout(live)
        lv.setContentsMargins(4, 4, 8, 4)
        lv.addWidget(self.graph, 3)
        lv.addWidget(self.formulas, 0)
        self.live = live
        # In a scroll area: on a short screen the graph and the formulas keep their heights and scroll, instead
        # of the layout squeezing them below their minimum and drawing one over the other.
        self.live_scroll = QScrollArea()
        self.live_scroll.setWidget(live)
        self.live_scroll.setWidgetResizable(True)
        self.live_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.live_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.right = right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.live_scroll)
        right.addWidget(self.browser)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        self._split_by_user = False         # until the user drags it, the graph gets the height its width needs
        right.splitterMoved.connect(self._on_split_moved)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lessons_box)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.lesson_list.setCurrentRow(0)
        self._show_loss()
        self._show_data()
        self.experiment.configChanged.connect(self._on_config_changed)
        self.experiment.runChanged.connect(self._on_run_changed)
        self.destroyed.connect(lambda *_: self._disconnect_experiment())

    def _disconnect_experiment(self) -> None:
        self.experiment.configChanged.disconnect(self._on_config_changed)
        self.experiment.runChanged.disconnect(self._on_run_changed)

    # ----------------------------------------------------------------- layout
    def _on_split_moved(self, *_args) -> None:
        self._split_by_user = True

    def _fit_live(self) -> None:
        """Give the graph and the formulas the height they need; the explanation below gets the rest."""
        if self._split_by_user:
            return
        total = sum(self.right.sizes())
        if total <= 0:
            return
        margins = self.live.layout().contentsMargins()
        need = (self.graph.heightForWidth(self.live.width() - margins.left() - margins.right())
                + self.formulas.sizeHint().height() + self.live.layout().spacing() + margins.top() + margins.bottom())
        need = min(need, total - 120)
        self.right.setSizes([need, total - need])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit_live()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fit_live()

    # ---------------------------------------------------------------- lessons
    def lesson(self, key: str) -> Lesson:
        return next(lesson for lesson in self.lessons if lesson.key == key)

    def _show_lesson(self, row: int) -> None:
        if 0 <= row < len(self.lessons):
            self.lesson_text.setText(self.lessons[row].watch)

    def _load_current(self) -> None:
        row = self.lesson_list.currentRow()
        if 0 <= row < len(self.lessons):
            self.lessonRequested.emit(self.lessons[row])

    # ------------------------------------------------------------- live data
    def on_metrics(self, rows: list) -> None:
        self.formulas.show_rows(rows)

    def on_probe(self, probe: dict) -> None:
        self.graph.set_probe(probe)

    def clear(self) -> None:
        """A new experiment: nothing trained yet."""
        self.formulas.clear()
        self.graph.clear()

    def _on_run_changed(self) -> None:
        if not self.experiment.has_work:        # a new experiment: the last one's values are gone
            self.clear()

    def _on_config_changed(self, keys: set) -> None:
        if "train.loss" in keys or "train.gp_weight" in keys:
            self._show_loss()
        if any(k.startswith("data.") for k in keys):
            self._show_data()

    def _show_data(self) -> None:
        """The graph and the formulas name the real images: digits, or the images of a folder."""
        digits = is_digit_data(self.experiment.config.data)
        self.graph.set_digits(digits)
        self.formulas.set_digits(digits)

    def _show_loss(self) -> None:
        train = self.experiment.config.train      # loss is a live field: the one set is the one in use
        self.formulas.set_loss(train.loss, train.gp_weight)
