# Unbounded recursion: Python's own limit stops it.
def double(x):
    return double(x)


class Double:
    def forward(self, x):
        return self.forward(x)

    def backward(self, dout):
        return self.backward(dout)
