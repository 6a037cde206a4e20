"""tanh の導関数 / The derivative of tanh.

d_tanh(x) を完成させてください: tanh'(x) = d/dx tanh(x) を、入力 x（活性化の前の値）で評価した値。
- x: 任意の形状の float64 配列。返り値は x と同じ形状。
- |x| が 1000 程度でも NaN を返さないこと（正しい値はほぼ 0）。

Complete d_tanh(x): tanh'(x) = d/dx tanh(x), evaluated at the input x (the value before the activation).
- x: float64 array of any shape; return an array of the same shape.
- Must not return NaN for |x| up to about 1000 (the right value there is about 0).
"""
import numpy as np


def d_tanh(x):
    """tanh の導関数を入力 x で評価 / tanh'(x) at the input x."""
    # TODO
    raise NotImplementedError("d_tanh: TODO を埋めてください / fill in the TODO")
