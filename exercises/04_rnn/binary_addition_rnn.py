"""2 進数の足し算を学習する RNN（ラビットチャレンジ Day 3 の形、行ベクトル表記）
Binary-addition RNN (the ラビットチャレンジ Day 3 setting, row-vector code).

train_step の TODO を埋めてください（逆伝播 δ と重みの更新）。ほかは書いてあります。
Fill in the TODO in train_step (the backward δ recursion and the update); the rest is given.
"""
import numpy as np

BITS = 8  # 各数は 8 ビット、下位ビットから時刻 0, 1, ... の順に入力 / LSB first


def sigmoid(u):
    return 1.0 / (1.0 + np.exp(-u))


ACTIVATIONS = {
    # name: (f, f' evaluated at the PRE-activation u)
    "sigmoid": (sigmoid, lambda u: sigmoid(u) * (1.0 - sigmoid(u))),
    "tanh": (np.tanh, lambda u: 1.0 - np.tanh(u) ** 2),
    "relu": (lambda u: np.maximum(u, 0.0), lambda u: (u > 0).astype(u.dtype)),
}


def to_bits(n):
    """(B,) 整数 → (B, BITS) ビット（下位から）。/ integers -> bits, least significant first."""
    return ((np.asarray(n)[:, None] >> np.arange(BITS)) & 1).astype(np.float64)


def make_batch(rng, batch_size):
    """a, b < 128 の組: X (B, BITS, 2)、正解 D (B, BITS, 1)。/ pairs a, b < 128."""
    a = rng.integers(0, 128, batch_size)
    b = rng.integers(0, 128, batch_size)
    X = np.stack([to_bits(a), to_bits(b)], axis=2)
    D = to_bits(a + b)[:, :, None]
    return X, D


def init_weights(rng, hidden_size, weight_init_std, init):
    """'normal': N(0, 1)·weight_init_std、'xavier': /√n、'he': ·√(2/n)（n = 入力側のノード数）。"""
    shapes = {"W_in": (2, hidden_size), "W": (hidden_size, hidden_size), "W_out": (hidden_size, 1)}
    weights = {}
    for name, shape in shapes.items():
        w = rng.standard_normal(shape)
        fan_in = shape[0]
        if init == "xavier":
            w = w / np.sqrt(fan_in)
        elif init == "he":  # pragma: no cover - for the learner's own experiments (He + ReLU), not graded
            w = w * np.sqrt(2.0 / fan_in)
        else:
            w = w * weight_init_std
        weights[name] = w
    return weights


def forward(X, W_in, W, W_out, activation):
    """u[:, t+1] = X[:, t] @ W_in + z[:, t] @ W、z[:, t+1] = f(u[:, t+1])、y[:, t] = sigmoid(z[:, t+1] @ W_out)。"""
    f, _ = ACTIVATIONS[activation]
    B = X.shape[0]
    H = W.shape[0]
    u = np.zeros((B, BITS + 1, H))
    z = np.zeros((B, BITS + 1, H))
    y = np.zeros((B, BITS, 1))
    for t in range(BITS):
        u[:, t + 1] = X[:, t] @ W_in + z[:, t] @ W
        z[:, t + 1] = f(u[:, t + 1])
        y[:, t] = sigmoid(z[:, t + 1] @ W_out)
    return u, z, y


def train_step(W_in, W, W_out, X, D, lr, activation="sigmoid"):
    """1 回の更新。損失 L = Σ ½(y − d)²（バッチと時刻で和）。重みをその場で更新し、更新前の L を返す。
    One update of L = Σ ½(y − d)² (summed over batch and time); update the weights in place, return L."""
    _, df = ACTIVATIONS[activation]
    u, z, y = forward(X, W_in, W, W_out, activation)
    loss = 0.5 * np.sum((y - D) ** 2)
    # TODO: delta_out = ∂L/∂(z[:, t+1] @ W_out)（出力層の活性化前）/ before the output sigmoid   (B, BITS, 1)
    # TODO: for t in reversed(range(BITS)):
    #           delta[:, t] = ∂L/∂u[:, t+1]（次の時刻からの項 + 出力からの項）× f'(u[:, t+1])    (B, H)
    #           dW_out, dW, dW_in に加算 / accumulate dW_out, dW, dW_in
    # TODO: W_in, W, W_out をその場で更新（W_in -= lr * dW_in など）/ update in place
    raise NotImplementedError("train_step: TODO を埋めてください / fill in the TODO")


def train(hidden_size=16, lr=0.1, weight_init_std=1.0, init="normal", activation="sigmoid",
          iters=1500, batch_size=8, seed=0):
    """学習ループ（書いてあります）。/ The training loop (given)."""
    rng = np.random.default_rng(seed)
    weights = init_weights(rng, hidden_size, weight_init_std, init)
    losses = []
    for _ in range(iters):
        X, D = make_batch(rng, batch_size)
        losses.append(train_step(weights["W_in"], weights["W"], weights["W_out"], X, D, lr, activation))
    return {**weights, "losses": np.array(losses)}
