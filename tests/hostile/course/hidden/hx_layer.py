"""Hidden checks of the hostile corpus's course: double(x), Double.forward and Double.backward.

Each cases check also returns the input as it is after the call, so a submission that changes
its input in place fails even when its return value is right.
"""

from __future__ import annotations

import numpy as np
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck


def _inputs(rng):
    return [{"x": rng.standard_normal((3, 4))}, {"x": rng.standard_normal((2, 5))}]


def _grad_inputs(rng):
    return [
        {"x": rng.standard_normal((3, 4)), "dout": rng.standard_normal((3, 4))},
        {"x": rng.standard_normal((2, 5)), "dout": rng.standard_normal((2, 5))},
    ]


def _function(learner, case):
    x = case["x"]
    return {"y": learner.double(x), "x_after_call": x}


def _forward(learner, case):
    x = case["x"]
    return {"y": learner.Double().forward(x), "x_after_call": x}


def _backward(learner, case):
    layer = learner.Double()
    layer.forward(case["x"].copy())
    return {"dx": layer.backward(case["dout"].copy())}


def _expected(case):
    return {"y": 2 * case["x"], "x_after_call": case["x"]}


CHECKS = {
    "function": Cases(inputs=_inputs, run=_function, expected=_expected),
    "forward": Cases(inputs=_inputs, run=_forward, expected=_expected),
    "backward": GradCheck(
        inputs=_grad_inputs, run=_backward, loss=lambda c: float(np.sum(2 * c["x"] * c["dout"])), wrt={"dx": "x"}
    ),
}
