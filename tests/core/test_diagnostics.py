"""Quality verdicts and training warnings (core/training/diagnostics.py), on recorded and synthetic sequences."""

from __future__ import annotations

import math

import pytest
import torch

from gan_studio.core.training import diagnostics as dg
from gan_studio.core.training.diagnostics import QualityPoint, Watchdog, trouble_start, verdict

# Recorded with `benchmarks/quality_meter_cost.py stages` on MNIST (500 samples a check):
# (training seconds, score, fd ratio, classes, diversity_collapse).  quick-digits, its first 75 s:
QUICK_DIGITS = [(0, 24.6, 54.9, 0, 0.99), (6, 34.8, 38.3, 3, 0.78), (11, 53.4, 24.7, 8, 0.52),
                (16, 48.5, 22.9, 6, 0.47), (22, 54.0, 17.9, 7, 0.39), (28, 66.3, 14.1, 10, 0.33),
                (34, 69.3, 11.1, 10, 0.30), (40, 72.2, 8.8, 10, 0.25), (46, 72.4, 8.6, 10, 0.25),
                (52, 74.0, 7.5, 10, 0.23), (59, 74.4, 7.3, 10, 0.21), (75, 74.5, 7.2, 10, 0.20)]
# seed-mlp as written (one speckled grey blob):
SEED_MLP = [(0, 24.7, 54.0, 0, 0.99), (11, 25.5, 50.6, 0, 0.97), (22, 24.9, 53.5, 0, 0.99),
            (32, 24.8, 53.8, 0, 0.99), (43, 24.8, 53.9, 0, 0.99), (54, 24.9, 53.7, 0, 0.99),
            (65, 24.8, 53.9, 0, 0.99)]


def point(elapsed, score=50.0, ratio=20.0, coverage=10, div=0.3, step=None) -> QualityPoint:
    return QualityPoint(step=int(elapsed * 10) if step is None else step, elapsed=float(elapsed), score=score,
                        fd=ratio * 15.0, fd_floor=15.0, coverage=coverage, diversity_collapse=div)


def feed(watchdog, recorded) -> list:
    out = []
    for e, score, ratio, cov, div in recorded:
        out += watchdog.add_quality(point(e, score, ratio, cov, div))
    return out


# ------------------------------------------------------------------ verdicts
def test_verdicts_follow_the_measured_stages():
    assert verdict(24.6).words == "grey noise"          # untrained, and the collapsed seed-mlp
    assert verdict(34.8).words == "shapes"
    assert verdict(56.0).words == "digits, blotchy"
    assert verdict(77.1).words == "digits, blotchy"      # every class, strokes ragged (stages run, 21 s)
    assert verdict(83.4).words == "good digits"          # every class recognisable (31 s)
    assert verdict(94.7).words == "near real"            # clean digits (62 s)
    assert verdict(point(0, score=100.0)).key == "near-real"
    lows = [low for low, _ in dg.VERDICTS]
    assert lows == sorted(lows, reverse=True) and lows[-1] == 0.0


def test_quality_point_round_trip_drops_nan():
    p = point(12.5, score=61.0, coverage=7)
    p.confidence = math.nan
    d = p.to_dict()
    assert "confidence" not in d and d["coverage"] == 7 and d["score"] == 61.0
    back = QualityPoint.from_dict(d)
    assert back.coverage == 7 and back.elapsed == 12.5 and back.fd_ratio == pytest.approx(20.0)
    with pytest.raises(ValueError, match="lacks"):
        QualityPoint.from_dict({"step": 1})
    with pytest.raises(ValueError, match="score"):
        QualityPoint.from_dict(dict(d, score="high"))


def test_describe_point_names_score_verdict_floor_and_classes():
    text = dg.describe_point(point(60, score=87.9, ratio=2.4, coverage=10))
    assert "88/100" in text and "good digits" in text and "2.4×" in text and "10/10 classes" in text


# ------------------------------------------------------------ mode collapse
def test_no_collapse_warning_during_the_default_presets_first_minute():
    w = Watchdog("hinge")
    assert feed(w, QUICK_DIGITS) == []
    assert w.active == {}


def test_no_collapse_warning_with_checks_every_ten_seconds_either():
    w = Watchdog("hinge")       # the window's spacing: step 0, then every 10 s of training
    assert feed(w, [QUICK_DIGITS[i] for i in (0, 2, 4, 5, 7, 9, 10)]) == []


def test_seed_mlp_as_written_raises_mode_collapse_within_about_a_minute():
    w = Watchdog("ns")
    fired = feed(w, SEED_MLP)
    assert [x.kind for x in fired] == ["collapse"]
    assert 45 <= fired[0].step / 10 <= 65         # the second check past STUCK_SECONDS
    assert "same image" in fired[0].text and "Try:" in fired[0].advice


