# Recursion limit lifted: the C stack overflows and the process dies.
import sys

sys.setrecursionlimit(10 ** 9)


def _down(n):
    return _down(n + 1) + 1


def double(x):
    return _down(0) * x


class Double:
    def forward(self, x):
        return double(x)

    def backward(self, dout):
        return double(dout)
