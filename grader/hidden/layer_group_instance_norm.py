"""Hidden tests for `layer_group_instance_norm`: GroupNorm(gamma, beta, G, eps=1e-5) on (N, C, H, W).

Statistics per sample and per group of C/G consecutive channels over all H, W positions, biased
variance, eps inside the square root; gamma and beta per channel, (C,). LayerNorm is G = 1 and
InstanceNorm G = C (the stub's subclasses). The forward cases mix G = 1, G = C and 1 < G < C, so
each wrong range (per channel, per sample, over the batch, strided groups) differs from the right
one in some case; one group has a variance near eps (~1e-5) so that eps's place shows. The
gradcheck uses moderate scales (a central difference with h = 1e-4 is not accurate on std 3e-3).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

EPS = 1e-5

# (N, C, H, W, G, index of a channel group scaled to a variance near eps, or None)
FORWARD_SPECS = ((2, 6, 3, 4, 3, None), (3, 4, 2, 5, 1, None), (4, 3, 5, 2, 3, None), (2, 8, 3, 2, 2, 1))
BACKWARD_SPECS = ((2, 6, 3, 4, 2, None), (3, 4, 2, 3, 1, None), (2, 3, 4, 2, 3, None), (3, 6, 2, 2, 3, None))
GRAD_SPECS = ((2, 4, 3, 2, 2), (3, 3, 2, 3, 3), (2, 6, 2, 3, 1))


def _x(rng, n, c, h, w, g, tiny=None):
    x = rng.normal(
        loc=rng.normal(size=(1, c, 1, 1)) * 2, scale=rng.uniform(0.5, 2.0, size=(1, c, 1, 1)), size=(n, c, h, w)
    )
    if tiny is not None:
        size = c // g
        x[:, tiny * size : (tiny + 1) * size] *= 3e-3  # a group whose variance is near eps
    return x


def _params(rng, c):
    return {"gamma": rng.uniform(0.5, 2.0, size=c), "beta": rng.normal(size=c)}


def _forward_inputs(rng) -> list[dict]:
    return [{"x": _x(rng, n, c, h, w, g, t), **_params(rng, c), "G": g} for n, c, h, w, g, t in FORWARD_SPECS]


def _backward_inputs(rng) -> list[dict]:
    return [
        {"x": _x(rng, n, c, h, w, g, t), **_params(rng, c), "G": g, "dout": rng.normal(size=(n, c, h, w))}
        for n, c, h, w, g, t in BACKWARD_SPECS
    ]


def _grad_inputs(rng) -> list[dict]:
    return [
        {"x": _x(rng, n, c, h, w, g), **_params(rng, c), "G": g, "dout": rng.normal(size=(n, c, h, w))}
        for n, c, h, w, g in GRAD_SPECS
    ]


# ---- reference: one group at a time ----------------------------------------------------------
def _groups(c, g, strided=False):
    """The channel indices of each group (consecutive blocks; strided: c, c + G, c + 2G, ...)."""
    size = c // g
    return [list(range(k, c, g)) if strided else list(range(k * size, (k + 1) * size)) for k in range(g)]


def _normalise(x, g, ddof=0, eps=EPS, outside=False, strided=False, over_batch=False):
    n, c = x.shape[:2]
    xn = np.empty_like(x)
    for chans in _groups(c, g, strided):
        for i in range(1 if over_batch else n):
            rows = slice(None) if over_batch else slice(i, i + 1)
            block = x[rows][:, chans]
            mu = block.mean()
            var = ((block - mu) ** 2).sum() / (block.size - ddof)
            std = np.sqrt(var) + eps if outside else np.sqrt(var + eps)
            xn[rows, chans] = (block - mu) / std
    return xn


def _affine(case, xn, per_group=False):
    c = case["x"].shape[1]
    gamma, beta = case["gamma"], case["beta"]
    if per_group:
        first = [chans[0] for chans in _groups(c, case["G"]) for _ in chans]
        gamma, beta = gamma[first], beta[first]
    return gamma.reshape(1, c, 1, 1) * xn + beta.reshape(1, c, 1, 1)


def _out(case, g=None, per_group=False, **kw):
    return _affine(case, _normalise(case["x"], case["G"] if g is None else g, **kw), per_group)


def _grads(case, mean_term=True, var_term=True):
    x, g, dout = case["x"], case["G"], case["dout"]
    xn = _normalise(x, g)
    c = x.shape[1]
    dxn = dout * case["gamma"].reshape(1, c, 1, 1)
    dx = np.empty_like(x)
    for chans in _groups(c, g):
        for i in range(x.shape[0]):
            block, d, xb = x[i, chans], dxn[i, chans], xn[i, chans]
            std = np.sqrt(((block - block.mean()) ** 2).mean() + EPS)
            r = d.copy()
            if mean_term:
                r = r - d.mean()
            if var_term:
                r = r - xb * (d * xb).mean()
            dx[i, chans] = r / std
    return {"dx": dx, "dgamma": (dout * xn).sum(axis=(0, 2, 3)), "dbeta": dout.sum(axis=(0, 2, 3))}


def _loss(case) -> float:
    return float(np.sum(_out(case) * case["dout"]))


# ---- learner runs ----------------------------------------------------------------------------
def _run_forward(learner, case) -> dict:
    layer = learner.GroupNorm(case["gamma"], case["beta"], case["G"])
    return {"out": layer.forward(case["x"])}


def _run_backward(learner, case) -> dict:
    layer = learner.GroupNorm(case["gamma"], case["beta"], case["G"])
    out = layer.forward(case["x"])
    dx = layer.backward(case["dout"])
    return {"out": out, "dx": dx, "dgamma": getattr(layer, "dgamma", None), "dbeta": getattr(layer, "dbeta", None)}


def _run_grad(learner, case) -> dict:
    r = _run_backward(learner, case)
    return {"dx": r["dx"], "dgamma": r["dgamma"], "dbeta": r["dbeta"]}


def _run_layer_instance(learner, case) -> dict:
    """The stub's LayerNorm and InstanceNorm subclasses (G = 1 and G = C)."""
    ln = learner.LayerNorm(case["gamma"], case["beta"])
    inst = learner.InstanceNorm(case["gamma"], case["beta"])
    return {"layer": ln.forward(case["x"]), "instance": inst.forward(case["x"])}


