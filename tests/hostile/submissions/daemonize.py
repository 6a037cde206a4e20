# The classic double fork: the grandchild starts its own session and outlives its parent.
import os
import time


def double(x):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(60)
        os._exit(0)
    os.wait()
    return 3 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
