"""The `gradcheck` kind: analytic gradients against central differences of the reference loss."""

from __future__ import annotations

import numpy as np
import pytest
from grader.checks import kind
from grader.checks.gradcheck import GradCheck, numerical_gradient, relative_error
from grader.checks.schema import ParamError

GRADCHECK = kind("gradcheck")


def _inputs(rng):
    return [
        {"x": rng.standard_normal((3, 2)), "w": rng.standard_normal((2, 4))},
        {"x": rng.standard_normal((5, 2)), "w": rng.standard_normal((2, 4))},
    ]


# loss = sum(tanh(x @ w)): dL/dw = x.T @ (1 - tanh(x @ w)^2)
CHECK = GradCheck(
    inputs=_inputs,
    run=lambda learner, case: learner(case["x"], case["w"]),
    loss=lambda case: float(np.tanh(case["x"] @ case["w"]).sum()),
    wrt={"dw": "w"},
)


def right(x, w):
    return {"dw": x.T @ (1 - np.tanh(x @ w) ** 2)}


def judge(learner, lang="en", params=None):
    cases = CHECK.draw(np.random.default_rng(1))
    return CHECK.judge(cases, CHECK.reference(cases), CHECK.probe(learner, cases), lang, params)


def test_the_numerical_gradient_is_central_differences_and_leaves_the_input_as_it_was():
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    before = x.copy()
    grad = numerical_gradient(lambda: float(np.sum(x**3)), x)
    assert relative_error(grad, 3 * before**2) < 1e-7
    assert np.array_equal(x, before)


def test_right_gradients_pass_with_their_worst_error():
    verdict = judge(right)
    assert verdict.status == "pass"
    assert verdict.message.startswith("relative error dw ") and verdict.message.endswith(" (below 1e-06)")
    assert judge(right, "ja").message.endswith("（基準 1e-06 未満）")


def test_a_wrong_gradient_names_the_case_its_shapes_and_the_error():
    verdict = judge(lambda x, w: {"dw": x.T @ np.ones((x.shape[0], 4))})  # forgot the tanh' factor
    assert verdict.status == "fail"
    assert verdict.message.startswith("case 1 (x(3, 2), w(2, 4)): relative error of dw is ")
    assert verdict.message.endswith(", above 1e-06")
    assert judge(lambda x, w: {"dw": right(x, w)["dw"].T}).message == "dw: wrong shape (4, 2), expected (2, 4)"
    assert judge(lambda x, w: {}).message == "dw: got None (a missing return?)"


def test_the_catalog_tolerance_overrides_the_hidden_modules():
    slightly_off = lambda x, w: {"dw": right(x, w)["dw"] * (1 + 1e-4)}  # noqa: E731
    assert judge(slightly_off).status == "fail"
    assert judge(slightly_off, params=GRADCHECK.parse({"tolerance": 1e-3})).status == "pass"


@pytest.mark.parametrize(
    "raw, key, what",
    [
        ({"tolerance": "tight"}, "tolerance", ": expected a number, got 'tight'"),
        ({"tol": 1e-6}, "tol", " is not a parameter here (known: tolerance)"),
    ],
)
def test_parameters_that_do_not_fit_are_refused_by_key(raw, key, what):
    with pytest.raises(ParamError) as info:
        GRADCHECK.parse(raw)
    assert (info.value.key, str(info.value.what)) == (key, what)
