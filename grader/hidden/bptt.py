"""Hidden tests for `bptt`: E資格-style BPTT of a tanh RNN with a squared-error loss over all times.

h_{-1} = 0, h_t = tanh(xs[:, t] @ W.T + h_{t-1} @ U.T), o_t = h_t @ V.T,
E = Σ_t ½‖o_t − ys[:, t]‖² / N. The learner returns (dW, dU, dV), the exact gradient of E.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (N, T, D, H, O): all five sizes differ within a case, so a transpose or a wrong sum shows.
SHAPES = ((3, 4, 2, 5, 6), (4, 6, 3, 2, 5), (2, 5, 4, 3, 6))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, t, d, h, o in SHAPES:
        cases.append(
            {
                "xs": rng.normal(size=(n, t, d)),
                "ys": rng.normal(size=(n, t, o)),
                # Moderate scales: tanh neither saturated nor linear, and early steps still matter.
                "W": rng.normal(scale=0.6, size=(h, d)),
                "U": rng.normal(scale=0.6, size=(h, h)),
                "V": rng.normal(scale=0.6, size=(o, h)),
            }
        )
    return cases


def _forward(xs, W, U, V):
    """Reference forward: hs (N, T, H) after tanh, outs (N, T, O)."""
    n, t_len, _ = xs.shape
    hs = np.zeros((n, t_len, W.shape[0]))
    h = np.zeros((n, W.shape[0]))
    for t in range(t_len):
        h = np.tanh(xs[:, t] @ W.T + h @ U.T)
        hs[:, t] = h
    return hs, hs @ V.T


def _loss(case) -> float:
    """The reference loss E = Σ_t ½‖o_t − y_t‖² / N."""
    _, outs = _forward(case["xs"], case["W"], case["U"], case["V"])
    return float(0.5 * np.sum((outs - case["ys"]) ** 2) / case["xs"].shape[0])


def _exact(case) -> dict:
    """Exact gradients by a single backward sweep (a different form from the E資格 double loop)."""
    xs, ys, W, U, V = case["xs"], case["ys"], case["W"], case["U"], case["V"]
    n, t_len, _ = xs.shape
    hs, outs = _forward(xs, W, U, V)
    dout = (outs - ys) / n
    dW, dU, dV = np.zeros_like(W), np.zeros_like(U), np.zeros_like(V)
    dh_next = np.zeros((n, W.shape[0]))
    for t in reversed(range(t_len)):
        h_prev = hs[:, t - 1] if t > 0 else np.zeros_like(hs[:, 0])
        da = (dout[:, t] @ V + dh_next) * (1 - hs[:, t] ** 2)
        dV += dout[:, t].T @ hs[:, t]
        dW += da.T @ xs[:, t]
        dU += da.T @ h_prev
        dh_next = da @ U
    return {"dV": dV, "dW": dW, "dU": dU}


def _double_loop(
    case,
    *,
    div_n=True,
    dtanh_first=True,
    dtanh_rec=True,
    dtanh_time=-1,
    dU_state=-1,
    dU_transposed=False,
    U_transposed=False,
    wrap=False,
    through_time=True,
) -> dict:
    """The E資格 double loop with one knob per known mistake (defaults give the exact gradient)."""
    xs, ys, W, U, V = case["xs"], case["ys"], case["W"], case["U"], case["V"]
    n, t_len, _ = xs.shape
    hs, outs = _forward(xs, W, U, V)

    def h(t):
        if t < 0 and wrap:
            return hs[:, t]  # numpy wraps -1 to the last state h_{T-1}
        return hs[:, t] if t >= 0 else np.zeros_like(hs[:, 0])

    dW, dU, dV = np.zeros_like(W), np.zeros_like(U), np.zeros_like(V)
    for t in reversed(range(t_len)):
        delta_o = (outs[:, t] - ys[:, t]) / (n if div_n else 1)
        dV += delta_o.T @ h(t)
        delta = delta_o @ V * ((1 - h(t) ** 2) if dtanh_first else 1)
        steps = reversed(range(t + 1)) if through_time else [t]
        for step in steps:
            dW += delta.T @ xs[:, step]
            state = h(step + dU_state)
            dU += state.T @ delta if dU_transposed else delta.T @ state
            factor = (1 - h(step + dtanh_time) ** 2) if dtanh_rec else 1
            delta = delta @ (U.T if U_transposed else U) * factor
    return {"dV": dV, "dW": dW, "dU": dU}


def _only(*names, **knobs):
    return lambda case: {k: v for k, v in _double_loop(case, **knobs).items() if k in names}


VARIANTS = (
    Variant(
        "no_div_n",
        _only("dV", "dW", "dU", div_n=False),
        ja="すべての勾配がちょうど N 倍です。E はバッチ数 N で割っているので、"
        "delta_o = (o_t − y_t) / N としてください。",
        en="every gradient is exactly N times too large: E is divided by the batch size N, "
        "so use delta_o = (o_t − y_t) / N.",
    ),
    Variant(
        "dU_h_step",
        _only("dU", dU_state=0),
        ja="dU が h(step) を使っています。a_step に入るのは一つ前の状態 h_{step-1} なので、"
        "dU += delta.T @ h(step - 1) です。",
        en="dU uses h(step): the state that enters a_step is the previous one, h_{step-1}, "
        "so dU += delta.T @ h(step - 1).",
    ),
    Variant(
        "dU_transposed",
        _only("dU", dU_transposed=True),
        ja="dU が転置されています。a = … + h_prev @ U.T なので dU = delta.T @ h(step - 1) (H, H) です"
        "（U は正方行列なので形状では気づけません）。",
        en="dU is transposed: since a = … + h_prev @ U.T, dU = delta.T @ h(step - 1) "
        "(U is square, so the shape cannot tell you).",
    ),
    Variant(
        "h_minus1_wraps",
        _only("dU", wrap=True),
        ja="step = 0 で hs[:, -1] を使っていませんか。numpy の hs[:, -1] は最後の状態 h_{T-1} で、"
        "h_{-1} = 0 ではありません。h(step - 1) を使ってください。",
        en="at step 0 you used hs[:, -1]: in numpy that is the last state h_{T-1}, not h_{-1} = 0. Use h(step - 1).",
    ),
    Variant(
        "no_dtanh_first",
        _only("dW", "dU", dtanh_first=False),
        ja="最初の delta に tanh の微分がありません。delta = delta_o @ V * (1 - h(t) ** 2) です"
        "（h_t は tanh の後の値なので tanh'(a_t) = 1 − h_t²）。",
        en="the first delta lacks the tanh derivative: delta = delta_o @ V * (1 - h(t) ** 2) "
        "(h_t is after tanh, so tanh'(a_t) = 1 − h_t²).",
    ),
    Variant(
        "no_dtanh_rec",
        _only("dW", "dU", dtanh_rec=False),
        ja="1 ステップ戻すときに tanh の微分を掛けていません。delta = delta @ U * (1 - h(step - 1) ** 2) です。",
        en="going back one step misses the tanh derivative: delta = delta @ U * (1 - h(step - 1) ** 2).",
    ),
    Variant(
        "dtanh_wrong_time",
        _only("dW", "dU", dtanh_time=0),
        ja="1 ステップ戻すときの tanh の微分の時刻が違います。戻った先は a_{step-1} なので "
        "(1 - h(step) ** 2) ではなく (1 - h(step - 1) ** 2) です。",
        en="going back one step uses the tanh derivative of the wrong time: the new delta is for "
        "a_{step-1}, so use (1 - h(step - 1) ** 2), not (1 - h(step) ** 2).",
    ),
    Variant(
        "U_transposed_rec",
        _only("dW", "dU", U_transposed=True),
        ja="delta を戻すときの U が転置されています。a = … + h_prev @ U.T なので "
        "∂/∂h_prev は delta @ U です（delta @ U.T ではありません）。",
        en="going back one step uses U transposed: since a = … + h_prev @ U.T, the gradient "
        "w.r.t. h_prev is delta @ U, not delta @ U.T.",
    ),
    Variant(
        "no_through_time",
        _only("dW", "dU", through_time=False),
        ja="内側のループが step = t だけで終わっています。o_t の誤差は h_{t-1}, h_{t-2}, … を通して"
        "過去のすべての時刻の W, U に届くので、step = 0 まで戻ってください。",
        en="the inner loop stops at step = t: the error of o_t reaches W and U at every earlier "
        "step through h_{t-1}, h_{t-2}, …, so go back all the way to step 0.",
    ),
)


def _run(learner, case) -> dict:
    out = learner.bptt(case["xs"], case["ys"], case["W"], case["U"], case["V"])
    if isinstance(out, (tuple, list)) and len(out) == 3:
        return {"dW": out[0], "dU": out[1], "dV": out[2]}
    # Not (dW, dU, dV): let each name report what came back (None, a single array, ...).
    return {"dW": out, "dU": out, "dV": out}


CHECKS = {
    "cases": Cases(inputs=_inputs, run=_run, expected=_exact, variants=VARIANTS),
    # h = 1e-5: with 1e-4 the truncation error of dW reached ~1e-7 on some seeds, too close to tol.
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run, loss=_loss, wrt={"dW": "W", "dU": "U", "dV": "V"}, tol=1e-6, h=1e-5
    ),
}
