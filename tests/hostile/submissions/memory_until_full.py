# Allocates until memory runs out (RLIMIT_AS stops it well before the machine does).
import numpy as np

_kept = []


def double(x):
    while True:
        _kept.append(np.ones(1 << 24))  # 128 MiB a step, touched


class Double:
    def forward(self, x):
        return double(x)

    def backward(self, dout):
        return double(dout)
