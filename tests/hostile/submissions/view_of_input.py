# Doubles the input in place and returns a view of it: the value is right, the input is not.
def double(x):
    x *= 2
    return x


class Double:
    def forward(self, x):
        x *= 2
        return x[...]

    def backward(self, dout):
        dout *= 2
        return dout.T.T
