# expect: fail
# diagnosis: each mask is one channel (or frame) too long
# mistake: the band's last index f0 + f included
"""SpecAugment の周波数マスクと時間マスクを、ミニバッチのスペクトログラムにかけてください（乱数は引数で与えます）。

spec_augment(x, f0, f, t0, t) -> out
  x: (N, F, T) のログメルスペクトログラム（N 発話、F 本のメルチャンネル、T フレーム）
  f0, f: (N, m_F) の int 配列。発話 n の周波数マスク i はチャンネル f0[n, i]〜f0[n, i] + f[n, i] − 1（全フレーム）
  t0, t: (N, m_T) の int 配列。発話 n の時間マスク j はフレーム t0[n, j]〜t0[n, j] + t[n, j] − 1（全チャンネル）
  マスクした値は、マスクをかける前の x[n] 全体の平均にします。x は書き換えず、新しい配列を返します。

Apply SpecAugment's frequency and time masks to a mini-batch of spectrograms (random numbers given as arguments).
spec_augment(x, f0, f, t0, t) -> out
  x: log mel spectrograms (N, F, T) (N utterances, F mel channels, T frames)
  f0, f: int arrays (N, m_F); frequency mask i of utterance n covers channels f0[n, i] to f0[n, i] + f[n, i] − 1 (all frames)
  t0, t: int arrays (N, m_T); time mask j of utterance n covers frames t0[n, j] to t0[n, j] + t[n, j] − 1 (all channels)
  Masked values become the mean of the whole x[n] before masking. x is not changed; a new array is returned.
"""
import numpy as np


def spec_augment(x, f0, f, t0, t):
    # TODO: x のコピーに、発話ごとに元の x[n] の平均で、周波数の帯と時間の帯を塗る
    #       on a copy of x, fill each utterance's frequency bands and time bands with the mean of the original x[n]
    out = x.copy()
    for n in range(x.shape[0]):
        fill = x[n].mean()  # from the input, before any mask
        for i in range(f0.shape[1]):
            out[n, f0[n, i] : f0[n, i] + f[n, i] + 1, :] = fill
        for j in range(t0.shape[1]):
            out[n, :, t0[n, j] : t0[n, j] + t[n, j] + 1] = fill
    return out
