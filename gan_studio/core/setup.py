"""Shareable workshop setups: one small JSON file that opens the same experiment on another machine.

    {
      "format": "gan-studio-setup",
      "version": 1,
      "title": "Mode collapse, live",              # short name shown when it opens
      "preset": "seed-mlp",                        # the preset the settings started from
      "name": "seed-mlp",                          # the experiment's name
      "dataset": {"source": "mnist", ...},         # every DataConfig field
      "model": {...},                              # every ModelConfig field
      "train": {...},                              # every TrainConfig field
      "lesson": "Watch the grid: ...",             # what to watch for (plain text)
      "notes": "...",                              # anything else the author wants to say
      "created_with": "GAN Studio 0.x"             # informative only
    }

A setup holds settings, never weights: the file is a few kB and safe to mail
around.  `read_setup` refuses anything it cannot open exactly — not JSON,
another format or a newer version, unknown fields, values out of range (the
config's own validation, `ConfigIssue` by field) — with one `SetupError`
naming every problem, so the caller can leave the current experiment as it
is.  Fields a hand-written setup leaves out take their defaults.  Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_write_text
from .config import ConfigError, ConfigIssue, DataConfig, ExperimentConfig, ModelConfig, TrainConfig

FORMAT = "gan-studio-setup"
VERSION = 1
SUFFIX = ".json"
MAX_BYTES = 256 * 1024       # a setup is a few kB; anything far larger is not one
MAX_TEXT = 20_000            # characters of lesson text or notes
TOP_LEVEL = ("format", "version", "title", "preset", "name", "dataset", "model", "train", "lesson", "notes",
             "created_with")
TEXT_FIELDS = ("title", "preset", "name", "lesson", "notes", "created_with")


class SetupError(ValueError):
    """A setup file cannot be opened; `issues` name each problem (field: message)."""

    def __init__(self, path, issues: list[ConfigIssue] | str):
        self.path = Path(path) if path is not None else None
        if isinstance(issues, str):
            issues = [ConfigIssue("file", issues)]
        self.issues = list(issues)
        where = f"{self.path.name}: " if self.path is not None else ""
        super().__init__(where + "; ".join(str(i) for i in self.issues))


@dataclass(frozen=True)
class Setup:
    config: ExperimentConfig
    title: str = ""
    lesson: str = ""
    notes: str = ""
    created_with: str = ""
    adjusted: list[str] = field(default_factory=list)   # what was changed to fit this machine, in plain words

    def to_dict(self) -> dict:
        from .. import __version__

        c = self.config
        return {"format": FORMAT, "version": VERSION, "title": self.title, "preset": c.preset, "name": c.name,
                "dataset": c.data.to_dict(), "model": c.model.to_dict(), "train": c.train.to_dict(),
                "lesson": self.lesson, "notes": self.notes, "created_with": f"GAN Studio {__version__}"}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


def is_setup_file(path) -> bool:
    """A .json file that is not a run folder's run.json (what Open / drop / `gan-studio open` route here)."""
    p = Path(path)
    return p.suffix.lower() == SUFFIX and p.name != "run.json" and not p.is_dir()


def write_setup(path, setup: Setup) -> Path:
    """Write atomically; the config is checked first (an invalid experiment is not exported)."""
    path = Path(path)
    setup.config.check()
    try:
        atomic_write_text(path, setup.to_json())
    except OSError as exc:
        raise SetupError(path, f"could not write the setup: {exc.strerror or exc}") from None
    return path


