"""Hidden tests for `softmax_with_loss` (book 1 SoftmaxWithLoss): one-hot or label targets.

forward(x, t) returns cross_entropy_error(softmax(x), t) (book 1: mean over the batch, 1e-7 inside
the log); backward(dout=1) returns (y − t) / N and ignores dout (book 2 multiplies by dout; with
dout = 1 both agree, and the grader calls backward() and backward(1)).

Every target logit is kept within about 1 of its row's max, so the correct class gets a
probability of at least ~0.05: then the 1e-7 of book 1 changes the loss by less than ~2e-6 and an
exact log-softmax loss passes too (rtol 1e-5). The gradcheck differentiates the exact mean
cross-entropy (log-sum-exp, no 1e-7), whose gradient is exactly (y − t) / N.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from

DELTA = 1e-7


def _logits(rng, n, c, offsets=None):
    """(x, labels): scores with each row's target near the row max, plus optional row offsets."""
    x = rng.normal(scale=1.5, size=(n, c))
    labels = rng.integers(0, c, size=n)
    rows = np.arange(n)
    x[rows, labels] = x.max(axis=1) + rng.uniform(-1.0, 0.5, size=n)
    if offsets is not None:
        x = x + np.asarray(offsets, dtype=np.float64)[:, None]
    return x, labels


def _one_hot(labels, c):
    t = np.zeros((labels.size, c))
    t[np.arange(labels.size), labels] = 1.0
    return t


def _case(rng, n, c, form, offsets=None) -> dict:
    x, labels = _logits(rng, n, c, offsets)
    return {"x": x, "t": _one_hot(labels, c) if form == "one_hot" else labels.astype(np.int64)}


def _forward_inputs(rng) -> list[dict]:
    return [_case(rng, 3, 5, "one_hot"), _case(rng, 4, 6, "labels"), _case(rng, 5, 3, "one_hot")]


def _backward_inputs(rng) -> list[dict]:
    return [_case(rng, 3, 5, "one_hot"), _case(rng, 4, 6, "labels"), _case(rng, 2, 7, "labels")]


def _large_inputs(rng) -> list[dict]:
    return [
        _case(rng, 3, 5, "one_hot", offsets=[1000.0, 1000.0, 1000.0]),
        _case(rng, 3, 4, "labels", offsets=[1000.0, 0.0, -1000.0]),
        _case(rng, 2, 6, "labels", offsets=[800.0, 1000.0]),
    ]


def _grad_inputs(rng) -> list[dict]:
    return [
        _case(rng, 3, 5, "one_hot"),
        _case(rng, 4, 6, "labels"),
        _case(rng, 2, 4, "one_hot", offsets=[1000.0, -5.0]),
    ]


def _labels(case):
    t = case["t"]
    return t.argmax(axis=1) if t.ndim == 2 else t


def _target(case):
    """t as one-hot (N, C)."""
    return _one_hot(_labels(case), case["x"].shape[1])


def _softmax(x, mode="rows"):
    """Row-wise stable softmax; other modes give the known wrong normalisations."""
    if mode == "batch":  # one softmax over the whole batch (the 1-D formula applied to (N, C))
        e = np.exp(x - x.max())
        return e / e.sum()
    if mode == "columns":  # sums over axis 0, the batch axis
        e = np.exp(x - x.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)
    if mode == "naive":  # no max subtracted: exp(1000) = inf
        e = np.exp(x)
        return e / e.sum(axis=1, keepdims=True)
    if mode == "global_max":  # the max of the whole batch: rows far below it give 0/0
        e = np.exp(x - x.max())
        return e / e.sum(axis=1, keepdims=True)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _book_loss(y, labels) -> float:
    n = y.shape[0]
    return float(-np.sum(np.log(y[np.arange(n), labels] + DELTA)) / n)


def _loss_of(case, mode="rows") -> float:
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return _book_loss(_softmax(case["x"], mode), _labels(case))


def _dx(case, scale=1.0) -> np.ndarray:
    n = case["x"].shape[0]
    return scale * (_softmax(case["x"]) - _target(case)) / n


def _exact_loss(case) -> float:
    """Mean cross-entropy via log-sum-exp: the loss whose gradient is exactly (y − t) / N."""
    x = case["x"]
    m = x.max(axis=1)
    lse = m + np.log(np.exp(x - m[:, None]).sum(axis=1))
    rows = np.arange(x.shape[0])
    return float(np.mean(lse - x[rows, _labels(case)]))


def _finite(value):
    """Whether a returned loss is finite; None when it is not a number (None, a string, ...)."""
    if value is None or isinstance(value, (str, bytes)):
        return None  # `got None (a missing return?)` then says what came back
    try:
        return bool(np.all(np.isfinite(np.asarray(value, dtype=np.float64))))
    except (TypeError, ValueError):
        return None


