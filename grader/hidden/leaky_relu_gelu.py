"""Hidden tests for `leaky_relu_gelu`: LeakyRelu(alpha) and GELU (the tanh approximation), book 1's layer API.

LeakyRelu inputs are never within 0.1 of 0, so x <= 0 and x < 0 agree and the central difference never
crosses the kink. GELU inputs spread over [−5, 5] (the x³ term and the tanh's saturation both matter).
The first case builds LeakyRelu() with its default alpha = 0.01, the others pass 0.2 and 0.05, so a
hard-coded alpha shows. The exact erf GELU differs from the tanh form by up to about 5e-4, far beyond the
tolerance, and is named as such.
"""

from __future__ import annotations

import math

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((3, 4), (2, 5), (2, 3, 4))
ALPHAS = (0.01, 0.2, 0.05)  # the first case uses the default
C = math.sqrt(2.0 / math.pi)
K = 0.044715


def _away_from_zero(rng, shape):
    """Values with |x| in [0.1, 3] and random signs, both signs present."""
    x = rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 3.0, size=shape)
    flat = x.reshape(-1)
    flat[0], flat[1] = abs(flat[0]), -abs(flat[1])
    return x


def _gelu_inputs(rng, shape):
    x = rng.uniform(-5.0, 5.0, size=shape)
    flat = x.reshape(-1)
    flat[0], flat[1], flat[2] = -3.7, 2.9, 0.35
    return x


def _inputs(rng) -> list[dict]:
    cases = []
    for shape, alpha in zip(SHAPES, ALPHAS):
        cases.append(
            {
                "x": _away_from_zero(rng, shape),
                "g": _gelu_inputs(rng, shape),  # GELU's input
                "dout": rng.normal(size=shape),
                "alpha": alpha,
            }
        )
    return cases


def _leaky_layer(learner, alpha):
    return learner.LeakyRelu() if alpha == 0.01 else learner.LeakyRelu(alpha)


# ---- reference ----------------------------------------------------------------------------------
def _leaky(x, alpha):
    return np.where(x > 0, x, alpha * x)


def _dleaky(x, alpha):
    return np.where(x > 0, 1.0, alpha)


def _gelu(x, k=K, c=C):
    return 0.5 * x * (1.0 + np.tanh(c * (x + k * x**3)))


def _dgelu(x, k=K, c=C):
    th = np.tanh(c * (x + k * x**3))
    return 0.5 * (1.0 + th) + 0.5 * x * (1.0 - th**2) * c * (1.0 + 3.0 * k * x**2)


_erf = np.vectorize(math.erf)


def _phi_cdf(x):
    return 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))


def _phi_pdf(x):
    return np.exp(-0.5 * x**2) / math.sqrt(2.0 * math.pi)


def _leaky_forward_expected(c) -> dict:
    return {"out": _leaky(c["x"], c["alpha"]), "x": c["x"]}


def _leaky_backward_expected(c) -> dict:
    return {"dx": c["dout"] * _dleaky(c["x"], c["alpha"])}


def _gelu_forward_expected(c) -> dict:
    return {"out": _gelu(c["g"]), "x": c["g"]}


def _gelu_backward_expected(c) -> dict:
    return {"dx": c["dout"] * _dgelu(c["g"])}


# ---- the learner's side -------------------------------------------------------------------------
def _run_leaky_forward(learner, c) -> dict:
    layer = _leaky_layer(learner, c["alpha"])
    out = layer.forward(c["x"])
    return {"out": out, "x": c["x"]}  # x after forward: must be unchanged


def _run_leaky_backward(learner, c) -> dict:
    layer = _leaky_layer(learner, c["alpha"])
    layer.forward(c["x"])
    return {"dx": layer.backward(c["dout"])}


def _run_gelu_forward(learner, c) -> dict:
    layer = learner.GELU()
    out = layer.forward(c["g"])
    return {"out": out, "x": c["g"]}


def _run_gelu_backward(learner, c) -> dict:
    layer = learner.GELU()
    layer.forward(c["g"])
    return {"dx": layer.backward(c["dout"])}


