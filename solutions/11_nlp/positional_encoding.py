"""Transformer の位置エンコーディング / Sinusoidal positional encoding ("Attention Is All You Need")."""
import numpy as np


def positional_encoding(T, d):
    pos = np.arange(T)[:, None]                     # (T, 1): positions 0 .. T-1
    two_i = np.arange(0, d, 2)[None, :]             # (1, d/2): 2i = 0, 2, 4, ...
    angle = pos / np.power(10000.0, two_i / d)      # (T, d/2)
    pe = np.zeros((T, d))
    pe[:, 0::2] = np.sin(angle)                     # even dimensions 2i
    pe[:, 1::2] = np.cos(angle)                     # odd dimensions 2i + 1
    return pe
