"""im2col（ゼロから作るDeep Learning 1, 7 章）/ im2col (book 1, chapter 7).

im2col(input_data, filter_h, filter_w, stride=1, pad=0) を実装してください。
  input_data: (N, C, H, W)。上下左右に pad 個ずつ 0 を詰め、filter_h × filter_w の窓を stride おきに取り出します。
  out_h = (H + 2*pad - filter_h) // stride + 1、out_w = (W + 2*pad - filter_w) // stride + 1。
  戻り値: (N*out_h*out_w, C*filter_h*filter_w) の 2 次元配列。
    行の並び: (n, 出力の y, 出力の x) の順（x が最も速く変わる）。
    列の並び: (c, フィルタ内の y, フィルタ内の x) の順 = 窓 input[n, :, ...] (C, filter_h, filter_w) を平らにした順。

Implement im2col(input_data, filter_h, filter_w, stride=1, pad=0).
  input_data: (N, C, H, W). Pad pad zeros on every side, take filter_h x filter_w windows every stride.
  out_h = (H + 2*pad - filter_h) // stride + 1, out_w = (W + 2*pad - filter_w) // stride + 1.
  Return a 2-D array (N*out_h*out_w, C*filter_h*filter_w).
    Rows in the order (n, output y, output x) (x changes fastest).
    Columns in the order (c, y in the filter, x in the filter): a window (C, filter_h, filter_w), flattened.
"""
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    # TODO: out_h, out_w を計算し、パディングした入力から窓を取り出して (N*out_h*out_w, C*filter_h*filter_w) にする
    #       compute out_h, out_w, take the windows of the padded input, return (N*out_h*out_w, C*filter_h*filter_w)
    raise NotImplementedError("im2col: TODO を埋めてください / fill in the TODO")
