"""inverted dropout（PyTorch の nn.Dropout の方式） / inverted dropout, as PyTorch's nn.Dropout does it."""
import numpy as np


class InvertedDropout:
    def __init__(self, p=0.5):
        self.p = p          # ユニットを消す確率（0 <= p < 1） / the drop probability (0 <= p < 1)
        self.mask = None    # 直前の学習時の forward の残す判断 / the keep decisions of the last training forward
        self.scale = 1.0 / (1.0 - p)

    def forward(self, x, train_flg=True, mask=None):
        if not train_flg:
            return x
        if mask is None:
            mask = np.random.rand(*x.shape) > self.p
        self.mask = mask
        return x * self.mask * self.scale

    def backward(self, dout):
        return dout * self.mask * self.scale
