# Forks until something stops it; every child sleeps. (Linear, so the test machine survives.)
import os
import time


def double(x):
    while True:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
