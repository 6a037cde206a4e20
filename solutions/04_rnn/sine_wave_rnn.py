"""サイン波の次の値を予測する RNN / LSTM / GRU の学習（Truncated BPTT、ゼロから作るDeep Learning 2 の形）— 解答例。
Training an RNN / LSTM / GRU to predict the next value of a sine wave (truncated BPTT, book 2 style) —
reference solution.
"""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class TimeCell:
    """One recurrent layer over (N, T, D) inputs; stateful between forward calls until reset_state()."""

    def __init__(self, cell, D, H, rng):
        gates = {"rnn": 1, "lstm": 4, "gru": 3}[cell]
        self.cell, self.H = cell, H
        self.params = [rng.standard_normal((D, gates * H)) / np.sqrt(D),
                       rng.standard_normal((H, gates * H)) / np.sqrt(H),
                       np.zeros(gates * H)]
        self.grads = [np.zeros_like(p) for p in self.params]
        self.h = self.c = None

    def reset_state(self):
        self.h = self.c = None

    def forward(self, xs):
        Wx, Wh, b = self.params
        N, T, _ = xs.shape
        H = self.H
        h = np.zeros((N, H)) if self.h is None else self.h
        c = np.zeros((N, H)) if self.c is None else self.c
        self.cache = []
        hs = np.empty((N, T, H))
        for t in range(T):
            x = xs[:, t]
            if self.cell == "rnn":
                h_new = np.tanh(x @ Wx + h @ Wh + b)
                self.cache.append((x, h, h_new))
            elif self.cell == "lstm":
                A = x @ Wx + h @ Wh + b
                f, g, i, o = sigmoid(A[:, :H]), np.tanh(A[:, H:2*H]), sigmoid(A[:, 2*H:3*H]), sigmoid(A[:, 3*H:])
                c_new = f * c + g * i
                tc = np.tanh(c_new)
                h_new = o * tc
                self.cache.append((x, h, c, f, g, i, o, tc))
                c = c_new
            else:  # gru: z, r, candidate; h' = (1 - z) * h + z * h~
                Wxz, Wxr, Wxh = Wx[:, :H], Wx[:, H:2*H], Wx[:, 2*H:]
                Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2*H], Wh[:, 2*H:]
                z = sigmoid(x @ Wxz + h @ Whz + b[:H])
                r = sigmoid(x @ Wxr + h @ Whr + b[H:2*H])
                hh = np.tanh(x @ Wxh + (r * h) @ Whh + b[2*H:])
                h_new = (1 - z) * h + z * hh
                self.cache.append((x, h, z, r, hh))
            h = h_new
            hs[:, t] = h
        self.h, self.c = h, c
        return hs

    def backward(self, dhs):
        Wx, Wh, b = self.params
        N, T, H = dhs.shape
        dWx, dWh, db = np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)
        dh = np.zeros((N, H))
        dc = np.zeros((N, H))
        for t in reversed(range(T)):
            dh = dh + dhs[:, t]
            if self.cell == "rnn":
                x, h_prev, h_new = self.cache[t]
                da = dh * (1 - h_new ** 2)
                dWx += x.T @ da; dWh += h_prev.T @ da; db += da.sum(0)
                dh = da @ Wh.T
            elif self.cell == "lstm":
                x, h_prev, c_prev, f, g, i, o, tc = self.cache[t]
                ds = dc + dh * o * (1 - tc ** 2)
                dA = np.hstack([ds * c_prev * f * (1 - f), ds * i * (1 - g ** 2), ds * g * i * (1 - i),
                                dh * tc * o * (1 - o)])
                dWx += x.T @ dA; dWh += h_prev.T @ dA; db += dA.sum(0)
                dc = ds * f
                dh = dA @ Wh.T
            else:
                x, h_prev, z, r, hh = self.cache[t]
                Whz, Whr, Whh = Wh[:, :H], Wh[:, H:2*H], Wh[:, 2*H:]
                dhh = dh * z
                dh_prev = dh * (1 - z)
                dt = dhh * (1 - hh ** 2)
                dWx[:, 2*H:] += x.T @ dt; dWh[:, 2*H:] += (r * h_prev).T @ dt; db[2*H:] += dt.sum(0)
                drh = dt @ Whh.T
                dh_prev += r * drh
                dz = dh * (hh - h_prev) * z * (1 - z)
                dWx[:, :H] += x.T @ dz; dWh[:, :H] += h_prev.T @ dz; db[:H] += dz.sum(0)
                dh_prev += dz @ Whz.T
                dr = drh * h_prev * r * (1 - r)
                dWx[:, H:2*H] += x.T @ dr; dWh[:, H:2*H] += h_prev.T @ dr; db[H:2*H] += dr.sum(0)
                dh_prev += dr @ Whr.T
                dh = dh_prev
        self.grads[0][...] = dWx
        self.grads[1][...] = dWh
        self.grads[2][...] = db
        return None


