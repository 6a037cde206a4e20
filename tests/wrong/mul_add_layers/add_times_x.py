# expect: fail
# diagnosis: AddLayer.backward multiplies by the inputs
# mistake: AddLayer.backward copies the multiply rule: dx = dout * x, dy = dout * y


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


class AddLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x + y

    def backward(self, dout):
        return dout * self.x, dout * self.y