def test_diversity_that_falls_raises_collapse_after_two_checks_and_again_after_it_cleared():
    w = Watchdog()
    assert feed(w, [(10, 60, 10, 10, 0.30), (20, 65, 9, 10, 0.25), (30, 60, 10, 10, 0.70)]) == []
    fired = w.add_quality(point(40, div=0.75))
    assert [x.kind for x in fired] == ["collapse"] and "collapse" in w.active
    assert w.add_quality(point(50, div=0.8)) == []          # once while it lasts
    ended = w.add_quality(point(60, div=0.3))                # it cleared: the window withdraws the warning
    assert [(x.kind, x.step) for x in ended] == [("collapse-ended", 600)] and w.active == {}
    assert "over" in ended[0].message()
    w.add_quality(point(70, div=0.7))
    assert [x.kind for x in w.add_quality(point(80, div=0.7))] == ["collapse"]


def test_lost_classes_raise_collapse():
    w = Watchdog()
    feed(w, [(10, 70, 8, 10, 0.3), (20, 60, 12, 6, 0.35)])
    fired = w.add_quality(point(30, coverage=5, div=0.35))
    assert [x.kind for x in fired] == ["collapse"]
    assert "10 digit classes earlier and only 5" in fired[0].text


def test_a_single_low_diversity_check_is_not_enough():
    w = Watchdog()
    feed(w, [(10, 60, 10, 10, 0.3)])
    assert w.add_quality(point(20, div=0.9)) == []
    assert w.add_quality(point(30, div=0.3)) == []


# ---------------------------------------------------------------- D wins
def rows(start_s, seconds, d_real, d_fake, per_second=10, step0=0):
    n = int(seconds * per_second)
    return [{"step": step0 + i, "elapsed": start_s + i / per_second, "d_real": d_real, "d_fake": d_fake}
            for i in range(n)]


def test_d_wins_fires_after_thirty_seconds_of_saturated_outputs():
    w = Watchdog("ns")
    assert w.add_rows(rows(0, 10, 0.6, 0.4)) == []
    assert w.add_rows(rows(10, 25, 0.99, 0.01, step0=100)) == []     # not for long enough yet
    fired = w.add_rows(rows(35, 10, 0.99, 0.01, step0=350))
    assert [x.kind for x in fired] == ["d-wins"]
    assert "D(x) ≈ 0.99" in fired[0].text and "learning rate" in fired[0].advice
    assert w.add_rows(rows(45, 30, 0.99, 0.01, step0=450)) == []     # once while it lasts


def test_d_wins_needs_both_outputs_and_an_unbroken_spell():
    w = Watchdog("ns")
    assert w.add_rows(rows(0, 40, 0.99, 0.3)) == []                   # D(G(z)) not near 0
    w = Watchdog("ns")
    seq = rows(0, 20, 0.99, 0.01) + rows(20, 5, 0.5, 0.5, step0=200) + rows(25, 20, 0.99, 0.01, step0=250)
    assert w.add_rows(seq) == []                                       # interrupted: the clock restarts


def test_d_wins_is_not_judged_for_losses_whose_outputs_are_not_probabilities():
    for loss in ("hinge", "wgan-gp", "lsgan"):
        assert Watchdog(loss).add_rows(rows(0, 60, 0.99, 0.01)) == []


def test_checks_never_take_more_than_their_share_of_training_time():
    class Clock:
        elapsed, step_count = 0.0, 0

    probe = dg.QualityProbe.__new__(dg.QualityProbe)
    probe.trainer, probe.every, probe.max_share, probe.last_seconds, probe.last_elapsed = Clock(), 10.0, 0.04, 0.0, None
    assert probe.due()
    probe.last_elapsed, probe.last_seconds = 0.0, 0.2          # a cheap check: every 10 s
    Clock.elapsed = 10.0
    assert probe.interval() == 10.0 and probe.due()
    probe.last_seconds = 0.8                                   # a slow machine: 0.8 s / 4 % = every 20 s
    assert probe.interval() == pytest.approx(20.0) and not probe.due()
    Clock.elapsed = 20.0
    assert probe.due()


def test_divergence_warning_keeps_the_trainers_advice():
    w = dg.divergence_warning("Training diverged: loss_d became infinite.", 120)
    assert w.kind == "diverged" and w.step == 120 and "infinite" in w.text


# ---------------------------------------------------- integration, small scale
class OneImage(torch.nn.Module):
    """A forced collapse: whatever the noise, the same image (a stroke on black)."""

    def __init__(self, size=28):
        super().__init__()
        img = -torch.ones(1, 1, size, size)
        img[..., 6:22, 12:16] = 1.0
        self.register_buffer("img", img)
        self.w = torch.nn.Parameter(torch.zeros(()))

    def forward(self, z, y=None):
        return self.img.expand(len(z), -1, -1, -1) + 0 * self.w


def test_a_generator_that_outputs_one_image_raises_collapse_in_a_training_session(tmp_path):
    from tests.core.test_process import tiny_config
    from gan_studio.core.training.session import TrainingSession

    session = TrainingSession(tiny_config(), tmp_path / "run")
    try:
        assert session.enable_quality(every=1e-9, n=64) == ""
        session.watchdog = Watchdog(session.config.train.loss, stuck_seconds=0.0)   # seconds, not minutes
        session.quality.max_share = math.inf      # a check after every chunk, whatever it costs
        session.trainer.G = OneImage()
        warnings, points = [], []
        for _ in range(4):
            update = session.advance(2)
            points.append(update.quality)
            warnings += update.warnings
        assert all(p is not None for p in points)
        assert points[-1].diversity_collapse > 0.95
        assert [w.kind for w in warnings] == ["collapse"]
        assert len(session.run.read_quality()) == 4      # recorded in the run folder (quality.jsonl)
    finally:
        session.close()


