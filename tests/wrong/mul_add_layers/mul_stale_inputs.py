# expect: fail
# diagnosis: MulLayer.backward uses the x and y of an earlier forward
# mistake: MulLayer keeps x and y only when there are none of this shape yet
"""乗算レイヤと加算レイヤ（ゼロから作るDeep Learning 1, 5 章）/ Multiply and add layers (book 1 API)."""
import numpy as np


class MulLayer:
    """out = x * y (elementwise). ∂out/∂x = y, ∂out/∂y = x."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        if self.x is None or np.shape(self.x) != np.shape(x):
            self.x, self.y = x, y     # kept once per shape
        return x * y

    def backward(self, dout):
        # each input's gradient is dout times the OTHER input
        return dout * self.y, dout * self.x


class AddLayer:
    """out = x + y. ∂out/∂x = ∂out/∂y = 1: dout passes through unchanged to both inputs."""

    def __init__(self):
        pass

    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout * 1, dout * 1
