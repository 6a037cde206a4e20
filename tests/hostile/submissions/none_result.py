# A forgotten return.
def double(x):
    2 * x


class Double:
    def forward(self, x):
        2 * x

    def backward(self, dout):
        2 * dout
