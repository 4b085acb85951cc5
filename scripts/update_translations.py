"""Collect the app's translatable texts into the .ts files and build the .qm files.

    python scripts/update_translations.py            # merge new texts into every .ts, then run lrelease
    python scripts/update_translations.py --check    # exit 1 when a text is missing, unfinished or unwrapped
    python scripts/update_translations.py --unwrapped  # list visible string literals not passed through tr()

`pyside6-lupdate` does not fit this app: it files bare `tr("...")` calls under an
empty context (the app translates in the context "GanStudio") and knows nothing of
the preset files.  So this script reads the sources itself:

* every `tr("literal")` and `tr_noop("literal")` in gan_studio/app/**/*.py (the first
  argument; an optional second literal argument is Qt's disambiguation);
* the title and description of every resources/presets/*.json;
* `gan_studio.app.i18n.core_texts()`: texts from the Qt-free core the views show
  through `tr(text)` (field labels, dataset descriptions), and the literal texts of
  the core's `Verdict(...)` and `TrainingWarning(...)` (quality verdicts, warnings).

It merges them into resources/translations/gan_studio_<lang>.ts: existing
translations are kept, new texts come in as "unfinished", texts no longer found
are marked "vanished" (kept, so a text that comes back keeps its translation).
Then `pyside6-lrelease` compiles each .ts into the .qm the app loads.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIR = ROOT / "gan_studio" / "app"
PRESETS_DIR = ROOT / "resources" / "presets"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
CONTEXT = "GanStudio"
LANGUAGES = ("zh_CN",)

# ----------------------------------------------------------------------------- the sources


@dataclass
class Message:
    source: str
    comment: str = ""                               # Qt's disambiguation
    locations: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.comment)


def _rel(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def _is_tr(node: ast.AST, names: tuple[str, ...] = ("tr",)) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names


def tr_calls(path: Path) -> list[tuple[str, str, int]]:
    """(text, disambiguation, line) of every `tr("literal")` / `tr_noop("literal")` in one Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if _is_tr(node, ("tr", "tr_noop")) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            comment = ""
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                comment = node.args[1].value
            found.append((node.args[0].value, comment, node.lineno))
    return found


def app_files(app_dir: Path = APP_DIR) -> list[Path]:
    return sorted(p for p in app_dir.rglob("*.py") if "__pycache__" not in p.parts)


