"""The training kind: the grader scores returned weights itself; NaN weights are named."""

from __future__ import annotations

import numpy as np
from grader.checks.training import Training

CHECK = Training(
    configs=lambda rng: [{"lr": 0.1}],
    run=lambda learner, c: learner(c),
    score=lambda config, got: float(np.mean(got["w"])),
    threshold=0.5,
)


def judge(w, lang="en", check=CHECK):
    cases = check.draw(np.random.default_rng(0))
    return check.judge(cases, check.reference(cases), [{"w": w}], lang)


def test_pass_and_message():
    verdict = judge(np.ones(3))
    assert verdict.ok and verdict.message == "accuracy 1.000 (≥ 0.5): lr=0.1"


def test_below_threshold():
    verdict = judge(np.zeros(3))
    assert not verdict.ok and verdict.message == "lr=0.1: accuracy 0.000 does not reach 0.5"
    assert judge(np.zeros(3), "ja").message == "lr=0.1: 正解率 0.000 が基準の 0.5 に届きません"


def test_an_upper_bound_is_a_limit_and_the_metric_is_named_in_japanese():
    from dataclasses import replace

    mse = replace(CHECK, metric="held-out MSE", higher_is_better=False, threshold=0.005)
    assert judge(np.ones(3), check=mse).message == "lr=0.1: held-out MSE 1.000 is above the limit of 0.005"
    assert judge(np.ones(3), "ja", mse).message == "lr=0.1: 未知データでの MSE 1.000 が上限の 0.005 を超えています"
    assert judge(np.zeros(3), "ja", mse).message == "未知データでの MSE 0.000（基準 ≤ 0.005）: lr=0.1"


def test_diverged_weights_are_diagnosed():
    verdict = judge(np.array([1.0, np.nan]))
    assert not verdict.ok and verdict.diagnosis == "the weights became NaN or inf (the updates diverged)"


def test_unscorable_output_fails_cleanly():
    cases = CHECK.draw(np.random.default_rng(0))
    verdict = CHECK.judge(cases, None, [{"x": 1}], "en")
    assert not verdict.ok and verdict.message.startswith("lr=0.1: cannot evaluate the trained result: KeyError")


def test_probe_runs_learner_with_a_copy_of_the_config():
    seen = []
    cases = CHECK.draw(np.random.default_rng(0))
    CHECK.probe(lambda c: seen.append(c) or {"w": np.ones(1)}, cases)
    assert seen == [{"lr": 0.1}] and seen[0] is not cases[0]
