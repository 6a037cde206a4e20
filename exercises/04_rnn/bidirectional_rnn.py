"""双方向 RNN の順伝播。/ Forward pass of a bidirectional RNN.

順方向の RNN（重み Wx_f, Wh_f, b_f）は t = 0, 1, …, T-1 の順に、逆方向の RNN（重み Wx_b, Wh_b, b_b）は
t = T-1, T-2, …, 0 の順に入力を読みます。どちらも h の初期値は 0、セルは h = tanh(h_prev @ Wh + x @ Wx + b)。
返す hs (N, T, 2H) は、時刻 t ごとに [順方向の h_t, 逆方向の h_t] を最後の軸で連結したものです:
    hs[:, t, :H] = 順方向が xs[:, 0..t] を読んだ後の状態
    hs[:, t, H:] = 逆方向が xs[:, T-1..t] を読んだ後の状態
形状: xs (N, T, D)、Wx_f, Wx_b (D, H)、Wh_f, Wh_b (H, H)、b_f, b_b (H,)。
一方向の RNN を回す time_rnn は書いてあります。

The forward RNN (Wx_f, Wh_f, b_f) reads t = 0, 1, …, T-1; the backward RNN (Wx_b, Wh_b, b_b) reads
t = T-1, T-2, …, 0. Both start from h = 0; the cell is h = tanh(h_prev @ Wh + x @ Wx + b).
Return hs (N, T, 2H): at each time t, [forward h_t, backward h_t] concatenated on the last axis:
    hs[:, t, :H] = the forward state after reading xs[:, 0..t]
    hs[:, t, H:] = the backward state after reading xs[:, T-1..t]
time_rnn, which runs a one-way RNN, is given.
"""
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
    # TODO: time_rnn で順方向と逆方向を計算し、時刻をそろえて最後の軸で連結する
    #       compute both directions with time_rnn, align them in time, concatenate on the last axis
    raise NotImplementedError("bidirectional_rnn: TODO を埋めてください / fill in the TODO")
