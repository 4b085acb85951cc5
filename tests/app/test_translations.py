"""Chinese UI: every visible string goes through tr(), zh_CN translates every one, the .qm is current,
the app follows the system locale or the View ▸ Language choice."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from gan_studio.app import i18n
from gan_studio.app.i18n import CONTEXT, resolve_language, tr

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ut = _load_script()


@pytest.fixture(scope="module")
def messages():
    return ut.collect()


@pytest.fixture(scope="module")
def zh_entries():
    return ut.read_ts(ut.ts_path("zh_CN"))


# ----------------------------------------------------------------------------- coverage


def test_every_visible_literal_in_the_app_goes_through_tr():
    found = ut.all_unwrapped()
    assert not found, "visible strings not wrapped in tr():\n" + "\n".join(
        f"{where}:{line}: {text!r}" for where, line, text in found)


def test_zh_cn_translates_every_text_with_the_same_placeholders(messages, zh_entries):
    problems = ut.problems(messages, zh_entries)
    assert not problems, f"{len(problems)} problems in gan_studio_zh_CN.ts (run scripts/update_translations.py " \
                         "and translate):\n" + "\n".join(problems[:60])


def test_the_extractor_finds_the_texts_views_and_presets_show(messages):
    sources = {source for source, _comment in messages}
    assert "&File" in sources and "Gallery" in sources            # main window menus and tabs
    assert "Pick at least one class to train on." in sources      # dataset panel
    assert "generator width" in sources                           # core field label (core_texts)
    from gan_studio.core.presets import load_presets
    for preset in load_presets():
        assert preset.title in sources and preset.description in sources


def test_compiled_qm_matches_the_ts(zh_entries, qapp):
    """The shipped .qm answers every finished translation of the .ts (a stale .qm fails here)."""
    translator = QTranslator()
    assert translator.load(str(ut.qm_file("zh_CN")))
    finished = [e for e in zh_entries.values() if e.translation and e.kind == ""]
    assert len(finished) > 300
    stale = [e.source for e in finished
             if translator.translate(CONTEXT, e.source, e.comment or None) != e.translation]
    assert not stale, f"{len(stale)} texts differ in the .qm; rebuild it: {stale[:5]}"


# ----------------------------------------------------------------------------- the checker itself


def test_checker_flags_unwrapped_literals_and_accepts_tr(tmp_path):
    src = tmp_path / "view.py"
    src.write_text(textwrap.dedent('''
        from .i18n import tr
        label.setText("Loss D")
        label.setToolTip(tr("Fine"))
        button = QPushButton("Train", self)
        box.setWindowTitle(f"Step {n}")
        box.setText(tr(f"Bad {n}"))
        menu.addAction(tr("Save"), "Ctrl+S")
        status.showMessage("Saved" if ok else tr("Failed"))
        message.show_message(tr("Text"), "error")
        label.setText(f"{a} · {b}")
        label.setText(tr("Step {step:,}").format(step=3))
        label.setText(tr("Step {n}".format(n=3)))
        label.setText(tr("Step " + str(n)))
        label.setText(tr(names["key"]))
        grid.set_images(images, [f"frame {i}" for i in range(3)])
        readout.setText(f"lr G {a} / D {b}")  # no-tr: notation
    '''))
    found = {text for _line, text in ut.unwrapped(src)}
    assert found == {"Loss D", "Train", "f'Step {n}'", "tr(f-string): f'Bad {n}'", "Saved",
                     "tr(built text): 'Step {n}'.format(n=3)", "tr(built text): 'Step ' + str(n)", "f'frame {i}'"}


def test_placeholders_are_compared_by_name_and_format():
    assert ut.placeholders("Step {step:,} of {total}") == ["step:,", "total"]
    entries = {("Step {n}", ""): ut.Entry("Step {n}", "", "第 {m} 步", "", [])}
    msgs = {("Step {n}", ""): ut.Message("Step {n}")}
    assert any("placeholders differ" in p for p in ut.problems(msgs, entries))


def test_merge_keeps_translations_and_marks_gone_texts_vanished():
    existing = {("Old", ""): ut.Entry("Old", "", "旧", "", []), ("Kept", ""): ut.Entry("Kept", "", "保留", "", [])}
    msgs = {("Kept", ""): ut.Message("Kept", locations={"a.py"}), ("New", ""): ut.Message("New", locations={"a.py"})}
    merged = {e.source: e for e in ut.merge(msgs, existing)}
    assert merged["Kept"].translation == "保留" and merged["Kept"].kind == ""
    assert merged["New"].kind == "unfinished" and merged["New"].translation == ""
    assert merged["Old"].kind == "vanished" and merged["Old"].translation == "旧"


# ----------------------------------------------------------------------------- language choice


@pytest.mark.parametrize("choice, system, expected", [
    ("", ["zh-Hans-CN", "en-US"], "zh_CN"),
    ("", ["zh-CN"], "zh_CN"),
    ("", ["zh-Hant-TW"], "en"),          # Traditional Chinese: no translation, English
    ("", ["en-GB", "zh-CN"], "en"),      # the first language the user listed wins
    ("", ["de-DE", "zh-CN"], "zh_CN"),   # German has no translation; the next one does
    ("", ["fr-FR"], "en"),
    ("en", ["zh-CN"], "en"),             # View ▸ Language overrides the system
    ("zh_CN", ["en-US"], "zh_CN"),
    ("xx", ["zh-CN"], "en"),
])
def test_resolve_language(choice, system, expected):
    assert resolve_language(choice, system) == expected


def test_install_translators_switches_tr_and_qt_dialogs_to_chinese(qapp):
    try:
        assert i18n.install_translators(qapp, "zh_CN") == "zh_CN"
        assert tr("&File") != "&File" and "文件" in tr("&File")
        # Qt's own strings (standard buttons) come from qtbase_zh_CN.qm
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        assert i18n.install_translators(qapp, "en") == "en"
    assert tr("&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_missing_qm_leaves_english(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install_translators(qapp, "zh_CN") == "en"
    assert tr("&File") == "&File"


def test_language_setting_round_trip_and_bad_value(tmp_path):
    from gan_studio.app.settings import AppSettings

    settings = AppSettings(tmp_path / "settings.ini")
    assert settings.language() == ""
    settings.set_language("zh_CN")
    assert AppSettings(tmp_path / "settings.ini").language() == "zh_CN"
    with pytest.raises(ValueError):
        settings.set_language("klingon")
    settings.q.setValue("language", "klingon")          # a hand-edited file: back to the system language
    assert settings.language() == ""


def test_view_language_menu_saves_the_choice_and_says_when_it_applies(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("GAN_STUDIO_HOME", str(tmp_path))
    from gan_studio.app import dialogs
    from gan_studio.app.main_window import MainWindow
    from gan_studio.app.settings import AppSettings

    shown = []
    monkeypatch.setattr(dialogs, "show_message", lambda parent, title, text, icon=None: shown.append(text))
    window = MainWindow(settings=AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert set(window.language_actions) == {"", "en", "zh_CN"}
    assert window.language_actions[""].isChecked()
    assert window.language_actions["zh_CN"].text() == "简体中文"
    window.language_actions["zh_CN"].trigger()
    assert AppSettings(tmp_path / "settings.ini").language() == "zh_CN"
    assert window.language_actions["zh_CN"].isChecked() and not window.language_actions[""].isChecked()
    assert len(shown) == 1 and "next time it starts" in shown[0] and "下次启动" in shown[0]
    window.language_actions["zh_CN"].trigger()         # the same choice again: nothing to say
    assert len(shown) == 1
    window.close()


def test_main_window_builds_in_chinese(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("GAN_STUDIO_HOME", str(tmp_path))
    from gan_studio.app.main_window import MainWindow
    from gan_studio.app.settings import AppSettings

    try:
        i18n.install_translators(qapp, "zh_CN")
        window = MainWindow(settings=AppSettings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles[:2] == ["训练", "图库"]
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert window.controls.title() == "训练"
        window.close()
    finally:
        i18n.install_translators(qapp, "en")


def test_core_messages_with_numbers_are_translated_by_their_templates(qapp):
    """The core's divergence advice and warning texts (numbers inside) match a template, so they translate."""
    from gan_studio.core.training.diagnostics import QualityPoint, Watchdog
    from gan_studio.core.training.trainer import TrainingDiverged

    from gan_studio.core.training.snapshots import describe_lineage

    advice = TrainingDiverged(1234, ["loss_D", "loss_G"]).advice
    lineage = [describe_lineage({"parent": "/runs/run-a", "parent_step": 1200, "changes": {"train.lr_g": [2e-4, 1e-4]}}),
               describe_lineage({"parent": "/runs/run-a", "parent_step": 1200, "changes": {}})]
    dog = Watchdog("ns", stuck_seconds=0.0)
    fields = dict(score=20.0, fd=50.0, fd_floor=1.0, coverage=1, collapse=0.9, class_collapse=0.9,
                  diversity_collapse=0.98, confidence=0.5, n=100, seconds=0.1)
    warnings = []
    for step in (10, 20, 30):
        warnings += dog.add_quality(QualityPoint(step=step, elapsed=60.0 + step, **fields))
    rows = [{"step": s, "elapsed": s * 0.5, "d_real": 0.999, "d_fake": 0.001} for s in range(200)]
    warnings += dog.add_rows(rows)
    assert {w.kind for w in warnings} == {"collapse", "d-wins"}
    from gan_studio.core.training import process
    from gan_studio.core.training.device import available_devices

    exits = [process.describe_exit(None), process.describe_exit(-9), process.describe_exit(-6), process.describe_exit(3)]
    exploded = TrainingDiverged(1234, ["loss_d", "G weights"], {"loss_d": 2.5e27, "G weights": 9.5e34}).advice
    texts = [advice, exploded] + [w.text for w in warnings] + lineage + exits + [available_devices()[0].label]
    assert [i18n.translate_message(t) for t in texts] == texts       # English: unchanged
    try:
        i18n.install_translators(qapp, "zh_CN")
        for text in texts:
            zh = i18n.translate_message(text)
            assert zh != text and any("\u4e00" <= ch <= "\u9fff" for ch in zh), text
        zh = i18n.translate_message(advice)
        assert "1234" in zh and "loss_D, loss_G" in zh and "训练发散" in zh
        collapse = next(w for w in warnings if w.kind == "collapse")
        assert "样本几乎都是同一张图像" in i18n.translate_message(collapse.text)     # the nested value too
        assert i18n.translate_message(collapse.title) == "模式崩溃"
        assert i18n.translate_message("not a core message 42") == "not a core message 42"
    finally:
        i18n.install_translators(qapp, "en")


