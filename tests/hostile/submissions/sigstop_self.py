# Stops itself: only the timeout's SIGKILL ends it.
import os
import signal


def double(x):
    os.kill(os.getpid(), signal.SIGSTOP)
    return 2 * x
