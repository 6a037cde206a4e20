# raise SystemExit while the module loads.
import os
import sys

raise SystemExit


def double(x):
    return 2 * x