def test_d_wins_reports_when_it_is_over():
    w = Watchdog("ns")
    assert [x.kind for x in w.add_rows(rows(0, 40, 0.99, 0.01))] == ["d-wins"]
    assert w.add_rows(rows(40, 1, 0.99, 0.01, step0=400)) == []
    over = w.add_rows(rows(41, 5, 0.5, 0.5, step0=410))
    assert [x.kind for x in over] == ["d-wins-ended"] and w.active == {}
    assert w.add_rows(rows(46, 5, 0.5, 0.5, step0=460)) == []          # reported once


# ---------------------------------------------------------------- where the trouble began
def q(step, score, coverage=10, div=0.3):
    return {"step": step, "score": score, "coverage": coverage, "diversity_collapse": div}


def test_trouble_starts_at_the_best_healthy_check_before_the_slide():
    history = [q(100, 40, 6, 0.5), q(200, 70, 10, 0.3), q(300, 75, 10, 0.35), q(400, 50, 7, 0.5),
               q(500, 30, 3, 0.7), q(600, 25, 1, 0.9), q(700, 90, 10, 0.2)]   # 700: after the warning
    assert trouble_start(history, 600) == 300
    # classes lost count as trouble even while the samples still vary
    assert trouble_start([q(100, 60, 10), q(200, 80, 5, 0.4), q(300, 50, 4, 0.4)], 300) == 100


def test_a_run_that_never_drew_varied_digits_was_in_trouble_from_the_start():
    history = [q(50, 29, 1, 0.97), q(150, 25, 0, 0.99), q(250, 26, 0, 0.96)]
    assert trouble_start(history, 250) == 0
    assert trouble_start([], 250) == 0


def test_the_fix_branches_from_the_last_snapshot_before_the_trouble():
    from gan_studio.core.training.diagnostics import fix_snapshot

    history = [q(100, 60, 10, 0.4), q(250, 80, 10, 0.3), q(450, 40, 5, 0.7), q(600, 30, 2, 0.8)]
    assert fix_snapshot([100, 141, 200, 283, 400, 566, 800], history, 600) == 200
    never = [q(50, 29, 1, 0.97), q(150, 25, 0, 0.99)]
    assert fix_snapshot([141, 100, 200], never, 200) == 100          # from the start: the first snapshot
    assert fix_snapshot([700], never, 600) is None                   # none before the warning


def test_the_collapse_fix_rebuilds_a_seed_like_mlp_and_only_retunes_other_networks():
    """Lesson 1's network (no batch norm in G, ReLU in D) came back on 1 seed of 3 with the recipe alone
    (benchmarks/README.md): its fix rebuilds it as lesson 2's preset does; other networks keep theirs."""
    from gan_studio.core.config import differences, with_values
    from gan_studio.core.presets import get_preset
    from gan_studio.core.training.diagnostics import COLLAPSE_FIX, collapse_fix, rebuilds

    seed = get_preset("seed-mlp").config()
    fix = collapse_fix(seed)
    assert rebuilds(fix) and fix["model.g_batchnorm"] is True and fix["model.d_activation"] == "leaky-relu"
    assert differences(with_values(seed, fix), get_preset("seed-mlp-fixed").config()) == {}   # lesson 2's run
    assert collapse_fix(get_preset("seed-mlp-fixed").config()) == {}       # nothing left to change
    dcgan = get_preset("dcgan").config()
    retune = collapse_fix(dcgan)
    assert not rebuilds(retune) and set(retune) <= set(COLLAPSE_FIX)
    assert with_values(dcgan, retune).model == dcgan.model


def test_a_collapse_seen_in_pixel_diversity_is_withdrawn_when_the_samples_vary_again():
    """Folders have no digit classifier: their collapse warning comes from pixel diversity, and like the digits'
    one it is withdrawn (a "collapse-ended" report) once the samples vary again."""
    from gan_studio.core.training.diagnostics import DIVERSITY_COLLAPSE, DiversityReport

    w = Watchdog(stuck_seconds=1e9)
    varied, alike = DiversityReport(0.3, 0.3, 1.0, 1.0), DiversityReport(0.01, 0.3, 0.03, 1.0)
    assert alike.ratio < DIVERSITY_COLLAPSE
    assert w.add_diversity(100, 10.0, varied) == []
    reports = [w.add_diversity(200 + i, 20.0 + i, alike) for i in range(3)]
    assert [[r.kind for r in batch] for batch in reports] == [[], ["collapse"], []]
    assert set(w.active) == {"collapse"}
    ended = w.add_diversity(300, 30.0, varied)
    assert [(r.kind, r.step) for r in ended] == [("collapse-ended", 300)] and w.active == {}
