"""Hidden tests for `gaussian_naive_bayes`: GaussianNB.fit (per-class means, MLE variances, priors),
predict_log_proba (normalised with log-sum-exp) and predict.

Classes have unequal sizes (so a uniform prior shows) and different variances per class and feature (so a
pooled variance, ddof=1 or a missing −log(2πσ²)/2 term shows). Every run first fits the same object on a
decoy data set with another number of classes and features, then on the real one (state must be replaced),
and predict_log_proba is called twice with different batch sizes. The third case puts its first test points
80 units away from every class: their joint log-likelihoods are about −1000 or less, so exp() underflows to
0 for every class and only a log-sum-exp normalisation stays finite.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = (((5, 9), 3, 7, 4), ((4, 7, 6), 4, 9, 3), ((3, 5, 8, 4), 2, 6, 5))


def _data(rng, sizes, d):
    centers = rng.normal(0.0, 2.0, size=(len(sizes), d))
    scales = rng.uniform(0.5, 2.0, size=(len(sizes), d))
    X = np.concatenate([centers[c] + scales[c] * rng.normal(size=(n, d)) for c, n in enumerate(sizes)])
    y = np.repeat(np.arange(len(sizes)), sizes)
    order = rng.permutation(len(y))
    return X[order], y[order], centers, scales


def _inputs(rng) -> list[dict]:
    cases = []
    for i, (sizes, d, m, m2) in enumerate(SETTINGS):
        X, y, centers, scales = _data(rng, sizes, d)
        X0, y0, _, _ = _data(rng, (3, 2, 3), d + 1)
        spread = centers.std(axis=0) + scales.mean(axis=0)
        Xt = centers.mean(axis=0) + spread * rng.normal(size=(m, d))
        if i == 2:
            Xt[:2] += 80.0
        Xt2 = centers.mean(axis=0) + spread * rng.normal(size=(m2, d))
        cases.append({"X": X, "y": y, "X0": X0, "y0": y0, "Xt": Xt, "Xt2": Xt2})
    return cases


def _fit(X, y, ddof=0, pooled=False, prior="mle"):
    C = int(y.max()) + 1
    theta = np.array([X[y == c].mean(axis=0) for c in range(C)])
    var = np.array([X[y == c].var(axis=0, ddof=ddof) for c in range(C)])
    if pooled:
        var = np.broadcast_to(((X - theta[y]) ** 2).sum(axis=0) / len(y), var.shape).copy()
    counts = np.bincount(y).astype(float)
    priors = {"mle": counts / len(y), "uniform": np.full(C, 1.0 / C), "counts": counts}[prior]
    return theta, var, priors


def _jll(X, theta, var, prior, norm=True):
    diff = X[:, None, :] - theta[None, :, :]
    log_gauss = -0.5 * (diff**2 / var + (np.log(2 * np.pi * var) if norm else 0.0))
    return np.log(prior) + log_gauss.sum(axis=2)


def _normalise(jll):
    top = jll.max(axis=1, keepdims=True)
    return jll - top - np.log(np.exp(jll - top).sum(axis=1, keepdims=True))


def _naive_normalise(jll):
    with np.errstate(all="ignore"):
        e = np.exp(jll)
        return np.log(e / e.sum(axis=1, keepdims=True))


def _outputs(c, *, ddof=0, pooled=False, prior="mle", std=False, norm=True, normalise=_normalise):
    theta, var, priors = _fit(c["X"], c["y"], ddof, pooled, prior)
    if std:
        var = np.sqrt(var)
    jll, jll2 = (_jll(c[k], theta, var, priors, norm) for k in ("Xt", "Xt2"))
    return {
        "theta": theta,
        "var": var,
        "prior": priors,
        "log_proba": normalise(jll),
        "log_proba2": normalise(jll2),
        "predict": np.argmax(jll, axis=1),
    }


def _fitted(learner, c):
    model = learner.GaussianNB()
    model.fit(c["X0"], c["y0"])  # a decoy fit first: the real fit must replace its state
    return model, model.fit(c["X"], c["y"])


def _fit_run(learner, c) -> dict:
    model, returned = _fitted(learner, c)
    return {
        "theta": model.theta_,
        "var": model.var_,
        "prior": model.class_prior_,
        "fit_returns_self": returned is model,
    }


def _proba_run(learner, c) -> dict:
    model, _ = _fitted(learner, c)
    return {"log_proba": model.predict_log_proba(c["Xt"]), "log_proba2": model.predict_log_proba(c["Xt2"])}


def _pred_run(learner, c) -> dict:
    model, _ = _fitted(learner, c)
    return {"predict": model.predict(c["Xt"])}


def _pick(names, **kw):
    return lambda c: {k: v for k, v in _outputs(c, **kw).items() if k in names}


FIT = ("theta", "var", "prior")
PROBA = ("log_proba", "log_proba2")

DDOF1 = dict(
    ja="分散を n − 1 で割っています（ddof=1、不偏分散）。この問題は最尤推定なので、クラスの個数 N_c で割ります（np.var の既定 ddof=0）。",
    en="the variance divides by n − 1 (ddof=1, the unbiased variance); this problem asks for the maximum likelihood "
    "estimate, which divides by the class size N_c (np.var's default ddof=0).",
)
POOLED = dict(
    ja="全クラスで共通の（プールした）分散を使っています。ガウス型ナイーブベイズでは、分散をクラスごと・特徴ごとに X[y == c] から求めます。",
    en="you used one variance pooled over the classes; Gaussian naive Bayes estimates a variance per class and per "
    "feature, from X[y == c].",
)
UNIFORM = dict(
    ja="事前確率が一様（1/C）になっているか、log π_c の項が抜けています（正規化するとどちらも同じ結果です）。事前確率は各クラスの割合 "
    "N_c / N で、同時対数尤度 log π_c + Σ_d log N(x_d; θ_cd, σ²_cd) に入れます。",
    en="the prior is uniform (1/C), or the log prior log π_c is missing (the same thing after normalising); the prior "
    "of a class is its share of the data, N_c / N, and log π_c belongs in the joint log-likelihood "
    "log π_c + Σ_d log N(x_d; θ_cd, σ²_cd).",
)
STD = dict(
    ja="var_ に標準偏差を入れています（または式で σ² の代わりに σ を使っています）。var_ は分散 σ² です。",
    en="var_ holds the standard deviation (or the formula uses σ where σ² belongs); var_ is the variance σ².",
)

VARIANTS = (
    Variant("ddof1", _pick(FIT + PROBA + ("predict",), ddof=1), **DDOF1),
    Variant("pooled", _pick(FIT + PROBA + ("predict",), pooled=True), **POOLED),
    Variant("uniform_prior", _pick(FIT + PROBA + ("predict",), prior="uniform"), **UNIFORM),
    Variant(
        "counts_prior",
        _pick(("prior",), prior="counts"),
        ja="事前確率が個数 N_c のままです。N で割って割合 N_c / N にします。",
        en="the prior is the count N_c; divide by N to get the share N_c / N.",
    ),
    Variant("std", _pick(("var",) + PROBA, std=True), **STD),
    Variant(
        "no_norm_const",
        _pick(PROBA + ("predict",), norm=False),
        ja="ガウス分布の正規化項 −log(2πσ²)/2 が抜けています。分散はクラスごとに違うので、この項は約分できません。",
        en="the Gaussian's normalising term −log(2πσ²)/2 is missing; the variances differ between classes, so it "
        "does not cancel.",
    ),
    Variant(
        "unnormalised",
        _pick(PROBA, normalise=lambda j: j),
        ja="同時対数尤度 log π_c + log p(x | c) のままで、正規化していません。各行から log Σ_c exp(...)（log-sum-exp）を引いて、"
        "exp の和が 1 になるようにします。",
        en="that is the joint log-likelihood log π_c + log p(x | c), not normalised: subtract each row's "
        "log Σ_c exp(...) (the log-sum-exp) so that the exponentials sum to 1.",
    ),
    Variant(
        "no_logsumexp",
        _pick(PROBA, normalise=_naive_normalise),
        ja="exp をそのまま計算して正規化しているので、対数尤度がとても小さい点で exp が 0 になり、log(0/0) = nan になります。"
        "行の最大値を引いてから exp をとる log-sum-exp を使ってください。",
        en="you normalise with plain exp(), so for points whose log-likelihoods are very negative exp() underflows to "
        "0 and log(0/0) = nan: use the log-sum-exp, subtracting each row's maximum before exp().",
    ),
)


def _expected(names):
    def expected(c) -> dict:
        out = _outputs(c)
        out["fit_returns_self"] = True
        return {k: v for k, v in out.items() if k in names}

    return expected


CHECKS = {
    "fit": Cases(
        inputs=_inputs,
        run=_fit_run,
        expected=_expected(FIT + ("fit_returns_self",)),
        variants=VARIANTS,
        rtol=1e-9,
        atol=1e-12,
    ),
    "log_proba": Cases(
        inputs=_inputs, run=_proba_run, expected=_expected(PROBA), variants=VARIANTS, rtol=1e-9, atol=1e-10
    ),
    "predict": Cases(inputs=_inputs, run=_pred_run, expected=_expected(("predict",)), variants=VARIANTS),
}
