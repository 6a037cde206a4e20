"""`training`: the learner's training function runs seeded and time-boxed in the learner's process;
the grader scores the trained weights itself, on held-out data, with the reference model.

A learner cannot report a good number: only weights come back, and the metric is computed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from grader.checks.base import CodeCheck, Msg, Verdict, verdict
from grader.checks.cases import copy_case
from grader.checks.schema import Kind
from grader.texts import Text

OK = Msg(
    "{metric} {value:.3f}（基準 {op} {threshold:g}）: {label}", "{metric} {value:.3f} ({op} {threshold:g}): {label}"
)
BELOW = Msg(
    "{label}: {metric} {value:.3f} が基準の {threshold:g} に届きません",
    "{label}: {metric} {value:.3f} does not reach {threshold:g}",
)
ABOVE = Msg(
    "{label}: {metric} {value:.3f} が上限の {threshold:g} を超えています",
    "{label}: {metric} {value:.3f} is above the limit of {threshold:g}",
)
METRIC_NAMES = {  # the hidden modules name their metric in English; what a Japanese learner reads
    "accuracy": Text("正解率", "accuracy"),
    "held-out MSE": Text("未知データでの MSE", "held-out MSE"),
}
NOT_FINITE = Msg(
    "重みが NaN または inf になりました（更新が発散しています）", "the weights became NaN or inf (the updates diverged)"
)
BAD_OUTPUT = Msg("{label}: 学習結果を評価できません: {why}", "{label}: cannot evaluate the trained result: {why}")


@dataclass(frozen=True)
class Params:
    """A `training` check's catalog parameters: the score to reach, overriding the hidden module's."""

    threshold: float | None = None


@dataclass(frozen=True)
class Training(CodeCheck):
    """Train with each configuration and score the result.

    configs(rng) -> list of configs (dicts, shown to the learner by `label`); run(learner, config)
    trains in the learner's process and returns what the trained model is (e.g. weight arrays);
    score(config, outputs) -> float runs in the grader's process; the check passes when every
    config's score is >= threshold (or <= it when higher_is_better is False).
    """

    configs: Callable
    run: Callable
    score: Callable
    threshold: float
    metric: str = "accuracy"
    higher_is_better: bool = True
    label: Callable = lambda config: ", ".join(f"{k}={v}" for k, v in config.items() if not k.startswith("_"))
    kind: str = "training"

    def draw(self, rng: Any) -> list:
        return self.configs(rng)

    def probe(self, learner: Any, cases: list) -> list:
        return [self.run(learner, copy_case(c)) for c in cases]

    def judge(self, cases: list, reference: None, outputs: list, lang: str, params: Params | None = None) -> Verdict:
        import numpy as np

        threshold = params.threshold if params is not None and params.threshold is not None else self.threshold
        op = "≥" if self.higher_is_better else "≤"
        metric = METRIC_NAMES.get(self.metric, Text(self.metric, self.metric)).get(lang)
        short = BELOW if self.higher_is_better else ABOVE
        shown = []
        for config, got in zip(cases, outputs):
            label = self.label(config)
            arrays = [v for v in (got or {}).values() if isinstance(v, np.ndarray)]
            if any(a.dtype.kind in "fc" and not np.all(np.isfinite(a)) for a in arrays):
                return verdict(
                    False,
                    short(lang, label=label, metric=metric, value=float("nan"), threshold=threshold),
                    NOT_FINITE(lang),
                )
            try:
                value = float(self.score(config, got))
            except Exception as exc:  # noqa: BLE001 - learner-shaped outputs may not fit the model
                return verdict(False, BAD_OUTPUT(lang, label=label, why=f"{type(exc).__name__}: {exc}"))
            good = value >= threshold if self.higher_is_better else value <= threshold
            if not good:
                return verdict(False, short(lang, label=label, metric=metric, value=value, threshold=threshold))
            shown.append(OK(lang, metric=metric, value=value, op=op, threshold=threshold, label=label))
        return verdict(True, "; ".join(shown))


KIND = Kind("training", Params, is_code=True, check_class=Training)