def parse_setup(data, path=None) -> Setup:
    """A setup from decoded JSON; SetupError naming every problem."""
    if not isinstance(data, dict):
        raise SetupError(path, "this is not a GAN Studio setup (the file holds no JSON object)")
    fmt = data.get("format")
    if fmt != FORMAT:
        if fmt == "gan-studio-run/1" or "config" in data and "status" in data:
            raise SetupError(path, "this is a run description (run.json), not a setup; open its run folder "
                                   "with File ▸ Open run… instead")
        raise SetupError(path, f"this is not a GAN Studio setup (format {fmt!r}, expected {FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SetupError(path, f"version must be a whole number (got {version!r})")
    if version > VERSION:
        raise SetupError(path, f"this setup was written by a newer GAN Studio (setup version {version}; this "
                               f"one reads version {VERSION}); update GAN Studio to open it")
    issues = [ConfigIssue(k, "unknown field") for k in sorted(set(data) - set(TOP_LEVEL))]
    for key in TEXT_FIELDS:
        value = data.get(key, "")
        if not isinstance(value, str):
            issues.append(ConfigIssue(key, "must be text"))
        elif len(value) > MAX_TEXT:
            issues.append(ConfigIssue(key, f"is {len(value):,} characters long; at most {MAX_TEXT:,}"))
    sections = {}
    for key, cls in (("dataset", DataConfig), ("model", ModelConfig), ("train", TrainConfig)):
        raw = data.get(key, {})
        try:
            sections[key] = cls.from_dict(raw)
        except ConfigError as exc:
            issues += [ConfigIssue(_file_field(i.field), i.message) for i in exc.issues]
        except TypeError as exc:
            issues.append(ConfigIssue(key, f"cannot be read ({exc})"))
    if issues:
        raise SetupError(path, issues)
    config = ExperimentConfig(data=sections["dataset"], model=sections["model"], train=sections["train"],
                              name=data.get("name") or "experiment", preset=data.get("preset") or "custom")
    try:
        found = config.validate()
        if not any(i.field.startswith("model.") for i in found):
            from .models.budget import model_size_issues   # torch: loaded only when a setup file is read

            found += model_size_issues(config.model)
    except TypeError as exc:          # e.g. a list where a number belongs
        found = [ConfigIssue("config", f"a value has the wrong type ({exc})")]
    if found:
        raise SetupError(path, [ConfigIssue(_file_field(i.field), i.message) for i in found])
    return Setup(config, title=data.get("title", ""), lesson=data.get("lesson", ""), notes=data.get("notes", ""),
                 created_with=data.get("created_with", ""))


def _file_field(name: str) -> str:
    """The config's "data.classes" is "dataset.classes" in a setup file."""
    return "dataset" + name[4:] if name == "data" or name.startswith("data.") else name


def read_setup(path) -> Setup:
    """Read and check a setup file (never raises anything but SetupError)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise SetupError(path, "this is a folder, not a setup file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SetupError(path, f"{size / 1024:.0f} kB is far larger than a setup (at most "
                                   f"{MAX_BYTES // 1024} kB); it is not a GAN Studio setup")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SetupError(path, "the file does not exist") from None
    except OSError as exc:
        raise SetupError(path, f"the file cannot be read: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SetupError(path, "this is not a GAN Studio setup (not text)") from None
    except json.JSONDecodeError as exc:
        raise SetupError(path, f"this is not a GAN Studio setup (not valid JSON: {exc.msg} at line "
                               f"{exc.lineno})") from None
    except RecursionError:
        raise SetupError(path, "this is not a GAN Studio setup (nested too deeply)") from None
    setup = parse_setup(data, path)
    return fit_to_machine(setup)


def fit_to_machine(setup: Setup) -> Setup:
    """A data path that does not exist here: a downloadable dataset uses this machine's copy instead
    (the path is dropped); a folder of images keeps the path and says so, so the user can choose one."""
    data = setup.config.data
    if not data.path or Path(data.path).expanduser().is_dir():
        return setup
    if data.source != "folder":
        config = setup.config.replace(data=data.replace(path=None))
        note = (f"The setup read {data.source} from {data.path}, which is not on this computer; "
                f"this computer's copy of {data.source} is used instead.")
        return Setup(config, setup.title, setup.lesson, setup.notes, setup.created_with, [*setup.adjusted, note])
    note = (f"The setup trains on the image folder {data.path}, which is not on this computer; "
            "choose a folder of images in the Dataset panel before training.")
    return Setup(setup.config, setup.title, setup.lesson, setup.notes, setup.created_with, [*setup.adjusted, note])
