# Delivers a real SIGINT (Ctrl-C) to its own process.
import os
import signal


def double(x):
    os.kill(os.getpid(), signal.SIGINT)
    return 2 * x
