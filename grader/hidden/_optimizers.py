"""What the book-1 optimizer problems share: cases of several update() calls on dicts of non-square
arrays, a learner run that records params after every update, and the in-place check.

Each optimizer's module supplies its reference (and known wrong) simulation and its variants.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def make_cases(rng, spec, grad=None, small=()) -> list[dict]:
    """spec: ((key, shape) pairs, constructor kwargs, number of updates) per case. The gradients of the
    keys in `small` are scaled to about 1e-4 (so an epsilon's place and value show in the result)."""
    base = grad or (lambda rng, shape: rng.normal(size=shape))

    def draw_grad(rng, key, shape):
        g = base(rng, shape)
        return g * 1e-4 if key in small else g

    cases = []
    for shapes, kwargs, steps in spec:
        case = {key: rng.normal(size=shape) for key, shape in shapes}
        case["_keys"] = [key for key, _ in shapes]
        case["_kwargs"] = dict(kwargs)
        case["_grads"] = [{key: draw_grad(rng, key, shape) for key, shape in shapes} for _ in range(steps)]
        cases.append(case)
    return cases


def output_name(key, step) -> str:
    return f"params['{key}'] after update {step}"


def _snapshot(value):
    return value.copy() if isinstance(value, np.ndarray) else value


def run(class_name, learner, case) -> dict:
    """One learner optimizer object, updated once per grads dict; params recorded after every update."""
    params = {k: case[k] for k in case["_keys"]}
    opt = getattr(learner, class_name)(**case["_kwargs"])
    out = {}
    for step, grads in enumerate(case["_grads"], 1):
        opt.update(params, {k: v.copy() for k, v in grads.items()})
        for k in case["_keys"]:
            out[output_name(k, step)] = _snapshot(params.get(k))
    return out


def run_in_place(class_name, learner, case) -> dict:
    """True when the dict keeps the caller's arrays and every update changes them."""
    originals = {k: case[k] for k in case["_keys"]}
    params = dict(originals)
    opt = getattr(learner, class_name)(**case["_kwargs"])
    ok = True
    for grads in case["_grads"]:
        before = {k: v.copy() for k, v in originals.items()}
        opt.update(params, {k: v.copy() for k, v in grads.items()})
        for k in case["_keys"]:
            if params.get(k) is not originals[k] or np.array_equal(originals[k], before[k]):
                ok = False
    return {"in_place": ok}


def per_key(step, defaults: dict):
    """simulate(case, mode) for an optimizer that updates each key on its own: step(state, key, p, g,
    hp, mode) -> the new p, with `state` kept across keys and updates, hp the defaults overridden by
    the case's constructor kwargs."""

    def simulate(case, mode="right") -> dict:
        hp = {**defaults, **case["_kwargs"]}
        params = {k: case[k].copy() for k in case["_keys"]}
        state, out = {}, {}
        for number, grads in enumerate(case["_grads"], 1):
            for k in case["_keys"]:
                params[k] = step(state, k, params[k], grads[k], hp, mode)
                out[output_name(k, number)] = params[k].copy()
        return out

    return simulate


def wrong(simulate, mode):
    """The expected outputs of a known wrong variant (overflow in a wrong variant is expected)."""

    def expected(case):
        with np.errstate(all="ignore"):
            return simulate(case, mode)

    return expected


IN_PLACE_VARIANT = Variant(
    "rebound",
    lambda c: {"in_place": False},
    ja="呼び出し側の配列が更新されていません。params[key] = params[key] - ... は新しい配列を作って辞書の中身を"
    "差し替えるだけで、元の配列（1 巻のネットワークではレイヤが同じ配列を共有しています）は変わりません。"
    "params[key] -= ... のようにその場で（in place）更新してください。",
    en="the caller's arrays were not updated: params[key] = params[key] - ... makes a new array and only "
    "rebinds the dict entry, so the original array (which book 1's layers share with the network) stays "
    "the same. Update in place: params[key] -= ...",
)


def checks(class_name, simulate, variants, update, default, in_place, grad=None, small=(), **tolerances) -> dict:
    """The three checks of an optimizer problem: update (given kwargs), defaults, in_place."""
    run_it = partial(run, class_name)

    def cases(spec):
        return lambda rng: make_cases(rng, spec, grad, small)

    return {
        "update": Cases(inputs=cases(update), run=run_it, expected=simulate, variants=variants, **tolerances),
        "defaults": Cases(inputs=cases(default), run=run_it, expected=simulate, variants=variants, **tolerances),
        "in_place": Cases(
            inputs=cases(in_place),
            run=partial(run_in_place, class_name),
            expected=lambda c: {"in_place": True},
            variants=(IN_PLACE_VARIANT,),
        ),
    }