class SineModel:
    """x_t -> h_t -> y_t = h_t @ W + b; loss = mean squared error over batch and time."""

    def __init__(self, cell="lstm", hidden_size=16, seed=0):
        rng = np.random.default_rng(seed)
        self.rnn = TimeCell(cell, 1, hidden_size, rng)
        self.W = rng.standard_normal((hidden_size, 1)) / np.sqrt(hidden_size)
        self.b = np.zeros(1)
        self.params = self.rnn.params + [self.W, self.b]
        self.grads = self.rnn.grads + [np.zeros_like(self.W), np.zeros_like(self.b)]

    def reset_state(self):
        self.rnn.reset_state()

    def predict(self, xs):
        self.hs = self.rnn.forward(xs)
        return self.hs @ self.W + self.b

    def forward(self, xs, ts):
        self.ys = self.predict(xs)
        self.ts = ts
        return float(np.mean((self.ys - ts) ** 2))

    def backward(self):
        dys = 2 * (self.ys - self.ts) / self.ys.size
        N, T, _ = dys.shape
        self.grads[3][...] = self.hs.reshape(N * T, -1).T @ dys.reshape(N * T, 1)
        self.grads[4][...] = dys.sum(axis=(0, 1))
        self.rnn.backward(dys @ self.W.T)


class Adam:
    def __init__(self, lr=0.01, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.iter += 1
        lr_t = self.lr * np.sqrt(1 - self.beta2 ** self.iter) / (1 - self.beta1 ** self.iter)
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m += (1 - self.beta1) * (g - m)
            v += (1 - self.beta2) * (g ** 2 - v)
            p -= lr_t * m / (np.sqrt(v) + 1e-7)


def clip_grads(grads, max_norm):
    total = np.sqrt(sum(float(np.sum(g ** 2)) for g in grads))
    rate = max_norm / (total + 1e-6)
    if rate < 1:
        for g in grads:
            g *= rate


def sine_series(length, period=25.0, noise=0.05, seed=0):
    rng = np.random.default_rng(seed)
    t = np.arange(length + 1)
    x = np.sin(2 * np.pi * t / period) + noise * rng.standard_normal(length + 1)
    return x[:-1], x[1:]



def get_batch(xs, ts, batch_size, time_size, iteration):
    """ミニバッチ (bx, bt)、形は (batch_size, time_size, 1)。行 i は系列の i*jump 番目から読み始め
    （jump = len(xs) // batch_size）、iteration ごとに time_size ずつ先へ進みます。
    Row i starts reading at i*jump (jump = len(xs) // batch_size) and moves time_size further each iteration."""
    jump = len(xs) // batch_size
    bx = np.empty((batch_size, time_size, 1))
    bt = np.empty((batch_size, time_size, 1))
    for i in range(batch_size):
        start = i * jump + iteration * time_size
        bx[i, :, 0] = xs[start:start + time_size]
        bt[i, :, 0] = ts[start:start + time_size]
    return bx, bt


def train(cell="lstm", hidden_size=16, lr=0.01, epochs=15, batch_size=8, time_size=20, max_norm=1.0,
          seed=0, length=2000):
    """Truncated BPTT で学習し、学習済みモデルを返します。/ Train with truncated BPTT; return the model."""
    model = SineModel(cell, hidden_size, seed)
    optimizer = Adam(lr)
    xs, ts = sine_series(length, seed=seed)
    iters_per_epoch = (len(xs) // batch_size) // time_size
    for _ in range(epochs):
        model.reset_state()                       # 各エポックの初めだけ状態を捨てる / a fresh state per epoch
        for iteration in range(iters_per_epoch):
            bx, bt = get_batch(xs, ts, batch_size, time_size, iteration)
            model.forward(bx, bt)
            model.backward()
            clip_grads(model.grads, max_norm)
            optimizer.update(model.params, model.grads)
    return model
