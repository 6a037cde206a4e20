"""Hidden tests for `positional_encoding`: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...).

T != d in every case; pos runs from 0. The known mistakes (sin/cos swapped, exponent i/d, the column
index j instead of 2i in the exponent, positions from 1, the halves concatenated instead of interleaved)
are diagnosed, and so is a float32 array (the statement asks for float64; float32 values may well lie
within the tolerance, so the dtype is an output of its own, judged before the values).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SIZES = ((7, 6), (50, 16), (3, 10), (12, 4))


def _ref(T, d, *, swap=False, expo="2i", start=0, layout="interleave"):
    pos = np.arange(start, start + T)[:, None].astype(np.float64)
    i = np.arange(d // 2)[None, :]
    if expo == "2i":
        angle = pos / 10000.0 ** (2 * i / d)
    elif expo == "i":
        angle = pos / 10000.0 ** (i / d)
    first, second = (np.cos, np.sin) if swap else (np.sin, np.cos)
    pe = np.zeros((T, d))
    if expo == "col":  # exponent j/d with j the column index itself
        j = np.arange(d)[None, :]
        ang = pos / 10000.0 ** (j / d)
        pe[:, 0::2] = first(ang[:, 0::2])
        pe[:, 1::2] = second(ang[:, 1::2])
        return pe
    if layout == "interleave":
        pe[:, 0::2] = first(angle)
        pe[:, 1::2] = second(angle)
    else:
        pe[:, : d // 2] = first(angle)
        pe[:, d // 2 :] = second(angle)
    return pe


def _inputs(rng) -> list[dict]:
    return [{"T": t, "d": d} for t, d in SIZES]


IS_FLOAT64 = "PE.dtype is float64"


def _run(learner, case) -> dict:
    pe = learner.positional_encoding(case["T"], case["d"])
    narrower = isinstance(pe, np.ndarray) and pe.dtype.kind == "f" and pe.dtype != np.float64
    return {IS_FLOAT64: not narrower, "PE": pe}  # not an array, or integers: "PE" itself says so


def _expected(case) -> dict:
    return {IS_FLOAT64: True, "PE": _ref(case["T"], case["d"])}


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: {"PE": _ref(c["T"], c["d"], **kw)}, ja=ja, en=en)


VARIANTS = (
    Variant(
        "float32",
        lambda c: {IS_FLOAT64: False},
        ja="PE の dtype が float32（float64 より狭い浮動小数点数）です。問題文は float64 の配列を求めています。"
        "np.zeros((T, d)) の既定の float64 のまま作り、dtype=np.float32 や astype(np.float32) は使わないでください。",
        en="PE's dtype is float32 (a float narrower than float64): the statement asks for a float64 array. "
        "Build it with np.zeros((T, d))'s default float64, without dtype=np.float32 or astype(np.float32).",
    ),
    V_(
        "swapped",
        swap=True,
        ja="sin と cos が逆です。偶数番目の次元 2i が sin、奇数番目の次元 2i+1 が cos です（PE[0] = [0, 1, 0, 1, ...]）。",
        en="sin and cos are swapped: the even dimensions 2i get sin, the odd ones 2i+1 get cos "
        "(PE[0] = [0, 1, 0, 1, ...]).",
    ),
    V_(
        "exponent_i",
        expo="i",
        ja="指数が i/d になっています。10000^(2i/d) です（i は sin と cos の組の番号 0 .. d/2-1）。",
        en="the exponent is i/d: it is 10000^(2i/d), with i the index of the sin/cos pair (0 .. d/2-1).",
    ),
    V_(
        "exponent_column",
        expo="col",
        ja="指数に列番号 j をそのまま使っています（j/d）。sin と cos の組 (2i, 2i+1) は同じ周波数 10000^(2i/d) を"
        "共有するので、奇数列も 2i = j - 1 を使います。",
        en="the exponent uses the column index j itself (j/d): the pair (2i, 2i+1) shares one frequency "
        "10000^(2i/d), so an odd column uses 2i = j - 1.",
    ),
    V_(
        "pos_from_1",
        start=1,
        ja="位置が 1 から始まっています。pos = 0, 1, ..., T-1 です（np.arange(T)）。",
        en="the positions start at 1: pos = 0, 1, ..., T-1 (np.arange(T)).",
    ),
    V_(
        "concatenated",
        layout="concat",
        ja="前半に sin、後半に cos を並べています。この問題（論文の式）では交互です: 偶数列 PE[:, 0::2] が sin、"
        "奇数列 PE[:, 1::2] が cos。",
        en="sin fills the first half and cos the second: in this problem (the paper's formula) they alternate: "
        "even columns PE[:, 0::2] get sin, odd columns PE[:, 1::2] get cos.",
    ),
)

CHECKS = {
    "values": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
}
