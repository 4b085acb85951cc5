"""The Learn tab, live: formulas fed by relayed metrics, the model graph replaying real training steps
(the training process's probe), and lessons that load their presets through the Experiment."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from gan_studio.app.learn.formulas import FormulaPanel
from gan_studio.app.learn.graph import ModelGraph
from gan_studio.app.learn.lessons import lesson_config, lessons
from gan_studio.app.learn.terms import FORMULAS, term_values
from gan_studio.app.learn_tab import PROBE_SECONDS, LearnTab
from gan_studio.app.training_controller import TrainingController
from gan_studio.core.config import PRESET_KEYS, get_value
from gan_studio.core.experiment import Experiment
from gan_studio.core.presets import get_preset
from gan_studio.core.training.trainer import Trainer
from tests.core.helpers import tiny_config as core_tiny_config
from tests.core.helpers import tiny_data

WAIT = 120_000


def _row(step=7, loss_d=1.1, loss_g=1.5, d_real=0.8, d_fake=0.25, gp=0.0):
    return {"step": step, "loss_d": loss_d, "loss_g": loss_g, "d_real": d_real, "d_fake": d_fake, "gp": gp,
            "grad_norm_d": 1.0, "grad_norm_g": 1.0, "lr_g": 2e-4, "lr_d": 2e-4, "images_per_s": 100.0, "elapsed": 1.0}


@pytest.fixture
def learn(qtbot):
    exp = Experiment.from_preset("seed-mlp")        # the seed's non-saturating loss
    controller = TrainingController(exp)            # no process: its signals are emitted by hand below
    tab = LearnTab(exp)
    qtbot.addWidget(tab)
    controller.metrics.connect(tab.on_metrics)
    controller.probe.connect(tab.on_probe)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, controller, exp


def test_formula_terms_show_the_values_of_a_relayed_metrics_event(qtbot, learn):
    tab, controller, exp = learn
    f = tab.formulas
    assert set(f.chips) == {"ld_real", "ld_fake", "lg_fake"}
    assert set(f.term_texts().values()) == {"–"}
    # The controller passes on a batch of rows the process sent; the tab shows the last row of the batch.
    controller.metrics.emit([_row(step=6, d_real=0.5, d_fake=0.5), _row()])
    qtbot.waitUntil(lambda: f.term_texts()["ld_real"] != "–", timeout=3000)
    assert f.term_texts() == {"ld_real": f"{-math.log(0.8):.3f}",          # −log D(x)         = 0.223
                              "ld_fake": f"{-math.log(1 - 0.25):.3f}",     # −log(1 − D(G(z))) = 0.288
                              "lg_fake": f"{-math.log(0.25):.3f}"}          # −log D(G(z))      = 1.386
    assert f.term_texts()["lg_fake"] == "1.386"
    assert f.measured["D"].text().endswith("1.100") and f.measured["G"].text().endswith("1.500")
    assert "Step 7" in f.outputs.text() and "0.800" in f.outputs.text() and "0.250" in f.outputs.text()
    # The larger term is tinted more strongly.
    alpha = {k: int(c.styleSheet().split("rgba(")[1].split(")")[0].split(",")[3]) for k, c in f.chips.items()}
    assert alpha["lg_fake"] > alpha["ld_fake"] > alpha["ld_real"]

    # The loss in use changes (a live field): the hinge formulas replace the seed's, with the same row's values.
    exp.edit(**{"train.loss": "hinge"})
    assert "hinge" in f.title.text()
    assert [c.formula_label.text() for c in f.chips.values()] == ["max(0, 1 − D(x))", "max(0, 1 + D(G(z)))",
                                                                  "−D(G(z))"]
    controller.metrics.emit([_row(step=8, d_real=0.6, d_fake=0.4)])
    r = math.log(0.6 / 0.4)                 # the score of the average real image, logit(D(x))
    qtbot.waitUntil(lambda: "Step 8" in f.outputs.text(), timeout=3000)
    assert f.term_texts() == {"ld_real": f"{1 - r:.3f}", "ld_fake": f"{1 - r:.3f}", "lg_fake": f"{r:.3f}"}

    # WGAN-GP shows its gradient penalty term: λ · gp from the row.
    exp.edit(**{"train.loss": "wgan-gp", "train.gp_weight": 10.0})
    controller.metrics.emit([_row(step=9, gp=0.05)])
    qtbot.waitUntil(lambda: "Step 9" in f.outputs.text(), timeout=3000)
    assert f.term_texts()["ld_gp"] == "0.500"


def _probe(step, seed=0):
    rng = np.random.default_rng(seed)
    return {"step": step, "real": rng.integers(0, 255, (4, 28, 28, 1), dtype=np.uint8),
            "fake": rng.integers(0, 255, (4, 28, 28, 1), dtype=np.uint8), "score_real": [1.0] * 4,
            "score_fake": [-1.0] * 4, "d_real": [0.9, 0.8, 0.7, 0.6], "d_fake": [0.1, 0.2, 0.3, 0.4], "labels": None}


def test_graph_replays_each_step_whole_and_takes_a_new_one_at_the_right_moment(qtbot, learn):
    """Driven by recorded probe events: a probe arriving mid-replay waits for the next D phase; one arriving
    while a step is replayed again (training paused, Step) starts at once."""
    tab, controller, _exp = learn
    graph = tab.graph
    graph.phase_seconds = 0.4
    phases: list[tuple[str, int]] = []
    graph.phaseChanged.connect(lambda ph: phases.append((ph, graph.probe["step"])))
    controller.probe.emit(_probe(10))
    assert graph.probe["step"] == 10 and graph.phase == "d"
    controller.probe.emit(_probe(11, 1))        # mid-replay: step 10 finishes first
    assert graph.probe["step"] == 10
    qtbot.waitUntil(lambda: ("d", 11) in phases, timeout=5000)
    assert phases[:3] == [("d", 10), ("g", 10), ("d", 11)]
    qtbot.waitUntil(lambda: phases.count(("d", 11)) >= 2, timeout=5000)  # step 11 seen whole: it loops
    controller.probe.emit(_probe(12, 2))        # e.g. the user pressed Step
    assert (graph.probe["step"], graph.phase, graph.probe["d_real"], graph.probe["d_fake"]) == \
        (12, "d", [0.9, 0.8, 0.7, 0.6], [0.1, 0.2, 0.3, 0.4])
    qtbot.waitUntil(lambda: ("g", 12) in phases, timeout=5000)
    graph.hide()
    hidden_at = (graph.phase, graph.progress)
    beside = ModelGraph()                                   # the same replay on show beside it
    qtbot.addWidget(beside)
    beside.phase_seconds = graph.phase_seconds
    beside.show()
    beside.set_probe(_probe(12, 2))
    beside_phases: list[str] = []
    beside.phaseChanged.connect(beside_phases.append)
    qtbot.waitUntil(lambda: beside_phases[-2:] == ["g", "d"], timeout=5000)    # a whole replay went by
    assert (graph.phase, graph.progress) == hidden_at       # nothing animates off screen


def test_term_values_match_the_losses_for_a_single_image():
    """For one image the terms are the losses of core/training/losses.py exactly (their sum is L_D)."""
    from gan_studio.core.training.losses import discriminator_loss, generator_loss

    r, f = torch.tensor([0.7]), torch.tensor([-0.3])
    row = {"d_real": float(torch.sigmoid(r)), "d_fake": float(torch.sigmoid(f)), "gp": 0.0}
    for kind in ("ns", "hinge", "lsgan", "wgan-gp"):
        values = term_values(kind, row)
        d_keys = [t.key for t in FORMULAS[kind][0]]
        assert sum(values[k] for k in d_keys) == pytest.approx(float(discriminator_loss(kind, r, f)), abs=1e-5), kind
        assert values["lg_fake"] == pytest.approx(float(generator_loss(kind, f)), abs=1e-5), kind


def test_probe_reports_d_outputs_and_leaves_training_unchanged():
    x, y = tiny_data()
    a, b = Trainer(core_tiny_config(), x, y), Trainer(core_tiny_config(), x, y)
    probes = []
    for _ in range(3):
        a.step()
        probes.append(a.probe(4))
        b.step()
    assert [r.to_dict()["loss_d"] for r in a.flush()] == [r.to_dict()["loss_d"] for r in b.flush()]
    for k, v in a.state()["weights"].items():
        assert torch.equal(v, b.state()["weights"][k]), k
    p = probes[-1]
    assert p["real"].shape == p["fake"].shape == (4, 28, 28, 1) and p["real"].dtype == np.uint8
    assert np.allclose(p["d_real"], 1 / (1 + np.exp(-np.array(p["score_real"]))), atol=1e-6)
    assert len(p["labels"]) == 4        # conditional: G was asked for the real digits' classes
    # What D says about the probe's real images is what D computes for them (eval mode).
    a.D.eval()
    with torch.no_grad():
        x0 = torch.from_numpy(p["real"]).permute(0, 3, 1, 2).float().mul(2 / 255).sub(1)
        score = a.D(x0, torch.tensor(p["labels"])).numpy()
    assert np.allclose(score, p["score_real"], atol=1e-4)


def test_every_lesson_loads_its_preset_into_the_experiment():
    seen = set()
    for lesson in lessons():
        exp = Experiment.from_preset("wgan-gp")     # start elsewhere, so every preset field has to change
        changes: list[set] = []
        exp.configChanged.connect(changes.append)
        cfg = lesson_config(exp, lesson)
        preset = get_preset(lesson.preset).config()
        for key in PRESET_KEYS:
            want = lesson.edits.get(key, get_value(preset, key))
            assert get_value(cfg, key) == want, (lesson.key, key)
        assert exp.base_preset == lesson.preset
        assert exp.preset_key == (lesson.preset if not lesson.edits else "custom")
        assert not exp.issues(), lesson.key
        assert changes, lesson.key          # the panels hear about it (nothing set behind their back)
        assert len(lesson.watch) > 150 and lesson.title
        seen.add(lesson.preset)
    # The issue's four lessons: collapse (seed), divergence (high LR), conditional digits, D:G ratio.
    keys = {lesson.key: lesson for lesson in lessons()}
    assert keys["collapse"].preset == "seed-mlp"
    assert keys["divergence"].edits["train.lr_g"] >= 100 * get_preset("seed-mlp-fixed").config().train.lr_g
    assert get_preset(keys["conditional"].preset).config().model.conditional
    assert keys["ratio"].edits["train.d_steps"] > 1
    assert {"seed-mlp", "seed-mlp-fixed", "quick-digits"} <= seen


# ------------------------------------------------------------------ window (the `window` fixture: tests/app/conftest.py)
def test_graph_replays_both_phases_of_real_training_steps(qtbot, window, monkeypatch):
    tab = window.learn_tab
    graph = tab.graph
    graph.phase_seconds = 0.25
    probes: list[dict] = []
    window.controller.probe.connect(probes.append)
    phases: list[tuple[str, int]] = []
    graph.phaseChanged.connect(lambda ph: phases.append((ph, graph.probe["step"])))
    asked: list[float] = []                         # what the window asks of the process
    set_probe = window.controller.set_probe
    monkeypatch.setattr(window.controller, "set_probe", lambda seconds, n=4: (asked.append(seconds),
                                                                              set_probe(seconds, n)))
    window.tabs.setCurrentWidget(tab)               # on show: the process reports probes
    assert asked == [PROBE_SECONDS]
    window.lifecycle.train()
    qtbot.waitUntil(lambda: any(p["step"] > 0 for p in probes), timeout=WAIT)
    # A replay of a trained step: D phase, then G phase, with the step's images and D outputs.
    qtbot.waitUntil(lambda: any(s > 0 for ph, s in phases if ph == "g")
                    and any(s > 0 for ph, s in phases if ph == "d"), timeout=30_000)
    first_g = next(i for i, (ph, s) in enumerate(phases) if ph == "g" and s > 0)
    assert phases[first_g - 1] == ("d", phases[first_g][1])       # the same step's D phase came just before
    shown = {k: list(v) if k.startswith("d_") else v for k, v in graph.probe.items()}     # the step on show
    match = [p for p in probes if p["step"] == shown["step"]]
    assert match and list(match[0]["d_real"]) == shown["d_real"] and list(match[0]["d_fake"]) == shown["d_fake"]
    assert len(graph.probe["real"]) == len(graph.probe["fake"]) == 4
    assert all(0.0 <= v <= 1.0 for v in shown["d_real"] + shown["d_fake"])
    # The formulas follow the same run.
    qtbot.waitUntil(lambda: tab.formulas.term_texts()["ld_real"] != "–", timeout=10_000)
    # Away from the tab the process stops probing.
    window.tabs.setCurrentWidget(window.train_tab)
    assert asked == [PROBE_SECONDS, 0.0]


def test_loading_a_lesson_during_a_run_asks_like_new_experiment(qtbot, window, monkeypatch):
    from gan_studio.app import dialogs

    rows: list = []
    window.controller.metrics.connect(rows.extend)
    window.lifecycle.train()
    qtbot.waitUntil(lambda: bool(rows) and rows[-1]["step"] >= 3, timeout=WAIT)
    tab = window.learn_tab
    tab.lesson_list.setCurrentRow([lesson.key for lesson in tab.lessons].index("ratio"))
    answers = iter(["cancel", "discard"])
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save", lambda *a, **k: asked.append(a[2]) or next(answers))
    before = window.experiment.config
    tab.load_button.click()                         # Cancel: the run goes on untouched
    assert asked and "lesson" in asked[0]
    assert window.experiment.config == before and window.experiment.active
    tab.load_button.click()                         # Discard: the lesson's experiment replaces it
    qtbot.waitUntil(lambda: window.experiment.state == "idle", timeout=WAIT)
    cfg = window.experiment.config
    assert cfg.preset == "seed-mlp-fixed" and cfg.train.d_steps == 5
    assert cfg.model.arch == "mlp" and window.arch_panel.model_config().arch == "mlp"   # the panel shows it
    assert not window.experiment.has_work and window.experiment.step == 0
    assert window.controls.train_button.text() == "Train"


def test_formulas_hidden_behind_another_tab_wait_and_show_the_latest_row_when_shown(qtbot, learn):
    tab, controller, exp = learn
    f = tab.formulas
    controller.metrics.emit([_row()])
    qtbot.waitUntil(lambda: f.term_texts()["ld_real"] != "–", timeout=3000)
    shown = f.term_texts()
    f.hide()
    # A second panel on show beside it gets the same rows: once it has drawn two refreshes, a hidden panel
    # that drew would have drawn too.
    beside = FormulaPanel()
    qtbot.addWidget(beside)
    beside.show()
    controller.metrics.connect(beside.show_rows)
    controller.metrics.emit([_row(step=9, d_real=0.5, d_fake=0.5)])
    qtbot.waitUntil(lambda: "Step 9:" in beside.outputs.text(), timeout=3000)
    beside.show_rows([_row(step=10)])
    qtbot.waitUntil(lambda: "Step 10:" in beside.outputs.text(), timeout=3000)
    assert f.term_texts() == shown                     # nothing drawn while hidden
    f.show()
    qtbot.waitUntil(lambda: f.term_texts()["ld_real"] == f"{-math.log(0.5):.3f}", timeout=3000)
    assert "Step 9:" in f.outputs.text()


def test_lesson_texts_point_to_where_the_fields_really_are(qtbot):
    """Lesson 3 names the box that holds the learning rates, and their labels; lesson 1 does not promise the
    blob stays for ever (left running, the seed's MLP slowly finds some digits)."""
    from PySide6.QtWidgets import QGroupBox

    from gan_studio.app.architecture_panel import ArchitecturePanel
    from gan_studio.core.config import field_spec

    panel = ArchitecturePanel(Experiment())
    qtbot.addWidget(panel)
    text = {lesson.key: lesson.watch for lesson in lessons()}
    for key in ("train.lr_g", "train.lr_d"):
        editor = panel.form.editors[key]
        box = editor.parent()
        while not isinstance(box, QGroupBox):
            box = box.parent()
        assert box.title() in text["divergence"], box.title()
        assert field_spec(key).label in text["divergence"]
    assert "Architecture panel" not in text["divergence"]
    assert "stays that way" not in text["collapse"]
    # Lesson 1 names the warning's button and the dialog's button as they read (the fix rebuilds the network)
    assert "Rebuild the network and train again" in text["collapse"] and "Rebuild and train" in text["collapse"]