BATCH_SOFTMAX = Variant(
    "batch_softmax",
    lambda c: {"loss": _loss_of(c, "batch")},
    ja="softmax がバッチ全体を 1 つの分布として正規化しています（np.sum(exp_x) が全要素の和）。"
    "行（データ）ごとに正規化してください: np.sum(exp_x, axis=1, keepdims=True)（最大値も行ごと）。",
    en="softmax normalises the whole batch as one distribution (np.sum(exp_x) adds every entry): normalise "
    "each row (sample): np.sum(exp_x, axis=1, keepdims=True), and take the max per row too.",
)
COLUMN_SOFTMAX = Variant(
    "column_softmax",
    lambda c: {"loss": _loss_of(c, "columns")},
    ja="softmax が列ごと（axis=0、バッチの軸）に正規化されています。各行の和が 1 になるよう、"
    "axis=1（または axis=-1）で keepdims=True として和と最大値をとってください。",
    en="softmax normalises each column (axis=0, the batch axis): each row must sum to 1, so take the max "
    "and the sum over axis=1 (or axis=-1) with keepdims=True.",
)
OVERFLOW = Variant(
    "overflow",
    lambda c: {"loss_is_finite": _finite(_loss_of(c, "naive"))},
    ja="ロジットが 1000 前後のケースで損失が NaN か inf です。np.exp(1000) は inf にオーバーフローします。"
    "softmax は定数を引いても変わらないので、exp の前に各行の最大値を引いてください: "
    "x - np.max(x, axis=1, keepdims=True)。",
    en="the loss is NaN or inf for logits around 1000: np.exp(1000) overflows to inf. Softmax does not change "
    "when a constant is subtracted, so subtract the row max before exp: x - np.max(x, axis=1, keepdims=True).",
)
GLOBAL_MAX = Variant(
    "global_max",
    lambda c: {"loss_is_finite": _finite(_loss_of(c, "global_max"))},
    ja="バッチ全体の最大値を引いています。行の大きさが 1000 と −1000 のように離れていると、小さい行は "
    "exp(−2000) = 0 ばかりになり 0/0 = NaN です。各行自身の最大値を引いてください: "
    "x - np.max(x, axis=1, keepdims=True)。",
    en="you subtract the max of the whole batch: when rows sit far apart (1000 and −1000), the low row becomes "
    "exp(−2000) = 0 everywhere and 0/0 = NaN. Subtract each row's own max: "
    "x - np.max(x, axis=1, keepdims=True).",
)
NO_DIV_N = Variant(
    "no_div_n",
    lambda c: {"dx_default": _dx(c, scale=c["x"].shape[0]), "dx": _dx(c, scale=c["x"].shape[0])},
    ja="dx がちょうど N 倍です。損失はバッチの平均なので、(y − t) をバッチ数 N で割ります: "
    "dx = (self.y - self.t) / batch_size。",
    en="dx is exactly N times too large: the loss is the batch mean, so divide (y − t) by the batch size N: "
    "dx = (self.y - self.t) / batch_size.",
)
SIGN_FLIP = Variant(
    "sign_flip",
    lambda c: {"dx_default": _dx(c, scale=-1.0), "dx": _dx(c, scale=-1.0)},
    ja="dx の符号が逆です。∂L/∂x = (y − t) / N です（t − y ではありません）。",
    en="dx has the wrong sign: ∂L/∂x = (y − t) / N, not (t − y) / N.",
)


def _run_forward(learner, case) -> dict:
    return {"loss": learner.SoftmaxWithLoss().forward(case["x"], case["t"])}


def _run_backward(learner, case) -> dict:
    first, second = learner.SoftmaxWithLoss(), learner.SoftmaxWithLoss()
    first.forward(case["x"], case["t"])
    dx_default = first.backward()
    second.forward(case["x"], case["t"])
    return {"dx_default": dx_default, "dx_dout1": second.backward(1)}


def _run_large(learner, case) -> dict:
    layer = learner.SoftmaxWithLoss()
    loss = layer.forward(case["x"], case["t"])
    finite = _finite(loss)
    return {"loss_is_finite": finite, "loss": loss, "dx": layer.backward()}


def _run_grad(learner, case) -> dict:
    layer = learner.SoftmaxWithLoss()
    layer.forward(case["x"], case["t"])
    return {"dx": layer.backward()}


