# Transposed results.
def double(x):
    return 2 * x.T


class Double:
    def forward(self, x):
        return (2 * x).reshape(-1)

    def backward(self, dout):
        return 2 * dout.T
