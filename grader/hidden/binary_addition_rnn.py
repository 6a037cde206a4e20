"""Hidden tests for `binary_addition_rnn`: one exact update step, then two real training runs scored here.

Model (row vectors, LSB first): u[:, t+1] = X[:, t] @ W_in + z[:, t] @ W, z = f(u),
y[:, t] = sigmoid(z[:, t+1] @ W_out), L = Σ ½(y − d)² over batch and time.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.training import Training

BITS = 8


def _sigmoid(u):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-u))


F = {"sigmoid": _sigmoid, "tanh": np.tanh, "relu": lambda u: np.maximum(u, 0.0)}
DF = {
    "sigmoid": lambda u: _sigmoid(u) * (1 - _sigmoid(u)),
    "tanh": lambda u: 1 - np.tanh(u) ** 2,
    "relu": lambda u: (u > 0).astype(float),
}


def _bits(n):
    return ((np.asarray(n)[:, None] >> np.arange(BITS)) & 1).astype(np.float64)


def _forward(X, W_in, W, W_out, act):
    B, H = X.shape[0], W.shape[0]
    u = np.zeros((B, BITS + 1, H))
    z = np.zeros((B, BITS + 1, H))
    y = np.zeros((B, BITS, 1))
    for t in range(BITS):
        u[:, t + 1] = X[:, t] @ W_in + z[:, t] @ W
        z[:, t + 1] = F[act](u[:, t + 1])
        y[:, t] = _sigmoid(z[:, t + 1] @ W_out)
    return u, z, y


def _step(case, *, recurrent=True, df_on="u", dW_z="prev", W_T=True, out_deriv=True):
    """The reference update (keyword switches build the known wrong variants)."""
    X, D, act, lr = case["X"], case["D"], case["activation"], case["lr"]
    W_in, W, W_out = case["W_in"].copy(), case["W"].copy(), case["W_out"].copy()
    u, z, y = _forward(X, W_in, W, W_out, act)
    loss = 0.5 * np.sum((y - D) ** 2)
    delta_out = (y - D) * y * (1 - y) if out_deriv else (y - D)
    delta = np.zeros_like(u)
    dW_in, dW, dW_out = np.zeros_like(W_in), np.zeros_like(W), np.zeros_like(W_out)
    for t in reversed(range(BITS)):
        back = delta[:, t + 1] @ (W.T if W_T else W) if recurrent else 0.0
        at = u[:, t + 1] if df_on == "u" else z[:, t + 1]
        delta[:, t] = (back + delta_out[:, t] @ W_out.T) * DF[act](at)
        dW_out += z[:, t + 1].T @ delta_out[:, t]
        dW += (z[:, t] if dW_z == "prev" else z[:, t + 1]).T @ delta[:, t]
        dW_in += X[:, t].T @ delta[:, t]
    return {"loss": loss, "W_in": W_in - lr * dW_in, "W": W - lr * dW, "W_out": W_out - lr * dW_out}


def _step_inputs(rng):
    cases = []
    # a different lr per case, so a train_step that ignores lr (or hard-codes 0.1) is seen
    for act, batch, hidden, lr in (("sigmoid", 3, 5, 0.1), ("tanh", 4, 6, 0.05), ("relu", 2, 7, 0.2)):
        a, b = rng.integers(0, 128, batch), rng.integers(0, 128, batch)
        cases.append(
            {
                "X": np.stack([_bits(a), _bits(b)], axis=2),
                "D": _bits(a + b)[:, :, None],
                "W_in": rng.normal(size=(2, hidden)),
                "W": rng.normal(scale=0.5, size=(hidden, hidden)),
                "W_out": rng.normal(size=(hidden, 1)),
                "lr": lr,
                "activation": act,
            }
        )
    return cases


def _step_run(learner, case):
    W_in, W, W_out = case["W_in"], case["W"], case["W_out"]
    loss = learner.train_step(W_in, W, W_out, case["X"], case["D"], case["lr"], case["activation"])
    return {"loss": loss, "W_in": W_in, "W": W, "W_out": W_out}


def _step_expected(case):
    return _step(case)


def _variant(**switches):
    return lambda case: {k: v for k, v in _step(case, **switches).items() if k != "loss"}


STEP = Cases(
    inputs=_step_inputs,
    run=_step_run,
    expected=_step_expected,
    rtol=1e-7,
    atol=1e-10,
    variants=(
        Variant(
            "in_place",
            lambda case: {"W_in": case["W_in"], "W": case["W"], "W_out": case["W_out"]},
            ja="重みが更新されていません。W_in -= lr * dW_in のようにその場で更新してください"
            "（W_in = W_in - ... では呼び出し側の配列は変わりません）。",
            en="the weights were not updated in place: write W_in -= lr * dW_in (W_in = W_in - ... "
            "rebinds a local name and the caller's array stays as it was).",
        ),
        Variant(
            "df_on_activated",
            _variant(df_on="z"),
            ja="活性化関数の微分を活性化「後」の値 z に適用しています。f'(u[:, t+1]) のように活性化前の u で評価します。",
            en="the activation's derivative is applied to the activated value z; evaluate it at the "
            "pre-activation: f'(u[:, t+1]).",
        ),
        Variant(
            "no_recurrent",
            _variant(recurrent=False),
            ja="次の時刻からの項 delta[:, t+1] @ W.T が抜けています（時間をさかのぼる逆伝播）。",
            en="the term from the next time step, delta[:, t+1] @ W.T, is missing (backprop through time).",
        ),
        Variant(
            "W_not_transposed",
            _variant(W_T=False),
            ja="delta[:, t+1] @ W になっています。u[:, t+2] = ... + z[:, t+1] @ W なので W.T を掛けます。",
            en="delta[:, t+1] @ W: since u[:, t+2] = ... + z[:, t+1] @ W, multiply by W.T.",
        ),
        Variant(
            "dW_off_by_one",
            _variant(dW_z="next"),
            ja="dW に z[:, t+1] を使っています。u[:, t+1] に W で入るのは前の状態 z[:, t] です。",
            en="dW uses z[:, t+1]; the state that enters u[:, t+1] through W is the previous one, z[:, t].",
        ),
        Variant(
            "no_output_sigmoid_derivative",
            _variant(out_deriv=False),
            ja="出力層の sigmoid の微分 y(1 − y) が delta_out に抜けています。",
            en="delta_out is missing the output sigmoid's derivative y(1 − y).",
        ),
    ),
)

_TEST_SET = None


def _test_set():
    global _TEST_SET
    if _TEST_SET is None:
        rng = np.random.default_rng(20261123)
        a, b = rng.integers(0, 128, 500), rng.integers(0, 128, 500)
        _TEST_SET = (np.stack([_bits(a), _bits(b)], axis=2), _bits(a + b))
    return _TEST_SET


def _accuracy(config, got):
    """Share of 500 held-out additions whose 8 output bits are all right, with the learner's weights."""
    X, D = _test_set()
    W_in, W, W_out = (np.asarray(got[k], dtype=np.float64) for k in ("W_in", "W", "W_out"))
    _, _, y = _forward(X, W_in, W, W_out, config["activation"])
    return float(np.mean(np.all((y[:, :, 0] > 0.5) == (D > 0.5), axis=1)))


def _train_run(learner, config):
    kwargs = {k: v for k, v in config.items() if not k.startswith("_")}
    result = learner.train(**kwargs)
    return {k: result.get(k) for k in ("W_in", "W", "W_out")} if isinstance(result, dict) else {"_": result}


def _config(**kw):
    return lambda rng: [dict(hidden_size=16, lr=0.1, iters=1500, batch_size=8, seed=7, **kw)]


CHECKS = {
    "step": STEP,
    "train_sigmoid": Training(
        configs=_config(weight_init_std=1.0, init="normal", activation="sigmoid"),
        run=_train_run,
        score=_accuracy,
        threshold=0.9,
    ),
    "train_tanh_xavier": Training(
        configs=_config(init="xavier", activation="tanh"), run=_train_run, score=_accuracy, threshold=0.9
    ),
}
