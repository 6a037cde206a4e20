"""乗算レイヤと加算レイヤ（ゼロから作るDeep Learning 1, 5 章）/ Multiply and add layers (book 1 API).

MulLayer: forward(x, y) は x * y を返し、backward のために x と y を覚えておく。
          backward(dout) は (dx, dy) = (∂L/∂x, ∂L/∂y) のタプルを返す。
AddLayer: forward(x, y) は x + y を返す。backward(dout) は (dx, dy) のタプルを返す。
x, y はスカラー（float）でも、同じ形状の numpy 配列（要素ごとの積・和）でもかまいません。
dout は forward の出力と同じ形状の、上流から来た勾配 ∂L/∂out です。

MulLayer: forward(x, y) returns x * y and remembers x and y for backward;
          backward(dout) returns the tuple (dx, dy) = (∂L/∂x, ∂L/∂y).
AddLayer: forward(x, y) returns x + y; backward(dout) returns the tuple (dx, dy).
x and y are scalars (floats) or numpy arrays of the same shape (elementwise product and sum).
dout, the upstream gradient ∂L/∂out, has the shape of forward's output.
"""


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        # TODO: x と y を覚えて x * y を返す / remember x and y, return x * y
        raise NotImplementedError("MulLayer.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: (dx, dy) を返す / return (dx, dy)
        raise NotImplementedError("MulLayer.backward: TODO を埋めてください / fill in the TODO")


class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        # TODO: x + y を返す / return x + y
        raise NotImplementedError("AddLayer.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: (dx, dy) を返す / return (dx, dy)
        raise NotImplementedError("AddLayer.backward: TODO を埋めてください / fill in the TODO")
