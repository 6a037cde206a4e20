"""Hidden tests for `bidirectional_rnn`: forward-only bidirectional tanh RNN, outputs (N, T, 2H).

hs[:, t, :H] is the forward RNN's state after xs[:, 0..t]; hs[:, t, H:] the backward RNN's state
after xs[:, T-1..t] (it runs on the time-reversed input and its outputs are reversed back).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, T, D, H): all different, batch >= 2, T >= 4 so a time reversal shows.
SHAPES = ((3, 5, 4, 2), (2, 4, 3, 5), (4, 6, 2, 3))
WEIGHTS = ("Wx_f", "Wh_f", "b_f", "Wx_b", "Wh_b", "b_b")


def _inputs(rng) -> list[dict]:
    cases = []
    for n, t, d, h in SHAPES:
        case = {"xs": rng.normal(size=(n, t, d))}
        for side in ("f", "b"):
            case[f"Wx_{side}"] = rng.normal(scale=0.7, size=(d, h))
            case[f"Wh_{side}"] = rng.normal(scale=0.7, size=(h, h))
            case[f"b_{side}"] = rng.normal(scale=0.5, size=h)
        cases.append(case)
    return cases


def _time_rnn(xs, Wx, Wh, b):
    n, T, _ = xs.shape
    h = np.zeros((n, Wh.shape[0]))
    out = []
    for t in range(T):
        h = np.tanh(h @ Wh + xs[:, t] @ Wx + b)
        out.append(h)
    return np.stack(out, axis=1)


def _bi(case, *, rereverse=True, swap=False, reverse_input=True, same_weights=False) -> dict:
    """The reference, with one knob per known mistake (defaults give the right hs)."""
    xs = case["xs"]
    fwd = _time_rnn(xs, case["Wx_f"], case["Wh_f"], case["b_f"])
    wb = (case["Wx_f"], case["Wh_f"], case["b_f"]) if same_weights else (case["Wx_b"], case["Wh_b"], case["b_b"])
    back = _time_rnn(xs[:, ::-1] if reverse_input else xs, *wb)
    if reverse_input and rereverse:
        back = back[:, ::-1]
    parts = (back, fwd) if swap else (fwd, back)
    return {"hs": np.concatenate(parts, axis=2)}


def _run(learner, case) -> dict:
    return {"hs": learner.bidirectional_rnn(case["xs"], *(case[k] for k in WEIGHTS))}


VARIANTS = (
    Variant(
        "not_rereversed",
        lambda c: _bi(c, rereverse=False),
        ja="逆方向の出力を時間の順に戻していません。逆順の入力 xs[:, ::-1] で回した結果の k 番目は、元の時刻 "
        "T−1−k の状態です。連結する前に [:, ::-1] でもう一度逆順にして、時刻 t 同士を並べてください。",
        en="the backward direction's outputs were not put back in time order: the k-th output of the run on "
        "xs[:, ::-1] belongs to time T−1−k. Reverse it again with [:, ::-1] before concatenating, so that "
        "the two halves of hs[:, t] are both about time t.",
    ),
    Variant(
        "swapped_concat",
        lambda c: _bi(c, swap=True),
        ja="連結の順番が逆です。この問題では hs[:, t, :H] が順方向、hs[:, t, H:] が逆方向です: "
        "np.concatenate((順方向, 逆方向), axis=2)。",
        en="the halves are concatenated in the wrong order: here hs[:, t, :H] is the forward direction and "
        "hs[:, t, H:] the backward one: np.concatenate((forward, backward), axis=2).",
    ),
    Variant(
        "input_not_reversed",
        lambda c: _bi(c, reverse_input=False),
        ja="逆方向の RNN が入力を元の時間の順に読んでいます（それではもう 1 つの順方向 RNN です）。"
        "時間は 2 番目の軸なので、逆順の入力は xs[:, ::-1] です（xs[::-1] はバッチの軸 N を逆にするだけで、"
        "各系列の中の順番は変わりません）。出力は [:, ::-1] で時刻の順に戻します。",
        en="the backward RNN read the input in the original time order (that is just a second forward RNN). "
        "Time is the second axis, so the reversed input is xs[:, ::-1] (xs[::-1] only reverses the batch "
        "axis N and leaves each sequence in order). Put the outputs back with [:, ::-1].",
    ),
    Variant(
        "forward_weights_twice",
        lambda c: _bi(c, same_weights=True),
        ja="逆方向にも順方向の重み (Wx_f, Wh_f, b_f) を使っています。逆方向は Wx_b, Wh_b, b_b です。",
        en="the backward direction uses the forward weights (Wx_f, Wh_f, b_f); it has its own Wx_b, Wh_b, b_b.",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run, expected=_bi, variants=VARIANTS),
}
