"""User-visible text goes through Qt's translation system.

Convention for every visible string in `gan_studio/app`:

    from .i18n import tr          # (or ..i18n from a sub-package)
    label.setText(tr("Train"))
    status.setText(tr("Step {step:,}").format(step=step))   # format *after* tr()

One translation context ("GanStudio") for the whole app.  Strings that come
from the Qt-free core (preset descriptions, quality verdicts, warnings) are
translated where the view shows them: `tr(text)` with the core's English text,
or `translate_message(text)` for a core message with values in it (it finds the
`CORE_TEMPLATES` entry the text was made from).  Tables built at import time
mark their texts with `tr_noop("…")` and call `tr(value)` where they are shown.
The extractor (`scripts/update_translations.py`) collects all of these, plus
`core_texts()` and the literal texts of the core's verdicts, warnings and
config issues.  A literal that is notation, the same in every language, may
stay unwrapped with a `# no-tr` comment on its line.

Languages: the app follows the system locale (`QLocale.system()`), or the
View ▸ Language choice saved in the settings (applied at the next start).
The translation source is `resources/translations/gan_studio_<lang>.ts`; the
compiled `.qm` beside it is what the app loads (rebuilt by the extractor script,
and a test fails when it is stale).
"""

from __future__ import annotations

from pathlib import Path

CONTEXT = "GanStudio"

# Language codes the View ▸ Language menu offers ("" = follow the system), with their own names.
LANGUAGES: dict[str, str] = {"": "System", "en": "English", "zh_CN": "简体中文"}
TRANSLATED = ("zh_CN",)          # languages with a translation file


