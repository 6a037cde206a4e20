"""Hidden tests for `vit_patch_embedding`: ViT's input layer in book 1's layer style.

forward: x (N, C, H, W) -> patches (N, L, C·p·p) (grid row-major, each patch in (C, p, p) order)
-> patches @ W + b -> the CLS token prepended (token 0) -> + pos_embed (L+1, D).
backward(dout (N, L+1, D)) sets dW, db (patch tokens 1..L only), dcls (token 0, summed over the
batch) and dpos (summed over the batch).

H != W and H/p != W/p in every case and C > 1, so a patch flattened in (p, p, C) order, a grid taken
column by column and a plain reshape without the transpose all change the values.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SPECS = ((2, 3, 4, 6, 2, 5), (3, 2, 8, 4, 2, 6), (3, 3, 6, 9, 3, 4))  # (N, C, H, W, p, D)
GRADS = ("dW", "db", "dcls", "dpos")


def _params(rng, c, h, w, p, d) -> dict:
    L, K = (h // p) * (w // p), c * p * p
    return {
        "W": rng.normal(size=(K, d)),
        "b": rng.normal(size=d),
        "cls": rng.normal(size=d),
        "pos": rng.normal(size=(L + 1, d)),
        "p": p,
    }


def _inputs(rng) -> list[dict]:
    cases = []
    for n, c, h, w, p, d in SPECS:
        case = _params(rng, c, h, w, p, d)
        case["x"] = rng.normal(size=(n, c, h, w))
        case["dout"] = rng.normal(size=(n, (h // p) * (w // p) + 1, d))
        cases.append(case)
    return cases


def _patches(x, p, order="right"):
    """The patches (N, L, K) in the statement's order, or a known wrong one: 'ppc' (each patch flattened
    in (p, p, C) order), 'columns' (the grid taken column by column), 'reshape' (no transpose at all)."""
    N, C, H, W = x.shape
    if order == "reshape":
        return x.reshape(N, (H // p) * (W // p), C * p * p)
    g = x.reshape(N, C, H // p, p, W // p, p)
    axes = {"right": (0, 2, 4, 1, 3, 5), "ppc": (0, 2, 4, 3, 5, 1), "columns": (0, 4, 2, 1, 3, 5)}[order]
    return g.transpose(axes).reshape(N, (H // p) * (W // p), C * p * p)


def _tokens(c, x, order="right"):
    return _patches(x, c["p"], order) @ c["W"] + c["b"]


def _forward(c, x, order="right", cls="first", pos="after"):
    """The output, or a known wrong form: cls 'last' (appended); pos 'head' (pos[:L] added to the patch
    tokens before the CLS is prepended) or 'tail' (pos[1:] likewise), the CLS token then gets none."""
    tokens = _tokens(c, x, order)
    N, L, D = tokens.shape
    cls_rows = np.broadcast_to(c["cls"], (N, 1, D))
    if pos in ("head", "tail"):
        table = c["pos"][:L] if pos == "head" else c["pos"][1:]
        return np.concatenate([cls_rows, tokens + table], axis=1)
    parts = [cls_rows, tokens] if cls == "first" else [tokens, cls_rows]
    return np.concatenate(parts, axis=1) + c["pos"]


def _grads(c, x, dout, order="right", dcls="first", dpos="sum", db="patches", dW="patches") -> dict:
    """The gradients, or known wrong forms (see the variants)."""
    K, D = c["W"].shape
    P = _patches(x, c["p"], order)
    dtok = dout[:, :-1] if dW == "shifted" else dout[:, 1:]
    grads = {"dW": P.reshape(-1, K).T @ dtok.reshape(-1, D)}
    grads["db"] = {
        "patches": lambda: dout[:, 1:].sum(axis=(0, 1)),
        "all": lambda: dout.sum(axis=(0, 1)),
        "mean": lambda: dout[:, 1:].mean(axis=(0, 1)),
    }[db]()
    grads["dcls"] = {
        "first": lambda: dout[:, 0].sum(axis=0),
        "last": lambda: dout[:, -1].sum(axis=0),
        "second": lambda: dout[:, 1].sum(axis=0),
        "not_summed": lambda: dout[:, 0],
        "all": lambda: dout.sum(axis=(0, 1)),
    }[dcls]()
    grads["dpos"] = {"sum": lambda: dout.sum(axis=0), "mean": lambda: dout.mean(axis=0), "none": lambda: dout}[dpos]()
    return grads


def _layer(learner, c):
    return learner.PatchEmbedding(c["W"], c["b"], c["cls"], c["pos"], c["p"])


def _run_forward(learner, c) -> dict:
    return {"out": _layer(learner, c).forward(c["x"])}


def _run_backward(learner, c) -> dict:
    layer = _layer(learner, c)
    layer.forward(c["x"])
    layer.backward(c["dout"])
    return {g: getattr(layer, g, None) for g in GRADS}


def _loss(c) -> float:
    return float(np.sum(_forward(c, c["x"]) * c["dout"]))


PPC = dict(
    ja="各パッチを (p, p, C) の順（画素ごとにチャネルを並べる順）に平らにしています。この問題では (C, p, p) の順です: "
    "x.reshape(N, C, H/p, p, W/p, p).transpose(0, 2, 4, 1, 3, 5)（nn.Conv2d の重み (D, C, p, p) と同じ並び）。",
    en="each patch is flattened in (p, p, C) order (channels innermost); this problem uses (C, p, p): "
    "x.reshape(N, C, H/p, p, W/p, p).transpose(0, 2, 4, 1, 3, 5) (the layout of nn.Conv2d's weight (D, C, p, p)).",
)

FORWARD_VARIANTS = (
    Variant("ppc_order", lambda c: {"out": _forward(c, c["x"], order="ppc")}, **PPC),
    Variant(
        "grid_columns",
        lambda c: {"out": _forward(c, c["x"], order="columns")},
        ja="パッチの並びが列優先（上から下へ、次の列へ）になっています。行優先（左から右へ、次の行へ）に並べます: "
        "transpose の後の軸は (N, H/p, W/p, C, p, p) の順です。",
        en="the patches are taken column by column (top to bottom, then the next column): take them row by row "
        "(left to right, then the next row); after the transpose the axes are (N, H/p, W/p, C, p, p).",
    ),
    Variant(
        "reshape_only",
        lambda c: {"out": _forward(c, c["x"], order="reshape")},
        ja="x をそのまま (N, L, C·p·p) に reshape しています。これではパッチにならず、連続した画素の帯になります。"
        "reshape(N, C, H/p, p, W/p, p) で高さと幅を格子とパッチ内に分け、transpose(0, 2, 4, 1, 3, 5) してから "
        "reshape します。",
        en="x is reshaped straight to (N, L, C·p·p): that gives strips of consecutive pixels, not patches. Split "
        "the height and width into grid and in-patch axes with reshape(N, C, H/p, p, W/p, p), transpose(0, 2, 4, "
        "1, 3, 5), then reshape.",
    ),
    Variant(
        "cls_appended",
        lambda c: {"out": _forward(c, c["x"], cls="last")},
        ja="CLS トークンを末尾に付けています。CLS トークンは先頭（トークン 0）に置きます: "
        "np.concatenate([cls, tokens], axis=1)。",
        en="the CLS token is appended at the end: it goes first (token 0), np.concatenate([cls, tokens], axis=1).",
    ),
    Variant(
        "pos_before_cls_head",
        lambda c: {"out": _forward(c, c["x"], pos="head")},
        ja="位置埋め込みを CLS トークンを付ける前に足しています（パッチに pos_embed[:L]、CLS には何も足さない）。"
        "pos_embed (L+1, D) の行 0 は CLS トークン用です: CLS を先頭に付けてから (N, L+1, D) 全体に足します。",
        en="the position embeddings are added before the CLS token is prepended (pos_embed[:L] on the patches, "
        "nothing on the CLS): row 0 of pos_embed (L+1, D) belongs to the CLS token, so prepend the CLS first and "
        "then add it to the whole (N, L+1, D).",
    ),
    Variant(
        "pos_before_cls_tail",
        lambda c: {"out": _forward(c, c["x"], pos="tail")},
        ja="パッチには pos_embed[1:] が合っていますが、CLS トークンに pos_embed[0] が足されていません。CLS を先頭に"
        "付けてから (N, L+1, D) 全体に pos_embed を足します。",
        en="pos_embed[1:] on the patches is right, but the CLS token misses pos_embed[0]: prepend the CLS first and "
        "then add pos_embed to the whole (N, L+1, D).",
    ),
)

DPOS_SUM = dict(
    ja="dpos はバッチの軸で合計します: self.dpos = dout.sum(axis=0)（形状 (L+1, D)）。同じ位置埋め込みが N 枚すべての"
    "画像に足されるので、N 枚分の勾配が集まります。",
    en="dpos sums over the batch axis: self.dpos = dout.sum(axis=0), shape (L+1, D). The same position embeddings are "
    "added to all N images, so the gradients of the N images add up.",
)
DCLS_SUM = dict(
    ja="dcls はトークン 0 の勾配をバッチで合計したものです: self.dcls = dout[:, 0].sum(axis=0)（形状 (D,)）。",
    en="dcls is token 0's gradient summed over the batch: self.dcls = dout[:, 0].sum(axis=0), shape (D,).",
)

BACKWARD_VARIANTS = (
    Variant(
        "dcls_last_token",
        lambda c: _grads(c, c["x"], c["dout"], dcls="last"),
        ja="dcls を最後のトークンから取っています。CLS トークンは先頭（トークン 0）です: dout[:, 0].sum(axis=0)。",
        en="dcls is taken from the last token: the CLS token is token 0, dout[:, 0].sum(axis=0).",
    ),
    Variant(
        "dcls_second_token",
        lambda c: _grads(c, c["x"], c["dout"], dcls="second"),
        ja="dcls をトークン 1（最初のパッチ）から取っています。CLS トークンはトークン 0 です: dout[:, 0].sum(axis=0)。",
        en="dcls is taken from token 1 (the first patch): the CLS token is token 0, dout[:, 0].sum(axis=0).",
    ),
    Variant(
        "dcls_all_tokens",
        lambda c: _grads(c, c["x"], c["dout"], dcls="all"),
        ja="dcls をすべてのトークンで合計しています。CLS トークンが使われるのはトークン 0 だけです: dout[:, 0].sum(axis=0)。",
        en="dcls sums over all tokens: the CLS token is used at token 0 only, dout[:, 0].sum(axis=0).",
    ),
    Variant("dcls_not_summed", lambda c: _grads(c, c["x"], c["dout"], dcls="not_summed"), **DCLS_SUM),
    Variant("dpos_not_summed", lambda c: _grads(c, c["x"], c["dout"], dpos="none"), **DPOS_SUM),
    Variant("dpos_mean", lambda c: _grads(c, c["x"], c["dout"], dpos="mean"), **DPOS_SUM),
    Variant(
        "db_all_tokens",
        lambda c: _grads(c, c["x"], c["dout"], db="all"),
        ja="db に CLS トークン（トークン 0）の勾配も入っています。b はパッチのトークン 1〜L にだけ足されるので、"
        "db = dout[:, 1:].sum(axis=(0, 1)) です。",
        en="db includes the gradient of the CLS token (token 0): b is added to the patch tokens 1 to L only, so "
        "db = dout[:, 1:].sum(axis=(0, 1)).",
    ),
    Variant(
        "db_mean",
        lambda c: _grads(c, c["x"], c["dout"], db="mean"),
        ja="db が平均になっています。b はすべての画像のすべてのパッチに足されるので、合計です: "
        "dout[:, 1:].sum(axis=(0, 1))。",
        en="db is a mean: b is added to every patch of every image, so take the sum, dout[:, 1:].sum(axis=(0, 1)).",
    ),
    Variant(
        "dW_shifted",
        lambda c: _grads(c, c["x"], c["dout"], dW="shifted"),
        ja="dW をトークン 0〜L−1 の勾配で計算しています。パッチ l の射影はトークン l+1 にあるので、dout[:, 1:] を使います。",
        en="dW is computed from the gradients of tokens 0 to L−1: patch l's projection sits at token l+1, so use "
        "dout[:, 1:].",
    ),
    Variant("dW_ppc_order", lambda c: _grads(c, c["x"], c["dout"], order="ppc"), **PPC),
)

CHECKS = {
    "forward": Cases(
        inputs=_inputs, run=_run_forward, expected=lambda c: {"out": _forward(c, c["x"])}, variants=FORWARD_VARIANTS
    ),
    "backward": Cases(
        inputs=_inputs,
        run=_run_backward,
        expected=lambda c: _grads(c, c["x"], c["dout"]),
        variants=BACKWARD_VARIANTS,
    ),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_backward, loss=_loss, wrt={"dW": "W", "db": "b", "dcls": "cls", "dpos": "pos"}
    ),
}


# ---- one object, three calls (as in training) ---------------------------------------------------
# (batch sizes of the three calls on ONE layer, C, H, W, p, D): the second call has the first's batch
# size (state kept while the shape matches shows), the third another.
REUSE_SPECS = (((3, 3, 5), 3, 4, 6, 2, 5), ((2, 2, 4), 2, 8, 4, 2, 6), ((4, 4, 2), 3, 6, 9, 3, 4))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for ns, c, h, w, p, d in REUSE_SPECS:
        case = _params(rng, c, h, w, p, d)
        for k, n in zip(CALLS, ns):
            case[f"x{k}"] = rng.normal(size=(n, c, h, w))
            case[f"dout{k}"] = rng.normal(size=(n, (h // p) * (w // p) + 1, d))
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    layer = _layer(learner, c)
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(c[f"x{k}"]))
        layer.backward(c[f"dout{k}"])
        for g in GRADS:
            result[f"{g}{k}"] = _snapshot(getattr(layer, g, None))
    return result


def _reuse_expected(c, mode="right") -> dict:
    """Every call's outputs; `mode` 'stale' (backward uses the patches an earlier forward kept while the
    shape matched) or 'accumulated' (the gradients summed over the calls)."""
    result: dict = {}
    total: dict = {}
    for k, j in zip(CALLS, _kept_from(c)):
        x = c[f"x{j}"] if mode == "stale" else c[f"x{k}"]
        grads = _grads(c, x, c[f"dout{k}"])
        for g in GRADS:
            total[g] = total.get(g, 0.0) + grads[g]
            if mode == "accumulated":
                grads[g] = total[g]
        result[f"out{k}"] = _forward(c, c[f"x{k}"])
        result.update({f"{g}{k}": v for g, v in grads.items()})
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_patches",
        lambda c: _reuse_expected(c, "stale"),
        ja="dW が前の呼び出しのパッチで計算されています。学習では 1 つの層にミニバッチが次々に渡されるので、forward は"
        "呼ぶたびに今回の x から作ったパッチを保存し直します。",
        en="dW is computed from the patches of an earlier call: in training one layer sees every mini-batch, so every "
        "forward saves the patches of this call's x again.",
    ),
    Variant(
        "grads_accumulated",
        lambda c: _reuse_expected(c, "accumulated"),
        ja="dW・db・dcls・dpos が呼び出しのたびに足し込まれています（self.dW += ...）。backward は今回の dout だけから"
        "計算して上書きします（self.dW = ...）。",
        en="dW, db, dcls and dpos are added up over the calls (self.dW += ...): each backward overwrites them with values "
        "computed from this call's dout alone (self.dW = ...).",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
