"""Hidden tests for `info_nce`: SimCLR's NT-Xent over 2N L2-normalised embeddings.

Rows i and i + N are the two views of sample i; S = z zᵀ / τ with the diagonal excluded; loss = the mean over
all 2N anchors of −log softmax(S[i])[(i + N) mod 2N]; dz = (G + Gᵀ) z / τ with G = dloss/dS.
2N != D in every case, τ != 1, and the views are noisy copies of one base vector, so the positive is usually
(not always) the most similar row. The "stable" check uses τ = 0.001: similarities near 1000 overflow exp
unless the max is subtracted, and its second case has rows whose max lies far below the others' (so the max of
each row is needed, not the max of the whole matrix).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

SETTINGS = ((3, 4, 0.5), (4, 5, 0.1), (5, 3, 0.2))


def _normalise(v):
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _inputs(rng, settings=SETTINGS) -> list[dict]:
    cases = []
    for n, dim, tau in settings:
        base = rng.normal(size=(n, dim))
        views = [_normalise(base + 0.4 * rng.normal(size=(n, dim))) for _ in range(2)]
        cases.append({"z": np.concatenate(views), "tau": tau})
    return cases


def _big(rng) -> list[dict]:
    cases = _inputs(rng, ((3, 4, 0.001),))
    # Two samples whose views agree closely, and one (the last) whose two views point away from each other and
    # from everything else: its rows' max similarity is far below the other rows' (by more than 745 at this τ),
    # so a softmax shifted by the max of the whole matrix instead of each row's max underflows to 0 there.
    e = np.eye(5)
    close_views = [e[0], e[0] + 0.1 * e[1], e[1], e[1] + 0.1 * e[0]]
    v = np.array(close_views) + 0.01 * rng.normal(size=(4, 5))
    w = np.array([e[2], e[3]]) + 0.01 * rng.normal(size=(2, 5))
    z = _normalise(np.concatenate([v[0::2], w[:1], v[1::2], w[1:]]))
    cases.append({"z": z, "tau": 0.001})
    return cases


def _pos(M: int):
    return (np.arange(M) + M // 2) % M


def _softmax_parts(c, *, mask_diag=True, scale=None, drop_pos=False, pos=None):
    """log-probabilities of the positives and the softmax matrix P (rows over candidates)."""
    z, tau = c["z"], c["tau"]
    M = z.shape[0]
    pos = _pos(M) if pos is None else pos
    S = z @ z.T * (1.0 / tau if scale is None else scale)
    excluded = np.eye(M, dtype=bool) if mask_diag else np.zeros((M, M), dtype=bool)
    if drop_pos:
        excluded = excluded.copy()
        excluded[np.arange(M), pos] = True
    masked = np.where(excluded, -np.inf, S)
    top = masked.max(axis=1, keepdims=True)
    log_total = np.log(np.sum(np.exp(masked - top), axis=1, keepdims=True)) + top
    P = np.exp(masked - log_total)
    return S[np.arange(M), pos] - log_total[:, 0], P, pos


def _loss(c, **kw) -> float:
    log_p, _, _ = _softmax_parts(c, **kw)
    return float(-np.mean(log_p))


def _dS(c, **kw):
    _, P, pos = _softmax_parts(c, **kw)
    M = P.shape[0]
    G = P.copy()
    G[np.arange(M), pos] -= 1.0
    return G / M


def _grad(c) -> dict:
    G = _dS(c)
    return {"dz": (G + G.T) @ c["z"] / c["tau"]}


def _run(learner, c) -> dict:
    res = learner.info_nce(c["z"], c["tau"])
    loss, dz = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"loss": loss, "dz": dz}


def _run_loss(learner, c) -> dict:
    return {"loss": _run(learner, c)["loss"]}


def _run_grad(learner, c) -> dict:
    return {"dz": _run(learner, c)["dz"]}


def _interleaved(M: int):
    return np.arange(M) ^ 1


def _first_half(c) -> float:
    log_p, _, _ = _softmax_parts(c)
    return float(-np.mean(log_p[: c["z"].shape[0] // 2]))


LOSS_VARIANTS = (
    Variant(
        "diagonal_not_masked",
        lambda c: {"loss": _loss(c, mask_diag=False)},
        ja="対角（アンカー自身との類似度 z_i·z_i / τ = 1/τ）を分母から除いていません。自分自身は候補ではないので、"
        "softmax の前に対角を −inf にします（Σ_{k≠i}）。",
        en="the diagonal (the anchor's similarity with itself, z_i·z_i / τ = 1/τ) is not removed from the "
        "denominator: the anchor is not a candidate, so set the diagonal to −inf before the softmax (Σ_{k≠i}).",
    ),
    Variant(
        "tau_multiplied",
        lambda c: {"loss": _loss(c, scale=c["tau"])},
        ja="温度 τ を掛けています。類似度は τ で割ります: S = z zᵀ / τ（τ が小さいほど分布が鋭くなります）。",
        en="the temperature τ multiplies the similarities: divide by it, S = z zᵀ / τ (a smaller τ sharpens the "
        "distribution).",
    ),
    Variant(
        "interleaved_pairs",
        lambda c: {"loss": _loss(c, pos=_interleaved(c["z"].shape[0]))},
        ja="正例を隣の行（2k と 2k + 1）にしています。この問題では i 行目と i + N 行目が同じサンプルの 2 つのビューで、"
        "正例は (i + N) mod 2N です。",
        en="the positive is taken as the neighbouring row (2k and 2k + 1): in this problem rows i and i + N are the "
        "two views of one sample, so the positive is (i + N) mod 2N.",
    ),
    Variant(
        "positive_off_by_one",
        lambda c: {"loss": _loss(c, pos=(np.arange(c["z"].shape[0]) + c["z"].shape[0] // 2 + 1) % c["z"].shape[0])},
        ja="正例の位置が 1 つずれています。正例は (i + N) mod 2N です。",
        en="the positive's index is off by one: it is (i + N) mod 2N.",
    ),
    Variant(
        "first_N_anchors",
        lambda c: {"loss": _first_half(c)},
        ja="最初の N 個のアンカーしか使っていません。2 つ目のビューの行もアンカーにして、2N 個すべての平均をとります。",
        en="only the first N anchors are used: the rows of the second view are anchors too; average over all 2N.",
    ),
    Variant(
        "divided_by_N",
        lambda c: {"loss": 2 * _loss(c)},
        ja="2N 個のアンカーの合計を N で割っています。平均はアンカーの数 2N で割ります。",
        en="the sum over the 2N anchors is divided by N: the mean divides by the number of anchors, 2N.",
    ),
    Variant(
        "positive_not_in_denominator",
        lambda c: {"loss": _loss(c, drop_pos=True)},
        ja="分母から正例を除いています。NT-Xent の分母は自分以外の 2N − 1 個すべて（正例を含む）です。",
        en="the positive is left out of the denominator: NT-Xent's denominator runs over all 2N − 1 rows other than "
        "the anchor, the positive included.",
    ),
    Variant(
        "anchor_sum",
        lambda c: {"loss": _loss(c) * c["z"].shape[0]},
        ja="アンカーについて合計しています。2N で割って平均にします。",
        en="the loss is summed over the anchors: divide by 2N to take the mean.",
    ),
)


def _scaled(c, factor) -> dict:
    return {"dz": _grad(c)["dz"] * factor}


def _one_sided(c) -> dict:
    return {"dz": _dS(c) @ c["z"] / c["tau"]}


def _twice_G(c) -> dict:
    return {"dz": 2 * _dS(c) @ c["z"] / c["tau"]}


def _projected(c) -> dict:
    dz, z = _grad(c)["dz"], c["z"]
    return {"dz": dz - np.sum(dz * z, axis=1, keepdims=True) * z}


def _grad_unmasked(c) -> dict:
    G = _dS(c, mask_diag=False)
    return {"dz": (G + G.T) @ c["z"] / c["tau"]}


GRAD_VARIANTS = (
    Variant(
        "one_sided",
        _one_sided,
        ja="dz = G z / τ だけになっています（G = ∂loss/∂S）。S = z zᵀ / τ では z が左右の両方に現れるので、"
        "dz = (G + Gᵀ) z / τ です。",
        en="dz is only G z / τ (G = ∂loss/∂S): z appears on both sides of S = z zᵀ / τ, so dz = (G + Gᵀ) z / τ.",
    ),
    Variant(
        "twice_G",
        _twice_G,
        ja="dz = 2 G z / τ になっています。G は対称ではないので、G + Gᵀ を 2G にはできません: dz = (G + Gᵀ) z / τ。",
        en="dz is 2 G z / τ: G is not symmetric, so G + Gᵀ cannot be replaced by 2G: dz = (G + Gᵀ) z / τ.",
    ),
    Variant(
        "grad_no_tau",
        lambda c: _scaled(c, c["tau"]),
        ja="勾配を τ で割っていません。S = z zᵀ / τ の微分なので dz = (G + Gᵀ) z / τ です。",
        en="the gradient is not divided by τ: differentiating S = z zᵀ / τ gives dz = (G + Gᵀ) z / τ.",
    ),
    Variant(
        "grad_no_mean",
        lambda c: _scaled(c, float(c["z"].shape[0])),
        ja="勾配を 2N で割っていません（損失は 2N 個のアンカーの平均です）。",
        en="the gradient is not divided by 2N (the loss is the mean over 2N anchors).",
    ),
    Variant(
        "grad_sign",
        lambda c: _scaled(c, -1.0),
        ja="勾配の符号が逆です。∂loss/∂S は softmax − onehot(正例) です。",
        en="the gradient has the wrong sign: ∂loss/∂S is softmax − onehot(positive).",
    ),
    Variant(
        "renormalised",
        _projected,
        ja="z を関数の中で正規化し直した勾配（各行の z 方向の成分を除いたもの）になっています。この問題は z をそのまま"
        "変数として扱い、正規化しません: dz = (G + Gᵀ) z / τ。",
        en="this is the gradient through a normalisation of z inside the function (each row's component along z "
        "removed): this problem takes z itself as the variable, without normalising it: dz = (G + Gᵀ) z / τ.",
    ),
    Variant(
        "grad_diagonal_not_masked",
        _grad_unmasked,
        ja="勾配の softmax で対角を除いていません。対角は候補ではないので、その確率は 0 です。",
        en="the softmax in the gradient keeps the diagonal: the anchor itself is not a candidate, so its probability "
        "is 0.",
    ),
)


def _stable(c) -> dict:
    return {"loss": _loss(c), "dz": _grad(c)["dz"]}


CHECKS = {
    "loss": Cases(inputs=_inputs, run=_run_loss, expected=lambda c: {"loss": _loss(c)}, variants=LOSS_VARIANTS),
    "gradient": Cases(inputs=_inputs, run=_run_grad, expected=_grad, variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_run_grad, loss=_loss, wrt={"dz": "z"}),
    "stable": Cases(inputs=_big, run=_run, expected=_stable),
}
