"""Hidden tests for `denoising_autoencoder`: masking noise x̃ = x where u >= ρ, 0 where u < ρ (no rescaling),
a one-hidden-layer AE h = sigmoid(x̃ W1 + b1), x̂ = h W2 + b2 (linear output), the loss
L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)² against the CLEAN x, and backward's dW1, db1, dW2, db2.

N, D and H all differ (a transposed gradient fails on shape), ρ leaves both masked and kept entries in every
case, and the corrupt cases put some u exactly at ρ (the tie u = ρ keeps the entry). The reuse check runs one
object three times, the second call with the first call's shape and a new u (a cached mask shows).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

# (N, D, H, ρ): N, D, H all differ
SIZES = ((4, 6, 3, 0.25), (6, 5, 8, 0.5), (3, 7, 4, 0.3))
GRADS = ("dW1", "db1", "dW2", "db2")


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _uniform(rng, shape, rho, ties=False):
    """u in [0, 1) kept 0.01 away from ρ, both sides of ρ present; with ties, a few entries exactly ρ."""
    u = rng.uniform(0.0, 1.0, size=shape)
    u = np.where(np.abs(u - rho) < 0.01, rho + 0.05, u)
    flat = u.reshape(-1)
    flat[0], flat[1] = rho / 2, (1 + rho) / 2
    if ties:
        flat[2::5] = rho
    return u


def _params(rng, d, h) -> dict:
    return {
        "W1": rng.normal(size=(d, h)) * 0.8,
        "b1": rng.normal(size=h) * 0.3,
        "W2": rng.normal(size=(h, d)) * 0.8,
        "b2": rng.normal(size=d) * 0.3,
    }


def _corrupt_inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=(n, d)) + 0.5, "u": _uniform(rng, (n, d), rho, ties=True), "rho": rho}
        for n, d, _, rho in SIZES
    ]


def _inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=(n, d)) + 0.5, "u": _uniform(rng, (n, d), rho), "rho": rho, **_params(rng, d, h)}
        for n, d, h, rho in SIZES
    ]


# ---- the reference and its known wrong forms --------------------------------------------------------------


def _mask(u, rho, inverted=False):
    return (u < rho) if inverted else (u >= rho)


def _corrupt(x, u, rho, inverted=False, rescaled=False):
    x_tilde = np.where(_mask(u, rho, inverted), x, 0.0)
    return x_tilde / (1.0 - rho) if rescaled else x_tilde


def _model(c, *, x_tilde=None, target="clean", reduce="half_mean", act_grad="right", transpose=None, dw1_input=None):
    """The loss and the gradients for case c; the keywords give the known mistakes."""
    x = c["x"]
    xt = _corrupt(x, c["u"], c["rho"]) if x_tilde is None else x_tilde
    a = xt @ c["W1"] + c["b1"]
    h = _sigmoid(a)
    x_hat = h @ c["W2"] + c["b2"]
    t = xt if target == "corrupted" else x
    n, d = x.shape
    err = x_hat - t
    if reduce == "half_mean":  # the statement's (1/N) Σ_n ½ Σ_d
        loss, dx_hat = 0.5 * np.sum(err**2) / n, err / n
    elif reduce == "half_sum":  # no /N
        loss, dx_hat = 0.5 * np.sum(err**2), err
    elif reduce == "mean_all":  # np.mean over all N·D elements
        loss, dx_hat = np.mean(err**2), 2.0 * err / (n * d)
    else:  # "no_half": (1/N) Σ without the ½
        loss, dx_hat = np.sum(err**2) / n, 2.0 * err / n
    dh = dx_hat @ c["W2"].T
    if act_grad == "preactivation":
        da = dh * a * (1.0 - a)
    elif act_grad == "none":
        da = dh
    else:
        da = dh * h * (1.0 - h)
    x_in = xt if dw1_input is None else dw1_input
    grads = {
        "dW1": x_in.T @ da,
        "db1": np.sum(da, axis=0),
        "dW2": h.T @ dx_hat,
        "db2": np.sum(dx_hat, axis=0),
    }
    if transpose == "dW2":
        grads["dW2"] = dx_hat.T @ h
    if transpose == "dW1":
        grads["dW1"] = da.T @ x_in
    return {"loss": float(loss), **grads}


def _loss(c) -> float:
    return _model(c)["loss"]


def _run_corrupt(learner, c) -> dict:
    return {"x_tilde": learner.corrupt(c["x"], c["u"], c["rho"]), "x": c["x"]}  # x after the call


def _new(learner, c):
    return learner.DenoisingAutoencoder(c["W1"], c["b1"], c["W2"], c["b2"])


def _run_forward(learner, c) -> dict:
    return {"loss": _new(learner, c).forward(c["x"], c["u"], c["rho"])}


def _run_backward(learner, c) -> dict:
    model = _new(learner, c)
    model.forward(c["x"], c["u"], c["rho"])
    model.backward()
    return {name: getattr(model, name, None) for name in GRADS}


INVERTED_JA = (
    "マスクが逆です（u < ρ の要素を残し、u ≥ ρ の要素を 0 にしている）。ρ は壊す割合なので、u < ρ の要素を 0 にし、"
    "u ≥ ρ の要素は x のまま残します: np.where(u < rho, 0.0, x)。"
)
INVERTED_EN = (
    "the mask is inverted (entries with u < ρ are kept and those with u ≥ ρ set to 0): ρ is the fraction destroyed, "
    "so entries with u < ρ become 0 and those with u ≥ ρ keep x: np.where(u < rho, 0.0, x)."
)
RESCALED_JA = (
    "残した要素を 1/(1 − ρ) 倍しています（逆ドロップアウトの書き方）。この問題のマスキングノイズは、残す要素を "
    "x のまま（倍率なし）にします。"
)
RESCALED_EN = (
    "the kept entries are scaled by 1/(1 − ρ) (the inverted-dropout way): this problem's masking noise keeps the "
    "surviving entries as they are, with no rescaling."
)
NO_CORRUPTION_JA = (
    "符号化器にきれいな x を入れています（作った x̃ を使っていない、ふつうの AE です）。x̃ = corrupt(x, u, rho) を"
    "符号化器に入れ、h = sigmoid(x̃ W1 + b1) とし、backward の dW1 も self.x_tilde.T @ ... で求めます。"
)
NO_CORRUPTION_EN = (
    "the encoder is fed the clean x (the x̃ you built is not used: a plain AE). Feed x̃ = corrupt(x, u, rho) to the "
    "encoder, h = sigmoid(x̃ W1 + b1), and compute backward's dW1 with self.x_tilde.T @ ...."
)
TARGET_JA = (
    "損失を壊した入力 x̃ との誤差で計算しています（x を書き換えて x̃ にした場合も同じになります）。Denoising AE は "
    "x̃ から壊す前のきれいな x を復元するよう学ぶので、誤差は x̂ − x です。corrupt は x を書き換えず新しい配列を返します。"
)
TARGET_EN = (
    "the loss is taken against the corrupted input x̃ (overwriting x with x̃ in place gives the same): a denoising "
    "AE learns to restore the clean x from x̃, so the error is x̂ − x. corrupt returns a new array and leaves x alone."
)
NO_N_JA = "バッチ数 N で割っていません。L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)² とバッチで平均します。"
NO_N_EN = "there is no division by the batch size N: L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)², a mean over the batch."
MEAN_ALL_JA = (
    "全 N·D 要素の平均（np.mean、PyTorch の nn.MSELoss の既定）をとっています。この問題は ½ を掛けて特徴の軸 D で"
    "合計し、バッチの軸 N で平均します: 0.5 * np.sum((x_hat - x)**2) / N。"
)
MEAN_ALL_EN = (
    "this is the mean over all N·D elements (np.mean, the default of PyTorch's nn.MSELoss): this problem takes ½ of "
    "the sum over the features D and averages over the batch N, 0.5 * np.sum((x_hat - x)**2) / N."
)
NO_HALF_JA = "½ が抜けています。L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)²（1 巻の mean_squared_error と同じ ½ 付き）です。"
NO_HALF_EN = "the ½ is missing: L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)² (with the ½ of book 1's mean_squared_error)."

CORRUPT_VARIANTS = (
    Variant(
        "x_overwritten",
        lambda c: {"x": _corrupt(c["x"], c["u"], c["rho"])},
        ja="corrupt が渡された x を書き換えています（x[u < rho] = 0）。x はきれいな目標としてあとで損失に使うので、"
        "新しい配列を返します: np.where(u < rho, 0.0, x) や x * (u >= rho)。",
        en="corrupt overwrites the x passed in (x[u < rho] = 0): the clean x is needed later as the loss's target, so "
        "return a new array, np.where(u < rho, 0.0, x) or x * (u >= rho).",
    ),
    Variant(
        "mask_inverted",
        lambda c: {"x_tilde": _corrupt(c["x"], c["u"], c["rho"], inverted=True)},
        ja=INVERTED_JA,
        en=INVERTED_EN,
    ),
    Variant(
        "rescaled",
        lambda c: {"x_tilde": _corrupt(c["x"], c["u"], c["rho"], rescaled=True)},
        ja=RESCALED_JA,
        en=RESCALED_EN,
    ),
    Variant(
        "tie_masked",
        lambda c: {"x_tilde": np.where(c["u"] <= c["rho"], 0.0, c["x"])},
        ja="u = ρ ちょうどの要素まで 0 にしています（u <= rho）。0 にするのは u < ρ の要素だけで、u = ρ は残します。",
        en="entries with u exactly ρ are set to 0 too (u <= rho): only entries with u < ρ become 0; u = ρ is kept.",
    ),
)


FORWARD_VARIANTS = (
    Variant("loss_vs_corrupted", lambda c: {"loss": _model(c, target="corrupted")["loss"]}, ja=TARGET_JA, en=TARGET_EN),
    Variant(
        "no_corruption", lambda c: {"loss": _model(c, x_tilde=c["x"])["loss"]}, ja=NO_CORRUPTION_JA, en=NO_CORRUPTION_EN
    ),
    Variant(
        "mask_inverted",
        lambda c: {"loss": _model(c, x_tilde=_corrupt(c["x"], c["u"], c["rho"], inverted=True))["loss"]},
        ja=INVERTED_JA,
        en=INVERTED_EN,
    ),
    Variant(
        "rescaled",
        lambda c: {"loss": _model(c, x_tilde=_corrupt(c["x"], c["u"], c["rho"], rescaled=True))["loss"]},
        ja=RESCALED_JA,
        en=RESCALED_EN,
    ),
    Variant("no_batch_mean", lambda c: {"loss": _model(c, reduce="half_sum")["loss"]}, ja=NO_N_JA, en=NO_N_EN),
    Variant("mean_all", lambda c: {"loss": _model(c, reduce="mean_all")["loss"]}, ja=MEAN_ALL_JA, en=MEAN_ALL_EN),
    Variant("no_half", lambda c: {"loss": _model(c, reduce="no_half")["loss"]}, ja=NO_HALF_JA, en=NO_HALF_EN),
)


def _grads(**kw):
    return lambda c: {k: v for k, v in _model(c, **kw).items() if k in GRADS}


BACKWARD_VARIANTS = (
    Variant(
        "dW2_transposed",
        lambda c: {"dW2": _model(c, transpose="dW2")["dW2"]},
        ja="dW2 が転置されています（形状 (D, H)）。W2 は (H, D) なので self.dW2 = self.h.T @ dx_hat です。",
        en="dW2 is transposed (shape (D, H)): W2 is (H, D), so self.dW2 = self.h.T @ dx_hat.",
    ),
    Variant(
        "dW1_transposed",
        lambda c: {"dW1": _model(c, transpose="dW1")["dW1"]},
        ja="dW1 が転置されています（形状 (H, D)）。W1 は (D, H) なので self.dW1 = self.x_tilde.T @ da です。",
        en="dW1 is transposed (shape (H, D)): W1 is (D, H), so self.dW1 = self.x_tilde.T @ da.",
    ),
    Variant(
        "dW1_clean_input",
        lambda c: {"dW1": _model(c, dw1_input=c["x"])["dW1"]},
        ja="dW1 をきれいな x で計算しています。符号化器に入ったのは x̃ なので self.dW1 = self.x_tilde.T @ da です"
        "（誤差の目標に使うのがきれいな x です）。",
        en="dW1 is computed with the clean x: the encoder was fed x̃, so self.dW1 = self.x_tilde.T @ da (the clean x "
        "is the target of the error).",
    ),
    Variant(
        "grad_no_corruption",
        lambda c: {k: v for k, v in _model(c, x_tilde=c["x"]).items() if k in GRADS},
        ja=NO_CORRUPTION_JA,
        en=NO_CORRUPTION_EN,
    ),
    Variant("grad_vs_corrupted", _grads(target="corrupted"), ja=TARGET_JA, en=TARGET_EN),
    Variant(
        "derivative_at_preactivation",
        _grads(act_grad="preactivation"),
        ja="sigmoid の微分を活性化の前の値 a = x̃ W1 + b1 で a (1 − a) としています。σ'(a) = σ(a)(1 − σ(a)) なので、"
        "活性化の後の h で h * (1 - h) です。",
        en="the sigmoid's derivative is written as a (1 − a) with the pre-activation a = x̃ W1 + b1: σ'(a) = σ(a)(1 − σ(a)), "
        "i.e. h * (1 - h) with the activation h.",
    ),
    Variant(
        "no_sigmoid_derivative",
        _grads(act_grad="none"),
        ja="sigmoid の微分が抜けています。dh = dx_hat @ W2.T のあと da = dh * h * (1 - h) として dW1, db1 を求めます。",
        en="the sigmoid's derivative is missing: after dh = dx_hat @ W2.T, da = dh * h * (1 - h) gives dW1 and db1.",
    ),
    Variant("grad_no_batch_mean", _grads(reduce="half_sum"), ja=NO_N_JA, en=NO_N_EN),
    Variant("grad_mean_all", _grads(reduce="mean_all"), ja=MEAN_ALL_JA, en=MEAN_ALL_EN),
    Variant("grad_no_half", _grads(reduce="no_half"), ja=NO_HALF_JA, en=NO_HALF_EN),
)


# ---- one object, three calls (as in training) -------------------------------------------------------------
# (N of the three calls, D, H, ρ): the second call has the first's shape (a mask kept while the shape
# matches shows), the third another batch size.
REUSE_SPECS = (((4, 4, 7), 5, 3, 0.3), ((3, 3, 5), 6, 4, 0.5), ((5, 5, 2), 4, 6, 0.25))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for ns, d, h, rho in REUSE_SPECS:
        case: dict = {"rho": rho, **_params(rng, d, h)}
        for k, n in zip(CALLS, ns):
            case[f"x{k}"] = rng.normal(size=(n, d)) + 0.5
            case[f"u{k}"] = _uniform(rng, (n, d), rho)
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    model = _new(learner, c)
    result = {}
    for k in CALLS:
        result[f"loss_call{k}"] = model.forward(c[f"x{k}"], c[f"u{k}"], c["rho"])
        model.backward()
        for name in GRADS:
            result[f"{name}_call{k}"] = _snapshot(getattr(model, name, None))
    return result


def _reuse_expected(c, mode="right") -> dict:
    """Every call's loss and gradients; `mode`: 'stale_mask' (the first call's mask kept while the shape
    matches), 'accumulated' (the gradients added up over the calls)."""
    result: dict = {}
    total = {name: 0.0 for name in GRADS}
    for k, j in zip(CALLS, _kept_from(c)):
        one = {"x": c[f"x{k}"], "u": c[f"u{k}"], "rho": c["rho"], **{p: c[p] for p in ("W1", "b1", "W2", "b2")}}
        if mode == "stale_mask":
            one["u"] = c[f"u{j}"]
        out = _model(one)
        result[f"loss_call{k}"] = out["loss"]
        for name in GRADS:
            total[name] = total[name] + out[name]
            result[f"{name}_call{k}"] = total[name] if mode == "accumulated" else out[name]
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_mask",
        lambda c: _reuse_expected(c, "stale_mask"),
        ja="前の呼び出しのマスクを使い回しています（最初に作ったマスクを、形が同じあいだ作り直していない）。"
        "学習ではミニバッチごとに新しいノイズで壊すので、forward は呼ぶたびに今回の u から x̃ を作り直します。",
        en="the mask of an earlier call is reused (the mask made first is kept while the shape stays the same): "
        "training corrupts every mini-batch with fresh noise, so every forward rebuilds x̃ from this call's u.",
    ),
    Variant(
        "accumulated",
        lambda c: _reuse_expected(c, "accumulated"),
        ja="勾配が呼び出しのたびに足し込まれています（self.dW1 += ...）。backward は今回の forward の値だけから "
        "self.dW1, self.db1, self.dW2, self.db2 を計算して上書きします。",
        en="the gradients are added up over the calls (self.dW1 += ...): each backward overwrites self.dW1, "
        "self.db1, self.dW2 and self.db2 with values from this call's forward alone.",
    ),
)


CHECKS = {
    "corrupt": Cases(
        inputs=_corrupt_inputs,
        run=_run_corrupt,
        expected=lambda c: {"x_tilde": _corrupt(c["x"], c["u"], c["rho"]), "x": c["x"]},
        variants=CORRUPT_VARIANTS,
    ),
    "forward": Cases(
        inputs=_inputs, run=_run_forward, expected=lambda c: {"loss": _loss(c)}, variants=FORWARD_VARIANTS
    ),
    "backward": Cases(
        inputs=_inputs,
        run=_run_backward,
        expected=lambda c: {k: v for k, v in _model(c).items() if k in GRADS},
        variants=BACKWARD_VARIANTS,
    ),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_backward, loss=_loss, wrt={"dW1": "W1", "db1": "b1", "dW2": "W2", "db2": "b2"}
    ),
    "reuse": Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS),
}
