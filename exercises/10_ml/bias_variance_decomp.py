"""バイアスとバリアンスを推定する / Estimating bias and variance.

preds: (M, N)。別々の学習データで学習した M 個のモデルの、N 個のテスト点での予測。f_true: (N,) テスト点での真の関数の値。
bias_variance は (bias2, variance) を float で返します。bias2 は点ごとの (平均の予測 − f)² の N 点の平均、
variance は点ごとの予測の（M で割る）分散の N 点の平均です。

preds: (M, N), the predictions at N test points of M models trained on different training sets; f_true: (N,) the
true function's values there. bias_variance returns (bias2, variance) as floats: bias2 is the mean over the N points
of (the average prediction − f)², variance the mean over the points of the predictions' variance (dividing by M).
"""
import numpy as np


def bias_variance(preds, f_true):
    # TODO: 点ごとの平均の予測（M 個のモデルについての平均）を求める / the average prediction at each point (over the M models)
    # TODO: bias2 と variance を N 点で平均して float で返す / average bias2 and variance over the N points; return floats
    raise NotImplementedError("bias_variance: TODO を埋めてください / fill in the TODO")
