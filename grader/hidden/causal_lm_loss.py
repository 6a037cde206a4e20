"""Hidden tests for `causal_lm_loss` and `causal_mask`.

causal_mask(T): 0.0 where key j <= query i, -inf where j > i (T = 1 included).
causal_lm_loss: position t predicts ids[:, t+1]; targets with pad[:, t+1] are left out; loss = mean CE over
the valid targets, perplexity = exp(loss), dlogits = (softmax - onehot) / count at the predicting positions,
0 at the last position and wherever the target is padding. Row 0 is never padded, the other rows are padded
to different lengths (so a mean per sequence differs from the mean per token, and a mean over pads shows).
The "stable" cases spread each row's logits over more than 709 around 1000: exp overflows without the max,
and log(softmax) reaches log(0) where a log-softmax does not.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._softmax import log_softmax as _log_softmax

SETTINGS = ((3, 6, 7), (2, 9, 5), (4, 5, 11))  # N, T, V


def _case(rng, N, T, V, scale=2.0, offset=0.0) -> dict:
    ids = rng.integers(1, V, size=(N, T))
    pad = np.zeros((N, T), dtype=bool)
    for n in range(1, N):
        L = int(rng.integers(2, T - 1))  # at least 2 real tokens, at least 2 pads
        pad[n, L:] = True
        ids[n, L:] = 0
    logits = rng.normal(size=(N, T, V)) * scale + offset
    return {"logits": logits, "ids": ids, "pad": pad}


def _inputs(rng) -> list[dict]:
    return [_case(rng, *s) for s in SETTINGS]


def _big(rng) -> list[dict]:
    return [_case(rng, *s, scale=300.0, offset=1000.0) for s in SETTINGS[:2]]


def _ref(c, *, shift="right", pads="out", mean="token", ppl="exp_mean", grad_sign=1.0, grad_scale=1.0) -> dict:
    logits, ids, pad = c["logits"], c["ids"], c["pad"]
    N = ids.shape[0]
    if shift == "right":
        z, tgt, valid, where = logits[:, :-1], ids[:, 1:], ~pad[:, 1:], slice(0, -1)
    elif shift == "none":
        z, tgt, valid, where = logits, ids, ~pad, slice(None)
    else:  # position t predicts ids[:, t-1]
        z, tgt, valid, where = logits[:, 1:], ids[:, :-1], ~pad[:, 1:], slice(1, None)
    if pads == "in":
        valid = np.ones_like(valid)
    log_p = _log_softmax(z)
    ce = -np.take_along_axis(log_p, tgt[..., None], axis=-1)[..., 0]
    if mean == "token":
        w = valid / np.sum(valid)
    elif mean == "sequence":
        w = valid / (np.sum(valid, axis=1, keepdims=True) * N)
    else:  # divided by the batch size
        w = valid / N
    loss = float(np.sum(w * ce))
    perplexity = float(np.exp(loss)) if ppl == "exp_mean" else float(np.sum(w * np.exp(ce)))
    dz = np.exp(log_p)
    np.put_along_axis(dz, tgt[..., None], np.take_along_axis(dz, tgt[..., None], axis=-1) - 1.0, axis=-1)
    dlogits = np.zeros_like(logits)
    dlogits[:, where] = grad_sign * grad_scale * dz * w[..., None]
    return {"loss": loss, "perplexity": perplexity, "dlogits": dlogits}


def _loss(c) -> float:
    return _ref(c)["loss"]


def _run(learner, c) -> dict:
    res = learner.causal_lm_loss(c["logits"], c["ids"], c["pad"])
    loss, ppl, d = res if isinstance(res, tuple) and len(res) == 3 else (res, None, None)
    return {"loss": loss, "perplexity": ppl, "dlogits": d}


def _run_grad(learner, c) -> dict:
    return {"dlogits": _run(learner, c)["dlogits"]}


def V_(name, keys, ja, en, **kw):
    return Variant(name, lambda c: {k: v for k, v in _ref(c, **kw).items() if k in keys}, ja=ja, en=en)


ALL = ("loss", "perplexity", "dlogits")
VARIANTS = (
    V_(
        "no_shift",
        ALL,
        ja="目標をずらしていません（位置 t が ids[:, t] 自身を当てています）。位置 t の出力は次のトークン "
        "ids[:, t+1] を予測するので、logits[:, :-1] と ids[:, 1:] を組にします。",
        en="the targets are not shifted (position t predicts ids[:, t] itself): the output at position t predicts "
        "the next token ids[:, t+1], so pair logits[:, :-1] with ids[:, 1:].",
        shift="none",
    ),
    V_(
        "shift_backward",
        ALL,
        ja="ずらす向きが逆です（位置 t が前のトークン ids[:, t-1] を当てています）。logits[:, :-1] と ids[:, 1:] を"
        "組にします。",
        en="the shift goes the wrong way (position t predicts the previous token ids[:, t-1]): pair "
        "logits[:, :-1] with ids[:, 1:].",
        shift="backward",
    ),
    V_(
        "pads_included",
        ALL,
        ja="パディングの目標も平均に入れています。pad[:, t+1] が True の目標は除き、有効な目標の数で割ります。",
        en="the padding targets are averaged in: leave out the targets with pad[:, t+1] True and divide by the "
        "number of valid targets.",
        pads="in",
    ),
    V_(
        "mean_per_sequence",
        ALL,
        ja="系列ごとの平均をさらにバッチで平均しています。長さの違う系列が混ざると値が変わります。"
        "有効な目標すべてについての平均（合計 ÷ 有効な目標の数）にします。",
        en="the loss is a mean of per-sequence means, which differs when the sequences have different lengths: "
        "take the mean over all valid targets (their sum divided by their number).",
        mean="sequence",
    ),
    V_(
        "divided_by_batch",
        ALL,
        ja="バッチ数 N で割っています。有効な目標（トークン）の数で割ります。",
        en="the sum is divided by the batch size N: divide by the number of valid targets (tokens).",
        mean="batch",
    ),
    V_(
        "perplexity_mean_of_exp",
        ("perplexity",),
        ja="トークンごとの exp(交差エントロピー) を平均しています。パープレキシティは平均の交差エントロピーの "
        "exp です: exp(loss)。",
        en="you averaged exp(cross entropy) over the tokens: the perplexity is the exp of the mean cross entropy, "
        "exp(loss).",
        ppl="mean_of_exp",
    ),
    V_(
        "grad_sign",
        ("dlogits",),
        ja="勾配の符号が逆です: (softmax − onehot) / 有効な目標の数。",
        en="the gradient has the wrong sign: (softmax − onehot) / the number of valid targets.",
        grad_sign=-1.0,
    ),
)


def _grad_unscaled(c) -> dict:
    count = float(np.sum(~c["pad"][:, 1:]))
    return {"dlogits": _ref(c, grad_scale=count)["dlogits"]}


GRAD_VARIANTS = (
    *VARIANTS,
    Variant(
        "grad_no_count",
        _grad_unscaled,
        ja="勾配を有効な目標の数で割っていません。loss は平均なので、勾配も (softmax − onehot) / 有効な目標の数 です。",
        en="the gradient is not divided by the number of valid targets: the loss is a mean, so the gradient is "
        "(softmax − onehot) / the number of valid targets.",
    ),
)


def _mask_inputs(rng) -> list[dict]:
    return [{"T": T} for T in (4, 1, 7)]


def _mask(T, *, k=1, lower=False, as_bool=None):
    if as_bool == "allowed":
        return np.tril(np.ones((T, T), dtype=bool))
    if as_bool == "blocked":
        return np.triu(np.ones((T, T), dtype=bool), k=1)
    blocked = np.tril(np.ones((T, T), dtype=bool), k=-1) if lower else np.triu(np.ones((T, T), dtype=bool), k=k)
    return np.where(blocked, -np.inf, 0.0)


def M_(name, ja, en, **kw):
    return Variant(name, lambda c: {"mask": _mask(c["T"], **kw)}, ja=ja, en=en)


MASK_VARIANTS = (
    M_(
        "transposed",
        ja="マスクが転置されています（過去が −inf で、未来が見えています）。行 i が query、列 j が key で、"
        "j > i（対角より上）を −inf にします: np.triu(..., k=1)。",
        en="the mask is transposed (the past is −inf and the future is visible): row i is the query, column j the "
        "key, and j > i (above the diagonal) is −inf: np.triu(..., k=1).",
        lower=True,
    ),
    M_(
        "diagonal_masked",
        ja="対角も −inf にしています。各位置は自分自身（j = i）には注意を向けられます。−inf にするのは j > i だけです"
        "（np.triu の k=1）。",
        en="the diagonal is −inf too: each position may attend to itself (j = i); only j > i is −inf (k=1 in np.triu).",
        k=0,
    ),
    M_(
        "bool_allowed",
        ja="見てよい位置を True とする bool の配列です。この問題はスコアに足す加算マスク（float、許す位置 0.0、"
        "未来 −inf）を返します: np.where(np.triu(np.ones((T, T), dtype=bool), k=1), -np.inf, 0.0)。",
        en="that is a bool array with True where attending is allowed: this problem returns the additive mask that is "
        "added to the scores (float, 0.0 where allowed, −inf in the future): "
        "np.where(np.triu(np.ones((T, T), dtype=bool), k=1), -np.inf, 0.0).",
        as_bool="allowed",
    ),
    M_(
        "bool_blocked",
        ja="隠す位置を True とする bool の配列です（torch.nn.MultiheadAttention の bool の attn_mask の形）。"
        "この問題は加算マスク（float、許す位置 0.0、未来 −inf）を返します。",
        en="that is a bool array with True where attending is blocked (the bool attn_mask of "
        "torch.nn.MultiheadAttention): this problem returns the additive float mask, 0.0 where allowed and −inf "
        "in the future.",
        as_bool="blocked",
    ),
)

CHECKS = {
    "mask": Cases(
        inputs=_mask_inputs,
        run=lambda learner, c: {"mask": learner.causal_mask(c["T"])},
        expected=lambda c: {"mask": _mask(c["T"])},
        variants=MASK_VARIANTS,
    ),
    "loss": Cases(inputs=_inputs, run=_run, expected=lambda c: {"loss": _loss(c)}, variants=VARIANTS),
    "perplexity": Cases(
        inputs=_inputs, run=_run, expected=lambda c: {"perplexity": _ref(c)["perplexity"]}, variants=VARIANTS
    ),
    "gradient": Cases(
        inputs=_inputs, run=_run_grad, expected=lambda c: {"dlogits": _ref(c)["dlogits"]}, variants=GRAD_VARIANTS
    ),
    "gradcheck": GradCheck(inputs=_inputs, run=_run_grad, loss=_loss, wrt={"dlogits": "logits"}),
    "stable": Cases(inputs=_big, run=_run, expected=_ref),
}