def test_dataset_notes_and_name_of_the_offline_sample_translate(qapp):
    from gan_studio.core.config import DataConfig
    from gan_studio.core.data import load_dataset

    ds = load_dataset(DataConfig(source="sample", classes=[1, 2]))
    texts = list(ds.notes) + [ds.name]
    assert len(texts) >= 2
    try:
        i18n.install_translators(qapp, "zh_CN")
        for text in texts:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in i18n.translate_message(text)), text
        assert "离线样本" in i18n.translate_message(ds.name)
    finally:
        i18n.install_translators(qapp, "en")


def test_localized_resource_picks_the_chinese_diagram_only_in_chinese(qapp):
    from gan_studio.paths import resource_path

    assert i18n.localized_resource("icons", "gan-diagram.svg") == resource_path("icons", "gan-diagram.svg")
    try:
        i18n.install_translators(qapp, "zh_CN")
        assert i18n.current_language() == "zh_CN"
        path = i18n.localized_resource("icons", "gan-diagram.svg")
        assert path.name == "gan-diagram_zh_CN.svg" and "生成器" in path.read_text(encoding="utf-8")
        assert i18n.localized_resource("icons", "gan-studio.svg") == resource_path("icons", "gan-studio.svg")
    finally:
        i18n.install_translators(qapp, "en")
    assert i18n.current_language() == "en"


def test_settings_the_core_rejects_are_explained_in_chinese(qapp):
    from gan_studio.core.config import ModelConfig, TrainConfig

    issues = (TrainConfig(lr_g=5.0, batch_size=0, ema=0.2).validate()
              + ModelConfig(arch="mlp", conditional=True, latent_dim=5000).validate())
    assert len(issues) >= 4
    try:
        i18n.install_translators(qapp, "zh_CN")
        for issue in issues:
            zh = i18n.translate_message(issue.message)
            assert zh != issue.message and any("\u4e00" <= ch <= "\u9fff" for ch in zh), issue.message
        lr = next(i for i in issues if i.field == "train.lr_g")
        assert i18n.translate_message(lr.message).startswith("生成器学习率必须在")
    finally:
        i18n.install_translators(qapp, "en")
