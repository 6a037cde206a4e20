# Recursion through C (map inside the recursion) with the limit lifted: the C stack overflows.
import sys

sys.setrecursionlimit(10 ** 9)


def _down(n):
    return sum(map(_down, [n + 1]))


def double(x):
    return _down(0) * x
