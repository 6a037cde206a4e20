"""How a returned value is compared and what the learner is told."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from grader.checks.base import mismatch
from grader.wire import Foreign

WANT = np.arange(6.0).reshape(2, 3)


@pytest.mark.parametrize(
    "got, message",
    [
        (WANT.copy(), None),
        (WANT + 1e-9, None),
        (WANT.T, "wrong shape (3, 2), expected (2, 3)"),
        (WANT.astype(np.int64), "integer dtype int64; compute in floating point"),
        (np.full((2, 3), np.nan), "contains NaN or inf"),
        (WANT + 1, "wrong values (max abs error 1)"),
        (None, "got None (a missing return?)"),
        (Foreign("list", "[1]"), "expected an ndarray, got list"),
        (Foreign("matrix", "[[1]]", (2, 3)), "return an ndarray, not an np.matrix"),
    ],
)
def test_mismatch_messages(got, message):
    assert mismatch(got, WANT, 1e-6, 1e-8, "en") == message


def test_an_infinity_both_share_is_no_error_and_raises_no_warning():
    mask = np.array([[0.0, -np.inf, -np.inf], [0.0, 0.0, -np.inf]])  # a causal mask's -inf above the diagonal
    got = mask.copy()
    got[1, 0] = 0.5
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # inf - inf would warn "invalid value encountered in subtract"
        assert mismatch(got, mask, 1e-6, 1e-8, "en") == "wrong values (max abs error 0.5)"
        assert mismatch(mask.copy(), mask, 1e-6, 1e-8, "en") is None
        assert mismatch(np.where(mask < 0, np.inf, 0.0), mask, 1e-6, 1e-8, "en") == "wrong values (max abs error inf)"


def test_integers_and_booleans():
    assert (
        mismatch(np.array([1.0, 2.0]), np.array([1, 2]), 1e-6, 1e-8, "en")
        == "dtype float64; return integers (like int64)"
    )
    assert mismatch(False, np.bool_(True), 1e-6, 1e-8, "en") == "expected True, got False"
    assert mismatch((WANT, 1.0), (WANT, 2.0), 1e-6, 1e-8, "en") == "[1] wrong values (max abs error 1)"
    assert mismatch(WANT, (WANT, WANT), 1e-6, 1e-8, "en").startswith("return a tuple of 2 values")


@pytest.mark.parametrize(
    "n, en, ja", [(1, "the one case matches", "1 ケース一致"), (3, "all 3 cases match", "3 ケースすべて一致")]
)
def test_cases_pass_message_counts_the_cases(n, en, ja):
    from grader.checks.cases import Cases

    check = Cases(
        inputs=lambda rng: [{"x": rng.standard_normal((2, 3))} for _ in range(n)],
        run=lambda learner, case: {"y": 2 * case["x"]},
        expected=lambda case: {"y": 2 * case["x"]},
    )
    cases = check.draw(np.random.default_rng(0))
    outputs = check.probe(None, cases)
    reference = check.reference(cases)
    assert check.judge(cases, reference, outputs, "en").message == en
    assert check.judge(cases, reference, outputs, "ja").message == ja
