"""LeakyReLU と GELU のレイヤ / The LeakyReLU and GELU layers.

x は任意の形状の float64 配列です。forward(x) は x と同じ形状の出力を返し、backward(dout) は
dout（出力と同じ形状の ∂L/∂out）から ∂L/∂x を返します。
- LeakyRelu(alpha=0.01): out = x（x > 0）、alpha·x（x <= 0）
- GELU（tanh による近似）: out = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
erf を使う厳密な GELU は不正解です（問題文を参照）。

x is a float64 array of any shape. forward(x) returns an output shaped like x; backward(dout) takes dout
(∂L/∂out, shaped like the output) and returns ∂L/∂x.
- LeakyRelu(alpha=0.01): out = x (x > 0), alpha·x (x <= 0)
- GELU (the tanh approximation): out = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
The exact GELU with erf is graded wrong (see the statement).
"""
import numpy as np

C = np.sqrt(2.0 / np.pi)   # √(2/π)
K = 0.044715


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None   # x <= 0 の要素 / the elements with x <= 0

    def forward(self, x):
        # TODO: self.mask を作り、out を返す / make self.mask, return out
        raise NotImplementedError("LeakyRelu.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: dx を返す / return dx
        raise NotImplementedError("LeakyRelu.backward: TODO を埋めてください / fill in the TODO")


class GELU:
    def __init__(self):
        self.x = None

    def forward(self, x):
        # TODO: x を保存し、out を返す / keep x, return out
        raise NotImplementedError("GELU.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: 保存した x から dx を返す / return dx from the kept x
        raise NotImplementedError("GELU.backward: TODO を埋めてください / fill in the TODO")