CHECKS = {
    "forward": Cases(
        inputs=_forward_inputs,
        run=_run_forward,
        expected=lambda c: {"loss": _loss_of(c)},
        variants=(BATCH_SOFTMAX, COLUMN_SOFTMAX),
        rtol=1e-5,
    ),
    "large_logits": Cases(
        inputs=_large_inputs,
        run=_run_large,
        expected=lambda c: {"loss_is_finite": True, "loss": _loss_of(c), "dx": _dx(c)},
        variants=(OVERFLOW, GLOBAL_MAX, BATCH_SOFTMAX, COLUMN_SOFTMAX, NO_DIV_N, SIGN_FLIP),
        rtol=1e-5,
    ),
    "backward": Cases(
        inputs=_backward_inputs,
        run=_run_backward,
        expected=lambda c: {"dx_default": _dx(c), "dx_dout1": _dx(c)},
        variants=(NO_DIV_N, SIGN_FLIP),
    ),
    "gradcheck": GradCheck(inputs=_grad_inputs, run=_run_grad, loss=_exact_loss, wrt={"dx": "x"}),
}


# ---- softmax(x) called directly ------------------------------------------------------------------
# The layer may compute its softmax inline, so the statement's softmax(x) is checked on its own,
# on rows whose logits sit far apart (1000, 0, −1000) or spread over more than 709 inside a row.
def _softmax_inputs(rng) -> list[dict]:
    spread = rng.normal(scale=1.5, size=(2, 6))
    spread[:, 0] += 450.0  # max − min of each row is over 709: exp(x − min) overflows
    spread[:, 1] -= 400.0
    return [
        {"x": _logits(rng, 3, 5, offsets=[1000.0, 1000.0, 1000.0])[0]},
        {"x": _logits(rng, 3, 4, offsets=[1000.0, 0.0, -1000.0])[0]},
        {"x": spread},
        {"x": _logits(rng, 4, 3)[0]},
    ]


def _softmax_run(learner, case) -> dict:
    return {"y": learner.softmax(case["x"])}


def _softmax_of(case, mode="rows") -> dict:
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        if mode == "min":  # subtracts the row min instead of the max: exp(max − min) overflows
            e = np.exp(case["x"] - case["x"].min(axis=1, keepdims=True))
            return {"y": e / e.sum(axis=1, keepdims=True)}
        return {"y": _softmax(case["x"], mode)}


SOFTMAX_VARIANTS = (
    Variant(
        "softmax_overflow",
        lambda c: _softmax_of(c, "naive"),
        ja="softmax(x) が、ロジットが 1000 前後の行で NaN になります。np.exp(1000) は inf にオーバーフローし、"
        "inf / inf = NaN です。softmax は定数を引いても変わらないので、exp の前に各行の最大値を引いてください: "
        "x - np.max(x, axis=1, keepdims=True)。レイヤの中で別に計算していても、softmax(x) 自体が正しくなければなりません。",
        en="softmax(x) gives NaN on rows with logits around 1000: np.exp(1000) overflows to inf and inf / inf is NaN. "
        "Softmax does not change when a constant is subtracted, so subtract each row's max before exp: "
        "x - np.max(x, axis=1, keepdims=True). softmax(x) itself must be right even if the layer computes its own.",
    ),
    Variant(
        "softmax_global_max",
        lambda c: _softmax_of(c, "global_max"),
        ja="softmax(x) がバッチ全体の最大値を引いています。行の大きさが 1000 と −1000 のように離れていると、小さい行は "
        "exp(−2000) = 0 ばかりになり 0/0 = NaN です。各行自身の最大値を引いてください: "
        "x - np.max(x, axis=1, keepdims=True)。",
        en="softmax(x) subtracts the max of the whole batch: when rows sit far apart (1000 and −1000), the low row "
        "becomes exp(−2000) = 0 everywhere and 0/0 = NaN. Subtract each row's own max: "
        "x - np.max(x, axis=1, keepdims=True).",
    ),
    Variant(
        "softmax_min",
        lambda c: _softmax_of(c, "min"),
        ja="各行の最小値を引いています。行の中の最大と最小が 709 以上離れると exp(最大 − 最小) が inf に"
        "なります。引くのは各行の最大値です: x - np.max(x, axis=1, keepdims=True)（exp の中が 0 以下になる）。",
        en="you subtract each row's min: when a row spans more than 709, exp(max − min) is inf. Subtract each "
        "row's max instead: x - np.max(x, axis=1, keepdims=True) (every exponent is then <= 0).",
    ),
    Variant("softmax_batch", lambda c: _softmax_of(c, "batch"), ja=BATCH_SOFTMAX.ja, en=BATCH_SOFTMAX.en),
    Variant("softmax_columns", lambda c: _softmax_of(c, "columns"), ja=COLUMN_SOFTMAX.ja, en=COLUMN_SOFTMAX.en),
)


