"""Hidden tests for `batchnorm_forward_backward` (book 1 BatchNormalization, 2-D x).

Book 1's conventions: eps = 10e-7 (== 1e-6) inside the square root, biased batch variance (/N),
running_mean = momentum * running_mean + (1 - momentum) * mu (likewise running_var with var),
zeros when None; test mode normalises with the running statistics.
Some features have a tiny variance (~1e-6) so that eps's value and place matter; the gradcheck uses
moderate scales (a central difference with h = 1e-4 is not accurate on a feature of std 1e-3).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

EPS = 10e-7


def _x(rng, n, d, tiny=()):
    x = rng.normal(loc=rng.normal(size=d) * 2, scale=rng.uniform(0.5, 2.0, size=d), size=(n, d))
    for j in tiny:
        x[:, j] = x[:, j] * 1e-3  # a feature of variance ~1e-6, comparable with eps
    return x


def _params(rng, d):
    return {"gamma": rng.uniform(0.5, 2.0, size=d), "beta": rng.normal(size=d)}


def _train_inputs(rng) -> list[dict]:
    return [
        {"x": _x(rng, 5, 3), **_params(rng, 3), "momentum": 0.9, "running_mean": None, "running_var": None},
        {
            "x": _x(rng, 4, 6, tiny=(0, 4)),
            **_params(rng, 6),
            "momentum": 0.8,
            "running_mean": rng.normal(size=6),
            "running_var": rng.uniform(0.5, 2.0, size=6),
        },
        {
            "x": _x(rng, 8, 2),
            **_params(rng, 2),
            "momentum": 0.9,
            "running_mean": rng.normal(size=2),
            "running_var": rng.uniform(0.5, 2.0, size=2),
        },
    ]


def _test_inputs(rng) -> list[dict]:
    cases = []
    for n, d in ((6, 4), (3, 5)):
        var = rng.uniform(0.5, 2.0, size=d)
        var[1] = 2e-6  # eps matters here
        x = _x(rng, n, d)
        x[:, 1] = x[:, 1] * 1e-3
        cases.append(
            {"x": x, **_params(rng, d), "momentum": 0.9, "running_mean": rng.normal(size=d) * 0.5, "running_var": var}
        )
    return cases


def _backward_inputs(rng) -> list[dict]:
    cases = []
    for n, d, tiny in ((5, 3, ()), (4, 6, (2,)), (7, 2, ())):
        cases.append({"x": _x(rng, n, d, tiny), **_params(rng, d), "dout": rng.normal(size=(n, d))})
    return cases


def _grad_inputs(rng) -> list[dict]:
    return [
        {"x": _x(rng, n, d), **_params(rng, d), "dout": rng.normal(size=(n, d))} for n, d in ((5, 3), (4, 6), (6, 2))
    ]


# ---- reference -------------------------------------------------------------------------------
def _stats(x, ddof=0):
    mu = x.mean(axis=0)
    return mu, ((x - mu) ** 2).sum(axis=0) / (x.shape[0] - ddof)


def _norm(x, mu, var, eps=EPS, outside=False):
    return (x - mu) / ((np.sqrt(var) + eps) if outside else np.sqrt(var + eps))


def _train(case, **kw):
    ddof = kw.pop("ddof", 0)
    mu, var = _stats(case["x"], ddof)
    return case["gamma"] * _norm(case["x"], mu, var, **kw) + case["beta"]


def _running(case, swap=False, var_of=lambda var: var):
    d = case["x"].shape[1]
    rm = np.zeros(d) if case["running_mean"] is None else case["running_mean"]
    rv = np.zeros(d) if case["running_var"] is None else case["running_var"]
    m = case["momentum"]
    a, b = (1 - m, m) if swap else (m, 1 - m)
    mu, var = _stats(case["x"])
    return {"running_mean": a * rm + b * mu, "running_var": a * rv + b * var_of(var)}


def _grads(case, mean_term=True, var_term=True):
    x, gamma, dout = case["x"], case["gamma"], case["dout"]
    mu, var = _stats(x)
    std = np.sqrt(var + EPS)
    xn = (x - mu) / std
    g = dout * gamma
    dx = g.copy()
    if mean_term:
        dx = dx - g.mean(axis=0)
    if var_term:
        dx = dx - xn * (g * xn).mean(axis=0)
    return {"dx": dx / std, "dgamma": (dout * xn).sum(axis=0), "dbeta": dout.sum(axis=0)}


# ---- learner runs ----------------------------------------------------------------------------
def _layer(learner, case):
    kwargs = {"momentum": case["momentum"]} if "momentum" in case else {}
    if case.get("running_mean") is not None:
        kwargs.update(running_mean=case["running_mean"], running_var=case["running_var"])
    return learner.BatchNormalization(case["gamma"], case["beta"], **kwargs)


def _train_run(learner, case) -> dict:
    layer = _layer(learner, case)
    out = layer.forward(case["x"], train_flg=True)
    return {
        "out": out,
        "running_mean": getattr(layer, "running_mean", None),
        "running_var": getattr(layer, "running_var", None),
    }


def _test_run(learner, case) -> dict:
    return {"out": _layer(learner, case).forward(case["x"], train_flg=False)}


def _backward_run(learner, case) -> dict:
    layer = _layer(learner, case)
    out = layer.forward(case["x"], train_flg=True)
    dx = layer.backward(case["dout"])
    return {"out": out, "dx": dx, "dgamma": getattr(layer, "dgamma", None), "dbeta": getattr(layer, "dbeta", None)}


def _grad_run(learner, case) -> dict:
    r = _backward_run(learner, case)
    return {"dx": r["dx"], "dgamma": r["dgamma"], "dbeta": r["dbeta"]}


def _loss(case) -> float:
    return float(np.sum(_train(case) * case["dout"]))


# ---- known wrong answers ---------------------------------------------------------------------
def _test_out(case, **kw):
    return case["gamma"] * _norm(case["x"], case["running_mean"], case["running_var"], **kw) + case["beta"]


UNBIASED = dict(
    ja="分散を N − 1 で割っています（不偏分散、np.var(x, ddof=1) など）。本書のバッチ正規化は N で割ります: "
    "np.mean((x − mu)**2, axis=0)（np.var(x, axis=0) と同じ）。",
    en="the variance divides by N − 1 (unbiased, e.g. np.var(x, ddof=1)). Book 1's batch norm divides by N: "
    "np.mean((x − mu)**2, axis=0), the same as np.var(x, axis=0).",
)
EPS_OUTSIDE = dict(
    ja="ε が平方根の外にあります（np.sqrt(var) + ε）。本書は平方根の中に入れます: np.sqrt(var + 10e-7)。"
    "分散が ε と同じくらい小さい特徴で値が変わります。",
    en="eps is outside the square root (np.sqrt(var) + eps). Book 1 puts it inside: np.sqrt(var + 10e-7). "
    "The two differ on features whose variance is as small as eps.",
)
EPS_VALUE = dict(
    ja="ε の値が違います（1e-7 を使っていませんか）。本書のコードは 10e-7 と書いていて、その値は 1e-6 です。"
    "この問題はその値を使います。分散が 1e-6 程度の特徴で差が出ます。",
    en="eps has another value (1e-7?). Book 1's code writes 10e-7, whose value is 1e-6, and this problem uses "
    "that value. It shows on features whose variance is about 1e-6.",
)

TRAIN_VARIANTS = (
    Variant("unbiased", lambda c: {"out": _train(c, ddof=1)}, **UNBIASED),
    Variant("eps_outside", lambda c: {"out": _train(c, outside=True)}, **EPS_OUTSIDE),
    Variant("eps_1e-7", lambda c: {"out": _train(c, eps=1e-7)}, **EPS_VALUE),
    Variant(
        "momentum_swapped",
        lambda c: _running(c, swap=True),
        ja="momentum の掛け方が逆です。running_mean = momentum * running_mean + (1 − momentum) * mu です"
        "（momentum = 0.9 なら、過去の値を 9 割残してバッチの値を 1 割混ぜる）。",
        en="momentum is applied the wrong way round: running_mean = momentum * running_mean + "
        "(1 − momentum) * mu (with momentum = 0.9, keep 90% of the old value and mix in 10% of the batch's).",
    ),
    Variant(
        "running_var_std",
        lambda c: {"running_var": _running(c, var_of=lambda v: np.sqrt(v + EPS))["running_var"]},
        ja="running_var を標準偏差で更新しています。running_var はバッチの分散 var（ε を足す前）で更新します。",
        en="running_var is updated with the standard deviation: update it with the batch variance var "
        "(before adding eps).",
    ),
)

TEST_VARIANTS = (
    Variant(
        "batch_stats",
        lambda c: {"out": _train(c)},
        ja="テスト時（train_flg=False）にバッチの平均・分散で正規化しています。テスト時は学習中に貯めた "
        "running_mean と running_var を使い、(x − running_mean) / sqrt(running_var + ε) とします。",
        en="at test time (train_flg=False) the batch's own mean and variance are used. Test mode uses the "
        "running_mean and running_var gathered during training: (x − running_mean) / sqrt(running_var + eps).",
    ),
    Variant("test_eps_outside", lambda c: {"out": _test_out(c, outside=True)}, **EPS_OUTSIDE),
    Variant("test_eps_1e-7", lambda c: {"out": _test_out(c, eps=1e-7)}, **EPS_VALUE),
)

BACKWARD_VARIANTS = (
    Variant("unbiased", lambda c: {"out": _train(c, ddof=1)}, **UNBIASED),
    Variant("eps_outside", lambda c: {"out": _train(c, outside=True)}, **EPS_OUTSIDE),
    Variant("eps_1e-7", lambda c: {"out": _train(c, eps=1e-7)}, **EPS_VALUE),
    Variant(
        "no_mean_term",
        lambda c: {"dx": _grads(c, mean_term=False)["dx"]},
        ja="dx に平均 mu を通る項がありません。mu = (1/N) Σ x も x に依存するので、xc = x − mu に届いた勾配を "
        "dxc とすると dx = dxc − (1/N) Σ_n dxc、つまり各行から dxc のバッチ平均を引く項が必要です。",
        en="dx lacks the term through the mean mu. mu = (1/N) Σ x depends on x too: with dxc the gradient "
        "reaching xc, dx = dxc − (1/N) Σ_n dxc, i.e. subtract the batch mean of dxc from every row.",
    ),
    Variant(
        "no_var_term",
        lambda c: {"dx": _grads(c, var_term=False)["dx"]},
        ja="dx に分散（std）を通る項がありません。std も x に依存するので、dstd = −Σ (dxn · xc) / std² と "
        "dvar = 0.5 · dstd / std から dxc += (2/N) · xc · dvar を足します。",
        en="dx lacks the term through the variance (std). std depends on x too: dstd = −Σ (dxn · xc) / std², "
        "dvar = 0.5 · dstd / std, then dxc += (2/N) · xc · dvar.",
    ),
    Variant(
        "naive",
        lambda c: {"dx": _grads(c, mean_term=False, var_term=False)["dx"]},
        ja="dx = gamma * dout / std だけになっています。平均 mu と標準偏差 std もバッチ全体の x から作られるので、"
        "それらを通る 2 つの項（平均と分散の項）が必要です。",
        en="dx is only gamma * dout / std. The mean mu and the std are computed from the whole batch x, so "
        "the two paths through them (the mean and the variance terms) are needed too.",
    ),
    Variant(
        "dgamma_raw_x",
        lambda c: {"dgamma": (c["dout"] * c["x"]).sum(axis=0)},
        ja="dgamma に正規化前の x を使っています。out = gamma * xn + beta なので dgamma = Σ_n dout · xn です。",
        en="dgamma uses x before normalisation: out = gamma * xn + beta, so dgamma = Σ_n dout · xn.",
    ),
    Variant(
        "dgamma_xc",
        lambda c: {"dgamma": (c["dout"] * (c["x"] - c["x"].mean(axis=0))).sum(axis=0)},
        ja="dgamma に std で割る前の xc = x − mu を使っています。out = gamma * xn + beta なので "
        "dgamma = Σ_n dout · xn（xn = xc / std）です。",
        en="dgamma uses xc = x − mu, before the division by std: out = gamma * xn + beta, so "
        "dgamma = Σ_n dout · xn (xn = xc / std).",
    ),
    Variant(
        "dgamma_no_sum",
        lambda c: {"dgamma": c["dout"] * _norm(c["x"], *_stats(c["x"]))},
        ja="dgamma がバッチで合計されていません（形状 (N, D)）。gamma はすべての行に掛かるので "
        "np.sum(xn * dout, axis=0)（形状 (D,)）です。",
        en="dgamma is not summed over the batch (shape (N, D)): gamma multiplies every row, so "
        "np.sum(xn * dout, axis=0), shape (D,).",
    ),
)


def _train_expected(case):
    return {"out": _train(case), **_running(case)}


def _test_expected(case):
    return {"out": _test_out(case)}


def _backward_expected(case):
    return {"out": _train(case), **_grads(case)}


CHECKS = {
    "forward_train": Cases(inputs=_train_inputs, run=_train_run, expected=_train_expected, variants=TRAIN_VARIANTS),
    "forward_test": Cases(inputs=_test_inputs, run=_test_run, expected=_test_expected, variants=TEST_VARIANTS),
    "backward": Cases(
        inputs=_backward_inputs, run=_backward_run, expected=_backward_expected, variants=BACKWARD_VARIANTS
    ),
    "gradcheck": GradCheck(
        inputs=_grad_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x", "dgamma": "gamma", "dbeta": "beta"}
    ),
}


# ---- one object over a training loop ---------------------------------------------------------
# As in training, one BatchNormalization sees every mini-batch (train_flg=True, then backward) and,
# between them, a test-mode forward (train_flg=False, as an evaluation would) that must leave
# running_mean / running_var alone. Batch sizes differ from call to call. The first case starts
# from running_mean=None (zeros of x's width, made at the first forward), the second from given values.
# (D, momentum, given running statistics?, N of the 3 training calls, N of the 3 test calls)
REUSE_SPECS = ((3, 0.9, False, (5, 8, 4), (6, 2, 7)), (4, 0.8, True, (6, 3, 9), (5, 7, 2)))
REUSE_CALLS = (1, 2, 3)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for d, momentum, given, train_ns, test_ns in REUSE_SPECS:
        case: dict = {**_params(rng, d), "momentum": momentum, "running_mean": None, "running_var": None}
        if given:
            case.update(running_mean=rng.normal(size=d), running_var=rng.uniform(0.5, 2.0, size=d))
        for k, n, nt in zip(REUSE_CALLS, train_ns, test_ns):
            case[f"x{k}"] = _x(rng, n, d)
            case[f"dout{k}"] = rng.normal(size=(n, d))
            case[f"test_x{k}"] = _x(rng, nt, d)
        cases.append(case)
    return cases


def _reuse_outputs(case, test_moves=None, var_init=0.0, unbiased_running=False) -> dict:
    """Every call's outputs and the running statistics after it. Mistakes: `test_moves` 'after' (test
    mode normalises with the running statistics, then updates them with the test batch) or 'before'
    (updates them first, then normalises with the updated ones); `var_init` running_var's first value
    when it is None; `unbiased_running` running_var updated with the N − 1 variance."""
    d = case["gamma"].shape[0]
    rm = np.zeros(d) if case["running_mean"] is None else case["running_mean"]
    rv = np.full(d, var_init) if case["running_var"] is None else case["running_var"]
    m = case["momentum"]
    want: dict = {}

    def update(x, rm, rv):
        mu, var = _stats(x)
        return m * rm + (1 - m) * mu, m * rv + (1 - m) * (_stats(x, 1)[1] if unbiased_running else var)

    for k in REUSE_CALLS:
        x, dout = case[f"x{k}"], case[f"dout{k}"]
        step = {"x": x, "gamma": case["gamma"], "beta": case["beta"], "dout": dout}
        rm, rv = update(x, rm, rv)
        want[f"out{k}"] = _train(step)
        want[f"running_mean{k}"], want[f"running_var{k}"] = rm, rv
        for name, value in _grads(step).items():
            want[f"{name}{k}"] = value
        xt = case[f"test_x{k}"]
        moved = update(xt, rm, rv)
        if test_moves == "before":
            rm, rv = moved
        test = {"x": xt, "gamma": case["gamma"], "beta": case["beta"], "running_mean": rm, "running_var": rv}
        want[f"test_out{k}"] = _test_out(test)
        if test_moves == "after":
            rm, rv = moved
        want[f"test_running_mean{k}"], want[f"test_running_var{k}"] = rm, rv
    return want


def _array_copy(value):
    return value.copy() if isinstance(value, np.ndarray) else value


def _reuse_run(learner, case) -> dict:
    layer = _layer(learner, case)
    outputs = {}
    for k in REUSE_CALLS:
        outputs[f"out{k}"] = layer.forward(case[f"x{k}"], train_flg=True)
        for name in ("running_mean", "running_var"):
            outputs[f"{name}{k}"] = _array_copy(getattr(layer, name, None))
        outputs[f"dx{k}"] = layer.backward(case[f"dout{k}"])
        for name in ("dgamma", "dbeta"):
            outputs[f"{name}{k}"] = _array_copy(getattr(layer, name, None))
        outputs[f"test_out{k}"] = layer.forward(case[f"test_x{k}"], train_flg=False)
        for name in ("running_mean", "running_var"):
            outputs[f"test_{name}{k}"] = _array_copy(getattr(layer, name, None))
    return outputs


TEST_MOVES = dict(
    ja="テスト時（train_flg=False）の forward が running_mean・running_var を更新しています。移動平均を更新するのは"
    "学習時だけです。テスト時は貯めた値で正規化するだけにして、更新の 2 行を if train_flg: の中に入れます。",
    en="the test-mode forward (train_flg=False) updates running_mean and running_var. Only training updates "
    "the moving averages: in test mode just normalise with the stored values, and put the two update lines "
    "inside if train_flg:.",
)

REUSE_VARIANTS = (
    Variant("test_moves_after", lambda c: _reuse_outputs(c, test_moves="after"), **TEST_MOVES),
    Variant("test_moves_before", lambda c: _reuse_outputs(c, test_moves="before"), **TEST_MOVES),
    Variant(
        "running_var_ones",
        lambda c: _reuse_outputs(c, var_init=1.0),
        ja="running_var の初期値が 1 になっています（PyTorch の BatchNorm の初期値）。1 巻では running_mean も "
        "running_var も、最初の forward で x の列数 D の np.zeros(D) として作ります。",
        en="running_var starts at 1 (PyTorch's BatchNorm initial value). Book 1 makes both running_mean and "
        "running_var as np.zeros(D), D = x's width, on the first forward.",
    ),
    Variant(
        "running_var_unbiased",
        lambda c: _reuse_outputs(c, unbiased_running=True),
        ja="running_var を不偏分散（N − 1 で割る、PyTorch の方式）で更新しています。1 巻は正規化に使ったバッチの分散 "
        "var（N で割る）をそのまま使います: running_var = momentum * running_var + (1 − momentum) * var。",
        en="running_var is updated with the unbiased variance (divided by N − 1, as PyTorch does). Book 1 uses the "
        "batch variance var it normalised with (divided by N): running_var = momentum * running_var + "
        "(1 − momentum) * var.",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_outputs, variants=REUSE_VARIANTS)