# ---- known mistakes -----------------------------------------------------------------------------
OVERWRITE_JA = (
    "forward が渡された x を書き換えています（out = x のあと out[mask] *= alpha とすると x も変わります）。"
    "x は呼び出し側の配列なので、コピーか np.where で新しい配列を作ります。"
)
OVERWRITE_EN = (
    "forward overwrites the x passed in (out = x followed by out[mask] *= alpha changes x too). x belongs to the "
    "caller: work on a copy, or build a new array with np.where."
)

LEAKY_FORWARD_VARIANTS = (
    Variant("x_overwritten", lambda c: {"x": _leaky(c["x"], c["alpha"])}, ja=OVERWRITE_JA, en=OVERWRITE_EN),
    Variant(
        "alpha_positive_side",
        lambda c: {"out": np.where(c["x"] > 0, c["alpha"] * c["x"], c["x"])},
        ja="alpha を正の側に掛けています。LeakyReLU は x > 0 で x をそのまま通し、x <= 0 で alpha·x にします。",
        en="alpha is applied on the positive side: LeakyReLU passes x unchanged for x > 0 and gives alpha·x for x <= 0.",
    ),
    Variant(
        "relu",
        lambda c: {"out": np.maximum(c["x"], 0.0)},
        ja="負の側が 0 です（それは ReLU です）。LeakyReLU は x <= 0 で 0 ではなく alpha·x を返します。",
        en="the negative side is 0 (that is ReLU): LeakyReLU returns alpha·x, not 0, for x <= 0.",
    ),
    Variant(
        "default_alpha",
        lambda c: {"out": _leaky(c["x"], 0.01)},
        ja="コンストラクタで渡された alpha を使わず、0.01 に固定しています。self.alpha を使います。",
        en="the alpha passed to the constructor is ignored (0.01 is hard-coded): use self.alpha.",
    ),
)

LEAKY_BACKWARD_VARIANTS = (
    Variant(
        "pass_through",
        lambda c: {"dx": c["dout"]},
        ja="dout をそのまま返しています。x <= 0 の要素では、勾配に alpha を掛けます。",
        en="dout is passed through unchanged: where x <= 0 the gradient is multiplied by alpha.",
    ),
    Variant(
        "relu",
        lambda c: {"dx": np.where(c["x"] > 0, c["dout"], 0.0)},
        ja="x <= 0 の勾配を 0 にしています（ReLU の逆伝播です）。LeakyReLU の負の側の傾きは alpha なので、alpha·dout を返します。",
        en="the gradient is set to 0 where x <= 0 (ReLU's backward): LeakyReLU's slope there is alpha, so return alpha·dout.",
    ),
    Variant(
        "alpha_positive_side",
        lambda c: {"dx": c["dout"] * np.where(c["x"] > 0, c["alpha"], 1.0)},
        ja="alpha を正の側の勾配に掛けています。傾きは x > 0 で 1、x <= 0 で alpha です。",
        en="alpha multiplies the gradient on the positive side: the slope is 1 for x > 0 and alpha for x <= 0.",
    ),
    Variant(
        "no_dout",
        lambda c: {"dx": _dleaky(c["x"], c["alpha"])},
        ja="LeakyReLU の微分（1 か alpha）だけを返しています。連鎖律で dout を掛けます。",
        en="this is LeakyReLU's derivative (1 or alpha) alone: by the chain rule multiply by dout.",
    ),
    Variant(
        "default_alpha",
        lambda c: {"dx": c["dout"] * _dleaky(c["x"], 0.01)},
        ja="コンストラクタで渡された alpha を使わず、0.01 に固定しています。self.alpha を使います。",
        en="the alpha passed to the constructor is ignored (0.01 is hard-coded): use self.alpha.",
    ),
)