# ---- known wrong answers ---------------------------------------------------------------------
FORWARD_VARIANTS = (
    Variant(
        "over_batch",
        lambda c: {"out": _out(c, over_batch=True)},
        ja="平均と分散にバッチの軸 N も含めています（BatchNorm の範囲）。Group・Layer・Instance Normalization は"
        "サンプルごとに統計量を求めるので、x.reshape(N, G, -1) の axis=2 だけで平均します。",
        en="the mean and variance include the batch axis N (BatchNorm's range). Group, Layer and Instance "
        "Normalization take statistics per sample: average x.reshape(N, G, -1) over axis=2 only.",
    ),
    Variant(
        "unbiased",
        lambda c: {"out": _out(c, ddof=1)},
        ja="分散を（値の個数 − 1）で割っています（不偏分散、np.var(..., ddof=1) など）。正規化層の分散は値の個数で割ります。",
        en="the variance divides by (count − 1) (unbiased, e.g. np.var(..., ddof=1)); normalisation layers divide "
        "by the count itself.",
    ),
    Variant(
        "eps_outside",
        lambda c: {"out": _out(c, outside=True)},
        ja="eps が平方根の外にあります（np.sqrt(var) + eps）。sqrt(var + eps) のように中に入れます。分散が eps に近い"
        "グループで値が大きく変わります。",
        en="eps is outside the square root (np.sqrt(var) + eps); put it inside, sqrt(var + eps). It shows most in a "
        "group whose variance is close to eps.",
    ),
    Variant(
        "no_eps",
        lambda c: {"out": _out(c, eps=0.0)},
        ja="eps を足していません。分散が 0 に近いグループでも割れるように sqrt(var + eps)（eps = 1e-5）とします。",
        en="eps is not added: use sqrt(var + eps) (eps = 1e-5) so that a group of near-zero variance can still be divided.",
    ),
    Variant(
        "per_channel",
        lambda c: {"out": _out(c, g=c["x"].shape[1])},
        ja="G によらずチャネルごとに統計量を求めています（InstanceNorm の範囲）。1 つのグループは C/G 個のチャネルを"
        "まとめるので、x.reshape(N, G, -1) で平均します。",
        en="the statistics are taken per channel whatever G is (InstanceNorm's range); one group pools C/G channels, "
        "so average over x.reshape(N, G, -1).",
    ),
    Variant(
        "per_sample",
        lambda c: {"out": _out(c, g=1)},
        ja="G によらずサンプルの (C, H, W) 全体で統計量を求めています（LayerNorm の範囲）。グループごとに分けて求めます。",
        en="the statistics are taken over each sample's whole (C, H, W) whatever G is (LayerNorm's range); take them "
        "per group.",
    ),
    Variant(
        "strided_groups",
        lambda c: {"out": _out(c, strided=True)},
        ja="グループが飛び飛びのチャネル（c, c + G, c + 2G, …）になっています（x.reshape(N, -1, G, H, W) で軸 1 を"
        "まとめるなど）。グループ g は連続したチャネル g·C/G 〜 (g+1)·C/G − 1 で、x.reshape(N, G, -1) で作れます。",
        en="the groups are strided channels (c, c + G, c + 2G, ...), as from x.reshape(N, -1, G, H, W) pooled over "
        "axis 1; group g is the consecutive channels g·C/G to (g+1)·C/G − 1, as x.reshape(N, G, -1) gives.",
    ),
    Variant(
        "gamma_per_group",
        lambda c: {"out": _out(c, per_group=True)},
        ja="γ・β をグループごとに 1 つずつ使っています。統計量はグループごとですが、γ と β はチャネルごとの (C,) で、"
        "gamma.reshape(1, C, 1, 1) のようにチャネル c ごとに掛けます。",
        en="one γ and β per group is used; the statistics are per group, but γ and β are per channel, (C,), applied "
        "channel by channel as gamma.reshape(1, C, 1, 1).",
    ),
)

