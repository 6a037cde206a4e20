"""Hidden tests for `sine_wave_rnn`: the truncated-BPTT batching; a short seeded replay of the learner's
train() compared with a reference run of the statement's procedure (so a skipped reset_state() or clip,
an epoch too many or too few, a reversed loop or a fresh Adam per epoch shows); then RNN, LSTM and GRU
training runs scored here, with a reference forward pass, on a noise-free held-out sine wave."""

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


REPLAY_ARGS = ("hidden_size", "lr", "epochs", "batch_size", "time_size", "max_norm", "seed", "length")


def _replay(case, *, reset="epoch", clips=1, extra_epochs=0, reverse=False, fresh_adam=False):
    """The statement's train(cell='rnn') in plain numpy: the stub's SineModel initialisation, data, Adam and
    clip_grads. The keyword switches build the known wrong procedures; returns all parameters, flattened."""
    H, B, T, max_norm, length = (case[k] for k in ("hidden_size", "batch_size", "time_size", "max_norm", "length"))
    rng = np.random.default_rng(case["seed"])
    params = [
        rng.standard_normal((1, H)),
        rng.standard_normal((H, H)) / np.sqrt(H),
        np.zeros(H),
        rng.standard_normal((H, 1)) / np.sqrt(H),
        np.zeros(1),
    ]
    noise = np.random.default_rng(case["seed"]).standard_normal(length + 1)
    wave = np.sin(2 * np.pi * np.arange(length + 1) / 25.0) + 0.05 * noise
    xs, ts = wave[:-1], wave[1:]
    jump = length // B
    m = v = None
    step = 0
    h = np.zeros((B, H))
    for _ in range(case["epochs"] + extra_epochs):
        if fresh_adam:
            m = v = None
            step = 0
        if reset == "epoch":
            h = np.zeros((B, H))
        order = range(jump // T)
        for it in reversed(order) if reverse else order:
            if reset == "iteration":
                h = np.zeros((B, H))
            starts = np.arange(B) * jump + it * T
            bx = np.stack([xs[s : s + T] for s in starts])[:, :, None]
            bt = np.stack([ts[s : s + T] for s in starts])[:, :, None]
            Wx, Wh, b, W, c = params
            hs, prev = np.empty((B, T, H)), []
            for t in range(T):
                prev.append(h)
                h = np.tanh(bx[:, t] @ Wx + h @ Wh + b)
                hs[:, t] = h
            dys = 2 * (hs @ W + c - bt) / (B * T)
            dW, dc = hs.reshape(B * T, H).T @ dys.reshape(B * T, 1), dys.sum(axis=(0, 1))
            dWx, dWh, db, dh = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b), np.zeros((B, H))
            for t in reversed(range(T)):
                da = (dh + dys[:, t] @ W.T) * (1 - hs[:, t] ** 2)
                dWx += bx[:, t].T @ da
                dWh += prev[t].T @ da
                db += da.sum(0)
                dh = da @ Wh.T
            grads = [dWx, dWh, db, dW, dc]
            for _ in range(clips):
                rate = max_norm / (np.sqrt(sum(float(np.sum(g**2)) for g in grads)) + 1e-6)
                if rate < 1:
                    grads = [g * rate for g in grads]
            if m is None:
                m, v = [np.zeros_like(p) for p in params], [np.zeros_like(p) for p in params]
            step += 1
            lr_t = case["lr"] * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            for i, g in enumerate(grads):
                m[i] = m[i] + 0.1 * (g - m[i])
                v[i] = v[i] + 0.001 * (g**2 - v[i])
                params[i] = params[i] - lr_t * m[i] / (np.sqrt(v[i]) + 1e-7)
    return {"params": np.concatenate([p.ravel() for p in params])}


def _replay_inputs(rng):
    # max_norm is far below every gradient norm here, so clip_grads acts at every iteration (and a second
    # call still shrinks the gradients by about a tenth); every mistake below moves the parameters by > 1e-2.
    return [
        {
            "hidden_size": 3,
            "lr": 0.05,
            "epochs": 2,
            "batch_size": 2,
            "time_size": 4,
            "max_norm": 1e-5,
            "seed": 3,
            "length": 40,
        },
        {
            "hidden_size": 4,
            "lr": 0.05,
            "epochs": 3,
            "batch_size": 3,
            "time_size": 3,
            "max_norm": 1e-5,
            "seed": 8,
            "length": 37,
        },
    ]


