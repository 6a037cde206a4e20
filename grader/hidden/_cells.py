"""What the book-2 cell problems (RNN, LSTM, GRU) share: the learner runs of a cell built as
Cell(Wx, Wh, b) with forward(x, *states) and backward(*d_states), its grads read by position, the
in-place check of book 2's grads list, and the diagnosis of grads that were replaced.
"""

from __future__ import annotations

from functools import partial

from grader.checks.base import Variant

GRADS = ("dWx", "dWh", "db")

GRADS_REBOUND = Variant(
    "grads_rebound",
    lambda c: {"grads_in_place": False},
    ja="勾配の値は合っていますが、self.grads の配列を差し替えています（self.grads[0] = dWx）。2 巻では "
    "最適化器やモデルが __init__ で作った同じ配列を持っているので、self.grads[0][...] = dWx のように"
    "その場で書き込んでください。",
    en="the gradient values are right but the self.grads arrays were replaced (self.grads[0] = dWx). In "
    "book 2 the model and the optimizer hold the arrays made in __init__, so write into them in "
    "place: self.grads[0][...] = dWx.",
)


def _split(value, n: int) -> tuple:
    """A returned tuple of n values as it is; anything else as the first value, the rest None."""
    if n == 1:
        return (value,)
    if isinstance(value, (tuple, list)) and len(value) == n:
        return tuple(value)
    return (value,) + (None,) * (n - 1)


def _forward(cls: str, states: tuple, learner, case) -> dict:
    layer = getattr(learner, cls)(case["Wx"], case["Wh"], case["b"])
    out = layer.forward(case["x"], *(case[f"{s}_prev"] for s in states))
    return dict(zip((f"{s}_next" for s in states), _split(out, len(states))))


def _backward(cls: str, states: tuple, learner, case) -> dict:
    layer = getattr(learner, cls)(case["Wx"], case["Wh"], case["b"])
    kept = list(layer.grads)
    layer.forward(case["x"], *(case[f"{s}_prev"] for s in states))
    back = layer.backward(*(case[f"d{s}_next"] for s in states))
    names = ("dx",) + tuple(f"d{s}_prev" for s in states)
    grads = list(getattr(layer, "grads", [None] * 3)) + [None] * 3
    return {
        **dict(zip(names, _split(back, len(names)))),
        **dict(zip(GRADS, grads)),
        "grads_in_place": all(g is k for g, k in zip(grads, kept)),
    }


def _gradients(cls: str, states: tuple, learner, case) -> dict:
    out = _backward(cls, states, learner, case)
    return {k: v for k, v in out.items() if k != "grads_in_place"}


def runs(cls: str, states: tuple = ("h",)):
    """(forward run, backward run, gradcheck run) of cell class `cls` whose states are `states`."""
    return partial(_forward, cls, states), partial(_backward, cls, states), partial(_gradients, cls, states)
