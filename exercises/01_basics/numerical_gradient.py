"""数値微分による勾配（中心差分）/ Numerical gradient by central differences (book 1 API).

numerical_gradient(f, x) を完成させてください。
- f: 配列 x を受け取りスカラー（float）を返す関数。呼び方は f(x)。
- x: float64 の配列。形状は何次元でもかまいません（(D,), (N, D), (N, C, D) …）。
- 各要素 x[idx] について (f(x + h) − f(x − h)) / (2h)（h = 1e-4、その要素だけをずらす）を計算し、
  x と同じ形状の配列 grad を返します。
- 呼び出しの後、x の値は呼ぶ前とまったく同じに戻っていること。

Complete numerical_gradient(f, x).
- f: takes the array x and returns a scalar (float); call it as f(x).
- x: float64 array of any ndim ((D,), (N, D), (N, C, D), ...).
- For every element x[idx], compute (f(x + h) − f(x − h)) / (2h) with h = 1e-4, shifting that element
  only, and return grad with the shape of x.
- After the call, x must hold exactly its original values again.
"""
import numpy as np


def numerical_gradient(f, x):
    """f の x における勾配（中心差分, h = 1e-4）/ gradient of f at x (central difference)."""
    h = 1e-4
    grad = np.zeros_like(x)
    # TODO: x のすべての要素 idx について（何次元でも）/ for every element idx of x (any ndim):
    #   x[idx] を x[idx] + h にして f(x)、x[idx] − h にして f(x)、中心差分を grad[idx] へ、x[idx] を元に戻す
    #   set x[idx] to x[idx] + h and call f(x), then x[idx] − h, store the central difference, restore x[idx]
    raise NotImplementedError("numerical_gradient: TODO を埋めてください / fill in the TODO")
    return grad
