# Right function and forward; backward never returns.
def double(x):
    return 2 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        while True:
            pass
