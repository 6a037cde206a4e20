"""Hidden tests for `metric_losses`.

contrastive_loss: loss = mean_n [ y d² + (1 − y) max(0, m − d)² ] (no ½ factor; y = 1 for a similar pair),
d = ‖x1 − x2‖; returns (loss, dx1, dx2) with dx2 = −dx1.
triplet_loss: loss = mean_n max(0, ‖a − p‖² − ‖a − n‖² + m) (squared distances, as in FaceNet); returns
(loss, da, dp, dn).

Every case mixes similar pairs, dissimilar pairs inside the margin (active hinge) and outside it (inactive
hinge), and active and inactive triplets; every hinge argument stays at least 0.2 away from its kink and
every distance at least 0.2 away from 0, so the gradcheck's steps never cross a kink. N != D throughout.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

PAIR_SETTINGS = ((6, 3, 1.0), (9, 4, 1.5), (4, 7, 2.0))
TRIPLET_SETTINGS = ((6, 3, 0.5), (8, 5, 1.0), (4, 6, 0.8))


def _unit(rng, n: int, dim: int):
    u = rng.normal(size=(n, dim))
    return u / np.linalg.norm(u, axis=1, keepdims=True)


def _pairs(rng) -> list[dict]:
    cases = []
    for n, dim, m in PAIR_SETTINGS:
        kinds = np.array([i % 3 for i in range(n)])[rng.permutation(n)]  # 0 similar, 1 active, 2 inactive
        r = np.where(
            kinds == 0,
            rng.uniform(0.3, 2.0, size=n),
            np.where(kinds == 1, rng.uniform(0.2, m - 0.25, size=n), rng.uniform(m + 0.25, m + 1.5, size=n)),
        )
        x1 = rng.normal(size=(n, dim))
        x2 = x1 + r[:, None] * _unit(rng, n, dim)
        cases.append({"x1": x1, "x2": x2, "y": (kinds == 0).astype(np.float64), "margin": m})
    return cases


def _triplets(rng) -> list[dict]:
    cases = []
    for n, dim, m in TRIPLET_SETTINGS:
        active = (np.arange(n) % 2 == 0)[rng.permutation(n)]
        rp2, rn2 = np.empty(n), np.empty(n)
        for i in range(n):
            if active[i]:
                rn2[i] = rng.uniform(0.1, 2.0)
                lo = max(0.2, m - rn2[i] + 0.05)
                rp2[i] = rn2[i] - m + rng.uniform(lo, lo + 1.0)
            else:
                rp2[i] = rng.uniform(0.05, 1.5)
                rn2[i] = rp2[i] + m + rng.uniform(0.2, 1.0)
        a = rng.normal(size=(n, dim))
        p = a + np.sqrt(rp2)[:, None] * _unit(rng, n, dim)
        q = a + np.sqrt(rn2)[:, None] * _unit(rng, n, dim)
        cases.append({"a": a, "p": p, "n": q, "margin": m})
    return cases


# ---- contrastive loss ------------------------------------------------------------------------------------


def _dist(c):
    return np.sqrt(np.sum((c["x1"] - c["x2"]) ** 2, axis=1))


def _c_loss(c, sim=None, neg=None, half=False, sum_=False) -> float:
    d, y, m = _dist(c), c["y"], c["margin"]
    sim = d**2 if sim is None else sim(d)
    neg = np.maximum(0.0, m - d) ** 2 if neg is None else neg(d, m)
    total = np.sum(y * sim + (1 - y) * neg)
    total = total / 2 if half else total
    return float(total if sum_ else total / len(y))


def _c_grad(c, y=None, hinge=None, scale=1.0, neg_unit=True) -> dict:
    d, m = _dist(c), c["margin"]
    y = c["y"] if y is None else y
    diff = c["x1"] - c["x2"]
    h = np.maximum(0.0, m - d) if hinge is None else hinge(d, m)
    neg = h / d if neg_unit else h
    coef = scale * (2 * y - 2 * (1 - y) * neg) / len(d)
    return {"dx1": coef[:, None] * diff, "dx2": -coef[:, None] * diff}


def _run_c(learner, c) -> dict:
    res = learner.contrastive_loss(c["x1"], c["x2"], c["y"], c["margin"])
    if isinstance(res, tuple) and len(res) == 3:
        return {"loss": res[0], "dx1": res[1], "dx2": res[2]}
    return {"loss": res, "dx1": None, "dx2": None}


def _run_c_loss(learner, c) -> dict:
    return {"loss": _run_c(learner, c)["loss"]}


def _run_c_grad(learner, c) -> dict:
    out = _run_c(learner, c)
    return {"dx1": out["dx1"], "dx2": out["dx2"]}


C_LOSS_VARIANTS = (
    Variant(
        "labels_inverted",
        lambda c: {"loss": _c_loss({**c, "y": 1 - c["y"]})},
        ja="ラベルの意味が逆です。この問題では y = 1 が似たペア（距離 d² を小さくする）、y = 0 が似ていないペア"
        "（max(0, m − d)² の項）です。Hadsell らの論文は逆に Y = 0 を似たペアとしているので注意してください。",
        en="the labels are inverted: here y = 1 marks a similar pair (pulled together by d²) and y = 0 a dissimilar "
        "one (the max(0, m − d)² term). Hadsell et al.'s paper uses the opposite, Y = 0 for a similar pair.",
    ),
    Variant(
        "hinge_on_d",
        lambda c: {"loss": _c_loss(c, neg=lambda d, m: np.maximum(0.0, d - m) ** 2)},
        ja="ヒンジが max(0, d − m) になっています。似ていないペアは距離が m より「近い」ときだけ押し離すので、"
        "max(0, m − d)² です。",
        en="the hinge is max(0, d − m): a dissimilar pair is pushed apart only while it is closer than m, so the term "
        "is max(0, m − d)².",
    ),
    Variant(
        "neg_not_squared",
        lambda c: {"loss": _c_loss(c, neg=lambda d, m: np.maximum(0.0, m - d))},
        ja="似ていないペアの項が 2 乗されていません: max(0, m − d)²。",
        en="the dissimilar pairs' term is not squared: max(0, m − d)².",
    ),
    Variant(
        "distance_not_squared",
        lambda c: {"loss": _c_loss(c, sim=lambda d: d)},
        ja="似たペアの項が d になっています。2 乗した距離 d² を使います。",
        en="the similar pairs' term is d: use the squared distance d².",
    ),
    Variant(
        "squared_distance_in_hinge",
        lambda c: {"loss": _c_loss(c, neg=lambda d, m: np.maximum(0.0, m - d**2) ** 2)},
        ja="ヒンジの中で 2 乗距離 d² を使っています。ヒンジの中はユークリッド距離 d そのもので、max(0, m − d)² です。",
        en="the hinge uses the squared distance d²: inside the hinge it is the Euclidean distance d itself, "
        "max(0, m − d)².",
    ),
    Variant(
        "half_factor",
        lambda c: {"loss": _c_loss(c, half=True)},
        ja="½ が掛かっています。Hadsell らの論文のように各項に ½ を付ける流儀もありますが、この問題は ½ なしの "
        "mean [ y d² + (1 − y) max(0, m − d)² ] です。",
        en="there is a factor ½: some write each term with ½, as Hadsell et al. do, but this problem uses the form "
        "without it, mean [ y d² + (1 − y) max(0, m − d)² ].",
    ),
    Variant(
        "batch_sum",
        lambda c: {"loss": _c_loss(c, sum_=True)},
        ja="バッチで合計しています。ペア数 N で割って平均にします。",
        en="the loss is summed over the batch: divide by the number of pairs N to take the mean.",
    ),
)

C_GRAD_VARIANTS = (
    Variant(
        "inactive_hinge_gradient",
        lambda c: _c_grad(c, hinge=lambda d, m: m - d),
        ja="距離が m を超えた（ヒンジが 0 の）似ていないペアにも勾配が出ています。max(0, m − d) が 0 のところの勾配は "
        "0 です（np.maximum で 0 にした値を勾配にも使います）。",
        en="dissimilar pairs already farther than m (where the hinge is 0) still get a gradient: where max(0, m − d) "
        "is 0 its gradient is 0 (use the clipped value from np.maximum in the gradient too).",
    ),
    Variant(
        "grad_labels_inverted",
        lambda c: _c_grad(c, y=1 - c["y"]),
        ja="勾配でラベルの意味が逆です。y = 1（似たペア）が 2 (x1 − x2) / N、y = 0 が −2 max(0, m − d) (x1 − x2) / (d N) です。",
        en="the gradient has the labels inverted: y = 1 (similar) gives 2 (x1 − x2) / N, y = 0 gives "
        "−2 max(0, m − d) (x1 − x2) / (d N).",
    ),
    Variant(
        "grad_no_unit_vector",
        lambda c: _c_grad(c, neg_unit=False),
        ja="似ていないペアの勾配で d で割っていません。∂d/∂x1 = (x1 − x2) / d（単位ベクトル）なので、"
        "−2 max(0, m − d) (x1 − x2) / (d N) です。",
        en="the dissimilar pairs' gradient is not divided by d: ∂d/∂x1 = (x1 − x2) / d (a unit vector), so the "
        "gradient is −2 max(0, m − d) (x1 − x2) / (d N).",
    ),
    Variant(
        "grad_half",
        lambda c: _c_grad(c, scale=0.5),
        ja="勾配が半分です（½ 付きの損失の勾配）。この問題の損失には ½ がないので、d² の微分は 2 (x1 − x2) です。",
        en="the gradient is half the right one (that of the loss with ½): this loss has no ½, so d² differentiates "
        "to 2 (x1 − x2).",
    ),
    Variant(
        "grad_no_N",
        lambda c: _c_grad(c, scale=float(len(c["y"]))),
        ja="勾配をペア数 N で割っていません（損失は平均です）。",
        en="the gradient is not divided by the number of pairs N (the loss is a mean).",
    ),
    Variant(
        "dx2_sign",
        lambda c: {"dx2": _c_grad(c)["dx1"]},
        ja="dx2 の符号が逆です。d は x1 − x2 の関数なので dx2 = −dx1 です。",
        en="dx2 has the wrong sign: d depends on x1 − x2, so dx2 = −dx1.",
    ),
)


# ---- triplet loss ----------------------------------------------------------------------------------------


def _t_parts(c):
    d_ap = np.sum((c["a"] - c["p"]) ** 2, axis=1)
    d_an = np.sum((c["a"] - c["n"]) ** 2, axis=1)
    return d_ap, d_an


def _t_loss(c) -> float:
    d_ap, d_an = _t_parts(c)
    return float(np.mean(np.maximum(0.0, d_ap - d_an + c["margin"])))


def _t_grad(c, mask=None, scale=1.0) -> dict:
    d_ap, d_an = _t_parts(c)
    active = (d_ap - d_an + c["margin"] > 0).astype(np.float64) if mask is None else mask
    w = scale * active[:, None] / len(d_ap)
    dp = -2 * w * (c["a"] - c["p"])
    dn = 2 * w * (c["a"] - c["n"])
    return {"da": -(dp + dn), "dp": dp, "dn": dn}


def _t_not_squared(c) -> float:
    d_ap, d_an = _t_parts(c)
    return float(np.mean(np.maximum(0.0, np.sqrt(d_ap) - np.sqrt(d_an) + c["margin"])))


def _run_t(learner, c) -> dict:
    res = learner.triplet_loss(c["a"], c["p"], c["n"], c["margin"])
    if isinstance(res, tuple) and len(res) == 4:
        return {"loss": res[0], "da": res[1], "dp": res[2], "dn": res[3]}
    return {"loss": res, "da": None, "dp": None, "dn": None}


def _run_t_loss(learner, c) -> dict:
    return {"loss": _run_t(learner, c)["loss"]}


def _run_t_grad(learner, c) -> dict:
    out = _run_t(learner, c)
    return {"da": out["da"], "dp": out["dp"], "dn": out["dn"]}


T_LOSS_VARIANTS = (
    Variant(
        "not_squared",
        lambda c: {"loss": _t_not_squared(c)},
        ja="距離を 2 乗していません。この問題は FaceNet と同じく 2 乗距離 ‖a − p‖² − ‖a − n‖² + m を使います。",
        en="the distances are not squared: this problem, like FaceNet, uses squared distances, "
        "‖a − p‖² − ‖a − n‖² + m.",
    ),
    Variant(
        "no_hinge",
        lambda c: {"loss": float(np.mean(np.subtract(*_t_parts(c)) + c["margin"]))},
        ja="max(0, ·) がありません。すでに負例がマージン以上に遠いトリプレットの損失は 0 です。",
        en="the max(0, ·) is missing: a triplet whose negative is already farther by more than the margin has loss 0.",
    ),
    Variant(
        "p_n_swapped",
        lambda c: {"loss": _t_loss({**c, "p": c["n"], "n": c["p"]})},
        ja="正例と負例が逆です: ‖a − p‖² − ‖a − n‖² + m（正例を近づけ、負例を遠ざけます）。",
        en="the positive and the negative are swapped: ‖a − p‖² − ‖a − n‖² + m (pull the positive in, push the "
        "negative away).",
    ),
    Variant(
        "margin_sign",
        lambda c: {"loss": _t_loss({**c, "margin": -c["margin"]})},
        ja="マージンを引いています。負例が正例より m 以上遠くなるまで損失が残るように、+ m です。",
        en="the margin is subtracted: it is + m, so the loss stays until the negative is farther than the positive "
        "by at least m.",
    ),
    Variant(
        "batch_sum",
        lambda c: {"loss": _t_loss(c) * c["a"].shape[0]},
        ja="バッチで合計しています。トリプレット数 N で割って平均にします。",
        en="the loss is summed over the batch: divide by the number of triplets N to take the mean.",
    ),
)

T_GRAD_VARIANTS = (
    Variant(
        "inactive_hinge_gradient",
        lambda c: _t_grad(c, mask=np.ones(c["a"].shape[0])),
        ja="ヒンジが 0 のトリプレット（すでにマージンを満たしたもの）にも勾配が出ています。"
        "‖a − p‖² − ‖a − n‖² + m > 0 の行だけに勾配を流します。",
        en="triplets where the hinge is 0 (the margin is already met) still get a gradient: only rows with "
        "‖a − p‖² − ‖a − n‖² + m > 0 pass a gradient.",
    ),
    Variant(
        "grad_no_factor_2",
        lambda c: _t_grad(c, scale=0.5),
        ja="勾配の 2 が抜けています。‖a − p‖² を a で微分すると 2 (a − p) です。",
        en="the factor 2 is missing: ‖a − p‖² differentiates to 2 (a − p) with respect to a.",
    ),
    Variant(
        "grad_no_N",
        lambda c: _t_grad(c, scale=float(c["a"].shape[0])),
        ja="勾配をトリプレット数 N で割っていません（損失は平均です）。",
        en="the gradient is not divided by the number of triplets N (the loss is a mean).",
    ),
    Variant(
        "dp_dn_swapped",
        lambda c: {"dp": _t_grad(c)["dn"], "dn": _t_grad(c)["dp"]},
        ja="dp と dn が入れ替わっています。dp = −2 (a − p) / N、dn = 2 (a − n) / N（ヒンジが正の行だけ）です。",
        en="dp and dn are swapped: dp = −2 (a − p) / N and dn = 2 (a − n) / N (on rows where the hinge is positive).",
    ),
    Variant(
        "da_missing_negative",
        lambda c: {"da": -_t_grad(c)["dp"]},
        ja="da に負例の項がありません。a は両方の距離に入るので、da = 2 ((a − p) − (a − n)) / N = 2 (n − p) / N です。",
        en="da lacks the negative's term: a enters both distances, so da = 2 ((a − p) − (a − n)) / N = 2 (n − p) / N.",
    ),
)


CHECKS = {
    "contrastive_loss": Cases(
        inputs=_pairs, run=_run_c_loss, expected=lambda c: {"loss": _c_loss(c)}, variants=C_LOSS_VARIANTS
    ),
    "contrastive_gradient": Cases(inputs=_pairs, run=_run_c_grad, expected=_c_grad, variants=C_GRAD_VARIANTS),
    "contrastive_gradcheck": GradCheck(inputs=_pairs, run=_run_c_grad, loss=_c_loss, wrt={"dx1": "x1", "dx2": "x2"}),
    "triplet_loss": Cases(
        inputs=_triplets, run=_run_t_loss, expected=lambda c: {"loss": _t_loss(c)}, variants=T_LOSS_VARIANTS
    ),
    "triplet_gradient": Cases(inputs=_triplets, run=_run_t_grad, expected=_t_grad, variants=T_GRAD_VARIANTS),
    "triplet_gradcheck": GradCheck(
        inputs=_triplets, run=_run_t_grad, loss=_t_loss, wrt={"da": "a", "dp": "p", "dn": "n"}
    ),
}