def preset_texts(presets_dir: Path = PRESETS_DIR) -> list[tuple[str, str]]:
    """(text, file) for the title and description of every shipped preset."""
    texts = []
    for path in sorted(presets_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("title", "description"):
            if isinstance(data.get(key), str) and data[key].strip():
                texts.append((data[key], _rel(path)))
    return texts


# Calls in gan_studio/core whose literal arguments the views show through tr(): name -> argument indices.
CORE_CALLS = {"Verdict": (1, 2), "TrainingWarning": (2, 3, 4), "ConfigIssue": (1,), "Message": (0,)}
CORE_DIR = ROOT / "gan_studio" / "core"


def core_literals(core_dir: Path = CORE_DIR) -> list[tuple[str, str]]:
    """(text, file) of the literal texts given to the core's message objects (quality verdicts, warnings)."""
    found = []
    for path in sorted(core_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CORE_CALLS:
                for i in CORE_CALLS[node.func.id]:
                    if i < len(node.args) and isinstance(node.args[i], ast.Constant) \
                            and isinstance(node.args[i].value, str) and node.args[i].value.strip():
                        found.append((node.args[i].value, _rel(path)))
    return found


def core_texts() -> list[str]:
    sys.path.insert(0, str(ROOT))
    try:
        from gan_studio.app.i18n import core_texts as texts
    finally:
        sys.path.pop(0)
    return [t for t in texts() if t]


def collect(app_dir: Path = APP_DIR, presets_dir: Path = PRESETS_DIR, with_core: bool = True) -> dict:
    """Every translatable text, keyed by (source, disambiguation)."""
    messages: dict[tuple[str, str], Message] = {}

    def add(text: str, comment: str, where: str) -> None:
        msg = messages.setdefault((text, comment), Message(text, comment))
        msg.locations.add(where)

    for path in app_files(app_dir):
        for text, comment, _line in tr_calls(path):
            add(text, comment, _rel(path))
    for text, where in preset_texts(presets_dir):
        add(text, "", where)
    if with_core:
        for text in core_texts():
            add(text, "", "gan_studio/core")
        for text, where in core_literals():
            add(text, "", where)
    return messages


# ----------------------------------------------------------------------------- visible literals not in tr()

# Methods whose string arguments are shown to the user.  Value: the positional indices
# to check (None = all) and the keyword names to check.
METHOD_SINKS: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
    name: (None, ("text", "tip", "tooltip", "title")) for name in (
        "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "addAction", "addMenu",
        "setStatusTip", "showMessage", "setWhatsThis", "setTitle", "setLabelText", "setTabText",
        "setTabToolTip", "setHtml", "setMarkdown", "setInformativeText", "setDetailedText", "setFormat",
        "setSuffix", "setPrefix", "setSpecialValueText", "setHeaderLabels", "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels", "addItems", "setItemText", "setButtonText", "setCancelButtonText",
        "addRow", "addButton", "setAccessibleName", "setAccessibleDescription", "show_message",
        "setPlainText", "setWindowIconText", "setNameFilter",
    )
}
METHOD_SINKS.update({
    "addTab": ((1, 2), ()), "insertTab": ((2, 3), ()), "addItem": ((0,), ("text",)), "insertItem": ((1,), ()),
    "setLabel": ((1,), ("text",)),                          # pyqtgraph setLabel("left", "loss")
    "information": ((1, 2), ()), "warning": ((1, 2), ()), "critical": ((1, 2), ()),
    "question": ((1, 2), ()), "about": ((1, 2), ()),
    "getOpenFileName": ((1, 3), ("caption", "filter")), "getOpenFileNames": ((1, 3), ("caption", "filter")),
    "getSaveFileName": ((1, 3), ("caption", "filter")), "getExistingDirectory": ((1,), ("caption",)),
    "getText": ((1, 2), ()), "getInt": ((1, 2), ()), "getDouble": ((1, 2), ()), "getItem": ((1, 2), ()),
    # project helpers
    "_action": ((1, 4), ("tip",)), "add_tab": ((1, 2), ()), "export_file": ((1, 3), ()),
    "_field": ((1, 4), ()), "_spin": ((), ("special",)), "_float_edit": ((0,), ()),
    "_show_empty": ((0,), ()), "set_placeholder": ((0,), ()), "show_error": ((1,), ()),
    "drawText": (None, ()), "section_title": ((0,), ()), "tool_button": ((0, 1), ()), "set_message": ((0,), ()),
    "set_image": ((1,), ()), "set_images": ((1, 2), ()), "seed_spin": ((0,), ()), "export_folder": ((1,), ()),
    "_export_animation": ((1, 3), ()), "plot": ((), ("name",)), "_plot": ((1, 2), ()), "ask": ((1,), ()),
    "_error": ((0, 1), ()), "reset_progress": ((0,), ()), "set_error": ((0,), ()), "set_pending_notice": ((0,), ()),
})
# Keyword arguments shown to the user, whatever the callee.
VISIBLE_KEYWORDS = ("placeholder", "tooltip", "toolTip", "statusTip", "caption")
CONSTRUCTOR_SINKS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu", "QToolButton",
    "QMessageBox", "QDockWidget", "QCommandLinkButton", "QProgressDialog", "QTableWidgetItem",
    "QListWidgetItem", "QTreeWidgetItem", "QWidgetAction", "CollapsibleSection",
}
_LETTER = re.compile(r"[A-Za-z]{2,}")
_SHORTCUT = re.compile(r"^((Ctrl|Shift|Alt|Meta|Cmd)\+)+\S+$|^F\d{1,2}$")


