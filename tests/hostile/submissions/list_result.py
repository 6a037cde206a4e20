# Lists instead of arrays.
def double(x):
    return (2 * x).tolist()


class Double:
    def forward(self, x):
        return [list(row) for row in 2 * x]

    def backward(self, dout):
        return (2 * dout).tolist()
