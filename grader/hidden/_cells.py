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


# ---- one object over three calls, as in training ---------------------------------------------
# A model keeps one cell object and calls forward/backward on it for every mini-batch, so each
# backward must use its own call's cache and overwrite self.grads in place. (D, H, N of the three
# calls): N, D and H all differ and N changes at every call, as a last, smaller mini-batch does.
CALLS = (1, 2, 3)
REUSE_SHAPES = ((4, 5, (3, 6, 2)), (6, 3, (4, 2, 5)), (3, 4, (2, 6, 5)))
WEIGHTS = ("Wx", "Wh", "b")
ALL_RAN = "all_calls_ran"


def reuse_inputs(one_case):
    """inputs(rng) for the reuse check: one_case(rng, n, d, h) draws one call's case; the weights
    are the first call's, every other input gets the call's number (x1, dh_next2, ...)."""

    def inputs(rng) -> list[dict]:
        cases = []
        for d, h, batches in REUSE_SHAPES:
            case: dict = {}
            for k, n in zip(CALLS, batches):
                for key, value in one_case(rng, n, d, h).items():
                    if key in WEIGHTS:
                        case.setdefault(key, value)
                    else:
                        case[f"{key}{k}"] = value
            cases.append(case)
        return cases

    return inputs


def call_case(case: dict, k: int) -> dict:
    """Call k's inputs of a reuse case under the single-call names (x, h_prev, ..., Wx, Wh, b)."""
    one = {w: case[w] for w in WEIGHTS}
    one.update({key[:-1]: value for key, value in case.items() if key not in WEIGHTS and key[-1] == str(k)})
    return one


def per_call(case: dict, step) -> dict:
    """The outputs of the three calls, named 'name{k}': step(call case) gives one call's by name."""
    out: dict = {ALL_RAN: True}
    for k in CALLS:
        out.update({f"{name}{k}": value for name, value in step(call_case(case, k)).items()})
    return out


def _accumulated(out: dict) -> dict:
    out = dict(out)
    for name in GRADS:
        total = 0
        for k in CALLS:
            total = total + out[f"{name}{k}"]
            out[f"{name}{k}"] = total
    return out


def _per_call_variant(step, parts: list) -> Variant:
    """A single-call variant (its forward and backward parts merged over the right call) on every call."""

    def one(case):
        return {**step(case), **{k: v for p in parts for k, v in p.expected(case).items()}}

    return Variant(parts[0].name, lambda c: per_call(c, one), ja=parts[0].ja, en=parts[0].en)


def reuse_variants(step, *variant_lists) -> tuple:
    """The reuse check's variants: the state mistakes, then each single-call variant (forward and
    backward ones of the same name merged) made on every call. step(call case) is the right call."""
    names = dict.fromkeys(v.name for vs in variant_lists for v in vs if v.name != GRADS_REBOUND.name)
    return (
        Variant("grads_accumulated", lambda c: _accumulated(per_call(c, step)), **ACCUMULATED),
        Variant(
            GRADS_REBOUND.name,
            lambda c: {**per_call(c, step), **{f"grads_in_place{k}": False for k in CALLS}},
            ja=GRADS_REBOUND.ja,
            en=GRADS_REBOUND.en,
        ),
        Variant("stale_cache", lambda c: {ALL_RAN: False}, **STALE_CACHE),
    ) + tuple(_per_call_variant(step, [v for vs in variant_lists for v in vs if v.name == n]) for n in names)


ACCUMULATED = dict(
    ja="self.grads に勾配を足し込んでいます（self.grads[0] += dWx）。学習では同じレイヤの backward をミニバッチごとに"
    "呼ぶので、足し込むと前の呼び出しの勾配が残って 2 回目から値がずれます。毎回 self.grads[0][...] = dWx と"
    "上書きしてください（1 回だけ呼ぶと値が同じなので気づきにくい誤りです）。",
    en="the gradients are accumulated into self.grads (self.grads[0] += dWx). In training the same layer's backward "
    "runs for every mini-batch, so adding keeps the earlier calls' gradients and the values go wrong from the second "
    "call on. Overwrite them each time: self.grads[0][...] = dWx (a single call gives the same values, which hides it).",
)
STALE_CACHE = dict(
    ja="同じオブジェクトの 2 回目以降の呼び出し（バッチ数 N が変わったとき）で例外が出ました（出力欄に表示しています）。"
    "backward が前の呼び出しの self.cache（x, h_prev など）を使っていませんか。forward は呼ぶたびに self.cache を"
    "その呼び出しの値で上書きし、backward はそれを使います（最初の forward のときだけ保存するのは誤りです）。",
    en="a later call on the same object (with a different batch size N) raised an exception (shown in the output). Does "
    "backward use an earlier call's self.cache (x, h_prev, ...)? Every forward must overwrite self.cache with this "
    "call's values and backward must use those (saving the cache on the first forward only is wrong).",
)


def _copy(value):
    import numpy as np

    return np.array(value, copy=True) if isinstance(value, np.ndarray) else value


def _reuse(cls: str, states: tuple, learner, case) -> dict:
    import numpy as np

    from grader.sandbox.source import learner_frames

    layer = getattr(learner, cls)(case["Wx"], case["Wh"], case["b"])
    kept = list(layer.grads)
    names = ("dx",) + tuple(f"d{s}_prev" for s in states)
    out: dict = {ALL_RAN: True}
    for k in CALLS:
        one = call_case(case, k)
        try:
            forward = layer.forward(one["x"], *(one[f"{s}_prev"] for s in states))
            back = layer.backward(*(one[f"d{s}_next"] for s in states))
        except Exception as exc:
            if k == 1:
                raise
            n = np.shape(one["x"])[0]
            print(f"[{k} 回目の呼び出し / call {k}, N = {n}]\n{learner_frames(exc, learner.__file__)}")
            out[ALL_RAN] = False
            break
        grads = list(getattr(layer, "grads", [None] * 3)) + [None] * 3
        step = {
            **dict(zip((f"{s}_next" for s in states), _split(forward, len(states)))),
            **dict(zip(names, _split(back, len(names)))),
            **dict(zip(GRADS, grads)),
            "grads_in_place": all(g is kept_g for g, kept_g in zip(grads, kept)),
        }
        out.update({f"{name}{k}": _copy(value) for name, value in step.items()})
    return out


def reuse_run(cls: str, states: tuple = ("h",)):
    """The learner run of the reuse check: one `cls` object, forward and backward on each call's inputs."""
    return partial(_reuse, cls, states)