BACKWARD_VARIANTS = (
    Variant(
        "no_mean_term",
        lambda c: {"dx": _grads(c, mean_term=False)["dx"]},
        ja="dx に平均 mu を通る項がありません。mu もグループ内の x から作られるので、dxn（= dout · γ）のグループ内の"
        "平均を引く項が要ります。",
        en="dx lacks the term through the mean mu: mu is made from the group's x too, so subtract the group mean of "
        "dxn (= dout · γ).",
    ),
    Variant(
        "no_var_term",
        lambda c: {"dx": _grads(c, var_term=False)["dx"]},
        ja="dx に分散（std）を通る項がありません。グループ内で xn · mean(dxn · xn) を引く項が要ります"
        "（dxn = dout · γ）。",
        en="dx lacks the term through the variance (std): subtract xn · mean(dxn · xn) within each group "
        "(dxn = dout · γ).",
    ),
    Variant(
        "naive",
        lambda c: {"dx": _grads(c, mean_term=False, var_term=False)["dx"]},
        ja="dx = dout · γ / std だけになっています。平均と標準偏差もグループ内の x から作られるので、それらを通る 2 つの"
        "項が要ります。",
        en="dx is only dout · γ / std; the mean and the std are made from the group's x too, so the two paths through "
        "them are needed.",
    ),
    Variant(
        "dgamma_raw_x",
        lambda c: {"dgamma": (c["dout"] * c["x"]).sum(axis=(0, 2, 3))},
        ja="dgamma に正規化前の x を使っています。out = γ · xn + β なので dgamma = Σ dout · xn（軸 0, 2, 3 で和）です。",
        en="dgamma uses x before normalisation: out = γ · xn + β, so dgamma = Σ dout · xn (summed over axes 0, 2, 3).",
    ),
    Variant(
        "dgamma_batch_only",
        lambda c: {"dgamma": (c["dout"] * _normalise(c["x"], c["G"])).sum(axis=0)},
        ja="dgamma をバッチの軸だけで足しています（形 (C, H, W)）。γ はチャネルごとにすべての位置に掛かるので、"
        "軸 (0, 2, 3) で足して (C,) にします。",
        en="dgamma is summed over the batch axis only (shape (C, H, W)); γ multiplies every position of its channel, "
        "so sum over axes (0, 2, 3) to get (C,).",
    ),
    Variant(
        "dbeta_batch_only",
        lambda c: {"dbeta": c["dout"].sum(axis=0)},
        ja="dbeta をバッチの軸だけで足しています（形 (C, H, W)）。軸 (0, 2, 3) で足して (C,) にします。",
        en="dbeta is summed over the batch axis only (shape (C, H, W)); sum over axes (0, 2, 3) to get (C,).",
    ),
)


def _backward_expected(case) -> dict:
    return {"out": _out(case), **_grads(case)}


def _layer_instance_expected(case) -> dict:
    return {"layer": _out(case, g=1), "instance": _out(case, g=case["x"].shape[1])}


CHECKS = {
    "forward": Cases(
        inputs=_forward_inputs, run=_run_forward, expected=lambda c: {"out": _out(c)}, variants=FORWARD_VARIANTS
    ),
    "layer_instance": Cases(inputs=_forward_inputs, run=_run_layer_instance, expected=_layer_instance_expected),
    "backward": Cases(
        inputs=_backward_inputs, run=_run_backward, expected=_backward_expected, variants=BACKWARD_VARIANTS
    ),
    "gradcheck": GradCheck(
        inputs=_grad_inputs, run=_run_grad, loss=_loss, wrt={"dx": "x", "dgamma": "gamma", "dbeta": "beta"}
    ),
}


# ---- one object, three calls with different batch sizes (as in training) ----------------------
# (C, H, W, G, the batch sizes of the three calls)
REUSE_SPECS = ((4, 3, 2, 2, (3, 5, 2)), (6, 2, 3, 3, (2, 4, 3)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for c, h, w, g, sizes in REUSE_SPECS:
        case: dict = {**_params(rng, c), "G": g}
        for k, n in enumerate(sizes, start=1):
            case[f"x{k}"] = _x(rng, n, c, h, w, g)
            case[f"dout{k}"] = rng.normal(size=(n, c, h, w))
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.GroupNorm(case["gamma"], case["beta"], case["G"])
    result = {}
    for k in (1, 2, 3):
        out = layer.forward(case[f"x{k}"])
        result[f"out{k}"] = out.copy() if isinstance(out, np.ndarray) else out
        result[f"dx{k}"] = layer.backward(case[f"dout{k}"])
        result[f"dgamma{k}"] = getattr(layer, "dgamma", None)
    return result


def _reuse_expected(case) -> dict:
    result = {}
    for k in (1, 2, 3):
        one = {
            "x": case[f"x{k}"],
            "gamma": case["gamma"],
            "beta": case["beta"],
            "G": case["G"],
            "dout": case[f"dout{k}"],
        }
        grads = _grads(one)
        result[f"out{k}"], result[f"dx{k}"], result[f"dgamma{k}"] = _out(one), grads["dx"], grads["dgamma"]
    return result


CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected)
