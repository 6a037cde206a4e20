# Changes the working directory and writes a file there, then answers wrongly.
import os
import tempfile

os.chdir(tempfile.gettempdir())


def double(x):
    os.chdir("/")
    return 3 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
