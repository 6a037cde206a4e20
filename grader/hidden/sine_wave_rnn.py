"""Hidden tests for `sine_wave_rnn`: the truncated-BPTT batching, then RNN, LSTM and GRU training runs
scored here, with a reference forward pass, on a noise-free held-out sine wave."""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.training import Training


def _batch(case, start_of):
    xs, ts, B, T, it = case["xs"], case["ts"], case["batch_size"], case["time_size"], case["iteration"]
    bx, bt = np.empty((B, T, 1)), np.empty((B, T, 1))
    for i in range(B):
        s = start_of(i, len(xs) // B, T, it)
        bx[i, :, 0], bt[i, :, 0] = xs[s : s + T], ts[s : s + T]
    return {"bx": bx, "bt": bt}


def _batch_inputs(rng):
    cases = []
    for length, B, T, it in ((103, 4, 5, 0), (103, 4, 5, 3), (250, 6, 7, 2)):
        xs = rng.standard_normal(length)
        cases.append({"xs": xs, "ts": rng.standard_normal(length), "batch_size": B, "time_size": T, "iteration": it})
    return cases


def _batch_run(learner, case):
    got = learner.get_batch(case["xs"], case["ts"], case["batch_size"], case["time_size"], case["iteration"])
    bx, bt = got if isinstance(got, tuple) and len(got) == 2 else (got, None)
    return {"bx": bx, "bt": bt}


BATCH = Cases(
    inputs=_batch_inputs,
    run=_batch_run,
    expected=lambda c: _batch(c, lambda i, jump, T, it: i * jump + it * T),
    variants=(
        Variant(
            "same_window",
            lambda c: _batch(c, lambda i, jump, T, it: it * T),
            ja="どの行も同じ区間を読んでいます。行 i は i*jump（jump = len(xs) // batch_size）から読み始めます。",
            en="every row reads the same window: row i starts at i*jump (jump = len(xs) // batch_size).",
        ),
        Variant(
            "no_time_step",
            lambda c: _batch(c, lambda i, jump, T, it: i * jump + it),
            ja="iteration ごとに 1 つずつしか進んでいません。1 回で time_size 進めます（i*jump + iteration*time_size）。",
            en="each iteration moves by 1; it must move by time_size (i*jump + iteration*time_size).",
        ),
        Variant(
            "contiguous_rows",
            lambda c: _batch(c, lambda i, jump, T, it: (it * c["batch_size"] + i) * T),
            ja="行を隣り合う区間として並べています。Truncated BPTT では行 i が系列の離れた位置 i*jump を"
            "受け持ち、隠れ状態を次の iteration へ引き継ぎます。",
            en="the rows are adjacent windows; in truncated BPTT row i follows its own stretch starting at "
            "i*jump, so the hidden state carries over to the next iteration.",
        ),
    ),
)


def _sigmoid(x):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def _predict(cell, params, xs):
    """Reference forward of the stub's SineModel (gates: LSTM f, g, i, o; GRU z, r, candidate)."""
    Wx, Wh, b, W, bias = (np.asarray(p, dtype=np.float64) for p in params)
    H = Wh.shape[0]
    h, c = np.zeros((1, H)), np.zeros((1, H))
    out = []
    for t in range(len(xs)):
        x = np.array([[xs[t]]])
        if cell == "rnn":
            h = np.tanh(x @ Wx + h @ Wh + b)
        elif cell == "lstm":
            A = x @ Wx + h @ Wh + b
            c = _sigmoid(A[:, :H]) * c + np.tanh(A[:, H : 2 * H]) * _sigmoid(A[:, 2 * H : 3 * H])
            h = _sigmoid(A[:, 3 * H :]) * np.tanh(c)
        else:
            z = _sigmoid(x @ Wx[:, :H] + h @ Wh[:, :H] + b[:H])
            r = _sigmoid(x @ Wx[:, H : 2 * H] + h @ Wh[:, H : 2 * H] + b[H : 2 * H])
            hh = np.tanh(x @ Wx[:, 2 * H :] + (r * h) @ Wh[:, 2 * H :] + b[2 * H :])
            h = (1 - z) * h + z * hh
        out.append(float((h @ W + bias)[0, 0]))
    return np.array(out)


def _held_out_mse(config, got):
    """Mean squared error of one-step-ahead predictions on 400 noise-free steps (the first 50 warm up)."""
    t = np.arange(401)
    wave = np.sin(2 * np.pi * (t + 7) / 25.0)
    params = [got[f"p{i}"] for i in range(5)]
    ys = _predict(config["cell"], params, wave[:-1])
    return float(np.mean((ys[50:] - wave[1:][50:]) ** 2))


def _train_run(learner, config):
    model = learner.train(**{k: v for k, v in config.items() if not k.startswith("_")})
    params = getattr(model, "params", None)
    if not isinstance(params, (list, tuple)) or len(params) != 5:
        return {"p0": params}
    return {f"p{i}": p for i, p in enumerate(params)}


def _training(cell):
    return Training(
        configs=lambda rng: [{"cell": cell, "seed": 5}],
        run=_train_run,
        score=_held_out_mse,
        threshold=0.005,
        metric="held-out MSE",
        higher_is_better=False,
    )


CHECKS = {"batch": BATCH, "train_rnn": _training("rnn"), "train_lstm": _training("lstm"), "train_gru": _training("gru")}
