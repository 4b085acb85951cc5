"""User-visible text goes through Qt's translation system.

Convention for every visible string in `gan_studio/app`:

    from .i18n import tr          # (or ..i18n from a sub-package)
    label.setText(tr("Train"))
    status.setText(tr("Step {step:,}").format(step=step))   # format *after* tr()

One translation context ("GanStudio") for the whole app.  Strings that come
from the Qt-free core (preset descriptions, quality verdicts, warnings) are
translated where the view shows them: `tr(text)` with the core's English text.
"""

from __future__ import annotations

CONTEXT = "GanStudio"


def tr(text: str, disambiguation: str | None = None) -> str:
    """The current language's version of `text` (the English text when none is installed)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text, disambiguation)
