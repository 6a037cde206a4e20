"""Hidden tests for `transformer_encoder_block`: one post-LN encoder layer, forward only.

The reference loops over samples and heads (independent of the solution's reshapes). Every case has
T, D, F and d_k different, so a head split without the transpose, a softmax over the query axis or
a scale by √D instead of √d_k shows; the padding cases mask the last keys of some samples (every
sample keeps at least one real token) and leave one sample unpadded. The scores are scaled up so
that the 1/√d_k matters, and one case has scores beyond ±1000, where a softmax must subtract the
row maximum.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

EPS = 1e-5

# (N, T, D, h, F)
PLAIN_SPECS = ((2, 5, 12, 3, 20), (3, 4, 8, 1, 14), (2, 6, 16, 4, 10))
PAD_SPECS = ((3, 6, 12, 2, 18), (2, 5, 8, 4, 12), (4, 3, 6, 3, 9))
BIG_SPEC = (2, 4, 10, 2, 7)


def _params(rng, d, f):
    return {
        "Wq": rng.normal(size=(d, d)) * 0.7,
        "Wk": rng.normal(size=(d, d)) * 0.7,
        "Wv": rng.normal(size=(d, d)) / np.sqrt(d),
        "Wo": rng.normal(size=(d, d)) / np.sqrt(d),
        "W1": rng.normal(size=(d, f)) / np.sqrt(d),
        "b1": rng.normal(size=f) * 0.3,
        "W2": rng.normal(size=(f, d)) / np.sqrt(f),
        "b2": rng.normal(size=d) * 0.3,
        "g1": rng.uniform(0.5, 1.5, size=d),
        "be1": rng.normal(size=d) * 0.3,
        "g2": rng.uniform(0.5, 1.5, size=d),
        "be2": rng.normal(size=d) * 0.3,
    }


def _case(rng, n, t, d, h, f, padded):
    mask = np.zeros((n, t), dtype=bool)
    if padded:
        for i in range(1, n):  # sample 0 keeps every token; the others lose 1 .. t-1 tokens at the end
            mask[i, t - 1 - (i - 1) % (t - 1) :] = True
    return {"x": rng.normal(size=(n, t, d)), "pad_mask": mask, "p": _params(rng, d, f), "h": h}


def _plain_inputs(rng) -> list[dict]:
    cases = [_case(rng, *spec, padded=False) for spec in PLAIN_SPECS]
    big = _case(rng, *BIG_SPEC, padded=False)
    big["x"] = big["x"] * 12.0  # scores reach ±1000 or more: exp without the row maximum overflows
    return [*cases, big]


def _pad_inputs(rng) -> list[dict]:
    return [_case(rng, *spec, padded=True) for spec in PAD_SPECS]


# ---- reference (and its wrong variants) ------------------------------------------------------
def _ln(z, g, be, ddof=0):
    mu = z.mean(axis=-1, keepdims=True)
    var = ((z - mu) ** 2).sum(axis=-1, keepdims=True) / (z.shape[-1] - ddof)
    return g * (z - mu) / np.sqrt(var + EPS) + be


def _mha(x, mask, p, h, scale="dk", axis=-1, use_mask=True, split="blocks"):
    n, t, d = x.shape
    dk = d // h
    q, k, v = x @ p["Wq"], x @ p["Wk"], x @ p["Wv"]
    out = np.empty((n, t, d))
    for i in range(n):
        heads = []
        for j in range(h):
            if split == "blocks":
                cols = slice(j * dk, (j + 1) * dk)
                qj, kj, vj = q[i][:, cols], k[i][:, cols], v[i][:, cols]
            else:  # reshape(N, h, T, d_k) without the transpose: head j takes rows of the flattened (T, D)
                qj, kj, vj = (z[i].reshape(h, t, dk)[j] for z in (q, k, v))
            s = qj @ kj.T
            s = s / {"dk": np.sqrt(dk), "d": np.sqrt(d), "none": 1.0}[scale]
            if use_mask:
                s = np.where(mask[i][None, :], -np.inf, s)
            s = s - s.max(axis=axis, keepdims=True)
            e = np.exp(s)
            a = e / e.sum(axis=axis, keepdims=True)
            heads.append(a @ vj)
        y = np.concatenate(heads, axis=1) if split == "blocks" else np.stack(heads).reshape(t, d)
        out[i] = y @ p["Wo"]
    return out


def _block(case, pre_ln=False, residual_attn=True, residual_ffn=True, relu=True, ddof=0, **mha):
    x, p = case["x"], case["p"]

    def attn(z):
        return _mha(z, case["pad_mask"], p, case["h"], **mha)

    def ffn(z):
        hidden = z @ p["W1"] + p["b1"]
        return (np.maximum(hidden, 0.0) if relu else hidden) @ p["W2"] + p["b2"]

    if pre_ln:
        x1 = x + attn(_ln(x, p["g1"], p["be1"], ddof))
        return x1 + ffn(_ln(x1, p["g2"], p["be2"], ddof))
    x1 = _ln((x if residual_attn else 0.0) + attn(x), p["g1"], p["be1"], ddof)
    return _ln((x1 if residual_ffn else 0.0) + ffn(x1), p["g2"], p["be2"], ddof)


def _run(learner, case) -> dict:
    return {"out": learner.encoder_block(case["x"], case["pad_mask"], case["p"], case["h"])}


def _v(name, ja, en, **kw):
    return Variant(name, lambda c: {"out": _block(c, **kw)}, ja=ja, en=en)


COMMON = (
    _v(
        "pre_ln",
        "LayerNorm をサブレイヤの前に置いています（Pre-LN: x + MHA(LN(x))）。この問題は元の論文の Post-LN で、"
        "残差を足してから正規化します: x1 = LN(x + MHA(x))、out = LN(x1 + FFN(x1))。",
        "LayerNorm comes before each sub-layer (pre-LN: x + MHA(LN(x))). This problem uses the original paper's "
        "post-LN, which normalises after adding the residual: x1 = LN(x + MHA(x)), out = LN(x1 + FFN(x1)).",
        pre_ln=True,
    ),
    _v(
        "no_residual_attn",
        "注意のサブレイヤに残差接続がありません。x1 = LN(x + MHA(x)) のように、入力 x を足してから正規化します。",
        "the attention sub-layer has no residual connection: add the input x before normalising, x1 = LN(x + MHA(x)).",
        residual_attn=False,
    ),
    _v(
        "no_residual_ffn",
        "FFN のサブレイヤに残差接続がありません。out = LN(x1 + FFN(x1)) のように、x1 を足してから正規化します。",
        "the FFN sub-layer has no residual connection: add x1 before normalising, out = LN(x1 + FFN(x1)).",
        residual_ffn=False,
    ),
    _v(
        "softmax_query_axis",
        "softmax をクエリの軸（(…, T, T) の最後から 2 番目の軸）でとっています。各クエリの重みがキーの上で和 1 に"
        "なるように、最後の軸（キーの軸）でとります。",
        "the softmax runs over the query axis (the second to last of (…, T, T)); each query's weights must sum to 1 "
        "over the keys, so take it over the last axis.",
        axis=-2,
    ),
    _v(
        "no_scale",
        "スコアを √d_k で割っていません。Scaled Dot-Product Attention は Q K^T / √d_k です。",
        "the scores are not divided by √d_k: scaled dot-product attention uses Q K^T / √d_k.",
        scale="none",
    ),
    _v(
        "scale_d_model",
        "スコアを √D（d_model）で割っています。割るのはヘッドごとの次元 d_k = D / h の平方根です。",
        "the scores are divided by √D (d_model); divide by the square root of the per-head size d_k = D / h.",
        scale="d",
    ),
    _v(
        "split_no_transpose",
        "ヘッドの分け方が違います。Q.reshape(N, h, T, d_k) では (T, D) の並びをそのまま切るので、ヘッドに別の位置の値が"
        "混ざります。Q.reshape(N, T, h, d_k).transpose(0, 2, 1, 3) として、列の連続したブロックを各ヘッドにします"
        "（戻すときも逆の順で）。",
        "the heads are split wrongly: Q.reshape(N, h, T, d_k) cuts the (T, D) layout as it lies, so a head mixes "
        "values of different positions. Use Q.reshape(N, T, h, d_k).transpose(0, 2, 1, 3), which gives each head a "
        "block of consecutive columns (and merge back in the reverse order).",
        split="flat",
    ),
    _v(
        "no_relu",
        "FFN の中間層に ReLU がありません。FFN(z) = max(0, z W1 + b1) W2 + b2 です。",
        "the FFN's inner layer has no ReLU: FFN(z) = max(0, z W1 + b1) W2 + b2.",
        relu=False,
    ),
    _v(
        "ln_unbiased",
        "LayerNorm の分散を（個数 − 1）で割っています。正規化層の分散は個数 D で割ります（np.var の既定の ddof=0）。",
        "LayerNorm's variance divides by (count − 1); normalisation layers divide by the count D (np.var's default ddof=0).",
        ddof=1,
    ),
)

PAD_VARIANTS = (
    _v(
        "mask_ignored",
        "パディングのマスクが効いていません。softmax の前に、pad_mask が True のキーの位置のスコアを −∞（または −1e9）に"
        "します: np.where(pad_mask[:, None, None, :], -np.inf, s)。",
        "the padding mask has no effect: before the softmax, set the scores of the keys where pad_mask is True to −inf "
        "(or −1e9): np.where(pad_mask[:, None, None, :], -np.inf, s).",
        use_mask=False,
    ),
    # a softmax over the query axis gives NaN here (a padding key's column is all −inf): no_padding names it
    *(v for v in COMMON if v.name != "softmax_query_axis"),
)

CHECKS = {
    "no_padding": Cases(inputs=_plain_inputs, run=_run, expected=lambda c: {"out": _block(c)}, variants=COMMON),
    "padding": Cases(inputs=_pad_inputs, run=_run, expected=lambda c: {"out": _block(c)}, variants=PAD_VARIANTS),
}