ERF_JA = (
    "erf を使う厳密な GELU x·Φ(x) になっています（PyTorch の nn.GELU() の既定）。この問題は tanh による近似 "
    "0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))（nn.GELU(approximate='tanh')、BERT や GPT-2 の実装）を求めています。"
)
ERF_EN = (
    "this is the exact GELU x·Φ(x) with erf (the default of PyTorch's nn.GELU()); this problem asks for the tanh "
    "approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (nn.GELU(approximate='tanh'), as BERT and GPT-2 implement it)."
)
NO_CUBE_JA = "0.044715·x³ の項が抜けています。tanh の中は √(2/π)·(x + 0.044715·x³) です。"
NO_CUBE_EN = "the 0.044715·x³ term is missing: inside the tanh is √(2/π)·(x + 0.044715·x³)."

GELU_FORWARD_VARIANTS = (
    Variant("exact_erf", lambda c: {"out": c["g"] * _phi_cdf(c["g"])}, ja=ERF_JA, en=ERF_EN),
    Variant("no_cube", lambda c: {"out": _gelu(c["g"], k=0.0)}, ja=NO_CUBE_JA, en=NO_CUBE_EN),
    Variant(
        "no_sqrt",
        lambda c: {"out": _gelu(c["g"], c=2.0 / math.pi)},
        ja="係数が 2/π になっています。tanh の中の係数は √(2/π) ≈ 0.798 です。",
        en="the coefficient is 2/π: the one inside the tanh is √(2/π) ≈ 0.798.",
    ),
    Variant(
        "sigmoid_approx",
        lambda c: {"out": c["g"] / (1.0 + np.exp(-1.702 * c["g"]))},
        ja="それはシグモイドによる近似 x·σ(1.702x) です。この問題は tanh による近似を求めています。",
        en="that is the sigmoid approximation x·σ(1.702x); this problem asks for the tanh approximation.",
    ),
    Variant(
        "no_half",
        lambda c: {"out": 2.0 * _gelu(c["g"])},
        ja="0.5 が抜けています: out = 0.5·x·(1 + tanh(…))。",
        en="the 0.5 is missing: out = 0.5·x·(1 + tanh(…)).",
    ),
)


def _first_term(c):
    th = np.tanh(C * (c["g"] + K * c["g"] ** 3))
    return {"dx": c["dout"] * 0.5 * (1.0 + th)}


def _one_minus_th(c):
    x = c["g"]
    th = np.tanh(C * (x + K * x**3))
    return {"dx": c["dout"] * (0.5 * (1.0 + th) + 0.5 * x * (1.0 - th) * C * (1.0 + 3.0 * K * x**2))}


def _no_chain_cube(c):
    x = c["g"]
    th = np.tanh(C * (x + K * x**3))
    return {"dx": c["dout"] * (0.5 * (1.0 + th) + 0.5 * x * (1.0 - th**2) * C)}


GELU_BACKWARD_VARIANTS = (
    Variant(
        "exact_erf",
        lambda c: {"dx": c["dout"] * (_phi_cdf(c["g"]) + c["g"] * _phi_pdf(c["g"]))},
        ja="それは erf を使う厳密な GELU の微分 Φ(x) + x·φ(x) です。この問題は tanh による近似の微分を求めています。",
        en="that is the derivative Φ(x) + x·φ(x) of the exact erf GELU; this problem asks for the derivative of the tanh "
        "approximation.",
    ),
    Variant(
        "product_rule_half",
        _first_term,
        ja="積の微分の片方だけです（0.5·(1 + tanh(u))）。x·(1 + tanh(u)) の x も微分する相手の u も x の関数なので、"
        "0.5·x·(1 − tanh²(u))·du/dx の項を足します。",
        en="only one half of the product rule (0.5·(1 + tanh(u))): u depends on x as well, so add the term "
        "0.5·x·(1 − tanh²(u))·du/dx.",
    ),
    Variant(
        "no_cube",
        lambda c: {"dx": c["dout"] * _dgelu(c["g"], k=0.0)},
        ja=NO_CUBE_JA,
        en=NO_CUBE_EN,
    ),
    Variant(
        "du_dx_constant",
        _no_chain_cube,
        ja="du/dx が √(2/π) だけになっています。u = √(2/π)·(x + 0.044715·x³) なので du/dx = √(2/π)·(1 + 3·0.044715·x²) です。",
        en="du/dx is only √(2/π): u = √(2/π)·(x + 0.044715·x³), so du/dx = √(2/π)·(1 + 3·0.044715·x²).",
    ),
    Variant(
        "one_minus_tanh",
        _one_minus_th,
        ja="tanh の微分が 1 − tanh(u) になっています。tanh'(u) = 1 − tanh²(u) です。",
        en="the tanh's derivative is written 1 − tanh(u): tanh'(u) = 1 − tanh²(u).",
    ),
    Variant(
        "no_dout",
        lambda c: {"dx": _dgelu(c["g"])},
        ja="GELU の微分だけを返しています。連鎖律で dout を掛けます。",
        en="this is GELU's derivative alone: by the chain rule multiply by dout.",
    ),
)


