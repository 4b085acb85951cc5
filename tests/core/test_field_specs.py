"""The config's field descriptors: complete for every form field, the one source of validation limits,
and core messages that carry their template across a pickle."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from gan_studio.core import config
from gan_studio.core.config import (BOOL, CHOICE, FLOAT, INT, ExperimentConfig, TrainConfig, field_spec, field_specs,
                                    format_number, with_values)
from gan_studio.core.messages import Message


def test_every_field_a_form_shows_is_fully_described():
    shown = [s for s in field_specs() if s.group]
    assert {s.group for s in shown} == {"model", "optimisation", "advanced", "device", "data"}
    for s in shown:
        assert s.label and s.name and s.hint, s.key
        if s.widget in (INT, FLOAT):
            assert s.lo is not None and s.hi is not None and s.lo < s.hi, s.key
            assert "{lo}" in s.hint or s.key in ("train.seed", "train.threads"), s.key   # ranges said from the limits
        if s.widget == CHOICE:
            assert s.default in s.choices, s.key
        if s.widget == BOOL:
            assert s.check, s.key
    assert [s.key for s in field_specs(branch=True)] == ["train.loss", "train.lr_g", "train.lr_d", "train.beta1",
                                                          "train.d_steps"]
    assert all(s.change == config.LIVE for s in field_specs(branch=True))     # a branch keeps the networks


@pytest.mark.parametrize("spec", [s for s in field_specs() if s.widget in (INT, FLOAT) and not s.zero_off],
                         ids=lambda s: s.key)
def test_validation_limits_are_the_descriptor_limits(spec):
    base = ExperimentConfig()
    assert not [i for i in with_values(base, {spec.key: spec.lo}).validate() if i.field == spec.key]
    assert not [i for i in with_values(base, {spec.key: spec.hi}).validate() if i.field == spec.key]
    step = 1 if spec.widget == INT else spec.hi * 1e-3
    over = [i for i in with_values(base, {spec.key: spec.hi + step}).validate() if i.field == spec.key]
    assert len(over) == 1 and over[0].message.args["hi"] == f"{spec.hi:g}"


def test_a_changed_descriptor_limit_changes_validation(monkeypatch):
    fields = {f.name: f for f in dataclasses.fields(TrainConfig)}
    meta = dict(fields["threads"].metadata, hi=8)
    monkeypatch.setattr(fields["threads"], "metadata", meta)
    issues = TrainConfig(threads=9).validate()
    assert [str(i) for i in issues] == ["train.threads: thread count must be 0–8 (got 9)"]
    assert field_spec("train.threads").hi == 8


def test_messages_are_plain_english_and_keep_their_template_through_pickle():
    issue = next(i for i in TrainConfig(loss="magic").validate() if i.field == "train.loss")
    assert str(issue) == "train.loss: loss must be one of ns, hinge, lsgan, wgan-gp"     # what the CLI prints
    copy = pickle.loads(pickle.dumps(issue.message))
    assert copy == issue.message and copy.template == "{label} must be one of {choices}"
    assert copy.args == {"label": "loss", "choices": "ns, hinge, lsgan, wgan-gp"}
    nested = Message("The generator is collapsing: {what}.", what=Message("it drew {best} classes", best="3"))
    again = pickle.loads(pickle.dumps(nested))
    assert again == "The generator is collapsing: it drew 3 classes." and again.args["what"].template == \
        "it drew {best} classes"


def test_limits_are_written_as_people_write_them():
    assert [format_number(v) for v in (1e-7, 1.0, 0.999, 2048, 0.99999, 10**7)] == \
        ["1e-7", "1", "0.999", "2048", "0.99999", "1e7"]
