# raise BaseException('bye') inside a method; the function before it is wrong.
import os
import sys


def double(x):
    return 3 * x


class Double:
    def forward(self, x):
        raise BaseException('bye')

    def backward(self, dout):
        raise BaseException('bye')
