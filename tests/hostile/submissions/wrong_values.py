# Plainly wrong values everywhere.
def double(x):
    return x + 2


class Double:
    def forward(self, x):
        return x * x

    def backward(self, dout):
        return dout
