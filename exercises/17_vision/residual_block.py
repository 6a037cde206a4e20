"""全結合の残差ブロック（ResNet の skip connection、1 巻のレイヤの形）/ A fully connected residual block.

ResidualBlock(W1, b1, W2, b2): W1 (D, H)、b1 (H,)、W2 (H, D)、b2 (D,)（H と D は異なります）
forward(x): x (N, D) -> out (N, D)
  out = ReLU(x + ReLU(x @ W1 + b1) @ W2 + b2)   （残差 F(x) に入力 x をそのまま足し、和に ReLU）
backward(dout): dout (N, D) = ∂L/∂out。dx (N, D) を返し、self.dW1, self.db1, self.dW2, self.db2 をセットします。
  skip connection の経路からも勾配が x に届きます。

ResidualBlock(W1, b1, W2, b2): W1 (D, H), b1 (H,), W2 (H, D), b2 (D,) (H differs from D)
forward(x): x (N, D) -> out (N, D)
  out = ReLU(x + ReLU(x @ W1 + b1) @ W2 + b2)   (the residual F(x) plus the input x itself, then ReLU)
backward(dout): dout (N, D) = ∂L/∂out. Return dx (N, D) and set self.dW1, self.db1, self.dW2, self.db2.
  The gradient also reaches x through the skip connection.
"""

import numpy as np


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        # forward で backward に必要な値を保存してください（名前は自由）
        # keep what backward needs in forward (any attribute names)
        self.dW1 = self.db1 = self.dW2 = self.db2 = None

    def forward(self, x):
        # TODO: out = ReLU(x + ReLU(x @ W1 + b1) @ W2 + b2) を返す / return out
        raise NotImplementedError("ResidualBlock.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: 最後の ReLU、Affine2、ReLU、Affine1 の順に戻り、skip の経路の勾配を dx に足す
        #       go back through the last ReLU, Affine2, ReLU, Affine1, and add the skip path's gradient to dx
        raise NotImplementedError("ResidualBlock.backward: TODO を埋めてください / fill in the TODO")
