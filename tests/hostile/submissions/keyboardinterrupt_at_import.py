# raise KeyboardInterrupt while the module loads.
import os
import sys

raise KeyboardInterrupt


def double(x):
    return 2 * x
