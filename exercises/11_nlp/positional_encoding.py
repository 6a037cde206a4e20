"""Transformer の位置エンコーディング（"Attention Is All You Need"）を実装してください。

positional_encoding(T, d) -> PE: (T, d) の float 配列。pos = 0, 1, ..., T-1、i = 0, 1, ..., d/2 - 1、d は偶数。
  PE[pos, 2i]     = sin(pos / 10000^(2i/d))
  PE[pos, 2i + 1] = cos(pos / 10000^(2i/d))

Implement the sinusoidal positional encoding of "Attention Is All You Need".
positional_encoding(T, d) -> PE, a float array (T, d); pos = 0 .. T-1, i = 0 .. d/2 - 1, d is even.
  PE[pos, 2i] = sin(pos / 10000^(2i/d)),  PE[pos, 2i + 1] = cos(pos / 10000^(2i/d))
"""
import numpy as np


def positional_encoding(T, d):
    # TODO: 偶数番目の次元に sin、奇数番目の次元に cos / sin on the even dimensions, cos on the odd ones
    raise NotImplementedError("positional_encoding: TODO を埋めてください / fill in the TODO")
