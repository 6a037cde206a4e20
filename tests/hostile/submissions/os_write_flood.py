# Writes straight to fd 1, past Python's buffers, until writes fail.
import os


def double(x):
    chunk = b"z" * (1 << 20)
    while True:
        os.write(1, chunk)


class Double:
    def forward(self, x):
        os.write(2, b"e" * (1 << 20))
        return 3 * x

    def backward(self, dout):
        return 2 * dout
