# sys.exit(0) while the module loads.
import os
import sys

sys.exit(0)


def double(x):
    return 2 * x
