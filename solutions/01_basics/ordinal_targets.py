"""順序回帰: K − 1 個の累積 2 値目標とその BCE / ordinal regression with K − 1 cumulative binary targets."""
import numpy as np


def ordinal_targets(y, K):
    """クラス y (N,) から目標 (N, K − 1): t[n, k] = 1 if y[n] > k / targets t[n, k] = 1 if y[n] > k."""
    return (y[:, None] > np.arange(K - 1)).astype(np.float64)


def ordinal_predict(a):
    """logits a (N, K − 1) から予測クラス (N,): σ(a) > 0.5 の個数 / the number of outputs with σ(a) > 0.5."""
    return np.sum(a > 0.0, axis=1)   # σ(a) > 0.5 ⇔ a > 0


class OrdinalBCELoss:
    def __init__(self):
        self.p = None      # σ(a) (N, K − 1)
        self.t = None      # 目標 / the targets (N, K − 1)
        self.loss = None

    def forward(self, a, y):
        self.t = ordinal_targets(y, a.shape[1] + 1)
        self.p = 1.0 / (1.0 + np.exp(-a))
        bce = -(self.t * np.log(self.p) + (1.0 - self.t) * np.log(1.0 - self.p))
        self.loss = float(np.sum(bce) / a.shape[0])   # k について和、バッチについて平均 / sum over k, mean over N
        return self.loss

    def backward(self, dout=1):
        return dout * (self.p - self.t) / self.p.shape[0]