def tr(text: str, disambiguation: str | None = None) -> str:
    """The current language's version of `text` (the English text when none is installed)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def tr_noop(text: str) -> str:
    """Mark a text for translation without translating it now (Qt's QT_TR_NOOP).

    For tables built at import time, before the translators are installed: write
    `tr_noop("Gallery")` in the table and `tr(value)` where it is shown.  The
    extractor collects both.
    """
    return text


def translations_dir() -> Path:
    from ..paths import resource_path

    return resource_path("translations")


def qm_path(language: str) -> Path:
    return translations_dir() / f"gan_studio_{language}.qm"


def resolve_language(choice: str | None, system_names: list[str] | None = None) -> str:
    """The translation to load for a saved choice: "zh_CN", or "en" (no translation).

    `choice` "" / None follows the system: the first of the system's UI languages
    (`QLocale.system().uiLanguages()`, e.g. ["zh-Hans-CN", "en-US"]) that has a translation.
    """
    if choice:
        return choice if choice in TRANSLATED else "en"
    if system_names is None:
        from PySide6.QtCore import QLocale

        system = QLocale.system()
        system_names = list(system.uiLanguages()) or [system.name()]
    for name in system_names:
        name = name.replace("-", "_").lower()
        if name.startswith("en"):
            return "en"
        if name.startswith("zh"):
            # Simplified Chinese is the one translation: zh, zh_CN, zh_Hans*, zh_SG (not zh_TW/HK).
            if not any(tag in name for tag in ("hant", "_tw", "_hk", "_mo")):
                return "zh_CN"
    return "en"


_installed: list = []           # keeps the QTranslator objects alive (Qt does not own them)
_current = "en"                 # the language installed last


def current_language() -> str:
    """The language `install_translators` put in effect: "en" or "zh_CN"."""
    return _current


def localized_resource(*parts: str) -> Path:
    """A resource in the current language when a translated copy exists (translations/<name>_<lang><ext>),
    else the resource itself: e.g. the Learn tab's diagram."""
    from ..paths import resource_path

    original = resource_path(*parts)
    if _current != "en":
        candidate = translations_dir() / f"{original.stem}_{_current}{original.suffix}"
        if candidate.is_file():
            return candidate
    return original


def install_translators(app, choice: str | None = None) -> str:
    """Load the app's and Qt's own translations for `choice` ("" = system) into `app`.

    Returns the language in effect ("en" when nothing was installed).  A missing
    or unreadable translation file leaves the app in English; it never fails.
    """
    from PySide6.QtCore import QLocale, QTranslator

    global _current
    _current = "en"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    language = resolve_language(choice)
    if language == "en":
        return "en"
    own = QTranslator(app)
    if not own.load(str(qm_path(language))):
        return "en"
    app.installTranslator(own)
    _installed.append(own)
    for name in ("qtbase",):                # standard dialogs, buttons (OK, Cancel, Yes, No …)
        qt = QTranslator(app)
        if any(qt.load(f"{name}_{language}", folder) for folder in _qt_translation_dirs()):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    _current = language
    return language


def _qt_translation_dirs() -> list[str]:
    """Where Qt's own .qm files are: Qt's configured folder, then PySide6's (a frozen bundle keeps them there)."""
    from PySide6.QtCore import QLibraryInfo

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    try:
        import PySide6

        folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    except (ImportError, TypeError):
        pass
    return [f for f in folders if f and Path(f).is_dir()]


def core_texts() -> list[str]:
    """English texts from the Qt-free core that views show through `tr(text)`.

    The extractor adds these to the translation file; the views translate them
    where they display them.
    """
    from ..core import config
    from ..core.data import dataset_catalog

    texts: list[str] = []
    texts.extend(config.FIELD_LABELS.values())
    texts.extend(config.LOSS_LABELS.values())
    texts.extend(info.description for info in dataset_catalog() if info.description)
    return texts


def restart_note(choice: str) -> str:
    """The note shown after View ▸ Language: in the current language and, when it differs, the chosen one."""
    if not choice:
        note = tr("GAN Studio will follow the system language the next time it starts.")
    elif choice == "en":
        note = tr("GAN Studio will be in English the next time it starts.")
    else:
        note = tr("GAN Studio will be in Simplified Chinese the next time it starts.")
    # the same sentence in the language chosen, for someone who does not read the current one
    target = {"en": "GAN Studio will be in English the next time it starts.",
              "zh_CN": "GAN Studio 下次启动时将显示简体中文。"}[resolve_language(choice)]
    return note if target == note else f"{note}\n\n{target}"


# Messages the core builds with numbers in them, as templates: `translate_message` finds the template a
# text was made from, translates the template and fills in the same values (themselves translated when
# they are core texts).  tests/app/test_translations.py checks each against the text the core makes.
CORE_TEMPLATES = (
    tr_noop("Training diverged: {metrics} became infinite or not-a-number at step {step}. "
            "This usually means the learning rates are too high for this loss. "
            "Try halving both learning rates, switching to the non-saturating loss, "
            "or enabling spectral norm in the discriminator, then resume from the last save."),
    tr_noop("Training diverged: {metrics} exploded past {limit} at step {step}. "
            "This usually means the learning rates are too high for this loss. "
            "Try halving both learning rates, switching to the non-saturating loss, "
            "or enabling spectral norm in the discriminator, then resume from the last save."),
    tr_noop("The generator is collapsing: {what}."),
    tr_noop("the samples are nearly all the same image: they vary {percent} % as much as real digits"),
    tr_noop("it drew {best} digit classes earlier and only {now} now"),
    tr_noop("For {seconds} s of training D has called real digits real (D(x) ≈ {real}) and generated ones fake "
            "(D(G(z)) ≈ {fake}), so the generator learns almost nothing from it."),
    # the dataset's notes and name (core/data)
    tr_noop("Offline sample in use ({n} MNIST digits, {per_class} per class); {full}."),
    tr_noop("all of MNIST is already on this computer: choose MNIST in the Dataset panel or --dataset mnist"),
    tr_noop("download full MNIST with `gan-studio download mnist` or the Dataset panel"),
    tr_noop("Only {n} held-out images are available (asked for {asked})."),
    tr_noop("These {title} files differ from the official downloads (a local copy); "
            "their structure was checked instead."),
    tr_noop("The class filter was ignored: this folder has no class sub-folders."),
    tr_noop("{n} image(s) directly in {folder} belong to no class folder and were left out."),
    tr_noop("{n} unreadable file(s) skipped: {files}"),
    tr_noop("Offline sample — {n} MNIST digits{classes}"),
    tr_noop(" (classes {classes})"),
    # the training process's notes (core/session.py, core/snapshots.py)
    tr_noop("the quality meter scores handwritten digits only (MNIST or the offline sample)"),
    tr_noop("the quality meter is off: {error}"),
    tr_noop("Branched from {name} at step {step}: {changes}"),
    tr_noop("Branched from {name} at step {step} (no changes)"),
    # the training process's status lines (core/process.py)
    tr_noop("Loading run {name}…"),
    tr_noop("Loading dataset…"),
    tr_noop("Building the networks…"),
    tr_noop("Branching from {name} at step {step}…"),
    tr_noop("Applied {changes}"),
    tr_noop("Reached the target of {n} steps"),
    tr_noop("Reached the time target at step {step}"),
    # settings the core rejects (core/config.py); its fixed texts are collected from the ConfigIssue calls
    tr_noop("{label} must be an integer"),
    tr_noop("{label} must be a number"),
    tr_noop("{label} must be {lo}–{hi} (got {value})"),
    tr_noop("{what}, more than the {limit} this app allows; lower {field}{hint}"),
    tr_noop("the generator would have {n} parameters"),
    tr_noop("the generator and discriminator would have {total} parameters (G {g}, D {d})"),
    # the training process's end and the devices (core/process.py, core/device.py)
    tr_noop("The training process stopped responding."),
    tr_noop("The training process ended unexpectedly: {why}."),
    tr_noop("The training process ended unexpectedly (exit code {code})."),
    tr_noop("it was killed (by the system when memory ran out, or by another program)"),
    tr_noop("it crashed inside a native library"),
    tr_noop("it was asked to terminate"),
    tr_noop("it aborted"),
    tr_noop("it received {name}"),
    tr_noop("CPU ({n} threads)"),
)


def _template_regex(template: str):
    import re

    parts = re.split(r"\{(\w+)\}", template)
    pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
    return re.compile(pattern + r"\Z", re.DOTALL)


def translate_message(text: str) -> str:
    """A text from the core in the current language: a fixed text by `tr`, one with numbers by its template."""
    if not text:
        return text
    translated = tr(text)
    if translated != text:
        return translated
    for template in CORE_TEMPLATES:
        match = _template_regex(template).match(text)
        if match:
            values = {k: translate_message(v) for k, v in match.groupdict().items()}
            return tr(template).format(**values)
    return text


def plan_text(plan) -> str:
    """`Plan.describe()` of the core, in the current language (field labels translated)."""
    from ..core.config import field_label

    def fields(keys) -> str:
        return tr(", ", "list separator").join(tr(field_label(k)) for k in keys)

    if plan.action == "new" and plan.restarts:
        return tr("Changing the {fields} defines a different experiment: Train starts a new one.").format(
            fields=fields(plan.restarts))
    if plan.applies:
        return tr("Applies on Continue: {fields}").format(fields=fields(plan.applies))
    return ""
