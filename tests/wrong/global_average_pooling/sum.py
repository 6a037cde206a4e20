# expect: fail
# diagnosis: this returns the sum
# mistake: the H×W values are added, not averaged
"""Global Average Pooling の層（順伝播と逆伝播）を実装してください。

GlobalAveragePooling(): 学習するパラメータのない層
  forward(x): x (N, C, H, W) -> out (N, C)。out[n, c] はチャンネル c の H×W 個の値の平均
  backward(dout): dout (N, C) = ∂L/∂out -> dx (N, C, H, W) = ∂L/∂x

Implement the global average pooling layer (forward and backward).
GlobalAveragePooling(): a layer with no trainable parameters
  forward(x): x (N, C, H, W) -> out (N, C); out[n, c] is the mean of channel c's H×W values
  backward(dout): dout (N, C) = ∂L/∂out -> dx (N, C, H, W) = ∂L/∂x
"""
import numpy as np


class GlobalAveragePooling:
    def forward(self, x):
        # TODO: 逆伝播のために x の形を覚え、チャンネルごとに高さと幅の方向で平均する
        #       keep x's shape for backward; average each channel over its height and width
        self.x_shape = x.shape
        return x.sum(axis=(2, 3))

    def backward(self, dout):
        # TODO: 各 dout[n, c] を、そのチャンネルの H×W 個の位置に 1/(H·W) ずつ配る
        #       give each dout[n, c] to every one of its channel's H×W positions, times 1/(H·W)
        N, C, H, W = self.x_shape
        return np.broadcast_to(dout[:, :, None, None] / (H * W), self.x_shape).copy()