# ---- one object, three calls (as in training) ---------------------------------------------------
# (N, C, target form) of the three forward/backward calls on ONE SoftmaxWithLoss: the second call
# has the first's shape (y, t kept while the shape matches show), the third another batch size
# (N taken from the first call shows).
REUSE_SPECS = (
    ((4, 5, "one_hot"), (4, 5, "one_hot"), (6, 5, "one_hot")),
    ((3, 6, "labels"), (3, 6, "labels"), (5, 6, "labels")),
    ((5, 3, "labels"), (5, 3, "labels"), (2, 3, "labels")),
)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for specs in REUSE_SPECS:
        case: dict = {}
        for k, (n, c, form) in zip(CALLS, specs):
            one = _case(rng, n, c, form)
            case[f"x{k}"], case[f"t{k}"] = one["x"], one["t"]
        cases.append(case)
    return cases


def _call(case, k) -> dict:
    return {"x": case[f"x{k}"], "t": case[f"t{k}"]}


def _reuse_run(learner, case) -> dict:
    layer = learner.SoftmaxWithLoss()
    result = {}
    for k in CALLS:
        result[f"loss{k}"] = layer.forward(case[f"x{k}"], case[f"t{k}"])
        dx = layer.backward()
        result[f"dx{k}"] = dx.copy() if isinstance(dx, np.ndarray) else dx
    return result


def _reuse_expected(case, mode="right") -> dict:
    """Every call's loss and dx; `mode` gives a known state mistake: 'stale_t' (self.t kept),
    'stale_y' (backward uses a kept self.y), 'first_n' (dx divided by the first call's N),
    'first_n_both' (the loss too)."""
    result = {}
    n1 = case["x1"].shape[0]
    for k, j in zip(CALLS, _kept_from(case)):
        now, kept = _call(case, k), _call(case, j)
        n = now["x"].shape[0]
        y = _softmax(kept["x"] if mode == "stale_y" else now["x"])
        target = _target(kept if mode == "stale_t" else now)
        labels = _labels(kept if mode == "stale_t" else now)
        loss = _book_loss(_softmax(now["x"]), labels)
        divisor = n1 if mode in ("first_n", "first_n_both") else n
        if mode == "first_n_both":
            loss = loss * n / n1
        result[f"loss{k}"] = loss
        result[f"dx{k}"] = (y - target) / divisor
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_t",
        lambda c: _reuse_expected(c, "stale_t"),
        ja="前の呼び出しの教師データ t を使っています（self.t を、形が同じあいだ上書きしていない）。学習では 1 つの"
        "SoftmaxWithLoss にミニバッチが次々に渡されるので、forward は呼ぶたびに self.t = t、self.y = softmax(x) と"
        "今回の値で上書きします。",
        en="the targets t of an earlier call are used (self.t is not overwritten while the shape stays the same). "
        "In training one SoftmaxWithLoss object sees every mini-batch, so every forward overwrites self.t = t and "
        "self.y = softmax(x) with this call's values.",
    ),
    Variant(
        "stale_y",
        lambda c: _reuse_expected(c, "stale_y"),
        ja="損失は合っていますが、backward が前の forward の self.y を使っています。forward は呼ぶたびに"
        "self.y = softmax(x) を今回の x で上書きし、backward はそれを使います。",
        en="the loss is right, but backward uses the self.y of an earlier forward: every forward overwrites "
        "self.y = softmax(x) with this call's x, and backward uses it.",
    ),
    Variant(
        "first_batch_size",
        lambda c: _reuse_expected(c, "first_n"),
        ja="dx を最初の呼び出しのバッチ数で割っています。ミニバッチの大きさは呼び出しごとに変わることがある"
        "（最後のミニバッチなど）ので、backward のたびに今回の N = self.y.shape[0] で割ってください。",
        en="dx is divided by the batch size of the first call. The mini-batch size may change between calls "
        "(the last mini-batch, for one), so divide by this call's N = self.y.shape[0] in every backward.",
    ),
    Variant(
        "first_batch_size_loss",
        lambda c: _reuse_expected(c, "first_n_both"),
        ja="損失と dx を最初の呼び出しのバッチ数で割っています。ミニバッチの大きさは呼び出しごとに変わることが"
        "あるので、毎回今回の N（x.shape[0]）で割ってください。",
        en="the loss and dx are divided by the batch size of the first call. The mini-batch size may change "
        "between calls, so divide by this call's N (x.shape[0]) every time.",
    ),
)

CHECKS["softmax"] = Cases(
    inputs=_softmax_inputs, run=_softmax_run, expected=_softmax_of, variants=SOFTMAX_VARIANTS, rtol=1e-6
)
CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
