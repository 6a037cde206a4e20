"""回帰の評価指標 RMSE・MAE・R² / Regression metrics: RMSE, MAE and R².

y_true, y_pred: (N,) または (N, D) の float の配列（同じ形、N ≥ 2）。regression_metrics は (rmse, mae, r2) を返します。
(N,) なら float 3 つ、(N, D) なら出力の列ごとの値を並べた (D,) の配列 3 つです。
y_true の列が定数のとき、その列の r2 は予測が完全に一致すれば 1.0、そうでなければ 0.0 とします。

y_true, y_pred: float arrays of shape (N,) or (N, D) (the same shape, N >= 2). regression_metrics returns
(rmse, mae, r2): three floats for (N,), three arrays (D,) of per-column values for (N, D).
A column whose y_true is constant has r2 = 1.0 if its predictions are exact, else 0.0.
"""
import numpy as np


def regression_metrics(y_true, y_pred):
    # TODO: 誤差 y_pred - y_true から RMSE と MAE を、軸 0（サンプルの軸）で平均して求める
    #       from the errors y_pred - y_true, compute RMSE and MAE, averaging over axis 0 (the samples)
    # TODO: R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)²（ȳ は y_true の列ごとの平均）。定数の列は 1.0 か 0.0
    #       R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)² (ȳ the column means of y_true); a constant column gets 1.0 or 0.0
    raise NotImplementedError("regression_metrics: TODO を埋めてください / fill in the TODO")