_KEYS = {"info", "warning", "error", "ok"}           # message kinds (InlineMessage.show_message(text, "error"))


def _visible(text: str) -> bool:
    """A literal a user reads: words, not a shortcut, a format code, a colour or a message kind."""
    words = re.sub(r"<[^>]*>|&\w+;", "", text)          # HTML tags and entities are not words
    return (bool(_LETTER.search(words)) and not _SHORTCUT.match(text.strip()) and not text.startswith("#")
            and text not in _KEYS)


def _literals(node: ast.AST):
    """(line, text) of the visible literals an expression passes on, without looking inside tr()."""
    if _is_tr(node):
        if node.args and isinstance(node.args[0], ast.JoinedStr):
            yield node.lineno, "tr(f-string): " + ast.unparse(node.args[0])
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _visible(node.value):
            yield node.lineno, node.value
    elif isinstance(node, ast.JoinedStr):
        if any(isinstance(v, ast.Constant) and _visible(str(v.value)) for v in node.values):
            yield node.lineno, ast.unparse(node)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            yield from _literals(elt)
    elif isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        yield from _literals(node.elt)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        receiver = node.func.value
        if isinstance(receiver, (ast.Constant, ast.JoinedStr, ast.Dict)):   # "…".format(), {…}.get(k, "…")
            yield from _literals(receiver)
            for arg in node.args:
                yield from _literals(arg)


def _sink_args(node: ast.Call):
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    yield from (k.value for k in node.keywords if k.arg in VISIBLE_KEYWORDS)
    if name in CONSTRUCTOR_SINKS:
        yield from node.args
        yield from (k.value for k in node.keywords if k.arg in ("text", "title"))
        return
    if name not in METHOD_SINKS:
        return
    indices, keywords = METHOD_SINKS[name]
    for i, arg in enumerate(node.args):
        if indices is None or i in indices:
            yield arg
    yield from (k.value for k in node.keywords if k.arg in keywords and k.arg not in VISIBLE_KEYWORDS)


NO_TR = "# no-tr"       # on the line of a call: its literals are notation, the same in every language