def _replay_run(learner, case):
    model = learner.train(cell="rnn", **{k: case[k] for k in REPLAY_ARGS})
    params = getattr(model, "params", None)
    try:
        return {"params": np.concatenate([np.ravel(np.asarray(p, dtype=np.float64)) for p in params])}
    except (TypeError, ValueError):
        return {"params": params}


def _replay_variant(**switches):
    return lambda case: _replay(case, **switches)


REPLAY = Cases(
    inputs=_replay_inputs,
    run=_replay_run,
    expected=_replay,
    rtol=1e-7,
    atol=1e-9,
    variants=(
        Variant(
            "no_reset",
            _replay_variant(reset="never"),
            ja="エポックの初めに model.reset_state() を呼んでいません。前のエポックの最後の隠れ状態が次のエポックの"
            "先頭の入力に引き継がれています。",
            en="model.reset_state() is not called at the start of each epoch: the last hidden state of one epoch "
            "carries over into the first batch of the next.",
        ),
        Variant(
            "reset_every_iteration",
            _replay_variant(reset="iteration"),
            ja="model.reset_state() を iteration ごとに呼んでいます。リセットはエポックの初めの 1 回だけで、"
            "エポックの中では隠れ状態を次の iteration へ引き継ぎます（Truncated BPTT）。",
            en="model.reset_state() is called at every iteration: reset once, at the start of the epoch, and let "
            "the hidden state carry over from one iteration to the next within it (truncated BPTT).",
        ),
        Variant(
            "no_clip",
            _replay_variant(clips=0),
            ja="勾配クリッピングが効いていません。clip_grads(model.grads, max_norm) を呼んでいないか、"
            "optimizer.update の後に呼んでいます。backward の直後・update の前に呼びます。",
            en="the gradients are not clipped: clip_grads(model.grads, max_norm) is missing or called after "
            "optimizer.update; call it after backward and before update.",
        ),
        Variant(
            "clip_twice",
            _replay_variant(clips=2),
            ja="clip_grads を 1 回の iteration で 2 回呼んでいます。クリッピングは backward と update の間に 1 回だけです。",
            en="clip_grads is called twice per iteration; clip once, between backward and update.",
        ),
        Variant(
            "extra_epoch",
            _replay_variant(extra_epochs=1),
            ja="エポックが 1 回多く回っています。range(epochs) で、ちょうど epochs 回だけ繰り返します。",
            en="one epoch too many: loop exactly `epochs` times (range(epochs)).",
        ),
        Variant(
            "missing_epoch",
            _replay_variant(extra_epochs=-1),
            ja="エポックが 1 回足りません。range(epochs) で、ちょうど epochs 回繰り返します。",
            en="one epoch too few: loop exactly `epochs` times (range(epochs)).",
        ),
        Variant(
            "reversed_iterations",
            _replay_variant(reverse=True),
            ja="iteration を逆順に回しています。iteration = 0, 1, …, iters_per_epoch − 1 の順に読むことで、"
            "引き継いだ隠れ状態が次の区間の入力とつながります。",
            en="the iterations run in reverse: go through iteration = 0, 1, …, iters_per_epoch − 1 so the carried "
            "hidden state fits the next window's input.",
        ),
        Variant(
            "fresh_optimizer",
            _replay_variant(fresh_adam=True),
            ja="エポックごとに Adam を作り直しています。Adam は train の初めに 1 つだけ作り、モーメントと更新回数を"
            "全エポックで引き継ぎます。",
            en="a new Adam is made every epoch: make one at the start of train and keep its moments and step count "
            "through all the epochs.",
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


CHECKS = {
    "batch": BATCH,
    "replay": REPLAY,
    "train_rnn": _training("rnn"),
    "train_lstm": _training("lstm"),
    "train_gru": _training("gru"),
}
