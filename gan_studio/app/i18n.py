"""User-visible text goes through Qt's translation system.

Convention for every visible string in `gan_studio/app`:

    from .i18n import tr          # (or ..i18n from a sub-package)
    label.setText(tr("Train"))
    status.setText(tr("Step {step:,}").format(step=step))   # format *after* tr()

One translation context ("GanStudio") for the whole app.  Strings that come
from the Qt-free core (preset descriptions, quality verdicts, warnings) are
translated where the view shows them: `tr(text)` with the core's English text,
or `translate_message(text)` for a core message with values in it (a
`core.messages.Message`, translated by the template it carries).  Tables built at import time
mark their texts with `tr_noop("…")` and call `tr(value)` where they are shown.
The extractor (`scripts/update_translations.py`) collects all of these, plus
`core_texts()` (the config's field descriptors, dataset descriptions) and the
literal texts of the core's verdicts, warnings, config issues and `Message` templates.  A literal that is notation, the same in every language, may
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
    texts.extend(config.field_texts())          # labels, names, hints and choices of every config field
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


def translate_message(text: str) -> str:
    """A text from the core in the current language.  A `core.messages.Message` is translated by the template
    it was made from, its values filled in (each translated the same way when it is a text); a fixed text
    by `tr`.  Nothing is parsed back out of the English."""
    if not text:
        return text
    template = getattr(text, "template", None)
    if template is not None:
        values = {k: translate_message(v) if isinstance(v, str) else v for k, v in text.args.items()}
        return tr(template).format(**values)
    return tr(text)


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
