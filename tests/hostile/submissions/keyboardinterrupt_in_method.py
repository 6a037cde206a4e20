# raise KeyboardInterrupt inside a method; the function before it is wrong.
import os
import sys


def double(x):
    return 3 * x


class Double:
    def forward(self, x):
        raise KeyboardInterrupt

    def backward(self, dout):
        raise KeyboardInterrupt
