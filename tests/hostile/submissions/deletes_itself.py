# Deletes its own file while loading, then answers wrongly.
import os

os.remove(__file__)


def double(x):
    return 3 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
