# Closes stdout and stderr (the Python objects and the descriptors), then prints.
import os
import sys


def double(x):
    sys.stdout.close()
    sys.stderr.close()
    os.close(1)
    os.close(2)
    return 3 * x


class Double:
    def forward(self, x):
        print("after closing")
        return 2 * x

    def backward(self, dout):
        return 2 * dout
