"""双方向 RNN の順伝播 / Forward pass of a bidirectional RNN."""
import numpy as np


def time_rnn(xs, Wx, Wh, b):
    """一方向の tanh RNN を t = 0, 1, …, T-1 の順に回す（h の初期値は 0）。/ A one-way tanh RNN, h starts at 0.

    xs (N, T, D), Wx (D, H), Wh (H, H), b (H,) -> hs (N, T, H), hs[:, t] = tanh(hs[:, t-1] @ Wh + xs[:, t] @ Wx + b).
    """
    N, T, _ = xs.shape
    h = np.zeros((N, Wh.shape[0]))
    hs = np.empty((N, T, Wh.shape[0]))
    for t in range(T):
        h = np.tanh(h @ Wh + xs[:, t] @ Wx + b)
        hs[:, t] = h
    return hs


def bidirectional_rnn(xs, Wx_f, Wh_f, b_f, Wx_b, Wh_b, b_b):
    """hs (N, T, 2H): hs[:, t, :H] は順方向、hs[:, t, H:] は逆方向の時刻 t の隠れ状態。"""
    hs_f = time_rnn(xs, Wx_f, Wh_f, b_f)
    hs_b = time_rnn(xs[:, ::-1], Wx_b, Wh_b, b_b)[:, ::-1]   # run on the reversed sequence, then put back in time order
    return np.concatenate((hs_f, hs_b), axis=2)