# ---- one object, three calls (as in training) ---------------------------------------------------
REUSE_SHAPES = (((4, 5), (4, 5), (6, 5)), ((3, 2, 4), (3, 2, 4), (5, 2, 4)), ((2, 6), (2, 6), (5, 6)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes, alpha in zip(REUSE_SHAPES, ALPHAS[1:] + ALPHAS[:1]):
        case: dict = {"alpha": alpha}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = _away_from_zero(rng, shape)
            case[f"g{k}"] = _gelu_inputs(rng, shape)
            case[f"dout{k}"] = rng.normal(size=shape)
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    leaky, gelu = _leaky_layer(learner, c["alpha"]), learner.GELU()
    result = {}
    for k in CALLS:
        result[f"leaky{k}"] = _snapshot(leaky.forward(c[f"x{k}"]))
        result[f"dleaky{k}"] = _snapshot(leaky.backward(c[f"dout{k}"]))
        result[f"gelu{k}"] = _snapshot(gelu.forward(c[f"g{k}"]))
        result[f"dgelu{k}"] = _snapshot(gelu.backward(c[f"dout{k}"]))
    return result


def _reuse_expected(c, stale=False) -> dict:
    result = {}
    for k, j in zip(CALLS, _kept_from(c)):
        i = j if stale else k
        result[f"leaky{k}"] = _leaky(c[f"x{k}"], c["alpha"])
        result[f"dleaky{k}"] = c[f"dout{k}"] * _dleaky(c[f"x{i}"], c["alpha"])
        result[f"gelu{k}"] = _gelu(c[f"g{k}"])
        result[f"dgelu{k}"] = c[f"dout{k}"] * _dgelu(c[f"g{i}"])
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_state",
        lambda c: _reuse_expected(c, stale=True),
        ja="backward が前の forward の mask や x を使っています（最初に保存したものを、形が同じあいだ上書きしていない）。"
        "学習では 1 つのレイヤにミニバッチが次々に渡されるので、forward は呼ぶたびに self.mask や self.x を上書きします。",
        en="backward uses the mask or x of an earlier forward (what was saved first is not overwritten while the shape "
        "stays the same). In training one layer sees every mini-batch, so every forward overwrites self.mask or self.x.",
    ),
)

CHECKS = {
    "leaky_forward": Cases(
        inputs=_inputs, run=_run_leaky_forward, expected=_leaky_forward_expected, variants=LEAKY_FORWARD_VARIANTS
    ),
    "leaky_backward": Cases(
        inputs=_inputs, run=_run_leaky_backward, expected=_leaky_backward_expected, variants=LEAKY_BACKWARD_VARIANTS
    ),
    "gelu_forward": Cases(
        inputs=_inputs, run=_run_gelu_forward, expected=_gelu_forward_expected, variants=GELU_FORWARD_VARIANTS
    ),
    "gelu_backward": Cases(
        inputs=_inputs, run=_run_gelu_backward, expected=_gelu_backward_expected, variants=GELU_BACKWARD_VARIANTS
    ),
    "leaky_gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_leaky_backward,
        loss=lambda c: float(np.sum(_leaky(c["x"], c["alpha"]) * c["dout"])),
        wrt={"dx": "x"},
    ),
    "gelu_gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_gelu_backward,
        loss=lambda c: float(np.sum(_gelu(c["g"]) * c["dout"])),
        wrt={"dx": "g"},
    ),
    "reuse": Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS),
}
