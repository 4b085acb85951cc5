"""The Learn tab: a short illustrated explanation of GANs for workshops."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ..paths import resource_path

HTML = """
<h2>How a GAN learns to draw digits</h2>
<p><img src="{diagram}" width="640"></p>
<p>A <b>generative adversarial network</b> is two neural networks playing a game.</p>
<ul>
<li>The <b style="color:#3b8ee8">generator</b> turns random noise <i>z</i> into an image.
    At first its images are grey static.</li>
<li>The <b style="color:#e8743b">discriminator</b> sees real handwritten digits and the generator's
    fakes, and outputs how sure it is that an image is real (0 … 1).</li>
<li>Each training <b>step</b> first updates the discriminator to tell real from fake a little better,
    then updates the generator to fool the <i>new</i> discriminator a little better.</li>
</ul>
<h3>Reading the Train tab</h3>
<ul>
<li><b>loss D / loss G</b> do not fall steadily like in ordinary training: the two players push against
    each other, so the curves wobble around a balance. A loss that shoots up and stays there
    usually means one side has won.</li>
<li><b>D(x)</b> is the discriminator's score for real images, <b>D(G(z))</b> for fakes. When both hover
    near <b>0.5</b> (the dashed line) the discriminator can no longer tell them apart.</li>
<li>The <b>sample grid</b> always uses the same 64 noise vectors, so you watch the generator itself
    change. Drag the history slider to replay it.</li>
</ul>
<h3>Things to try</h3>
<ul>
<li><b>Slow motion</b>: drag the slider in Training controls and press <b>Step</b> to watch single updates.</li>
<li><b>Learning rate</b>: raise the generator's rate mid-run (it applies live) and watch the curves react.
    Too high and training <i>diverges</i>; GAN Studio rolls back and suggests lower rates.</li>
<li><b>Mode collapse</b>: with the MLP preset and a high learning rate the grid may fill with one digit —
    the generator found a single fake that fools the discriminator.</li>
<li><b>Conditional GANs</b> are also told which digit to draw; the Explore tab lets you ask for one.</li>
</ul>
<p style="color:#777">Further reading: Goodfellow et al., <i>Generative Adversarial Networks</i> (2014);
Radford et al., <i>DCGAN</i> (2015).</p>
"""


class LearnTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        diagram = QUrl.fromLocalFile(str(resource_path("icons", "gan-diagram.svg"))).toString()
        self.browser.setHtml(HTML.format(diagram=diagram))
        self.browser.document().setDocumentMargin(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