def unwrapped(path: Path) -> list[tuple[int, str]]:
    """(line, text) of the visible string literals in one file that do not go through tr()."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if NO_TR not in lines[node.lineno - 1]:
                for arg in _sink_args(node):
                    found.extend(_literals(arg))
            if _is_tr(node, ("tr", "tr_noop")) and node.args:
                first = node.args[0]
                if isinstance(first, ast.JoinedStr):
                    found.append((node.lineno, "tr(f-string): " + ast.unparse(first)))
                elif (isinstance(first, ast.BinOp) or isinstance(first, ast.Call) and isinstance(
                        first.func, ast.Attribute) and isinstance(first.func.value, ast.Constant)) and any(
                        isinstance(sub, ast.Constant) and isinstance(sub.value, str) and _visible(sub.value)
                        for sub in ast.walk(first)):
                    # tr("Step {n}".format(n=…)) or tr("Step " + n): the translation would never match
                    found.append((node.lineno, "tr(built text): " + ast.unparse(first)))
    return sorted(set(found))


def all_unwrapped(app_dir: Path = APP_DIR) -> list[tuple[str, int, str]]:
    return [(_rel(p), line, text) for p in app_files(app_dir) if p.name != "i18n.py" for line, text in unwrapped(p)]


# ----------------------------------------------------------------------------- the .ts files

PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def placeholders(text: str) -> list[str]:
    """The str.format fields of a text, sorted: "Step {n:,} of {total}" -> ["n:,", "total"]."""
    return sorted(PLACEHOLDER.findall(text))


@dataclass
class Entry:
    source: str
    comment: str
    translation: str
    kind: str                       # "" (finished), "unfinished", "vanished"
    locations: list[str]


def ts_path(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"gan_studio_{language}.ts"


def qm_file(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"gan_studio_{language}.qm"


def read_ts(path: Path) -> dict[tuple[str, str], Entry]:
    entries: dict[tuple[str, str], Entry] = {}
    if not path.is_file():
        return entries
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            tnode = message.find("translation")
            translation = (tnode.text or "") if tnode is not None else ""
            kind = tnode.get("type", "") if tnode is not None else "unfinished"
            locations = [loc.get("filename", "") for loc in message.iter("location")]
            entries[(source, comment)] = Entry(source, comment, translation, kind, locations)
    return entries


def write_ts(path: Path, language: str, entries: list[Entry]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for entry in entries:
        message = ET.SubElement(context, "message")
        for filename in sorted(entry.locations):
            ET.SubElement(message, "location", filename="../../" + filename)
        ET.SubElement(message, "source").text = entry.source
        if entry.comment:
            ET.SubElement(message, "comment").text = entry.comment
        tnode = ET.SubElement(message, "translation")
        if entry.kind:
            tnode.set("type", entry.kind)
        tnode.text = entry.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def merge(messages: dict, existing: dict[tuple[str, str], Entry]) -> list[Entry]:
    """The .ts entries for `messages`, keeping existing translations; gone texts become "vanished"."""
    entries = []
    for key in sorted(messages, key=lambda k: (sorted(messages[k].locations)[0], k)):
        msg = messages[key]
        old = existing.get(key)
        locations = [loc.removeprefix("../../") for loc in sorted(msg.locations)]
        if old is not None and old.translation:
            kind = "unfinished" if old.kind == "unfinished" else ""
            entries.append(Entry(msg.source, msg.comment, old.translation, kind, locations))
        else:
            entries.append(Entry(msg.source, msg.comment, "", "unfinished", locations))
    for key, old in sorted(existing.items()):
        if key not in messages and old.translation:
            entries.append(Entry(old.source, old.comment, old.translation, "vanished", []))
    return entries


def problems(messages: dict, entries: dict[tuple[str, str], Entry]) -> list[str]:
    """Why the translation is incomplete: missing, unfinished, or placeholders that differ."""
    found = []
    for key, msg in sorted(messages.items()):
        entry = entries.get(key)
        where = ", ".join(sorted(msg.locations))
        if entry is None or not entry.translation or entry.kind == "vanished":
            found.append(f"missing: {msg.source!r} ({where})")
        elif entry.kind == "unfinished":
            found.append(f"unfinished: {msg.source!r} ({where})")
        elif placeholders(entry.source) != placeholders(entry.translation):
            found.append(f"placeholders differ: {msg.source!r} -> {entry.translation!r}")
    return found


def lrelease_binary() -> str | None:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        candidate = here / name
        if candidate.is_file():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    return None


def build_qm(ts: Path, qm: Path) -> None:
    binary = lrelease_binary()
    if binary is None:
        raise SystemExit("pyside6-lrelease was not found: install PySide6 in this environment")
    subprocess.run([binary, "-silent", str(ts), "-qm", str(qm)], check=True)


# ----------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    parser.add_argument("--unwrapped", action="store_true", help="list visible literals not passed through tr()")
    args = parser.parse_args(argv)

    if args.unwrapped:
        for where, line, text in all_unwrapped():
            print(f"{where}:{line}: {text!r}")
        return 0
    messages = collect()
    status = 0
    for language in LANGUAGES:
        ts = ts_path(language)
        existing = read_ts(ts)
        if args.check:
            for problem in problems(messages, existing):
                print(f"{ts.name}: {problem}")
                status = 1
            continue
        entries = merge(messages, existing)
        write_ts(ts, language, entries)
        todo = problems(messages, read_ts(ts))
        build_qm(ts, qm_file(language))
        print(f"{_rel(ts)}: {len(messages)} texts, {len(todo)} to translate; built {_rel(qm_file(language))}")
    if args.check:
        for where, line, text in all_unwrapped():
            print(f"{where}:{line}: not in tr(): {text!r}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
